"""``ima report``: the yearly progress report to parliament, per pillar, as HTML or PDF."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from ima.cli.app import app, handle_errors, state_of
from ima.cli.output import console, err_console, print_json_line

_STEPS = {"record": "reading the record", "pillars": "gathering the pillars", "countries": "focus countries",
          "render": "rendering"}


@app.command()
@handle_errors
def report(
    ctx: typer.Context,
    year: Annotated[int, typer.Option("--year", "-y", help="The calendar year: documents dated in it are reported.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="html (standalone page) or pdf (WeasyPrint).")] = "html",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write ('-' for stdout, html only). "
                                                "Default: voortgangsrapportage-YEAR.FORMAT "
                                                "(progress-report-YEAR-en.FORMAT in English).")] = None,
    lang: Annotated[str, typer.Option("--lang", help="nl (default) or en.")] = "nl",
    quotes: Annotated[int, typer.Option("--quotes", help="Passages quoted per pillar at most.")] = 8,
    countries: Annotated[int, typer.Option("--countries", help="Focus countries in annex A.")] = 5,
    link_base: Annotated[str | None, typer.Option("--link-base", help="Address of an ima web app "
                                                  "(http://host:port): sources then also link to it.")] = None,
    date: Annotated[str | None, typer.Option("--date", help="Date on the title page, YYYY-MM-DD "
                                             "(default: today; fixed for reproducible examples).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print what was written as one JSON object.")] = False,
) -> None:
    """The yearly progress report per pillar: passages with sources, figures, countries, motions,
    commitments and focus-country annexes, with contents and footnotes."""
    from ima.services.report import FORMATS, build_year_report, default_output, render_report, write_report

    if fmt not in FORMATS:
        raise ValueError(f"--format must be html or pdf, not {fmt!r}")
    try:
        today = dt.date.fromisoformat(date) if date else None
    except ValueError:
        raise ValueError(f"--date must be YYYY-MM-DD, not {date!r}") from None
    if str(output) == "-" and fmt == "pdf":
        raise ValueError("a PDF cannot go to the terminal: give --output FILE")
    progress = Progress(SpinnerColumn(), TextColumn("[bold]Report {task.description}"), TimeElapsedColumn(),
                        console=err_console, transient=True, disable=not err_console.is_terminal)
    with progress:
        task = progress.add_task(str(year), total=None)

        def step(name: str) -> None:
            progress.update(task, description=f"{year}: {_STEPS.get(name, name)}")

        built = build_year_report(state_of(ctx).store(), year, lang, max_quotes=quotes, focus_count=countries,
                                  link_base=link_base, today=today, progress=step)
        step("render")
        if str(output) == "-":
            sys.stdout.write(render_report(built, fmt).decode("utf-8"))
            return
        target = output or default_output(year, lang, fmt)
        size = write_report(built, fmt, target)
    summary = {"path": str(target), "format": fmt, "lang": lang, "year": year, "bytes": size,
               "documents": [d.id for d in built.documents], "passages": built.passages_total,
               "quotes": sum(len(s.quotes) for s in built.sections) + sum(len(a.quotes) for a in built.annexes),
               "figures": sum(len(s.figures) for s in built.sections), "motions": len(built.motions),
               "commitments": len(built.commitments), "focus_countries": [a.code for a in built.annexes],
               "focus_basis": built.focus_basis}
    if as_json:
        print_json_line(summary)
        return
    console.print(f"[green]Wrote[/] {escape(str(target))} ({size:,} bytes): {len(built.documents)} document(s) of {year}, "
                  f"{summary['quotes']} quotes, {summary['figures']} figures, {len(built.motions)} motion(s), "
                  f"{len(built.commitments)} commitment(s); annex: {', '.join(summary['focus_countries']) or '-'}",
                  soft_wrap=True)  # a path folded over two lines cannot be copied
