"""``/pillar/{n}``: everything the record says per pillar across the years, a year at a time."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from ima.web.charts import bar_chart
from ima.web.pages import Page, page
from ima.web.rows import fact_row

router = APIRouter()


@page(router, "/pillar/{number}", summary="One pillar across the years: passages per year; for one year its "
                                          "documents with motions, commitments, figures and countries")
def pillar(
    request: Request,
    number: Annotated[int, Path(ge=1, le=6)],
    year: Annotated[int | None, Query(ge=0, le=2100, description="0: undated documents")] = None,
    page_number: Annotated[int, Query(alias="page", ge=1, le=10_000)] = 1,
) -> Page:
    """Passages per year for the whole record; the chosen year (default: the latest) in detail."""
    from ima.services.pillar_pages import pillar_page

    store = request.app.state.store
    return request.app.state.cache.get(store, ("pillar", number, year, page_number),
                                       lambda: _page(pillar_page(store, number, year, page_number)))


def _page(view) -> Page:
    p = view.pillar
    documents = []
    countries: dict[str, int] = {}
    for d in view.documents:
        rows = [fact_row(f) for f in d.facts]
        for f in d.facts:
            if f.kind in ("country", "region"):
                countries[f.key] = countries.get(f.key, 0) + 1
        documents.append({"id": d.id, "title": d.title, "date": d.date.isoformat() if d.date else None,
                          "passages": d.passages, "url": f"/documents/{d.id}",
                          "motions": [r for r in rows if r["kind"] == "motion"],
                          "commitments": [r for r in rows if r["kind"] == "commitment"],
                          "figures": [r for r in rows if r["kind"] in ("money", "count", "percent")]})
    years = {str(y) if y is not None else "?": n for y, n in sorted(view.years.items(), key=lambda kv: kv[0] or 0)}
    data = {"number": p.number, "name_nl": p.name_nl, "name_en": p.name_en, "passages_by_year": years,
            "year": view.year, "page": view.page, "pages": view.pages, "documents": documents,
            "countries": [{"code": c, "passages": n} for c, n in
                          sorted(countries.items(), key=lambda kv: (-kv[1], kv[0]))[:30]]}
    return Page("pillar.html", data, title=p.name_nl, extra={"chart": bar_chart(years, "passages per year")})
