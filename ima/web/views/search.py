"""``/search``: full-text search with filters (kind, dates, pillar, country, party), snippets and pages."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from ima.domain.metadata import DocumentKind
from ima.web.pages import Page, page
from ima.web.rows import hit_row

router = APIRouter()
PER_PAGE = 20
MAX_PAGE = 50
# A party filter keeps the hits that stand in that party's questions or the answers to them;
# it filters a longer ranked list, so it sees at most this many hits.
PARTY_WINDOW = 1000


def _given(value: str | None) -> str | None:
    """Empty form fields mean "no filter"."""
    return value or None


def _party_passages(store, party: str) -> set[tuple[int, int]]:
    from ima.services.qa import questions_and_answers

    keep: set[tuple[int, int]] = set()
    for block in questions_and_answers(store, party=party):
        keep.update((block.document_id, q.passage_seq) for q in block.questions)
        keep.update((block.document_id, seq) for _, seq, _ in block.answers)
    return keep


def _hits(store, q: str, filters, party: str | None, page_number: int) -> tuple[list[dict], bool]:
    from ima.services.search import search as run_search

    offset = (page_number - 1) * PER_PAGE
    if party:
        keep = _party_passages(store, party)
        hits = [h for h in run_search(store, q, limit=PARTY_WINDOW, filters=filters)
                if (h.document_id, h.passage_seq) in keep][offset:offset + PER_PAGE + 1]
    else:
        hits = run_search(store, q, limit=PER_PAGE + 1, offset=offset, filters=filters)
    return [hit_row(h) for h in hits[:PER_PAGE]], len(hits) > PER_PAGE


@page(router, "/search", summary="Search the record (Dutch stemming, phrases, OR, -exclusions) with filters")
def search(
    request: Request,
    q: Annotated[str, Query(max_length=500, description="Words, \"phrases\", OR, -excluded")] = "",
    kind: Annotated[str | None, Query(description="letter, parliamentary_paper or other")] = None,
    country: Annotated[str | None, Query(max_length=100, description="ISO 3166 code or name")] = None,
    date_from: Annotated[str | None, Query(alias="from", max_length=10, description="2020 or 2020-01-31")] = None,
    date_to: Annotated[str | None, Query(alias="to", max_length=10)] = None,
    pillar: Annotated[int | None, Query(ge=1, le=6)] = None,
    party: Annotated[str | None, Query(max_length=60, description="Party of a written consultation")] = None,
    page_number: Annotated[int, Query(alias="page", ge=1, le=MAX_PAGE)] = 1,
) -> Page:
    """Ranked passages with snippets; each hit links to its page and passage."""
    from ima.services.qa import resolve_party
    from ima.services.search import make_filters

    store = request.app.state.store
    filters = make_filters(kind=_given(kind), country=_given(country), date_from=_given(date_from),
                           date_to=_given(date_to), pillar=pillar)
    data = {"query": q, "filters": {"kind": _given(kind), "country": filters.country if filters else None,
                                    "from": _given(date_from), "to": _given(date_to), "pillar": pillar,
                                    "party": resolve_party(party) if party else None},
            "page": page_number, "per_page": PER_PAGE, "hits": [], "more": False}
    if q.strip():
        key = ("search", q, filters, data["filters"]["party"], page_number)
        data["hits"], data["more"] = request.app.state.cache.get(
            store, key, lambda: _hits(store, q, filters, data["filters"]["party"], page_number))
    return Page("search.html", data, title=q, extra={"kinds": [k.value for k in DocumentKind]})
