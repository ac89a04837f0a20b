"""Properties of extract_facts: never raises, and every span points at its text."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from ima.ingest.extraction import extract_facts

PIECES = st.sampled_from([
    "EUR ", "USD ", "€", "$", " mln.", " miljoen", " miljard", " duizend", "26.840", "3,5", "1.7", "90", "%",
    " procent", "circa ", "ruim ", "bijna ", "tussen ", " en ", " tot ", "-", "–", " vluchtelingen", " Syriërs",
    "Marokko", "Tunesié", "Niger", "Nigeria", "Hoorn van Afrika", "IND", "DT&V", "EU", " 10 juli 2020", " maart",
    " 2018", "(2016)", " jl.", " per jaar", " in 2029", "twee derde", "drie", "één", "nr. ", "Kamerstuk 19 637, ",
    " ", "\n", ".", ",", "(", ")", "/", "0", "9", "ë", "é", "İ", "ﬁ", "’", "a", "Z",
])


def check(text: str) -> None:
    facts = extract_facts(text)
    for mention in facts:
        assert text[mention.span.start:mention.span.end] == mention.text, mention


@given(st.lists(PIECES, max_size=30).map("".join))
@settings(max_examples=400, deadline=None)
def test_spans_hold_on_corpus_like_text(text):
    check(text)


@given(st.text(max_size=200))
@settings(max_examples=300, deadline=None)
def test_never_raises_on_arbitrary_text(text):
    check(text)


def test_facts_of_a_passage_group_every_kind():
    text = ("Tussen 4 maart 2016 en 1 april 2020 zijn circa 26.840 Syrische vluchtelingen via UNHCR hervestigd; "
            "de FRIT van EUR 6 miljard; een daling van 90%.")
    facts = extract_facts(text)
    assert [m.code for m in facts.countries] == ["SYR"]
    assert [m.id for m in facts.organisations] == ["unhcr", "frit"]
    assert [m.text for m in facts.amounts] == ["EUR 6 miljard"]
    assert [m.text for m in facts.counts] == ["circa 26.840 Syrische vluchtelingen"]
    assert [m.text for m in facts.percentages] == ["90%"]
    assert [m.iso for m in facts.dates] == ["2016-03-04/2020-04-01"]
    assert len(facts) == 7
    assert extract_facts("") == type(facts)()
