"""The yearly report: how long gathering, HTML and PDF take, per year of the bundled corpus.

    .venv/bin/python bench/report.py [--repeat 3]

Ingests the bundled corpus into a throw-away SQLite file, then for every year
with documents builds the report (median of ``--repeat`` runs): gathering
from the store, rendering HTML (Jinja2 + Altair/vl-convert charts) and PDF
(WeasyPrint from the same HTML). The peer in the same run is the HTML
rendering: the ratio says what typesetting the PDF costs on top of it.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ima.services.demo import ingest_corpus  # noqa: E402
from ima.services.report import build_year_report, report_years  # noqa: E402
from ima.store import Store  # noqa: E402


def _timed(func, repeat: int):
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - started)
    return result, statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median reported)")
    args = parser.parse_args()
    import pypdf

    from ima.report import render_html, render_pdf

    with tempfile.TemporaryDirectory() as tmp, Store.open(f"sqlite:///{tmp}/ima.sqlite3") as store:
        list(ingest_corpus(store))
        render_html(build_year_report(store, report_years(store)[0]))  # warm up: imports, fonts
        print(f"{'year':>4} {'docs':>4} {'quotes':>6} {'gather s':>8} {'html s':>7} {'pdf s':>7} {'pages':>5} "
              f"{'pdf/html':>8} {'s/page':>6}")
        for year in report_years(store):
            report, gather = _timed(lambda: build_year_report(store, year), args.repeat)
            html, html_s = _timed(lambda: render_html(report), args.repeat)
            pdf, pdf_s = _timed(lambda: render_pdf(report), args.repeat)
            pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
            quotes = sum(len(s.quotes) for s in report.sections) + sum(len(a.quotes) for a in report.annexes)
            print(f"{year:>4} {len(report.documents):>4} {quotes:>6} {gather:8.2f} {html_s:7.2f} {pdf_s:7.2f} "
                  f"{pages:>5} {pdf_s / html_s:8.1f} {pdf_s / pages:6.2f}")


if __name__ == "__main__":
    main()
