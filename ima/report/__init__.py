"""ima.report: the yearly progress report per pillar, as HTML and PDF (see docs/architecture.md).

The report service gathers a :class:`~ima.report.model.YearReport` from the
record; this package renders it. Heavy imports (Jinja2, Altair, WeasyPrint)
happen only when a report is rendered.
"""

from __future__ import annotations


def render_html(report):
    """The report as a standalone HTML document; see :func:`ima.report.render.render_html`."""
    from ima.report.render import render_html as render

    return render(report)


def render_pdf(report):
    """The report as PDF bytes; see :func:`ima.report.render.render_pdf`."""
    from ima.report.render import render_pdf as render

    return render(report)
