"""The routes kernel: one numba loop over days and agents (structure of arrays, one Generator).

Agent state is five small arrays (13 bytes an agent): location, link being travelled, days
left on it, origin, status. Per-day lever schedules are plain arrays, so the loop never calls
back into Python. Only agents still on their way are visited each day; agents that reached a
destination are visited only on days a return lever is active.
"""

from __future__ import annotations

import numba
import numpy as np

ACTIVE, ARRIVED, LEGAL, RETURNED = 0, 1, 2, 3


@numba.njit(cache=True)
def _choose_link(rng, first, last, weight, open_today):
    total = 0.0
    for k in range(first, last):
        if open_today[k]:
            total += weight[k]
    if total <= 0.0:
        return -1
    u = rng.random() * total
    for k in range(first, last):
        if open_today[k]:
            u -= weight[k]
            if u < 0.0:
                return k
    for k in range(last - 1, first - 1, -1):  # rounding: the last open link
        if open_today[k]:
            return k
    return -1


@numba.njit(cache=True)
def run_kernel(rng, spawn, move_chance, move_factor, out_start, link_source, link_target, link_days, link_weight,
               link_open, is_sink, intercept_return, intercept_hold, return_p, right_to_stay, resettle_quota,
               resettle_active, resettle_source, resettle_cdf, resettle_match, resettle_cap, capacity):
    """Simulate every day; returns daily occupancy, link flows, returns, resettlements, travellers."""
    days, n_loc = spawn.shape
    n_link = link_target.shape[0]
    n_res = resettle_quota.shape[1]
    loc = np.empty(capacity, np.int32)
    link = np.empty(capacity, np.int32)
    left = np.empty(capacity, np.int16)
    origin = np.empty(capacity, np.int16)
    status = np.empty(capacity, np.uint8)
    active = np.empty(capacity, np.int32)
    returnable = np.empty(capacity, np.int32)
    occ = np.zeros(n_loc, np.int64)
    counts = np.zeros((days, n_loc), np.int32)
    flows = np.zeros((days, n_link), np.int32)
    returned = np.zeros((days, n_loc), np.int32)
    resettled = np.zeros((days, n_res), np.int32)
    travelling = np.zeros(days, np.int32)
    created = np.zeros(days, np.int32)
    done = np.zeros(n_res, np.int64)
    n_agents = 0
    n_active = 0
    n_ret = 0
    for t in range(days):
        for l in range(n_loc):
            for _ in range(spawn[t, l]):
                a = n_agents
                n_agents += 1
                loc[a] = l
                link[a] = -1
                origin[a] = l
                status[a] = ACTIVE
                active[n_active] = a
                n_active += 1
                occ[l] += 1
        for r in range(n_res):
            n = resettle_quota[t, r]
            if resettle_match[r] >= 0 and resettle_active[t, r] and t > 0:
                n += returned[t - 1, resettle_match[r]]
            if resettle_cap[r] >= 0:
                n = min(n, resettle_cap[r] - done[r])
            if n <= 0:
                continue
            done[r] += n
            resettled[t, r] += n
            src = resettle_source[r]
            for i in range(n_active):
                if n == 0 or src < 0:
                    break
                a = active[i]
                if status[a] == ACTIVE and link[a] < 0 and loc[a] == src:
                    dest = np.searchsorted(resettle_cdf[r], rng.random(), side="right")
                    occ[src] -= 1
                    occ[dest] += 1
                    loc[a] = dest
                    status[a] = LEGAL
                    n -= 1
            for _ in range(n):
                dest = np.searchsorted(resettle_cdf[r], rng.random(), side="right")
                a = n_agents
                n_agents += 1
                loc[a] = dest
                link[a] = -1
                origin[a] = -1
                status[a] = LEGAL
                occ[dest] += 1
                created[t] += 1
        keep = 0
        on_road = 0
        for i in range(n_active):
            a = active[i]
            if status[a] != ACTIVE:
                continue
            k = link[a]
            if k >= 0:
                left[a] -= 1
                if left[a] > 0:
                    active[keep] = a
                    keep += 1
                    on_road += 1
                    continue
                link[a] = -1
                if link_open[t, k]:
                    dst = link_target[k]
                    flows[t, k] += 1
                else:  # closed while under way: back to where the link starts
                    dst = link_source[k]
                loc[a] = dst
                occ[dst] += 1
                if is_sink[dst]:
                    status[a] = ARRIVED
                    if rng.random() >= right_to_stay[origin[a]]:
                        returnable[n_ret] = a
                        n_ret += 1
                else:
                    active[keep] = a
                    keep += 1
                continue
            here = loc[a]
            p_ret = intercept_return[t, here]
            p_hold = intercept_hold[t, here]
            if p_ret + p_hold > 0.0:
                u = rng.random()
                if u < p_ret:
                    status[a] = RETURNED
                    occ[here] -= 1
                    returned[t, here] += 1
                    continue
                if u < p_ret + p_hold:
                    active[keep] = a
                    keep += 1
                    continue
            chance = move_chance[here] * move_factor[t, here]
            if chance > 0.0 and rng.random() < chance:
                k = _choose_link(rng, out_start[here], out_start[here + 1], link_weight, link_open[t])
                if k >= 0:
                    occ[here] -= 1
                    link[a] = k
                    left[a] = link_days[k]
                    on_road += 1
            active[keep] = a
            keep += 1
        n_active = keep
        if n_ret > 0 and return_p[t].max() > 0.0:
            keep = 0
            for i in range(n_ret):
                a = returnable[i]
                p = return_p[t, origin[a]]
                if p > 0.0 and rng.random() < p:
                    status[a] = RETURNED
                    occ[loc[a]] -= 1
                    returned[t, loc[a]] += 1
                else:
                    returnable[keep] = a
                    keep += 1
            n_ret = keep
        for l in range(n_loc):
            counts[t, l] = occ[l]
        travelling[t] = on_road
    return counts, flows, returned, resettled, travelling, created
