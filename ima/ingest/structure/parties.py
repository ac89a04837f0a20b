"""Party groups (fracties) of the Dutch parliament and the ways documents name them.

Consultations name a group as ``de VVD-fractie``, ``de Groen Links-fractie``,
``de Groen-Links fractie``, ``de leden van zowel de VVD- als de SP-fractie`` (an elided
compound) or ``de fracties van de VVD, het CDA, D66, de SP en de ChristenUnie``. Every
variant maps to one canonical name so that a contribution and its answer meet.
The list covers the groups of both chambers since the 1990s; a group that is not
listed is simply not recognised (no guessing from capital letters).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: canonical name -> variants as written (case-sensitive, because "sp" or "denk" in
#: running text are not party names). Longer variants are tried first.
PARTIES: dict[str, tuple[str, ...]] = {
    "GroenLinks-PvdA": ("GroenLinks-PvdA", "GroenLinks/PvdA", "GL-PvdA", "GL/PvdA", "GL–PvdA"),
    "VVD": ("VVD",),
    "PVV": ("PVV",),
    "CDA": ("CDA",),
    "D66": ("D66", "D’66", "D'66"),
    "GroenLinks": ("GroenLinks", "Groen Links", "Groen-Links", "Groenlinks", "GL"),
    "SP": ("SP",),
    "ChristenUnie": ("ChristenUnie", "Christen Unie", "Christen-Unie", "CU"),
    "PvdA": ("PvdA", "Partij van de Arbeid"),
    "SGP": ("SGP",),
    "PvdD": ("PvdD", "Partij voor de Dieren"),
    "50PLUS": ("50PLUS", "50Plus", "50plus"),
    "DENK": ("DENK",),
    "FvD": ("FvD", "FVD", "Forum voor Democratie"),
    "JA21": ("JA21",),
    "BBB": ("BBB", "BoerBurgerBeweging"),
    "NSC": ("NSC", "Nieuw Sociaal Contract"),
    "Volt": ("Volt",),
    "BIJ1": ("BIJ1", "BIJ 1"),
    "OSF": ("OSF", "Onafhankelijke Senaatsfractie"),
    "PPR": ("PPR",),
    "GPV": ("GPV",),
    "RPF": ("RPF",),
    "LPF": ("LPF",),
}

_VARIANT_TO_PARTY = {v: p for p, vs in PARTIES.items() for v in vs}
_NAMES = "|".join(re.escape(v) for v in sorted(_VARIANT_TO_PARTY, key=len, reverse=True))
_NAME = rf"(?<![\w-])(?:{_NAMES})"

# "VVD-fractie", "Groen-Links fractie", "SP fractie"
_FRACTIE = re.compile(rf"(?P<name>{_NAME})(?:-|\s)fracties?\b")
# "VVD- als de SP-fractie", "VVD- en CDA-fracties": the first name's "fractie" is elided
_ELIDED = re.compile(rf"(?P<name>{_NAME})-\s+(?:en|als|of|,)\s+(?:de\s+|het\s+)?(?={_NAME}(?:-|\s)fracties?\b)")
# "de fracties van de VVD, het CDA, D66, de SP en de ChristenUnie", "de fractie van GroenLinks"
_LIST = re.compile(rf"\bfracties?\s+van\s+(?:de\s+|het\s+)?(?P<list>{_NAME}(?:\s*(?:,|en)\s+(?:de\s+|het\s+)?{_NAME})*)")
_LIST_ITEM = re.compile(_NAME)


@dataclass(frozen=True, slots=True)
class PartyMention:
    """A party group named in a text, at ``[start, end)``."""

    party: str
    start: int
    end: int


def canonical(name: str) -> str | None:
    """The canonical party name for a variant as written, or None."""
    return _VARIANT_TO_PARTY.get(name.strip())


def find_parties(text: str) -> list[PartyMention]:
    """Every party group named as a group (``X-fractie``, ``fractie van X``), in text order.

    A bare ``VVD`` without ``fractie`` is not a mention: in a consultation the group
    asks, while a party name on its own usually names the party's position or a person.
    """
    found: dict[int, PartyMention] = {}
    for rx in (_FRACTIE, _ELIDED):
        for m in rx.finditer(text):
            party = _VARIANT_TO_PARTY[m.group("name")]
            found.setdefault(m.start("name"), PartyMention(party, m.start("name"), m.end("name")))
    for m in _LIST.finditer(text):
        base = m.start("list")
        for item in _LIST_ITEM.finditer(m.group("list")):
            found.setdefault(base + item.start(), PartyMention(_VARIANT_TO_PARTY[item.group()],
                                                               base + item.start(), base + item.end()))
    return [found[k] for k in sorted(found)]


def parties_in(text: str) -> tuple[str, ...]:
    """The distinct parties named in ``text``, in order of first mention."""
    return tuple(dict.fromkeys(m.party for m in find_parties(text)))
