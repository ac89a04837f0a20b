"""Signing in and out, and the upload form (HTML forms with CSRF tokens; the API twin is ``/api/``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from ima.domain.document import IngestStatus
from ima.web.auth import current_user, require_role, sign_in, sign_out
from ima.web.csrf import check_csrf
from ima.web.pages import Page, render
from ima.web.uploading import ingest_uploaded, outcome_row

router = APIRouter(include_in_schema=False)


def _local(target: str | None) -> str:
    """Only same-site paths are followed after signing in (no open redirects)."""
    return target if target and target.startswith("/") and not target.startswith("//") else "/"


@router.get("/login")
def login_form(request: Request, next: str = "/") -> Response:
    """The sign-in form."""
    return render(request, Page("login.html", {"next": _local(next), "error": None}))


@router.post("/login")
async def login(
    request: Request,
    username: Annotated[str, Form(max_length=80)],
    password: Annotated[str, Form(max_length=1000)],
    csrf_token: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/",
) -> Response:
    """Check the password; on success a fresh session and back to where the user came from."""
    from ima.services.accounts import authenticate

    check_csrf(request, csrf_token)
    account = await run_in_threadpool(authenticate, request.app.state.store, username, password)
    if account is None:
        return render(request, Page("login.html", {"next": _local(next), "error": "bad_login"}, status=401))
    sign_in(request, account)
    return RedirectResponse(_local(next), status_code=303)


@router.post("/logout")
def logout(request: Request, csrf_token: Annotated[str, Form()] = "") -> Response:
    """End the session."""
    check_csrf(request, csrf_token)
    sign_out(request)
    return RedirectResponse("/", status_code=303)


@router.get("/upload")
def upload_form(request: Request) -> Response:
    """The upload form (shown to everyone; only editors may send it)."""
    user = current_user(request)
    return render(request, Page("upload.html", {"may_write": bool(user and user.role in ("editor", "admin")),
                                                "result": None}))


@router.post("/upload")
async def upload(
    request: Request,
    file: Annotated[UploadFile, File()],
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    """Ingest the uploaded file and show the outcome."""
    require_role(request, "editor")
    check_csrf(request, csrf_token)
    outcome = await ingest_uploaded(request, file)
    status = 422 if outcome.status is IngestStatus.FAILED else 201
    return render(request, Page("upload.html", {"may_write": True, "result": outcome_row(outcome)}, status=status))
