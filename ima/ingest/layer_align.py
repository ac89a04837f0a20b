"""Which earlier lines an overlaid chunk carries, and in which of its lines.

Chunk *k* of a layered document is chunk *k-1* plus the new page's layer: the
extractor orders lines by baseline, so the earlier lines keep their order, and
a new run that shares a baseline with an earlier line is merged into it by x.
So the earlier chunk's lines map monotonically onto the current chunk's lines,
each either as a whole line or as a subsequence of a longer line (with new
text interleaved), and a current line may carry several earlier lines when new
glyphs bridge their baselines.

:func:`align_lines` finds that map in two steps, both in C++ where it counts:
whole lines first (a longest common subsequence over the lines, rapidfuzz), then
inside each gap between those anchors a banded dynamic programme that assigns
earlier lines to current lines, scored by how many of the earlier line's
characters the current line holds in order (rapidfuzz ``LCSseq``).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz.distance import LCSseq

MIN_SHARE = 0.9  # an earlier line counts as carried when this share of it is found in order
MAX_PER_LINE = 3  # earlier lines one current line may carry
SLACK = 3  # how far the gap alignment may leave the diagonal band
LOST = 1.0  # score per character of an earlier line found nowhere (it is then not subtracted)
MISSING = 2.0  # score per character of an earlier line not found inside its current line
TIES = 2  # glyphs a repeated line may differ by (same-x glyphs of two layers come out in either order)
TIES_SHARE = 0.02  # ... and per glyph, for lines that merge many layers
SHORT = 12  # earlier lines shorter than this fit by chance into long lines: they must fit tightly


def key(text: str) -> str:
    """A line without its whitespace: spaces are the extractor's guess, glyphs are facts."""
    return "".join(text.split())


@dataclass(slots=True)
class LineMap:
    """The result of :func:`align_lines`, by index into the two line lists."""

    whole: dict[int, int] = field(default_factory=dict)  # current line -> the earlier line it repeats
    merged: dict[int, list[int]] = field(default_factory=dict)  # current line -> earlier lines inside it
    lost: list[int] = field(default_factory=list)  # earlier lines found nowhere


def _tight(needle: str, hay: str) -> bool:
    """True when ``needle`` sits in ``hay`` within a window at most three times its length."""
    n = len(needle)
    limit = 3 * n + 4
    start = hay.find(needle[0])
    while start != -1:
        pos = start
        for ch in needle[1:]:
            pos = hay.find(ch, pos + 1, start + limit)
            if pos == -1:
                break
        else:
            return True
        start = hay.find(needle[0], start + 1)
    return False


def _ties(n: int) -> int:
    """Glyphs a repeated line of ``n`` glyphs may differ by: more layers, more same-x ties."""
    return max(TIES, int(TIES_SHARE * n))


def _gain(needle: str, hay: str) -> float:
    """Score of putting ``needle`` into ``hay``, or -inf when it does not fit."""
    n = len(needle)
    if n == 0 or n > len(hay) + _ties(n):
        return -math.inf
    if n >= len(hay):  # the same line with a few glyphs at one x swapped (ties): a whole line
        found = LCSseq.similarity(needle, hay)
        return found - MISSING * (n - found) if found >= len(hay) - _ties(n) else -math.inf
    found = LCSseq.similarity(needle, hay, score_cutoff=math.ceil(MIN_SHARE * n))
    if not found:
        return -math.inf
    if n < SHORT and (found < n or not _tight(needle, hay)):
        return -math.inf
    # prefer the tightest container: an earlier line's true home holds little else
    return found - MISSING * (n - found) - 0.01 * (len(hay) - n)


def _align_gap(prev: list[str], cur: list[str], a: int, b: int, c: int, d: int, out: LineMap) -> None:
    p, q = b - a, d - c
    if p == 0:
        return
    if q == 0:
        out.lost.extend(range(a, b))
        return
    lo_off, hi_off = -SLACK, q - p + SLACK  # band of j - i
    neg = -math.inf
    best = [[neg] * (q + 1) for _ in range(p + 1)]
    back: list[list[tuple[int, int, int] | None]] = [[None] * (q + 1) for _ in range(p + 1)]
    best[0][0] = 0.0
    gains: dict[tuple[int, int], float] = {}

    def gain(i: int, j: int) -> float:
        g = gains.get((i, j))
        if g is None:
            g = gains[(i, j)] = _gain(prev[a + i], cur[c + j])
        return g

    for i in range(p + 1):
        for j in range(q + 1):
            here = best[i][j]
            if here == neg:
                continue
            if j < q and here > best[i][j + 1]:  # current line j carries nothing (more)
                best[i][j + 1], back[i][j + 1] = here, (i, j, 0)
            if i < p and here - LOST * len(prev[a + i]) > best[i + 1][j]:
                best[i + 1][j], back[i + 1][j] = here - LOST * len(prev[a + i]), (i, j, -1)
            if j >= q:
                continue
            total, room = here, len(cur[c + j])
            for t in range(1, MAX_PER_LINE + 1):
                k = i + t - 1
                if k >= p or not lo_off <= j - k <= hi_off:
                    break
                g = gain(k, j)
                room -= len(prev[a + k])
                if g == neg or room < -_ties(len(prev[a + k])):
                    break
                total += g
                if total > best[i + t][j + 1]:
                    best[i + t][j + 1], back[i + t][j + 1] = total, (i, j, t)
    i, j = p, q
    while (i, j) != (0, 0):
        pi, pj, t = back[i][j]
        if t == -1:
            out.lost.append(a + pi)
        elif t == 1 and len(prev[a + pi]) >= len(cur[c + pj]):  # nothing new: a whole line
            out.whole[c + pj] = a + pi
        elif t > 0:
            out.merged[c + pj] = [a + pi + s for s in range(t)]
        i, j = pi, pj
    out.lost.sort()


def align_lines(prev: list[str], cur: list[str]) -> LineMap:
    """Map the earlier chunk's lines onto the current chunk's lines (both given without blanks).

    Lines are compared without whitespace. See the module doc for the method.
    """
    pk, ck = [key(t) for t in prev], [key(t) for t in cur]
    out = LineMap()
    # Only lines that occur once on each side anchor: a repeated line ("Migratie" on every
    # page's sidebar) could anchor on the wrong copy and strand the right one in no gap.
    in_prev, in_cur = Counter(pk), Counter(ck)
    pa = [k if in_prev[k] == 1 and in_cur.get(k) == 1 else ("prev", n) for n, k in enumerate(pk)]
    ca = [k if in_cur[k] == 1 and in_prev.get(k) == 1 else ("cur", n) for n, k in enumerate(ck)]
    i = j = 0  # start of the current gap between whole-line anchors
    for op in LCSseq.opcodes(pa, ca):
        if op.tag != "equal":
            continue  # rapidfuzz splits a gap into inserts and deletes: treat it as one
        _align_gap(pk, ck, i, op.src_start, j, op.dest_start, out)
        for s in range(op.src_end - op.src_start):
            out.whole[op.dest_start + s] = op.src_start + s
        i, j = op.src_end, op.dest_end
    _align_gap(pk, ck, i, len(pk), j, len(ck), out)
    return out
