"""Throughput of ima's engine against Flee 3.1 on Mali 2012, full scale and with 10× the inflow.

Usage: ``.venv/bin/python bench/simulate.py [--flee-venv DIR] [--days-10x 100] [--skip-flee]``.
Installs ``flee==3.1`` (and ``mpich``, which its mpi4py import needs) into a separate virtual
environment on first use, runs Flee through ``bench/flee_driver.py`` (the call sequence of Flee's
``runscripts/run.py``) and ima on the same inputs and settings (FabFlee's mali2012 simsetting.yml,
logging off, ``hasten: 1``), and prints agent-steps per second for both and their ratio.
An agent-step is one agent present during one simulated day (Flee's cost unit).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT / "ima" / "data" / "flee_scenarios"
DEFAULT_VENV = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "ima-bench" / "flee-3.1"


def ensure_flee(venv: Path) -> Path:
    """The Python of a virtual environment with flee==3.1, created on first use."""
    python = venv / "bin" / "python"
    if python.exists() and subprocess.run([python, "-c", "import flee.flee"], capture_output=True).returncode == 0:
        return python
    print(f"installing flee==3.1 into {venv} ...", file=sys.stderr, flush=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", "flee==3.1", "mpich"], check=True)
    return python


def write_case(base: Path, factor: int) -> tuple[Path, Path, Path]:
    """Mali 2012 inputs with every population, capacity and data series multiplied by ``factor``."""
    input_dir, source_dir = base / f"x{factor}" / "input_csv", base / f"x{factor}" / "source_data"
    for origin, target in ((DATA / "conflict_input" / "mali", input_dir),
                           (DATA / "conflict_validation" / "mali2012", source_dir)):
        shutil.copytree(origin, target, copy_function=shutil.copyfile)  # plain files: writable copies
        target.chmod(0o755)
    if factor != 1:
        lines = (input_dir / "locations.csv").read_text().splitlines()
        out = [lines[0]] + [re.sub(r",(\d+)$", lambda m: f",{int(m.group(1)) * factor}", line) for line in lines[1:]]
        (input_dir / "locations.csv").write_text("\n".join(out) + "\n")
        for path in source_dir.glob("*.csv"):
            if path.name == "data_layout.csv":
                continue
            rows = [re.sub(r"^(\d{4}-\d\d-\d\d),(\d+)\s*$", lambda m: f"{m.group(1)},{int(m.group(2)) * factor}", r)
                    for r in path.read_text().splitlines()]
            path.write_text("\n".join(rows) + "\n")
    text = (DATA / "settings" / "mali2012_fabflee_simsetting.yml").read_text()
    text = re.sub(r"(\b(?:agent|link|camp|init|conflict)\s*:\s*)\d+", r"\g<1>0", text)
    settings = base / f"x{factor}" / "simsetting.yml"
    settings.write_text(re.sub(r"hasten\s*:\s*\d+", "hasten: 1", text))
    return input_dir, source_dir, settings


def run_flee(python: Path, case: tuple[Path, Path, Path], days: int, out: Path) -> dict:
    """Flee's run: agent-steps and the seconds of its day loop (evolve plus spawning)."""
    input_dir, source_dir, settings = case
    with out.open("w") as handle:
        result = subprocess.run([str(python), str(ROOT / "bench" / "flee_driver.py"), str(input_dir),
                                 str(source_dir), str(days), str(settings)], stdout=handle, stderr=subprocess.PIPE,
                                text=True, cwd=out.parent, check=True)
    return json.loads(result.stderr.strip().splitlines()[-1])


def run_ima(case: tuple[Path, Path, Path], days: int, out: Path, threads: int) -> dict:
    """ima's run in this process: the same figures as Flee's, plus peak agent memory."""
    from ima.simulate.agents import BYTES_PER_AGENT
    from ima.simulate.engine import Simulation
    from ima.simulate.flee.reader import read_flee_run
    from ima.simulate.flee.run import flee_out_lines

    from ima.simulate import engine

    flee, settings = read_flee_run(*case[:2], days, case[2])
    threshold, engine.PARALLEL_MIN_AGENTS = engine.PARALLEL_MIN_AGENTS, 0
    for variant in (0, threshold):  # load both kernels outside the timing, as Flee's import is
        engine.PARALLEL_MIN_AGENTS = variant
        for _ in Simulation(flee.scenario, settings, seed=0, threads=threads).run(2):
            pass
    simulation = Simulation(flee.scenario, settings, seed=1, threads=threads)
    started, cpu = time.perf_counter(), time.process_time()
    lines = list(flee_out_lines(flee, simulation))
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    out.write_text("\n".join(lines) + "\n")
    return {"loop_seconds": seconds, "cpu_seconds": cpu_seconds, "agents_end": simulation.agents.n,
            "agent_bytes": simulation.agents.n * BYTES_PER_AGENT}


def memory_run(agents: int, days: int = 3) -> dict:
    """Peak memory of a run with ``agents`` agents on a small graph (the 50-million-agent claim)."""
    import resource

    import numpy as np

    from ima.domain.simulation import LinkSpec, LocationSpec, Scenario, SimulationSettings
    from ima.simulate.engine import Simulation

    locations = (LocationSpec("A", "X", "conflict", population=1000), LocationSpec("T", "X", "town", population=10),
                 LocationSpec("B", "Y", "camp", foreign=True), LocationSpec("C", "Y", "camp", foreign=True))
    links = (LinkSpec(0, 1, 150.0), LinkSpec(1, 2, 300.0), LinkSpec(1, 3, 500.0))
    scenario = Scenario("memory", "2020-01-01", days, locations, links,
                        initial_camp_agents={"A": agents // 2, "T": agents - agents // 2})
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    started = time.perf_counter()
    simulation = Simulation(scenario, SimulationSettings(max_move_speed=200.0), seed=1)
    for day in simulation.run():
        assert day.spawned == day.at_location.sum() + day.travelling
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return {"agents": agents, "days": days, "seconds": round(time.perf_counter() - started, 1),
            "peak_rss_bytes": peak, "rss_growth_per_agent": round((peak - before) / agents, 1),
            "array_bytes_per_agent": simulation.agents.nbytes() / agents, "np": np.__version__}


def agent_steps(out_csv: Path) -> int:
    """Σ over days of the agents present (the ``total refugees (simulation)`` column)."""
    import pandas as pd

    return int(pd.read_csv(out_csv)["total refugees (simulation)"].sum())


def main() -> None:
    """Run both engines on both cases and print the comparison."""
    from ima.simulate.score import score_file

    parser = argparse.ArgumentParser()
    parser.add_argument("--flee-venv", type=Path, default=DEFAULT_VENV)
    parser.add_argument("--days", type=int, default=300)
    parser.add_argument("--days-10x", type=int, default=100)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--skip-flee", action="store_true")
    parser.add_argument("--memory-agents", type=int, default=0,
                        help="instead: peak memory of a run with this many agents (e.g. 50000000)")
    args = parser.parse_args()
    if args.memory_agents:
        print(json.dumps(memory_run(args.memory_agents)))
        return
    python = None if args.skip_flee else ensure_flee(args.flee_venv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        for factor, days in ((1, args.days), (10, args.days_10x)):
            case = write_case(base, factor)
            label = f"mali2012 hasten 1, {'10x inflow, ' if factor == 10 else ''}{days} days"
            engines = [("ima", threads) for threads in sorted({1, args.threads})]
            if python:
                engines.insert(0, ("flee", 1))
            for engine, threads in engines:
                out = base / f"x{factor}" / f"{engine}{threads}.csv"
                if engine == "flee":
                    stats = run_flee(python, case, days, out)
                else:
                    stats = run_ima(case, days, out, threads)
                steps = agent_steps(out)
                score = score_file(out)
                row = {"case": label, "engine": engine if engine == "flee" else f"ima ({threads} thread{'s' * (threads > 1)})",
                       "agent_steps": steps, "agents_end": stats["agents_end"],
                       "loop_seconds": round(stats["loop_seconds"], 2),
                       "agent_steps_per_s": steps / stats["loop_seconds"],
                       "ard_rescaled": round(score.rescaled, 3), "ard_normal": round(score.normal, 3)}
                if "cpu_seconds" in stats:
                    row["cpu_seconds"] = round(stats["cpu_seconds"], 2)
                if "agent_bytes" in stats:
                    row["agent_bytes"] = stats["agent_bytes"]
                rows.append(row)
                print(json.dumps(row), flush=True)
    print()
    print("| case | engine | agent-steps | wall s | CPU s | agent-steps/s (wall) | × Flee (wall) | × Flee (CPU) "
          "| ARD rescaled / normal |")
    print("|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        flee = next((r for r in rows if r["case"] == row["case"] and r["engine"] == "flee"), None)
        wall = f"{row['agent_steps_per_s'] / flee['agent_steps_per_s']:.0f}×" if flee else "–"
        cpu = (f"{flee['cpu_seconds'] / row['cpu_seconds']:.0f}×"
               if flee and "cpu_seconds" in flee and row.get("cpu_seconds") else "–")
        print(f"| {row['case']} | {row['engine']} | {row['agent_steps'] / 1e6:.1f} M | {row['loop_seconds']} | "
              f"{row.get('cpu_seconds', '–')} | {row['agent_steps_per_s'] / 1e6:.2f} M | {wall} | {cpu} | "
              f"{row['ard_rescaled']} / {row['ard_normal']} |")


if __name__ == "__main__":
    main()
