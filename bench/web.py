"""Web latency and throughput: search, document and country pages of a real ``ima serve`` on loopback.

The database holds ``--docs`` documents (default 2,000): ``--variants`` distinct variants of the four
corpus documents are parsed with the real pipeline (numbers and countries varied as in
``bench/ingest.py``), then stored over and over under new sources and hashes with the real
``Store.save`` (parsing 2,000 documents would measure ingestion, not the web app). The server is
``ima serve`` in its own process. Two loads, both from ``--clients`` concurrent httpx clients:

* **bounded**: each client sends one request, waits for the answer, then thinks for an exponential
  pause of mean ``--think`` seconds (an offered load of about clients/think requests per second),
  which is what 50 people reading pages do; latencies p50/p99 are reported per page kind;
* **saturated**: no pause; the throughput the server reaches per page kind.

The peer in the same run is a static file (``/static/ima.css``) served by the same process: the
ratio says what the page costs over the server's floor. JSON twins are measured beside their pages.

    .venv/bin/python bench/web.py --docs 2000 --clients 50
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import hashlib
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from ingest import CORPUS, vary  # noqa: E402

from ima.ingest.pipeline import parse_bytes  # noqa: E402
from ima.store import Store  # noqa: E402

QUERIES = ["terugkeer", "migratieovereenkomsten", "Marokko", "veilige derde landen", "opvang in de regio",
           "arbeidsmigratie", "mensenhandel", "\"irreguliere migratie\"", "Tunesië OR Egypte", "grensbeheer"]
COUNTRIES = ["MAR", "TUN", "EGY", "NGA", "LBY", "TUR", "NER", "ETH", "JOR", "DZA"]


def build(url: str, docs: int, variants: int, seed: int) -> None:
    """Fill the database at ``url`` with ``docs`` documents (kept when it holds enough already)."""
    with Store.open(url) as store:
        have = store.counts()["documents"]
        if have >= docs:
            print(f"database has {have} documents: reused")
            return
        rng = random.Random(seed)
        sources = sorted(CORPUS.glob("*.txt"))
        started = time.perf_counter()
        parsed = []
        for i in range(variants):
            path = sources[i % len(sources)]
            data = vary(path.read_text(encoding="utf-8"), rng, i).encode()
            parsed.append(parse_bytes(data, source=f"bench://variant/{i}", name=path.name))
        print(f"parsed {variants} variants in {time.perf_counter() - started:.1f} s", flush=True)
        started = time.perf_counter()
        for i in range(have, docs):
            base = parsed[i % variants]
            digest = hashlib.sha256(f"{base.content_hash}:{i}".encode()).hexdigest()
            store.save(dataclasses.replace(base, source=f"bench://doc/{i}", content_hash=digest))
        print(f"stored {docs - have} documents in {time.perf_counter() - started:.1f} s", flush=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(url: str, workers: int, log: Path) -> tuple[subprocess.Popen, str]:
    """``ima serve`` on a free port (its messages in ``log``); returns the process and its base URL."""
    port = _free_port()
    script = Path(sys.executable).with_name("ima")
    command = [str(script)] if script.exists() else [sys.executable, "-c", "from ima.cli.app import main; main()"]
    process = subprocess.Popen([*command, "--db", url, "serve", "--port", str(port), "--workers", str(workers)],
                               env={**os.environ, "IMA_SECRET_KEY": "bench"}, stderr=log.open("w"))
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(base + "/static/ima.css", timeout=1).status_code == 200:
                return process, base
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("ima serve did not start")


PATHS = {
    "search": lambda rng, docs: f"/search?q={rng.choice(QUERIES)}",
    "document": lambda rng, docs: f"/documents/{rng.randint(1, docs)}",
    "country": lambda rng, docs: f"/country/{rng.choice(COUNTRIES)}",
}


def targets(kind: str, rng: random.Random, docs: int) -> str:
    """A random URL of a page kind (``search``, ``document.json``, ...; anything else: the static file)."""
    base, _, twin = kind.partition(".")
    if base not in PATHS:
        return "/static/ima.css"
    path = PATHS[base](rng, docs)
    if twin:  # the JSON twin: ``.json`` before the query
        head, sep, query = path.partition("?")
        path = f"{head}.json{sep}{query}"
    return path


async def load(base: str, kind: str, clients: int, requests: int, think: float, docs: int,
               seed: int) -> tuple[list[float], float, int]:
    """``requests`` requests of one page kind from ``clients`` concurrent clients; latencies (s),
    wall time (s) and the number of non-200 answers."""
    latencies: list[float] = []
    errors = 0
    per_client = max(1, requests // clients)
    # Idle connections are dropped before uvicorn's 5 s keep-alive timeout closes them under our feet.
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients, keepalive_expiry=3)

    async def client(n: int, http: httpx.AsyncClient) -> None:
        nonlocal errors
        rng = random.Random(seed * 1000 + n)
        if think:
            await asyncio.sleep(rng.uniform(0, think))  # spread the first requests
        for _ in range(per_client):
            started = time.perf_counter()
            try:
                response = await http.get(targets(kind, rng, docs))
            except httpx.TransportError:  # a dropped connection counts as an error, not a crash
                errors += 1
                continue
            latencies.append(time.perf_counter() - started)
            errors += response.status_code != 200
            if think:
                await asyncio.sleep(rng.expovariate(1 / think))

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as http:
        started = time.perf_counter()
        await asyncio.gather(*(client(n, http) for n in range(clients)))
        return latencies, time.perf_counter() - started, errors


def pct(values: list[float], p: float) -> float:
    """The p-th percentile in milliseconds (nearest rank)."""
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--variants", type=int, default=40, help="distinct parsed variants (default 40)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=1000, help="requests per page kind and load")
    parser.add_argument("--think", type=float, default=2.0, help="mean pause between a client's requests (s)")
    parser.add_argument("--workers", type=int, default=1, help="server processes (ima serve --workers)")
    parser.add_argument("--db", help="SQLite file to build or reuse (default: a temporary one)")
    parser.add_argument("--kinds", default="static,search,search.json,document,document.json,country,country.json")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-cache", action="store_true", help="turn the page cache off (IMA_WEB_CACHE_SECONDS=0)")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="ima-bench-web-")
    url = f"sqlite:///{args.db or Path(folder) / 'ima.sqlite3'}"
    build(url, args.docs, args.variants, args.seed)
    if args.no_cache:
        os.environ["IMA_WEB_CACHE_SECONDS"] = "0"
    log = Path(folder) / "serve.log"
    process, base = start_server(url, args.workers, log)
    try:
        for kind in args.kinds.split(","):  # warm caches (templates, SQLite pages) outside the measurement
            asyncio.run(load(base, kind, 5, 20, 0, args.docs, args.seed))
        rows = []
        for kind in args.kinds.split(","):
            bounded, wall_b, err_b = asyncio.run(load(base, kind, args.clients, args.requests, args.think,
                                                      args.docs, args.seed))
            saturated, wall_s, err_s = asyncio.run(load(base, kind, args.clients, args.requests, 0, args.docs,
                                                        args.seed + 1))
            rows.append((kind, pct(bounded, 50), pct(bounded, 99), len(bounded) / wall_b, pct(saturated, 50),
                         pct(saturated, 99), len(saturated) / wall_s, err_b + err_s))
            print(f"{kind:14} done", flush=True)
    except httpx.HTTPError:
        print(f"the server failed; its log ({log}):\n{log.read_text()[-3000:]}", file=sys.stderr)
        raise
    finally:
        process.terminate()
        process.wait(timeout=10)
    static = next((r for r in rows if r[0] == "static"), None)
    print(f"\n{args.docs} documents, {args.clients} clients, think {args.think} s, {args.workers} worker(s), "
          f"{args.requests} requests per kind and load, {os.cpu_count()} CPUs, page cache "
          f"{'off' if args.no_cache else 'on'}, load average {os.getloadavg()[0]:.1f}")
    print(f"{'page':14} {'p50 ms':>8} {'p99 ms':>8} {'req/s':>7} | {'sat p50':>8} {'sat p99':>8} {'sat req/s':>9}"
          f" {'vs static':>9} {'errors':>6}")
    for kind, p50, p99, rate, sp50, sp99, srate, errors in rows:
        ratio = f"{static[6] / srate:.1f}x" if static and srate else "-"
        print(f"{kind:14} {p50:8.1f} {p99:8.1f} {rate:7.1f} | {sp50:8.1f} {sp99:8.1f} {srate:9.1f} {ratio:>9} {errors:6}")
    print(f"median p99 under the bounded load: {statistics.median(r[2] for r in rows):.1f} ms")


if __name__ == "__main__":
    main()
