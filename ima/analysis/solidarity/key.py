"""The reference key of Regulation (EU) 2024/1351 (Art. 66, Annex I) and of COM(2016) 270 (Art. 35).

Both use the same formula: half the Member State's share of the population, half its share
of total GDP, over the participating Member States. Which states participate is a choice the
caller makes (:data:`AMMR_STATES` by default: the EU-27 without Denmark, which is not bound
by the Regulation under Protocol No 22).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

EU27 = ("AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "IRL",
        "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE")
# Denmark takes no part in the adoption of the AMMR and is not bound by it (Protocol No 22);
# Ireland notified its wish to take part (Protocol No 21), so it stays in.
AMMR_STATES = tuple(s for s in EU27 if s != "DNK")
POPULATION_WEIGHT = 0.5


@dataclass(frozen=True)
class KeyShare:
    """One Member State's share under the key, with the two halves it is made of."""

    state: str
    population: float
    gdp: float
    population_share: float
    gdp_share: float
    share: float


@dataclass(frozen=True)
class KeyResult:
    """The key for one year, with the data years actually used (latest available ≤ year)."""

    year: int
    population_year: int
    gdp_year: int
    gdp_unit: str
    shares: tuple[KeyShare, ...]

    def share_of(self, state: str) -> float:
        """The key share of ``state`` (0 if it does not participate)."""
        return next((s.share for s in self.shares if s.state == state), 0.0)

    def vector(self, states: tuple[str, ...]) -> np.ndarray:
        """The shares in the order of ``states``."""
        return np.array([self.share_of(s) for s in states])


def key_shares(population: np.ndarray, gdp: np.ndarray,
               population_weight: float = POPULATION_WEIGHT) -> np.ndarray:
    """``w · pop/Σpop + (1 − w) · GDP/ΣGDP`` per state (Annex I with w = 0.5); the shares sum to 1."""
    population = np.asarray(population, dtype=float)
    gdp = np.asarray(gdp, dtype=float)
    if population.shape != gdp.shape or population.size == 0:
        raise ValueError("population and GDP need one value per state")
    if (population < 0).any() or (gdp < 0).any() or population.sum() <= 0 or gdp.sum() <= 0:
        raise ValueError("population and GDP must be non-negative with a positive total")
    if not 0.0 <= population_weight <= 1.0:
        raise ValueError("the population weight lies between 0 and 1")
    return population_weight * population / population.sum() + (1 - population_weight) * gdp / gdp.sum()


def reference_key(year: int, states: tuple[str, ...], population: dict[str, float], gdp: dict[str, float],
                  population_year: int, gdp_year: int, gdp_unit: str = "USD") -> KeyResult:
    """The key of ``states`` from per-state population and GDP figures (one value each)."""
    missing = [s for s in states if s not in population or s not in gdp]
    if missing:
        raise ValueError(f"no population or GDP for {', '.join(missing)} in {year}")
    pop = np.array([population[s] for s in states], dtype=float)
    money = np.array([gdp[s] for s in states], dtype=float)
    shares = key_shares(pop, money)
    return KeyResult(year, population_year, gdp_year, gdp_unit, tuple(
        KeyShare(s, float(pop[i]), float(money[i]), float(pop[i] / pop.sum()), float(money[i] / money.sum()),
                 float(shares[i]))
        for i, s in enumerate(states)))
