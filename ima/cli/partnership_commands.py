"""``ima partnership``, ``ima packages`` and ``ima risks``: partnership dossiers, instrument packages and
the do-no-harm risk register."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from ima.cli.app import app, handle_errors, state_of
from ima.cli.output import console, print_json_line
from ima.domain.serial import to_plain

risks_app = typer.Typer(help="The do-no-harm risk register: risks per partnership and programme, flags, heat map, "
                             "audited edits.", invoke_without_command=True)
app.add_typer(risks_app, name="risks")

LangOption = Annotated[str, typer.Option("--lang", help="Language of the text: nl (default) or en.")]
LEVEL_STYLE = {"high": "bold red", "medium": "yellow", "low": "green"}
WORDS = {
    "nl": {"state": "Stand van samenwerking", "agreements": "Akkoorden en afspraken", "interests": "Andere belangen",
           "timeline": "Tijdlijn", "risks": "Risico's (do no harm)", "in_use": "Instrumenten in gebruik",
           "passages": "Passages in het dossier", "history": "Verloop", "excluded": "Niet bruikbaar",
           "stability": "Gevoeligheid: pakket 1 blijft eerste in {share:.0%} van {draws} trekkingen binnen de "
                        "bandbreedtes van de effectoordelen", "none": "geen"},
    "en": {"state": "State of cooperation", "agreements": "Agreements and arrangements", "interests": "Other interests",
           "timeline": "Timeline", "risks": "Risks (do no harm)", "in_use": "Instruments in use",
           "passages": "Passages of the record", "history": "History", "excluded": "Not usable",
           "stability": "Sensitivity: package 1 stays first in {share:.0%} of {draws} draws within the ranges of "
                        "the effect judgements", "none": "none"},
}


def _lang(lang: str) -> str:
    if lang not in ("nl", "en"):
        raise ValueError(f"--lang must be nl or en, not {lang!r}")
    return lang


def _today(today: str | None) -> dt.date:
    if not today:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(today)
    except ValueError:
        raise ValueError(f"--today must be a date YYYY-MM-DD, not {today!r}") from None


def _cite(source) -> str:
    """A short citation for a table: the record document and page, else the source's title."""
    text = f"{source.document}, p. {source.page}" if source.document else source.text
    return text + (" [uncertain]" if source.certainty != "confirmed" else "")


def _value(interest) -> str:
    if interest.value is None:
        return ""
    number = f"{interest.value:,.0f}" if abs(interest.value) >= 100 else f"{interest.value:g}"
    return f"{number} {interest.unit or ''}".strip()


@app.command()
@handle_errors
def partnership(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(metavar="ISO", help="ISO 3166 code (TUN) or name (Tunesië).")],
    as_json: Annotated[bool, typer.Option("--json", help="The dossier as one JSON object.")] = False,
    lang: LangOption = "nl",
    today: Annotated[str | None, typer.Option("--today", help="Flag risk reviews relative to this date.")] = None,
) -> None:
    """The partnership dossier of a country: state of cooperation, agreements, other interests,
    timeline, risks, instruments in use and the passages of the record."""
    from ima.services.partnership import partnership_dossier

    w = WORDS[_lang(lang)]
    d = partnership_dossier(state_of(ctx).store(), code, lang=lang, today=_today(today))
    if as_json:
        data = to_plain(d)
        data.pop("profile")
        data["history"] = to_plain(d.profile.history)
        data["attributes"] = {k: {"value": a.value, "source": _cite(a.source)} for k, a in d.profile.attributes.items()}
        data["risks"] = [{**to_plain(f.risk), "score": f.risk.score, "level": f.risk.level, "overdue": f.overdue,
                          "unmitigated_high": f.unmitigated_high} for f in d.risks]
        print(json.dumps(data, ensure_ascii=False))
        return
    console.print(f"[bold]{escape(d.name)}[/] ({d.iso3}) · {w['state']}: [bold cyan]{d.state}[/]")
    for h in d.profile.history:
        console.print(f"  {h.date}  {h.state:<12} {escape(h.note)} [dim]— {escape(_cite(h.source))}[/]")
    _section(w["agreements"], ("date", "level", "kind", "title", "source"),
             [(a.date, a.level, a.kind, a.title, _cite(a.source)) for a in d.agreements])
    _section(w["interests"], ("kind", "summary", "value", "year", "source"),
             [(i.kind, i.summary, _value(i), str(i.year or ""), _cite(i.source)) for i in d.interests])
    _section(w["in_use"], ("since", "instrument", "level", "±", "source"),
             [(u.since, u.name, u.level, "+" if u.direction == "positive" else "−", _cite(u.source))
              for u in d.instruments_in_use])
    _section(w["timeline"], ("date", "kind", "event", "source"),
             [(e.date, e.kind, e.summary, _cite(e.source)) for e in d.timeline])
    _section(w["risks"], ("id", "category", "title", "L×I", "flags"),
             [(f.risk.id, f.risk.category, f.risk.title, f"{f.risk.likelihood}×{f.risk.impact}", _flags(f))
              for f in d.risks])
    _section(w["passages"], ("doc", "date", "p.", "text"),
             [(str(p.document_id), p.date or "", f"{p.page}{'~' if p.page_estimated else ''}", p.text)
              for p in d.passages])


def _section(title: str, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    console.print(f"\n[bold]{escape(title)}[/] ({len(rows)})")
    if not rows:
        return
    table = Table(*header)
    table.columns[-1].overflow = "fold"
    for row in rows:
        table.add_row(*(escape(str(c)) for c in row))
    console.print(table)


def _flags(flagged) -> str:
    flags = []
    if flagged.overdue:
        flags.append("review overdue")
    if flagged.unmitigated_high:
        flags.append("high, unmitigated")
    return ", ".join(flags)


@app.command()
@handle_errors
def packages(
    code: Annotated[str, typer.Argument(metavar="ISO", help="ISO 3166 code (MAR) or name.")],
    objective: Annotated[str, typer.Option("--objective", "-o", help="return, departures, protection or "
                                                                     "legal-routes.")],
    mode: Annotated[str, typer.Option("--mode", help="more-for-more (positive only) or less-for-less (negative "
                                                     "allowed, balanced by positives).")] = "more-for-more",
    weights: Annotated[str | None, typer.Option("--weights", help="kind=weight,... for effect, trade, aid, "
                                                                  "security, human-rights, climate, protection, "
                                                                  "relations, budget.")] = None,
    effect: Annotated[str | None, typer.Option("--effect", help="Your own effect judgements: id=low-high "
                                                                "(0–3), comma-separated.")] = None,
    top: Annotated[int, typer.Option("--top", "-n", help="How many packages to show.")] = 5,
    size: Annotated[int, typer.Option("--size", help="At most this many instruments per package (1–5).")] = 3,
    proposed: Annotated[bool, typer.Option("--include-proposed", help="Also instruments whose legal basis is "
                                                                      "not in force yet.")] = False,
    in_use: Annotated[bool, typer.Option("--include-in-use", help="Also instruments already in use with the "
                                                                   "country.")] = False,
    draws: Annotated[int, typer.Option("--draws", help="Sensitivity sweep draws (0 = none).")] = 500,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the sensitivity sweep.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per package.")] = False,
    lang: LangOption = "nl",
) -> None:
    """Candidate instrument packages for a country and objective, ranked by judged effect against the cost
    to the other interests, each explained in plain words, with how stable the ranking is."""
    from ima.services.partnership import instrument_packages

    w = WORDS[_lang(lang)]
    if draws < 0:
        raise ValueError(f"--draws must be 0 or more, not {draws}")
    view = instrument_packages(code, objective, mode=mode, weights=weights, top=top, max_size=size, effects=effect,
                               include_proposed=proposed, include_in_use=in_use, draws=draws, seed=seed, lang=lang)
    stability = {s.instruments: s for s in (view.sensitivity.packages if view.sensitivity else ())}
    if as_json:
        for p in view.packages:
            s = stability.get(p.package.instruments)
            print_json_line({"iso3": view.iso3, "objective": view.objective, "mode": view.mode, **to_plain(p.package),
                             "names": p.names, "explanation": p.explanation,
                             "sensitivity": to_plain(s) if s else None})
        return
    console.print(f"[bold]{escape(view.name)}[/] ({view.iso3}) · {objective} · {mode} · "
                  f"{view.candidates} allowed package(s)")
    table = Table("#", "instruments", "effect (judged)", "cost", "index", "first / top", "ranks")
    table.columns[1].overflow = "fold"
    for p in view.packages:
        s = stability.get(p.package.instruments)
        table.add_row(str(p.package.rank), escape("\n".join(p.names)),
                      f"{p.package.effect:g} ({p.package.effect_low}–{p.package.effect_high})",
                      f"{p.package.weighted_cost:.1f}", f"{p.package.score:.1f}",
                      f"{s.share_first:.0%} / {s.share_top:.0%}" if s else "",
                      f"{s.rank_low}–{s.rank_high}" if s else "")
    console.print(table)
    for p in view.packages:
        console.print(f"\n{escape(p.explanation)}")
    if view.sensitivity and view.packages:
        console.print("\n" + w["stability"].format(share=view.sensitivity.stable_first, draws=view.sensitivity.draws))
    if view.excluded:
        console.print(f"\n[bold]{w['excluded']}[/]")
        for instrument, reason in view.excluded:
            console.print(f"  [dim]{escape(instrument)}[/]: {escape(reason)}")


@app.command("partnership-set")
@handle_errors
def partnership_set(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(metavar="ISO", help="ISO 3166 code or name.")],
    name: Annotated[str, typer.Argument(metavar="ATTRIBUTE", help="e.g. diplomatic_visa_exemption, gsp, "
                                                                  "aviation_linkage_allowed.")],
    value: Annotated[str, typer.Argument(metavar="VALUE", help="true, false, unknown, or a GSP status (eba, "
                                                               "standard, gsp-plus, none).")],
    source: Annotated[str, typer.Option("--source", help="Where the fact comes from (required).")],
    url: Annotated[str | None, typer.Option("--url", help="A link to the source.")] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Who makes the change.")] = None,
    note: Annotated[str | None, typer.Option("--note", help="Why (kept in the audit trail).")] = None,
    path: Annotated[str | None, typer.Option("--file", help="The countries file (default: the shipped "
                                                            "ima/data/partnerships/countries.yaml).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="The audit record as JSON.")] = False,
) -> None:
    """Set a fact of a country's dossier that the instrument rules check; recorded in the audit trail."""
    from ima.services.partnership import set_partnership_attribute

    record = set_partnership_attribute(state_of(ctx).store(), code, name, value, source=source, url=url,
                                       actor=actor, note=note, path=path)
    if as_json:
        print_json_line(to_plain(record) if record else {"key": code, "changed": []})
        return
    console.print(f"{code}: {name} = {value}" + (f" (audit #{record.id}, {record.actor})" if record else
                                                  " (no change)"))


FileOption = Annotated[str | None, typer.Option("--file", help="The register file (default: the shipped "
                                                               "ima/data/partnerships/risks.yaml).")]


@risks_app.callback()
@handle_errors
def risks(
    ctx: typer.Context,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only risks whose review date has passed.")] = False,
    high: Annotated[bool, typer.Option("--high", help="Only high risks.")] = False,
    country: Annotated[str | None, typer.Option("--country", "-c", help="Only this country (ISO code or name).")] = None,
    closed: Annotated[bool, typer.Option("--all", help="Include closed risks.")] = False,
    today: Annotated[str | None, typer.Option("--today", help="Flag relative to this date (YYYY-MM-DD).")] = None,
    path: FileOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per risk.")] = False,
) -> None:
    """The risk register with overdue reviews and unmitigated high risks flagged."""
    if ctx.invoked_subcommand is not None:
        return
    from ima.services.risks import risk_register

    rows = risk_register(today=_today(today), overdue=overdue, high=high, country=country, include_closed=closed,
                         path=path)
    if as_json:
        for f in rows:
            print_json_line({**to_plain(f.risk), "score": f.risk.score, "level": f.risk.level,
                             "overdue": f.overdue, "unmitigated_high": f.unmitigated_high})
        return
    table = Table("id", "risk (category)", "L×I", "status", "review", "flags")
    table.columns[0].no_wrap = True
    table.columns[1].ratio = 3
    for f in rows:
        r = f.risk
        style = LEVEL_STYLE[r.level]
        table.add_row(r.id, f"{escape(r.title)}\n[dim]{r.category}[/]",
                      f"[{style}]{r.likelihood}×{r.impact}={r.score}\n{r.level}[/]", r.status,
                      f"[bold red]{r.review_date}[/]" if f.overdue else r.review_date.isoformat(),
                      f"[bold red]{_flags(f)}[/]" if _flags(f) else "")
    console.print(table)
    console.print(f"{len(rows)} risk(s); {sum(f.overdue for f in rows)} review(s) overdue; "
                  f"{sum(f.unmitigated_high for f in rows)} high risk(s) without mitigation in place")


@risks_app.command()
@handle_errors
def heatmap(
    country: Annotated[str | None, typer.Option("--country", "-c", help="Only this country.")] = None,
    path: FileOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per cell.")] = False,
) -> None:
    """The 5 × 5 heat map of likelihood × impact of the active risks."""
    from ima.services.risks import risk_heat_map

    heat = risk_heat_map(country=country, path=path)
    if as_json:
        for row in heat.rows:
            for cell in row:
                print_json_line(to_plain(cell))
        return
    table = Table("likelihood \\ impact", *(str(i) for i in range(1, 6)), title=f"{heat.total} active risk(s)")
    for row in heat.rows:
        table.add_row(str(row[0].likelihood), *(
            f"[{LEVEL_STYLE[c.level]}]{len(c.risks) or '·'}[/]" + (f"\n{', '.join(c.risks)}" if c.risks else "")
            for c in row))
    console.print(table)


@risks_app.command()
@handle_errors
def update(
    ctx: typer.Context,
    risk_id: Annotated[str, typer.Argument(metavar="ID", help="The risk id (e.g. TUN-01).")],
    status: Annotated[str | None, typer.Option("--status", help="open, mitigating, mitigated, accepted or "
                                                                "closed.")] = None,
    review_date: Annotated[str | None, typer.Option("--review-date", help="Next review (YYYY-MM-DD).")] = None,
    owner: Annotated[str | None, typer.Option("--owner", help="Who owns the risk.")] = None,
    likelihood: Annotated[int | None, typer.Option("--likelihood", help="1–5.")] = None,
    impact: Annotated[int | None, typer.Option("--impact", help="1–5.")] = None,
    mitigation: Annotated[str | None, typer.Option("--add-mitigation", help="A planned mitigation.")] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Who makes the change (default: your user "
                                                              "name).")] = None,
    note: Annotated[str | None, typer.Option("--note", help="Why (kept in the audit trail).")] = None,
    path: FileOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="The audit record as JSON.")] = False,
) -> None:
    """Edit a risk in the register file; the change is recorded in the audit trail (``ima audit``)."""
    from ima.services.risks import update_risk

    record = update_risk(state_of(ctx).store(), risk_id, actor=actor, status=status,
                         review_date=_today(review_date) if review_date else None, owner=owner,
                         likelihood=likelihood, impact=impact, add_mitigation=mitigation, note=note, path=path)
    if as_json:
        print_json_line(to_plain(record) if record else {"id": risk_id, "changed": []})
        return
    if record is None:
        console.print(f"{risk_id}: no change")
        return
    console.print(f"{risk_id}: changed {', '.join(record.changed_fields())} (audit #{record.id}, {record.actor})")
