"""Document structure: letters (sections, footnote calls, signature) and written
consultations (parts, pillar sections, party contributions, answers linked to questions).

Pure functions over clean passages and metadata; see :func:`analyse_structure`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ima.domain.metadata import DocumentMetadata
from ima.domain.structure import ConsultationStructure, LetterStructure
from ima.domain.text import Passage
from ima.ingest.structure.consultation import analyse_consultation, part_role
from ima.ingest.structure.headings import headings
from ima.ingest.structure.letter import analyse_letter
from ima.ingest.structure.parties import find_parties
from ima.ingest.structure.questions import sentence_spans

__all__ = ["analyse_structure", "is_consultation", "analyse_letter", "analyse_consultation"]

_CONSULTATION_TITLE = re.compile(r"schriftelijk\s+overleg|lijst\s+van\s+vragen|naar\s+aanleiding\s+van\s+het\s+verslag", re.I)
_ROMAN = re.compile(r"^[IVX]{1,4}$")
MIN_PARTY_OPENERS = 3


def is_consultation(passages: Sequence[Passage], metadata: DocumentMetadata | None = None) -> bool:
    """True for a document where party groups ask and the government answers.

    Decided by the title (``Verslag van een schriftelijk overleg``), by a numbered part
    heading that opens questions (``I. Vragen en opmerkingen vanuit de fracties``), or
    by at least :data:`MIN_PARTY_OPENERS` passages whose first sentence names a party
    group: a letter mentions parties rarely and never as the subject of its paragraphs.
    """
    if metadata is not None:
        for text in (metadata.title, metadata.subject):
            if text and _CONSULTATION_TITLE.search(text):
                return True
    if any(h.number and _ROMAN.match(h.number) and part_role(h.title) == "questions" for h in headings(passages)):
        return True
    openers = 0
    for p in passages:
        spans = sentence_spans(p.text)
        if spans and find_parties(p.text[spans[0][0]:spans[0][1]]):
            openers += 1
    return openers >= MIN_PARTY_OPENERS


def analyse_structure(passages: Sequence[Passage],
                      metadata: DocumentMetadata | None = None) -> LetterStructure | ConsultationStructure:
    """The structure of one document: a consultation's Q&A, or a letter's sections.

    ``metadata`` supplies the footnotes (for footnote calls) and the title (to tell a
    consultation from a letter); without it the passages alone decide.
    """
    passages = tuple(passages)
    footnotes = metadata.footnotes if metadata is not None else ()
    if is_consultation(passages, metadata):
        return analyse_consultation(passages, footnotes)
    return analyse_letter(passages, footnotes)
