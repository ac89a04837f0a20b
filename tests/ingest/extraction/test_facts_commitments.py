"""Commitments to parliament: the promising sentence, its kind and status, and the promised moment."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from ima.domain.facts import CommitmentMention
from ima.ingest.extraction import extract_commitments, extract_facts
from ima.ingest.extraction.commitments import sentences
from ima.ingest.extraction.moments import find_moment

JUNE_2018 = dt.date(2018, 6, 14)


def one(text: str, date: dt.date | None = JUNE_2018) -> CommitmentMention:
    found = extract_facts(text, document_date=date).commitments
    assert len(found) == 1, found
    assert text[found[0].span.start:found[0].span.end] == found[0].text
    return found[0]


@pytest.mark.parametrize("text, due_text, due, relation", [
    ("Uw Kamer wordt hierover nog voor het zomerreces door de Minister van Sociale Zaken en Werkgelegenheid per "
     "brief geïnformeerd.", "nog voor het zomerreces", "zomerreces 2018", "before"),
    ("Voor het zomerreces wordt uw Kamer nader geïnformeerd over de aanpak.", "Voor het zomerreces",
     "zomerreces 2018", "before"),
    ("Naar verwachting wordt uw Kamer daarover in het najaar nader geïnformeerd.", "in het najaar",
     "2018-09/2018-11", "in"),
    ("Uw Kamer zal daar spoedig over worden geïnformeerd.", "spoedig", None, "soon"),
    ("Zoals aangegeven in de brief van 8 juni jl. zal uw Kamer in de tweede helft van 2018 uitgebreider worden "
     "geïnformeerd.", "in de tweede helft van 2018", "2018-07/2018-12", "in"),
    ("Uw Kamer ontvangt dit rapport nog voor het zomerreces.", "nog voor het zomerreces", "zomerreces 2018",
     "before"),
    ("Over de kabinetsinzet ten aanzien van andere landen wordt uw Kamer nog nader geïnformeerd.", None, None, None),
    ("Ik zal uw Kamer in het najaar informeren over de voortgang.", "in het najaar", "2018-09/2018-11", "in"),
    ("Het wetsvoorstel zal begin 2019 aan uw Kamer worden toegezonden.", "begin 2019", "2019-01/2019-04", "in"),
    ("Een kabinetsappreciatie zal uw Kamer toekomen zodra de finale teksten beschikbaar zijn.",
     "zodra de finale teksten beschikbaar zijn", None, "when"),
    ("Het kabinet zal uw Kamer voor de zomer een brief sturen.", "voor de zomer", "2018-06/2018-08", "before"),
])
def test_inform_parliament_with_promised_moment(text, due_text, due, relation):
    c = one(text)
    assert (c.kind, c.status, c.due_text, c.due, c.due_relation) == ("inform parliament", "made", due_text, due,
                                                                     relation)
    assert c.text == text


def test_yearly_report():
    c = one("Het kabinet zal uw Kamer jaarlijks informeren over de voortgang per pijler.")
    assert (c.kind, c.due, c.due_relation) == ("report yearly", "R/P1Y", "every")


def test_moment_year_follows_the_document_date():
    text = "Uw Kamer wordt voor het zomerreces geïnformeerd."
    assert one(text, dt.date(2018, 10, 1)).due == "zomerreces 2019"  # the summer recess of 2018 is past
    assert one(text, None).due == "zomerreces"  # no date: the moment keeps its name only
    assert one("Uw Kamer wordt in het najaar nader geïnformeerd.", None).due is None


@pytest.mark.parametrize("text, kind, status", [
    ("Uw Kamer is toegezegd dat hierover desgewenst een vertrouwelijke technische briefing kan worden gegeven.",
     "inform parliament", "recalled"),
    ("Met deze brief hebben wij inzicht gegeven in de beleidsagenda, conform de toezegging van 15 mei jl. aan uw "
     "Kamer.", "inform parliament", "fulfilled"),
    ("Het kabinet committeert zich aan consequente monitoring en waar relevant onafhankelijke evaluatie.",
     "do", "made"),
    ("In februari 2020 heb ik de heer Groothuizen tijdens het Algemeen Overleg de toezegging gedaan het plan te "
     "bestuderen.", "do", "recalled"),
    ("Ik zeg uw Kamer toe dat ik de gevolgen zal laten onderzoeken.", "do", "made"),
])
def test_explicit_promise_words(text, kind, status):
    c = one(text)
    assert (c.kind, c.status) == (kind, status)


def test_a_moment_before_the_promise_words_is_when_it_was_made():
    c = one("In februari 2020 heb ik de heer Groothuizen de toezegging gedaan het plan te bestuderen.")
    assert c.due is None and c.due_text is None


@pytest.mark.parametrize("text", [
    # questions of members (part I of a written consultation)
    "Kan het kabinet de Kamer informeren over de samenwerking met de landen in de ring rondom Europa?",
    "Deze leden vragen op welke termijn het kabinet dit onderzoek verwacht op te leveren en wanneer de Kamer over "
    "de resultaten zal worden geïnformeerd.",
    "Zij vragen het kabinet wanneer de beleidsnota naar de Kamer gestuurd zal worden.",
    "Ook ontvangen voornoemde leden graag een reactie op de andere voorstellen, zoals is toegezegd.",
    # the past, and letters already sent or this one
    "De Tweede Kamer is bij brief van 14 oktober 2019 geïnformeerd over de voortgang.",
    "In de brief van 11 juni jl. wordt uw Kamer naar aanleiding van de motie verder geïnformeerd.",
    "Met deze brief wordt uw Kamer geïnformeerd over de stand van zaken.",
    # generic pledges, pledges to the EU, and what a motion asks
    "Er zijn meer dan 1000 bijdragen en toezeggingen gedaan door landen en het bedrijfsleven.",
    "Het is inderdaad van belang dat het aantal toezeggingen op het gebied van hervestiging toeneemt.",
    "In EU-verband heeft het kabinet reeds toegezegd om tot en met oktober 2019 zo'n 3.000 vluchtelingen te "
    "hervestigen.",
    "Ook Nederland committeerde zich aan meerjarige steun voor de regio.",
    "de motie Groothuizen c.s. waarin het kabinet wordt verzocht om jaarlijks een rapportage op te stellen.",
    # hedged and merely aimed at, not promised to parliament
    "Naar verwachting kan het wetsvoorstel voor het einde van dit jaar bij uw Kamer worden ingediend.",
    "Het streven is dat de meest geschikte partij voor de zomer wordt geselecteerd.",
    "Het kabinet zal het nieuwe verdrag in zijn geheel beoordelen.",
    "Het kabinet kan geen toezegging doen over de uitkomst.",
])
def test_not_a_commitment(text):
    assert extract_facts(text, document_date=JUNE_2018).commitments == ()


def test_one_commitment_per_sentence_in_a_passage():
    text = ("Ten aanzien van de onderzoeksvraag kan worden gemeld dat deze thans wordt uitgewerkt. Uw Kamer zal daar "
            "spoedig over worden geïnformeerd. Het streven is dat de partij voor de zomer wordt geselecteerd.")
    c = one(text)
    assert c.text == "Uw Kamer zal daar spoedig over worden geïnformeerd."


def test_sentences_do_not_split_after_abbreviations():
    text = "Zie Kamerstuk 19 637, nr. 2380. De motie Becker c.s. Verhoeven zei het. Klaar"
    assert [text[s:e] for s, e in sentences(text)] == [
        "Zie Kamerstuk 19 637, nr. 2380.", "De motie Becker c.s. Verhoeven zei het.", "Klaar"]


@pytest.mark.parametrize("phrase, due", [
    ("voor het kerstreces", "kerstreces 2018"), ("voor het einde van dit jaar", "2018-12-31"),
    ("voor 1 september", "2018-09-01"), ("in het najaar van 2020", "2020-09/2020-11"),
    ("medio 2019", "2019-05/2019-08"),
    ("in het eerste kwartaal van 2019", "2019-01/2019-03"), ("halfjaarlijks", "R/P6M"), ("volgend jaar", None),
])
def test_moments(phrase, due):
    moment = find_moment(phrase, JUNE_2018)
    if due is None:  # "volgend jaar" needs a preposition before it to be a promised moment
        assert moment is None
    else:
        assert moment is not None and moment.due == due and moment.text == phrase


def test_a_past_date_is_no_promised_moment():
    assert find_moment("de brief van 8 juni jl.", JUNE_2018) is None


PIECES = st.sampled_from([
    "Uw Kamer", "uw Kamer", "de Kamer", " zal ", " wordt ", " worden ", " zullen ", "geïnformeerd", " informeren",
    " toekomen", " ontvangt ", " nog ", " nader ", "voor het zomerreces", "in het najaar", " begin 2021", "jaarlijks",
    "spoedig", "zodra ", "toegezegd", "toezegging", " conform de ", " committeert zich aan", "Het kabinet", "Ik",
    " zeg ", " toe", "?", ".", ". ", "\n\n", ",", " leden ", " vragen ", "brief van 8 juni jl.", "c.s.", "nr.",
    " ", "a", "É", "1 september", " van ", "2020",
])


@given(st.lists(PIECES, max_size=30).map("".join), st.sampled_from([None, JUNE_2018, dt.date(2021, 12, 31)]))
@settings(max_examples=400, deadline=None)
def test_commitment_spans_hold_on_commitment_like_text(text, date):
    for c in extract_commitments(text, date):
        assert text[c.span.start:c.span.end] == c.text
        assert c.due_text is None or c.due_text in c.text


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_commitments_never_raise(text):
    for c in extract_commitments(text, JUNE_2018):
        assert text[c.span.start:c.span.end] == c.text
    for s, e in sentences(text):
        assert 0 <= s < e <= len(text)
