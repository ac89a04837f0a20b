"""``ima ingest`` and ``ima demo``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ima.cli.app import app, handle_errors, state_of
from ima.cli.output import console, err_console, outcome_cells, outcome_dict, print_json_line
from ima.domain.document import IngestOutcome, IngestStatus


def _progress() -> Progress:
    return Progress(TextColumn("[bold]Ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    TextColumn("{task.description}"), console=err_console, transient=True,
                    disable=not err_console.is_terminal)


def _run(outcomes_of, as_json: bool) -> list[IngestOutcome]:
    """Drive an ingest iterator with a progress bar; rows stream out as they finish."""
    rows: list[IngestOutcome] = []
    table = Table("id", "title", "date", "pages", "status", title=None, show_lines=False)
    with _progress() as progress:
        task = progress.add_task("", total=None)
        outcomes: Iterator[IngestOutcome] = outcomes_of(lambda n: progress.update(task, total=n))
        try:
            for outcome in outcomes:
                rows.append(outcome)
                progress.update(task, advance=1, description=Path(outcome.path).name[:40])
                if as_json:
                    print_json_line(outcome_dict(outcome))
                else:
                    table.add_row(*outcome_cells(outcome))
        except KeyboardInterrupt:
            progress.stop()
            if not as_json:
                console.print(table)
            err_console.print(f"[yellow]Interrupted after {len(rows)} file(s); each finished file is stored, "
                              "the one in progress was rolled back.[/]")
            raise typer.Exit(130) from None
    if not as_json:
        console.print(table)
    return rows


def _summary(rows: Iterable[IngestOutcome]) -> str:
    counts = Counter(r.status for r in rows)
    parts = [f"{counts[s]} {s.value}" for s in IngestStatus if counts[s]]
    return ", ".join(parts) or "no files"


@app.command()
@handle_errors
def ingest(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (searched recursively): "
                                                     ".pdf, .txt, .md, .xml, .html.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per file on stdout.")] = False,
    max_mb: Annotated[float | None, typer.Option("--max-mb", help="Refuse files larger than this "
                                                                  "(default 50, or IMA_MAX_FILE_MB).")] = None,
) -> None:
    """Ingest documents into the record; prints one row per document.

    Unchanged files are recognised by content hash and left alone; changed files at the
    same path become a new version (the old one is kept). Bad files fail one by one
    with a reason; the exit code is 1 if any file failed.
    """
    from ima.services.ingest import IngestSettings, ingest_paths

    store = state_of(ctx).store()
    settings = IngestSettings.from_env(max_mb)
    rows = _run(lambda on_start: ingest_paths(store, paths, settings, on_start=on_start), as_json)
    if not as_json:
        console.print(_summary(rows))
    if any(r.status is IngestStatus.FAILED for r in rows):
        raise typer.Exit(1)


@app.command()
@handle_errors
def demo(ctx: typer.Context) -> None:
    """Ingest the bundled corpus into the database and run a sample search (the quick start)."""
    from ima.cli.record_commands import print_hits
    from ima.services.demo import DEMO_QUERY, ingest_corpus
    from ima.services.search import search

    state = state_of(ctx)
    store = state.store()
    console.print(f"[bold]ima demo[/]: ingesting the bundled corpus into {store.url_for_display()}")
    rows = _run(lambda on_start: ingest_corpus(store, on_start=on_start), False)
    console.print(_summary(rows))
    console.print(f"\n[bold]Sample search[/]: ima search {DEMO_QUERY}")
    print_hits(search(store, DEMO_QUERY, limit=5))
    if any(r.status is IngestStatus.FAILED for r in rows):
        raise typer.Exit(1)


@app.command()
@handle_errors
def reparse(
    ctx: typer.Context,
    ids: Annotated[list[int] | None, typer.Argument(metavar="[ID]...", help="Documents to reparse "
                                                                           "(default: all current ones).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per document.")] = False,
) -> None:
    """Run the latest pipeline again over stored documents (after an upgrade of ima).

    The stored bytes and versions stay; clean text, passages, metadata and facts are renewed.
    """
    from ima.services.reparse import reparse as run_reparse

    store = state_of(ctx).store()
    table = Table("id", "title", "pages", "status")
    failed = 0
    with _progress() as progress:
        task = progress.add_task("", total=None)
        for row in run_reparse(store, ids or None, on_start=lambda n: progress.update(task, total=n)):
            progress.update(task, advance=1)
            failed += row.error is not None
            status = f"failed: {row.error}" if row.error else "reparsed"
            if as_json:
                print_json_line({"id": row.document_id, "title": row.title, "pages_before": row.pages_before,
                                 "pages": row.pages_after, "status": "failed" if row.error else "reparsed",
                                 "reason": row.error})
            else:
                table.add_row(str(row.document_id), row.title or "", str(row.pages_after or row.pages_before), status)
    if not as_json:
        console.print(table)
    if failed:
        raise typer.Exit(1)
