"""Text with provenance: lines, pages and passages that remember where they came from.

Every repair stage works on lines that carry their character span in the raw
extraction, so a clean passage can always be traced back to the bytes a user
gave us, whatever the stages did to its text.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True, slots=True)
class Line:
    """One line of text and its half-open span ``[start, end)`` in the raw text.

    ``text`` may differ from ``raw[start:end]`` once a repair stage has touched it.
    """

    text: str
    start: int
    end: int

    def with_text(self, text: str) -> Line:
        """The same line (same raw span) carrying repaired text."""
        return replace(self, text=text)


@dataclass(frozen=True, slots=True)
class Removal:
    """A line a stage took out of the body, and why (kept so users can see it)."""

    line: Line
    reason: str


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a document as the stages see it.

    ``number`` is the page number as printed (1-based). ``estimated`` is true
    when the number was counted from known pages rather than read off the page.
    ``unattributed`` counts characters a repair stage could not attribute to
    this page with confidence (e.g. residue of overlaid layers).
    """

    number: int
    lines: tuple[Line, ...]
    estimated: bool = False
    removed: tuple[Removal, ...] = ()
    unattributed: int = 0

    @property
    def text(self) -> str:
        """The page's current text, one line per line."""
        return "\n".join(line.text for line in self.lines)

    @property
    def start(self) -> int:
        """Smallest raw offset on this page (body or removed), or 0 if empty."""
        spans = [l.start for l in self.lines] + [r.line.start for r in self.removed]
        return min(spans, default=0)

    @property
    def end(self) -> int:
        """Largest raw offset on this page (body or removed), or 0 if empty."""
        spans = [l.end for l in self.lines] + [r.line.end for r in self.removed]
        return max(spans, default=0)


PASSAGE_KINDS = ("paragraph", "heading", "list_item", "signature")


@dataclass(frozen=True, slots=True)
class Passage:
    """A clean unit of text (paragraph, heading, ...) on one page.

    ``start``/``end`` span the raw text from the first to the last line the
    passage was built from.
    """

    seq: int
    page: int
    text: str
    start: int
    end: int
    kind: str = "paragraph"
    page_estimated: bool = False


@dataclass(frozen=True, slots=True)
class StageReport:
    """What one pipeline stage did: its name, the text after it, and counts."""

    name: str
    text: str
    details: dict = field(default_factory=dict)
