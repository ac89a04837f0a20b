"""Assign passages to the six pillars with a weighted lexicon and a few explicit rules.

Method (every step leaves :class:`~ima.domain.pillars.Evidence`):

1. Fold the text (:func:`~ima.ingest.pillars.lexicon.fold`) and find every
   lexicon term. A term found ``n`` times adds ``weight * (1 + ln n)`` raw
   points to its pillar: repetition is evidence, but with diminishing returns,
   so one long answer about return does not drown out everything else. A
   negative term subtracts ``weight * n`` (it cancels a general term in a
   known context).
2. **Overview rule**: a passage that names the titles of three or more pillars
   is an overview of the agenda ("zes pijlers: 1) ... 6) ..."), not about each
   of them, so its title matches are dropped.
3. **Section rule** (optional input): the pillar section the passage sits in
   (Kamerstuk 1.1-1.6, numbered headings of a progress report) adds
   :data:`SECTION_PRIOR` points to that pillar. It is a prior, not the answer:
   the lexicon can outvote it, and it alone does not reach the threshold.
4. A pillar is assigned when its raw points reach :data:`MIN_POINTS` *and* at
   least :data:`RELATIVE` of the best pillar's points, so a passing mention
   in a passage about something else is not a label. Scores reported are
   ``1 - exp(-points / SCALE)``, in [0, 1).

The thresholds were set on the labelled set (``bench/pillars.py``); see
``ima/data/pillars/SOURCE.md``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from ima.domain.pillars import PILLAR_NUMBERS, Evidence, PillarLabel, PillarScore
from ima.domain.text import Passage
from ima.ingest.pillars.lexicon import Term, fold, load_lexicon

MIN_POINTS = 3.0
RELATIVE = 0.4
STRONG_POINTS = 5.0
SCALE = 4.0
SECTION_PRIOR = 2.0
OVERVIEW_MIN_TITLES = 3

# Pillar section headings as the corpus numbers them: "1.4 Minder illegaliteit,
# meer terugkeer" (Kamerstuk), "5. Bevorderen legale migratieroutes" (report);
# the report's layer separation sometimes leaves them inside a paragraph.
_SECTION_TITLES = {
    1: r"voorkomen\s+(?:van\s+)?irreguliere\s+migratie",
    2: r"(?:versterken\s+)?opvang\s+en\s+bescherming",
    3: r"solidair\s+en\s+solide",
    4: r"minder\s+illegaliteit",
    5: r"(?:bevorderen\s+)?legale\s+migratieroutes",
    6: r"(?:stimuleren\s+)?integratie\s+en\s+participatie",
}
_SECTION = re.compile(r"(?<![\w.])(?:\d\.)?([1-6])\.?\s+(?:" +
                      "|".join(f"(?P<p{n}>{rx})" for n, rx in _SECTION_TITLES.items()) + ")")


def _term_points(term: Term, count: int) -> float:
    if term.weight < 0:
        return term.weight * count
    return term.weight * (1.0 + math.log(count))


_FIRST_WORD: dict[str, str] = {}  # term -> its first word (every match contains it), split once
_COUNTERS: dict[re.Pattern[str], re.Pattern[str]] = {}  # term pattern -> :func:`_literal_first`


def _literal_first(term: Term) -> re.Pattern[str]:
    r"""``term.pattern`` with its leading ``(?<!\w)`` moved behind the first word.

    Same matches: ``(?<!\w)word`` at p holds exactly when ``word(?<!\wword)`` does
    (given ``word`` at p, the wider look-behind only asks about the character before
    p, and at p = 0 it cannot fit, as ``(?<!\w)`` passes there). But a pattern that
    starts with a literal lets the regex engine jump between occurrences of the word
    instead of testing the look-behind at every position: ~2x less time per passage.
    """
    source = term.pattern.pattern
    if not source.startswith("(?<!\\w)"):
        return term.pattern  # an infix: already starts with its literal
    first = re.escape(term.term.split()[0])
    rest = source[len("(?<!\\w)"):]
    if not rest.startswith(first):
        return term.pattern
    return re.compile(first + f"(?<!\\w{first})" + rest[len(first):], term.pattern.flags)


_WORD_START_3 = re.compile(r"(?<!\w)(?=(.{3}))", re.S)  # the 3 characters after each non-word-preceded position
_KEY = 3
_INDEXES: dict[int, tuple[Sequence[Term], list[int], dict[str, list[int]]]] = {}


def _index(lexicon: Sequence[Term]) -> tuple[list[int], dict[str, list[int]]]:
    r"""Positions of the terms that are always tested, and of the others by their first 3 characters.

    A term whose pattern starts with ``(?<!\w)`` and a first word of 3+ characters only
    matches where those 3 characters follow a non-word character (or start the text).
    """
    cached = _INDEXES.get(id(lexicon))
    if cached is not None and cached[0] is lexicon:
        return cached[1], cached[2]
    always: list[int] = []
    keyed: dict[str, list[int]] = {}
    for i, term in enumerate(lexicon):
        first = term.term.split()[0]
        if len(first) >= _KEY and term.pattern.pattern.startswith("(?<!\\w)" + re.escape(first)):
            keyed.setdefault(first[:_KEY], []).append(i)
        else:
            always.append(i)
    _INDEXES[id(lexicon)] = (lexicon, always, keyed)
    return always, keyed


def _candidates(folded: str, lexicon: Sequence[Term]) -> list[Term]:
    """The terms that may occur in ``folded``, in lexicon order (a superset of those that do).

    Speed: testing all ~240 terms one by one in Python was most of classification;
    one C-level scan collects the 3-character word starts and a set intersection
    picks the few terms that can match there.
    """
    always, keyed = _index(lexicon)
    starts = keyed.keys() & set(_WORD_START_3.findall(folded))
    picked = sorted(always + [i for key in starts for i in keyed[key]])
    return [lexicon[i] for i in picked]


def _collect(folded: str, lexicon: Sequence[Term]) -> dict[int, list[Evidence]]:
    found: dict[int, list[Evidence]] = {n: [] for n in PILLAR_NUMBERS}
    title_pillars = set()
    hits = []
    for term in _candidates(folded, lexicon):
        # cheap necessary condition first (a C-level substring test): most terms are absent
        first = _FIRST_WORD.get(term.term)
        if first is None:
            first = _FIRST_WORD[term.term] = term.term.split()[0]
        if first not in folded:
            continue
        counter = _COUNTERS.get(term.pattern)
        if counter is None:
            counter = _COUNTERS[term.pattern] = _literal_first(term)
        count = len(counter.findall(folded))  # the number of matches finditer yields, in C
        if count:
            hits.append((term, count))
            if term.match == "title":
                title_pillars.add(term.pillar)
    overview = len(title_pillars) >= OVERVIEW_MIN_TITLES
    for term, count in hits:
        points = _term_points(term, count)
        if overview and term.match == "title":
            # Keep the trace of what was dropped, at zero effect on the sum.
            found[term.pillar].append(Evidence("rule", f"overview of {len(title_pillars)} pillars: "
                                               f"title '{term.term}' ignored", 0.0, count))
            continue
        found[term.pillar].append(Evidence("term", term.term, round(points, 3), count))
    return found


def classify_passage(text: str, *, section_pillar: int | None = None,
                     lexicon: Sequence[Term] | None = None) -> PillarLabel:
    """Classify one passage: the pillars it is about (possibly none), with scores and evidence.

    ``section_pillar`` is the pillar of the document section the passage sits
    in, when the document's structure says so (see :func:`classify_passages`).
    """
    if section_pillar is not None and section_pillar not in PILLAR_NUMBERS:
        raise ValueError(f"section_pillar must be 1..6 or None, not {section_pillar!r}")
    found = _collect(fold(text), load_lexicon() if lexicon is None else lexicon)
    if section_pillar is not None:
        found[section_pillar].append(Evidence("rule", f"section {section_pillar}", SECTION_PRIOR))
    points = {n: max(0.0, sum(e.weight for e in found[n])) for n in PILLAR_NUMBERS}
    best = max(points.values())
    chosen = tuple(n for n in PILLAR_NUMBERS
                   if points[n] >= MIN_POINTS and (points[n] >= RELATIVE * best or points[n] >= STRONG_POINTS))
    scores = tuple(PillarScore(n, 1.0 - math.exp(-points[n] / SCALE), tuple(found[n])) for n in PILLAR_NUMBERS)
    method = "lexicon+section" if section_pillar is not None else "lexicon"
    return PillarLabel(pillars=chosen, scores=scores, method=method)


def section_headings(text: str) -> list[tuple[int, int]]:
    """Pillar section headings in ``text``: (offset, pillar) for each, in order."""
    out = []
    for m in _SECTION.finditer(fold(text)):
        pillar = next(n for n in _SECTION_TITLES if m.group(f"p{n}"))
        out.append((m.start(), pillar))
    return out


def passage_sections(passages: Sequence[Passage]) -> list[int | None]:
    """The pillar section each passage sits in, from the document's own headings.

    A pillar heading opens a section; any other heading ("II. Reactie van de
    Staatssecretaris", "Ten slotte") closes it. A heading found inside a
    paragraph (layer residue in the progress report) opens its section for
    the passages after it; the paragraph itself keeps the section it began in.
    """
    current: int | None = None
    out: list[int | None] = []
    for passage in passages:
        heads = section_headings(passage.text)
        if heads and heads[0][0] == 0:
            current = heads[0][1]
            out.append(current)
            current = heads[-1][1]
            continue
        if passage.kind == "heading":
            current = None
        out.append(current)
        if heads:
            current = heads[-1][1]
    return out


def classify_passages(passages: Sequence[Passage], *, use_sections: bool = True) -> list[PillarLabel]:
    """Classify every passage of one document, in order, using its pillar sections as a prior."""
    sections = passage_sections(passages) if use_sections else [None] * len(passages)
    return [classify_passage(p.text, section_pillar=s) for p, s in zip(passages, sections)]
