"""The focus-country annex of the yearly report: which countries, and what is known about each.

The countries come from the default focus-country ranking of the report's year
(``ima.services.ranking``) when ima can rank that year; otherwise they are the
third countries the year's documents name most, and the annex says so. Each
country shows its indicators up to that year (``ima.services.country_profile``). Either way each country's part shows what that year's record says
about it (passages per pillar, quotes, figures), each with its source.
"""

from __future__ import annotations

from collections import Counter

from ima.domain.pillars import PILLAR_NUMBERS
from ima.report.labels import Labels
from ima.report.model import CountryAnnex, Indicator
from ima.services.report_parts import PassageFacts, count_places, figures_of, pick_quotes, place_name

QUOTES_PER_COUNTRY = 3
FIGURES_PER_COUNTRY = 12
# Partnerships are with third countries: the Netherlands, EU member states and the
# Schengen associates are named often but are never focus countries.
NOT_THIRD_COUNTRIES = frozenset(
    "AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT ROU SVK SVN ESP SWE "
    "ISL LIE NOR CHE".split())


def _ranked(year: int, lang: str) -> list[tuple[str, int, float | None]] | None:
    """(ISO3, rank, score) of the default focus-country ranking of ``year``, or None when ima cannot
    rank that year (no indicator data for it)."""
    from ima.services.ranking import rank_countries

    try:
        result = rank_countries(year=year, samples=0)
    except ValueError:
        return None
    return [(c.iso3, c.rank, c.score) for c in result.countries] or None


def country_indicators(code: str, year: int, lang: str) -> tuple[Indicator, ...]:
    """The country's indicators up to ``year`` (latest value each), labelled in ``lang``, with source."""
    from ima.services.country_profile import indicator_lines

    return tuple(Indicator(line.indicator.label(lang), line.value.value, line.value.unit, line.value.year,
                           line.value.source or line.indicator.source) for line in indicator_lines(code, year))


def country_annex(code: str, passages: list[PassageFacts], labels: Labels, *, rank: int | None = None,
                  ranked_of: int | None = None, score: float | None = None,
                  indicators: tuple[Indicator, ...] = ()) -> CountryAnnex:
    """One country's annex: rank and indicators as given, and the year's passages about it."""
    about = [p for p in passages if any(f.key == code for f in p.of_kind("country"))]
    per_pillar = Counter(n for p in about for n in p.pillars)
    return CountryAnnex(
        code=code, name=place_name(code, labels.lang),
        mentions=sum(1 for p in about for f in p.of_kind("country") if f.key == code),
        rank=rank, ranked_of=ranked_of, score=score, indicators=indicators,
        pillar_passages=tuple((n, per_pillar[n]) for n in PILLAR_NUMBERS),
        quotes=tuple(pick_quotes(about, QUOTES_PER_COUNTRY)), figures=tuple(figures_of(about, FIGURES_PER_COUNTRY)),
    )


def focus_annexes(passages: list[PassageFacts], labels: Labels, *, year: int,
                  count: int) -> tuple[list[CountryAnnex], str]:
    """The annexes of the ``count`` focus countries and how they were chosen (``ranking``, ``mentions``,
    or ``none`` when no country was asked for)."""
    if count == 0:
        return [], "none"
    ranked = _ranked(year, labels.lang)
    if ranked:
        return [country_annex(code, passages, labels, rank=rank, ranked_of=len(ranked), score=score,
                              indicators=country_indicators(code, year, labels.lang))
                for code, rank, score in ranked[:count]], "ranking"
    named = [c for c in count_places(passages, labels.lang, countries_only=True)
             if c.code not in NOT_THIRD_COUNTRIES][:count]
    return [country_annex(c.code, passages, labels, indicators=country_indicators(c.code, year, labels.lang))
            for c in named], "mentions"
