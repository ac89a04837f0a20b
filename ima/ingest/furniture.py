"""Remove page furniture: letterhead, sidebar, page numbers, running headers and footers.

Every removed line is kept on its page as ``Removal(line, reason)``; lines are
only ever removed, never edited. The rules are general patterns of Dutch
government letters and parliamentary papers (any ministry), not of one file:

* the letterhead block at the top of a page, recognised by its anchors
  (``> Retouradres``, ``Datum``, ``Onderwerp``, ``Ons kenmerk``, the address of
  the addressee ``Aan de Voorzitter van de ... Kamer``), up to the last anchor
  and the continuation of the subject line;
* sidebar lines anywhere on a page: the labels and their values (``Ons kenmerk``
  + number, ``Datum`` + date, ``Bij beantwoording ...``, ``Wilt u slechts één
  zaak ...``), postal addresses, ``www.`` lines, and short lines that repeat a
  sidebar line of the letterhead (directorate names on later pages);
* page footers ``Pagina x van y`` (also overlaid), Kamerstuk footers, lines
  that repeat at the top or bottom of many pages (running headers), lone page
  numbers at the top or bottom of a page;
* lone footnote-call digits the PDF put on their own line before the body
  paragraph that carries the call (recorded as ``footnote call N``);
* margin-column garbage in OCR text (lines of symbols and stray letters).

When in doubt a line is kept: body text must never be removed.
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher

from ima.domain.text import Line, Page, Removal
from ima.ingest import lexicon
from ima.ingest.pages import _KST_FOOTER, decode_letter_footer
from ima.ingest.stage import StageResult

MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
DATE = rf"\d\s?\d?\s+(?:{MONTHS})\s+(?:\d\s?){{3}}\d"

# (pattern, reason) for single lines that are furniture wherever they stand.
LINE_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), reason)
    for p, reason in (
        (r"^\s*>?\s*Retouradres\b.*$", "return address"),
        (r"^\s*P+a+g+i+n+a+\s+[\d\s]+\s+[van\s]{2,}\s+[\d\s]+$", "page footer"),
        (r"^\s*(?i:www)\.\S+\s*$", "website"),
        (r"^\s*https?://(?:www\.)?rijksoverheid\S*\s*$", "website"),
        (r"^\s*(?:Ons|Uw)\s+(?:kenmerk|referentie)\b(?:\s+[\w./-]+)?\s*$", "reference label"),
        (r"^\s*Bij\s+beantwoording\s+de\s+datum\b.*$", "sidebar instruction"),
        (r"^\s*en\s+ons\s+kenmerk\s+vermelden\.?\s*$", "sidebar instruction"),
        (r"^\s*Wilt\s+u\s+slechts\s+(?:één|een|e\u0301e\u0301n)\s+zaak\b.*$", "sidebar instruction"),
        (r"^\s*brief\s+behandelen\.?\s*$", "sidebar instruction"),
        (rf"^\s*Datum(?:\s+{DATE})?\s*$", "date"),
        (rf"^\s*{DATE}\s*$", "date"),
        (r"^\s*Onderwerp\b.*$", "subject"),
        (r"^\s*Aan\s+de\s+Voorzitter\s+van\s+de\s+(?:Tweede|Eerste)\s+Kamer\b.*$", "addressee"),
        (r"^\s*[Dd]er\s+Staten-Generaal\s*$", "addressee"),
        (r"^\s*Postbus\s+\d+\s*$", "address"),
        (r"^\s*\d{4}\s?[A-Z]{2}\s+[A-Za-z'’ -]+\s*$", "address"),
        (r"^\s*(?:Contactpersoon|Bijlage\(n\)|Bijlagen?|Uw\s+brief)\b\s*$", "sidebar label"),
        (r"^\s*(?:Directoraat-Generaal|Directie)\b[\w ,&-]{0,60}$", "sidebar"),
    )
)
_ANCHOR = re.compile(
    r"^\s*(?:>?\s*Retouradres|Datum\b|Onderwerp\b|Ons\s+kenmerk|Bij\s+beantwoording|Wilt\s+u\s+slechts|brief\s+behandelen|en\s+ons\s+kenmerk|Aan\s+de\s+Voorzitter)",
)
_NUMBER_VALUE = re.compile(r"^\s*[\d][\d\s./-]{4,}\s*$")
_LONE_DIGITS = re.compile(r"^\s*(\d{1,3})\s*$")
_STREET = re.compile(r"^\s*[A-Z][\w'’.-]+(?:\s+[\w'’.-]+){0,2}\s+\d{1,4}[a-z]?\s*$")
LETTERHEAD_SCAN = 60  # lines from the top of a page in which a letterhead may stand


def _norm(text: str) -> str:
    return " ".join(text.split())


def _blank(line: Line) -> bool:
    return not line.text.strip()


def _rule(text: str) -> str | None:
    for pattern, reason in LINE_RULES:
        if pattern.match(text):
            return reason
    if decode_letter_footer(text):
        return "page footer"
    if _KST_FOOTER.match(text):
        return "running footer"
    return None


def _letterhead_end(lines: tuple[Line, ...]) -> int:
    """Index after the letterhead block at the top of a page, or 0 when there is none."""
    anchors = [i for i, l in enumerate(lines[:LETTERHEAD_SCAN]) if _ANCHOR.match(l.text)]
    if len(anchors) < 2:
        return 0
    # the block starts at the top of the page and may not run across body prose
    if any(_prose(l.text) for l in lines[: anchors[0]]):
        return 0
    end = anchors[0]
    for i in anchors:
        prose = [l for l in lines[end:i] if _prose(l.text)]
        if prose:
            break
        end = i
    end += 1
    # the subject (Onderwerp) may continue on the next line(s)
    subject = next((i for i in range(end) if re.match(r"^\s*Onderwerp\b", lines[i].text, re.I)), None)
    if subject is not None and subject == end - 1:
        j, blanks = end, 0
        while j < len(lines):
            text = lines[j].text.strip()
            if not text:
                blanks += 1
                if blanks > 1:
                    break
            elif text[0].islower() and not _prose(text):
                end = j + 1
                blanks = 0
            else:
                break
            j += 1
    return end


def _prose(text: str) -> bool:
    words = text.split()
    return len(words) >= 8 and not _ANCHOR.match(text)


def _similar(a: str, b: str) -> bool:
    a, b = "".join(a.lower().split()), "".join(b.lower().split())
    if not a or not b:
        return False
    return a == b or (min(len(a), len(b)) >= 6 and SequenceMatcher(None, a, b).ratio() >= 0.8)


def _garbage(text: str) -> bool:
    """A margin fragment: mostly symbols, or letters that form no words at all."""
    s = text.strip()
    if not s or any(c.isdigit() for c in s):
        return False
    letters = sum(c.isalpha() for c in s)
    symbols = sum(not c.isalnum() and not c.isspace() for c in s)
    if letters == 0:
        return symbols >= 2 and not re.search(r"\d", s)
    if symbols >= 3 and symbols >= letters / 2:
        return lexicon.word_score(s) < 0.7 or letters < 4
    tokens = s.split()
    junk = [t for t in tokens if not any(c.isalnum() for c in t) or (len(t) == 1 and t.isalpha())]
    words = [t for t in tokens if t not in junk]
    return len(junk) >= 3 and len(junk) > len(words) and len(words) <= 2


def remove_furniture(pages: tuple[Page, ...]) -> StageResult:
    """Take furniture lines out of each page's body, keeping them as removals."""
    sidebar: list[str] = []
    counts: Counter[str] = Counter()
    # lines that repeat at the top or bottom of many pages are running headers/footers
    for page in pages:
        content = [l for l in page.lines if not _blank(l)]
        for l in content[:3] + content[-3:]:
            counts[_norm(l.text)] += 1
    running = {t for t, c in counts.items()
               if len(pages) >= 3 and c >= max(3, len(pages) // 3) and len(t) > 3 and not _LONE_DIGITS.match(t)}

    out: list[Page] = []
    reasons: Counter[str] = Counter()
    calls: list[dict] = []
    for page in pages:
        lines = page.lines
        removed: list[Removal] = list(page.removed)
        kept: list[Line] = []
        head_end = _letterhead_end(lines)
        content_idx = [i for i, l in enumerate(lines) if not _blank(l)]
        edge = set(content_idx[:2] + content_idx[-2:])
        for i, line in enumerate(lines):
            text = line.text
            if _blank(line):
                kept.append(line)
                continue
            reason = _rule(text)
            if i < head_end:
                reason = reason or "letterhead"
                if len(text.split()) <= 6 and sum(c.isalpha() for c in text) >= 3:
                    sidebar.append(text)
            if reason is None and _norm(text) in running:
                reason = "running header/footer"
            if reason is None and _NUMBER_VALUE.match(text) and _after_label(lines, i, r"kenmerk|referentie"):
                reason = "reference number"
            if reason is None and _STREET.match(text) and _near_address(lines, i):
                reason = "address"
            if reason is None and len(text.split()) <= 5 and not re.search(r"[.?!:;]\s*$", text) \
                    and any(_similar(text, s) for s in sidebar):
                reason = "sidebar"
            if reason is None and (m := _LONE_DIGITS.match(text)):
                nxt = _next_content(lines, i)
                if i in edge and (nxt is None or not nxt.text.startswith(" ")):
                    reason = "page number"
                elif nxt is not None and nxt.text[:1].isalpha():
                    reason = f"footnote call {m.group(1)}"
                    calls.append({"page": page.number, "call": m.group(1), "before": nxt.text.strip()[:60]})
            if reason is None and _garbage(text):
                reason = "margin fragment"
            if reason is None:
                kept.append(line)
            else:
                removed.append(Removal(line, reason))
                reasons[reason.split(" ")[0] if reason.startswith("footnote") else reason] += 1
        # drop blank lines left at the top of the page
        while kept and _blank(kept[0]):
            removed.append(Removal(kept.pop(0), "blank"))
        out.append(Page(page.number, tuple(kept), page.estimated, tuple(removed), page.unattributed))
    details = {"removed": sum(reasons.values()), "by_reason": dict(reasons), "footnote_calls": calls,
               "running": sorted(running)}
    return StageResult(tuple(out), details)


def _next_content(lines: tuple[Line, ...], i: int) -> Line | None:
    for l in lines[i + 1:]:
        if not _blank(l):
            return l
    return None


def _after_label(lines: tuple[Line, ...], i: int, label: str) -> bool:
    """True when one of the 4 content lines before ``i`` is a label like ``Ons kenmerk``."""
    seen = 0
    for l in reversed(lines[:i]):
        if _blank(l):
            continue
        if re.search(label, l.text, re.I) and len(l.text.split()) <= 4:
            return True
        seen += 1
        if seen >= 4:
            break
    return False


def _near_address(lines: tuple[Line, ...], i: int) -> bool:
    """A street line counts as address only next to a postcode or Postbus line."""
    for l in lines[max(0, i - 3): i + 4]:
        if re.match(r"^\s*(?:Postbus\s+\d+|\d{4}\s?[A-Z]{2}\s)", l.text):
            return True
    return False
