"""The focus-country ranking: criteria settings and results that carry their explanation."""

from __future__ import annotations

from dataclasses import dataclass, field

TRANSFORMS = ("none", "log")
NORMALISATIONS = ("minmax", "rank", "zscore")
DIRECTIONS = ("benefit", "cost")
METHODS = ("weighted", "topsis")
MISSING_POLICIES = ("worst", "median", "exclude")


def _label(item, lang: str = "nl") -> str:
    """The label in Dutch or English (the id when none is given)."""
    return (item.label_en if lang == "en" else item.label_nl) or item.id


@dataclass(frozen=True, slots=True)
class Criterion:
    """One criterion: an indicator, how it is scaled and its weight (within its group)."""

    id: str
    indicator: str
    group: str
    weight: float  # effective weight: group weight × share within the group, all criteria summing to 1
    transform: str = "none"  # log = log(1 + x), for skewed counts
    normalise: str = "minmax"
    direction: str = "benefit"  # cost: lower is better
    label_nl: str = ""
    label_en: str = ""

    label = _label


@dataclass(frozen=True, slots=True)
class CriterionGroup:
    """A group of criteria (the government's grounds (a), (b), (c))."""

    id: str
    weight: float  # share of the total, summing to 1 over the groups
    label_nl: str = ""
    label_en: str = ""

    label = _label


@dataclass(frozen=True, slots=True)
class SensitivitySettings:
    """Monte Carlo over weights: Dirichlet(concentration × weights), seeded."""

    samples: int = 2000
    concentration: float = 50.0  # higher = weights stay closer to the chosen ones
    seed: int = 0
    top: int = 10


@dataclass(frozen=True, slots=True)
class Override:
    """A value set by hand for one country and criterion (flexibility for events), with the reason."""

    iso3: str
    criterion: str
    value: float
    note: str
    years: tuple[int, ...] = ()  # ranking years it applies to (empty: every year)


@dataclass(frozen=True, slots=True)
class RankingSettings:
    """Everything a ranking depends on, as read from a criteria file."""

    name: str
    criteria: tuple[Criterion, ...]
    groups: tuple[CriterionGroup, ...]
    method: str = "weighted"
    window: int = 3  # an indicator may come from up to this many years before the ranking year
    missing: str = "worst"  # worst: lowest score on that criterion; median; exclude: drop the country
    min_coverage: float = 0.5  # share of criteria a candidate must have data for
    exclude: frozenset[str] = frozenset()  # never ranked (default: EU and EFTA states)
    include: frozenset[str] = frozenset()  # if given, only these are candidates
    sensitivity: SensitivitySettings = field(default_factory=SensitivitySettings)
    overrides: tuple[Override, ...] = ()  # events the data does not show yet


@dataclass(frozen=True, slots=True)
class Contribution:
    """What one criterion adds to one country's score, and the figure behind it."""

    criterion: str
    indicator: str
    raw: float | None  # the indicator value used (None: missing, imputed)
    year: int | None  # the year it comes from
    normalised: float  # after transform, direction and normalisation
    weight: float
    contribution: float  # weight × normalised (the weighted-sum share of the score)


@dataclass(frozen=True, slots=True)
class CountryScore:
    """One ranked country: rank, score, each criterion's part, and how stable the rank is."""

    iso3: str
    rank: int
    score: float
    contributions: tuple[Contribution, ...]
    missing: tuple[str, ...]  # criteria imputed by the missing-data policy
    p_top: float | None = None  # share of weight samples with the country in the top N
    rank_low: float | None = None  # 5th percentile of the rank over the samples (best case)
    rank_high: float | None = None  # 95th percentile (worst case)
    overridden: tuple[str, ...] = ()  # criteria set by hand (see RankingSettings.overrides)


@dataclass(frozen=True, slots=True)
class RankingResult:
    """A ranking of candidates for one year, with the settings that made it."""

    year: int
    settings: RankingSettings
    countries: tuple[CountryScore, ...]
    excluded: tuple[str, ...]  # candidates dropped for too little data (or any missing, if policy exclude)
    samples: int  # weight samples drawn for the sensitivity (0: none)
