"""A replay of the corrective allocation mechanism of the Dublin IV proposal, COM(2016) 270.

Per period (a year, or a month when monthly data is supplied) and Member State:

- reference number = key share × all applications in the participating states (Art. 34–35);
- a state is *triggered* when its applications exceed 150 % of its reference number (Art. 34);
  it then keeps 150 % of its reference number and the applications above that (rounded down to
  whole persons) are allocated elsewhere — allocation lasts as long as the state stays above
  150 % (cessation), so over a period the state ends at its threshold;
- the allocated applicants go to the states *below 100 %* of their reference number, in
  proportion to their key; a state stops receiving once it reaches 100 % (Art. 36). The room below
  100 % always suffices: it equals the applications above 100 % elsewhere;
- a state may opt out of receiving (Art. 37) and then pays EUR 250,000 for each applicant who
  would otherwise have been allocated to it; those applicants go to the other eligible states,
  and whatever finds no room stays where it was lodged.

Simplifications (the proposal counted resettled persons too and ran the comparison
continuously over a rolling 12 months; ima compares within each period, on first-time
applicants): documented in the README. Whole persons are kept by the largest-remainder rule, so
for every period ``kept + allocated = received`` exactly; a receiver may end up to one
applicant above its reference number through that rounding.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ima.analysis.solidarity.rounding import largest_remainder_rows

EUR_PER_APPLICANT_NOT_TAKEN = 250_000
TRIGGER = 1.5
CEILING = 1.0


@dataclass(frozen=True)
class ReplaySettings:
    """The mechanism's parameters (defaults as proposed in COM(2016) 270)."""

    trigger: float = TRIGGER
    ceiling: float = CEILING
    eur_per_applicant: float = EUR_PER_APPLICANT_NOT_TAKEN
    opt_out: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        if self.trigger < self.ceiling or self.ceiling <= 0:
            raise ValueError("the trigger must be at least the ceiling, and the ceiling positive")


@dataclass(frozen=True)
class ReplayResult:
    """Every period × state figure of a replay (arrays of shape periods × states)."""

    states: tuple[str, ...]
    periods: tuple[str, ...]
    received: np.ndarray
    key: np.ndarray
    reference: np.ndarray
    triggered: np.ndarray
    relocated_out: np.ndarray
    allocated_in: np.ndarray
    opt_out_payment_eur: np.ndarray

    @property
    def kept(self) -> np.ndarray:
        """Applications a state stays responsible for out of those lodged with it."""
        return self.received - self.relocated_out

    @property
    def responsible(self) -> np.ndarray:
        """Applications a state is responsible for after allocation."""
        return self.kept + self.allocated_in


def fill_to_capacity(amount: np.ndarray, key: np.ndarray, capacity: np.ndarray) -> np.ndarray:
    """Share ``amount`` (per row) over states in proportion to ``key``, none above its ``capacity``.

    Water-filling: states whose proportional share would pass their capacity get exactly their
    capacity, and the rest is shared again among the others. Rows whose capacity runs out keep
    the unplaced part (the returned rows then sum to less than ``amount``).
    """
    alloc = np.zeros_like(capacity, dtype=float)
    remaining = amount.astype(float).copy()
    active = capacity > 0
    for _ in range(capacity.shape[1] + 1):
        weights = key * active
        total = weights.sum(axis=1)
        share = np.divide(remaining, total, out=np.zeros_like(remaining), where=total > 0)[:, None] * weights
        room = capacity - alloc
        over = active & (share > room + 1e-9)
        rows_over = over.any(axis=1)
        alloc += np.where(rows_over[:, None], 0.0, share)
        remaining = np.where(rows_over, remaining, 0.0)
        if not rows_over.any():
            break
        fill = np.where(over, room, 0.0)
        alloc += fill
        remaining = remaining - fill.sum(axis=1)
        active &= ~over
    return alloc


def replay_allocation(received: np.ndarray, key: np.ndarray, states: tuple[str, ...], periods: tuple[str, ...],
                      settings: ReplaySettings | None = None) -> ReplayResult:
    """Run the mechanism on ``received`` (periods × states, whole applicants) with ``key`` (same shape or one row)."""
    settings = settings or ReplaySettings()
    received = np.asarray(received, dtype=np.int64)
    if received.ndim != 2 or received.shape[1] != len(states) or received.shape[0] != len(periods):
        raise ValueError("received needs one row per period and one column per state")
    if (received < 0).any():
        raise ValueError("applications cannot be negative")
    key = np.broadcast_to(np.asarray(key, dtype=float), received.shape)
    opt_out = np.array([s in settings.opt_out for s in states])
    total = received.sum(axis=1, keepdims=True).astype(float)
    reference = key * total
    triggered = (received > settings.trigger * reference) & (reference > 0)
    out = np.where(triggered, np.floor(received - settings.trigger * reference + 1e-9), 0).astype(np.int64)
    demand = out.sum(axis=1)
    room = np.where(received < settings.ceiling * reference, settings.ceiling * reference - received, 0.0)

    would = fill_to_capacity(demand, key, room)
    payment = np.zeros(received.shape)
    if opt_out.any():
        would_whole = largest_remainder_rows(would, np.floor(would.sum(axis=1) + 1e-6))
        payment = np.where(opt_out, would_whole * settings.eur_per_applicant, 0.0)
        placed = fill_to_capacity(demand, key, np.where(opt_out, 0.0, room))
    else:
        placed = would
    placed_total = np.minimum(np.floor(placed.sum(axis=1) + 1e-6), demand).astype(np.int64)
    allocated = largest_remainder_rows(placed, placed_total)
    short = placed_total < demand
    if short.any():
        # what found no room stays with the states it was lodged in, shared in proportion
        ratio = np.divide(placed_total, demand, out=np.zeros(len(demand)), where=demand > 0)
        out = np.where(short[:, None], largest_remainder_rows(out * ratio[:, None], placed_total), out)
    return ReplayResult(tuple(states), tuple(periods), received, np.array(key), reference, triggered, out,
                        allocated, payment)
