"""The EU Emergency Trust Fund for Africa project database (Deutsche Welle's reconciled list and Akvo results).

Vendored in ``ima/data/programmes/eutf/`` (see its SOURCE.md); the importer
also reads the original layout of ``../shared/data/eutf_africa_projects/``.
Each project becomes one programme: its whole budget is one budget line in
the year the EUTF board adopted it (the EUTF reports commitments, not yearly
spending), else the start year, else a line without a year. Multi-country
projects cover their countries and their EUTF window as a region. Akvo
indicators attach to their project by Akvo id, else by the Akvo parent,
else by the longest project id the Akvo id starts with.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import re
from dataclasses import replace
from pathlib import Path

from ima.domain.programmes import Indicator, Programme
from ima.ingest.programmes.areas import resolve_area
from ima.ingest.programmes.cells import (
    CellError,
    ErrorLog,
    iter_cells,
    parse_date,
    parse_number,
    read_rows,
    read_text,
)

SOURCE = "eutf"
FUNDER = "EU Emergency Trust Fund for Africa"
VENDORED = Path(__file__).resolve().parents[2] / "data" / "programmes" / "eutf"
#: the Akvo XML export the results come from (SOURCE.md): the date their actuals were reported by
AKVO_EXPORT_DATE = dt.date(2021, 12, 17)
#: EUTF windows -> region ids of ima/data/countries/aliases.csv
WINDOWS = {"SAH": "sahel", "HOA": "horn-of-africa", "NOA": "north-africa", "REG": "africa"}
PROJECT_COLUMNS = ("ProjectID", "ProjectTitle", "ProjectBudget", "ProjectLocation", "ProjectImplementor",
                   "ProjectTheme", "ProjectAdoptionDate", "ProjectStartDate", "ProjectEndDate", "ProjectLinks",
                   "Comments", "multiple countries?", "DE implementing?", "Region")
RESULT_COLUMNS = ("iati_id", "result_type", "title", "period_start", "period_end", "target", "actual")


def locate(path: Path | None) -> tuple[Path, Path | None]:
    """The projects file and the results file (if any) for a file or directory given by the user."""
    if path is None:
        return VENDORED / "projects.csv", VENDORED / "akvo_results.csv.gz"
    if path.is_dir():
        for name in ("projects.csv", "EUTF-Projects-Database-2022-01.csv"):
            if (path / name).is_file():
                return locate(path / name)
        raise ValueError(f"{path}: no projects.csv or EUTF-Projects-Database-2022-01.csv in this folder")
    folder = path.parent
    for results in (folder / "akvo_results.csv.gz", folder / "processed" / "EUTF_akvo_results.csv"):
        if results.is_file():
            return path, results
    return path, None


def parse_eutf(path: Path | None = None) -> tuple[list[Programme], dict[str, int]]:
    """The programmes of the EUTF database, with their indicators, and counts of what was read.

    Raises ``ImportErrors`` naming file, line and column of every problem.
    """
    projects_path, results_path = locate(path)
    log = ErrorLog()
    themes = _theme_pillars()
    header, rows = read_rows(projects_path.name, read_text(projects_path), log)
    missing = [c for c in PROJECT_COLUMNS if c not in header] if header else []
    for column in missing:
        log.add(projects_path.name, 1, column, "required column missing (is this the EUTF projects database?)")
    log.raise_if_any()
    programmes = [p for row, cells in iter_cells(rows, projects_path.name, log)
                  if (p := _programme(row.cells, cells, themes)) is not None]
    log.raise_if_any()
    stats = {"projects": len(programmes), "indicator_rows": 0, "indicators_attached": 0}
    if results_path is not None:
        indicators, stats["indicator_rows"] = _results(results_path, [p.source_id for p in programmes], log)
        log.raise_if_any()
        programmes = [replace(p, indicators=tuple(indicators.get(p.source_id, []))) for p in programmes]
        stats["indicators_attached"] = sum(len(v) for v in indicators.values())
    return programmes, stats


def _theme_pillars() -> dict[str, tuple[int, ...]]:
    with (VENDORED / "theme_pillars.csv").open(encoding="utf-8", newline="") as handle:
        return {r["theme"]: tuple(int(p) for p in r["pillars"].split(";")) for r in csv.DictReader(handle)}


def parse_source_date(text: str) -> dt.date | None:
    """ISO dates, and the one ``DD.MM.YY`` date the source has; None for an empty cell."""
    try:
        return parse_date(text)
    except CellError:
        pass
    match = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})", text.strip())
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            return dt.date(year + 2000 if year < 100 else year, month, day)
        except ValueError:
            pass
    raise CellError(f"{text!r} is not a date")


def _programme(row: dict[str, str], cells, themes: dict[str, tuple[int, ...]]) -> Programme | None:
    project_id = cells.get("ProjectID", required=True)
    title = cells.get("ProjectTitle", required=True)
    budget = cells.get("ProjectBudget", parse_number, required=True, minimum=0)
    adopted, start, end = (cells.get(c, parse_source_date)
                           for c in ("ProjectAdoptionDate", "ProjectStartDate", "ProjectEndDate"))
    window = _window(row["Region"], project_id or "")
    if row["Region"].strip() and window is None:
        cells.fail("Region", f"{row['Region']!r} is not an EUTF window ({', '.join(WINDOWS)})")
    countries: list[str] = []
    for name in (n.strip() for n in row["ProjectLocation"].split(",") if n.strip()):
        resolved = resolve_area(name)
        if resolved is None or resolved[1] != "country":
            cells.fail("ProjectLocation", f"{name!r} is no known country")
        elif resolved[0] not in countries:
            countries.append(resolved[0])
    theme_list = [t.strip() for t in row["ProjectTheme"].split(",") if t.strip()]
    for theme in theme_list:
        if theme not in themes:
            cells.fail("ProjectTheme", f"{theme!r} is not an EUTF theme ({'; '.join(themes)})")
    if cells.failed:
        return None
    # A project without countries (regional, or one of the few without a location) covers its window.
    areas = countries + ([WINDOWS[window]] if window and len(countries) != 1 else [])
    year_from = "adoption" if adopted else "start" if start else "unknown"
    year = adopted.year if adopted else start.year if start else None
    return Programme(
        source=SOURCE, source_id=project_id, title=title, currency="EUR", areas=tuple(areas),
        pillars=tuple(sorted({p for t in theme_list for p in themes[t]})), funder=FUNDER,
        partner=row["ProjectImplementor"].strip() or None, oda=None, start=start, end=end, status=None,
        total_budget=budget, budgets={year: budget},
        details={"themes": theme_list, "window": window, "adopted": adopted.isoformat() if adopted else None,
                 "budget_year_from": year_from, "links": [u.strip() for u in row["ProjectLinks"].split(",") if u.strip()],
                 "comments": row["Comments"].strip() or None},
    )


def _window(region: str, project_id: str) -> str | None:
    """The EUTF window from the ``Region`` column, else from the project id (``T05-EUTF-NOA-REG-08``)."""
    window = region.strip().upper()
    if window in WINDOWS:
        return window
    if window:
        return None
    match = re.search(r"-(SAH|HOA|NOA|REG)-", project_id.upper())
    return match.group(1) if match else None


def _norm(project_id: str) -> str:
    return re.sub(r"\s+", "", project_id.replace("–", "-")).upper()


def _results(path: Path, project_ids: list[str], log: ErrorLog) -> tuple[dict[str, list[Indicator]], int]:
    text = gzip.decompress(path.read_bytes()).decode("utf-8") if path.suffix == ".gz" else read_text(path)
    header, rows = read_rows(path.name, text, log)
    for column in RESULT_COLUMNS:
        if header and column not in header:
            log.add(path.name, 1, column, "required column missing (is this the Akvo results file?)")
    if log.errors:
        return {}, 0
    parents = _akvo_parents(path) if "project_parent" not in header else {}
    exact = {pid: pid for pid in project_ids}
    folded: dict[str, str] = {}
    for pid in project_ids:
        folded.setdefault(_norm(pid), pid)
    attached: dict[str, list[Indicator]] = {}
    for row, cells in iter_cells(rows, path.name, log):
        akvo_id = row.cells["iati_id"]
        parent = row.cells.get("project_parent") or parents.get(akvo_id, "")
        owner = _owner(akvo_id, parent, exact, folded)
        if owner is None:
            continue
        target, target_note = _lenient_number(row.cells["target"])
        actual, actual_note = _lenient_number(row.cells["actual"])
        notes = [f"{label} as written: {note}" for label, note in (("target", target_note), ("actual", actual_note))
                 if note]
        period_start = cells.get("period_start", parse_source_date)
        period_end = cells.get("period_end", parse_source_date)
        attached.setdefault(owner, []).append(Indicator(
            name=row.cells["title"] or "(untitled)", unit="%" if "%" in (target_note or "") else None,
            baseline=None, baseline_date=period_start, target=target, target_date=period_end, actual=actual,
            actual_date=AKVO_EXPORT_DATE if actual is not None else None,
            source_ref=f"akvo {akvo_id} · {row.cells['result_type'][:120]}", note="; ".join(notes) or None))
    return attached, len(rows)


def _owner(akvo_id: str, parent: str, exact: dict[str, str], folded: dict[str, str]) -> str | None:
    for candidate in (akvo_id, parent):
        if candidate in exact:
            return candidate
    for candidate in (akvo_id, parent):
        if candidate and _norm(candidate) in folded:
            return folded[_norm(candidate)]
    parts = _norm(akvo_id).split("-")
    for end in range(len(parts) - 1, 2, -1):
        owner = folded.get("-".join(parts[:end]))
        if owner is not None:
            return owner
    return None


def _lenient_number(text: str) -> tuple[float | None, str | None]:
    # Akvo values are typed by implementers: "3794.00", "90%", "NULL", sentences.
    text = text.strip()
    if not text or text.upper() == "NULL":
        return None, None
    try:
        return float(text), None
    except ValueError:
        pass
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*%", text)
    if match:
        return float(match.group(1)), text
    return None, text[:500]


def _akvo_parents(results_path: Path) -> dict[str, str]:
    projects = results_path.parent / "EUTF_projects_akvo.csv"
    if not projects.is_file():
        return {}
    with io.StringIO(read_text(projects), newline="") as handle:
        return {r["iati_id"]: r["project_parent"] for r in csv.DictReader(handle)}
