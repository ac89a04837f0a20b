"""Country names for people: pycountry's ISO 3166 names, in Dutch (default) or English."""

from __future__ import annotations

import gettext
from functools import lru_cache

import pycountry

LANGUAGES = ("nl", "en")
# codes the sources use that ISO 3166 has not assigned (Kosovo: the code the EU and the sources use)
NON_ISO_NAMES = {"XKX": {"nl": "Kosovo", "en": "Kosovo"}}


def check_language(lang: str) -> str:
    """``lang`` if ima speaks it, else a clear error."""
    if lang not in LANGUAGES:
        raise ValueError(f"--lang must be nl or en, not {lang!r}")
    return lang


@lru_cache(maxsize=2)
def _translation(lang: str):
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)


@lru_cache(maxsize=1024)
def country_name(code: str, lang: str = "nl") -> str:
    """The common name of an alpha-3 code in ``lang`` (the code itself when ISO does not know it)."""
    if code in NON_ISO_NAMES:
        return NON_ISO_NAMES[code][check_language(lang)]
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return code
    name = getattr(country, "common_name", None) or country.name
    return _translation(check_language(lang)).gettext(name) if lang != "en" else name
