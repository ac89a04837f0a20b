"""Offsets that let the word segmenter price whole ranges of pieces without looking them up.

The segmenter of :mod:`ima.ingest.lexicon` tries every piece of up to 40
characters from every start; most of them are unlisted runs whose price follows
from their length. These helpers say, per start, where those ranges lie.
"""

from __future__ import annotations


def compound_ends(lower: str, start: int, heads: list[int], stop: int, prefixes: frozenset[str],
                  parts: frozenset[str], links: tuple[str, ...]) -> set[int]:
    """The ends up to ``stop`` at which ``lower[start:end]`` is a two-part compound whose head is one of
    ``heads`` (lengths): a head of 4+ letters, a linking letter or two, a content word."""
    ends: set[int] = set()
    for cut in heads:
        if cut < 4:
            continue
        for link in links:
            if not lower.startswith(link, start + cut):
                continue
            at = start + cut + len(link)
            for end in range(at + 1, stop + 1):  # every content word at ``at``: walk its prefixes
                word = lower[at:end]
                if word not in prefixes:
                    break
                if word in parts:
                    ends.add(end)
    return ends


def runs(letters: str) -> tuple[list[int], list[int], list[int]]:
    """Per start offset: where its letters end, where its pieces turn plain, the next hyphen.

    ``alpha_end[s]``: the first non-letter at or after ``s`` (``letters[s:e].isalpha()``
    exactly for ``s < e <= alpha_end[s]``). ``mixed_end[s]``: the shortest end from
    which a piece from ``s`` holds a letter, then a non-letter, then a letter; such
    a piece's core (its edges stripped) is neither letters only nor free of letters,
    so without a hyphen :func:`ima.ingest.lexicon._piece_cost` prices it ``6 * len + 4``.
    ``hyphen_at[s]``: the first ``-`` at or after ``s`` (pieces ending at or before it
    hold none).
    """
    n = len(letters)
    next_alpha = [n] * (n + 1)
    next_other = [n] * (n + 1)
    hyphen_at = [n] * (n + 1)
    for i in range(n - 1, -1, -1):
        ch = letters[i]
        if ch.isalpha():
            next_alpha[i], next_other[i] = i, next_other[i + 1]
        else:
            next_alpha[i], next_other[i] = next_alpha[i + 1], i
        hyphen_at[i] = i if ch == "-" else hyphen_at[i + 1]
    mixed_end = []
    for i in range(n + 1):
        other = next_other[next_alpha[i]]
        again = next_alpha[other] if other < n else n
        mixed_end.append(again + 1 if again < n else n + 1)
    return next_other, mixed_end, hyphen_at
