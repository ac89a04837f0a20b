"""Footnotes: find them at the page foot, take them out of the body, parse what they cite.

Two layouts occur:

* **PDF letters**: a separator line of spaces, then the number on its own line and the
  text on the next line(s), indented (``1`` / `` Kamerstukken II 2019/20, 35 300 VI, nr. 37``).
  On overlaid pages other layers' body lines may sit in between; they stay in the body.
* **Kamerstukken**: after a blank line, ``14 Kamerstuk 32 847, nr. 365`` with unindented
  continuation lines, anywhere on a page (page breaks are mostly lost). Accepted only when
  the number follows the previous footnote and its anchor ("…kennisgenomen.14") occurs in
  the text before it, so numbered body lines are not taken for footnotes.

Footnote lines leave the body as ``Removal(line, "footnote")``. Copies of a footnote that
an overlaid layer repeats are removed but reported once; footnotes whose text is garbled
(interleaved layers) are removed from the body but not reported: nothing is invented.
"""

from __future__ import annotations

import re

from ima.domain.metadata import Footnote
from ima.domain.text import Line, Page, Removal
from ima.ingest.metadata.references import find_references

REASON = "footnote"
_NUMBER_ONLY = re.compile(r"^\s*(\d{1,8})\s*$")
_KST_START = re.compile(r"^(\d{1,3}) (?=\S)(.+)$")
_PAGE_FOOTER = re.compile(r"^\s*P+a+g+i+n+a+\s+[\d\s]+v+a+n+\s+[\d\s]+$|^\s*(?:Tweede|Eerste) Kamer, vergaderjaar")
_MAX_GAP = 8
_MAX_LINES = 10


def _anchor_re(number: int) -> re.Pattern[str]:
    """A footnote call: ``number`` glued to a letter, or to a letter and a punctuation mark.

    Only whether it occurs is used, so the number leads and the letter is checked behind
    it: the same occurrences as ``(?:L|LP)number(?!\\d)``, but the engine jumps between
    occurrences of the digits instead of trying the letter class at every position of
    the document so far (this search ran over the whole body text per candidate footnote).
    """
    return re.compile(rf"{number}(?!\d)(?:(?<=[A-Za-zÀ-ÿ]{number})|(?<=[A-Za-zÀ-ÿ][.)”’\"',;:]{number}))")


def is_garbled(text: str) -> bool:
    """Whether ``text`` shows signs of interleaved layers or OCR debris (not safe to report)."""
    tokens = text.split()
    if not tokens:
        return True
    bad = 0
    for token in tokens:
        if re.match(r"^\(?(?:https?://|www\.)", token, re.IGNORECASE):
            continue
        core = token.strip(".,;:()[]\"'“”‘’")
        if (
            "://" in core or "//" in core
            or re.search(r"[a-zà-ÿ][A-Z]", core) and not re.match(r"^(?:[A-Z]+s|[ei][A-Z]\w*|Mc[A-Z]\w*)$", core)
            or re.search(r"(\w)\1(\w)\2(\w)\3", core)
            or re.search(r"\d[a-zA-Z]{2,}|[a-zA-Z]{2,}\d|[a-zA-Z]\d[a-zA-Z]", core) and "-" not in core
            or re.search(r"[a-z][,;][a-z]|[,;][.,]|[.][,;]", core)
        ):
            bad += 1
    return bad >= 2 or (bad >= 1 and len(tokens) <= 4) or bad / len(tokens) > 0.15


def join_lines(parts: list[str]) -> str:
    """Footnote lines as one text: URLs broken over lines rejoined, hyphenated words joined."""
    text = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if not text:
            text = part
            continue
        last = text.split()[-1]
        if re.match(r"^(?:https?://|www\.)", last, re.IGNORECASE) and last.endswith(("-", "/", "_", ".", "=", "&", "?")):
            text += part
        elif re.search(r"[a-zà-ÿ]-$", text) and part[:1].islower():
            text = text[:-1] + part
        elif text.endswith("-") and part[:1].isdigit():
            text += part
        else:
            text += " " + part
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"(?<=\S)\s+([,;])", r"\1", text)


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text).lower()


def extract_footnotes(pages: tuple[Page, ...]) -> tuple[tuple[Page, ...], tuple[Footnote, ...]]:
    """Pages without their footnote lines (kept as removals), and the footnotes found."""
    footnotes: dict[int, Footnote] = {}
    seen_texts: dict[int, str] = {}
    last = 0
    body_so_far: list[str] = []
    out_pages: list[Page] = []

    def emit(number: int, lines: list[Line], text_lines: list[Line], page: Page) -> None:
        nonlocal last
        text = join_lines([l.text for l in text_lines])
        if number in seen_texts or not text or is_garbled(text):
            return
        seen_texts[number] = _key(text)
        footnotes[number] = Footnote(number=number, text=text, page=page.number,
                                     references=find_references(text),
                                     start=min(l.start for l in lines), end=max(l.end for l in lines))
        last = max(last, number)

    for page in pages:
        lines = list(page.lines)
        remove: set[int] = set()
        # 1. PDF-letter blocks below a separator line
        i = 0
        while i < len(lines):
            text = lines[i].text
            if not (len(text) >= 30 and not text.strip()):
                i += 1
                continue
            following = [j for j in range(i + 1, min(len(lines), i + 12)) if lines[j].text.strip()][:4]
            if not any(_NUMBER_ONLY.match(lines[j].text) for j in following):
                i += 1
                continue
            remove.add(i)
            entries: list[tuple[int, list[int], list[int]]] = []
            for j in range(i + 1, len(lines)):
                t = lines[j].text
                if _PAGE_FOOTER.match(t):
                    continue
                if not t.strip():
                    remove.add(j)
                    continue
                m = _NUMBER_ONLY.match(t)
                if m:
                    entries.append((int(m.group(1)), [j], []))
                    remove.add(j)
                elif t[:1].isspace() and entries and len(entries[-1][2]) < _MAX_LINES:
                    entries[-1][1].append(j)
                    entries[-1][2].append(j)
                    remove.add(j)
            for number, idx, text_idx in entries:
                if 1 <= number <= 300 and text_idx:
                    emit(number, [lines[k] for k in idx], [lines[k] for k in text_idx], page)
            break
        else:
            # no separator (a repair stage may have blanked it): only a numbered, indented line that
            # is clearly a citation or URL counts, so body lines are never taken for footnotes
            for j, line in enumerate(lines):
                m = _NUMBER_ONLY.match(line.text)
                if not m or not 1 <= int(m.group(1)) <= 300:
                    continue
                nxt = next((k for k in range(j + 1, min(j + 3, len(lines))) if lines[k].text.strip()), None)
                if nxt is None or not lines[nxt].text[:1].isspace() or _PAGE_FOOTER.match(lines[nxt].text):
                    continue
                text = join_lines([lines[nxt].text])
                if find_references(text) and not is_garbled(text):
                    remove.update({j, nxt})
                    emit(int(m.group(1)), [line, lines[nxt]], [lines[nxt]], page)
        # 2. Kamerstuk-style footnotes anywhere on the page
        j = 0
        while j < len(lines):
            if j in remove:
                j += 1
                continue
            m = _KST_START.match(lines[j].text)
            prev_blank = j == 0 or not lines[j - 1].text.strip() or (j - 1) in remove
            if m and prev_blank:
                number = int(m.group(1))
                if last < number <= last + _MAX_GAP and _anchor_re(number).search(
                        "\n".join(body_so_far + [l.text for k, l in enumerate(lines[:j]) if k not in remove])):
                    block = [j]
                    k = j + 1
                    while k < len(lines) and len(block) < _MAX_LINES:
                        t = lines[k].text
                        if not t.strip() or t[:1].isspace() or _PAGE_FOOTER.match(t) or _KST_START.match(t) and \
                                number < int(_KST_START.match(t).group(1)) <= number + 2:
                            break
                        block.append(k)
                        k += 1
                    remove.update(block)
                    emit(number, [lines[b] for b in block], [lines[block[0]].with_text(m.group(2))]
                         + [lines[b] for b in block[1:]], page)
                    last = max(last, number)
                    j = k
                    continue
            j += 1
        body_so_far.extend(l.text for k, l in enumerate(lines) if k not in remove)
        kept = tuple(l for k, l in enumerate(lines) if k not in remove)
        removals = tuple(Removal(lines[k], REASON) for k in sorted(remove))
        out_pages.append(Page(number=page.number, lines=kept, estimated=page.estimated,
                              removed=page.removed + removals, unattributed=page.unattributed))
    return tuple(out_pages), tuple(footnotes[n] for n in sorted(footnotes))
