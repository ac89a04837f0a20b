"""Run Flee 3.1 ten times on each shipped scenario and keep every out.csv (validation reference).

Usage: ``python bench/validate_flee.py [--runs 10] [--flee-python /tmp/fleevenv/bin/python]``.
Rounds go over all four scenarios in turn, so a partial run still covers every scenario.
Settings: FabFlee's per-scenario ``simsetting.yml`` with logging off and the ``hasten`` below
(the same files ``bench/validate_ima.py`` uses, written to ``bench/results/validation/settings``).
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "ima" / "data" / "flee_scenarios"
OUT = ROOT / "bench" / "results" / "validation"
# hasten keeps one Flee run under about a minute on this machine (syria has 4.5 M refugees)
SCENARIOS = {
    "mali2012": ("mali", "mali2012_fabflee_simsetting.yml", 10),
    "burundi2015": ("burundi", "burundi_fabflee_simsetting.yml", 10),
    "car2013": ("car", "car_fabflee_simsetting.yml", 20),
    "syria2013": ("syria", "syria2013_fabflee_simsetting.yml", 200),
}


def write_settings(name: str) -> Path:
    """Write the validation settings for one scenario: logging off, the chosen hasten."""
    import re

    _, settings_name, hasten = SCENARIOS[name]
    text = (DATA / "settings" / settings_name).read_text()
    text = re.sub(r"(\b(?:agent|link|camp|init|conflict)\s*:\s*)\d+", r"\g<1>0", text)
    text = re.sub(r"hasten\s*:\s*\d+", f"hasten: {hasten}", text)
    path = OUT / "settings" / f"{name}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def _claim(path: Path) -> bool:
    """Take a run for this worker (several workers may share the rounds)."""
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        return True
    except FileExistsError:
        return False


def main() -> None:
    """Run the rounds and write out.csv files plus a timings.jsonl."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--flee-python", default="/tmp/fleevenv/bin/python")
    parser.add_argument("--reverse", action="store_true", help="last runs first (for a second worker)")
    args = parser.parse_args()
    settings = {name: write_settings(name) for name in SCENARIOS}
    timings = OUT / "flee_timings.jsonl"
    runs = range(args.runs - 1, -1, -1) if args.reverse else range(args.runs)
    for run in runs:
        for name, (folder, _, hasten) in SCENARIOS.items():
            target = OUT / "flee" / name / f"run{run:02d}.csv"
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.exists() or not _claim(target.with_suffix(".claim")):
                continue
            started = time.perf_counter()
            result = subprocess.run(
                [args.flee_python, str(ROOT / "bench" / "flee_driver.py"),
                 str(DATA / "conflict_input" / folder), str(DATA / "conflict_validation" / name),
                 "0", str(settings[name])],
                capture_output=True, text=True, cwd="/tmp", check=True)
            target.with_suffix(".tmp").write_text(result.stdout)
            target.with_suffix(".tmp").rename(target)
            target.with_suffix(".claim").unlink(missing_ok=True)
            stats = json.loads(result.stderr.strip().splitlines()[-1])
            stats.update(scenario=name, run=run, hasten=hasten,
                         wall_seconds=time.perf_counter() - started)
            with timings.open("a") as handle:
                handle.write(json.dumps(stats) + "\n")
            print(json.dumps(stats), file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
