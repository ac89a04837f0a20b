"""EU solidarity use cases for the CLI and the web app: the key, the pool with pledges, the
Dublin IV replay. Every function takes plain inputs and returns plain rows (dicts with ISO 3166
alpha-3 codes and numbers as numbers), one per Member State."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ima.analysis.solidarity.data import key_for_year, key_years
from ima.analysis.solidarity.dublin import ReplayResult, ReplaySettings
from ima.analysis.solidarity.history import applicant_years, replay_months, replay_years
from ima.analysis.solidarity.inputs import member_state_code, read_monthly_applications, read_pledges
from ima.analysis.solidarity.key import AMMR_STATES, EU27
from ima.analysis.solidarity.pool import Pledge, PoolResult, fair_shares
from ima.services.country_names import check_language, country_name


def participating_states(include_denmark: bool = False) -> tuple[str, ...]:
    """The AMMR states (EU-27 without Denmark), or all 27 for comparison."""
    return EU27 if include_denmark else AMMR_STATES


def default_key_year() -> int:
    """The latest year with population data (GDP then comes from the latest year that has it)."""
    return key_years()[1]


def key_rows(year: int | None = None, include_denmark: bool = False, lang: str = "nl") -> list[dict]:
    """One row per state: population, GDP, both shares and the key share, largest first."""
    check_language(lang)
    key = key_for_year(year or default_key_year(), participating_states(include_denmark))
    rows = [{"state": s.state, "name": country_name(s.state, lang), "year": key.year,
             "population": int(s.population), "population_year": key.population_year,
             "gdp_usd": float(s.gdp), "gdp_year": key.gdp_year, "population_share": s.population_share,
             "gdp_share": s.gdp_share, "key": s.share} for s in key.shares]
    return sorted(rows, key=lambda r: -r["key"])


@dataclass(frozen=True)
class PoolReport:
    """The pool's rows (one per state) and its totals."""

    rows: list[dict]
    summary: dict


def pool_report(relocations: int, eur: int, pledges_file: Path | str | None = None,
                pledges: list[Pledge] | None = None, year: int | None = None, combine: str = "and",
                include_denmark: bool = False, lang: str = "nl") -> PoolReport:
    """Fair shares of a pool, with pledges from a CSV file and/or given directly."""
    check_language(lang)
    given = list(pledges or [])
    if pledges_file is not None:
        given += read_pledges(pledges_file)
    seen: set[str] = set()
    for pledge in given:
        if pledge.state in seen:
            raise ValueError(f"{pledge.state} pledges twice")
        seen.add(pledge.state)
    key = key_for_year(year or default_key_year(), participating_states(include_denmark))
    result = fair_shares(key, relocations, eur, given, combine)
    return PoolReport(_pool_rows(result, lang), _pool_summary(result))


def _pool_rows(result: PoolResult, lang: str) -> list[dict]:
    rows = []
    for s in result.shares:
        p = s.pledge
        rows.append({"state": s.state, "name": country_name(s.state, lang), "key": s.key,
                     "fair_share_relocations": s.relocations, "fair_share_eur": s.eur,
                     "fair_share_value_eur": s.value_eur,
                     "pledged_relocations": p.relocations if p else None, "pledged_eur": p.eur if p else None,
                     "pledged_alternative_eur": p.alternative_eur if p else None,
                     "pledged_value_eur": p.value_eur if p else None, "coverage": s.coverage,
                     "gap_eur": s.gap_eur, "may_offer_offsets": s.may_offer_offsets})
    return sorted(rows, key=lambda r: -r["key"])


def _pool_summary(result: PoolResult) -> dict:
    return {"year": result.year, "relocations": result.relocations, "eur": result.eur,
            "combine": result.combine, "value_eur": result.value_eur,
            "pledged_relocations": result.pledged_relocations, "pledged_value_eur": result.pledged_value_eur,
            "offsets_open": result.offsets_open, "below_article_12_minimum": result.below_article_12_minimum}


def parse_pledge_option(text: str) -> Pledge:
    """A pledge written on the command line: ``STATE:RELOCATIONS[:EUR[:ALTERNATIVE_EUR]]``."""
    parts = text.split(":")
    if not 2 <= len(parts) <= 4:
        raise ValueError(f"--pledge {text!r}: write STATE:RELOCATIONS[:EUR[:ALTERNATIVE_EUR]], e.g. NLD:500:10000000")
    try:
        numbers = [float(p.replace("_", "")) if p else 0.0 for p in parts[1:]] + [0.0] * (4 - len(parts))
    except ValueError:
        raise ValueError(f"--pledge {text!r}: the amounts must be numbers") from None
    if any(n < 0 for n in numbers) or not float(numbers[0]).is_integer():
        raise ValueError(f"--pledge {text!r}: relocations are a whole number and no amount is negative")
    return Pledge(member_state_code(parts[0]), int(numbers[0]), numbers[1], numbers[2])


@dataclass(frozen=True)
class ReplayReport:
    """The replay's rows (one per state, with its periods) and totals per period."""

    rows: list[dict]
    periods: list[dict]
    result: ReplayResult


def replay_report(first: int | None = None, last: int | None = None, monthly_file: Path | str | None = None,
                  opt_out: list[str] | None = None, trigger: float = 1.5, include_denmark: bool = False,
                  lang: str = "nl") -> ReplayReport:
    """Replay COM(2016) 270 on yearly data (vendored) or monthly data (``monthly_file``)."""
    check_language(lang)
    low, high = applicant_years()
    first = low if first is None else first
    last = high if last is None else last
    states = participating_states(include_denmark)
    settings = ReplaySettings(trigger=trigger, opt_out=frozenset(member_state_code(s) for s in opt_out or []))
    unknown = sorted(settings.opt_out - set(states))
    if unknown:
        raise ValueError(f"--opt-out for a state outside the replay: {', '.join(unknown)}")
    if monthly_file is not None:
        result = replay_months(read_monthly_applications(monthly_file), first, last, states, settings)
    else:
        result = replay_years(first, last, states, settings)
    return ReplayReport(_replay_rows(result, lang), _period_rows(result), result)


def _replay_rows(r: ReplayResult, lang: str) -> list[dict]:
    rows = []
    for i, state in enumerate(r.states):
        periods = [{"period": p, "received": int(r.received[t, i]), "reference": float(r.reference[t, i]),
                    "ratio": float(r.received[t, i] / r.reference[t, i]) if r.reference[t, i] else None,
                    "triggered": bool(r.triggered[t, i]), "relocated_out": int(r.relocated_out[t, i]),
                    "allocated_in": int(r.allocated_in[t, i]), "responsible": int(r.responsible[t, i]),
                    "opt_out_payment_eur": float(r.opt_out_payment_eur[t, i])} for t, p in enumerate(r.periods)]
        rows.append({"state": state, "name": country_name(state, lang),
                     "received": int(r.received[:, i].sum()), "reference": float(r.reference[:, i].sum()),
                     "triggered_periods": [p for t, p in enumerate(r.periods) if r.triggered[t, i]],
                     "relocated_out": int(r.relocated_out[:, i].sum()),
                     "allocated_in": int(r.allocated_in[:, i].sum()),
                     "responsible": int(r.responsible[:, i].sum()),
                     "cost_if_opted_out_eur": float(r.allocated_in[:, i].sum() * ReplaySettings().eur_per_applicant),
                     "opt_out_payment_eur": float(r.opt_out_payment_eur[:, i].sum()), "periods": periods})
    return sorted(rows, key=lambda row: (-row["relocated_out"], -row["allocated_in"], row["state"]))


def _period_rows(r: ReplayResult) -> list[dict]:
    return [{"period": p, "received": int(r.received[t].sum()), "relocated": int(r.relocated_out[t].sum()),
             "allocated": int(r.allocated_in[t].sum()),
             "triggered": [r.states[i] for i in np.flatnonzero(r.triggered[t])],
             "cost_if_all_opted_out_eur": float(r.allocated_in[t].sum() * ReplaySettings().eur_per_applicant),
             "opt_out_payment_eur": float(r.opt_out_payment_eur[t].sum())} for t, p in enumerate(r.periods)]
