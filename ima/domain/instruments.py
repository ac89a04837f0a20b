"""The instrument catalogue and instrument packages: judgements kept as judgements (ordinal ranges)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ima.domain.partnership import INTEREST_KINDS, Source

OBJECTIVES = ("return", "departures", "protection", "legal-routes")
DIRECTIONS = ("positive", "negative")
MODES = ("more-for-more", "less-for-less")
STATUSES = ("in-force", "proposed", "prohibited")
# What using an instrument may cost: the other interests, the relationship itself and money.
COST_KINDS = INTEREST_KINDS + ("relations", "budget")
RULE_KINDS = ("country", "level", "not-alone", "excludes", "never")
EFFECT_WORDS = {"en": ("none", "small", "moderate", "large"), "nl": ("geen", "klein", "matig", "groot")}
MAX_EFFECT = 3
MAX_COST = 3


@dataclass(frozen=True, slots=True)
class EffectJudgement:
    """A judged effect on one objective: an ordinal range 0–3 (none … large), with what informs it.

    ``default`` marks ima's default judgement (not yet replaced by the user's own).
    """

    low: int
    high: int
    source: Source
    default: bool = True

    @property
    def expected(self) -> float:
        """The middle of the range: what the ranking uses (a judgement, not a measurement)."""
        return (self.low + self.high) / 2


@dataclass(frozen=True, slots=True)
class Rule:
    """A machine-checkable constraint on an instrument (``kind`` in RULE_KINDS)."""

    kind: str
    message: str
    source: Source
    attribute: str | None = None
    values: tuple = ()
    message_nl: str | None = None

    def text(self, lang: str = "nl") -> str:
        """The rule in words, Dutch when there is a Dutch text and ``lang`` is ``nl``."""
        return self.message_nl if lang != "en" and self.message_nl else self.message


@dataclass(frozen=True, slots=True)
class Instrument:
    """One lever of a partnership, positive or negative, at EU, NL or Benelux level."""

    id: str
    name_nl: str
    name_en: str
    level: str
    direction: str
    status: str
    legal_basis: str
    summary_nl: str
    summary_en: str
    lead_time_months: tuple[int, int]
    costs: dict[str, int] = field(default_factory=dict)
    interests: tuple[str, ...] = ()
    effects: dict[str, EffectJudgement] = field(default_factory=dict)
    rules: tuple[Rule, ...] = ()
    evidence: tuple[Source, ...] = ()

    def name(self, lang: str = "nl") -> str:
        """The name in Dutch (``nl``) or English (``en``)."""
        return self.name_en if lang == "en" else self.name_nl

    def summary(self, lang: str = "nl") -> str:
        """The plain-words description in Dutch or English."""
        return self.summary_en if lang == "en" else self.summary_nl

    def rules_of(self, kind: str) -> tuple[Rule, ...]:
        """The rules of one kind."""
        return tuple(r for r in self.rules if r.kind == kind)


@dataclass(frozen=True, slots=True)
class RuleCheck:
    """How a country-level rule came out for one instrument: ``ok``, ``fails`` or ``unknown``."""

    instrument: str
    outcome: str
    message: str
    attribute: str | None = None
    value: object = None


@dataclass(frozen=True, slots=True)
class Package:
    """A ranked combination of instruments with its judged effect and weighted cost."""

    instruments: tuple[str, ...]
    effect: float  # sum of the judged expected effects (ordinal midpoints)
    effect_low: int
    effect_high: int
    costs: dict[str, float]  # per cost kind, summed over the instruments (unweighted)
    weighted_cost: float
    score: float  # weight["effect"] * effect - weighted_cost
    rank: int = 0
    lead_time_months: tuple[int, int] = (0, 0)
    unverified: tuple[tuple[str, str], ...] = ()  # (instrument, attribute) whose rule could not be checked
    default_judgements: int = 0  # how many of the effect judgements used are ima defaults
