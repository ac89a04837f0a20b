"""The risk register: flags, heat map, audited edits that leave everything as it was on failure."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ima.analysis.partnership.files import DataFileError
from ima.analysis.partnership.risks import heat_map, load_risks, select_risks
from ima.services.audit import list_changes
from ima.services.risks import update_risk
from ima.store import Store

REGISTER = """
risks:
- id: R-OVERDUE
  subject: {partnership: TUN}
  country: TUN
  category: arbitrary-detention
  title: review passed
  description: d
  likelihood: 2
  impact: 2
  owner: o
  review_date: 2026-01-31
  status: open
  evidence: [{text: e, document: 2020-07-10_migratieovereenkomsten_2971694, page: 3}]
- id: R-HIGH
  subject: {programme: P1}
  country: LBY
  category: refoulement
  title: high without mitigation
  description: d
  likelihood: 4
  impact: 4
  owner: o
  review_date: 2027-01-31
  status: open
  mitigations: [{measure: planned only, state: planned}]
  evidence: [e]
- id: R-SEVERE
  subject: {partnership: UGA}
  country: UGA
  category: refoulement
  title: unlikely but irremediable
  description: d
  likelihood: 1
  impact: 5
  irremediable: true
  owner: o
  review_date: 2027-01-31
  status: open
  mitigations: [{measure: in place, state: in-place}]
  evidence: [e]
- id: R-CLOSED
  subject: {partnership: TUN}
  country: TUN
  category: civic-space
  title: closed and overdue
  description: d
  likelihood: 5
  impact: 5
  owner: o
  review_date: 2020-01-01
  status: closed
  evidence: [e]
"""
TODAY = dt.date(2026, 11, 25)


@pytest.fixture()
def register(tmp_path: Path) -> Path:
    path = tmp_path / "risks.yaml"
    path.write_text(REGISTER, encoding="utf-8")
    return path


def test_flags_an_overdue_review_and_an_unmitigated_high_risk(register: Path) -> None:
    flagged = {f.risk.id: f for f in select_risks(load_risks(register), TODAY)}
    assert set(flagged) == {"R-OVERDUE", "R-HIGH", "R-SEVERE"}  # closed risks are left out
    assert flagged["R-OVERDUE"].overdue and not flagged["R-OVERDUE"].unmitigated_high
    assert flagged["R-HIGH"].unmitigated_high and not flagged["R-HIGH"].overdue  # 4×4 = 16, only planned
    assert flagged["R-SEVERE"].risk.level == "high"  # 1×5 but irremediable
    assert not flagged["R-SEVERE"].unmitigated_high  # a mitigation is in place
    assert [f.risk.id for f in select_risks(load_risks(register), TODAY, overdue=True)] == ["R-OVERDUE"]
    assert [f.risk.id for f in select_risks(load_risks(register), TODAY, country="lby")] == ["R-HIGH"]
    assert not select_risks(load_risks(register), dt.date(2026, 1, 31), overdue=True)  # due today is not overdue


def test_heat_map_places_active_risks(register: Path) -> None:
    heat = heat_map(load_risks(register))
    assert heat.total == 3
    cell = {(c.likelihood, c.impact): c for row in heat.rows for c in row}
    assert cell[(4, 4)].risks == ("R-HIGH",) and cell[(4, 4)].level == "high"
    assert cell[(5, 5)].risks == ()  # closed
    assert [row[0].likelihood for row in heat.rows] == [5, 4, 3, 2, 1]


def test_register_errors_name_the_field(tmp_path: Path) -> None:
    path = tmp_path / "risks.yaml"
    path.write_text(REGISTER.replace("likelihood: 2", "likelihood: 7"), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"risks\[0\] \(R-OVERDUE\), field 'likelihood': 7 is outside 1–5"):
        load_risks(path)
    path.write_text(REGISTER.replace("  evidence: [e]\n", "", 1), encoding="utf-8")
    with pytest.raises(DataFileError, match="field 'evidence': every risk needs at least one piece of evidence"):
        load_risks(path)


def test_update_writes_the_file_and_the_audit_trail(register: Path, tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'ima.db'}")
    record = update_risk(store, "R-HIGH", actor="officer", status="mitigating", review_date=dt.date(2027, 3, 1),
                         add_mitigation="independent monitoring", note="after mission", path=register)
    assert record.actor == "officer" and record.entity_kind == "risk" and record.entity_key == "R-HIGH"
    assert record.changed_fields() == ["mitigations", "review_date", "status"]
    risk = {r.id: r for r in load_risks(register)}["R-HIGH"]
    assert (risk.status, risk.review_date) == ("mitigating", dt.date(2027, 3, 1))
    assert risk.mitigations[-1].measure == "independent monitoring"
    assert [c.entity_key for c in list_changes(store, entity_kind="risk")] == ["R-HIGH"]
    store.close()


def test_a_bad_update_leaves_file_and_trail_unchanged(register: Path, tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'ima.db'}")
    before = register.read_bytes()
    with pytest.raises(ValueError, match="field 'likelihood': 9 is outside 1–5"):
        update_risk(store, "R-HIGH", actor="officer", likelihood=9, path=register)
    with pytest.raises(ValueError, match="no risk 'NOPE'"):
        update_risk(store, "NOPE", actor="officer", status="closed", path=register)
    with pytest.raises(ValueError, match="unknown status"):
        update_risk(store, "R-HIGH", actor="officer", status="done", path=register)
    assert register.read_bytes() == before
    assert list_changes(store, entity_kind="risk") == []
    assert list(tmp_path.glob("*.yaml")) == [register]  # no temporary file left behind
    store.close()


def test_shipped_register_has_flags_today() -> None:
    flagged = select_risks(load_risks(), TODAY)
    assert any(f.overdue for f in flagged) and any(f.unmitigated_high for f in flagged)


def test_a_failed_audit_commit_restores_the_file(register: Path, tmp_path: Path, monkeypatch) -> None:
    import ima.services.audit as service

    store = Store.open(f"sqlite:///{tmp_path / 'ima.db'}")
    before = register.read_bytes()

    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(service, "record_change", broken)
    with pytest.raises(RuntimeError):
        update_risk(store, "R-HIGH", actor="officer", status="closed", path=register)
    assert register.read_bytes() == before
    store.close()


def test_an_edit_keeps_the_file_permissions(register: Path, tmp_path: Path) -> None:
    register.chmod(0o644)
    store = Store.open(f"sqlite:///{tmp_path / 'ima.db'}")
    update_risk(store, "R-HIGH", actor="officer", owner="someone else", path=register)
    assert register.stat().st_mode & 0o777 == 0o644
    store.close()
