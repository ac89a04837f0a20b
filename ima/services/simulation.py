"""Simulation use cases shared by the CLI and the web app: Flee-compatible runs and their scores."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ima.simulate.engine import Simulation
from ima.simulate.flee.reader import FleeScenario, read_flee_run
from ima.simulate.flee.run import flee_out_lines
from ima.simulate.score import Score, score_file


class FleeRun:
    """A Flee scenario ready to run with ima's engine: its days, then its out.csv lines."""

    def __init__(self, input_dir: Path, source_dir: Path, days: int, settings_file: Path,
                 seed: int | None = None, threads: int | None = None) -> None:
        self.flee: FleeScenario
        self.flee, self.settings = read_flee_run(Path(input_dir), Path(source_dir), days, Path(settings_file))
        self.simulation = Simulation(self.flee.scenario, self.settings, seed=seed, threads=threads)

    @property
    def days(self) -> int:
        """Days the run will simulate."""
        return self.flee.scenario.days

    def lines(self) -> Iterator[str]:
        """Flee's out.csv, header first, one line per simulated day."""
        return flee_out_lines(self.flee, self.simulation)


def score_out_csv(path: Path) -> Score:
    """The averaged relative difference of a Flee-format out.csv (normal and rescaled)."""
    return score_file(Path(path))
