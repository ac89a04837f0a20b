"""Sums of money: ``EUR 6 miljard``, ``USD 4,4 miljard``, ``118 miljoen euro per jaar in 2029``.

A number is money only when a currency is written next to it, before
(``EUR``, ``€``, ``USD``, ``$``) or after (``euro``, ``dollar``,
``Amerikaanse dollar``). A bare ``140 mln.`` is left to the count extractor:
``ruim 3,5 mln. Syriërs`` shows that a scale word alone does not make money.
The rate (``per jaar``, or ``jaarlijks`` earlier in the clause) and the
year written right after (``in 2029``, ``(2018)``) are kept with the amount.
"""

from __future__ import annotations

import re

from ima.domain.facts import Amount, Span
from ima.ingest.extraction.numbers import NumberPhrase

_PREFIX = re.compile(r"(EUR|€|USD|US\$|\$|GBP|£)\s?\Z")
_SUFFIX = re.compile(
    r"\s*(euro|EUR|Amerikaanse dollars?|US[- ]dollars?|dollars?|USD)(?![\w-])", re.IGNORECASE)
_CODES = {"eur": "EUR", "€": "EUR", "euro": "EUR", "usd": "USD", "us$": "USD", "$": "USD",
          "gbp": "GBP", "£": "GBP"}
_PERIOD_AFTER = re.compile(
    r"\s*,?\s*(per\s+(?:jaar|maand|week|dag|kwartaal|persoon|capita|hoofd|aanvrager|asielzoeker|vluchteling)"
    r"|op\s+jaarbasis|jaarlijks|structureel)(?!\w)", re.IGNORECASE)
_YEAR_AFTER = re.compile(r"\s+(?:in|voor|vanaf|tot)\s+((?:19|20)\d\d)(?![\w/])|\s*\(((?:19|20)\d\d)\)")
_YEARLY_BEFORE = re.compile(r"(?<!\w)(jaarlijks|jaarlijkse|per jaar)(?!\w)[^.;:!?]{0,40}\Z", re.IGNORECASE)


def _currency_code(symbol: str) -> str:
    s = symbol.lower()
    if "dollar" in s:
        return "USD"
    return _CODES[s]


def amount_from_phrase(text: str, phrase: NumberPhrase) -> Amount | None:
    """The amount of money ``phrase`` states, or None if no currency goes with it."""
    low, high = phrase.low, phrase.high
    last = high or low
    before = _PREFIX.search(text[max(0, low.start - 4):low.start])
    after = _SUFFIX.match(text, last.end)
    if before is None and after is None:
        return None
    currency = _currency_code(before.group(1) if before else after.group(1))
    start = phrase.start
    if before is not None:
        start = min(start, max(0, low.start - 4) + before.start())
    end = after.end() if after else last.end
    period = None
    m = _PERIOD_AFTER.match(text, end)
    if m:
        period = "per jaar" if m.group(1).lower() in ("jaarlijks", "op jaarbasis") else " ".join(m.group(1).split())
        end = m.end()
    elif _YEARLY_BEFORE.search(text[max(0, start - 60):start]):
        period = "per jaar"
    year = None
    m = _YEAR_AFTER.match(text, end)
    if m:
        year = int(m.group(1) or m.group(2))
        end = m.end()
    scale = last.scale
    return Amount(
        currency=currency, value=low.value, text=text[start:end], span=Span(start, end), scale=scale,
        qualifier=phrase.qualifier, low=low.value if high else None, high=high.value if high else None,
        period=period, year=year)
