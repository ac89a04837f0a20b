"""Charts of route simulations: monthly arrivals per entry series with a band across seeds, and
the difference between two scenarios with its confidence band (Altair, rendered by vl-convert)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

TITLES = {
    "nl": {"arrivals": "Aankomsten per maand (gesimuleerd: gemiddelde en band over seeds; punten: waargenomen)",
           "difference": "Verschil in aankomsten per maand (B − A), 95%-betrouwbaarheidsband over seeds",
           "month": "maand", "people": "personen", "series": "binnenkomst"},
    "en": {"arrivals": "Arrivals per month (simulated: mean and band across seeds; dots: observed)",
           "difference": "Difference in arrivals per month (B − A), 95% confidence band across seeds",
           "month": "month", "people": "people", "series": "entry"},
}


def arrivals_chart(bands: pd.DataFrame, observed: pd.DataFrame | None, lang: str = "nl"):
    """Mean line and low–high band per series (columns month, series, mean, low, high), observed as dots."""
    import altair as alt

    t = TITLES[lang]
    data = bands.assign(date=pd.to_datetime(bands.month))
    base = alt.Chart(data).encode(x=alt.X("date:T", title=t["month"]),
                                  color=alt.Color("series:N", title=t["series"]))
    layers = [base.mark_area(opacity=0.25).encode(y=alt.Y("low:Q", title=t["people"]), y2="high:Q"),
              base.mark_line().encode(y="mean:Q")]
    if observed is not None and len(observed):
        obs = observed.assign(date=pd.to_datetime(observed.month))
        layers.append(alt.Chart(obs).mark_point(size=12, filled=True).encode(
            x="date:T", y="observed:Q", color=alt.Color("series:N")))
    return alt.layer(*layers).properties(title=t["arrivals"], width=720, height=320)


def difference_chart(diff: pd.DataFrame, lang: str = "nl"):
    """Mean difference per month and series with its confidence band (columns month, series, mean, low, high)."""
    import altair as alt

    t = TITLES[lang]
    data = diff.assign(date=pd.to_datetime(diff.month))
    base = alt.Chart(data).encode(x=alt.X("date:T", title=t["month"]),
                                  color=alt.Color("series:N", title=t["series"]))
    return alt.layer(base.mark_area(opacity=0.25).encode(y=alt.Y("low:Q", title=t["people"]), y2="high:Q"),
                     base.mark_line().encode(y="mean:Q")).properties(title=t["difference"], width=720, height=320)


def save_chart(chart, stem: Path) -> list[Path]:
    """Write the chart as ``stem.svg`` and ``stem.png``; returns the paths."""
    import vl_convert

    spec = chart.configure(background="white").to_json()
    svg, png = stem.with_suffix(".svg"), stem.with_suffix(".png")
    svg.write_text(vl_convert.vegalite_to_svg(spec), encoding="utf-8")
    png.write_bytes(vl_convert.vegalite_to_png(spec))
    return [svg, png]
