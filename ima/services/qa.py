"""Questions and answers of written consultations, side by side (``ima qa``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ima.domain.structure import ConsultationStructure
from ima.ingest.structure import analyse_structure
from ima.ingest.structure.parties import PARTIES
from ima.store import Store


def resolve_party(name: str) -> str:
    """The canonical party name for any spelling ``ima`` knows (``sp``, ``Groen Links``, ``CU``)."""
    folded = " ".join(name.replace("-", " ").split()).lower()
    for party, variants in PARTIES.items():
        if folded in {" ".join(v.replace("-", " ").split()).lower() for v in (party, *variants)}:
            return party
    raise ValueError(f"unknown party {name!r}: known are {', '.join(PARTIES)}")


@dataclass
class QuestionRow:
    """One question with where it stands and the answer passages linked to it."""

    page: int
    passage_seq: int
    text: str
    answers: list[tuple[int, float, str]] = field(default_factory=list)  # (answer seq, score, method)


@dataclass
class QaBlock:
    """One party's questions on one pillar in one consultation, and the answers addressed to them."""

    document_id: int
    title: str | None
    party: str
    pillar: int | None
    section: str | None
    questions: list[QuestionRow] = field(default_factory=list)
    answers: list[tuple[int, int, str]] = field(default_factory=list)  # (page, seq, text)


def questions_and_answers(store: Store, *, party: str | None = None, pillar: int | None = None,
                          document_id: int | None = None) -> list[QaBlock]:
    """Questions per party and pillar with the government's answers, from every consultation in the record."""
    if pillar is not None and not 0 <= pillar <= 6:
        raise ValueError("--pillar must be 1 to 6 (0 for the general part)")
    wanted = resolve_party(party) if party else None
    pillar_key = None if pillar in (None, 0) else pillar
    blocks: list[QaBlock] = []
    targets = [store.document(document_id).summary] if document_id else store.documents()
    for summary in targets:
        doc = store.document(summary.id)
        structure = analyse_structure(doc.passages, doc.metadata)
        if not isinstance(structure, ConsultationStructure):
            continue
        text_of = {p.seq: p for p in doc.passages}
        for c in structure.contributions:
            if (wanted and c.party != wanted) or (pillar is not None and c.pillar != pillar_key):
                continue
            block = QaBlock(summary.id, summary.title, c.party, c.pillar, c.section)
            for q in c.questions:
                row = QuestionRow(text_of[q.passage_seq].page, q.passage_seq, q.text)
                row.answers = [(l.answer_seq, l.score, l.method) for l in structure.links_to(q)]
                block.questions.append(row)
            seqs = sorted({s for a in structure.answers_for(c.party, c.pillar) for s in a.passage_seqs})
            block.answers = [(text_of[s].page, s, text_of[s].text) for s in seqs if s in text_of]
            blocks.append(block)
    return blocks
