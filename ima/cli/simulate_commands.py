"""``ima simulate flee`` and ``ima simulate score``: Flee 3.1-compatible runs and their validation score."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from ima.cli.app import handle_errors
from ima.cli.output import console, err_console
from ima.cli.simulate_app import simulate_app

LABELS = {
    "nl": {"title": "Gemiddeld relatief verschil (ARD)", "normal": "normaal", "rescaled": "herschaald",
           "days": "dagen"},
    "en": {"title": "Averaged relative difference (ARD)", "normal": "normal", "rescaled": "rescaled",
           "days": "days"},
}


@simulate_app.command("flee")
@handle_errors
def flee_command(
    input_dir: Annotated[Path, typer.Argument(help="Flee input_csv directory (locations.csv, routes.csv, ...).")],
    source_dir: Annotated[Path, typer.Argument(help="Flee source_data directory (data_layout.csv and series).")],
    days: Annotated[int, typer.Argument(help="Days to simulate; 0 = the scenario's own period.")],
    settings: Annotated[Path, typer.Argument(help="Flee simsetting.yml.")],
    seed: Annotated[int, typer.Option("--seed", help="Random seed (same seed, same output).")] = 0,
    threads: Annotated[int | None, typer.Option("--threads", help="Threads for large runs (default: all cores).")] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write out.csv here instead of stdout.")] = None,
) -> None:
    """Run a Flee 3.1 scenario with ima's engine and print Flee's out.csv (same columns and format)."""
    from ima.services.simulation import FleeRun

    if days < 0:
        raise ValueError("DAYS must be 0 (the scenario's period) or positive")
    run = FleeRun(input_dir, source_dir, days, settings, seed=seed, threads=threads)
    handle = out.open("w", encoding="utf-8") if out else sys.stdout
    progress = Progress(TextColumn("simulating"), BarColumn(), TextColumn("{task.completed}/{task.total} days"),
                        TimeRemainingColumn(), console=err_console, transient=True,
                        disable=not err_console.is_terminal)
    try:
        with progress:
            task = progress.add_task("days", total=run.days)
            for number, line in enumerate(run.lines()):
                handle.write(line + "\n")
                if number:
                    progress.advance(task)
    finally:
        if out:
            handle.close()


@simulate_app.command("score")
@handle_errors
def score_command(
    out_csv: Annotated[Path, typer.Argument(help="A Flee-format out.csv (from Flee or ima simulate flee).")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object.")] = False,
    lang: Annotated[str, typer.Option("--lang", help="nl or en.")] = "nl",
) -> None:
    """The averaged relative difference of an out.csv, normal and rescaled, as Flee's own script computes it."""
    from ima.services.simulation import score_out_csv

    if lang not in LABELS:
        raise ValueError("--lang must be nl or en")
    score = score_out_csv(out_csv)
    if as_json:
        sys.stdout.write(json.dumps({"file": str(out_csv), "normal": score.normal, "rescaled": score.rescaled,
                                     "days": score.days}) + "\n")
        return
    words = LABELS[lang]
    table = Table(title=words["title"])
    for column in (words["normal"], words["rescaled"], words["days"]):
        table.add_column(column, justify="right")
    table.add_row(f"{score.normal:.4f}", f"{score.rescaled:.4f}", str(score.days))
    console.print(table)
