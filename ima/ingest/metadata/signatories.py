"""Signature blocks: an office line ("De Minister van Asiel en Migratie,") and a name.

The name follows on the same line after the comma (Kamerstukken: "De voorzitter van de
commissie, Van Meenen") or on the next lines (letters). In overlaid PDF layers other
layers' lines sit between office and name, so later lines are only accepted when they
are clearly name-shaped; nothing is guessed when no such line exists.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ima.domain.metadata import Signatory

_TITLE = (r"(?:Minister-[Pp]resident|[Mm]inister|[Ss]taatssecretaris|[Vv]oorzitter|[Aa]djunct-griffier|"
          r"[Gg]riffier|[Ss]ecretaris-[Gg]eneraal|[Dd]irecteur-[Gg]eneraal|[Ss]ecretaris)")
OFFICE_RE = re.compile(
    rf"^\s*(?P<office>(?:(?:De|Het|de)\s+)?(?:wnd\.\s+)?{_TITLE}(?:\s+(?:van|voor)\s+[^,]{{2,90}})?)\s*,\s*(?P<rest>.*?)\s*$"
)
PARTICLES = {"van", "de", "der", "den", "het", "ten", "ter", "te", "'t", "d'", "la", "le", "du", "in", "op", "von", "zu",
             "-", "–", "y", "da", "dos", "del", "el", "al", "bin"}
_OFFICE_WORDS = PARTICLES | {"en", "voor", "commissie", "vaste", "algemene", "tijdelijke", "parlementaire", "wnd."}
_NOT_NAMES = {"kamer", "voorzitter", "staten-generaal", "directoraat-generaal", "directoraat", "directie", "migratie",
              "postbus", "haag", "datum", "onderwerp", "bureau", "turfmarkt", "pagina", "retouradres", "ons", "uw",
              "minister", "staatssecretaris", "ministerie", "justitie", "veiligheid", "zaken", "europese", "unie",
              "commissie", "nederland", "tweede", "eerste", "kamerstuk", "kamerstukken", "bijlage", "bijlagen",
              "asiel", "opvang", "terugkeer", "integrale", "migratieagenda", "hoogachtend", "aanleiding", "inleiding",
              "ministers", "kabinet", "rijksoverheid", "generaal", "internationale", "internationaal"}
_CAP = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\wÀ-ÿ'’]*\.?|(?:[A-ZÀ-ÖØ-Þ]\.){1,5}[A-ZÀ-ÖØ-Þ]?\.?)(?:-[A-ZÀ-ÖØ-Þ][\wÀ-ÿ'’]*)*$")


def _office_ok(office: str) -> bool:
    words = office.split()
    # skip the article and the title itself
    tail = words[1:] if words and words[0].lower() in {"de", "het"} else words
    tail = tail[1:]
    return all(w in _OFFICE_WORDS or (w[:1].isupper() and w.replace("-", "").isalpha()) for w in tail)


def name_shaped(text: str, *, min_tokens: int = 2) -> bool:
    """Whether ``text`` looks like a person's name: capitalised words, initials and particles only."""
    tokens = text.split()
    if not (1 <= len(tokens) <= 7) or any(ch.isdigit() for ch in text) or text.rstrip().endswith(","):
        return False
    capitals = 0
    for token in tokens:
        if token.lower() in PARTICLES:
            continue
        if not _CAP.match(token) or token.lower().strip(".") in _NOT_NAMES:
            return False
        if sum(1 for c in token if c.isupper()) > 1 and not re.match(r"^(?:[A-Z]\.)+|.*-[A-Z]", token):
            return False  # "KKaamer", "BuBureau": interleaved layers, not a name
        capitals += 1
    return capitals >= min_tokens


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().rstrip(",").strip()


def find_signatories(lines: Sequence[str], *, window: int = 40) -> tuple[Signatory, ...]:
    """Signatories (office + name) found in ``lines``, in order, without duplicates."""
    found: list[Signatory] = []
    for i, line in enumerate(lines):
        m = OFFICE_RE.match(line)
        if not m or len(line.strip()) > 110 or not _office_ok(_clean(m["office"])):
            continue
        office = _clean(m["office"])
        name: str | None = None
        rest = _clean(m["rest"])
        if rest:
            if name_shaped(rest, min_tokens=1):
                name = rest
            else:
                continue
        else:
            first = True
            for nxt in lines[i + 1:i + 1 + window]:
                if not nxt.strip():
                    continue
                if OFFICE_RE.match(nxt):
                    break
                candidate = _clean(nxt)
                if name_shaped(candidate, min_tokens=1 if first else 2):
                    name = candidate
                    break
                first = False
        if name:
            signatory = Signatory(name=name, office=office)
            if signatory not in found:
                found.append(signatory)
    return tuple(found)
