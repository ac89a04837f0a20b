"""``ima returns``: return cooperation per third country (Visa Code Art. 25a) and the next lever."""

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

LABELS = {
    "nl": {"sufficient": "voldoende", "partial": "gedeeltelijk", "insufficient": "onvoldoende",
           "not assessed": "niet beoordeeld", "improving": "verbetert", "worsening": "verslechtert",
           "stable": "stabiel", "unknown": "onbekend", "suspend facilitations": "faciliteiten opschorten",
           "higher visa fee": "hogere visumleges", "keep suspension": "opschorting handhaven",
           "keep higher fee": "hogere leges handhaven", "positive measures": "positieve maatregelen",
           "lift measures": "maatregelen opheffen", "dialogue": "dialoog", "not applicable": "n.v.t. (visumvrij)",
           "none": "geen", "country": "land", "level": "niveau", "year": "jaar", "decisions": "besluiten",
           "rate": "terugkeer %", "avg": "gem.", "coop": "samenwerking", "trend": "trend", "lever": "volgende stap",
           "interests": "andere belangen", "title": "Terugkeersamenwerking (Visumcode art. 25a)",
           "trade": "handel", "aid": "hulp", "security": "veiligheid", "human-rights": "mensenrechten",
           "climate": "klimaat", "protection": "bescherming"},
    "en": {"not applicable": "n/a (visa-free)", "country": "country", "level": "level", "year": "year",
           "decisions": "decisions", "rate": "return %", "avg": "avg", "coop": "cooperation",
           "trend": "trend", "lever": "next lever", "interests": "other interests",
           "title": "Return cooperation (Visa Code Art. 25a)"},
}


LEVEL_LABELS = {"NLD": "NL", "EU": "EU"}


def _label(lang: str, key: str) -> str:
    return LABELS.get(lang, {}).get(key, key)


# why each lever is next, in Dutch (the JSON keeps the English reason of the assessment)
REASONS_NL = {
    "none": "te weinig terugkeerbesluiten of geen indicator om te beoordelen",
    "not applicable": "visumvrij: art. 25a geldt niet (opschortingsmechanisme, Verordening 2018/1806 art. 8)",
    "suspend facilitations": "onvoldoende samenwerking: art. 25a(5)(a)",
    "keep suspension": "opschorting van kracht en samenwerking verbetert",
    "higher visa fee": "opschorting van kracht zonder verbetering: art. 25a(5)(b), EUR 120",
    "keep higher fee": "hogere leges van kracht; volgende stap EUR 160 (niet geverifieerd)",
    "lift measures": "samenwerking nu voldoende: maatregelen van art. 25a(5) intrekken",
    "positive measures": "voldoende samenwerking: art. 25a(8)",
    "dialogue": "gedeeltelijke samenwerking of verslechterende trend: volgen en in de dialoog aankaarten",
}


def _kinds(row: dict, lang: str) -> str:
    return ", ".join(_label(lang, k) for k in dict.fromkeys(i["kind"] for i in row["interests"]))


def _interest_line(i: dict, lang: str) -> str:
    figure = ""
    if i["value"] is not None:
        unit = i["unit"] or ""
        amount = (nums.money(i["value"], unit.split()[0], lang) if unit.startswith(("EUR", "USD"))
                  else f"{nums.number(i['value'], lang)} {unit}".rstrip())
        figure = f" {amount} ({i['year']})"
    return (f"  [bold]{escape(_label(lang, i['kind']))}[/] {escape(i['summary'])}{escape(figure)} "
            f"[dim]— {escape(nums.source_label(i['source'] or '', 40))}[/]")


def _reason(row: dict, lang: str) -> str:
    return REASONS_NL.get(row["lever"], row["lever_reason"]) if lang == "nl" else row["lever_reason"]


@app.command()
@handle_errors
def returns(
    country: Annotated[str | None, typer.Option("--country", "-c", help="Only this third country (ISO code or name).")] = None,
    year: Annotated[int | None, typer.Option("--year", help="Assess up to this year (default: latest data).")] = None,
    data: Annotated[Path | None, typer.Option("--data", help="CSV with more figures: country, year, level, "
                                                             "return_decisions, returns, readmission_requests, "
                                                             "readmission_accepted, identification, travel_documents, "
                                                             "laissez_passer, readmission, return_flights, measure, "
                                                             "visa_required.")] = None,
    thresholds: Annotated[Path | None, typer.Option("--thresholds", help="YAML thresholds (default: shipped).")] = None,
    level: Annotated[str | None, typer.Option("--level", help="nl or eu (default: both).")] = None,
    show_all: Annotated[bool, typer.Option("--all", help="Also countries that cannot be assessed.")] = False,
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most this many rows in the table.")] = 25,
    as_json: Annotated[bool, typer.Option("--json", help="A JSON list, one object per country and level.")] = False,
    lang: Annotated[str, typer.Option("--lang", help="nl or en.")] = "nl",
) -> None:
    """Return cooperation per third country: rates, class, trend and the next Visa Code lever, next to
    the country's other interests."""
    from ima.services.returns import returns_assessment

    rows = returns_assessment(country, year, data, thresholds, level, show_all, lang)
    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False) + "\n")
        return
    t = lambda key: _label(lang, key)  # noqa: E731
    # level and year ride along in the country cell, the average in the rate cell: ten columns do not fit
    # 100 characters, and the other interests must stay on the same line as the lever
    table = Table(f"{t('country')} · {t('level')} {t('year')}", t("decisions"), f"{t('rate')} ({t('avg')})",
                  t("coop"), t("trend"), t("lever"), t("interests"), title=t("title"))
    shown = rows[:limit] if not country else rows
    for row in shown:
        rate = nums.percent(row["return_rate"], lang, 0)
        if row["average_return_rate"] is not None:
            rate += f" ({nums.percent(row['average_return_rate'], lang, 0)})"
        table.add_row(f"{escape(row['name'])} ({row['country']}) · {LEVEL_LABELS[row['level']]} {row['year']}",
                      nums.number(row["return_decisions"], lang), rate, t(row["cooperation"]),
                      f"{t(row['trend'])} {row['sparkline']}", t(row["lever"]), escape(_kinds(row, lang)))
    console.print(table)
    if country:
        for row in shown[:1]:
            console.print(f"[bold]{t('interests')}[/] ({escape(row['name'])}):")
            for interest in row["interests"]:
                console.print(_interest_line(interest, lang))
            console.print(f"[dim]{escape(t('lever'))}: {escape(t(row['lever']))}: {escape(_reason(row, lang))}[/]")
    if not country and len(rows) > limit:
        console.print(f"{limit} / {len(rows)} (--limit, --json)")
