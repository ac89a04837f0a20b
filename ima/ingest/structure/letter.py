"""Letter structure: sections from headings, footnote calls, the signature block.

A footnote call is the footnote's number glued to the word or punctuation before it
(``wetenschappelijke consensus1 dat``, ``aangeboden.14 Het``). Numbers glued to words
are common in other roles too (``B1 niveau``, ``COVID-19``, ``G20``), so a call is only
accepted for a number the document has a footnote for, glued to a word of at least
three letters or to punctuation, and each footnote is called once, in document order
(footnote numbers increase through a document; a later candidate for an earlier
number is not a call).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ima.domain.metadata import Footnote
from ima.domain.structure import FootnoteCall, LetterStructure, Section
from ima.domain.text import Passage
from ima.ingest.structure.headings import Heading, headings, pillar_of_title
from ima.ingest.structure.questions import sentence_spans

# glued to a word of three letters, or to punctuation that does not follow a digit (``1.1``
# and ``3,5`` are numbers, not calls)
_CALL = re.compile(r"(?:(?<=[^\W\d_]{3})|(?<=[^\d\s][.,;:)»”’\"]))(?P<num>\d{1,3})(?=[\s.,;:)]|$)")


def build_sections(passages: Sequence[Passage], heads: list[Heading], *, part_of: dict[int, str] | None = None,
                   skip: Iterable[int] = (), barriers: Iterable[int] = ()) -> tuple[Section, ...]:
    """One section per heading, holding the passages up to the next heading or barrier.

    Passages before the first heading and passages in ``skip`` (signatures) belong to
    no section, and a section ends at any of ``barriers`` (part headings), so no passage
    is ever in two sections.
    """
    skipped = set(skip)
    head_seqs = {h.seq for h in heads} | set(barriers)
    order = [p.seq for p in passages]
    sections = []
    for i, h in enumerate(heads):
        nxt = heads[i + 1].seq if i + 1 < len(heads) else None
        idx = order.index(h.seq)
        body = []
        for seq in order[idx + 1:]:
            if seq == nxt or seq in head_seqs:
                break
            if seq not in skipped:
                body.append(seq)
        sections.append(Section(title=h.title, number=h.number, level=h.level, heading_seq=h.seq,
                                passage_seqs=tuple(body), pillar=pillar_of_title(h.title),
                                part=(part_of or {}).get(h.seq)))
    return tuple(sections)


def footnote_calls(passages: Sequence[Passage], footnotes: Iterable[Footnote]) -> tuple[FootnoteCall, ...]:
    """Where each of the document's footnotes is called, as far as can be found."""
    numbers = sorted({f.number for f in footnotes})
    if not numbers:
        return ()
    wanted = set(numbers)
    calls: list[FootnoteCall] = []
    last = 0
    for p in passages:
        if p.kind not in ("paragraph", "list_item", "heading"):
            continue
        if re.match(r"^\d{1,3}\s", p.text):  # a footnote text left in the body calls nothing
            continue
        spans = None
        for m in _CALL.finditer(p.text):
            n = int(m.group("num"))
            if n not in wanted or n <= last:
                continue
            spans = spans or sentence_spans(p.text)
            s_start, s_end = next(((a, b) for a, b in spans if a <= m.start() < b + 4), (0, len(p.text)))
            calls.append(FootnoteCall(number=n, passage_seq=p.seq, offset=m.start(),
                                      sentence_start=s_start, sentence_end=min(s_end, len(p.text))))
            wanted.discard(n)
            last = n
    return tuple(calls)


def analyse_letter(passages: Sequence[Passage], footnotes: Iterable[Footnote] = ()) -> LetterStructure:
    """Sections, signature passages and footnote calls of a letter."""
    signature = tuple(p.seq for p in passages if p.kind == "signature")
    heads = [h for h in headings(passages) if h.seq not in signature]
    return LetterStructure(sections=build_sections(passages, heads, skip=signature),
                           signature_seqs=signature,
                           footnote_calls=footnote_calls(passages, footnotes))
