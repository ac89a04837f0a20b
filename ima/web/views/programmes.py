"""``/budget``, ``/programmes`` and ``/programmes/{id}``: money against ceilings, the funded programmes,
and one programme with its indicators and monitoring flags, each flag with its "adapt or stop" decision."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Path, Query, Request
from fastapi.responses import Response

from ima.web.editing import EDIT_RESPONSES, audited_edit, may_edit
from ima.web.pages import Page, page
from ima.web.partnership_rows import flag_row
from ima.web import query_values
from ima.web.partnership_words import words

router = APIRouter()
PLACE = Query(max_length=60, description="ISO 3166 code, name or region id")
PILLAR = Query(pattern=query_values.PILLAR, description="pillar 1–6 (empty: all)")
REF = Path(min_length=1, max_length=120, description="store id, source:source_id or source id")
LIST_LIMIT = 2000


def _lang(request: Request) -> str:
    from ima.web.i18n import language_of

    return language_of(request)


@page(router, "/budget", summary="Budget per year (and country, pillar), ODA and non-ODA, against the ceilings")
def budget(
    request: Request,
    year: Annotated[str | None, Query(pattern=query_values.YEAR, description="e.g. 2029 (empty: all)")] = None,
    country: Annotated[str | None, PLACE] = None,
    pillar: Annotated[str | None, PILLAR] = None,
    by: Annotated[str, Query(pattern="^(year|area|pillar)(,(year|area|pillar))*$",
                             description="group by year, area and/or pillar")] = "year",
) -> Page:
    """Money of the selected programmes per group, and how much of each ceiling is planned."""
    from ima.services.budget import budget_view

    dims = tuple(dict.fromkeys(by.split(",")))
    year, pillar = query_values.blank_int(year), query_values.blank_int(pillar)
    view = budget_view(request.app.state.store, year=year, country=country or None, pillar=pillar, by=dims)
    rows = [{**{d: getattr(r, d) for d in dims}, "currency": r.currency, "amount": r.amount, "oda": r.oda,
             "non_oda": r.non_oda, "oda_unknown": r.oda_unknown, "programmes": r.programmes} for r in view.rows]
    ceilings = [{"id": u.ceiling.id, "label": u.ceiling.label, "year": u.ceiling.year, "currency": u.ceiling.currency,
                 "ceiling": u.ceiling.amount, "planned": u.planned, "headroom": u.headroom, "share": u.share,
                 "programmes": u.programmes, "source": u.ceiling.source} for u in view.ceilings]
    data = {"filters": {"year": year, "country": country or None, "pillar": pillar, "by": list(dims)},
            "rows": rows, "ceilings": ceilings, "total": sum(r["amount"] for r in rows)}
    w = words(_lang(request))
    return Page("budget.html", data, title=w("budget"), extra={"w": w})


@page(router, "/programmes", summary="Funded programmes, filtered by country (or region) and pillar")
def programmes(
    request: Request,
    country: Annotated[str | None, PLACE] = None,
    pillar: Annotated[str | None, PILLAR] = None,
    source: Annotated[str | None, Query(max_length=40, description="only programmes of this source (eutf, …)")]
    = None,
    limit: Annotated[int, Query(ge=1, le=LIST_LIMIT)] = 300,
) -> Page:
    """The programmes covering the country and serving the pillar, largest budget first."""
    from ima.services.programmes import list_programmes, programme_dict

    pillar = query_values.blank_int(pillar)
    found = list_programmes(request.app.state.store, country=country or None, pillar=pillar, source=source or None)
    found.sort(key=lambda p: -(p.total_budget or 0))
    data = {"filters": {"country": country or None, "pillar": pillar, "source": source or None},
            "total": len(found), "programmes": [programme_dict(p) for p in found[:limit]],
            "budget": sum(p.total_budget or 0 for p in found)}
    w = words(_lang(request))
    return Page("programmes.html", data, title=w("programmes"), extra={"w": w})


@page(router, "/programmes/{ref}", summary="One programme: budget per year, indicators (baseline, target, "
                                           "actual), side effects, evaluations and monitoring flags with their "
                                           "adapt-or-stop decision")
def programme(
    request: Request,
    ref: Annotated[str, REF],
    as_of: Annotated[str | None, Query(pattern=query_values.DAY, description="flag relative to this day "
                                                                           "(YYYY-MM-DD; default: today)")] = None,
) -> Page:
    """Everything about one programme, and what its monitoring calls for."""
    from ima.analysis.programmes.monitoring import MonitoringSettings, monitoring_flags
    from ima.services.programmes import get_programme, programme_dict

    lang = _lang(request)
    try:
        found = get_programme(request.app.state.store, ref)
    except ValueError as exc:
        if str(exc).startswith("no programme"):
            raise HTTPException(status_code=404, detail=str(exc)) from None
        raise
    day = query_values.blank_date(as_of, "as_of") or dt.date.today()
    flags = monitoring_flags([found], MonitoringSettings(as_of=day))
    from ima.ingest.programmes.ima_csv import STATUSES

    data = {**programme_dict(found, full=True), "flags": [flag_row(f, lang) for f in flags]}
    return Page("programme.html", data, title=found.title,
                extra={"w": words(lang), "statuses": STATUSES, "may_edit": may_edit(request)})


@router.post("/programmes/{ref}", summary="Change a programme's status, end date or implementing partner (e.g. "
             "the adapt-or-stop decision); needs an editor account and the CSRF token; recorded in the audit trail",
             responses=EDIT_RESPONSES)
async def edit(
    request: Request,
    ref: Annotated[str, REF],
    status: Annotated[str, Form(max_length=20)] = "",
    end: Annotated[str, Form(max_length=20)] = "",
    partner: Annotated[str, Form(max_length=300)] = "",
    note: Annotated[str, Form(max_length=1000)] = "",
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    """Apply the filled-in fields (empty ones stay as they are); the change and its author land in the audit trail."""
    from ima.services.programmes import edit_programme

    changes = {k: v for k, v in (("status", status), ("end", end), ("partner", partner)) if v.strip()}
    return await audited_edit(
        request, csrf_token,
        lambda actor: edit_programme(request.app.state.store, ref, changes, actor=actor, note=note.strip() or None),
        lambda done: ({"id": done[0].id, "key": done[0].key, "changed": done[1]}, f"/programmes/{done[0].id}"))
