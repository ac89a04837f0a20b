"""A Dutch word lexicon for the clean-up stages (OCR repair, hyphenation, layers).

Built on the word frequencies that ``wordfreq`` ships in its wheel (no network).
Dutch writes compounds as one word (``terugkeersamenwerking``), so a word the
frequency list does not hold is still *known* when it splits into known parts,
with the usual linking letters (``-s-``, ``-e-``, ``-en-``).

All functions are pure and cached; the frequency table is loaded once, lazily.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from ima.ingest.letter_runs import compound_ends, runs

# zipf = log10(frequency per billion words); 1.0 = once per billion.
KNOWN_ZIPF = 1.8  # a listed word this frequent counts as a real word
PART_ZIPF = 2.3  # a compound part must be at least this frequent
MIN_PART = 3  # shortest compound part
CONTENT_ZIPF = 5.6  # parts more frequent than this (worden, hebben, voor) do not form compounds
_LINKS = ("", "s", "e", "en")

# Words of the domain that a general frequency list may miss or rank low.
DOMAIN_WORDS = frozenset(
    """
    regeerakkoord migratieagenda pijler pijlers focuslanden focusland terugkeerhubs terugkeerhub
    hervestiging herplaatsing vreemdelingenbewaring kamerstuk kamerstukken staten-generaal
    directoraat-generaal retouradres kenmerk rijksoverheid taskforce partnerschap partnerschappen
    migratiesamenwerking terugkeersamenwerking landingsrechten visumvrijstelling bhos bho oda
    """.split()
)

_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


@lru_cache(maxsize=1)
def _table() -> dict[str, float]:
    """Lower-cased Dutch word -> zipf frequency."""
    try:
        from wordfreq import get_frequency_dict
    except ImportError:  # pragma: no cover - wordfreq is a declared dependency
        return {w: 4.0 for w in DOMAIN_WORDS}
    table: dict[str, float] = {}
    for word, freq in get_frequency_dict("nl").items():
        if freq > 0:
            table[word] = math.log10(freq) + 9.0
    for word in DOMAIN_WORDS:
        table.setdefault(word, 3.0)
    return table


_loaded: dict[str, float] | None = None


def zipf(word: str) -> float:
    """The word's zipf frequency (0.0 when unlisted); case-insensitive."""
    global _loaded
    if _loaded is None:  # the hottest function of the clean-up stages: skip the lru_cache call
        _loaded = _table()
    return _loaded.get(word.lower(), 0.0)


def listed(word: str, threshold: float = KNOWN_ZIPF) -> bool:
    """True when the word itself is in the frequency list at ``threshold`` or above."""
    return zipf(word) >= threshold


@lru_cache(maxsize=200_000)
def _compound(word: str, depth: int, max_part: float = 99.0) -> bool:
    n = len(word)
    for cut in range(MIN_PART, n - MIN_PART + 1):
        head = word[:cut]
        if not PART_ZIPF <= zipf(head) <= max_part:
            continue
        for link in _LINKS:
            rest = word[cut:]
            if link:
                if not rest.startswith(link):
                    continue
                rest = rest[len(link):]
            if len(rest) < MIN_PART:
                continue
            if PART_ZIPF <= zipf(rest) <= max_part:
                return True
            if depth > 1 and _compound(rest, depth - 1, max_part):
                return True
    return False


@lru_cache(maxsize=200_000)
def is_word(word: str) -> bool:
    """True for a real Dutch word: listed, or a compound of listed parts.

    Hyphenated words are known when every part is known (``EU-lidstaten``).
    """
    w = word.strip().lower().strip(".,;:!?()[]{}«»\"'‘’“”")
    if not w:
        return False
    if "-" in w:
        parts = [p for p in w.split("-") if p]
        return bool(parts) and all(is_word(p) or p.isdigit() or len(p) <= 3 for p in parts)
    if listed(w):
        return True
    if len(w) >= 2 * MIN_PART and w.isalpha():
        return _compound(w, 2)
    return False


def words(text: str) -> list[str]:
    """The alphabetic word tokens of a text."""
    return _WORD_RE.findall(text)


def word_score(text: str) -> float:
    """Share of letters in ``text`` that sit in real words (1.0 = all real, 0.0 = none)."""
    tokens = words(text)
    total = sum(map(len, tokens))
    if total == 0:
        return 1.0
    # the same integer sums, counted in C: layer separation scores every candidate leftover
    good = sum(map(len, filter(_scores_as_word, tokens)))
    return good / total


@lru_cache(maxsize=200_000)
def _scores_as_word(token: str) -> bool:
    """A token :func:`word_score` counts as good: a real word, or a lone vowel."""
    return is_word(token) or (len(token) == 1 and token.lower() in "aeiou")


def unknown_chars(text: str) -> int:
    """How many letters of ``text`` sit in tokens that are not real words."""
    return sum(len(t) for t in words(text) if len(t) > 1 and not is_word(t))


@lru_cache(maxsize=50_000)
def segment(letters: str) -> str:
    """Split a run of letters without reliable spaces into words (``alsinhet`` -> ``als in het``).

    Dynamic programming over known words (cost = -zipf); unknown stretches cost
    a lot per character, so known words are preferred but nothing is dropped.
    Punctuation and digits stay glued to the letters around them.
    """
    n = len(letters)
    if n == 0:
        return letters
    best: list[float] = [0.0] + [math.inf] * n
    back: list[int] = [0] * (n + 1)
    maxlen = min(n, 40)
    for end in range(1, n + 1):
        for start in range(max(0, end - maxlen), end):
            piece = letters[start:end]
            core = piece.strip(".,;:!?()[]«»\"'‘’“”")
            if core and core.isalpha() and (listed(core, 2.0) or (len(core) > 5 and is_word(core))):
                cost = 8.0 - min(zipf(core), 7.0) + (0.5 if len(core) == 1 else 0.0)
            elif core and not core.isalpha() and not any(c.isalpha() for c in core):
                cost = 1.0 * len(piece)  # digits / punctuation runs
            else:
                cost = 6.0 * len(piece) + 4.0
            total = best[start] + cost
            if total < best[end]:
                best[end] = total
                back[end] = start
    pieces = []
    end = n
    while end > 0:
        start = back[end]
        pieces.append(letters[start:end])
        end = start
    return " ".join(reversed(pieces))


_EDGE = ".,;:!?()[]«»\"'‘’“”"


@lru_cache(maxsize=500_000)
def _piece_cost(piece: str) -> float:
    core = piece.strip(_EDGE)
    if not core:
        return 1.0 * len(piece)
    if core.isalpha():  # the common case first: the segmenter tries millions of letter runs
        z = zipf(core)
        if z >= 2.0:
            return 8.0 - min(z, 7.0) + (1.5 if len(core) == 1 else 0.0)
        if len(core) > 7 and _two_part(core.lower()):
            return 6.0
        return 6.0 * len(piece) + 4.0
    if not any(c.isalpha() for c in core):
        return 1.0 * len(piece)  # digits, numbers, punctuation
    if "-" in core and is_word(core):
        return 5.0
    return 6.0 * len(piece) + 4.0


MAX_PIECE = 40  # longest word the segmenter considers


@lru_cache(maxsize=1)
def _listed_prefixes() -> frozenset[str]:
    """Every prefix of every word listed at zipf >= 2.0 (the segmenter's 'known word' bar)."""
    out: set[str] = set()
    for word, z in _table().items():
        if z >= 2.0:
            out.update(word[:i] for i in range(1, len(word) + 1))
    return frozenset(out)


def _space_counts(n: int, spaces: frozenset[int]) -> list[int]:
    # seen[i] = number of seen spaces at offsets < i, so spaces strictly inside (start, end)
    # are seen[end] - seen[start + 1]
    seen = [0] * (n + 2)
    for i in range(1, n + 2):
        seen[i] = seen[i - 1] + ((i - 1) in spaces)
    return seen


def _trace(letters: str, back: list[int]) -> str:
    pieces = []
    end = len(letters)
    while end > 0:
        start = back[end]
        pieces.append(letters[start:end])
        end = start
    return " ".join(reversed(pieces))


@lru_cache(maxsize=50_000)
def segment_hinted(letters: str, spaces: frozenset[int] = frozenset()) -> str:
    """Split ``letters`` into words; ``spaces`` are offsets where a space was seen (cheap to break).

    Breaking where no space was seen costs a little, so real spacing wins when
    it reads as well. Same result as :func:`segment_reference`, found faster:
    once a piece is no prefix of a known word, no longer piece from the same
    start is known either, and its cost follows from its length (and the few
    places where it could split into a two-part compound); see :func:`ima.ingest.letter_runs.runs`
    for the pieces whose cost follows from their length alone.
    """
    if any(len(ch.lower()) != 1 for ch in letters) or "Σ" in letters:
        return segment_reference(letters, spaces)  # lower() would not map position to position
    n = len(letters)
    if n == 0:
        return ""
    lower = letters.lower()
    prefixes, parts = _listed_prefixes(), _content_parts()
    best: list[float] = [0.0] + [math.inf] * n
    back: list[int] = [0] * (n + 1)
    seen = _space_counts(n, spaces)
    brk = [0.0 if end == n or end in spaces else 1.0 for end in range(n + 1)]
    alpha_end, mixed_end, hyphen_at = runs(letters)
    for start in range(n):
        base = best[start]
        inside = seen[start + 1]  # seen spaces strictly inside (start, end): seen[end] - inside
        last = min(n, start + MAX_PIECE)
        alpha_to = min(last, alpha_end[start])  # letters[start:end] is all letters for end <= alpha_to
        heads: list[int] = []  # lengths at which the piece's head is a compound part
        end = start + 1
        while end <= alpha_to:  # prefixes of a listed word, priced by the word list
            low = lower[start:end]
            if low not in prefixes:
                break
            if low in parts:
                heads.append(end - start)
            inner = seen[end] - inside if end > start + 1 else 0
            total = base + _piece_cost(letters[start:end]) + brk[end] + 1.0 * inner
            if total < best[end]:
                best[end] = total
                back[end] = start
            end += 1
        # longer letter runs are unlisted: a two-part compound, or garbage priced by length
        compounds = compound_ends(lower, start, heads, alpha_to, prefixes, parts, _LINKS) if heads else ()
        while end <= alpha_to:
            size = end - start
            cost = 6.0 if size > 7 and end in compounds else 6.0 * size + 4.0
            total = base + cost + brk[end] + 1.0 * (seen[end] - inside if size > 1 else 0)
            if total < best[end]:
                best[end] = total
                back[end] = start
            end += 1
        # pieces with other characters; from plain_from to plain_to (letters, a mark, letters,
        # no hyphen) priced by length alone
        plain_from, plain_to = mixed_end[start], hyphen_at[start]
        while end <= last:
            size = end - start
            if plain_from <= end <= plain_to:
                cost = 6.0 * size + 4.0
            else:
                cost = _piece_cost(letters[start:end])
            total = base + cost + brk[end] + 1.0 * (seen[end] - inside if size > 1 else 0)
            if total < best[end]:
                best[end] = total
                back[end] = start
            end += 1
    return _trace(letters, back)


def _tail_is_part(rest: str, parts: frozenset[str]) -> bool:
    """The rest of a compound after its head, minus a linking letter or two, is a content word."""
    return any(rest.startswith(link) and rest[len(link):] in parts for link in _LINKS)


def segment_reference(letters: str, spaces: frozenset[int] = frozenset()) -> str:
    """The segmentation by plain dynamic programming over every piece (slow; the definition)."""
    n = len(letters)
    if n == 0:
        return ""
    best: list[float] = [0.0] + [math.inf] * n
    back: list[int] = [0] * (n + 1)
    seen = _space_counts(n, spaces)
    for end in range(1, n + 1):
        brk = 0.0 if end == n or end in spaces else 1.0
        for start in range(max(0, end - MAX_PIECE), end):
            # not breaking across a seen space costs a little too
            inner = seen[end] - seen[start + 1] if end > start + 1 else 0
            total = best[start] + _piece_cost(letters[start:end]) + brk + 1.0 * inner
            if total < best[end]:
                best[end] = total
                back[end] = start
    return _trace(letters, back)


@lru_cache(maxsize=1)
def _content_parts() -> frozenset[str]:
    """Words that may be one half of a two-part compound (see ``_two_part``)."""
    table = _table()
    return frozenset(w for w, z in table.items() if len(w) >= 4 and PART_ZIPF <= z <= CONTENT_ZIPF)


@lru_cache(maxsize=100_000)
def _two_part(word: str) -> bool:
    """A strict compound test for segmentation: two content words of 4+ letters (plus a link)."""
    parts = _content_parts()  # set lookups: this runs for every long piece the segmenter tries
    return any(word[:cut] in parts and _tail_is_part(word[cut:], parts) for cut in range(4, len(word) - 3))


@lru_cache(maxsize=50_000)
def unscramble(token: str, min_zipf: float = 3.0, trust_compounds: bool = True) -> str:
    """A known word that ``token`` becomes with at most two swaps of neighbouring letters.

    Glyphs of two overlaid layers that sit at the same x come out in either
    order; a leftover like ``beeldi`` is ``beleid``. Known tokens are returned as is;
    with ``trust_compounds=False`` a token known only as a compound of parts
    (``bezein``: ``bez`` + ``ein``) may still become a listed word (``bezien``).
    """
    core = token.strip(_EDGE)
    if len(core) < 3 or not core.isalpha():
        return token
    if listed(core) or (trust_compounds and is_word(core)):
        return token
    lead = token[: token.index(core[0])] if core else ""
    trail = token[len(lead) + len(core):]
    best, best_z = core, 0.0
    level = {core}
    for _ in range(2):
        nxt = set()
        for w in level:
            for i in range(len(w) - 1):
                if w[i] != w[i + 1]:
                    nxt.add(w[:i] + w[i + 1] + w[i] + w[i + 2:])
        for w in nxt:
            z = zipf(w)
            if z >= min_zipf and z > best_z:
                best, best_z = w, z
        if best_z:
            break
        level = nxt
    return lead + best + trail
