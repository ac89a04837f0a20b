"""The store: saving parsed documents and reading them back.

Every write is one transaction: a document and all its rows are stored
together or not at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, literal, select, update
from sqlalchemy.exc import IntegrityError

from ima.domain.document import Extraction, IngestOutcome, IngestStatus, ParsedDocument
from ima.domain.record import DocumentSummary, FactRecord, SearchFilters, SearchHit, StoredDocument
from ima.store import migrate, rows
from ima.store.fact_query import passage_pillars, query_facts
from ima.store.database import SQLITE_BEGIN, create_store_engine, default_database_url
from ima.store.schema import TABLES, Base, Document
from ima.store.search import search as run_search

_documents = Document.__table__
# Child tables in insertion order (all reference documents.id only).
_CHILD_TABLES = ("signatories", "footnotes", "pages", "passages", "stage_outputs", "facts", "passage_pillars")


class DocumentNotFound(KeyError):
    """No stored document has the requested id."""

    def __init__(self, document_id: int) -> None:
        super().__init__(document_id)
        self.document_id = document_id

    def __str__(self) -> str:
        return f"no document with id {self.document_id} in the store"


def _insert(connection: Connection, table: str, values: list[dict[str, Any]]) -> None:
    # One executemany per table: row-at-a-time inserts would make ingestion
    # of long documents crawl.
    if values:
        connection.execute(insert(Base.metadata.tables[table]), values)


def _outcome(doc: ParsedDocument, row: Any, status: IngestStatus) -> IngestOutcome:
    return IngestOutcome(
        path=doc.source, status=status, document_id=row.id, title=row.title,
        date=row.date.isoformat() if row.date else None, pages=row.page_count,
        encoding=row.encoding, version=row.version,
    )


class Store:
    """ima's database: documents, their pages and passages, and full-text search.

    Open with :meth:`Store.open`; use as a context manager or call :meth:`close`.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        # Writers begin IMMEDIATE on SQLite (see database._sqlite_begin);
        # other backends ignore the option.
        self._writer = engine.execution_options(**{SQLITE_BEGIN: "IMMEDIATE"})

    @classmethod
    def open(cls, url: str | None = None, *, upgrade: bool = True) -> Store:
        """Connect to ``url`` (default: :func:`default_database_url`) and migrate it to the newest schema.

        Plain ``postgresql://`` URLs use the psycopg 3 driver. With
        ``upgrade=False`` the schema is left as it is.
        """
        store = cls(create_store_engine(url or default_database_url()))
        if upgrade:
            try:
                store.upgrade()
            except BaseException:
                store.close()
                raise
        return store

    def url_for_display(self) -> str:
        """The database URL with any password hidden."""
        return self._engine.url.render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self._engine.dialect.name

    def upgrade(self) -> None:
        """Apply pending migrations (harmless when there are none)."""
        migrate.upgrade(self._writer)

    @property
    def accounts(self):
        """The accounts of the web app (:class:`ima.store.accounts.Accounts`)."""
        from ima.store.accounts import Accounts

        return Accounts(self._engine, self._writer)

    def revision(self) -> str | None:
        """The schema revision of the database (None if never migrated)."""
        return migrate.current_revision(self._engine)

    def close(self) -> None:
        """Release all connections."""
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        # One transaction per read so multi-statement reads see one snapshot.
        with self._engine.connect() as connection:
            if connection.dialect.name == "postgresql":
                connection = connection.execution_options(isolation_level="REPEATABLE READ")
            with connection.begin():
                yield connection

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One write transaction for the store's other repositories: all of it is stored, or none."""
        with self._writer.begin() as connection:
            yield connection

    def snapshot(self):
        """One read transaction (a consistent snapshot) for the store's other repositories."""
        return self._read()

    # --- writing -----------------------------------------------------------

    def save(self, doc: ParsedDocument) -> IngestOutcome:
        """Store a parsed document in one transaction.

        * content already stored (same hash, any source): ``UNCHANGED``, nothing written;
        * content of an older, superseded version of the same source: ``NEW_VERSION``,
          and that stored version is current again (its version number is kept);
        * a source stored before with other content: ``NEW_VERSION``, the
          previous version kept but no longer current;
        * otherwise ``NEW``.
        """
        try:
            return self._save(doc)
        except IntegrityError:
            # Another process stored the same content or version between our
            # check and our insert; deciding again sees its row.
            return self._save(doc)

    def _save(self, doc: ParsedDocument) -> IngestOutcome:
        with self._writer.begin() as connection:
            existing = connection.execute(
                select(_documents).where(_documents.c.content_hash == doc.content_hash)
            ).first()
            source = rows.safe_text(doc.source)
            if existing is not None:
                if existing.source == source and not existing.is_current:
                    # The file went back to content stored before (v1 -> v2 -> v1): that
                    # version becomes current again instead of a third copy being written.
                    connection.execute(update(_documents).where(_documents.c.source == source,
                                                                _documents.c.is_current).values(is_current=False))
                    connection.execute(update(_documents).where(_documents.c.id == existing.id)
                                       .values(is_current=True))
                    restored = connection.execute(select(_documents).where(_documents.c.id == existing.id)).one()
                    return _outcome(doc, restored, IngestStatus.NEW_VERSION)
                return _outcome(doc, existing, IngestStatus.UNCHANGED)
            latest = connection.execute(
                select(func.max(_documents.c.version)).where(_documents.c.source == source)
            ).scalar()
            if latest is not None:
                connection.execute(
                    update(_documents)
                    .where(_documents.c.source == source, _documents.c.is_current)
                    .values(is_current=False)
                )
            row = rows.document_row(doc, version=(latest or 0) + 1, ingested_at=dt.datetime.now(dt.timezone.utc))
            document_id = connection.execute(insert(_documents).values(row).returning(_documents.c.id)).scalar_one()
            parts = rows.part_rows(doc, document_id, stemmed=connection.dialect.name == "sqlite")
            for table in _CHILD_TABLES:
                _insert(connection, table, parts[table])
            stored = connection.execute(select(_documents).where(_documents.c.id == document_id)).one()
            return _outcome(doc, stored, IngestStatus.NEW_VERSION if latest is not None else IngestStatus.NEW)

    def replace_derived(self, document_id: int, doc: ParsedDocument) -> IngestOutcome:
        """Replace everything derived from a stored document's text (metadata, pages, passages,
        facts, stage outputs) by a new parse of the same text, in one transaction.

        Used after the pipeline improved: the bytes and the version stay, what ima made
        of them is renewed. ``doc`` must carry the stored content hash.
        """
        with self._writer.begin() as connection:
            row = connection.execute(select(_documents).where(_documents.c.id == document_id)).first()
            if row is None:
                raise DocumentNotFound(document_id)
            if row.content_hash != doc.content_hash:
                raise ValueError(f"document {document_id}: the new parse is of other content")
            fresh = rows.document_row(doc, version=row.version, ingested_at=row.ingested_at)
            for kept in ("source", "content_hash", "version", "is_current", "size", "ingested_at"):
                fresh.pop(kept)
            connection.execute(update(_documents).where(_documents.c.id == document_id).values(fresh))
            for table in _CHILD_TABLES:
                t = Base.metadata.tables[table]
                connection.execute(t.delete().where(t.c.document_id == document_id))
            parts = rows.part_rows(doc, document_id, stemmed=connection.dialect.name == "sqlite")
            for table in _CHILD_TABLES:
                _insert(connection, table, parts[table])
            stored = connection.execute(select(_documents).where(_documents.c.id == document_id)).one()
            return _outcome(doc, stored, IngestStatus.UNCHANGED)

    # --- reading -----------------------------------------------------------

    def extraction(self, document_id: int) -> Extraction:
        """The stored extraction of a document (raw text, format, encoding, page breaks, structure)."""
        with self._read() as connection:
            row = connection.execute(select(_documents).where(_documents.c.id == document_id)).first()
        if row is None:
            raise DocumentNotFound(document_id)
        return rows.extraction(row)

    def find_by_hash(self, content_hash: str) -> DocumentSummary | None:
        """The stored document with this content hash, if any."""
        with self._read() as connection:
            row = connection.execute(select(_documents).where(_documents.c.content_hash == content_hash)).first()
        return rows.summary(row) if row is not None else None

    def documents(self, all_versions: bool = False) -> list[DocumentSummary]:
        """Stored documents (current versions unless ``all_versions``), by date (undated last), then id."""
        query = select(_documents).order_by(_documents.c.date.is_(None), _documents.c.date, _documents.c.id)
        if not all_versions:
            query = query.where(_documents.c.is_current)
        with self._read() as connection:
            return [rows.summary(row) for row in connection.execute(query)]

    def document(self, document_id: int, *, stage_texts: bool = True) -> StoredDocument:
        """Everything stored about one document version; :class:`DocumentNotFound` if there is none.

        ``stage_texts=False`` leaves the text after each stage empty (details kept): a reader of the
        document needs only the details, and the texts are most of what is stored (ten copies of it).
        """
        tables = Base.metadata.tables
        with self._read() as connection:
            row = connection.execute(select(_documents).where(_documents.c.id == document_id)).first()
            if row is None:
                raise DocumentNotFound(document_id)

            def children(table: str, order: str) -> list[Any]:
                t = tables[table]
                columns = [t] if stage_texts or table != "stage_outputs" else \
                    [c for c in t.c if c.name != "text"] + [literal("").label("text")]
                query = select(*columns).where(t.c.document_id == document_id).order_by(t.c[order])
                return list(connection.execute(query))

            versions = connection.execute(
                select(_documents).where(_documents.c.source == row.source).order_by(_documents.c.version)
            )
            return StoredDocument(
                summary=rows.summary(row),
                metadata=rows.metadata(row, children("signatories", "position"), children("footnotes", "position")),
                pages=tuple(rows.stored_page(page) for page in children("pages", "position")),
                passages=tuple(rows.passage(passage) for passage in children("passages", "seq")),
                raw_text=row.raw_text,
                stages=tuple(rows.stage(stage) for stage in children("stage_outputs", "position")),
                versions=tuple(rows.summary(version) for version in versions),
            )

    def search(self, query: str, limit: int = 10, offset: int = 0,
               filters: SearchFilters | None = None) -> list[SearchHit]:
        """Passages of current documents matching ``query``, best first.

        Syntax: words (all required), ``"phrases"``, ``OR`` between
        alternatives, ``-word`` to exclude; accents and case are ignored and
        Dutch inflections match. Any input is accepted; a query with nothing
        searchable in it (empty, punctuation, stop words) returns ``[]``.
        """
        with self._read() as connection:
            return run_search(connection, query, limit=limit, offset=offset, filters=filters)

    def facts(self, *, kinds: tuple[str, ...] = (), key: str | None = None, about: str | None = None,
              document_id: int | None = None, pillar: int | None = None, limit: int = 100,
              offset: int = 0) -> list[FactRecord]:
        """Facts of current documents; ``about`` = standing in a passage that mentions that country/region;
        ``pillar`` = standing in a passage classified under that pillar."""
        with self._read() as connection:
            return query_facts(connection, kinds=kinds, key=key, about=about, document_id=document_id,
                               pillar=pillar, limit=limit, offset=offset)

    def passage_pillars(self, document_ids: list[int]) -> dict[tuple[int, int], list[int]]:
        """The pillars of each passage of these documents: (document id, passage seq) -> pillars."""
        with self._read() as connection:
            return passage_pillars(connection, document_ids)

    def counts(self) -> dict[str, int]:
        """Number of rows per table."""
        with self._read() as connection:
            return {
                table: connection.execute(select(func.count()).select_from(Base.metadata.tables[table])).scalar_one()
                for table in TABLES
            }
