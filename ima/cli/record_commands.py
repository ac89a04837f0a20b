"""``ima docs``, ``ima show``, ``ima export`` and ``ima search``."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from ima.cli.app import app, handle_errors, state_of
from ima.cli.output import console, marked, print_json_line


def _plain(value) -> str:
    """An enum's value, anything else as text (``DocumentKind.LETTER`` → ``letter``)."""
    return str(getattr(value, "value", value) if value is not None else "")


def summary_dict(doc) -> dict:
    """The JSON row of a document in a listing."""
    return {"id": doc.id, "title": doc.title, "date": doc.date.isoformat() if doc.date else None,
            "kind": _plain(doc.kind) or None, "pages": doc.pages, "version": doc.version, "current": doc.is_current,
            "source": doc.source, "encoding": doc.encoding, "format": doc.format, "content_hash": doc.content_hash}


@app.command()
@handle_errors
def docs(
    ctx: typer.Context,
    all_versions: Annotated[bool, typer.Option("--all-versions", help="Include superseded versions.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per document.")] = False,
) -> None:
    """List the documents in the record."""
    from ima.services.documents import list_documents

    rows = list_documents(state_of(ctx).store(), all_versions=all_versions)
    if as_json:
        for doc in rows:
            print_json_line(summary_dict(doc))
        return
    table = Table("id", "date", "kind", "title", "pages", "version")
    table.columns[3].overflow = "fold"
    for doc in rows:
        version = f"{doc.version}" + ("" if doc.is_current else " (old)")
        table.add_row(str(doc.id), doc.date.isoformat() if doc.date else "", _plain(doc.kind),
                      escape(doc.title or doc.source), str(doc.pages), version)
    console.print(table)
    console.print(f"{len(rows)} document(s)")


@app.command()
@handle_errors
def show(
    ctx: typer.Context,
    document_id: Annotated[int, typer.Argument(metavar="ID", help="Document id (see `ima docs`).")],
    page: Annotated[int | None, typer.Option("--page", "-p", help="Only this page.")] = None,
    raw: Annotated[bool, typer.Option("--raw", help="The untouched extraction instead of the clean text.")] = False,
    stage: Annotated[str | None, typer.Option("--stage", help="The text after one pipeline stage "
                                                              "(see `ima show ID --stages`).")] = None,
    stages: Annotated[bool, typer.Option("--stages", help="List the pipeline stages and what each did.")] = False,
    changes: Annotated[bool, typer.Option("--changes", help="List every correction the repair stages made.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="A JSON object instead of plain text.")] = False,
) -> None:
    """Print a document's clean text (or raw extraction, or one stage's output, or the change log)."""
    from ima.services.documents import get_document, page_text

    doc = get_document(state_of(ctx).store(), document_id)
    if changes:
        _print_changes(doc, as_json)
        return
    if as_json:
        if stages:
            for report in doc.stages:
                print_json_line({"document_id": doc.summary.id, "stage": report.name, "details": report.details})
            return
        if stage is not None:
            found = {s.name: s for s in doc.stages}
            if stage not in found:
                raise ValueError(f"no stage {stage!r}; stages: {', '.join(found)}")
            print_json_line({"document_id": doc.summary.id, "stage": stage, "text": found[stage].text,
                             "details": found[stage].details})
            return
        print_json_line({"document_id": doc.summary.id, "page": page, "raw": raw,
                         "text": page_text(doc, page, raw=raw)})
        return
    if stages:
        table = Table("stage", "what it did")
        for report in doc.stages:
            table.add_row(report.name, escape(", ".join(f"{k}={v}" for k, v in report.details.items()
                                                         if not isinstance(v, (list, dict)))))
        console.print(table)
        return
    if stage is not None:
        found = {s.name: s for s in doc.stages}
        if stage not in found:
            raise ValueError(f"no stage {stage!r}; stages: {', '.join(found)}")
        sys.stdout.write(found[stage].text + "\n")
        return
    sys.stdout.write(page_text(doc, page, raw=raw).rstrip("\n") + "\n")


def _print_changes(doc, as_json: bool) -> None:
    from ima.services.export import corrections

    rows = corrections(doc)
    if as_json:
        for row in rows:
            print_json_line({"document_id": doc.summary.id, **row})
        return
    table = Table("stage", "page", "before", "after", "reason")
    for row in rows:
        table.add_row(str(row.get("stage", "")), str(row.get("page", "")), escape(str(row.get("before", ""))),
                      escape(str(row.get("after", ""))), escape(str(row.get("reason", ""))))
    console.print(table)
    console.print(f"{len(rows)} change(s)")


@app.command()
@handle_errors
def export(
    ctx: typer.Context,
    document_id: Annotated[int, typer.Argument(metavar="ID", help="Document id (see `ima docs`).")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="text, markdown or json.")] = "text",
    lang: Annotated[str, typer.Option("--lang", help="Language of headings and notes: nl or en.")] = "nl",
) -> None:
    """Write the clean document to stdout as text, Markdown or JSON (with raw offsets).

    Says which pages the file holds (of how many), and lists the changes ima made.
    """
    from ima.services.documents import get_document
    from ima.services.export import EXPORT_FORMATS, LANGUAGES, export_document

    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(EXPORT_FORMATS)}")
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: choose one of {', '.join(LANGUAGES)}")
    sys.stdout.write(export_document(get_document(state_of(ctx).store(), document_id), fmt, lang))


def hit_dict(hit) -> dict:
    """The JSON row of a search hit."""
    return {"document_id": hit.document_id, "title": hit.title, "date": hit.date.isoformat() if hit.date else None,
            "page": hit.page, "page_estimated": hit.page_estimated, "passage": hit.passage_seq,
            "score": hit.score, "snippet": hit.snippet, "text": hit.text,
            "raw_start": hit.raw_start, "raw_end": hit.raw_end}


def print_hits(hits) -> None:
    """Search hits as a readable list: document, page, date, highlighted snippet."""
    if not hits:
        console.print("No hits.")
        return
    for n, hit in enumerate(hits, 1):
        page = f"p. {hit.page}{' (geschat)' if hit.page_estimated else ''}"
        date = hit.date.isoformat() if hit.date else "datum onbekend"
        console.print(f"[bold]{n}.[/] [cyan]#{hit.document_id}[/] {escape(hit.title or '')} · {page} · {date}")
        console.print(f"   {marked(hit.snippet)}\n")


@app.command("search")
@handle_errors
def search_command(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help='Words (all must match), "a phrase", OR, -excluded.')],
    limit: Annotated[int, typer.Option("--limit", "-n", help="Number of hits.")] = 10,
    kind: Annotated[str | None, typer.Option("--kind", help="letter, parliamentary_paper or other.")] = None,
    country: Annotated[str | None, typer.Option("--country", "-c", help="Only passages naming this "
                                                                          "country/region (MAR, Marokko).")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Documents dated on/after (2020-01-01 or 2020).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Documents dated on/before.")] = None,
    document: Annotated[int | None, typer.Option("--document", "-d", help="Only this document id.")] = None,
    pillar: Annotated[int | None, typer.Option("--pillar", help="Only passages about pillar 1–6.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per hit.")] = False,
) -> None:
    """Full-text search (Dutch stemming, accents ignored); hits with page and date."""
    from ima.services.search import make_filters, search

    filters = make_filters(kind=kind, country=country, date_from=date_from, date_to=date_to, document_id=document,
                           pillar=pillar)
    hits = search(state_of(ctx).store(), query, limit=limit, filters=filters)
    if as_json:
        for hit in hits:
            print_json_line(hit_dict(hit))
        return
    print_hits(hits)
