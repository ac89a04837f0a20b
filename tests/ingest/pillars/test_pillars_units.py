"""Pillar classification on clear sentences, one pillar at a time, and its rules."""

from __future__ import annotations

import pytest

from ima.domain.pillars import PILLARS, PillarLabel, pillar
from ima.domain.text import Passage
from ima.ingest.pillars import classify_passage, classify_passages, passage_sections
from ima.ingest.pillars.lexicon import load_lexicon, parse_lexicon

CLEAR = [
    (1, "Het kabinet investeert in de aanpak van grondoorzaken en versterkt het grensbeheer in Niger; "
        "ook de bestrijding van mensensmokkel heeft prioriteit."),
    (2, "Nederland steunt de opvang van vluchtelingen in de regio en hun gastgemeenschappen in Jordanië "
        "en Libanon, samen met UNHCR."),
    (3, "Over de herziening van de Dublinverordening en een herverdelingsmechanisme binnen het GEAS "
        "hebben de lidstaten nog geen overeenstemming."),
    (4, "De DT&V begeleidt vreemdelingen zonder verblijfsrecht bij hun vertrek; waar nodig volgt "
        "gedwongen terugkeer of vreemdelingenbewaring."),
    (5, "Het kabinet verkent pilots voor tijdelijke arbeidsmigratie en studiebeurzen, en verhoogt het "
        "quotum voor hervestiging."),
    (6, "Statushouders volgen vanaf dag één taalles; de inburgering wordt hervormd en gemeenten zorgen "
        "voor huisvesting."),
]


@pytest.mark.parametrize("expected,text", CLEAR)
def test_clear_sentence_gets_its_pillar_only(expected: int, text: str) -> None:
    label = classify_passage(text)
    assert label.pillars == (expected,), [(s.pillar, s.score, s.evidence) for s in label.scores if s.score]


def test_procedural_sentence_gets_no_pillar() -> None:
    for text in ("Op de vragen van de SP-fractie.", "De Minister van Asiel en Migratie,", ""):
        assert classify_passage(text).is_none


def test_evidence_names_the_terms_that_fired() -> None:
    label = classify_passage("Terugkeer en terugkeersamenwerking met Marokko.")
    names = {e.name for e in label.evidence(4)}
    assert "terugkeer" in names
    assert next(e for e in label.evidence(4) if e.name == "terugkeer").count == 2
    assert label.scores == tuple(sorted(label.scores, key=lambda s: s.pillar))
    assert len(label.scores) == 6 and label.score(4) > 0.5


def test_case_and_diacritics_do_not_matter() -> None:
    a = classify_passage("terugkeer van uitgeprocedeerde asielzoekers naar Tunesië")
    b = classify_passage("TERUGKEER van Uitgeprocedeerde asielzoekers naar Tunesie")
    assert a.pillars == b.pillars == (4,)
    assert [s.score for s in a.scores] == [s.score for s in b.scores]


def test_overview_of_all_pillars_is_not_six_labels() -> None:
    text = ("Hierin worden zes pijlers onderscheiden: 1) het voorkomen van irreguliere migratie, 2) versterken "
            "van opvang en bescherming in de regio, 3) een solidair en solide asielstelsel, 4) minder "
            "illegaliteit en meer terugkeer, 5) bevordering van legale migratieroutes en 6) het stimuleren "
            "van integratie en participatie.")
    label = classify_passage(text)
    assert len(label.pillars) < 6
    assert any(e.kind == "rule" and e.name.startswith("overview") for s in label.scores for e in s.evidence)


def test_negative_term_cancels_the_general_one() -> None:
    # asylum procedures *in the region* are pillar 2, not the asylum system of pillar 3
    label = classify_passage("Het inrichten van asielprocedures in de regio maakt opvang in de regio duurzaam.")
    assert 2 in label.pillars and 3 not in label.pillars


def test_section_is_a_prior_not_the_answer() -> None:
    assert classify_passage("Op de vragen van de VVD-fractie.", section_pillar=4).is_none
    weak = "De verkenning wordt na de zomer opgeleverd, met de resultaten van de pilots arbeidsmigratie."
    assert 5 in classify_passage(weak, section_pillar=5).pillars
    strong = "Statushouders volgen taalles en inburgering; gemeenten regelen de huisvesting."
    assert classify_passage(strong, section_pillar=4).pillars == (6,)
    with pytest.raises(ValueError):
        classify_passage("x", section_pillar=7)


def _p(seq: int, text: str, kind: str = "paragraph") -> Passage:
    return Passage(seq=seq, page=1, text=text, start=0, end=len(text), kind=kind)


def test_sections_follow_the_documents_headings() -> None:
    passages = [
        _p(0, "I. Vragen en opmerkingen vanuit de fracties", "heading"),
        _p(1, "1.4 Minder illegaliteit, meer terugkeer"),
        _p(2, "Op de vragen van de CDA-fractie."),
        _p(3, "Campagnes lopen vertraging op. 2. Versterken opvang en bescherming voor vluchtelingen in de regio "
              "In december vond het eerste Global Refugee Forum plaats."),
        _p(4, "Er zijn meer dan 1000 toezeggingen gedaan."),
        _p(5, "Ten slotte", "heading"),
        _p(6, "Het kabinet hecht aan draagvlak."),
    ]
    assert passage_sections(passages) == [None, 4, 4, 4, 2, None, None]
    labels = classify_passages(passages)
    assert labels[1].pillars == (4,) and labels[2].is_none and labels[6].is_none
    assert all(isinstance(label, PillarLabel) for label in labels)


def test_pillars_as_data() -> None:
    assert [p.number for p in PILLARS] == [1, 2, 3, 4, 5, 6]
    assert pillar(4).name_nl == "Minder illegaliteit, meer terugkeer"
    assert pillar(5).name_en == "Legal migration routes"
    with pytest.raises(ValueError):
        pillar(0)


def test_lexicon_rows_are_valid_and_cover_every_pillar() -> None:
    terms = load_lexicon()
    assert {t.pillar for t in terms} == {1, 2, 3, 4, 5, 6}
    assert all(t.note for t in terms if t.weight < 0), "every negative row must say why"
    with pytest.raises(ValueError):
        parse_lexicon([{"pillar": "7", "term": "x", "weight": "1", "match": "word", "note": ""}])
    with pytest.raises(ValueError):
        parse_lexicon([{"pillar": "1", "term": "x", "weight": "1", "match": "fuzzy", "note": ""}])
