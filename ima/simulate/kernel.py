"""The numba kernels of one simulated day: departures (pass 1), travel (pass 2), counting.

Agents are a structure of arrays (see :mod:`ima.simulate.agents`). Both passes run in parallel over
fixed blocks of agents; every random number comes from :func:`ima.simulate.rng.uniform`, and route
choices read location counts snapshotted before each pass, so the outcome is the same for any
number of threads.
"""

from __future__ import annotations

import types

import numba as nb
import numpy as np

from ima.simulate.rng import uniform

ACTIVE = np.uint8(1)
ARRIVED_ONCE = np.uint8(2)
BLOCK = 16384
MAX_HOPS_PER_DAY = 64  # guards against zero-length cycles; Flee would recurse without end


@nb.njit(cache=True)
def capacity_multiplier(count, capacity, buffer):
    """Flee's ``getCapMultiplier``: 1 below buffer×capacity, 0 at capacity, linear between."""
    if capacity < 1:
        return 1.0
    if count <= buffer * capacity:
        return 1.0
    if count >= capacity:
        return 0.0
    return 1.0 - (count - buffer * capacity) / (capacity * (1.0 - buffer))


@nb.njit(cache=True)
def route_cdf(counts, score, route_start, route_end, route_distance, route_factor, route_ok,
              capacity, buffer, weight_softening, softening, distance_power, weight_power):
    """Cumulative route weights within each location's candidates (0 where a route is closed)."""
    cdf = np.zeros(route_end.shape[0])
    for loc in range(route_start.shape[0] - 1):
        total = 0.0
        for r in range(route_start[loc], route_start[loc + 1]):
            if route_ok[r]:
                e = route_end[r]
                w = (weight_softening + score[e] * route_factor[r]) / (softening + route_distance[r]) ** distance_power
                w *= capacity_multiplier(counts[e], capacity[e], buffer)
                total += w ** weight_power
            cdf[r] = total
    return cdf


@nb.njit(inline="always", cache=True)
def _choose(u, loc, route_start, cdf, route_ok):
    """Draw a route of ``loc`` with probability weight/Σweight (uniform over open routes if Σ is 0)."""
    lo, hi = route_start[loc], route_start[loc + 1]
    if hi == lo:
        return -1
    total = cdf[hi - 1]
    if total > 0.0:
        target = u * total
        for r in range(lo, hi):
            if route_ok[r] and cdf[r] > target:
                return r
        return hi - 1
    n_open = 0
    for r in range(lo, hi):
        if route_ok[r]:
            n_open += 1
    if n_open == 0:
        return -1
    pick = int(u * n_open)
    for r in range(lo, hi):
        if route_ok[r]:
            if pick == 0:
                return r
            pick -= 1
    return -1


@nb.njit(inline="always", cache=True)
def _depart(i, u, loc, route, hop, link, on_link, counts, route_start, cdf, route_ok, route_links,
            route_len, route_end, link_src, link_open, is_camp, capacity, buffer):
    """Flee's selectRoute + take_next_step for agent i at ``loc``; True if it set off on a link."""
    if route[i] < 0:
        r = _choose(u, loc, route_start, cdf, route_ok)
        if r < 0:
            return False
        route[i] = r
        hop[i] = 0
    r = route[i]
    lk = route_links[r, hop[i]]
    if lk < 0 or not link_open[lk] or link_src[lk] != loc:
        route[i] = -1
        return False
    end = route_end[r]
    if is_camp[end] and capacity_multiplier(counts[end], capacity[end], buffer) < 0.5:
        route[i] = -1
        return False
    hop[i] += 1
    if hop[i] >= route_len[r]:
        route[i] = -1
    link[i] = lk
    on_link[i] = 0.0
    return True


def _step_agents(key, n, loc, link, route, hop, on_link, recent, flags, movechance, is_town, counts,
                 route_start, cdf, route_ok, route_links, route_len, route_end, link_src, link_dst, link_dist,
                 link_speed, link_walk, link_open, is_camp, capacity, buffer, max_speed, walk_speed,
                 start_on_foot, avoid_short_stints, removing, removal_probability, left, arrived, removed_at,
                 link_entries, link_arrivals, sent_back):
    """One day for every agent, block by block: depart, travel, move on, maybe leave the simulation.

    Flee's pass 1 (``evolve``) and pass 2 (``finish_travel``) are fused per agent; route choices read
    the start-of-day counts (``cdf``), so agents do not depend on each other within a day. Changes to
    the counts are tallied per block (``left``, ``arrived``, ``removed_at``; per link entries, arrivals
    and agents sent back).
    """
    n_blocks = (n + BLOCK - 1) // BLOCK
    for b in nb.prange(n_blocks):
        for i in range(b * BLOCK, min(n, (b + 1) * BLOCK)):
            if (flags[i] & ACTIVE) == 0:
                continue
            if link[i] < 0:
                here = loc[i]
                if uniform(key, i, 0) < movechance[here]:
                    if _depart(i, uniform(key, i, 1), here, route, hop, link, on_link, counts, route_start, cdf,
                               route_ok, route_links, route_len, route_end, link_src, link_open, is_camp,
                               capacity, buffer):
                        left[b, here] += 1
                        link_entries[b, link[i]] += 1
                        departed = True
                    else:
                        departed = False
                else:
                    departed = False
                if not departed:
                    if avoid_short_stints:
                        recent[i] *= 0.5  # Flee's daily (recent + 0) / 2 for agents that stayed
                    if removing:
                        _settle(i, key, loc, flags, removal_probability, removed_at, b)
                    continue
            draw = 2
            travelled = np.float64(on_link[i])  # locals: the arrays may alias, registers may not
            moved = 0.0  # km moved today
            for _ in range(MAX_HOPS_PER_DAY):
                lk = link[i]
                if lk < 0:
                    break
                speed = link_speed[lk]
                if start_on_foot and (flags[i] & ARRIVED_ONCE) == 0:
                    speed = walk_speed
                if link_walk[lk] > 0.0 and uniform(key, i, draw) < link_walk[lk]:
                    speed = walk_speed
                travelled += speed
                moved += speed
                if travelled <= link_dist[lk]:
                    break
                flags[i] |= ARRIVED_ONCE
                moved += link_dist[lk] - travelled
                link[i] = -1
                travelled = 0.0
                if not link_open[lk]:
                    here = link_src[lk]  # arrived over a closed link: sent back
                    loc[i] = here
                    arrived[b, here] += 1
                    sent_back[b, lk] += 1
                    break
                link_arrivals[b, lk] += 1
                here = link_dst[lk]
                loc[i] = here
                arrived[b, here] += 1
                if moved >= speed:
                    break
                chance = movechance[here]
                if avoid_short_stints and is_town[here] and (recent[i] + moved / max_speed) / 2.0 < 0.5:
                    chance = 1.0
                if uniform(key, i, draw + 1) < chance:
                    if _depart(i, uniform(key, i, draw + 2), here, route, hop, link, on_link, counts,
                               route_start, cdf, route_ok, route_links, route_len, route_end, link_src,
                               link_open, is_camp, capacity, buffer):
                        left[b, here] += 1
                        link_entries[b, link[i]] += 1
                draw += 3
            on_link[i] = travelled
            recent[i] = (recent[i] + moved / max_speed) / 2.0
            if removing and link[i] < 0:
                _settle(i, key, loc, flags, removal_probability, removed_at, b)


@nb.njit(cache=True)
def _settle(i, key, loc, flags, removal_probability, removed_at, b):
    """End of day for a settled agent: it leaves the simulation with its location's removal chance."""
    p = removal_probability[loc[i]]
    if p > 0.0 and uniform(key, i, 1000) < p:
        flags[i] &= ~ACTIVE
        removed_at[b, loc[i]] += 1


def _variant(func, suffix: str):
    """A copy of ``func`` under its own name, so numba's on-disk cache keeps the variants apart."""
    copy = types.FunctionType(func.__code__, func.__globals__, func.__name__ + suffix, func.__defaults__)
    copy.__qualname__ = func.__qualname__ + suffix
    return copy


# The same day kernel twice: threads pay off only for large populations (and a loaded machine
# punishes every barrier), so the engine picks by agent count. Results are identical either way.
step_agents_serial = nb.njit(cache=True)(_variant(_step_agents, "_serial"))
step_agents_parallel = nb.njit(parallel=True, cache=True)(_variant(_step_agents, "_parallel"))


@nb.njit(parallel=True, cache=True)
def census(n, loc, link, flags, n_locations, n_links):
    """Agents at each location and on each link (active agents only)."""
    n_blocks = (n + BLOCK - 1) // BLOCK
    at = np.zeros((n_blocks, n_locations), dtype=np.int64)
    on = np.zeros((n_blocks, n_links), dtype=np.int64)
    for b in nb.prange(n_blocks):
        for i in range(b * BLOCK, min(n, (b + 1) * BLOCK)):
            if (flags[i] & ACTIVE) == 0:
                continue
            if link[i] >= 0:
                on[b, link[i]] += 1
            else:
                at[b, loc[i]] += 1
    return _sum_blocks(at), _sum_blocks(on)


@nb.njit(cache=True)
def _sum_blocks(table):
    out = np.zeros(table.shape[1], dtype=np.int64)
    for b in range(table.shape[0]):
        for k in range(table.shape[1]):
            out[k] += table[b, k]
    return out
