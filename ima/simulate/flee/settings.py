"""Flee's ``simsetting.yml`` → :class:`SimulationSettings` (Flee 3.1 key names and defaults)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import yaml

from ima.domain.simulation import SimulationSettings

# (YAML section, YAML key) → settings field; keys not listed are ignored, as Flee ignores them.
_KEYS = {
    ("move_rules", "max_move_speed"): "max_move_speed",
    ("move_rules", "max_walk_speed"): "max_walk_speed",
    ("move_rules", "foreign_weight"): "foreign_weight",
    ("move_rules", "camp_weight"): "camp_weight",
    ("move_rules", "conflict_weight"): "conflict_weight",
    ("move_rules", "conflict_movechance"): "conflict_movechance",
    ("move_rules", "camp_movechance"): "camp_movechance",
    ("move_rules", "idpcamp_movechance"): "idpcamp_movechance",
    ("move_rules", "default_movechance"): "default_movechance",
    ("move_rules", "awareness_level"): "awareness_level",
    ("move_rules", "capacity_buffer"): "capacity_buffer",
    ("move_rules", "avoid_short_stints"): "avoid_short_stints",
    ("move_rules", "start_on_foot"): "start_on_foot",
    ("move_rules", "softening"): "softening",
    ("move_rules", "weight_softening"): "weight_softening",
    ("move_rules", "weight_power"): "weight_power",
    ("move_rules", "distance_power"): "distance_power",
    ("move_rules", "stay_close_to_home"): "stay_close_to_home",
    ("move_rules", "home_distance_power"): "home_distance_power",
    ("move_rules", "use_pop_for_loc_weight"): "use_pop_for_loc_weight",
    ("move_rules", "pop_power_for_loc_weight"): "pop_power_for_loc_weight",
    ("move_rules", "movechance_pop_base"): "movechance_pop_base",
    ("move_rules", "movechance_pop_scale_factor"): "movechance_pop_scale_factor",
    ("spawn_rules", "insert_day0"): "insert_day0",
    ("spawn_rules", "conflict_zone_spawning_only"): "conflict_zone_spawning_only",
    ("spawn_rules", "conflict_spawn_decay"): "conflict_spawn_decay",
    ("spawn_rules", "conflict_spawn_decay_interval"): "conflict_spawn_decay_interval",
    ("spawn_rules", "camps_are_sinks"): "camps_are_sinks",
    ("spawn_rules", "camps_are_sicks"): "camps_are_sinks",  # Flee 3.1 reads the misspelled key
    ("optimisations", "hasten"): "hasten",
}


def settings_from_mapping(document: dict[str, Any] | None, **overrides: Any) -> SimulationSettings:
    """Build settings from a parsed ``simsetting.yml``; unknown keys are ignored as in Flee."""
    values: dict[str, Any] = {}
    document = document or {}
    if not isinstance(document, dict):
        raise ValueError("a simsetting.yml must be a mapping of sections")
    for (section, key), name in _KEYS.items():
        block = document.get(section) or {}
        if key in block and block[key] is not None:
            values[name] = block[key]
    move = document.get("move_rules") or {}
    if move.get("use_v1_rules"):
        values.update(max_move_speed=200.0, camp_weight=2.0, conflict_weight=0.25,
                      start_on_foot=False, avoid_short_stints=False)
    spawn = document.get("spawn_rules") or {}
    driven = spawn.get("conflict_driven_spawning")
    if isinstance(driven, dict):
        mode = str(driven.get("spawn_mode", "constant"))
        values.update(conflict_driven_spawning=True, conflict_spawn_mode=mode,
                      displaced_per_conflict_day=float(driven.get(
                          "displaced_per_conflict_day", 0.01 if mode == "pop_ratio" else 500)))
    values.update(overrides)
    return coerce(values)


def coerce(values: dict[str, Any]) -> SimulationSettings:
    """Typed settings from loosely typed values (YAML, CLI), with a clear error for bad ones."""
    types = {f.name: f.type for f in dataclasses.fields(SimulationSettings)}
    clean: dict[str, Any] = {}
    for name, value in values.items():
        kind = types.get(name)
        if kind is None:
            raise ValueError(f"unknown simulation setting {name!r}")
        try:
            if kind == "bool":
                clean[name] = value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
            elif kind == "int":
                clean[name] = int(value)
            elif kind == "float":
                clean[name] = float(value)
            elif name == "conflict_spawn_decay":
                clean[name] = None if value is None else tuple(float(v) for v in value)
            else:
                clean[name] = value
        except (TypeError, ValueError) as exc:
            raise ValueError(f"setting {name}: bad value {value!r}") from exc
    return SimulationSettings(**clean)


def read_settings(path: Path, **overrides: Any) -> SimulationSettings:
    """Read a Flee ``simsetting.yml``."""
    try:
        document = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ValueError(f"settings file {path} not found") from exc
    except yaml.YAMLError as exc:
        raise ValueError(f"settings file {path} is not valid YAML: {exc}") from exc
    return settings_from_mapping(document, **overrides)
