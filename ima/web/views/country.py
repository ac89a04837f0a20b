"""``/country/{ISO3}``: the dossier of a country: indicators with charts and sources, the route picture
on a map, the focus rank, return cooperation, and the record's passages by pillar (newest documents first,
a page at a time)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from ima.domain.pillars import PILLARS
from ima.web.charts import bar_chart, line_chart
from ima.web.i18n import language_of
from ima.web.pages import Page, page
from ima.web.rows import fact_row

router = APIRouter()


def _passages(dossier) -> list[dict]:
    by_pillar: dict[int, list[dict]] = {}
    for doc in dossier.documents:
        for p in doc.passages:
            row = {"document_id": doc.document_id, "title": doc.title,
                   "date": doc.date.isoformat() if doc.date else None, "page": p.page,
                   "page_estimated": p.page_estimated, "passage": p.passage_seq, "text": p.text,
                   "pillars": p.pillars, "names": p.names, "figures": [fact_row(f) for f in p.figures],
                   "url": f"/documents/{doc.document_id}#p{p.passage_seq}"}
            by_pillar.setdefault(min(p.pillars) if p.pillars else 0, []).append(row)
    names = {x.number: x for x in PILLARS}
    return [{"pillar": n, "name_nl": names[n].name_nl if n else None, "name_en": names[n].name_en if n else None,
             "passages": by_pillar[n]} for n in sorted(by_pillar, key=lambda n: n or 7)]


def _indicator_rows(lines, lang: str) -> list[dict]:
    return [{"id": line.indicator.id, "label": line.indicator.label(lang), "value": line.value.value,
             "year": line.value.year, "unit": line.value.unit, "source": line.value.source,
             "source_url": line.indicator.source_url,
             "trend": line.trend.arrow if line.trend else None, "change": line.trend.change if line.trend else None,
             "sparkline": line.trend.sparkline if line.trend else None} for line in lines]


def _returns(code: str, lang: str) -> list[dict]:
    from ima.services.country_pages import return_cooperation

    keep = ("level", "year", "return_decisions", "returns", "return_rate", "cooperation", "trend", "lever",
            "lever_reason", "sources")
    return [{k: r.get(k) for k in keep} for r in return_cooperation(code, lang)]


@page(router, "/country/{code}", summary="Country dossier: indicators, routes, focus rank, return cooperation "
                                         "and the record's passages about it (paged, newest documents first)")
def country(
    request: Request,
    code: str,
    page_number: Annotated[int, Query(alias="page", ge=1, le=10_000)] = 1,
    year: Annotated[int | None, Query(ge=1990, le=2100)] = None,
) -> Page:
    """The dossier; ``code`` is ISO 3166 alpha-3 (MAR), alpha-2, a region id or a name."""
    from ima.services.country_pages import country_page

    if len(code) > 100:
        raise ValueError("country code too long")
    lang = language_of(request)
    store = request.app.state.store
    return request.app.state.cache.get(store, ("country", code, page_number, year, lang),
                                       lambda: _page(country_page(store, code, page_number, year, lang), lang))


def _page(view, lang: str) -> Page:
    d = view.dossier
    place = d.place
    rank = view.rank
    data = {"code": place.code, "kind": place.kind, "name": place.name, "page": d.page, "pages": d.pages,
            "documents": d.documents_total, "passages": d.passages_total, "passages_by_year": d.passages_by_year,
            "pillars": _passages(d), "indicators": _indicator_rows(view.indicators, lang),
            "series": {k: [[y, v] for y, v in points] for k, points in view.series.items()},
            "routes": [{"id": u.route.id, "name": u.route.name(lang), "role": u.role,
                        "nationals_detections": u.nationals_detections, "share_of_route": u.share_of_route,
                        "share_of_nationals": u.share_of_nationals, "first_year": u.first_year,
                        "last_year": u.last_year, "dead_missing": u.dead_missing} for u in view.routes
                       if u.role or u.uses_route],
            "rank": {"rank": rank.rank, "of": view.ranked_of, "score": rank.score} if rank else None,
            "rank_history": [{"year": y, "rank": r, "of": n} for y, r, n in view.rank_history],
            "returns": _returns(place.code, lang) if place.kind == "country" else [],
            "map": view.route_map}
    labels = {line["id"]: line["label"] for line in data["indicators"]}
    charts = {"years": bar_chart(d.passages_by_year, "passages per year"),
              "series": [(labels.get(k, k), line_chart(points, labels.get(k, k))) for k, points in view.series.items()],
              "ranks": line_chart([(y, -r) for y, r, _ in view.rank_history], "rank", negate=True)}
    return Page("country.html", data, title=place.name, extra={"charts": charts})
