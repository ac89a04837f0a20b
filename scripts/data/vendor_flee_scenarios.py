"""Copy the four Flee 3.1 validation scenarios from ../shared/data/flee_scenarios into ima/data/flee_scenarios.

Usage: ``python scripts/data/vendor_flee_scenarios.py [SHARED_DATA_DIR]``. The files are small and
are copied unchanged (Flee's own formats are the interface), with LICENSE and SOURCE.md.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET = ROOT / "ima" / "data" / "flee_scenarios"
SCENARIOS = {"mali": "mali2012", "burundi": "burundi2015", "car": "car2013", "syria": "syria2013"}


def main() -> None:
    """Copy inputs, validation series, FabFlee settings and the licence."""
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data"
    source = shared / "flee_scenarios"
    if not source.is_dir():
        raise SystemExit(f"{source} not found")
    for folder, validation in SCENARIOS.items():
        for part, name in (("conflict_input", folder), ("conflict_validation", validation)):
            shutil.copytree(source / part / name, TARGET / part / name, dirs_exist_ok=True)
    shutil.copytree(source / "settings", TARGET / "settings", dirs_exist_ok=True)
    shutil.copy2(source / "LICENSE", TARGET / "LICENSE")
    print(f"copied {len(SCENARIOS)} scenarios to {TARGET}")


if __name__ == "__main__":
    main()
