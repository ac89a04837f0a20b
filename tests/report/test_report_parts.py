"""Quotes are shortened at sentence ends; a fact's sentence is the one that holds it."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from ima.domain.record import FactRecord
from ima.services.report_parts import shorten, sentence_of

SENTENCES = st.lists(st.text(alphabet="abcdefgh ijk", min_size=1, max_size=60).map(str.strip).filter(bool)
                     .map(lambda s: s[0].upper() + s[1:] + "."), min_size=1, max_size=30)


def test_short_text_is_kept_whole_with_whitespace_collapsed() -> None:
    assert shorten("Een  korte\nzin.") == ("Een korte zin.", False)


def test_long_text_is_cut_after_a_whole_sentence() -> None:
    text = "Eerste zin is hier. " * 10 + "Laatste zin."
    cut, shortened = shorten(text, 100)
    assert shortened and cut.endswith("hier.") and len(cut) <= 100


@given(SENTENCES, st.integers(min_value=20, max_value=400))
def test_shortened_is_a_prefix_within_the_limit(sentences: list[str], limit: int) -> None:
    text = " ".join(" ".join(sentences).split())
    cut, shortened = shorten(text, limit)
    assert text.startswith(cut) and len(cut) <= limit and cut
    assert shortened == (len(text) > limit)


def _fact(passage: str, needle: str) -> FactRecord:
    start = passage.index(needle)
    return FactRecord(1, "t", dt.date(2020, 1, 1), 1, False, 0, "count", None, 1.0, None, None, None, None, None,
                      needle, start, start + len(needle), passage, {})


def test_sentence_of_a_fact() -> None:
    passage = "In 2019 lag het aantal op 32.500. Dat is bijna 50% minder. Ook Marokko werkt mee."
    assert sentence_of(_fact(passage, "bijna 50%")) == "Dat is bijna 50% minder."
    assert sentence_of(_fact(passage, "32.500")) == "In 2019 lag het aantal op 32.500."
    assert sentence_of(_fact(passage, "Marokko")) == "Ook Marokko werkt mee."


def test_place_names_in_both_languages() -> None:
    from ima.services.report_parts import place_name

    assert (place_name("MAR", "nl"), place_name("MAR", "en")) == ("Marokko", "Morocco")
    assert place_name("horn-of-africa", "en") == "Horn of Africa"
    assert place_name("horn-of-africa", "nl") == "Hoorn van Afrika"


def test_kamerstuk_dossiers_are_printed_with_a_space() -> None:
    from ima.services.report_parts import dossier_number

    assert [dossier_number(d) for d in ("19637", "21501-20", "350", "36 045")] == \
        ["19 637", "21 501-20", "350", "36 045"]


def test_money_ranges_keep_their_currency() -> None:
    from ima.report.labels import Labels
    from ima.report.model import Citation, FigureLine, SourceDocument
    from ima.report.render import figure_value

    citation = Citation(SourceDocument(1, "t", None, "letter"), 1)
    line = FigureLine("money", 7000.0, 7000.0, 8000.0, "USD", "tussen", None, "tussen USD 7.000 en USD 8.000", "",
                      citation)
    assert figure_value(line, Labels("nl")) == "tussen USD 7.000–8.000"
