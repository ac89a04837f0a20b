"""A tiny hand-built routes scenario (written as YAML) for the lever, CLI and ensemble tests."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

TINY = {
    "name": "tiny",
    "period": {"start": "2020-01-01", "end": "2020-03-31"},
    "scale": 1,
    "parameters": {"cross": 0.5, "pull_a": 1.0},
    "locations": [
        {"name": "Home", "kind": "origin", "country": "SYR", "lat": 36.0, "lon": 37.0},
        {"name": "Hub", "kind": "hub", "country": "TUR", "lat": 39.0, "lon": 33.0, "move_chance": 0.5},
        {"name": "CoastA", "kind": "coast", "country": "TUR", "lat": 38.4, "lon": 27.1, "move_chance": "cross",
         "attractiveness": "pull_a"},
        {"name": "CoastB", "kind": "coast", "country": "TUR", "lat": 41.7, "lon": 26.6, "move_chance": "cross"},
        {"name": "EntryA", "kind": "entry", "country": "GRC", "lat": 39.1, "lon": 26.5, "series": "GRC",
         "route": "EMR", "move_chance": 0.5},
        {"name": "EntryB", "kind": "entry", "country": "BGR", "lat": 41.9, "lon": 25.9, "series": "BGR",
         "route": "EMR", "move_chance": 0.5},
        {"name": "NLD", "kind": "destination", "country": "NLD", "lat": 52.9, "lon": 7.1, "attractiveness": 1.0},
        {"name": "DEU", "kind": "destination", "country": "DEU", "lat": 52.5, "lon": 13.4, "attractiveness": 3.0},
    ],
    "links": [
        {"from": "Home", "to": ["Hub"]},
        {"from": "Hub", "to": ["CoastA", "CoastB"]},
        {"from": "CoastA", "to": ["EntryA"], "mode": "sea"},
        {"from": "CoastB", "to": ["EntryB"]},
        {"from": ["EntryA", "EntryB"], "to": ["NLD", "DEU"], "distance": 0},
    ],
    "spawn": {"Home": [[f"2020-01-{d:02d}", 40] for d in range(1, 31)]},
    "levers": [],
}


def write_scenario(directory: Path, name: str = "tiny", levers: list | None = None, **changes) -> Path:
    """Write the tiny scenario (with extra levers or top-level changes) and return its path."""
    data = {**TINY, **changes, "levers": levers or []}
    path = directory / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """Path of the tiny scenario without levers."""
    return write_scenario(tmp_path)
