"""``/packages/{iso3}``: the package builder with weights and effect judgements that re-rank live
(``ima.services.partnership.instrument_packages``), each package explained in plain words."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from ima.domain.serial import to_plain
from ima.web.pages import Page, page
from ima.web.partnership_words import words

router = APIRouter()
WEIGHT_PREFIX, EFFECT_PREFIX = "w_", "e_"
MAX_DRAWS = 2000
MAX_OVERRIDES = 60


def query_weights(request: Request) -> dict[str, float]:
    """``w_trade=0.5&w_human-rights=1`` → ``{"trade": 0.5, "human-rights": 1.0}`` (checked by the service)."""
    weights = {}
    for key, value in request.query_params.items():
        if key.startswith(WEIGHT_PREFIX):
            try:
                weights[key[len(WEIGHT_PREFIX):]] = float(value)
            except ValueError:
                raise ValueError(f"weight {key} must be a number, not {value!r}") from None
    return weights


def query_effects(request: Request, effect: str | None) -> str:
    """The effect judgements the user entered, in the CLI's ``id=low-high`` text form: ``e_<id>=1-2``
    parameters plus the ``effect`` parameter."""
    parts = [f"{k[len(EFFECT_PREFIX):]}={v}" for k, v in request.query_params.items() if k.startswith(EFFECT_PREFIX)]
    if len(parts) > MAX_OVERRIDES:
        raise ValueError(f"at most {MAX_OVERRIDES} effect judgements per request")
    return ",".join(filter(None, [effect or "", *parts]))


@page(router, "/packages/{code}", summary="Instrument packages for a country and objective, ranked by judged "
                                           "effect against weighted cost (w_<interest>=weight, e_<instrument>="
                                           "low-high), with a sensitivity sweep and plain-word explanations")
def packages(
    request: Request,
    code: Annotated[str, Path(min_length=2, max_length=60, description="ISO 3166 alpha-3 code or name")],
    objective: Annotated[str, Query(pattern="^(return|departures|protection|legal-routes)$")] = "return",
    mode: Annotated[str, Query(pattern="^(more-for-more|less-for-less)$")] = "more-for-more",
    effect: Annotated[str | None, Query(max_length=2000, description="id=low-high judgements (0–3), "
                                                                     "comma-separated")] = None,
    top: Annotated[int, Query(ge=1, le=20)] = 5,
    size: Annotated[int, Query(ge=1, le=5, description="at most this many instruments per package")] = 3,
    draws: Annotated[int, Query(ge=0, le=MAX_DRAWS, description="sensitivity draws (0: none)")] = 300,
    seed: Annotated[int, Query(ge=0, le=2**31)] = 0,
) -> Page:
    """The ranked packages with their costs, judged effects, stability over the judgement ranges and explanation."""
    from ima.analysis.partnership.catalogue import catalogue
    from ima.domain.instruments import MODES, OBJECTIVES
    from ima.services.partnership import instrument_packages
    from ima.web.i18n import language_of

    lang = language_of(request)
    view = instrument_packages(code, objective, mode=mode, weights=query_weights(request), top=top, max_size=size,
                               effects=query_effects(request, effect), draws=draws, seed=seed, lang=lang)
    stability = {s.instruments: s for s in (view.sensitivity.packages if view.sensitivity else ())}
    instruments = catalogue()
    rows = []
    for p in view.packages:
        s = stability.get(p.package.instruments)
        rows.append({**to_plain(p.package), "names": p.names, "explanation": p.explanation,
                     "sensitivity": to_plain(s) if s else None})
    data = {"iso3": view.iso3, "name": view.name, "objective": view.objective, "mode": view.mode,
            "objectives": list(OBJECTIVES), "modes": list(MODES), "weights": view.weights,
            "candidates": view.candidates, "packages": rows,
            "judgements": [{"instrument": k, "name": instruments[k].name(lang), "low": lo, "high": hi,
                            "default": default, "source": source}
                           for k, (lo, hi, default, source) in sorted(view.judgements.items())],
            "excluded": [{"instrument": i, "name": instruments[i].name(lang) if i in instruments else i,
                          "reason": reason} for i, reason in view.excluded],
            "sensitivity": None if view.sensitivity is None else
            {"draws": view.sensitivity.draws, "seed": view.sensitivity.seed, "top": view.sensitivity.top,
             "stable_first": view.sensitivity.stable_first}}
    w = words(lang)
    data["summary"] = f"{view.candidates} {w('candidates')}" + (
        " · " + w("stability", share=f"{view.sensitivity.stable_first:.0%}", draws=view.sensitivity.draws)
        if view.sensitivity and view.packages else "")
    return Page("packages.html", data, title=f"{w('packages')} · {view.name}", extra={"w": w})
