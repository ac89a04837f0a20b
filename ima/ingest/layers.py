"""Separate overlaid text layers: later pages that also carry earlier pages' text.

Some PDF letters put every earlier page's text layer under each later page.
Text extraction then yields, for page *k*, the lines of all earlier layers
plus the page's own lines; where two layers share a baseline the extractor
sorts their glyphs by x and the characters interleave (``PDoatstubmus 2 0301``
is ``Postbus 20301`` and ``Datum``).

Because an extractor merges glyphs the same way every time, everything the
previous chunk's text showed is still present, in order, in the next chunk:
each raw line of chunk *k-1* is either a whole line of chunk *k* or a
subsequence of one. So for each layered chunk we subtract the previous raw
chunk, line by line, in order:

1. whole lines (whitespace-normalised) are removed;
2. a line that contains a previous line as a character subsequence loses those
   characters; of the possible embeddings we keep the one whose leftover reads
   best as Dutch (lexicon), and re-space the leftover with the lexicon;
3. what no earlier layer explains is the new page's own text.

Characters left in tokens that are not real words are counted in
``Page.unattributed`` (and per page in ``details``). Documents without layers
pass through unchanged.
"""

from __future__ import annotations

import re

import numpy as np
from rapidfuzz.distance import LCSseq

from ima.domain.text import Line, Page
from ima.ingest import lexicon
from ima.ingest.alignment import position_embedding
from ima.ingest.stage import StageResult

TOP_RESPACED = 2  # embeddings re-spaced with the lexicon per subtraction (of up to 5)
WINDOW = 8  # how far ahead in the previous chunk a matching line may be
MIN_SHARED = 0.5  # share of a chunk's lines the next chunk must repeat to count as layered
_SENTENCE_END = re.compile(r"[.:;?!)»”’]\s*$")


def _norm(text: str) -> str:
    return " ".join(text.split())


def _nospace(text: str) -> str:
    return "".join(text.split())


def is_subsequence(needle: str, hay: str) -> bool:
    """True when ``needle``'s characters occur in ``hay`` in order."""
    it = iter(hay)
    return all(ch in it for ch in needle)


def _content(page: Page) -> list[Line]:
    return [l for l in page.lines if l.text.strip()]


def _carries(prev: Page, cur: Page) -> float:
    """Share of ``prev``'s non-blank lines that ``cur`` repeats (whole or interleaved).

    Below ``MIN_SHARED`` the value is a lower bound: counting stops once the
    threshold cannot be reached (most documents have no layers; this keeps them cheap).
    """
    prev_lines = [l for l in _content(prev) if len(_nospace(l.text)) >= 4]
    if not prev_lines:
        return 0.0
    whole = {_norm(l.text) for l in _content(cur)}
    cur_ns = [_nospace(l.text) for l in _content(cur)]
    total = len(prev_lines)
    needed = MIN_SHARED * total
    hits = 0
    for done, line in enumerate(prev_lines):
        if hits + (total - done) < needed:
            break  # the threshold is out of reach: the exact share no longer matters
        if _norm(line.text) in whole:
            hits += 1
            continue
        ns = _nospace(line.text)
        if any(len(c) > len(ns) and is_subsequence(ns, c) for c in cur_ns):
            hits += 1
    return hits / total


# --------------------------------------------------------------------------- embeddings


def _leftmost(needle: str, hay: str) -> list[int] | None:
    out, j = [], 0
    for ch in needle:
        while j < len(hay) and hay[j] != ch:
            j += 1
        if j == len(hay):
            return None
        out.append(j)
        j += 1
    return out


def _rightmost(needle: str, hay: str) -> list[int] | None:
    out, j = [], len(hay) - 1
    for ch in reversed(needle):
        while j >= 0 and hay[j] != ch:
            j -= 1
        if j < 0:
            return None
        out.append(j)
        j -= 1
    return out[::-1]


_HELVETICA = dict(zip(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,-()':;/&–’‘",
    [556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278,
     556, 500, 722, 500, 500, 500, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722,
     778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611] + [556] * 10
    + [278, 278, 278, 333, 333, 333, 191, 278, 278, 278, 667, 556, 222, 222],
))


def _width(ch: str, scale: float = 1.0) -> float:
    """Advance width of a glyph in a Helvetica-like sans font (em = 1)."""
    base = _HELVETICA.get(ch)
    if base is None:
        base = _HELVETICA.get(ch.lower() if ch.isupper() else ch, 556)
        if ch.isalpha() and not ch.isascii():
            base = 556
    return base / 1000.0 * scale


def _by_position(needle: str, hay: str, scale: float = 1.0) -> list[int] | None:
    """Embedding that follows the extractor's x-order merge of two lines starting at one margin.

    See :func:`ima.ingest.alignment.position_embedding` (compiled: the hottest loop of ingestion).
    """
    n, m = len(needle), len(hay)
    if n == 0 or n > m:
        return None
    xs = np.zeros(n + 1)
    np.cumsum([_width(ch, scale) for ch in needle], out=xs[1:])
    hx = np.zeros(m + 1)
    np.cumsum([_width(ch) for ch in hay], out=hx[1:])
    codes = np.fromiter(map(ord, needle), dtype=np.int64, count=n)
    hay_codes = np.fromiter(map(ord, hay), dtype=np.int64, count=m)
    out = position_embedding(codes, hay_codes, xs, hx)
    return out.tolist() if out.size else None


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


def _lcs_embed(needle: str, hay: str) -> list[int]:
    """Hay positions of a longest common subsequence of ``needle`` and ``hay`` (rapidfuzz, in C++)."""
    return [j for op in LCSseq.opcodes(needle, hay) if op.tag == "equal"
            for j in range(op.dest_start, op.dest_end)]


def subtract_approx(needle: str, hay: str, min_share: float = 0.9) -> str | None:
    """Like :func:`subtract` when the needle is only *almost* a subsequence (glyph order ties)."""
    ns = _nospace(needle)
    positions = [(i, ch) for i, ch in enumerate(hay) if not ch.isspace()]
    hay_ns = "".join(ch for _, ch in positions)
    if not ns or len(ns) >= len(hay_ns):
        return None
    embed = _lcs_embed(ns, hay_ns)
    if len(embed) < min_share * len(ns):
        return None
    used = {positions[k][0] for k in embed}
    return _respace(hay, used)


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


def subtract(needle: str, hay: str) -> str | None:
    """``hay`` without the characters of ``needle`` (spaces ignored), re-spaced; None if absent.

    Of several possible embeddings the one whose leftover reads best as Dutch wins.
    """
    ns = _nospace(needle)
    positions = [(i, ch) for i, ch in enumerate(hay) if not ch.isspace()]
    hay_ns = "".join(ch for _, ch in positions)
    if not ns or not is_subsequence(ns, hay_ns):
        return None
    dup = _duplicate(ns, hay)
    if dup is not None:
        return _respace(dup, set()) if " " not in needle.strip() else " ".join(needle.split())
    best: tuple[float, str] | None = None
    left, right = _leftmost(ns, hay_ns), _rightmost(ns, hay_ns)
    embeds = [left, right]
    if left != right:  # equal extremes mean the embedding is unique: no need for the costly x-order DP
        embeds = [_by_position(ns, hay_ns, s) for s in (1.0, 0.93, 1.07)] + embeds
    seen = set()
    candidates: list[tuple[float, set[int]]] = []
    for embed in embeds:
        if embed is None or tuple(embed) in seen:
            continue
        seen.add(tuple(embed))
        used = {positions[k][0] for k in embed}
        plain = " ".join("".join(ch for i, ch in enumerate(hay) if i not in used).split())
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


# --------------------------------------------------------------------------- pages


def _separate(prev: Page, cur: Page) -> tuple[Page, dict]:
    prev_lines = _content(prev)
    consumed = [False] * len(prev_lines)
    pointer = 0
    kept: list[Line] = []
    whole = interleaved = 0
    for line in cur.lines:
        if not line.text.strip():
            if kept and kept[-1].text.strip() and _SENTENCE_END.search(kept[-1].text):
                kept.append(line)
            continue
        text = line.text
        window = [j for j in range(max(0, pointer - 3), min(len(prev_lines), pointer + WINDOW)) if not consumed[j]]
        hit = next((j for j in window if _nospace(prev_lines[j].text) == _nospace(text)), None)
        if hit is not None:
            consumed[hit] = True
            pointer = max(pointer, hit + 1)
            whole += 1
            continue
        changed = False
        for _ in range(3):  # a line may carry several earlier lines on its baseline
            found = None
            for j in window:
                if consumed[j]:
                    continue
                needle = prev_lines[j].text
                if len(_nospace(needle)) >= len(_nospace(text)):
                    continue
                rest = subtract(needle, text)
                if rest is None:
                    continue
                # short needles fit into almost anything: accept only if the leftover reads better
                if len(_nospace(needle)) < 12 and lexicon.word_score(rest) <= lexicon.word_score(text):
                    continue
                found = (j, rest)
                break
            if found is None and not changed:
                for j in window:
                    needle = prev_lines[j].text
                    if consumed[j] or len(_nospace(needle)) < 20 or len(_nospace(needle)) >= len(_nospace(text)):
                        continue
                    rest = subtract_approx(needle, text)
                    if rest is not None and lexicon.word_score(rest) > lexicon.word_score(text):
                        found = (j, rest)
                        break
            if found is None:
                break
            j, text = found
            consumed[j] = True
            pointer = max(pointer, j + 1)
            interleaved += 1
            changed = True
        if changed:
            if text.strip():
                kept.append(line.with_text(text))
        else:
            kept.append(line)
    while kept and not kept[-1].text.strip():
        kept.pop()
    unattributed = sum(lexicon.unknown_chars(l.text) for l in kept if l.text != _raw_of(cur, l))
    garbled = [l for l in kept if l.text == _raw_of(cur, l) and lexicon.word_score(l.text) < 0.5]
    unattributed += sum(lexicon.unknown_chars(l.text) for l in garbled)
    missing = sum(1 for c in consumed if not c)
    page = Page(cur.number, tuple(kept), cur.estimated, cur.removed, cur.unattributed + unattributed)
    info = {"page": cur.number, "whole_lines_removed": whole, "interleaved_lines_repaired": interleaved,
            "earlier_lines_not_found": missing, "unattributed": unattributed}
    return page, info


def _raw_of(page: Page, line: Line) -> str:
    for l in page.lines:
        if l.start == line.start and l.end == line.end:
            return l.text
    return line.text


def separate_layers(pages: tuple[Page, ...]) -> StageResult:
    """Subtract earlier pages' layers from later pages; no-op for documents without layers."""
    if len(pages) < 2:
        return StageResult(tuple(pages), {"layered": False, "pages": []})
    shares = [_carries(a, b) for a, b in zip(pages, pages[1:])]
    if not shares or max(shares) < MIN_SHARED:
        return StageResult(tuple(pages), {"layered": False, "pages": [],
                                          "shared": [round(s, 2) for s in shares]})
    out = [pages[0]]
    infos = []
    for k in range(1, len(pages)):
        if shares[k - 1] < MIN_SHARED:
            out.append(pages[k])
            infos.append({"page": pages[k].number, "layered": False})
            continue
        page, info = _separate(pages[k - 1], pages[k])
        out.append(page)
        infos.append(info)
    return StageResult(tuple(out), {"layered": True, "shared": [round(s, 2) for s in shares],
                                    "pages": infos,
                                    "unattributed": {p.number: p.unattributed for p in out}})
