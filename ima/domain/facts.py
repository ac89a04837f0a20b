"""Entities and figures found in a passage: countries, organisations, money, counts, dates,
motions, commitments to parliament and references to other Kamerstukken.

Every mention keeps its exact character span in the text it was found in
(``text[span.start:span.end] == mention.text``), so a figure can always be
cited with the sentence and page it came from. Values are ``Decimal`` so
that ``3,5 mln.`` is 3500000 exactly, never 3499999.9999.

Qualifiers are kept as written but lower-cased with single spaces
(``"ruim"``, ``"meer dan"``, ``"oplopend tot"``); :data:`QUALIFIER_BOUNDS`
says what each one means for the value, so a query can ask for "at least"
figures without knowing Dutch.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterator, Literal

#: What a qualifier says about the true value relative to the stated one.
QUALIFIER_BOUNDS: dict[str, Literal["about", "above", "below", "at_most", "at_least"]] = {
    "circa": "about", "ca.": "about", "ongeveer": "about", "zo'n": "about", "zo’n": "about",
    "rond": "about", "rond de": "about", "ruwweg": "about", "naar schatting": "about", "bijna": "below",
    "ruim": "above", "meer dan": "above", "ruim boven": "above", "boven de": "above", "over": "above",
    "minder dan": "below", "lager dan": "below", "onder de": "below", "nog geen": "below",
    "tot": "at_most", "tot en met": "at_most", "oplopend tot": "at_most", "maximaal": "at_most",
    "hooguit": "at_most", "ten hoogste": "at_most", "hoger dan": "above",
    "minimaal": "at_least", "ten minste": "at_least", "tenminste": "at_least", "minstens": "at_least",
}


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` in the text that was searched."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def overlaps(self, other: Span) -> bool:
        """True if the two spans share at least one character."""
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class CountryMention:
    """A country (ISO 3166-1 alpha-3 ``code``) or a named region (region id, e.g. ``sahel``).

    ``text`` is the name as written (``Syriërs``, ``Tunesié``, ``Hoorn van Afrika``).
    """

    code: str
    text: str
    kind: Literal["country", "region"]
    span: Span


@dataclass(frozen=True, slots=True)
class OrganisationMention:
    """An organisation (``id`` from ``ima/data/organisations.csv``) as written in the text."""

    id: str
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Amount:
    """A sum of money: ``EUR 6 miljard``, ``118 miljoen euro per jaar in 2029``.

    ``value`` is in units of ``currency`` (ISO 4217) with the scale applied;
    ``scale`` is the scale word as written (``mln.``, ``miljard``) or None.
    For a range (``tussen USD 7.000 en USD 8.000``) ``low``/``high`` hold the
    bounds and ``value`` is the low bound. ``period`` is ``per jaar`` and the
    like; ``year`` the year the amount applies to when written next to it.
    """

    currency: str
    value: Decimal
    text: str
    span: Span
    scale: str | None = None
    qualifier: str | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    period: str | None = None
    year: int | None = None


@dataclass(frozen=True, slots=True)
class Count:
    """A number of people or things: ``26.840 vluchtelingen``, ``ruim 3,5 mln. Syriërs``.

    ``unit`` is the noun as written (None when the text gives none, as in
    ``circa 32.500``) and ``unit_lemma`` its singular (``vluchteling``).
    ``period`` is a rate written after it (``750 vluchtelingen per jaar``).
    """

    value: Decimal
    text: str
    span: Span
    unit: str | None = None
    unit_lemma: str | None = None
    qualifier: str | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    period: str | None = None


@dataclass(frozen=True, slots=True)
class Percentage:
    """A share in percent: ``90%``, ``bijna 50%``, ``50 procent``, ``twee derde`` (66.67)."""

    value: Decimal
    text: str
    span: Span
    qualifier: str | None = None


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date or period: ``10 juli 2020``, ``maart 2018``, ``2020–2023``, ``25 april jl.``.

    ``iso`` is the ISO 8601 form at the precision written: ``2020-07-10``,
    ``2018-03``, ``2018``, ``--04-25`` (day without a year), intervals with
    ``/`` (``2016-03-04/2020-04-01``). ``start``/``end`` are the first and
    last day covered when the year is known, else None.
    """

    iso: str
    text: str
    span: Span
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True, slots=True)
class MotionMention:
    """A parliamentary motion: ``motie Becker c.s.``, ``de aangenomen motie-Fritsma (Kamerstuk 19 637, nr. 2380)``.

    ``name`` is the designation as written, from ``motie`` to the last submitter
    (``motie van het lid Groothuizen c.s.``); ``submitters`` the names in it
    (``("Verhoeven", "Groothuizen")``), empty for an unnamed motion. ``text``
    runs from a status word written before it (``aangenomen``) to the end of
    the designation, or to the end of the Kamerstuk citation that belongs to
    it. ``identifier`` is that citation as ``kst-19637-2380``; ``status`` is
    what the text says happened to it (``aangenomen``, ``verworpen``,
    ``aangehouden``, ``ingediend``); ``cosigned`` is True for ``c.s.``;
    ``subject`` the ``over …``/``om …``/``waarin …`` clause that says what it asks.
    """

    name: str
    submitters: tuple[str, ...]
    text: str
    span: Span
    identifier: str | None = None
    status: str | None = None
    cosigned: bool = False
    subject: str | None = None


#: What a commitment promises: to inform parliament (a letter, report, briefing),
#: to report to it at fixed intervals, or to do something.
CommitmentKind = Literal["inform parliament", "report yearly", "report periodically", "do"]


@dataclass(frozen=True, slots=True)
class CommitmentMention:
    """A commitment to parliament (*toezegging*): ``Uw Kamer wordt voor het zomerreces geïnformeerd``.

    ``text`` is the whole sentence that promises. ``status`` says whether the
    sentence makes the promise (``made``), recalls one made earlier
    (``recalled``: ``Uw Kamer is toegezegd dat …``) or delivers one
    (``fulfilled``: ``conform de toezegging van 15 mei jl.``).

    ``due_text`` is the promised moment as written (``nog voor het zomerreces``,
    ``in het najaar``, ``jaarlijks``, ``zodra de finale teksten beschikbaar zijn``).
    ``due`` normalises it: an ISO 8601 date, month or interval (``2018-09/2018-11``
    for ``in het najaar`` of a 2018 letter), a named parliamentary moment
    (``zomerreces 2018``; without a document date just ``zomerreces``), or a
    repeating interval (``R/P1Y`` for ``jaarlijks``); None when vague
    (``spoedig``) or conditional. ``due_relation`` reads ``due``: ``before``,
    ``in`` or ``after`` it, ``every`` interval, ``when`` a condition holds, ``soon``.
    """

    text: str
    kind: CommitmentKind
    span: Span
    status: Literal["made", "recalled", "fulfilled"] = "made"
    due_text: str | None = None
    due: str | None = None
    due_relation: Literal["before", "in", "after", "every", "when", "soon"] | None = None


@dataclass(frozen=True, slots=True)
class KamerstukReference:
    """A citation of a parliamentary paper: ``Kamerstuk 19 637, nr. 2394`` -> ``kst-19637-2394``.

    A citation of several numbers (``nrs. 12 en 13``) gives one reference per
    number, all with the span of the whole citation.
    """

    identifier: str
    text: str
    span: Span


Mention = (CountryMention | OrganisationMention | Amount | Count | Percentage | DateMention
           | MotionMention | CommitmentMention | KamerstukReference)


@dataclass(frozen=True, slots=True)
class Facts:
    """All mentions found in one text, each list in text order."""

    countries: tuple[CountryMention, ...] = ()
    organisations: tuple[OrganisationMention, ...] = ()
    amounts: tuple[Amount, ...] = ()
    counts: tuple[Count, ...] = ()
    percentages: tuple[Percentage, ...] = ()
    dates: tuple[DateMention, ...] = field(default=())
    motions: tuple[MotionMention, ...] = ()
    commitments: tuple[CommitmentMention, ...] = ()
    references: tuple[KamerstukReference, ...] = ()

    def __iter__(self) -> Iterator[Mention]:
        """Every mention, grouped by kind."""
        for group in (self.countries, self.organisations, self.amounts, self.counts,
                      self.percentages, self.dates, self.motions, self.commitments, self.references):
            yield from group

    def __len__(self) -> int:
        return sum(1 for _ in self)
