"""References to other Kamerstukken: the metadata parser's identifiers, with spans in the original text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from ima.ingest.extraction import extract_facts, extract_references
from ima.ingest.extraction.kamerstuk_refs import normalise_with_offsets
from ima.ingest.metadata.references import normalise_text


@pytest.mark.parametrize("text, identifier, cited", [
    ("aan uw Kamer gestuurd (Kamerstuk 34 952, nr. 1).", "kst-34952-1", "Kamerstuk 34 952, nr. 1"),
    ("Kamerstukken II 2019/20, 28638, nr. 176.", "kst-28638-176", "Kamerstukken II 2019/20, 28638, nr. 176"),
    ("conform de motie (Kamerstuk 21 501-20, nr. 1265)", "kst-21501-20-1265", "Kamerstuk 21 501-20, nr. 1265"),
    ("de begroting (Kamerstuk 35 300 VI, nr. 37)", "kst-35300-VI-37", "Kamerstuk 35 300 VI, nr. 37"),
    ("zie kst-19637-2395 voor het verslag", "kst-19637-2395", "kst-19637-2395"),
    ("Kamerstukken 34 482 en 34 585, B", "kst-34482-B", "Kamerstukken 34 482 en 34 585, B"),
    ("zie Kamerstuk 32317-973", "kst-32317-973", "Kamerstuk 32317-973"),
])
def test_citation_forms(text, identifier, cited):
    refs = extract_facts(text).references
    assert [(r.identifier, r.text) for r in refs] == [(identifier, cited)]
    assert text[refs[0].span.start:refs[0].span.end] == cited


def test_spans_survive_whitespace_runs_and_odd_spaces():
    text = "gelet op  de motie (Kamerstuk\n 19\u00a0637,   nr.\t2380) en Kamerstuk 19 637, nr. 2394"
    refs = extract_references(text)
    assert [r.identifier for r in refs] == ["kst-19637-2380", "kst-19637-2394"]
    assert refs[0].text == "Kamerstuk\n 19\u00a0637,   nr.\t2380"
    for r in refs:
        assert text[r.span.start:r.span.end] == r.text


def test_dossier_number_split_by_odd_spaces_is_found():
    text = "(Kamerstuk 19\u00a0\u200b 637,\n nr. 2380)"
    assert [r.identifier for r in extract_references(text)] == ["kst-19637-2380"]


def test_several_numbers_share_the_span_of_their_citation():
    refs = extract_references("Kamerstuk 21 501-20, nrs. 12 en 13")
    assert [r.identifier for r in refs] == ["kst-21501-20-12", "kst-21501-20-13"]
    assert refs[0].span == refs[1].span


@pytest.mark.parametrize("text", ["in 2019 kwamen 32 500 migranten, 12 procent", "Postbus 20301, 2500 EH", ""])
def test_no_reference(text):
    assert extract_references(text) == []


TEXTISH = st.text(alphabet=st.sampled_from(list("0123456789 ,.-–\u00a0\u2009\n\tIVXnrsKamestuk()AB")), max_size=80)


@given(TEXTISH)
@settings(max_examples=400, deadline=None)
def test_normalisation_is_the_parsers(text):
    norm, offsets = normalise_with_offsets(text)
    assert norm == normalise_text(text)
    assert len(offsets) == len(norm) + 1


@given(st.lists(st.sampled_from(["Kamerstuk ", "Kamerstukken II 2017/18, ", "19 637", "19637", ", nr. ", "nrs. ",
                                 "2395", " en ", "30 573", " VI", "-20", "\n", "  ", "\u00a0", "–", "(", ")", "kst-",
                                 "B", "12", "."]), max_size=20).map("".join))
@settings(max_examples=400, deadline=None)
def test_reference_spans_hold(text):
    for r in extract_references(text):
        assert text[r.span.start:r.span.end] == r.text
        assert r.identifier.startswith("kst-")


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_references_never_raise(text):
    for r in extract_references(text):
        assert text[r.span.start:r.span.end] == r.text
