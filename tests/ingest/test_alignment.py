"""The compiled x-order alignment agrees with a plain-Python reference of the same recurrence."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from ima.ingest.alignment import position_embedding


def reference(needle: str, hay: str, xs: list[float], hx: list[float],
              ws: list[float] | None = None) -> list[int] | None:
    """The recurrence over every (needle characters used, hay position) state; ``ws`` as ``xs`` unless given."""
    ws = xs if ws is None else ws
    n, m = len(needle), len(hay)
    if n == 0 or n > m:
        return None
    inf = float("inf")
    cost = [0.0] + [inf] * n
    back = []
    for g in range(m):
        ch = hay[g]
        new = [inf] * (n + 1)
        step = [0] * (n + 1)
        for i in range(min(g, n), max(0, n - (m - g)) - 1, -1):
            c = cost[i]
            if c == inf:
                continue
            x_needle, x_rest = xs[i], hx[g] - ws[i]
            pen = x_rest - x_needle if i < n and x_rest > x_needle else 0.0
            if c + pen < new[i]:
                new[i], step[i] = c + pen, 0
            if i < n and needle[i] == ch:
                pen = x_needle - x_rest if x_needle > x_rest else 0.0
                if c + pen < new[i + 1]:
                    new[i + 1], step[i + 1] = c + pen, 1
        cost = new
        back.append(step)
    if cost[n] == inf:
        return None
    out, i = [], n
    for g in range(m - 1, -1, -1):
        if back[g][i]:
            out.append(g)
            i -= 1
    return out[::-1] if i == 0 else None


def widths(text: str) -> list[float]:
    xs = [0.0]
    for ch in text:
        xs.append(xs[-1] + (0.278 if ch in "ilj.," else 0.833 if ch in "mwMW" else 0.556))
    return xs


def interleave(a: str, b: str, picks: list[bool]) -> str:
    out, i, j = [], 0, 0
    for take_a in picks:
        if take_a and i < len(a):
            out.append(a[i]); i += 1
        elif j < len(b):
            out.append(b[j]); j += 1
    return "".join(out) + a[i:] + b[j:]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abdeilmnorstw", min_size=1, max_size=25),
       st.text(alphabet="abdeilmnorstw", min_size=0, max_size=30),
       st.lists(st.booleans(), max_size=60))
def test_compiled_alignment_matches_reference(needle: str, other: str, picks: list[bool]) -> None:
    hay = interleave(needle, other, picks)
    xs, hx = widths(needle), widths(hay)
    got = position_embedding(np.array([ord(c) for c in needle], dtype=np.int64),
                             np.array([ord(c) for c in hay], dtype=np.int64), np.array(xs), np.array(hx))
    want = reference(needle, hay, xs, hx)
    assert (got.tolist() if got.size else None) == want
    if want is not None:
        assert "".join(hay[k] for k in want) == needle


def test_no_fit_is_empty() -> None:
    got = position_embedding(np.array([ord("x")], dtype=np.int64), np.array([ord("a"), ord("b")], dtype=np.int64),
                             np.array([0.0, 0.5]), np.array([0.0, 0.5, 1.0]))
    assert got.size == 0


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="abdeilmnorstw", min_size=1, max_size=20),
       st.text(alphabet="abdeilmnorstw", min_size=0, max_size=20),
       st.lists(st.booleans(), max_size=40), st.floats(0.3, 1.0))
def test_dense_needle_alignment_is_an_embedding(needle: str, other: str, picks: list[bool], density: float) -> None:
    # a needle that is itself several merged runs sits denser on the line: xs != ws
    from ima.ingest.alignment import position_embedding_at

    hay = interleave(needle, other, picks)
    ws, hx = np.array(widths(needle)), np.array(widths(hay))
    codes = np.array([ord(c) for c in needle], dtype=np.int64)
    hay_codes = np.array([ord(c) for c in hay], dtype=np.int64)
    got = position_embedding_at(codes, hay_codes, ws * density, ws, hx)
    assert got.size == len(needle)
    assert "".join(hay[k] for k in got.tolist()) == needle
    same = position_embedding_at(codes, hay_codes, ws, ws, hx)
    assert same.tolist() == position_embedding(codes, hay_codes, ws, hx).tolist()


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aeilmn ", min_size=1, max_size=30), st.text(alphabet="aeilmn ", max_size=40),
       st.lists(st.booleans(), max_size=70), st.floats(0.3, 1.3), st.booleans())
def test_banded_alignment_is_the_full_recurrence(needle: str, other: str, picks: list[bool], density: float,
                                                  reverse: bool) -> None:
    # the kernel skips states off every complete embedding: same result as the full recurrence,
    # dense needles and hays that do not hold the needle (reversed) included
    from ima.ingest.alignment import position_embedding_at

    hay = interleave(needle, other, picks)
    hay = hay[::-1] if reverse else hay
    ws, hx = widths(needle), widths(hay)
    xs = [w * density for w in ws]
    got = position_embedding_at(np.array([ord(c) for c in needle], dtype=np.int64),
                                np.array([ord(c) for c in hay], dtype=np.int64), np.array(xs), np.array(ws),
                                np.array(hx))
    assert (got.tolist() if got.size else None) == reference(needle, hay, xs, hx, ws)
