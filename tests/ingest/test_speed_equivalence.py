"""Speed rewrites of ingestion kernels give exactly what their plain definitions give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ima.ingest.extraction import references

REFERENCE_PIECES = ["Kamerstuk ", "Kamerstukken II 2017/18, ", "19 637", ", nr. ", "nr.", "nrs. 12", "no 4",
                    "artikel 3", "art. 2a", "pagina 7", "blz. 9", "p. 3", "Postbus 20061", "2500 EH", "2015 en",
                    "2013/32/EU", "a/1", "14.00 uur", "9:30 uur", "kenmerk: 2020-0000", "ons kenmerk BZ/12",
                    "Vreemdelingenwet 2000", "wet 2019", "Asielwet", "Wet inburgering 2021", "RICHTLIJN 2013",
                    "Verdrag\t1951", "VREEMDELINGENBESLUIT", "ſwet 2020",
                    "Tweede Kamer, vergaderjaar 2019–2020, 19 637, nr. 2395", "x", "K", "K", "ſ", "7", " ", "\n",
                    "-", "/", "é", "Ab"]


@given(st.one_of(st.lists(st.sampled_from(REFERENCE_PIECES), max_size=14).map("".join), st.text(max_size=80)))
@settings(max_examples=600, deadline=None)
def test_reference_spans_are_the_single_expressions(text: str) -> None:
    expected = [(m.start(), m.end()) for m in references._REFERENCE.finditer(text)]
    assert references.reference_spans(text) == expected


SEGMENT_PIECES = ["de", "het", "migratie", "terugkeersamenwerking", "Nederland", "opvang", "in", "regio",
                  "kabinet", "landen", "EU-lidstaten", "covid-19", "2020", "nr.", "(", ")", ".", ",", "’", "-", "–",
                  "’s", "a", "xq", "zzkw", "beleid", "beeldi", "Tunesië", "Σ", "İ", "7", "/", "«", "»", ":"]


@st.composite
def glued_text(draw) -> tuple[str, frozenset[int]]:
    text = "".join(draw(st.lists(st.sampled_from(SEGMENT_PIECES), min_size=1, max_size=12)))
    spaces = draw(st.frozensets(st.integers(1, max(1, len(text) - 1)), max_size=6))
    return text, spaces


@given(st.one_of(glued_text(), st.tuples(st.text(alphabet="abenrst.-,’1é", max_size=50),
                                         st.frozensets(st.integers(1, 49), max_size=6))))
@settings(max_examples=600, deadline=None)
def test_segment_hinted_is_the_reference_dp(case: tuple[str, frozenset[int]]) -> None:
    from ima.ingest import lexicon

    text, spaces = case
    assert lexicon.segment_hinted.__wrapped__(text, spaces) == lexicon.segment_reference(text, spaces)


DATE_PIECES = ["1", "12", "2020", "1999", "31", " ", "  ", "\n", "juli", "JULI", "augustus", "maart", "jl.", "-", "–",
               ".", ",", "/", "a", "x2", "2019–2021", "tot", "(", "ſ", "K", "é"]


@given(st.lists(st.sampled_from(DATE_PIECES), max_size=16).map("".join))
@settings(max_examples=600, deadline=None)
def test_date_expressions_match_their_look_behind_forms(text: str) -> None:
    import re

    from ima.ingest.extraction import dates

    definitions = {  # the expressions as first written: look-behind first
        dates._DAY_MONTH_YEAR: re.compile(r"(?<![\w.,/])(\d{1,2})\s+" + dates._MONTH + r"\s+" + dates._YEAR, re.I),
        dates._DAY_MONTH: re.compile(r"(?<![\w.,/])(\d{1,2})\s+" + dates._MONTH
                                     + r"(?:\s+(?:jl\.|j\.l\.|jongstleden))?(?!\w)", re.I),
        dates._YEAR_RANGE: re.compile(r"(?<![\w.,/-])((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)(?![\w/]|[.,]\d)"),
    }
    for fast, plain in definitions.items():
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == \
            [(m.span(), m.groups()) for m in plain.finditer(text)]


NUMBER_PIECES = ["0", "1", "12", "123", "0.5", "26.840", "3,5", "1.7", " mln.", " miljoen", ".", ",", " ", "-", "a",
                 "/", ")", "]", "x-", "٣", "\n", "12.345,6", "05", "3. ", "2013/32"]


@given(st.lists(st.sampled_from(NUMBER_PIECES), max_size=14).map("".join))
@settings(max_examples=600, deadline=None)
def test_numeral_expression_is_its_definition(text: str) -> None:
    import re

    from ima.ingest.extraction import numbers

    plain = re.compile(numbers.NUMERAL_DEFINITION)
    assert [m.span() for m in numbers.NUMERAL.finditer(text)] == [m.span() for m in plain.finditer(text)]


@given(st.text(alphabet="abcdeDirectie ", max_size=30), st.text(alphabet="abcdeDirectie ", max_size=30))
@settings(max_examples=600, deadline=None)
def test_sidebar_similarity_is_difflibs_ratio(a: str, b: str) -> None:
    from difflib import SequenceMatcher

    from ima.ingest.furniture import _similar

    x, y = "".join(a.lower().split()), "".join(b.lower().split())
    plain = bool(x and y) and (x == y or (min(len(x), len(y)) >= 6 and SequenceMatcher(None, x, y).ratio() >= 0.8))
    assert _similar(a, b) == plain


@given(st.text(alphabet="0123456789", min_size=1, max_size=8), st.integers(1, 14), st.integers(2, 4))
@settings(max_examples=400, deadline=None)
def test_highest_fitting_page_compares_digit_multisets(digits: str, total: int, layers: int) -> None:
    from collections import Counter
    from itertools import combinations

    from ima.ingest.pages import _highest_fitting

    best = None
    for pages in combinations(range(1, total + 1), layers):
        if Counter("".join(map(str, pages))) == Counter(digits):
            best = max(best or 0, max(pages))
    assert _highest_fitting(digits, total, layers) == best


def test_fold_risks_are_every_code_point_lower_and_ignorecase_disagree_on() -> None:
    import re
    import sys

    from ima.ingest.extraction.ignorecase import FOLD_RISKS

    letter, word = re.compile(r"[a-z]", re.I), re.compile(r"\w")
    risky = [chr(cp) for cp in range(0x80, sys.maxunicode + 1)
             if len(low := chr(cp).lower()) != 1 or low.isascii() or letter.match(chr(cp))
             or bool(word.match(chr(cp))) != bool(word.match(low))]
    assert "".join(risky) == FOLD_RISKS


@given(st.lists(st.sampled_from(["Kamer", "KAMER", "kamerbrief", "toezeggen", "toegezegd", "Committeren", "zeg",
                                 "zegt", "zeggen", "zegen", "u", "U", "uw", "nu", " ", ".", "é", "İ", "ı", "ſ",
                                 "K", "x", "_", "1"]), max_size=10).map("".join))
@settings(max_examples=600, deadline=None)
def test_commitment_candidate_is_the_expression(text: str) -> None:
    from ima.ingest.extraction import commitments

    assert commitments._candidate(text) == (commitments._CANDIDATE.search(text) is not None)


@given(st.lists(st.sampled_from(["derde", "DERDE", "Kwart", "vijfde", "kst-", "KST-", "Kst", "19 637", "12\u200b345",
                                 "1234", "k", "s", "t", "-", " ", "é", "İ", "ı", "ſ", "K", "x"]), max_size=10).map("".join))
@settings(max_examples=600, deadline=None)
def test_gates_split_from_ignorecase_expressions_agree(text: str) -> None:
    from ima.ingest.extraction import counts, kamerstuk_refs
    from ima.ingest.extraction.ignorecase import holds_any

    assert holds_any(text, counts._FRACTION_NAMES, counts._FRACTION_WORDS) == \
        (counts._FRACTION_WORDS.search(text) is not None)
    split = bool(kamerstuk_refs._MAYBE_NUMBER.search(text) or holds_any(text, ("kst-",), kamerstuk_refs._MAYBE_KST))
    assert split == (kamerstuk_refs._MAYBE.search(text) is not None)


@given(st.lists(st.sampled_from(NUMBER_PIECES + ["650 .00 0", "14.00 0", " .", ". ", "9 "]), max_size=12).map("".join))
@settings(max_examples=400, deadline=None)
def test_broken_numeral_hint_is_its_definition(text: str) -> None:
    import re

    from ima.ingest.extraction import numbers

    plain = re.compile(r"\d \.\d|\.\d{1,2} \d")
    assert [m.span() for m in numbers._BROKEN_HINT.finditer(text)] == [m.span() for m in plain.finditer(text)]


@given(st.lists(st.sampled_from(["EU", "VN", "IOM", "ABCDEFG", "-", "- ", " ", "lidstaten", "x", "_", "é", "’s",
                                 "a", "Z"]), max_size=12).map("".join))
@settings(max_examples=400, deadline=None)
def test_inline_hyphen_expression_is_its_definition(text: str) -> None:
    import re

    from ima.ingest import hyphenation

    plain = re.compile(hyphenation._INLINE_DEFINITION)
    assert [(m.span(), m.groups()) for m in hyphenation._INLINE.finditer(text)] == \
        [(m.span(), m.groups()) for m in plain.finditer(text)]
