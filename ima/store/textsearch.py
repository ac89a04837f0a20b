"""Pure text-search helpers shared by both database backends.

Folding, tokenising, Dutch stemming, query parsing and snippet building all
happen here, in Python, so SQLite and PostgreSQL see the same words and a
query means the same thing on both:

* the index is built from *folded* tokens (accents and case removed), so
  "Tunesie" finds "Tunesië" and OCR'd "Tunesié" alike;
* SQLite's FTS5 cannot stem Dutch, so on SQLite the indexed text is the
  Snowball stems of those tokens; PostgreSQL stems them itself with
  ``ima_dutch``, its ``dutch`` configuration (the same Snowball algorithm)
  without the stop-word list, so both keep stop words in the index and
  phrases match exactly; plain stop-word terms are dropped from queries;
* the query language is websearch-like: terms (all required), ``"phrases"``,
  ``OR`` between alternatives, ``-term`` to exclude. Every input parses;
  what cannot be understood is ignored rather than rejected.
"""

from __future__ import annotations

import re
from bisect import bisect_left
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from ima.domain.record import MARK_END, MARK_START  # re-exported: snippet consumers split on them

# Letters NFKD does not decompose but a Dutch reader treats as variants of
# plain Latin letters.
_SPECIAL = str.maketrans({
    "ß": "ss", "ẞ": "SS", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
    "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH",
    "ı": "i", "ĸ": "k", "ŉ": "'n", "ƒ": "f", "ŀ": "l", "Ŀ": "L", "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T", "ŋ": "n", "Ŋ": "N",
})

# A word: letters/digits, with any combining marks that follow them (text in
# decomposed form keeps its accents as separate code points).
_WORD = re.compile(r"(?:[^\W_][\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]*)+")
_ALNUM = re.compile(r"[^\W_]+")

# PostgreSQL's dutch.stop (the Snowball Dutch stop list). Dropped from plain
# query terms on both backends, as PostgreSQL's dutch configuration does.
STOP_WORDS = frozenset("""
de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om
hem dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar
naar heb hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets worden toch al
waren veel meer doen toen moet ben zonder kan hun dus alles onder ja eens hier wie werd
altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest andere
""".split())

# PostgreSQL (up to at least 17) ships the classic Snowball Dutch stemmer;
# snowballstemmer 3 calls that one "dutch_porter" and a newer one "dutch".
_ALGORITHM = "dutch_porter" if "dutch_porter" in snowballstemmer.algorithms() else "dutch"
_STEMMER = snowballstemmer.stemmer(_ALGORITHM)

SNIPPET_WORDS = 30

__all__ = [
    "MARK_END", "MARK_START", "SNIPPET_WORDS", "STOP_WORDS", "Clause", "Query", "Term", "Token",
    "build_snippet", "fold", "highlight_spans", "index_stems", "index_words", "parse_query", "stem",
    "to_fts5", "to_tsquery_sql", "tokens",
]


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Remove accents and case: ``"Coördinatie"`` -> ``"coordinatie"``, ``"ß"`` -> ``"ss"``.

    Compatibility forms are unified too (ligatures, full-width letters).
    Idempotent: folding a folded text changes nothing.
    """
    folded = _strip_marks(text)
    # casefold can reintroduce decomposable characters; repeat to a fixpoint.
    for _ in range(4):
        again = _strip_marks(folded.casefold())
        if again == folded:
            break
        folded = again
    return folded


@lru_cache(maxsize=200_000)
def _fold_word(word: str) -> tuple[str, ...]:
    return tuple(_ALNUM.findall(fold(word)))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Dutch Snowball stem of one folded word (cached: vocabularies repeat)."""
    return _STEMMER.stemWord(word) or word


@dataclass(frozen=True, slots=True)
class Token:
    """A folded word and the span ``[start, end)`` of the word it came from."""

    word: str
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    """Split text into folded words, each with its span in ``text``.

    One written word can give several folded words ("½" -> "1", "2"); they
    share its span.
    """
    out: list[Token] = []
    for match in _WORD.finditer(text):
        for word in _fold_word(match.group()):
            out.append(Token(word, match.start(), match.end()))
    return out


def index_words(text: str) -> str:
    """The folded words of ``text``, space separated (PostgreSQL indexes this)."""
    return " ".join(token.word for token in tokens(text))


def index_stems(text: str) -> str:
    """The stems of the folded words of ``text``, space separated (SQLite indexes this)."""
    return " ".join(stem(token.word) for token in tokens(text))


# --- queries ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Term:
    """A required or excluded item: one folded word, or a phrase of several."""

    words: tuple[str, ...]

    @property
    def is_phrase(self) -> bool:
        """True when the term is several words that must appear in order."""
        return len(self.words) > 1


@dataclass(frozen=True, slots=True)
class Clause:
    """One alternative: all ``include`` terms and none of the ``exclude`` terms."""

    include: tuple[Term, ...]
    exclude: tuple[Term, ...] = ()


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: a passage matches when it matches any clause."""

    clauses: tuple[Clause, ...]

    @property
    def is_empty(self) -> bool:
        """True when nothing searchable is left (such a query has no hits)."""
        return not self.clauses

    def terms(self) -> tuple[Term, ...]:
        """Every required term of every clause (what a snippet highlights)."""
        return tuple(term for clause in self.clauses for term in clause.include)


_QUERY_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')


def _term(text: str) -> Term | None:
    words = tuple(token.word for token in tokens(text))
    if not words or all(word in STOP_WORDS for word in words):
        # Stop words alone carry no meaning; PostgreSQL drops them too.
        return None
    return Term(words)


def parse_query(text: str) -> Query:
    """Parse a websearch-like query. Never raises; may return an empty query.

    * ``a b``: both a and b; ``"a b"``: the phrase; an unclosed quote runs to
      the end of the query.
    * ``a OR b``: either (``OR`` in capitals; it separates whole alternatives,
      so ``a b OR c`` is ``(a AND b) OR c``).
    * ``-a``: not a. An alternative with only exclusions is dropped, so a
      query of only exclusions is empty.
    * Punctuation is a word separator, so ``35300-VI`` is the phrase
      "35300 vi" and FTS5/tsquery operators (``NEAR``, ``*``, ``&``, ``:``)
      are just words or nothing.
    """
    clauses: list[Clause] = []
    include: list[Term] = []
    exclude: list[Term] = []

    def close_clause() -> None:
        if include:
            clauses.append(Clause(tuple(dict.fromkeys(include)), tuple(dict.fromkeys(exclude))))
        include.clear()
        exclude.clear()

    for match in _QUERY_TOKEN.finditer(text):
        negated, phrase, bare = match.group(1), match.group(2), match.group(3)
        if bare == "OR":
            close_clause()
            continue
        if bare is not None:
            negated = "-" if bare.startswith("-") else ""
            phrase = bare.lstrip("-")
        term = _term(phrase)
        if term is not None:
            (exclude if negated else include).append(term)
    close_clause()
    return Query(tuple(dict.fromkeys(clauses)))


def _fts5_term(term: Term) -> str:
    # Quoting makes every stem a literal string to FTS5 (never an operator);
    # several stems in one string are an FTS5 phrase.
    stems = " ".join(stem(word) for word in term.words)
    return '"' + stems.replace('"', '""') + '"'


def to_fts5(query: Query) -> str | None:
    """The FTS5 MATCH expression for a query over the stemmed index, or None if empty."""
    alternatives = []
    for clause in query.clauses:
        expr = "(" + " AND ".join(_fts5_term(term) for term in clause.include) + ")"
        if clause.exclude:
            expr += " NOT (" + " OR ".join(_fts5_term(term) for term in clause.exclude) + ")"
        alternatives.append("(" + expr + ")")
    return " OR ".join(alternatives) or None


def to_tsquery_sql(query: Query, config: str = "ima_dutch") -> tuple[str, dict[str, str]] | None:
    """A PostgreSQL ``tsquery`` expression and its bound parameters, or None if empty.

    Every word goes in as a bound parameter to ``plainto_tsquery`` /
    ``phraseto_tsquery``, which accept any text, so user input can neither
    inject SQL nor produce a tsquery syntax error.
    """
    params: dict[str, str] = {}

    def term_sql(term: Term) -> str:
        name = f"q{len(params)}"
        params[name] = " ".join(term.words)
        function = "phraseto_tsquery" if term.is_phrase else "plainto_tsquery"
        return f"{function}('{config}', :{name})"

    alternatives = []
    for clause in query.clauses:
        expr = "(" + " && ".join(term_sql(term) for term in clause.include) + ")"
        for term in clause.exclude:
            expr += f" && !!{term_sql(term)}"
        alternatives.append("(" + expr + ")")
    if not alternatives:
        return None
    return " || ".join(alternatives), params


# --- snippets --------------------------------------------------------------


def highlight_spans(text: str, query: Query) -> list[tuple[int, int]]:
    """Spans in ``text`` of the words matching the query's required terms.

    Words match by stem, so inflected forms are found; a phrase is marked
    only where its words occur in sequence, as one span.
    """
    toks = tokens(text)
    stems = [stem(token.word) for token in toks]
    marked: list[tuple[int, int]] = []
    for term in query.terms():
        wanted = [stem(word) for word in term.words]
        width = len(wanted)
        for i in range(len(stems) - width + 1):
            if stems[i:i + width] == wanted:
                marked.append((toks[i].start, toks[i + width - 1].end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(set(marked)):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _words_touching(bounds: list[tuple[int, int]], spans: list[tuple[int, int]]) -> list[int]:
    """Indexes of the words (sorted, disjoint ``bounds``) that overlap any of the sorted ``spans``."""
    touching: list[int] = []
    j = 0
    for i, (start, end) in enumerate(bounds):
        while j < len(spans) and spans[j][1] <= start:
            j += 1
        if j < len(spans) and spans[j][0] < end:
            touching.append(i)
    return touching


def build_snippet(text: str, spans: list[tuple[int, int]], words: int = SNIPPET_WORDS) -> str:
    """About ``words`` words of ``text`` around the densest cluster of ``spans``, marked.

    Marker characters already in the text are removed first so the markers
    are unambiguous; whitespace is collapsed.
    """
    clean = text.replace(MARK_START, " ").replace(MARK_END, " ")  # same length keeps spans valid
    bounds = [(m.start(), m.end()) for m in re.finditer(r"\S+", clean)]
    if not bounds:
        return ""
    hits = _words_touching(bounds, sorted(spans))
    first = 0
    if hits:
        # The window start (at a hit) covering the most hits wins; earliest on ties.
        # hits is sorted, so bisect counts a window's hits in O(log n).
        best = max(hits, key=lambda i: (bisect_left(hits, i + words) - bisect_left(hits, i), -i))
        covered = hits[bisect_left(hits, best):bisect_left(hits, best + words)]
        slack = words - (covered[-1] - best + 1)
        first = max(0, min(best - slack // 2, len(bounds) - words))
    last = min(len(bounds), first + words)
    lo, hi = bounds[first][0], bounds[last - 1][1]
    pieces: list[str] = []
    cursor = lo
    for start, end in spans:
        start, end = max(start, lo), min(end, hi)
        if start >= end or start < cursor:
            continue
        pieces += [clean[cursor:start], MARK_START, clean[start:end], MARK_END]
        cursor = end
    pieces.append(clean[cursor:hi])
    body = re.sub(r"\s+", " ", "".join(pieces)).strip()
    return ("… " if first > 0 else "") + body + (" …" if last < len(bounds) else "")
