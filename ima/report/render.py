"""Render a :class:`YearReport` as one standalone HTML page, and the same HTML as a PDF.

The HTML carries everything once: footnotes stand inline next to their
statement (``span.fn``); print CSS floats them to the page foot (WeasyPrint's
``float: footnote``) and screen CSS hides them in favour of numbered endnotes
with links. Charts are inline SVG ``data:`` images, CSS is inlined, so the
file can be mailed on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ima.report.charts import Chart, countries_chart, country_pillars_chart, indicators_chart, pillar_chart
from ima.report.labels import Labels
from ima.report.model import Citation, FigureLine, YearReport

_TEMPLATES = resources.files("ima.report") / "templates"


@dataclass
class Notes:
    """The report's footnotes, numbered in the order the template cites them (1, 2, 3, …).

    The first note on a document names it in full; later ones in short (as a printed
    report would), the source list in annex B carrying the full entry.
    """

    labels: Labels
    items: list[tuple[int, Citation, str]] = field(default_factory=list)
    _cited: set[int] = field(default_factory=set)

    def cite(self, citation: Citation) -> int:
        """Add a note for ``citation``; its number."""
        full = citation.document.id not in self._cited
        self._cited.add(citation.document.id)
        self.items.append((len(self.items) + 1, citation, note_text(citation, self.labels, full=full)))
        return len(self.items)

    def text(self, number: int) -> str:
        """The words of note ``number``."""
        return self.items[number - 1][2]


def page_label(citation: Citation, labels: Labels) -> str:
    """``p. 5`` or ``p. ~5`` (estimated)."""
    return labels("page_estimated", n=citation.page) if citation.page_estimated else f"{labels('page')} {citation.page}"


def note_text(citation: Citation, labels: Labels, *, full: bool = True) -> str:
    """The footnote's words: title, date, Kamerstuk or kenmerk, page; in short (kind and date, or
    the Kamerstuk) when the document was cited in full before."""
    doc = citation.document
    if full:
        parts = [doc.title or doc.source, labels.date(doc.date)]
    elif doc.kamerstuk:
        parts = []
    else:
        parts = [labels("short_source", kind=labels.document_kind(doc.kind).capitalize(), date=labels.date(doc.date))]
    if doc.kamerstuk:
        parts.append(f"{labels('kamerstuk')} {doc.kamerstuk}")
    if doc.kenmerk:
        parts.append(f"{labels('kenmerk').lower()} {doc.kenmerk}")
    parts.append(page_label(citation, labels))
    return ", ".join(parts) + "."


def figure_value(figure: FigureLine, labels: Labels) -> str:
    """A figure as the report writes it: ``EUR 140 miljoen``, ``circa 32.500``, ``bijna 50%``."""
    if figure.value is None:
        return figure.as_written
    if figure.low is not None and figure.high is not None:
        number = f"{labels.number(figure.low)}–{labels.number(figure.high)}"
        if figure.kind == "money":
            number = f"{figure.unit or ''} {number}".strip()
    elif figure.kind == "money":
        number = labels.amount(figure.value, figure.unit)
    else:
        number = labels.number(figure.value)
    if figure.kind == "percent":
        number += "%"
    unit = figure.unit if figure.kind == "count" else None
    return " ".join(x for x in (figure.qualifier, number, unit, figure.period) if x)


def app_link(report: YearReport, citation: Citation) -> str | None:
    """The passage in the web app when the report was given its address."""
    if not report.link_base:
        return None
    anchor = f"#p{citation.passage_seq}" if citation.passage_seq is not None else ""  # the web app's permalink
    return f"{report.link_base}/documents/{citation.document.id}{anchor}"


@dataclass(frozen=True, slots=True)
class ReportCharts:
    """The charts of one report, made once before rendering."""

    pillars: Chart
    countries: dict[int, Chart]
    annex_pillars: dict[str, Chart]
    annex_indicators: dict[str, Chart]


def make_charts(report: YearReport, labels: Labels) -> ReportCharts:
    """Every chart the report shows (a country chart only where at least two places are named)."""
    return ReportCharts(
        pillars=pillar_chart(report, labels),
        countries={s.number: countries_chart(s.countries, labels) for s in report.sections if len(s.countries) >= 2},
        annex_pillars={a.code: country_pillars_chart(a, labels, report.year) for a in report.annexes},
        annex_indicators={a.code: c for a in report.annexes if (c := indicators_chart(a, labels)) is not None},
    )


@lru_cache(maxsize=1)
def _environment():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    env = Environment(loader=FileSystemLoader(str(_TEMPLATES)), autoescape=select_autoescape(["html", "j2"]),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env


def _css(name: str) -> str:
    return (_TEMPLATES / name).read_text(encoding="utf-8")


def render_html(report: YearReport) -> str:
    """The report as a standalone HTML document (CSS and charts inline)."""
    labels = Labels(report.lang)
    notes = Notes(labels)
    template = _environment().get_template("report.html.j2")
    return template.render(
        r=report, L=labels, notes=notes, charts=make_charts(report, labels),
        page_label=lambda c: page_label(c, labels),
        figure_value=lambda f: figure_value(f, labels), app_link=lambda c: app_link(report, c),
        css_screen=_css("report-screen.css"), css_print=_css("report-print.css"), css_base=_css("report-base.css"),
    )


def render_pdf(report: YearReport) -> bytes:
    """The report as a tagged PDF (PDF/UA-1), typeset by WeasyPrint from the same HTML with the print CSS."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:  # OSError: pango/harfbuzz missing on the system
        raise ValueError(f"PDF output needs WeasyPrint and its system libraries (pango, harfbuzz): {exc}; "
                         "run scripts/install-system-deps, or use --format html") from None
    # PDF/UA-1: a tagged PDF (structure, language, title, alt texts) that screen readers can follow,
    # as documents sent by a ministry are expected to be; it costs no measurable time here.
    return HTML(string=render_html(report), base_url=str(_TEMPLATES)).write_pdf(pdf_variant="pdf/ua-1")
