"""Pillar classification of passages: which of the six IMA pillars a passage is about.

``classify_passage(text)`` for one text; ``classify_passages(passages)`` for a
document, which also uses the document's own pillar sections as a prior. The
method and its evidence are described in :mod:`ima.ingest.pillars.classify`;
the labelled evaluation set and its metrics in :mod:`ima.ingest.pillars.evaluate`.
"""

from ima.ingest.pillars.classify import classify_passage, classify_passages, passage_sections
from ima.ingest.pillars.lexicon import fold, load_lexicon

__all__ = ["classify_passage", "classify_passages", "fold", "load_lexicon", "passage_sections"]
