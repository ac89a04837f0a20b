"""The do-no-harm risk register: list, heat map and audited edits (CLI and web app)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ima.analysis.partnership.risks import (
    RISKS_FILE,
    FlaggedRisk,
    heat_map,
    load_risks,
    select_risks,
    update_risk_file,
)
from ima.domain.risks import RISK_STATUSES, HeatMap
from ima.services.curation import edit_with_audit
from ima.services.knowledge import resolve_place
from ima.store import Store

AUDIT_KIND = "risk"


def _path(path: Path | str | None) -> Path:
    return Path(path) if path else RISKS_FILE


def risk_register(*, today: dt.date | None = None, overdue: bool = False, high: bool = False,
                  country: str | None = None, include_closed: bool = False,
                  path: Path | str | None = None) -> list[FlaggedRisk]:
    """The register's risks with their flags (relative to ``today``), filtered, highest score first."""
    code = resolve_place(country).code if country else None
    return select_risks(load_risks(_path(path)), today or dt.date.today(), overdue=overdue, high=high,
                        country=code, include_closed=include_closed)


def risk_heat_map(*, country: str | None = None, path: Path | str | None = None) -> HeatMap:
    """The 5 × 5 likelihood × impact heat map of the active risks (of one country if given)."""
    risks = load_risks(_path(path))
    if country:
        code = resolve_place(country).code
        risks = [r for r in risks if r.country == code]
    return heat_map(risks)


def update_risk(store: Store, risk_id: str, *, actor: str | None = None, status: str | None = None,
                review_date: dt.date | None = None, owner: str | None = None, likelihood: int | None = None,
                impact: int | None = None, add_mitigation: str | None = None, note: str | None = None,
                path: Path | str | None = None):
    """Edit one risk in the register file and record the change in the audit trail, together
    (``edit_with_audit``: a failed edit leaves file and trail as they were)."""
    if status is not None and status not in RISK_STATUSES:
        raise ValueError(f"unknown status {status!r}: use {', '.join(RISK_STATUSES)}")
    changes = {"status": status, "review_date": review_date, "owner": owner, "likelihood": likelihood,
               "impact": impact}
    if all(v is None for v in changes.values()) and not add_mitigation:
        raise ValueError("nothing to change: give --status, --review-date, --owner, --likelihood, --impact "
                         "or --add-mitigation")
    file = _path(path)
    given = {k: v for k, v in changes.items() if v is not None}
    return edit_with_audit(store, file, actor, AUDIT_KIND, risk_id,
                           lambda: update_risk_file(file, risk_id, given, add_mitigation), note)
