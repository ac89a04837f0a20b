"""Re-derive ima/data/programmes/eutf/ from ../shared/data/eutf_africa_projects/.

Usage: .venv/bin/python scripts/data/derive_eutf_programmes.py [SOURCE_DIR]

- projects.csv: the DW project database, byte for byte (the import test sums it).
- akvo_results.csv.gz: every row of processed/EUTF_akvo_results.csv (R's row
  number dropped), with the Akvo project's ``project_parent`` joined from
  processed/EUTF_projects_akvo.csv so the importer can attach contract-level
  indicators to their parent programme. Values are kept as written.
"""

from __future__ import annotations

import csv
import gzip
import io
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "eutf_africa_projects"
TARGET = ROOT / "ima" / "data" / "programmes" / "eutf"
RESULT_COLUMNS = ("iati_id", "project_parent", "result_type", "title", "period_start", "period_end", "target",
                  "actual")


def derive(source: Path, target: Path) -> None:
    """Write the vendored files from the verbatim source files."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source / "EUTF-Projects-Database-2022-01.csv", target / "projects.csv")
    with (source / "processed" / "EUTF_projects_akvo.csv").open(encoding="utf-8", newline="") as handle:
        parents = {row["iati_id"]: row["project_parent"] for row in csv.DictReader(handle)}
    out = io.StringIO()
    with (source / "processed" / "EUTF_akvo_results.csv").open(encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(out, fieldnames=RESULT_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in csv.DictReader(handle):
            writer.writerow({**{k: row[k] for k in RESULT_COLUMNS if k != "project_parent"},
                             "project_parent": parents.get(row["iati_id"], "")})
    # mtime=0: the same source gives the same bytes.
    (target / "akvo_results.csv.gz").write_bytes(gzip.compress(out.getvalue().encode("utf-8"), mtime=0))


if __name__ == "__main__":
    derive(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE, TARGET)
