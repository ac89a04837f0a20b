"""Properties of document structure over arbitrary passage lists (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ima.domain.metadata import DocumentMetadata, Footnote
from ima.domain.structure import ConsultationStructure
from ima.domain.text import PASSAGE_KINDS, Passage
from ima.ingest.structure import analyse_structure

# fragments that exercise every rule: part and section headings, party openers,
# continuations, questions, footnote-like digits, and noise
FRAGMENTS = [
    "I. Vragen en opmerkingen vanuit de fracties", "II. Reactie van de Staatssecretaris", "1. Achtergrond",
    "1.1 Voorkomen van irreguliere migratie", "1.4 Minder illegaliteit, meer terugkeer", "Europees spoor",
    "De leden van de VVD-fractie vragen", "Op de vragen van de SP-fractie.", "De leden vragen ook",
    "De leden van zowel de CDA- als de D66-fractie", "De leden van verschillende fracties", "Deze leden",
    "Kan het kabinet dit toelichten?", "waarom", "migratieagenda.1", "consensus2 dat", "nr. 12.", "?", ".",
    "De Staatssecretaris van Justitie,", "terugkeer", "Groen Links-fractie", "«", "", "\n", "3,5", "J.P.H.",
]


@st.composite
def passage_lists(draw: st.DrawFn) -> tuple[Passage, ...]:
    n = draw(st.integers(0, 25))
    out = []
    for i in range(n):
        parts = draw(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), min_size=1, max_size=6))
        text = " ".join(parts)
        out.append(Passage(seq=i, page=1, text=text, start=i, end=i + len(text),
                           kind=draw(st.sampled_from(PASSAGE_KINDS))))
    return tuple(out)


def _check(s, passages: tuple[Passage, ...]) -> None:
    seqs = {p.seq for p in passages}
    owned: list[int] = []
    for section in s.sections:
        owned += [section.heading_seq, *section.passage_seqs]
    assert len(owned) == len(set(owned)), "a passage belongs to two sections"
    assert set(owned) <= seqs
    for call in s.footnote_calls:
        text = passages[call.passage_seq].text
        assert text[call.offset:].startswith(str(call.number))
        assert 0 <= call.sentence_start <= call.offset < max(call.sentence_end, call.offset + 1) <= len(text) + 3
    if isinstance(s, ConsultationStructure):
        in_contrib = [seq for c in s.contributions for seq in c.passage_seqs]
        assert len(in_contrib) == len(set(in_contrib)), "contributions overlap"
        in_answers = [seq for a in s.answers for seq in a.passage_seqs]
        assert len(in_answers) == len(set(in_answers)), "answer blocks overlap"
        assert not set(in_contrib) & set(in_answers)
        for c in s.contributions:
            for q in c.questions:
                assert q.passage_seq in c.passage_seqs
                assert passages[q.passage_seq].text[q.start:q.end] == q.text
        refs = {q.ref for q in s.questions}
        for link in s.links:
            assert link.question in refs and link.answer_seq in in_answers and 0 <= link.score <= 1
        assert not {l.answer_seq for l in s.links} & set(s.unlinked)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(passage_lists(), st.booleans())
def test_any_passage_list_gives_a_consistent_structure(passages: tuple[Passage, ...], as_consultation: bool) -> None:
    meta = DocumentMetadata(title="Verslag van een schriftelijk overleg" if as_consultation else None,
                            footnotes=(Footnote(1, "a"), Footnote(2, "b"), Footnote(12, "c")))
    _check(analyse_structure(passages, meta), passages)


@settings(max_examples=100, deadline=None)
@given(passage_lists())
def test_without_metadata_no_exception(passages: tuple[Passage, ...]) -> None:
    _check(analyse_structure(passages), passages)
