"""Repair OCR damage: broken Unicode, wrong Dutch diacritics, margin garbage on body lines.

1. Unicode repair with ``ftfy`` (mojibake, broken escapes); curly quotes are kept.
2. Diacritic repair with the lexicon: a word the lexicon does not know gets
   candidates by swapping characters OCR confuses (``é/ë/è/ê``, ``o/ö/d``,
   ``i/ï/í``, ``u/ü``, ...); a candidate the lexicon knows replaces it
   (``Tunesié -> Tunesië``, ``codrdinatie -> coördinatie``). A known word is
   never changed.
3. Margin garbage glued to a body line by OCR: a trailing run of symbol junk
   (``;‘i‘;faat‘i‘e'g‘i:f“"”aa'``), a trailing date after the sentence end, or
   a trailing sidebar word (``Migratie``, ``Datum``, ``Bureau Internationaal``)
   on a line that is already full-width without it.

Every correction is reported in ``details["corrections"]`` as
``{"page", "start", "before", "after", "kind"}``. Clean text passes unchanged.
"""

from __future__ import annotations

import re
from itertools import product
from statistics import median

import ftfy

from ima.domain.text import Line, Page
from ima.ingest import lexicon
from ima.ingest.stage import StageResult

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
RARE = set("éèêóíìúd6l")  # characters that are themselves suspicious in an unknown word
SIDEBAR_WORDS = ("Datum", "Migratie", "Migratiebeleid", "Bureau Internationaal", "Bureau Internationale",
                 "Ons kenmerk", "Directoraat-Generaal", "Directie")
MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
_TRAILING_DATE = re.compile(rf"(?<=[.;:!?])\s+\d{{1,2}}\s+(?:{MONTHS})\s+\d{{4}}\s*$")
_WORD = re.compile(r"[^\W\d_]{3,}")
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_latin_ligatures=True, fix_character_width=False,
                             explain=False)


def fix_word(word: str) -> str | None:
    """The lexicon's spelling of an unknown word with OCR-confused characters, or None."""
    if lexicon.is_word(word):
        return None
    slots = [i for i, ch in enumerate(word.lower()) if ch in CONFUSABLE]
    if not slots or not any(word.lower()[i] in RARE for i in slots):
        # only words that carry a typical OCR misreading (é, d for ö, ...) are touched
        if not any(ch in RARE for ch in word.lower()):
            return None
    best: tuple[float, str] | None = None
    lower = word.lower()
    rare_slots = [i for i in slots if lower[i] in RARE] or slots
    for i in rare_slots:
        for alt in CONFUSABLE[lower[i]]:
            cand = lower[:i] + alt + lower[i + 1:]
            best = _better(best, cand)
    if best is None and len(rare_slots) >= 2:
        for i, j in [(a, b) for a in rare_slots for b in rare_slots if a < b][:20]:
            for alt_i, alt_j in product(CONFUSABLE[lower[i]], CONFUSABLE[lower[j]]):
                cand = lower[:i] + alt_i + lower[i + 1:j] + alt_j + lower[j + 1:]
                best = _better(best, cand)
    if best is None:
        return None
    return _case_like(word, best[1])


def _better(best: tuple[float, str] | None, cand: str) -> tuple[float, str] | None:
    z = lexicon.zipf(cand)
    if z < 2.0 and not (len(cand) > 8 and lexicon.is_word(cand)):
        return best
    z = max(z, 2.0)
    return (z, cand) if best is None or z > best[0] else best


def _case_like(original: str, word: str) -> str:
    if original.isupper():
        return word.upper()
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _fix_diacritics(text: str) -> str:
    def repl(m: re.Match[str]) -> str:
        return fix_word(m.group(0)) or m.group(0)

    return _WORD.sub(repl, text)


def _junk_token(tok: str) -> bool:
    """A token of OCR margin noise: symbols and stray letters, no digits, no word."""
    if any(c.isdigit() for c in tok):
        return False
    letters = sum(c.isalpha() for c in tok)
    symbols = sum(not c.isalnum() and c not in "()" for c in tok)
    if letters == 0:
        return symbols >= 2 and tok not in ("...", "–", "—", "?!")
    inner = tok.strip(".,;:!?()'\"‘’“”«»")
    if inner and (lexicon.is_word(inner) or inner.isupper()):
        return False
    return symbols >= 4 and symbols >= letters / 2


def _strip_margin(text: str, width: float, vocab: tuple[str, ...]) -> tuple[str, str] | None:
    """``(kept, stripped)`` when a trailing piece of the line is margin garbage."""
    body = text.rstrip()
    tokens = body.split(" ")
    # symbol junk at the end
    n = len(tokens)
    while n > 1 and tokens[n - 1] and _junk_token(tokens[n - 1]):
        n -= 1
    if n < len(tokens) and n > 0:
        kept = " ".join(tokens[:n]).rstrip()
        if kept and sum(c.isalpha() for c in kept) >= 10:
            return kept, body[len(kept):].strip()
    m = _TRAILING_DATE.search(body)
    if m:
        return body[: m.start()], m.group(0).strip()
    for word in vocab:
        if body.endswith(" " + word):
            kept = body[: -len(word)].rstrip()
            prev = kept.split()[-1] if kept.split() else ""
            if prev and prev[-1].isalpha() and prev.islower() and len(kept) >= 0.85 * width:
                return kept, word
            if prev and prev[-1] in ".;:)" and len(kept) >= 0.6 * width:
                return kept, word
    return None


def repair_ocr(pages: tuple[Page, ...]) -> StageResult:
    """Unicode, diacritic and margin repair per line; reports each correction."""
    corrections: list[dict] = []
    vocab = set(SIDEBAR_WORDS)
    for page in pages:
        for r in page.removed:
            t = " ".join(r.line.text.split())
            if r.reason in ("sidebar", "letterhead") and 0 < len(t.split()) <= 3 and not t[:1].isdigit():
                vocab.add(t)
    vocab_sorted = tuple(sorted(vocab, key=len, reverse=True))
    lengths = [len(l.text.rstrip()) for p in pages for l in p.lines if len(l.text.strip()) > 20]
    width = median(lengths) if lengths else 80.0
    out: list[Page] = []
    for page in pages:
        lines: list[Line] = []
        for line in page.lines:
            text = line.text
            fixed = ftfy.fix_text(text, _FTFY)
            if fixed != text:
                corrections.append(_record(page, line, text, fixed, "unicode"))
            diac = _fix_diacritics(fixed)
            if diac != fixed:
                corrections.append(_record(page, line, fixed, diac, "diacritics"))
            cut = _strip_margin(diac, width, vocab_sorted) if diac.strip() else None
            final = diac
            if cut is not None:
                final = cut[0]
                corrections.append(_record(page, line, diac, final, "margin", cut[1]))
            lines.append(line.with_text(final) if final != text else line)
        out.append(Page(page.number, tuple(lines), page.estimated, page.removed, page.unattributed))
    kinds: dict[str, int] = {}
    for c in corrections:
        kinds[c["kind"]] = kinds.get(c["kind"], 0) + 1
    return StageResult(tuple(out), {"corrections": corrections, "count": len(corrections), "by_kind": kinds})


def _record(page: Page, line: Line, before: str, after: str, kind: str, stripped: str | None = None) -> dict:
    rec = {"page": page.number, "start": line.start, "before": before, "after": after, "kind": kind}
    if stripped is not None:
        rec["stripped"] = stripped
    return rec
