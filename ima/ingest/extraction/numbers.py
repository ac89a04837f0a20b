"""Dutch numbers as the documents write them: ``26.840``, ``3,5``, ``ruim 3,5 mln.``, ``drie``.

Dutch groups thousands with a dot and writes decimals with a comma
(``12.345,6``). A dot followed by something other than groups of three
digits is read as a decimal point only in front of a scale word (``1.7
miljoen`` in the 2020 letter), because there the thousands reading is
impossible. Numerals glued to a letter, dot, comma, slash or closing bracket
on their left (``consensus1``, ``jl.4``, ``2013/32``) are footnote calls or
parts of identifiers, not numbers, and are skipped here already; so are
digits right after another number and a space, and numerals with a leading
zero. A grouped numeral that OCR broke apart with spaces (``650 .00 0``,
``14.00 0``, ``65.0 00``) is read whole when removing the spaces leaves
exactly the thousands-dot form; the space is never allowed right after the
dot, so ``artikel 3. 100 personen`` stays two numbers.

:func:`find_numbers` returns every number with its scale word; the
qualifier (``circa``, ``bijna``) and range (``tussen 23.000 en 58.000``)
around it are read by :func:`qualifier_before` and :func:`number_phrases`,
which the money, count and percentage extractors share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from ima.domain.facts import QUALIFIER_BOUNDS

SCALES: dict[str, Decimal] = {
    "duizend": Decimal(1000), "dzd.": Decimal(1000),
    "mln.": Decimal(10) ** 6, "mln": Decimal(10) ** 6, "miljoen": Decimal(10) ** 6,
    "mld.": Decimal(10) ** 9, "mld": Decimal(10) ** 9, "mrd.": Decimal(10) ** 9, "miljard": Decimal(10) ** 9,
}
_SCALE_RE = r"(?:miljoen|miljard|duizend|mln\.?|mld\.?|mrd\.?|dzd\.)"

# A numeral: grouped thousands (optionally with decimals), a decimal comma,
# a dot-decimal in front of a scale word, or plain digits.
NUMERAL_DEFINITION = (
    r"(?<![\w.,/)\]])(?<!\w-)(?<!\d\s)(?<!\d[.,]\s)(?!0\d)"
    r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d+\.\d{1,2}(?=\s*" + _SCALE_RE + r"(?!\w))|\d+)"
    r"(?![\w/])(?![.,]\d)"
)
# The same expression with its first digit taken before the tests of what precedes it (each
# look-behind widened by that digit, ``(?!0\d)`` asked after it, every branch one digit
# shorter): an expression that starts with a digit lets the engine skip to the digits instead
# of running four look-behinds at every position, ~4x faster; the tests pin the equivalence.
NUMERAL = re.compile(
    r"\d(?<![\w.,/)\]]\d)(?<!\w-\d)(?<!\d\s\d)(?<!\d[.,]\s\d)(?!(?<=0)\d)"
    r"(?:\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d*,\d+|\d*\.\d{1,2}(?=\s*" + _SCALE_RE + r"(?!\w))|\d*)"
    r"(?![\w/])(?![.,]\d)"
)
# a grouped numeral with OCR spaces inside (at least one; see the module docstring)
_BROKEN_GROUPED = re.compile(r"(?<![\w.,/)\]])(?<!\w-)(?!0\d)\d{1,3}(?: ?\.\d(?: ?\d){2})+(?![\w/])(?![.,]?\d)")
# r"\d \.\d|\.\d{1,2} \d" with the branches' first characters taken as one class up front (the
# engine skips to them instead of trying both branches at every position); same matches
_BROKEN_HINT = re.compile(r"[\d.](?:(?<=\d) \.\d|(?<=\.)\d{1,2} \d)")
_SCALE_AFTER = re.compile(r"[ \t\u00a0]*(" + _SCALE_RE + r")(?![\w])")
# (?<![\w-])[a-zéë]+(?![\w-]) under IGNORECASE, spelled out: these are all the code points that
# class matches case-insensitively (checked over every code point), and an explicit
# case-sensitive class scans ~1.4x faster than the engine's per-character case folding.
_WORD = re.compile(r"(?<![\w-])[a-zA-ZéëÉËİıſ\u212a]+(?![\w-])")
# Words seen that are no number word (word_value None): most passages hold none of the few
# number words, which a C-level set difference over _WORD.findall tells without a Python step
# per word. Bounded: cleared when it grows past _PLAIN_MAX (it only saves time).
_PLAIN_WORDS: set[str] = set()
_PLAIN_MAX = 200_000

_UNITS = {"één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9}
_TEENS = {"tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15,
          "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19}
_TENS = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70,
         "tachtig": 80, "negentig": 90}


@lru_cache(maxsize=4096)
def word_value(word: str) -> int | None:
    """The value of a Dutch number word (``drie``, ``vijfentwintig``, ``tweehonderd``), else None.

    ``een`` is left out on purpose: it is the indefinite article far more
    often than the number; only the accented ``één`` counts.
    """
    w = word.lower()
    if w in _UNITS:
        return _UNITS[w]
    if w in _TEENS:
        return _TEENS[w]
    if w in _TENS:
        return _TENS[w]
    for tens_word, tens in _TENS.items():  # vijfentwintig, tweeëntwintig
        if w.endswith(tens_word):
            head = w[: -len(tens_word)]
            for link in ("en", "ën"):
                if head.endswith(link) and head[: -len(link)] in _UNITS | {"een": 1}:
                    return tens + (_UNITS | {"een": 1})[head[: -len(link)]]
    for big_word, big in (("duizend", 1000), ("honderd", 100)):
        if big_word in w:
            left, _, right = w.partition(big_word)
            mult = 1 if left == "" else word_value(left)
            rest = 0 if right == "" else word_value(right)
            if mult is not None and rest is not None and (left == "" or mult < big) and rest < big:
                return mult * big + rest
    return None


def parse_numeral(text: str) -> Decimal | None:
    """Parse one Dutch numeral (``26.840``, ``3,5``, ``12.345,6``, ``1.7``); None if it is not one."""
    s = text.strip()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s):
        s = s.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d+,\d+", s):
        s = s.replace(",", ".")
    elif not re.fullmatch(r"\d+(?:\.\d{1,2})?", s):
        return None
    try:
        return Decimal(s)
    except InvalidOperation:  # pragma: no cover - the patterns above only let digits through
        return None


def parse_number(text: str) -> Decimal | None:
    """Parse a whole Dutch number phrase: ``3,5 mln.``, ``13 duizend``, ``26.840``, ``drie``.

    Returns None unless the whole text is one number (with an optional scale word).
    """
    tokens = find_numbers(text)
    if len(tokens) == 1 and tokens[0].start == len(text) - len(text.lstrip()) \
            and tokens[0].end == len(text.rstrip()):
        return tokens[0].value
    return None


def format_dutch(value: Decimal, decimals: int = 0) -> str:
    """Write ``value`` the Dutch way: ``12.345,6`` (dot for thousands, comma for decimals)."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


@dataclass(frozen=True, slots=True)
class NumberToken:
    """One number in a text: its value (scale applied) and span, numeral and scale word included."""

    value: Decimal
    start: int
    end: int
    numeral: str  # the digits or the number word as written
    scale: str | None = None
    word: bool = False  # written as a word (``drie``)

    @property
    def grouped(self) -> bool:
        """Written with a thousands dot (``26.840``): never a year, dossier number or page."""
        return not self.word and re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", self.numeral) is not None

    @property
    def plain_int(self) -> int | None:
        """The value of a bare integer numeral (``2018``), None for anything formatted or scaled."""
        if self.word or self.scale or not self.numeral.isdigit():
            return None
        return int(self.numeral)


def _tidy(value: Decimal) -> Decimal:
    """3,5 mln. is ``3500000``, not ``3500000.0``: drop a zero fraction, keep real decimals."""
    integral = value.to_integral_value()
    return integral if value == integral else value.normalize()


def _with_scale(text: str, value: Decimal, start: int, end: int, numeral: str, word: bool) -> NumberToken:
    m = _SCALE_AFTER.match(text, end)
    if m and numeral.lower() != "duizend":
        scale = m.group(1)
        return NumberToken(_tidy(value * SCALES[scale.lower()]), start, m.end(), numeral, scale, word)
    return NumberToken(value, start, end, numeral, None, word)


def _has_number_word(text: str) -> bool:
    """Whether a word _WORD finds in ``text`` has a :func:`word_value` (the loop below is needed)."""
    unseen = set(_WORD.findall(text)) - _PLAIN_WORDS
    if not unseen:
        return False
    if len(_PLAIN_WORDS) > _PLAIN_MAX:
        _PLAIN_WORDS.clear()
    found = False
    for word in unseen:
        if word_value(word) is None:
            _PLAIN_WORDS.add(word)
        else:
            found = True
    return found


def find_numbers(text: str) -> list[NumberToken]:
    """Every number in ``text`` (numerals and number words), in order, with its scale word."""
    tokens: list[NumberToken] = []
    for m in NUMERAL.finditer(text):
        value = parse_numeral(m.group())
        if value is not None:
            tokens.append(_with_scale(text, value, m.start(), m.end(), m.group(), False))
    if _BROKEN_HINT.search(text):
        for m in _BROKEN_GROUPED.finditer(text):
            if " " in m.group():
                joined = m.group().replace(" ", "")
                tokens.append(_with_scale(text, Decimal(joined.replace(".", "")), m.start(), m.end(), joined, False))
    for m in (_WORD.finditer(text) if _has_number_word(text) else ()):
        value = word_value(m.group())
        if value is not None:
            tokens.append(_with_scale(text, Decimal(value), m.start(), m.end(), m.group(), True))
    tokens.sort(key=lambda t: (t.start, -t.end))  # at one start the longer reading wins
    # a scale word is never a number of its own ("13 duizend" is one token, not 13 and 1000)
    out: list[NumberToken] = []
    for token in tokens:
        if out and token.start < out[-1].end:
            continue
        out.append(token)
    return out


_QUALIFIERS = sorted(QUALIFIER_BOUNDS, key=len, reverse=True)
_QUALIFIER_BEFORE = re.compile(
    r"(?<![\w])(" + "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in _QUALIFIERS) + r")\s+\Z",
    re.IGNORECASE,
)


def qualifier_before(text: str, start: int) -> tuple[str, int] | None:
    """The qualifier written right before ``start`` (``ruim``, ``meer dan``) and where it starts."""
    window_start = max(0, start - 30)
    m = _QUALIFIER_BEFORE.search(text[window_start:start])
    if not m:
        return None
    return " ".join(m.group(1).lower().split()), window_start + m.start(1)


@dataclass(frozen=True, slots=True)
class NumberPhrase:
    """A number or a range of two, with the qualifier in front: ``tussen 23.000 en 58.000``.

    ``start`` covers the qualifier or ``tussen``; ``end`` the last number.
    The currency or unit that follows ``high`` belongs to both bounds.
    """

    low: NumberToken
    high: NumberToken | None
    qualifier: str | None
    start: int
    end: int


_RANGE_BETWEEN = re.compile(r"\s+en\s+(?:(?:EUR|USD|€|\$)\s?)?\Z")
_RANGE_DASH = re.compile(r"\s*[-–]\s*(?:(?:EUR|USD|€|\$)\s?)?\Z|\s+à\s+\Z|\s+tot\s+\Z")


def number_phrases(text: str, tokens: list[NumberToken]) -> list[NumberPhrase]:
    """Group tokens into ranges and attach qualifiers.

    Ranges are ``tussen A en B``, ``A-B``, ``A à B`` and ``A tot B``, the last
    only when not preceded by ``van`` (``van 14.000 tot 65.000`` is a change
    between two figures, not an interval). A bound without a scale takes the
    other's (``2 tot 3 miljoen``).
    """
    phrases: list[NumberPhrase] = []
    i = 0
    while i < len(tokens):
        low = tokens[i]
        high = tokens[i + 1] if i + 1 < len(tokens) else None
        joined = None
        if high is not None and high.start - low.end <= 12:
            gap = text[low.end:high.start]
            head = text[max(0, low.start - 12):low.start]
            if _RANGE_BETWEEN.match(gap) and re.search(r"(?<!\w)tussen\s+(?:(?:EUR|USD|€|\$)\s?)?\Z", head, re.I):
                joined = high
            elif _RANGE_DASH.match(gap) and not re.search(r"(?<!\w)van\s+\Z", head, re.I) \
                    and low.word == high.word and (low.value < high.value or (high.scale and not low.scale)):
                joined = high
        if joined is not None:
            if joined.scale and not low.scale:
                low = NumberToken(_tidy(low.value * SCALES[joined.scale.lower()]), low.start, low.end, low.numeral,
                                  None, low.word)
            if low.value >= joined.value:
                joined = None
        start = low.start
        qualifier = None
        if joined is not None:
            m = re.search(r"(?<!\w)tussen\s+(?:(?:EUR|USD|€|\$)\s?)?\Z", text[max(0, low.start - 12):low.start], re.I)
            if m:
                start = max(0, low.start - 12) + m.start()
        if start == low.start:
            found = qualifier_before(text, _currency_start(text, low.start))
            if found:
                qualifier, start = found
        phrases.append(NumberPhrase(low, joined, qualifier, start, (joined or low).end))
        i += 2 if joined is not None else 1
    return phrases


_CURRENCY_BEFORE = re.compile(r"(?:EUR|USD|US\$|€|\$)\s?\Z")


def _currency_start(text: str, start: int) -> int:
    """Where a currency sign right before ``start`` begins (qualifiers come before it)."""
    m = _CURRENCY_BEFORE.search(text[max(0, start - 5):start])
    return max(0, start - 5) + m.start() if m else start
