"""Ingest files and folders into the store, one transaction per document.

A batch survives any one bad file: every failure becomes a ``failed`` row with
a one-line reason, and the other files still ingest.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ima.domain.document import IngestError, IngestOutcome, IngestStatus
from ima.ingest.loaders import is_supported
from ima.ingest.pipeline import PIPELINE_VERSION, content_hash, parse_bytes
from ima.services.reparse import reparse_document
from ima.store import Store

DEFAULT_MAX_MB = 50.0
# Documentation that sits beside documents in a folder, not a document itself;
# named explicitly on the command line, such a file is ingested like any other.
FOLDER_SKIP_NAMES = {"readme.md", "source.md", "license.md", "changelog.md", "readme.txt", "license.txt"}


@dataclass(frozen=True, slots=True)
class IngestSettings:
    """Limits of an ingest run; ``max_bytes`` from ``IMA_MAX_FILE_MB`` unless given."""

    max_bytes: int = int(DEFAULT_MAX_MB * 1024 * 1024)

    @classmethod
    def from_env(cls, max_mb: float | None = None) -> IngestSettings:
        """Settings from an explicit limit in MB, else the environment, else the default."""
        if max_mb is None:
            raw = os.environ.get("IMA_MAX_FILE_MB")
            try:
                max_mb = float(raw) if raw else DEFAULT_MAX_MB
            except ValueError as exc:
                raise ValueError(f"IMA_MAX_FILE_MB must be a number of megabytes, not {raw!r}") from exc
        if max_mb <= 0:
            raise ValueError("the file size limit must be positive")
        return cls(max_bytes=int(max_mb * 1024 * 1024))


@dataclass(frozen=True, slots=True)
class Candidate:
    """A file named or found for ingestion, or a path that failed before reading."""

    path: Path
    error: str | None = None


def collect(paths: Iterable[str | os.PathLike]) -> list[Candidate]:
    """Expand files and folders (recursively, supported suffixes only) in a stable order.

    Folder walks skip hidden files and folder documentation (README.md, SOURCE.md, ...).

    Missing or unreadable paths become failed candidates instead of stopping the run.
    """
    found: list[Candidate] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            found.append(Candidate(path, "no such file or folder"))
        elif path.is_dir():
            if not os.access(path, os.R_OK | os.X_OK):
                found.append(Candidate(path, "folder not readable: permission denied"))
                continue
            files = sorted(p for p in path.rglob("*") if p.is_file() and is_supported(p.name)
                           and p.name.lower() not in FOLDER_SKIP_NAMES
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            found.extend(Candidate(p) for p in files)
        elif not path.is_file():
            found.append(Candidate(path, "not a regular file"))
        else:
            found.append(Candidate(path))
    return found


def _failed(path: Path, reason: str) -> IngestOutcome:
    return IngestOutcome(path=str(path), status=IngestStatus.FAILED, reason=reason)


def ingest_file(store: Store, path: Path, settings: IngestSettings) -> IngestOutcome:
    """Ingest one file: unchanged bytes are recognised by hash before any parsing."""
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            return _failed(path, f"file too large: {size / 1048576:.1f} MB exceeds the limit of "
                                 f"{settings.max_bytes / 1048576:.1f} MB (set IMA_MAX_FILE_MB or --max-mb)")
        data = path.read_bytes()
    except PermissionError:
        return _failed(path, "cannot read: permission denied")
    except OSError as exc:
        return _failed(path, f"cannot read: {exc.strerror or exc}")
    source = str(path.resolve())
    known = store.find_by_hash(content_hash(data))
    if known is not None and (known.is_current or known.source != source):
        if known.pipeline != PIPELINE_VERSION:
            # same bytes, older stages: renew what ima derived from them (the version stays)
            reparse_document(store, known)
        return IngestOutcome(path=str(path), status=IngestStatus.UNCHANGED, document_id=known.id,
                             title=known.title, date=known.date.isoformat() if known.date else None,
                             pages=known.pages, encoding=known.encoding, version=known.version)
    try:
        parsed = parse_bytes(data, source=source, name=path.name)
    except IngestError as exc:
        return _failed(path, str(exc))
    except RecursionError:
        return _failed(path, "document too deeply nested to parse")
    except Exception as exc:  # a defect in a stage must cost one file, not the batch
        return _failed(path, f"could not be parsed (internal error {type(exc).__name__}: {exc}); "
                             "please report this file")
    outcome = store.save(parsed)
    return IngestOutcome(path=str(path), status=outcome.status, document_id=outcome.document_id,
                         title=outcome.title, date=outcome.date, pages=outcome.pages,
                         encoding=parsed.extraction.encoding, version=outcome.version)


def ingest_paths(store: Store, paths: Iterable[str | os.PathLike], settings: IngestSettings | None = None,
                 on_start: Callable[[int], None] | None = None) -> Iterator[IngestOutcome]:
    """Ingest every file under ``paths``, yielding one outcome per file as it finishes.

    ``on_start`` receives the number of files before work begins (for a progress bar).
    Stopping the iteration between files is safe: each file is its own transaction.
    """
    settings = settings or IngestSettings.from_env()
    candidates = collect(paths)
    if on_start:
        on_start(len(candidates))
    for candidate in candidates:
        if candidate.error:
            yield _failed(candidate.path, candidate.error)
        else:
            yield ingest_file(store, candidate.path, settings)
