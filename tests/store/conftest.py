"""Store fixtures: a fresh, migrated store on SQLite and on PostgreSQL.

PostgreSQL comes from ``IMA_TEST_POSTGRES_URL`` (default: a local trust-auth
server). Each test gets its own schema (via ``search_path``, so Alembic's
version table lands there too), dropped afterwards. Without a server the
PostgreSQL tests are skipped, except under ``CI=true``, where they fail.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from ima.domain.document import Extraction, ParsedDocument, SourceFormat
from ima.domain.metadata import Chamber, DocumentKind, DocumentMetadata, Footnote, KamerstukRef, Signatory
from ima.domain.text import Line, Page, Passage, Removal, StageReport
from ima.store import Store

DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def postgres_base_url() -> str:
    """The server the PostgreSQL tests use."""
    return os.environ.get("IMA_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL)


def _unavailable(reason: str) -> None:
    message = f"PostgreSQL at {make_url(postgres_base_url()).render_as_string()} not available: {reason}"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message + " (CI=true: the PostgreSQL tests must run)")
    pytest.skip(message + " (set IMA_TEST_POSTGRES_URL to run them)")


@pytest.fixture(scope="session")
def postgres_admin():
    """An engine on the test server, or skip/fail when there is none."""
    url = make_url(postgres_base_url().replace("postgresql://", "postgresql+psycopg://", 1))
    engine = create_engine(url, connect_args={"connect_timeout": 5})
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as error:  # any failure to connect means "no server"
        engine.dispose()
        _unavailable(str(error).splitlines()[0])
    yield engine
    engine.dispose()


@pytest.fixture
def postgres_url(postgres_admin) -> Iterator[str]:
    """A URL whose connections live in a fresh schema of their own."""
    schema = f"ima_test_{uuid.uuid4().hex[:12]}"
    with postgres_admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = postgres_admin.url.update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with postgres_admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    """A URL of a fresh SQLite file."""
    return f"sqlite:///{tmp_path / 'ima.sqlite3'}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request) -> str:
    """A fresh database on each backend."""
    return request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "postgres_url")


@pytest.fixture
def store(store_url) -> Iterator[Store]:
    """A migrated, empty store on each backend."""
    with Store.open(store_url) as opened:
        yield opened


def make_document(
    pages: list[str],
    *,
    source: str = "letter.txt",
    title: str | None = "Brief",
    date: dt.date | None = dt.date(2020, 7, 10),
    kind: DocumentKind = DocumentKind.LETTER,
    salt: str = "",
    removed: bool = False,
) -> ParsedDocument:
    """A parsed document whose pages are the given texts, one passage per paragraph.

    Paragraphs are separated by blank lines; the raw text is the pages joined
    by form feeds, so every line and passage has a true raw span. The content
    hash derives from the text (plus ``salt``), as the real pipeline's does
    from the bytes.
    """
    raw = "\f".join(pages)
    built_pages: list[Page] = []
    passages: list[Passage] = []
    offset = 0
    for number, page_text in enumerate(pages, start=1):
        lines, cursor = [], offset
        for line in page_text.split("\n"):
            lines.append(Line(line, cursor, cursor + len(line)))
            cursor += len(line) + 1
        gone = (Removal(Line("Pagina %d" % number, offset, offset), "page number"),) if removed else ()
        built_pages.append(Page(number, tuple(lines), estimated=number > 1 and removed, removed=gone))
        paragraph: list[Line] = []
        for line in lines + [Line("", cursor, cursor)]:
            if line.text.strip():
                paragraph.append(line)
            elif paragraph:
                passages.append(Passage(seq=len(passages), page=number, text=" ".join(l.text for l in paragraph),
                                        start=paragraph[0].start, end=paragraph[-1].end))
                paragraph = []
        offset += len(page_text) + 1
    data = (raw + salt).encode()
    return ParsedDocument(
        source=source,
        content_hash=hashlib.sha256(data).hexdigest(),
        size=len(data),
        extraction=Extraction(raw, SourceFormat.TEXT, encoding="utf-8", warnings=("demo",)),
        pages=tuple(built_pages),
        passages=tuple(passages),
        metadata=DocumentMetadata(
            kind=kind, title=title, subject="Migratie", date=date, addressee=Chamber.TWEEDE_KAMER,
            kenmerk="2971694", directorate="DMM",
            signatories=(Signatory("A. Minister", "Minister"), Signatory("B. Staatssecretaris")),
            kamerstuk=KamerstukRef("19637", "2395", "2017-2018"),
            footnotes=(Footnote(1, "Kamerstuk 19637, nr. 2395", 1, ("kst-19637-2395",), 0, 5),),
            provenance={"title": "text", "date": "text"},
        ),
        stages=(StageReport("extract", raw, {"format": "text", "lines": (1, 2)}),
                StageReport("passages", raw, {"count": len(passages)})),
    )


@pytest.fixture
def make_doc():
    """The :func:`make_document` factory."""
    return make_document
