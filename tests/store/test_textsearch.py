"""Pure text-search helpers: folding, query parsing, FTS5 compilation, snippets."""

from __future__ import annotations

import sqlite3
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ima.domain.record import MARK_END, MARK_START
from ima.store.textsearch import (
    Clause,
    Query,
    Term,
    build_snippet,
    fold,
    highlight_spans,
    index_stems,
    parse_query,
    stem,
    to_fts5,
    to_tsquery_sql,
    tokens,
)


@pytest.mark.parametrize(("text", "folded"), [
    ("Coördinatie", "coordinatie"), ("Tunesië", "tunesie"), ("financiéle", "financiele"),
    ("Straße", "strasse"), ("Ørsted", "orsted"), ("ﬁnanciën", "financien"), ("ĳsland", "ijsland"),
    ("Łódź", "lodz"), ("Œuvre", "oeuvre"), ("ＡＢＣ", "abc"), ("cafe\u0301", "cafe"),
])
def test_fold(text, folded):
    assert fold(text) == folded


@given(st.text())
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


LATIN = st.characters(min_codepoint=0x20, max_codepoint=0x17F).filter(
    lambda ch: ch.isascii() or "LATIN" in unicodedata.name(ch, ""))


@given(st.text(alphabet=LATIN))
def test_fold_turns_latin_text_into_ascii(text):
    assert fold(text).isascii()


def test_tokens_keep_spans_of_the_written_words():
    text = "De coo\u0308rdinatie, 35300-VI."
    assert [(t.word, text[t.start:t.end]) for t in tokens(text)] == [
        ("de", "De"), ("coordinatie", "coo\u0308rdinatie"), ("35300", "35300"), ("vi", "VI")]


def test_stems_unify_inflections():
    assert stem("overeenkomsten") == stem("overeenkomst")
    assert stem("landen") == stem("land")
    assert index_stems("Overeenkomsten met Tunesië") == "overeenkomst met tunesie"


def test_parse_query():
    assert parse_query('terugkeer "derde landen" -Libië OR UNHCR') == Query((
        Clause((Term(("terugkeer",)), Term(("derde", "landen"))), (Term(("libie",)),)),
        Clause((Term(("unhcr",)),)),
    ))
    assert parse_query("35300-VI") == Query((Clause((Term(("35300", "vi")),)),))
    assert parse_query('"unclosed phrase') == Query((Clause((Term(("unclosed", "phrase")),)),))


@pytest.mark.parametrize("text", ["", "  ", "OR", "-x", "de het", '""', "!!!", "- OR -"])
def test_queries_with_nothing_to_search_are_empty(text):
    query = parse_query(text)
    assert query.is_empty and to_fts5(query) is None and to_tsquery_sql(query) is None


def test_fts5_expression_quotes_every_word():
    assert to_fts5(parse_query("NEAR AND -x* OR landen")) == (
        '(("near" AND "and") NOT ("x")) OR (("land"))')


def test_tsquery_binds_user_words():
    sql, params = to_tsquery_sql(parse_query("a'b \"c d\" -e"))
    assert "a" not in sql.replace("ima_dutch", "").replace("plainto", "").replace("phraseto", "").replace(
        "tsquery", "")
    assert params == {"q0": "a b", "q1": "c d", "q2": "e"}


@pytest.fixture(scope="module")
def fts5():
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE t USING fts5(search_text, tokenize='unicode61 remove_diacritics 0')")
    connection.execute("INSERT INTO t VALUES (?)", (index_stems("De overeenkomsten met derde landen."),))
    yield connection
    connection.close()


QUERY_TEXT = st.text() | st.lists(
    st.sampled_from(['"', "-", "OR", "AND", "NOT", "NEAR", "(", ")", "*", "^", ":", "+", "landen", "de",
                     "Tunesië", " ", "'", "{", "}", "NEAR(", ",", "\x00", "ß", "中"]),
).map("".join) | st.lists(st.sampled_from(['"', "-", "OR", "landen", "x", " "])).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(QUERY_TEXT)
def test_any_query_compiles_to_valid_fts5(fts5, text):
    expression = to_fts5(parse_query(text))
    if expression is not None:
        fts5.execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,)).fetchall()


def test_snippet_marks_matches_in_a_window():
    text = " ".join(f"woord{i}" for i in range(100)) + " terugkeer en overeenkomsten " + " ".join(
        f"eind{i}" for i in range(100))
    spans = highlight_spans(text, parse_query("overeenkomst terugkeer"))
    assert [text[s:e] for s, e in spans] == ["terugkeer", "overeenkomsten"]
    snippet = build_snippet(text, spans)
    assert snippet.startswith("… ") and snippet.endswith(" …")
    assert f"{MARK_START}terugkeer{MARK_END} en {MARK_START}overeenkomsten{MARK_END}" in snippet
    assert len(snippet.split()) <= 32


def test_snippet_strips_marker_characters_from_the_text():
    text = f"een {MARK_START}rare{MARK_END} tekst over terugkeer"
    snippet = build_snippet(text, highlight_spans(text, parse_query("terugkeer")))
    assert snippet == f"een rare tekst over {MARK_START}terugkeer{MARK_END}"


def test_snippet_without_matches_is_the_start():
    assert build_snippet("a b c", []) == "a b c"
    assert build_snippet("", []) == ""


@given(st.text(), QUERY_TEXT)
def test_snippet_never_fails_and_balances_markers(text, query):
    spans = highlight_spans(text, parse_query(query))
    snippet = build_snippet(text, spans)
    assert snippet.count(MARK_START) == snippet.count(MARK_END)
    for start, end in spans:
        assert 0 <= start < end <= len(text)
