"""The Annual Solidarity Pool (Regulation (EU) 2024/1351): fair shares, pledges, offsets.

- Art. 12(2): the pool holds at least 30,000 relocations and EUR 600 million a year; the pool
  for 2026 (Council Implementing Decision (EU) 2025/2642) was 21,000 relocations or EUR 420
  million. One relocation counts as EUR 20,000 (600,000,000 / 30,000; the same ratio in 2026).
- Fair share (Art. 57(3), Art. 66): key share × the pool, separately in relocations and in euros,
  rounded by the largest-remainder rule so the shares add up to the pool exactly.
- A pledge (relocations, euros, alternative measures in euros) is valued in euros at EUR 20,000
  per relocation and compared with the fair share's value. The pool's value is
  ``20,000 × relocations + euros`` when the two parts come on top of each other (``combine="and"``,
  Art. 12's wording) and ``max(20,000 × relocations, euros)`` when they are two expressions of the
  same effort (``combine="or"``, the wording of the 2026 pool).
- Responsibility offsets (Art. 63), as ima reads the reference note: benefitting states may ask
  for offsets instead of relocations once the relocations pledged in total reach 50 % of the
  relocations in the pool; a contributing state may offer offsets when the relocations it pledged
  reach 50 % of its own fair share in relocations ("mandatory fair share").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ima.analysis.solidarity.key import KeyResult
from ima.analysis.solidarity.rounding import largest_remainder

EUR_PER_RELOCATION = 20_000
OFFSET_THRESHOLD = 0.5
ART12_MINIMUM = (30_000, 600_000_000)


@dataclass(frozen=True)
class Pledge:
    """What a Member State offers to the pool."""

    state: str
    relocations: int = 0
    eur: float = 0.0
    alternative_eur: float = 0.0

    @property
    def value_eur(self) -> float:
        """The pledge in euros, one relocation = EUR 20,000."""
        return self.relocations * EUR_PER_RELOCATION + self.eur + self.alternative_eur


@dataclass(frozen=True)
class FairShare:
    """One state's fair share of the pool and, if it pledged, how far the pledge covers it."""

    state: str
    key: float
    relocations: int
    eur: int
    value_eur: float
    pledge: Pledge | None
    coverage: float | None
    gap_eur: float | None
    may_offer_offsets: bool


@dataclass(frozen=True)
class PoolResult:
    """Fair shares of every participating state, the pool's totals and the Art. 63 test."""

    year: int
    relocations: int
    eur: int
    combine: str
    value_eur: float
    shares: tuple[FairShare, ...]
    pledged_relocations: int
    pledged_value_eur: float
    offsets_open: bool
    below_article_12_minimum: bool


def pool_value(relocations: int, eur: float, combine: str) -> float:
    """The pool in euros (see the module docstring for ``and`` / ``or``)."""
    if combine == "and":
        return relocations * EUR_PER_RELOCATION + eur
    if combine == "or":
        return max(relocations * EUR_PER_RELOCATION, eur)
    raise ValueError(f"combine is 'and' or 'or', not {combine!r}")


def fair_shares(key: KeyResult, relocations: int, eur: int, pledges: list[Pledge] | None = None,
                combine: str = "and") -> PoolResult:
    """Each state's fair share of a pool of ``relocations`` and ``eur``, with its pledge if any."""
    if relocations < 0 or eur < 0:
        raise ValueError("the pool cannot be negative")
    states = tuple(s.state for s in key.shares)
    by_state = {p.state: p for p in pledges or []}
    strangers = sorted(set(by_state) - set(states))
    if strangers:
        raise ValueError(f"pledge for a state outside the key: {', '.join(strangers)}")
    shares = key.vector(states)
    total_value = pool_value(relocations, eur, combine)
    reloc = largest_remainder(shares * relocations, relocations)
    money = largest_remainder(shares * eur, eur)
    rows = []
    for i, state in enumerate(states):
        pledge = by_state.get(state)
        value = float(shares[i] * total_value)
        coverage = pledge.value_eur / value if pledge is not None and value > 0 else None
        rows.append(FairShare(state, float(shares[i]), int(reloc[i]), int(money[i]), value, pledge, coverage,
                              value - pledge.value_eur if pledge is not None else None,
                              bool(pledge is not None and reloc[i] > 0
                                   and pledge.relocations >= OFFSET_THRESHOLD * shares[i] * relocations)))
    pledged = sum(p.relocations for p in by_state.values())
    return PoolResult(key.year, relocations, eur, combine, total_value, tuple(rows), pledged,
                      float(sum(p.value_eur for p in by_state.values())),
                      relocations > 0 and pledged >= OFFSET_THRESHOLD * relocations,
                      relocations < ART12_MINIMUM[0] or eur < ART12_MINIMUM[1])
