"""Ensembles of the routes-to-Europe scenario: serial vs the local process pool vs local Ray.

Runs the same N seeds (default 20) of ``routes_to_europe`` (2014-10 … 2024-12, one agent per 20
people) three ways, checks that the three tables are identical, and prints wall time, runs per
second and the ratios; also the kernel's throughput in agent-days per second (agents under way,
i.e. not yet at a destination, summed over days).

    .venv/bin/python bench/routes_ensemble.py [--seeds 20] [--workers 2]
"""

from __future__ import annotations

import argparse
import time


from ima.simulate.ensemble import members, run_ensemble
from ima.simulate.journeys import simulate
from ima.simulate.scenario import load_scenario, scenario_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    path = str(scenario_path("routes_to_europe"))
    spec = load_scenario(path)
    simulate(spec, 0)  # compile (cached) outside the timings
    started = time.perf_counter()
    run = simulate(spec, 1)
    one = time.perf_counter() - started
    sinks = run.network.is_sink == 1
    agent_days = int(run.counts[:, ~sinks].sum() + run.travelling.sum())
    print(f"one run: {one:.2f} s, {spec.days} days, {int(run.spawned.sum()):,} agents, "
          f"{agent_days:,} agent-days under way -> {agent_days / one:,.0f} agent-days/s")
    runs = members(range(1, args.seeds + 1))
    timings, tables = {}, {}
    for label, kwargs in (("serial", {"workers": 1}), (f"pool x{args.workers}", {"workers": args.workers})):
        t = time.perf_counter()
        tables[label] = run_ensemble(path, runs, **kwargs)
        timings[label] = time.perf_counter() - t
    import ray

    ray.init(num_cpus=args.workers, include_dashboard=False, log_to_driver=False)
    try:
        t = time.perf_counter()
        tables[f"ray x{args.workers}"] = run_ensemble(path, runs, ray_address="local")
        timings[f"ray x{args.workers}"] = time.perf_counter() - t
    finally:
        ray.shutdown()
    first = next(iter(tables.values()))
    same = all(first.equals(t) for t in tables.values())
    base = timings["serial"]
    for label, seconds in timings.items():
        print(f"{label:10} {seconds:7.1f} s  {len(runs) / seconds:5.2f} runs/s  speed-up vs serial {base / seconds:4.2f}")
    print(f"identical rows in all three: {same} ({len(first):,} rows)")
    assert same, "backends disagree"


if __name__ == "__main__":
    main()
