"""``/ranking``: the focus-country ranking with weight sliders that re-rank live, the explanation per
country and the sensitivity over weights (``ima.services.ranking.rank_countries``)."""

from __future__ import annotations

import math
from typing import Annotated

from fastapi import APIRouter, Query, Request

from ima.web.pages import Page, page

router = APIRouter()
MAX_SAMPLES = 5000


def parse_weights(text: str | None) -> dict[str, float]:
    """``transit:0.35,origin:0.4`` → ``{"transit": 0.35, "origin": 0.4}`` (criterion or group ids)."""
    weights: dict[str, float] = {}
    for part in filter(None, (p.strip() for p in (text or "").split(","))):
        key, sep, value = part.partition(":")
        try:
            number = float(value)
        except ValueError:
            number = None
        if not sep or number is None or not math.isfinite(number):
            raise ValueError(f"weights are id:number pairs separated by commas (transit:0.35), not {part!r}")
        weights[key.strip()] = number
    return weights


def _rows(result, lang: str) -> list[dict]:
    from ima.services.ranking import country_name

    group_of = {c.id: c.group for c in result.settings.criteria}
    rows = []
    for c in result.countries:
        by_group: dict[str, float] = {}
        for part in c.contributions:
            by_group[group_of[part.criterion]] = by_group.get(group_of[part.criterion], 0.0) + part.contribution
        rows.append({"iso3": c.iso3, "name": country_name(c.iso3, lang), "rank": c.rank, "score": round(c.score, 4),
                     "groups": {k: round(v, 4) for k, v in by_group.items()},
                     "contributions": [{"criterion": p.criterion, "indicator": p.indicator, "raw": p.raw,
                                        "year": p.year, "normalised": round(p.normalised, 4),
                                        "weight": round(p.weight, 4), "contribution": round(p.contribution, 4)}
                                       for p in c.contributions],
                     "missing": list(c.missing), "p_top": c.p_top, "rank_low": c.rank_low,
                     "rank_high": c.rank_high})
    return rows


@page(router, "/ranking", summary="Focus-country ranking; weights per group or criterion re-rank it")
def ranking(
    request: Request,
    weights: Annotated[str | None, Query(max_length=500, description="id:weight pairs, e.g. transit:0.5,origin:0.3")]
    = None,
    year: Annotated[int | None, Query(ge=1990, le=2100)] = None,
    method: Annotated[str | None, Query(pattern="^(weighted|topsis)$")] = None,
    samples: Annotated[int, Query(ge=0, le=MAX_SAMPLES, description="weight samples for the sensitivity")] = 500,
    top: Annotated[int, Query(ge=1, le=50)] = 10,
) -> Page:
    """The ranking for the chosen weights, each country with its parts and its rank range over weight samples."""
    from ima.services.ranking import rank_countries
    from ima.web.i18n import language_of

    lang = language_of(request)
    result = rank_countries(None, year, parse_weights(weights), method=method, samples=samples, top=top)
    s = result.settings
    data = {"year": result.year, "method": s.method, "samples": result.samples, "top": s.sensitivity.top,
            "groups": [{"id": g.id, "label": g.label(lang), "weight": round(g.weight, 4)} for g in s.groups],
            "criteria": [{"id": c.id, "group": c.group, "label": c.label(lang), "indicator": c.indicator,
                          "weight": round(c.weight, 4), "direction": c.direction} for c in s.criteria],
            "countries": _rows(result, lang), "excluded": list(result.excluded)}
    return Page("ranking.html", data, title="ranking")
