"""Read a routes scenario YAML (with ``extends``) into a checked ``ScenarioSpec``."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ima.simulate.levers import check_lever_references, parse_date, parse_lever
from ima.simulate.scenario.spec import (
    LOCATION_KINDS, MODES, ROUTES, DemandHold, LinkSpec, LocationSpec, RouteSettings, ScenarioSpec,
)

TOP_KEYS = {"name", "title", "extends", "period", "calibration", "data", "scale", "settings", "parameters",
            "locations", "links", "levers", "demand", "spawn"}
LOCATION_KEYS = {"name", "kind", "country", "lat", "lon", "move_chance", "attractiveness", "nationalities",
                 "rest_of", "series", "route"}
SCENARIO_DIR = Path(__file__).resolve().parents[2] / "data" / "scenarios"


def scenario_path(name_or_path: str | Path) -> Path:
    """A YAML path, or the name of a scenario shipped with ima (``routes_to_europe``)."""
    path = Path(name_or_path)
    if path.exists():
        return path
    shipped = SCENARIO_DIR / f"{name_or_path}.yaml"
    if shipped.exists():
        return shipped
    known = ", ".join(sorted(p.stem for p in SCENARIO_DIR.glob("*.yaml")))
    raise ValueError(f"scenario {str(name_or_path)!r} not found (a YAML file, or one of: {known})")


def scenario_mapping(text: str, name: str) -> dict[str, Any]:
    """The YAML ``text`` of a scenario as a mapping; ``ValueError`` naming ``name`` when it is none."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ValueError(f"{name}: not valid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(raw, dict):
        raise ValueError(f"{name}: a scenario is a YAML mapping")
    return raw


def _read(path: Path, seen: tuple[Path, ...] = ()) -> dict[str, Any]:
    """The YAML mapping with its ``extends`` chain merged and data paths made absolute."""
    if path.resolve() in seen:
        raise ValueError(f"{path.name}: `extends` loops back to itself")
    raw = scenario_mapping(path.read_text(encoding="utf-8"), path.name)
    unknown = sorted(set(raw) - TOP_KEYS)
    if unknown:
        raise ValueError(f"{path.name}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(TOP_KEYS))}")
    if isinstance(raw.get("data"), dict):
        raw["data"] = {k: str((path.parent / v).resolve()) for k, v in raw["data"].items()}
    if "extends" not in raw:
        return raw
    parent = _read(path.parent / raw.pop("extends"), seen + (path.resolve(),))
    merged = {**parent, **raw}
    for key in ("parameters", "settings", "data"):
        merged[key] = {**parent.get(key, {}), **raw.get(key, {})}
    # inherited levers that fall wholly outside the child's period are dropped, not an error
    inherited = [{**lv, "_inherited": True} if isinstance(lv, dict) else lv for lv in parent.get("levers") or []]
    merged["levers"] = inherited + list(raw.get("levers") or [])
    return merged


def _span(value: Any, where: str) -> tuple[date, date]:
    if not (isinstance(value, list) and len(value) == 2):
        raise ValueError(f"{where}: give [first day, last day]")
    return parse_date(value[0], where), parse_date(value[1], where)


def _location(raw: Any, i: int, parameters: dict[str, float]) -> LocationSpec:
    where = f"locations[{i}]"
    if not isinstance(raw, dict) or "name" not in raw:
        raise ValueError(f"{where}: a location is a mapping with at least a name")
    where = f"{where} ({raw['name']})"
    unknown = sorted(set(raw) - LOCATION_KEYS)
    if unknown:
        raise ValueError(f"{where}: unknown field(s) {', '.join(unknown)}")
    if raw.get("kind") not in LOCATION_KINDS:
        raise ValueError(f"{where}: kind must be one of {', '.join(LOCATION_KINDS)}, got {raw.get('kind')!r}")
    for key in ("move_chance", "attractiveness"):
        value = raw.get(key)
        if isinstance(value, str) and value not in parameters:
            raise ValueError(f"{where}: {key} names unknown parameter {value!r}")
    bad_routes = sorted(set(raw.get("rest_of") or []) - set(ROUTES))
    if bad_routes:
        raise ValueError(f"{where}: unknown route(s) {', '.join(bad_routes)}; known: {', '.join(ROUTES)}")
    try:
        return LocationSpec(
            name=str(raw["name"]), kind=raw["kind"], country=str(raw.get("country", "")),
            lat=float(raw.get("lat", 0.0)), lon=float(raw.get("lon", 0.0)),
            move_chance=raw.get("move_chance"), attractiveness=raw.get("attractiveness"),
            nationalities=tuple(raw.get("nationalities") or ()), rest_of=tuple(raw.get("rest_of") or ()),
            series=raw.get("series"), route=raw.get("route"))
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{where}: {exc}") from None


def _links(raw: Any, names: set[str]) -> tuple[LinkSpec, ...]:
    out: list[LinkSpec] = []
    for i, item in enumerate(raw or []):
        where = f"links[{i}]"
        if not isinstance(item, dict) or "from" not in item or "to" not in item:
            raise ValueError(f"{where}: a link is a mapping with from and to")
        mode = item.get("mode", "road")
        if mode not in MODES:
            raise ValueError(f"{where}: mode must be one of {', '.join(MODES)}")
        sources = item["from"] if isinstance(item["from"], list) else [item["from"]]
        targets = item["to"] if isinstance(item["to"], list) else [item["to"]]
        for name in [*sources, *targets]:
            if name not in names:
                raise ValueError(f"{where}: unknown location {name!r}")
        distance = item.get("distance")
        if distance is not None and float(distance) < 0:
            raise ValueError(f"{where}: distance must be 0 or more")
        out += [LinkSpec(str(s), str(t), mode, None if distance is None else float(distance))
                for s in sources for t in targets]
    pairs = [(link.source, link.target) for link in out]
    dupes = sorted({f"{a} -> {b}" for a, b in pairs if pairs.count((a, b)) > 1})
    if dupes:
        raise ValueError(f"link(s) given twice: {', '.join(dupes)}")
    return tuple(out)


def load_scenario(name_or_path: str | Path) -> ScenarioSpec:
    """The scenario at a path (or shipped under that name), checked; errors say where and what."""
    path = scenario_path(name_or_path)
    raw = _read(path)
    try:
        return _build(raw, path)
    except ValueError as exc:
        raise ValueError(f"{path.name}: {exc}") from None


def _own(item: Any) -> Any:
    return {k: v for k, v in item.items() if k != "_inherited"} if isinstance(item, dict) else item


def _inside(item: Any, start: date, end: date) -> bool:
    """False only for an inherited lever whose window misses the period."""
    if not (isinstance(item, dict) and item.get("_inherited")):
        return True
    first = parse_date(item.get("start", start), "lever start")
    last = parse_date(item.get("end", end), "lever end")
    return first <= end and last >= start


def _build(raw: dict[str, Any], path: Path) -> ScenarioSpec:
    period = raw.get("period") or {}
    start, end = parse_date(period.get("start"), "period.start"), parse_date(period.get("end"), "period.end")
    if start > end:
        raise ValueError(f"period: start {start} is after end {end}")
    parameters = {str(k): float(v) for k, v in (raw.get("parameters") or {}).items()}
    settings_raw = dict(raw.get("settings") or {})
    defaults = RouteSettings()
    try:
        settings = RouteSettings(**{**settings_raw,
                                    "speed": {**defaults.speed, **settings_raw.get("speed", {})},
                                    "distance_factor": {**defaults.distance_factor,
                                                        **settings_raw.get("distance_factor", {})}})
    except TypeError as exc:
        raise ValueError(f"settings: {exc}") from None
    locations = tuple(_location(item, i, parameters) for i, item in enumerate(raw.get("locations") or []))
    names = [loc.name for loc in locations]
    if not locations:
        raise ValueError("a scenario needs locations")
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise ValueError(f"location name(s) used twice: {', '.join(dupes)}")
    links = _links(raw.get("links"), set(names))
    levers = tuple(parse_lever(_own(item), i, (start, end), set(names), parameters)
                   for i, item in enumerate(raw.get("levers") or []) if _inside(item, start, end))
    check_lever_references(levers)
    data = raw.get("data") or {}
    calibration = raw.get("calibration") or {}
    demand = raw.get("demand")
    hold = None
    if demand:
        unknown = sorted(set(demand.get("origins") or ()) - set(names))
        if unknown:
            raise ValueError(f"demand.origins: unknown location(s) {', '.join(unknown)}")
        hold = DemandHold(parse_date(demand.get("hold_from"), "demand.hold_from"),
                          _span(demand.get("reference"), "demand.reference"), tuple(demand.get("origins") or ()))
    spawn = {}
    for origin, points in (raw.get("spawn") or {}).items():
        if origin not in names:
            raise ValueError(f"spawn: unknown location {origin!r}")
        spawn[origin] = tuple((parse_date(d, f"spawn.{origin}"), float(n)) for d, n in points)
    scale = float(raw.get("scale", 1))
    if scale <= 0:
        raise ValueError("scale must be positive")
    return ScenarioSpec(
        name=str(raw.get("name", path.stem)), title=str(raw.get("title", raw.get("name", path.stem))),
        start=start, end=end, path=path,
        departures=Path(data["departures"]) if data.get("departures") else None,
        arrivals=Path(data["arrivals"]) if data.get("arrivals") else None,
        destination_shares=Path(data["destination_shares"]) if data.get("destination_shares") else None,
        scale=scale, settings=settings, parameters=parameters, locations=locations, links=links, levers=levers,
        fit=_span(calibration["fit"], "calibration.fit") if "fit" in calibration else None,
        holdout=_span(calibration["holdout"], "calibration.holdout") if "holdout" in calibration else None,
        demand_hold=hold, spawn=spawn)
