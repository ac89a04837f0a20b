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
* page footers ``Pagina x van y`` (also overlaid); running headers and footers
  of parliamentary papers (``Tweede Kamer, vergaderjaar 2017–2018, 19 637,
  nr. 2395 7``, Eerste Kamer, ``Kamerstukken II 2017/18, ...`` when it recurs),
  whose printed page number goes into the removal reason (``running
  header/footer, page 7``) and ``details["running_pages"]``; lines that repeat
  at the top or bottom of many pages; lone page numbers at a page's top or bottom;
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
from ima.ingest.charclass import classes
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
# Running headers/footers of parliamentary papers, with the page number before or after them:
# "Tweede Kamer, vergaderjaar 2017–2018, 19 637, nr. 2395 7", "Eerste Kamer, vergaderjaar
# 2019–2020, 35 300 VI, C 3", "4 Kamerstukken II 2017/18, 19 637, nr. 2395".
_RUNNING = re.compile(
    r"^\s*(?:(?P<lead>\d{1,4})\s+)?"
    r"(?P<kind>(?:Tweede|Eerste)\s+Kamer,\s+vergaderjaar\s+\d{4}\s*[–-]\s*\d{4}"
    r"|(?:Kamerstukken|Handelingen)\s+I{1,2}\s+\d{4}\s*[/–-]\s*\d{2,4})"
    r"\s*,\s*(?P<dossier>\d[\d\s]*(?:\s+[A-Z]{1,4}|-[A-Z\d]+)?(?:\s+en\s+\d[\d\s]*\d)?)"
    r"\s*,\s*(?P<nr>nr\.\s*\d+|[A-Z]{1,3})(?:\s+(?P<trail>\d{1,4}))?\s*$"
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


# LINE_RULES as one alternation, group r<i> for rule i: branches are tried in order and each is
# the whole anchored rule, so the first branch that matches is the first rule that matches;
# one C-level match per line instead of twenty Python calls.
_ANY_RULE = re.compile("|".join(f"(?P<r{i}>{pattern.pattern})" for i, (pattern, _) in enumerate(LINE_RULES)))


def _rule(text: str) -> str | None:
    m = _ANY_RULE.match(text)
    if m is not None:
        return LINE_RULES[int(m.lastgroup[1:])][1]  # type: ignore[index]  # a branch group matched
    if decode_letter_footer(text):
        return "page footer"
    if _KST_FOOTER.match(text):
        return "running footer"
    return None


def running_header(text: str) -> tuple[str, int | None] | None:
    """``(paper, printed page)`` when ``text`` has the form of a parliamentary running header.

    ``paper`` identifies the paper (dossier and number) so repetitions can be
    counted; the page number is the one printed after (or before) it.
    """
    m = _RUNNING.match(text)
    if not m:
        return None
    number = m.group("trail") or m.group("lead")
    paper = " ".join(f"{m.group('dossier')} {m.group('nr')}".split())
    return paper, int(number) if number else None


def _running_papers(pages: tuple[Page, ...]) -> set[str]:
    """Papers whose header recurs on two or more lines: a ``Kamerstukken II`` line that does
    not recur is a footnote citing another paper and stays."""
    seen: Counter[str] = Counter()
    for page in pages:
        for line in page.lines:
            if (hit := running_header(line.text)) is not None:
                seen[hit[0]] += 1
    # a running header stands on most pages; two footnotes citing the same paper do not make one
    return {paper for paper, n in seen.items() if n >= max(2, len(pages) // 3)}


def _running_reason(text: str, papers: set[str], at_edge: bool) -> str | None:
    hit = running_header(text)
    if hit is None:
        return None
    paper, number = hit
    # the "vergaderjaar" form appears only as page furniture; the citation forms
    # (Kamerstukken II ...) only when they recur at the top or bottom of the pages
    # (Kamerstukken II ...) only when they recur at the top or bottom of the pages and carry the
    # page number after them: a number before such a line is a footnote's number
    if "vergaderjaar" not in text and not (paper in papers and at_edge and _RUNNING.match(text)["trail"]):
        return None
    if number is None and paper not in papers:
        return None
    return f"running header/footer, page {number}" if number is not None else "running header/footer"


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
    if a == b:
        return True
    if min(len(a), len(b)) < 6:
        return False
    # difflib's two upper bounds of ratio() (real_quick_ratio, quick_ratio: the lengths, the
    # shared characters), same formula, first: they decide most pairs without building a matcher
    total = len(a) + len(b)
    if 2.0 * min(len(a), len(b)) / total < 0.8:
        return False
    if 2.0 * sum((Counter(a) & Counter(b)).values()) / total < 0.8:
        return False
    return SequenceMatcher(None, a, b).ratio() >= 0.8


def _garbage(text: str) -> bool:
    """A margin fragment: mostly symbols, or letters that form no words at all."""
    s = text.strip()
    # counted on the character classes (one C-level pass; see charclass), as the str
    # predicates would: this runs on every body line of every document
    cls = classes(s)
    if not s or "d" in cls:
        return False
    letters = cls.count("a")
    symbols = cls.count("p")
    if letters == 0:
        return symbols >= 2 and not re.search(r"\d", s)
    if symbols >= 3 and symbols >= letters / 2:
        return lexicon.word_score(s) < 0.7 or letters < 4
    # a token is junk when it has no letter or digit, or is a single letter; the rest are words
    tokens = cls.split()
    junk = sum(1 for t in tokens if not t.strip("p") or t == "a")
    words = len(tokens) - junk
    return junk >= 3 and junk > words and words <= 2


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

    papers = _running_papers(pages)
    out: list[Page] = []
    reasons: Counter[str] = Counter()
    calls: list[dict] = []
    printed: list[dict] = []
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
            reason = _running_reason(text, papers, i in edge)
            if reason is not None and (m := re.search(r"page (\d+)$", reason)):
                printed.append({"page": page.number, "printed": int(m.group(1)), "start": line.start,
                                "end": line.end, "text": _norm(text)})
            reason = reason or _rule(text)
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
                reasons[reason.split(" ")[0] if reason.startswith("footnote") else reason.split(",")[0]] += 1
        # drop blank lines left at the top of the page
        while kept and _blank(kept[0]):
            removed.append(Removal(kept.pop(0), "blank"))
        out.append(Page(page.number, tuple(kept), page.estimated, tuple(removed), page.unattributed))
    details = {"removed": sum(reasons.values()), "by_reason": dict(reasons), "footnote_calls": calls,
               "running": sorted(running), "running_pages": printed}
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
