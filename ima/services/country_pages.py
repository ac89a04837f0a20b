"""A country dossier in pages: the record can mention a country in thousands of documents, so the web
page shows the newest documents a page at a time, with totals and passages per year for all of them."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ima.services.knowledge import FIGURE_KINDS, DocumentAbout, PassageAbout, Place, resolve_place
from ima.store import Store
from ima.store.place_query import documents_about, facts_about

PER_PAGE = 10


@dataclass
class DossierPage:
    """One page of a dossier: the documents on it (newest first) and totals over the whole record."""

    place: Place
    page: int
    pages: int
    documents_total: int
    passages_total: int
    passages_by_year: dict[str, int] = field(default_factory=dict)
    documents: list[DocumentAbout] = field(default_factory=list)


def dossier_page(store: Store, query: str, page: int = 1, per_page: int = PER_PAGE) -> DossierPage:
    """Page ``page`` (1-based) of the dossier of a country or region; passages by pillar within a document."""
    place = resolve_place(query)
    found = documents_about(store, place.code)
    pages = max(1, -(-len(found) // per_page))
    if not 1 <= page <= pages:
        raise ValueError(f"page {page} does not exist: the dossier of {place.name} has {pages} page(s)")
    years: dict[str, int] = {}
    for _, date, count in found:
        key = str(date.year) if date else "?"
        years[key] = years.get(key, 0) + count
    result = DossierPage(place, page, pages, len(found), sum(c for _, _, c in found), dict(sorted(years.items())))
    chosen = [document_id for document_id, _, _ in found[(page - 1) * per_page:page * per_page]]
    pillars = store.passage_pillars(chosen)
    all_mentions, all_figures = facts_about(store, place.code, chosen, FIGURE_KINDS)
    for document_id in chosen:
        mentions = [m for m in all_mentions if m.document_id == document_id]
        figures = [f for f in all_figures if f.document_id == document_id]
        doc = DocumentAbout(document_id, mentions[0].title if mentions else None,
                            mentions[0].date if mentions else None)
        by_seq: dict[int, PassageAbout] = {}
        for m in mentions:
            passage = by_seq.get(m.passage_seq)
            if passage is None:
                passage = by_seq[m.passage_seq] = PassageAbout(document_id, m.passage_seq, m.page, m.page_estimated,
                                                               m.passage, pillars.get((document_id, m.passage_seq), []))
                doc.passages.append(passage)
            if m.text not in passage.names:
                passage.names.append(m.text)
        for f in figures:
            if f.passage_seq in by_seq:
                by_seq[f.passage_seq].figures.append(f)
        doc.passages.sort(key=lambda p: (min(p.pillars) if p.pillars else 7, p.passage_seq))
        result.documents.append(doc)
    return result


@dataclass
class CountryPage:
    """Everything the country page shows: the dossier page, and for countries the indicators with their
    trends and series, the routes, the focus rank and the route map."""

    dossier: DossierPage
    indicators: list = field(default_factory=list)  # IndicatorLine
    series: dict[str, list[tuple[int, float]]] = field(default_factory=dict)
    routes: list = field(default_factory=list)  # RouteUse
    rank: object = None  # CountryScore | None
    ranked_of: int | None = None
    rank_history: list[tuple[int, int, int]] = field(default_factory=list)  # (year, rank, of)
    route_map: dict = field(default_factory=dict)


HISTORY_YEARS = 10


@lru_cache(maxsize=32)
def _focus_ranks(year: int | None) -> dict[str, tuple]:
    """The default focus ranking of a year, once per process (its inputs ship with ima and do not change)."""
    from ima.services.ranking import rank_countries

    try:
        result = rank_countries(year=year, samples=0)
    except ValueError:
        return {}
    return {c.iso3: (c, len(result.countries)) for c in result.countries}


def rank_history(iso3: str, year: int | None = None, years: int = HISTORY_YEARS) -> list[tuple[int, int, int]]:
    """``(year, rank, ranked countries)`` in the default focus ranking of each of the last ``years`` years
    up to ``year`` (default: the latest), for the years the country is ranked in."""
    from ima.services.ranking import default_year

    last = year or default_year()
    out = []
    for y in range(last - years + 1, last + 1):
        found = _focus_ranks(y).get(iso3)
        if found:
            out.append((y, found[0].rank, found[1]))
    return out


@lru_cache(maxsize=256)
def return_cooperation(iso3: str, lang: str = "nl") -> tuple[dict, ...]:
    """The country's return-cooperation rows (NL and EU level) from the shipped data, once per process;
    empty when there are no return figures for it."""
    from ima.services.returns import returns_assessment

    try:
        return tuple(returns_assessment(country=iso3, lang=lang))
    except ValueError:
        return ()


CHART_INDICATORS = ("asylum_first_time_nld", "orders_to_leave_nld", "returns_nld", "ibc_detections")


def country_page(store: Store, query: str, page: int = 1, year: int | None = None, lang: str = "nl") -> CountryPage:
    """The country page's content; regions get only their dossier."""
    from ima.analysis import indicators as ind
    from ima.services.country_profile import indicator_lines
    from ima.services.route_map import route_map

    result = CountryPage(dossier_page(store, query, page))
    place = result.dossier.place
    if place.kind != "country":
        return result
    result.indicators = indicator_lines(place.code, year)
    result.series = {i: [(v.year, v.value) for v in ind.indicator_series(place.code, i)
                         if year is None or v.year <= year] for i in CHART_INDICATORS}
    result.series = {k: v for k, v in result.series.items() if len(v) >= 2}
    result.routes = ind.routes_for(place.code, year)
    result.rank, result.ranked_of = _focus_ranks(year).get(place.code, (None, None))
    result.rank_history = rank_history(place.code, year)
    result.route_map = route_map(place.code, result.routes, lang)
    return result
