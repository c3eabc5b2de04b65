"""The small "provinces captured / claimed per day" chart beside the map, as SVG text.

The app shows it as an ``<img>`` (``chart_img``): ``st.html`` drops inline SVG elements, and
an image whose box is reserved up front (CSS aspect-ratio) never makes the page jump while it
decodes (a jump resizes the map's frame, which then refits under the user's pointer).

Plain SVG rather than a Vega chart: drawing a Vega chart in the page costs the browser about
0.3 s right when the map frame paints for the first time (the cold start's budget), and two
lines over at most a few dozen days need no charting library. Pure: numbers in, text out.
Nothing from an article goes into it (dates and palette labels only), and it is escaped anyway.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 600  # viewBox units; the SVG stretches to its column
HEIGHT = 170
MARGIN_LEFT = 34
MARGIN_RIGHT = 10
MARGIN_TOP = 22  # room for the key
MARGIN_BOTTOM = 22
Y_TICKS = 4  # at most this many gridlines above zero
MAX_X_LABELS = 10  # more days than this: label every n-th day
POINT_RADIUS = 3
FONT = 'font-family="Source Sans Pro, Segoe UI, Roboto, sans-serif" font-size="11"'
AXIS_COLOUR = "#555555"
GRID_COLOUR = "#e6e6e6"
MARKER_COLOUR = "#000000"
TITLE = "Provinces captured and claimed per day"


class ChartError(ValueError):
    """The series cannot be drawn (no days, or counts that do not match the days)."""


@dataclass(frozen=True, slots=True)
class Series:
    """One line: a label, its colour, a dash pattern ("" for solid) and one count per day."""

    label: str
    colour: str
    dash: str
    counts: tuple[int, ...]


def counts_svg(days: Sequence[dt.date], series: Sequence[Series], *, shown: dt.date) -> str:
    """The chart for ``days`` (in order) with a rule at ``shown``, as one ``<svg>`` element."""
    if not days:
        msg = "no days to chart"
        raise ChartError(msg)
    for line in series:
        if len(line.counts) != len(days):
            msg = f"{line.label!r} has {len(line.counts)} counts for {len(days)} days"
            raise ChartError(msg)
    top = nice_top(max((max(line.counts) for line in series), default=0))
    x = _x_scale(len(days))
    y = _y_scale(top)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
        f'height="{HEIGHT}" role="img" aria-label="{TITLE}">',
        f"<title>{TITLE}</title>",
        *_y_axis(top, y),
        *_x_axis(days, x),
    ]
    if shown in days:
        position = x(days.index(shown))
        parts.append(
            f'<line x1="{position:.1f}" x2="{position:.1f}" y1="{MARGIN_TOP}" '
            f'y2="{HEIGHT - MARGIN_BOTTOM}" stroke="{MARKER_COLOUR}" stroke-width="2" '
            f'data-day="{shown.isoformat()}"/>'
        )
    for line in series:
        parts.extend(_line(line, x, y))
    parts.extend(_key(series))
    parts.append("</svg>")
    return "".join(parts)


def chart_img(svg: str) -> str:
    """An ``<img>`` tag showing ``svg``, as wide as its column, its height reserved."""
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return (
        f'<img src="data:image/svg+xml;base64,{data}" alt="{TITLE}" data-testid="cm-chart" '
        f'style="display:block;width:100%;height:auto;aspect-ratio:{WIDTH}/{HEIGHT}">'
    )


def nice_top(value: int) -> int:
    """The axis top: ``value`` rounded up to a multiple of a tick step (at least 1)."""
    if value <= 0:
        return 1
    step = tick_step(value)
    return math.ceil(value / step) * step


def tick_step(value: int) -> int:
    """A whole tick step giving at most ``Y_TICKS`` gridlines up to ``value``: 1, 2, 5, 10..."""
    step = 1
    while math.ceil(value / step) > Y_TICKS:
        step = _next_step(step)
    return step


def _next_step(step: int) -> int:
    magnitude = 10 ** int(math.log10(step))
    for factor in (2, 5, 10):
        if factor * magnitude > step:
            return factor * magnitude
    return 10 * magnitude  # pragma: no cover (the loop always returns)


def _x_scale(count: int):
    inner = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    if count == 1:
        return lambda index: MARGIN_LEFT + inner / 2
    return lambda index: MARGIN_LEFT + inner * index / (count - 1)


def _y_scale(top: int):
    inner = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    return lambda value: HEIGHT - MARGIN_BOTTOM - inner * value / top


def _y_axis(top: int, y) -> list[str]:
    parts = []
    step = tick_step(top)
    for value in range(0, top + 1, step):
        level = y(value)
        parts.append(
            f'<line x1="{MARGIN_LEFT}" x2="{WIDTH - MARGIN_RIGHT}" y1="{level:.1f}" '
            f'y2="{level:.1f}" stroke="{GRID_COLOUR}"/>'
            f'<text x="{MARGIN_LEFT - 6}" y="{level + 4:.1f}" text-anchor="end" '
            f'fill="{AXIS_COLOUR}" {FONT}>{value}</text>'
        )
    return parts


def _x_axis(days: Sequence[dt.date], x) -> list[str]:
    every = max(1, math.ceil(len(days) / MAX_X_LABELS))
    return [
        f'<text x="{x(index):.1f}" y="{HEIGHT - 6}" text-anchor="middle" fill="{AXIS_COLOUR}" '
        f"{FONT}>{html.escape(day.strftime('%d %b'))}</text>"
        for index, day in enumerate(days)
        if index % every == 0 or index == len(days) - 1
    ]


def _line(line: Series, x, y) -> list[str]:
    points = [(x(index), y(count)) for index, count in enumerate(line.counts)]
    path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
    colour = html.escape(line.colour, quote=True)
    dash = f' stroke-dasharray="{html.escape(line.dash, quote=True)}"' if line.dash else ""
    parts = [
        f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"{dash} '
        f'data-series="{html.escape(line.label, quote=True)}"/>'
    ]
    parts.extend(
        f'<circle cx="{px:.1f}" cy="{py:.1f}" r="{POINT_RADIUS}" fill="{colour}"/>'
        for px, py in points
    )
    return parts


def _key(series: Sequence[Series]) -> list[str]:
    parts = []
    left = MARGIN_LEFT
    for line in series:
        colour = html.escape(line.colour, quote=True)
        dash = f' stroke-dasharray="{html.escape(line.dash, quote=True)}"' if line.dash else ""
        parts.append(
            f'<line x1="{left}" x2="{left + 22}" y1="9" y2="9" stroke="{colour}" '
            f'stroke-width="2"{dash}/>'
            f'<text x="{left + 27}" y="13" fill="{AXIS_COLOUR}" {FONT}>'
            f"{html.escape(line.label)}</text>"
        )
        left += 40 + 7 * len(line.label)
    return parts
