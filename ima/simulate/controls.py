"""The hook for time-varying policy levers: per-day arrays a lever may edit before the day runs.

A lever is any object with ``apply(day, controls)``. The engine fills :class:`DayControls` from the
scenario's own rules (Flee's move chances, closures, camp sinks), calls every lever in order, then
runs the day with whatever the levers left in the arrays. Levers edit arrays in place and must not
keep references to them past the call.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np

from ima.domain.simulation import Scenario


@dataclass
class DayControls:
    """What a lever may change for one day (indices follow the scenario's locations and links).

    - ``movechance[l]``: chance that a settled agent at l sets off today.
    - ``link_open[k]``: directed link k (``2*i`` is links[i].a→b, ``2*i+1`` is b→a) is usable.
    - ``removal_probability[l]``: chance that a settled agent at l leaves the simulation today
      (returns, resettlement out of the region, camp sinks).
    - ``spawn_multiplier``: factor on today's newly displaced (information campaigns, ...).
    - ``attraction[l]``: factor on l's route-choice score (reception in the region, pull factors).
    - ``spawn_factor[l]``: factor (0–1) on the people newly displaced at l today (thinning).
    - ``inject[l]``: extra agents created at l today (resettlement arrivals, pre-placed groups).
    """

    day: int
    scenario: Scenario
    movechance: np.ndarray
    link_open: np.ndarray
    removal_probability: np.ndarray
    attraction: np.ndarray
    spawn_factor: np.ndarray
    inject: np.ndarray
    spawn_multiplier: float = 1.0

    def location(self, name: str) -> int:
        """Index of a location by name."""
        return self.scenario.index(name)

    def links_between(self, first: str, second: str) -> list[int]:
        """Directed link ids between two locations, both directions."""
        a, b = self.location(first), self.location(second)
        out = []
        for i, link in enumerate(self.scenario.links):
            if (link.a, link.b) == (a, b) or (link.a, link.b) == (b, a):
                out += [2 * i, 2 * i + 1]
        return out


class Lever(Protocol):
    """A named, time-varying policy intervention."""

    name: str

    def apply(self, day: int, controls: DayControls) -> None:
        """Edit today's controls in place."""
