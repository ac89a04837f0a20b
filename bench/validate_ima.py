"""Validation table: ima (≥ 10 seeds) next to Flee 3.1 (≥ 10 runs) on the four shipped scenarios.

Usage: ``.venv/bin/python bench/validate_ima.py [--seeds 10]``; run ``bench/validate_flee.py`` first
(it writes the Flee out.csv files and the settings both sides use). Writes ima's out.csv files to
``bench/results/validation/ima/``, the per-run scores to ``bench/results/validation/scores.csv`` and
prints the table (mean ± standard deviation of the rescaled and normal ARD).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.validate_flee import DATA, OUT, SCENARIOS, write_settings  # noqa: E402
from ima.simulate.flee.run import run_flee  # noqa: E402
from ima.simulate.score import score_file  # noqa: E402


def run_ima(seeds: int) -> None:
    """ima's out.csv for every scenario and seed (skips files already there)."""
    for name, (folder, _, _) in SCENARIOS.items():
        settings = write_settings(name)
        for seed in range(seeds):
            target = OUT / "ima" / name / f"seed{seed:02d}.csv"
            if target.exists():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            started = time.perf_counter()
            lines = run_flee(DATA / "conflict_input" / folder, DATA / "conflict_validation" / name, 0, settings,
                             seed=seed)
            target.write_text("\n".join(lines) + "\n")
            print(f"{name} seed {seed}: {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)


def scores() -> pd.DataFrame:
    """One row per out.csv: scenario, engine, run, ARD normal and rescaled."""
    rows = []
    for engine in ("flee", "ima"):
        for name in SCENARIOS:
            for path in sorted((OUT / engine / name).glob("*.csv")):
                score = score_file(path)
                rows.append({"scenario": name, "engine": engine, "run": path.stem, "hasten": SCENARIOS[name][2],
                             "normal": score.normal, "rescaled": score.rescaled, "days": score.days})
    return pd.DataFrame(rows)


def table(frame: pd.DataFrame) -> str:
    """The markdown validation table."""
    lines = ["| scenario | hasten | days | Flee 3.1 runs | Flee rescaled | Flee normal | ima seeds | ima rescaled "
             "| ima normal | ima − Flee (rescaled) |", "|---|---|---|---|---|---|---|---|---|---|"]
    for name in SCENARIOS:
        part = frame[frame.scenario == name]
        flee, ima = part[part.engine == "flee"], part[part.engine == "ima"]
        if flee.empty or ima.empty:
            continue
        def cell(values):
            return f"{np.mean(values):.3f} ± {np.std(values, ddof=1) if len(values) > 1 else 0:.3f}"
        lines.append(f"| {name} | {SCENARIOS[name][2]} | {int(part.days.iloc[0])} | {len(flee)} | "
                     f"{cell(flee.rescaled)} | {cell(flee.normal)} | {len(ima)} | {cell(ima.rescaled)} | "
                     f"{cell(ima.normal)} | {ima.rescaled.mean() - flee.rescaled.mean():+.3f} |")
    return "\n".join(lines)


def main() -> None:
    """Run ima's seeds, score everything, print the table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--summary-only", action="store_true")
    args = parser.parse_args()
    if not args.summary_only:
        run_ima(args.seeds)
    frame = scores()
    frame.to_csv(OUT / "scores.csv", index=False)
    print(table(frame))


if __name__ == "__main__":
    main()
