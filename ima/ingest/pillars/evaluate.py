"""The hand-labelled pillar set and the metrics that score a classifier against it.

``ima/data/pillars/labelled.jsonl`` has one row per corpus passage: document
(corpus file name), seq, page, kind, ``opening`` (the first 80 characters of
the passage, whitespace folded), the gold ``pillars`` (a sorted list, empty
for none) and an optional ``note``. Rows are matched to passages by their
opening, not by seq alone, because seqs shift whenever a clean-up stage
changes how a document splits into passages; among equal openings ("Op de
vragen van de SP-fractie.") the one nearest the stored seq wins.

Metrics are per pillar (precision, recall, F1 over passages), micro- and
macro-averaged over the six pillars, plus a "none" row that treats "no
pillar" as a class of its own.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ima.domain.pillars import PILLAR_NUMBERS
from ima.domain.text import Passage

DATA = Path(__file__).resolve().parents[2] / "data"
LABELLED_PATH = DATA / "pillars" / "labelled.jsonl"
CORPUS_DIR = DATA / "corpus"
OPENING_CHARS = 80


@dataclass(frozen=True, slots=True)
class LabelledPassage:
    """One gold row of the labelled set."""

    document: str
    seq: int
    page: int
    opening: str
    pillars: frozenset[int]
    note: str = ""


def opening(text: str) -> str:
    """The key a labelled row stores for its passage: first 80 characters, whitespace folded."""
    return " ".join(text.split())[:OPENING_CHARS]


def load_labelled(path: Path = LABELLED_PATH) -> list[LabelledPassage]:
    """Read and validate the labelled set; ``ValueError`` names the first bad line."""
    rows = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        raw = json.loads(line)
        pillars = raw["pillars"]
        if not isinstance(pillars, list) or any(p not in PILLAR_NUMBERS for p in pillars):
            raise ValueError(f"{path.name}:{i}: pillars must be a list of 1..6, got {pillars!r}")
        if not raw["opening"].strip():
            raise ValueError(f"{path.name}:{i}: empty opening")
        rows.append(LabelledPassage(raw["document"], int(raw["seq"]), int(raw["page"]), raw["opening"],
                                    frozenset(pillars), raw.get("note", "")))
    return rows


def resolve(rows: Sequence[LabelledPassage], passages: Sequence[Passage]) -> list[int | None]:
    """For each row (all of one document), the index of its passage in ``passages``, or None."""
    by_opening: dict[str, list[int]] = {}
    for i, p in enumerate(passages):
        by_opening.setdefault(opening(p.text), []).append(i)
    out: list[int | None] = []
    for row in rows:
        candidates = by_opening.get(row.opening, [])
        out.append(min(candidates, key=lambda i: abs(passages[i].seq - row.seq)) if candidates else None)
    return out


@dataclass(frozen=True, slots=True)
class ClassMetrics:
    """Counts and scores of one class (a pillar number, or ``"none"``)."""

    name: str
    tp: int
    fp: int
    fn: int

    @property
    def support(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class Report:
    """Per-class metrics and the averages over the six pillars."""

    classes: tuple[ClassMetrics, ...]
    micro: ClassMetrics
    macro_precision: float
    macro_recall: float
    macro_f1: float
    passages: int
    unresolved: int


def score(gold: Sequence[frozenset[int]], predicted: Sequence[frozenset[int]], unresolved: int = 0) -> Report:
    """Compare gold and predicted pillar sets passage by passage."""
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted differ in length")
    classes = []
    for n in PILLAR_NUMBERS:
        tp = sum(1 for g, p in zip(gold, predicted) if n in g and n in p)
        fp = sum(1 for g, p in zip(gold, predicted) if n not in g and n in p)
        fn = sum(1 for g, p in zip(gold, predicted) if n in g and n not in p)
        classes.append(ClassMetrics(str(n), tp, fp, fn))
    micro = ClassMetrics("micro", sum(c.tp for c in classes), sum(c.fp for c in classes), sum(c.fn for c in classes))
    none = ClassMetrics("none", sum(1 for g, p in zip(gold, predicted) if not g and not p),
                        sum(1 for g, p in zip(gold, predicted) if g and not p),
                        sum(1 for g, p in zip(gold, predicted) if not g and p))
    k = len(classes)
    return Report(tuple(classes) + (none,), micro, sum(c.precision for c in classes) / k,
                  sum(c.recall for c in classes) / k, sum(c.f1 for c in classes) / k, len(gold), unresolved)


@lru_cache(maxsize=16)
def corpus_passages(path: Path) -> tuple[Passage, ...]:
    """The clean passages of one corpus file (parsed once per process: parsing dominates the cost)."""
    from ima.ingest.pipeline import parse_bytes  # heavy; only when evaluating

    return parse_bytes(path.read_bytes(), source=path.name).passages


def evaluate(*, use_sections: bool = True, path: Path = LABELLED_PATH,
             corpus: Path = CORPUS_DIR) -> tuple[Report, list[tuple[LabelledPassage, frozenset[int]]]]:
    """Parse the corpus, classify every passage, and score the labelled rows.

    Returns the report and, for inspection, every resolved row with its prediction.
    Unresolved rows (their passage no longer exists) are counted, not scored.
    """
    from ima.ingest.pillars.classify import classify_passages

    rows = load_labelled(path)
    pairs: list[tuple[LabelledPassage, frozenset[int]]] = []
    unresolved = 0
    for name in sorted({r.document for r in rows}):
        doc_rows = [r for r in rows if r.document == name]
        passages = corpus_passages(corpus / name)
        labels = classify_passages(passages, use_sections=use_sections)
        for row, index in zip(doc_rows, resolve(doc_rows, passages)):
            if index is None:
                unresolved += 1
                continue
            pairs.append((row, frozenset(labels[index].pillars)))
    return score([r.pillars for r, _ in pairs], [p for _, p in pairs], unresolved), pairs
