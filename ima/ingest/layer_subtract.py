"""Take an earlier line's characters out of a line in which it is interleaved with new text.

Where two overlaid runs share a baseline the extractor sorts their glyphs by x,
so the earlier run is a character subsequence of the merged line. Usually it
fits in several ways; the candidates are the leftmost and rightmost
embeddings and the ones the x-order kernel (:mod:`ima.ingest.alignment`)
predicts from glyph widths, and the one whose leftover reads best as Dutch
wins. The letters set word spaces as glyphs, so spaces are matched like
letters and the leftover keeps the new run's own spaces; only where they do
not fit is the leftover re-spaced with the lexicon. Glyph ties (same x, either
order) are absorbed by letting a few glyphs go (:func:`_fit`) and by
:func:`ima.ingest.layer_tidy.tidy`.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from rapidfuzz.distance import LCSseq

from ima.ingest import lexicon
from ima.ingest.alignment import (char_codes, cumulative_widths, leftmost_embedding, position_embedding_at,
                                  rightmost_embedding)
from ima.ingest.layer_tidy import tidy

TOP_RESPACED = 2  # embeddings re-spaced with the lexicon per subtraction (of up to 5)
SHIFTS = (0,) + tuple(d * s for d in range(1, 13) for s in (1, -1))  # where a let-go glyph may go back


def _nospace(text: str) -> str:
    return "".join(text.split())


def is_subsequence(needle: str, hay: str) -> bool:
    """True when ``needle``'s characters occur in ``hay`` in order."""
    # The longest common subsequence is the whole needle exactly when it is a subsequence;
    # rapidfuzz's bit-parallel LCS (C++, stopping at the cutoff) is ~7x faster than a
    # Python step per character, and this test runs for every line and trial of a layer.
    return LCSseq.similarity(needle, hay, score_cutoff=len(needle)) == len(needle)


def _leftmost(needle: str, hay: str) -> list[int] | None:
    """Each needle character at the first hay position after the previous one's (greedy)."""
    out = leftmost_embedding(char_codes(needle), char_codes(hay))  # compiled: see alignment
    return out.tolist() if out.size == len(needle) else None


def _rightmost(needle: str, hay: str) -> list[int] | None:
    """:func:`_leftmost` from the right: each character as late as the later ones allow."""
    out = rightmost_embedding(char_codes(needle), char_codes(hay))
    return out.tolist() if out.size == len(needle) else None


def _by_position(needle: str, hay: str, scale: float = 1.0) -> list[int] | None:
    """Embedding that follows the extractor's x-order merge of ``needle`` with one run at one margin.

    ``scale`` stretches the needle's glyph positions: about 1.0 for a needle that
    is one run of the same font, less when it is several runs merged (their glyphs
    sit denser on the line). See :func:`ima.ingest.alignment.position_embedding_at`
    (compiled: the hottest loop of layer separation).
    """
    n, m = len(needle), len(hay)
    if n == 0 or n > m:
        return None
    ws = cumulative_widths(needle)
    out = position_embedding_at(char_codes(needle), char_codes(hay), ws * scale, ws, cumulative_widths(hay))
    return out.tolist() if out.size else None


def _scales(needle: str, hay: str) -> tuple[float, ...]:
    """Needle densities to try: one run like the other, or several runs spanning the other's width."""
    # the last cumulative width is the left-to-right sum of the glyph widths
    needle_width = float(cumulative_widths(needle)[-1])
    rest = float(cumulative_widths(hay)[-1]) - needle_width
    ratio = rest / max(1e-9, needle_width)
    if ratio >= 0.7:
        return (1.0, 0.93, 1.07)
    return (1.0, ratio, 0.85 * ratio, 1.15 * ratio)


def _respace(hay: str, used: set[int]) -> str:
    """The leftover of ``hay`` (positions not in ``used``), re-split into words with the lexicon.

    Spaces the extractor put in are hints, not facts: where earlier layers'
    glyphs filled a gap the new text's own space was lost.
    """
    chars: list[str] = []
    spaces: set[int] = set()
    for i, ch in enumerate(hay):
        if i in used:
            continue
        if ch.isspace():
            if chars:
                spaces.add(len(chars))
        else:
            chars.append(ch)
    words = lexicon.segment_hinted("".join(chars), frozenset(spaces)).split(" ")
    # a stray letter next to a word is often that word's letter in swapped order (beeld i -> beleid)
    out: list[str] = []
    for w in words:
        core = w.strip(".,;:!?()")
        if out and 0 < len(core) <= 2 and core.isalpha() and not lexicon.listed(core, 4.5):
            merged = lexicon.unscramble(out[-1] + w)
            if merged != out[-1] + w:
                out[-1] = merged
                continue
        out.append(lexicon.unscramble(w))
    return " ".join(out)


def _duplicate(ns: str, hay: str) -> str | None:
    """``ns`` when ``hay`` is ``ns`` merged with an identical copy of itself, else None."""
    h = _nospace(hay)
    n = len(ns)
    if len(h) != 2 * n or not n:
        return None
    # reachable[(i, j)]: h[:i+j] is a shuffle of ns[:i] and ns[:j]; walk level by level
    level = {(0, 0)}
    for k in range(2 * n):
        ch = h[k]
        nxt = set()
        for i, j in level:
            if i < n and ns[i] == ch:
                nxt.add((i + 1, j) if i + 1 >= j else (j, i + 1))
            if j < n and ns[j] == ch:
                nxt.add((i, j + 1) if i >= j + 1 else (j + 1, i))
        if not nxt:
            return None
        level = {(max(a, b), min(a, b)) for a, b in nxt}
    return ns if (n, n) in level else None


def _embeddings(needle: str, hay: str) -> list[list[int]]:
    """Distinct candidate embeddings of ``needle`` in ``hay`` (it must be a subsequence)."""
    left, right = _leftmost(needle, hay), _rightmost(needle, hay)
    embeds = [left, right]
    if left != right:  # equal extremes mean the embedding is unique: no need for the costly x-order DP
        embeds = [_by_position(needle, hay, s) for s in _scales(needle, hay)] + embeds
    out, seen = [], set()
    for embed in embeds:
        if embed is not None and tuple(embed) not in seen:
            seen.add(tuple(embed))
            out.append(embed)
    return out


def _with_spaces(needle: str, hay: str) -> tuple[float, str] | None:
    """Best leftover when the needle, spaces included, is a subsequence of the hay.

    The corpus letters set word spaces as glyphs, so they merge like letters and
    the leftover keeps the new run's own spaces: no re-spacing needed.
    """
    text = needle.strip()
    if not text or len(text) >= len(hay.strip()) or not is_subsequence(text, hay):
        return None
    ns = _nospace(text)
    best: tuple[float, str] | None = None
    tried: set[str] = set()  # embeddings that differ only in which of two equal glyphs they take
    for embed in _embeddings(text, hay):
        rest = " ".join(_drop(hay, embed).split())
        if rest in tried:  # leave the same text: same score, and only a higher score replaces the best
            continue
        tried.add(rest)
        score = _leftover_score(rest, ns)
        if best is None or score > best[0]:
            best = (score, rest)
    return best


def subtract(needle: str, hay: str) -> str | None:
    """``hay`` without the characters of ``needle``; None if they are not all in it, in order.

    Of several possible embeddings the one whose leftover reads best as Dutch
    wins. Spaces are matched like glyphs when they fit; otherwise they are
    ignored and the leftover is re-spaced with the lexicon.
    """
    spaced = _with_spaces(needle, hay)
    if spaced is not None and lexicon.word_score(spaced[1]) >= 0.9:
        return spaced[1]
    ns = _nospace(needle)
    positions = [(i, ch) for i, ch in enumerate(hay) if not ch.isspace()]
    hay_ns = "".join(ch for _, ch in positions)
    if not ns or not is_subsequence(ns, hay_ns):
        return spaced[1] if spaced else None
    dup = _duplicate(ns, hay)
    if dup is not None:
        return _respace(dup, set()) if " " not in needle.strip() else " ".join(needle.split())
    best: tuple[float, str] | None = spaced
    candidates: list[tuple[float, set[int]]] = []
    for embed in _embeddings(ns, hay_ns):
        used = {positions[k][0] for k in embed}
        plain = " ".join(_drop(hay, used).split())
        candidates.append((_leftover_score(plain, ns), used))
    # Pre-rank on the leftover as the extractor spaced it and re-space only the best
    # TOP_RESPACED: the lexicon segmentation is the costliest step of ingestion.
    candidates.sort(key=lambda c: -c[0])
    for _, used in candidates[:TOP_RESPACED]:
        rest = _respace(hay, used)
        score = _leftover_score(rest, ns)
        if best is None or score > best[0]:
            best = (score, rest)
    return best[1] if best else None


def _leftover_score(rest: str, needle_ns: str) -> float:
    score = lexicon.word_score(rest) - 0.02 * len(rest.split())
    if _nospace(rest) == needle_ns:
        score += 10.0  # the same text twice (identical runs at one position): a clean duplicate
    return score


def _strip(needle: str, hay: str) -> str:
    """``hay`` without ``needle``'s characters (spaces of the hay kept), best-reading embedding first."""
    text = needle.strip()
    if not is_subsequence(text, hay):
        text = _nospace(text)
        positions = [i for i, ch in enumerate(hay) if not ch.isspace()]
        hay_ns = "".join(hay[i] for i in positions)
        embeds = [[positions[k] for k in e] for e in _embeddings(text, hay_ns)]
    else:
        embeds = _embeddings(text, hay)
    if not embeds:
        return hay
    best = max(embeds, key=lambda e: _leftover_score(" ".join(_drop(hay, e).split()), _nospace(text)))
    return _drop(hay, best)


def _drop(hay: str, used: Iterable[int]) -> str:
    # blank the used positions instead of testing every position of the hay against the set
    chars = list(hay)
    n = len(chars)
    for i in used:
        if 0 <= i < n:
            chars[i] = ""
    return "".join(chars)


def _fit(needle: str, hay: str) -> tuple[str, int]:
    """The needle without the few characters that are not in ``hay`` in order, and how many.

    Glyphs of two layers at the same x (typically the first letters of lines that
    start at one margin) come out in either order, so an earlier line can miss
    being a subsequence by a swapped pair; the longest common subsequence
    (rapidfuzz) says which characters to let go.
    """
    text = needle.strip()
    keep = [True] * len(text)
    for op in LCSseq.opcodes(text, hay):
        if op.tag in ("delete", "replace"):
            for i in range(op.src_start, op.src_end):
                keep[i] = False
    fitted = [ch for ch, k in zip(text, keep) if k]
    lost = []  # (kept characters before it, character): a running count, not a sum per position
    kept = 0
    for ch, k in zip(text, keep):
        if k:
            kept += 1
        else:
            lost.append((kept, ch))
    missing = 0
    for pos, ch in reversed(lost):  # put each let-go glyph back a few places off, where it fits
        # a glyph the hay does not hold fits nowhere: every trial below would fail
        for shift in SHIFTS if ch in hay else ():
            at = pos + shift
            if 0 <= at <= len(fitted):
                trial = fitted[:at] + [ch] + fitted[at:]
                if is_subsequence("".join(trial), hay):
                    fitted = trial
                    break
        else:
            missing += not ch.isspace()
    return "".join(fitted), missing


def remove(needles: list[str], hay: str) -> tuple[str, int]:
    """``hay`` without the characters of each needle in turn, re-spaced where needed.

    Returns the leftover and how many needle characters were not found in order
    (ties in the extractor's glyph order): those stay in the leftover.
    """
    missing = 0
    for k, needle in enumerate(needles):
        if not is_subsequence(needle.strip(), hay):
            # a tie moved a space or a letter: let the few glyphs that do not fit go (or put
            # them back where they fit), so the spaces still match like glyphs
            fitted, miss = _fit(needle, hay)
            if miss <= 0.1 * len(needle) or not is_subsequence(_nospace(needle), _nospace(hay)):
                needle = fitted
                missing += miss
        if not needle.strip():
            continue
        if k < len(needles) - 1:
            hay = _strip(needle, hay)
            continue
        rest = subtract(needle, hay)
        return tidy(rest if rest is not None else hay), missing
    return tidy(hay), missing
