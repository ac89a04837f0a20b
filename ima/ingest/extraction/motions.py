"""Parliamentary motions: ``motie Becker c.s.``, ``de aangenomen motie-Fritsma over … (Kamerstuk 19 637, nr. 2380)``.

A motion is named after its first submitter(s) (``motie Van Ojik``,
``motie van de leden Verhoeven en Groothuizen``, ``motie-Fritsma``), with
``c.s.`` when others co-signed. Names are read token by token: a surname is a
capitalised word with lower-case letters (so ``EU`` or ``II`` never is one),
optionally after particles (``Van der Staaij``) or a first name followed by a
particle (``Jasper van Dijk``); a first name alone is not taken, or the next
sentence-initial capital (``motie Becker Het kabinet``) would become a name.

An unnamed ``motie`` is a mention only when the text says which motion it is,
by a Kamerstuk citation or an ``om …``/``over …`` clause; an anaphoric
``de betreffende motie``/``deze motie`` points back at a motion already named
and is skipped, also because its trailing citation is often the letter that
answered the motion, not the motion itself. Plural ``moties`` is generic.
"""

from __future__ import annotations

import re

from ima.domain.facts import KamerstukReference, MotionMention, Span
from ima.ingest.extraction.kamerstuk_refs import extract_references

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_SURNAME = rf"[{_UPPER}][{_UPPER}{_LOWER}’'-]*[{_LOWER}][{_LOWER}’'-]*"
_PARTICLES = r"(?:van|de|der|den|ter|ten|te|het|in\s+'t|'t|op\s+de)"
_NAME = (rf"(?:[{_UPPER}][{_LOWER}]+\s+(?={_PARTICLES}\s))?"  # first name only before a particle
         rf"(?:(?:Van|De|Ter|Ten|Te|Op)\s+(?:(?:der|den|de|het)\s+)?)?"
         rf"(?:{_PARTICLES}\s+){{0,3}}"
         rf"(?P<surname>{_SURNAME})")
_NAME_RE = re.compile(_NAME)
_KEYWORD = re.compile(r"(?<![\w-])[Mm]otie(?![\w])")
_BY = re.compile(r"(?:-|\s+)(?:van\s+(?:het\s+lid|de\s+leden|lid|leden)\s+)?")
_JOIN = re.compile(r"\s*(?:,|/|\ben\b)\s*")
_COSIGNED = re.compile(r"\s*(?:c\.\s?s\.|cs\b\.?)")
# capitalised words that follow "motie" without being a name
_NOT_NAMES = {"Kamerstuk", "Kamerstukken", "Tweede", "Eerste", "Kamer", "Het", "Een", "Dit", "Deze", "Die",
              "In", "Op", "Om", "Over", "Zij", "Ik", "Wij", "Zoals", "Daarin", "Hierin", "Waarin", "Ook", "Dat",
              "Daarom", "Dan", "Nu", "Met", "Voor", "Bij", "Naar", "Uit", "Handelingen", "Regering", "Minister",
              "Staatssecretaris", "Kabinet", "Nederland", "Europese", "Tevens", "Verder"}
_STATUS_BEFORE = re.compile(r"(?<!\w)(aangenomen|verworpen|aangehouden|ingediende|gewijzigde|ontraden)\s+\Z", re.I)
_STATUS_AFTER = re.compile(r"\s*(?:\([^()]{0,80}\)\s*)?(?:is\s+|werd\s+|wordt\s+)?"
                           r"(?:kamerbreed\s+|unaniem\s+|met\s+algemene\s+stemmen\s+)?"
                           r"(aangenomen|verworpen|aangehouden|ingetrokken)(?!\w)", re.I)
_STATUS_WORDS = {"ingediende": "ingediend", "gewijzigde": "gewijzigd"}
_ANAPHORA = re.compile(r"(?<!\w)(?:betreffende|desbetreffende|deze|die|dezelfde|genoemde|bovengenoemde|"
                       r"voornoemde|eerdergenoemde|eerder\s+genoemde|laatstgenoemde)\s+\Z", re.I)
_SUBJECT = re.compile(r"\s*,?\s*(?P<subject>(?:over|om|waarin|inzake|betreffende)\s[^.;:?!()]{3,200}?)"
                      r"(?=\s*[(.;:?!]|,\s|\s*\Z)")
_SENTENCE_END = re.compile(r"[.?!](?:\s|\Z)")


def _names(text: str, start: int) -> tuple[list[str], int]:
    """Submitter names starting at ``start`` and the offset after the last one."""
    names: list[str] = []
    end = start
    pos = start
    while True:
        m = _NAME_RE.match(text, pos)
        if not m or m["surname"] in _NOT_NAMES or m.group().split()[0] in _NOT_NAMES:
            break
        names.append(re.sub(r"\s+", " ", m.group()))
        end = m.end()
        join = _JOIN.match(text, end)
        if not join:
            break
        pos = join.end()
    return names, end


def _attached_citation(text: str, start: int, references: list[KamerstukReference]) -> KamerstukReference | None:
    """The citation that belongs to a motion ending at ``start``: directly after it, or after its subject."""
    sentence_end = _SENTENCE_END.search(text, start)
    limit = sentence_end.start() if sentence_end else len(text)
    for ref in references:
        if ref.span.start < start or ref.span.start > limit:
            continue
        between = text[start:ref.span.start]
        if re.fullmatch(r"\s*[,(]?\s*(?:zie\s+)?(?:de\s+)?", between, re.I):
            return ref
        subject = _SUBJECT.match(text, start)
        if subject and re.fullmatch(r"\s*\(\s*", text[subject.end():ref.span.start]) \
                and not re.search(r"\bmotie|\bbrief", between, re.I):
            return ref
        return None  # only the first citation after a motion can be its own
    return None


def extract_motions(text: str, references: list[KamerstukReference] | None = None) -> list[MotionMention]:
    """Every specific motion mentioned in ``text``, in order.

    ``references`` are the Kamerstuk citations of the same text (found again
    when not given); a motion's own citation is taken from them.
    """
    found: list[MotionMention] = []
    if "otie" not in text:
        return found
    if references is None:
        references = extract_references(text)
    for kw in _KEYWORD.finditer(text):
        before = text[max(0, kw.start() - 40):kw.start()]
        by = _BY.match(text, kw.end())
        names, end = _names(text, by.end()) if by else ([], kw.end())
        if not names:
            end = kw.end()
            if _ANAPHORA.search(before):
                continue
        cosigned = _COSIGNED.match(text, end) if names else None
        if cosigned:
            end = cosigned.end()
        status_before = _STATUS_BEFORE.search(before)
        start = kw.start() - len(status_before.group()) if status_before else kw.start()
        citation = _attached_citation(text, end, references)
        subject = _SUBJECT.match(text, end)
        status = None
        after = _STATUS_AFTER.match(text, end)
        if status_before:
            word = status_before.group(1).lower()
            status = _STATUS_WORDS.get(word, word)
        elif after:
            status = after.group(1).lower()
            # "een motie (…) kamerbreed aangenomen over het harder inzetten op …"
            subject = subject or _SUBJECT.match(text, after.end())
        if not names and citation is None and subject is None:
            continue  # "de motie" alone does not say which motion
        span_end = max(end, citation.span.end) if citation else end
        if citation and "(" in text[end:citation.span.start] and text[span_end:span_end + 1] == ")":
            span_end += 1  # keep the parenthesis whole: "motie (Kamerstuk 19 637, nr. 2321)"
        found.append(MotionMention(
            name=text[kw.start():end], submitters=tuple(names), text=text[start:span_end],
            span=Span(start, span_end), identifier=citation.identifier if citation else None, status=status,
            cosigned=bool(cosigned), subject=re.sub(r"\s+", " ", subject["subject"]).strip() if subject else None,
        ))
    return found
