"""Dutch and English words, dates and numbers of the report."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ima.report.labels import _LABELS, Labels


def test_every_label_has_both_languages_with_the_same_placeholders() -> None:
    import string

    for key, (nl, en) in _LABELS.items():
        assert nl and en, key
        fields = lambda text: sorted(f for _, f, _, _ in string.Formatter().parse(text) if f)  # noqa: E731
        assert fields(nl) == fields(en), key


@pytest.mark.parametrize(("lang", "value", "text"), [
    ("nl", 1750, "1.750"), ("en", 1750, "1,750"), ("nl", 3.5, "3,5"), ("en", 0.25, "0.25"),
    ("nl", 26840, "26.840"), ("nl", -4, "-4"), ("nl", 1234567.5, "1.234.567,5"),
])
def test_numbers(lang: str, value: float, text: str) -> None:
    assert Labels(lang).number(value) == text


@pytest.mark.parametrize(("lang", "value", "text"), [
    ("nl", 140e6, "EUR 140 miljoen"), ("en", 140e6, "EUR 140 million"), ("nl", 6e9, "EUR 6 miljard"),
    ("nl", 1.5e9, "EUR 1,5 miljard"), ("en", 20_000, "EUR 20,000"), ("nl", 118e6, "EUR 118 miljoen"),
])
def test_amounts(lang: str, value: float, text: str) -> None:
    assert Labels(lang).amount(value, "EUR") == text


def test_dates_and_unknown_date() -> None:
    assert Labels("nl").date(dt.date(2020, 7, 10)) == "10 juli 2020"
    assert Labels("en").date(dt.date(2021, 1, 11)) == "11 January 2021"
    assert Labels("nl").date(None) == "onbekend"


def test_statuses_and_pillars_translate() -> None:
    nl, en = Labels("nl"), Labels("en")
    assert (nl.status("aangenomen"), en.status("aangenomen")) == ("aangenomen", "adopted")
    assert (nl.status(None), en.status("fulfilled")) == ("niet vermeld", "fulfilled")
    assert nl.status("iets anders") == "iets anders"
    assert (nl.pillar_title(4), en.pillar_title(4)) == ("Minder illegaliteit, meer terugkeer",
                                                       "Less irregular stay, more return")


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="nl or en"):
        Labels("fr")


@given(st.integers(min_value=-10**12, max_value=10**12), st.sampled_from(["nl", "en"]))
def test_whole_numbers_read_back(value: int, lang: str) -> None:
    text = Labels(lang).number(value)
    group = "." if lang == "nl" else ","
    assert int(text.replace(group, "")) == value
    assert all(len(part) == 3 for part in text.lstrip("-").split(group)[1:])
