"""Where a country's refugees live, and whom a country hosts: the UNHCR origin × host pairs
(``ima/data/indicators/refugee_hosts.csv.gz``, pairs of at least 1,000 people)."""

from __future__ import annotations

import csv
import gzip
from collections import defaultdict
from functools import lru_cache

from ima.analysis.indicators.tables import _data, catalogue_table, value_table
from ima.domain.indicators import RefugeePair

Row = tuple[str, str, int, int, int]  # origin, host, year, refugees, asylum seekers


@lru_cache(maxsize=1)
def _pairs() -> tuple[Row, ...]:
    with gzip.open(_data("indicators", "refugee_hosts.csv.gz").open("rb"), "rt", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        next(reader)
        return tuple((o, h, int(y), int(r), int(a)) for o, h, y, r, a in reader)


@lru_cache(maxsize=1)
def _by(side: int) -> dict[str, dict[int, list[Row]]]:
    table: dict[str, dict[int, list[Row]]] = defaultdict(lambda: defaultdict(list))
    for row in _pairs():
        table[row[side]][row[2]].append(row)
    return {k: dict(v) for k, v in table.items()}


def _query(code: str, year: int | None, top: int, side: int, total_indicator: str) -> list[RefugeePair]:
    years = _by(side).get(code.upper(), {})
    chosen = max((y for y in years if year is None or y <= year), default=None)
    if chosen is None:
        return []
    total = value_table().get(total_indicator, {}).get(code.upper(), {}).get(chosen) or 0.0
    source = catalogue_table()[total_indicator].source
    rows = sorted(years[chosen], key=lambda r: (-r[3], r[1 - side]))[:top]
    return [RefugeePair(o, h, y, r, a, r / total if total else 0.0, source) for o, h, y, r, a in rows]


def refugee_hosts(origin: str, year: int | None = None, top: int = 5) -> list[RefugeePair]:
    """The countries hosting most refugees from ``origin`` in ``year`` (or the latest year up to
    it), largest first; ``share`` is of all refugees from the origin that year."""
    return _query(origin, year, top, 0, "refugees_origin")


def refugee_origins(host: str, year: int | None = None, top: int = 5) -> list[RefugeePair]:
    """The origins of most refugees ``host`` hosts in ``year`` (or the latest year up to it),
    largest first; ``share`` is of all refugees the host hosts that year."""
    return _query(host, year, top, 1, "refugees_hosted")
