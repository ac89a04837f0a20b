"""``ima programmes`` (list, import, show, set, flags) and ``ima budget``: funded programmes and their money."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from ima.cli.app import app, handle_errors, state_of
from ima.cli.output import console, err_console, error, print_json_line

programmes_app = typer.Typer(help="Funded programmes: list, import (ima CSV, EUTF), show, edit, monitoring flags.")
app.add_typer(programmes_app, name="programmes")

Lang = Annotated[str, typer.Option("--lang", help="Language of the text shown: nl or en.")]
Actor = Annotated[str | None, typer.Option("--actor", help="Who makes the change (default: your OS user name).")]


def _lang(lang: str) -> str:
    if lang not in ("nl", "en"):
        raise ValueError(f"--lang {lang!r}: use nl or en")
    return lang


def money(amount: float | None, currency: str = "EUR", lang: str = "nl") -> str:
    """An amount for people: ``€ 1.250.000`` (nl) or ``EUR 1,250,000`` (en)."""
    if amount is None:
        return ""
    text = f"{amount:,.0f}"
    if lang == "nl":
        text = text.replace(",", ".")
        return f"€ {text}" if currency == "EUR" else f"{currency} {text}"
    return f"{currency} {text}"


def _oda(oda: bool | None) -> str:
    from ima.domain.programmes import oda_label

    return oda_label(oda)


@programmes_app.callback(invoke_without_command=True)
@handle_errors
def programmes(
    ctx: typer.Context,
    country: Annotated[str | None, typer.Option("--country", "-c", help="Only programmes covering this country "
                                                                          "or region (MAR, Marokko, sahel).")] = None,
    pillar: Annotated[int | None, typer.Option("--pillar", help="Only programmes serving pillar 1–6.")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Only this source (eutf, ima-csv, …).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per programme.")] = False,
    lang: Lang = "nl",
) -> None:
    """List programmes with countries, pillars, partner, ODA and budget."""
    if ctx.invoked_subcommand:
        return
    from ima.services.programmes import list_programmes, programme_dict

    lang = _lang(lang)
    rows = list_programmes(state_of(ctx).store(), country=country, pillar=pillar, source=source)
    if as_json:
        for p in rows:
            print_json_line(programme_dict(p))
        return
    nl = lang == "nl"
    table = Table("id", "programma" if nl else "programme", "landen" if nl else "countries",
                  "pijlers" if nl else "pillars", "uitvoerder" if nl else "partner", "ODA",
                  "periode" if nl else "period", "budget")
    table.columns[1].overflow = "fold"
    for p in rows:
        period = f"{p.start or '?'} – {p.end or '?'}" if (p.start or p.end) else ""
        table.add_row(str(p.id), escape(f"{p.source_id}: {p.title[:90]}"), escape(", ".join(p.areas[:6])
                      + (" …" if len(p.areas) > 6 else "")), ", ".join(map(str, p.pillars)),
                      escape((p.partner or "")[:40]), _oda(p.oda), period, money(p.total_budget, p.currency, lang))
    console.print(table)
    total = sum(p.total_budget or 0 for p in rows)
    console.print(f"{len(rows)} {'programma' if nl else 'programme'}('s), "
                  f"{'totaal' if nl else 'total'} {money(total, 'EUR', lang)}")


@programmes_app.command("import")
@handle_errors
def import_command(
    ctx: typer.Context,
    files: Annotated[list[Path] | None, typer.Argument(metavar="FILE...", help="ima CSV file(s): programmes plus "
                     "optional indicators, side effects, evaluations; or the EUTF database (file or folder; "
                     "default with --format eutf: the copy shipped with ima).")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv (the ima CSV format) or eutf.")] = "csv",
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Validate and report; store nothing.")] = False,
    source: Annotated[str | None, typer.Option("--source", help="Source name for ima CSV programmes "
                                                                "(default ima-csv).")] = None,
    actor: Actor = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per programme.")] = False,
) -> None:
    """Import programmes in one transaction (re-importing updates by source + id and reports new/updated/unchanged)."""
    from ima.domain.programmes import ImportErrors
    from ima.services.audit import current_actor
    from ima.services.programmes import import_programmes

    store = state_of(ctx).store()
    try:
        with err_console.status("importing programmes…"):
            report = import_programmes(store, list(files or []), fmt, actor=current_actor(actor), dry_run=dry_run,
                                       source=source)
    except ImportErrors as exc:
        for line in exc.errors:
            err_console.print(f"[red]•[/] {escape(line)}", soft_wrap=True)
        raise ValueError(f"import refused, nothing stored: {len(exc.errors)} error(s)") from None
    except KeyboardInterrupt:
        # The import is one transaction: an interruption rolls all of it back.
        error("interrupted: nothing of this import was stored")
        raise typer.Exit(130) from None
    if as_json:
        for p in report.programmes:
            print_json_line({"key": p.key, "title": p.title, "status": p.status, "indicators": p.indicators,
                             "dry_run": report.dry_run})
        return
    for p in report.programmes:
        if p.status != "unchanged":
            console.print(f"  [{'green' if p.status == 'new' else 'cyan'}]{p.status}[/] {escape(p.key)}")
    for note in report.notes:
        console.print(escape(note))
    verb = "would be" if report.dry_run else "were"
    console.print(f"{report.count('new')} new, {report.count('updated')} updated, {report.count('unchanged')} "
                  f"unchanged programme(s) ({report.source}); changes {verb} stored"
                  + (" — dry run, nothing stored" if report.dry_run else ""))


@programmes_app.command("export")
@handle_errors
def export_command(
    ctx: typer.Context,
    directory: Annotated[Path, typer.Argument(metavar="DIR", help="Folder for programmes.csv, indicators.csv, "
                                                                  "side_effects.csv, evaluations.csv.")],
    source: Annotated[str | None, typer.Option("--source", help="Only this source (default: the only one).")] = None,
    country: Annotated[str | None, typer.Option("--country", "-c", help="Only programmes covering this "
                                                                          "country.")] = None,
    pillar: Annotated[int | None, typer.Option("--pillar", help="Only programmes serving pillar 1–6.")] = None,
) -> None:
    """Write programmes as ima CSV files, to edit and import again (the import records what changed)."""
    from ima.services.programmes import export_programmes

    for path in export_programmes(state_of(ctx).store(), directory, source=source, country=country, pillar=pillar):
        console.print(escape(str(path)))


@programmes_app.command("show")
@handle_errors
def show(
    ctx: typer.Context,
    ref: Annotated[str, typer.Argument(metavar="ID", help="Store id, source:source_id, or source id.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object with everything.")] = False,
    lang: Lang = "nl",
) -> None:
    """One programme: areas, pillars, budget per year, indicators, side effects, evaluations."""
    from ima.services.programmes import get_programme, programme_dict

    lang, p = _lang(lang), get_programme(state_of(ctx).store(), ref)
    if as_json:
        print_json_line(programme_dict(p, full=True))
        return
    nl = lang == "nl"
    console.print(f"[bold]#{p.id} {escape(p.key)}[/]\n{escape(p.title)}")
    for label, value in (("landen/regio's" if nl else "areas", ", ".join(p.areas)),
                         ("pijlers" if nl else "pillars", ", ".join(map(str, p.pillars))),
                         ("financier" if nl else "funder", p.funder), ("uitvoerder" if nl else "partner", p.partner),
                         ("ODA", _oda(p.oda)), ("periode" if nl else "period", f"{p.start or '?'} – {p.end or '?'}"),
                         ("status", p.status), ("totaal" if nl else "total", money(p.total_budget, p.currency, lang))):
        console.print(f"  [dim]{label}:[/] {escape(str(value or '—'))}")
    for year, amount in sorted(p.budgets.items(), key=lambda kv: (kv[0] is None, kv[0] or 0)):
        console.print(f"  [dim]budget {year or ('jaar onbekend' if nl else 'year unknown')}:[/] "
                      f"{money(amount, p.currency, lang)}")
    if p.indicators:
        table = Table("indicator", "baseline", "target", "actual", "per" if nl else "as of")
        table.columns[0].overflow = "fold"
        for i in p.indicators:
            table.add_row(escape(i.name[:120]), _num(i.baseline), f"{_num(i.target)} {i.target_date or ''}",
                          _num(i.actual), str(i.actual_date or ""))
        console.print(table)
    for s in p.side_effects:
        console.print(f"  [red]{s.nature}[/] {s.reported or ''}: {escape(s.description)}")
    for e in p.evaluations:
        console.print(f"  {escape(e.kind)}: {'due' if not nl else 'gepland'} {e.due}, "
                      f"{('done ' if not nl else 'gedaan ') + str(e.done) if e.done else ('not done' if not nl else 'niet gedaan')}")


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}"


@programmes_app.command("set")
@handle_errors
def set_fields(
    ctx: typer.Context,
    ref: Annotated[str, typer.Argument(metavar="ID", help="Store id, source:source_id, or source id.")],
    assignments: Annotated[list[str], typer.Argument(metavar="FIELD=VALUE...", help="title, partner, funder, "
                           "status, oda (ODA/non-ODA), start, end (YYYY-MM-DD); an empty value clears it.")],
    note: Annotated[str | None, typer.Option("--note", help="Why (kept in the audit trail).")] = None,
    actor: Actor = None,
    as_json: Annotated[bool, typer.Option("--json", help="The programme after the change as one JSON object.")] = False,
) -> None:
    """Edit a programme; the change is recorded in the audit trail (who, when, before/after)."""
    from ima.services.audit import current_actor
    from ima.services.programmes import edit_programme, programme_dict

    changes: dict[str, str] = {}
    for item in assignments:
        name, sep, value = item.partition("=")
        if not sep:
            raise ValueError(f"{item!r}: write FIELD=VALUE, e.g. status=suspended")
        changes[name.strip()] = value
    programme, changed = edit_programme(state_of(ctx).store(), ref, changes, actor=current_actor(actor), note=note)
    if as_json:
        print_json_line({**programme_dict(programme), "changed": changed})
        return
    console.print(f"{escape(programme.key)}: " + ("changed and recorded in the audit trail" if changed
                                                    else "nothing changed"))


@programmes_app.command("flags")
@handle_errors
def flags(
    ctx: typer.Context,
    country: Annotated[str | None, typer.Option("--country", "-c", help="Only programmes covering this country.")] = None,
    pillar: Annotated[int | None, typer.Option("--pillar", help="Only programmes serving pillar 1–6.")] = None,
    kind: Annotated[list[str] | None, typer.Option("--kind", help="indicator_off_track, negative_side_effect, "
                                                                  "evaluation_overdue, evaluation_due.")] = None,
    threshold: Annotated[float, typer.Option("--threshold", help="Off track below this share of expected "
                                                                 "progress.")] = 0.75,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Judge evaluations on this date (default today).")] = None,
    due_within: Annotated[int, typer.Option("--due-within", help="Evaluations due within this many days.")] = 90,
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most this many flags.")] = 200,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per flag.")] = False,
    lang: Lang = "nl",
) -> None:
    """Monitoring flags: indicators off track, negative side effects, evaluations due — each with its decision."""
    from ima.services.budget import programme_flags

    lang = _lang(lang)
    try:
        day = dt.date.fromisoformat(as_of) if as_of else None
    except ValueError:
        raise ValueError(f"--as-of {as_of!r} is not a date (YYYY-MM-DD)") from None
    found = programme_flags(state_of(ctx).store(), country=country, pillar=pillar, as_of=day, threshold=threshold,
                            due_within_days=due_within, kinds=tuple(kind or ()))
    shown = found[:limit]
    if as_json:
        for f in shown:
            print_json_line({"programme": f.programme, "title": f.title, "kind": f.kind, "severity": f.severity,
                             "subject": f.subject, **f.facts, "finding": f.explain(lang), "decision": f.decision(lang)})
        return
    style = {"high": "bold red", "medium": "yellow", "low": "cyan"}
    for f in shown:
        console.print(f"[{style[f.severity]}]{f.severity}[/] [bold]{escape(f.programme)}[/] {escape(f.title[:80])}")
        console.print(f"    {escape(f.explain(lang))}")
        console.print(f"    [italic]→ {escape(f.decision(lang))}[/]")
    console.print(f"{len(found)} flag(s)" + (f", {len(shown)} shown (--limit)" if len(shown) < len(found) else ""))


@app.command()
@handle_errors
def budget(
    ctx: typer.Context,
    year: Annotated[int | None, typer.Option("--year", "-y", help="Only this year.")] = None,
    country: Annotated[str | None, typer.Option("--country", "-c", help="Only programmes covering this country "
                                                                          "or region.")] = None,
    pillar: Annotated[int | None, typer.Option("--pillar", help="Only (the share of) pillar 1–6.")] = None,
    by: Annotated[str, typer.Option("--by", help="Group by any of year, area, pillar (comma-separated).")] = "year",
    ceilings: Annotated[Path | None, typer.Option("--ceilings", help="A ceilings YAML (default: the one shipped, "
                                                                    "EUR 118 million in 2029).")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Only programmes of this source.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per row (row: budget or ceiling).")] = False,
    lang: Lang = "nl",
) -> None:
    """Budget per year, country (area) and pillar, ODA and non-ODA, against the ceilings."""
    from ima.services.budget import budget_view

    lang, nl = _lang(lang), lang == "nl"
    dims = tuple("area" if d.strip() == "country" else d.strip() for d in by.split(",") if d.strip())
    view = budget_view(state_of(ctx).store(), year=year, country=country, pillar=pillar, by=dims, ceilings=ceilings,
                       source=source)
    if as_json:
        for r in view.rows:
            print_json_line({"row": "budget", **{d: getattr(r, d) for d in dims}, "currency": r.currency,
                             "amount": r.amount, "oda": r.oda, "non_oda": r.non_oda, "oda_unknown": r.oda_unknown,
                             "programmes": r.programmes})
        for u in view.ceilings:
            c = u.ceiling
            print_json_line({"row": "ceiling", "id": c.id, "label": c.label, "year": c.year, "currency": c.currency,
                             "ceiling": c.amount, "planned": u.planned, "headroom": u.headroom,
                             "programmes": u.programmes, "source": c.source})
        return
    names = {"year": "jaar" if nl else "year", "area": "land/regio" if nl else "area",
             "pillar": "pijler" if nl else "pillar"}
    table = Table(*(names[d] for d in dims), "budget", "ODA", "non-ODA", "ODA ?", "programma's" if nl else "programmes")
    unknown = "onbekend" if nl else "unknown"
    for r in view.rows:
        cells = [str(getattr(r, d)) if getattr(r, d) is not None else ("—" if d == "pillar" else unknown) for d in dims]
        table.add_row(*cells, *(money(v, r.currency, lang) for v in (r.amount, r.oda, r.non_oda, r.oda_unknown)),
                      str(r.programmes))
    console.print(table)
    console.print(f"{'totaal' if nl else 'total'}: {money(sum(r.amount for r in view.rows), 'EUR', lang)}")
    for u in view.ceilings:
        c = u.ceiling
        state = ("[red]" + ("boven plafond" if nl else "over the ceiling") + "[/]") if u.headroom < 0 else \
            (("ruimte" if nl else "headroom") + f" {money(u.headroom, c.currency, lang)}")
        console.print(f"[bold]{'plafond' if nl else 'ceiling'} {c.year}[/] {escape(c.label)}: "
                      f"{money(u.planned, c.currency, lang)} {'gepland van' if nl else 'planned of'} "
                      f"{money(c.amount, c.currency, lang)} ({u.programmes} {'programma' if nl else 'programme'}('s)); "
                      f"{state}\n  [dim]{escape(c.source or '')}[/]")
