"""spelling: OCR-confusion and edit-distance candidates with a confidence threshold."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from wordfreq import top_n_list

from ima.ingest import lexicon
from ima.ingest.spelling import case_like, correct, join_split, split_glued


def test_ocr_confusions_become_the_known_word():
    for seen, right in [("Tunesié", "Tunesië"), ("financiéle", "financiële"), ("codrdinatie", "coördinatie"),
                        ("gecreéerd", "gecreëerd"), ("Jordanié", "Jordanië"), ("INDONESIé", "INDONESIË")]:
        fix = correct(seen)
        assert fix is not None and fix.after == right, seen
        assert "known word" in fix.reason and "zipf" in fix.reason


def test_known_words_and_names_are_never_changed():
    for word in ("café", "Klashorst", "Faber", "Oeganda", "kennisgenomen", "terugkeerhubs", "DTenV", "idee"):
        assert correct(word) is None, word


def test_edit_distance_needs_a_clear_winner():
    fix = correct("sprekken")
    assert fix is not None and fix.after == "spreken"
    assert fix.reason.startswith("edit distance 1, zipf")
    assert correct("sprekken", edits=False) is None  # only OCR confusions without edits
    assert correct("Sprekken") is None  # capitalised: could be a name
    assert correct("xqzvw") is None  # nothing near enough
    assert correct("bier") is None  # short and known


def test_glued_and_split_words():
    glued = split_glued("vanhet")
    assert glued is not None and glued.after == "van het"
    assert split_glued("partnerlanden") is None  # a compound of content words
    assert split_glued("terugkeerhubs") is None
    joined = join_split("migra", "tie")
    assert joined is not None and joined.after == "migratie"
    assert join_split("de", "regio") is None  # two words
    assert join_split("Nederland", "en") is None


def test_case_like():
    assert case_like("TUNESIé", "tunesië") == "TUNESIË"
    assert case_like("Tunesié", "tunesië") == "Tunesië"
    assert case_like("a", "b") == "b"


COMMON = [w for w in top_n_list("nl", 5000) if w.isalpha() and lexicon.is_word(w)]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(COMMON), st.sampled_from(["lower", "title"]))
def test_a_valid_word_is_never_corrected(word, case):
    word = word.title() if case == "title" else word
    assert correct(word) is None
    assert split_glued(word.lower()) is None or not lexicon.listed(word)
