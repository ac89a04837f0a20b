"""Journeys on the routes to Europe: numba kernel and one-seed runs with tidy results."""

from ima.simulate.journeys.model import RouteRun, simulate

__all__ = ["RouteRun", "simulate"]
