"""Funded programmes: their areas, pillars, money per year, results, side effects and evaluations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ima.domain.serial import to_plain


@dataclass(frozen=True)
class Indicator:
    """A result indicator. Dates say when the baseline held, when the target is due, when the actual was measured."""

    name: str
    unit: str | None = None
    baseline: float | None = None
    baseline_date: dt.date | None = None
    target: float | None = None
    target_date: dt.date | None = None
    actual: float | None = None
    actual_date: dt.date | None = None
    source_ref: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class SideEffect:
    """A reported side effect; ``nature`` is ``negative``, ``positive`` or ``unclear``."""

    description: str
    nature: str = "negative"
    reported: dt.date | None = None
    source_ref: str | None = None


@dataclass(frozen=True)
class Evaluation:
    """An (independent) evaluation: due on ``due``, done on ``done`` (None while not done)."""

    due: dt.date
    kind: str = "evaluation"
    done: dt.date | None = None
    note: str | None = None


@dataclass(frozen=True)
class Programme:
    """A programme as imported or edited.

    ``areas`` are ISO 3166 alpha-3 codes or region ids (``sahel``); ``budgets``
    maps a year to the amount for that year in ``currency``; ``oda`` is None
    when the source does not say.
    """

    source: str
    source_id: str
    title: str
    currency: str = "EUR"
    areas: tuple[str, ...] = ()
    pillars: tuple[int, ...] = ()
    funder: str | None = None
    partner: str | None = None
    oda: bool | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    status: str | None = None
    total_budget: float | None = None
    budgets: dict[int, float] = field(default_factory=dict)
    indicators: tuple[Indicator, ...] = ()
    side_effects: tuple[SideEffect, ...] = ()
    evaluations: tuple[Evaluation, ...] = ()
    details: dict[str, Any] = field(default_factory=dict)
    id: int | None = None

    @property
    def key(self) -> str:
        """``source:source_id``, the programme's identity across imports and in the audit trail."""
        return f"{self.source}:{self.source_id}"

    @property
    def countries(self) -> tuple[str, ...]:
        """The ISO alpha-3 codes among the areas (region ids are lower case)."""
        return tuple(a for a in self.areas if is_country_code(a))


def is_country_code(code: str) -> bool:
    """ISO 3166 alpha-3 codes are three capitals; region ids are lower-case words."""
    return len(code) == 3 and code.isalpha() and code.isupper()


def oda_label(oda: bool | None) -> str:
    """``ODA``, ``non-ODA`` or ``?``."""
    return "?" if oda is None else ("ODA" if oda else "non-ODA")


class ImportErrors(ValueError):
    """Validation errors of an import: each names the file, the line and the column."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__(errors[0] if len(errors) == 1 else f"{len(errors)} errors; first: {errors[0]}")
        self.errors = errors


def programme_state(programme: Programme) -> dict[str, Any]:
    """The programme as plain data without its store id: what the audit trail records and imports compare."""
    state = to_plain(programme)
    state.pop("id", None)
    return state


@dataclass(frozen=True)
class ImportedProgramme:
    """What an import did with one programme: ``new``, ``updated`` or ``unchanged``."""

    key: str
    title: str
    status: str
    indicators: int


@dataclass(frozen=True)
class ImportReport:
    """The outcome of one import (one transaction), or of a dry run that stored nothing."""

    source: str
    dry_run: bool
    programmes: tuple[ImportedProgramme, ...]
    notes: tuple[str, ...] = ()

    def count(self, status: str) -> int:
        """How many programmes got ``status``."""
        return sum(1 for p in self.programmes if p.status == status)
