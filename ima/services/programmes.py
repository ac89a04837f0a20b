"""Programmes: importing (ima CSV, EUTF), listing, showing and editing them, every change audited."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

from ima.domain.programmes import ImportedProgramme, ImportReport, Programme, programme_state
from ima.ingest.programmes.areas import resolve_area
from ima.ingest.programmes.cells import CellError, parse_date, parse_oda
from ima.ingest.programmes.eutf import parse_eutf
from ima.ingest.programmes.ima_csv import SOURCE as CSV_SOURCE
from ima.ingest.programmes.ima_csv import STATUSES, parse_ima_csv
from ima.ingest.programmes.ima_csv_export import export_ima_csv
from ima.services.audit import record_change
from ima.store import Store
from ima.store.programmes import existing_by_key, insert_programme, load_programmes, replace_programme

FORMATS = ("csv", "eutf")
ENTITY = "programme"
#: fields ``ima programmes set`` may change, with how their text is read
EDITABLE = {
    "title": str, "partner": str, "funder": str, "status": "status", "oda": "oda", "start": "date", "end": "date",
}


def import_programmes(store: Store, paths: list[Path], fmt: str = "csv", *, actor: str, dry_run: bool = False,
                      source: str | None = None) -> ImportReport:
    """Import programmes in one transaction: new ones inserted, changed ones replaced, each change audited.

    Raises ``ImportErrors`` (a ``ValueError``) naming file, line and column of
    every problem; then nothing is stored. With ``dry_run`` nothing is stored
    either, and the report says what an import would do.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    notes: list[str] = []
    if fmt == "eutf":
        if len(paths) > 1:
            raise ValueError("--format eutf takes one file or folder (the EUTF projects database)")
        parsed, stats = parse_eutf(paths[0] if paths else None)
        notes.append(f"{stats['indicator_rows']} Akvo result rows read, {stats['indicators_attached']} attached "
                     f"to their projects")
    else:
        if not paths:
            raise ValueError("name the CSV file(s) to import")
        parsed = parse_ima_csv(paths, source or CSV_SOURCE)
    source_name = parsed[0].source if parsed else (source or CSV_SOURCE)
    with store.transaction() as connection:
        existing = existing_by_key(connection, source_name)
        outcomes: list[ImportedProgramme] = []
        for programme in parsed:
            old = existing.get(programme.source_id)
            before = programme_state(old) if old is not None else None
            after = programme_state(programme)
            status = "new" if old is None else "unchanged" if before == after else "updated"
            outcomes.append(ImportedProgramme(programme.key, programme.title, status, len(programme.indicators)))
            if dry_run or status == "unchanged":
                continue
            if old is None:
                insert_programme(connection, programme)
            else:
                replace_programme(connection, old.id, programme)
            record_change(store, actor, ENTITY, programme.key, before, after,
                          note=f"import ({fmt})", connection=connection)
    return ImportReport(source=source_name, dry_run=dry_run, programmes=tuple(outcomes), notes=tuple(notes))


def list_programmes(store: Store, *, country: str | None = None, pillar: int | None = None,
                    source: str | None = None, children: bool = False) -> list[Programme]:
    """Stored programmes covering ``country`` (code, name or region id) and serving ``pillar``."""
    area = area_code(country) if country else None
    if pillar is not None and not 1 <= pillar <= 6:
        raise ValueError(f"--pillar {pillar}: pillars are numbered 1 to 6")
    with store.snapshot() as connection:
        return load_programmes(connection, area=area, pillar=pillar, source=source, children=children)


def export_programmes(store: Store, directory: Path, *, source: str | None = None, country: str | None = None,
                      pillar: int | None = None) -> list[Path]:
    """Write the selected programmes as ima CSV files into ``directory`` (to edit and import again); the paths."""
    programmes = list_programmes(store, country=country, pillar=pillar, source=source, children=True)
    if not programmes:
        raise ValueError("no programmes to export (see `ima programmes`)")
    sources = sorted({p.source for p in programmes})
    if len(sources) > 1:
        raise ValueError(f"programmes of several sources ({', '.join(sources)}): choose one with --source")
    texts = export_ima_csv(programmes)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in texts.items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def area_code(text: str) -> str:
    """The ISO alpha-3 code or region id for a country or region the user typed."""
    resolved = resolve_area(text)
    if resolved is None:
        raise ValueError(f"unknown country or region {text!r} (use an ISO 3166 code such as MAR, or a name)")
    return resolved[0]


def get_programme(store: Store, ref: str) -> Programme:
    """One programme with everything it has, by store id, ``source:source_id`` or a unique source id."""
    with store.snapshot() as connection:
        if ref.isdigit():
            found = load_programmes(connection, ids=[int(ref)])
        else:
            source, _, source_id = ref.partition(":") if ":" in ref else (None, "", ref)
            found = [p for p in load_programmes(connection, source=source or None, children=False)
                     if p.source_id == source_id or (source is None and p.source_id.upper() == source_id.upper())]
            exact = [p for p in found if p.source_id == source_id]
            found = exact or found
            if len(found) == 1:
                found = load_programmes(connection, ids=[found[0].id])
    if not found:
        raise ValueError(f"no programme {ref!r} (give its id, source:source_id or source id; see `ima programmes`)")
    if len(found) > 1:
        raise ValueError(f"{ref!r} names {len(found)} programmes: {', '.join(p.key for p in found)}")
    return found[0]


def edit_programme(store: Store, ref: str, changes: dict[str, str], *, actor: str,
                   note: str | None = None) -> tuple[Programme, bool]:
    """Change fields of a stored programme (see ``EDITABLE``), audited; the result and whether anything changed."""
    if not changes:
        raise ValueError("nothing to change: give FIELD=VALUE pairs")
    values: dict[str, Any] = {}
    for name, text in changes.items():
        if name not in EDITABLE:
            raise ValueError(f"{name!r} cannot be edited here (editable: {', '.join(EDITABLE)})")
        values[name] = _edited_value(name, text)
    current = get_programme(store, ref)
    edited = replace(current, **values)
    if edited.start and edited.end and edited.end < edited.start:
        raise ValueError(f"end {edited.end} is before start {edited.start}")
    before, after = programme_state(current), programme_state(edited)
    if before == after:
        return current, False
    with store.transaction() as connection:
        replace_programme(connection, current.id, edited)
        record_change(store, actor, ENTITY, current.key, before, after, note=note, connection=connection)
    return edited, True


def _edited_value(name: str, text: str) -> Any:
    kind = EDITABLE[name]
    text = text.strip()
    try:
        if kind == "date":
            return parse_date(text)
        if kind == "oda":
            return parse_oda(text)
        if kind == "status":
            if text and text.lower() not in STATUSES:
                raise CellError(f"{text!r} is not a status ({', '.join(STATUSES)})")
            return text.lower() or None
    except CellError as exc:
        raise ValueError(f"{name}: {exc}") from None
    if name == "title" and not text:
        raise ValueError("title: a programme needs a title")
    return text or None


def programme_dict(p: Programme, *, full: bool = False) -> dict[str, Any]:
    """The JSON row of a programme (``full`` adds indicators, side effects, evaluations and details)."""
    row: dict[str, Any] = {
        "id": p.id, "key": p.key, "source": p.source, "source_id": p.source_id, "title": p.title,
        "countries": list(p.countries), "areas": list(p.areas), "pillars": list(p.pillars), "funder": p.funder,
        "partner": p.partner, "oda": p.oda, "start": _iso(p.start), "end": _iso(p.end), "currency": p.currency,
        "status": p.status, "total_budget": p.total_budget,
        "budgets": [{"year": y, "amount": a} for y, a in sorted(p.budgets.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))],
    }
    if full:
        plain = programme_state(p)
        row.update({k: plain[k] for k in ("indicators", "side_effects", "evaluations", "details")})
    return row


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None

