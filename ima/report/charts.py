"""The report's charts: Vega-Altair specifications rendered offline to SVG by vl-convert.

Each chart comes back as a :class:`Chart` holding the SVG and a text
alternative that says what the chart shows in words (for screen readers, and
for readers of the PDF's text).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

from ima.report.labels import Labels
from ima.report.model import CountryAnnex, CountryCount, YearReport

# Rijksoverheid-like sober palette: lint blue, sky blue, grey.
PRIMARY = "#154273"
SECONDARY = "#8fcae7"
FONT = "Liberation Sans, Arial, Helvetica, sans-serif"
WIDTH = 440


@dataclass(frozen=True, slots=True)
class Chart:
    """A rendered chart: its title, the SVG and a description in words."""

    title: str
    svg: str
    description: str

    @property
    def data_uri(self) -> str:
        """The SVG as a ``data:`` URI: embedded, and its ids cannot clash with another chart's."""
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg.encode("utf-8")).decode("ascii")


def _render(chart) -> str:
    import vl_convert

    # Padding: the PDF typesets the labels with its own font, which may run wider than vl-convert measured.
    spec = chart.properties(padding={"left": 14, "right": 10, "top": 4, "bottom": 4}).configure(
        font=FONT, background="white").configure_view(stroke=None).configure_axis(
        labelFontSize=11, titleFontSize=11, grid=False).to_json()
    svg = vl_convert.vegalite_to_svg(spec)
    return svg[svg.index("<svg"):] if "<svg" in svg else svg


def _bars(rows: list[dict], category: str, value: str, *, color: str = PRIMARY, sort: list[str] | None = None,
          series: str | None = None):
    import altair as alt
    import pandas as pd

    frame = pd.DataFrame(rows)
    y = alt.Y(f"{category}:N", sort=sort or "-x", title=None, axis=alt.Axis(labelLimit=260))
    top = max([r[value] for r in rows] + [1])
    ticks = list(range(0, top + 1, max(1, round(top / 6))))  # whole numbers only: these are counts
    encoding = {"x": alt.X(f"{value}:Q", title=None, axis=alt.Axis(values=ticks, format="d")), "y": y,
                "tooltip": [category, value]}
    if series:
        encoding["color"] = alt.Color(f"{series}:N", title=None, legend=alt.Legend(orient="bottom"),
                                      scale=alt.Scale(range=[PRIMARY, SECONDARY]))
        encoding["yOffset"] = alt.YOffset(f"{series}:N")
    else:
        encoding["color"] = alt.value(color)
    height = max(60, 22 * len({r[category] for r in rows}) * (2 if series else 1))
    return alt.Chart(frame).mark_bar().encode(**encoding).properties(width=WIDTH, height=height)


def pillar_chart(report: YearReport, labels: Labels) -> Chart:
    """Passages and figures per pillar in the year's record."""
    passages, figures = labels("passages"), labels("figures_count")
    rows, words = [], []
    for s in report.sections:
        name = f"{s.number}. {s.title}"
        rows += [{"pillar": name, "n": s.passage_count, "what": passages},
                 {"pillar": name, "n": len(s.figures), "what": figures}]
        words.append(f"{labels('pillar', n=s.number)}: {s.passage_count} {passages.lower()}, "
                     f"{len(s.figures)} {figures.lower()}")
    order = [f"{s.number}. {s.title}" for s in report.sections]
    title = labels("chart_pillars", year=report.year)
    return Chart(title, _render(_bars(rows, "pillar", "n", sort=order, series="what")), "; ".join(words) + ".")


def countries_chart(counts: tuple[CountryCount, ...], labels: Labels, limit: int = 10) -> Chart:
    """The countries and regions named in the most passages."""
    top = counts[:limit]
    rows = [{"place": f"{c.name} ({c.code})" if c.code.isupper() else c.name, "n": c.passages} for c in top]
    words = "; ".join(f"{c.name}: {c.passages}" for c in top)
    title = labels("chart_countries")
    return Chart(title, _render(_bars(rows, "place", "n")), f"{title} ({labels('passages').lower()}): {words}.")


def country_pillars_chart(annex: CountryAnnex, labels: Labels, year: int) -> Chart:
    """Passages about one country, per pillar."""
    rows = [{"pillar": f"{n}. {labels.pillar_title(n)}", "n": k} for n, k in annex.pillar_passages]
    order = [r["pillar"] for r in rows]
    title = labels("chart_country_pillars", name=annex.name, year=year)
    words = "; ".join(f"{labels('pillar', n=n)}: {k}" for n, k in annex.pillar_passages)
    return Chart(title, _render(_bars(rows, "pillar", "n", color=SECONDARY, sort=order)), f"{title}: {words}.")


def indicators_chart(annex: CountryAnnex, labels: Labels) -> Chart | None:
    """The country's indicators that are shares (0–1 or percentages) on one scale; None when there are none."""
    shares = [i for i in annex.indicators if i.value is not None and i.unit in ("%", "share")]
    if not shares:
        return None
    rows = [{"indicator": i.name, "n": i.value * 100 if i.unit != "%" else i.value} for i in shares]
    title = labels("chart_indicators", name=annex.name)
    words = "; ".join(f"{r['indicator']}: {labels.number(round(r['n'], 1))}%" for r in rows)
    import altair as alt
    import pandas as pd

    chart = alt.Chart(pd.DataFrame(rows)).mark_bar(color=PRIMARY).encode(
        x=alt.X("n:Q", title="%", scale=alt.Scale(domain=[0, 100])), y=alt.Y("indicator:N", title=None, sort=None),
    ).properties(width=WIDTH, height=max(60, 22 * len(rows)))
    return Chart(title, _render(chart), f"{title}: {words}.")
