"""Golden lists of money, counts, percentages and countries for the four corpus documents.

Each golden file lists, per passage (page and seq), what :func:`extract_facts`
finds in the pipeline's passages. They were reviewed by reading the
documents; false positives are fixed in the code, never edited out of the
golden. Regenerate with ``IMA_REGEN_GOLDEN=1`` (e.g. when the clean text
changes) and review the diff; the flag makes
``test_facts_golden_regeneration_flag_is_off`` fail so a rewrite never passes silently.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from ima.ingest.extraction import extract_facts
from ima.ingest.pipeline import parse_bytes

GOLDEN = Path(__file__).parent / "golden"
REGEN = os.environ.get("IMA_REGEN_GOLDEN") == "1"
DOCS = ("kamerstuk_2395", "taskforce_2025", "agreements_2020", "progress_2021")


def _num(value) -> str | None:
    return None if value is None else str(value)


def render(path: Path) -> dict:
    """The reviewed lists of one document, as stored in its golden file."""
    document = parse_bytes(path.read_bytes(), source=str(path))
    out: dict = {"document": path.name, "amounts": [], "counts": [], "percentages": [], "countries": []}
    for passage in document.passages:
        facts = extract_facts(passage.text)
        where = {"page": passage.page, "seq": passage.seq}
        for a in facts.amounts:
            out["amounts"].append({**where, "text": a.text, "currency": a.currency, "value": _num(a.value),
                                   "low": _num(a.low), "high": _num(a.high), "qualifier": a.qualifier,
                                   "period": a.period, "year": a.year})
        for c in facts.counts:
            out["counts"].append({**where, "text": c.text, "value": _num(c.value), "low": _num(c.low),
                                  "high": _num(c.high), "unit": c.unit_lemma or c.unit,
                                  "qualifier": c.qualifier, "period": c.period})
        for p in facts.percentages:
            out["percentages"].append({**where, "text": p.text, "value": _num(p.value), "qualifier": p.qualifier})
        for m in facts.countries:
            out["countries"].append({**where, "text": m.text, "code": m.code, "kind": m.kind})
    return out


@pytest.mark.parametrize("doc", DOCS)
def test_facts_golden(doc, corpus_paths):
    path = corpus_paths[doc]
    got = render(path)
    golden = GOLDEN / (path.name.split(".")[0] + ".json")
    if REGEN:
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert golden.exists(), f"missing golden {golden}; run with IMA_REGEN_GOLDEN=1 and review it"
    assert got == json.loads(golden.read_text(encoding="utf-8"))


def test_facts_golden_regeneration_flag_is_off():
    assert not REGEN, "IMA_REGEN_GOLDEN=1 rewrote the facts goldens: review the diff, then rerun without it"
