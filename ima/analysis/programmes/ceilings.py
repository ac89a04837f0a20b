"""Budget ceilings: the shipped YAML (``ima/data/programmes/ceilings.yaml``) or a user's copy."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ima.domain.programmes import Programme

DEFAULT_CEILINGS = Path(__file__).resolve().parents[2] / "data" / "programmes" / "ceilings.yaml"
_SCOPE = ("funder", "country", "pillar", "oda")


@dataclass(frozen=True)
class Ceiling:
    """At most ``amount`` for programmes in ``year`` within the scope (None = any)."""

    id: str
    label: str
    year: int
    amount: float
    currency: str = "EUR"
    funder: str | None = None
    country: str | None = None
    pillar: int | None = None
    oda: bool | None = None
    source: str | None = None
    quote: str | None = None

    def covers(self, programme: Programme) -> bool:
        """Whether the programme's budget counts against this ceiling (the year aside)."""
        if programme.currency != self.currency:
            return False
        if self.funder and not (programme.funder or "").lower().startswith(self.funder.lower()):
            return False
        if self.country and self.country not in programme.areas:
            return False
        if self.pillar is not None and self.pillar not in programme.pillars:
            return False
        return self.oda is None or programme.oda is self.oda


def load_ceilings(path: Path | None = None) -> list[Ceiling]:
    """The ceilings of a YAML file (default: the shipped one); a ``ValueError`` naming the entry when one is wrong."""
    path = path or DEFAULT_CEILINGS
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise ValueError(f"{path}: cannot read the ceilings file ({exc.strerror or exc})") from None
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(data, dict) or not isinstance(data.get("ceilings", []), list):
        raise ValueError(f"{path}: expected a mapping with a 'ceilings' list")
    currency = str(data.get("currency", "EUR"))
    ceilings: list[Ceiling] = []
    for number, entry in enumerate(data.get("ceilings", []), start=1):
        where = f"{path.name}, ceiling {number}"
        if not isinstance(entry, dict):
            raise ValueError(f"{where}: expected a mapping")
        unknown = set(entry) - {"id", "label", "year", "amount", "currency", "source", "quote", "note", *_SCOPE}
        if unknown:
            raise ValueError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        try:
            year, amount = int(entry["year"]), float(entry["amount"])
        except (KeyError, TypeError, ValueError):
            raise ValueError(f"{where}: 'year' (a year) and 'amount' (a number) are required") from None
        pillar = entry.get("pillar")
        if pillar is not None and pillar not in range(1, 7):
            raise ValueError(f"{where}: pillar must be 1-6")
        ceilings.append(Ceiling(
            id=str(entry.get("id", f"ceiling-{number}")), label=str(entry.get("label", entry.get("id", ""))),
            year=year, amount=amount, currency=str(entry.get("currency", currency)), funder=entry.get("funder"),
            country=entry.get("country"), pillar=pillar, oda=entry.get("oda"), source=entry.get("source"),
            quote=entry.get("quote")))
    return ceilings
