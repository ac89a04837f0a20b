"""The yearly progress report to parliament (``ima report``): gather, then render as HTML or PDF.

A document belongs to year Y when it is dated in Y; a year without documents
is an error (exit 2 on the command line) rather than an empty report, because
an empty report would look like a year in which nothing happened.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from ima.domain.pillars import PILLAR_NUMBERS
from ima.report.labels import Labels, check_language
from ima.report.model import CountryAnnex, PillarSection, SourceDocument, YearReport
from ima.services.report_focus import focus_annexes
from ima.services.report_parts import (
    PassageFacts,
    commitments_of,
    count_places,
    figures_of,
    motions_of,
    pick_quotes,
    source_document,
)
from ima.store import Store

FORMATS = ("html", "pdf")
MAX_QUOTES = 8  # per pillar
MAX_FIGURES = 40  # per pillar
FOCUS_COUNTRIES = 5


def report_years(store: Store) -> list[int]:
    """The years the record has dated documents for."""
    return sorted({d.date.year for d in store.documents() if d.date is not None})


def year_passages(store: Store, year: int) -> tuple[list[SourceDocument], list[PassageFacts]]:
    """The current documents dated in ``year`` and every passage of them, in reading order, with pillars
    and facts.

    ``ValueError`` when the record holds no document of that year.
    """
    if not 1800 <= year <= 2200:
        raise ValueError(f"--year must be a calendar year such as 2020, not {year}")
    summaries = [d for d in store.documents() if d.date is not None and d.date.year == year]
    if not summaries:
        years = ", ".join(str(y) for y in report_years(store)) or "none (ingest documents first: ima demo)"
        raise ValueError(f"the record holds no documents dated in {year}; years with documents: {years}")
    ids = [d.id for d in summaries]
    pillars = store.passage_pillars(ids)
    documents: list[SourceDocument] = []
    out: list[PassageFacts] = []
    for summary in summaries:
        stored = store.document(summary.id)
        source = source_document(stored)
        documents.append(source)
        by_seq: dict[int, PassageFacts] = {}
        for p in stored.passages:
            by_seq[p.seq] = PassageFacts(source, p.seq, p.page, p.page_estimated, p.kind, p.text,
                                         tuple(pillars.get((summary.id, p.seq), ())))
            out.append(by_seq[p.seq])
        for fact in store.facts(document_id=summary.id, limit=1_000_000):
            if fact.passage_seq in by_seq:
                by_seq[fact.passage_seq].facts.append(fact)
    return documents, out


def pillar_section(passages: list[PassageFacts], number: int, labels: Labels, *,
                   max_quotes: int = MAX_QUOTES) -> PillarSection:
    """One pillar's part of the report from the year's passages."""
    mine = [p for p in passages if number in p.pillars]
    return PillarSection(
        number=number, title=labels.pillar_title(number), passage_count=len(mine),
        quotes=tuple(pick_quotes(mine, max_quotes, number)), figures=tuple(figures_of(mine, MAX_FIGURES)),
        countries=tuple(count_places(mine, labels.lang)), motions=tuple(motions_of(mine)),
        commitments=tuple(commitments_of(mine)),
    )


def build_year_report(store: Store, year: int, lang: str = "nl", *, max_quotes: int = MAX_QUOTES,
                      focus_count: int = FOCUS_COUNTRIES, link_base: str | None = None,
                      today: dt.date | None = None,
                      progress: Callable[[str], None] | None = None) -> YearReport:
    """Everything the report of ``year`` says, with a source for each statement."""
    labels = Labels(check_language(lang))
    if not 0 <= max_quotes <= 50:
        raise ValueError(f"--quotes must be between 0 and 50, not {max_quotes}")
    if not 0 <= focus_count <= 30:
        raise ValueError(f"--countries must be between 0 and 30, not {focus_count}")
    if link_base is not None and not link_base.startswith(("http://", "https://")):
        raise ValueError(f"--link-base must be an http:// or https:// address, not {link_base!r}")
    step = progress or (lambda _: None)
    step("record")
    documents, passages = year_passages(store, year)
    step("pillars")
    sections = tuple(pillar_section(passages, n, labels, max_quotes=max_quotes) for n in PILLAR_NUMBERS)
    step("countries")
    annexes, basis = focus_annexes(passages, labels, year=year, count=focus_count)
    return YearReport(
        year=year, lang=lang, generated_on=today or dt.date.today(), documents=tuple(documents), sections=sections,
        motions=tuple(motions_of(passages)), commitments=tuple(commitments_of(passages)),
        annexes=tuple(annexes), focus_basis=basis, passages_total=len(passages),
        unclassified=sum(1 for p in passages if not p.pillars), max_quotes=max_quotes, link_base=link_base.rstrip("/") if link_base else None,
    )


def render_report(report: YearReport, fmt: str) -> bytes:
    """The report as a standalone HTML page (UTF-8) or a PDF (WeasyPrint, from the same HTML)."""
    from ima.report import render_html, render_pdf

    if fmt not in FORMATS:
        raise ValueError(f"--format must be html or pdf, not {fmt!r}")
    return render_html(report).encode("utf-8") if fmt == "html" else render_pdf(report)


def default_output(year: int, lang: str, fmt: str) -> Path:
    """``voortgangsrapportage-2020.html`` (Dutch) / ``progress-report-2020-en.pdf`` (English)."""
    stem = f"voortgangsrapportage-{year}" if lang == "nl" else f"progress-report-{year}-en"
    return Path(f"{stem}.{fmt}")


def write_report(report: YearReport, fmt: str, output: Path) -> int:
    """Render and write the report to ``output`` (through a temporary file, so an interrupted run
    leaves no half-written report); the number of bytes written."""
    data = render_report(report, fmt)
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".part")
    try:
        partial.write_bytes(data)
        partial.replace(output)
    finally:
        partial.unlink(missing_ok=True)
    return len(data)


__all__ = ["FORMATS", "CountryAnnex", "build_year_report", "default_output", "render_report", "report_years",
           "write_report"]
