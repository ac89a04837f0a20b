"""Latency of the partnership pages' JSON twins against the service calls they wrap.

In-process (Starlette's TestClient over the ASGI app, no sockets), over an empty SQLite store plus
the shipped curated files: the dossier, the package builder at the draws the live sliders ask for
(200) and at the page default (300), the risk register and the budget. The peer in the same run is
the service function the view calls, with the same arguments: the ratio is what the web layer
(routing, validation, row building, JSON) adds. The live re-rank is usable when one slider move
answers well under the 150 ms debounce plus a frame or two.

    .venv/bin/python bench/partnership_pages.py --repeat 20
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ima.services.budget import budget_view  # noqa: E402
from ima.services.partnership import instrument_packages, partnership_dossier  # noqa: E402
from ima.services.risks import risk_heat_map, risk_register  # noqa: E402
from ima.store import Store  # noqa: E402
from ima.web.app import create_app  # noqa: E402

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def median_ms(call, repeat: int) -> float:
    """Median wall time of ``call`` in milliseconds (one warm-up call first)."""
    call()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, Store.open(f"sqlite:///{folder}/bench.sqlite3") as store:
        client = TestClient(create_app(store=store, secret_key="bench"))
        weights = {"trade": 0.8, "human-rights": 1.2}
        query = "objective=return&w_trade=0.8&w_human-rights=1.2"
        cases = [
            ("dossier TUN", lambda: client.get("/partnership/TUN.json").raise_for_status(),
             lambda: partnership_dossier(store, "TUN")),
            ("packages MAR, 200 draws (live)", lambda: client.get(f"/packages/MAR.json?{query}&draws=200")
             .raise_for_status(), lambda: instrument_packages("MAR", "return", weights=weights, draws=200)),
            ("packages MAR, 300 draws", lambda: client.get(f"/packages/MAR.json?{query}&draws=300")
             .raise_for_status(), lambda: instrument_packages("MAR", "return", weights=weights, draws=300)),
            ("risk register + heat map", lambda: client.get("/risks.json").raise_for_status(),
             lambda: (risk_register(), risk_heat_map())),
            ("budget (empty store)", lambda: client.get("/budget.json").raise_for_status(),
             lambda: budget_view(store)),
        ]
        print(f"{'page':34} {'web ms':>8} {'service ms':>11} {'ratio':>6}")
        for name, web, service in cases:
            w, s = median_ms(web, args.repeat), median_ms(service, args.repeat)
            print(f"{name:34} {w:8.1f} {s:11.1f} {w / s:6.2f}")


if __name__ == "__main__":
    main()
