"""Motions: names as written, submitters, c.s., status, subject and their own Kamerstuk citation."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from ima.domain.facts import MotionMention
from ima.ingest.extraction import extract_facts, extract_motions


def one(text: str) -> MotionMention:
    motions = extract_facts(text).motions
    assert len(motions) == 1, motions
    assert text[motions[0].span.start:motions[0].span.end] == motions[0].text
    return motions[0]


def test_named_motion_with_cosigners():
    m = one("In reactie op de motie Becker c.s. verstrekken wij uw Kamer hierbij een overzicht.")
    assert (m.name, m.submitters, m.cosigned, m.identifier, m.status) == (
        "motie Becker c.s.", ("Becker",), True, None, None)


def test_hyphenated_motion_with_status_subject_and_citation():
    text = ("gelet op de aangenomen motie-Fritsma over geen arbeidskrachten van buiten de EU naar Nederland halen "
            "als beloning (Kamerstuk 19 637, nr. 2380).Immers, het verkeerde principe")
    m = one(text)
    assert m.name == "motie-Fritsma"
    assert m.submitters == ("Fritsma",)
    assert m.status == "aangenomen"
    assert m.identifier == "kst-19637-2380"
    assert m.subject == "over geen arbeidskrachten van buiten de EU naar Nederland halen als beloning"
    assert m.text.startswith("aangenomen motie-Fritsma over") and m.text.endswith("nr. 2380)")


@pytest.mark.parametrize("text, name, submitters", [
    ("de motie van het lid Groothuizen c.s. waarin het kabinet wordt verzocht", "motie van het lid Groothuizen c.s.",
     ("Groothuizen",)),
    ("zoals gevraagd in de motie Van Ojik over Libië", "motie Van Ojik", ("Van Ojik",)),
    ("in lijn met de motie van de leden Verhoeven en Groothuizen, tijdens de Europese Raad",
     "motie van de leden Verhoeven en Groothuizen", ("Verhoeven", "Groothuizen")),
    ("conform de motie-Verhoeven/Groothuizen (Kamerstuk 21 501-20, nr. 1265)", "motie-Verhoeven/Groothuizen",
     ("Verhoeven", "Groothuizen")),
    ("de motie Jasper van Dijk en De Roon cs. Het kabinet", "motie Jasper van Dijk en De Roon cs.",
     ("Jasper van Dijk", "De Roon")),
    ("de motie Van der Staaij over de Sahel", "motie Van der Staaij", ("Van der Staaij",)),
])
def test_submitter_forms(text, name, submitters):
    m = one(text)
    assert (m.name, m.submitters) == (name, submitters)


def test_unnamed_motion_with_citation_and_status_after():
    m = one("Daarom is vorig jaar een motie (Kamerstuk 19 637, nr. 2321) kamerbreed aangenomen over het harder "
            "inzetten op gedwongen terugkeer.")
    assert (m.name, m.submitters, m.identifier, m.status) == ("motie", (), "kst-19637-2321", "aangenomen")
    assert m.text == "motie (Kamerstuk 19 637, nr. 2321)"
    assert m.subject == "over het harder inzetten op gedwongen terugkeer"


def test_status_ingediend_before_the_name():
    m = one("Hiermee komt het kabinet tegemoet aan de bij de Tweede Kamer ingediende motie Groothuizen c.s. waarin "
            "het kabinet wordt verzocht om jaarlijks een rapportage op te stellen.")
    assert (m.text, m.status) == ("ingediende motie Groothuizen c.s.", "ingediend")
    assert m.subject == "waarin het kabinet wordt verzocht om jaarlijks een rapportage op te stellen"


def test_unnamed_motion_with_subject_clause():
    m = one("de uitvoering van de motie om harder in te zetten op gedwongen terugkeer, laat het kabinet weten")
    assert (m.name, m.subject) == ("motie", "om harder in te zetten op gedwongen terugkeer")


@pytest.mark.parametrize("text", [
    # anaphora: the citation at the end is the letter that answered the motion, not the motion
    "uw Kamer is in de brief van 11 juni jl. geïnformeerd over het kabinetsstandpunt in reactie op de "
    "betreffende motie (Kamerstuk 19 637, nr. 2394).",
    "Deze motie leidde in 2018 tot de Verkenning.",
    "De uitvoering van moties en toezeggingen wordt bijgehouden.",  # plural: generic
    "Het kabinet heeft de motie ontvangen.",  # which motion is not said
    "In geval van irreguliere migratie om economische motieven zijn de risico's hoger.",
    "de motie. Becker zei dat",
])
def test_no_motion(text):
    assert extract_facts(text).motions == ()


def test_citation_after_another_clause_is_not_the_motions():
    text = "de motie Becker c.s. en de brief van 11 juni jl. (Kamerstuk 19 637, nr. 2394)"
    assert one(text).identifier is None


def test_motion_keeps_its_reference_among_the_references():
    facts = extract_facts("conform de motie-Verhoeven/Groothuizen (Kamerstuk 21 501-20, nr. 1265)")
    assert [r.identifier for r in facts.references] == ["kst-21501-20-1265"]
    assert facts.motions[0].identifier == "kst-21501-20-1265"


PIECES = st.sampled_from([
    "motie", "Motie", "moties", "-", " ", "motie-", "van het lid ", "van de leden ", "Becker", "Van Ojik", "Jasper",
    " van ", "Dijk", " en ", "/", ",", " c.s.", " cs.", "cs", " (", ")", "Kamerstuk 19 637, nr. 2380", "nr. 12",
    " over ", " om ", " waarin ", "aangenomen ", " kamerbreed aangenomen", "ingediende ", "betreffende ", "deze ",
    ".", "\n", "Het", "De", "É", "ë", "'", "’",
])


@given(st.lists(PIECES, max_size=25).map("".join))
@settings(max_examples=400, deadline=None)
def test_motion_spans_hold_on_motion_like_text(text):
    for m in extract_motions(text):
        assert text[m.span.start:m.span.end] == m.text
        assert m.text.endswith(m.name) or m.name in m.text


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_motions_never_raise(text):
    for m in extract_motions(text):
        assert text[m.span.start:m.span.end] == m.text
