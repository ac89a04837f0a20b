"""Turn a scenario's levers into the per-day arrays of ``LeverSchedules``."""

from __future__ import annotations

import numpy as np

from ima.simulate.levers import (
    BorderManagementLever, ClosureLever, InformationCampaignLever, LeverSchedules, OpeningLever,
    ReceptionSupportLever, ResettlementLever, ReturnCooperationLever, lever_value,
)
from ima.simulate.scenario.network import RouteNetwork
from ima.simulate.scenario.spec import ScenarioSpec

DEFAULT_RIGHT_TO_STAY = 0.5
DAYS_PER_MONTH = 30.4375


def build_schedules(spec: ScenarioSpec, network: RouteNetwork) -> LeverSchedules:
    """Per-day arrays for all levers of the scenario (neutral arrays when it has none)."""
    days, n_loc, n_link = spec.days, len(network.names), len(network.link_source)
    resettlements = [lv for lv in spec.levers if isinstance(lv, ResettlementLever)]
    n_res = len(resettlements)
    sched = LeverSchedules(
        move_factor=np.ones((days, n_loc), dtype=np.float32),
        link_open=np.ones((days, n_link), dtype=np.uint8),
        intercept_return=np.zeros((days, n_loc), dtype=np.float32),
        intercept_hold=np.zeros((days, n_loc), dtype=np.float32),
        return_p=np.zeros((days, n_loc), dtype=np.float32),
        spawn_factor=np.ones((days, n_loc), dtype=np.float64),
        right_to_stay=np.full(n_loc, DEFAULT_RIGHT_TO_STAY, dtype=np.float32),
        resettle_quota=np.zeros((days, n_res), dtype=np.int32),
        resettle_active=np.zeros((days, n_res), dtype=np.uint8),
        resettle_source=np.full(n_res, -1, dtype=np.int32),
        resettle_cdf=np.zeros((n_res, n_loc), dtype=np.float64),
        resettle_match=np.full(n_res, -1, dtype=np.int32),
        resettle_cap=np.full(n_res, -1, dtype=np.int64),
        resettle_names=tuple(lv.name for lv in resettlements),
    )
    for lever in spec.levers:
        strength = lever.window.strength(spec.start, days)
        on = strength > 0

        def v(key: str, lever=lever) -> float:
            return lever_value(lever, key, spec.parameters)

        if isinstance(lever, BorderManagementLever):
            i = network.index(lever.location)
            target = sched.intercept_return if lever.outcome == "return" else sched.intercept_hold
            target[:, i] = 1 - (1 - target[:, i]) * (1 - v("probability") * strength)
        elif isinstance(lever, ClosureLever | OpeningLever):
            _close(sched, network, lever, on)
        elif isinstance(lever, ReturnCooperationLever):
            i = network.index(lever.origin)
            # a share per month, as a daily chance: 1 - (1 - share)^(1/month)
            daily = 1 - (1 - v("share_per_month") * strength) ** (1 / DAYS_PER_MONTH)
            sched.return_p[:, i] = 1 - (1 - sched.return_p[:, i]) * (1 - daily)
            sched.right_to_stay[i] = 1 - v("no_right_to_stay")
            sched.spawn_factor[:, i] *= 1 - v("departure_effect") * strength
        elif isinstance(lever, ReceptionSupportLever):
            for name in lever.locations:
                i = network.index(name)
                sched.move_factor[:, i] *= 1 - (1 - v("move_chance_factor")) * strength
        elif isinstance(lever, InformationCampaignLever):
            cols = [network.index(o) for o in lever.origins] or list(network.indices_of_kind("origin"))
            for i in cols:
                sched.spawn_factor[:, i] *= 1 - v("departure_reduction") * strength
    for r, lever in enumerate(resettlements):
        _resettlement(sched, spec, network, r, lever)
    return sched


def _close(sched: LeverSchedules, network: RouteNetwork, lever, on: np.ndarray) -> None:
    if isinstance(lever, OpeningLever):
        links = [network.link_index(*lever.link)]
        closed = np.cumsum(on) == 0  # closed until the window starts
    else:
        closed = on
        if lever.link is not None:
            links = [network.link_index(*lever.link)]
        else:
            i = network.index(lever.location)
            links = [k for k in range(len(network.link_source))
                     if network.link_source[k] == i or network.link_target[k] == i]
        if not links:
            raise ValueError(f"lever {lever.name}: closure names no link")
    for k in links:
        sched.link_open[closed, k] = 0


def _resettlement(sched: LeverSchedules, spec: ScenarioSpec, network: RouteNetwork, r: int,
                  lever: ResettlementLever) -> None:
    weights = np.zeros(len(network.names))
    for name, w in lever.to.items():
        i = network.index(name)
        if network.kinds[i] != "destination":
            raise ValueError(f"lever {lever.name}: {name} is not a destination")
        weights[i] = w
    sched.resettle_cdf[r] = np.cumsum(weights / weights.sum())
    sched.resettle_cdf[r, -1] = 1.0
    if lever.source is not None:
        sched.resettle_source[r] = network.index(lever.source)
    if lever.cap is not None:
        sched.resettle_cap[r] = int(round(lever.cap / spec.scale))
    strength = lever.window.strength(spec.start, spec.days)
    sched.resettle_active[:, r] = strength > 0
    if lever.one_for_one is not None:
        border = next(lv for lv in spec.levers if lv.name == lever.one_for_one)
        sched.resettle_match[r] = network.index(border.location)
        return
    # the quota is spread evenly: quota_per_year / 365 a day, in whole agents without drift
    per_day = lever.quota_per_year / 365.0 / spec.scale * strength
    cum = np.floor(np.cumsum(per_day) + 1e-9)
    sched.resettle_quota[:, r] = np.diff(cum, prepend=0.0).astype(np.int32)
