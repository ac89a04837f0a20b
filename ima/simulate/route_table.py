"""Candidate routes per location, enumerated once (Flee's ``moving.calculateLinkWeight``).

A candidate is a simple path of 1..awareness hops from a location (markers are never endpoints and
do not use up a hop). Routes are enumerated over all links; a route is available on a day when all
of its links are open, which is what Flee's enumeration over open links yields.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class RouteTable:
    """Routes in CSR form: the routes of location l are ``start[l]:start[l+1]``."""

    start: np.ndarray      # int64 (L+1)
    links: np.ndarray      # int32 (R, H), directed link ids, -1 padded
    length: np.ndarray     # int32 (R) hops
    end: np.ndarray        # int32 (R) endpoint location
    distance: np.ndarray   # float64 (R) cumulative km
    origin: np.ndarray     # int32 (R) the location the route starts from


def enumerate_routes(n_locations: int, src: np.ndarray, dst: np.ndarray, dist: np.ndarray,
                     marker: np.ndarray, awareness: int) -> RouteTable:
    """All candidate routes from every location (awareness 0 is treated as 1 with equal weights)."""
    out_links: list[list[int]] = [[] for _ in range(n_locations)]
    for k in range(len(src)):
        out_links[int(src[k])].append(k)
    level = max(awareness, 1)
    routes: list[tuple[int, list[int], float, int]] = []
    start = [0]

    def visit(origin: int, link: int, prior: float, visited: list[int], path: list[int], step: int) -> None:
        end = int(dst[link])
        path = path + [link]
        total = prior + float(dist[link])
        if not marker[end]:
            routes.append((origin, path, total, end))
        else:
            step -= 1
        if level > step:
            for nxt in out_links[end]:
                if int(dst[nxt]) in visited:
                    continue
                visit(origin, nxt, total, visited + [end], path, step + 1)

    for loc in range(n_locations):
        for link in out_links[loc]:
            visit(loc, link, 0.0, [loc], [], 1)
        start.append(len(routes))
    hops = max((len(r[1]) for r in routes), default=1)
    links = np.full((len(routes), hops), -1, dtype=np.int32)
    for i, (_, path, _, _) in enumerate(routes):
        links[i, :len(path)] = path
    return RouteTable(
        start=np.array(start, dtype=np.int64), links=links,
        length=np.array([len(r[1]) for r in routes], dtype=np.int32),
        end=np.array([r[3] for r in routes], dtype=np.int32),
        distance=np.array([r[2] for r in routes], dtype=np.float64),
        origin=np.array([r[0] for r in routes], dtype=np.int32))


def routes_open(table: RouteTable, link_open: np.ndarray) -> np.ndarray:
    """Which routes have every link open today."""
    padded = np.append(link_open, True)  # index -1 (padding) reads the appended True
    return padded[table.links].all(axis=1)
