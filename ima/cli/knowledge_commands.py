"""``ima facts`` and ``ima country``: what the record says, with the page it says it on."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from ima.cli.app import app, handle_errors, state_of
from ima.cli.output import console, print_json_line


def fact_dict(f) -> dict:
    """The JSON row of a fact."""
    return {"document_id": f.document_id, "title": f.title, "date": f.date.isoformat() if f.date else None,
            "page": f.page, "page_estimated": f.page_estimated, "passage": f.passage_seq, "kind": f.kind,
            "key": f.key, "value": f.value, "low": f.low, "high": f.high, "unit": f.unit,
            "qualifier": f.qualifier, "period": f.period, "text": f.text, "start": f.start, "end": f.end,
            "sentence": _sentence(f.passage, f.start, f.end)}


def _sentence(passage: str, start: int, end: int) -> str:
    """The sentence of the passage that holds the span (what a user cites)."""
    left = max(passage.rfind(". ", 0, start), passage.rfind("? ", 0, start), passage.rfind("; ", 0, start))
    right_candidates = [i for i in (passage.find(". ", end), passage.find("? ", end)) if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(passage)
    return passage[left + 2 if left != -1 else 0:right].strip()


def _value(f) -> str:
    if f.value is None:
        return ""
    number = f"{f.value:,.0f}".replace(",", ".") if float(f.value).is_integer() else f"{f.value:g}"
    if f.kind == "percent":
        number += "%"
    if f.low is not None and f.high is not None:
        number = f"{f.low:,.0f}–{f.high:,.0f}".replace(",", ".")
    return " ".join(x for x in (f.qualifier, number, f.unit, f.period) if x)


@app.command()
@handle_errors
def facts(
    ctx: typer.Context,
    country: Annotated[str | None, typer.Option("--country", "-c", help="Only figures in passages about this "
                                                                          "country/region (MAR, Marokko, sahel).")] = None,
    kind: Annotated[str | None, typer.Option("--kind", "-k", help="money, count, percent, figures (default), "
                                                                  "country, organisation or date.")] = None,
    document: Annotated[int | None, typer.Option("--document", "-d", help="Only this document id.")] = None,
    pillar: Annotated[int | None, typer.Option("--pillar", help="Only in passages about pillar 1–6.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most this many rows.")] = 100,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per fact.")] = False,
) -> None:
    """Figures and entities found in the record, each with its document, page and sentence."""
    from ima.services.knowledge import list_facts

    rows = list_facts(state_of(ctx).store(), kind=kind, country=country, document_id=document, pillar=pillar,
                      limit=limit)
    if as_json:
        for f in rows:
            print_json_line(fact_dict(f))
        return
    table = Table("doc", "date", "p.", "kind", "value", "as written", "sentence")
    table.columns[6].overflow = "fold"
    for f in rows:
        table.add_row(str(f.document_id), f.date.isoformat() if f.date else "",
                      f"{f.page}{'~' if f.page_estimated else ''}", f.kind, escape(_value(f) or (f.key or "")),
                      escape(f.text), escape(_sentence(f.passage, f.start, f.end)[:300]))
    console.print(table)
    console.print(f"{len(rows)} fact(s)" + (" (~ = estimated page)" if any(f.page_estimated for f in rows) else ""))


@app.command()
@handle_errors
def country(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(metavar="ISO", help="ISO 3166 code (MAR), name (Marokko) or region id.")],
    year: Annotated[int | None, typer.Option("--year", "-y", help="Figures up to this year (default: latest).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line: indicators, routes, rank, "
                                                         "passages (field 'section').")] = False,
    lang: Annotated[str, typer.Option("--lang", help="Language of labels: nl (default) or en.")] = "nl",
) -> None:
    """A country's dossier: key figures with trends and sources, its routes, its focus rank, and every
    passage of the record about it (regions: the passages)."""
    from ima.cli.dossier_output import (indicator_dict, refugee_pair_dict, render_indicators, render_rank,
                                        render_refugee_pairs, render_routes, route_dict)
    from ima.services.country_profile import country_profile
    from ima.services.ranking import check_lang, country_name

    check_lang(lang)
    profile = country_profile(state_of(ctx).store(), code, year)
    place, documents = profile.place, profile.documents
    name = country_name(place.code, lang) if place.kind == "country" else place.name
    if as_json:
        head = {"code": place.code, "name": name}
        for line in profile.indicators:
            print_json_line({**head, **indicator_dict(line, lang)})
        for use in profile.routes:
            print_json_line({**head, **route_dict(use, lang)})
        for section, pairs in (("refugee_host", profile.refugee_hosts), ("refugee_origin", profile.refugee_origins)):
            for pair in pairs:
                print_json_line({**head, **refugee_pair_dict(pair, section)})
        if profile.rank is not None:
            print_json_line({**head, "section": "rank", "rank": profile.rank.rank, "of": profile.ranked_of,
                             "score": profile.rank.score, "year": profile.rank_year,
                             "contributions": {p.criterion: p.contribution for p in profile.rank.contributions}})
        for doc in documents:
            for p in doc.passages:
                print_json_line({**head, "section": "passage", "document_id": doc.document_id,
                                 "title": doc.title, "date": doc.date.isoformat() if doc.date else None,
                                 "page": p.page, "page_estimated": p.page_estimated, "passage": p.passage_seq,
                                 "pillars": p.pillars, "names": p.names, "text": p.text,
                                 "figures": [fact_dict(f) for f in p.figures]})
        return
    total = sum(len(d.passages) for d in documents)
    console.print(f"[bold]{escape(name)}[/] ({place.code})")
    if place.kind == "country":
        render_indicators(profile, lang)
        render_routes(profile, lang)
        render_refugee_pairs(profile, lang)
        render_rank(profile, lang)
    console.print(f"\n{total} passage(s) in {len(documents)} document(s)")
    for doc in documents:
        date = doc.date.isoformat() if doc.date else "datum onbekend"
        console.print(f"\n[bold cyan]#{doc.document_id}[/] {escape(doc.title or '')} · {date}")
        for p in doc.passages:
            page = f"p. {p.page}{' (geschat)' if p.page_estimated else ''}"
            tags = " ".join(f"[magenta]pijler {n}[/]" for n in p.pillars) or "[dim]geen pijler[/]"
            console.print(f"  [bold]{page}[/] {tags} {escape(p.text[:400])}{'…' if len(p.text) > 400 else ''}")
            for f in p.figures:
                console.print(f"      [yellow]{escape(f.kind)}[/] {escape(_value(f))} — «{escape(f.text)}»")


def _listing(ctx: typer.Context, kind: str, document: int | None, limit: int):
    from ima.services.knowledge import list_facts

    return list_facts(state_of(ctx).store(), kind=kind, document_id=document, limit=limit)


@app.command()
@handle_errors
def motions(
    ctx: typer.Context,
    document: Annotated[int | None, typer.Option("--document", "-d", help="Only this document id.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most this many rows.")] = 500,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per motion mention.")] = False,
) -> None:
    """Motions (moties) the record mentions: name, submitters, citation, status, where."""
    rows = _listing(ctx, "motion", document, limit)
    if as_json:
        for f in rows:
            print_json_line({**fact_dict(f), **{k: f.payload.get(k) for k in
                                                ("name", "submitters", "identifier", "status", "subject")}})
        return
    table = Table("doc", "date", "p.", "motie", "indieners", "Kamerstuk", "status", "over")
    for f in rows:
        p = f.payload
        table.add_row(str(f.document_id), f.date.isoformat() if f.date else "", str(f.page), escape(p.get("name") or f.text),
                      escape(", ".join(p.get("submitters") or [])), f.key or "", p.get("status") or "",
                      escape((p.get("subject") or "")[:120]))
    console.print(table)
    console.print(f"{len(rows)} motion mention(s)")


@app.command()
@handle_errors
def commitments(
    ctx: typer.Context,
    document: Annotated[int | None, typer.Option("--document", "-d", help="Only this document id.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most this many rows.")] = 500,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per commitment.")] = False,
) -> None:
    """Commitments to parliament (toezeggingen): what was promised, when it is due, where it was said."""
    rows = _listing(ctx, "commitment", document, limit)
    if as_json:
        for f in rows:
            print_json_line({**fact_dict(f), "commitment": f.payload.get("kind"), "status": f.payload.get("status"),
                             "due": f.payload.get("due"), "due_text": f.payload.get("due_text"),
                             "due_relation": f.payload.get("due_relation")})
        return
    table = Table("doc", "date", "p.", "soort", "status", "wanneer", "toezegging")
    table.columns[6].overflow = "fold"
    for f in rows:
        p = f.payload
        due = " ".join(x for x in (p.get("due_relation"), p.get("due") or p.get("due_text")) if x)
        table.add_row(str(f.document_id), f.date.isoformat() if f.date else "", str(f.page), p.get("kind") or "",
                      p.get("status") or "", escape(due), escape(f.text))
    console.print(table)
    console.print(f"{len(rows)} commitment(s)")
