"""The Dublin IV replay on real data: yearly first-time applicants 2011–2024 (vendored), or
monthly figures the user supplies; the key of each period's year on the vendored data."""

from __future__ import annotations

import numpy as np

from ima.analysis.solidarity.data import key_for_year, yearly_applicants
from ima.analysis.solidarity.dublin import ReplayResult, ReplaySettings, replay_allocation
from ima.analysis.solidarity.key import AMMR_STATES


def applicant_years() -> tuple[int, int]:
    """The first and last year of the vendored applications."""
    years = sorted({y for _, y in yearly_applicants()})
    return years[0], years[-1]


def replay_years(first: int, last: int, states: tuple[str, ...] = AMMR_STATES,
                 settings: ReplaySettings | None = None) -> ReplayResult:
    """Replay the mechanism year by year; a state without a figure for a year counts 0."""
    low, high = applicant_years()
    if first > last:
        raise ValueError(f"--from {first} is after --to {last}")
    if first < low or last > high:
        raise ValueError(f"applications are available for {low}–{high}, not {first}–{last}")
    years = list(range(first, last + 1))
    table = yearly_applicants()
    received = np.array([[table.get((s, y), 0) for s in states] for y in years])
    key = np.array([key_for_year(y, states).vector(states) for y in years])
    return replay_allocation(received, key, states, tuple(str(y) for y in years), settings)


def replay_months(table: dict[tuple[str, str], int], first: int, last: int,
                  states: tuple[str, ...] = AMMR_STATES, settings: ReplaySettings | None = None) -> ReplayResult:
    """Replay month by month on a user table ``(state, 'YYYY-MM') → applicants``."""
    months = sorted({m for _, m in table if first <= int(m[:4]) <= last})
    if not months:
        raise ValueError(f"the monthly data has no month in {first}–{last}")
    unknown = sorted({s for s, _ in table} - set(states))
    if unknown:
        raise ValueError(f"monthly data for states outside the replay: {', '.join(unknown)}")
    received = np.array([[table.get((s, m), 0) for s in states] for m in months])
    keys = {y: key_for_year(y, states).vector(states) for y in {int(m[:4]) for m in months}}
    key = np.array([keys[int(m[:4])] for m in months])
    return replay_allocation(received, key, states, tuple(months), settings)
