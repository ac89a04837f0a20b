"""Property tests: any text classifies without error, scores stay in [0, 1], case and accents do not matter."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ima.ingest.pillars import classify_passage, fold

WORDS = ["terugkeer", "Terugkeer", "TERUGKEER", "opvang", "in", "de", "regio", "asielzoekers", "GEAS", "Dublin",
         "arbeidsmigratie", "hervestiging", "inburgering", "grensbeheer", "mensensmokkel", "DT&V", "Tunesië",
         "financiële", "re-integratie", "lokale", "integratie", "’s", "–", "1.4", "Minder", "illegaliteit"]
texts = st.one_of(st.text(max_size=400),
                  st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.one_of(st.none(), st.integers(1, 6)))
def test_any_text_classifies_with_scores_in_unit_interval(text: str, section: int | None) -> None:
    label = classify_passage(text, section_pillar=section)
    assert [s.pillar for s in label.scores] == [1, 2, 3, 4, 5, 6]
    assert all(0.0 <= s.score <= 1.0 for s in label.scores)
    assert set(label.pillars) <= {1, 2, 3, 4, 5, 6}
    assert list(label.pillars) == sorted(set(label.pillars))
    assert all(label.score(p) > 0 for p in label.pillars)


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@settings(max_examples=300, deadline=None)
@given(texts)
def test_classification_ignores_case_and_diacritics(text: str) -> None:
    base = classify_passage(text)
    for variant in (text.upper(), text.lower(), _strip_accents(text)):
        other = classify_passage(variant)
        assert other.pillars == base.pillars
        assert [round(s.score, 9) for s in other.scores] == [round(s.score, 9) for s in base.scores]


@given(st.text(max_size=200))
def test_fold_is_idempotent_and_lower_case(text: str) -> None:
    assert fold(fold(text)) == fold(text)
    assert fold(text) == fold(text).lower()
