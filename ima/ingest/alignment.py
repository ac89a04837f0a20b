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

from functools import lru_cache

import numpy as np
from numba import njit

# Advance widths (per mille of the em) of a Helvetica-like sans font: the letters in
# these letters are set in RO Sans/Helvetica, and only relative widths matter here.
_HELVETICA = dict(zip(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,-()':;/&–’‘",
    [556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278,
     556, 500, 722, 500, 500, 500, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722,
     778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611] + [556] * 10
    + [278, 278, 278, 333, 333, 333, 191, 278, 278, 278, 667, 556, 222, 222],
))


class _WidthTable(dict):
    """Glyph -> advance width at scale 1, filled on first use (the rule lives in ``__missing__``)."""

    def __missing__(self, ch: str) -> float:
        base = _HELVETICA.get(ch)
        if base is None:
            base = _HELVETICA.get(ch.lower() if ch.isupper() else ch, 556)
            if ch.isalpha() and not ch.isascii():
                base = 556
        width = self[ch] = base / 1000.0
        return width


# Layer separation asks for millions of widths: one dict lookup each instead of the rule.
_WIDTHS = _WidthTable()


def glyph_width(ch: str, scale: float = 1.0) -> float:
    """Advance width of a glyph in a Helvetica-like sans font (em = 1), times ``scale``.

    Shared by the layer separator (which undoes an x-order merge) and the defect
    generator (which performs one), so both use the same font model.
    """
    # (base / 1000.0) * scale, as before: the table holds base / 1000.0
    return _WIDTHS[ch] * scale


@lru_cache(maxsize=4096)
def cumulative_widths(text: str) -> np.ndarray:
    """``out[i]`` = summed glyph widths of ``text[:i]`` (``len(text) + 1`` entries; shared, never
    written: numba would compile a second kernel for read-only arrays).

    Summed left to right like ``sum(glyph_width(ch) for ch in text)``, so
    ``out[-1]`` equals that sum bit for bit. Cached: layer separation asks for
    the same needle and merged line under several scales and candidates.
    """
    out = np.zeros(len(text) + 1)
    if text:
        np.cumsum(np.fromiter(map(_WIDTHS.__getitem__, text), dtype=np.float64, count=len(text)), out=out[1:])
    return out


@lru_cache(maxsize=4096)
def char_codes(text: str) -> np.ndarray:
    """The code points of ``text`` as an int64 array (shared and cached like the widths)."""
    out = np.fromiter(map(ord, text), dtype=np.int64, count=len(text))
    return out


@njit(cache=True, nogil=True)
def position_embedding_at(needle: np.ndarray, hay: np.ndarray, xs: np.ndarray, ws: np.ndarray,
                          hx: np.ndarray) -> np.ndarray:
    """Hay positions taken by the needle (ascending), or an empty array when it does not fit.

    ``needle``/``hay`` are character codes; ``xs[i]`` is the x offset of needle
    character ``i`` (``len(needle) + 1`` entries), ``ws[i]`` the summed width of
    needle characters before ``i`` and ``hx[g]`` that of hay characters before ``g``,
    so ``hx[g] - ws[i]`` is the x of the other run's next glyph. ``xs`` and ``ws``
    differ when the needle is itself several merged runs (its glyphs are denser).
    """
    n = needle.shape[0]
    m = hay.shape[0]
    empty = np.empty(0, dtype=np.int64)
    if n == 0 or n > m:
        return empty
    # Speed: only states on some complete embedding matter. Before hay position g, at most
    # reach[g] needle characters can have been taken (greedy leftmost embedding) and at
    # least need[g] must have been (greedy rightmost), or the rest no longer fits. A state
    # outside that band only feeds states outside it, so skipping it changes no cost and
    # no back pointer of the states a complete embedding passes through.
    left = leftmost_embedding(needle, hay)
    if left.shape[0] < n:
        return empty
    right = rightmost_embedding(needle, hay)
    inf = np.inf
    cost = np.full(n + 1, inf)
    cost[0] = 0.0
    new = np.full(n + 1, inf)
    back = np.zeros((m, n + 1), dtype=np.uint8)
    reach = 0  # needle characters whose leftmost position is before g
    need = 0  # needle characters whose rightmost position is before g
    for g in range(m):
        while reach < n and left[reach] < g:
            reach += 1
        while need < n and right[need] < g:
            need += 1
        ch = hay[g]
        for i in range(need, min(reach + 1, n) + 1):  # what this step writes (and the next one reads)
            new[i] = inf
        for i in range(reach, need - 1, -1):
            c = cost[i]
            if c == inf:
                continue
            x_needle = xs[i]
            x_rest = hx[g] - ws[i]
            pen = x_rest - x_needle if (i < n and x_rest > x_needle) else 0.0
            if c + pen < new[i]:
                new[i] = c + pen
                back[g, i] = 0
            if i < n and needle[i] == ch:
                pen = x_needle - x_rest if x_needle > x_rest else 0.0
                if c + pen < new[i + 1]:
                    new[i + 1] = c + pen
                    back[g, i + 1] = 1
        cost, new = new, cost
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


@njit(cache=True, nogil=True)
def leftmost_embedding(needle: np.ndarray, hay: np.ndarray) -> np.ndarray:
    """Greedy leftmost hay positions of the needle's codes; shorter than the needle when it does not fit."""
    out = np.empty(needle.shape[0], dtype=np.int64)
    j = 0
    m = hay.shape[0]
    for i in range(needle.shape[0]):
        while j < m and hay[j] != needle[i]:
            j += 1
        if j == m:
            return out[:i]
        out[i] = j
        j += 1
    return out


@njit(cache=True, nogil=True)
def rightmost_embedding(needle: np.ndarray, hay: np.ndarray) -> np.ndarray:
    """Greedy rightmost hay positions of the needle's codes (ascending); shorter when it does not fit."""
    n = needle.shape[0]
    out = np.empty(n, dtype=np.int64)
    j = hay.shape[0] - 1
    for i in range(n - 1, -1, -1):
        while j >= 0 and hay[j] != needle[i]:
            j -= 1
        if j < 0:
            return out[:0]
        out[i] = j
        j -= 1
    return out


@njit(cache=True, nogil=True)
def position_embedding(needle: np.ndarray, hay: np.ndarray, xs: np.ndarray, hx: np.ndarray) -> np.ndarray:
    """:func:`position_embedding_at` for a needle that is one run (its x offsets are its widths)."""
    return position_embedding_at(needle, hay, xs, xs, hx)
