"""Edits of curated data through web forms: editor role, CSRF token, the service call off the event loop,
then a redirect (forms) or the outcome as JSON (``Accept: application/json``). The services record each
change in the audit trail under the signed-in user's name."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from ima.domain.accounts import may
from ima.web.auth import current_user, require_role
from ima.web.csrf import check_csrf
from ima.web.pages import error_page, wants_json

T = TypeVar("T")
EDIT_RESPONSES: dict[int | str, dict[str, Any]] = {
    303: {"description": "Changed (forms): back to the page"}, 400: {"description": "Invalid value; nothing changed"},
    401: {"description": "Not signed in"}, 403: {"description": "Role too low or missing CSRF token"}}


def may_edit(request: Request) -> bool:
    """Whether the signed-in user may edit (shows the forms; the write itself is checked again)."""
    account = current_user(request)
    return account is not None and may(account.role, "editor")


async def audited_edit(request: Request, csrf_token: str, change: Callable[[str], T],
                       outcome: Callable[[T], tuple[dict, str]]) -> Response:
    """Run ``change(actor)`` for a signed-in editor with a valid CSRF token; ``outcome(result)`` gives the
    JSON answer and the page to go back to. A ``ValueError`` is a 400 and changes nothing (the services
    edit in one transaction)."""
    account = require_role(request, "editor")
    check_csrf(request, csrf_token)
    try:
        result = await run_in_threadpool(change, account.username)
    except ValueError as exc:
        return error_page(request, 400, str(exc))
    body, location = outcome(result)
    return JSONResponse(body) if wants_json(request) else RedirectResponse(location, status_code=303)
