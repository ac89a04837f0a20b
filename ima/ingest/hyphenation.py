"""Join words broken over a line end: ``kennisge-`` + ``nomen`` -> ``kennisgenomen``.

The fragment on the next line moves up to the first line; both lines keep
their raw spans (a next line that was only the fragment keeps its span too,
with empty text, and is skipped by the passage builder). Real hyphens stay,
decided with the lexicon:

* ``COVID-`` + ``19``, ``EU-`` + ``lidstaten``: the part before the hyphen is an
  abbreviation or the part after is a number or capitalised -> keep the hyphen;
* ``grens-`` + ``en reisbeperkingen``: a hyphen before a conjunction is an
  elision, the line stays as it is;
* ``massa-`` + ``immigratie``: the vowels would clash (klinkerbotsing) or the
  joined word is unknown while both parts are words -> keep the hyphen;
* otherwise the joined word wins when the lexicon knows it (or its compound).

Also across a page break, when the last body line of a page ends in a hyphen.
The stage is idempotent: a line whose fragment moved no longer ends in ``-``.
"""

from __future__ import annotations

import re

from ima.domain.text import Line, Page
from ima.ingest import lexicon
from ima.ingest.stage import StageResult

_END = re.compile(r"(?:^|(?<=\s))([(«“‘'\"]?[\w’'][\w’'./-]*?\w)-\s*$")
_CONJ = {"en", "of", "tot", "t/m", "noch", "dan"}
_VOWELS = set("aeiouyàáâäèéêëïíîóôöúûü")


def _first_word(text: str) -> tuple[str, str]:
    """The first token of ``text`` (up to a space) and the rest after it."""
    stripped = text.lstrip()
    m = re.match(r"(\S+)\s*(.*)$", stripped, re.S)
    if not m:
        return "", ""
    return m.group(1), m.group(2)


def decide(head: str, tail: str) -> str | None:
    """How to join ``head-`` (line end) and ``tail`` (next line's first token).

    Returns ``"join"``, ``"keep"`` (keep the hyphen, glue the tail on) or None
    (leave the lines as they are).
    """
    core = tail.rstrip(".,;:!?)»”’'\"")
    if not core:
        return None
    if core.lower() in _CONJ:
        return None
    if core[0].isdigit() or core[0].isupper() or head.isupper() or any(c.isdigit() for c in head):
        return "keep"
    if "-" in core:
        return "keep"  # whole-of-government, vis-a-vis
    joined = head + core
    if lexicon.listed(joined, 1.0):
        return "join"
    if lexicon.listed(f"{head}-{core}", 1.0):
        return "keep"
    if head[-1:].lower() in _VOWELS and core[:1].lower() in _VOWELS:
        return "keep"  # klinkerbotsing: massa-immigratie, zee-egel
    if lexicon.is_word(joined):
        return "join"
    if lexicon.is_word(head) and lexicon.is_word(core) and len(head) > 3 and len(core) > 3:
        return "join"  # a compound the lexicon does not list: Dutch writes it as one word
    return "join"  # a syllable break (typesetters hyphenate a lot)


def _join_at(idx, key, order, texts, pages, joins, kept_hyphens) -> bool:
    """Join at one line end; True when the line absorbed a whole next line (try again)."""
    line = texts[key]
    if line is None:
        return False
    m = _END.search(line.text)
    if not m:
        return False
    nxt_key = next((k for k in order[idx + 1: idx + 6] if texts[k] is not None and texts[k].text.strip()), None)
    if nxt_key is None:
        return False
    # a blank line in between is a paragraph break, except across a page break
    between = [k for k in order[idx + 1: order.index(nxt_key)] if texts[k] is not None]
    if any(k[0] == key[0] for k in between) and nxt_key[0] == key[0]:
        return False
    nxt = texts[nxt_key]
    tail, rest = _first_word(nxt.text)
    head = re.sub(r"^[(«“‘'\"]", "", m.group(1).split("-")[-1])
    how = decide(head, tail)
    if how == "join" and "-" in m.group(1):
        how = "keep"  # vis-a-vis, whole-of-government: the token already has hyphens
    if how is None:
        return False
    base = line.text[: m.end(1)]
    if how == "join":
        new = base + tail
        joins.append({"page": pages[key[0]].number, "start": line.start, "word": head + "-" + tail,
                      "joined": head + tail})
    else:
        new = base + "-" + tail
        kept_hyphens.append({"page": pages[key[0]].number, "start": line.start, "word": head + "-" + tail})
    if rest.strip():
        texts[key] = line.with_text(new)
        texts[nxt_key] = nxt.with_text(rest)
    else:
        # the next line was only the fragment: it merges into this line (span grows over it)
        texts[key] = Line(new, line.start, max(line.end, nxt.end))
        texts[nxt_key] = None
        return True
    return False


def join_hyphenation(pages: tuple[Page, ...]) -> StageResult:
    """Move word fragments up across hyphenated line ends (and page ends)."""
    lines: list[tuple[int, int, Line]] = [(pi, li, l) for pi, p in enumerate(pages) for li, l in enumerate(p.lines)]
    texts: dict[tuple[int, int], Line | None] = {(pi, li): l for pi, li, l in lines}
    order = [(pi, li) for pi, li, _ in lines]
    joins: list[dict] = []
    kept_hyphens: list[dict] = []
    for idx, key in enumerate(order):
        while _join_at(idx, key, order, texts, pages, joins, kept_hyphens):
            pass  # the next line was only a fragment and the line still ends in a hyphen
    out = []
    for pi, page in enumerate(pages):
        new_lines = tuple(t for li in range(len(page.lines)) if (t := texts[(pi, li)]) is not None)
        out.append(Page(page.number, new_lines, page.estimated, page.removed, page.unattributed))
    return StageResult(tuple(out), {"joined": len(joins), "kept_hyphen": len(kept_hyphens),
                                    "joins": joins, "kept": kept_hyphens})
