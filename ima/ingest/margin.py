"""Margin-column fragments in OCR text: find them on body lines and on lines of their own.

A scanned letter has a narrow sidebar (directorate, ``Datum``, the date, the
reference) beside the body. OCR reads across both columns, so sidebar words
end up appended to body lines (``... en kunnen in Migratie``) or on lines of
their own, often mangled into symbol noise (``;‘i‘;faat‘i‘e'g‘i:f“"”aa'``).
Nothing here is keyed to one ministry's sidebar: a fragment is recognised by

* its **form**: a run of symbol noise, or a date, where body text has none;
* its **position**: the tail of a line that is wider than the body column
  while the rest of the line fits it, with the sentence running on into the
  next line (a capitalised tail after a lower-case word breaks that sentence);
* **repetition**: sidebar vocabulary (labels such as ``Datum``, lines the
  furniture stage took out of the letterhead, fragments already cut elsewhere
  in the same document).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ima.ingest import lexicon

MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
DATE = rf"\d{{1,2}}\s+(?:{MONTHS})\s+\d{{4}}"
_DATE_LINE = re.compile(rf"^\s*(?:Datum\s+)?{DATE}\s*$")
_TRAILING_DATE = re.compile(rf"\s+(?:Datum\s+)?{DATE}\s*$")
# Labels and headings every Dutch ministry prints in its sidebar.
SIDEBAR_WORDS = ("Datum", "Ons kenmerk", "Uw kenmerk", "Onze referentie", "Uw referentie", "Bijlage(n)",
                 "Contactpersoon", "Directoraat-Generaal")
_EDGE = ".,;:!?()'\"‘’“”«»"


def junk_token(tok: str) -> bool:
    """A token of OCR margin noise: symbols and stray letters, no digits, no word."""
    if tok.isalnum():  # the common case, decided without counting: plain words and numbers
        return False
    symbols = sum(not c.isalnum() and c not in "()" for c in tok)
    if symbols < 2 or any(c.isdigit() for c in tok):
        return False
    letters = sum(c.isalpha() for c in tok)
    if letters == 0:
        return symbols >= 2 and tok not in ("...", "–", "—", "?!", "--")
    inner = tok.strip(_EDGE)
    if inner and (lexicon.is_word(inner) or inner.isupper()):
        return False
    return symbols >= 4 and symbols >= letters / 2


# a whitespace-delimited token of 2+ letters/digits only ([^\W_] is str.isalnum per character):
# it is neither junk (isalnum) nor a stray character, so a line holding one is no junk line
_PLAIN_TOKEN = re.compile(r"(?<!\S)[^\W_]{2,}(?!\S)")


def junk_line(text: str) -> bool:
    """A whole line of margin noise (every token junk, or stray single letters and dots)."""
    if _PLAIN_TOKEN.search(text):
        return False  # decided in C for nearly every body line
    tokens = text.split()
    if not tokens:
        return False
    # all() stops at the first real token: most lines are decided by their first word
    return (all(junk_token(t) or (len(t.strip(_EDGE + "\\/")) <= 1 and not t.isdigit()) for t in tokens)
            and sum(not c.isalnum() and not c.isspace() for c in text) >= 2)


def _capitalised_tail(tokens: list[str]) -> int:
    """How many trailing tokens (1-4) form a capitalised run after a lower-case word, or 0."""
    n = len(tokens)
    k = 0
    while k < min(4, n - 1):
        tok = tokens[n - 1 - k]
        if not (tok[:1].isupper() and tok.strip(_EDGE).isalpha() and tok == tok.strip(_EDGE)):
            break
        k += 1
    if k == 0:
        return 0
    prev = tokens[n - 1 - k]
    # the word before the run carries on the sentence: lower case, no punctuation after it
    if not (prev[-1:].isalpha() and prev.islower()):
        return 0
    return k


@lru_cache(maxsize=64)
def _spaced(vocab: tuple[str, ...]) -> tuple[str, ...]:
    """Each sidebar phrase with the space that must precede it at the end of a line."""
    return tuple(" " + phrase for phrase in vocab)


def trailing_fragment(text: str, width: float, widest: float, vocab: tuple[str, ...],
                      next_text: str | None) -> tuple[str, str, str] | None:
    """``(kept, fragment, reason)`` when the end of a body line is margin text, else None.

    ``width`` is the typical (median) body line length, ``widest`` the longest
    length a body line normally reaches; ``next_text`` the next body line. A
    capitalised tail sticking out of the column is cut here; one inside the
    column only by :func:`capitalised_tail` plus repetition (see ``ocr``).
    """
    body = text.rstrip()
    tokens = body.split(" ")
    n = len(tokens)
    while n > 1 and tokens[n - 1] and junk_token(tokens[n - 1]):
        n -= 1
    if n < len(tokens):
        kept = " ".join(tokens[:n]).rstrip()
        if sum(c.isalpha() for c in kept) >= 10:
            return kept, body[len(kept):].strip(), "margin noise at the end of a body line"
    # the date ends the (right-stripped) line with its year's digits; isdigit() covers \d
    m = _TRAILING_DATE.search(body) if body[-1:].isdigit() else None
    if m:
        kept = body[: m.start()]
        # a date in the body follows a word like "van" or "op" (``van 15 mei 2025``); a sidebar
        # date follows the end of a sentence or sticks out of the column
        if kept.rstrip()[-1:] in ".;:!?" or len(body) > widest:
            return kept.rstrip(), m.group(0).strip(), "sidebar date at the end of a body line"
    # one C-level endswith over all phrases first: nearly every line ends in none of them
    for phrase in vocab if body.endswith(_spaced(vocab)) else ():
        if body.endswith(" " + phrase):
            kept = body[: -len(phrase)].rstrip()
            prev = kept.split()[-1] if kept.split() else ""
            if prev and prev[-1].isalpha() and prev.islower() and len(kept) >= 0.85 * width:
                return kept, phrase, "sidebar word at the end of a full body line"
            if prev and prev[-1] in ".;:)" and len(kept) >= 0.6 * width:
                return kept, phrase, "sidebar word after the end of a sentence"
    tail = capitalised_tail(body, next_text)
    if tail is not None and len(body) > widest >= len(tail[0]):
        return tail[0], tail[1], "capitalised words beyond the body column break the sentence"
    return None


def capitalised_tail(text: str, next_text: str | None) -> tuple[str, str] | None:
    """``(kept, tail)`` when the line ends in 1-4 capitalised words after a lower-case word
    and the sentence runs on in lower case on the next line (a sidebar candidate)."""
    if next_text is None or not next_text.strip()[:1].islower():
        return None
    tokens = text.rstrip().split(" ")
    k = _capitalised_tail(tokens)
    if not k:
        return None
    return " ".join(tokens[: len(tokens) - k]).rstrip(), " ".join(tokens[len(tokens) - k:])


def standalone(text: str, vocab: tuple[str, ...], learned: frozenset[str]) -> str | None:
    """The reason a whole body line is margin text, or None."""
    t = " ".join(text.split())
    if not t:
        return None
    if junk_line(t):
        return "margin noise line"
    if _DATE_LINE.match(t):
        return "sidebar date line"
    if t in learned:
        return "sidebar text repeated from a margin fragment of this document"
    if t in vocab and " " in t:
        return "sidebar label line"
    return None


def learnable(fragment: str) -> bool:
    """Whether a cut fragment is sidebar vocabulary worth recognising elsewhere (words, not noise)."""
    words = fragment.split()
    return 0 < len(words) <= 4 and all(w[:1].isupper() and w.strip(_EDGE).isalpha() for w in words)
