"""What the app's map and quotes panel show, as plain data (no Streamlit, no I/O).

Two renderings share the palette in ``geo.style``:

- the live map: a small Leaflet component (``geo/component/``) that receives the provinces
  and every day's statuses once (``map_payload``) and recolours in the browser;
- the "full re-render" baseline (``folium_map``): one folium map per day, as st_folium shows it.

Both load only the vendored Leaflet served at ``app/static/`` (never a CDN), and no text from
an article is ever put into them as HTML: the component sets ``textContent``, the folium
tooltips get escaped province names, and quotes live in the Streamlit panel.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

import folium

from geo.style import BOUNDARY_ATTRIBUTION, STATUS_ORDER, STATUS_STYLES
from pipeline.records import Article, DayStatus, Event, Fact, Precision, Status
from pipeline.timeline import day_label, describe_summary, summarise

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
SAFE_URL_SCHEMES = frozenset({"http", "https"})
_CONTROL_CHARS = re.compile(r"[\x00-\x20\x7f]")


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

    ``timeline`` is one sequence of DayStatus per day, in date order. The per-view fields
    (``day_index``, ``province``, ``nav``) are added by ``view_args``.
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


def view_args(
    payload: Mapping[str, object], *, day_index: int, province: str | None, nav: int
) -> dict[str, object]:
    """The payload plus the view Python wants shown; ``nav`` changes only when Python moves
    the view itself (URL, reset), so echoes of the component's own value never pull it back.
    """
    return {**payload, "day_index": day_index, "province": province, "nav": nav}


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


# --- the quotes panel -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Quote:
    """One report about the selected province, ready for the panel (text still raw)."""

    article_id: str
    status: Status
    before: str  # quote text before the place
    place: str  # the place as written, to highlight
    after: str
    outlet: str
    title: str
    article_date: dt.date | None
    event_date: dt.date | None
    precision: Precision
    basis: str
    url: str  # "" unless http(s)
    corroboration: int  # articles reporting the same province and status
    behind_colour: bool  # one of the DayStatus sources


@dataclass(frozen=True, slots=True)
class ProvincePanel:
    """The side panel for one province on one day."""

    iso: str
    name: str
    status: DayStatus | None
    reported: tuple[Quote, ...]  # dated on or before the chosen day (or undated articles)
    later: tuple[Quote, ...]  # dated after the chosen day, shown apart
    # Towns, districts and bases in the province, up to the chosen day: shown beside the
    # colour, never as it (a district falling is not the province falling).
    local: tuple[Quote, ...] = ()


def safe_url(url: str) -> str:
    """The URL if it is http(s) with a host, else "" (no javascript:, data:, relative...).

    Any whitespace or control character inside refuses it: browsers strip them, so
    "java\tscript:" would otherwise slip past the scheme check.
    """
    text = (url or "").strip()
    if not text or _CONTROL_CHARS.search(text):
        return ""
    try:
        parts = urlsplit(text)
    except ValueError:
        return ""
    if parts.scheme.lower() not in SAFE_URL_SCHEMES or not parts.netloc:
        return ""
    return text


def split_quote(event: Event) -> tuple[str, str, str]:
    """(before, place, after) of the quote; the place is highlighted only if offsets agree."""
    start = event.place_start - event.quote_start
    end = event.place_end - event.quote_start
    if 0 <= start <= end <= len(event.quote) and event.quote[start:end] == event.place:
        return event.quote[:start], event.quote[start:end], event.quote[end:]
    return event.quote, "", ""


def province_panel(
    iso: str,
    *,
    day: dt.date,
    day_status: DayStatus | None,
    facts: Iterable[Fact],
    undated: Iterable[Event] = (),
    local_events: Iterable[Event] = (),
    articles: Mapping[str, Article],
    name: str = "",
) -> ProvincePanel:
    """Every report about ``iso``: those up to ``day`` first (sources of the colour first),
    later ones apart. Undated reports count as "reported" (they may already be true).

    ``local_events`` (towns, districts, bases: ``Analysis.local_events``) dated up to ``day``
    go to ``local``; they never count as behind the colour."""
    sources = set(day_status.sources) if day_status else set()
    reported: list[Quote] = []
    later: list[Quote] = []
    for fact in facts:
        if fact.province_iso != iso:
            continue
        for event in fact.events:
            quote = _quote(event, fact.corroboration, articles.get(event.article_id), sources)
            is_later = event.event_date is not None and event.event_date > day
            (later if is_later else reported).append(quote)
    for event in undated:
        if event.province_iso == iso:
            reported.append(_quote(event, 1, articles.get(event.article_id), sources))
    display = name or (day_status.province if day_status else iso)
    return ProvincePanel(
        iso,
        display,
        day_status,
        tuple(sorted(reported, key=_panel_order)),
        tuple(sorted(later, key=_panel_order)),
        local_quotes(iso, day=day, local_events=local_events, articles=articles),
    )


def local_quotes(
    iso: str, *, day: dt.date, local_events: Iterable[Event], articles: Mapping[str, Article]
) -> tuple[Quote, ...]:
    """Town/district reports in ``iso`` known by ``day``, oldest first; an undated one is left
    out (it is in the undated list), and none of them is ever behind the colour."""
    shown = [
        event
        for event in local_events
        if event.province_iso == iso and event.event_date is not None and event.event_date <= day
    ]
    articles_per_place: dict[tuple[str, Status], set[str]] = {}
    for event in shown:
        key = (_place_key(event.place), event.status)
        articles_per_place.setdefault(key, set()).add(event.article_id)
    quotes = [
        _quote(
            event,
            len(articles_per_place[(_place_key(event.place), event.status)]),
            articles.get(event.article_id),
            sources=set(),
        )
        for event in shown
    ]
    return tuple(sorted(quotes, key=_local_order))


def _place_key(place: str) -> str:
    return " ".join(place.casefold().split())


def _local_order(quote: Quote) -> tuple[object, ...]:
    return (quote.event_date or dt.date.max, quote.place.casefold(), quote.article_id)


def _quote(event: Event, corroboration: int, article: Article | None, sources: set[str]) -> Quote:
    before, place, after = split_quote(event)
    return Quote(
        article_id=event.article_id,
        status=event.status,
        before=before,
        place=place,
        after=after,
        outlet=article.source if article else "",
        title=article.title if article else "",
        article_date=article.date if article else None,
        event_date=event.event_date,
        precision=event.date_precision,
        basis=event.date_basis,
        url=safe_url(article.url) if article else "",
        corroboration=corroboration,
        behind_colour=event.article_id in sources,
    )


def _panel_order(quote: Quote) -> tuple[object, ...]:
    return (
        not quote.behind_colour,
        STATUS_ORDER.index(quote.status.value),
        quote.event_date or dt.date.max,
        quote.article_id,
    )


def describe_event_date(quote: Quote) -> str:
    """``10 Aug 2021 (that day; 'on Tuesday' before article date …)`` or ``no date``."""
    if quote.event_date is None:
        return "no date" + (f" ({quote.basis})" if quote.basis else "")
    precision = {
        Precision.DAY: "that day",
        Precision.ON_OR_BEFORE: "on or before",
        Precision.UNKNOWN: "unknown",
    }[quote.precision]
    basis = f"; {quote.basis}" if quote.basis else ""
    return f"{day_label(quote.event_date)} ({precision}{basis})"
