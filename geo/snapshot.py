"""Report exports of the map: PNG, animated GIF, standalone HTML, GeoJSON and CSV.

Records and polygons in, bytes or text out: nothing here writes files or reads the clock
(the CLI and the app do). Every colour comes from ``geo.style`` so exports match the app.

Article text is untrusted. The HTML export escapes every string before it reaches the
page and links only http(s) URLs; the PNG/GIF never let matplotlib interpret ``$...$``;
CSV cells that a spreadsheet would run as a formula are quoted with a leading ``'``.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
import html
import importlib.resources
import io
import json
import math
import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import numpy as np
import shapely
from matplotlib import patheffects
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path
from PIL import Image

from geo.legend import (
    NO_DATA_STYLE,
    default_source_line,
    format_day,
    legend_html,
    legend_styles,
    style_for,
    summary_line,
)
from geo.panel import safe_url
from geo.style import BOUNDARY_ATTRIBUTION, STATUS_STYLES
from pipeline import tables
from pipeline.records import Article, DayStatus, Event, Status

if TYPE_CHECKING:
    from geopandas import GeoDataFrame

DEFAULT_TITLE = "Who controls each province"
DEFAULT_DPI = 100
GIF_DPI = 64
FIGSIZE_INCHES = (11.0, 7.6)
MAP_AXES_RECT = (0.01, 0.07, 0.70, 0.75)  # left, bottom, width, height (figure fraction)
MAP_MARGIN_FRACTION = 0.03
PROVINCE_LINEWIDTH = 0.7
HATCH_LINEWIDTH = 1.0
CAPITAL_LABEL_POINTS = 7.5
MAX_TITLE_CHARS = 90
LEGEND_WRAP_CHARS = 32
GIF_FRAME_MS = 900
GIF_LAST_FRAME_MS = 2500
GIF_COLOURS = 96
MAX_POPUP_QUOTES = 8
HTML_ZOOM = 6

REQUIRED_COLUMNS = ("iso", "name", "geometry")
DAY_CSV_FIELDS = tables.TIMELINE_COLUMNS  # a day is a slice of `controlmap timeline`
SOURCE_SEPARATOR = ";"
# Leading characters that make Excel/LibreOffice/Sheets evaluate a cell (OWASP list).
_CSS_IMAGE_URL = re.compile(r"url\((images/[\w.-]+\.png)\)")

LabelMode = Literal["changed", "all", "none"]


class SnapshotError(ValueError):
    """The statuses and polygons cannot make a consistent map."""


# --------------------------------------------------------------------------- inputs


def _one_day(day: Sequence[DayStatus], isos: Sequence[str]) -> dict[str, DayStatus]:
    """Statuses by province for one date; refuses mixed dates, repeats and unknown places."""
    if not day:
        msg = "no province statuses given for the snapshot"
        raise SnapshotError(msg)
    dates = sorted({status.date for status in day})
    if len(dates) > 1:
        msg = f"a snapshot shows one date, got {len(dates)}: {dates[0]} .. {dates[-1]}"
        raise SnapshotError(msg)
    by_iso: dict[str, DayStatus] = {}
    for status in day:
        if status.province_iso in by_iso:
            msg = f"two statuses for {status.province_iso!r} on {status.date}"
            raise SnapshotError(msg)
        by_iso[status.province_iso] = status
    unknown = sorted(set(by_iso) - set(isos))
    if unknown:
        # Dropping them would silently lose a colour the pipeline reported.
        msg = f"statuses for provinces missing from the polygons: {unknown!r}"
        raise SnapshotError(msg)
    return by_iso


def _check_columns(provinces: GeoDataFrame) -> None:
    missing = [column for column in REQUIRED_COLUMNS if column not in provinces.columns]
    if missing:
        msg = f"province polygons lack column(s) {missing!r}"
        raise SnapshotError(msg)
    if provinces["iso"].duplicated().any():
        msg = "province polygons repeat an 'iso' code"
        raise SnapshotError(msg)


def _in_degrees(provinces: GeoDataFrame) -> GeoDataFrame:
    """Lon/lat polygons; a missing CRS is taken to be lon/lat already."""
    if provinces.crs is None or provinces.crs.is_geographic:
        return provinces
    return provinces.to_crs(4326)


# --------------------------------------------------------------------------- geometry cache


@dataclass(frozen=True, slots=True)
class _Capital:
    name: str
    lon: float
    lat: float


@dataclass(frozen=True, slots=True)
class _Prepared:
    """Polygons turned into matplotlib paths once, reused for every PNG and GIF frame."""

    isos: tuple[str, ...]
    names: tuple[str, ...]
    paths: tuple[Path, ...]
    capitals: tuple[_Capital | None, ...]
    bounds: tuple[float, float, float, float]
    aspect: float


_PREPARED_CACHE: dict[str, _Prepared] = {}
_PREPARED_CACHE_SIZE = 8


def _capital_of(row: Mapping[str, object]) -> _Capital | None:
    name, lon, lat = row.get("capital"), row.get("capital_lon"), row.get("capital_lat")
    if not isinstance(name, str) or not name:
        return None
    try:
        lon_f, lat_f = float(lon), float(lat)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if math.isnan(lon_f) or math.isnan(lat_f):
        return None
    return _Capital(name, lon_f, lat_f)


def _fingerprint(provinces: GeoDataFrame) -> str:
    digest = hashlib.blake2b(digest_size=16)
    digest.update(str(provinces.crs).encode())
    attributes = provinces.drop(columns=provinces.geometry.name)
    digest.update(attributes.to_json(default_handler=str).encode())
    for wkb in shapely.to_wkb(provinces.geometry.to_numpy()):
        digest.update(wkb or b"")
    return digest.hexdigest()


def _ring_paths(geometry: shapely.Geometry) -> Path:
    # Exterior counter-clockwise, holes clockwise: Agg's nonzero fill then leaves holes empty.
    oriented = shapely.orient_polygons(geometry, exterior_cw=False)
    rings: list[Path] = []
    for polygon in getattr(oriented, "geoms", [oriented]):
        if polygon.is_empty:
            continue
        for ring in (polygon.exterior, *polygon.interiors):
            rings.append(Path(np.asarray(ring.coords)[:, :2], closed=True))
    return Path.make_compound_path(*rings) if rings else Path(np.zeros((0, 2)))


def _prepare(provinces: GeoDataFrame) -> _Prepared:
    _check_columns(provinces)
    key = _fingerprint(provinces)
    cached = _PREPARED_CACHE.get(key)
    if cached is not None:
        return cached
    degrees = _in_degrees(provinces)
    rows = degrees.drop(columns=degrees.geometry.name).to_dict("records")
    min_x, min_y, max_x, max_y = (float(v) for v in degrees.total_bounds)
    prepared = _Prepared(
        isos=tuple(str(iso) for iso in degrees["iso"]),
        names=tuple(str(name) for name in degrees["name"]),
        paths=tuple(_ring_paths(geometry) for geometry in degrees.geometry),
        capitals=tuple(_capital_of(row) for row in rows),
        bounds=(min_x, min_y, max_x, max_y),
        # Plate carrée stretched by 1/cos(latitude): true shape at the map's centre.
        aspect=1.0 / math.cos(math.radians((min_y + max_y) / 2)),
    )
    if len(_PREPARED_CACHE) >= _PREPARED_CACHE_SIZE:
        _PREPARED_CACHE.pop(next(iter(_PREPARED_CACHE)))
    _PREPARED_CACHE[key] = prepared
    return prepared


# --------------------------------------------------------------------------- PNG / GIF


def _plain(text: str) -> str:
    """Untrusted text for a matplotlib label: one line, bounded length."""
    line = " ".join(text.split())
    return line if len(line) <= MAX_TITLE_CHARS else line[: MAX_TITLE_CHARS - 1] + "…"


def _legend_label(label: str, description: str) -> str:
    return label + "\n" + textwrap.fill(description, LEGEND_WRAP_CHARS)


class _MapFigure:
    """One matplotlib figure whose patches are recoloured per day (no global pyplot state)."""

    def __init__(
        self,
        prepared: _Prepared,
        *,
        title: str,
        source_line: str,
        dpi: int,
        labels: LabelMode,
        include_no_data: bool,
    ) -> None:
        self.prepared = prepared
        self.labels = labels
        self.figure = Figure(figsize=FIGSIZE_INCHES, dpi=dpi, facecolor="white")
        self.canvas = FigureCanvasAgg(self.figure)
        self.axes = self.figure.add_axes(MAP_AXES_RECT)
        self.axes.set_axis_off()
        self.patches = [self._add_province(path) for path in prepared.paths]
        self.capital_labels = self._add_capitals()
        self._frame_map()
        self._add_texts(title=title, source_line=source_line)
        self._add_legend(include_no_data=include_no_data)
        self._background: object | None = None

    def _per_day_artists(self) -> tuple[Artist, ...]:
        return (self.axes, self.date_text, self.summary_text)

    def _add_province(self, path: Path) -> PathPatch:
        patch = PathPatch(path, linewidth=PROVINCE_LINEWIDTH, joinstyle="round")
        patch.set_hatch_linewidth(HATCH_LINEWIDTH)
        # Not add_patch: its data-limit update walks every Bezier segment (over half of a
        # PNG's time) and the limits are set from the cached bounds anyway.
        self.axes.add_artist(patch)
        return patch

    def _add_capitals(self) -> list[object | None]:
        located = [capital for capital in self.prepared.capitals if capital is not None]
        if located:
            self.axes.scatter(
                [capital.lon for capital in located],
                [capital.lat for capital in located],
                s=9,
                c="#1A1A1A",
                edgecolors="white",
                linewidths=0.6,
                zorder=3,
            )
        halo = [patheffects.withStroke(linewidth=2.4, foreground="white")]
        labels: list[object | None] = []
        for capital in self.prepared.capitals:
            if capital is None:
                labels.append(None)
                continue
            text = self.axes.annotate(
                _plain(capital.name),
                (capital.lon, capital.lat),
                xytext=(3, 3),
                textcoords="offset points",
                fontsize=CAPITAL_LABEL_POINTS,
                color="#1A1A1A",
                zorder=4,
                parse_math=False,
                path_effects=halo,
            )
            labels.append(text)
        return labels

    def _frame_map(self) -> None:
        min_x, min_y, max_x, max_y = self.prepared.bounds
        pad_x = (max_x - min_x) * MAP_MARGIN_FRACTION or 0.1
        pad_y = (max_y - min_y) * MAP_MARGIN_FRACTION or 0.1
        self.axes.set_xlim(min_x - pad_x, max_x + pad_x)
        self.axes.set_ylim(min_y - pad_y, max_y + pad_y)
        self.axes.set_aspect(self.prepared.aspect)

    def _add_texts(self, *, title: str, source_line: str) -> None:
        text = functools.partial(self.figure.text, parse_math=False, usetex=False)
        text(0.02, 0.955, _plain(title), fontsize=15, weight="bold", va="top")
        self.date_text = text(0.02, 0.905, "", fontsize=30, weight="bold", va="top")
        self.summary_text = text(0.02, 0.835, "", fontsize=12, va="top", color="#333333")
        text(0.02, 0.02, _plain(source_line), fontsize=8.5, color="#444444")
        text(0.98, 0.02, BOUNDARY_ATTRIBUTION, fontsize=8.5, color="#444444", ha="right")

    def _add_legend(self, *, include_no_data: bool) -> None:
        handles = [
            Patch(
                facecolor=style.fill,
                edgecolor=style.edge,
                hatch=style.hatch or None,
                label=_legend_label(style.label, style.description),
            )
            for style in legend_styles(include_no_data=include_no_data)
        ]
        legend = self.figure.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(0.72, 0.80),
            frameon=False,
            fontsize=9,
            title="Status on this date",
            title_fontsize=10.5,
            handlelength=2.6,
            handleheight=2.0,
            labelspacing=1.0,
            alignment="left",
        )
        for legend_text in legend.get_texts():
            legend_text.set_parse_math(False)

    def show(self, by_iso: Mapping[str, DayStatus], *, date: dt.date, total: int) -> None:
        for iso, patch, label in zip(
            self.prepared.isos, self.patches, self.capital_labels, strict=True
        ):
            status = by_iso.get(iso)
            style = style_for(status.status if status else None)
            patch.set_facecolor(style.fill)
            patch.set_edgecolor(style.edge)
            patch.set_hatch(style.hatch or None)
            if label is not None:
                label.set_visible(self._labelled(status))  # type: ignore[attr-defined]
        self.date_text.set_text(format_day(date))
        self.summary_text.set_text(summary_line(list(by_iso.values()), total=total))

    def _labelled(self, status: DayStatus | None) -> bool:
        if self.labels == "all":
            return True
        if self.labels == "none" or status is None:
            return False
        # Only places that changed hands get a name: the rest would bury them.
        return status.status != Status.HELD

    def png(self) -> bytes:
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png", metadata={"Software": None})
        return buffer.getvalue()

    def rgb_frame(self) -> Image.Image:
        """The current day as an image; title, legend and footer are drawn once, then reused."""
        if self._background is None:
            # Blitting: only the map and the day's texts change between frames, and the
            # legend's text layout is most of a full draw.
            for artist in self._per_day_artists():
                artist.set_animated(True)
            self.canvas.draw()
            self._background = self.canvas.copy_from_bbox(self.figure.bbox)
        self.canvas.restore_region(self._background)
        for artist in self._per_day_artists():
            self.figure.draw_artist(artist)
        rgba = np.asarray(self.canvas.buffer_rgba())
        return Image.fromarray(rgba[:, :, :3].copy(), mode="RGB")


def render_png(
    day: Sequence[DayStatus],
    *,
    provinces: GeoDataFrame,
    title: str = DEFAULT_TITLE,
    source_line: str | None = None,
    dpi: int = DEFAULT_DPI,
    labels: LabelMode = "changed",
) -> bytes:
    """The map of one date as a PNG for a report: fills, hatches, legend, counts, sources."""
    prepared = _prepare(provinces)
    by_iso = _one_day(day, prepared.isos)
    figure = _MapFigure(
        prepared,
        title=title,
        source_line=default_source_line(day) if source_line is None else source_line,
        dpi=dpi,
        labels=labels,
        include_no_data=len(by_iso) < len(prepared.isos),
    )
    figure.show(by_iso, date=day[0].date, total=len(prepared.isos))
    return figure.png()


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return (int(hex_colour[1:3], 16), int(hex_colour[3:5], 16), int(hex_colour[5:7], 16))


# Palette colours every GIF frame keeps exactly: an adaptive palette alone drops the fills
# of statuses absent from a day, so the legend swatches would no longer match the map.
_RESERVED_GIF_COLOURS: tuple[tuple[int, int, int], ...] = tuple(
    dict.fromkeys(
        _rgb(colour)
        for style in (*STATUS_STYLES.values(), NO_DATA_STYLE)
        for colour in (style.fill, style.edge)
    )
)


def _quantized(frame: Image.Image) -> Image.Image:
    """The frame in at most ``GIF_COLOURS`` colours, the palette's own colours kept exact.

    Pixels that are exactly a palette colour keep it; the rest (anti-aliasing, text) take
    the nearest of an adaptive palette. Pillow's own mapping to a given palette is
    approximate (a reduced colour cube), so it cannot promise exact fills.
    """
    reserved = np.array(_RESERVED_GIF_COLOURS, dtype=np.int64)
    adaptive = frame.quantize(
        GIF_COLOURS - len(reserved), method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
    )
    indices = np.asarray(adaptive, dtype=np.uint8) + len(reserved)
    rgb = np.asarray(frame, dtype=np.int64)
    packed = (rgb[:, :, 0] << 16) | (rgb[:, :, 1] << 8) | rgb[:, :, 2]
    reserved_packed = (reserved[:, 0] << 16) | (reserved[:, 1] << 8) | reserved[:, 2]
    for index, colour in enumerate(reserved_packed):
        indices[packed == colour] = index
    extra = (adaptive.getpalette() or [])[: 3 * (GIF_COLOURS - len(reserved))]
    result = Image.fromarray(indices, mode="P")
    result.putpalette([int(channel) for channel in reserved.ravel()] + extra)
    return result


def render_gif(
    days: Sequence[Sequence[DayStatus]],
    *,
    provinces: GeoDataFrame,
    title: str = DEFAULT_TITLE,
    source_line: str | None = None,
    dpi: int = GIF_DPI,
    labels: LabelMode = "changed",
    frame_ms: int = GIF_FRAME_MS,
    last_frame_ms: int = GIF_LAST_FRAME_MS,
) -> bytes:
    """The timeline as an animated GIF: one frame per day, in the order given, looping."""
    if not days:
        msg = "no days given for the animation"
        raise SnapshotError(msg)
    prepared = _prepare(provinces)
    checked = [_one_day(day, prepared.isos) for day in days]
    every_status = [status for day in days for status in day]
    figure = _MapFigure(
        prepared,
        title=title,
        source_line=default_source_line(every_status) if source_line is None else source_line,
        dpi=dpi,
        labels=labels,
        include_no_data=any(len(by_iso) < len(prepared.isos) for by_iso in checked),
    )
    frames = []
    for day, by_iso in zip(days, checked, strict=True):
        figure.show(by_iso, date=day[0].date, total=len(prepared.isos))
        frame = figure.rgb_frame()
        # No dithering: flat fills stay flat, so colours match the PNG and the app.
        frames.append(_quantized(frame))
    durations = [frame_ms] * (len(frames) - 1) + [last_frame_ms]
    buffer = io.BytesIO()
    frames[0].save(
        buffer,
        format="GIF",
        save_all=True,
        append_images=frames[1:],
        duration=durations,
        loop=0,
        disposal=1,
    )
    return buffer.getvalue()


# --------------------------------------------------------------------------- data exports


def day_csv(day: Sequence[DayStatus]) -> str:
    """Every province's status on the day (``sources`` joined by ``;``), sorted by ISO code."""
    ordered = sorted(day, key=lambda status: (status.date, status.province_iso))
    return tables.csv_text(DAY_CSV_FIELDS, (tables.timeline_row(status) for status in ordered))


def events_csv(events: Sequence[Event], *, articles: Sequence[Article] = ()) -> str:
    """The events table in the order given, as ``controlmap extract`` writes it."""
    return tables.events_csv(events, articles=articles)


def day_geojson(day: Sequence[DayStatus], *, provinces: GeoDataFrame) -> dict[str, object]:
    """A FeatureCollection (lon/lat) of every polygon with its status on the day.

    Provinces the day does not mention get ``status: null`` rather than an invented one.
    """
    _check_columns(provinces)
    degrees = _in_degrees(provinces)
    by_iso = _one_day(day, [str(iso) for iso in degrees["iso"]])
    date = day[0].date
    features = []
    for iso, name, geometry in zip(degrees["iso"], degrees["name"], degrees.geometry, strict=True):
        status = by_iso.get(str(iso))
        style = style_for(status.status if status else None)
        features.append(
            {
                "type": "Feature",
                "id": str(iso),
                "geometry": json.loads(shapely.to_geojson(geometry)),
                "properties": {
                    "date": date.isoformat(),
                    "iso": str(iso),
                    "name": str(name),
                    "status": str(status.status) if status else None,
                    "label": style.label,
                    "since": status.since.isoformat() if status and status.since else None,
                    "sources": list(status.sources) if status else [],
                    "rule": status.rule if status else "",
                    "fill": style.fill,
                    "edge": style.edge,
                    "hatch": style.hatch,
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


# --------------------------------------------------------------------------- HTML


def safe_href(url: str) -> str | None:
    """The URL if it is a plain http(s) link, else ``None`` (shown as text, never a link)."""
    return safe_url(url) or None


def _source_html(article: Article | None, article_id: str) -> str:
    if article is None:
        return f"article {html.escape(article_id)}"
    name = article.source or article.title or article.article_id
    label = html.escape(name)
    if article.title and article.source:
        label = f"{html.escape(article.source)}: <i>{html.escape(article.title)}</i>"
    date = f" ({article.date.isoformat()})" if article.date else ""
    href = safe_href(article.url)
    if href is None:
        shown_url = f" {html.escape(article.url)}" if article.url.strip() else ""
        return f"{label}{date}{shown_url}"
    return (
        f'<a href="{html.escape(href, quote=True)}" target="_blank" '
        f'rel="noopener noreferrer nofollow">{label}</a>{date}'
    )


def popup_html(
    status: DayStatus | None,
    *,
    name: str,
    events: Sequence[Event] = (),
    articles: Mapping[str, Article] | None = None,
) -> str:
    """The popup of one province: status, rule and the quoted sentences, all escaped."""
    articles = articles or {}
    style = style_for(status.status if status else None)
    since = f" since {format_day(status.since)}" if status and status.since else ""
    parts = [
        f"<div class='cm-popup'><b>{html.escape(name)}</b>",
        f"<div>{html.escape(style.label)}{since}</div>",
    ]
    if status and status.rule:
        parts.append(f"<div class='cm-rule'>{html.escape(status.rule)}</div>")
    sources = set(status.sources) if status else set()
    quoted = [event for event in events if event.article_id in sources]
    if quoted:
        parts.append("<ul>")
        for event in quoted[:MAX_POPUP_QUOTES]:
            parts.append(
                f"<li>{html.escape(str(event.status))}: “{html.escape(event.quote)}” — "
                f"{_source_html(articles.get(event.article_id), event.article_id)}</li>"
            )
        parts.append("</ul>")
        if len(quoted) > MAX_POPUP_QUOTES:
            parts.append(f"<div>and {len(quoted) - MAX_POPUP_QUOTES} more</div>")
    parts.append("</div>")
    return "".join(parts)


@functools.cache
def _leaflet_assets() -> tuple[str, str]:
    """Vendored Leaflet JS and CSS, with the CSS images inlined as data URIs."""
    folder = importlib.resources.files("geo") / "static" / "leaflet"
    script = (folder / "leaflet.js").read_text(encoding="utf-8")
    stylesheet = (folder / "leaflet.css").read_text(encoding="utf-8")

    def inline(match: re.Match[str]) -> str:
        data = (folder / match.group(1)).read_bytes()
        return f"url(data:image/png;base64,{base64.b64encode(data).decode('ascii')})"

    return script, _CSS_IMAGE_URL.sub(inline, stylesheet)


_PAGE_CSS = """
.leaflet-container { background: #F4F6F8; }
.cm-panel { position: absolute; z-index: 1000; background: rgba(255,255,255,0.93);
  padding: 8px 12px; border-radius: 4px; box-shadow: 0 1px 4px rgba(0,0,0,0.3);
  font: 13px/1.35 system-ui, sans-serif; max-width: 360px; }
.cm-header { top: 10px; left: 60px; }
.cm-header .cm-title { font-weight: bold; font-size: 15px; }
.cm-header .cm-date { font-weight: bold; font-size: 26px; }
.cm-legend { bottom: 30px; right: 10px; }
.cm-legend-row { display: flex; align-items: center; gap: 6px; margin: 3px 0; }
.cm-swatch { display: inline-block; width: 22px; height: 14px; box-sizing: border-box; }
.cm-footer { bottom: 8px; left: 120px; font-size: 11px; color: #444; }
/* The panels sit above Leaflet's panes, so an open popup would slide under them. */
body:has(.leaflet-popup) .cm-header, body:has(.leaflet-popup) .cm-footer { display: none; }
.cm-popup ul { padding-left: 16px; margin: 4px 0; }
.cm-rule { color: #555; font-size: 12px; }
"""


def _hatch_defs() -> str:
    """SVG patterns so hatched statuses are hatched on the HTML map as in the PNG."""
    patterns = []
    for style in STATUS_STYLES.values():
        if not style.hatch:
            continue
        mark = (
            f'<circle cx="3" cy="3" r="1.1" fill="{style.edge}"/>'
            if "." in style.hatch
            else f'<path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke="{style.edge}"/>'
        )
        patterns.append(
            f'<pattern id="cm-hatch-{style.status}" width="6" height="6" '
            f'patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="{style.fill}"/>'
            f"{mark}</pattern>"
        )
    rules = "".join(
        f".cm-status-{style.status} {{ fill: url(#cm-hatch-{style.status}); fill-opacity: 1; }}"
        for style in STATUS_STYLES.values()
        if style.hatch
    )
    return (
        '<svg width="0" height="0" style="position:absolute" aria-hidden="true">'
        f"<defs>{''.join(patterns)}</defs></svg><style>{rules}</style>"
    )


def _feature_style(feature: Mapping[str, object]) -> dict[str, object]:
    properties = feature["properties"]
    status = properties["status"]  # type: ignore[index]
    style = style_for(status)
    return {
        "fillColor": style.fill,
        "color": style.edge,
        "weight": 1.2,
        "fillOpacity": 0.9,
        "className": f"cm-status-{style.status}",
    }


def _inert(markup: str) -> str:
    """HTML with braces as character references.

    branca compiles each layer's rendered script as a Jinja template a second time, data
    included, so ``{{ ... }}`` or ``{% ... %}`` in an article would be evaluated.
    """
    return markup.replace("{", "&#123;").replace("}", "&#125;")


def _html_features(
    prepared_rows: Iterable[tuple[str, str, str, shapely.Geometry]],
    by_iso: Mapping[str, DayStatus],
    *,
    events_by_iso: Mapping[str, Sequence[Event]],
    articles: Mapping[str, Article],
) -> dict[str, object]:
    # Every string is HTML-escaped here because folium's tooltips and popups use innerHTML.
    features = []
    for iso, name, capital, geometry in prepared_rows:
        status = by_iso.get(iso)
        style = style_for(status.status if status else None)
        features.append(
            {
                "type": "Feature",
                "geometry": json.loads(shapely.to_geojson(geometry)),
                "properties": {
                    "name": _inert(html.escape(name)),
                    "capital": _inert(html.escape(capital)),
                    "status": str(status.status) if status else None,
                    "status_label": _inert(html.escape(style.label)),
                    "popup": _inert(
                        popup_html(
                            status, name=name, events=events_by_iso.get(iso, ()), articles=articles
                        )
                    ),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def render_html(
    day: Sequence[DayStatus],
    *,
    provinces: GeoDataFrame,
    events: Sequence[Event] = (),
    articles: Sequence[Article] = (),
    title: str = DEFAULT_TITLE,
    source_line: str | None = None,
) -> str:
    """A standalone, offline HTML map of one date (Leaflet inlined, no tiles, no CDN)."""
    import folium  # heavy; only this export needs it

    _check_columns(provinces)
    degrees = _in_degrees(provinces)
    isos = [str(iso) for iso in degrees["iso"]]
    by_iso = _one_day(day, isos)
    capitals = degrees["capital"] if "capital" in degrees.columns else [""] * len(isos)
    rows = zip(
        isos,
        (str(name) for name in degrees["name"]),
        ("" if not isinstance(capital, str) else capital for capital in capitals),
        degrees.geometry,
        strict=True,
    )
    events_by_iso: dict[str, list[Event]] = {}
    for event in events:
        events_by_iso.setdefault(event.province_iso, []).append(event)
    collection = _html_features(
        rows,
        by_iso,
        events_by_iso=events_by_iso,
        articles={article.article_id: article for article in articles},
    )

    min_x, min_y, max_x, max_y = (float(v) for v in degrees.total_bounds)
    fmap = folium.Map(
        location=[(min_y + max_y) / 2, (min_x + max_x) / 2],
        zoom_start=HTML_ZOOM,
        tiles=None,
        control_scale=True,
    )
    # folium would load Leaflet, jQuery, Bootstrap and fonts from CDNs; we inline Leaflet only.
    fmap.default_js = []
    fmap.default_css = []
    script, stylesheet = _leaflet_assets()
    root = fmap.get_root()
    root.header.add_child(_raw_element(f"<style>{stylesheet}{_PAGE_CSS}</style>"), name="cm_css")
    root.header.add_child(_raw_element(f"<script>{script}</script>"), name="cm_leaflet")
    folium.GeoJson(
        collection,
        name="provinces",
        style_function=_feature_style,
        highlight_function=lambda _feature: {"weight": 3},
        tooltip=folium.GeoJsonTooltip(
            fields=["name", "capital", "status_label"], aliases=["Province", "Capital", "Status"]
        ),
        popup=folium.GeoJsonPopup(fields=["popup"], labels=False, max_width=420),
    ).add_to(fmap)
    fmap.fit_bounds([[min_y, min_x], [max_y, max_x]])

    shown_source = default_source_line(day) if source_line is None else source_line
    root.html.add_child(_raw_element(_hatch_defs()), name="cm_hatches")
    root.html.add_child(
        _raw_element(
            "<div class='cm-panel cm-header'>"
            f"<div class='cm-title'>{html.escape(title)}</div>"
            f"<div class='cm-date'>{html.escape(format_day(day[0].date))}</div>"
            f"<div>{html.escape(summary_line(day, total=len(isos)))}</div></div>"
            "<div class='cm-panel cm-legend'><b>Status on this date</b>"
            f"{legend_html(legend_styles(include_no_data=len(by_iso) < len(isos)))}</div>"
            f"<div class='cm-panel cm-footer'>{html.escape(shown_source)}<br>"
            f"{html.escape(BOUNDARY_ATTRIBUTION)}</div>"
        ),
        name="cm_panels",
    )
    _number_elements(root)
    return root.render()


def _raw_element(markup: str) -> object:
    """A branca element inserting ``markup`` as is.

    ``Element(markup)`` would compile the markup as a Jinja template, so a title or source
    holding ``{{ ... }}`` would be evaluated on our side (template injection).
    """
    from branca.element import Element

    element = Element("{{ this.markup }}")
    element.markup = markup  # type: ignore[attr-defined]
    return element


def _number_elements(root: object) -> None:
    """Replace branca's random element ids by a count, so the same map gives the same bytes."""
    pending = [root]
    count = 0
    while pending:
        element = pending.pop(0)
        element._id = f"{count:032x}"  # type: ignore[attr-defined]
        count += 1
        pending.extend(element._children.values())  # type: ignore[attr-defined]


__all__ = [
    "DAY_CSV_FIELDS",
    "DEFAULT_TITLE",
    "NO_DATA_STYLE",
    "SnapshotError",
    "day_csv",
    "day_geojson",
    "events_csv",
    "popup_html",
    "render_gif",
    "render_html",
    "render_png",
    "safe_href",
]
