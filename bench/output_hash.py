"""Same-output check and CPU time per document family for the ingestion pipeline.

Parses the four corpus documents and N generated variants of each (``vary()`` of
``bench/ingest.py``, fixed seed), serialises every parsed document (clean text,
pages, passages, removals and every stage report, metadata, facts, pillars) with
``to_plain`` plus the document structure, and prints one sha256 over all of them:
a speed change must leave it identical. Also prints the CPU time
(``time.process_time``, meaningful on a loaded machine where wall-clock is not)
per document of each family, and with ``--profile FAMILY`` a cProfile of that
family's variants.

    .venv/bin/python bench/output_hash.py                  # --variants 40 --seed 1
    .venv/bin/python bench/output_hash.py --profile 2020 --top 40
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import pstats
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from ingest import CORPUS, vary  # noqa: E402

from ima.domain.serial import to_plain  # noqa: E402
from ima.ingest.pipeline import parse_bytes  # noqa: E402
from ima.ingest.structure import analyse_structure  # noqa: E402


def documents(variants: int, seed: int) -> list[tuple[str, str, str]]:
    """(family, name, text): each corpus document, then its variants, family by family."""
    rng = random.Random(seed)
    out = []
    for path in sorted(CORPUS.glob("*.txt")):
        family = path.name[:24]
        text = path.read_text(encoding="utf-8")
        out.append((family, path.name, text))
        out.extend((family, f"{i:03d}_{path.name}", vary(text, rng, i)) for i in range(variants))
    return out


def digest(name: str, text: str) -> tuple[str, float]:
    """The sha256 of everything one parse produces (parsed document and structure), and
    the CPU seconds of the parse alone."""
    start = time.process_time()
    parsed = parse_bytes(text.encode("utf-8"), source=name, name=name)
    elapsed = time.process_time() - start
    plain = {"parsed": to_plain(parsed), "structure": to_plain(analyse_structure(parsed.passages, parsed.metadata))}
    return hashlib.sha256(json.dumps(plain, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest(), elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", type=int, default=40, help="generated variants per corpus document (default 40)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--profile", help="profile the documents whose family starts with this (e.g. 2020, kst)")
    parser.add_argument("--top", type=int, default=30, help="profile rows to print")
    parser.add_argument("--dump", type=Path, help="write the raw profile here (pstats format)")
    parser.add_argument("--digests", type=Path, help="write one digest per document here (to find what changed)")
    args = parser.parse_args()
    docs = documents(args.variants, args.seed)
    total = hashlib.sha256()
    cpu: dict[str, float] = {}
    count: dict[str, int] = {}
    lines = []
    profiler = cProfile.Profile() if args.profile else None
    digest(docs[0][1], docs[0][2])  # warm-up: imports, regex compilation and lazy tables out of the timing
    for family, name, text in docs:
        profiling = profiler is not None and family.startswith(args.profile)
        if profiling:
            profiler.enable()
        value, elapsed = digest(name, text)
        if profiling:
            profiler.disable()
        cpu[family] = cpu.get(family, 0.0) + elapsed
        count[family] = count.get(family, 0) + 1
        total.update(value.encode("ascii"))
        lines.append(f"{value} {name}")
    for family in sorted(cpu):
        print(f"  {family:26s} {count[family]:4d} docs  {1000 * cpu[family] / count[family]:8.1f} ms CPU per parse")
    print(f"  all                        {len(docs):4d} docs  {sum(cpu.values()):8.2f} s CPU")
    print(f"output hash: {total.hexdigest()}")
    if args.digests:
        args.digests.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if profiler is not None:
        if args.dump:
            profiler.dump_stats(args.dump)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.top)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
