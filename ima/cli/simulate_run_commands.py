"""``ima simulate run``, ``compare``, ``ensemble``, ``sensitivity``: route scenarios with policy levers."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ima.cli.app import handle_errors
from ima.cli.output import console, err_console, print_json_line
from ima.cli.simulate_app import simulate_app

HEAD = {
    "nl": {"series": "binnenkomst", "route": "route", "simulated": "gesimuleerd", "band": "95%-band",
           "observed": "waargenomen", "destination": "bestemming", "people": "personen", "a": "A", "b": "B",
           "difference": "verschil B − A", "relative": "relatief", "files": "bestanden in",
           "param": "parameter", "output": "uitkomst", "mu_star": "μ*", "sigma": "σ", "S1": "S1", "ST": "ST"},
    "en": {"series": "entry", "route": "route", "simulated": "simulated", "band": "95% band",
           "observed": "observed", "destination": "destination", "people": "people", "a": "A", "b": "B",
           "difference": "difference B − A", "relative": "relative", "files": "files in",
           "param": "parameter", "output": "output", "mu_star": "μ*", "sigma": "σ", "S1": "S1", "ST": "ST"},
}

Seeds = Annotated[int, typer.Option("--seeds", "-n", help="Number of seeds (runs).")]
Workers = Annotated[int | None, typer.Option("--workers", "-w", help="Processes of the local pool (default: all cores).")]
RayAddress = Annotated[str | None, typer.Option("--ray", help="Run on a Ray cluster at ADDRESS ('auto', "
                                                             "'ray://host:10001', or 'local' for a local instance).")]
Lang = Annotated[str, typer.Option("--lang", help="Language of the table and plot: nl or en.")]
AsJson = Annotated[bool, typer.Option("--json", help="One JSON object per row.")]


def _lang(lang: str) -> dict:
    if lang not in HEAD:
        raise ValueError("--lang must be nl or en")
    return HEAD[lang]


def _progress(total: int, label: str) -> Progress:
    return Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err_console, transient=True)


def _num(x, lang: str = "nl") -> str:
    if x is None:
        return ""
    text = f"{x:,.0f}"
    return text.replace(",", ".") if lang == "nl" else text


@simulate_app.command("run")
@handle_errors
def run(
    scenario: Annotated[str, typer.Argument(help="Scenario YAML, or a shipped scenario's name (routes_to_europe).")],
    seeds: Seeds = 10,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Folder for the tables (Parquet and CSV) "
                                                                 "and the plot. Default: runs/<scenario>.")] = None,
    workers: Workers = None,
    ray: RayAddress = None,
    lang: Lang = "nl",
    as_json: AsJson = False,
) -> None:
    """Run a route scenario over seeds: daily counts per location, flows per link, arrivals, a plot."""
    from ima.services.simulation_runs import run_scenario

    h = _lang(lang)
    with _progress(seeds, "runs") as bar:
        task = bar.add_task("runs", total=seeds)
        outcome = run_scenario(scenario, seeds, out or Path("runs") / Path(scenario).stem, workers=workers,
                               ray_address=ray, lang=lang, on_done=lambda n: bar.advance(task, n))
    if as_json:
        for row in outcome.series:
            print_json_line({"scenario": outcome.scenario, **row})
        return
    table = Table(h["series"], h["route"], h["simulated"], h["band"], h["observed"],
                  title=f"{outcome.title} — {len(outcome.seeds)} seeds")
    for r in outcome.series:
        table.add_row(r["series"], r["route"], _num(r["simulated"], lang),
                      f"{_num(r['low'], lang)}–{_num(r['high'], lang)}", _num(r["observed"], lang))
    console.print(table)
    dest = Table(h["destination"], h["people"], h["band"])
    for r in outcome.destinations:
        dest.add_row(r["destination"], _num(r["people"], lang), f"{_num(r['low'], lang)}–{_num(r['high'], lang)}")
    console.print(dest)
    if outcome.files:
        console.print(f"{h['files']} {outcome.files[0].parent}: " + ", ".join(f.name for f in outcome.files))


@simulate_app.command("compare")
@handle_errors
def compare(
    a: Annotated[str, typer.Argument(help="Scenario A (the reference).")],
    b: Annotated[str, typer.Argument(help="Scenario B (with the change).")],
    seeds: Seeds = 10,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Folder for the comparison table and plot.")] = None,
    workers: Workers = None,
    ray: RayAddress = None,
    lang: Lang = "nl",
    as_json: AsJson = False,
) -> None:
    """Difference B − A in arrivals per entry, with a 95% confidence band across seeds."""
    from ima.services.simulation_runs import compare_scenarios

    h = _lang(lang)
    with _progress(2 * seeds, "runs") as bar:
        task = bar.add_task("runs", total=2 * seeds)
        outcome = compare_scenarios(a, b, seeds, out, workers=workers, ray_address=ray, lang=lang,
                                    on_done=lambda n: bar.advance(task, n))
    if as_json:
        for row in outcome.rows:
            print_json_line({"a": outcome.a, "b": outcome.b, **row})
        return
    table = Table(h["series"], h["route"], h["a"], h["b"], h["difference"], h["band"], h["relative"],
                  title=f"{outcome.a} → {outcome.b} — {len(outcome.seeds)} seeds")
    for r in outcome.rows:
        rel = "" if r["relative"] is None else f"{100 * r['relative']:+.1f}%"
        table.add_row(r["series"], r["route"], _num(r["a"], lang), _num(r["b"], lang), _num(r["difference"], lang),
                      f"{_num(r['low'], lang)}–{_num(r['high'], lang)}", rel)
    console.print(table)
    if outcome.files:
        console.print(f"{h['files']} {outcome.files[0].parent}: " + ", ".join(f.name for f in outcome.files))


def _grid(items: list[str]) -> dict[str, list[float]]:
    grid = {}
    for item in items:
        name, sep, values = item.partition("=")
        if not sep or not values:
            raise ValueError(f"--grid {item!r}: write NAME=V1,V2,...")
        try:
            grid[name.strip()] = [float(v) for v in values.split(",")]
        except ValueError:
            raise ValueError(f"--grid {item!r}: values must be numbers") from None
    return grid


def _params(text: str) -> tuple[list[str], dict[str, tuple[float, float]]]:
    names, bounds = [], {}
    for item in filter(None, (x.strip() for x in text.split(","))):
        name, sep, span = item.partition("=")
        names.append(name)
        if sep:
            lo, colon, hi = span.partition(":")
            try:
                bounds[name] = (float(lo), float(hi))
            except ValueError:
                raise ValueError(f"--params {item!r}: write NAME or NAME=LOW:HIGH") from None
    return names, bounds


@simulate_app.command("ensemble")
@handle_errors
def ensemble(
    scenario: Annotated[str, typer.Argument(help="Scenario YAML, or a shipped scenario's name.")],
    seeds: Seeds = 10,
    grid: Annotated[list[str] | None, typer.Option("--grid", "-g", help="A parameter and its values, "
                                                                        "NAME=V1,V2 (repeat for a grid).")] = None,
    reporter: Annotated[str, typer.Option("--reporter", help="arrivals (monthly per entry), destinations "
                                                             "(final counts), locations or links (daily).")] = "arrivals",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write the rows as Parquet and CSV here "
                                                                 "(ensemble.parquet, ensemble.csv.gz).")] = None,
    workers: Workers = None,
    ray: RayAddress = None,
    as_json: AsJson = False,
) -> None:
    """Seeds × a parameter grid on the local process pool (or Ray): one tidy table of rows."""
    from ima.services.simulation_runs import run_grid

    runs_total = seeds * max(1, _grid_size(_grid(grid or [])))
    with _progress(runs_total, "runs") as bar:
        task = bar.add_task("runs", total=runs_total)
        rows, files = run_grid(scenario, seeds, _grid(grid or []), reporter, out, workers=workers, ray_address=ray,
                               on_done=lambda n: bar.advance(task, n))
    if as_json:
        for row in rows.to_dict(orient="records"):
            print_json_line(row)
        return
    console.print(f"{len(rows)} rows from {runs_total} runs" + (f"; files in {files[0].parent}" if files else ""))
    console.print(rows.head(20).to_string(index=False))


def _grid_size(grid: dict[str, list[float]]) -> int:
    size = 1
    for values in grid.values():
        size *= len(values)
    return size


@simulate_app.command("sensitivity")
@handle_errors
def sensitivity(
    scenario: Annotated[str, typer.Argument(help="Scenario YAML, or a shipped scenario's name.")],
    params: Annotated[str, typer.Option("--params", "-p", help="Parameters, comma-separated: NAME or "
                                                               "NAME=LOW:HIGH (default ±50%).")],
    method: Annotated[str, typer.Option("--method", "-m", help="morris or sobol.")] = "morris",
    samples: Annotated[int, typer.Option("--samples", "-s", help="Morris trajectories, or Sobol base samples.")] = 10,
    seeds: Annotated[int, typer.Option("--seeds", "-n", help="Seeds per sample point (averaged).")] = 1,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write the indices as CSV here.")] = None,
    workers: Workers = None,
    ray: RayAddress = None,
    lang: Lang = "nl",
    as_json: AsJson = False,
) -> None:
    """Morris or Sobol indices (SALib) of arrivals per entry for the named parameters."""
    from ima.simulate.sensitivity import sensitivity as analyse

    h = _lang(lang)
    names, bounds = _params(params)
    if samples < 1 or seeds < 1:
        raise ValueError("--samples and --seeds must be at least 1")
    with _progress(1, "runs") as bar:
        task = bar.add_task("runs", total=None)
        table = analyse(scenario, method, names, samples, seeds=list(range(1, seeds + 1)), bounds=bounds,
                        workers=workers, ray_address=ray, on_done=lambda n: bar.advance(task, n),
                        on_total=lambda n: bar.update(task, total=n))
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        table.to_csv(out, index=False)
    if as_json:
        for row in table.to_dict(orient="records"):
            print_json_line(row)
        return
    cols = ["mu_star", "sigma"] if method == "morris" else ["S1", "ST"]
    t = Table(h["output"], h["param"], *(h[c] for c in cols), title=f"{method} — {scenario}")
    for r in table.to_dict(orient="records"):
        t.add_row(r["output"], r["parameter"], *(f"{r[c]:.3g}" for c in cols))
    console.print(t)


