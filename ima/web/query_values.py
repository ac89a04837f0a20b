"""Query values of filter forms: a field left empty arrives as ``name=``, which means "no filter"."""

from __future__ import annotations

import datetime as dt

YEAR = r"^(\d{4})?$"
PILLAR = r"^[1-6]?$"
DAY = r"^(\d{4}-\d{2}-\d{2})?$"


def blank_int(text: str | None) -> int | None:
    """The number, or None for an empty field (the pattern has checked the digits)."""
    return int(text) if text else None


def blank_date(text: str | None, name: str) -> dt.date | None:
    """The day, or None for an empty field; an impossible day (2026-02-30) is a clear error."""
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{name}: {text!r} is not a day (YYYY-MM-DD)") from None
