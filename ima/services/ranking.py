"""Focus-country ranking and the indicator catalogue, for the CLI and the web app."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ima.analysis import indicators as ind
from ima.analysis import ranking
from ima.domain.ranking import METHODS, RankingResult, RankingSettings
from ima.services.country_names import check_language, country_name

DEFAULT_YEAR_INDICATOR = "asylum_first_time_nld"


def default_year() -> int:
    """The latest year of the Dutch asylum figures (the newest year most criteria cover)."""
    return max(y for series in ind.indicator_table(DEFAULT_YEAR_INDICATOR).values() for y in series)


check_lang = check_language  # the CLI modules of the ranking import it under this name


def rank_countries(criteria: str | Path | RankingSettings | None = None, year: int | None = None,
                   weights: dict[str, float] | None = None, *, method: str | None = None, top: int | None = None,
                   samples: int | None = None, seed: int | None = None,
                   concentration: float | None = None) -> RankingResult:
    """Rank the candidate countries for ``year`` (default: the latest year with Dutch asylum data).

    ``criteria`` is a criteria file, parsed settings or None for the shipped default; ``weights``
    (criterion or group id → weight) re-weights it without a file, e.g. from the web app's sliders;
    the keyword options override the file's method and sensitivity settings."""
    settings = criteria if isinstance(criteria, RankingSettings) else ranking.load_criteria(criteria)
    if weights:
        settings = ranking.with_weights(settings, weights)
    if method is not None:
        if method not in METHODS:
            raise ValueError(f"--method must be one of {', '.join(METHODS)}, not {method!r}")
        settings = replace(settings, method=method)
    sens = settings.sensitivity
    settings = replace(settings, sensitivity=ranking.sensitivity_settings(
        sens.samples if samples is None else samples, sens.concentration if concentration is None else concentration,
        sens.seed if seed is None else seed, sens.top if top is None else top))
    latest = default_year()
    year = latest if year is None else year
    if not 1990 <= year <= 2100:
        raise ValueError(f"--year must be a year such as 2019, not {year}")
    if year > latest + settings.window:
        # beyond the window every criterion is missing: say which years can be ranked instead
        raise ValueError(f"no figures for {year}: the indicators run to {latest}; rank {latest} or earlier")
    return ranking.rank(settings, year)
