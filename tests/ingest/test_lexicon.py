"""The Dutch lexicon: the fast segmenter must give exactly the reference segmentation."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ima.ingest import lexicon

WORDS = ["de", "het", "migratie", "terugkeersamenwerking", "Nederland", "vluchtelingen", "opvang", "in",
         "regio", "kabinet", "met", "landen", "gesprekken", "tussen", "Europese", "Commissie", "en", "Turkse"]


@st.composite
def glued(draw) -> tuple[str, frozenset[int]]:
    text = "".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8)))
    noise = draw(st.lists(st.tuples(st.integers(0, 200), st.sampled_from("abcdeklmnorst.,’-1")), max_size=4))
    chars = list(text)
    for pos, ch in noise:
        chars.insert(pos % (len(chars) + 1), ch)
    text = "".join(chars)
    spaces = draw(st.frozensets(st.integers(1, max(1, len(text) - 1)), max_size=5))
    return text, spaces


@settings(max_examples=300, deadline=None)
@given(glued())
def test_fast_segmentation_equals_reference(case: tuple[str, frozenset[int]]) -> None:
    text, spaces = case
    assert lexicon.segment_hinted.__wrapped__(text, spaces) == lexicon.segment_reference(text, spaces)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=40))
def test_segmentation_keeps_every_character(text: str) -> None:
    text = "".join(text.split())
    assert lexicon.segment_hinted(text).replace(" ", "") == text


def test_glued_words_are_split() -> None:
    assert lexicon.segment_hinted("terugkeersamenwerkingmetMarokko") == "terugkeersamenwerking met Marokko"
