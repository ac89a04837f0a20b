"""The hand-labelled set is well-formed and the classifier keeps its measured quality on it.

The floors are the figures ``bench/pillars.py`` printed when the method was
settled, minus a small margin: a change to the lexicon, the rules or the
clean-up stages that costs more than that fails here.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest

from ima.ingest.pillars.evaluate import (LABELLED_PATH, CORPUS_DIR, ClassMetrics, corpus_passages, evaluate,
                                         load_labelled, opening, resolve, score)

MARGIN = 0.03
# measured: text only / text + section prior (micro F1, macro F1, per-pillar F1)
MEASURED = {
    False: {"micro": 0.872, "macro": 0.869, 1: 0.898, 2: 0.676, 3: 0.791, 4: 0.958, 5: 0.889, 6: 1.000},
    True: {"micro": 0.886, "macro": 0.886, 1: 0.909, 2: 0.759, 3: 0.800, 4: 0.958, 5: 0.889, 6: 1.000},
}


def test_labelled_file_is_valid_and_spread() -> None:
    rows = load_labelled()
    assert len(rows) >= 150
    docs = Counter(r.document for r in rows)
    assert set(docs) == {p.name for p in CORPUS_DIR.glob("*.txt")}, "all four corpus documents"
    per_pillar = Counter(p for r in rows for p in r.pillars)
    assert all(per_pillar[n] >= 15 for n in range(1, 7)), per_pillar
    assert sum(1 for r in rows if not r.pillars) >= 15, "enough 'none' rows"
    keys = [(r.document, r.seq) for r in rows]
    assert len(keys) == len(set(keys)), "one row per passage"
    for line in LABELLED_PATH.read_text(encoding="utf-8").splitlines():
        raw = json.loads(line)
        assert raw["pillars"] == sorted(set(raw["pillars"]))
        assert len(raw["opening"]) <= 80 and isinstance(raw["page"], int)


def test_every_labelled_row_still_names_a_corpus_passage() -> None:
    rows = load_labelled()
    for name in {r.document for r in rows}:
        doc_rows = [r for r in rows if r.document == name]
        passages = corpus_passages(CORPUS_DIR / name)
        found = resolve(doc_rows, passages)
        missing = [(r.seq, r.opening) for r, i in zip(doc_rows, found) if i is None]
        assert not missing, f"{name}: labelled passages no longer in the clean text: {missing[:5]}"
        for r, i in zip(doc_rows, found):
            assert opening(passages[i].text) == r.opening


def test_resolve_matches_on_opening_when_seqs_shift() -> None:
    rows = load_labelled()
    name = rows[0].document
    doc_rows = [r for r in rows if r.document == name]
    passages = corpus_passages(CORPUS_DIR / name)
    shifted = tuple(type(p)(p.seq + 3, p.page, p.text, p.start, p.end, p.kind) for p in passages[1:])
    found = resolve(doc_rows, shifted)
    assert found[0] is None or opening(shifted[found[0]].text) == doc_rows[0].opening
    assert all(opening(shifted[i].text) == r.opening for r, i in zip(doc_rows[1:], found[1:]))


def test_metrics_arithmetic() -> None:
    report = score([frozenset({1}), frozenset({1, 2}), frozenset()], [frozenset({1}), frozenset({2}), frozenset({3})])
    by_name = {c.name: c for c in report.classes}
    assert (by_name["1"].tp, by_name["1"].fp, by_name["1"].fn) == (1, 0, 1)
    assert by_name["3"].precision == 0.0 and by_name["none"].fn == 1
    assert ClassMetrics("x", 0, 0, 0).f1 == 0.0


@pytest.mark.parametrize("use_sections", [False, True])
def test_quality_does_not_regress(use_sections: bool) -> None:
    report, _ = evaluate(use_sections=use_sections)
    floors = MEASURED[use_sections]
    assert report.unresolved == 0
    assert report.micro.f1 >= floors["micro"] - MARGIN
    assert report.macro_f1 >= floors["macro"] - MARGIN
    by_name = {c.name: c for c in report.classes}
    for n in range(1, 7):
        assert by_name[str(n)].f1 >= floors[n] - MARGIN - 0.02, f"pillar {n}: {by_name[str(n)]}"
