"""What is known per third country, year and level (NL or EU): return decisions, returns, Frontex
returns (shipped, from the country indicator store) and whatever the user adds from a CSV
(readmission requests, practical cooperation, measures in force, visa requirement)."""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

from ima.analysis.country_codes import country_code
from ima.analysis.returns.thresholds import LEVELS

# Art. 25a(2)(d): the stages of practical cooperation, as CSV columns.
PRACTICAL = ("identification", "travel_documents", "laissez_passer", "readmission", "return_flights")
MEASURES = ("none", "suspension", "fee")
_ANSWERS = {"yes": 1.0, "ja": 1.0, "partly": 0.5, "deels": 0.5, "gedeeltelijk": 0.5, "no": 0.0, "nee": 0.0}
# indicator-store ids per level: return decisions, returns, Frontex returns
SHIPPED = {"NLD": ("orders_to_leave_nld", "returns_nld", "frontex_returns_from_nld"),
           "EU": ("orders_to_leave_eu", "returns_eu", "frontex_returns")}
NUMBERS = ("return_decisions", "returns", "readmission_requests", "readmission_accepted", "frontex_returns")


@dataclass(frozen=True)
class ReturnObservation:
    """One third country in one year at one level; ``None`` where nothing is known."""

    country: str
    year: int
    level: str
    return_decisions: float | None = None
    returns: float | None = None
    readmission_requests: float | None = None
    readmission_accepted: float | None = None
    frontex_returns: float | None = None
    practical: dict[str, float] = field(default_factory=dict)
    measure: str | None = None
    visa_required: bool | None = None
    sources: tuple[str, ...] = ()


def shipped_observations() -> list[ReturnObservation]:
    """Observations from the indicator store: Eurostat orders to leave and returns (2012–2016),
    Frontex-coordinated returns (2006–2024)."""
    from ima.analysis import indicators

    rows: dict[tuple[str, int, str], dict] = {}
    for level, ids in SHIPPED.items():
        for name, indicator_id in zip(("return_decisions", "returns", "frontex_returns"), ids):
            source = indicators.indicator(indicator_id).source
            for country, series in indicators.indicator_table(indicator_id).items():
                for year, value in series.items():
                    row = rows.setdefault((country, year, level), {"sources": []})
                    row[name] = float(value)
                    if source not in row["sources"]:
                        row["sources"].append(source)
    return [ReturnObservation(c, y, lv, **{**r, "sources": tuple(r["sources"])}) for (c, y, lv), r in
            sorted(rows.items())]


@functools.cache
def visa_free_countries() -> frozenset[str]:
    """Countries in Annex II of Regulation (EU) 2018/1806 (``ima/data/returns/visa_free.csv``)."""
    path = Path(str(resources.files("ima") / "data" / "returns" / "visa_free.csv"))
    with path.open(encoding="utf-8", newline="") as handle:
        return frozenset(row["iso3"] for row in csv.DictReader(handle))


def _country(value: str, where: str) -> str:
    try:
        return country_code(value)
    except ValueError as exc:
        raise ValueError(f"{where}, column country: {exc}") from None


def _float(value: str, where: str, column: str) -> float | None:
    if value == "":
        return None
    try:
        number = float(value.replace(" ", "").replace("_", ""))
    except ValueError:
        raise ValueError(f"{where}, column {column}: {value!r} is not a number") from None
    if number < 0:
        raise ValueError(f"{where}, column {column}: {value!r} is negative")
    return number


def _answer(value: str, where: str, column: str) -> float | None:
    if value == "":
        return None
    if value.lower() in _ANSWERS:
        return _ANSWERS[value.lower()]
    number = _float(value, where, column)
    if number is not None and number > 1:
        raise ValueError(f"{where}, column {column}: {value!r}: write yes, partly, no or a score from 0 to 1")
    return number


def _user_row(row: dict[str, str], where: str) -> ReturnObservation:
    country = _country(row.get("country", ""), where)
    try:
        year = int(row.get("year", ""))
    except ValueError:
        raise ValueError(f"{where}, column year: {row.get('year')!r} is not a year") from None
    if not 1990 <= year <= 2100:
        raise ValueError(f"{where}, column year: {year} is out of range")
    level = (row.get("level") or "NLD").upper()
    level = "NLD" if level in ("NL", "NLD") else level
    if level not in LEVELS:
        raise ValueError(f"{where}, column level: {row.get('level')!r} is NL or EU")
    numbers = {n: _float(row.get(n, ""), where, n) for n in NUMBERS}
    if (numbers["readmission_accepted"] or 0) > (numbers["readmission_requests"] or 0) and \
            numbers["readmission_requests"] is not None:
        raise ValueError(f"{where}, column readmission_accepted: more accepted than requested")
    practical = {p: v for p in PRACTICAL if (v := _answer(row.get(p, ""), where, p)) is not None}
    measure = (row.get("measure") or "").lower() or None
    if measure is not None and measure not in MEASURES:
        raise ValueError(f"{where}, column measure: {measure!r} is one of {', '.join(MEASURES)}")
    visa = (row.get("visa_required") or "").lower()
    if visa not in ("", "yes", "no", "ja", "nee", "true", "false"):
        raise ValueError(f"{where}, column visa_required: {visa!r} is yes or no")
    return ReturnObservation(country, year, level, **numbers, practical=practical, measure=measure,
                             visa_required=None if not visa else visa in ("yes", "ja", "true"),
                             sources=("user data",))


def read_return_data(path: Path | str) -> list[ReturnObservation]:
    """Observations from a user CSV (``country``, ``year`` and any of ``level``, the numbers, the
    practical-cooperation columns, ``measure``, ``visa_required``); errors name line and column."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: cannot read ({exc.__class__.__name__})") from None
    delimiter = ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in ("country", "year") if c not in header]
    if missing:
        raise ValueError(f"{path}: line 1: missing column(s) {', '.join(missing)}")
    known = {"country", "year", "level", "measure", "visa_required", *NUMBERS, *PRACTICAL}
    unknown = [h for h in header if h not in known]
    if unknown:
        raise ValueError(f"{path}: line 1: unknown column(s) {', '.join(unknown)} (known: {', '.join(sorted(known))})")
    out, seen = [], set()
    for number, raw in enumerate(reader, start=2):
        row = {k.strip().lower(): (v or "").strip() for k, v in raw.items() if k}
        observation = _user_row(row, f"{path}: line {number}")
        key = (observation.country, observation.year, observation.level)
        if key in seen:
            raise ValueError(f"{path}: line {number}: {key[0]} {key[1]} {key[2]} appears twice")
        seen.add(key)
        out.append(observation)
    return out


def merge_observations(shipped: list[ReturnObservation], user: list[ReturnObservation]) -> list[ReturnObservation]:
    """Shipped observations with the user's values laid over them (a user value wins, an empty user
    cell keeps the shipped value)."""
    table = {(o.country, o.year, o.level): o for o in shipped}
    for u in user:
        base = table.get((u.country, u.year, u.level))
        if base is None:
            table[u.country, u.year, u.level] = u
            continue
        changes = {n: getattr(u, n) for n in NUMBERS if getattr(u, n) is not None}
        table[u.country, u.year, u.level] = replace(
            base, **changes, practical={**base.practical, **u.practical}, measure=u.measure or base.measure,
            visa_required=u.visa_required if u.visa_required is not None else base.visa_required,
            sources=base.sources + u.sources)
    return [table[k] for k in sorted(table)]
