"""Build passages (paragraphs, headings, list items, signatures) from clean pages.

Blocks are separated by blank lines; where an extraction has no blank line
between two paragraphs, a layout cue splits them: the previous line ends a
sentence and is clearly shorter than the page's usual line. A heading is a
short line without final punctuation that stands alone or is followed by body
text (``Aanleiding``, ``1.4 Minder illegaliteit, meer terugkeer``). A list item
starts with a bullet or an item label (``a)``, ``1)``, ``•``, ``-``).

Lines are joined with single spaces and whitespace is normalised. ``start``
and ``end`` are the smallest start and largest end of the source lines.

A paragraph that runs over a page break (the page's last block does not end a
sentence and the next page's first block starts in lower case) is kept whole,
as one passage on its first page; its span covers the lines on both pages.
"""

from __future__ import annotations

import re
from statistics import median

from ima.domain.text import Line, Page, Passage

_SENTENCE_END = re.compile(r"[.?!:;][)»”’\"']?\s*$")
_END_PUNCT = re.compile(r"[.,;:?!\-–—]\s*$")
_LIST = re.compile(r"^\s*(?:[•▪●◦·*‒–-]\s+|\(?[a-z]\)\s+|\(?\d{1,2}\)\s+|[ivx]{1,4}\)\s+)")
_NUMBERED_HEADING = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[IVX]+\.)\s+\S")
_SIGNATURE = re.compile(r"^\s*(?:De|Het)\s+(?:Minister|Staatssecretaris|Minister-President|voorzitter|griffier)\b.*,\s*$",
                        re.IGNORECASE)
# "2. Versterken opvang …": a numbered section heading, which may run over two lines
# (``2 Door …`` without a dot is a footnote, not a heading)
_SECTION_HEADING = re.compile(r"^\s*(?:\d{1,2}\.\d{1,2}(?:\.\d{1,2})*\.?|\d{1,2}\.)\s+[A-Z][a-zà-ÿ]")
_OPEN_END = re.compile(r"\b(?:in|de|het|van|en|voor|met|op|tot|aan|uit|over|naar|binnen|om)\s*$")
# a block ending like this stops mid-phrase ("slechts 237 miljoen" / "Amerikaanse dollar gedekt"):
# the next page's first paragraph continues it even when it starts with a capital (a name)
_MID_PHRASE_END = re.compile(r"\b(?:in|de|het|van|en|voor|met|op|tot|aan|uit|over|naar|binnen|om|een|"
                             r"miljoen|miljard|duizend|mln\.|mld\.)\s*$")
HEADING_MAX_WORDS = 10
NUMBERED_HEADING_MAX_WORDS = 16
HEADING_MAX_CHARS = 80
NUMBERED_HEADING_MAX_CHARS = 110


def _blank(line: Line) -> bool:
    return not line.text.strip()


def _is_heading_line(text: str, prev: str | None, nxt: str | None) -> bool:
    t = text.strip()
    numbered = bool(_SECTION_HEADING.match(t))
    max_chars, max_words = ((NUMBERED_HEADING_MAX_CHARS, NUMBERED_HEADING_MAX_WORDS) if numbered
                            else (HEADING_MAX_CHARS, HEADING_MAX_WORDS))
    if not t or len(t) > max_chars or len(t.split()) > max_words:
        return False
    if _END_PUNCT.search(t) or _LIST.match(t) or re.search(r",\s*nr\.|\d{4}/\d{2}", t):
        return False  # references (footnote texts) are not headings
    if not (t[0].isupper() or _NUMBERED_HEADING.match(t)):
        return False
    if prev is not None and prev.strip() and not _SENTENCE_END.search(prev):
        return False
    if nxt is not None and nxt.strip() and not (nxt.strip()[0].isupper() or nxt.strip()[0].isdigit()
                                                 or nxt.strip()[0] in "«“‘(\"'"):
        # a numbered heading may wrap: its last words on a short lower-case line
        return numbered and _heading_tail(nxt, t)
    return True


def _heading_tail(text: str, head: str = "") -> bool:
    """A short line that ends a wrapped heading: lower case (``regio``), or any case when the
    heading stopped on a word no heading ends with (``… binnen de Europese Unie en in`` / ``Nederland``)."""
    t = text.strip()
    if not t or len(t.split()) > 4 or _END_PUNCT.search(t):
        return False
    return t[0].islower() or (bool(_OPEN_END.search(head)) and len(t.split()) <= 3)


class _Block:
    __slots__ = ("lines", "kind", "page")

    def __init__(self, page: Page, kind: str = "paragraph") -> None:
        self.lines: list[Line] = []
        self.kind = kind
        self.page = page

    @property
    def text(self) -> str:
        return " ".join(" ".join(l.text for l in self.lines).split())


def _blocks(page: Page, width: float) -> list[_Block]:
    blocks: list[_Block] = []
    cur: _Block | None = None
    lines = list(page.lines)
    for i, line in enumerate(lines):
        if _blank(line):
            cur = None
            continue
        text = line.text
        prev = lines[i - 1].text if i > 0 else None
        nxt = next((l.text for l in lines[i + 1:] if not _blank(l)), None)
        nxt_adjacent = lines[i + 1].text if i + 1 < len(lines) else None
        starts_new = cur is None
        if cur is not None:
            last = cur.lines[-1].text
            if cur.kind == "heading" and _SECTION_HEADING.match(cur.lines[0].text) and len(cur.lines) == 1 \
                    and not _END_PUNCT.search(last) and _heading_tail(text, last):
                cur.lines.append(line)  # the wrapped end of a numbered heading
                continue
            if _SENTENCE_END.search(last) and len(last.rstrip()) < 0.8 * width:
                starts_new = True  # layout cue: short last line of a paragraph
            if _SENTENCE_END.search(last) and _SECTION_HEADING.match(text):
                starts_new = True  # a numbered section heading after a full sentence
            if _LIST.match(text):
                starts_new = True
            if cur.kind == "heading":
                starts_new = True
        if starts_new and _is_heading_line(text, prev if cur is not None else None, nxt_adjacent if nxt_adjacent and nxt_adjacent.strip() else nxt):
            cur = _Block(page, "heading")
            cur.lines.append(line)
            blocks.append(cur)
            continue
        if starts_new:
            kind = "list_item" if _LIST.match(text) else "paragraph"
            if _SIGNATURE.match(text):
                kind = "signature"
            cur = _Block(page, kind)
            blocks.append(cur)
        cur.lines.append(line)
    # a short unpunctuated block right after a signature line is the name
    for a, b in zip(blocks, blocks[1:]):
        if a.kind == "signature" and b.kind in ("paragraph", "heading") and len(b.text.split()) <= 6 \
                and not _SENTENCE_END.search(b.text):
            b.kind = "signature"
    return blocks


def build_passages(pages: tuple[Page, ...]) -> tuple[Passage, ...]:
    """Passages in reading order with their page and raw span."""
    lengths = [len(l.text.rstrip()) for p in pages for l in p.lines if len(l.text.strip()) > 20]
    width = median(lengths) if lengths else 80.0
    blocks: list[_Block] = []
    for page in pages:
        page_blocks = _blocks(page, width)
        if blocks and page_blocks:
            last, first = blocks[-1], page_blocks[0]
            if (last.kind in ("paragraph", "list_item") and first.kind == "paragraph"
                    and page.number == last.page.number + 1  # a missing page breaks the text
                    and not re.match(r"^\d{1,3}\s", last.text)  # not into a footnote block
                    and not _SENTENCE_END.search(last.text)
                    and (first.text[:1].islower() or _MID_PHRASE_END.search(last.text))):
                last.lines.extend(first.lines)  # the paragraph runs over the page break
                page_blocks = page_blocks[1:]
        blocks.extend(page_blocks)
    # OCR and some extractions put blank lines inside paragraphs: a block that does not end a
    # sentence, followed by one that starts in lower case, is the same paragraph
    merged: list[_Block] = []
    for block in blocks:
        if merged and merged[-1].kind in ("paragraph", "list_item") and block.kind == "paragraph" \
                and merged[-1].page is block.page and not _SENTENCE_END.search(merged[-1].text) \
                and block.text[:1].islower():
            merged[-1].lines.extend(block.lines)
        else:
            merged.append(block)
    blocks = merged
    passages = []
    for block in blocks:
        text = block.text
        if not text:
            continue
        passages.append(Passage(
            seq=len(passages), page=block.page.number, text=text,
            start=min(l.start for l in block.lines), end=max(l.end for l in block.lines),
            kind=block.kind, page_estimated=block.page.estimated,
        ))
    return tuple(passages)
