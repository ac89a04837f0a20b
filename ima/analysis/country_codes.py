"""Country codes from what people write in a spreadsheet: ISO 3166 alpha-3 or alpha-2, Eurostat
codes (EL, UK), English names (pycountry) or Dutch names (pycountry's Dutch translation)."""

from __future__ import annotations

import gettext
from functools import lru_cache

import pycountry

# Eurostat writes Greece as EL and the United Kingdom as UK; Kosovo has the user-assigned XKX.
_SPECIAL = {"EL": "GRC", "UK": "GBR", "XKX": "XKX", "KOSOVO": "XKX"}


@lru_cache(maxsize=1)
def _dutch_names() -> dict[str, str]:
    nl = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["nl"], fallback=True)
    names = {}
    for country in pycountry.countries:
        for name in {country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)}:
            if name:
                names[nl.gettext(name).casefold()] = country.alpha_3
    return names


def country_code(text: str) -> str:
    """The alpha-3 code of ``text``; ``ValueError`` naming the text when nothing matches."""
    value = text.strip()
    if value.upper() in _SPECIAL:
        return _SPECIAL[value.upper()]
    try:
        return pycountry.countries.lookup(value).alpha_3
    except LookupError:
        pass
    found = _dutch_names().get(value.casefold())
    if found is None:
        raise ValueError(f"unknown country {text!r}")
    return found
