"""Golden lists of motions, commitments and Kamerstuk references for all four corpus documents.

Each golden file (``golden/motions_commitments/<doc>.json``) lists, per passage
(page and seq), what :func:`extract_facts` finds in the pipeline's passages,
with the document date from the metadata so that ``voor het zomerreces`` is
resolved. They were reviewed by reading the documents (see
``golden/motions_commitments/REVIEW.md``); false positives are fixed in the
code, never edited out of a golden. Regenerate with ``IMA_REGEN_GOLDEN=1``
and review the diff; the flag makes
``test_motions_golden_regeneration_flag_is_off`` fail so a rewrite never passes silently.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from ima.ingest.extraction import extract_facts
from ima.ingest.pipeline import parse_bytes

GOLDEN = Path(__file__).parent / "golden" / "motions_commitments"
REGEN = os.environ.get("IMA_REGEN_GOLDEN") == "1"
DOCS = ("agreements_2020", "progress_2021", "taskforce_2025", "kamerstuk_2395")


def _date(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def render(path: Path) -> dict:
    """The reviewed lists of one document, as stored in its golden file."""
    document = parse_bytes(path.read_bytes(), source=str(path))
    date = _date(getattr(document.metadata, "date", None))
    out: dict = {"document": path.name, "document_date": date.isoformat() if date else None,
                 "motions": [], "commitments": [], "references": []}
    for passage in document.passages:
        facts = extract_facts(passage.text, document_date=date)
        where = {"page": passage.page, "seq": passage.seq}
        for m in facts.motions:
            out["motions"].append({**where, "text": m.text, "name": m.name, "submitters": list(m.submitters),
                                   "identifier": m.identifier, "status": m.status, "cosigned": m.cosigned,
                                   "subject": m.subject})
        for c in facts.commitments:
            out["commitments"].append({**where, "text": c.text, "kind": c.kind, "status": c.status,
                                       "due_text": c.due_text, "due": c.due, "due_relation": c.due_relation})
        for r in facts.references:
            out["references"].append({**where, "text": r.text, "identifier": r.identifier})
    return out


@pytest.mark.parametrize("doc", DOCS)
def test_motions_commitments_golden(doc, corpus_paths):
    path = corpus_paths[doc]
    got = render(path)
    golden = GOLDEN / (path.name.split(".")[0] + ".json")
    if REGEN:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert golden.exists(), f"missing golden {golden}; run with IMA_REGEN_GOLDEN=1 and review it"
    assert got == json.loads(golden.read_text(encoding="utf-8"))


def test_motions_golden_regeneration_flag_is_off():
    assert not REGEN, ("IMA_REGEN_GOLDEN=1 rewrote the motions/commitments goldens: "
                       "review the diff, then rerun without it")
