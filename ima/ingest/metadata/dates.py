"""Dutch dates as letters and Kamerstukken write them ("10 juli 2020", "14 okt. 2019")."""

from __future__ import annotations

import datetime as dt
import re

MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1,
    "februari": 2, "feb": 2, "febr": 2,
    "maart": 3, "mrt": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5,
    "juni": 6, "jun": 6,
    "juli": 7, "jul": 7,
    "augustus": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE_RE = re.compile(
    rf"(?<![\w])(?P<day>[0-3]?\d)\s+(?P<month>{_MONTH_ALT})\.?\s+(?P<year>(?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?:19|20)\d\d")  # the year part of DATE_RE, case-free: a literal-led fast scan
ISO_RE = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)")
NUMERIC_RE = re.compile(r"(?<!\d)(?P<day>[0-3]?\d)-(?P<month>[01]?\d)-(?P<year>(?:19|20)\d\d)(?!\d)")


def _make(year: str, month: int | str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[dt.date, int, int]]:
    """Every valid written Dutch date in ``text`` as ``(date, start, end)``, in order."""
    found: list[tuple[dt.date, int, int]] = []
    if _YEAR.search(text) is None:
        return found  # every date holds its year: most lines are decided by this fast scan
    for m in DATE_RE.finditer(text):
        date = _make(m["year"], MONTHS[m["month"].lower()], m["day"])
        if date is not None:
            found.append((date, m.start(), m.end()))
    return found


def parse_date(value: str) -> dt.date | None:
    """A date from a written Dutch date, ISO ``2020-07-10`` or ``10-07-2020``; None if none."""
    if not value:
        return None
    m = ISO_RE.search(value)
    if m:
        date = _make(m["year"], m["month"], m["day"])
        if date is not None:
            return date
    dates = find_dates(value)
    if dates:
        return dates[0][0]
    m = NUMERIC_RE.search(value)
    if m:
        return _make(m["year"], m["month"], m["day"])
    return None


def normalise_vergaderjaar(value: str) -> str | None:
    """``2017–2018``, ``2017/18``, ``2017-18``, ``20172018`` -> ``2017-2018``; None if not a year pair."""
    if not value:
        return None
    m = re.search(r"((?:19|20)\d\d)\s*[–—\-/]?\s*((?:19|20)?\d\d)(?!\d)", value)
    if not m:
        return None
    first = int(m[1])
    second = m[2]
    if len(second) == 2:
        second_full = (first // 100) * 100 + int(second)
        if second_full < first:
            second_full += 100
    else:
        second_full = int(second)
    if second_full != first + 1:
        return None
    return f"{first}-{second_full}"
