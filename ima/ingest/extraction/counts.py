"""Counts of people and things (``26.840 vluchtelingen``, ``circa 32.500``) and percentages.

Precision first. A number is a count when
- a counted noun follows it, possibly after one or two adjectives
  (``1.000 Syrische vluchtelingen``, ``78 zogeheten e-gates``); the noun is
  one of :data:`NOUNS`, a compound ending in one (``arbeidsmigranten``), or a
  demonym in the plural (``Syriërs``, ``Eritreeërs``); or
- it is written with a thousands dot (``1.750``): years, dossier numbers,
  pages and footnote calls never are; or
- it has a scale word and a qualifier (``ruim 13 duizend``); or
- the words before say so (``het beloofde aantal van 750``).
Small number words (``drie``, below 100) count only with a noun for people from the list
(``drie kinderen``, ``vijf Syriërs``) or with a scale word (``twee miljoen``):
``drie manieren``, ``vier voorstellen``, ``drie grote locaties`` are the wording of
the text, not figures a reader looks for. Durations
(``zes maanden``, ``121 uur``) are not counts. Years, dates and identifiers
are masked before this module sees the numbers (:mod:`.references`, :mod:`.dates`).
"""

from __future__ import annotations

import re
from decimal import Decimal

from ima.domain.facts import Count, Percentage, Span
from ima.ingest.extraction.ignorecase import holds_any
from ima.ingest.extraction.numbers import NumberPhrase, qualifier_before

#: plural (and singular) nouns that are counted, with their lemma
NOUNS: dict[str, str] = {
    "vluchtelingen": "vluchteling", "vluchteling": "vluchteling", "migranten": "migrant", "migrant": "migrant",
    "asielzoekers": "asielzoeker", "asielzoeker": "asielzoeker", "personen": "persoon", "persoon": "persoon",
    "mensen": "mens", "mens": "mens", "kinderen": "kind", "kind": "kind", "minderjarigen": "minderjarige",
    "statushouders": "statushouder", "terugkeerders": "terugkeerder", "vreemdelingen": "vreemdeling",
    "vreemdeling": "vreemdeling", "illegalen": "illegaal", "slachtoffers": "slachtoffer",
    "slachtoffer": "slachtoffer", "doden": "dode", "aankomsten": "aankomst", "aanvragen": "aanvraag",
    "landen": "land", "land": "land", "lidstaten": "lidstaat", "lidstaat": "lidstaat", "plaatsen": "plaats",
    "bedden": "bed", "locaties": "locatie", "projecten": "project", "programma's": "programma",
    "vaccinaties": "vaccinatie", "consultaties": "consultatie", "e-gates": "e-gate", "maatregelen": "maatregel",
    "voorstellen": "voorstel", "vergunningen": "vergunning", "visa": "visum", "visums": "visum",
    "uitzettingen": "uitzetting", "werknemers": "werknemer", "studenten": "student", "medewerkers": "medewerker",
    "trainingen": "training", "banen": "baan", "woningen": "woning", "huishoudens": "huishouden",
    "gezinnen": "gezin", "leerlingen": "leerling", "scholen": "school", "dossiers": "dossier",
    "gevallen": "geval", "overtochten": "overtocht", "smokkelaars": "smokkelaar", "deelnemers": "deelnemer",
    "begunstigden": "begunstigde", "ontheemden": "ontheemde", "amv's": "amv", "amv’s": "amv",
    "nieuwkomers": "nieuwkomer", "arbeidskrachten": "arbeidskracht", "reizigers": "reiziger",
    "bewoners": "bewoner", "inwoners": "inwoner", "burgers": "burger", "onderdanen": "onderdaan",
    "zoekers": "zoeker", "vertrekkers": "vertrekker", "aanvragers": "aanvrager", "grenswachten": "grenswacht",
    "agenten": "agent", "officieren": "officier", "ambtenaren": "ambtenaar", "organisaties": "organisatie",
    "partners": "partner", "gemeenten": "gemeente", "centra": "centrum", "opvangplaatsen": "opvangplaats",
    "verzoeken": "verzoek", "beslissingen": "beslissing", "vluchten": "vlucht",
    "grensoverschrijdingen": "grensoverschrijding", "oversteken": "oversteek", "pijlers": "pijler",
    "fracties": "fractie", "meisjes": "meisje", "jongens": "jongen", "vrouwen": "vrouw", "mannen": "man",
    "jongeren": "jongere", "families": "familie", "uitkeringen": "uitkering", "plekken": "plek",
    "bijdragen": "bijdrage", "toezeggingen": "toezegging", "mariniers": "marinier", "marinier": "marinier",
    "tolken": "tolk", "ambassades": "ambassade", "missies": "missie", "verdragen": "verdrag",
}
#: lemmas of counted nouns for people: the only nouns a spelled-out small number counts
PEOPLE: frozenset[str] = frozenset({
    "vluchteling", "migrant", "asielzoeker", "persoon", "mens", "kind", "minderjarige", "statushouder",
    "terugkeerder", "vreemdeling", "illegaal", "slachtoffer", "dode", "werknemer", "student", "medewerker",
    "gezin", "huishouden", "leerling", "smokkelaar", "deelnemer", "begunstigde", "ontheemde", "amv",
    "nieuwkomer", "arbeidskracht", "reiziger", "bewoner", "inwoner", "burger", "onderdaan", "zoeker",
    "vertrekker", "aanvrager", "grenswacht", "agent", "officier", "ambtenaar", "meisje", "jongen", "vrouw",
    "man", "jongere", "familie", "marinier", "tolk",
})
_PEOPLE_TAILS = tuple(PEOPLE)
_HEADS = sorted((k for k in NOUNS if len(k) >= 6), key=len, reverse=True)
_TIME_UNITS = {"jaar", "jaren", "maand", "maanden", "week", "weken", "dag", "dagen", "uur", "uren", "minuten",
               "seconden", "eeuw", "eeuwen", "decennia", "decennium", "keer", "maal", "kwartaal", "kwartalen"}
_ADJECTIVE_WORDS = {"zogeheten", "zogenaamde", "extra", "nieuwe", "andere", "verschillende", "verdere"}
_NOT_ADJECTIVES = {"welke", "diverse", "waarvan", "beide", "gehele", "deze", "die", "alle"}
_NEXT_WORD = re.compile(r"[ \t\u00a0]+([^\W\d_][\w’'-]*)")
_DEMONYM = re.compile(r"[A-Z][a-zëéïö]+(?:ërs|anen|ezen|aren|ers)\Z")  # Syriërs, Marokkanen, Soedanezen
#: "het beloofde aantal van 750", "in totaal 36": the words before say it is a count
_NUMBER_OF = re.compile(r"(?<!\w)(?:aantal(?:\s+van)?|in\s+totaal|totaal\s+van)\s+\Z", re.IGNORECASE)
_PERIOD_AFTER = re.compile(r"\s+(per\s+(?:jaar|maand|week|dag|kwartaal))(?!\w)", re.IGNORECASE)


def noun_lemma(word: str) -> str | None:
    """The lemma of a counted noun, for a known noun, a compound ending in one, or a plural demonym."""
    low = word.lower()
    if low in NOUNS:
        return NOUNS[low]
    for head in _HEADS:
        if low.endswith(head) and len(low) > len(head) + 2:
            return low[: -len(head)] + NOUNS[head]
    if _DEMONYM.match(word) and word.endswith("s"):
        return word[:-1]  # Syriërs -> Syriër, Eritreeërs -> Eritreeër
    return None  # Marokkanen, Soedanezen: the singular stem differs; _unit_after keeps the word


def _unit_after(text: str, end: int) -> tuple[str, str | None, int] | None:
    """The counted noun after ``end`` (skipping up to two adjectives): word, lemma, end offset."""
    pos = end
    for _ in range(3):
        m = _NEXT_WORD.match(text, pos)
        if not m:
            return None
        word = m.group(1)
        low = word.lower()
        if low in _TIME_UNITS:
            return None
        lemma = noun_lemma(word)
        if lemma is not None or _DEMONYM.match(word):
            # "drie Gemeenschappelijke Vreemdelingen Locaties": inside a capitalised name
            # the last word is the counted noun
            name = re.match(r"(?:[ \t]+[A-Z][\w’'-]*)+", text[m.end():])
            if word[0].isupper() and name:
                last = name.group().split()[-1]
                if noun_lemma(last) is not None:
                    return last, noun_lemma(last), m.end() + name.end()
            return word, lemma, m.end()
        if low in _ADJECTIVE_WORDS or (len(low) > 4 and low.endswith("e") and low not in _NOT_ADJECTIVES):
            pos = m.end()  # "Syrische", "alleenstaande": look at the next word
            continue
        return None
    return None


def _counts_people(unit: tuple[str, str | None, int] | None) -> bool:
    """Whether the counted noun names people (a listed noun, or a demonym such as ``Syriërs``)."""
    if unit is None:
        return False
    word, lemma = unit[0], unit[1]
    if lemma and (lemma in PEOPLE or lemma.endswith(_PEOPLE_TAILS)):  # ketenmarinier: a compound
        return True
    return bool(_DEMONYM.match(word))


def _is_time_unit_next(text: str, end: int) -> bool:
    m = _NEXT_WORD.match(text, end)
    return bool(m and m.group(1).lower() in _TIME_UNITS)


def count_from_phrase(text: str, phrase: NumberPhrase) -> Count | None:
    """The count ``phrase`` states, or None if it is not a count by the rules above."""
    low, high = phrase.low, phrase.high
    last = high or low
    if _is_time_unit_next(text, last.end):
        return None
    unit = _unit_after(text, last.end)
    if low.word and low.value == 1:
        return None  # "één land", "dag één", "één op één": idiom far more often than a figure
    if (low.word or last.word) and not last.scale and last.value < 100 and not _counts_people(unit):
        return None
    if unit is None:
        if low.word or last.word:
            return None
        if not (low.grouped or last.grouped or (last.scale and phrase.qualifier)
                or _NUMBER_OF.search(text[max(0, phrase.start - 30):phrase.start])):
            return None
        if any(t.plain_int is not None and 1900 <= t.plain_int <= 2099 for t in (low, last)):
            return None
    end = unit[2] if unit else last.end
    period = None
    m = _PERIOD_AFTER.match(text, end)
    if m:
        period = " ".join(m.group(1).lower().split())
        end = m.end()
    return Count(
        value=low.value, text=text[phrase.start:end], span=Span(phrase.start, end),
        unit=unit[0] if unit else None, unit_lemma=unit[1] if unit else None, qualifier=phrase.qualifier,
        low=low.value if high else None, high=high.value if high else None, period=period)


_PERCENT_AFTER = re.compile(r"[ \t\u00a0]*(%|procent|pct\.?)(?!\w)", re.IGNORECASE)
_FRACTION = re.compile(
    r"(?<!\w)(één|een|twee|drie|vier)[ \t]+(derde|kwart|vijfde)(?=[ \t]+(?:van|deel)(?!\w))|(?<!\w)(driekwart)(?!\w)",
    re.IGNORECASE)
# every _FRACTION match holds one of these (driekwart holds kwart): one quick scan rules most passages out
_FRACTION_WORDS = re.compile(r"derde|kwart|vijfde", re.IGNORECASE)
_FRACTION_NAMES = ("derde", "kwart", "vijfde")
_FRACTION_VALUES = {"derde": Decimal(3), "kwart": Decimal(4), "vijfde": Decimal(5)}
_SMALL = {"één": 1, "een": 1, "twee": 2, "drie": 3, "vier": 4}


def percentage_from_phrase(text: str, phrase: NumberPhrase) -> Percentage | None:
    """``90%``, ``bijna 50%``, ``50 procent``: a number followed by a percent sign or word."""
    last = phrase.high or phrase.low
    m = _PERCENT_AFTER.match(text, last.end)
    if not m or phrase.low.scale:
        return None
    return Percentage(phrase.low.value, text[phrase.start:m.end()], Span(phrase.start, m.end()), phrase.qualifier)


def extract_fractions(text: str) -> list[Percentage]:
    """Fractions in words (``twee derde van``, ``driekwart``) as percentages, two decimals.

    ``een derde`` only counts in front of ``van``/``deel``: ``een derde land``
    is a third country, which this corpus mentions far more often.
    """
    out: list[Percentage] = []
    if not holds_any(text, _FRACTION_NAMES, _FRACTION_WORDS):
        return out
    for m in _FRACTION.finditer(text):
        if m.group(3):
            value = Decimal(75)
        else:
            value = (Decimal(100) * _SMALL[m.group(1).lower()] / _FRACTION_VALUES[m.group(2).lower()])
        value = value.quantize(Decimal("0.01"))
        start = m.start()
        found = qualifier_before(text, start)
        qualifier = None
        if found:
            qualifier, start = found
        out.append(Percentage(value, text[start:m.end()], Span(start, m.end()), qualifier))
    return out
