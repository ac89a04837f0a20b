"""Pillar classification against the hand-labelled corpus passages.

    .venv/bin/python bench/pillars.py [--errors]

Prints precision, recall and F1 per pillar (and for "none"), micro and macro
averages over the six pillars, for two inputs: the passage text alone
(lexicon and rules), and the text plus the pillar section the document puts
it in (Kamerstuk 1.1-1.6, numbered report headings) as a prior. ``--errors``
lists every passage where the prediction differs from the gold set.
The labelled set is ``ima/data/pillars/labelled.jsonl`` (how it was made:
``ima/data/pillars/SOURCE.md``).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ima.ingest.pillars.evaluate import Report, evaluate  # noqa: E402


def print_report(title: str, report: Report) -> None:
    print(f"\n{title}  ({report.passages} passages, {report.unresolved} unresolved)")
    print(f"{'pillar':>7} {'support':>7} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn")
    for c in report.classes:
        print(f"{c.name:>7} {c.support:>7} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}  {c.tp:3d} {c.fp:3d} {c.fn:3d}")
    m = report.micro
    print(f"{'micro':>7} {m.support:>7} {m.precision:6.3f} {m.recall:6.3f} {m.f1:6.3f}")
    print(f"{'macro':>7} {'':>7} {report.macro_precision:6.3f} {report.macro_recall:6.3f} {report.macro_f1:6.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the misclassified passages")
    args = parser.parse_args()
    for use_sections, title in ((False, "text only (lexicon + rules)"), (True, "text + document section prior")):
        started = time.perf_counter()
        report, pairs = evaluate(use_sections=use_sections)
        print_report(title, report)
        print(f"  ({time.perf_counter() - started:.1f} s including parsing the corpus)")
        if args.errors:
            for row, predicted in pairs:
                if predicted != row.pillars:
                    print(f"  {row.document[:12]} #{row.seq:<3} gold {sorted(row.pillars)} "
                          f"pred {sorted(predicted)}  {row.opening[:60]}")


if __name__ == "__main__":
    main()
