"""The structure of a document: sections, footnote calls, and the Q&A of a written consultation.

Everything points at passages by their ``seq`` (see :class:`ima.domain.text.Passage`), and
at text inside a passage by character offsets into ``Passage.text``, so every question,
answer and footnote call can be cited with its page and raw span.

A *letter* has sections (from its headings), footnote calls and a signature block.
A *written consultation* (verslag van een schriftelijk overleg) has two parts: the party
groups' questions (part I) and the government's answers (part II), each split into
sections that mostly follow the pillars; part I holds :class:`Contribution`\\ s per party,
part II :class:`AnswerBlock`\\ s, and :class:`AnswerLink`\\ s tie answers to questions where
that can be decided (each with a score and the way it was decided).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

PartRole = Literal["questions", "answers", "other"]


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and the passages under it, up to the next heading.

    ``number`` is the printed number (``"1.4"``, ``"5"``, ``"I"``) or ``None``;
    ``level`` is 1 for unnumbered and single-number headings, 2 for ``1.4`` and so on.
    ``pillar`` is the IMA pillar (1-6) the heading names, or ``None`` (general part,
    or a heading that names no pillar). ``part`` is the consultation part (``"I"``,
    ``"II"``) the section sits in, ``None`` in letters.
    """

    title: str
    number: str | None
    level: int
    heading_seq: int
    passage_seqs: tuple[int, ...]
    pillar: int | None = None
    part: str | None = None

    @property
    def label(self) -> str:
        """Number and title as printed (``"1.4 Minder illegaliteit, meer terugkeer"``)."""
        return f"{self.number} {self.title}" if self.number else self.title


@dataclass(frozen=True, slots=True)
class Part:
    """A part of a consultation (``I. Vragen en opmerkingen …``, ``II. Reactie van …``)."""

    number: str
    title: str
    role: PartRole
    heading_seq: int
    passage_seqs: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class FootnoteCall:
    """Where the body calls footnote ``number``: the passage, the offset of the number in
    ``Passage.text``, and the span of the sentence that calls it."""

    number: int
    passage_seq: int
    offset: int
    sentence_start: int
    sentence_end: int


@dataclass(frozen=True, slots=True)
class Question:
    """A sentence that asks, at ``[start, end)`` in the text of passage ``passage_seq``.

    ``cue`` says why it counts as a question (``"question mark"``, ``"vragen of"`` …).
    """

    passage_seq: int
    start: int
    end: int
    text: str
    cue: str

    @property
    def ref(self) -> tuple[int, int]:
        """A stable reference to this question: (passage seq, offset)."""
        return (self.passage_seq, self.start)


@dataclass(frozen=True, slots=True)
class Contribution:
    """One party group's consecutive passages in one section of the questions part."""

    party: str
    section: str | None  # section number (or title if unnumbered), None before any section
    pillar: int | None
    passage_seqs: tuple[int, ...]
    questions: tuple[Question, ...]
    part: PartRole = "questions"


@dataclass(frozen=True, slots=True)
class AnswerBlock:
    """Consecutive answer passages that answer one party group (or several) in one section.

    ``parties`` is empty when the opener names no single party (``De leden van
    verschillende fracties …``). ``how`` records how the block was opened: the opening
    phrase as written, or ``"continues"`` for passages without an opener of their own.
    """

    parties: tuple[str, ...]
    section: str | None
    pillar: int | None
    passage_seqs: tuple[int, ...]
    how: str


@dataclass(frozen=True, slots=True)
class AnswerLink:
    """An answer passage linked to a question it answers.

    ``method`` says how it was decided (``"party+section+lexical"`` …) and ``score``
    is the lexical score in [0, 1] that decided it.
    """

    answer_seq: int
    question: tuple[int, int]  # Question.ref
    party: str | None
    pillar: int | None
    score: float
    method: str


@dataclass(frozen=True, slots=True)
class LetterStructure:
    """Sections, signature and footnote calls of a letter (or any non-consultation)."""

    sections: tuple[Section, ...]
    signature_seqs: tuple[int, ...] = ()
    footnote_calls: tuple[FootnoteCall, ...] = ()

    def section_of(self, seq: int) -> Section | None:
        """The section that holds passage ``seq`` (heading included), if any."""
        return next((s for s in self.sections if seq == s.heading_seq or seq in s.passage_seqs), None)


@dataclass(frozen=True, slots=True)
class ConsultationStructure:
    """Parts, sections, party contributions, answer blocks and their links to questions.

    ``unlinked`` lists answer passages for which no question could be decided.
    """

    parts: tuple[Part, ...]
    sections: tuple[Section, ...]
    contributions: tuple[Contribution, ...]
    answers: tuple[AnswerBlock, ...]
    links: tuple[AnswerLink, ...] = ()
    unlinked: tuple[int, ...] = ()
    signature_seqs: tuple[int, ...] = ()
    footnote_calls: tuple[FootnoteCall, ...] = ()

    @property
    def questions(self) -> tuple[Question, ...]:
        """Every question of part I, in reading order."""
        return tuple(q for c in self.contributions for q in c.questions)

    def contributions_for(self, party: str | None = None, pillar: int | None = None) -> tuple[Contribution, ...]:
        """Contributions of ``party`` (any if None) on ``pillar`` (any if None)."""
        return tuple(c for c in self.contributions
                     if (party is None or c.party == party) and (pillar is None or c.pillar == pillar))

    def answers_for(self, party: str | None = None, pillar: int | None = None) -> tuple[AnswerBlock, ...]:
        """Answer blocks addressed to ``party`` (any if None) on ``pillar`` (any if None)."""
        return tuple(a for a in self.answers
                     if (party is None or party in a.parties) and (pillar is None or a.pillar == pillar))

    def links_to(self, question: Question) -> tuple[AnswerLink, ...]:
        """The answer links that point at ``question``."""
        return tuple(l for l in self.links if l.question == question.ref)
