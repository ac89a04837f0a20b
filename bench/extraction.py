"""Figures and countries extracted from the corpus, scored against an independent gold list.

    .venv/bin/python bench/extraction.py [--errors]

For every document with a gold file in ``tests/data/extraction_gold/`` (made by
reading the passages, not from extractor output; see its README.md) and in
total: precision, recall and F1 of money amounts (same passage, currency and
value), counts (same passage and value), percentages (same passage and value)
and countries (same passage and code, each distinct pair once; also without
``NLD``, which dominates the letters). ``--errors`` lists misses and false
positives. Then the pillar figures (``ima.ingest.pillars.evaluate``) and the
extraction speed in pages per second on one core, with ``parse_bytes`` as peer.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ima.ingest.extraction import extract_facts  # noqa: E402
from ima.ingest.pillars.evaluate import evaluate  # noqa: E402
from ima.ingest.pipeline import parse_bytes  # noqa: E402

GOLD_DIR = ROOT / "tests" / "data" / "extraction_gold"
CORPUS_DIR = ROOT / "ima" / "data" / "corpus"
KINDS = ("money", "count", "percent", "country", "country-NLD")


def corpus_file(gold: Path) -> Path:
    """The corpus text a gold file annotates (gold names drop the .pdf/.ocr/.txt suffixes)."""
    matches = [p for p in CORPUS_DIR.glob("*.txt") if p.name.startswith(gold.stem)]
    if len(matches) != 1:
        raise SystemExit(f"{gold.name}: expected one corpus file, found {matches}")
    return matches[0]


def number(value: Decimal | str) -> str:
    """Canonical text of a value so that 5.6E+9 and 5600000000 compare equal."""
    d = Decimal(value).normalize()
    return format(d, "f")


def resolve(rows: list[dict], openings: list[str]) -> list[tuple[int, dict]]:
    """Map each gold row to the current passage number by its opening text, since numbering may
    shift when the cleaner changes; among equal openings take the one nearest the stored seq."""
    out = []
    for row in rows:
        candidates = [i for i, o in enumerate(openings) if o == row["passage"]]
        if not candidates:
            print(f"  ! unresolved gold row: {row['passage']!r}")
            continue
        out.append((min(candidates, key=lambda i: abs(i - row["seq"])), row))
    return out


def gold_keys(resolved: list[tuple[int, dict]]) -> dict[str, Counter]:
    """Gold rows as multisets of match keys per kind (countries as sets: distinct pairs only)."""
    keys: dict[str, Counter] = {k: Counter() for k in KINDS}
    for seq, r in resolved:
        if r["kind"] == "money":
            keys["money"][(seq, r["currency"], number(r["value"]))] += 1
        elif r["kind"] in ("count", "percent"):
            keys[r["kind"]][(seq, number(r["value"]))] += 1
        elif r["kind"] == "country":
            keys["country"][(seq, r["code"])] = 1
            if r["code"] != "NLD":
                keys["country-NLD"][(seq, r["code"])] = 1
    return keys


def predicted_keys(passages) -> dict[str, Counter]:
    """The extractor's output, in the same key form as :func:`gold_keys`."""
    keys: dict[str, Counter] = {k: Counter() for k in KINDS}
    for seq, passage in enumerate(passages):
        facts = extract_facts(passage.text)
        for a in facts.amounts:
            keys["money"][(seq, a.currency, number(a.value))] += 1
        for c in facts.counts:
            keys["count"][(seq, number(c.value))] += 1
        for p in facts.percentages:
            keys["percent"][(seq, number(p.value))] += 1
        for m in facts.countries:
            keys["country"][(seq, m.code)] = 1
            if m.code != "NLD":
                keys["country-NLD"][(seq, m.code)] = 1
    return keys


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1; an empty side counts as perfect so that 0/0 does not read as failure."""
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(gold: Counter, pred: Counter) -> tuple[int, int, int, Counter, Counter]:
    """True positives, false positives, misses, and the keys behind the last two (multiset match)."""
    tp = sum((gold & pred).values())
    return tp, sum(pred.values()) - tp, sum(gold.values()) - tp, pred - gold, gold - pred


def print_table(name: str, stats: dict[str, tuple[int, int, int]]) -> None:
    print(f"\n{name}")
    print(f"{'kind':>12} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn")
    for kind in KINDS:
        tp, fp, fn = stats[kind]
        p, r, f = prf(tp, fp, fn)
        print(f"{kind:>12} {tp + fn:5d} {tp + fp:5d} {p:6.3f} {r:6.3f} {f:6.3f}  {tp:3d} {fp:3d} {fn:3d}")


def show_errors(passages, fps: Counter, fns: Counter, rows: list[tuple[int, dict]]) -> None:
    """Each error with the passage opening, and for misses the text as the annotator wrote it."""
    written = {}
    for seq, r in rows:
        key = (seq, r.get("currency"), number(r["value"])) if r["kind"] == "money" else \
            (seq, r.get("code") or number(r["value"]))
        written.setdefault((r["kind"], key), r["text"])
    for label, errors in (("miss", fns), ("false+", fps)):
        for (kind, key), n in sorted(errors.items(), key=lambda kv: (kv[0][1][0], kv[0][0])):
            text = written.get((kind, key), "") if label == "miss" else ""
            print(f"  {label:6} {kind:8} #{key[0]:<3} {key[1:]!s:30} {text[:40]!r:42} "
                  f"{passages[key[0]].text[:50]!r}" + (f" x{n}" if n > 1 else ""))


def bench_figures(show: bool) -> None:
    total = {k: [0, 0, 0] for k in KINDS}
    for gold_path in sorted(GOLD_DIR.glob("*.jsonl")):
        source = corpus_file(gold_path)
        passages = parse_bytes(source.read_bytes(), source=str(source)).passages
        rows = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
        resolved = resolve(rows, [p.text[:60] for p in passages])
        gold, pred = gold_keys(resolved), predicted_keys(passages)
        stats, fps, fns = {}, Counter(), Counter()
        for kind in KINDS:
            tp, fp, fn, kfp, kfn = score(gold[kind], pred[kind])
            stats[kind] = (tp, fp, fn)
            total[kind] = [a + b for a, b in zip(total[kind], stats[kind])]
            if kind != "country-NLD":  # its errors are a subset of "country"
                fps.update({(kind, k): n for k, n in kfp.items()})
                fns.update({(kind, k): n for k, n in kfn.items()})
        print_table(f"{source.name}  ({len(passages)} passages)", stats)
        if show:
            show_errors(passages, fps, fns, resolved)
    print_table("all gold documents", {k: tuple(v) for k, v in total.items()})


def bench_pillars() -> None:
    for use_sections, title in ((False, "text only"), (True, "text + section prior")):
        report, _ = evaluate(use_sections=use_sections)
        m = report.micro
        print(f"\npillars, {title} ({report.passages} passages): micro P {m.precision:.3f} R {m.recall:.3f} "
              f"F1 {m.f1:.3f}; macro P {report.macro_precision:.3f} R {report.macro_recall:.3f} F1 {report.macro_f1:.3f}")
        for c in report.classes:
            print(f"  {c.name:>5} support {c.support:3d}  P {c.precision:.3f} R {c.recall:.3f} F1 {c.f1:.3f}")


def rate(work, pages: int, min_seconds: float = 2.0) -> tuple[float, int]:
    """Median pages/s over repeated full runs until at least ``min_seconds`` of work; the median
    rather than the mean so that one run disturbed by the machine does not move the figure."""
    speeds, spent = [], 0.0
    while spent < min_seconds or len(speeds) < 3:
        started = time.perf_counter()
        work()
        took = time.perf_counter() - started
        spent += took
        speeds.append(pages / took)
    return statistics.median(speeds), len(speeds)


def bench_speed() -> None:
    sources = sorted(CORPUS_DIR.glob("*.txt"))
    blobs = [(p, p.read_bytes()) for p in sources]
    docs = [parse_bytes(data, source=str(p)) for p, data in blobs]
    pages = sum(len(d.pages) for d in docs)
    texts = [(p.text, d.metadata.date if hasattr(d.metadata, "date") else None) for d in docs for p in d.passages]
    chars = sum(len(t) for t, _ in texts)

    def extract_all() -> None:
        for text, date in texts:
            extract_facts(text, document_date=date)

    def parse_all() -> None:
        for p, data in blobs:
            parse_bytes(data, source=str(p))

    print(f"\nspeed over {len(docs)} corpus documents: {pages} pages, {len(texts)} passages, {chars} characters")
    for name, work in (("extract_facts", extract_all), ("parse_bytes (whole pipeline)", parse_all)):
        speed, runs = rate(work, pages)
        print(f"  {name:30} {speed:8.1f} pages/s  (median of {runs} runs)  target >= 50")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list misses and false positives")
    args = parser.parse_args()
    print("$ " + " ".join([".venv/bin/python", "bench/extraction.py", *sys.argv[1:]]))
    bench_figures(args.errors)
    bench_pillars()
    bench_speed()


if __name__ == "__main__":
    main()
