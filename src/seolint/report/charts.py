"""Charts of the HTML report, drawn as inline SVG strings (no library, no script needed).

Every bar carries a ``<title>`` (the browser's tooltip) and ``data-`` attributes that the
page's script turns into a filter of the articles table when the bar is clicked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

WIDTH = 480
RULES_WIDTH = 580
HEIGHT = 210
_LEFT, _RIGHT, _TOP, _BOTTOM = 40, 22, 16, 38

BLUE = "#1a73e8"
RED = "#d93025"
AMBER = "#e37400"
GREEN = "#188038"
GREY = "#80868b"
SEVERITY_COLORS = {"error": RED, "warning": AMBER, "info": BLUE}


@dataclass(frozen=True)
class Bin:
    low: float
    high: float  # exclusive, except for the last bin which takes everything above
    count: int


def bins(values: Sequence[float], low: float, high: float, step: float) -> list[Bin]:
    """Histogram bins of ``step`` from ``low`` to ``high``; values outside go to the edge bins."""
    edges: list[float] = []
    edge = low
    while edge < high:
        edges.append(edge)
        edge += step
    counts = [0] * len(edges)
    for value in values:
        index = int((value - low) // step)
        counts[max(0, min(index, len(edges) - 1))] += 1
    return [Bin(e, e + step, c) for e, c in zip(edges, counts, strict=True)]


def _nice_step(span: float) -> float:
    """A round spacing giving at most about eight axis labels."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if span / step <= 8:
            return float(step)
    return span / 8


def _nice_max(value: int) -> int:
    """The smallest round number (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k) at least ``value``."""
    scale = 1
    while True:
        for step in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8):
            nice = step * scale
            if nice >= value and nice == int(nice):
                return int(nice)
        scale *= 10


def histogram(
    data: list[Bin],
    *,
    label: str,
    unit: str,
    filter_key: str,
    color: Callable[[Bin], str],
    lines: Sequence[tuple[float, str]] = (),
    band: tuple[float, float] | None = None,
    count_label: str = "articles",
) -> str:
    """A histogram: ``lines`` are vertical marks (value, label), ``band`` a shaded range."""
    if not data:
        return ""
    low, high = data[0].low, data[-1].high
    plot_w = WIDTH - _LEFT - _RIGHT
    plot_h = HEIGHT - _TOP - _BOTTOM
    top = _nice_max(max(b.count for b in data))

    def x(value: float) -> float:
        return _LEFT + (value - low) / (high - low) * plot_w

    def y(count: float) -> float:
        return _TOP + plot_h - count / top * plot_h

    out = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">'
    ]
    if band is not None:
        x0, x1 = x(max(band[0], low)), x(min(band[1], high))
        out.append(
            f'<rect class="band" x="{x0:.1f}" y="{_TOP}" width="{x1 - x0:.1f}" '
            f'height="{plot_h}" fill="{GREEN}" fill-opacity="0.10"/>'
        )
    for tick in (0, top // 2, top) if top % 2 == 0 else (0, top):
        out.append(
            f'<line x1="{_LEFT}" x2="{WIDTH - _RIGHT}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" '
            f'stroke="#dadce0" stroke-width="1"/>'
            f'<text x="{_LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end">{tick}</text>'
        )
    bar_w = plot_w / len(data)
    for index, item in enumerate(data):
        last = index == len(data) - 1
        first = index == 0
        span = (
            f"≥ {item.low:g}"
            if last
            else f"< {item.high:g}"
            if first and item.low > 0
            else f"{item.low:g}–{item.high:g}"
        )
        tip = f"{span} {unit}: {item.count} {count_label}"
        bound_low = "" if first else f"{item.low:g}"
        bound_high = "" if last else f"{item.high:g}"
        height = max(item.count / top * plot_h, 1.5 if item.count else 0)
        out.append(
            f'<g class="bar" data-filter="{filter_key}" data-min="{bound_low}" '
            f'data-max="{bound_high}" tabindex="0"><title>{escape(tip)}</title>'
            f'<rect x="{_LEFT + index * bar_w:.1f}" y="{_TOP}" width="{bar_w:.1f}" '
            f'height="{plot_h}" fill="transparent"/>'
            f'<rect x="{_LEFT + index * bar_w + 0.5:.1f}" y="{_TOP + plot_h - height:.1f}" '
            f'width="{max(bar_w - 1, 1):.1f}" height="{height:.1f}" fill="{color(item)}"/></g>'
        )
    for value, text in lines:
        if low <= value <= high:
            out.append(
                f'<line x1="{x(value):.1f}" x2="{x(value):.1f}" y1="{_TOP - 4}" '
                f'y2="{_TOP + plot_h}" stroke="#202124" stroke-dasharray="4 3"/>'
                f'<text x="{x(value) + 4:.1f}" y="{_TOP + 8}" class="mark">{escape(text)}</text>'
            )
    step = _nice_step(high - low)
    value = -(-low // step) * step + 0.0  # + 0.0: never print -0
    while value <= high + 1e-9:
        out.append(
            f'<text x="{x(value):.1f}" y="{HEIGHT - _BOTTOM + 15}" '
            f'text-anchor="middle">{value:g}</text>'
        )
        value += step
    out.append(
        f'<text x="{_LEFT + plot_w / 2:.1f}" y="{HEIGHT - 6}" text-anchor="middle" '
        f'class="axis">{escape(label)}</text></svg>'
    )
    return "".join(out)


@dataclass(frozen=True)
class RuleBar:
    rule: str
    name: str
    severity: str
    count: int  # findings
    articles: int  # articles with at least one


def rule_bars(
    items: Sequence[RuleBar], *, articles_label: str, findings_label: str, limit: int = 24
) -> str:
    """Horizontal bars of findings per rule, most frequent first, coloured by severity."""
    shown = sorted(items, key=lambda i: (-i.count, i.rule))[:limit]
    if not shown:
        return ""
    row = 20
    label_w = 220
    height = _TOP + row * len(shown) + 8
    plot_w = RULES_WIDTH - label_w - 70
    top = max(i.count for i in shown)
    out = [
        f'<svg class="chart rules" viewBox="0 0 {RULES_WIDTH} {height}" role="img" '
        f'aria-label="{escape(findings_label)}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for index, item in enumerate(shown):
        y = _TOP + index * row
        length = max(item.count / top * plot_w, 1.5)
        tip = (
            f"{item.rule} {item.name}: {item.count} {findings_label}, "
            f"{item.articles} {articles_label}"
        )
        out.append(
            f'<g class="bar" data-filter="rule" data-rule="{escape(item.rule)}" tabindex="0">'
            f"<title>{escape(tip)}</title>"
            f'<rect x="0" y="{y}" width="{RULES_WIDTH}" height="{row}" fill="transparent"/>'
            f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end">'
            f'<tspan font-weight="bold">{escape(item.rule)}</tspan> '
            f"{escape(_short(item.name, 22))}</text>"
            f'<rect x="{label_w}" y="{y + 3}" width="{length:.1f}" height="{row - 6}" '
            f'fill="{SEVERITY_COLORS.get(item.severity, GREY)}"/>'
            f'<text x="{label_w + length + 5:.1f}" y="{y + 14}">{item.count}</text></g>'
        )
    out.append("</svg>")
    return "".join(out)


def _short(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"
