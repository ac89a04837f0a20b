"""The constraints on instruments: which may be used with a country, and which packages are allowed.

Country rules (``kind: country``) compare a country attribute with the allowed values: ``ok``,
``fails`` (the instrument is excluded) or ``unknown`` (kept, flagged "to verify"). Package rules:
``not-alone`` (only with other instruments: aid as leverage), ``excludes`` (never together),
and the mode: "more for more" uses only positive instruments; "less for less" allows negative
ones only balanced by at least as many positive ones (negative incentives alone seldom improve
cooperation: Kamerbrief 10 juli 2020, p. 5).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ima.domain.instruments import MODES, Instrument, RuleCheck
from ima.domain.partnership import CountryProfile


@dataclass(frozen=True, slots=True)
class Exclusion:
    """Why an instrument cannot be part of any package for this country, objective and mode."""

    instrument: str
    reason: str
    reason_nl: str

    def text(self, lang: str = "nl") -> str:
        """The reason in Dutch (default) or English."""
        return self.reason if lang == "en" else self.reason_nl


def check_country_rules(instrument: Instrument, profile: CountryProfile) -> list[RuleCheck]:
    """Each country rule of the instrument checked against the profile's attributes."""
    out = []
    for rule in instrument.rules_of("country"):
        value = profile.attribute(rule.attribute)
        if value is None:
            outcome = "unknown"
        else:
            outcome = "ok" if value in rule.values else "fails"
        out.append(RuleCheck(instrument.id, outcome, rule.message, rule.attribute, value))
    return out


def available_instruments(catalogue: Mapping[str, Instrument], profile: CountryProfile, objective: str,
                          mode: str, *, include_proposed: bool = False, include_in_use: bool = False
                          ) -> tuple[list[Instrument], list[Exclusion], dict[str, tuple[str, ...]]]:
    """The instruments a package may draw on, the excluded ones with their reason, and per usable
    instrument the attributes whose rules could not be checked for this country. A package proposes
    what to add, so instruments already in use with the country are left out unless asked."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}: use {' or '.join(MODES)}")
    usable, excluded, unverified = [], [], {}
    for instrument in sorted(catalogue.values(), key=lambda i: i.id):
        reason = _exclusion(instrument, profile, objective, mode, include_proposed)
        in_use = [u.since for u in profile.instruments_in_use if u.instrument == instrument.id]
        if reason is None and in_use and not include_in_use:
            reason = (f"already in use since {in_use[0]}", f"al in gebruik sinds {in_use[0]}")
        if reason:
            excluded.append(Exclusion(instrument.id, *reason))
            continue
        usable.append(instrument)
        unknown = tuple(c.attribute for c in check_country_rules(instrument, profile) if c.outcome == "unknown")
        if unknown:
            unverified[instrument.id] = unknown
    return usable, excluded, unverified


def _exclusion(instrument: Instrument, profile: CountryProfile, objective: str, mode: str,
               include_proposed: bool) -> tuple[str, str] | None:
    """Why the instrument is out, in English and Dutch; None when it may be used."""
    never = instrument.rules_of("never")
    if instrument.status == "prohibited" or never:
        return (never[0].text("en"), never[0].text("nl")) if never else ("prohibited", "niet toegestaan")
    if instrument.status == "proposed" and not include_proposed:
        return "legal basis not in force (proposed)", "rechtsgrond nog niet van kracht (voorstel)"
    if mode == "more-for-more" and instrument.direction == "negative":
        return ("negative instrument: not used in more-for-more mode",
                "negatief instrument: niet gebruikt in de modus more-for-more")
    judgement = instrument.effects.get(objective)
    if judgement is None or judgement.high == 0:
        return f"no judged effect on the objective '{objective}'", f"geen geoordeeld effect op het doel '{objective}'"
    failing = [c for c in check_country_rules(instrument, profile) if c.outcome == "fails"]
    if failing:
        rule = [r for r in instrument.rules_of("country") if r.attribute == failing[0].attribute][0]
        detail = f" ({failing[0].attribute} = {failing[0].value})"
        return rule.text("en") + detail, rule.text("nl") + detail
    return None


def package_violations(instruments: Iterable[Instrument], mode: str) -> list[str]:
    """Every package-level rule the combination breaks (empty: the package is allowed)."""
    chosen = list(instruments)
    ids = {i.id for i in chosen}
    problems = []
    for instrument in chosen:
        for rule in instrument.rules_of("not-alone"):
            if len(chosen) < 2:
                problems.append(f"{instrument.id}: {rule.message}")
        for rule in instrument.rules_of("excludes"):
            clash = sorted(ids.intersection(rule.values))
            if clash:
                problems.append(f"{instrument.id} with {', '.join(clash)}: {rule.message}")
        for rule in instrument.rules_of("never"):
            problems.append(f"{instrument.id}: {rule.message}")
    negatives = sum(i.direction == "negative" for i in chosen)
    positives = len(chosen) - negatives
    if mode == "more-for-more" and negatives:
        problems.append("more-for-more mode uses positive instruments only")
    if mode == "less-for-less" and negatives > positives:
        problems.append("negative instruments must be balanced by at least as many positive ones")
    return problems
