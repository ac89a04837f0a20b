"""Ingestion throughput and memory on a generated corpus of real-looking documents.

Generates N text documents by varying the four real corpus documents (numbers
and country names replaced consistently throughout a document, a unique tail so
every file has its own hash), ingests them into a fresh SQLite database with the real service
(`ima ingest` path: hash check, all stages, one transaction per document), and
prints pages/s, documents/s and resident memory after each quarter of the run,
so a growing footprint shows. The peer in the same run is a naive indexer:
read the file, decode it, insert the whole text into an FTS5 table, no stages.
The ratio says what ima's stages cost over that floor.

    .venv/bin/python bench/ingest.py --docs 2000
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ima.services.ingest import IngestSettings, ingest_paths  # noqa: E402
from ima.store import Store  # noqa: E402

CORPUS = ROOT / "ima" / "data" / "corpus"


def rss_mb() -> float:
    """Current resident set size in MB (Linux /proc), falling back to the peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


FURNITURE = re.compile(r"P+a+g+i+n+a+|vergaderjaar|Kamerstuk|nr\.|Postbus")
FOOTER = re.compile(r"P+a+g+i+n+a+\s|vergaderjaar")
COUNTRIES = ["Marokko", "Tunesië", "Egypte", "Turkije", "Libië", "Niger", "Nigeria", "Ethiopië", "Jordanië", "Algerije"]


def vary(text: str, rng: random.Random, serial: int) -> str:
    """A plausible variant of a real document, as self-consistent as the original.

    Every occurrence of a number or of a country name is replaced the same way
    throughout the document, so overlaid layers still repeat each other exactly
    (shuffling paragraphs would break the overlay and measure a document that
    cannot exist).
    """
    numbers: dict[str, str] = {}

    def number(match: re.Match) -> str:
        old = match.group(0)
        if old not in numbers:
            numbers[old] = str(int(old) + rng.randint(1, 9)).zfill(len(old))[-len(old):]
        return numbers[old]

    def vary_line(line: str) -> str:
        if FURNITURE.search(line):
            return line  # page footers and citations carry page and document numbers: keep them
        return re.sub(r"(?<!\d)\d{2,4}(?!\d)", number, line)

    text = "\n".join(vary_line(line) for line in text.split("\n"))
    swapped = COUNTRIES[:]
    rng.shuffle(swapped)
    mapping = dict(zip(COUNTRIES, swapped))
    text = re.sub("|".join(COUNTRIES), lambda m: mapping[m.group(0)], text)
    # A unique line gives each variant its own hash; it goes at the end of the last page
    # (before its footer) so the variant has as many pages as the original.
    lines = text.split("\n")
    footers = [i for i, line in enumerate(lines) if FOOTER.search(line)]
    at = footers[-1] if footers else len(lines)
    lines.insert(at, f"Kenmerk variant {serial}")
    return "\n".join(lines)


def generate(target: Path, count: int, seed: int) -> None:
    rng = random.Random(seed)
    sources = sorted(CORPUS.glob("*.txt"))
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sources]
    for i in range(count):
        stem, text = texts[i % len(texts)]
        sub = target / f"batch{i // 500:02d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{i:05d}_{stem}.txt").write_text(vary(text, rng, i), encoding="utf-8")


def naive_index(folder: Path, db: Path) -> tuple[int, float]:
    con = sqlite3.connect(db)
    con.execute("CREATE VIRTUAL TABLE docs USING fts5(path, body, tokenize='unicode61 remove_diacritics 2')")
    start = time.perf_counter()
    n = 0
    for path in sorted(folder.rglob("*.txt")):
        with con:
            con.execute("INSERT INTO docs VALUES (?, ?)", (str(path), path.read_bytes().decode("utf-8")))
        n += 1
    return n, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000, help="documents to generate (default 2000)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ima-bench-") as tmp:
        tmp_path = Path(tmp)
        corpus = tmp_path / "corpus"
        corpus.mkdir()
        generate(corpus, args.docs, args.seed)
        store = Store.open(f"sqlite:///{tmp_path / 'ima.sqlite3'}")
        checkpoints = {max(1, args.docs * q // 4) for q in (1, 2, 3, 4)}
        pages = docs = failed = 0
        family_pages: dict[str, int] = {}
        family_seconds: dict[str, float] = {}
        rss_start = rss_mb()
        print(f"ingesting {args.docs} generated documents (RSS at start {rss_start:.0f} MB)")
        start = last = time.perf_counter()
        for outcome in ingest_paths(store, [corpus], IngestSettings()):
            now = time.perf_counter()
            family = Path(outcome.path).name.split("_", 1)[1][:24]
            family_pages[family] = family_pages.get(family, 0) + (outcome.pages or 0)
            family_seconds[family] = family_seconds.get(family, 0.0) + now - last
            last = now
            docs += 1
            pages += outcome.pages or 0
            failed += outcome.status.value == "failed"
            if docs in checkpoints:
                elapsed = time.perf_counter() - start
                print(f"  {docs:6d} docs  {pages:7d} pages  {pages / elapsed:7.1f} pages/s  "
                      f"{docs / elapsed:6.1f} docs/s  RSS {rss_mb():6.0f} MB")
        elapsed = time.perf_counter() - start
        store.close()
        print("per source document (generated variants of it):")
        for family in sorted(family_pages):
            print(f"  {family:26s} {family_pages[family]:7d} pages  {family_seconds[family]:7.1f} s  "
                  f"{family_pages[family] / family_seconds[family]:7.1f} pages/s")
        n, naive_seconds = naive_index(corpus, tmp_path / "naive.sqlite3")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"ima:   {docs} docs, {pages} pages in {elapsed:.1f} s = {pages / elapsed:.1f} pages/s, "
              f"{docs / elapsed:.1f} docs/s, {failed} failed, peak RSS {peak:.0f} MB")
        print(f"naive: {n} docs in {naive_seconds:.1f} s = {n / naive_seconds:.1f} docs/s (read + FTS5 insert, no stages)")
        print(f"ratio: ima takes {elapsed / naive_seconds:.1f}x the naive indexer's time")


if __name__ == "__main__":
    main()
