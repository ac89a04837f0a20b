"""What the record says: facts (figures, countries, organisations) and country dossiers."""

from __future__ import annotations

import gettext
from dataclasses import dataclass, field
from functools import lru_cache

import pycountry

from ima.domain.record import FactRecord
from ima.ingest.extraction.countries import curated_aliases, extract_countries
from ima.store import Store

FIGURE_KINDS = ("money", "count", "percent")
QUERY_KINDS = {"money": ("money",), "count": ("count",), "percent": ("percent",), "figures": FIGURE_KINDS,
               "country": ("country", "region"), "organisation": ("organisation",), "date": ("date",),
               "motion": ("motion",), "commitment": ("commitment",), "reference": ("reference",)}
MAX_LIMIT = 10_000


@dataclass(frozen=True, slots=True)
class Place:
    """A country (ISO 3166 alpha-3) or a named region (ima's region id), with its Dutch name."""

    code: str
    kind: str
    name: str


KOSOVO = Place("XKX", "country", "Kosovo")


@lru_cache(maxsize=1)
def _regions() -> dict[str, str]:
    out: dict[str, str] = {}
    for alias, code, kind, _ in curated_aliases():
        if kind == "region":
            out.setdefault(code, alias)
    return out


def _dutch_name(country) -> str:
    nl = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["nl"], fallback=True)
    return nl.gettext(getattr(country, "common_name", None) or country.name)


def resolve_place(query: str) -> Place:
    """A country or region from an ISO code (``MAR``, ``MA``), a region id or a Dutch/English name."""
    text = query.strip()
    if not text:
        raise ValueError("give a country: an ISO 3166 code (MAR) or a name (Marokko)")
    if text.upper() in ("XKX", "XK") or text.casefold() == "kosovo":
        return KOSOVO  # not in ISO 3166 (user-assigned code, as the EU and the data sources use it)
    regions = _regions()
    if text.lower() in regions:
        return Place(text.lower(), "region", regions[text.lower()])
    if text.isalpha() and len(text) in (2, 3):
        country = pycountry.countries.get(**{"alpha_2" if len(text) == 2 else "alpha_3": text.upper()})
        if country is not None:
            return Place(country.alpha_3, "country", _dutch_name(country))
    mentions = extract_countries(text[:1].upper() + text[1:])
    if mentions:
        code = mentions[0].code
        if mentions[0].kind == "region":
            return Place(code, "region", regions.get(code, mentions[0].text))
        if code == KOSOVO.code:
            return KOSOVO
        return Place(code, "country", _dutch_name(pycountry.countries.get(alpha_3=code)))
    try:
        country = pycountry.countries.lookup(text)
    except LookupError:
        raise ValueError(f"unknown country or region {query!r}: give an ISO 3166 code (MAR) or a name "
                         "(Marokko, Morocco)") from None
    return Place(country.alpha_3, "country", _dutch_name(country))


def check_pillar(pillar: int | None) -> int | None:
    """``pillar`` if it is one of the six, else a clear error."""
    if pillar is not None and not 1 <= pillar <= 6:
        raise ValueError(f"--pillar must be 1 to 6, not {pillar}")
    return pillar


def list_facts(store: Store, *, kind: str | None = None, country: str | None = None, document_id: int | None = None,
               pillar: int | None = None, limit: int = 100) -> list[FactRecord]:
    """Facts of the record: ``kind`` one of QUERY_KINDS (default: the figures), optionally about a
    country and/or standing in passages of one pillar."""
    if not 1 <= limit <= MAX_LIMIT:
        raise ValueError(f"--limit must be between 1 and {MAX_LIMIT}, not {limit}")
    if kind is not None and kind not in QUERY_KINDS:
        raise ValueError(f"unknown kind {kind!r}: choose one of {', '.join(QUERY_KINDS)}")
    about = resolve_place(country).code if country else None
    return store.facts(kinds=QUERY_KINDS[kind or "figures"], about=about, document_id=document_id,
                       pillar=check_pillar(pillar), limit=limit)


@dataclass
class PassageAbout:
    """A passage that mentions the place, with the figures standing in it."""

    document_id: int
    passage_seq: int
    page: int
    page_estimated: bool
    text: str
    pillars: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # how the place is written there
    figures: list[FactRecord] = field(default_factory=list)


@dataclass
class DocumentAbout:
    """One document's passages about the place."""

    document_id: int
    title: str | None
    date: object
    passages: list[PassageAbout] = field(default_factory=list)


def country_dossier(store: Store, query: str, *, limit: int = MAX_LIMIT) -> tuple[Place, list[DocumentAbout]]:
    """Every passage that mentions a country or region, grouped by document (by date) and pillar,
    with its figures."""
    place = resolve_place(query)
    mentions = store.facts(kinds=("country", "region"), key=place.code, limit=limit)
    figures = store.facts(kinds=FIGURE_KINDS, about=place.code, limit=limit)
    by_passage: dict[tuple[int, int], PassageAbout] = {}
    documents: dict[int, DocumentAbout] = {}
    for m in mentions:
        doc = documents.setdefault(m.document_id, DocumentAbout(m.document_id, m.title, m.date))
        key = (m.document_id, m.passage_seq)
        if key not in by_passage:
            by_passage[key] = PassageAbout(m.document_id, m.passage_seq, m.page, m.page_estimated, m.passage)
            doc.passages.append(by_passage[key])
        if m.text not in by_passage[key].names:
            by_passage[key].names.append(m.text)
    for f in figures:
        if (f.document_id, f.passage_seq) in by_passage:
            by_passage[(f.document_id, f.passage_seq)].figures.append(f)
    pillars = store.passage_pillars(list(documents))
    for key, passage in by_passage.items():
        passage.pillars = pillars.get(key, [])
    for doc in documents.values():  # by pillar (unclassified last), then in reading order
        doc.passages.sort(key=lambda p: (min(p.pillars) if p.pillars else 7, p.passage_seq))
    return place, list(documents.values())
