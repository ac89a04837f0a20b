"""Money, counts and percentages in the forms the corpus writes them (issue 4, BRIEF §2)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st

from ima.ingest.extraction import extract_facts
from ima.ingest.extraction.numbers import format_dutch


def one(items):
    assert len(items) == 1, items
    return items[0]


@pytest.mark.parametrize("text, currency, value, scale", [
    ("De FRIT van in totaal EUR 6 miljard komt ten goede aan", "EUR", "6000000000", "miljard"),
    ("zegde een extra bijdrage van USD 4,4 miljard toe", "USD", "4400000000", "miljard"),
    ("zegden de EU-lidstaten in oktober 2018 EUR 140 mln. toe", "EUR", "140000000", "mln."),
    ("is 522 miljoen Amerikaanse dollar geraamd", "USD", "522000000", "miljoen"),
    ("dat er 1,4 miljard euro naar buitenlandse aandeelhouders gaat", "EUR", "1400000000", "miljard"),
    ("een bedrag van € 20 miljoen voor re-integratie", "EUR", "20000000", "miljoen"),
])
def test_money(text, currency, value, scale):
    amount = one(extract_facts(text).amounts)
    assert (amount.currency, amount.value, amount.scale) == (currency, Decimal(value), scale)
    assert extract_facts(text).counts == ()


def test_money_with_qualifier_period_and_year():
    text = "op basis van de voorjaarsbesluitvorming oplopend tot 118 miljoen euro per jaar in 2029 begroot"
    amount = one(extract_facts(text).amounts)
    assert amount.text == "oplopend tot 118 miljoen euro per jaar in 2029"
    assert (amount.value, amount.qualifier, amount.period, amount.year) == (Decimal(118_000_000), "oplopend tot",
                                                                            "per jaar", 2029)


def test_yearly_money_read_from_jaarlijks_before_it():
    amount = one(extract_facts("stelt het kabinet jaarlijks een bijdrage van EUR 128 miljoen ter beschikking").amounts)
    assert (amount.value, amount.period) == (Decimal(128_000_000), "per jaar")


def test_money_range():
    amount = one(extract_facts("landen met een inkomensniveau (tussen USD 7.000 en USD 8.000). Overigens").amounts)
    assert (amount.text, amount.low, amount.high) == ("tussen USD 7.000 en USD 8.000", 7000, 8000)


@pytest.mark.parametrize("text, value, unit, qualifier", [
    ("zijn circa 26.840 Syrische vluchtelingen hervestigd vanuit Turkije", 26840, "vluchteling", "circa"),
    ("waarvan circa 4.660 naar Nederland", 4660, None, "circa"),
    ("zijn 2.134 migranten teruggekeerd van Griekenland naar Turkije", 2134, "migrant", None),
    ("opvangland voor ruim 3,5 mln. Syriërs", 3_500_000, "Syriër", "ruim"),
    ("toegang tot onderwijs voor meer dan 685.000 kinderen", 685000, "kind", "meer dan"),
    ("in 2019 lag het aantal aankomsten in Spanje op circa 32.500, een afname", 32500, None, "circa"),
    ("verhoogd naar 750 vluchtelingen per jaar", 750, "vluchteling", None),
    ("zo’n 3.000 vluchtelingen te hervestigen, waarvan", 3000, "vluchteling", "zo’n"),
    ("toegenomen van 3.500 personen in 2015", 3500, "persoon", None),
    ("naar ruim 13 duizend in 2017", 13000, None, "ruim"),
    ("de plaatsing van 78 zogeheten e-gates op Schiphol", 78, "e-gate", None),
    ("er momenteel 65 miljoen vluchtelingen zijn op de wereld", 65_000_000, "vluchteling", None),
    ("bij de hervestiging van drie Syrische kinderen uit", 3, "kind", None),
    ("zijn vijf Eritreeërs teruggekeerd", 5, "Eritreeër", None),
    ("er zijn twee miljoen ontheemden in het land", 2_000_000, "ontheemde", None),
    ("hervestiging van 1.000 Syrische vluchtelingen uit Turkije", 1000, "vluchteling", None),
    ("Gaat het om het beloofde aantal van 750? In hoeverre", 750, None, None),
])
def test_counts(text, value, unit, qualifier):
    count = one(extract_facts(text).counts)
    assert (count.value, count.unit_lemma, count.qualifier) == (Decimal(value), unit, qualifier)


def test_count_range_and_period():
    count = one(extract_facts("Het aantal ligt naar schatting tussen 23.000 en 58.000.").counts)
    assert (count.text, count.value, count.low, count.high) == ("tussen 23.000 en 58.000", 23000, 23000, 58000)
    count = one(extract_facts("gemiddeld 500 vluchtelingen per jaar").counts)
    assert (count.value, count.period) == (500, "per jaar")


def test_change_between_two_figures_is_not_a_range():
    counts = extract_facts("steeg het aantal van circa 14.000 (2016) tot bijna 65.000 personen (2018)").counts
    assert [(c.value, c.qualifier, c.low) for c in counts] == [(14000, "circa", None), (65000, "bijna", None)]


@pytest.mark.parametrize("text, value, qualifier", [
    ("is de instroom met 90% gedaald", 90, None), ("een afname van bijna 50%", 50, "bijna"),
    ("opgebouwd uit 50 procent van het Bruto Nationaal Product", 50, None),
    ("twee derde van de migranten", Decimal("66.67"), None), ("ruim driekwart van de aanvragen", 75, "ruim"),
])
def test_percentages(text, value, qualifier):
    percentage = one(extract_facts(text).percentages)
    assert (percentage.value, percentage.qualifier) == (Decimal(value), qualifier)


@pytest.mark.parametrize("text", [
    "Na de verhoogde instroom van vluchtelingen in 2015 en de vele maatregelen",
    "(Kamerstuk 19 637, nr. 2380).Immers, het principe",
    "Tweede Kamer, vergaderjaar 2017–2018, 19 637, nr. 2395 7",
    "kan worden verwezen naar artikel 38 van de Procedurerichtlijn (2013/32/EU).",
    "het eerder gegeven antwoord op pagina 16 en onder pijler 5.",
    "Postbus 20301 2500 EH Den Haag, kenmerk 2971694",
    "de wetenschappelijke consensus1 dat meer ontwikkeling",
    "op basis van artikel 56 Vreemdelingenwet 2000 opgelegd krijgen",
    "een gevangenisstraf van minder dan zes maanden; 121 uur taalles",
    "Op 10 juli 2020 en 25 april jl. en in maart 2018",
    "als zo’n overeenkomst met één land rondom Europa wordt gesloten; een derde land",
    "de Verordening 2017/2226 inzake de instelling",
    # small numbers in words count people only: the others are the wording of the text
    "het voornemen om drie grote Gemeenschappelijke Vreemdelingen Locaties op te zetten",
    "het nieuwe asielproces, waarvoor de Commissie vier voorstellen heeft gedaan",
    "De drie manieren om naar verbetering van opvang te streven",
])
def test_not_counts_or_money(text):
    facts = extract_facts(text)
    assert (facts.counts, facts.amounts, facts.percentages) == ((), (), ())


@given(st.integers(min_value=1000, max_value=10**9), st.sampled_from(["vluchtelingen", "migranten", "personen"]))
@settings(deadline=None)
def test_formatted_counts_round_trip(value, noun):
    count = one(extract_facts(f"in totaal {format_dutch(Decimal(value))} {noun} zijn").counts)
    assert count.value == value


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["EUR ", "USD ", "€ "]),
       st.sampled_from([("mln.", 6), ("miljoen", 6), ("miljard", 9)]))
@settings(deadline=None)
def test_money_round_trip(units, prefix, scale):
    amount = one(extract_facts(f"een bijdrage van {prefix}{units} {scale[0]} voor").amounts)
    assert amount.value == units * 10 ** scale[1]
