"""Small inline SVG charts (no JavaScript, print- and phone-friendly): bars per year, a line per series."""

from __future__ import annotations

from markupsafe import Markup, escape

WIDTH, HEIGHT, PAD = 320, 140, 28


def _number(value: float) -> str:
    if abs(value) >= 1_000_000:
        return f"{value / 1_000_000:.1f}M"
    if abs(value) >= 10_000:
        return f"{value / 1000:.0f}k"
    return f"{value:,.0f}".replace(",", ".")


def bar_chart(values: dict[str, float], label: str) -> Markup:
    """Bars for ``{category: value}`` (e.g. passages per year), with the value on each bar."""
    if not values:
        return Markup("")
    top = max(values.values()) or 1
    step = max(24, min(60, (WIDTH * 2) // max(1, len(values))))
    width = step * len(values)
    parts = [f'<svg class="chart" viewBox="0 0 {width} 120" width="{width}" height="120" role="img" '
             f'aria-label="{escape(label)}">']
    for i, (key, value) in enumerate(values.items()):
        h = round(85 * value / top, 1)
        x = i * step
        parts.append(f'<rect class="bar" x="{x + 4}" y="{100 - h}" width="{step - 8}" height="{h}">'
                     f'<title>{escape(key)}: {_number(value)}</title></rect>'
                     f'<text x="{x + step / 2}" y="114" text-anchor="middle">{escape(key)}</text>'
                     f'<text x="{x + step / 2}" y="{96 - h}" text-anchor="middle">{_number(value)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def line_chart(points: list[tuple[int, float]], label: str, negate: bool = False) -> Markup:
    """A line over years with the first and last year and the maximum marked; ``negate`` shows the values
    as their negation (ranks: plotted as -rank so that 1 is on top, labelled as rank)."""
    if len(points) < 2:
        return Markup("")
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    x0, x1 = min(xs), max(xs)
    y0, y1 = min(0.0, min(ys)), max(ys) or 1.0
    span_x, span_y = (x1 - x0) or 1, (y1 - y0) or 1

    def at(x: float, y: float) -> str:
        return f"{PAD + (WIDTH - 2 * PAD) * (x - x0) / span_x:.1f},{HEIGHT - PAD - (HEIGHT - 2 * PAD) * (y - y0) / span_y:.1f}"

    path = " ".join(at(x, y) for x, y in points)
    shown = (lambda v: _number(-v)) if negate else _number
    dots = "".join(f'<circle cx="{at(x, y).split(",")[0]}" cy="{at(x, y).split(",")[1]}" r="2.5">'
                   f"<title>{x}: {shown(y)}</title></circle>" for x, y in points)
    return Markup(
        f'<svg class="chart line" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img" '
        f'aria-label="{escape(label)}"><polyline points="{path}" />{dots}'
        f'<text x="{PAD}" y="{HEIGHT - 8}">{x0}</text>'
        f'<text x="{WIDTH - PAD}" y="{HEIGHT - 8}" text-anchor="end">{x1}</text>'
        f'<text x="2" y="{PAD - 12}">{shown(max(ys))}</text></svg>')
