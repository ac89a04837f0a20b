"""The decision matrix of a ranking year, read from the indicator store."""

from __future__ import annotations

import numpy as np

from ima.analysis.indicators import indicator_table
from ima.domain.ranking import RankingSettings


def candidates(settings: RankingSettings) -> list[str]:
    """Who may be ranked: the ``include`` list if given, else every country with a value for any
    criterion's indicator, minus ``exclude`` (EU and EFTA states by default); sorted by ISO3."""
    if settings.include:
        pool = set(settings.include)
    else:
        pool = {iso3 for c in settings.criteria for iso3 in indicator_table(c.indicator)}
    return sorted(pool - settings.exclude)


def decision_matrix(settings: RankingSettings, year: int) -> tuple[list[str], np.ndarray, np.ndarray]:
    """(ISO3 codes, values n × c with NaN where missing, source years n × c with 0 where missing).
    Each value is the indicator in ``year`` or the latest earlier year within ``settings.window``."""
    codes = candidates(settings)
    values = np.full((len(codes), len(settings.criteria)), np.nan)
    years = np.zeros((len(codes), len(settings.criteria)), dtype=int)
    for j, criterion in enumerate(settings.criteria):
        table = indicator_table(criterion.indicator)
        for i, iso3 in enumerate(codes):
            series = table.get(iso3)
            if not series:
                continue
            for y in range(year, year - settings.window - 1, -1):
                if y in series:
                    values[i, j], years[i, j] = series[y], y
                    break
    return codes, values, years
