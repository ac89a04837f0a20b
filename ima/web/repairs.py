"""What the repair stages did to a page, as spans of the raw text, and the page cut into marked segments.

Three kinds of repair are shown: ``removed`` (page furniture, margin fragments: exact raw spans),
``corrected`` (OCR and diacritic repairs) and ``joined`` (words broken at a line end). The stages record
corrections and joins with the span of the line they happened in; the word itself is found in that span.
"""

from __future__ import annotations

from dataclasses import dataclass

from ima.domain.record import StoredDocument


@dataclass(frozen=True, slots=True)
class Repair:
    """One repair: its kind, its span in the raw text, the text before and after, and why."""

    kind: str
    start: int
    end: int
    before: str
    after: str
    reason: str


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of text, and the repair it shows (None for untouched text)."""

    text: str
    repair: Repair | None = None


def _locate(raw: str, start: int, end: int, word: str) -> tuple[int, int] | None:
    """The exact span of ``word`` inside the recorded line span (or the span itself if it is the word)."""
    if not word:
        return None
    at = raw.find(word, start, max(end, start + len(word)))
    return (at, at + len(word)) if at != -1 else None


def document_repairs(doc: StoredDocument) -> list[Repair]:
    """Every repair of the document that can be placed in its raw text, in text order."""
    raw = doc.raw_text
    found: list[Repair] = []
    for page in doc.pages:
        found += [Repair("removed", r.start, r.end, r.text, "", r.reason) for r in page.removed if r.end > r.start]
    for stage in doc.stages:
        details = stage.details or {}
        for c in details.get("corrections", []) or []:
            span = _locate(raw, int(c.get("start", 0)), int(c.get("end", 0)), str(c.get("before", "")))
            if span and isinstance(c, dict):
                found.append(Repair("corrected", *span, c.get("before", ""), c.get("after", ""), c.get("reason", "")))
        for j in details.get("joins", []) or []:
            word = str(j.get("word", ""))
            head = word.split("-", 1)[0] + "-" if "-" in word else word
            span = _locate(raw, int(j.get("start", 0)), int(j.get("end", 0)), head)
            if span:
                found.append(Repair("joined", *span, word, j.get("result", ""), j.get("reason", "")))
    found.sort(key=lambda r: (r.start, -r.end))
    kept: list[Repair] = []
    for repair in found:  # overlapping repairs cannot both be drawn; the outer one wins
        if not kept or repair.start >= kept[-1].end:
            kept.append(repair)
    return kept


def text_segments(text: str, offset: int, repairs: list[Repair]) -> list[Segment]:
    """``text``, which starts at ``offset`` of the raw text, cut at the repairs (raw offsets) inside it."""
    out: list[Segment] = []
    end_of_text = offset + len(text)
    at = offset
    for r in repairs:
        if r.end <= offset or r.start >= end_of_text:
            continue
        start, end = max(r.start, at), min(r.end, end_of_text)
        if start >= end:
            continue
        if start > at:
            out.append(Segment(text[at - offset:start - offset]))
        out.append(Segment(text[start - offset:end - offset], r))
        at = end
    if at < end_of_text:
        out.append(Segment(text[at - offset:]))
    return out


def clean_segments(text: str, raw_start: int, raw_end: int, repairs: list[Repair]) -> list[Segment]:
    """A passage's clean text with the results of corrections and joins inside its raw span marked."""
    marks: list[tuple[int, int, Repair]] = []
    cursor = 0
    for r in repairs:
        if r.kind == "removed" or not r.after or not raw_start <= r.start < raw_end:
            continue
        at = text.find(r.after, cursor)
        if at != -1:
            marks.append((at, at + len(r.after), r))
            cursor = at + len(r.after)
    out: list[Segment] = []
    at = 0
    for start, end, r in marks:
        if start > at:
            out.append(Segment(text[at:start]))
        out.append(Segment(text[start:end], r))
        at = end
    if at < len(text):
        out.append(Segment(text[at:]))
    return out
