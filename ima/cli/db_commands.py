"""``ima db``: schema migrations."""

from __future__ import annotations

from typing import Annotated

import typer

from ima.cli.app import db_app, handle_errors, state_of
from ima.cli.output import console, print_json_line


@db_app.command("upgrade")
@handle_errors
def upgrade(ctx: typer.Context) -> None:
    """Apply all schema migrations (also done automatically on first use)."""
    store = state_of(ctx).store()
    store.upgrade()
    console.print(f"Database at revision [bold]{store.revision()}[/] ({store.url_for_display()})")


@db_app.command("status")
@handle_errors
def status(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="A JSON object instead of text.")] = False,
) -> None:
    """Show the database URL, schema revision and row counts."""
    store = state_of(ctx).store()
    if as_json:
        print_json_line({"database": store.url_for_display(), "revision": store.revision(), "rows": store.counts()})
        return
    console.print(f"Database: {store.url_for_display()}")
    console.print(f"Revision: {store.revision()}")
    for table, count in store.counts().items():
        console.print(f"  {table}: {count}")
