"""Flee's validation series (``source_data/``): reading, adding, level-1 corrections, interpolation.

Semantics of Flee 3.1 ``datamanager.DataTable``: counts are divided by ``hasten`` as floats,
interpolated linearly between data points and truncated to int; before the first point the first
value holds, after the last the last value.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import numpy as np


def day_offset(text: str, start_date: str) -> int:
    """Days from ``start_date`` to ``text`` (both YYYY-MM-DD)."""
    try:
        return (date.fromisoformat(text.strip()) - date.fromisoformat(start_date)).days
    except ValueError as exc:
        raise ValueError(f"not a YYYY-MM-DD date: {text!r}") from exc


def read_series(path: Path, start_date: str, hasten: int = 1) -> np.ndarray:
    """One ``date,count`` file as an (n, 2) array of (day offset, count / hasten)."""
    rows: list[tuple[float, float]] = []
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            for number, row in enumerate(csv.reader(handle)):
                if len(row) < 2 or not row[0] or row[0].startswith("#") or row[1] == "":
                    continue
                if number == 0 and row[0] in ("DateTime", "Date"):
                    continue
                rows.append((float(day_offset(row[0], start_date)), int(row[1]) / hasten))
    except FileNotFoundError as exc:
        raise ValueError(f"validation series not found: {path}") from exc
    if not rows:
        raise ValueError(f"validation series {path} has no data rows")
    return np.array(rows, dtype=float)


def add_series(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Add two series the way Flee's ``AddCSVTables`` does (step-wise, on the union of dates)."""
    out: list[list[float]] = []
    offset = 0
    last_second = np.zeros(2)
    for point in second:
        while point[0] > first[offset][0]:
            out.append([first[offset][0], last_second[1] + first[offset][1]])
            if offset < len(first) - 1:
                offset += 1
            else:
                break
        if point[0] == first[offset][0]:
            out.append([point[0], point[1] + first[offset][1]])
            if offset < len(first) - 1:
                offset += 1
            last_second = point
            continue
        if point[0] < first[offset][0]:
            out.append([point[0], point[1] + first[offset][1]])
            last_second = point
    return np.array(out, dtype=float).reshape(-1, 2)


def interpolate(series: np.ndarray, days: int) -> np.ndarray:
    """Values for days 0..days-1, linear between points, truncated to int as Flee does."""
    out = np.empty(days, dtype=np.int64)
    xs, ys = series[:, 0], series[:, 1]
    for day in range(days):
        if day <= xs[0]:
            out[day] = int(ys[0])
            continue
        later = np.nonzero(day < xs)[0]
        if len(later) == 0:
            out[day] = int(ys[-1])
            continue
        i = later[0]
        fraction = (day - xs[i - 1]) / (xs[i] - xs[i - 1])
        out[day] = int(ys[i - 1] + fraction * (ys[i] - ys[i - 1]))
    return out


class ValidationData:
    """The series named in ``data_layout.csv``: ``total`` plus one per camp."""

    def __init__(self, source_dir: Path, start_date: str, hasten: int = 1) -> None:
        self.start_date = start_date
        self.series: dict[str, np.ndarray] = {}
        layout = source_dir / "data_layout.csv"
        if not layout.is_file():
            raise ValueError(f"{layout} not found (a Flee source_data directory needs data_layout.csv)")
        with layout.open(newline="", encoding="utf-8") as handle:
            for row in csv.reader(handle):
                if len(row) < 2 or not row[0] or row[0].startswith("#"):
                    continue
                table = read_series(source_dir / row[1].strip(), start_date, hasten)
                for extra in row[2:]:
                    if extra.strip():
                        table = add_series(table, read_series(source_dir / extra.strip(), start_date, hasten))
                self.series[row[0]] = table
        if "total" not in self.series:
            raise ValueError(f"{layout}: the first row must be total,refugees.csv")

    def apply_corrections(self, path: Path) -> None:
        """Level-1 registration corrections: scale points before the date to the first level-2 value."""
        if not path.is_file():
            return
        with path.open(newline="", encoding="utf-8") as handle:
            for row in csv.reader(handle):
                if len(row) < 2:
                    continue
                table = self.get(row[0])
                days = day_offset(row[1], self.start_date)
                for i in range(1, len(table)):
                    if int(table[i, 0]) == days:
                        table[0:i, 1] *= table[i, 1] / table[i - 1, 1]

    def get(self, name: str) -> np.ndarray:
        """The raw series of one label (ValueError if data_layout.csv lacks it)."""
        try:
            return self.series[name]
        except KeyError:
            raise ValueError(f"data_layout.csv has no series for {name!r}") from None

    def daily(self, name: str, days: int) -> np.ndarray:
        """Interpolated integer values for days 0..days-1."""
        return interpolate(self.get(name), days)
