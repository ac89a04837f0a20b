"""``ima audit``: the trail of changes to curated data (programmes, dossiers, catalogue, risks), listed and exported."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from ima.cli.app import app, handle_errors, state_of
from ima.cli.output import console, print_json_line

audit_app = typer.Typer(help="The audit trail: who changed which curated data when, from what to what.")
app.add_typer(audit_app, name="audit")

Entity = Annotated[str | None, typer.Option("--entity", help="Only this kind (programme, risk, instrument, …).")]
Key = Annotated[str | None, typer.Option("--key", help="Only this entity key (e.g. eutf:T05-EUTF-NOA-MA-07).")]
Since = Annotated[str | None, typer.Option("--since", help="Only changes on or after this date (YYYY-MM-DD).")]
Actor = Annotated[str | None, typer.Option("--actor", help="Only changes by this person.")]


@audit_app.callback(invoke_without_command=True)
@handle_errors
def audit(
    ctx: typer.Context,
    entity: Entity = None,
    key: Key = None,
    since: Since = None,
    actor: Actor = None,
    limit: Annotated[int | None, typer.Option("--limit", "-n", help="At most this many changes.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per change (with before and after).")] = False,
) -> None:
    """List recorded changes, oldest first: when, who, what, which fields."""
    if ctx.invoked_subcommand:
        return
    from ima.services.audit import change_dict, list_changes

    changes = list_changes(state_of(ctx).store(), entity_kind=entity, entity_key=key, since=since, actor=actor,
                           limit=limit)
    if as_json:
        for change in changes:
            print_json_line(change_dict(change))
        return
    table = Table("id", "when (UTC)", "who", "action", "entity", "fields", "note")
    for c in changes:
        fields = c.changed_fields()
        table.add_row(str(c.id), c.at.strftime("%Y-%m-%d %H:%M:%S"), escape(c.actor), c.action,
                      escape(f"{c.entity_kind} {c.entity_key}"),
                      escape(", ".join(fields[:6]) + (" …" if len(fields) > 6 else "")), escape(c.note or ""))
    console.print(table)
    console.print(f"{len(changes)} change(s)")


@audit_app.command("export")
@handle_errors
def export(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv or json.")] = "json",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file (default: stdout).")] = None,
    entity: Entity = None,
    key: Key = None,
    since: Since = None,
    actor: Actor = None,
) -> None:
    """Export the audit trail (every field, before and after as JSON) as CSV or JSON."""
    from ima.services.audit import export_changes

    text = export_changes(state_of(ctx).store(), fmt, entity_kind=entity, entity_key=key, since=since, actor=actor)
    if output is None:
        typer.echo(text, nl=False)
        return
    output.write_text(text, encoding="utf-8")
    console.print(f"audit trail written to {escape(str(output))}", style="dim")
