"""Dutch numerals, number words, scale words and their round trip through the Dutch format."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st

from ima.ingest.extraction.numbers import find_numbers, format_dutch, parse_number, parse_numeral, word_value


@pytest.mark.parametrize("text, value", [
    ("26.840", "26840"), ("3,5", "3.5"), ("12.345,6", "12345.6"), ("1.750", "1750"), ("90", "90"),
    ("1.000.000", "1000000"), ("0,25", "0.25"),
])
def test_parse_numeral(text, value):
    assert parse_numeral(text) == Decimal(value)


@pytest.mark.parametrize("text", ["12.34.5", "abc", "1,2,3", ""])
def test_parse_numeral_refuses_non_numbers(text):
    assert parse_numeral(text) is None


@pytest.mark.parametrize("text, value", [
    ("3,5 mln.", "3500000"), ("6 miljard", "6000000000"), ("4,4 miljard", "4400000000"), ("140 mln.", "140000000"),
    ("13 duizend", "13000"), ("1.7 miljoen", "1700000"), ("118 miljoen", "118000000"), ("50 mln", "50000000"),
    ("drie", "3"), ("vijfentwintig", "25"), ("tweeëntwintig", "22"), ("tweehonderd", "200"), ("duizend", "1000"),
    ("zes miljoen", "6000000"),
])
def test_parse_number_with_scale_and_words(text, value):
    assert parse_number(text) == Decimal(value)


def test_een_is_the_article_not_a_number():
    assert word_value("een") is None
    assert word_value("één") == 1
    assert word_value("derde") is None


@pytest.mark.parametrize("text", ["consensus1", "capita.2 Door", "jl.4", "2013/32/EU", "A2", "COVID-19", "(…)5"])
def test_footnote_calls_and_identifier_digits_are_not_numbers(text):
    assert find_numbers(text) == []


@pytest.mark.parametrize(("text", "value"), [
    ("circa 650 .00 0 vaccinaties", 650_000), ("van circa 14.00 0 tot", 14_000), ("bijna 65.0 00 personen", 65_000)])
def test_grouped_numeral_broken_apart_by_ocr_is_read_whole(text, value):
    assert [t.value for t in find_numbers(text)] == [value]


def test_a_space_right_after_a_dot_ends_the_number():
    assert [t.value for t in find_numbers("zie artikel 3. 100 personen")][:1] == [3]


@given(st.integers(min_value=1000, max_value=10**9), st.data())
@settings(deadline=None)
def test_ocr_spaces_inside_a_grouped_numeral_keep_its_value(value, data):
    written = format_dutch(Decimal(value))
    # read whole: spaces before a dot or between the digits of a group after a dot, never right after
    # a dot; the leading group stays as written ("1 0.000" may be two numbers)
    first_dot = written.index(".")
    slots = [i for i in range(1, len(written))
             if written[i] == "." or (i > first_dot and written[i - 1] != ".")]
    chosen = data.draw(st.sets(st.sampled_from(slots), min_size=1, max_size=2))
    broken = "".join((" " if i in chosen else "") + c for i, c in enumerate(written))
    tokens = find_numbers(f"ruim {broken} personen")
    assert [t.value for t in tokens] == [value], broken


@given(st.decimals(min_value=0, max_value=10**12, places=0, allow_nan=False, allow_infinity=False))
@settings(deadline=None)
def test_round_trip_grouped_integers(value):
    assert parse_number(format_dutch(value)) == value


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
@settings(deadline=None)
def test_round_trip_decimals(value):
    text = format_dutch(value, 2)
    assert "," in text
    assert parse_number(text) == value


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=9),
       st.sampled_from([("mln.", 6), ("miljoen", 6), ("miljard", 9), ("mld.", 9)]))
@settings(deadline=None)
def test_round_trip_scaled(units, tenth, scale):
    word, power = scale
    text = f"{units},{tenth} {word}" if tenth else f"{units} {word}"
    expected = (Decimal(units) + Decimal(tenth) / 10) * Decimal(10) ** power
    assert parse_number(text) == expected
    currency = parse_number(f"EUR {text}")
    assert currency is None  # a currency makes it money, not a bare number (see test_facts_quantities)
