"""The averaged relative difference (ARD) of an ``out.csv``, computed as Flee's own script does.

Flee 3.1 ``postprocessing/extract-validation-results.py``: per camp, |sim − data| rounded to 4
places (rescaled: sim × camps_data_total / camps_sim_total where the latter is > 0, else 0), summed
over camps, divided by max(1, camps' data total) per day, averaged over all days.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class Score:
    """ARD of one run: normal and rescaled, over ``days`` days."""

    normal: float
    rescaled: float
    days: int


def camp_names(columns: list[str]) -> list[str]:
    """Camps named by the ``<camp> sim`` columns."""
    return [" ".join(c.split()[:-1]) for c in columns if " sim" in c and "numAgents" not in c]


def score_frame(frame: pd.DataFrame) -> Score:
    """Score an out.csv already read into a DataFrame."""
    try:
        sim_total = frame["refugees in camps (simulation)"].to_numpy(dtype=float)
        data_total = frame["refugees in camps (UNHCR)"].to_numpy(dtype=float)
        camps = camp_names(list(frame.columns))
        if not camps:
            raise KeyError("no '<camp> sim' columns")
        normal = np.zeros(len(frame))
        rescaled = np.zeros(len(frame))
        for camp in camps:
            sim = frame[f"{camp} sim"].to_numpy(dtype=float)
            data = frame[f"{camp} data"].to_numpy(dtype=float)
            scaled = np.zeros(len(sim))
            ok = sim_total > 0
            scaled[ok] = sim[ok] * data_total[ok] / sim_total[ok]
            normal += np.round(np.abs(sim - data), 4)
            rescaled += np.round(np.abs(scaled - data), 4)
    except KeyError as exc:
        raise ValueError(f"not a Flee out.csv: missing column {exc}") from None
    denominator = np.maximum(data_total, np.ones(len(data_total)))
    return Score(normal=float(np.mean(normal / denominator)), rescaled=float(np.mean(rescaled / denominator)),
                 days=len(frame))


def score_file(path: Path) -> Score:
    """Score an out.csv file."""
    try:
        frame = pd.read_csv(path, sep=",", encoding="latin1", index_col="Day")
    except FileNotFoundError:
        raise ValueError(f"{path} not found") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as exc:
        raise ValueError(f"{path} is not a Flee out.csv: {exc}") from None
    return score_frame(frame)
