"""Spelling candidates for OCR-damaged Dutch words, with a confidence decision.

Two candidate generators, both checked against the shared lexicon
(:mod:`ima.ingest.lexicon`, wordfreq frequencies):

* **OCR confusions**: characters a scanner typically misreads in Dutch text
  (``é`` for ``ë``, ``d`` for ``ö``, ``í`` for ``ï``, ...), up to two positions
  per word. These get a low bar: the misread character is itself the evidence.
* **Edit distance 1** (deletion, insertion, substitution, transposition of
  neighbours): only for lower-case words of 5+ letters that the lexicon does
  not know at all, and only when one candidate is clearly more frequent than
  any other, because a rare real word must never be "corrected" into a common one.

:func:`correct` returns a :class:`Correction` with the reason a user can read
(``"diacritic: known word, zipf 3.9 vs 0.0"``) or None. A word the lexicon
knows (listed, or a compound of listed parts) is never changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations, product

from rapidfuzz.distance import OSA

from ima.ingest import lexicon

# What a scanner reads instead of the right character (right -> seen is the reverse map).
CONFUSABLE: dict[str, tuple[str, ...]] = {
    "é": ("ë", "è", "ê", "e"),
    "ë": ("é", "e"),
    "è": ("ë", "é", "e"),
    "ê": ("ë", "é"),
    "e": ("ë", "é"),
    "d": ("ö",),
    "o": ("ö",),
    "ó": ("ö", "o"),
    "6": ("ö",),
    "i": ("ï",),
    "í": ("ï", "i"),
    "ì": ("ï", "i"),
    "l": ("ï",),
    "u": ("ü",),
    "ú": ("ü", "u"),
    "a": ("ä",),
}
# Characters that are suspicious in themselves: Dutch rarely writes them, OCR often produces them.
RARE = frozenset("éèêóíìú6")
# ``d``/``l`` for ``ö``/``ï`` are only tried when nothing rarer is there (both are everyday letters).
WEAK = frozenset("dl")
ALPHABET = "abcdefghijklmnopqrstuvwxyzéëèêïöüóáà"

DIACRITIC_ZIPF = 2.0  # an OCR-confusion candidate must be at least this frequent (or a long known compound)
EDIT_ZIPF = 3.0  # an edit-distance candidate must be at least this frequent
EDIT_MARGIN = 1.0  # ... and this much more frequent than the runner-up
EDIT_MIN_LEN = 5  # shorter words have too many neighbours to decide


@dataclass(frozen=True, slots=True)
class Correction:
    """A replacement for one word and why it was chosen."""

    before: str
    after: str
    reason: str


def case_like(original: str, word: str) -> str:
    """``word`` with the capitalisation pattern of ``original`` (all caps, initial cap, lower)."""
    # OCR often reads a capital with a diacritic as the small letter (``TUNESIé``)
    plain = [c for c in original if c.isalpha() and c not in CONFUSABLE]
    if len(plain) > 1 and all(c.isupper() for c in plain):
        return word.upper()
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _confusion_candidates(lower: str) -> list[str]:
    slots = [i for i, ch in enumerate(lower) if ch in CONFUSABLE]
    rare = [i for i in slots if lower[i] in RARE]
    weak = [i for i in slots if lower[i] in WEAK]
    # without a rare character the word carries no sign of an OCR misreading,
    # except d/l standing for ö/ï (``codrdinatie``): those are tried on their own
    tried = rare or weak
    if not tried:
        return []
    out: list[str] = []
    for i in tried:
        for alt in CONFUSABLE[lower[i]]:
            out.append(lower[:i] + alt + lower[i + 1:])
    for i, j in list(combinations(tried, 2))[:20]:
        for a, b in product(CONFUSABLE[lower[i]], CONFUSABLE[lower[j]]):
            out.append(lower[:i] + a + lower[i + 1:j] + b + lower[j + 1:])
    return out


def _edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in ALPHABET if c != b[0]}
    inserts = {a + c + b for a, b in splits for c in ALPHABET}
    return deletes | transposes | replaces | inserts


def _acceptable(cand: str, bar: float) -> bool:
    # long compounds are often unlisted but still words (``financieringsinstrumenten``)
    return lexicon.zipf(cand) >= bar or (len(cand) > 8 and lexicon.is_word(cand))


@lru_cache(maxsize=50_000)
def correct(word: str, edits: bool = True) -> Correction | None:
    """The confident correction of one word token (letters only), or None.

    None when the word is known, when no candidate passes the threshold, or
    (for edit-distance candidates) when two candidates are about as likely.
    ``edits=False`` tries OCR confusions only.
    """
    if not word or not word.isalpha() or lexicon.is_word(word):
        return None
    lower = word.lower()
    base = lexicon.zipf(lower)
    conf = [c for c in _confusion_candidates(lower) if c != lower and _acceptable(c, DIACRITIC_ZIPF)]
    if conf:
        best = max(conf, key=lambda c: (lexicon.zipf(c), -OSA.distance(c, lower)))
        changed = "".join(sorted({a for a, b in zip(lower, best) if a != b}))
        kind = "diacritic" if all(ch in "éèêeëóoíìiuúa" for ch in changed) else f"OCR confusion {changed}"
        reason = f"{kind}: known word, zipf {lexicon.zipf(best):.1f} vs {base:.1f}"
        return Correction(word, case_like(word, best), reason)
    # a general edit only for plain lower-case words: names and abbreviations are not in the lexicon
    if not edits or not word.islower() or len(word) < EDIT_MIN_LEN or base > 0:
        return None
    scored = sorted(((lexicon.zipf(c), c) for c in _edits1(lower) if lexicon.zipf(c) > 0), reverse=True)
    if not scored or scored[0][0] < EDIT_ZIPF:
        return None
    runner_up = scored[1][0] if len(scored) > 1 else 0.0
    if scored[0][0] - runner_up < EDIT_MARGIN:
        return None
    best = scored[0][1]
    dist = OSA.distance(lower, best)
    reason = f"edit distance {dist}, zipf {scored[0][0]:.1f} vs {base:.1f} (runner-up {runner_up:.1f})"
    return Correction(word, best, reason)


# Closed-class words that OCR glues to a neighbour but that never start a Dutch
# compound (unlike ``in``, ``op``, ``voor``, ``over`` ... which start many).
_GLUE_HEADS = frozenset("de het een van dat die is zijn wordt te met als ook niet wel nog deze dit".split())
_GLUE_TAILS = frozenset("het een van die dat met".split())


@lru_cache(maxsize=50_000)
def split_glued(word: str) -> Correction | None:
    """Two words OCR glued together (``vanhet`` -> ``van het``), when the lexicon is sure.

    Only a word that is not itself listed, made of a closed-class word and a
    listed word of zipf 3+ on either side; compounds of content words are left alone.
    """
    if not word.isalpha() or not word.islower() or len(word) < 5 or lexicon.listed(word):
        return None
    found = []
    for cut in range(2, len(word) - 1):
        head, tail = word[:cut], word[cut:]
        if head in _GLUE_HEADS and lexicon.zipf(tail) >= EDIT_ZIPF and len(tail) >= 3:
            found.append((head, tail))
        elif tail in _GLUE_TAILS and lexicon.zipf(head) >= EDIT_ZIPF and len(head) >= 3:
            found.append((head, tail))
    if len(found) != 1:
        return None  # no split, or an ambiguous one
    head, tail = found[0]
    return Correction(word, f"{head} {tail}",
                      f"glued words: {head!r} (zipf {lexicon.zipf(head):.1f}) + {tail!r} "
                      f"(zipf {lexicon.zipf(tail):.1f}), joined form unlisted")


def join_split(left: str, right: str) -> Correction | None:
    """One word OCR split in two (``migra tie`` -> ``migratie``), when the lexicon is sure.

    At least one part must be unknown and the joined word listed at zipf 3+.
    """
    if not (left.isalpha() and right.isalpha() and right.islower()):
        return None
    if lexicon.is_word(left) and lexicon.is_word(right):
        return None
    joined = left + right
    z = lexicon.zipf(joined)
    if z < EDIT_ZIPF:
        return None
    return Correction(f"{left} {right}", joined, f"split word: joined form known, zipf {z:.1f}")
