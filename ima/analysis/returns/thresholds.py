"""Classification thresholds of the return-cooperation assessment, from YAML (shipped default:
``ima/data/returns/thresholds.yaml``, each threshold with its reason)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

LEVELS = ("NLD", "EU")
CLASSES = ("sufficient", "partial", "insufficient")


def default_thresholds_file() -> Path:
    """The shipped thresholds."""
    return Path(str(resources.files("ima") / "data" / "returns" / "thresholds.yaml"))


@dataclass(frozen=True)
class Band:
    """Below ``insufficient_below`` is insufficient, from ``sufficient_from`` on sufficient, between partial."""

    insufficient_below: float
    sufficient_from: float

    def classify(self, value: float | None) -> str | None:
        """The class of ``value`` (None when there is no value)."""
        if value is None:
            return None
        if value < self.insufficient_below:
            return "insufficient"
        return "sufficient" if value >= self.sufficient_from else "partial"


@dataclass(frozen=True)
class ReturnThresholds:
    """Every threshold of the assessment."""

    minimum_return_decisions: dict[str, float]
    return_rate: Band
    return_rate_relative: bool
    readmission_acceptance: Band
    practical_cooperation: Band
    trend_points: float


def _band(data: dict, name: str, where: str) -> Band:
    section = data.get(name)
    if not isinstance(section, dict):
        raise ValueError(f"{where}: section {name!r} is missing or not a mapping")
    try:
        low, high = float(section["insufficient_below"]), float(section["sufficient_from"])
    except KeyError as exc:
        raise ValueError(f"{where}: {name}.{exc.args[0]} is missing") from None
    except (TypeError, ValueError):
        raise ValueError(f"{where}: {name} thresholds must be numbers") from None
    if low < 0 or high < low:
        raise ValueError(f"{where}: {name}: need 0 ≤ insufficient_below ≤ sufficient_from")
    return Band(low, high)


def load_thresholds(path: Path | str | None = None) -> ReturnThresholds:
    """Thresholds from ``path`` (default: the shipped file), validated with errors naming the key."""
    path = Path(path) if path is not None else default_thresholds_file()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"{path}: cannot read ({exc.__class__.__name__})") from None
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML ({str(exc).splitlines()[0]})") from None
    where = str(path)
    if not isinstance(data, dict):
        raise ValueError(f"{where}: expected a mapping of sections")
    minimum = data.get("minimum_return_decisions", {})
    if not isinstance(minimum, dict) or set(minimum) - set(LEVELS):
        raise ValueError(f"{where}: minimum_return_decisions maps NLD and/or EU to a number")
    relative = (data.get("return_rate") or {}).get("relative_to", "average")
    if relative not in ("average", "absolute"):
        raise ValueError(f"{where}: return_rate.relative_to is 'average' or 'absolute', not {relative!r}")
    try:
        trend_points = float(data.get("trend_points", 5))
        minimum = {level: float(minimum.get(level, 0)) for level in LEVELS}
    except (TypeError, ValueError):
        raise ValueError(f"{where}: trend_points and minimum_return_decisions must be numbers") from None
    return ReturnThresholds(minimum, _band(data, "return_rate", where), relative == "average",
                            _band(data, "readmission_acceptance", where),
                            _band(data, "practical_cooperation", where), trend_points)
