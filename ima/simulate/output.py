"""Flee's ``out.csv``: one row per day, written exactly as Flee 3.1's ``run.py`` prints it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, timedelta

import numpy as np

from ima.simulate.engine import DayResult

TAIL = ("Total error", "refugees in camps (UNHCR)", "total refugees (simulation)", "raw UNHCR refugee count",
        "refugees in camps (simulation)", "refugee_debt")


def header(camps: list[str]) -> str:
    """The header line: Day, Date, then sim/data/error per camp, then the totals."""
    cells = ["Day", "Date"]
    for camp in camps:
        cells += [f"{camp} sim", f"{camp} data", f"{camp} error"]
    return ",".join(cells + list(TAIL))


def _rel_error(value: int, correct: int) -> float:
    """Flee's ``rel_error``: |value/correct − 1| rounded to 4 places, 0 when correct < 1e-5."""
    if correct < 0.00001:
        return 0.0
    return round(float(np.abs(float(value) / float(correct) - 1)), 4)


def _abs_error(value: int, correct: int) -> float:
    return round(float(np.abs(float(value) - float(correct))), 4)


def row(result: DayResult, start_date: str, camp_index: list[int], camp_data: np.ndarray) -> str:
    """One day's line; ``camp_data`` holds the data values of that day per camp."""
    day = date.fromisoformat(start_date) + timedelta(days=result.day)
    out = f"{result.day},{day.isoformat()}"
    sims = [int(result.at_location[i]) for i in camp_index]
    data = [int(v) for v in camp_data]
    for sim, value in zip(sims, data):
        out += f",{sim},{value},{_rel_error(sim, value)}"
    raw = result.raw_total
    if raw > 0:
        abs_errors = [_abs_error(s, v) for s, v in zip(sims, data)]
        out += ",%s,%s,%s,%s,%s,%s" % (float(np.sum(abs_errors)) / float(raw), int(sum(data)), result.spawned,
                                       raw, sum(sims), result.refugee_debt)
    else:
        out += ",0,0,0,0,0,0"
    return out


def out_csv_lines(results: Iterable[DayResult], start_date: str, camps: list[str], camp_index: list[int],
                  camp_data: np.ndarray) -> Iterator[str]:
    """The header then one line per day."""
    yield header(camps)
    for result in results:
        yield row(result, start_date, camp_index, camp_data[result.day])
