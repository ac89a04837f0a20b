"""Rendering for the terminal: rich tables for people, JSON lines for scripts."""

from __future__ import annotations

import json
import sys
from typing import Any

from rich.console import Console
from rich.markup import escape

from ima.domain.document import IngestOutcome, IngestStatus

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)

STATUS_STYLE = {
    IngestStatus.NEW: "green",
    IngestStatus.NEW_VERSION: "cyan",
    IngestStatus.UNCHANGED: "dim",
    IngestStatus.FAILED: "bold red",
}


def print_json_line(data: dict[str, Any]) -> None:
    """One JSON object on one line on stdout (flushed, so pipes see rows as they come)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, default=str) + "\n")
    sys.stdout.flush()


def outcome_dict(outcome: IngestOutcome) -> dict[str, Any]:
    """The JSON row of one ingested file."""
    return {"id": outcome.document_id, "path": outcome.path, "title": outcome.title, "date": outcome.date,
            "pages": outcome.pages, "status": outcome.status.value, "reason": outcome.reason,
            "encoding": outcome.encoding, "version": outcome.version}


def outcome_cells(outcome: IngestOutcome) -> list[str]:
    """The table cells of one ingested file."""
    style = STATUS_STYLE[outcome.status]
    status = f"[{style}]{outcome.status.value}[/]"
    if outcome.reason:
        status += f": {escape(outcome.reason)}"
    title = escape(outcome.title or "") if outcome.status is not IngestStatus.FAILED else escape(outcome.path)
    return [str(outcome.document_id or ""), title, outcome.date or "", str(outcome.pages or ""), status]


def error(message: str) -> None:
    """A one-line error for a person, on stderr."""
    err_console.print(f"[bold red]Error:[/] {escape(message)}")


def marked(snippet: str) -> str:
    """Rich markup for a snippet whose matches are wrapped in the store's markers."""
    from ima.store.textsearch import MARK_END, MARK_START

    text = escape(snippet)
    return text.replace(escape(MARK_START), "[bold yellow]").replace(escape(MARK_END), "[/]")
