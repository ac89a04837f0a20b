"""The contract every page stage of the pipeline keeps."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ima.domain.text import Page


@dataclass(frozen=True, slots=True)
class StageResult:
    """Pages after a stage, plus what the stage wants to report (counts, notes)."""

    pages: tuple[Page, ...]
    details: dict = field(default_factory=dict)


PageStage = Callable[[tuple[Page, ...]], StageResult]
"""A pure function from pages to pages: no I/O, no global state, same input, same output."""
