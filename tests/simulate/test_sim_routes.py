"""Candidate routes as Flee enumerates them: awareness levels, markers, no repeated nodes."""

from __future__ import annotations

import numpy as np

from ima.simulate.route_table import enumerate_routes, routes_open


def table(awareness, marker=(False, False, False, False)):
    # undirected A-B (10), B-C (20), A-M (5), M-C (5) as directed pairs; M is index 3
    pairs = [(0, 1, 10), (1, 2, 20), (0, 3, 5), (3, 2, 5)]
    src, dst, dist = [], [], []
    for a, b, d in pairs:
        src += [a, b]
        dst += [b, a]
        dist += [d, d]
    return enumerate_routes(4, np.array(src), np.array(dst), np.array(dist, dtype=float), np.array(marker),
                            awareness)


def routes_from(t, loc):
    out = []
    for r in range(t.start[loc], t.start[loc + 1]):
        out.append((int(t.end[r]), int(t.length[r]), float(t.distance[r])))
    return sorted(out)


def test_awareness_one_gives_the_neighbours():
    assert routes_from(table(1), 0) == [(1, 1, 10.0), (3, 1, 5.0)]


def test_awareness_two_adds_simple_two_hop_paths():
    assert routes_from(table(2), 0) == [(1, 1, 10.0), (2, 2, 10.0), (2, 2, 30.0), (3, 1, 5.0)]


def test_markers_are_not_endpoints_and_cost_no_awareness():
    marked = table(1, marker=(False, False, False, True))
    assert routes_from(marked, 0) == [(1, 1, 10.0), (2, 2, 10.0)]


def test_a_route_is_open_only_when_all_its_links_are():
    t = table(2)
    link_open = np.ones(8, dtype=bool)
    link_open[6] = False  # M→C
    ok = routes_open(t, link_open)
    closed = [(int(t.end[r]), float(t.distance[r])) for r in range(t.start[0], t.start[1]) if not ok[r]]
    assert closed == [(2, 10.0)]
