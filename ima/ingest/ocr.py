"""Repair OCR damage: broken Unicode, misread Dutch words, margin-column fragments.

Per body line, in this order:

1. Unicode repair with ``ftfy`` (mojibake, broken escapes); curly quotes are kept.
2. Margin fragments (:mod:`ima.ingest.margin`): a sidebar fragment appended to
   the line is cut off, a line that is only sidebar text or noise is taken
   out. Both are kept on the page as ``Removal`` (the fragment as a ``Line``
   with the source line's span) and listed in ``details["margin"]``.
3. Word repair with the lexicon (:mod:`ima.ingest.spelling`): OCR-confused
   characters (``Tunesié -> Tunesië``, ``codrdinatie -> coördinatie``), edit
   distance 1 when one candidate is clearly the most frequent, glued words
   (``vanhet``) and split words (``migra tie``). A word the lexicon knows is
   never changed.

Every change is recorded in ``details["corrections"]`` as ``{"page", "start",
"end", "before", "after", "reason", "kind"}``; ``start``/``end`` is the raw
span of the word when the line's text is still the raw text, else the line's
span. Clean text passes unchanged, and the stage is idempotent.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from statistics import median

import ftfy

from ima.domain.text import Line, Page, Removal
from ima.ingest import margin, spelling
from ima.ingest.stage import StageResult

_WORD = re.compile(r"[^\W\d_]+")
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_latin_ligatures=True, fix_character_width=False,
                             explain=False)
MARGIN_REASON = "margin"  # prefix of every Removal reason this stage adds
OCR_EVIDENCE = 2  # misread characters or noise fragments a document needs before general edits apply
_BROKEN_END = re.compile(r"\w-\s*$")


def _fix_unicode(text: str) -> str:
    """``ftfy.fix_text`` with :data:`_FTFY`, skipping the call for printable ASCII without ``&``.

    ftfy returns such text unchanged (no HTML entity without ``&``; ASCII is never taken for
    mojibake; ligatures, C1 and other control characters, odd line breaks, surrogates and
    terminal escapes are all outside printable ASCII; NFC leaves ASCII alone), and nine in
    ten lines are like that, so the per-line call was mostly overhead.
    """
    if text.isascii() and text.isprintable() and "&" not in text:
        return text
    return ftfy.fix_text(text, _FTFY)


# Words (any length) seen without an OCR-confusion correction of 3+ letters. The evidence count
# and every line's quick check asked the lexicon word by word; nearly all words are clean, and
# a C-level set difference leaves only the new ones. Bounded (it only saves time).
_CLEAN_WORDS: set[str] = set()
_CLEAN_MAX = 200_000


@lru_cache(maxsize=4096)  # asked twice per line: for the document's evidence, then per line
def _confusions(text: str) -> int:
    """How many words of ``text`` (3+ letters, with repeats) ``spelling.correct(w, False)`` corrects."""
    words = _WORD.findall(text)
    unseen = set(words) - _CLEAN_WORDS
    if not unseen:
        return 0
    if len(_CLEAN_WORDS) > _CLEAN_MAX:
        _CLEAN_WORDS.clear()
    flagged = set()
    for w in unseen:
        if len(w) >= 3 and spelling.correct(w, False) is not None:
            flagged.add(w)
        else:
            _CLEAN_WORDS.add(w)
    return sum(1 for w in words if w in flagged) if flagged else 0


def fix_word(word: str) -> str | None:
    """The lexicon's spelling of an unknown word with OCR-confused characters, or None."""
    fix = spelling.correct(word)
    return fix.after if fix else None


def _word_fixes(text: str, edits: bool, continued: bool = False) -> list[tuple[int, int, spelling.Correction, str]]:
    """``(start, end, correction, kind)`` for each word of ``text`` the lexicon corrects confidently.

    ``edits`` allows edit-distance, glued- and split-word repairs (only in text that shows
    OCR damage); ``continued`` says the line's first word ends a word hyphenated on the line before.
    """
    if not edits and not _confusions(text):
        # without edits only an OCR-confusion correction of some word (3+ letters) can change
        # the line; the loop below finds none either, so skip its per-word bookkeeping
        return []
    found: list[tuple[int, int, spelling.Correction, str]] = []
    matches = list(_WORD.finditer(text))
    skip = 0 if continued else -1
    for i, m in enumerate(matches):
        if i == skip:
            continue  # a fragment of a hyphenated word is no word: the next stage joins it
        word = m.group(0)
        # ``risico’s`` / ``EU-landen``: a word glued to an apostrophe-s or inside a hyphenated
        # compound is judged as a whole elsewhere; alone, its parts are not words
        before = text[m.start() - 1: m.start()]
        after = text[m.end(): m.end() + 1]
        if after in "’'" and after and text[m.end() + 1: m.end() + 2] == "s":
            continue
        if len(word) < 3:
            continue
        if after == "-" and not text[m.end() + 1:].strip():
            continue  # broken at the line end: the hyphenation stage decides about it
        nxt = matches[i + 1] if i + 1 < len(matches) else None
        if edits and nxt is not None and text[m.end(): nxt.start()] == " " and before != "-":
            joined = spelling.join_split(word, nxt.group(0))
            if joined is not None:
                found.append((m.start(), nxt.end(), joined, "split word"))
                skip = i + 1
                continue
        fix = spelling.correct(word, edits and before != "-" and after != "-")
        if fix is not None:
            kind = "spelling" if fix.reason.startswith("edit distance") else "diacritics"
            found.append((m.start(), m.end(), fix, kind))
            continue
        if edits and before != "-" and after != "-":
            glued = spelling.split_glued(word)
            if glued is not None:
                found.append((m.start(), m.end(), glued, "glued words"))
    return found


def _record(page: Page, line: Line, offset: int | None, length: int, before: str, after: str,
            reason: str, kind: str, exact: bool = True) -> dict:
    # a word span is exact only while the offsets in the text are offsets in the raw span
    if offset is not None and exact:
        start, end = line.start + offset, line.start + offset + length
    else:
        start, end = line.start, line.end
    return {"page": page.number, "start": start, "end": end, "before": before, "after": after,
            "reason": reason, "kind": kind}


def _column(pages: tuple[Page, ...]) -> tuple[float, float]:
    """Median length of body lines and the widest a body line normally gets.

    Full lines of a justified column sit in the upper half of the lengths (the
    lower half holds paragraph ends), so the column width is about the 75th
    percentile; a line well beyond it carries text from beside the column.
    """
    lengths = sorted(len(l.text.rstrip()) for p in pages for l in p.lines if len(l.text.strip()) > 20)
    if not lengths:
        return 80.0, 90.0
    return float(median(lengths)), lengths[int(len(lengths) * 0.75)] * 1.08


def _next_bodies(lines: tuple[Line, ...]) -> list[str | None]:
    """Per line index, the next line that reads as body text (margin lines in between are skipped).

    Built once per page from the end: asking per line scanned forward and judged the same
    lines again for every line of every pass.
    """
    out: list[str | None] = [None] * len(lines)
    nxt: str | None = None
    for i in range(len(lines) - 1, -1, -1):
        out[i] = nxt
        text = lines[i].text.strip()
        if text and not margin.junk_line(text) and not margin.standalone(text, (), frozenset()) \
                and not margin.learnable(text):
            nxt = text
    return out


def _vocabulary(pages: tuple[Page, ...], margins: list[dict]) -> tuple[tuple[str, ...], set[str]]:
    """Sidebar phrases (labels + what the furniture stage took from the letterhead) and the
    fragments an earlier run of this stage already cut; furniture's margin lines go to ``margins``."""
    static = set(margin.SIDEBAR_WORDS)
    learned: set[str] = set()
    for page in pages:
        for r in page.removed:
            t = " ".join(r.line.text.split())
            if r.reason in ("sidebar", "letterhead") and 0 < len(t.split()) <= 3 and not t[:1].isdigit():
                static.add(t)
            elif r.reason.startswith(MARGIN_REASON) and margin.learnable(t):
                learned.add(t)
            if r.reason == "margin fragment":
                margins.append({"page": page.number, "start": r.line.start, "end": r.line.end, "text": t,
                                "reason": "margin fragment line (remove_furniture)"})
    return tuple(sorted(static, key=len, reverse=True)), learned


def repair_ocr(pages: tuple[Page, ...]) -> StageResult:
    """Unicode, margin and word repair per line; reports each correction and margin fragment."""
    corrections: list[dict] = []
    margins: list[dict] = []
    vocab, learned = _vocabulary(pages, margins)
    width, widest = _column(pages)

    # pass 1: Unicode, and margin fragments recognised by form, sidebar labels or width
    texts: list[list[str]] = []
    exact: list[list[bool]] = []
    cuts: list[dict[int, tuple[str, str]]] = []  # per page: line index -> (fragment, reason)
    next_body = [_next_bodies(page.lines) for page in pages]
    for pi, page in enumerate(pages):
        texts.append([]), exact.append([]), cuts.append({})
        for i, line in enumerate(page.lines):
            fixed = _fix_unicode(line.text)
            # offsets into the line stay raw offsets while nothing changed its length before
            # (a margin cut only shortens its end)
            exact[-1].append(fixed == line.text and line.end - line.start == len(line.text))
            if fixed != line.text:
                corrections.append(_record(page, line, None, 0, line.text, fixed, "broken Unicode (ftfy)",
                                           "unicode"))
            cut = margin.trailing_fragment(fixed, width, widest, vocab, next_body[pi][i]) \
                if fixed.strip() else None
            if cut is not None:
                fixed, cuts[-1][i] = cut[0], (cut[1], cut[2])
            texts[-1].append(fixed)

    # pass 2: a capitalised tail inside the column is sidebar text when the same tail ends
    # other lines too and margin fragments were cut right next to it (the sidebar zone)
    tails: dict[tuple[int, int], tuple[str, str]] = {}
    for pi in range(len(pages)):
        for i, text in enumerate(texts[pi]):
            if i not in cuts[pi] and (t := margin.capitalised_tail(text, next_body[pi][i])):
                tails[(pi, i)] = t
    seen = Counter(w for t in tails.values() for w in t[1].split())
    seen.update(w for c in cuts for f, _ in c.values() for w in f.split() if margin.learnable(f))
    for (pi, i), (kept, tail) in tails.items():
        near = any(abs(j - i) <= 3 for j in cuts[pi])
        if near and (all(seen[w] >= 2 for w in tail.split()) or tail in learned):
            texts[pi][i] = kept
            cuts[pi][i] = (tail, "repeated sidebar words next to other margin fragments break the sentence")

    # edit-distance, glued- and split-word repairs only where the text shows OCR damage: in
    # text from a PDF text layer an unknown word is a name, a hyphenation fragment or layer
    # residue, and "correcting" it to the nearest frequent word would invent text
    evidence = sum(1 for c in cuts for f, _ in c.values() if margin.junk_line(f))
    evidence += sum(_confusions(t) for page_texts in texts for t in page_texts)
    edits = evidence >= OCR_EVIDENCE
    prev = ""
    out: list[Page] = []
    for pi, page in enumerate(pages):
        body: list[Line] = []
        removed: list[Removal] = []
        for i, line in enumerate(page.lines):
            if i in cuts[pi]:
                fragment, reason = cuts[pi][i]
                removed.append(Removal(Line(fragment, line.start, line.end), f"{MARGIN_REASON}: {reason}"))
                offset = len(texts[pi][i]) + _fix_unicode(line.text)[len(texts[pi][i]):].find(fragment)
                rec = _record(page, line, offset, len(fragment), fragment, "", reason, "margin", exact[pi][i])
                corrections.append(rec)
                margins.append({**rec, "text": fragment})
                if margin.learnable(fragment):
                    learned.add(fragment)
        for i, line in enumerate(page.lines):
            text = texts[pi][i]
            # pass 3: whole lines that are sidebar text (noise, a date, repeated sidebar words)
            reason = margin.standalone(text, vocab, frozenset(learned))
            if reason is not None:
                removed.append(Removal(line, f"{MARGIN_REASON}: {reason}"))
                margins.append({"page": page.number, "start": line.start, "end": line.end,
                                "text": text.strip(), "reason": reason})
                continue
            # pass 4: misread, glued and split words
            current = line.with_text(text) if text != line.text else line
            # _BROKEN_END ends in -\s*$: a line not ending in a hyphen needs no regex scan
            continued = prev.rstrip().endswith("-") and bool(_BROKEN_END.search(prev))
            body.append(_repair_words(page, current, corrections, exact[pi][i], edits, continued))
            if text.strip():
                prev = text
        out.append(Page(page.number, tuple(body), page.estimated, page.removed + tuple(removed),
                        page.unattributed))
    corrections.sort(key=lambda c: (c["page"], c["start"]))
    kinds = Counter(c["kind"] for c in corrections)
    return StageResult(tuple(out), {"corrections": corrections, "count": len(corrections),
                                    "by_kind": dict(kinds), "margin": margins, "edits": edits})


def _repair_words(page: Page, line: Line, corrections: list[dict], exact: bool, edits: bool,
                  continued: bool) -> Line:
    """The line with its misread words corrected; each correction appended to ``corrections``."""
    text = line.text
    fixes = _word_fixes(text, edits, continued)
    if not fixes:
        return line
    parts, pos = [], 0
    for start, end, fix, kind in fixes:
        parts += [text[pos:start], fix.after]
        pos = end
        corrections.append(_record(page, line, start, end - start, fix.before, fix.after, fix.reason, kind,
                                   exact))
    parts.append(text[pos:])
    return line.with_text("".join(parts))
