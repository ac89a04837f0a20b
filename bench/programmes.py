"""EUTF import speed: parse, first import, idempotent re-import; a bulk pandas load as peer.

    .venv/bin/python bench/programmes.py [--postgres URL] [--repeat N]

Measures on a fresh SQLite file (and PostgreSQL when a URL is given) the
median of N runs of: parsing the vendored EUTF files (253 projects, 15,278
Akvo rows), the first import (one transaction: programmes, areas, pillars,
budgets, 15,141 indicators, one audit record per programme), and the re-import
that finds everything unchanged. Peer: pandas ``read_csv`` + ``to_sql`` of the
same two files into the same kind of database, with no validation, no
matching and no audit trail — the least any loader does.
"""

from __future__ import annotations

import argparse
import gzip
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402
from sqlalchemy import create_engine  # noqa: E402

from ima.ingest.programmes.eutf import VENDORED, parse_eutf  # noqa: E402
from ima.services.programmes import import_programmes  # noqa: E402
from ima.store import Store  # noqa: E402


def _timed(func) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def _peer(url: str) -> None:
    engine = create_engine(url)
    projects = pd.read_csv(VENDORED / "projects.csv")
    results = pd.read_csv(io.BytesIO(gzip.decompress((VENDORED / "akvo_results.csv.gz").read_bytes())))
    with engine.begin() as connection:
        projects.to_sql("peer_projects", connection, if_exists="replace", index=False)
        results.to_sql("peer_results", connection, if_exists="replace", index=False)
    engine.dispose()


def run(make_url, repeat: int, label: str) -> None:
    parse, first, again, peer = [], [], [], []
    for _ in range(repeat):
        parse.append(_timed(parse_eutf))
        url = make_url()
        with Store.open(url) as store:
            first.append(_timed(lambda: import_programmes(store, [], "eutf", actor="bench")))
            again.append(_timed(lambda: import_programmes(store, [], "eutf", actor="bench")))
        peer.append(_timed(lambda: _peer(make_url())))
    med = {k: statistics.median(v) for k, v in
           (("parse", parse), ("first", first), ("again", again), ("peer", peer))}
    print(f"{label}: parse {med['parse']:.2f} s · first import {med['first']:.2f} s · re-import (unchanged) "
          f"{med['again']:.2f} s · peer pandas to_sql {med['peer']:.2f} s · first import / peer "
          f"{med['first'] / med['peer']:.1f}x  (median of {repeat})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--postgres", help="also measure on this PostgreSQL URL (tables are created in it)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="ima-bench-"))
    counter = iter(range(10**6))
    run(lambda: f"sqlite:///{folder / f'bench{next(counter)}.sqlite3'}", args.repeat, "SQLite")
    if args.postgres:
        from sqlalchemy import text

        admin = create_engine(args.postgres.replace("postgresql://", "postgresql+psycopg://", 1))

        def fresh_schema() -> str:
            schema = f"ima_bench_{next(counter)}"
            with admin.begin() as connection:
                connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE; CREATE SCHEMA "{schema}"'))
            return admin.url.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(False)

        try:
            run(fresh_schema, args.repeat, "PostgreSQL")
        finally:
            with admin.begin() as connection:
                for (schema,) in connection.execute(text(
                        "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'ima_bench_%'")):
                    connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


if __name__ == "__main__":
    main()
