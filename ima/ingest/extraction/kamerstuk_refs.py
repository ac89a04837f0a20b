"""References to other Kamerstukken, with exact spans: a thin layer over the metadata parser.

:func:`ima.ingest.metadata.references.parse_citations` already knows every
citation form (``Kamerstukken II 2017/18, 19 637, nr. 2375``, joint dossiers,
roman toevoegingen, ``kst-…`` identifiers), but it works on a normalised copy
of the text in which runs of whitespace are one space, so its offsets drift
from the passage's. Here the same normalisation is done with an offset map,
the parser runs on the normalised copy (normalising it again changes
nothing), and every span is mapped back to the original text.
"""

from __future__ import annotations

import re

from ima.domain.facts import KamerstukReference, Span
from ima.ingest.extraction.ignorecase import holds_any
from ima.ingest.metadata.references import parse_citations

# the same character mapping as normalise_text, as a translation table (one character each)
_TABLE = {**{c: "-" for c in range(0x2010, 0x2016)}, 0x2212: "-",
          **{c: " " for c in (0x00A0, *range(0x2000, 0x200C), 0x202F)}}
_RUNS = re.compile(r"\s{2,}|\s")
# a citation needs a dossier number (five digits, maybe "19 637" with any spaces) or a kst- identifier
_MAYBE = re.compile(r"\d\d[\s\u200b]*\d{3}|kst-", re.IGNORECASE)
# its two branches apart: the dossier number starts with a digit (the engine skips to digits),
# "kst-" is a substring test in lower case (see ignorecase)
_MAYBE_NUMBER = re.compile(r"\d\d[\s\u200b]*\d{3}")
_MAYBE_KST = re.compile(r"kst-", re.IGNORECASE)


def normalise_with_offsets(text: str) -> tuple[str, list[int]]:
    """The text as ``normalise_text`` makes it, and for each of its characters the original offset.

    The map has one extra entry (``len(text)``) so that an end offset maps too.
    """
    mapped = text.translate(_TABLE)
    chars: list[str] = []
    offsets: list[int] = []
    pos = 0
    for run in _RUNS.finditer(mapped):
        chars.append(mapped[pos:run.start()])
        offsets.extend(range(pos, run.start()))
        chars.append(" ")  # a run of whitespace is one space, kept at its first character
        offsets.append(run.start())
        pos = run.end()
    chars.append(mapped[pos:])
    offsets.extend(range(pos, len(mapped)))
    offsets.append(len(text))
    return "".join(chars), offsets


def _original_end(text: str, offsets: list[int], end: int) -> int:
    """Original end offset of a normalised end: just after the last character taken."""
    if end <= 0:
        return 0
    return offsets[end - 1] + 1 if end - 1 < len(offsets) - 1 else len(text)


def extract_references(text: str) -> list[KamerstukReference]:
    """Every Kamerstuk citation in ``text`` as ``kst-…`` identifiers, in order, with exact spans."""
    if not text or not (_MAYBE_NUMBER.search(text) or holds_any(text, ("kst-",), _MAYBE_KST)):
        return []
    norm, offsets = normalise_with_offsets(text)
    found: list[KamerstukReference] = []
    for citation in parse_citations(norm):
        if not 0 <= citation.start < citation.end <= len(norm):
            continue  # the parser normalised differently after all: skip rather than cite wrong text
        start = offsets[citation.start]
        end = _original_end(text, offsets, citation.end)
        found.append(KamerstukReference(citation.identifier, text[start:end], Span(start, end)))
    return found
