"""``/api/``: the writing API (ingest an upload) and the session (who am I, CSRF token)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import JSONResponse

from ima.domain.document import IngestStatus
from ima.web.auth import current_user, require_role
from ima.web.csrf import check_csrf, csrf_token
from ima.web.uploading import ingest_uploaded, outcome_row

router = APIRouter(prefix="/api")

_ERRORS = {400: {"description": "Bad file name, type or empty file"}, 401: {"description": "Not signed in"},
           403: {"description": "Role too low or missing CSRF token"}, 413: {"description": "File too large"},
           422: {"description": "The file could not be read; nothing stored"}}


@router.get("/session", summary="The signed-in user (or null) and the CSRF token writes must send")
def session(request: Request) -> dict:
    """Who is signed in, and the token to send as ``X-CSRF-Token`` with every write."""
    user = current_user(request)
    return {"user": user.username if user else None, "role": user.role if user else None,
            "csrf_token": csrf_token(request)}


@router.post("/documents", status_code=201, responses=_ERRORS,
             summary="Ingest an uploaded document (PDF, text, XML, HTML); needs an editor account")
async def post_document(
    request: Request,
    file: Annotated[UploadFile, File(description="The document")],
    csrf_field: Annotated[str | None, Form(alias="csrf_token")] = None,
) -> JSONResponse:
    """Ingest one file in one transaction: 201 with the document, 200 if the same bytes were stored
    already, 422 when the file cannot be read (nothing stored)."""
    require_role(request, "editor")
    check_csrf(request, csrf_field)
    outcome = await ingest_uploaded(request, file)
    row = outcome_row(outcome)
    if outcome.status is IngestStatus.FAILED:
        return JSONResponse({"error": outcome.reason, **row}, status_code=422)
    return JSONResponse(row, status_code=200 if outcome.status is IngestStatus.UNCHANGED else 201)
