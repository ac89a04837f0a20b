"""Sentences, and which of them ask.

Members of parliament ask in three ways: a question mark (``Kan het kabinet …?``), an
indirect question with a verb of asking (``De leden vragen of/hoe/waarom …``, ``Zij
willen weten …``, ``verzoeken het kabinet toe te lichten …``), or a polite request
(``Graag ontvangen deze leden een reactie``). Written Dutch also drops the question
mark after an inverted modal (``Kan concreet gemaakt worden hoe … .``), so a sentence
that opens with a finite modal or verb of stance counts too. Each question records
its cue, so a user can see why a sentence was taken for one.
"""

from __future__ import annotations

import re

from ima.domain.structure import Question

# abbreviations after which a full stop does not end a sentence
_ABBREVIATIONS = frozenset("""nr nrs jl jo bijv bv vgl o.a d.w.z z.g.n mln mld mrd c.s e.d etc resp art blz p pag
vs t.a.v m.b.t i.v.m i.p.v o.b.v ca dr mr prof drs ir ing st mw dhr e.a zgn incl excl
min max nl n.a.v a.s j.l ir sr jr e.v t.b.v m.u.v""".split())
_BOUNDARY = re.compile(r"[.?!](?:[»”’\"')]|\d{1,3})?(?=\s+[«“‘\"'(]?[A-Z0-9ÀÁÉÈËÏÖÜ])")
_LAST_TOKEN = re.compile(r"(\S+)$")

_SUBJECT = (r"(?:leden(?:\s+van\s+(?:de|het)\s+[\w-]+(?:\s+[\w-]+)?)?|zij|ze|fractie|"
            r"(?:deze|voornoemde|voorgenoemde|genoemde|laatstgenoemde)\s+leden)")
_ADVERBS = r"(?:\s+(?:ook|voorts|verder|daarnaast|tevens|nog|eveneens|wel|dan|specifiek|allereerst|"\
           r"daarom|graag|in\s+dat\s+licht|in\s+dit\s+verband|het\s+kabinet|de\s+regering|hierbij|"\
           r"tot\s+slot|ten\s+slotte|bovendien|tenslotte))*"
_ASK_VERB = r"(?:vragen|vraagt|vroegen|informeren|verzoeken|verzoekt|willen\s+(?:[\w-]+\s+){0,6}?weten|"\
            r"wensen\s+(?:\w+\s+){0,3}?(?:te\s+)?(?:vernemen|weten)|zijn\s+(?:\w+\s+){0,2}?benieuwd|"\
            r"horen\s+graag|vernemen\s+graag|ontvangen\s+graag|lezen\s+graag)"
_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("verb of asking", re.compile(rf"\b{_SUBJECT}{_ADVERBS}\s+{_ASK_VERB}\b", re.IGNORECASE)),
    ("verb of asking", re.compile(rf"\b(?:vragen|informeren|verzoeken|willen|wensen)\s+(?:\w+\s+){{0,2}}?"
                                  rf"{_SUBJECT}\b(?:\s+\w+){{0,4}}?\s+(?:of|hoe|waarom|wanneer|wat|welke?|"
                                  rf"wie|waar|in\s+hoeverre|naar|om|\w+\s+te\s+\w+|weten|het\s+kabinet)\b",
                                  re.IGNORECASE)),
    ("verb of asking", re.compile(r"\bvragen\s+(?:\w+\s+){0,4}?zich\s+af\b", re.IGNORECASE)),
    # "Voornoemde leden onderschrijven … en vragen welke maatregelen …": a second verb of the subject
    ("verb of asking", re.compile(r"\b(?:en|maar)\s+vragen\s+(?:\w+\s+){0,3}?(?:of|hoe|waarom|wanneer|wat|welke?|"
                                  r"wie|waar|in\s+hoeverre|naar|om)\b", re.IGNORECASE)),
    ("request", re.compile(r"\bgraag\b(?:\s+[\w-]+){0,6}?\s+(?:ontvangen|vernemen|horen|weten|lezen|zien|"
                           r"een\s+(?:reactie|toelichting|reflectie|uiteenzetting|overzicht))\b", re.IGNORECASE)),
    ("request", re.compile(r"\b(?:ontvangen|vernemen|horen|lezen)\b(?:\s+[\w-]+){0,6}?\s+graag\b", re.IGNORECASE)),
    ("request", re.compile(r"\bverzoeken\b(?:\s+[\w-]+){0,8}?\s+(?:toe\s+te\s+lichten|aan\s+te\s+geven|"
                           r"te\s+informeren|in\s+te\s+gaan|te\s+reageren)\b", re.IGNORECASE)),
)
# an inverted finite verb at the start of a sentence asks (``Kan het kabinet …``)
_INVERTED = re.compile(r"^(?:(?:Ook|En|Zo\s+ja|Zo\s+nee|Voorts|Daarnaast|Tevens),?\s+)?"
                       r"(?:Kan|Kunnen|Is|Zijn|Wil|Wilt|Deelt|Erkent|Ziet|Acht|Heeft|Hebben|Wordt|Worden|"
                       r"Zal|Zullen|Bestaat|Bestaan|Gaat|Gaan|Klopt|Valt|Overweegt|Mag|Moet|Moeten)\s+"
                       r"(?:het\s+kabinet|de\s+regering|de\s+minister|de\s+staatssecretaris|zij|er|dit|dat|"
                       r"het|de|een|ook|daarbij|daarnaast|hierbij|concreet|worden|nader|breder|deze)\b")
_WH_START = re.compile(r"^(?:Hoe|Waarom|Wanneer|Welke?|Wat|Wie|Waar|In\s+hoeverre|Op\s+welke)\b.*\?$", re.DOTALL)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each sentence of ``text``; abbreviations do not end one."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group().startswith("."):
            last = _LAST_TOKEN.search(text[start:m.start()])
            token = (last.group(1) if last else "").lower().lstrip("(«“‘\"'")
            # an abbreviation, an initial (``J.P.H.``) or a bare number (``art. 38.``) keeps going
            if token.rstrip(".") in _ABBREVIATIONS or re.fullmatch(r"(?:[^\W\d]\.)+[^\W\d]?|[^\W\d]", token):
                continue
        end = m.end()
        if text[start:end].strip():
            spans.append(_trim(text, start, end))
        start = end
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def question_cue(sentence: str) -> str | None:
    """Why ``sentence`` asks (its cue), or None when it does not ask."""
    s = sentence.strip()
    if not s:
        return None
    if s.rstrip("»”’\"') ").endswith("?"):
        return "question mark"
    for cue, rx in _CUES:
        if rx.search(s):
            return cue
    if _INVERTED.match(s):
        return "inverted verb"
    if _WH_START.match(s):
        return "question word"
    return None


def find_questions(text: str, passage_seq: int) -> tuple[Question, ...]:
    """The questions in one passage's text, each with its span in that text."""
    out = []
    for start, end in sentence_spans(text):
        cue = question_cue(text[start:end])
        if cue:
            out.append(Question(passage_seq=passage_seq, start=start, end=end, text=text[start:end], cue=cue))
    return tuple(out)
