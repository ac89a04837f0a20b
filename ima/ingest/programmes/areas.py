"""Country and region names as programme sources write them (English, French, Dutch, codes) to area codes.

Countries become ISO 3166 alpha-3 codes, regions the lower-case region ids of
``ima/data/countries/aliases.csv`` (``sahel``, ``horn-of-africa``), so that
programmes line up with the country layer of the record.
"""

from __future__ import annotations

import gettext
import unicodedata
from functools import lru_cache

import pycountry

from ima.ingest.extraction.countries import curated_aliases

#: names sources use that ISO 3166 spells otherwise
_EXTRA_NAMES = {
    "the gambia": "GMB", "gambia": "GMB", "tanzania": "TZA", "united republic of tanzania": "TZA",
    "democratic republic of the congo": "COD", "dr congo": "COD", "drc": "COD", "cote d'ivoire": "CIV",
    "ivory coast": "CIV", "cabo verde": "CPV", "cape verde": "CPV", "guinee": "GIN", "tchad": "TCD",
    "cameroun": "CMR", "mauritanie": "MRT", "syria": "SYR", "libya": "LBY", "turkey": "TUR",
}


def fold(name: str) -> str:
    """Lower case, accents removed, typographic apostrophes and dashes plain, spaces single."""
    text = unicodedata.normalize("NFKD", name.replace("’", "'").replace("–", "-"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().split())


@lru_cache(maxsize=1)
def _names() -> dict[str, tuple[str, str]]:
    names: dict[str, tuple[str, str]] = {}
    translations = [gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
                    for lang in ("fr", "nl")]
    for country in pycountry.countries:
        own = {country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)}
        for name in filter(None, own):
            for variant in [name] + [t.gettext(name) for t in translations]:
                names.setdefault(fold(variant), (country.alpha_3, "country"))
                names.setdefault(fold(variant.split("(")[0].split(",")[0]), (country.alpha_3, "country"))
    for alias, code, kind, _ in curated_aliases():
        names.setdefault(fold(alias), (code, kind))
        if kind == "region":
            names.setdefault(code, (code, "region"))
    for name, code in _EXTRA_NAMES.items():
        names[name] = (code, "country")
    return names


def resolve_area(name: str) -> tuple[str, str] | None:
    """``(code, kind)`` for a country name or code, or a region name or id; None when unknown.

    ``kind`` is ``country`` (code ISO alpha-3) or ``region`` (a region id).
    """
    text = name.strip()
    if not text:
        return None
    if len(text) in (2, 3) and text.isalpha() and text.isupper():
        country = pycountry.countries.get(alpha_3=text) if len(text) == 3 else pycountry.countries.get(alpha_2=text)
        if country is not None:
            return country.alpha_3, "country"
    return _names().get(fold(text))
