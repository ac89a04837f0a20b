"""Budget views against ceilings, and the monitoring flags of programmes (``ima budget``, ``ima programmes flags``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ima.analysis.programmes.budget import BudgetRow, CeilingUse, budget_rows, ceiling_use
from ima.analysis.programmes.ceilings import load_ceilings
from ima.analysis.programmes.monitoring import KINDS, Flag, MonitoringSettings, monitoring_flags
from ima.services.programmes import list_programmes
from ima.store import Store


@dataclass(frozen=True)
class BudgetView:
    """Budget rows of the selected programmes and the use of each ceiling in the selected year(s)."""

    rows: list[BudgetRow]
    ceilings: list[CeilingUse]


def budget_view(store: Store, *, year: int | None = None, country: str | None = None, pillar: int | None = None,
                by: tuple[str, ...] = ("year",), ceilings: Path | None = None,
                source: str | None = None) -> BudgetView:
    """Money per group of ``by`` for programmes covering ``country`` and serving ``pillar``, with ceilings.

    Ceilings are those of ``ceilings`` (default: the shipped YAML) in ``year``
    (all years when None), measured over all programmes in their own scope.
    """
    programmes = list_programmes(store, country=country, pillar=pillar, source=source)
    rows = budget_rows(programmes, by, year=year, pillar=pillar)
    everything = list_programmes(store, source=source) if (country or pillar) else programmes
    limits = [c for c in load_ceilings(ceilings) if year is None or c.year == year]
    return BudgetView(rows, ceiling_use(everything, limits))


def programme_flags(store: Store, *, country: str | None = None, pillar: int | None = None,
                    as_of: dt.date | None = None, threshold: float = 0.75, due_within_days: int = 90,
                    kinds: tuple[str, ...] = (), source: str | None = None) -> list[Flag]:
    """Monitoring flags of the selected programmes (``kinds`` narrows them; see ``KINDS``)."""
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise ValueError(f"unknown flag kind(s) {', '.join(unknown)} (use {', '.join(KINDS)})")
    settings = MonitoringSettings(as_of=as_of or dt.date.today(), threshold=threshold,
                                  due_within_days=due_within_days)
    programmes = list_programmes(store, country=country, pillar=pillar, source=source, children=True)
    flags = monitoring_flags(programmes, settings)
    return [f for f in flags if not kinds or f.kind in kinds]
