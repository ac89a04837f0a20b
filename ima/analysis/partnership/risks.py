"""The do-no-harm risk register (``ima/data/partnerships/risks.yaml``): load, flag, heat map, edit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ima.analysis.partnership.files import (
    DATA_DIR,
    DataFileError,
    Fields,
    entries,
    plain_yaml,
    read_yaml,
    rewrite_yaml,
)
from ima.domain.risks import (
    MITIGATION_STATES,
    RISK_CATEGORIES,
    RISK_STATUSES,
    SUBJECT_KINDS,
    HeatCell,
    HeatMap,
    Mitigation,
    Risk,
    risk_level,
)

RISKS_FILE = DATA_DIR / "risks.yaml"
HEADER = ("# Do-no-harm risk register (see SOURCE.md). Likelihood and impact (1-5) are JUDGEMENTS (ima's\n"
          "# initial assessment, to be reviewed by the owner); the evidence is sourced. Edited with\n"
          "# `ima risks update ID ...` (the change is recorded in the audit trail) or by hand (validated on load).\n")
EDITABLE = ("status", "review_date", "owner", "likelihood", "impact")


def parse_risk(path: Path, where: str, raw: dict) -> Risk:
    """One register entry, every field checked."""
    f = Fields(path, where, raw)
    subject = f.mapping("subject")
    if len(subject) != 1 or next(iter(subject)) not in SUBJECT_KINDS:
        raise f.fail("subject", f"expected one of {', '.join(SUBJECT_KINDS)} with its id, e.g. {{partnership: TUN}}")
    kind, key = next(iter(subject.items()))
    mitigations = []
    for j, m in enumerate(raw.get("mitigations") or []):
        sub = Fields(path, f"{where}, mitigations[{j}]", m if isinstance(m, dict) else {"measure": m})
        mitigations.append(Mitigation(sub.text("measure"), sub.choice("state", MITIGATION_STATES, "planned")))
    country = f.text("country")
    if len(country) != 3 or not country.isupper():
        raise f.fail("country", f"{country!r} is not an ISO 3166 alpha-3 code")
    irremediable = raw.get("irremediable", False)
    if not isinstance(irremediable, bool):
        raise f.fail("irremediable", "expected true or false")
    return Risk(id=f.text("id"), subject_kind=kind, subject=str(key), country=country,
                category=f.choice("category", RISK_CATEGORIES), title=f.text("title"),
                description=f.text("description"), likelihood=f.integer("likelihood", 1, 5),
                impact=f.integer("impact", 1, 5), owner=f.text("owner"), review_date=f.date("review_date"),
                status=f.choice("status", RISK_STATUSES), irremediable=irremediable,
                mitigations=tuple(mitigations), evidence=_evidence(f))


def _evidence(f: Fields):
    evidence = f.sources("evidence")
    if not evidence:
        raise f.fail("evidence", "every risk needs at least one piece of evidence (document + page, or a source)")
    return evidence


def load_risks(path: Path = RISKS_FILE) -> list[Risk]:
    """Every risk of the register file, validated (unique ids)."""
    out, seen = [], set()
    for i, raw in enumerate(entries(path, read_yaml(path), "risks")):
        risk = parse_risk(path, f"risks[{i}] ({raw.get('id', '?')})", raw)
        if risk.id in seen:
            raise DataFileError(path, f"risks[{i}]", f"duplicate id {risk.id!r}")
        seen.add(risk.id)
        out.append(risk)
    return out


@dataclass(frozen=True, slots=True)
class FlaggedRisk:
    """A risk with its flags relative to a given day."""

    risk: Risk
    overdue: bool
    unmitigated_high: bool


def flag_risks(risks: list[Risk], today: dt.date) -> list[FlaggedRisk]:
    """Each risk with its flags: review overdue, high and unmitigated."""
    return [FlaggedRisk(r, r.overdue(today), r.unmitigated_high()) for r in risks]


def select_risks(risks: list[Risk], today: dt.date, *, overdue: bool = False, high: bool = False,
                 country: str | None = None, include_closed: bool = False) -> list[FlaggedRisk]:
    """The flagged risks matching the filters, highest score first."""
    out = [f for f in flag_risks(risks, today)
           if (include_closed or f.risk.active)
           and (not overdue or f.overdue)
           and (not high or f.risk.level == "high")
           and (country is None or f.risk.country == country.upper())]
    return sorted(out, key=lambda f: (-f.risk.score, not f.unmitigated_high, f.risk.id))


def heat_map(risks: list[Risk]) -> HeatMap:
    """The 5 × 5 likelihood × impact grid of the active risks."""
    active = [r for r in risks if r.active]
    rows = []
    for likelihood in range(5, 0, -1):
        cells = []
        for impact in range(1, 6):
            ids = tuple(r.id for r in active if r.likelihood == likelihood and r.impact == impact)
            cells.append(HeatCell(likelihood, impact, ids, risk_level(likelihood, impact)))
        rows.append(tuple(cells))
    return HeatMap(tuple(rows), len(active))


def update_risk_file(path: Path, risk_id: str, changes: dict[str, Any],
                     add_mitigation: str | None = None) -> tuple[dict, dict]:
    """Change one risk's editable fields in the YAML file; returns (before, after) as plain dicts.

    The new text is validated before it replaces the file (atomically), so a bad value leaves the
    file as it was.
    """
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise ValueError(f"cannot edit {', '.join(unknown)}: editable fields are {', '.join(EDITABLE)}")
    document = read_yaml(path)
    items = entries(path, document, "risks")
    matches = [r for r in items if str(r.get("id")) == risk_id]
    if not matches:
        raise ValueError(f"no risk {risk_id!r} in {path.name}")
    raw = matches[0]
    before = plain_yaml(raw)
    for key, value in changes.items():
        if value is not None:
            raw[key] = value.isoformat() if isinstance(value, dt.date) else value
    if add_mitigation:
        raw["mitigations"] = list(raw.get("mitigations") or []) + [{"measure": add_mitigation, "state": "planned"}]
    rewrite_yaml(path, document, HEADER, load_risks)
    return before, plain_yaml(raw)
