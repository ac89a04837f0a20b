"""The six pillars (*pijlers*) of the Integrale Migratieagenda, and pillar labels.

The pillars are data, not an enum of magic numbers, so that every screen and
export can show the Dutch title the documents use next to an English gloss.

A :class:`PillarLabel` is the result of classifying one passage: the pillars
it was assigned (possibly none) and, for every pillar that scored anything,
the evidence that produced the score (which lexicon terms matched, which
rules fired). Keeping the evidence is the point: a user who doubts a label
can see exactly why it was given.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Pillar:
    """One pillar of the agenda: its number (1..6), Dutch title and English gloss."""

    number: int
    name_nl: str
    name_en: str


#: The six pillars as the IMA (March 2018) numbers them; BRIEF §1.
PILLARS: tuple[Pillar, ...] = (
    Pillar(1, "Voorkomen van irreguliere migratie", "Prevent irregular migration"),
    Pillar(2, "Opvang en bescherming in de regio", "Reception and protection in the region"),
    Pillar(3, "Solidair en solide asielstelsel (EU en NL)", "Solid, solidarity-based asylum system (EU and NL)"),
    Pillar(4, "Minder illegaliteit, meer terugkeer", "Less irregular stay, more return"),
    Pillar(5, "Legale migratieroutes", "Legal migration routes"),
    Pillar(6, "Integratie en participatie", "Integration and participation"),
)

PILLAR_NUMBERS: tuple[int, ...] = tuple(p.number for p in PILLARS)


def pillar(number: int) -> Pillar:
    """The pillar with this number; ``ValueError`` for anything outside 1..6."""
    for p in PILLARS:
        if p.number == number:
            return p
    raise ValueError(f"no pillar {number!r}; pillars are numbered 1..6")


@dataclass(frozen=True, slots=True)
class Evidence:
    """One reason a pillar scored: a lexicon term that matched, or a rule that fired.

    ``kind`` is ``"term"`` or ``"rule"``; ``name`` is the term as listed in the
    lexicon (or the rule's name); ``count`` how often it matched; ``weight``
    the raw points it contributed (negative for rules that suppress).
    """

    kind: str
    name: str
    weight: float
    count: int = 1


@dataclass(frozen=True, slots=True)
class PillarScore:
    """A pillar's score in [0, 1] for one passage, with its evidence."""

    pillar: int
    score: float
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class PillarLabel:
    """The pillars assigned to a passage (sorted, possibly empty) and every score.

    ``scores`` holds one :class:`PillarScore` per pillar, in pillar order, so
    that a caller can rank or re-threshold without classifying again.
    """

    pillars: tuple[int, ...]
    scores: tuple[PillarScore, ...]
    method: str = "lexicon"

    @property
    def is_none(self) -> bool:
        """True when the passage was assigned no pillar."""
        return not self.pillars

    def score(self, number: int) -> float:
        """The score of pillar ``number`` (0.0 when it did not score)."""
        for s in self.scores:
            if s.pillar == number:
                return s.score
        return 0.0

    def evidence(self, number: int) -> tuple[Evidence, ...]:
        """The evidence behind pillar ``number``'s score."""
        for s in self.scores:
            if s.pillar == number:
                return s.evidence
        return ()
