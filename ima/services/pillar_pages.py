"""A pillar across the years, a year at a time: how much the record says per year, and for one year its
documents (newest first, paged) with the motions, commitments, figures and countries in their passages
of the pillar."""

from __future__ import annotations

from dataclasses import dataclass, field

from ima.domain.pillars import Pillar, pillar
from ima.domain.record import FactRecord
from ima.store import Store
from ima.store.pillar_query import pillar_documents, pillar_facts, pillar_years

PER_PAGE = 10
KINDS = ("money", "count", "percent", "motion", "commitment", "country", "region")


@dataclass
class PillarDocument:
    """A document of the year with its passages of the pillar and their facts."""

    id: int
    title: str | None
    date: object
    passages: int
    facts: list[FactRecord] = field(default_factory=list)


@dataclass
class PillarPage:
    """One year of one pillar, one page of its documents."""

    pillar: Pillar
    years: dict[int | None, int]
    year: int | None
    page: int
    pages: int
    documents: list[PillarDocument] = field(default_factory=list)


def pillar_page(store: Store, number: int, year: int | None = None, page: int = 1,
                per_page: int = PER_PAGE) -> PillarPage:
    """``year`` defaults to the latest year with passages of the pillar (0 asks for undated documents)."""
    p = pillar(number)
    years = pillar_years(store, number)
    dated = sorted((y for y in years if y is not None), reverse=True)
    chosen = (dated[0] if dated else None) if year is None else (None if year == 0 else year)
    if year not in (None, 0) and year not in years:
        raise ValueError(f"pillar {number} has no passages in {year}; years: "
                         f"{', '.join(str(y) for y in dated) or 'none'}")
    found = pillar_documents(store, number, chosen) if years else []
    pages = max(1, -(-len(found) // per_page))
    if not 1 <= page <= pages:
        raise ValueError(f"page {page} does not exist: that year of pillar {number} has {pages} page(s)")
    shown = found[(page - 1) * per_page:page * per_page]
    facts = pillar_facts(store, number, [d[0] for d in shown], KINDS)
    documents = [PillarDocument(i, title, date, n, [f for f in facts if f.document_id == i])
                 for i, title, date, n in shown]
    return PillarPage(p, years, chosen, page, pages, documents)
