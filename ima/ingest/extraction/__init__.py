"""Entities, figures, motions, commitments and Kamerstuk references of one passage: :func:`extract_facts`.

Pure functions over a string: no I/O beyond reading the bundled name lists
once. Order matters for precision: dates and identifiers (Kamerstuk numbers,
articles, postcodes) are found first and their numbers masked, then each
remaining number (or range) is money if a currency goes with it, else a
percentage if a percent sign follows, else a count if
:func:`~.counts.count_from_phrase` accepts it. Motions, commitments to
parliament and Kamerstuk citations are read from the same text; the document
date, when given, resolves promised moments written without a year.
"""

from __future__ import annotations

import datetime as dt

from ima.domain.facts import Amount, Count, Facts, Percentage
from ima.ingest.extraction.amounts import amount_from_phrase
from ima.ingest.extraction.commitments import extract_commitments
from ima.ingest.extraction.counts import count_from_phrase, extract_fractions, percentage_from_phrase
from ima.ingest.extraction.countries import extract_countries
from ima.ingest.extraction.dates import extract_dates
from ima.ingest.extraction.kamerstuk_refs import extract_references
from ima.ingest.extraction.motions import extract_motions
from ima.ingest.extraction.numbers import find_numbers, number_phrases
from ima.ingest.extraction.organisations import extract_organisations
from ima.ingest.extraction.references import reference_spans

__all__ = ["extract_facts", "extract_countries", "extract_organisations", "extract_dates", "extract_motions",
           "extract_commitments", "extract_references"]


def extract_facts(text: str, *, document_date: dt.date | None = None) -> Facts:
    """All countries, organisations, amounts, counts, percentages, dates, motions,
    commitments and Kamerstuk references in ``text``.

    Every mention's span is relative to ``text`` and
    ``text[m.span.start:m.span.end] == m.text`` holds for all of them.
    ``document_date`` (the date of the letter or paper) resolves ``voor het
    zomerreces`` to ``zomerreces 2018`` and the like; without it such moments
    keep their name only.
    """
    dates = extract_dates(text)
    masked = [(d.span.start, d.span.end) for d in dates] + reference_spans(text)
    tokens = [t for t in find_numbers(text) if not any(t.start < e and s < t.end for s, e in masked)]
    amounts: list[Amount] = []
    counts: list[Count] = []
    percentages: list[Percentage] = []
    for phrase in number_phrases(text, tokens):
        amount = amount_from_phrase(text, phrase)
        if amount is not None:
            amounts.append(amount)
            continue
        percentage = percentage_from_phrase(text, phrase)
        if percentage is not None:
            percentages.append(percentage)
            continue
        count = count_from_phrase(text, phrase)
        if count is not None:
            counts.append(count)
    percentages.extend(extract_fractions(text))
    percentages.sort(key=lambda p: p.span.start)
    references = extract_references(text)
    return Facts(
        countries=tuple(extract_countries(text)),
        organisations=tuple(extract_organisations(text)),
        amounts=tuple(amounts),
        counts=tuple(counts),
        percentages=tuple(percentages),
        dates=tuple(dates),
        motions=tuple(extract_motions(text, references)),
        commitments=tuple(extract_commitments(text, document_date)),
        references=tuple(references),
    )
