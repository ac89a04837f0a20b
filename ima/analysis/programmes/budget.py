"""Budget views: money per year, country and pillar, and how much of each ceiling is planned.

A programme's money goes to one *budget area*: its country when it covers
exactly one, else its region (a multi-country programme's EUTF window), else
``?``. A programme serving several pillars counts an equal share under each
(budgets rarely say how they split), so every view adds up to the same total.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ima.analysis.programmes.ceilings import Ceiling
from ima.domain.programmes import Programme

DIMENSIONS = ("year", "area", "pillar")
UNASSIGNED = "?"


@dataclass(frozen=True)
class BudgetRow:
    """Money of one group: ``oda``/``non_oda``/``oda_unknown`` add up to ``amount``."""

    year: int | None
    area: str | None
    pillar: int | None
    currency: str
    amount: float
    oda: float
    non_oda: float
    oda_unknown: float
    programmes: int


@dataclass(frozen=True)
class CeilingUse:
    """How much programmes plan against one ceiling: ``headroom`` is negative when over."""

    ceiling: Ceiling
    planned: float
    programmes: int

    @property
    def headroom(self) -> float:
        return self.ceiling.amount - self.planned

    @property
    def share(self) -> float:
        return self.planned / self.ceiling.amount if self.ceiling.amount else 0.0


def budget_area(programme: Programme) -> str:
    """The country or region a programme's money is booked under in budget views."""
    countries = programme.countries
    if len(countries) == 1:
        return countries[0]
    regions = [a for a in programme.areas if a not in countries]
    return regions[0] if regions else UNASSIGNED


def budget_rows(programmes: list[Programme], by: tuple[str, ...] = ("year",), *, year: int | None = None,
                pillar: int | None = None) -> list[BudgetRow]:
    """Money grouped by ``by`` (some of ``year``, ``area``, ``pillar``), per currency.

    ``year`` keeps one year; ``pillar`` keeps that pillar's share of each
    programme. Rows are sorted by their group (unknown years and areas last).
    """
    by = tuple("area" if d == "country" else d for d in by)  # "country" is what people type
    unknown = [d for d in by if d not in DIMENSIONS]
    if unknown:
        raise ValueError(f"cannot group by {', '.join(unknown)} (use {', '.join(DIMENSIONS)})")
    sums: dict[tuple, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    members: dict[tuple, set[str]] = defaultdict(set)
    for programme in programmes:
        pillars: tuple[int | None, ...] = programme.pillars or (None,)
        if pillar is not None:
            if pillar not in pillars:
                continue
            pillars = (pillar,)
        share = 1.0 / len(programme.pillars or (None,))
        area = budget_area(programme)
        for line_year, amount in programme.budgets.items():
            if year is not None and line_year != year:
                continue
            for p in pillars:
                group = {"year": line_year, "area": area, "pillar": p}
                key = (*(group[d] for d in by), programme.currency)
                part = amount * share
                cell = sums[key]
                cell[0] += part
                cell[1 if programme.oda is True else 2 if programme.oda is False else 3] += part
                members[key].add(programme.key)
    rows = []
    for key, (amount, oda, non_oda, unknown_oda) in sums.items():
        group = dict(zip(by, key[:-1]))
        rows.append(BudgetRow(year=group.get("year"), area=group.get("area"), pillar=group.get("pillar"),
                              currency=key[-1], amount=amount, oda=oda, non_oda=non_oda, oda_unknown=unknown_oda,
                              programmes=len(members[key])))
    return sorted(rows, key=_order)


def _order(row: BudgetRow) -> tuple:
    return (row.currency, row.year is None, row.year or 0, row.area in (None, UNASSIGNED), row.area or "",
            row.pillar is None, row.pillar or 0)


def ceiling_use(programmes: list[Programme], ceilings: list[Ceiling]) -> list[CeilingUse]:
    """For each ceiling, the money programmes in its scope plan in its year."""
    uses = []
    for ceiling in ceilings:
        covered = [p for p in programmes if ceiling.covers(p) and p.budgets.get(ceiling.year)]
        uses.append(CeilingUse(ceiling, sum(p.budgets[ceiling.year] for p in covered), len(covered)))
    return uses
