"""Separate overlaid text layers: later pages that also carry earlier pages' text.

Some PDF letters put earlier pages' text layers under each later page (every
earlier page, or the first one only). Text extraction then yields, for page
*k*, the lines of all those layers plus the page's own lines; where two layers
share a baseline the extractor sorts their glyphs by x and the characters
interleave (``PDoatstubmus 2 0301`` is ``Postbus 20301`` and ``Datum``).

An extractor merges glyphs the same way every time, so everything an earlier
chunk showed is still present, in order, in the chunk that carries it: the
earlier chunk's character stream is a near-subsequence of this one's. For each
chunk we therefore

1. find the earlier raw chunk it carries (the previous one, else the first
   page; a longest-common-subsequence share, computed in C++);
2. map that chunk's lines onto this chunk's lines (:mod:`ima.ingest.layer_align`):
   whole repeated lines, and lines in which one or several earlier lines are
   interleaved with new text;
3. take the earlier lines' characters out of the merged lines, choosing the
   removal that leaves the most plausible Dutch, and re-space the leftover
   with the lexicon (:mod:`ima.ingest.layer_subtract`);
4. keep everything no earlier layer explains: that is the new page.

Subtracting the *raw* earlier chunk (not its recovered text) keeps errors from
propagating. Characters left in tokens that are not real words are counted in
``Page.unattributed`` (and per page in ``details``). Documents without layers
pass through unchanged.
"""

from __future__ import annotations

import math
import re

from rapidfuzz.distance import LCSseq

from ima.domain.text import Line, Page
from ima.ingest import lexicon
from ima.ingest.layer_align import align_lines, key
from ima.ingest.layer_subtract import is_subsequence, remove, subtract
from ima.ingest.stage import StageResult

__all__ = ["separate_layers", "subtract", "is_subsequence", "carried_share"]

MIN_CARRIED = 0.9  # share of an earlier chunk's characters a chunk must hold in order to carry it
MIN_SIZE = 0.25  # an earlier chunk much smaller than this one is found in order by chance
MIN_CHARS = 30  # too little text to tell
SHARE_NOTE = ("shared: exact share with the previous page, or the first earlier page carried; "
              "shares with older pages that cannot reach MIN_CARRIED count as 0.0 (bounded LCS)")
_SENTENCE_END = re.compile(r"[.:;?!)»”’]\s*$")


def _content(page: Page) -> list[Line]:
    return [l for l in page.lines if l.text.strip()]


def carried_share(earlier: Page, page: Page) -> float:
    """Share of ``earlier``'s characters (without spaces) that ``page`` holds in order.

    0.0 when the earlier page is too small to tell, or so much smaller that any
    text would hold it.
    """
    return _share(key(earlier.text), key(page.text))


def _share(a: str, b: str, *, exact: bool = True) -> float:
    """:func:`carried_share` on the pages' keys.

    The LCS runs with rapidfuzz's ``score_cutoff`` at the threshold: it stops as soon as
    too many characters are missed (about 4x faster on unrelated pages, 2-4x on carried
    ones) and returns the exact similarity whenever the threshold is reached. Below it,
    ``exact=True`` recomputes the exact share (it is reported) and ``exact=False`` gives
    0.0; the carried/not carried decision is the same either way.
    """
    if len(a) < MIN_CHARS or len(a) < MIN_SIZE * len(b) or len(a) > len(b):
        return 0.0
    # one below the smallest similarity that can pass ``>= MIN_CARRIED``, against float rounding
    cutoff = max(0, math.ceil(MIN_CARRIED * len(a)) - 1)
    similarity = LCSseq.similarity(a, b, score_cutoff=cutoff)  # exact whenever it reaches the cutoff
    if exact and similarity < cutoff:
        similarity = LCSseq.similarity(a, b)
    return similarity / len(a)


def _reference(keys: list[str], k: int) -> tuple[int | None, float]:
    """The earlier chunk that chunk ``k`` carries: the previous one, else the first, else any.

    ``keys`` are the chunks' keys, computed once per document: a document without layers
    compares every pair of pages, and re-joining each page's text per pair cost more than
    the comparison that the length test mostly skips. The share with the previous chunk is
    exact (it is reported); the others only need to say whether they reach the threshold,
    and come out as 0.0 when they cannot (see :data:`SHARE_NOTE`).
    """
    best, best_share = None, 0.0
    for j in dict.fromkeys([k - 1, 0, *range(k - 2, 0, -1)]):
        share = _share(keys[j], keys[k], exact=j == k - 1)
        if share >= MIN_CARRIED:
            return j, share
        if share > best_share:
            best, best_share = j, share
    return None, best_share


def _separate(prev: Page, cur: Page) -> tuple[Page, dict]:
    prev_lines = [l.text for l in _content(prev)]
    cur_content = _content(cur)
    index = {id(l): n for n, l in enumerate(cur_content)}
    mapped = align_lines(prev_lines, [l.text for l in cur_content])
    kept: list[Line] = []
    repaired: list[Line] = []
    missing = 0
    for line in cur.lines:
        n = index.get(id(line))
        if n is None:  # a blank line: keep it where it ends a paragraph of the new page
            if kept and kept[-1].text.strip() and _SENTENCE_END.search(kept[-1].text):
                kept.append(line)
            continue
        if n in mapped.whole:
            continue
        if n in mapped.merged:
            rest, miss = remove([prev_lines[i] for i in mapped.merged[n]], line.text)
            missing += miss
            if rest.strip():
                kept.append(line.with_text(rest))
                repaired.append(kept[-1])
            continue
        kept.append(line)
    while kept and not kept[-1].text.strip():
        kept.pop()
    unattributed = sum(lexicon.unknown_chars(l.text) for l in repaired)
    done = set(repaired)  # the same membership test as the list's (Line is a frozen dataclass), hashed
    garbled = [l for l in kept if l not in done and l.text.strip() and lexicon.word_score(l.text) < 0.5]
    unattributed += sum(lexicon.unknown_chars(l.text) for l in garbled) + missing
    page = Page(cur.number, tuple(kept), cur.estimated, cur.removed, cur.unattributed + unattributed)
    info = {"page": cur.number, "whole_lines_removed": len(mapped.whole),
            "interleaved_lines_repaired": len(mapped.merged),
            "earlier_lines_carried": sum(len(v) for v in mapped.merged.values()) + len(mapped.whole),
            "earlier_lines_not_found": len(mapped.lost), "unattributed": unattributed}
    return page, info


def separate_layers(pages: tuple[Page, ...]) -> StageResult:
    """Subtract earlier pages' layers from later pages; no-op for documents without layers.

    ``details["pages"]`` says per page which earlier chunk it carried, how many
    lines were removed whole or repaired, and how many characters stayed unattributed.
    """
    pages = tuple(pages)
    if len(pages) < 2:
        return StageResult(pages, {"layered": False, "pages": []})
    keys = [key(page.text) for page in pages]
    refs = [(None, 0.0)] + [_reference(keys, k) for k in range(1, len(pages))]
    shares = [round(share, 2) for _, share in refs[1:]]
    if all(ref is None for ref, _ in refs):
        return StageResult(pages, {"layered": False, "pages": [], "shared": shares,
                                            "shared_note": SHARE_NOTE})
    out = [pages[0]]
    infos = []
    for k in range(1, len(pages)):
        ref, share = refs[k]
        if ref is None:
            out.append(pages[k])
            infos.append({"page": pages[k].number, "layered": False, "shared": round(share, 2)})
            continue
        page, info = _separate(pages[ref], pages[k])
        info["carries_chunk_of_page"] = pages[ref].number
        out.append(page)
        infos.append(info)
    return StageResult(tuple(out), {"layered": True, "shared": shares, "shared_note": SHARE_NOTE, "pages": infos,
                                    "unattributed": {p.number: p.unattributed for p in out}})
