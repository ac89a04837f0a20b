"""Official XML and HTML, PDF, and unreadable files through the whole service, on a real SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest

from ima.domain.document import IngestStatus
from ima.services.ingest import IngestSettings, ingest_paths
from ima.store import Store
from tests.ingest.test_loaders import OP_XML
from tests.pdf_factory import make_pdf


@pytest.fixture()
def store(tmp_path: Path):
    with Store.open(f"sqlite:///{tmp_path / 'ima.sqlite3'}") as opened:
        yield opened


def test_official_xml_gets_its_metadata_from_the_structure(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "kst-19637-2535.xml"
    path.write_text(OP_XML, encoding="utf-8")
    [outcome] = list(ingest_paths(store, [path], IngestSettings()))
    assert outcome.status is IngestStatus.NEW, outcome.reason
    doc = store.document(outcome.document_id)
    meta = doc.metadata
    assert meta.date.isoformat() == "2019-10-14"
    assert meta.kamerstuk is not None and (meta.kamerstuk.dossier, meta.kamerstuk.number) == ("19637", "2535")
    assert [s.name for s in meta.signatories] == ["M. Harbers"]
    assert any("Integrale Migratieagenda" in p.text for p in doc.passages)
    hits = store.search("migratieagenda")
    assert hits and hits[0].document_id == outcome.document_id


def test_pdf_pages_come_from_the_pdf(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "brief.pdf"
    path.write_bytes(make_pdf([["Eerste pagina over terugkeer."], ["Tweede pagina over hervestiging."],
                               ["Derde pagina over opvang in de regio."]]))
    [outcome] = list(ingest_paths(store, [path], IngestSettings()))
    assert outcome.status is IngestStatus.NEW and outcome.pages == 3
    [hit] = store.search("hervestiging")
    assert hit.page == 2 and not hit.page_estimated


def test_unreadable_file_fails_alone_even_for_root(store: Store, tmp_path: Path, monkeypatch) -> None:
    good, bad = tmp_path / "goed.txt", tmp_path / "dicht.txt"
    good.write_text("Brief over terugkeer.\n", encoding="utf-8")
    bad.write_text("Geheim.\n", encoding="utf-8")
    real_read = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "dicht.txt":
            raise PermissionError(13, "Permission denied")
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    outcomes = {Path(o.path).name: o for o in ingest_paths(store, [bad, good], IngestSettings())}
    assert outcomes["dicht.txt"].status is IngestStatus.FAILED
    assert outcomes["dicht.txt"].reason == "cannot read: permission denied"
    assert outcomes["goed.txt"].status is IngestStatus.NEW
    assert store.counts()["documents"] == 1


def test_dangling_symlink_is_a_missing_file(store: Store, tmp_path: Path) -> None:
    link = tmp_path / "weg.txt"
    link.symlink_to(tmp_path / "bestaat-niet.txt")
    [outcome] = list(ingest_paths(store, [link], IngestSettings()))
    assert outcome.status is IngestStatus.FAILED and "no such file" in outcome.reason


def test_a_stage_defect_costs_one_file_not_the_batch(store: Store, tmp_path: Path, monkeypatch) -> None:
    import ima.ingest.pipeline as pipeline

    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Brief A over terugkeer.\n", encoding="utf-8")
    second.write_text("Brief B over opvang.\n", encoding="utf-8")
    real = pipeline.build_passages

    def fragile(pages):
        if "Brief A" in pages[0].text:
            raise IndexError("simulated defect")
        return real(pages)

    monkeypatch.setattr(pipeline, "build_passages", fragile)
    outcomes = {Path(o.path).name: o for o in ingest_paths(store, [first, second], IngestSettings())}
    assert outcomes["a.txt"].status is IngestStatus.FAILED and "internal error IndexError" in outcomes["a.txt"].reason
    assert outcomes["b.txt"].status is IngestStatus.NEW
    assert store.counts()["documents"] == 1
