"""Agents as a structure of arrays: 26 bytes per agent, grown in place as people are spawned."""

from __future__ import annotations

import numpy as np

from ima.simulate.kernel import ACTIVE

# name → dtype; the per-agent memory is the sum of the item sizes (see BYTES_PER_AGENT)
FIELDS = {
    "loc": np.int32,       # current location (when travelling: where the link starts)
    "link": np.int32,      # directed link being travelled, -1 when settled
    "route": np.int32,     # chosen route (RouteTable row), -1 when none
    "hop": np.uint8,       # next hop of the route
    "on_link": np.float32,  # km travelled on the current link
    "recent": np.float32,  # Flee's recent_travel_distance
    "home": np.int32,      # where the agent was spawned
    "flags": np.uint8,     # ACTIVE, ARRIVED_ONCE
}
BYTES_PER_AGENT = sum(np.dtype(t).itemsize for t in FIELDS.values())


class Agents:
    """The agent arrays; ``n`` of them are in use, the rest is headroom."""

    def __init__(self, capacity: int = 1024) -> None:
        self.n = 0
        capacity = max(int(capacity), 16)
        for name, dtype in FIELDS.items():
            setattr(self, name, np.zeros(capacity, dtype=dtype))

    @property
    def capacity(self) -> int:
        """Rows allocated."""
        return len(self.loc)

    def _grow(self, needed: int) -> None:
        size = max(needed, int(self.capacity * 1.5) + 16)
        for name in FIELDS:
            old = getattr(self, name)
            new = np.zeros(size, dtype=old.dtype)
            new[:self.n] = old[:self.n]
            setattr(self, name, new)

    def add(self, locations: np.ndarray) -> None:
        """Append one settled agent per entry of ``locations`` (location indices)."""
        count = len(locations)
        if count == 0:
            return
        if self.n + count > self.capacity:
            self._grow(self.n + count)
        s = slice(self.n, self.n + count)
        self.loc[s] = locations
        self.home[s] = locations
        self.link[s] = -1
        self.route[s] = -1
        self.hop[s] = 0
        self.on_link[s] = 0.0
        self.recent[s] = 0.0
        self.flags[s] = ACTIVE
        self.n += count

    def nbytes(self) -> int:
        """Bytes held by the arrays (allocated, not just used)."""
        return sum(getattr(self, name).nbytes for name in FIELDS)
