"""Partnerships with third countries: the state of cooperation, agreements, other interests, timeline.

Every fact carries a ``Source``: an external publication (title and URL), or a document of the
record with its page. Facts ima is not sure of are kept, marked ``certainty="uncertain"``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The other interests in a relationship that a migration instrument may touch (BRIEF §1:
# trade, agriculture, human rights, climate, development), plus protection of refugees hosted.
INTEREST_KINDS = ("trade", "aid", "security", "human-rights", "climate", "protection")
COOPERATION_STATES = ("none", "dialogue", "arrangement", "agreement")
LEVELS = ("EU", "NL", "Benelux")
CERTAINTIES = ("confirmed", "uncertain")
EVENT_KINDS = ("visit", "dialogue", "measure", "agreement", "programme", "statement")
# The country attributes instrument rules check, with their allowed values (None = unknown).
ATTRIBUTE_VALUES = {"schengen_visa_required": (True, False), "aviation_linkage_allowed": (True, False),
                    "eu_visa_facilitation_agreement": (True, False), "diplomatic_visa_exemption": (True, False),
                    "gsp": ("eba", "standard", "gsp-plus", "none"), "nl_embassy": (True, False),
                    "hosts_refugees": (True, False)}
# Which state of cooperation an agreement of each kind stands for.
AGREEMENT_STATES = {"readmission-agreement": "agreement", "visa-facilitation-agreement": "agreement",
                    "statement": "arrangement", "mou": "arrangement", "sop": "arrangement",
                    "partnership": "arrangement", "compact": "arrangement", "mobility-partnership": "arrangement",
                    "arrangement": "arrangement", "dialogue": "dialogue"}


@dataclass(frozen=True, slots=True)
class Source:
    """Where a fact comes from: a publication (``text`` + ``url``) or a record document and page."""

    text: str
    url: str | None = None
    document: str | None = None  # file stem of a corpus document, e.g. 2020-07-10_migratieovereenkomsten_2971694
    page: int | None = None
    certainty: str = "confirmed"

    def cite(self) -> str:
        """A one-line citation a person can follow."""
        parts = [self.text]
        if self.document:
            parts.append(f"{self.document}{f', p. {self.page}' if self.page else ''}")
        if self.url:
            parts.append(self.url)
        if self.certainty != "confirmed":
            parts.append(f"[{self.certainty}]")
        return " — ".join(parts)

    def __str__(self) -> str:
        return self.cite()


@dataclass(frozen=True, slots=True)
class Interest:
    """One of the other interests in the relationship with a country, with an indicator where data exists.

    ``value``/``unit``/``year`` are None for a qualitative interest (``summary`` says it).
    """

    kind: str
    summary: str
    indicator: str | None
    value: float | None
    unit: str | None
    year: int | None
    source: Source


@dataclass(frozen=True, slots=True)
class Agreement:
    """An agreement, arrangement or statement on migration (EU, NL or Benelux level) with a country."""

    id: str
    title: str
    kind: str  # readmission-agreement, statement, mou, sop, arrangement, partnership, …
    level: str
    countries: tuple[str, ...]
    date: str  # ISO date, or year-month / year when only that is known
    summary: str
    source: Source


@dataclass(frozen=True, slots=True)
class StateChange:
    """From ``date`` on, cooperation with the country was in ``state``."""

    date: str
    state: str
    note: str
    source: Source


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """A visit, dialogue, measure or programme in the relationship, as the record or a source reports it."""

    date: str
    country: str
    kind: str
    summary: str
    source: Source


@dataclass(frozen=True, slots=True)
class CountryAttribute:
    """A fact about a country that an instrument's constraint checks (e.g. GSP status), with its source."""

    name: str
    value: str | bool | None  # None: not known, the constraint cannot be checked
    source: Source


@dataclass(frozen=True, slots=True)
class InstrumentUse:
    """An instrument of the catalogue in use with a country since ``since``, with its source."""

    instrument: str
    since: str
    source: Source


@dataclass(frozen=True, slots=True)
class CountryProfile:
    """The curated partnership facts of one country."""

    iso3: str
    name_nl: str
    name_en: str
    state: str
    history: tuple[StateChange, ...] = ()
    attributes: dict[str, CountryAttribute] = field(default_factory=dict)
    instruments_in_use: tuple[InstrumentUse, ...] = ()

    def attribute(self, name: str) -> str | bool | None:
        """The value of an attribute, None when the profile does not know it."""
        found = self.attributes.get(name)
        return found.value if found else None
