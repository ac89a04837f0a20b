"""``ima eu``: the AMMR reference key, the Annual Solidarity Pool and the Dublin IV replay."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ima.cli.app import app, handle_errors
from ima.cli import numbers as nums
from ima.cli.output import console

eu_app = typer.Typer(help="EU solidarity: reference key, solidarity pool, Dublin IV replay.", no_args_is_help=True)
app.add_typer(eu_app, name="eu")

LangOption = Annotated[str, typer.Option("--lang", help="Language of names and headings: nl or en.")]
JsonOption = Annotated[bool, typer.Option("--json", help="A JSON list, one object per Member State.")]
DenmarkOption = Annotated[bool, typer.Option("--with-denmark", help="Include Denmark (not bound by the AMMR; "
                                                                     "for comparison).")]

TEXT = {
    "nl": {"state": "lidstaat", "pop": "bevolking", "gdp": "bbp", "key": "sleutel", "reloc": "herplaatsingen",
           "eur": "euro", "pledge": "toezegging (EUR-waarde)", "cover": "dekking", "offsets": "mag offsets bieden",
           "received": "ontvangen", "ref": "referentie", "out": "herplaatst", "in": "toegewezen",
           "trig": "drempel overschreden", "and": "en", "or": "of", "cost": "kosten bij opt-out", "yes": "ja", "no": "nee",
           "key_title": "Referentiesleutel {year} (bevolking {py}, bbp {gy}; 50/50, AMMR art. 66)",
           "pool_title": "Solidariteitspool: {r} herplaatsingen, EUR {e} ({c})",
           "offsets_open": "Offsets (art. 63) beschikbaar voor begunstigde lidstaten: {v}",
           "minimum": "Let op: onder het minimum van art. 12 (30.000 herplaatsingen, EUR 600 mln).",
           "replay_title": "Dublin IV-herhaling (COM(2016) 270), {a}–{b}",
           "period": "periode", "total": "Totaal herplaatst: {n}; kosten als alle ontvangers hadden afgekocht: "
                                         "{c}"},
    "en": {"state": "member state", "pop": "population", "gdp": "GDP", "key": "key", "reloc": "relocations",
           "eur": "euro", "pledge": "pledge (EUR value)", "cover": "coverage", "offsets": "may offer offsets",
           "received": "received", "ref": "reference", "out": "relocated", "in": "allocated",
           "trig": "triggered", "and": "and", "or": "or", "cost": "cost if opted out", "yes": "yes", "no": "no",
           "key_title": "Reference key {year} (population {py}, GDP {gy}; 50/50, AMMR Art. 66)",
           "pool_title": "Solidarity pool: {r} relocations, EUR {e} ({c})",
           "offsets_open": "Offsets (Art. 63) open to benefitting Member States: {v}",
           "minimum": "Note: below the Art. 12 minimum (30,000 relocations, EUR 600 million).",
           "replay_title": "Dublin IV replay (COM(2016) 270), {a}–{b}",
           "period": "period", "total": "Total relocated: {n}; cost if every receiver had opted out: {c}"},
}


def _text(lang: str) -> dict[str, str]:
    if lang not in TEXT:
        raise ValueError(f"--lang must be nl or en, not {lang!r}")
    return TEXT[lang]


def _print_json(rows: list[dict]) -> None:
    sys.stdout.write(json.dumps(rows, ensure_ascii=False) + "\n")


def _pct(x: float | None, lang: str) -> str:
    return nums.percent(x, lang, 3)


@eu_app.command("key")
@handle_errors
def key(
    year: Annotated[int | None, typer.Option("--year", help="Data year (default: the latest).")] = None,
    with_denmark: DenmarkOption = False,
    as_json: JsonOption = False,
    lang: LangOption = "nl",
) -> None:
    """The reference key (50% population, 50% GDP) of each Member State for a year."""
    from ima.services.solidarity import key_rows

    t = _text(lang)
    rows = key_rows(year, with_denmark, lang)
    if as_json:
        _print_json(rows)
        return
    first = rows[0]
    table = Table(t["state"], "ISO", t["pop"], t["gdp"], f"{t['pop']} %", f"{t['gdp']} %", t["key"],
                  title=t["key_title"].format(year=first["year"], py=first["population_year"], gy=first["gdp_year"]))
    for r in rows:
        table.add_row(r["name"], r["state"], nums.number(r["population"], lang), nums.money(r["gdp_usd"], "USD", lang),
                      _pct(r["population_share"], lang), _pct(r["gdp_share"], lang), _pct(r["key"], lang))
    console.print(table)


@eu_app.command("pool")
@handle_errors
def pool(
    relocations: Annotated[int, typer.Option("--relocations", help="Relocations in the pool (Art. 12: ≥ 30,000).")],
    eur: Annotated[int, typer.Option("--eur", help="Financial contributions in the pool, EUR (Art. 12: ≥ 600 million).")],
    pledges: Annotated[Path | None, typer.Option("--pledges", help="CSV: state, relocations, eur, alternative_eur.")] = None,
    pledge: Annotated[list[str] | None, typer.Option("--pledge", help="STATE:RELOCATIONS[:EUR[:ALT_EUR]] (repeatable).")] = None,
    combine: Annotated[str, typer.Option("--combine", help="'and': relocations and euros are both in the pool; "
                                                           "'or': two expressions of one effort (2026 pool).")] = "and",
    year: Annotated[int | None, typer.Option("--year", help="Key data year (default: the latest).")] = None,
    with_denmark: DenmarkOption = False,
    as_json: JsonOption = False,
    lang: LangOption = "nl",
) -> None:
    """Each Member State's fair share of a solidarity pool, and its pledge against it."""
    from ima.services.solidarity import parse_pledge_option, pool_report

    t = _text(lang)
    report = pool_report(relocations, eur, pledges, [parse_pledge_option(p) for p in pledge or []], year, combine,
                         with_denmark, lang)
    if as_json:
        _print_json(report.rows)
        return
    s = report.summary
    table = Table(t["state"], "ISO", t["key"], t["reloc"], t["eur"], t["pledge"], t["cover"], t["offsets"],
                  title=t["pool_title"].format(r=nums.number(s["relocations"], lang), e=nums.number(s["eur"], lang),
                                              c=t.get(s["combine"], s["combine"])))
    for r in report.rows:
        table.add_row(r["name"], r["state"], _pct(r["key"], lang), nums.number(r["fair_share_relocations"], lang),
                      nums.number(r["fair_share_eur"], lang), nums.number(r["pledged_value_eur"], lang),
                      nums.percent(r["coverage"], lang, 0),
                      t["yes"] if r["may_offer_offsets"] else "")
    console.print(table)
    console.print(t["offsets_open"].format(v=t["yes"] if s["offsets_open"] else t["no"]))
    if s["below_article_12_minimum"]:
        console.print(t["minimum"])


@eu_app.command("replay")
@handle_errors
def replay(
    first: Annotated[int | None, typer.Option("--from", help="First year (default 2011).")] = None,
    last: Annotated[int | None, typer.Option("--to", help="Last year (default 2024).")] = None,
    monthly: Annotated[bool, typer.Option("--monthly", help="Month by month; needs --data (no monthly data per "
                                                            "Member State ships with ima).")] = False,
    data: Annotated[Path | None, typer.Option("--data", help="CSV of monthly applicants: state, month (YYYY-MM), "
                                                             "applicants.")] = None,
    opt_out: Annotated[list[str] | None, typer.Option("--opt-out", help="A state that opts out of receiving "
                                                                        "(pays EUR 250,000 per applicant).")] = None,
    trigger: Annotated[float, typer.Option("--trigger", help="Trigger as a multiple of the reference number.")] = 1.5,
    with_denmark: DenmarkOption = False,
    as_json: JsonOption = False,
    lang: LangOption = "nl",
) -> None:
    """Replay the Dublin IV corrective allocation on real first-time asylum applications."""
    from ima.services.solidarity import replay_report

    t = _text(lang)
    if monthly and data is None:
        raise ValueError("--monthly needs --data FILE.csv (state, month, applicants): ima ships yearly figures "
                         "per Member State only")
    if data is not None and not monthly:
        raise ValueError("--data holds monthly figures; add --monthly")
    report = replay_report(first, last, data, opt_out, trigger, with_denmark, lang)
    if as_json:
        _print_json(report.rows)
        return
    periods = report.result.periods
    table = Table(t["state"], "ISO", t["received"], t["ref"], t["trig"], t["out"], t["in"], t["cost"],
                  title=t["replay_title"].format(a=periods[0], b=periods[-1]))
    for r in report.rows:
        table.add_row(r["name"], r["state"], nums.number(r["received"], lang), nums.number(r["reference"], lang),
                      ", ".join(r["triggered_periods"]), nums.number(r["relocated_out"], lang),
                      nums.number(r["allocated_in"], lang), nums.money(r["cost_if_opted_out_eur"], "EUR", lang))
    console.print(table)
    by_period = Table(t["period"], t["received"], t["out"], t["trig"], t["cost"])
    for p in report.periods:
        by_period.add_row(p["period"], nums.number(p["received"], lang), nums.number(p["relocated"], lang),
                          ", ".join(p["triggered"]), nums.money(p["cost_if_all_opted_out_eur"], "EUR", lang))
    console.print(by_period)
    console.print(t["total"].format(n=nums.number(sum(p["relocated"] for p in report.periods), lang),
                                    c=nums.money(sum(p["cost_if_all_opted_out_eur"] for p in report.periods), "EUR",
                                                 lang)))
