"""The instrument catalogue (``ima/data/partnerships/instruments.yaml``), validated on load."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from ima.analysis.partnership.files import DATA_DIR, DataFileError, Fields, entries, read_yaml
from ima.domain.instruments import (
    COST_KINDS,
    DIRECTIONS,
    MAX_COST,
    MAX_EFFECT,
    OBJECTIVES,
    RULE_KINDS,
    STATUSES,
    EffectJudgement,
    Instrument,
    Rule,
)
from ima.domain.partnership import INTEREST_KINDS, LEVELS

CATALOGUE_FILE = DATA_DIR / "instruments.yaml"


def _rule(f: Fields, i: int, raw: Any) -> Rule:
    if not isinstance(raw, dict):
        raise f.fail(f"rules[{i}]", "expected a mapping")
    sub = Fields(f.path, f"{f.where}, rules[{i}]", raw)
    kind = sub.choice("kind", RULE_KINDS)
    values = raw.get("values") or []
    if not isinstance(values, list):
        raise sub.fail("values", "expected a list")
    if kind in ("country", "level", "excludes") and not values:
        raise sub.fail("values", f"a '{kind}' rule needs values")
    attribute = sub.text("attribute", required=kind == "country")
    return Rule(kind=kind, message=sub.text("message"), source=sub.source(), attribute=attribute,
                values=tuple(values), message_nl=sub.text("message_nl", required=False))


def _effects(f: Fields) -> dict[str, EffectJudgement]:
    out = {}
    for objective, raw in f.mapping("effects").items():
        if objective not in OBJECTIVES:
            raise f.fail("effects", f"unknown objective {objective!r}: use {', '.join(OBJECTIVES)}")
        if not isinstance(raw, dict):
            raise f.fail(f"effects.{objective}", "expected low, high, source")
        sub = Fields(f.path, f"{f.where}, effects.{objective}", raw)
        low, high = sub.integer("low", 0, MAX_EFFECT), sub.integer("high", 0, MAX_EFFECT)
        if low > high:
            raise sub.fail("high", f"high ({high}) is below low ({low})")
        out[objective] = EffectJudgement(low, high, sub.source(), bool(raw.get("default", True)))
    return out


def _costs(f: Fields) -> dict[str, int]:
    costs = {}
    for kind in f.mapping("costs"):
        if kind not in COST_KINDS:
            raise f.fail("costs", f"unknown cost kind {kind!r}: use {', '.join(COST_KINDS)}")
        costs[kind] = Fields(f.path, f"{f.where}, costs", f.mapping("costs")).integer(kind, 0, MAX_COST)
    return costs


def parse_instrument(path: Path, where: str, raw: dict) -> Instrument:
    """One catalogue entry, every field checked."""
    f = Fields(path, where, raw)
    lead = raw.get("lead_time_months")
    if (not isinstance(lead, list) or len(lead) != 2 or not all(isinstance(x, int) and x >= 0 for x in lead)
            or lead[0] > lead[1]):
        raise f.fail("lead_time_months", f"expected [min, max] months, got {lead!r}")
    rules_raw = raw.get("rules") or []
    if not isinstance(rules_raw, list):
        raise f.fail("rules", "expected a list")
    interests = f.strings("interests")
    for kind in interests:
        if kind not in INTEREST_KINDS:
            raise f.fail("interests", f"unknown interest {kind!r}: use {', '.join(INTEREST_KINDS)}")
    instrument = Instrument(
        id=f.text("id"), name_nl=f.text("name_nl"), name_en=f.text("name_en"), level=f.choice("level", LEVELS),
        direction=f.choice("direction", DIRECTIONS), status=f.choice("status", STATUSES),
        legal_basis=f.text("legal_basis"), summary_nl=f.text("summary_nl"), summary_en=f.text("summary_en"),
        lead_time_months=(lead[0], lead[1]), costs=_costs(f), interests=interests, effects=_effects(f),
        rules=tuple(_rule(f, i, r) for i, r in enumerate(rules_raw)), evidence=f.sources("evidence"))
    for rule in instrument.rules_of("level"):
        # The competence check: e.g. Visa Code Art. 25a steps exist only at EU level.
        if instrument.level not in rule.values:
            raise f.fail("level", f"{instrument.level} is not allowed by its own rule ({rule.message})")
    return instrument


def load_catalogue(path: Path = CATALOGUE_FILE) -> dict[str, Instrument]:
    """Every instrument of a catalogue file by id, validated (unique ids, known cross-references)."""
    out: dict[str, Instrument] = {}
    for i, raw in enumerate(entries(path, read_yaml(path), "instruments")):
        instrument = parse_instrument(path, f"instruments[{i}] ({raw.get('id', '?')})", raw)
        if instrument.id in out:
            raise DataFileError(path, f"instruments[{i}]", f"duplicate id {instrument.id!r}")
        out[instrument.id] = instrument
    for instrument in out.values():
        for rule in instrument.rules_of("excludes"):
            unknown = [v for v in rule.values if v not in out]
            if unknown:
                raise DataFileError(path, f"instrument {instrument.id}, rules", f"excludes unknown {unknown}")
    return out


@lru_cache(maxsize=1)
def catalogue() -> dict[str, Instrument]:
    """The shipped catalogue (read once per process)."""
    return load_catalogue()
