"""The shipped partnership data: dossiers for the countries the corpus names, every fact sourced,
and validation errors that name the file and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from ima.analysis.partnership.catalogue import catalogue, load_catalogue
from ima.analysis.partnership.dossiers import (
    country_agreements,
    country_profile,
    country_timeline,
    load_agreements,
    load_profiles,
    profiles,
)
from ima.analysis.partnership.files import DataFileError
from ima.analysis.partnership.interests import country_interests, load_interests
from ima.analysis.partnership.risks import load_risks
from ima.domain.partnership import INTEREST_KINDS, Source

CORPUS_COUNTRIES = ("MAR", "DZA", "TUN", "LBY", "EGY", "TUR", "NER", "MLI", "NGA", "ETH", "SDN", "SOM", "AFG",
                    "IRQ", "JOR", "LBN", "SYR", "ERI", "UGA")
CORPUS_DOCUMENTS = {p.name.split(".")[0] for p in (Path(__file__).resolve().parents[2] / "ima" / "data" /
                                                  "corpus").glob("*.txt")}


def _sourced(source: Source) -> None:
    assert isinstance(source, Source) and source.text.strip()
    assert source.certainty in ("confirmed", "uncertain")
    if source.document:  # a record citation names a bundled document and its page
        assert source.document in CORPUS_DOCUMENTS, source.document
        assert source.page and source.page >= 1


@pytest.mark.parametrize("iso3", CORPUS_COUNTRIES)
def test_a_dossier_exists_for_every_country_the_corpus_names(iso3: str) -> None:
    profile = country_profile(iso3)
    assert profile.state in ("none", "dialogue", "arrangement", "agreement")
    for change in profile.history:
        _sourced(change.source)
    for attribute in profile.attributes.values():
        _sourced(attribute.source)
    for use in profile.instruments_in_use:
        assert use.instrument in catalogue()
        _sourced(use.source)
    for item in country_agreements(iso3) + country_timeline(iso3):
        _sourced(item.source)
    for interest in country_interests(iso3):
        assert interest.kind in INTEREST_KINDS
        _sourced(interest.source)


def test_known_agreements_with_their_dates() -> None:
    by_id = {a.id: a for a in load_agreements()}
    assert by_id["eu-tur-statement"].date == "2016-03-18"
    assert by_id["eu-tur-readmission"].date.startswith("2014")
    assert by_id["eu-pak-readmission"].date.startswith("2010")
    assert by_id["eu-cpv-readmission"].date.startswith("2014")
    assert by_id["eu-tun-mou"].date == "2023-07-16"
    assert by_id["eu-egy-partnership"].date.startswith("2024-03")
    assert by_id["eu-afg-joint-way-forward"].date.startswith("2016")
    assert by_id["eu-eth-admission-procedures"].date.startswith("2018")


def test_state_of_cooperation_is_derived_from_agreements_and_explicit_changes() -> None:
    assert country_profile("TUR").state == "agreement"  # readmission agreement 2014
    assert country_profile("TUN").state == "arrangement"
    assert country_profile("AFG").state == "none"  # Joint Way Forward 2016, then August 2021
    assert [h.state for h in country_profile("AFG").history] == ["arrangement", "none"]
    assert country_profile("SYR").state == "none"


def test_interests_cover_trade_and_come_from_the_indicator_store_too() -> None:
    kinds = {i.kind for i in country_interests("TUR")}
    assert {"trade", "protection", "human-rights"} <= kinds
    assert any(i.indicator == "refugees_hosted" and i.value > 1_000_000 for i in country_interests("TUR"))
    assert country_interests("XXX") == []


def test_catalogue_encodes_the_legal_constraints() -> None:
    c = catalogue()
    assert c["eu-visa-restriction"].level == "EU" and c["eu-visa-restriction"].rules_of("level")[0].values == ("EU",)
    assert c["diplomatic-visa-exemption"].level in ("NL", "Benelux")
    assert c["landing-rights"].rules_of("country")[0].attribute == "aviation_linkage_allowed"
    assert c["gsp-readmission"].rules_of("country")[0].values == ("eba", "standard", "gsp-plus")
    assert c["humanitarian-aid-conditionality"].status == "prohibited"
    assert c["development-aid-conditionality"].rules_of("not-alone")
    for instrument in c.values():
        for judgement in instrument.effects.values():
            _sourced(judgement.source)
        for rule in instrument.rules:
            _sourced(rule.source)


def test_every_shipped_risk_has_evidence() -> None:
    risks = load_risks()
    assert len(risks) >= 10
    for risk in risks:
        assert risk.evidence
        for source in risk.evidence:
            _sourced(source)


# --- validation errors name file, entry and field -------------------------------------------

def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_catalogue_error_names_file_entry_and_field(tmp_path: Path) -> None:
    path = _write(tmp_path, "instruments.yaml", """
instruments:
  - {id: x, name_nl: x, name_en: x, level: EU, direction: sideways, status: in-force, legal_basis: b,
     summary_nl: s, summary_en: s, lead_time_months: [1, 2]}
""")
    with pytest.raises(DataFileError, match=r"instruments\.yaml: instruments\[0\] \(x\), field 'direction': "
                                           r"'sideways' is not one of positive, negative"):
        load_catalogue(path)


def test_competence_rule_is_checked_on_load(tmp_path: Path) -> None:
    path = _write(tmp_path, "instruments.yaml", """
instruments:
  - id: visa
    name_nl: x
    name_en: x
    level: NL
    direction: negative
    status: in-force
    legal_basis: Visa Code Art. 25a
    summary_nl: s
    summary_en: s
    lead_time_months: [1, 2]
    rules: [{kind: level, values: [EU], message: only through the EU, source: Visa Code}]
""")
    with pytest.raises(DataFileError, match="field 'level': NL is not allowed by its own rule"):
        load_catalogue(path)


def test_effect_range_and_missing_source_errors(tmp_path: Path) -> None:
    base = """
instruments:
  - id: x
    name_nl: x
    name_en: x
    level: EU
    direction: positive
    status: in-force
    legal_basis: b
    summary_nl: s
    summary_en: s
    lead_time_months: [1, 2]
    effects: {return: %s}
"""
    with pytest.raises(DataFileError, match=r"effects\.return, field 'high': high \(1\) is below low \(2\)"):
        load_catalogue(_write(tmp_path, "a.yaml", base % "{low: 2, high: 1, source: s}"))
    with pytest.raises(DataFileError, match="field 'source': a source is required"):
        load_catalogue(_write(tmp_path, "b.yaml", base % "{low: 1, high: 2}"))


def test_agreement_and_interest_errors(tmp_path: Path) -> None:
    path = _write(tmp_path, "agreements.yaml", """
agreements:
  - {id: a, title: t, kind: readmission-agreement, level: EU, countries: [Turkey], date: 2014, summary: s, source: s}
""")
    with pytest.raises(DataFileError, match="field 'countries': 'Turkey' is not an ISO 3166 alpha-3 code"):
        load_agreements(path)
    path = _write(tmp_path, "interests.csv", "iso3,kind,summary,indicator,value,unit,year,source\n"
                                             "TUR,trade,s,gdp,lots,USD,2023,src\n")
    with pytest.raises(DataFileError, match=r"interests\.csv: line 2, field 'value': 'lots' is not a number"):
        load_interests(path)


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "countries.yaml", "countries:\n  - iso3: [TUR\n")
    with pytest.raises(DataFileError, match=r"countries\.yaml: line \d+: not valid YAML"):
        load_profiles(path)


def test_all_profiles_load() -> None:
    assert set(CORPUS_COUNTRIES) <= set(profiles())


def test_country_attribute_values_are_checked(tmp_path: Path) -> None:
    path = _write(tmp_path, "countries.yaml", """
countries:
  - {iso3: TST, name_nl: T, name_en: T, attributes: {gsp: {value: maybe, source: s}}}
""")
    with pytest.raises(DataFileError, match=r"countries\[0\] \(TST\), field 'attributes\.gsp': 'maybe' is not one of"):
        load_profiles(path)
    path = _write(tmp_path, "countries2.yaml", """
countries:
  - {iso3: TST, name_nl: T, name_en: T, attributes: {landing: {value: true, source: s}}}
""")
    with pytest.raises(DataFileError, match="unknown attribute"):
        load_profiles(path)
