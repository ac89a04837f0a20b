"""A generator of the overlaid-text-layer defect, for property tests and the repair benchmark.

Some PDF letters put earlier pages' text layers under each later page (BRIEF §4).
An extractor then emits, for page *k*, the glyphs of every layer on the page:
runs of glyphs on one baseline become one line, their glyphs (word spaces
included) sorted by x, so merged runs interleave (``PDoatstubmus 2 0301``). This module performs that merge on clean pages laid
out like the corpus letters (body text at the left margin, a sidebar far
right, a footer ``Pagina k van N``), so the separator can be measured against
the truth.

Everything is deterministic from the ``random.Random`` passed in.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ima.ingest.alignment import glyph_width

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
KAMERSTUK = "kst-19637-2395_verslag-schriftelijk-overleg-ima.txt"

SPACE = glyph_width(" ")
SIDEBAR_X = 62.0  # em; the body (80 characters) ends near 42 em
FOOTER_X = 30.0
FOOTER_Y = 45.0
TOLERANCE = 0.1  # baselines closer than this (in line heights) are one line to the extractor
OFFSETS = (0.15, 0.3, 0.45, 0.6, 0.75, 0.9)  # baselines of pages off the shared grid (one each)
SIDEBAR = ("Directoraat-Generaal", "Migratie", "Datum", "11 januari 2021", "Ons kenmerk", "3001668")


@dataclass(frozen=True, slots=True)
class LayerSettings:
    """How the defect is produced.

    ``layers``: pages in the document, so its last chunk carries this many layers.
    ``mode``: ``"all"`` (chunk *k* carries pages 1..k) or ``"first"`` (pages 1 and k).
    ``coincide``: probability that a page's body baselines sit on the shared grid
    (and so merge character-wise with other such pages); otherwise its lines fall
    between the grid lines and only alternate with the others.
    ``ties``: order of glyphs at the same x (identical text at the same place):
    ``"random"``, ``"earlier"`` (earlier layer first) or ``"later"``.
    ``scale_jitter``: relative font-size spread per page; it changes how runs interleave.
    ``page_step``: printed page numbers 1, 1+step, ... (the 2021 letter holds odd pages only).
    """

    layers: int = 2
    mode: str = "all"
    coincide: float = 0.5
    ties: str = "random"
    scale_jitter: float = 0.02
    sidebar: bool = True
    footer: bool = True
    page_step: int = 1
    lines_per_page: tuple[int, int] = (18, 28)
    width: int = 80


@dataclass(frozen=True, slots=True)
class Run:
    """One line of one layer: where it starts and what it says."""

    y: float
    x: float
    text: str
    layer: int
    scale: float = 1.0


@dataclass(frozen=True, slots=True)
class Defected:
    """A generated document: the garbled extraction and, per page, the text it should give back."""

    text: str
    truth: tuple[str, ...]
    numbers: tuple[int, ...]
    chunks: tuple[str, ...]


@lru_cache(maxsize=1)
def corpus_sentences() -> tuple[str, ...]:
    """Clean Dutch sentences from the Kamerstuk in the corpus (it has no overlaid layers).

    Running headers, footnotes and short lines are dropped and line-end hyphens
    joined, so what is left is the prose of the questions and answers.
    """
    lines = (CORPUS / KAMERSTUK).read_text(encoding="utf-8").splitlines()
    kept = []
    for line in lines:
        text = line.strip()
        if len(text) < 25 or re.search(r"vergaderjaar|^\d|https?:|Kamerstuk", text):
            kept.append("")
            continue
        kept.append(text)
    prose = "\n".join(kept)
    prose = re.sub(r"(?<=[a-zë])-\n(?=[a-z])", "", prose)  # ``kennisge-`` / ``nomen``
    prose = re.sub(r"\s*\n\s*", " ", prose)
    sentences = re.split(r"(?<=[.?!])\s+(?=[A-Z])", prose)
    return tuple(" ".join(s.split()) for s in sentences if 40 <= len(s) <= 400 and "  " not in s)


def wrap(text: str, width: int) -> list[str]:
    """Greedy line wrapping at ``width`` characters."""
    lines, cur = [], ""
    for word in text.split():
        if cur and len(cur) + 1 + len(word) > width:
            lines.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}" if cur else word
    if cur:
        lines.append(cur)
    return lines


def _bodies(rng: random.Random, settings: LayerSettings, sentences: tuple[str, ...]) -> list[list[str]]:
    """Body lines of each page: one running text from a random place, so no page repeats another."""
    sizes = [rng.randint(*settings.lines_per_page) for _ in range(settings.layers)]
    k = rng.randrange(len(sentences))
    text = ""
    while len(wrap(text, settings.width)) <= sum(sizes):
        text += " " + sentences[k % len(sentences)]
        k += 1
    lines = wrap(text, settings.width)
    out, pos = [], 0
    for size in sizes:
        out.append(lines[pos:pos + size])
        pos += size
    return out


def page_runs(number: int, total: int, layer: int, body: list[str], rng: random.Random,
              settings: LayerSettings, taken: set[float] | None = None) -> list[Run]:
    """The runs of one page: sidebar (from the second page on), body, footer.

    ``taken`` are off-grid offsets earlier pages use: a page off the grid gets
    another one while any is free, so only pages on the grid merge their bodies.
    """
    scale = 1.0 + rng.uniform(-settings.scale_jitter, settings.scale_jitter)
    taken = set() if taken is None else taken
    offset = 0.0
    if rng.random() >= settings.coincide:
        offset = rng.choice([o for o in OFFSETS if o not in taken] or list(OFFSETS))
        taken.add(offset)
    top = 8.0 if layer == 0 else 2.0  # page 1 carries the letterhead above its body
    runs = [Run(top + offset + i, 0.0, line, layer, scale) for i, line in enumerate(body)]
    if settings.sidebar and layer > 0:
        runs += [Run(float(i), SIDEBAR_X, text, layer) for i, text in enumerate(SIDEBAR)]
    if settings.footer:
        runs.append(Run(FOOTER_Y, FOOTER_X, f"Pagina {number} van {total}", layer))
    return runs


def _glyphs(run: Run) -> list[tuple[float, float, str]]:
    out, x = [], run.x
    for ch in run.text:
        w = glyph_width(ch, run.scale)
        out.append((x, w, ch))  # spaces too: the letters' PDFs set them as glyphs
        x += w
    return out


def merge_line(runs: list[Run], rng: random.Random, ties: str = "random") -> str:
    """The line an extractor emits for runs on one baseline.

    Glyphs (spaces included: the corpus letters set them as glyphs, which is why
    ``PPaaggiinnaa  31`` has two spaces) sorted by x; a wide gap without glyphs
    (body to sidebar) becomes one space.
    """
    glyphs = []
    for run in runs:
        tie = {"earlier": run.layer, "later": -run.layer}.get(ties)
        for x, w, ch in _glyphs(run):
            glyphs.append((round(x, 6), rng.random() if tie is None else tie, w, ch))
    glyphs.sort(key=lambda g: (g[0], g[1]))
    out, end = [], None
    for x, _, w, ch in glyphs:
        if end is not None and x - end > 2 * SPACE:
            out.append(" ")
        out.append(ch)
        end = x + w if end is None else max(end, x + w)
    return "".join(out)


def render(runs: list[Run], rng: random.Random, ties: str = "random") -> list[str]:
    """Lines of a chunk: runs grouped by baseline (within ``TOLERANCE``), top to bottom."""
    ordered = sorted(runs, key=lambda r: (r.y, r.x, r.layer))
    groups: list[list[Run]] = []
    for run in ordered:
        if groups and run.y - groups[-1][-1].y <= TOLERANCE:
            groups[-1].append(run)
        else:
            groups.append([run])
    return [merge_line(g, rng, ties) for g in groups]


def generate(settings: LayerSettings, rng: random.Random, sentences: tuple[str, ...] | None = None) -> Defected:
    """A layered document of ``settings.layers`` pages and the clean text of each page.

    The truth of a page is what the extractor gives for that page's layer alone.
    """
    sentences = sentences or corpus_sentences()
    numbers = [1 + k * settings.page_step for k in range(settings.layers)]
    total = numbers[-1]
    taken: set[float] = set()
    bodies = _bodies(rng, settings, sentences)
    pages = [page_runs(n, total, k, bodies[k], rng, settings, taken) for k, n in enumerate(numbers)]
    truth = tuple("\n".join(render(runs, rng, settings.ties)) for runs in pages)
    chunks = []
    for k in range(settings.layers):
        carried = range(k + 1) if settings.mode == "all" else sorted({0, k})
        runs = [r for j in carried for r in pages[j]]
        chunks.append("\n".join(render(runs, rng, settings.ties)))
    return Defected("\n".join(chunks) + "\n", truth, tuple(numbers), tuple(chunks))
