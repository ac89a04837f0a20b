"""The ingestion pipeline: explicit stages whose intermediate results are kept.

extract -> split pages -> separate layers -> remove furniture -> (metadata) ->
footnotes -> repair OCR -> join hyphenation -> passages -> pillars -> facts.

Layer separation runs before furniture removal on purpose: an overlaid page
carries the letterhead of earlier layers interleaved with its own, and only
subtracting the earlier layers untangles it; pattern-based furniture removal
then works on clean lines.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import replace

from ima.domain.document import Extraction, ParsedDocument, PassageFacts, PassagePillar
from ima.domain.text import Page, Passage, StageReport
from ima.ingest.extraction import extract_facts
from ima.ingest.footnotes import extract_footnotes
from ima.ingest.furniture import remove_furniture
from ima.ingest.hyphenation import join_hyphenation
from ima.ingest.layers import separate_layers
from ima.ingest.loaders import extract
from ima.ingest.metadata import parse_metadata
from ima.ingest.ocr import repair_ocr
from ima.ingest.pages import split_pages
from ima.ingest.passages import build_passages
from ima.ingest.pillars import classify_passages
from ima.ingest.stage import PageStage, StageResult

# Raise when a stage's output changes: stored documents derived by an older version are
# re-derived from their stored extraction on the next ingest (``ima reparse`` does it at once).
PIPELINE_VERSION = "2026.11.25.2"

REPAIR_STAGES: tuple[tuple[str, PageStage], ...] = (
    ("repair_ocr", repair_ocr),
    ("join_hyphenation", join_hyphenation),
)


def _report(name: str, result: StageResult) -> StageReport:
    text = "\f".join(page.text for page in result.pages)
    return StageReport(name=name, text=text, details=dict(result.details))


def parse_extraction(extraction: Extraction, *, source: str, content_hash: str, size: int) -> ParsedDocument:
    """Run every stage after extraction and return the parsed document with its stage reports."""
    reports: list[StageReport] = [StageReport("extract", extraction.text, {"format": extraction.format.value,
                                                                         "encoding": extraction.encoding})]
    result = split_pages(extraction)
    reports.append(_report("split_pages", result))
    result = separate_layers(result.pages)
    reports.append(_report("separate_layers", result))
    layered: tuple[Page, ...] = result.pages
    result = remove_furniture(layered)
    reports.append(_report("remove_furniture", result))
    metadata = parse_metadata(extraction, layered, source=source)
    pages, footnotes = extract_footnotes(result.pages)
    reports.append(StageReport("extract_footnotes", "\f".join(p.text for p in pages),
                               {"footnotes": len(footnotes)}))
    if footnotes and not metadata.footnotes:
        metadata = replace(metadata, footnotes=footnotes)
    for name, stage in REPAIR_STAGES:
        result = stage(pages)
        reports.append(_report(name, result))
        pages = result.pages
    passages = build_passages(pages)
    reports.append(StageReport("build_passages", "\n\n".join(p.text for p in passages),
                               {"passages": len(passages)}))
    pillars = classify_pillars(passages)
    reports.append(StageReport("classify_pillars", "", dict(Counter(f"pillar {p.pillar}" for p in pillars))))
    facts = find_facts(passages, metadata.date)
    reports.append(StageReport("extract_facts", "", dict(Counter(
        type(m).__name__ for group in facts for m in group.facts))))
    return ParsedDocument(source=source, content_hash=content_hash, size=size, extraction=extraction,
                          pages=pages, passages=passages, metadata=metadata, stages=tuple(reports), facts=facts,
                          pillars=pillars, pipeline=PIPELINE_VERSION)


def classify_pillars(passages: tuple[Passage, ...]) -> tuple[PassagePillar, ...]:
    """The pillars of every passage (lexicon and rules, with the document's pillar sections as prior)."""
    out = []
    for passage, label in zip(passages, classify_passages(passages)):
        scores = {s.pillar: s.score for s in label.scores}
        out.extend(PassagePillar(passage.seq, n, round(scores.get(n, 0.0), 4)) for n in label.pillars)
    return tuple(out)


def find_facts(passages: tuple[Passage, ...], document_date: dt.date | None = None) -> tuple[PassageFacts, ...]:
    """Entities, figures, motions and commitments per passage (headings and signatures included:
    they name countries too); ``document_date`` resolves moments such as ``voor het zomerreces``."""
    found = []
    for passage in passages:
        facts = extract_facts(passage.text, document_date=document_date)
        if len(facts):
            found.append(PassageFacts(passage.seq, facts))
    return tuple(found)


def content_hash(data: bytes) -> str:
    """The sha256 hex digest that identifies a document version."""
    return hashlib.sha256(data).hexdigest()


def parse_bytes(data: bytes, *, source: str, name: str | None = None) -> ParsedDocument:
    """Extract and parse one file's bytes; raises ``IngestError`` with a one-line reason."""
    extraction = extract(data, name or source)
    return parse_extraction(extraction, source=source, content_hash=content_hash(data), size=len(data))
