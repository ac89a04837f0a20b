"""CSRF protection: a synchronizer token kept in the signed session, sent back with every write."""

from __future__ import annotations

import hmac
import secrets

from fastapi import HTTPException
from starlette.requests import Request

SESSION_KEY = "csrf"
HEADER = "x-csrf-token"
FIELD = "csrf_token"


def csrf_token(request: Request) -> str:
    """The session's token (created on first use)."""
    token = request.session.get(SESSION_KEY)
    if not token:
        token = secrets.token_urlsafe(32)
        request.session[SESSION_KEY] = token
    return token


def check_csrf(request: Request, submitted: str | None) -> None:
    """403 unless ``submitted`` (form field) or the ``X-CSRF-Token`` header equals the session's token."""
    expected = request.session.get(SESSION_KEY)
    given = submitted or request.headers.get(HEADER)
    if not expected or not given or not hmac.compare_digest(str(expected), str(given)):
        raise HTTPException(status_code=403, detail="missing or wrong CSRF token: reload the page and try again")
