"""Fixtures shared by the whole suite."""

from __future__ import annotations

from pathlib import Path

import pytest

CORPUS_DIR = Path(__file__).resolve().parents[1] / "ima" / "data" / "corpus"

CORPUS = {
    "agreements_2020": "2020-07-10_migratieovereenkomsten_2971694.pdf.txt",
    "progress_2021": "2021-01-11_voortgang-ima_3001668.pdf.txt",
    "taskforce_2025": "2025-05-23_taskforce-internationale-migratie.ocr.txt",
    "kamerstuk_2395": "kst-19637-2395_verslag-schriftelijk-overleg-ima.txt",
}


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The bundled demo corpus (ships with the package, no ../shared needed)."""
    return CORPUS_DIR


@pytest.fixture(scope="session")
def corpus_paths() -> dict[str, Path]:
    """Named paths of the four corpus documents."""
    return {key: CORPUS_DIR / name for key, name in CORPUS.items()}
