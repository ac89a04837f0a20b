"""Read a Flee 3.1 scenario (``input_csv/``, ``source_data/``, ``simsetting.yml``) into ima's domain.

Columns are positional, rows whose first cell starts with ``#`` are headers or comments, as in
Flee's ``InputGeography``. Returns a :class:`FleeScenario`: the :class:`Scenario` the engine runs
plus the validation series the out.csv rows compare against.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ima.domain.simulation import (CAMP, CONFLICT, FORWARD, IDPCAMP, MARKER, TOWN, Closure, LinkSpec,
                                   LocationSpec, Scenario, SimulationSettings)
from ima.simulate.flee.series import ValidationData
from ima.simulate.flee.settings import read_settings


@dataclass(frozen=True)
class FleeScenario:
    """A Flee scenario ready to run: the graph, and per camp the data series (days × camps)."""

    scenario: Scenario
    camp_data: np.ndarray
    raw_total: np.ndarray


def _rows(path: Path, required: bool = True) -> tuple[list[list[str]], list[str] | None]:
    """Data rows and the last header row of a Flee CSV file."""
    if not path.is_file():
        if required:
            raise ValueError(f"{path} not found")
        return [], None
    rows, header = [], None
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.reader(handle):
            if not row or not row[0]:
                continue
            if row[0].startswith("#"):
                header = row
                continue
            rows.append(row)
    return rows, header


def location_kind(location_type: str) -> str:
    """Flee's substring match of ``location_type`` (camp, idpcamp, conflict, forward, marker, town)."""
    text = location_type.lower()
    if "camp" in text:
        return IDPCAMP if "idp" in text else CAMP
    for key, kind in (("conflict", CONFLICT), ("forward", FORWARD), ("marker", MARKER)):
        if key in text:
            return kind
    if "default" in text or "town" in text:
        return TOWN
    raise ValueError(f"cannot parse location_type {location_type!r}")


def read_period(input_dir: Path) -> tuple[str, int]:
    """StartDate and Length from ``conflict_period.csv`` (3.1) or ``sim_period.csv`` (master)."""
    for name in ("conflict_period.csv", "sim_period.csv"):
        path = input_dir / name
        if path.is_file():
            values = {}
            with path.open(newline="", encoding="utf-8") as handle:
                for row in csv.reader(handle):
                    if len(row) >= 2:
                        values[row[0].strip().lower()] = row[1].strip()
            try:
                return values["startdate"], int(values["length"])
            except (KeyError, ValueError) as exc:
                raise ValueError(f"{path}: needs StartDate,YYYY-MM-DD and Length,<days>") from exc
    raise ValueError(f"{input_dir} has neither conflict_period.csv nor sim_period.csv")


def read_locations(path: Path, hasten: int) -> list[LocationSpec]:
    """``locations.csv``; the last column is capacity for camps, population otherwise."""
    rows, header = _rows(path)
    extra = [name.strip() for name in header[8:]] if header and len(header) > 8 else []
    if not rows:
        raise ValueError(f"{path} has no locations")
    home = rows[0][2] or "unknown"
    out = []
    for row in rows:
        if len(row) < 8:
            raise ValueError(f"{path}: row {row!r} has fewer than 8 columns")
        name, region, country = row[0], row[1], row[2] or "unknown"
        kind = location_kind(row[5])
        if kind == CONFLICT and row[6].strip() and int(row[6]) > 0:
            kind = TOWN  # becomes a conflict zone when conflicts.csv says so
        attrs = dict(zip(extra, row[8:]))
        size = int(row[7]) // hasten if row[7].strip() else 0
        out.append(LocationSpec(
            name=name, region=region, country=country, kind=kind,
            lat=float(row[3]) if row[3].strip() else 0.0, lon=float(row[4]) if row[4].strip() else 0.0,
            population=0 if kind in (CAMP, IDPCAMP) else size,
            capacity=size if kind in (CAMP, IDPCAMP) else -1,
            conflict_intensity=float(attrs.get("conflict_intensity") or 1.0),
            deactivation_probability=float(attrs.get("deactivation_probability") or 0.0),
            foreign=country != home))
    return out


def read_links(path: Path, names: dict[str, int], settings: SimulationSettings) -> list[LinkSpec]:
    """``routes.csv``; custom columns ``max_move_speed`` and ``walk_probability`` are honoured."""
    rows, header = _rows(path)
    extra = [name.strip() for name in header[4:]] if header and len(header) > 4 else []
    out = []
    for row in rows:
        for end in row[:2]:
            if end not in names:
                raise ValueError(f"{path}: route to unknown location {end!r}")
        attrs = dict(zip(extra, row[4:]))
        speed = attrs.get("max_move_speed")
        link = LinkSpec(names[row[0]], names[row[1]], float(row[2]),
                        max_move_speed=float(speed) if speed else None,
                        walk_probability=float(attrs.get("walk_probability") or 0.0))
        out.append(link)
        redirect = row[3].strip() if len(row) > 3 else ""
        if settings.flee_duplicate_forced_links and redirect and int(redirect) == 1:
            out.append(link)
    return out


def read_conflicts(path: Path, names: dict[str, int], days: int) -> np.ndarray | None:
    """``conflicts.csv`` as a (days × locations) matrix; None when the file is absent."""
    if not path.is_file():
        return None
    with path.open(newline="", encoding="utf-8") as handle:
        table = [row for row in csv.reader(handle) if row]
    header = [h.strip() for h in table[0]]
    matrix = np.zeros((max(days, len(table) - 1), len(names)), dtype=np.float64)
    columns = []
    for i, name in enumerate(header[1:], start=1):
        if name in names:  # Flee only reports columns naming no location (burundi has 'Isale')
            columns.append((i, names[name]))
    for t, row in enumerate(table[1:]):
        for i, loc in columns:
            matrix[t, loc] = float(row[i].strip())
    if len(table) - 1 < days:
        raise ValueError(f"{path} has {len(table) - 1} days, the run needs {days}")
    return matrix


def read_flee_scenario(input_dir: Path, source_dir: Path, days: int,
                       settings: SimulationSettings) -> FleeScenario:
    """Read a Flee scenario; ``days`` 0 means the period file's length."""
    input_dir, source_dir = Path(input_dir), Path(source_dir)
    if not input_dir.is_dir():
        raise ValueError(f"input directory {input_dir} does not exist")
    if not source_dir.is_dir():
        raise ValueError(f"source data directory {source_dir} does not exist")
    start_date, length = read_period(input_dir)
    days = days if days > 0 else length
    locations = read_locations(input_dir / "locations.csv", settings.hasten)
    names = {loc.name: i for i, loc in enumerate(locations)}
    links = read_links(input_dir / "routes.csv", names, settings)
    closure_rows, _ = _rows(input_dir / "closures.csv", required=False)
    closures = tuple(Closure(r[0], r[1], r[2], int(r[3]), int(r[4])) for r in closure_rows)
    conflicts = read_conflicts(input_dir / "conflicts.csv", names, days)
    data = ValidationData(source_dir, start_date, settings.hasten)
    data.apply_corrections(input_dir / "registration_corrections.csv")
    camps = [loc.name for loc in locations if loc.kind in (CAMP, IDPCAMP)]
    for camp in camps:
        if camp not in data.series:
            raise ValueError(f"camp {camp!r} of locations.csv is missing from data_layout.csv")
    camp_data = np.stack([data.daily(c, days) for c in camps], axis=1) if camps else np.zeros((days, 0))
    raw_total = data.daily("total", days)
    initial = {c: int(camp_data[0, i]) for i, c in enumerate(camps)} if settings.insert_day0 else {}
    scenario = Scenario(name=input_dir.name, start_date=start_date, days=days, locations=tuple(locations),
                        links=tuple(links), closures=closures, conflicts=conflicts,
                        daily_totals=raw_total, initial_camp_agents=initial)
    return FleeScenario(scenario=scenario, camp_data=camp_data.astype(np.int64), raw_total=raw_total)


def read_flee_run(input_dir: Path, source_dir: Path, days: int, settings_file: Path,
                  **overrides) -> tuple[FleeScenario, SimulationSettings]:
    """Settings from ``simsetting.yml`` (plus overrides) and the scenario they imply."""
    settings = read_settings(Path(settings_file), **overrides)
    return read_flee_scenario(input_dir, source_dir, days, settings), settings
