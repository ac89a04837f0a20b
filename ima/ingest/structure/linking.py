"""Link answer passages to the questions they answer, where the text decides it.

An answer passage usually restates its question's subject in its first sentence
(``Ten aanzien van de vraag naar de kwaliteit van het inburgeringsonderwijs …``). The
candidates are the questions of the block's party groups in the part I section with
the same pillar (or the same section number for the general part); for a block of
several unnamed groups, every question in that section. Each candidate gets the share
of the answer subject's content words (IDF-weighted over the document, fuzzy-matched
with rapidfuzz so ``investeringen`` meets ``investeren``) that it contains. A link is
made only when that share reaches :data:`THRESHOLD` (higher without a named party);
questions within :data:`NEAR_BEST` of the best are linked too, since one answer often
covers two adjacent questions. Everything else stays unlinked: an answer that only
elaborates the previous one is not forced onto a question.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter

from rapidfuzz import fuzz

from ima.domain.structure import AnswerBlock, AnswerLink, Contribution, Question
from ima.domain.text import Passage
from ima.ingest.structure.parties import find_parties
from ima.ingest.structure.questions import sentence_spans

THRESHOLD = 0.34
THRESHOLD_NO_PARTY = 0.5
NEAR_BEST = 0.85
FUZZY = 88  # rapidfuzz ratio above which two content words are one word inflected
MAX_LINKS = 3
CONTEXT_WEIGHT = 0.5

_WORD = re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*")
# function words, and the words every question and answer of a consultation uses
_STOP = frozenset("""
aan aangaande aangeven achter afgelopen alle alleen allereerst als andere antwoord antwoorden bent bepaalde
beschreven betreft betrekking bieden bijvoorbeeld binnen blijkt brief beleidsbrief concrete daar daarbij daarmee
daarnaast daarom daarvan dan dat deze dezelfde dient die dit doen door dus een eerder eerste eigen enige enkele
fractie fracties gaan gaat geeft gegeven geven gevraagd graag groot grote hebben heeft hierbij hierin hiervan hoe
hoeverre hun immers informeren inderdaad inzake jegens juist kabinet kamer kan kennisgenomen komen kunnen laat
leden lezen maar mate meer met mening moet moeten mogelijk naar namelijk nader niet nog noemt omdat onder ons ook
over reactie regering sprake staat stellen steeds tevens toe toelichten toelichting tot tussen uiteenzetten vanuit
vernemen verder verzoek voor voorts vraag vragen vragen waar waarbij waarin waarom wanneer want wat welke wel
werd weten wie wij willen wordt worden zal zeer zich zij zijn zoals zou zouden zullen betreffende aangegeven
voornoemde voorgenoemde genoemde aan het woord zijnde ontvangen benieuwd heeft hebben gaat verwezen eerdere
verwijst wordt ingegaan stelt constateert erkent laten weten bereid ziet acht deelt mogen zouden
""".split())


# an answer that opens by restating its question's subject
_RESTATES = re.compile(r"^(?:Ten\s+aanzien\s+van|Met\s+betrekking\s+tot|Wat\s+betreft|Wat\s+de|Aangaande|"
                       r"Op\s+(?:de|het)|In\s+(?:reactie|antwoord)\s+op|Naar\s+aanleiding\s+van|Voor\s+het\s+antwoord)\b")
# where the restated subject ends and the answer begins
_MAIN_CLAUSE = re.compile(r",\s(?:wordt|worden|kan|kunnen|is|zijn|moet|heeft|geldt|verwijst|laat|stelt|erkent|"
                          r"merkt|dit|dat|de|het)\b|\s(?:aangaat|betreft)\b|\s(?:wordt|worden|kan|kunnen|laat|verwijst|verwijzen|is|"
                          r"moet|heeft|erkent|stelt|herhaalt|merkt|benadrukt|geldt|constateert)\s+(?:het\s+kabinet|"
                          r"er|worden|verwezen|in|het|dat|van|ten|de|helaas|geen|nog)\b")


def _fold(word: str) -> str:
    return unicodedata.normalize("NFKD", word.lower()).encode("ascii", "ignore").decode()


def content_words(text: str) -> set[str]:
    """Lower-cased, accent-folded content words of four letters or more, lightly stemmed."""
    out = set()
    for mention in reversed(find_parties(text)):  # party names say who, not what about
        text = text[:mention.start] + " " * (mention.end - mention.start) + text[mention.end:]
    for m in _WORD.finditer(text):
        w = _fold(m.group())
        if len(w) < 4 or w in _STOP:
            continue
        for suffix in ("ingen", "en", "es", "s", "e"):
            if w.endswith(suffix) and len(w) - len(suffix) >= 4:
                w = w[: -len(suffix)]
                break
        out.add(w)
    return out


def _subject(text: str) -> set[str]:
    """Content words of an answer's subject.

    ``Ten aanzien van de vraag naar <subject>, wordt verwezen naar …``: the subject is
    the restating phrase up to its comma or main verb; the rest of the sentence is the
    answer and would dilute the score. Without such an opener, the first sentence (or
    two if the first is thin) is the subject.
    """
    spans = sentence_spans(text)
    if not spans:
        return set()
    first = text[spans[0][0]:spans[0][1]]
    opener = _RESTATES.match(first)
    if opener:
        cut = _MAIN_CLAUSE.search(first, opener.end())
        words = content_words(first[:cut.start()] if cut else first)
        if len(words) >= 2:
            return words
    words = set()
    for a, b in spans[:2]:
        words |= content_words(text[a:b])
        if len(words) >= 3:
            break
    return words


def _question_words(q: Question, passage_text: str) -> tuple[set[str], set[str]]:
    """The question's own content words, and those of the sentence before it: questions
    lean on their context (``Zo nee, kan het kabinet aangeven waarom niet?``, ``in dit
    kader``), which counts at :data:`CONTEXT_WEIGHT`."""
    before = [s for s in sentence_spans(passage_text) if s[1] <= q.start]
    context = content_words(passage_text[before[-1][0]:before[-1][1]]) if before else set()
    return content_words(q.text), context


def _matches(w: str, words: set[str]) -> bool:
    """Same word, inflected (rapidfuzz), or one the head of a compound of the other
    (``belang``/``belangrijk``, ``terugkeer``/``terugkeerhulp``)."""
    if w in words:
        return True
    if len(w) < 5:
        return False
    return any((len(v) >= 5 and (v.startswith(w) or w.startswith(v))) or (len(w) >= 6 and fuzz.ratio(w, v) >= FUZZY)
               for v in words)


def _score(answer: set[str], question: tuple[set[str], set[str]], idf: dict[str, float]) -> float:
    total = sum(idf.get(w, 1.0) for w in answer)
    if not total:
        return 0.0
    own, context = question
    hit = 0.0
    for w in answer:
        if _matches(w, own):
            hit += idf.get(w, 1.0)
        elif _matches(w, context):
            hit += CONTEXT_WEIGHT * idf.get(w, 1.0)
    return hit / total


def link_answers(passages: dict[int, Passage], contributions: list[Contribution],
                 answers: list[AnswerBlock]) -> tuple[tuple[AnswerLink, ...], tuple[int, ...]]:
    """Links from answer passages to questions, and the answer passages left unlinked.

    An answer passage without content words of its own (``Op de vragen van de
    SP-fractie.``) is a block heading: it is neither linked nor counted as unlinked.
    """
    q_words = {q.ref: _question_words(q, passages[q.passage_seq].text) for c in contributions for q in c.questions}
    subjects = {seq: _subject(passages[seq].text) for a in answers for seq in a.passage_seqs}
    df = Counter(w for ws in (*(own | ctx for own, ctx in q_words.values()), *subjects.values()) for w in ws)
    n = max(1, len(q_words) + len(subjects))
    idf = {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}
    links: list[AnswerLink] = []
    unlinked: list[int] = []
    for block in answers:
        same_place = [c for c in contributions
                      if (c.pillar == block.pillar if block.pillar is not None else c.section == block.section)
                      and c.pillar == block.pillar]
        cands = [(c, q) for c in same_place if not block.parties or c.party in block.parties for q in c.questions]
        threshold = THRESHOLD if block.parties else THRESHOLD_NO_PARTY
        where = "pillar" if block.pillar is not None else "section"
        method = f"party+{where}+lexical" if block.parties else f"{where}+lexical"
        for seq in block.passage_seqs:
            subject = subjects[seq]
            if len(subject) < 2:
                continue  # a block heading, not an answer
            scored = sorted(((_score(subject, q_words[q.ref], idf), c, q) for c, q in cands),
                            key=lambda t: (-t[0], t[2].ref))
            if not scored or scored[0][0] < threshold:
                unlinked.append(seq)
                continue
            best = scored[0][0]
            for s, c, q in scored[:MAX_LINKS]:
                if s >= threshold and s >= NEAR_BEST * best:
                    links.append(AnswerLink(answer_seq=seq, question=q.ref, party=c.party, pillar=c.pillar,
                                            score=round(s, 3), method=method))
    return tuple(links), tuple(unlinked)
