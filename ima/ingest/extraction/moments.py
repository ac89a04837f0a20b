"""The promised moment of a commitment: ``voor het zomerreces``, ``in het najaar``, ``begin 2021``.

Parliamentary promises are dated by the parliamentary calendar and by seasons
more often than by dates, and usually without a year: ``voor het zomerreces``
in a letter of June 2018 means the summer recess of 2018, in a letter of
October 2018 that of 2019. So the year is resolved from the document date
when one is given; without it a recess keeps its name (``zomerreces``) and a
season has no calendar form (``due`` None, the words kept in ``due_text``).

Seasons follow the meteorological calendar (najaar = September to November),
which is how ministries read them; ``begin``/``medio``/``eind`` of a year
are its first, middle and last four months.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ima.ingest.extraction.dates import MONTHS

# recess -> the month it starts; a promise made after that month is for next year's
_RECESSES = {"zomerreces": 7, "kerstreces": 12, "herfstreces": 10, "voorjaarsreces": 2,
             "krokusreces": 2, "meireces": 5, "paasreces": 4}
_SEASONS = {"voorjaar": (3, 5), "lente": (3, 5), "zomer": (6, 8), "najaar": (9, 11), "herfst": (9, 11)}
_PARTS = {"begin": (1, 4), "medio": (5, 8), "midden": (5, 8), "eind": (9, 12), "einde": (9, 12),
          "eerste helft": (1, 6), "tweede helft": (7, 12), "eerste kwartaal": (1, 3),
          "tweede kwartaal": (4, 6), "derde kwartaal": (7, 9), "vierde kwartaal": (10, 12)}
_REPEATS = {"jaarlijks": "R/P1Y", "ieder jaar": "R/P1Y", "elk jaar": "R/P1Y", "jaarlijkse": "R/P1Y",
            "halfjaarlijks": "R/P6M", "halfjaarlijkse": "R/P6M", "ieder half jaar": "R/P6M",
            "elk half jaar": "R/P6M", "per kwartaal": "R/P3M", "ieder kwartaal": "R/P3M",
            "elk kwartaal": "R/P3M", "kwartaalrapportage": "R/P3M", "maandelijks": "R/P1M"}

_YEAR_WORDS = r"(?:van\s+)?(?:(?:dit|het|volgend|komend)\s+jaar|(?:19|20)\d\d)"
_BEFORE = r"(?:(?:nog\s+)?(?:vóór|voor|uiterlijk|ruim\s+voor|voorafgaand\s+aan)\s+)"
_IN = r"(?:(?:nog\s+|later\s+|ergens\s+)?(?:in|tijdens|rond|omstreeks|dit|deze|komend|komende)\s+)"
_AFTER = r"(?:(?:direct\s+|kort\s+)?(?:na|na\s+afloop\s+van)\s+)"
_MOMENT = re.compile(
    r"(?<!\w)(?P<rel>" + _BEFORE + "|" + _AFTER + "|" + _IN + r")?(?:het\s+|de\s+)?"
    r"(?:(?P<recess>" + "|".join(_RECESSES) + r")(?:\s+(?:van\s+)?(?P<ryear>(?:19|20)\d\d))?"
    r"|(?P<season>" + "|".join(_SEASONS) + r")(?:\s+(?P<syear>" + _YEAR_WORDS + r"))?"
    r"|(?P<part>" + "|".join(sorted(_PARTS, key=len, reverse=True)) + r")\s+(?P<pyear>" + _YEAR_WORDS + r")"
    r"|(?P<day>\d{1,2}\s+)?(?P<month>" + "|".join(MONTHS) + r")(?:\s+(?:van\s+)?(?P<myear>(?:19|20)\d\d))?"
    r"|(?P<year>(?:dit|volgend|komend)\s+jaar|(?:19|20)\d\d))(?!\w)",
    re.IGNORECASE,
)
_REPEAT = re.compile(r"(?<!\w)(?:" + "|".join(sorted(_REPEATS, key=len, reverse=True)) + r")(?!\w)", re.I)
_SOON = re.compile(r"(?<!\w)(?:zo\s+)?(?:spoedig(?:\s+mogelijk)?|binnenkort|op\s+korte\s+termijn|zo\s+snel\s+mogelijk)"
                   r"(?!\w)", re.I)
# "wanneer" is left out: it mostly means "if", a condition on the promise rather than its moment
_WHEN = re.compile(r"(?<!\w)(?:zodra|nadat)\s+[^.;:?!()]{3,120}?(?=\s*[.;:?!()]|\s*,|\Z)", re.I)


@dataclass(frozen=True, slots=True)
class Moment:
    """A promised moment found in a sentence; ``start``/``end`` locate ``text`` in it."""

    text: str
    start: int
    end: int
    due: str | None
    relation: str


def _year_of(words: str | None, date: dt.date | None) -> int | None:
    """The year written (``2021``) or meant (``dit jaar``, ``volgend jaar``) relative to ``date``."""
    if not words:
        return None
    digits = re.search(r"(?:19|20)\d\d", words)
    if digits:
        return int(digits.group())
    if date is None:
        return None
    return date.year + (0 if re.search(r"\bdit\b|\bhet\b", words, re.I) else 1)


def _months(year: int, first: int, last: int) -> str:
    return f"{year}-{first:02d}" if first == last else f"{year}-{first:02d}/{year}-{last:02d}"


def _next_year_if_past(month: int, date: dt.date | None) -> int | None:
    """The year of the next occurrence of ``month``: a promise points forward from its letter."""
    if date is None:
        return None
    return date.year if date.month <= month else date.year + 1


def _normalise(m: re.Match[str], date: dt.date | None) -> str | None:
    if m["recess"]:
        name = m["recess"].lower()
        year = int(m["ryear"]) if m["ryear"] else _next_year_if_past(_RECESSES[name], date)
        return f"{name} {year}" if year else name
    if m["season"]:
        first, last = _SEASONS[m["season"].lower()]
        year = _year_of(m["syear"], date) or _next_year_if_past(last, date)
        return _months(year, first, last) if year else None
    if m["part"]:
        year = _year_of(m["pyear"], date)
        part = re.sub(r"\s+", " ", m["part"].lower())
        first, last = _PARTS[part]
        if year and part.startswith("eind") and m["rel"] and re.match(_BEFORE, m["rel"], re.I):
            return f"{year}-12-31"  # "voor het einde van dit jaar" is a deadline, not a period
        return _months(year, first, last) if year else None
    if m["month"]:
        month = MONTHS[m["month"].lower()]
        year = int(m["myear"]) if m["myear"] else _next_year_if_past(month, date)
        if not m["day"]:
            return f"{year}-{month:02d}" if year else None
        day = int(m["day"])
        try:  # 2000 is a leap year, so a valid day without a year passes too
            moment = dt.date(year or 2000, month, day)
        except ValueError:
            return None
        return moment.isoformat() if year else f"--{month:02d}-{day:02d}"
    year = _year_of(m["year"], date)
    return str(year) if year else None


def find_moment(sentence: str, document_date: dt.date | None = None) -> Moment | None:
    """The first promised moment in ``sentence``, or None.

    A calendar moment needs a preposition that points at it (``voor``, ``in``,
    ``tijdens``) or a season/recess/part-of-year word, because a bare month or
    year in a sentence usually dates something else (``de brief van 8 juni``).
    """
    for m in _MOMENT.finditer(sentence):
        calendar_only = m["month"] or m["year"]
        if calendar_only and not m["rel"]:
            continue
        before = sentence[max(0, m.start() - 12):m.start()]
        if calendar_only and re.search(r"(?:brief|van|sinds|vanaf|op)\s*\Z", before, re.I):
            continue  # "de brief van 8 juni", "sinds 2016": a past date, not a promised one
        relation = "in"
        if m["rel"] and re.match(_BEFORE, m["rel"], re.I):
            relation = "before"
        elif m["rel"] and re.match(_AFTER, m["rel"], re.I):
            relation = "after"
        return Moment(m.group().strip(), m.start(), m.end(), _normalise(m, document_date), relation)
    repeat = _REPEAT.search(sentence)
    if repeat:
        return Moment(repeat.group(), repeat.start(), repeat.end(), _REPEATS[repeat.group().lower()], "every")
    soon = _SOON.search(sentence)
    if soon:
        return Moment(soon.group(), soon.start(), soon.end(), None, "soon")
    when = _WHEN.search(sentence)
    if when:
        return Moment(when.group(), when.start(), when.end(), None, "when")
    return None
