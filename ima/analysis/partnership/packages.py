"""The package builder: candidate instrument packages for a country and an objective, ranked.

Every allowed combination of up to ``max_size`` usable instruments is scored as

    score = weight["effect"] × Σ expected effect  −  Σ_kind weight[kind] × Σ cost[kind]

where an instrument's expected effect is the middle of its judged ordinal range (0 none … 3
large) and its costs to the other interests are judged 0–3 per kind. These are judgements, not
measurements: the score is an index for ordering, and ``sensitivity.py`` shows how the order
moves when the effect judgements move within their ranges. Ties go to the smaller package,
then to the instrument ids in alphabetical order, so the ranking is deterministic.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from itertools import combinations

import numpy as np

from ima.analysis.partnership.constraints import Exclusion, available_instruments, package_violations
from ima.domain.instruments import COST_KINDS, MAX_EFFECT, MODES, OBJECTIVES, EffectJudgement, Instrument, Package
from ima.domain.partnership import CountryProfile, Source

# Default weights (a judgement; the user sets their own): effect against the cost to each
# interest; human rights weigh more by default (do no harm), money a little less.
DEFAULT_WEIGHTS = {"effect": 1.0, "trade": 0.3, "aid": 0.3, "security": 0.3, "human-rights": 0.5,
                   "climate": 0.3, "protection": 0.3, "relations": 0.3, "budget": 0.2}
MAX_PACKAGE_SIZE = 5
USER_JUDGEMENT = Source("user judgement (entered for this run)")
# Scores equal to this many decimals are ties (float sums of the same judgements in another order).
SCORE_DECIMALS = 6


@dataclass(frozen=True)
class PackageSettings:
    """What to build: objective, mode, weights, package size limit, how many to keep."""

    objective: str
    mode: str = "more-for-more"
    weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    max_size: int = 3
    top: int = 5
    include_proposed: bool = False
    include_in_use: bool = False

    def __post_init__(self) -> None:
        if self.objective not in OBJECTIVES:
            raise ValueError(f"unknown objective {self.objective!r}: use {', '.join(OBJECTIVES)}")
        if self.mode not in MODES:
            raise ValueError(f"unknown mode {self.mode!r}: use {' or '.join(MODES)}")
        if not 1 <= self.max_size <= MAX_PACKAGE_SIZE:
            raise ValueError(f"package size must be 1 to {MAX_PACKAGE_SIZE}, not {self.max_size}")
        if self.top < 1:
            raise ValueError(f"--top must be at least 1, not {self.top}")
        check_weights(self.weights)


@dataclass(frozen=True)
class PackageResult:
    """The ranked packages with everything needed to explain them."""

    country: CountryProfile
    settings: PackageSettings
    packages: list[Package]  # the best ``settings.top``, ranked
    candidates: int  # how many allowed packages were scored
    usable: list[Instrument]
    excluded: list[Exclusion]
    judgements: dict[str, EffectJudgement]  # per usable instrument, on the objective (after overrides)


def check_weights(weights: Mapping[str, float]) -> dict[str, float]:
    """The weights merged over the defaults; unknown kinds and negative weights are errors."""
    unknown = sorted(set(weights) - set(DEFAULT_WEIGHTS))
    if unknown:
        raise ValueError(f"unknown weight(s) {', '.join(unknown)}: use {', '.join(DEFAULT_WEIGHTS)}")
    bad = {k: v for k, v in weights.items() if not (isinstance(v, (int, float)) and v >= 0 and np.isfinite(v))}
    if bad:
        raise ValueError(f"weights must be numbers ≥ 0: {bad}")
    return {**DEFAULT_WEIGHTS, **weights}


def parse_weights(text: str | None) -> dict[str, float]:
    """``"trade=2,human-rights=1"`` as a dict (the CLI's ``--weights``)."""
    out: dict[str, float] = {}
    for part in (text or "").split(","):
        if not part.strip():
            continue
        key, sep, value = part.partition("=")
        try:
            out[key.strip()] = float(value)
        except ValueError:
            raise ValueError(f"--weights: expected kind=number, got {part.strip()!r}") from None
        if not sep:
            raise ValueError(f"--weights: expected kind=number, got {part.strip()!r}")
    check_weights(out)
    return out


def parse_effects(text: str | None) -> dict[str, tuple[int, int]]:
    """``"eu-visa-restriction=0-1,resettlement=3"`` as {id: (low, high)} (the CLI's ``--effect``)."""
    out = {}
    for part in (text or "").split(","):
        if not part.strip():
            continue
        key, _, value = part.partition("=")
        low, _, high = value.strip().partition("-")
        try:
            pair = (int(low), int(high or low))
        except ValueError:
            raise ValueError(f"--effect: expected id=low-high (0–{MAX_EFFECT}), got {part.strip()!r}") from None
        if not 0 <= pair[0] <= pair[1] <= MAX_EFFECT:
            raise ValueError(f"--effect: {part.strip()!r} must satisfy 0 ≤ low ≤ high ≤ {MAX_EFFECT}")
        out[key.strip()] = pair
    return out


def with_effects(catalogue: Mapping[str, Instrument], objective: str,
                 overrides: Mapping[str, tuple[int, int]]) -> dict[str, Instrument]:
    """The catalogue with the user's effect judgements for ``objective`` put in (marked non-default)."""
    unknown = sorted(set(overrides) - set(catalogue))
    if unknown:
        raise ValueError(f"--effect: unknown instrument(s) {', '.join(unknown)}")
    out = dict(catalogue)
    for instrument_id, (low, high) in overrides.items():
        instrument = catalogue[instrument_id]
        effects = {**instrument.effects, objective: EffectJudgement(low, high, USER_JUDGEMENT, default=False)}
        out[instrument_id] = replace(instrument, effects=effects)
    return out


def cost_vector(instruments: list[Instrument], weights: Mapping[str, float]) -> np.ndarray:
    """The weighted cost of each instrument: Σ_kind weight × cost."""
    return np.array([sum(weights[k] * i.costs.get(k, 0) for k in COST_KINDS) for i in instruments], dtype=float)


def enumerate_packages(usable: list[Instrument], mode: str, max_size: int) -> list[tuple[int, ...]]:
    """Every allowed combination (indices into ``usable``) of 1 to ``max_size`` instruments."""
    out = []
    for size in range(1, min(max_size, len(usable)) + 1):
        for combo in combinations(range(len(usable)), size):
            if not package_violations((usable[i] for i in combo), mode):
                out.append(combo)
    return out


def incidence(combos: list[tuple[int, ...]], width: int) -> np.ndarray:
    """A packages × instruments 0/1 matrix."""
    matrix = np.zeros((len(combos), width), dtype=float)
    for row, combo in enumerate(combos):
        matrix[row, list(combo)] = 1.0
    return matrix


def rank_order(scores: np.ndarray, combos: list[tuple[int, ...]], ids: list[str]) -> list[int]:
    """Package indices best first: higher score, then fewer instruments, then ids."""
    return sorted(range(len(combos)), key=lambda p: (-round(float(scores[p]), SCORE_DECIMALS), len(combos[p]),
                                                     [ids[i] for i in combos[p]]))


def build_packages(catalogue: Mapping[str, Instrument], profile: CountryProfile, settings: PackageSettings,
                   effect_overrides: Mapping[str, tuple[int, int]] | None = None) -> PackageResult:
    """Candidate packages for the country and objective, ranked by effect against cost."""
    weights = check_weights(settings.weights)
    catalogue = with_effects(catalogue, settings.objective, effect_overrides or {})
    usable, excluded, unverified = available_instruments(catalogue, profile, settings.objective, settings.mode,
                                                         include_proposed=settings.include_proposed,
                                                         include_in_use=settings.include_in_use)
    ids = [i.id for i in usable]
    combos = enumerate_packages(usable, settings.mode, settings.max_size)
    judgements = {i.id: i.effects[settings.objective] for i in usable}
    expected = np.array([judgements[i].expected for i in ids], dtype=float)
    costs = cost_vector(usable, weights)
    matrix = incidence(combos, len(usable))
    scores = weights["effect"] * (matrix @ expected) - matrix @ costs if combos else np.zeros(0)
    order = rank_order(scores, combos, ids)
    packages = [_package(usable, combos[p], judgements, weights, float(scores[p]), rank, unverified)
                for rank, p in enumerate(order[:settings.top], start=1)]
    return PackageResult(profile, settings, packages, len(combos), usable, excluded, judgements)


def _package(usable: list[Instrument], combo: tuple[int, ...], judgements: Mapping[str, EffectJudgement],
             weights: Mapping[str, float], score: float, rank: int,
             unverified: Mapping[str, tuple[str, ...]]) -> Package:
    chosen = [usable[i] for i in combo]
    costs = {k: float(sum(i.costs.get(k, 0) for i in chosen)) for k in COST_KINDS}
    return Package(
        instruments=tuple(i.id for i in chosen),
        effect=sum(judgements[i.id].expected for i in chosen),
        effect_low=sum(judgements[i.id].low for i in chosen),
        effect_high=sum(judgements[i.id].high for i in chosen),
        costs={k: v for k, v in costs.items() if v},
        weighted_cost=sum(weights[k] * v for k, v in costs.items()),
        score=score, rank=rank,
        lead_time_months=(max(i.lead_time_months[0] for i in chosen), max(i.lead_time_months[1] for i in chosen)),
        unverified=tuple((i.id, attribute) for i in chosen for attribute in unverified.get(i.id, ())),
        default_judgements=sum(judgements[i.id].default for i in chosen))
