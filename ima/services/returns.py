"""The return-cooperation assessment for the CLI and the web app: shipped figures (indicator
store), user data, thresholds, and the country's other interests next to the lever."""

from __future__ import annotations

from pathlib import Path

from ima.analysis.country_codes import country_code
from ima.analysis.returns.assessment import CountryAssessment, assess
from ima.analysis.returns.observations import (merge_observations, read_return_data, shipped_observations,
                                               visa_free_countries)
from ima.analysis.returns.thresholds import LEVELS, load_thresholds
from ima.domain.indicators import sparkline
from ima.services.country_names import check_language, country_name


def _country_code(text: str) -> str:
    try:
        return country_code(text)
    except ValueError as exc:
        raise ValueError(f"{exc}; give an ISO 3166 code such as MAR") from None


def _level(text: str | None) -> str | None:
    if text is None:
        return None
    level = {"NL": "NLD", "NLD": "NLD", "EU": "EU"}.get(text.strip().upper())
    if level is None:
        raise ValueError(f"--level is nl or eu, not {text!r}")
    return level


def other_interests(iso3: str, lang: str = "en") -> list[dict]:
    """The country's other interests (trade, aid, security, human rights, climate, protection) from
    the partnership module, as plain rows; empty when none are on file."""
    from ima.analysis.partnership.interests import country_interests

    return [{"kind": i.kind, "summary": i.summary, "indicator": i.indicator, "value": i.value, "unit": i.unit,
             "year": i.year, "source": i.source.text} for i in country_interests(iso3, lang)]


def _count(value: float | None) -> int | float | None:
    """Counts as whole numbers in JSON (Eurostat counts persons; user data may not)."""
    return int(value) if value is not None and float(value).is_integer() else value


def _row(a: CountryAssessment, lang: str, with_interests: bool) -> dict:
    c = a.current
    relative = c.return_rate / c.average_return_rate if c.return_rate is not None and c.average_return_rate else None
    return {"country": a.country, "name": country_name(a.country, lang), "level": a.level, "year": a.year,
            "return_decisions": _count(c.return_decisions), "returns": _count(c.returns), "return_rate": c.return_rate,
            "average_return_rate": c.average_return_rate, "relative_return_rate": relative,
            "readmission_acceptance_rate": c.acceptance_rate, "practical_cooperation": c.practical_score,
            "frontex_returns": _count(c.frontex_returns), "classes": c.classes, "cooperation": c.overall,
            "trend": a.trend, "trend_points": a.trend_points,
            "sparkline": sparkline([s.return_rate for s in a.series if s.return_decisions is not None]),
            "series": [{"year": s.year, "return_decisions": _count(s.return_decisions), "returns": _count(s.returns),
                        "return_rate": s.return_rate, "frontex_returns": _count(s.frontex_returns),
                        "cooperation": s.overall} for s in a.series],
            "frontex_returns_by_year": [{"year": y, "returns": _count(v)} for y, v in a.frontex_returns],
            "visa_required": a.visa_required, "measure_in_force": a.measure, "lever": a.lever,
            "lever_reason": a.lever_reason, "sources": list(a.sources),
            "interests": other_interests(a.country, lang) if with_interests else []}


def returns_assessment(country: str | None = None, year: int | None = None, data_file: Path | str | None = None,
                       thresholds_file: Path | str | None = None, level: str | None = None,
                       include_unassessed: bool = False, lang: str = "nl") -> list[dict]:
    """One row per third country and level, most return decisions first, each with its lever and
    its other interests. ``country`` narrows to one country (and then also shows unassessed rows)."""
    check_language(lang)
    thresholds = load_thresholds(thresholds_file)
    observations = shipped_observations()
    if data_file is not None:
        observations = merge_observations(observations, read_return_data(data_file))
    code = _country_code(country) if country else None
    wanted_level = _level(level)
    results = [a for a in assess(observations, thresholds, visa_free_countries(), year)
               if (code is None or a.country == code) and (wanted_level is None or a.level == wanted_level)
               and (include_unassessed or code is not None or a.current.overall != "not assessed")]
    if code is not None and not results:
        raise ValueError(f"no return data for {code}" + (f" in or before {year}" if year else ""))
    if year is not None and not results:
        years = sorted({o.year for o in observations})
        raise ValueError(f"no return data in or before {year}; the data cover {years[0]}–{years[-1]}"
                         if years else "no return data")
    results.sort(key=lambda a: (LEVELS.index(a.level), -(a.current.return_decisions or 0), a.country))
    return [_row(a, lang, with_interests=True) for a in results]
