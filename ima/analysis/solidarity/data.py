"""The vendored inputs in ``ima/data/eu/``: population and GDP (World Bank) and first-time
asylum applicants per Member State and year (Eurostat ``migr_asyappctza``), see its SOURCE.md."""

from __future__ import annotations

import csv
import functools
from importlib import resources
from pathlib import Path

from ima.analysis.solidarity.key import AMMR_STATES, KeyResult, reference_key


def _data_file(name: str) -> Path:
    return Path(str(resources.files("ima") / "data" / "eu" / name))


@functools.cache
def population_gdp() -> dict[tuple[str, int], tuple[float | None, float | None]]:
    """``(state, year) → (population, GDP in current USD)``; ``None`` where the year has no figure."""
    table = {}
    with _data_file("population_gdp.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            table[row["iso3"], int(row["year"])] = (float(row["population"]) if row["population"] else None,
                                                     float(row["gdp_usd"]) if row["gdp_usd"] else None)
    return table


@functools.cache
def yearly_applicants() -> dict[tuple[str, int], int]:
    """``(state, year) → first-time asylum applicants`` (all citizenships), 2011–2024."""
    with _data_file("first_time_applicants.csv").open(encoding="utf-8", newline="") as handle:
        return {(row["iso3"], int(row["year"])): int(row["applicants"]) for row in csv.DictReader(handle)}


def key_years() -> tuple[int, int]:
    """The first and last year for which a key can be computed."""
    years = sorted({y for (_, y), (p, g) in population_gdp().items() if p is not None})
    return years[0], years[-1]


def _latest(states: tuple[str, ...], year: int, column: int) -> tuple[int, dict[str, float]]:
    """The latest year ≤ ``year`` in which every state has the figure (Art. 66: latest available data)."""
    table = population_gdp()
    for candidate in range(year, year - 6, -1):
        values = {s: table.get((s, candidate), (None, None))[column] for s in states}
        if all(v is not None for v in values.values()):
            return candidate, values  # type: ignore[return-value]
    raise ValueError(f"no {('population', 'GDP')[column]} data for {year} or the five years before")


def key_for_year(year: int, states: tuple[str, ...] = AMMR_STATES) -> KeyResult:
    """The 50/50 key of ``states`` for ``year`` on the vendored World Bank data."""
    first, last = key_years()
    if not first <= year <= last + 1:
        raise ValueError(f"no key data for {year}; years {first}–{last + 1} are available")
    unknown = [s for s in states if (s, first) not in population_gdp()]
    if unknown:
        raise ValueError(f"not an EU Member State: {', '.join(unknown)}")
    pop_year, pop = _latest(states, year, 0)
    gdp_year, gdp = _latest(states, year, 1)
    return reference_key(year, states, pop, gdp, pop_year, gdp_year, "USD")
