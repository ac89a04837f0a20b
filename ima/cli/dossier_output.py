"""Rendering of the country dossier (``ima country``): indicator table with a source legend, route
picture, refugee hosts and origins, focus rank."""

from __future__ import annotations

from rich.markup import escape
from rich.table import Table

from ima.cli import numbers as nums
from ima.cli.output import console

# the source column shows a short label this wide; the full source is in the legend and in --json
SOURCE_WIDTH = 24

WORDS = {
    "nl": {"indicators": "Kerncijfers", "indicator": "indicator", "year": "jaar", "value": "waarde",
           "change": "1 jaar", "change5": "5 jaar", "trend": "verloop", "source": "bron",
           "routes": "Routes", "route": "route", "role": "rol", "nationals": "eigen onderdanen",
           "share_route": "aandeel route", "share_nat": "aandeel onderdanen", "dead": "doden/vermisten",
           "entry": "EU-grens", "departure": "vertrekland", "transit": "transitland",
           "uses": "gebruikt door onderdanen",
           "rank": "Focuslanden-rangschikking", "of": "van", "none": "geen cijfers voor dit land",
           "no_routes": "geen route boven de drempel", "period": "periode",
           "hosts": "Vluchtelingen uit het land verblijven vooral in", "origins": "Het land vangt vooral op uit"},
    "en": {"indicators": "Key figures", "indicator": "indicator", "year": "year", "value": "value",
           "change": "1 year", "change5": "5 years", "trend": "trend", "source": "source",
           "routes": "Routes", "route": "route", "role": "role", "nationals": "own nationals",
           "share_route": "share of route", "share_nat": "share of nationals", "dead": "dead/missing",
           "entry": "EU border", "departure": "departure country", "transit": "transit country",
           "uses": "used by nationals", "rank": "Focus-country ranking", "of": "of",
           "none": "no figures for this country",
           "no_routes": "no route above the threshold", "period": "period",
           "hosts": "Refugees from the country live mainly in", "origins": "The country hosts mainly refugees from"},
}


def format_value(value: float, unit: str, lang: str = "nl") -> str:
    """A figure for people: shares as percentages, money compact, counts with the language's grouping."""
    if unit == "share":
        return nums.percent(value, lang, 0)
    if unit == "yes/no":
        return ("ja" if value >= 0.5 else "nee") if lang == "nl" else ("yes" if value >= 0.5 else "no")
    if unit.startswith(("EUR", "USD")):
        return nums.money(value, unit.split()[0], lang)
    return nums.number(value, lang)


def indicator_dict(line, lang: str) -> dict:
    """The JSON row of one dossier indicator."""
    t = line.trend
    return {"section": "indicator", "indicator": line.indicator.id, "label": line.indicator.label(lang),
            "year": line.value.year, "value": line.value.value, "unit": line.value.unit, "source": line.value.source,
            "source_url": line.indicator.source_url, "previous": t.previous if t else None,
            "change": t.change if t else None, "change_5y": t.change_5y if t else None,
            "arrow": t.arrow if t else None, "sparkline": t.sparkline if t else None}


def route_dict(use, lang: str) -> dict:
    """The JSON row of one route of the dossier."""
    r = use.route
    return {"section": "route", "route": r.id, "name": r.name(lang), "role": use.role, "uses_route": use.uses_route,
            "nationals_detections": use.nationals_detections, "share_of_route": round(use.share_of_route, 4),
            "share_of_nationals": round(use.share_of_nationals, 4), "route_detections": use.route_detections,
            "dead_missing": use.dead_missing, "first_year": use.first_year, "last_year": use.last_year,
            "entry_countries": list(r.entry_countries), "departure_countries": list(r.departure_countries),
            "transit_countries": list(r.transit_countries), "source": r.source}


def render_indicators(profile, lang: str) -> None:
    """The key-figure table: short source labels in the table, the full sources in a legend under it."""
    w = WORDS[lang]
    if not profile.indicators:
        console.print(f"[dim]{w['none']}[/]")
        return
    table = Table(w["indicator"], w["year"], w["value"], "", w["change"], w["change5"], w["trend"], w["source"],
                  title=w["indicators"], title_justify="left")
    for column in (table.columns[2], table.columns[6]):
        column.no_wrap = True
    sources = []
    for line in profile.indicators:
        t = line.trend
        sources.append(line.value.source)
        table.add_row(escape(line.indicator.label(lang)), str(line.value.year),
                      format_value(line.value.value, line.value.unit, lang), t.arrow if t else "",
                      nums.change(t.change if t else None, lang), nums.change(t.change_5y if t else None, lang),
                      t.sparkline if t else "", escape(nums.source_label(line.value.source, SOURCE_WIDTH)))
    console.print(table)
    for text in nums.source_legend(sources, lang, SOURCE_WIDTH):
        console.print(f"[dim]{escape(text)}[/]", overflow="fold")


def render_routes(profile, lang: str) -> None:
    w = WORDS[lang]
    if not profile.routes:
        console.print(f"[dim]{w['routes']}: {w['no_routes']}[/]")
        return
    first = profile.routes[0]
    table = Table(w["route"], w["role"], w["nationals"], w["share_route"], w["share_nat"], w["dead"],
                  title=f"{w['routes']} ({w['period']} {first.first_year}–{first.last_year})", title_justify="left")
    for use in profile.routes:
        roles = [w[use.role]] if use.role else []
        if use.uses_route:
            roles.append(w["uses"])
        table.add_row(escape(use.route.name(lang)), ", ".join(roles), nums.number(use.nationals_detections, lang),
                      nums.percent(use.share_of_route, lang), nums.percent(use.share_of_nationals, lang, 0),
                      nums.number(use.dead_missing, lang))
    console.print(table)


def refugee_pair_dict(pair, section: str) -> dict:
    """The JSON row of one origin × host pair of the dossier (``refugee_host`` or ``refugee_origin``)."""
    return {"section": section, "origin": pair.origin, "host": pair.host, "year": pair.year,
            "refugees": pair.refugees, "asylum_seekers": pair.asylum_seekers, "share": round(pair.share, 4),
            "source": pair.source}


def render_refugee_pairs(profile, lang: str) -> None:
    """Two lines: where the country's refugees live, and whom it hosts (UNHCR, largest five)."""
    from ima.services.ranking import country_name

    w = WORDS[lang]
    for key, pairs, other in (("hosts", profile.refugee_hosts, "host"), ("origins", profile.refugee_origins, "origin")):
        if not pairs:
            continue
        items = ", ".join(f"{escape(country_name(getattr(p, other), lang))} {nums.number(p.refugees, lang)} "
                          f"({nums.percent(p.share, lang, 0)})" for p in pairs)
        console.print(f"[bold]{w[key]}[/] ({pairs[0].year}): {items} "
                      f"[dim]— {escape(nums.source_label(pairs[0].source, SOURCE_WIDTH))}[/]")


def render_rank(profile, lang: str) -> None:
    if profile.rank is None:
        return
    w = WORDS[lang]
    r = profile.rank
    parts = sorted(r.contributions, key=lambda p: -p.contribution)[:3]
    console.print(f"[bold]{w['rank']} {profile.rank_year}[/]: {r.rank} {w['of']} {profile.ranked_of} "
                  f"(score {nums.decimal(r.score, lang)}; "
                  + ", ".join(f"{p.criterion} {nums.decimal(p.contribution, lang)}" for p in parts) + ")")
