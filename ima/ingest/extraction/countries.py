"""Countries and regions, from Dutch names, adjectives and demonyms, to ISO 3166 alpha-3 or region ids.

Country names come from pycountry's Dutch translation of ISO 3166-1 (name,
common name and official name); ``ima/data/countries/aliases.csv`` adds what
it lacks: adjectives (``Marokkaanse``), demonyms (``Syriërs``), short and
historic names, and named regions and routes (``Hoorn van Afrika``,
``Westelijke Mediterrane route``). The curated list wins over pycountry
where both have a name. Matching is :class:`~.gazetteer.Gazetteer`'s: longest
first, capital first letter, diacritics folded, so ``Tunesié`` (OCR) is
Tunisia, ``Niger`` never matches inside ``Nigeria`` and ``EU`` is no country.
"""

from __future__ import annotations

import csv
import gettext
from functools import lru_cache
from pathlib import Path

import pycountry

from ima.domain.facts import CountryMention, Span
from ima.ingest.extraction.gazetteer import Gazetteer

ALIASES = Path(__file__).resolve().parents[2] / "data" / "countries" / "aliases.csv"
#: pycountry names that are ordinary words or mislead in Dutch text
_SKIP_NAMES = {"Man", "Georgia", "Jersey", "Verenigde Staten van Amerika", "Congo"}
#: "Amerikaanse dollar" is a currency, not a mention of the United States
_NOT_FOLLOWED_BY = {"Amerikaanse": r"\s+dollars?\b"}


def _pycountry_names() -> list[tuple[str, tuple[str, str]]]:
    nl = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["nl"], fallback=True)
    entries: list[tuple[str, tuple[str, str]]] = []
    for country in pycountry.countries:
        names = {country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)}
        for name in filter(None, names):
            dutch = nl.gettext(name)
            dutch = dutch.split("(")[0].strip()
            if "," in dutch:  # "Moldavië, Republiek": keep the part before the comma
                dutch = dutch.split(",")[0].strip()
            if dutch and dutch not in _SKIP_NAMES:
                entries.append((dutch, (country.alpha_3, "country")))
    return entries


def curated_aliases() -> list[tuple[str, str, str, str]]:
    """Rows of ``ima/data/countries/aliases.csv``: alias, code, kind, note."""
    with ALIASES.open(encoding="utf-8", newline="") as handle:
        return [(r["alias"], r["code"], r["kind"], r["note"] or "") for r in csv.DictReader(handle)]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer[tuple[str, str]]:
    """The country and region gazetteer (built once: it compiles one large expression)."""
    curated = [(alias, (code, kind)) for alias, code, kind, _ in curated_aliases()]
    return Gazetteer(curated + _pycountry_names(), not_followed_by=_NOT_FOLLOWED_BY)


def extract_countries(text: str) -> list[CountryMention]:
    """Every country or region named in ``text``, in order."""
    return [CountryMention(code=hit.value[0], text=text[hit.start:hit.end], kind=hit.value[1],  # type: ignore[arg-type]
                           span=Span(hit.start, hit.end))
            for hit in gazetteer().find(text)]
