"""The other interests in the relationship with a country (trade, aid, security, human rights, climate).

The curated ``ima/data/partnerships/interests.csv`` (one sourced statement per row, an indicator
where the source gives one), plus the latest figures of the country indicator store
(``ima.analysis.indicators``) that measure one of these interests (``INDICATOR_INTERESTS``).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ima.analysis.partnership.files import DATA_DIR, DataFileError, Fields, read_csv_rows
from ima.domain.partnership import CERTAINTIES, INTEREST_KINDS, Interest, Source

INTERESTS_FILE = DATA_DIR / "interests.csv"
# Indicator-store ids that measure another interest in the relationship, and which one.
INDICATOR_INTERESTS = {"eutf_budget_eur": "aid", "gdp_usd": "trade", "refugees_hosted": "protection",
                       "asylum_seekers_hosted": "protection", "dead_missing_in_country": "human-rights"}


def _number(fields: Fields, name: str, kind: type) -> float | int | None:
    text = fields.text(name, required=False)
    if text is None:
        return None
    try:
        return kind(float(text)) if kind is int else float(text)
    except ValueError:
        raise fields.fail(name, f"{text!r} is not a number") from None


def _iso3(fields: Fields) -> str:
    code = fields.text("iso3")
    if len(code) != 3 or not code.isalpha() or not code.isupper():
        raise fields.fail("iso3", f"{code!r} is not an ISO 3166 alpha-3 code")
    return code


def load_interests(path: Path = INTERESTS_FILE) -> list[tuple[str, Interest]]:
    """Every (iso3, Interest) row of a curated interests table, validated."""
    out = []
    for i, row in enumerate(read_csv_rows(path), start=2):
        f = Fields(path, f"line {i}", row)
        iso3, kind = _iso3(f), f.choice("kind", INTEREST_KINDS)
        page = _number(f, "page", int) if "page" in row else None
        source = Source(text=f.text("source"), url=f.text("url", required=False),
                        document=f.text("document", required=False) if "document" in row else None, page=page,
                        certainty=f.choice("certainty", CERTAINTIES, "confirmed") if "certainty" in row
                        else "confirmed")
        indicator = f.text("indicator", required=False)
        summary = f.text("summary")
        value = _number(f, "value", float)
        if value is not None and not indicator:
            raise f.fail("indicator", "a value needs the name of its indicator")
        out.append((iso3, Interest(kind=kind, summary=summary, indicator=indicator, value=value,
                                   unit=f.text("unit", required=False), year=_number(f, "year", int),
                                   source=source)))
    return out


@lru_cache(maxsize=1)
def _all_interests() -> dict[str, tuple[Interest, ...]]:
    by_country: dict[str, list[Interest]] = {}
    for iso3, interest in load_interests(INTERESTS_FILE):
        by_country.setdefault(iso3, []).append(interest)
    return {iso3: tuple(items) for iso3, items in by_country.items()}


def indicator_interests(iso3: str, lang: str = "en") -> list[Interest]:
    """The latest figures of the indicator store that measure another interest, as ``Interest``s
    (summary: the indicator's label in ``lang``)."""
    from ima.analysis import indicators

    out = []
    for value in indicators.indicators_for(iso3):
        kind = INDICATOR_INTERESTS.get(value.indicator)
        if kind is None:
            continue
        meta = indicators.indicator(value.indicator)
        out.append(Interest(kind=kind, summary=meta.label(lang), indicator=value.indicator, value=value.value,
                            unit=value.unit, year=value.year, source=Source(meta.source, url=meta.source_url)))
    return out


def country_interests(iso3: str, lang: str = "en") -> list[Interest]:
    """The other interests in the relationship with ``iso3`` (ISO 3166 alpha-3): curated statements,
    then indicator figures, by kind (``INTEREST_KINDS`` order), newest first.

    An unknown or uncurated country gives an empty list (no interests on file is not an error).
    The curated summaries are English; ``lang`` chooses the language of the indicator labels.
    """
    code = iso3.strip().upper()
    items = list(_all_interests().get(code, ())) + indicator_interests(code, lang)
    return sorted(items, key=lambda x: (INTEREST_KINDS.index(x.kind), x.indicator is not None, -(x.year or 0)))


def interest_countries() -> list[str]:
    """The countries that have at least one interest on file."""
    return sorted(_all_interests())


__all__ = ["DataFileError", "country_interests", "interest_countries", "load_interests"]
