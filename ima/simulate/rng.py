"""Counter-based random numbers for the kernels: u(key, agent, draw) in [0, 1).

Every draw is a pure function of a per-day key (taken from the run's ``numpy.random.Generator``),
the agent's index and a draw number, so results do not depend on how many threads run the
kernel or how agents are split into blocks. The mixer is SplitMix64's finaliser.
"""

from __future__ import annotations

import numba as nb
import numpy as np

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_DRAW = np.uint64(0xD1B54A32D192ED03)
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_S30, _S27, _S31, _S11 = np.uint64(30), np.uint64(27), np.uint64(31), np.uint64(11)
_SCALE = 1.0 / 9007199254740992.0  # 2**-53


@nb.njit(inline="always", cache=True)
def uniform(key, agent, draw):
    """A uniform float64 in [0, 1) for (key, agent, draw)."""
    z = key + np.uint64(agent) * _GOLDEN + np.uint64(draw) * _DRAW
    z = (z ^ (z >> _S30)) * _M1
    z = (z ^ (z >> _S27)) * _M2
    z = z ^ (z >> _S31)
    return float(z >> _S11) * _SCALE


def day_key(rng: np.random.Generator) -> np.uint64:
    """The next per-day key from the run's generator."""
    return np.uint64(rng.integers(0, 2**63, dtype=np.int64))
