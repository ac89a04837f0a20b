"""``/risks``: the do-no-harm risk register with filters, heat map and flags; signed-in editors update a
risk through a CSRF-protected form (``ima.services.risks.update_risk``), recorded in the audit trail."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import Response

from ima.domain.serial import to_plain
from ima.web.editing import EDIT_RESPONSES, audited_edit, may_edit
from ima.web.pages import Page, page
from ima.web.partnership_rows import heat_rows, risk_row
from ima.web import query_values
from ima.web.partnership_words import words

router = APIRouter()
RISKS_FILE_ENV = "IMA_RISKS_FILE"
RISK_ID = r"^[A-Za-z0-9_.-]{1,40}$"


def risks_file(request: Request) -> Path | None:
    """The register the app reads and edits: ``app.state.risks_file``, else ``$IMA_RISKS_FILE``, else the
    shipped one (None)."""
    chosen = getattr(request.app.state, "risks_file", None) or os.environ.get(RISKS_FILE_ENV)
    return Path(chosen) if chosen else None


@page(router, "/risks", summary="The do-no-harm risk register: risks with flags (review overdue, high and "
                                "unmitigated) and the likelihood × impact heat map")
def risks(
    request: Request,
    country: Annotated[str | None, Query(max_length=60, description="ISO 3166 code or name")] = None,
    overdue: Annotated[bool, Query(description="only risks whose review date has passed")] = False,
    high: Annotated[bool, Query(description="only high risks")] = False,
    all: Annotated[bool, Query(description="include closed risks")] = False,  # noqa: A002 (the query word)
    today: Annotated[str | None, Query(pattern=query_values.DAY, description="flag relative to this day "
                                                                           "(YYYY-MM-DD; default: today)")] = None,
) -> Page:
    """The filtered register, highest score first, and the heat map of the active risks."""
    from ima.domain.risks import RISK_STATUSES
    from ima.services.risks import risk_heat_map, risk_register
    from ima.web.i18n import language_of

    path = risks_file(request)
    country, today = country or None, query_values.blank_date(today, "today")
    rows = risk_register(today=today, overdue=overdue, high=high, country=country, include_closed=all, path=path)
    heat = risk_heat_map(country=country, path=path)
    data = {"filters": {"country": country, "overdue": overdue, "high": high, "all": all,
                        "today": (today or dt.date.today()).isoformat()},
            "risks": [risk_row(f) for f in rows],
            "counts": {"risks": len(rows), "overdue": sum(f.overdue for f in rows),
                       "unmitigated_high": sum(f.unmitigated_high for f in rows)},
            "heat_map": {"total": heat.total, "rows": heat_rows(heat)},
            "statuses": list(RISK_STATUSES)}
    lang = language_of(request)
    return Page("risks.html", data, title=words(lang)("risk_register"),
                extra={"w": words(lang), "may_edit": may_edit(request)})


@router.post("/risks/{risk_id}", summary="Update a risk (status, review date, owner, mitigation); needs an "
             "editor account and the CSRF token; recorded in the audit trail", responses=EDIT_RESPONSES)
async def update(
    request: Request,
    risk_id: Annotated[str, PathParam(pattern=RISK_ID, description="the risk id, e.g. TUN-01")],
    status: Annotated[str, Form(max_length=20)] = "",
    review_date: Annotated[str, Form(max_length=20)] = "",
    owner: Annotated[str, Form(max_length=200)] = "",
    mitigation: Annotated[str, Form(max_length=1000)] = "",
    note: Annotated[str, Form(max_length=1000)] = "",
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    """Apply the filled-in fields to the risk; the change and its author land in the audit trail."""
    from ima.services.risks import update_risk

    def change(actor: str):
        return update_risk(request.app.state.store, risk_id, actor=actor, status=status.strip() or None,
                           review_date=query_values.blank_date(review_date.strip(), "review date"),
                           owner=owner.strip() or None, add_mitigation=mitigation.strip() or None,
                           note=note.strip() or None, path=risks_file(request))

    return await audited_edit(request, csrf_token, change, lambda record: (
        {"id": risk_id, "changed": record.changed_fields() if record else [],
         "audit": to_plain(record) if record else None}, f"/risks#risk-{risk_id}"))
