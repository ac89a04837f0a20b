"""Run a Flee scenario with ima's engine and produce Flee's out.csv lines."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ima.simulate.engine import Simulation
from ima.simulate.flee.reader import FleeScenario, read_flee_run
from ima.simulate.output import out_csv_lines


def flee_out_lines(flee: FleeScenario, simulation: Simulation) -> Iterator[str]:
    """The out.csv lines of a whole run (header first)."""
    scenario = flee.scenario
    camps = scenario.camp_names
    index = [scenario.index(c) for c in camps]
    return out_csv_lines(simulation.run(), scenario.start_date, camps, index, flee.camp_data)


def run_flee(input_dir: Path, source_dir: Path, days: int, settings_file: Path, seed: int | None = None,
             threads: int | None = None, **overrides) -> Iterator[str]:
    """Read a Flee scenario and yield its out.csv lines as ima simulates it."""
    flee, settings = read_flee_run(input_dir, source_dir, days, settings_file, **overrides)
    return flee_out_lines(flee, Simulation(flee.scenario, settings, seed=seed, threads=threads))
