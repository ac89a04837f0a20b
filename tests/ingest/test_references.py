"""Citation parser: every written form of a Kamerstuk citation -> one canonical identifier."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ima.ingest.metadata.references import (
    citation_identifiers,
    find_references,
    find_urls,
    parse_citations,
    parse_handelingen,
    parse_identifier,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kamerstukken II 2017/18, 19637, nr. 2375", ("kst-19637-2375",)),
        ("Kamerstuk 19 637, nr. 2395", ("kst-19637-2395",)),
        ("19 637 en 30 573, nr. 2395", ("kst-19637-2395",)),
        ("35 300 VI, nr. 37", ("kst-35300-VI-37",)),
        ("Kamerstuk 32317-973", ("kst-32317-973",)),
        ("Kamerstukken 34 482 en 34 585, B", ("kst-34482-B",)),
        ("Kamerstukken I 2020/21, 35 300 VI, F", ("kst-35300-VI-F",)),
        ("Zie ook Kamerstuk 21 501–20, nr. 1281", ("kst-21501-20-1281",)),
        ("Kamerstukken 19 637 en 30 573, 2386", ("kst-19637-2386",)),
        ("Kamerstuk 2017/18, 34952, nr. 1", ("kst-34952-1",)),
        ("Kamerstukken II 2019/20, 19                     637   , nr. 2623.", ("kst-19637-2623",)),
        ("Kamerstukken II 2018/19, 35000 VI, nr. 59, gewijzigd onder nr. 78.", ("kst-35000-VI-59", "kst-35000-VI-78")),
        ("Kamerstuk 19 637, nrs. 12 en 13", ("kst-19637-12", "kst-19637-13")),
        ("zie kst-21501-04-208 en kst-30573-J", ("kst-21501-04-208", "kst-30573-J")),
        ("de brief (Kamerstuk 19 637, nr. 2394) van 12 juni", ("kst-19637-2394",)),
        ("Kamerstuk 19 637, nr. 2395 en 12 juni", ("kst-19637-2395",)),
        ("Er waren 12 345 mensen, 20 meer dan in 2019.", ()),
        ("In 2018 kwamen 65 000 migranten, nr. onbekend", ()),
    ],
)
def test_written_forms(text: str, expected: tuple[str, ...]) -> None:
    assert citation_identifiers(text) == expected


def test_citation_details() -> None:
    [c] = parse_citations("Kamerstukken II 2017/18, 19 637 en 30 573, nr. 2395")
    assert c.identifier == "kst-19637-2395"
    assert c.year == "2017-2018"
    assert c.dossiers == ("19637", "30573")
    assert c.ref.identifier == "kst-19637-2395"


def test_handelingen_and_urls() -> None:
    assert parse_handelingen("Handelingen II 2014/15, nr. 101, item 8") == ["h-tk-20142015-101-8"]
    assert find_urls("zie https://ec.europa.eu/x/ip_20_2291. en (www.rijksoverheid.nl/jenv)") == [
        "https://ec.europa.eu/x/ip_20_2291", "https://www.rijksoverheid.nl/jenv"]
    assert find_references("Kamerstuk 19 637, nr. 2394; zie https://a.nl/b") == ("kst-19637-2394", "https://a.nl/b")


def test_parse_identifier() -> None:
    ref = parse_identifier("kst-35300-VI-37")
    assert (ref.dossier, ref.number) == ("35300-VI", "37")
    assert parse_identifier("kst-19637-2395").identifier == "kst-19637-2395"
    assert parse_identifier("kst-30573-J").number == "J"
    assert parse_identifier("stb-2019-143") is None


# --- property-based -------------------------------------------------------------------

ROMANS = ["I", "II", "IIA", "III", "IV", "V", "VI", "VII", "VIII", "IX", "IXB", "X", "XII", "XIII", "XIV", "XV",
          "XVI", "XVII", "XVIII", "XIX", "XX"]
EK_LETTERS = list("ABCDEFGHJ")


@st.composite
def citations(draw):
    dossier = draw(st.integers(10000, 99999))
    toevoeging = draw(st.one_of(st.none(), st.sampled_from(ROMANS), st.integers(1, 99).map(lambda n: f"{n:02d}")))
    number = draw(st.one_of(st.integers(1, 4999).map(str), st.sampled_from(EK_LETTERS)))
    year = draw(st.integers(1995, 2030))
    other = draw(st.integers(10000, 99999))
    d = str(dossier)
    spaced = f"{d[:2]} {d[2:]}"
    d_fmt = draw(st.sampled_from([d, spaced]))
    if toevoeging is None:
        t_fmt = ""
    elif toevoeging.isdigit():
        t_fmt = draw(st.sampled_from([f"-{toevoeging}", f"–{toevoeging}"]))
    else:
        t_fmt = draw(st.sampled_from([f" {toevoeging}", f"-{toevoeging}"]))
    nr = f"nr. {number}" if number.isdigit() else draw(st.sampled_from([number, f"nr. {number}"]))
    yr = f"{year}/{(year + 1) % 100:02d}"
    forms = [
        f"Kamerstukken II {yr}, {d_fmt}{t_fmt}, {nr}",
        f"Kamerstukken I {yr}, {d_fmt}{t_fmt}, {nr}",
        f"Kamerstuk {d_fmt}{t_fmt}, {nr}",
        f"Kamerstuk {yr}, {d_fmt}{t_fmt}, {nr}",
        f"kst-{d}{'-' + toevoeging if toevoeging else ''}-{number}",
    ]
    if number.isdigit():
        forms.append(f"{d_fmt}{t_fmt}, nr. {number}")
        forms.append(f"Kamerstuk {d}{'-' + toevoeging if toevoeging else ''}-{number}")
        if toevoeging is None:
            o = str(other)
            forms.append(f"{d_fmt} en {o[:2]} {o[2:]}, nr. {number}")
    form = draw(st.sampled_from(forms))
    before = draw(st.sampled_from(["", "Zie ", "(", "zie ook de brief van 12 juni 2018 ("]))
    after = draw(st.sampled_from(["", ".", ")", "), waarin", "; en verder"]))
    expected = f"kst-{d}{'-' + toevoeging if toevoeging else ''}-{number}"
    return before + form + after, expected


@settings(max_examples=400, deadline=None)
@given(citations())
def test_every_form_gives_the_canonical_identifier(case) -> None:
    text, expected = case
    assert citation_identifiers(text) == (expected,), text


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_text_never_raises(text: str) -> None:
    parse_citations(text)
    find_references(text)
    parse_identifier(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789 ,.-–/IVXnrKamestuk en", max_size=60))
def test_citation_like_noise_never_raises(text: str) -> None:
    for c in parse_citations(text):
        assert c.identifier.startswith("kst-")
