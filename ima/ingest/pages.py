"""Split an extraction into pages of lines that keep their exact raw spans.

Page signals, in order of trust:

1. ``extraction.page_breaks`` (the format knows its pages, e.g. PDF);
2. letter footers ``Pagina 3 van 8``, also when overlaid text layers merged
   several of them (``PPaaggiinnaa  31  vvaann  88`` carries pages 1 and 3:
   the chunk is page 3, the highest page it carries);
3. form feeds;
4. Kamerstuk footers ``Tweede Kamer, vergaderjaar 2017–2018, 19 637, nr. 2395 7``:
   the text above the footer is page 7, the text after it page 8. Pages
   between and around the known footers are counted from the layout (the
   first line of each page starts with one space in this extraction, checked
   against the known footers; otherwise the line density between footers) and
   flagged ``estimated``.

A document without any page signal is one page. ``details["method"]`` says
which signal was used.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import combinations

from ima.domain.document import Extraction
from ima.domain.text import Line, Page
from ima.ingest.stage import StageResult

# "Pagina 3 van 8", or k overlaid footers whose letters and digits interleave.
_LETTER_FOOTER = re.compile(
    # the letters of overlaid "van"s interleave too ("vvvvv aaaaavnnnnan  n"), and digits may
    # sit against them ("1vvvvv", "n11111")
    r"^\s*(P+)a+g+i+n+a+\s+([\d\s]+?)\s*v[van\s]*?[an]\s*(\d[\d\s]*?)\s*$"
)
_KST_FOOTER = re.compile(
    r"^\s*(?:Tweede|Eerste)\s+Kamer,\s+vergaderjaar\s+\d{4}\s*[–-]\s*\d{4},\s*[\d\s\-A-Z]+?,\s*nr\.\s*\d+\s+(\d{1,4})\s*$"
)
DEFAULT_KST_LINES_PER_PAGE = 60


def raw_lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """The lines of ``text[start:end]`` with their spans (line ends and ``\\r`` excluded)."""
    end = len(text) if end is None else end
    lines: list[Line] = []
    pos = start
    for match in re.finditer(r"[\n\f]", text[start:end]):
        stop = start + match.start()
        lines.append(_line(text, pos, stop))
        pos = start + match.end()
    if pos < end:
        lines.append(_line(text, pos, end))
    return lines


def _line(text: str, start: int, stop: int) -> Line:
    if stop > start and text[stop - 1] == "\r":
        stop -= 1
    return Line(text[start:stop], start, stop)


def _blank(line: Line) -> bool:
    return not line.text.strip()


# --------------------------------------------------------------------------- letter footers


def decode_letter_footer(text: str, known: set[int] | frozenset[int] = frozenset()) -> tuple[int, int, int] | None:
    """Decode a (possibly overlaid) ``Pagina x van y`` footer.

    Returns ``(page, total, layers)``: the highest page the footer carries, the
    page total and how many footers are overlaid. ``known`` are pages already
    seen (earlier layers), used to split the merged digits.
    """
    m = _LETTER_FOOTER.match(text)
    if not m:
        return None
    layers = len(m.group(1))
    pages_digits = re.sub(r"\s", "", m.group(2))
    total_digits = re.sub(r"\s", "", m.group(3))
    if not pages_digits.isdigit() or not total_digits.isdigit() or len(total_digits) % layers:
        return None
    total = int(_deinterleave(total_digits, layers))
    if layers == 1:
        page = int(pages_digits)
        return (page, total, 1) if 1 <= page <= max(total, 1) else None
    digits = Counter(pages_digits)
    # Earlier layers account for all pages but one: the leftover digits are the new page.
    prior = sorted(p for p in known if p <= total)
    for group in combinations(reversed(prior), layers - 1):
        used = Counter("".join(map(str, group)))
        rest = digits - used
        if sum(rest.values()) and all(digits[d] >= c for d, c in used.items()):
            for page in _numbers_from(rest, total):
                if page not in group:
                    return page, total, layers
    # No usable history: the highest page whose digits fit into a set of `layers` pages.
    best = _highest_fitting(pages_digits, total, layers)
    return (best, total, layers) if best else None


def _highest_fitting(digits: str, total: int, layers: int) -> int | None:
    """The highest page of any set of ``layers`` pages in 1..total whose numerals hold exactly ``digits``."""
    best = None
    want = sorted(digits)  # the same multiset of digits: compared as sorted lists, cheaper than Counters
    numerals = [str(p) for p in range(total + 1)]
    for pages in combinations(range(1, total + 1), layers):
        if sorted("".join([numerals[p] for p in pages])) == want:
            best = max(best or 0, max(pages))
    return best


def _numbers_from(rest: Counter, total: int) -> list[int]:
    want = "".join(sorted(rest.elements()))
    return [p for p in range(total, 0, -1) if "".join(sorted(str(p))) == want]


def _deinterleave(digits: str, copies: int) -> str:
    """The string of which ``digits`` interleaves ``copies`` identical copies."""
    size = len(digits) // copies
    counts = Counter(digits)
    for cand in combinations(range(len(digits)), size):
        s = "".join(digits[i] for i in cand)
        if Counter(s * copies) == counts:
            return s
    return digits[:size]


# --------------------------------------------------------------------------- splitting


def split_pages(extraction: Extraction) -> StageResult:
    """Pages of lines with exact raw spans; see the module doc for the page signals."""
    text = extraction.text
    if extraction.page_breaks:
        return _by_offsets(text, extraction.page_breaks)
    lines = raw_lines(text)
    footers = [(i, decode_letter_footer(l.text)) for i, l in enumerate(lines)]
    if any(f for _, f in footers):
        return _by_letter_footers(lines)
    if "\f" in text:
        return _by_form_feeds(text)
    kst = [(i, int(m.group(1))) for i, l in enumerate(lines) if (m := _KST_FOOTER.match(l.text))]
    if kst:
        return _by_kamerstuk_footers(lines, kst)
    page = Page(1, tuple(lines))
    return StageResult((page,), {"method": "none", "pages": 1, "estimated": 0,
                                 "note": "no page signal: the document is one page"})


def _by_offsets(text: str, breaks: tuple[int, ...]) -> StageResult:
    cuts = sorted({b for b in breaks if 0 < b < len(text)})
    bounds = [0, *cuts, len(text)]
    pages = []
    for n, (a, b) in enumerate(zip(bounds, bounds[1:]), start=1):
        stop = b - 1 if b < len(text) and text[b - 1] in "\n\f" else b
        pages.append(Page(n, tuple(raw_lines(text, a, stop))))
    return StageResult(tuple(pages), {"method": "page_breaks", "pages": len(pages), "estimated": 0})


def _by_form_feeds(text: str) -> StageResult:
    pages = []
    pos = 0
    for n, chunk in enumerate(text.split("\f"), start=1):
        pages.append(Page(n, tuple(raw_lines(text, pos, pos + len(chunk)))))
        pos += len(chunk) + 1
    return StageResult(tuple(pages), {"method": "form_feed", "pages": len(pages), "estimated": 0})


def _by_letter_footers(lines: list[Line]) -> StageResult:
    pages: list[Page] = []
    known: set[int] = set()
    chunk: list[Line] = []
    found = []
    total = None
    for line in lines:
        chunk.append(line)
        decoded = decode_letter_footer(line.text, known)
        if decoded:
            number, total, layers = decoded
            if number in known:  # a repeated footer: keep counting, flag it
                number = max(known) + 1
                pages.append(Page(number, tuple(chunk), estimated=True))
            else:
                pages.append(Page(number, tuple(chunk)))
            known.add(number)
            found.append({"page": number, "layers": layers, "footer": line.text.strip()})
            chunk = []
    if chunk:
        if all(_blank(l) for l in chunk) and pages:
            last = pages[-1]
            pages[-1] = Page(last.number, last.lines + tuple(chunk), last.estimated)
        else:
            pages.append(Page((max(known) if known else 0) + 1, tuple(chunk), estimated=True))
    estimated = sum(p.estimated for p in pages)
    return StageResult(tuple(pages), {"method": "letter_footer", "pages": len(pages), "total": total,
                                      "estimated": estimated, "footers": found})


def _page_start_cues(lines: list[Line]) -> list[int]:
    """Line indexes that look like the first line of a page (one leading space, then text)."""
    return [i for i, l in enumerate(lines) if re.match(r"^ \S", l.text)]


def _by_kamerstuk_footers(lines: list[Line], footers: list[tuple[int, int]]) -> StageResult:
    """Pages of a Kamerstuk from its (few) surviving footers plus the layout."""
    cues = set(_page_start_cues(lines))
    footer_at = dict(footers)
    # Page starts: line after each footer (first non-blank), plus layout cues.
    starts: set[int] = {0}
    for i, _ in footers:
        j = i + 1
        while j < len(lines) and _blank(lines[j]):
            j += 1
        if j < len(lines):
            starts.add(j)
    # Check the cues against the known footers: between two footers for pages a < b
    # there must be exactly b - a page starts.
    ordered = sorted(footers)
    consistent = True
    for (i, a), (k, b) in zip(ordered, ordered[1:]):
        inside = [c for c in cues if i < c < k] + [s for s in starts if i < s < k and s not in cues]
        if len(set(inside)) != b - a:
            consistent = False
    method = "kamerstuk_footer+layout" if consistent and cues else "kamerstuk_footer+density"
    if consistent and cues:
        starts |= cues
    else:
        starts |= _density_starts(lines, ordered)
    # Never start a page right after a footer's own line is skipped, nor inside a blank run.
    bounds = sorted(starts)
    # Number the segments: a segment ending with a footer line reads its number off it.
    segments = []
    for n, a in enumerate(bounds):
        b = bounds[n + 1] if n + 1 < len(bounds) else len(lines)
        segments.append((a, b))
    numbers: list[int | None] = []
    for a, b in segments:
        read = [footer_at[i] for i in range(a, b) if i in footer_at]
        numbers.append(read[-1] if read else None)
    anchor = next(i for i, v in enumerate(numbers) if v is not None)
    excess = anchor - (numbers[anchor] - 1)
    if excess > 0:
        # More segments before the first read footer than page numbers below it: the
        # layout guess over-split. Merge the earliest segments so the count fits
        # (with the footer's own segment when no page can come before it).
        merged = numbers[anchor] if excess == anchor else None
        segments = [(segments[0][0], segments[excess][1])] + segments[excess + 1:]
        numbers = [merged] + numbers[excess + 1:]
        anchor -= excess
    counted = list(numbers)
    for i in range(anchor - 1, -1, -1):
        counted[i] = counted[i + 1] - 1
    for i in range(anchor + 1, len(counted)):
        if counted[i] is None or counted[i] <= counted[i - 1]:
            counted[i] = counted[i - 1] + 1
    pages = []
    for (a, b), read, number in zip(segments, numbers, counted):
        chunk = tuple(lines[a:b])
        if not chunk:
            continue
        # a read number that had to yield to keep pages in order is an estimate too
        pages.append(Page(number, chunk, estimated=read is None or read != number))
    estimated = sum(p.estimated for p in pages)
    return StageResult(tuple(pages), {
        "method": method, "pages": len(pages), "estimated": estimated,
        "footers": [{"line": i, "page": n} for i, n in ordered],
        "layout_consistent": consistent,
        "note": "pages without a footer line are counted from the known footers (estimated=True)",
    })


def _density_starts(lines: list[Line], footers: list[tuple[int, int]]) -> set[int]:
    """Page starts spread evenly by line count (lines per page from the footers, or a default)."""
    if len(footers) >= 2:
        (i, a), (k, b) = footers[0], footers[-1]
        per_page = max(10, round((k - i) / (b - a))) if b > a else DEFAULT_KST_LINES_PER_PAGE
    else:
        per_page = DEFAULT_KST_LINES_PER_PAGE
    starts: set[int] = set()
    anchors = [i + 1 for i, _ in footers]
    for anchor in anchors:
        pos = anchor
        while pos - per_page > 0:
            pos -= per_page
            starts.add(pos)
        pos = anchor
        while pos + per_page < len(lines):
            pos += per_page
            starts.add(pos)
    # keep only starts that do not cross a footer-determined boundary too closely
    return {s for s in starts if all(abs(s - a) >= per_page // 2 for a in anchors)}
