"""Numbers that are identifiers, not quantities: Kamerstuk numbers, articles, pages, postcodes.

The count extractor never reads a number inside one of these spans. They are
recognised by the word that introduces them, because the digits alone
(``19 637``, ``2395``, ``33``) look like any other number.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ima.ingest.extraction.ignorecase import lowered

_PATTERNS = [
    # Kamerstuk 19 637, nr. 2380 / Kamerstukken II 2017/18, 34 952, nr. 1 / 21 501-20, nr. 1265
    r"(?:Kamerstuk(?:ken)?(?:\s+I{1,2})?\s+)?(?:\d{4}/\d{2},?\s+)?\d{2}\s?\d{3}(?:-[\w-]+)?,\s*nr\.\s*\d+",
    r"(?<!\w)(?:nr|nrs|no|nummer)\.?\s*\d+(?:[-–]\d+)?",
    r"(?<!\w)(?:artikel|art\.|lid|onderdeel|pagina|pag\.|blz\.|p\.|bijlage|hoofdstuk|paragraaf|punt|motie)\s+\d+\w*",
    r"(?<!\w)Postbus\s+\d+",
    r"(?-i:(?<!\w)\d{4}\s?[A-Z]{2}(?!\w))",  # postcode 2500 EH (capitals: "2015 en" is no postcode)
    r"(?<![\w/])\d+/\d+(?:/\w+)*",  # 2013/32/EU, Verordening 2017/2226
    r"(?<!\w)\d{1,2}[.:]\d{2}\s*uur",  # 14.00 uur is a time
    r"(?<!\w)(?:kenmerk|ons kenmerk|uw kenmerk|referentie)\s*:?\s*[\w./-]+",
    r"(?<!\w)(?:[A-Z][a-z]+)?(?:wet|richtlijn|verordening|verdrag|besluit)\s+(?:19|20)\d\d(?!\d)",
    r"(?<!\w)(?:Wet|Vreemdelingenwet|Vreemdelingenbesluit|Vreemdelingencirculaire)\s+[\w ]{0,20}?(?:19|20)\d\d(?!\d)",
    r"(?<!\w)(?:Tweede|Eerste) Kamer, vergaderjaar\s+\d{4}[-–]\d{4},\s*\d{2}\s?\d{3}(?:-[\w-]+)?,\s*nr\.\s*\d+(?:\s+\d+)?",
]
_REFERENCE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)

# Speed: the expression above tries eleven alternatives at every position of every passage,
# and few passages hold any reference. Each alternative has a cheap necessary condition (a
# piece every match of it contains, searched fast because it starts with a digit class or a
# case-less character); an alternative whose condition is absent matches nowhere in the
# text, so leaving it out of the alternation changes no match (the others keep their order).
# None: no condition, always tried.
_NEEDS: list[str | None] = [
    r",\s*nr\.\s*\d",
    r"\d",
    r"\d",
    r"\d",
    r"\d",
    r"/\d",
    r"[.:]\d{2}\s*uur",
    None,
    r"\s(?:19|20)\d\d",
    r"(?:19|20)\d\d",
    r"[-–]\d{4},",
]
_NEEDS_RE = {n: re.compile(n, re.IGNORECASE) for n in _NEEDS if n is not None}
assert len(_NEEDS) == len(_PATTERNS)
_DIGIT = _NEEDS_RE[r"\d"]
# A second condition for the two law alternatives, the costliest to try (the first runs at
# every word start): the law's word (and for the first its year), searched case-sensitively
# in the lower-cased text, where it is the same test (see ignorecase).
_LOWER_NEEDS = {8: re.compile(r"(?:wet|richtlijn|verordening|verdrag|besluit)\s+(?:19|20)\d\d"),
                9: re.compile(r"wet|vreemdelingen")}
_UNCONDITIONAL = tuple(i for i, n in enumerate(_NEEDS) if n is None)
assert all(r"\d" in n for n in _NEEDS if n is not None)  # every condition matches a digit (none optional)


_WORD_START = r"(?<!\w)"
# The characters an alternative without a word-start test can begin with, as a lookahead
# the engine checks before entering it: a Kamerstuk number starts with a digit or "Kamerstuk".
_FIRST = {0: r"(?=[\dk])"}


def _after_word_start(pattern: str) -> str | None:
    r"""``pattern`` without its leading ``(?<!\w)`` (also inside ``(?-i:``), None if it has none."""
    if pattern.startswith(_WORD_START):
        return pattern[len(_WORD_START):]
    if pattern.startswith("(?-i:" + _WORD_START):
        return "(?-i:" + pattern[len("(?-i:" + _WORD_START):]
    if pattern.startswith(r"(?<![\w/])"):
        return r"(?<!/)" + pattern[len(r"(?<![\w/])"):]
    return None


@lru_cache(maxsize=256)
def _alternation(included: tuple[int, ...]) -> re.Pattern[str]:
    r"""The included alternatives, in order, as one expression.

    Speed: consecutive alternatives that all start at a word start share one
    ``(?<!\w)`` test, so at the positions inside words (most of them) the engine
    tries one lookbehind instead of every alternative. The order of the
    alternatives is kept, so every match is the same.
    """
    groups: list[tuple[bool, list[str]]] = []
    for i in included:
        tail = _after_word_start(_PATTERNS[i])
        lead = tail is not None
        body = f"(?:{tail})" if lead else f"{_FIRST.get(i, '')}(?:{_PATTERNS[i]})"
        if groups and groups[-1][0] and lead:
            groups[-1][1].append(body)
        else:
            groups.append((lead, [body]))
    return re.compile("|".join(f"{_WORD_START}(?:{'|'.join(bodies)})" if lead else bodies[0]
                               for lead, bodies in groups), re.IGNORECASE)


def reference_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that are references or identifiers, in order."""
    if _DIGIT.search(text) is None:  # every condition holds a digit: only the unconditional ones can match
        included = _UNCONDITIONAL
    else:
        found = {n: rx.search(text) is not None for n, rx in _NEEDS_RE.items()}
        included = tuple(i for i, n in enumerate(_NEEDS) if n is None or found[n])
        low = lowered(text)
        if low is not None:  # the law alternatives also need their words (case-insensitive)
            included = tuple(i for i in included if i not in _LOWER_NEEDS or _LOWER_NEEDS[i].search(low))
    return [(m.start(), m.end()) for m in _alternation(included).finditer(text)]
