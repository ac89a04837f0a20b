"""Join words broken over a line end: ``kennisge-`` + ``nomen`` -> ``kennisgenomen``.

The fragment on the next line moves up to the first line; both lines keep
their raw spans (a next line that was only the fragment merges into the first
line, whose span grows over it). Real hyphens stay, decided with the lexicon:

* ``COVID-`` + ``19``, ``EU-`` + ``lidstaten``, ``Noord-`` + ``Afrika``: an
  abbreviation or number before the hyphen, or a number or capital after it
  -> keep the hyphen (``COVID-19``);
* ``grens-`` + ``en reisbeperkingen``, ``mensenhandel-`` + ``en smokkel``: a
  hyphen before a conjunction is an elision, the lines stay as they are;
* ``massa-`` + ``immigratie``: the vowels would clash (klinkerbotsing) -> keep;
* ``niet-`` + ``westerse``, ``ex-`` + ``minister``: prefixes Dutch writes with a
  hyphen -> keep;
* otherwise the joined word wins when the lexicon lists it, or as a syllable
  break (typesetters of official papers hyphenate between syllables).

A URL broken at a hyphen is glued back without a space. Across a page break
the word continues on the next page, also when the page's footnotes stand
in between. Inside a line, an abbreviation compound that lost its line break
but kept the space (``EU- lidstaten``) is closed up.

Each decision is reported in ``details["joins"]`` / ``details["kept"]`` with
page, raw span of the line, the parts and the reason. The stage is
idempotent: a line whose fragment moved no longer ends in ``-``.
"""

from __future__ import annotations

import re

from ima.domain.text import Line, Page
from ima.ingest import lexicon
from ima.ingest.stage import StageResult

_END = re.compile(r"(?:^|(?<=\s))([(«“‘'\"]?[\w’'][\w’'./-]*?\w)-\s*$")
_URL_END = re.compile(r"(?:^|(?<=\s))((?:https?://|www\.)\S*\w|\S*\w/\S*\w)-\s*$")  # URLs and paths
_FOOTNOTE = re.compile(r"^\s*\d{1,3}\s+\S")
# Words after which a line-end hyphen is an elision (``grens- en reisbeperkingen``).
_CONJ = {"en", "of", "tot", "t/m", "noch", "dan", "als", "en/of", "c.q.", "respectievelijk", "dan wel"}
_VOWELS = set("aeiouyàáâäèéêëïíîóôöúûü")
# Prefixes Dutch writes with a hyphen before a word (``niet-westerse``, ``ex-partner``).
_HYPHEN_PREFIXES = {"niet", "ex", "oud", "non", "vice", "pro"}
_INLINE_DEFINITION = r"(?<![\w-])([A-Z]{2,6})- ([a-zà-ÿ][\w’']+)"
# the same with the first capital taken before the look-behind (widened by it): an expression
# that starts with a capital lets the engine skip to the capitals; same matches and groups
_INLINE = re.compile(r"([A-Z](?<![\w-][A-Z])[A-Z]{1,5})- ([a-zà-ÿ][\w’']+)")


def _first_word(text: str) -> tuple[str, str]:
    """The first token of ``text`` (up to a space) and the rest after it."""
    stripped = text.lstrip()
    m = re.match(r"(\S+)\s*(.*)$", stripped, re.S)
    if not m:
        return "", ""
    return m.group(1), m.group(2)


def decide_why(head: str, tail: str) -> tuple[str | None, str]:
    """``(decision, reason)`` for ``head-`` at a line end and ``tail`` on the next line.

    The decision is ``"join"``, ``"keep"`` (keep the hyphen, glue the tail on)
    or None (leave the lines as they are).
    """
    core = tail.rstrip(".,;:!?)»”’'\"")
    if not core:
        return None, "nothing to join"
    if core.lower() in _CONJ:
        return None, "elision before a conjunction"
    if core[0].isdigit() or any(c.isdigit() for c in head):
        return "keep", "number in the compound"
    if head.isupper() or core[0].isupper():
        return "keep", "abbreviation or name in the compound"
    if "-" in core:
        return "keep", "the word already has hyphens"  # whole-of-government, vis-a-vis
    joined = head + core
    if lexicon.listed(joined, 1.0):
        return "join", f"joined word listed (zipf {lexicon.zipf(joined):.1f})"
    if lexicon.listed(f"{head}-{core}", 1.0):
        return "keep", "hyphenated form listed"
    if head.lower() in _HYPHEN_PREFIXES:
        return "keep", "prefix written with a hyphen"
    if head[-1:].lower() in _VOWELS and core[:1].lower() in _VOWELS:
        return "keep", "vowel clash (klinkerbotsing)"
    if lexicon.is_word(joined):
        return "join", "joined word is a compound of known parts"
    return "join", "syllable break"


def decide(head: str, tail: str) -> str | None:
    """How to join ``head-`` (line end) and ``tail``: ``"join"``, ``"keep"`` or None."""
    return decide_why(head, tail)[0]


def _next_key(idx: int, key: tuple[int, int], order: list[tuple[int, int]],
              texts: dict[tuple[int, int], Line | None]) -> tuple[int, int] | None:
    """Where the word broken at line ``key`` continues, or None at a paragraph break.

    A blank line on the same page ends the paragraph, unless what follows is
    the page's footnote block: then the word goes on at the top of the next page.
    """
    blank = notes = False
    for k in order[idx + 1:]:
        line = texts[k]
        if line is None:
            continue
        if k[0] > key[0] + 1:
            return None
        if k[0] == key[0]:
            if not line.text.strip():
                blank = True
                continue
            if notes or (blank and _FOOTNOTE.match(line.text)):
                notes = True
                continue
            return None if blank else k
        if line.text.strip():
            return k
    return None


def _record(page: Page, line: Line, nxt: Line, head: str, tail: str, reason: str, result: str) -> dict:
    return {"page": page.number, "start": line.start, "end": max(line.end, nxt.end), "word": f"{head}-{tail}",
            "result": result, "reason": reason}


def _join_at(idx, key, order, texts, pages, joins, kept_hyphens) -> bool:
    """Join at one line end; True when the line absorbed a whole next line (try again)."""
    line = texts[key]
    if line is None:
        return False
    if not line.text.rstrip().endswith("-"):
        return False  # both patterns end in -\s*$: most lines are decided without a regex scan
    url = _URL_END.search(line.text)
    m = url or _END.search(line.text)
    if not m:
        return False
    nxt_key = _next_key(idx, key, order, texts)
    if nxt_key is None:
        return False
    nxt = texts[nxt_key]
    tail, rest = _first_word(nxt.text)
    if url:
        how, reason, head = "keep", "URL broken at a hyphen", m.group(1)
    else:
        head = re.sub(r"^[(«“‘'\"]", "", m.group(1).split("-")[-1])
        how, reason = decide_why(head, tail)
        if how == "join" and "-" in m.group(1) and (reason == "syllable break" or len(head) < 4):
            # a token that already has hyphens (vis-a-vis) is only joined when the lexicon
            # knows the joined last part and that part is a word, not a particle (EU-richt- + lijn)
            how, reason = "keep", "the word already has hyphens"
    page = pages[key[0]]
    if how is None:
        if reason.startswith("elision"):  # a real hyphen left as it stands: reported as kept
            kept_hyphens.append(_record(page, line, nxt, head, tail, reason, f"{head}- {tail}"))
        return False
    base = line.text[: m.end(1)]
    if how == "join":
        new = base + tail
        joins.append(_record(page, line, nxt, head, tail, reason, head + tail))
    else:
        new = base + "-" + tail
        kept_hyphens.append(_record(page, line, nxt, head, tail, reason, f"{head}-{tail}"))
    if rest.strip():
        texts[key] = line.with_text(new)
        texts[nxt_key] = nxt.with_text(rest)
        return False
    # the next line was only the fragment: it merges into this line (span grows over it)
    texts[key] = Line(new, line.start, max(line.end, nxt.end))
    texts[nxt_key] = None
    return True


def _close_inline(page: Page, line: Line, kept_hyphens: list[dict]) -> Line:
    """``EU- lidstaten`` inside a line -> ``EU-lidstaten`` (a line break lost, its space kept)."""
    def repl(m: re.Match[str]) -> str:
        if m.group(2).lower() in _CONJ or not lexicon.is_word(m.group(2)):
            return m.group(0)
        kept_hyphens.append({"page": page.number, "start": line.start, "end": line.end,
                             "word": m.group(0), "result": f"{m.group(1)}-{m.group(2)}",
                             "reason": "space after the hyphen of an abbreviation compound"})
        return f"{m.group(1)}-{m.group(2)}"

    text = _INLINE.sub(repl, line.text)
    return line.with_text(text) if text != line.text else line


def join_hyphenation(pages: tuple[Page, ...]) -> StageResult:
    """Move word fragments up across hyphenated line ends (and page ends); report each decision."""
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
        new_lines = tuple(_close_inline(page, t, kept_hyphens)
                          for li in range(len(page.lines)) if (t := texts[(pi, li)]) is not None)
        out.append(Page(page.number, new_lines, page.estimated, page.removed, page.unattributed))
    return StageResult(tuple(out), {"joined": len(joins), "kept_hyphen": len(kept_hyphens),
                                    "joins": joins, "kept": kept_hyphens})
