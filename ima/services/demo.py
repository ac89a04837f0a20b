"""The main job of the quick start: ingest the bundled corpus and search it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path

from ima.domain.document import IngestOutcome
from ima.services.ingest import IngestSettings, ingest_paths
from ima.store import Store

DEMO_QUERY = "terugkeersamenwerking"


def corpus_path() -> Path:
    """The demo corpus shipped inside the package (no checkout of shared data needed)."""
    return Path(str(resources.files("ima") / "data" / "corpus"))


def ingest_corpus(store: Store, on_start: Callable[[int], None] | None = None) -> Iterator[IngestOutcome]:
    """Ingest the bundled corpus; a second run reports every document ``unchanged``."""
    return ingest_paths(store, [corpus_path()], IngestSettings.from_env(), on_start=on_start)
