"""Dutch dates and periods: ``10 juli 2020``, ``maart 2018``, ``25 april jl.``, ``2020–2023``.

Dates are found first because every number inside one (the day, the year) must
not be read as a count. Bare years are dates only where Dutch marks them as
time (``in 2015``, ``sinds 2011``, ``(2016)``, ``anno 2018``): a bare
``2000`` after a capitalised word is a law's name (``Vreemdelingenwet 2000``)
and stays out. Two dates joined by ``tot``, ``tot en met``, ``t/m`` or a dash
become one period (``4 maart 2016 tot 1 april 2020``).

``voor het zomerreces`` and other parliamentary moments are not calendar
dates; the commitments extractor (a later part of issue 4) reads those.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ima.domain.facts import DateMention, Span

MONTHS = {name: i for i, name in enumerate(
    ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
     "oktober", "november", "december"), start=1)}
_MONTH = "(" + "|".join(MONTHS) + ")"
_YEAR = r"((?:19|20)\d\d)(?![\w/]|[.,]\d)"

# The day's look-behind ``(?<![\w.,/])\d`` is written ``\d(?<![\w.,/]\d)``: the same test of the
# character before the digit (and none at the start of the text), but an expression that starts
# with a digit lets the engine skip to the digits instead of testing every position (the year
# range likewise with its first digit).
_DAY = r"(\d(?<![\w.,/]\d)\d?)"
_DAY_MONTH_YEAR = re.compile(_DAY + r"\s+" + _MONTH + r"\s+" + _YEAR, re.I)
_DAY_MONTH = re.compile(_DAY + r"\s+" + _MONTH + r"(?:\s+(?:jl\.|j\.l\.|jongstleden))?(?!\w)", re.I)
_MONTH_YEAR = re.compile(r"(?<![\w])" + _MONTH + r"\s+" + _YEAR, re.I)
_YEAR_RANGE = re.compile(r"((?:1(?<![\w.,/-]1)9|2(?<![\w.,/-]2)0)\d\d)\s*[-–]\s*((?:19|20)\d\d)(?![\w/]|[.,]\d)")
# words after which a bare four-digit number is a year; "en", "van" and "rond" are left
# out because "en 2000 vluchtelingen" and "rond 2000 mensen" are counts
_TIME_WORDS = (r"in|sinds|sedert|vanaf|tot|t/m|voor|na|per|anno|begin|medio|eind|einde|najaar|voorjaar|"
               r"zomer|winter|herfst|jaar|periode|tijdens|uit")
_BARE_YEAR = re.compile(r"(?:(?<!\w)(?:" + _TIME_WORDS + r")\s+|\()" + _YEAR, re.I)
_DIGIT = re.compile(r"\d")
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")
_AND = re.compile(r"\s+en\s+\Z")
_BETWEEN = re.compile(r"(?<!\w)tussen\s+\Z", re.I)
_JOIN = re.compile(r"\s*(?:[-–]|tot en met|tot|t/m)\s*\Z", re.I)


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _raw_dates(text: str) -> list[DateMention]:
    """Single dates, longest form first; shorter forms inside a longer one are dropped."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    # every form holds a digit, and all but day-month a year: a passage without them (most)
    # is decided by one fast search instead of five full scans that find nothing
    if _DIGIT.search(text) is None:
        return found
    years = _YEAR_DIGITS.search(text) is not None

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def add(mention: DateMention) -> None:
        found.append(mention)
        taken.append((mention.span.start, mention.span.end))

    for m in _DAY_MONTH_YEAR.finditer(text) if years else ():
        year, month, day = int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1))
        date = _day(year, month, day)
        if date:
            add(DateMention(date.isoformat(), m.group(), Span(m.start(), m.end()), date, date))
        else:  # "31 februari 2020" is a misreading: no date, and not "februari 2020" either
            taken.append((m.start(), m.end()))
    for m in _YEAR_RANGE.finditer(text) if years else ():
        first, last = int(m.group(1)), int(m.group(2))
        if first < last and free(m.start(), m.end()):
            add(DateMention(f"{first}/{last}", m.group(), Span(m.start(), m.end()),
                            dt.date(first, 1, 1), dt.date(last, 12, 31)))
    for m in _MONTH_YEAR.finditer(text) if years else ():
        if free(m.start(), m.end()):
            year, month = int(m.group(2)), MONTHS[m.group(1).lower()]
            add(DateMention(f"{year}-{month:02d}", m.group(), Span(m.start(), m.end()),
                            dt.date(year, month, 1), _month_end(year, month)))
    for m in _DAY_MONTH.finditer(text):
        month, day = MONTHS[m.group(2).lower()], int(m.group(1))
        if free(m.start(), m.end()) and _day(2000, month, day):  # 2000 is a leap year: 29 februari is valid
            add(DateMention(f"--{month:02d}-{day:02d}", m.group(), Span(m.start(), m.end())))
    for m in _BARE_YEAR.finditer(text) if years else ():
        if free(m.start(1), m.end(1)):
            year = int(m.group(1))
            add(DateMention(str(year), m.group(1), Span(m.start(1), m.end(1)),
                            dt.date(year, 1, 1), dt.date(year, 12, 31)))
    return sorted(found, key=lambda d: d.span.start)


def extract_dates(text: str) -> list[DateMention]:
    """All dates and periods in ``text``, in order; ``A tot B`` between two dates is one period."""
    dates = _raw_dates(text)
    out: list[DateMention] = []
    for mention in dates:
        prev = out[-1] if out else None
        if prev is not None and prev.start and mention.end and prev.start < mention.start \
                and "/" not in prev.iso and "/" not in mention.iso \
                and (_JOIN.match(text[prev.span.end:mention.span.start])
                     or (_AND.match(text[prev.span.end:mention.span.start])
                         and _BETWEEN.search(text[max(0, prev.span.start - 10):prev.span.start]))) \
                and mention.span.start - prev.span.end <= 12:
            span = Span(prev.span.start, mention.span.end)
            out[-1] = DateMention(f"{prev.iso}/{mention.iso}", text[span.start:span.end], span,
                                  prev.start, mention.end)
            continue
        out.append(mention)
    return out
