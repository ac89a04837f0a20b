"""Numbers for people in the terminal: Dutch digit grouping and decimal comma by default
(``83.516.593``, ``21,8%``), English with ``--lang en`` (``83,516,593``, ``21.8%``).
JSON output never goes through here: it keeps numbers as numbers."""

from __future__ import annotations

import re

_SWAP = str.maketrans(",.", ".,")
# money words the way Dutch and English policy papers abbreviate them
_SCALES = ((1e9, {"nl": "mld", "en": "bn"}), (1e6, {"nl": "mln", "en": "mn"}))


def _localise(text: str, lang: str) -> str:
    return text.translate(_SWAP) if lang == "nl" else text


def number(value: float | int | None, lang: str = "nl", decimals: int = 0) -> str:
    """``83.516.593`` / ``83,516,593``; ``decimals`` digits after the decimal sign; empty for None."""
    if value is None:
        return ""
    return _localise(f"{value:,.{decimals}f}", lang)


def decimal(value: float | None, lang: str = "nl", digits: int = 3) -> str:
    """A small figure such as a score (``0,731`` / ``0.731``): ``digits`` after the decimal sign."""
    return number(value, lang, digits)


def percent(share: float | None, lang: str = "nl", decimals: int = 1) -> str:
    """A share as a percentage: ``21,8%`` / ``21.8%``; empty for None."""
    if share is None:
        return ""
    return _localise(f"{100 * share:.{decimals}f}%", lang)


def change(share: float | None, lang: str = "nl", decimals: int = 0) -> str:
    """A relative change with its sign: ``+20%``, ``-40%``; empty for None."""
    if share is None:
        return ""
    return _localise(f"{100 * share:+.{decimals}f}%", lang)


def money(value: float, currency: str, lang: str = "nl") -> str:
    """Compact money: ``EUR 288,3 mln`` / ``EUR 288.3 mn``, ``USD 141,1 mld`` / ``USD 141.1 bn``;
    smaller amounts in full (``USD 3.742``)."""
    for size, words in _SCALES:
        if abs(value) >= size:
            return f"{currency} {number(value / size, lang, 1)} {words[lang if lang in words else 'en']}"
    return f"{currency} {number(value, lang)}"


def smart(value: float | None, lang: str = "nl") -> str:
    """A figure of unknown size: whole numbers grouped, small ones with three significant digits."""
    if value is None:
        return "—"
    if abs(value) >= 100 or float(value).is_integer():
        return number(value, lang)
    return _localise(f"{value:.3g}", lang)


_LONG_SOURCE = re.compile(r"\s*(\(|\bvia |×|\bcompiled by\b).*$")


def source_label(source: str, limit: int = 24) -> str:
    """A short label for a long source name, for a table cell: the text before any parenthesis,
    'via …' or '× …', cut at a word boundary (``World Bank WDI SP.POP.TOTL`` → ``World Bank WDI``;
    ``Eurostat migr_asyappctza via iom/gdidata`` → ``Eurostat migr_asyappctza``). The full text
    belongs in a legend under the table and in ``--json``."""
    short = _LONG_SOURCE.sub("", source).strip() or source.strip()
    if len(short) <= limit:
        return short
    words, kept = short.split(), ""
    for word in words:
        if len(kept) + len(word) + (1 if kept else 0) > limit - 1:
            break
        kept = f"{kept} {word}" if kept else word
    return (kept or short[:limit - 1]) + "…"


def source_legend(sources: list[str], lang: str = "nl", limit: int = 24) -> list[str]:
    """Legend lines for the short labels of a table: ``label: full source; other full source`` once
    per label, in the order first seen, only where the label shortened a source."""
    by_label: dict[str, list[str]] = {}
    for full in dict.fromkeys(s.strip() for s in sources if s):
        label = source_label(full, limit)
        if label != full:
            by_label.setdefault(label, []).append(full)
    if not by_label:
        return []
    return ["Bronnen:" if lang == "nl" else "Sources:",
            *(f"  {label}: {'; '.join(fulls)}" for label, fulls in by_label.items())]
