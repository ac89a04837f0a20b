"""Scenarios uploaded through the web app: a variant of a shipped scenario, checked before it is kept.

An upload may only *extend* a shipped scenario (``extends: routes_to_europe``) and change its
name, title, period, parameters, settings and levers. It may not name files (``data``) or
bring its own network, so it cannot make the server read anything but the shipped data, and its
cost stays that of the scenario it extends. It is written next to the other uploads only after
:func:`ima.simulate.scenario.load_scenario` has accepted it (through a ``.part`` file, so a
failed upload leaves nothing behind).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import platformdirs
import yaml

MAX_BYTES = 256 * 1024
ALLOWED_KEYS = {"name", "title", "extends", "period", "parameters", "settings", "levers"}
_SLUG = re.compile(r"[^a-z0-9_-]+")
DIR_ENV = "IMA_SCENARIO_DIR"


@dataclass(frozen=True)
class UploadedScenario:
    """An uploaded scenario: its name (what a run takes), title, period, the scenario it extends."""

    name: str
    title: str
    start: str
    end: str
    extends: str


def upload_dir(folder: str | Path | None = None) -> Path:
    """Where uploads are kept: ``folder``, else ``$IMA_SCENARIO_DIR``, else the user data directory."""
    chosen = folder or os.environ.get(DIR_ENV) or Path(platformdirs.user_data_dir("ima")) / "scenarios"
    return Path(chosen)


def _shipped() -> dict[str, Path]:
    from ima.simulate.scenario.loader import SCENARIO_DIR

    return {p.stem: p for p in sorted(SCENARIO_DIR.glob("*.yaml"))}


def _slug(text: str) -> str:
    slug = _SLUG.sub("-", text.strip().lower()).strip("-_")[:60]
    if not slug:
        raise ValueError("the scenario needs a name (letters, digits, - or _)")
    return slug


def _checked_mapping(data: bytes, filename: str) -> dict:
    from ima.simulate.scenario.loader import scenario_mapping

    if len(data) > MAX_BYTES:
        raise ValueError(f"{filename}: a scenario file is at most {MAX_BYTES // 1024} KB")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError(f"{filename}: not UTF-8 text") from None
    raw = scenario_mapping(text, filename)
    extra = sorted(set(raw) - ALLOWED_KEYS)
    if extra:
        raise ValueError(f"{filename}: an uploaded scenario may only set {', '.join(sorted(ALLOWED_KEYS))}; "
                         f"not {', '.join(extra)}")
    return raw


def save_upload(data: bytes, filename: str, folder: str | Path | None = None) -> UploadedScenario:
    """Check an uploaded scenario and keep it; ``ValueError`` with the reason when it is refused."""
    from ima.simulate.scenario import load_scenario

    raw = _checked_mapping(data, filename)
    shipped = _shipped()
    parent = str(raw.get("extends") or "").removesuffix(".yaml")
    if parent not in shipped:
        raise ValueError(f"{filename}: `extends` must name a shipped scenario ({', '.join(shipped)})")
    name = _slug(str(raw.get("name") or Path(filename).stem))
    if name in shipped:
        raise ValueError(f"{filename}: the name {name!r} is a shipped scenario's; choose another")
    target_dir = upload_dir(folder)
    target_dir.mkdir(parents=True, exist_ok=True)
    part = target_dir / f"{name}.yaml.part"
    stored = {**raw, "name": name, "extends": str(shipped[parent])}
    part.write_text(yaml.safe_dump(stored, allow_unicode=True, sort_keys=False), encoding="utf-8")
    try:
        spec = load_scenario(part)
    except (ValueError, KeyError, TypeError) as exc:
        part.unlink(missing_ok=True)
        raise ValueError(f"{filename}: {exc}") from None
    part.replace(target_dir / f"{name}.yaml")
    return UploadedScenario(name, spec.title, spec.start.isoformat(), spec.end.isoformat(), parent)


def uploaded_scenarios(folder: str | Path | None = None) -> list[UploadedScenario]:
    """The uploads kept in ``folder`` (those that still load), by name."""
    from ima.simulate.scenario import load_scenario

    out = []
    for path in sorted(upload_dir(folder).glob("*.yaml")):
        try:
            spec = load_scenario(path)
            extends = Path(str(yaml.safe_load(path.read_text(encoding="utf-8")).get("extends", ""))).stem
        except (ValueError, KeyError, TypeError, OSError, yaml.YAMLError):
            continue  # a shipped scenario it extends has changed incompatibly: not offered
        out.append(UploadedScenario(path.stem, spec.title, spec.start.isoformat(), spec.end.isoformat(), extends))
    return out


def uploaded_path(name: str, folder: str | Path | None = None) -> Path | None:
    """The file of the upload called ``name``, or None."""
    if _SLUG.search(name) or not name:
        return None
    path = upload_dir(folder) / f"{name}.yaml"
    return path if path.is_file() else None
