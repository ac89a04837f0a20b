"""The focus-country ranking: transparent multi-criteria scoring with a sensitivity analysis.

``rank(settings, year)`` reads the decision matrix from the indicator store;
``rank_matrix`` is the pure core (any matrix), used by the tests and the benchmark.
Missing-data policy: a candidate needs data for ``min_coverage`` of the criteria
(weighted by count, not weight); a missing value then gets the worst normalised value
of that criterion (``worst``), its median (``median``), or the candidate is dropped
(``exclude``). Imputed criteria are listed per country.
"""

from __future__ import annotations

import numpy as np

from ima.analysis.ranking.criteria import load_criteria, parse_criteria, sensitivity_settings, with_weights
from ima.analysis.ranking.matrix import candidates, decision_matrix
from ima.analysis.ranking.scoring import aggregate, normalise, ranks_of, sensitivity, transform
from ima.domain.ranking import Contribution, CountryScore, RankingResult, RankingSettings

__all__ = ["candidates", "decision_matrix", "load_criteria", "normalise_matrix", "parse_criteria", "rank",
           "rank_matrix", "sensitivity_settings", "with_weights"]


def normalise_matrix(values: np.ndarray, settings: RankingSettings) -> np.ndarray:
    """Transform and normalise each column over the present values, then fill the missing ones by
    the policy (``worst`` or ``median`` of the normalised column; 0 if the column is empty)."""
    out = np.zeros_like(values, dtype=float)
    for j, c in enumerate(settings.criteria):
        present = ~np.isnan(values[:, j])
        if not present.any():
            continue
        column = normalise(transform(values[present, j], c.transform), c.normalise, c.direction)
        out[present, j] = column
        out[~present, j] = np.median(column) if settings.missing == "median" else column.min()
    return out


def rank_matrix(codes: list[str], values: np.ndarray, settings: RankingSettings, year: int,
                years: np.ndarray | None = None, *, samples: int | None = None) -> RankingResult:
    """Rank the rows of ``values`` (countries × criteria, NaN = missing) by the settings. The result
    does not depend on row order (rows are put in ISO3 order first)."""
    order = np.argsort(np.asarray(codes), kind="stable")
    codes = [codes[i] for i in order]
    values = np.asarray(values, dtype=float)[order]
    years = np.zeros(values.shape, dtype=int) if years is None else np.asarray(years)[order]
    present = ~np.isnan(values)
    keep = present.mean(axis=1) >= settings.min_coverage if values.shape[1] else np.ones(len(codes), bool)
    if settings.missing == "exclude":
        keep &= present.all(axis=1)
    excluded = tuple(c for c, k in zip(codes, keep, strict=True) if not k)
    codes = [c for c, k in zip(codes, keep, strict=True) if k]
    values, years, present = values[keep], years[keep], present[keep]
    if not codes:
        raise ValueError(f"no candidate has data for at least {settings.min_coverage:.0%} of the criteria in {year}")
    weights = np.array([c.weight for c in settings.criteria])
    matrix = normalise_matrix(values, settings)
    scores = aggregate(matrix, weights, settings.method)
    ranks = ranks_of(scores)
    sens = settings.sensitivity
    n_samples = sens.samples if samples is None else samples
    p_top = low = high = None
    if n_samples > 0:
        p_top, low, high = sensitivity(matrix, weights, settings.method, concentration=sens.concentration,
                                       samples=n_samples, seed=sens.seed, top=sens.top)
    overridden = {(o.iso3, o.criterion) for o in settings.overrides if not o.years or year in o.years}
    rows = []
    for i, iso3 in enumerate(codes):
        parts = tuple(Contribution(c.id, c.indicator, float(values[i, j]) if present[i, j] else None,
                                   int(years[i, j]) if present[i, j] and years[i, j] else None,
                                   float(matrix[i, j]), c.weight, float(matrix[i, j] * c.weight))
                      for j, c in enumerate(settings.criteria))
        rows.append(CountryScore(iso3, int(ranks[i]), float(scores[i]), parts,
                                 tuple(c.id for j, c in enumerate(settings.criteria) if not present[i, j]),
                                 None if p_top is None else float(p_top[i]),
                                 None if low is None else float(low[i]), None if high is None else float(high[i]),
                                 tuple(c.id for c in settings.criteria if (iso3, c.id) in overridden)))
    rows.sort(key=lambda r: r.rank)
    return RankingResult(year, settings, tuple(rows), excluded, n_samples)


def rank(settings: RankingSettings, year: int, *, samples: int | None = None) -> RankingResult:
    """The ranking of ``year`` from the indicator store (values of that year or up to
    ``settings.window`` years earlier), with the settings' overrides applied."""
    codes, values, years = decision_matrix(settings, year)
    column = {c.id: j for j, c in enumerate(settings.criteria)}
    row = {code: i for i, code in enumerate(codes)}
    for o in settings.overrides:
        if o.iso3 in row and (not o.years or year in o.years):
            values[row[o.iso3], column[o.criterion]] = o.value
            years[row[o.iso3], column[o.criterion]] = year
    return rank_matrix(codes, values, settings, year, years, samples=samples)
