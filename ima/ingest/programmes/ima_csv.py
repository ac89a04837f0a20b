"""The ima CSV format for programmes: one file of programmes, optional files of indicators, side effects
and evaluations (README, "Programmes and budgets", documents the columns).

Each file's kind follows from its header. Child rows name their programme by
``programme`` (the ``id`` of a row in the programmes file of the same import);
an import states the whole of each programme it names, so its children
replace what was stored before.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from ima.domain.programmes import Evaluation, Indicator, Programme, SideEffect
from ima.ingest.programmes.areas import resolve_area
from ima.ingest.programmes.cells import (
    CellError,
    ErrorLog,
    iter_cells,
    parse_date,
    parse_number,
    parse_oda,
    read_rows,
    read_text,
    split_list,
)

SOURCE = "ima-csv"
STATUSES = ("planned", "active", "suspended", "closed", "stopped")
NATURES = ("negative", "positive", "unclear")
_BUDGET_COLUMN = re.compile(r"^budget_(\d{4})$")

#: kind -> (required columns, optional columns); budget_YYYY columns are also allowed for programmes
COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "programmes": (("id", "title", "countries", "oda"),
                   ("pillars", "partner", "funder", "start", "end", "currency", "status")),
    "indicators": (("programme", "name"),
                   ("unit", "baseline", "baseline_date", "target", "target_date", "actual", "actual_date", "source",
                    "note")),
    "side_effects": (("programme", "description"), ("nature", "reported", "source")),
    "evaluations": (("programme", "due"), ("kind", "done", "note")),
}
_SIGNATURE = {"programmes": "title", "indicators": "name", "side_effects": "description", "evaluations": "due"}


def file_kind(header: list[str]) -> str | None:
    """Which kind of ima CSV file a header belongs to (None when none fits)."""
    for kind, column in _SIGNATURE.items():
        if column in header:
            return kind
    return None


def parse_ima_csv(paths: list[Path], source: str = SOURCE) -> list[Programme]:
    """The programmes the files describe; raises ``ImportErrors`` naming file, line and column of every problem."""
    log = ErrorLog()
    tables: dict[str, list[tuple[str, list]]] = defaultdict(list)
    for path in paths:
        name = path.name
        header, rows = read_rows(name, read_text(path), log)
        if not header:
            continue
        kind = file_kind(header)
        if kind is None:
            log.add(name, 1, None, "not an ima programmes CSV: the header needs 'title' (programmes), 'name' "
                                   "(indicators), 'description' (side effects) or 'due' (evaluations)")
            continue
        if _check_header(name, kind, header, log):
            tables[kind].append((name, rows))
    if not tables.get("programmes") and not log.errors:
        log.add(paths[0].name if paths else "import", None, None, "no programmes file (a CSV with 'id' and 'title')")
    log.raise_if_any()
    programmes = _programmes(tables["programmes"], source, log)
    children = {"indicators": _indicators, "side_effects": _side_effects, "evaluations": _evaluations}
    extra: dict[str, dict[str, list]] = {kind: defaultdict(list) for kind in children}
    for kind, build in children.items():
        for name, rows in tables.get(kind, []):
            for row, cells in iter_cells(rows, name, log):
                key = cells.get("programme", required=True)
                item = build(cells)
                if key is None or item is None:
                    continue
                if key not in programmes:
                    cells.fail("programme", f"{key!r} is not the id of a programme in this import")
                    continue
                extra[kind][key].append(item)
    log.raise_if_any()
    return [replace(p, indicators=tuple(extra["indicators"][k]), side_effects=tuple(extra["side_effects"][k]),
                    evaluations=tuple(extra["evaluations"][k]))
            for k, p in programmes.items()]


def _check_header(name: str, kind: str, header: list[str], log: ErrorLog) -> bool:
    required, optional = COLUMNS[kind]
    ok = True
    for column in header:
        if column not in required + optional and not (kind == "programmes" and _BUDGET_COLUMN.match(column)):
            log.add(name, 1, column, f"unknown column for a {kind} file (allowed: {', '.join(required + optional)}"
                                     + (", budget_YYYY" if kind == "programmes" else "") + ")")
            ok = False
    for column in required:
        if column not in header:
            log.add(name, 1, column, f"required column missing from the {kind} header")
            ok = False
    duplicates = {c for c in header if header.count(c) > 1}
    for column in sorted(duplicates):
        log.add(name, 1, column, "column appears twice")
        ok = False
    return ok


def _programmes(tables: list[tuple[str, list]], source: str, log: ErrorLog) -> dict[str, Programme]:
    programmes: dict[str, Programme] = {}
    for name, rows in tables:
        for row, cells in iter_cells(rows, name, log):
            key = cells.get("id", required=True)
            title = cells.get("title", required=True)
            areas = cells.get("countries", _areas, required=True)
            pillars = cells.get("pillars", _pillars) or ()
            oda = cells.get("oda", parse_oda, required=True)
            start, end = cells.get("start", parse_date), cells.get("end", parse_date)
            currency = (cells.get("currency") or "EUR").upper()
            status = cells.get("status", _status)
            if not re.fullmatch(r"[A-Z]{3}", currency):
                cells.fail("currency", f"{currency!r} is not an ISO 4217 code such as EUR")
            if start and end and end < start:
                cells.fail("end", f"ends ({end}) before it starts ({start})")
            budgets: dict[int | None, float] = {}
            for column, text in row.cells.items():
                match = _BUDGET_COLUMN.match(column)
                if match and text:
                    amount = cells.get(column, parse_number, minimum=0)
                    if amount is not None:
                        budgets[int(match.group(1))] = amount
            if key in programmes:
                cells.fail("id", f"{key!r} appears twice")
            if cells.failed or key is None:
                continue
            programmes[key] = Programme(
                source=source, source_id=key, title=title, currency=currency, areas=tuple(areas), pillars=pillars,
                funder=cells.get("funder"), partner=cells.get("partner"), oda=oda, start=start, end=end,
                status=status, total_budget=math.fsum(budgets.values()) if budgets else None, budgets=budgets,
                details={})
    return programmes


def _areas(text: str) -> list[str]:
    codes: list[str] = []
    for item in split_list(text):
        resolved = resolve_area(item)
        if resolved is None:
            raise CellError(f"{item!r} is no known country (ISO 3166 code or name) or region id")
        if resolved[0] not in codes:
            codes.append(resolved[0])
    if not codes:
        raise CellError("at least one country or region is required")
    return codes


def _pillars(text: str) -> tuple[int, ...]:
    pillars: list[int] = []
    for item in split_list(text):
        if not item.isdigit() or not 1 <= int(item) <= 6:
            raise CellError(f"{item!r} is not a pillar number 1–6")
        pillars.append(int(item))
    return tuple(sorted(set(pillars)))


def _status(text: str) -> str:
    status = text.strip().lower()
    if status not in STATUSES:
        raise CellError(f"{text!r} is not a status ({', '.join(STATUSES)})")
    return status


def _indicators(cells) -> Indicator | None:
    name = cells.get("name", required=True)
    item = Indicator(name=name or "", unit=cells.get("unit"), baseline=cells.get("baseline", parse_number),
                     baseline_date=cells.get("baseline_date", parse_date), target=cells.get("target", parse_number),
                     target_date=cells.get("target_date", parse_date), actual=cells.get("actual", parse_number),
                     actual_date=cells.get("actual_date", parse_date), source_ref=cells.get("source"),
                     note=cells.get("note"))
    return None if cells.failed else item


def _side_effects(cells) -> SideEffect | None:
    nature = (cells.get("nature") or "negative").lower()
    if nature not in NATURES:
        cells.fail("nature", f"{nature!r} is not one of {', '.join(NATURES)}")
    item = SideEffect(description=cells.get("description", required=True) or "", nature=nature,
                      reported=cells.get("reported", parse_date), source_ref=cells.get("source"))
    return None if cells.failed else item


def _evaluations(cells) -> Evaluation | None:
    item = Evaluation(due=cells.get("due", parse_date, required=True), kind=cells.get("kind") or "evaluation",
                      done=cells.get("done", parse_date), note=cells.get("note"))
    return None if cells.failed else item
