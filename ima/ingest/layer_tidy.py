"""Undo what glyph ties did to the text left after subtracting earlier layers.

Glyphs of two layers at (almost) the same x come out of the extractor in either
order. After the earlier layers' glyphs are taken out, the new text can keep
two letters swapped (``hte``), a letter moved into the next word (``ki ab net``)
or a space moved past punctuation (``gelanceerd .Daarnaast``). Repairs only turn
debris into listed Dutch words; real words are never touched.
"""

from __future__ import annotations

import re

from ima.ingest import lexicon

MAX_JOIN = 3  # tokens a word split by misplaced spaces may have become
_EDGE = ".,;:!?()[]«»\"'‘’“”"
_SPACE_BEFORE_PUNCT = re.compile(r"(?<=\w) ([.,;:!?])(?=[^\W\d_])")
_GLUED_NUMBER = re.compile(r"^([^\W\d_]{3,})(\d+)$")  # "avn11": a space went past the letters


def _fine(token: str) -> bool:
    """False for a token that looks like glyph-tie debris: no word, or a rare word of up to three letters."""
    core = token.strip(_EDGE)
    if not core.isalpha():
        return True
    if len(core) <= 3:
        return lexicon.listed(core, 4.5)
    return lexicon.is_word(core)


def tidy(text: str) -> str:
    """Undo what glyph ties did to a leftover: letters swapped with a neighbour or across a space.

    Glyphs of two layers at (almost) the same x come out in either order, so a
    leftover word can have two letters swapped (``hte``), a letter moved into the
    next word (``ki ab net``) or a space moved past punctuation (``gelanceerd .Daarnaast``).
    A token is only changed into a known word (within two neighbour swaps,
    :func:`lexicon.unscramble`); real words are never touched.
    """
    text = _SPACE_BEFORE_PUNCT.sub(r"\1 ", text)
    tokens = text.split()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        core = tok.strip(_EDGE)
        glued = _GLUED_NUMBER.match(tok)
        if glued:
            letters = glued.group(1)
            swaps = [letters[:k] + letters[k + 1] + letters[k] + letters[k + 2:] for k in range(len(letters) - 1)]
            word = max([letters, *swaps], key=lexicon.zipf)  # one swap, and only to a far commoner word
            if lexicon.zipf(word) >= lexicon.zipf(letters) + 1.0 and lexicon.zipf(word) >= 4.0:
                out += [word, glued.group(2)]
                i += 1
                continue
        if "-" in core.strip("-") and all(p.isalpha() for p in core.split("-")):
            out.append("-".join(tidy(p) if len(p) > 3 else p for p in tok.split("-")))  # Directoraat-Gneeraal
            i += 1
            continue
        if _fine(tok) and (not 3 < len(core) <= 12 or lexicon.listed(core)):
            out.append(tok)
            i += 1
            continue
        fixed = lexicon.unscramble(tok, trust_compounds=False) if len(tok.strip(_EDGE)) > 3 else tok
        if fixed != tok:
            out.append(fixed)
            i += 1
            continue
        joined = False
        for size in range(2, MAX_JOIN + 1):
            parts = tokens[i:i + size]
            if len(parts) < size or any(_fine(p) for p in parts[:-1]):
                break
            fixed = lexicon.unscramble("".join(parts))  # itself when already a word
            core = fixed.strip(_EDGE)
            if len(core) >= 4 and core.isalpha() and (lexicon.listed(core) or len(core) >= 10 and lexicon.is_word(core)):
                out.append(fixed)
                i += size
                joined = True
                break
        if not joined:
            out.append(tok)
            i += 1
    return " ".join(out)
