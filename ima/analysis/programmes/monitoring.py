"""Monitoring flags: indicators off track, negative side effects, evaluations due or overdue.

Each flag carries the "adapt or stop" decision it calls for (BRIEF §1: funded
programmes are monitored, evaluated where relevant, and adapted or stopped
when counterproductive), in Dutch and English.

An indicator is on track when its actual has made at least ``threshold`` of
the progress the straight line from baseline (at its date) to target (at its
date) expects by the actual's date. A missing baseline counts as 0 at the
indicator's baseline date (else the programme's start): EUTF indicators are
cumulative counts that start at zero.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ima.domain.programmes import Indicator, Programme

KINDS = ("indicator_off_track", "negative_side_effect", "evaluation_overdue", "evaluation_due")


@dataclass(frozen=True)
class MonitoringSettings:
    """``threshold``: the share of expected progress below which an indicator is off track;
    ``due_within_days``: how far ahead an evaluation counts as due."""

    as_of: dt.date
    threshold: float = 0.75
    due_within_days: int = 90

    def __post_init__(self) -> None:
        if not 0 < self.threshold <= 1:
            raise ValueError("the off-track threshold is a share between 0 and 1 (e.g. 0.75)")
        if self.due_within_days < 0:
            raise ValueError("due-within days cannot be negative")


@dataclass(frozen=True)
class Flag:
    """One thing that needs a decision about a programme; ``facts`` holds the figures behind it."""

    programme: str
    title: str
    kind: str
    severity: str
    subject: str
    facts: dict[str, Any] = field(default_factory=dict)

    def explain(self, lang: str = "nl") -> str:
        """What was found, in words."""
        return _TEXT[lang][self.kind][0].format(subject=self.subject, **self.facts)

    def decision(self, lang: str = "nl") -> str:
        """The "adapt or stop" decision the flag calls for, in words."""
        return _TEXT[lang][self.kind][1].format(subject=self.subject, **self.facts)


def expected_value(indicator: Indicator, start: dt.date | None, on: dt.date) -> float | None:
    """Where the straight line from baseline to target stands on ``on`` (None when it cannot be drawn)."""
    begin = indicator.baseline_date or start
    if indicator.target is None or indicator.target_date is None or begin is None or indicator.target_date <= begin:
        return None
    baseline = indicator.baseline or 0.0
    elapsed = min(max((on - begin).days / (indicator.target_date - begin).days, 0.0), 1.0)
    return baseline + (indicator.target - baseline) * elapsed


def progress_ratio(indicator: Indicator, start: dt.date | None) -> float | None:
    """Actual progress as a share of expected progress at the actual's date (None when not measurable)."""
    if indicator.actual is None or indicator.actual_date is None:
        return None
    expected = expected_value(indicator, start, indicator.actual_date)
    baseline = indicator.baseline or 0.0
    if expected is None or expected == baseline:
        return None
    return (indicator.actual - baseline) / (expected - baseline)


def monitoring_flags(programmes: list[Programme], settings: MonitoringSettings) -> list[Flag]:
    """Every flag of every programme, most severe first, then by programme."""
    flags: list[Flag] = []
    for p in programmes:
        for indicator in p.indicators:
            ratio = progress_ratio(indicator, p.start)
            if ratio is not None and ratio < settings.threshold:
                expected = expected_value(indicator, p.start, indicator.actual_date)
                flags.append(Flag(p.key, p.title, "indicator_off_track", "high" if ratio < settings.threshold / 2
                                  else "medium", indicator.name,
                                  {"actual": _n(indicator.actual), "expected": _n(expected),
                                   "target": _n(indicator.target), "target_date": indicator.target_date.isoformat(),
                                   "measured": indicator.actual_date.isoformat(), "progress": round(ratio * 100),
                                   "threshold": round(settings.threshold * 100)}))
        for effect in p.side_effects:
            if effect.nature == "negative":
                flags.append(Flag(p.key, p.title, "negative_side_effect", "high", effect.description,
                                  {"reported": effect.reported.isoformat() if effect.reported else "?",
                                   "source": effect.source_ref or "?"}))
        for evaluation in p.evaluations:
            if evaluation.done is not None:
                continue
            days = (evaluation.due - settings.as_of).days
            if days < 0:
                flags.append(Flag(p.key, p.title, "evaluation_overdue", "high", evaluation.kind,
                                  {"due": evaluation.due.isoformat(), "days": -days}))
            elif days <= settings.due_within_days:
                flags.append(Flag(p.key, p.title, "evaluation_due", "low", evaluation.kind,
                                  {"due": evaluation.due.isoformat(), "days": days}))
    # The same finding twice (EUTF indicators repeat at decision and contract level) is one flag.
    unique = list({(f.programme, f.kind, f.subject, tuple(sorted(f.facts.items()))): f for f in flags}.values())
    rank = {"high": 0, "medium": 1, "low": 2}
    return sorted(unique, key=lambda f: (rank[f.severity], f.programme, KINDS.index(f.kind), f.subject))


def _n(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 2)


_TEXT = {
    "nl": {
        "indicator_off_track": (
            "Indicator '{subject}' loopt achter: gemeten {actual} op {measured}, verwacht {expected} op de rechte lijn "
            "naar het doel {target} in {target_date} ({progress}% van de verwachte voortgang; grens {threshold}%).",
            "Bijsturen of stoppen: vraag de uitvoerder om een verklaring en een herstelplan met nieuwe tussendoelen. "
            "Blijft de achterstand bij de volgende meting, pas dan de aanpak aan (andere activiteiten, partner of "
            "doelgroep) of stop de financiering van dit onderdeel."),
        "negative_side_effect": (
            "Negatief neveneffect gemeld ({reported}, bron: {source}): {subject}",
            "Do no harm: weeg de schade nu. Kan zij worden voorkomen, pas het programma aan (mitigerende maatregelen, "
            "andere partner of activiteit) en leg dat vast in het risicoregister; kan dat niet, stop het programma of "
            "het onderdeel dat de schade veroorzaakt."),
        "evaluation_overdue": (
            "De {subject} was uiterlijk {due} gepland en is {days} dagen te laat.",
            "Geen besluit over voortzetting, verlenging of ophoging zonder deze evaluatie: laat haar alsnog (onafhankelijk) "
            "uitvoeren en besluit op haar bevindingen of het programma doorgaat, wordt aangepast of stopt."),
        "evaluation_due": (
            "De {subject} is over {days} dagen voorzien ({due}).",
            "Zorg dat de evaluatie op tijd start; haar bevindingen bepalen of het programma doorgaat, wordt aangepast "
            "of stopt."),
    },
    "en": {
        "indicator_off_track": (
            "Indicator '{subject}' is behind: {actual} measured on {measured}, {expected} expected on the straight line "
            "to the target {target} by {target_date} ({progress}% of expected progress; threshold {threshold}%).",
            "Adapt or stop: ask the implementer for an explanation and a recovery plan with new milestones. If the gap "
            "remains at the next measurement, change the approach (activities, partner or target group) or stop "
            "funding this component."),
        "negative_side_effect": (
            "Negative side effect reported ({reported}, source: {source}): {subject}",
            "Do no harm: assess the harm now. If it can be prevented, adapt the programme (mitigation, another partner "
            "or activity) and record that in the risk register; if it cannot, stop the programme or the component "
            "that causes it."),
        "evaluation_overdue": (
            "The {subject} was due by {due} and is {days} days late.",
            "No decision on continuing, extending or topping up without this evaluation: have it carried out "
            "(independently) and decide on its findings whether the programme continues, is adapted or stops."),
        "evaluation_due": (
            "The {subject} is due in {days} days ({due}).",
            "Make sure the evaluation starts on time; its findings decide whether the programme continues, is "
            "adapted or stops."),
    },
}
