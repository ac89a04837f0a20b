"""``/audit``: the audit trail of curated data (editors and admins only), filterable, with CSV/JSON export."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from ima.web.auth import current_user
from ima.web.pages import Page, error_page, page
from ima.web import query_values
from ima.web.partnership_words import words

router = APIRouter()
MAX_CHANGES = 5000
KIND = Query(max_length=40, description="only this kind (programme, risk, partnership, …)")
KEY = Query(max_length=200, description="only this entity key")
ACTOR = Query(max_length=80, description="only changes by this person")
SINCE = Query(pattern=query_values.DAY, description="only changes on or after this day (YYYY-MM-DD)")


def require_editor(request: Request) -> None:
    """401 when nobody is signed in, 403 for readers: the trail names people and shows every change."""
    from ima.domain.accounts import may

    account = current_user(request)
    if account is None:
        raise HTTPException(status_code=401, detail="sign in as an editor to see the audit trail")
    if not may(account.role, "editor"):
        raise HTTPException(status_code=403, detail=f"the audit trail is for editors and admins, not {account.role}s")


def _filters(entity: str | None, key: str | None, actor: str | None, since: str | None) -> dict:
    return {"entity_kind": entity or None, "entity_key": key or None, "actor": actor or None,
            "since": query_values.blank_date(since, "since")}


@page(router, "/audit", summary="The audit trail: who changed which curated data when, from what to what "
                                "(editors and admins)")
def audit(
    request: Request,
    entity: Annotated[str | None, KIND] = None,
    key: Annotated[str | None, KEY] = None,
    actor: Annotated[str | None, ACTOR] = None,
    since: Annotated[str | None, SINCE] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_CHANGES)] = 500,
) -> Page:
    """The changes matching the filters, newest first."""
    from ima.services.audit import change_dict, list_changes
    from ima.web.i18n import language_of

    require_editor(request)
    changes = list_changes(request.app.state.store, **_filters(entity, key, actor, since))
    rows = [change_dict(c) for c in reversed(changes)][:limit]
    data = {"filters": {"entity": entity or None, "key": key or None, "actor": actor or None,
                        "since": since or None},
            "total": len(changes), "changes": rows}
    w = words(language_of(request))
    return Page("audit.html", data, title=w("audit"), extra={"w": w})


@router.get("/audit/export", summary="The audit trail as a CSV or JSON file (editors and admins)",
            responses={200: {"content": {"text/csv": {}, "application/json": {}}},
                       401: {"description": "Not signed in"}, 403: {"description": "Role too low"}})
def export(
    request: Request,
    format: Annotated[str, Query(pattern="^(csv|json)$")] = "csv",  # noqa: A002 (the query word)
    entity: Annotated[str | None, KIND] = None,
    key: Annotated[str | None, KEY] = None,
    actor: Annotated[str | None, ACTOR] = None,
    since: Annotated[str | None, SINCE] = None,
) -> Response:
    """The matching changes, oldest first, as a download (``ima audit export``)."""
    from ima.services.audit import export_changes

    require_editor(request)
    try:
        text = export_changes(request.app.state.store, format, **_filters(entity, key, actor, since))
    except ValueError as exc:
        return error_page(request, 400, str(exc))
    media = "text/csv; charset=utf-8" if format == "csv" else "application/json"
    return Response(text, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="ima-audit.{format}"'})
