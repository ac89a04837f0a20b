"""Ingesting a file uploaded through the web app: validated, size-limited, one transaction or nothing."""

from __future__ import annotations

import re
from pathlib import PurePath

from ima.domain.document import IngestError, IngestOutcome, IngestStatus
from ima.ingest.loaders import SUFFIXES, is_supported
from ima.ingest.pipeline import PIPELINE_VERSION, content_hash, parse_bytes
from ima.services.reparse import reparse_document
from ima.store import Store

# Uploads are versioned by name under this prefix: uploading a changed file with the
# same name makes a new version, as re-ingesting a changed file at the same path does.
UPLOAD_SOURCE_PREFIX = "upload:"
_UNSAFE = re.compile(r"[^\w.\- ]+")


def upload_name(filename: str | None) -> str:
    """The file's own name (no folders, no control characters), checked for a supported suffix."""
    name = _UNSAFE.sub("_", PurePath((filename or "").replace("\\", "/")).name).strip(" .")[:200]
    if not name:
        raise ValueError("the upload has no file name")
    if not is_supported(name):
        raise ValueError(f"unsupported file type {PurePath(name).suffix or '(none)'!r}: upload one of "
                         f"{', '.join(sorted(SUFFIXES))}")
    return name


def ingest_upload(store: Store, filename: str | None, data: bytes, max_bytes: int) -> IngestOutcome:
    """Ingest uploaded bytes: ``ValueError`` for a bad name or size, a ``failed`` outcome when the
    content cannot be read; on any failure nothing is stored."""
    name = upload_name(filename)
    if not data:
        raise ValueError("the uploaded file is empty")
    if len(data) > max_bytes:
        raise ValueError(f"file too large: {len(data) / 1048576:.1f} MB exceeds the limit of "
                         f"{max_bytes / 1048576:.1f} MB")
    source = UPLOAD_SOURCE_PREFIX + name
    known = store.find_by_hash(content_hash(data))
    if known is not None and (known.is_current or known.source != source):
        if known.pipeline != PIPELINE_VERSION:
            reparse_document(store, known)
        return IngestOutcome(path=name, status=IngestStatus.UNCHANGED, document_id=known.id, title=known.title,
                             date=known.date.isoformat() if known.date else None, pages=known.pages,
                             encoding=known.encoding, version=known.version)
    try:
        parsed = parse_bytes(data, source=source, name=name)
    except IngestError as exc:
        return IngestOutcome(path=name, status=IngestStatus.FAILED, reason=str(exc))
    except RecursionError:
        return IngestOutcome(path=name, status=IngestStatus.FAILED, reason="document too deeply nested to parse")
    outcome = store.save(parsed)
    return IngestOutcome(path=name, status=outcome.status, document_id=outcome.document_id, title=outcome.title,
                         date=outcome.date, pages=outcome.pages, encoding=parsed.extraction.encoding,
                         version=outcome.version)
