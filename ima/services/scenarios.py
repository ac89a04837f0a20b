"""Route scenarios for the web app: the shipped catalogue, and runs and comparisons that hand back
their chart (SVG) with their rows instead of leaving files behind."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

MAX_SEEDS = 5


@dataclass(frozen=True)
class ScenarioInfo:
    """A shipped scenario: its name (what ``ima simulate run`` takes), title and period."""

    name: str
    title: str
    start: str
    end: str


def shipped_scenarios() -> list[ScenarioInfo]:
    """The scenarios that ship with ima, by name."""
    from ima.simulate.scenario import load_scenario
    from ima.simulate.scenario.loader import SCENARIO_DIR

    out = []
    for path in sorted(SCENARIO_DIR.glob("*.yaml")):
        spec = load_scenario(path)
        out.append(ScenarioInfo(spec.name, spec.title, spec.start.isoformat(), spec.end.isoformat()))
    return out


def check_run(scenario: str, seeds: int, uploads: str | Path | None = None) -> str:
    """What a run of ``scenario`` loads (a shipped name, or the file of an upload in ``uploads``); a
    clear error for an unknown scenario or a number of seeds out of range (before any work)."""
    from ima.services.scenario_uploads import uploaded_path, uploaded_scenarios

    if not 1 <= seeds <= MAX_SEEDS:
        raise ValueError(f"seeds must be 1 to {MAX_SEEDS}, not {seeds}")
    if scenario in {s.name for s in shipped_scenarios()}:
        return scenario
    path = uploaded_path(scenario, uploads) if uploads is not None else None
    if path is not None:
        return str(path)
    known = [s.name for s in shipped_scenarios()] + [u.name for u in uploaded_scenarios(uploads)] \
        if uploads is not None else [s.name for s in shipped_scenarios()]
    raise ValueError(f"unknown scenario {scenario!r}: choose one of {', '.join(known)}")


def _svg(files: list[Path]) -> str:
    svg = next((f for f in files if f.suffix == ".svg"), None)
    return svg.read_text(encoding="utf-8") if svg else ""


def run_with_chart(scenario: str, seeds: int, lang: str = "nl",
                   on_done: Callable[[int], None] | None = None, uploads: str | Path | None = None) -> dict:
    """Run a shipped (or uploaded) scenario on ``seeds`` seeds (in this process): entry series with their
    band, the destinations, and the monthly arrivals chart as SVG."""
    from ima.services.simulation_runs import run_scenario

    source = check_run(scenario, seeds, uploads)
    with tempfile.TemporaryDirectory(prefix="ima-web-run-") as folder:
        outcome = run_scenario(source, seeds, out=Path(folder), workers=1, lang=lang, on_done=on_done)
        chart = _svg(outcome.files)
    return {"scenario": outcome.scenario, "title": outcome.title, "seeds": outcome.seeds,
            "series": outcome.series, "destinations": outcome.destinations, "chart_svg": chart}


def compare_with_chart(a: str, b: str, seeds: int, lang: str = "nl",
                       on_done: Callable[[int], None] | None = None, uploads: str | Path | None = None) -> dict:
    """Run A and B on the same seeds: B − A per entry series with its band, and the difference chart."""
    from ima.services.simulation_runs import compare_scenarios

    source_a, source_b = check_run(a, seeds, uploads), check_run(b, seeds, uploads)
    with tempfile.TemporaryDirectory(prefix="ima-web-compare-") as folder:
        outcome = compare_scenarios(source_a, source_b, seeds, out=Path(folder), workers=1, lang=lang, on_done=on_done)
        chart = _svg(outcome.files)
    return {"a": outcome.a, "b": outcome.b, "seeds": outcome.seeds, "rows": outcome.rows, "chart_svg": chart}
