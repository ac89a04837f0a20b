"""End-to-end ingestion in CPU time: pages per CPU-second, and the share the stages take.

Wall-clock pages/s (``bench/ingest.py``) mean little on a shared, loaded machine;
CPU time does. Generates N variants of the corpus documents (``vary()`` of
``bench/ingest.py``), ingests them with the real service into a fresh SQLite
database after a few warm-up documents (imports, numba, lexicon), and prints the
process CPU time of the whole run and of the parsing stages inside it (the rest is
hashing, storing and indexing). To compare two versions, run it in each checkout,
at the same time, on the same seed.

    .venv/bin/python bench/ingest_cpu.py --docs 160
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from ingest import generate  # noqa: E402

import ima.services.ingest as service  # noqa: E402
from ima.services.ingest import IngestSettings, ingest_paths  # noqa: E402
from ima.store import Store  # noqa: E402

WARM_UP = 8


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=160, help="documents measured (after 8 warm-up ones)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    parse_seconds = [0.0]
    parse = service.parse_bytes

    def timed_parse(*a, **kw):
        start = time.process_time()
        try:
            return parse(*a, **kw)
        finally:
            parse_seconds[0] += time.process_time() - start

    service.parse_bytes = timed_parse  # the service's own reference: only the stages are timed
    with tempfile.TemporaryDirectory(prefix="ima-cpu-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        generate(corpus, args.docs + WARM_UP, args.seed)
        store = Store.open(f"sqlite:///{Path(tmp) / 'ima.sqlite3'}")
        outcomes = ingest_paths(store, [corpus], IngestSettings())
        for _ in range(WARM_UP):
            next(outcomes)
        parse_seconds[0] = 0.0
        start = time.process_time()
        docs = pages = 0
        for outcome in outcomes:
            docs += 1
            pages += outcome.pages or 0
        total = time.process_time() - start
        store.close()
    print(f"{docs} documents, {pages} pages in {total:.2f} s CPU = {pages / total:.1f} pages per CPU-second; "
          f"stages {parse_seconds[0]:.2f} s ({100 * parse_seconds[0] / total:.0f}%), "
          f"the rest (hash, store, index) {total - parse_seconds[0]:.2f} s")


if __name__ == "__main__":
    main()
