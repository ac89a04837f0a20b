"""The x-order alignment kernel of layer separation, compiled with numba.

Where two overlaid text runs share a baseline the extractor emits their glyphs
sorted by x position. Given the earlier run (``needle``) and the merged line
(``hay``), the kernel finds which hay characters are the needle's, by dynamic
programming over (needle characters used, hay position): taking a character
for the needle costs how far the needle's glyph would sit right of the
leftover's next glyph, and vice versa. It is the hottest loop of ingestion,
hence compiled; the Python reference it must agree with is in the tests.
"""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True, nogil=True)
def position_embedding(needle: np.ndarray, hay: np.ndarray, xs: np.ndarray, hx: np.ndarray) -> np.ndarray:
    """Hay positions taken by the needle (ascending), or an empty array when it does not fit.

    ``needle``/``hay`` are character codes; ``xs[i]`` is the x offset of needle
    character ``i`` (``len(needle) + 1`` entries), ``hx[g]`` that of hay character ``g``.
    """
    n = needle.shape[0]
    m = hay.shape[0]
    empty = np.empty(0, dtype=np.int64)
    if n == 0 or n > m:
        return empty
    inf = np.inf
    cost = np.full(n + 1, inf)
    cost[0] = 0.0
    new = np.empty(n + 1)
    back = np.zeros((m, n + 1), dtype=np.uint8)
    for g in range(m):
        ch = hay[g]
        new[:] = inf
        lo = max(0, n - (m - g))
        top = min(g, n)
        for i in range(top, lo - 1, -1):
            c = cost[i]
            if c == inf:
                continue
            x_needle = xs[i]
            x_rest = hx[g] - xs[i]
            pen = x_rest - x_needle if (i < n and x_rest > x_needle) else 0.0
            if c + pen < new[i]:
                new[i] = c + pen
                back[g, i] = 0
            if i < n and needle[i] == ch:
                pen = x_needle - x_rest if x_needle > x_rest else 0.0
                if c + pen < new[i + 1]:
                    new[i + 1] = c + pen
                    back[g, i + 1] = 1
        for i in range(n + 1):
            cost[i] = new[i]
    if cost[n] == inf:
        return empty
    out = np.empty(n, dtype=np.int64)
    i = n
    for g in range(m - 1, -1, -1):
        if back[g, i] == 1:
            i -= 1
            out[i] = g
    if i != 0:
        return empty
    return out
