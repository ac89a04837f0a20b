"""Reading an uploaded file within the size limit and ingesting it (shared by the API and the upload form)."""

from __future__ import annotations

from fastapi import HTTPException, Request, UploadFile
from starlette.concurrency import run_in_threadpool

from ima.domain.document import IngestOutcome

CHUNK = 1 << 20


async def read_limited(request: Request, file: UploadFile) -> bytes:
    """The upload's bytes; 413 as soon as it exceeds the app's limit."""
    limit = request.app.state.max_upload_bytes
    parts, size = [], 0
    while chunk := await file.read(CHUNK):
        size += len(chunk)
        if size > limit:
            raise HTTPException(status_code=413, detail=f"file too large: the limit is {limit / 1048576:.1f} MB")
        parts.append(chunk)
    return b"".join(parts)


async def ingest_uploaded(request: Request, file: UploadFile) -> IngestOutcome:
    """Ingest the upload through the ingest service (off the event loop); 400 for a bad name or empty file."""
    from ima.services.uploads import ingest_upload

    data = await read_limited(request, file)
    try:
        return await run_in_threadpool(ingest_upload, request.app.state.store, file.filename, data,
                                       request.app.state.max_upload_bytes)
    except ValueError as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from None


def outcome_row(outcome: IngestOutcome) -> dict:
    """The JSON row of an ingested upload (as ``ima ingest --json`` prints it)."""
    return {"id": outcome.document_id, "name": outcome.path, "status": outcome.status.value,
            "reason": outcome.reason, "title": outcome.title, "date": outcome.date, "pages": outcome.pages,
            "version": outcome.version, "url": f"/documents/{outcome.document_id}" if outcome.document_id else None}
