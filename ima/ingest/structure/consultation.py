"""Written consultations: parts, pillar sections, party contributions and answer blocks.

Part I (``I. Vragen en opmerkingen vanuit de fracties``) holds the groups' questions,
part II (``II. Reactie van de Staatssecretaris``) the answers, each split by the same
numbered sections (``1. Achtergrond``, ``1.1`` … ``1.6``).

In part I a passage belongs to the first group it names as asking (``De leden van de
SP-fractie …``, also mid-passage: ``Graag zouden de leden van de ChristenUnie-fractie
vernemen``); a passage that names none (``Deze leden …``, ``De aan het woord zijnde
leden …``) continues the group before it. A contribution is a run of passages of one
group inside one section.

In part II an answer block opens with a passage whose *first sentence* names the group
answered (``Op de vragen van de SP-fractie.``, ``De leden van de VVD-fractie vragen …``,
``De leden van zowel de VVD- als de SP-fractie …``, ``De leden van verschillende
fracties …``); later mentions are usually references (``in aanvulling op het antwoord
aan de D66-fractie``) and do not open a block, except a sentence that starts ``Ook de
leden van de X-fractie …``, which adds X to the block. Passages without an opener
continue the block; passages before the first opener of a section (an introduction)
belong to no block.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ima.domain.structure import AnswerBlock, ConsultationStructure, Contribution, Part, PartRole, Section
from ima.domain.text import Passage
from ima.ingest.structure.headings import Heading, headings
from ima.ingest.structure.letter import build_sections, footnote_calls
from ima.ingest.structure.linking import link_answers
from ima.ingest.structure.parties import find_parties
from ima.ingest.structure.questions import find_questions, sentence_spans

_ROMAN = re.compile(r"^[IVX]{1,4}$")
_QUESTIONS_TITLE = re.compile(r"\b(?:vragen|opmerkingen|inbreng)\b", re.I)
_ANSWERS_TITLE = re.compile(r"\b(?:reactie|antwoord|antwoorden|beantwoording)\b", re.I)
_SEVERAL = re.compile(r"\bleden\s+van\s+(?:verschillende|diverse|meerdere|enkele|alle)\s+fracties\b", re.I)
# "De antwoorden op de vragen van de fracties van … worden per pijler gegeven": says how the
# answers are ordered, answers nothing itself
_ANNOUNCEMENT = re.compile(r"^De\s+(?:antwoorden|beantwoording)\s+(?:op|van)\b|\bworden\s+(?:hieronder\s+)?"
                           r"per\s+(?:pijler|onderwerp|thema|hoofdstuk|paragraaf)\s+(?:gegeven|beantwoord)", re.I)
_FRACTIE_TAIL = re.compile(r"(?:-|\s)fracties?\b")
_ALSO = re.compile(r"^Ook\s+(?:de\s+)?leden\s+van\b")


def part_role(title: str) -> PartRole:
    """Whether a part heading opens the questions or the answers (answers win: ``Reactie
    op de vragen`` is an answer part)."""
    if _ANSWERS_TITLE.search(title):
        return "answers"
    if _QUESTIONS_TITLE.search(title):
        return "questions"
    return "other"


def _parts(passages: Sequence[Passage], heads: list[Heading]) -> tuple[Part, ...]:
    tops = [h for h in heads if h.number and _ROMAN.match(h.number)]
    order = [p.seq for p in passages]
    parts = []
    for i, h in enumerate(tops):
        stop = order.index(tops[i + 1].seq) if i + 1 < len(tops) else len(order)
        body = tuple(order[order.index(h.seq) + 1:stop])
        parts.append(Part(number=h.number or "", title=h.title, role=part_role(h.title), heading_seq=h.seq,
                          passage_seqs=body))
    return tuple(parts)


def _section_key(section: Section | None) -> str | None:
    if section is None:
        return None
    return section.number or section.title


def _contributions(passages: dict[int, Passage], seqs: tuple[int, ...],
                   section: Section | None) -> list[Contribution]:
    out: list[Contribution] = []
    party: str | None = None
    run: list[int] = []

    def close() -> None:
        if party and run:
            questions = tuple(q for s in run for q in find_questions(passages[s].text, s))
            out.append(Contribution(party=party, section=_section_key(section),
                                    pillar=section.pillar if section else None,
                                    passage_seqs=tuple(run), questions=questions))

    for seq in seqs:
        mentions = find_parties(passages[seq].text)
        if mentions and mentions[0].party != party:
            close()
            party, run = mentions[0].party, []
        if party:
            run.append(seq)
    close()
    return out


def _opener(text: str) -> tuple[tuple[str, ...], str] | None:
    """The parties an answer passage opens a block for, and the opening phrase; None if
    the passage continues the block before it."""
    spans = sentence_spans(text)
    if not spans:
        return None
    first = text[spans[0][0]:spans[0][1]]
    if _ANNOUNCEMENT.search(first):
        return None
    several = _SEVERAL.search(first)
    mentions = find_parties(first)
    if not mentions and not several:
        return None
    parties = [m.party for m in mentions]
    for a, b in spans[1:]:
        if _ALSO.match(text[a:b]):
            parties += [m.party for m in find_parties(text[a:b])]
    end = several.end() if several and not mentions else mentions[-1].end
    tail = _FRACTIE_TAIL.match(first, end)  # keep "-fractie" with the name it belongs to
    phrase = first[:tail.end() if tail else end]
    return tuple(dict.fromkeys(parties)), phrase.strip()


def _answer_blocks(passages: dict[int, Passage], seqs: tuple[int, ...],
                   section: Section | None) -> list[AnswerBlock]:
    out: list[AnswerBlock] = []
    parties: tuple[str, ...] | None = None
    how = ""
    run: list[int] = []

    def close() -> None:
        if parties is not None and run:
            out.append(AnswerBlock(parties=parties, section=_section_key(section),
                                   pillar=section.pillar if section else None,
                                   passage_seqs=tuple(run), how=how))

    for seq in seqs:
        opened = _opener(passages[seq].text)
        # a new opener for the same groups (``Op de vragen van de VVD-fractie.`` then ``De
        # leden van de VVD-fractie stellen …``) continues their block: one block per run
        if opened and opened[0] != parties:
            close()
            (parties, how), run = opened, []
        if parties is not None:
            run.append(seq)
    close()
    return out


def analyse_consultation(passages: Sequence[Passage], footnotes=()) -> ConsultationStructure:
    """The structure of a written consultation (see the module docstring)."""
    by_seq = {p.seq: p for p in passages}
    signature = tuple(p.seq for p in passages if p.kind == "signature")
    heads = [h for h in headings(passages) if h.seq not in signature]
    parts = _parts(passages, heads)
    part_heads = {p.heading_seq for p in parts}
    part_of = {seq: part.number for part in parts for seq in (part.heading_seq, *part.passage_seqs)}
    sections = build_sections(passages, [h for h in heads if h.seq not in part_heads],
                              part_of=part_of, skip=signature, barriers=part_heads)
    contributions: list[Contribution] = []
    answers: list[AnswerBlock] = []
    for part in parts or (Part("", "", "questions", -1, tuple(p.seq for p in passages)),):
        if part.role == "other":
            continue
        own = [s for s in sections if s.heading_seq in part.passage_seqs]
        in_sections = {seq for s in own for seq in (s.heading_seq, *s.passage_seqs)}
        # passages of the part before its first section form a section-less group
        loose = tuple(s for s in part.passage_seqs if s not in in_sections and s not in signature
                      and s not in part_heads)
        groups: list[tuple[Section | None, tuple[int, ...]]] = [(None, loose)] + [(s, s.passage_seqs) for s in own]
        for section, seqs in groups:
            if part.role == "questions":
                contributions += _contributions(by_seq, seqs, section)
            else:
                answers += _answer_blocks(by_seq, seqs, section)
    links, unlinked = link_answers(by_seq, contributions, answers)
    return ConsultationStructure(parts=parts, sections=sections, contributions=tuple(contributions),
                                 answers=tuple(answers), links=links, unlinked=unlinked,
                                 signature_seqs=signature, footnote_calls=footnote_calls(passages, footnotes))
