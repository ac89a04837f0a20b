"""Commitments to parliament (*toezeggingen*): ``wordt uw Kamer voor het zomerreces geïnformeerd``.

A commitment is a sentence, so the mention is the whole sentence with its
span. Precision comes first, so a sentence counts only when its grammar
promises something to parliament:

* the Kamer will be informed or sent something: a future auxiliary (``zal``,
  ``zullen``) with the Kamer and an informing verb (``Uw Kamer zal spoedig
  worden geïnformeerd``, ``zal uw Kamer toekomen``); or the Dutch present
  used as future (``wordt uw Kamer … geïnformeerd``, ``Uw Kamer ontvangt dit
  rapport``) but only with a forward marker (a promised moment, ``nog``,
  ``nader``) and not about a letter already sent (``In de brief van 11 juni jl.
  wordt uw Kamer … geïnformeerd``) or this one (``Met deze brief …``);
* explicit promise words: ``toezegging``/``toegezegd`` about a specific
  promise, ``zegt … toe``, ``Het kabinet committeert zich aan``.

Never a commitment: questions (a ``?``) and reported questions of members
(``De leden van de D66-fractie vragen … wanneer … naar de Kamer gestuurd zal
worden``), which is how part I of a written consultation reads; sentences that
relay what a motion asks (``waarin het kabinet wordt verzocht``); the plural
``toezeggingen`` used generically (pledges by countries); the past
(``De Tweede Kamer is bij brief van … geïnformeerd``).
"""

from __future__ import annotations

import datetime as dt
import re

from ima.domain.facts import CommitmentKind, CommitmentMention, Span
from ima.ingest.extraction.ignorecase import lowered
from ima.ingest.extraction.moments import find_moment

_KAMER = r"(?:uw|de|die|deze)\s+(?:Tweede\s+|Eerste\s+)?Kamer(?!\w)"
_GAP = r"[^.;:?!]{0,130}?"
_FUTURE = r"(?<!\w)(?:zal|zullen)(?!\w)"
_PRESENT = r"(?<!\w)(?:wordt|worden)(?!\w)"
_INFORMED = r"(?:geïnformeerd|geinformeerd|ingelicht|bericht|op\s+de\s+hoogte\s+(?:gehouden|gesteld|gebracht))(?!\w)"
_INFORM = (r"(?:informeren|inlichten|berichten|op\s+de\s+hoogte\s+(?:houden|stellen|brengen)|toekomen|"
           r"(?:toe)?sturen|(?:toe)?zenden|aanbieden|ontvangen|rapporteren)(?!\w)")
_SENT = r"(?:gestuurd|toegestuurd|verzonden|toegezonden|aangeboden|voorgelegd|ingediend|gerapporteerd)(?!\w)"

# (pattern, needs a forward marker): the present tense alone also describes what happens now
_INFORM_PATTERNS = [(re.compile(p, re.I), forward) for p, forward in (
    (_KAMER + _GAP + _FUTURE + _GAP + _INFORMED, False),             # Uw Kamer zal … worden geïnformeerd
    (_FUTURE + _GAP + _KAMER + _GAP + _INFORMED, False),             # zal uw Kamer … worden geïnformeerd
    (_FUTURE + _GAP + _KAMER + _GAP + _INFORM, False),               # zal ik uw Kamer … informeren / toekomen
    (r"(?<!\w)(?:ik|wij|kabinet|regering)\s+(?:zal|zullen)\s+u\s" + _GAP + _INFORM, False),  # zal ik u informeren
    (_FUTURE + _GAP + r"(?:aan|naar|bij)\s+" + _KAMER + _GAP + _SENT, False),  # zal … aan uw Kamer worden gestuurd
    (_KAMER + _GAP + _PRESENT + _GAP + _INFORMED, True),             # Uw Kamer wordt … geïnformeerd
    (_PRESENT + r"\s+" + _KAMER + _GAP + _INFORMED, True),           # wordt uw Kamer … geïnformeerd
    (_PRESENT + _GAP + r"(?:aan|naar)\s+" + _KAMER + _GAP + _SENT, True),  # wordt … aan uw Kamer gestuurd
    (_KAMER + r"\s+(?:ontvangt|krijgt)(?!\w)", True),                  # Uw Kamer ontvangt dit rapport …
    (r"(?<!\w)(?:informeer|informeren|bericht)\s+(?:ik|wij)\s+(?:uw\s+Kamer|u)(?!\w)", True),  # informeer ik u
)]
_FORWARD = re.compile(r"(?<!\w)(?:nog|nader|binnenkort|t\.z\.t\.|te\s+zijner\s+tijd)(?!\w)", re.I)
_THIS_OR_SENT_LETTER = re.compile(r"(?<!\w)(?:(?:met|in|bij)\s+(?:deze|de|die|haar|zijn)\s+brief|hierbij|"
                                  r"(?:bij|per)\s+brief\s+van)(?!\w)", re.I)

_GOVERNMENT = r"(?:ik|wij|het\s+kabinet|de\s+regering|de\s+minister|de\s+staatssecretaris)"
_MADE = re.compile(r"(?<!\w)(?:" + _GOVERNMENT + r"\s+committe(?:ert|ren)\s+(?:zich|mij|me|ons)"
                   r"|" + _GOVERNMENT + r"\s+(?:zeg|zegt|zeggen)\s" + _GAP + r"(?<!\w)toe(?!\w)"
                   r"|(?:zeg|zeggen)\s+(?:ik|wij)\s" + _GAP + r"(?<!\w)toe(?!\w))", re.I)
# a recalled or delivered promise counts only when it was made to parliament: pledges to
# the EU or by other countries ("In EU-verband heeft het kabinet toegezegd …") are no toezegging
_TO_PARLIAMENT = re.compile(r"Kamer(?!\w)|(?<!\w)(?:u|het\s+lid|de\s+leden|de\s+heer|mevrouw|\w*[Kk]amerlid|"
                            r"commissie\w*|plenaire?|notaoverleg|wetgevingsoverleg|[Aa]lgemeen\s+[Oo]verleg|"
                            r"schriftelijk\s+overleg|\w*debat|vragenuur)(?!\w)", re.I)
_FULFILLED = re.compile(r"(?<!\w)(?:(?:conform|overeenkomstig|volgens|in\s+lijn\s+met|ter\s+uitvoering\s+van|"
                        r"naar\s+aanleiding\s+van|in\s+reactie\s+op|uitvoering\s+van)\s+(?:de|mijn|onze|zijn|haar)\s+"
                        r"toezegging(?!en)|zoals\s+(?:eerder\s+|reeds\s+)?(?:aan\s+" + _KAMER + r"\s+)?"
                        r"(?:is\s+|werd\s+)?toegezegd)(?!\w)", re.I)
_RECALLED = re.compile(r"(?<!\w)(?:" + _KAMER + r"\s+(?:is|werd|zijn)\s+" + _GAP + r"toegezegd"
                       r"|(?:heb|hebben|heeft|had|hadden)\s+" + _GAP + r"(?:toegezegd|toezegging\s+ged)"
                       r"|(?:de|deze|mijn|onze|een)\s+toezegging\s+(?:van|aan|tijdens|in|om|dat|gedaan)(?!\w))", re.I)
_NO_PROMISE = re.compile(r"(?<!\w)geen\s+toezegging", re.I)

_QUESTION = re.compile(
    r"\?"
    r"|(?<!\w)(?:ontvangen|vernemen|horen|krijgen)\s+(?:\w+\s+){0,3}(?:leden|zij)\s+graag(?!\w)"  # inverted request
    r"|(?<!\w)(?:leden|fracties?|lid)(?!\w)[^.;]{0,200}?(?<!\w)(?:vragen|vraagt|vroegen|vroeg|verzoeken|verzoekt|"
    r"willen|wil|wensen|informeren\s+naar|vernemen|ontvangen|lezen)(?!\w)"
    r"|\A\s*(?:Zij|Ook\s+zij)\s+(?:vragen|verzoeken|willen|wensen|ontvangen)(?!\w)", re.I)
_MOTION_REQUEST = re.compile(r"(?<!\w)(?:wordt|werd|worden)\s+(?:\w+\s+){0,3}verzocht|verzoekt\s+de\s+regering", re.I)
_INFORM_WORDS = re.compile(r"(?<!\w)(?:informe\w*|geïnformeerd|geinformeerd|brief\w*|rapport\w*|inzicht|toekomen|"
                           r"\w*sturen|\w*zenden|\w*gestuurd|\w*zonden|ingelicht|bericht\w*|overzicht)(?!\w)", re.I)

# every commitment pattern needs one of these words: passages without any are skipped unsplit
_CANDIDATE = re.compile(r"Kamer|toeze|toegez|committe|(?<!\w)(?:zeg|zegt|zeggen|u)(?!\w)", re.I)
_CANDIDATE_PARTS = ("kamer", "toeze", "toegez", "committe")
_CANDIDATE_WORD = re.compile(r"(?:z(?<!\wz)eg(?:t|gen)?|u(?<!\wu))(?!\w)")  # the words, led by a literal


def _candidate(text: str) -> bool:
    """Whether ``_CANDIDATE`` occurs in ``text``.

    Speed: IGNORECASE matching of these ASCII words is plain matching in the lower-cased
    text (:func:`~.ignorecase.lowered`); C-level substring tests and an expression that
    starts with a letter (the engine skips to it) replace five case-folded alternatives
    tried at every position.
    """
    low = lowered(text)
    if low is None:
        return _CANDIDATE.search(text) is not None
    return any(part in low for part in _CANDIDATE_PARTS) or _CANDIDATE_WORD.search(low) is not None
_ABBREVIATIONS = ("nr", "nrs", "art", "o.a", "m.n", "c.s", "d.w.z", "bijv", "e.a", "jl", "mln", "ca", "blz", "p",
                  "dhr", "mw", "drs", "dr", "mr", "prof", "vs", "i.c", "incl", "excl", "t.z.t", "resp", "z.g")
_BOUNDARY = re.compile(r"[.?!]+[\"”’)]*(?=\s+[\"“‘(«]?[A-Z0-9ÀÉÖÜ])|[.?!]+[\"”’)]*\s*\Z|\n\s*\n")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` (leading and trailing whitespace excluded), in order.

    A full stop after a known abbreviation (``nr.``, ``c.s.``, ``jl.``) does not
    end a sentence, since a number or name usually follows it.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        word = re.search(r"([\w.]+)\.?\Z", text[max(start, m.start() - 12):m.start() + 1])
        if word and word.group(1).lower().rstrip(".") in _ABBREVIATIONS and m.group().startswith(".") \
                and len(m.group().strip()) == 1:
            continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def _status(sentence: str) -> tuple[str, int] | None:
    """(``made``/``recalled``/``fulfilled``, end of the promise words) for a sentence with them, else None."""
    if _NO_PROMISE.search(sentence):
        return None
    to_parliament = _TO_PARLIAMENT.search(sentence) is not None
    for status, pattern in (("fulfilled", _FULFILLED), ("recalled", _RECALLED)):
        m = pattern.search(sentence)
        if m and to_parliament:
            return status, m.end()
    m = _MADE.search(sentence)
    return ("made", m.start()) if m else None


def _informs(sentence: str) -> int | None:
    """Offset where a promise to inform the Kamer starts in ``sentence``, or None."""
    for pattern, needs_forward in _INFORM_PATTERNS:
        m = pattern.search(sentence)
        if m is None:
            continue
        if needs_forward and (_THIS_OR_SENT_LETTER.search(sentence)
                              or not (_FORWARD.search(sentence) or find_moment(sentence[m.start():]))):
            continue
        return m.start()
    return None


def commitment_in(sentence: str, document_date: dt.date | None = None, offset: int = 0) -> CommitmentMention | None:
    """The commitment ``sentence`` makes to parliament, or None; its span starts at ``offset``."""
    if _QUESTION.search(sentence) or _MOTION_REQUEST.search(sentence):
        return None
    promise = _status(sentence)
    at = _informs(sentence)
    if at is not None:
        moment = find_moment(sentence[at:], document_date) or find_moment(sentence, document_date)
    elif promise is not None:  # "In februari 2020 heb ik … toegezegd": a moment before the promise is when it was made
        moment = find_moment(sentence[promise[1]:], document_date)
    else:
        return None
    kind: CommitmentKind = "inform parliament" if at is not None or _INFORM_WORDS.search(sentence) else "do"
    if moment and moment.due and moment.due.startswith("R/"):
        kind = "report yearly" if moment.due == "R/P1Y" else "report periodically"
    return CommitmentMention(
        text=sentence, kind=kind, span=Span(offset, offset + len(sentence)),
        status=promise[0] if promise else "made",  # type: ignore[arg-type]  # one of the three statuses
        due_text=moment.text if moment else None, due=moment.due if moment else None,
        due_relation=moment.relation if moment else None,  # type: ignore[arg-type]  # one of Moment's relations
    )


def extract_commitments(text: str, document_date: dt.date | None = None) -> list[CommitmentMention]:
    """Every sentence of ``text`` that commits the government to parliament, in order.

    ``document_date`` resolves moments written without a year (``voor het
    zomerreces`` in a June 2018 letter is ``zomerreces 2018``).
    """
    found: list[CommitmentMention] = []
    if not _candidate(text):
        return found
    for start, end in sentences(text):
        sentence = text[start:end]
        if _candidate(sentence):
            mention = commitment_in(sentence, document_date, start)
            if mention is not None:
                found.append(mention)
    return found
