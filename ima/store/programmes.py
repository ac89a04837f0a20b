"""Programmes in the store: upsert by source and source id, read back with their children.

Functions take the caller's connection (from ``Store.transaction()`` or
``Store.snapshot()``), so an import and its audit records share one transaction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from ima.domain.programmes import Evaluation, Indicator, Programme, SideEffect
from ima.store.schema import (
    ProgrammeAreaRow,
    ProgrammeBudgetRow,
    ProgrammeEvaluationRow,
    ProgrammeIndicatorRow,
    ProgrammePillarRow,
    ProgrammeRow,
    ProgrammeSideEffectRow,
)

_programmes = ProgrammeRow.__table__
_areas = ProgrammeAreaRow.__table__
_pillars = ProgrammePillarRow.__table__
_budgets = ProgrammeBudgetRow.__table__
_indicators = ProgrammeIndicatorRow.__table__
_side_effects = ProgrammeSideEffectRow.__table__
_evaluations = ProgrammeEvaluationRow.__table__
_CHILDREN = (_areas, _pillars, _budgets, _indicators, _side_effects, _evaluations)
_INDICATOR_FIELDS = ("name", "unit", "baseline", "baseline_date", "target", "target_date", "actual", "actual_date",
                     "source_ref", "note")


def load_programmes(connection: Connection, *, ids: Iterable[int] | None = None, source: str | None = None,
                    area: str | None = None, pillar: int | None = None, children: bool = True) -> list[Programme]:
    """Stored programmes matching every given filter, by source and source id.

    ``area`` is an ISO alpha-3 code or region id the programme covers;
    ``children=False`` leaves out indicators, side effects and evaluations
    (areas, pillars and budgets are always loaded).
    """
    query = select(_programmes).order_by(_programmes.c.source, _programmes.c.source_id)
    if ids is not None:
        query = query.where(_programmes.c.id.in_(list(ids)))
    if source:
        query = query.where(_programmes.c.source == source)
    if area:
        query = query.where(_programmes.c.id.in_(select(_areas.c.programme_id).where(_areas.c.code == area)))
    if pillar is not None:
        query = query.where(_programmes.c.id.in_(select(_pillars.c.programme_id).where(_pillars.c.pillar == pillar)))
    rows = connection.execute(query).all()
    if not rows:
        return []
    selected = [r.id for r in rows]
    parts = _children(connection, selected, children)
    return [_programme(r, parts) for r in rows]


def existing_by_key(connection: Connection, source: str) -> dict[str, Programme]:
    """Every stored programme of ``source`` with its children, by source id."""
    return {p.source_id: p for p in load_programmes(connection, source=source)}


def insert_programme(connection: Connection, programme: Programme) -> int:
    """Store a new programme and its children; its id."""
    programme_id = connection.execute(insert(_programmes).returning(_programmes.c.id),
                                      _programme_values(programme)).scalar_one()
    _insert_children(connection, programme_id, programme)
    return programme_id


def replace_programme(connection: Connection, programme_id: int, programme: Programme) -> None:
    """Overwrite a stored programme and all its children with ``programme``."""
    connection.execute(update(_programmes).where(_programmes.c.id == programme_id).values(_programme_values(programme)))
    for table in _CHILDREN:
        connection.execute(delete(table).where(table.c.programme_id == programme_id))
    _insert_children(connection, programme_id, programme)


def count_rows(connection: Connection) -> dict[str, int]:
    """Rows per programme table (tests compare these before and after a failed import)."""
    return {t.name: connection.execute(select(func.count()).select_from(t)).scalar_one()
            for t in (_programmes, *_CHILDREN)}


def _programme_values(p: Programme) -> dict[str, Any]:
    return {"source": p.source, "source_id": p.source_id, "title": p.title, "funder": p.funder, "partner": p.partner,
            "oda": p.oda, "start": p.start, "end": p.end, "currency": p.currency, "status": p.status,
            "total_budget": p.total_budget, "details": p.details}


def _insert_children(connection: Connection, programme_id: int, p: Programme) -> None:
    rows: dict[Any, list[dict[str, Any]]] = {
        _areas: [{"programme_id": programme_id, "code": code, "kind": "country" if code.isupper() else "region"}
                 for code in p.areas],
        _pillars: [{"programme_id": programme_id, "pillar": n} for n in p.pillars],
        _budgets: [{"programme_id": programme_id, "year": year, "amount": amount} for year, amount in p.budgets.items()],
        _indicators: [{"programme_id": programme_id, "position": i, **{f: getattr(ind, f) for f in _INDICATOR_FIELDS}}
                      for i, ind in enumerate(p.indicators)],
        _side_effects: [{"programme_id": programme_id, "reported": s.reported, "nature": s.nature,
                         "description": s.description, "source_ref": s.source_ref} for s in p.side_effects],
        _evaluations: [{"programme_id": programme_id, "kind": e.kind, "due": e.due, "done": e.done, "note": e.note}
                       for e in p.evaluations],
    }
    for table, values in rows.items():
        if values:
            connection.execute(insert(table), values)


def _children(connection: Connection, ids: list[int], with_results: bool) -> dict[str, dict[int, list]]:
    parts: dict[str, dict[int, list]] = {}
    tables = [("areas", _areas, _areas.c.id), ("pillars", _pillars, _pillars.c.pillar),
              ("budgets", _budgets, _budgets.c.id)]
    if with_results:
        tables += [("indicators", _indicators, _indicators.c.position), ("side_effects", _side_effects, _side_effects.c.id),
                   ("evaluations", _evaluations, _evaluations.c.id)]
    for name, table, order in tables:
        grouped: dict[int, list] = defaultdict(list)
        # Chunks keep the IN list within every backend's parameter limit.
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            for row in connection.execute(select(table).where(table.c.programme_id.in_(chunk)).order_by(order)):
                grouped[row.programme_id].append(row)
        parts[name] = grouped
    return parts


def _programme(row: Any, parts: dict[str, dict[int, list]]) -> Programme:
    def of(name: str) -> list:
        return parts.get(name, {}).get(row.id, [])

    return Programme(
        id=row.id, source=row.source, source_id=row.source_id, title=row.title, currency=row.currency,
        areas=tuple(a.code for a in of("areas")), pillars=tuple(p.pillar for p in of("pillars")),
        funder=row.funder, partner=row.partner, oda=row.oda, start=row.start, end=row.end, status=row.status,
        total_budget=row.total_budget, budgets={b.year: b.amount for b in of("budgets")},
        indicators=tuple(Indicator(**{f: getattr(i, f) for f in _INDICATOR_FIELDS}) for i in of("indicators")),
        side_effects=tuple(SideEffect(description=s.description, nature=s.nature, reported=s.reported,
                                      source_ref=s.source_ref) for s in of("side_effects")),
        evaluations=tuple(Evaluation(due=e.due, kind=e.kind, done=e.done, note=e.note) for e in of("evaluations")),
        details=row.details or {},
    )
