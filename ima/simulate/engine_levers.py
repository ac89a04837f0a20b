"""The same policy levers on the Flee-compatible engine, through its ``apply(day, controls)`` hook.

Levers are parsed and checked exactly as in a routes scenario (``parse_lever``); this module only
translates each day's strength into the engine's ``DayControls``. Levers that need what a Flee
scenario does not have (the origin of each agent, exact resettlement counts) are refused with a
clear error instead of being approximated silently.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from ima.simulate.controls import DayControls
from ima.simulate.levers import (
    BorderManagementLever, ClosureLever, InformationCampaignLever, OpeningLever, ReceptionSupportLever,
    check_lever_references, lever_value, parse_lever,
)

SUPPORTED = (BorderManagementLever, ClosureLever, OpeningLever, ReceptionSupportLever, InformationCampaignLever)


class EngineLever:
    """A routes lever acting on the engine's daily controls."""

    def __init__(self, lever: Any, start_date: date, parameters: Mapping[str, float] | None = None) -> None:
        if not isinstance(lever, SUPPORTED):
            raise ValueError(f"lever {lever.name}: a {type(lever).__name__} needs a routes scenario "
                             f"(agents with an origin, or exact resettlement counts); the Flee engine supports "
                             f"border_management, closure, opening, reception_support and information_campaign")
        if isinstance(lever, InformationCampaignLever) and lever.origins:
            raise ValueError(f"lever {lever.name}: on the Flee engine an information campaign acts on all "
                             f"departures; leave out `origins`")
        self.lever = lever
        self.name = lever.name
        self.start_date = start_date
        self.parameters = dict(parameters or {})

    def strength(self, day: int) -> float:
        """The lever's strength (0–1) on simulation day ``day``."""
        return float(self.lever.window.strength(self.start_date + timedelta(days=day), 1)[0])

    def apply(self, day: int, controls: DayControls) -> None:
        """Edit today's controls in place."""
        lever, s = self.lever, self.strength(day)
        if isinstance(lever, OpeningLever):
            if s == 0.0 and self.start_date + timedelta(days=day) < lever.window.start:
                for k in controls.links_between(*lever.link):
                    controls.link_open[k] = False
            return
        if s == 0.0:
            return
        if isinstance(lever, BorderManagementLever):
            i = controls.location(lever.location)
            p = lever_value(lever, "probability", self.parameters) * s
            if lever.outcome == "return":
                controls.removal_probability[i] = 1 - (1 - controls.removal_probability[i]) * (1 - p)
            else:
                controls.movechance[i] *= 1 - p
        elif isinstance(lever, ClosureLever):
            for k in _closed_links(lever, controls):
                controls.link_open[k] = False
        elif isinstance(lever, ReceptionSupportLever):
            for name in lever.locations:
                factor = lever_value(lever, "move_chance_factor", self.parameters)
                controls.movechance[controls.location(name)] *= 1 - (1 - factor) * s
        elif isinstance(lever, InformationCampaignLever):
            controls.spawn_multiplier *= 1 - lever_value(lever, "departure_reduction", self.parameters) * s


def _closed_links(lever: ClosureLever, controls: DayControls) -> list[int]:
    if lever.link is not None:
        return controls.links_between(*lever.link)
    i = controls.location(lever.location)
    return [k for n, link in enumerate(controls.scenario.links) if i in (link.a, link.b) for k in (2 * n, 2 * n + 1)]


def engine_levers(raw: Sequence[dict], start_date: date, days: int, location_names: set[str],
                  parameters: Mapping[str, float] | None = None) -> list[EngineLever]:
    """Parse YAML-shaped lever mappings against a Flee scenario's period and locations."""
    period = (start_date, start_date + timedelta(days=days - 1))
    levers = tuple(parse_lever(item, i, period, location_names, parameters) for i, item in enumerate(raw))
    check_lever_references(levers)
    return [EngineLever(lv, start_date, parameters) for lv in levers]
