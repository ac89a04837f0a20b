"""Drive an installed Flee 3.1 exactly like its ``runscripts/run.py`` (same calls, same out.csv).

Run with the Python of a separate environment that has ``flee==3.1`` installed (never ima's venv):
``python flee_driver.py INPUT_DIR SOURCE_DIR DAYS SETTINGS.yml > out.csv``.
Flee's run script is not part of its wheel, so this file repeats its sequence of library calls;
it also times ``Ecosystem.evolve`` and prints one JSON line with the timing to stderr.
"""

import json
import sys
import time
from datetime import datetime, timedelta

import flee.postprocessing.analysis as analysis
import numpy as np
from flee import InputGeography, flee, spawning
from flee.datamanager import handle_refugee_data, read_period
from flee.SimulationSettings import SimulationSettings


def main(input_dir: str, source_dir: str, days: int, settings_file: str) -> None:
    """Run one Flee simulation and print Flee's out.csv rows to stdout."""
    start_date, end_time = read_period.read_conflict_period(f"{input_dir}/conflict_period.csv")
    if days > 0:
        end_time = days
    flee.SimulationSettings.ReadFromYML(settings_file)
    flee.SimulationSettings.ConflictInputFile = f"{input_dir}/conflicts.csv"
    ecosystem = flee.Ecosystem()
    geography = InputGeography.InputGeography()
    geography.ReadConflictInputCSV(flee.SimulationSettings.ConflictInputFile)
    geography.ReadLocationsFromCSV(f"{input_dir}/locations.csv")
    geography.ReadLinksFromCSV(f"{input_dir}/routes.csv")
    geography.ReadClosuresFromCSV(f"{input_dir}/closures.csv")
    ecosystem, lm = geography.StoreInputGeographyInEcosystem(ecosystem)
    table = handle_refugee_data.RefugeeTable(
        csvformat="generic", data_directory=source_dir, start_date=start_date,
        data_layout="data_layout.csv",
        population_scaledown_factor=SimulationSettings.optimisations["PopulationScaleDownFactor"])
    table.ReadL1Corrections(f"{input_dir}/registration_corrections.csv")
    camps = ecosystem.get_camp_names()
    header = "Day,Date,"
    for name in camps:
        spawning.add_initial_refugees(ecosystem, table, lm[name])
        header += f"{lm[name].name} sim,{lm[name].name} data,{lm[name].name} error,"
    header += ("Total error,refugees in camps (UNHCR),total refugees (simulation),"
               "raw UNHCR refugee count,refugees in camps (simulation),refugee_debt")
    print(header)
    evolve_seconds = 0.0
    agent_steps = 0
    started, cpu = time.perf_counter(), time.process_time()
    for t in range(end_time):
        geography.AddNewConflictZones(ecosystem, t)
        _, refugees_raw, refugee_debt = spawning.spawn_daily_displaced(ecosystem, t, table)
        spawning.refresh_spawn_weights(ecosystem)
        ecosystem.enact_border_closures(t)
        agent_steps += ecosystem.numAgents()
        tick = time.perf_counter()
        ecosystem.evolve()
        evolve_seconds += time.perf_counter() - tick
        data = [table.get_field(name, t) for name in camps]
        sim = [lm[name].numAgents for name in camps]
        date = datetime.strptime(start_date, "%Y-%m-%d") + timedelta(days=t)
        row = f"{t},{date.strftime('%Y-%m-%d')}"
        for count, value in zip(sim, data):
            row += f",{count},{value},{analysis.rel_error(count, value)}"
        if refugees_raw > 0:
            abs_errors = [analysis.abs_error(c, v) for c, v in zip(sim, data)]
            row += ",%s,%s,%s,%s,%s,%s" % (
                float(np.sum(abs_errors)) / float(refugees_raw), int(sum(data)),
                ecosystem.numAgents(), refugees_raw, sum(sim), refugee_debt)
        else:
            row += ",0,0,0,0,0,0"
        print(row)
    total, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(json.dumps({"agent_steps": agent_steps, "evolve_seconds": evolve_seconds, "loop_seconds": total,
                      "cpu_seconds": cpu, "agents_end": ecosystem.numAgents()}),
          file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4])
