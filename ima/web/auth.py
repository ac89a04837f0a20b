"""Who is signed in, and what they may do: the session names the user, the database says the role."""

from __future__ import annotations

from fastapi import HTTPException
from starlette.requests import Request

from ima.domain.accounts import Account, may

SESSION_USER = "user"


def current_user(request: Request) -> Account | None:
    """The signed-in, still active account of this request (read once per request), or None."""
    if "ima_user" in request.scope:
        return request.scope["ima_user"]
    username = request.session.get(SESSION_USER)
    account = request.app.state.store.accounts.get(username) if username else None
    if account is not None and not account.active:
        account = None
    request.scope["ima_user"] = account
    return account


def sign_in(request: Request, account: Account) -> None:
    """Start a session for ``account`` (a fresh session: no state survives from before signing in)."""
    request.session.clear()
    request.session[SESSION_USER] = account.username
    request.scope["ima_user"] = account


def sign_out(request: Request) -> None:
    """End the session."""
    request.session.clear()
    request.scope["ima_user"] = None


def require_role(request: Request, role: str) -> Account:
    """The current account if it has at least ``role``: 401 when nobody is signed in, 403 when the role is too low."""
    account = current_user(request)
    if account is None:
        raise HTTPException(status_code=401, detail="sign in first: writing needs an account")
    if not may(account.role, role):
        raise HTTPException(status_code=403, detail=f"your role ({account.role}) may not do this; it needs {role}")
    return account
