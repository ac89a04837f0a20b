"""Per-character classes of a string in one C-level pass, for counting without Python loops.

Several clean-up stages judge every line by counting its letters, digits and
symbols (``sum(c.isalpha() for c in text)``). Run over every line of every
document, those generator expressions were a large share of ingestion time.
:func:`classes` maps each character to a one-letter class with
``str.translate`` (a table filled lazily, one entry per distinct code point),
so the counts become ``str.count`` calls and the tests ``in`` tests, with
exactly the results of the ``str`` predicates they replace:

* ``d``: ``c.isdigit()``
* ``a``: ``c.isalpha()`` (never also a digit: letters and digits are disjoint categories)
* ``n``: any other ``c.isalnum()`` (numeric characters such as ``½``)
* `` `` (a space): ``c.isspace()``, so ``classes(t).split()`` gives the classes of
  ``t.split()``, token for token (``str.split`` splits on the same predicate)
* ``p``: everything else, i.e. ``not c.isalnum() and not c.isspace()``
"""

from __future__ import annotations


def _class(c: str) -> str:
    if c.isdigit():
        return "d"
    if c.isalpha():
        return "a"
    if c.isalnum():
        return "n"
    if c.isspace():
        return " "
    return "p"


class _ClassTable(dict):
    def __missing__(self, code: int) -> str:
        value = self[code] = _class(chr(code))
        return value


_TABLE = _ClassTable()


def classes(text: str) -> str:
    """``text`` with each character replaced by its class letter (same length)."""
    return text.translate(_TABLE)
