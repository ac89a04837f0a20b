"""Criteria files: YAML → RankingSettings, with a clear error naming whatever is wrong."""

from __future__ import annotations

from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ima.analysis.indicators import catalogue_table
from ima.domain.ranking import (DIRECTIONS, METHODS, MISSING_POLICIES, NORMALISATIONS, TRANSFORMS, Criterion,
                                CriterionGroup, Override, RankingSettings, SensitivitySettings)

EU_EFTA = frozenset({"AUT", "BEL", "BGR", "CYP", "CZE", "DEU", "DNK", "ESP", "EST", "FIN", "FRA", "GRC", "HRV", "HUN",
                     "IRL", "ITA", "LTU", "LUX", "LVA", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "SWE",
                     "ISL", "LIE", "NOR", "CHE"})


def default_criteria_text() -> str:
    """The shipped default criteria file."""
    return resources.files("ima").joinpath("data", "ranking", "criteria.yaml").read_text(encoding="utf-8")


def load_criteria(path: str | Path | None = None) -> RankingSettings:
    """Read a criteria file (the shipped default when ``path`` is None)."""
    if path is None:
        return parse_criteria(default_criteria_text(), "default criteria")
    file = Path(path)
    if not file.is_file():
        raise ValueError(f"criteria file {str(path)!r} not found")
    return parse_criteria(file.read_text(encoding="utf-8"), file.name)


def _positive(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
        raise ValueError(f"{what}: weight must be a positive number, not {value!r}")
    return float(value)


def _choice(value: Any, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise ValueError(f"{what}: {value!r} is not one of {', '.join(allowed)}")
    return value


def _codes(value: Any, what: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    if not isinstance(value, list) or not all(isinstance(c, str) and len(c) == 3 for c in value):
        raise ValueError(f"{what} must be a list of ISO 3166 alpha-3 codes")
    return frozenset(c.upper() for c in value)


def parse_criteria(text: str, origin: str = "criteria") -> RankingSettings:
    """Parse and validate criteria YAML (see ``ima/data/ranking/criteria.yaml`` for the format)."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ValueError(f"{origin}: not valid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(data, dict) or not isinstance(data.get("groups"), dict) or not data["groups"]:
        raise ValueError(f"{origin}: expected a mapping with a non-empty 'groups' section")
    known = catalogue_table()
    groups, criteria, seen = [], [], set()
    group_total = sum(_positive((g or {}).get("weight"), f"{origin}: group {gid!r}")
                      for gid, g in data["groups"].items())
    for gid, g in data["groups"].items():
        items = g.get("criteria")
        if not isinstance(items, list) or not items:
            raise ValueError(f"{origin}: group {gid!r} has no criteria")
        group_weight = float(g["weight"]) / group_total
        groups.append(CriterionGroup(str(gid), group_weight, g.get("label_nl", ""), g.get("label_en", "")))
        inner = sum(_positive(c.get("weight") if isinstance(c, dict) else None, f"{origin}: criterion in {gid!r}")
                    for c in items)
        for c in items:
            cid = c.get("id") or c.get("indicator")
            where = f"{origin}: criterion {cid!r}"
            if cid in seen:
                raise ValueError(f"{where}: id used twice")
            seen.add(cid)
            if c.get("indicator") not in known:
                raise ValueError(f"{where}: unknown indicator {c.get('indicator')!r} (see `ima indicators`)")
            criteria.append(Criterion(
                str(cid), c["indicator"], str(gid), group_weight * float(c["weight"]) / inner,
                _choice(c.get("transform", "none"), TRANSFORMS, f"{where} transform"),
                _choice(c.get("normalise", "minmax"), NORMALISATIONS, f"{where} normalise"),
                _choice(c.get("direction", "benefit"), DIRECTIONS, f"{where} direction"),
                c.get("label_nl", ""), c.get("label_en", "")))
    cand = data.get("candidates") or {}
    sens = data.get("sensitivity") or {}
    window = data.get("window", 3)
    coverage = data.get("min_coverage", 0.5)
    if not isinstance(window, int) or window < 0:
        raise ValueError(f"{origin}: window must be a whole number of years ≥ 0, not {window!r}")
    if not isinstance(coverage, (int, float)) or not 0 <= coverage <= 1:
        raise ValueError(f"{origin}: min_coverage must be between 0 and 1, not {coverage!r}")
    exclude = _codes(cand.get("exclude"), f"{origin}: candidates.exclude")
    if cand.get("exclude_eu", True):
        exclude |= EU_EFTA
    return RankingSettings(
        name=str(data.get("name", origin)), criteria=tuple(criteria), groups=tuple(groups),
        method=_choice(data.get("method", "weighted"), METHODS, f"{origin}: method"), window=window,
        missing=_choice(data.get("missing", "worst"), MISSING_POLICIES, f"{origin}: missing"),
        min_coverage=float(coverage), exclude=exclude,
        include=_codes(cand.get("include"), f"{origin}: candidates.include"),
        sensitivity=sensitivity_settings(sens.get("samples", 2000), sens.get("concentration", 50.0),
                                         sens.get("seed", 0), sens.get("top", 10)),
        overrides=_overrides(data.get("overrides"), {c.id for c in criteria}, origin))


def _overrides(items: Any, criteria: set[str], origin: str) -> tuple[Override, ...]:
    """Hand-set values for events, a list of
    ``{iso3: SDN, criterion: rejections_nld, value: 900, note: ..., years: [2024]}``."""
    if items is None:
        return ()
    if not isinstance(items, list):
        raise ValueError(f"{origin}: overrides must be a list")
    out = []
    for item in items:
        where = f"{origin}: override {item!r}"
        if not isinstance(item, dict) or not isinstance(item.get("iso3"), str) or len(item["iso3"]) != 3:
            raise ValueError(f"{where}: needs iso3 (an ISO 3166 alpha-3 code)")
        if item.get("criterion") not in criteria:
            raise ValueError(f"{where}: unknown criterion {item.get('criterion')!r}")
        value = item.get("value")
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"{where}: value must be a number")
        if not str(item.get("note") or "").strip():
            raise ValueError(f"{where}: say why in 'note'")
        years = item.get("years") or []
        if not isinstance(years, list) or not all(isinstance(y, int) for y in years):
            raise ValueError(f"{where}: years must be a list of years")
        out.append(Override(item["iso3"].upper(), item["criterion"], float(value), str(item["note"]), tuple(years)))
    return tuple(out)


def sensitivity_settings(samples: Any, concentration: Any, seed: Any, top: Any) -> SensitivitySettings:
    """Validated sensitivity settings."""
    if not isinstance(samples, int) or not 0 <= samples <= 1_000_000:
        raise ValueError(f"samples must be a whole number from 0 to 1000000, not {samples!r}")
    if isinstance(concentration, bool) or not isinstance(concentration, (int, float)) or not concentration > 0:
        raise ValueError(f"concentration must be a positive number, not {concentration!r}")
    if not isinstance(seed, int) or seed < 0:
        raise ValueError(f"seed must be a whole number ≥ 0, not {seed!r}")
    if not isinstance(top, int) or top < 1:
        raise ValueError(f"top must be a whole number ≥ 1, not {top!r}")
    return SensitivitySettings(samples, float(concentration), seed, top)


def with_weights(settings: RankingSettings, weights: dict[str, float]) -> RankingSettings:
    """The settings with new weights: keys are criterion ids (replacing that criterion's effective
    weight) or group ids (scaling the group's criteria to that share); the result is renormalised."""
    by_group = {g.id: g for g in settings.groups}
    by_id = {c.id: c for c in settings.criteria}
    for key, value in weights.items():
        if key not in by_group and key not in by_id:
            raise ValueError(f"weight for unknown criterion or group {key!r}; known: "
                             f"{', '.join([*by_group, *by_id])}")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise ValueError(f"weight of {key!r} must be a number ≥ 0, not {value!r}")
    raw = {}
    for c in settings.criteria:
        w = c.weight
        if c.group in weights:
            w = weights[c.group] * c.weight / by_group[c.group].weight
        if c.id in weights:
            w = float(weights[c.id])
        raw[c.id] = w
    total = sum(raw.values())
    if total <= 0:
        raise ValueError("at least one weight must be positive")
    criteria = tuple(replace(c, weight=raw[c.id] / total) for c in settings.criteria)
    groups = tuple(replace(g, weight=sum(c.weight for c in criteria if c.group == g.id)) for g in settings.groups)
    return replace(settings, criteria=criteria, groups=groups)
