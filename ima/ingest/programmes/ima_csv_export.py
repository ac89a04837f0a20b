"""Programmes written in the ima CSV format, so they can be edited as files and imported again.

Reading the files back with :func:`~ima.ingest.programmes.ima_csv.parse_ima_csv`
gives the same programmes (the round trip is property-tested) as long as
each has its ODA status and only budgets with a year; source-specific
details (EUTF themes, links) have no column and are left out.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from ima.domain.programmes import Programme
from ima.ingest.programmes.ima_csv import COLUMNS

FILE_NAMES = {kind: f"{kind}.csv" for kind in COLUMNS}


def export_ima_csv(programmes: list[Programme]) -> dict[str, str]:
    """The texts of ``programmes.csv``, ``indicators.csv``, ``side_effects.csv`` and ``evaluations.csv``.

    Raises ``ValueError`` for a programme the format cannot hold (no ODA
    status, a budget without a year).
    """
    for p in programmes:
        if p.oda is None:
            raise ValueError(f"{p.key}: ODA or non-ODA is unknown; the ima CSV format needs it")
        if None in p.budgets:
            raise ValueError(f"{p.key}: a budget without a year cannot be written as a budget_YYYY column")
    years = sorted({y for p in programmes for y in p.budgets})
    tables = {
        "programmes": [[*COLUMNS["programmes"][0], *COLUMNS["programmes"][1], *(f"budget_{y}" for y in years)]],
        "indicators": [[*COLUMNS["indicators"][0], *COLUMNS["indicators"][1]]],
        "side_effects": [[*COLUMNS["side_effects"][0], *COLUMNS["side_effects"][1]]],
        "evaluations": [[*COLUMNS["evaluations"][0], *COLUMNS["evaluations"][1]]],
    }
    for p in programmes:
        tables["programmes"].append([p.source_id, p.title, ";".join(p.areas), "ODA" if p.oda else "non-ODA",
                                     ";".join(map(str, p.pillars)), p.partner, p.funder, p.start, p.end, p.currency,
                                     p.status, *(p.budgets.get(y) for y in years)])
        for i in p.indicators:
            tables["indicators"].append([p.source_id, i.name, i.unit, i.baseline, i.baseline_date, i.target,
                                         i.target_date, i.actual, i.actual_date, i.source_ref, i.note])
        for s in p.side_effects:
            tables["side_effects"].append([p.source_id, s.description, s.nature, s.reported, s.source_ref])
        for e in p.evaluations:
            tables["evaluations"].append([p.source_id, e.due, e.kind, e.done, e.note])
    return {FILE_NAMES[kind]: _csv(rows) for kind, rows in tables.items()}


def _csv(rows: list[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        # repr keeps every digit, so the number reads back exactly.
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
