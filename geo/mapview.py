"""What the app's map shows, as plain data (no Streamlit, no I/O).

Two renderings share the palette in ``geo.style``:

- the live map: a small Leaflet component (``geo/component/``) that receives the provinces
  and every day's statuses once (``map_payload``) and recolours in the browser;
- the "full re-render" baseline (``folium_map``): one folium map per day, as st_folium shows it.

Both load only the vendored Leaflet served at ``app/static/`` (never a CDN), and no text from
an article is ever put into them as HTML: the component sets ``textContent``, the folium
tooltips get escaped province names, and quotes live in the Streamlit panel (``geo.panel``).
folium is imported only by ``folium_map``: the live map's first paint must not wait for it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geo.style import BOUNDARY_ATTRIBUTION, STATUS_ORDER, STATUS_STYLES
from pipeline.records import DayStatus, Status
from pipeline.timeline import day_label, describe_summary, summarise

if TYPE_CHECKING:
    import folium

# Relative to a component iframe (``<server>/component/<name>/index.html``), so it also works
# under a ``server.baseUrlPath``; Streamlit serves the repo's ``static/`` at ``app/static/``.
STATIC_URL = "../../app/static"
LEAFLET_JS = f"{STATIC_URL}/leaflet/leaflet.js"
LEAFLET_CSS = f"{STATIC_URL}/leaflet/leaflet.css"

MAP_HEIGHT = 520  # px: the whole country legible in the main column
PLAY_MS = 900  # per day: slow enough to read the date and count as they change
MAP_CENTER = (34.0, 66.0)  # only used before the polygons' bounds are known
MAP_ZOOM = 6

# matplotlib hatch (geo.style) -> the SVG pattern the component draws.
HATCH_KINDS: Mapping[str, str] = {"///": "stripes", "\\\\\\": "stripes", "..": "dots"}
# A claim also gets a dashed outline: a second cue besides the hatch, in both renderings.
DASHED_STATUSES: Mapping[str, str] = {"claimed": "4 3"}
SELECTED_EDGE = "#000000"


@dataclass(frozen=True, slots=True)
class Capital:
    """A provincial capital to mark and label on the map."""

    iso: str
    name: str
    lat: float
    lon: float


def capitals_from_rows(rows: Iterable[Mapping[str, object]]) -> tuple[Capital, ...]:
    """Capitals from boundary rows (``iso``, ``capital``, ``capital_lat``, ``capital_lon``).

    Rows without coordinates are skipped: a missing marker is better than one in the sea.
    """
    capitals = []
    for row in rows:
        lat, lon = row.get("capital_lat"), row.get("capital_lon")
        name = row.get("capital")
        if not name or not _is_number(lat) or not _is_number(lon):
            continue
        capitals.append(Capital(str(row["iso"]), str(name), float(lat), float(lon)))
    return tuple(sorted(capitals, key=lambda capital: capital.iso))


def capitals_from_table(text: str) -> tuple[Capital, ...]:
    """Capitals from a gazetteer table's text (TSV: ``iso``, ``name``, ``kind``, ``lat``,
    ``lon``), the same rows ``geo.boundaries`` joins to the polygons, read without pandas so
    the app's first map does not wait for it. Rows of other kinds are ignored.
    """
    from geo.boundaries import capital_rows

    rows = [
        {
            "iso": (row.get("iso") or "").strip(),
            "capital": (row.get("name") or "").strip(),
            "capital_lat": _float_or_none(row.get("lat")),
            "capital_lon": _float_or_none(row.get("lon")),
        }
        for row in capital_rows(text)
    ]
    return capitals_from_rows(row for row in rows if row["iso"])


def _float_or_none(text: str | None) -> float | None:
    try:
        return float(text or "")
    except ValueError:
        return None


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and value == value  # NaN != NaN


# --- the live map component -----------------------------------------------------------------


def component_styles() -> dict[str, dict[str, str]]:
    """The palette as the component needs it: fill, edge, label, hatch kind, dash."""
    return {
        name: {
            "fill": STATUS_STYLES[name].fill,
            "edge": STATUS_STYLES[name].edge,
            "label": STATUS_STYLES[name].label,
            "hatch": HATCH_KINDS.get(STATUS_STYLES[name].hatch, ""),
            "dash": DASHED_STATUSES.get(name, ""),
        }
        for name in STATUS_ORDER
    }


def count_line(day: Sequence[DayStatus]) -> str:
    """``9 of 34 provinces captured, 2 claimed by 13 Aug 2021`` (from the timeline's counts)."""
    if not day:
        return ""
    return describe_summary(summarise(day), day=day[0].date)


def status_row(day: Sequence[DayStatus], isos: Sequence[str]) -> list[list[str]]:
    """``[status, since label]`` per province, in ``isos`` order (unknown iso: held)."""
    by_iso = {status.province_iso: status for status in day}
    row = []
    for iso in isos:
        status = by_iso.get(iso)
        if status is None:
            row.append([Status.HELD.value, ""])
        else:
            since = day_label(status.since) if status.since else ""
            row.append([status.status.value, since])
    return row


def map_payload(
    *,
    geojson: Mapping[str, object],
    timeline: Sequence[Sequence[DayStatus]],
    capitals: Sequence[Capital] = (),
    tiles_url: str = "",
    tiles_attribution: str = "",
    height: int = MAP_HEIGHT,
    play_ms: int = PLAY_MS,
) -> dict[str, object]:
    """Everything the component needs for the whole date range, sent once per dataset.

    ``timeline`` is one sequence of DayStatus per day, in date order. ``view_args`` turns it
    into the component's arguments with the per-view fields (``day_index``, ``province``,
    ``nav``).
    """
    if not timeline:
        msg = "the timeline has no days to show"
        raise ValueError(msg)
    features = geojson.get("features", [])
    isos = [str(feature["properties"]["iso"]) for feature in features]
    names = {
        str(feature["properties"]["iso"]): str(feature["properties"]["name"])
        for feature in features
    }
    days = [day[0].date for day in timeline]
    statuses = [status_row(day, isos) for day in timeline]
    payload: dict[str, object] = {
        "geojson": geojson,
        "isos": isos,
        "names": names,
        "days": [day.isoformat() for day in days],
        "labels": [day_label(day) for day in days],
        "counts": [count_line(day) for day in timeline],
        "statuses": statuses,
        "styles": component_styles(),
        "capitals": [{"iso": c.iso, "name": c.name, "lat": c.lat, "lon": c.lon} for c in capitals],
        "attribution": BOUNDARY_ATTRIBUTION,
        "tiles_url": tiles_url,
        "tiles_attribution": tiles_attribution,
        "height": height,
        "play_ms": play_ms,
    }
    payload["data_key"] = _data_key(payload)
    return payload


def _data_key(payload: Mapping[str, object]) -> str:
    # Identity of what is drawn: the component rebuilds the map only when this changes.
    drawn = {key: payload[key] for key in ("isos", "days", "statuses", "capitals", "tiles_url")}
    digest = hashlib.sha256(json.dumps(drawn, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()[:16]


def loading_args(*, height: int = MAP_HEIGHT) -> dict[str, object]:
    """What the component gets before the data: enough to size its frame and load Leaflet."""
    return {"loading": True, "height": height}


def view_args(
    payload: Mapping[str, object], *, day_index: int, province: str | None, nav: int
) -> dict[str, object]:
    """The component's arguments: the payload as one JSON text, plus the view Python wants
    shown; ``nav`` changes only when Python moves the view itself (URL, reset), so echoes of
    the component's own value never pull it back.

    Only scalars: Streamlit checks every list or dict argument for a data frame, which imports
    pandas (half a second of the cold start). The component parses the text once per
    ``data_key``.
    """
    return {
        "payload": json.dumps(payload, ensure_ascii=False, separators=(",", ":")),
        "data_key": payload["data_key"],
        "day_index": day_index,
        "province": province,
        "nav": nav,
    }


@dataclass(frozen=True, slots=True)
class MapSelection:
    """What the map reported back: the day shown and the province clicked (if any)."""

    date: dt.date | None = None
    province: str | None = None


def parse_component_value(value: object, *, isos: Iterable[str]) -> MapSelection:
    """The component's (or st_folium's) return value -> a selection; junk -> empty fields."""
    if not isinstance(value, Mapping):
        return MapSelection()
    known = set(isos)
    date = parse_day(value.get("date"))
    province = value.get("province")
    if province is None:
        # st_folium: the clicked feature arrives as a GeoJSON feature.
        drawing = value.get("last_active_drawing")
        if isinstance(drawing, Mapping):
            properties = drawing.get("properties")
            if isinstance(properties, Mapping):
                province = properties.get("iso")
    return MapSelection(date, province if province in known else None)


def parse_day(text: object) -> dt.date | None:
    """An ISO date string -> date; anything else (bad URL params too) -> None."""
    if not isinstance(text, str):
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return None


# --- the folium baseline ("full re-render") ---------------------------------------------------


def folium_map(
    *,
    geojson: Mapping[str, object],
    day: Sequence[DayStatus],
    capitals: Sequence[Capital] = (),
    selected: str | None = None,
    tiles_url: str = "",
    tiles_attribution: str = "",
) -> folium.Map:
    """One day's map as a folium ``Map`` that loads only the vendored Leaflet.

    Never cache the result: st_folium mutates the map it is given.
    """
    import folium

    fmap = folium.Map(
        location=MAP_CENTER,
        zoom_start=MAP_ZOOM,
        tiles=None,
        attribution_control=True,
        zoom_snap=0.25,
    )
    # Only Leaflet: folium's defaults add jQuery, Bootstrap and awesome-markers from CDNs.
    fmap.default_js = [("leaflet", LEAFLET_JS)]
    fmap.default_css = [("leaflet_css", LEAFLET_CSS)]
    if tiles_url:
        folium.TileLayer(tiles_url, attr=tiles_attribution or " ").add_to(fmap)
    by_iso = {status.province_iso: status for status in day}
    folium.GeoJson(
        _tooltip_ready(geojson, by_iso),
        name="provinces",
        style_function=lambda feature: _folium_style(
            by_iso.get(feature["properties"]["iso"]),
            selected=feature["properties"]["iso"] == selected,
        ),
        tooltip=folium.GeoJsonTooltip(fields=["name", "status_label"], labels=False),
    ).add_to(fmap)
    for capital in capitals:
        folium.CircleMarker(
            (capital.lat, capital.lon),
            radius=3,
            weight=1,
            color="#222222",
            fill=True,
            fill_color="#ffffff",
            fill_opacity=1.0,
            tooltip=html.escape(capital.name),
        ).add_to(fmap)
    bounds = _bounds(geojson)
    if bounds:
        fmap.fit_bounds(bounds)
    return fmap


def _folium_style(status: DayStatus | None, *, selected: bool) -> dict[str, object]:
    name = status.status.value if status else Status.HELD.value
    style = STATUS_STYLES[name]
    result: dict[str, object] = {
        "fillColor": style.fill,
        "color": SELECTED_EDGE if selected else style.edge,
        "weight": 3 if selected else 1,
        "fillOpacity": 0.9,
    }
    if name in DASHED_STATUSES:
        result["dashArray"] = DASHED_STATUSES[name]
    return result


def _tooltip_ready(
    geojson: Mapping[str, object], by_iso: Mapping[str, DayStatus]
) -> dict[str, object]:
    # Tooltip fields are inserted as HTML by folium, so they are escaped here; geometry is
    # shared with the cached dict, not copied.
    features = []
    for feature in geojson.get("features", []):
        properties = feature["properties"]
        status = by_iso.get(properties["iso"])
        label = STATUS_STYLES[status.status.value if status else "held"].label
        if status and status.since:
            label += f" since {day_label(status.since)}"
        features.append(
            {
                "type": "Feature",
                "geometry": feature["geometry"],
                "properties": {
                    "iso": properties["iso"],
                    "name": html.escape(str(properties["name"])),
                    "status_label": html.escape(label),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _bounds(geojson: Mapping[str, object]) -> list[list[float]] | None:
    lons: list[float] = []
    lats: list[float] = []
    for feature in geojson.get("features", []):
        for lon, lat in _coordinates(feature["geometry"]["coordinates"]):
            lons.append(lon)
            lats.append(lat)
    if not lons:
        return None
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def _coordinates(nested: object) -> Iterable[tuple[float, float]]:
    if isinstance(nested, list | tuple) and nested and isinstance(nested[0], int | float):
        yield float(nested[0]), float(nested[1])
        return
    if isinstance(nested, list | tuple):
        for item in nested:
            yield from _coordinates(item)
