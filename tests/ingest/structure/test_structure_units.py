"""Unit tests of document structure on small handmade passage lists."""

from __future__ import annotations

from ima.domain.metadata import DocumentMetadata, Footnote
from ima.domain.structure import ConsultationStructure, LetterStructure
from ima.domain.text import Passage
from ima.ingest.structure import analyse_structure, is_consultation
from ima.ingest.structure.headings import pillar_of_title
from ima.ingest.structure.parties import canonical, parties_in
from ima.ingest.structure.questions import find_questions, question_cue, sentence_spans


def passages(*items: tuple[str, str] | str) -> tuple[Passage, ...]:
    out = []
    for i, item in enumerate(items):
        kind, text = item if isinstance(item, tuple) else ("paragraph", item)
        out.append(Passage(seq=i, page=1, text=text, start=i * 100, end=i * 100 + len(text), kind=kind))
    return tuple(out)


# -- parties ---------------------------------------------------------------------------

def test_party_variants_map_to_one_name() -> None:
    assert parties_in("Op de vragen van de Groen Links-fractie.") == ("GroenLinks",)
    assert parties_in("De leden van de Groen-Links fractie hebben vragen.") == ("GroenLinks",)
    assert parties_in("De leden van de GroenLinks-PvdA-fractie vragen") == ("GroenLinks-PvdA",)
    assert canonical("Christen Unie") == "ChristenUnie"


def test_elided_compound_and_list_name_every_party() -> None:
    assert parties_in("De leden van zowel de VVD- als de SP-fractie vragen waarom") == ("VVD", "SP")
    assert parties_in("de fracties van de VVD, het CDA, D66, de SP en de ChristenUnie") == \
        ("VVD", "CDA", "D66", "SP", "ChristenUnie")


def test_bare_party_name_is_not_a_group_mention() -> None:
    assert parties_in("Het SP-Kamerlid en de VVD in het kabinet") == ()
    assert parties_in("De JA21-fractie en de BBB-fractie en de NSC-fractie") == ("JA21", "BBB", "NSC")


# -- questions -------------------------------------------------------------------------

def test_sentences_do_not_end_at_abbreviations_or_initials() -> None:
    text = "Zie Kamerstuk 19 637, nr. 2394. Mr. J.P.H. Donner schreef o.a. dit. Klopt dat?"
    spans = [text[a:b] for a, b in sentence_spans(text)]
    assert spans == ["Zie Kamerstuk 19 637, nr. 2394.", "Mr. J.P.H. Donner schreef o.a. dit.", "Klopt dat?"]


def test_question_cues() -> None:
    assert question_cue("Kan het kabinet dit toelichten?") == "question mark"
    assert question_cue("De leden van de VVD-fractie vragen welke condities worden verbonden.") == "verb of asking"
    assert question_cue("Ook vragen deze leden of dit ten koste gaat van andere inspanningen.") == "verb of asking"
    assert question_cue("Zij willen daarom graag weten hoe dat vorm krijgt.") == "verb of asking"
    assert question_cue("Graag ontvangen deze leden een reactie.") == "request"
    assert question_cue("Kan concreet gemaakt worden hoe dit wordt vormgegeven.") == "inverted verb"
    assert question_cue("Voornoemde leden onderschrijven dit en vragen welke maatregelen volgen.") == "verb of asking"


def test_statements_are_not_questions() -> None:
    assert question_cue("Zij hebben daarover nog enkele vragen.") is None
    assert question_cue("De leden van de SP-fractie merken op dat 86% in de regio wordt opgevangen.") is None
    assert question_cue("Deze leden zetten graag hun opmerkingen en vragen per pijler uiteen.") is None


def test_question_spans_point_into_the_passage() -> None:
    text = "Het is goed. Hoe wordt de privacy gewaarborgd? Dat is belangrijk."
    (q,) = find_questions(text, passage_seq=7)
    assert text[q.start:q.end] == q.text == "Hoe wordt de privacy gewaarborgd?"
    assert q.ref == (7, 13)


# -- headings and letters --------------------------------------------------------------

def test_pillar_from_title_not_number() -> None:
    assert pillar_of_title("Voorkomen van irreguliere migratie") == 1
    assert pillar_of_title("Versterken opvang en bescherming voor vluchtelingen en ontheemden in de regio") == 2
    assert pillar_of_title("Solidair en solide asielstelsel binnen de Europese Unie en in Nederland") == 3
    assert pillar_of_title("Minder illegaliteit, meer terugkeer") == 4
    assert pillar_of_title("Bevorderen legale migratieroutes") == 5
    assert pillar_of_title("Stimuleren integratie en participatie") == 6
    assert pillar_of_title("Achtergrond") is None
    assert pillar_of_title("Europees spoor") is None


def test_letter_sections_footnote_calls_and_signature() -> None:
    ps = passages(
        "In reactie op de motie verstrekken wij een overzicht van de migratieagenda.1 Dat is nodig.",
        ("heading", "Europees spoor"),
        "Nederland steunt de Europese Unie.2 Ook B1 niveau en COVID-19 tellen niet.",
        ("paragraph", "5. Bevorderen legale migratieroutes"),
        "Arbeidsmigratie wordt verkend via de wetenschappelijke consensus3 dat meer ontwikkeling helpt.",
        ("signature", "De Staatssecretaris van Justitie en Veiligheid,"),
        ("signature", "Ankie Broekers-Knol"),
    )
    meta = DocumentMetadata(footnotes=(Footnote(1, "a"), Footnote(2, "b"), Footnote(3, "c")))
    s = analyse_structure(ps, meta)
    assert isinstance(s, LetterStructure)
    assert [(x.title, x.number, x.pillar, x.passage_seqs) for x in s.sections] == [
        ("Europees spoor", None, None, (2,)), ("Bevorderen legale migratieroutes", "5", 5, (4,))]
    assert s.signature_seqs == (5, 6)
    calls = {c.number: c for c in s.footnote_calls}
    assert set(calls) == {1, 2, 3}
    first = ps[0].text
    assert first[calls[1].offset] == "1" and first[calls[1].sentence_start:calls[1].sentence_end].startswith("In reactie")
    assert ps[4].text[calls[3].offset - 9:calls[3].offset] == "consensus"
    assert s.section_of(4).number == "5"


def test_letter_without_headings_or_footnotes() -> None:
    s = analyse_structure(passages("Een brief zonder koppen.", "Nog een alinea."), DocumentMetadata())
    assert isinstance(s, LetterStructure)
    assert s.sections == () and s.footnote_calls == () and s.signature_seqs == ()


# -- consultations ---------------------------------------------------------------------

CONSULTATION = passages(
    ("heading", "I. Vragen en opmerkingen vanuit de fracties"),
    ("heading", "1. Algemeen"),
    "De leden van de PVV-fractie hebben kennisgenomen van de agenda. Waarom is er geen maatregel?",
    ("heading", "1.4 Minder illegaliteit, meer terugkeer"),
    "De leden van de SP-fractie vragen naar het afschaffen van de terugkeerhulp van de IOM.",
    "Deze leden vragen ook hoe de vertrekgesprekken verlopen.",
    "De leden van de NSC-fractie vragen wanneer de Landelijke Vreemdelingenvoorzieningen open gaan.",
    ("heading", "II. Reactie van de Minister"),
    ("heading", "1.4 Minder illegaliteit, meer terugkeer"),
    "De antwoorden worden per pijler gegeven.",
    "Op de vragen van de SP-fractie.",
    "Ten aanzien van de vraag naar het afschaffen van de terugkeerhulp van de IOM, is er geen effect gebleken.",
    "De leden vragen ook naar de vertrekgesprekken. Die verlopen zorgvuldig.",
    "In antwoord op de vraag van de leden van de NSC-fractie: de Landelijke Vreemdelingenvoorzieningen openen in 2026.",
    "Het weer is vandaag mooi en de zon schijnt.",
)


def test_consultation_parts_sections_contributions() -> None:
    s = analyse_structure(CONSULTATION, DocumentMetadata(title="Verslag van een schriftelijk overleg"))
    assert isinstance(s, ConsultationStructure)
    assert [(p.number, p.role) for p in s.parts] == [("I", "questions"), ("II", "answers")]
    assert [(x.part, x.number, x.pillar) for x in s.sections] == [("I", "1", None), ("I", "1.4", 4), ("II", "1.4", 4)]
    assert [(c.party, c.section, c.pillar, c.passage_seqs, len(c.questions)) for c in s.contributions] == [
        ("PVV", "1", None, (2,), 1), ("SP", "1.4", 4, (4, 5), 2), ("NSC", "1.4", 4, (6,), 1)]


def test_consultation_answer_blocks_and_links() -> None:
    s = analyse_structure(CONSULTATION)
    assert [(a.parties, a.pillar, a.passage_seqs) for a in s.answers] == [
        (("SP",), 4, (10, 11, 12)), (("NSC",), 4, (13, 14))]
    assert s.answers[0].how == "Op de vragen van de SP-fractie"
    by_answer = {l.answer_seq: l for l in s.links}
    sp = s.contributions_for("SP", 4)[0].questions
    assert by_answer[11].question == sp[0].ref and by_answer[11].party == "SP"
    assert by_answer[12].question == sp[1].ref
    assert by_answer[13].party == "NSC" and by_answer[13].method == "party+pillar+lexical"
    assert 14 in s.unlinked  # nothing about the weather was asked: no forced link
    assert 10 not in s.unlinked  # a block heading is not an answer
    assert s.answers_for("SP", 4) == (s.answers[0],)
    assert s.links_to(sp[0])[0].answer_seq == 11


def test_consultation_recognised_without_metadata_but_letter_is_not() -> None:
    assert is_consultation(CONSULTATION)
    assert not is_consultation(passages("De VVD wil minder migratie.", "Het kabinet schrijft een brief."))
