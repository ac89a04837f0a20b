"""Full-text search over current passages, on SQLite (FTS5) or PostgreSQL (tsvector).

The query is parsed once in Python (:mod:`ima.store.textsearch`) and compiled
per backend; user words only ever reach the database as bound parameters.
Snippets and highlights are computed in Python from the passage text, so
they look the same on both backends.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, text

from ima.domain.record import SearchFilters, SearchHit
from ima.store.rows import as_date
from ima.store.textsearch import Query, build_snippet, highlight_spans, parse_query, to_fts5, to_tsquery_sql

_COLUMNS = (
    "p.document_id, d.title, d.date, p.page, p.page_estimated, p.seq, p.text, p.raw_start, p.raw_end"
)

# bm25 is lower-is-better; negate it so every backend's score is higher-is-better.
_SQLITE = """
SELECT """ + _COLUMNS + """, -bm25(passages_fts) AS score
FROM passages_fts
JOIN passages p ON p.id = passages_fts.rowid
JOIN documents d ON d.id = p.document_id
WHERE passages_fts MATCH :match AND d.is_current {filters}
ORDER BY score DESC, p.document_id, p.seq
LIMIT :limit OFFSET :offset
"""

# The same ranking, reading only the best-ranked candidates: bm25 is computed for every match in
# the FTS index alone, and only passages scoring at least as well as the ``:candidates``-th match
# (ties included) are joined with their text and document. On a common word (25,000 matches in
# 2,000 documents) this reads a few hundred passages instead of all of them (a cold search
# 0.48 s -> ~0.03 s). Exact whenever it returns a full page: every passage left out scores worse
# than every candidate; otherwise the caller falls back to _SQLITE.
CANDIDATE_FACTOR, CANDIDATE_EXTRA = 5, 100
_SQLITE_CANDIDATES = """
WITH ranked AS MATERIALIZED (
  SELECT rowid AS id, bm25(passages_fts) AS r FROM passages_fts WHERE passages_fts MATCH :match
), cut AS (
  SELECT r FROM ranked ORDER BY r LIMIT 1 OFFSET :candidates
)
SELECT """ + _COLUMNS + """, -ranked.r AS score
FROM ranked
JOIN passages p ON p.id = ranked.id
JOIN documents d ON d.id = p.document_id
WHERE ranked.r <= COALESCE((SELECT r FROM cut), 1e308) AND d.is_current {filters}
ORDER BY score DESC, p.document_id, p.seq
LIMIT :limit OFFSET :offset
"""

# ts_rank_cd with normalization 1 divides by 1 + log(length): long passages
# do not win just by being long (bm25 normalises length too).
_POSTGRESQL = """
SELECT {columns}, ts_rank_cd(p.search_vector, q.query, 1) AS score
FROM passages p
JOIN documents d ON d.id = p.document_id
CROSS JOIN (SELECT {tsquery} AS query) q
WHERE p.search_vector @@ q.query AND d.is_current {filters}
ORDER BY score DESC, p.document_id, p.seq
LIMIT :limit OFFSET :offset
"""


# Each filter is a fixed SQL fragment; only its value is bound.
_FILTERS = {
    "kind": "AND d.kind = :kind",
    "country": ("AND EXISTS (SELECT 1 FROM facts f WHERE f.document_id = p.document_id "
                "AND f.passage_seq = p.seq AND f.kind IN ('country', 'region') AND f.key = :country)"),
    "date_from": "AND d.date >= :date_from",
    "date_to": "AND d.date <= :date_to",
    "document_id": "AND p.document_id = :document_id",
    "pillar": ("AND EXISTS (SELECT 1 FROM passage_pillars pp WHERE pp.document_id = p.document_id "
               "AND pp.passage_seq = p.seq AND pp.pillar = :pillar)"),
}


def _filter_sql(filters: SearchFilters | None) -> tuple[str, dict[str, Any]]:
    if filters is None:
        return "", {}
    values = {name: getattr(filters, name) for name in _FILTERS if getattr(filters, name) is not None}
    return " ".join(_FILTERS[name] for name in values), values


def search(connection: Connection, query: str, *, limit: int = 10, offset: int = 0,
           filters: SearchFilters | None = None) -> list[SearchHit]:
    """Current passages matching ``query``, best first, narrowed by ``filters``.

    An empty query, or one with nothing searchable left (only punctuation,
    stop words or exclusions), returns no hits rather than raising.
    """
    if limit < 0 or offset < 0:
        raise ValueError("limit and offset must not be negative")
    parsed = parse_query(query)
    if parsed.is_empty or limit == 0:
        return []
    where, bound = _filter_sql(filters)
    paging = {"limit": limit, "offset": offset, **bound}
    dialect = connection.dialect.name
    if dialect == "sqlite":
        match = {"match": to_fts5(parsed), **paging}
        candidates = (offset + limit) * CANDIDATE_FACTOR + CANDIDATE_EXTRA
        rows = connection.execute(text(_SQLITE_CANDIDATES.format(filters=where)),
                                  {**match, "candidates": candidates - 1}).all()
        if len(rows) < limit:  # filters left too few candidates: rank every match
            rows = connection.execute(text(_SQLITE.format(filters=where)), match).all()
    elif dialect == "postgresql":
        compiled = to_tsquery_sql(parsed)
        assert compiled is not None  # parsed is not empty
        tsquery, params = compiled
        sql = _POSTGRESQL.format(columns=_COLUMNS, tsquery=tsquery, filters=where)
        rows = connection.execute(text(sql), {**params, **paging})
    else:
        raise NotImplementedError(f"full-text search is not available on {dialect}")
    return [_hit(row, parsed) for row in rows]


def _hit(row: Any, query: Query) -> SearchHit:
    spans = highlight_spans(row.text, query)
    return SearchHit(
        document_id=row.document_id, title=row.title, date=as_date(row.date), page=row.page,
        page_estimated=bool(row.page_estimated), passage_seq=row.seq, text=row.text,
        snippet=build_snippet(row.text, spans), highlights=tuple(spans), score=float(row.score),
        raw_start=row.raw_start, raw_end=row.raw_end,
    )
