"""The vendored indicator tables are what ``scripts/data/build_indicators.py`` derives from
``../shared/data`` (skipped when that folder is not there, e.g. in a plain clone)."""

from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"


@pytest.mark.slow
@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data not present")
def test_build_reproduces_the_vendored_tables(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("build_indicators", ROOT / "scripts" / "data" / "build_indicators.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.build(SHARED, tmp_path, tmp_path)
    for built, shipped in ((tmp_path / "values.csv.gz", ROOT / "ima/data/indicators/values.csv.gz"),
                           (tmp_path / "detections.csv.gz", ROOT / "ima/data/routes/detections.csv.gz"),
                           (tmp_path / "refugee_hosts.csv.gz", ROOT / "ima/data/indicators/refugee_hosts.csv.gz")):
        assert gzip.decompress(built.read_bytes()) == gzip.decompress(shipped.read_bytes()), built.name
    for name in ("deaths.csv", "monthly.csv"):
        assert (tmp_path / name).read_text() == (ROOT / "ima/data/routes" / name).read_text(), name
