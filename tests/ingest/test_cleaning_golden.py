"""Golden files: the clean text per page and the passages of the four corpus documents.

The stages run in pipeline order (split -> layers -> furniture -> OCR ->
hyphenation -> passages). Regenerate with ``IMA_REGEN_GOLDEN=1`` after reading
the diff; the flag makes ``test_golden_regeneration_flag_is_off`` fail, so a
run that rewrote the goldens can never pass silently.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ima.domain.document import Extraction, SourceFormat
from ima.ingest.furniture import remove_furniture
from ima.ingest.hyphenation import join_hyphenation
from ima.ingest.layers import separate_layers
from ima.ingest.ocr import repair_ocr
from ima.ingest.pages import split_pages
from ima.ingest.passages import build_passages

GOLDEN = Path(__file__).parent / "golden" / "cleaning"
REGEN = os.environ.get("IMA_REGEN_GOLDEN") == "1"
DOCS = ("agreements_2020", "progress_2021", "taskforce_2025", "kamerstuk_2395")


def render(text: str) -> str:
    result = split_pages(Extraction(text, SourceFormat.TEXT))
    for stage in (separate_layers, remove_furniture, repair_ocr, join_hyphenation):
        result = stage(result.pages)
    pages = result.pages
    out = []
    for page in pages:
        flag = " estimated" if page.estimated else ""
        out.append(f"=== page {page.number}{flag} unattributed={page.unattributed}")
        out += [line.text.rstrip() for line in page.lines]
    out.append("=== passages")
    for p in build_passages(pages):
        mark = "~" if p.page_estimated else ""
        out.append(f"[{p.seq}] p{p.page}{mark} {p.kind} | {p.text}")
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("doc", DOCS)
def test_cleaning_golden(doc, corpus_paths):
    path = corpus_paths[doc]
    got = render(path.read_text(encoding="utf-8"))
    golden = GOLDEN / (path.name.split(".")[0] + ".txt")
    if REGEN:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(got, encoding="utf-8")
    assert golden.exists(), f"missing golden {golden}; run with IMA_REGEN_GOLDEN=1 and review it"
    assert got == golden.read_text(encoding="utf-8")


def test_golden_regeneration_flag_is_off():
    assert not REGEN, "IMA_REGEN_GOLDEN=1 rewrote the cleaning goldens: review the diff, then rerun without it"


def test_corpus_expectations(corpus_paths):
    letter = render(corpus_paths["agreements_2020"].read_text(encoding="utf-8"))
    page1 = letter.split("=== page 3")[0]
    body1 = [l for l in page1.splitlines()[1:] if l.strip()]
    assert body1[0].startswith("In reactie op de motie Becker c.s.")
    later = letter.split("=== page 3", 1)[1].split("=== passages")[0]
    assert "In reactie op de motie Becker" not in later
    kst = render(corpus_paths["kamerstuk_2395"].read_text(encoding="utf-8"))
    assert "kennisgenomen van de integrale migratieagenda" in kst
    passages = kst.split("=== passages")[1].splitlines()
    terugkeer = [p for p in passages if "terugkeer" in p]
    assert terugkeer
    for p in terugkeer:
        page = p.split(" ")[1]
        number = int(page[1:].rstrip("~"))
        assert 2 <= number <= 36
        assert page.endswith("~") or number in (7, 31)
