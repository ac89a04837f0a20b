"""``ima rank``, ``ima indicators`` and ``ima routes``: the focus-country ranking and its data."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from ima.cli.app import app, handle_errors
from ima.cli import numbers as nums
from ima.cli.output import console

LANG_HELP = "Language of labels: nl (default) or en."
# the catalogue's units in Dutch (the catalogue and --json keep the English unit)
UNITS_NL = {"persons": "personen", "share": "aandeel", "decisions": "beslissingen", "yes/no": "ja/nee",
            "USD (current)": "USD (lopend)"}


def _print_json_list(rows: list[dict]) -> None:
    sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")


def ranking_rows(result, lang: str) -> list[dict]:
    """The JSON rows of a ranking: one object per country, with each criterion's contribution."""
    from ima.services.ranking import country_name

    labels = {c.id: c.label(lang) for c in result.settings.criteria}
    groups = {c.id: c.group for c in result.settings.criteria}
    return [{"rank": c.rank, "iso3": c.iso3, "name": country_name(c.iso3, lang), "score": round(c.score, 6),
             "p_top": c.p_top, "rank_p05": c.rank_low, "rank_p95": c.rank_high, "year": result.year,
             "method": result.settings.method, "missing": list(c.missing), "overridden": list(c.overridden),
             "contributions": [{"criterion": p.criterion, "label": labels[p.criterion], "group": groups[p.criterion],
                                "indicator": p.indicator, "value": p.raw, "value_year": p.year,
                                "normalised": round(p.normalised, 6), "weight": round(p.weight, 6),
                                "contribution": round(p.contribution, 6)} for p in c.contributions]}
            for c in result.countries]


@app.command()
@handle_errors
def rank(
    criteria: Annotated[Path | None, typer.Option("--criteria", help="Criteria YAML (default: the shipped "
                                                                     "ima/data/ranking/criteria.yaml).")] = None,
    year: Annotated[int | None, typer.Option("--year", "-y", help="Rank as of this year (default: latest).")] = None,
    top: Annotated[int, typer.Option("--top", "-n", help="Show this many countries; P(top N) uses it too.")] = 10,
    method: Annotated[str | None, typer.Option("--method", help="weighted (weighted sum) or topsis.")] = None,
    samples: Annotated[int | None, typer.Option("--samples", help="Monte Carlo weight samples (0: none).")] = None,
    seed: Annotated[int | None, typer.Option("--seed", help="Seed of the weight samples.")] = None,
    concentration: Annotated[float | None, typer.Option("--concentration", help="Dirichlet concentration "
                                                                              "(higher: weights vary less).")] = None,
    explain: Annotated[str | None, typer.Option("--explain", metavar="ISO", help="Show one country's score "
                                                                                 "criterion by criterion.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="A JSON list, one object per ranked country.")] = False,
    lang: Annotated[str, typer.Option("--lang", help=LANG_HELP)] = "nl",
) -> None:
    """Focus-country ranking: transparent criteria, each one's contribution, and how stable each rank is."""
    from ima.services.ranking import check_lang, rank_countries

    check_lang(lang)
    if top < 1:
        raise ValueError(f"--top must be at least 1, not {top}")
    result = rank_countries(criteria, year, method=method, top=top, samples=samples, seed=seed,
                            concentration=concentration)
    rows = ranking_rows(result, lang)
    if explain:
        code = explain.strip().upper()
        chosen = [r for r in rows if r["iso3"] == code]
        if not chosen:
            raise ValueError(f"{explain!r} is not ranked in {result.year} (not a candidate, or too little data; "
                             f"left out: {', '.join(result.excluded[:12])}{'…' if len(result.excluded) > 12 else ''})")
        if as_json:
            _print_json_list(chosen)
        else:
            _render_explanation(chosen[0], top, lang)
        return
    if as_json:
        _print_json_list(rows[:top])
        return
    _render_ranking(result, rows[:top], top, lang)


def _render_explanation(row: dict, top: int, lang: str) -> None:
    en = lang == "en"
    table = Table("criterium" if not en else "criterion", "groep" if not en else "group",
                  "waarde" if not en else "value",
                  "jaar" if not en else "year", "genormaliseerd" if not en else "normalised",
                  "gewicht" if not en else "weight", "bijdrage" if not en else "contribution",
                  title=f"{escape(row['name'])} ({row['iso3']}): {'rang' if not en else 'rank'} {row['rank']}, "
                        f"score {nums.decimal(row['score'], lang)}")
    for p in sorted(row["contributions"], key=lambda p: -p["contribution"]):
        table.add_row(escape(p["label"]), p["group"], nums.smart(p["value"], lang), str(p["value_year"] or ""),
                      nums.decimal(p["normalised"], lang), nums.decimal(p["weight"], lang),
                      nums.decimal(p["contribution"], lang))
    console.print(table)
    if row["p_top"] is not None:
        console.print(f"P(top {top}): {nums.percent(row['p_top'], lang, 0)}; {'rang' if not en else 'rank'} 5–95%: "
                      f"{row['rank_p05']:.0f}–{row['rank_p95']:.0f}")
    if row["missing"]:
        console.print(("missing, counted by the policy: " if en else "ontbreekt, ingevuld volgens het beleid: ")
                      + ", ".join(row["missing"]))


def _render_ranking(result, rows: list[dict], top: int, lang: str) -> None:
    en = lang == "en"
    s = result.settings
    groups = [g.id for g in s.groups]
    table = Table("#", "land" if not en else "country", "score", *[g.id for g in s.groups],
                  f"P(top {top})", "rang 5–95%" if not en else "rank 5–95%", "ontbreekt" if not en else "missing",
                  title=f"{escape(s.name)} · {result.year} · {s.method}")
    for r in rows:
        per_group = [sum(p["contribution"] for p in r["contributions"] if p["group"] == g) for g in groups]
        interval = "" if r["rank_p05"] is None else f"{r['rank_p05']:.0f}–{r['rank_p95']:.0f}"
        table.add_row(str(r["rank"]), f"{escape(r['name'])} ({r['iso3']})", nums.decimal(r["score"], lang),
                      *[nums.decimal(v, lang) for v in per_group], nums.percent(r["p_top"], lang, 0),
                      interval, escape(", ".join([*r["missing"], *(f"{c} (override)" for c in r["overridden"])])))
    console.print(table)
    console.print(", ".join(f"{g.id} = {escape(g.label(lang))} ({nums.percent(g.weight, lang, 0)})" for g in s.groups),
                  style="dim")
    n = len(result.countries)
    if en:
        console.print(f"{n} countries ranked, {len(result.excluded)} left out for too little data; "
                      f"sensitivity: {result.samples} Dirichlet weight samples (concentration "
                      f"{s.sensitivity.concentration:g}, seed {s.sensitivity.seed}); indicators up to {s.window} "
                      f"years old; missing values count as '{s.missing}'.")
    else:
        console.print(f"{n} landen gerangschikt, {len(result.excluded)} weggelaten wegens te weinig gegevens; "
                      f"gevoeligheid: {result.samples} Dirichlet-gewichtsteekproeven (concentratie "
                      f"{s.sensitivity.concentration:g}, seed {s.sensitivity.seed}); indicatoren tot {s.window} jaar "
                      f"oud; ontbrekende waarden tellen als '{s.missing}'.")


@app.command()
@handle_errors
def indicators(
    as_json: Annotated[bool, typer.Option("--json", help="A JSON list, one object per indicator.")] = False,
    lang: Annotated[str, typer.Option("--lang", help=LANG_HELP)] = "nl",
) -> None:
    """The indicator catalogue: every country figure ima ships, with unit, years and source."""
    from ima.analysis import indicators as ind
    from ima.services.ranking import check_lang

    check_lang(lang)
    rows = []
    for meta in ind.catalogue():
        table = ind.indicator_table(meta.id)
        years = [y for series in table.values() for y in series]
        rows.append({"id": meta.id, "label": meta.label(lang), "unit": meta.unit, "countries": len(table),
                     "first_year": min(years, default=None), "last_year": max(years, default=None),
                     "source": meta.source, "source_url": meta.source_url, "notes": meta.notes})
    if as_json:
        _print_json_list(rows)
        return
    table = Table("id", "label", "unit" if lang == "en" else "eenheid", "landen" if lang == "nl" else "countries",
                  "jaren" if lang == "nl" else "years", "bron" if lang == "nl" else "source")
    table.columns[0].overflow = "fold"  # ids go into criteria files: never cut them short
    for r in rows:
        unit = UNITS_NL.get(r["unit"], r["unit"]) if lang == "nl" else r["unit"]
        table.add_row(r["id"], escape(r["label"]), unit, str(r["countries"]),
                      f"{r['first_year']}–{r['last_year']}", escape(nums.source_label(r["source"])))
    console.print(table)
    for text in nums.source_legend([r["source"] for r in rows], lang):
        console.print(f"[dim]{escape(text)}[/]")


@app.command()
@handle_errors
def routes(
    year: Annotated[int | None, typer.Option("--year", "-y", help="Last year of the 3-year period "
                                                                  "(default: the last full year).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="A JSON list, one object per route.")] = False,
    lang: Annotated[str, typer.Option("--lang", help=LANG_HELP)] = "nl",
) -> None:
    """Migration routes towards the EU: entry, departure and transit countries, and the main nationalities."""
    from ima.services.ranking import check_lang
    from ima.services.routes import route_overview

    check_lang(lang)
    rows = route_overview(year, lang)
    if as_json:
        _print_json_list(rows)
        return
    table = Table("route", "in" if lang == "en" else "EU-grens", "departure" if lang == "en" else "vertrek",
                  "transit", "detections" if lang == "en" else "detecties", "main nationalities" if lang == "en"
                  else "belangrijkste nationaliteiten")
    table.columns[5].overflow = "fold"
    for r in rows:
        table.add_row(escape(r["name"]), " ".join(r["entry_countries"]), " ".join(r["departure_countries"]),
                      " ".join(r["transit_countries"]), nums.number(r["detections"], lang),
                      ", ".join(f"{n['iso3']} {nums.percent(n['share'], lang, 0)}" for n in r["nationalities"][:6]))
    console.print(table)
