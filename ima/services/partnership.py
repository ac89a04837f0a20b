"""Partnership dossiers and instrument packages: the use cases the CLI and the web app share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ima.analysis.partnership.catalogue import catalogue
from ima.analysis.partnership.dossiers import (
    COUNTRIES_FILE,
    country_agreements,
    country_profile,
    country_timeline,
    set_country_attribute,
)
from ima.analysis.partnership.explain import explain_package
from ima.analysis.partnership.interests import country_interests
from ima.analysis.partnership.packages import (
    PackageSettings,
    build_packages,
    check_weights,
    parse_effects,
    parse_weights,
)
from ima.analysis.partnership.risks import FlaggedRisk, load_risks, select_risks
from ima.analysis.partnership.sensitivity import DEFAULT_DRAWS, SensitivityResult, sweep_effects
from ima.domain.instruments import Instrument, Package
from ima.domain.partnership import (
    ATTRIBUTE_VALUES,
    Agreement,
    CountryProfile,
    Interest,
    InstrumentUse,
    TimelineEvent,
)
from ima.services.curation import edit_with_audit
from ima.services.knowledge import country_dossier, resolve_place
from ima.store import Store

PASSAGE_CHARS = 400


@dataclass(frozen=True)
class LinkedPassage:
    """A passage of the record about the country, with where it stands."""

    document_id: int
    title: str | None
    date: str | None
    page: int
    page_estimated: bool
    pillars: list[int]
    text: str


@dataclass(frozen=True)
class InstrumentInUse:
    """An instrument in use with the country, named in the chosen language."""

    instrument: str
    name: str
    level: str
    direction: str
    since: str
    source: object


@dataclass
class PartnershipDossier:
    """Everything ima knows about the partnership with one country."""

    iso3: str
    name: str
    state: str
    profile: CountryProfile
    agreements: list[Agreement]
    interests: list[Interest]
    timeline: list[TimelineEvent]
    risks: list[FlaggedRisk]
    instruments_in_use: list[InstrumentInUse]
    passages: list[LinkedPassage] = field(default_factory=list)


def _iso3(query: str) -> str:
    place = resolve_place(query)
    if place.kind != "country":
        raise ValueError(f"{query!r} is a region; a partnership dossier is per country (ISO 3166 code)")
    return place.code


def partnership_dossier(store: Store | None, query: str, *, lang: str = "nl",
                        today: dt.date | None = None) -> PartnershipDossier:
    """The dossier of the partnership with a country (ISO code or name); passages need a store."""
    iso3 = _iso3(query)
    profile = country_profile(iso3)
    instruments = catalogue()
    uses = [_in_use(u, instruments, lang) for u in profile.instruments_in_use]
    risks = select_risks(load_risks(), today or dt.date.today(), country=iso3, include_closed=True)
    passages = linked_passages(store, iso3) if store is not None else []
    return PartnershipDossier(iso3=iso3, name=profile.name_en if lang == "en" else profile.name_nl,
                              state=profile.state, profile=profile, agreements=country_agreements(iso3),
                              interests=country_interests(iso3, lang), timeline=country_timeline(iso3), risks=risks,
                              instruments_in_use=uses, passages=passages)


def _in_use(use: InstrumentUse, instruments: Mapping[str, Instrument], lang: str) -> InstrumentInUse:
    instrument = instruments.get(use.instrument)
    if instrument is None:
        raise ValueError(f"countries.yaml names an unknown instrument {use.instrument!r}")
    return InstrumentInUse(use.instrument, instrument.name(lang), instrument.level, instrument.direction,
                           use.since, use.source)


def linked_passages(store: Store, iso3: str) -> list[LinkedPassage]:
    """The passages of the record about the country (``ima country``), newest document first."""
    _, documents = country_dossier(store, iso3)
    out = []
    for doc in sorted(documents, key=lambda d: str(d.date or ""), reverse=True):
        for p in doc.passages:
            text = p.text if len(p.text) <= PASSAGE_CHARS else p.text[:PASSAGE_CHARS].rsplit(" ", 1)[0] + " …"
            out.append(LinkedPassage(doc.document_id, doc.title, doc.date.isoformat() if doc.date else None,
                                     p.page, p.page_estimated, list(p.pillars), text))
    return out


@dataclass(frozen=True)
class ExplainedPackage:
    """A ranked package, its instruments' names and its explanation in plain words."""

    package: Package
    names: list[str]
    explanation: str


@dataclass
class PackagesView:
    """The package builder's answer: ranked packages, exclusions and the sensitivity sweep."""

    iso3: str
    name: str
    objective: str
    mode: str
    weights: dict[str, float]
    candidates: int
    packages: list[ExplainedPackage]
    excluded: list[tuple[str, str]]  # (instrument id, reason)
    judgements: dict[str, tuple[int, int, bool, str]]  # id -> (low, high, default?, source)
    sensitivity: SensitivityResult | None


def instrument_packages(query: str, objective: str, *, mode: str = "more-for-more",
                        weights: str | Mapping[str, float] | None = None, top: int = 5, max_size: int = 3,
                        effects: str | Mapping[str, tuple[int, int]] | None = None,
                        include_proposed: bool = False, include_in_use: bool = False,
                        draws: int = DEFAULT_DRAWS, seed: int = 0,
                        lang: str = "nl") -> PackagesView:
    """Ranked instrument packages for a country and objective, explained, with a sensitivity sweep
    (``draws=0`` skips it). ``weights``/``effects`` take the CLI's text form or a mapping."""
    iso3 = _iso3(query)
    profile = country_profile(iso3)
    weight_map = parse_weights(weights) if isinstance(weights, str) or weights is None else dict(weights)
    effect_map = parse_effects(effects) if isinstance(effects, str) or effects is None else dict(effects)
    settings = PackageSettings(objective, mode, weight_map, max_size, top, include_proposed, include_in_use)
    result = build_packages(catalogue(), profile, settings, effect_map)
    instruments = catalogue()
    explained = [ExplainedPackage(p, [instruments[i].name(lang) for i in p.instruments],
                                  explain_package(p, instruments, objective, lang)) for p in result.packages]
    sensitivity = sweep_effects(result, draws=draws, seed=seed) if draws else None
    return PackagesView(iso3=iso3, name=profile.name_en if lang == "en" else profile.name_nl, objective=objective,
                        mode=mode, weights=check_weights(weight_map), candidates=result.candidates,
                        packages=explained, excluded=[(e.instrument, e.text(lang)) for e in result.excluded],
                        judgements={k: (j.low, j.high, j.default, j.source.cite())
                                    for k, j in result.judgements.items()},
                        sensitivity=sensitivity)


def parse_attribute_value(name: str, text: str) -> str | bool | None:
    """The value of a rule attribute from text: true/false/unknown for yes-no attributes, else one of
    the allowed words."""
    if name not in ATTRIBUTE_VALUES:
        raise ValueError(f"unknown attribute {name!r}: use {', '.join(ATTRIBUTE_VALUES)}")
    word = text.strip().lower()
    if word in ("unknown", "null", ""):
        return None
    if True in ATTRIBUTE_VALUES[name]:
        if word in ("true", "yes", "ja", "1"):
            return True
        if word in ("false", "no", "nee", "0"):
            return False
        raise ValueError(f"{name} is true, false or unknown, not {text!r}")
    if word not in ATTRIBUTE_VALUES[name]:
        raise ValueError(f"{name} is one of {', '.join(ATTRIBUTE_VALUES[name])} or unknown, not {text!r}")
    return word


def set_partnership_attribute(store: Store, query: str, name: str, value: str, *, source: str,
                              url: str | None = None, actor: str | None = None, note: str | None = None,
                              path=None):
    """Set a rule attribute of a country's dossier (e.g. ``diplomatic_visa_exemption``) with its source,
    in ``countries.yaml``, and record the change in the audit trail (entity kind ``partnership``)."""
    iso3 = _iso3(query)
    if not source or not source.strip():
        raise ValueError("a changed fact needs its source (--source)")
    parsed = parse_attribute_value(name, value)
    file = Path(path) if path else COUNTRIES_FILE
    cited = {"text": source.strip(), **({"url": url} if url else {})}
    return edit_with_audit(store, file, actor, "partnership", iso3,
                           lambda: set_country_attribute(file, iso3, name, parsed, cited), note)
