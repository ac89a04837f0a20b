"""The return-cooperation assessment of Visa Code Art. 25a(2), and the next lever of Art. 25a(5)/(8).

Per third country, level (NL or EU) and year: (a) return decisions, (b) effective returns as a
share of decisions (return rate), (c) readmission requests accepted as a share of requests,
(d) practical cooperation. Each indicator with a value gets a class (sufficient / partial /
insufficient) from :class:`ReturnThresholds`; the country's class for the year is the *worst* of
them, because a failure at any stage of the return procedure stops returns. A return in year t
need not follow a decision of year t (Eurostat warns about mixed cohorts), so the rate is a
proxy. Levers, in the order the Visa Code provides them:

1. insufficient, visa required, no measure in force → suspend facilitations (Art. 25a(5)(a));
2. insufficient with the suspension in force and not improving → higher visa fee, EUR 120 (Art. 25a(5)(b));
3. insufficient with the higher fee in force → keep the fee, consider the next step (EUR 160, unverified);
4. sufficient and not worsening, visa required → positive measures (Art. 25a(8): lower fee,
   faster decisions, longer multiple-entry visas);
5. partial → dialogue and monitoring; visa-free countries → Art. 25a does not apply (visa
   suspension mechanism, Regulation (EU) 2018/1806 Art. 8); too few decisions → not assessed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ima.analysis.returns.observations import ReturnObservation
from ima.analysis.returns.thresholds import CLASSES, ReturnThresholds

NOT_ASSESSED = "not assessed"


@dataclass(frozen=True)
class YearAssessment:
    """One country, level and year: the indicators, their classes and the overall class."""

    country: str
    level: str
    year: int
    return_decisions: float | None
    returns: float | None
    return_rate: float | None
    average_return_rate: float | None
    acceptance_rate: float | None
    practical_score: float | None
    frontex_returns: float | None
    classes: dict[str, str]
    overall: str


@dataclass(frozen=True)
class CountryAssessment:
    """A country at one level: the assessed year, the series up to it, the trend and the lever."""

    country: str
    level: str
    year: int
    current: YearAssessment
    series: tuple[YearAssessment, ...]
    trend_points: float | None
    trend: str
    lever: str
    lever_reason: str
    visa_required: bool
    measure: str | None
    sources: tuple[str, ...]
    frontex_returns: tuple[tuple[int, float], ...] = ()


def average_return_rates(observations: list[ReturnObservation]) -> dict[tuple[str, int], float]:
    """``(level, year) → Σ returns / Σ decisions`` over every country with both figures."""
    sums: dict[tuple[str, int], list[float]] = defaultdict(lambda: [0.0, 0.0])
    for o in observations:
        if o.return_decisions and o.returns is not None:
            sums[o.level, o.year][0] += o.returns
            sums[o.level, o.year][1] += o.return_decisions
    return {k: r / d for k, (r, d) in sums.items() if d > 0}


def assess_year(o: ReturnObservation, average: float | None, thresholds: ReturnThresholds) -> YearAssessment:
    """The indicators and classes of one observation."""
    rate = o.returns / o.return_decisions if o.return_decisions and o.returns is not None else None
    acceptance = (o.readmission_accepted / o.readmission_requests
                  if o.readmission_requests and o.readmission_accepted is not None else None)
    practical = sum(o.practical.values()) / len(o.practical) if o.practical else None
    classes: dict[str, str] = {}
    enough = (o.return_decisions or 0) >= thresholds.minimum_return_decisions.get(o.level, 0)
    if rate is not None and enough:
        base = average if thresholds.return_rate_relative else 1.0
        if base:
            classes["return_rate"] = thresholds.return_rate.classify(rate / base)  # type: ignore[assignment]
    if acceptance is not None:
        classes["readmission_acceptance"] = thresholds.readmission_acceptance.classify(acceptance)  # type: ignore
    if practical is not None:
        classes["practical_cooperation"] = thresholds.practical_cooperation.classify(practical)  # type: ignore
    overall = max(classes.values(), key=CLASSES.index) if classes else NOT_ASSESSED
    return YearAssessment(o.country, o.level, o.year, o.return_decisions, o.returns, rate, average, acceptance,
                          practical, o.frontex_returns, classes, overall)


def _trend(series: list[YearAssessment], points: float) -> tuple[float | None, str]:
    rates = [(a.year, a.return_rate) for a in series if a.return_rate is not None]
    if len(rates) < 2:
        return None, "unknown"
    change = 100 * (rates[-1][1] - rates[0][1])
    return change, "improving" if change >= points else "worsening" if change <= -points else "stable"


def next_lever(current: YearAssessment, trend: str, visa_required: bool, measure: str | None) -> tuple[str, str]:
    """The next Visa Code lever and why (see the module docstring for the order)."""
    if current.overall == NOT_ASSESSED:
        return "none", "too few return decisions or no indicator to assess"
    if not visa_required:
        return "not applicable", "visa-free: Art. 25a does not apply (suspension mechanism, Reg. 2018/1806 Art. 8)"
    if current.overall == "insufficient":
        if measure in (None, "none"):
            return "suspend facilitations", "insufficient cooperation: Art. 25a(5)(a)"
        if measure == "suspension":
            if trend == "improving":
                return "keep suspension", "suspension in force and cooperation improving"
            return "higher visa fee", "suspension in force without improvement: Art. 25a(5)(b), EUR 120"
        return "keep higher fee", "higher fee in force; next step EUR 160 (unverified)"
    if current.overall == "sufficient" and trend != "worsening":
        if measure in ("suspension", "fee"):
            return "lift measures", "cooperation now sufficient: repeal the Art. 25a(5) measures"
        return "positive measures", "sufficient cooperation: Art. 25a(8)"
    return "dialogue", "partial cooperation or a worsening trend: monitor and raise in dialogue"


def assess(observations: list[ReturnObservation], thresholds: ReturnThresholds, visa_free: frozenset[str],
           year: int | None = None) -> list[CountryAssessment]:
    """One assessment per country and level: the latest assessable year up to ``year`` (or the
    latest year with data when none can be classified)."""
    averages = average_return_rates(observations)
    grouped: dict[tuple[str, str], list[ReturnObservation]] = defaultdict(list)
    for o in observations:
        if year is None or o.year <= year:
            grouped[o.country, o.level].append(o)
    out = []
    for (country, level), items in sorted(grouped.items()):
        items.sort(key=lambda o: o.year)
        series = [assess_year(o, averages.get((level, o.year)), thresholds) for o in items]
        assessed = [a for a in series if a.overall != NOT_ASSESSED]
        with_rate = [a for a in series if a.return_rate is not None or a.acceptance_rate is not None]
        current = (assessed or with_rate or series)[-1]
        shown = [a for a in series if a.year <= current.year]
        trend_points, trend = _trend(shown, thresholds.trend_points)
        latest = items[[a.year for a in series].index(current.year)]
        visa_required = latest.visa_required if latest.visa_required is not None else country not in visa_free
        measure = next((o.measure for o in reversed(items) if o.measure and o.year <= current.year), None)
        lever, reason = next_lever(current, trend, visa_required, measure)
        sources = tuple(dict.fromkeys(s for o in items for s in o.sources))
        frontex = tuple((o.year, o.frontex_returns) for o in items if o.frontex_returns is not None)
        out.append(CountryAssessment(country, level, current.year, current, tuple(shown), trend_points, trend,
                                     lever, reason, visa_required, measure, sources, frontex))
    return out
