"""controlmap's map app: ``streamlit run app.py`` (from the repository root).

UI only: the data comes from the pipeline's store (built from the bundled corpus on first
run), the map and panel contents from ``geo.mapview``, the exports from ``geo.snapshot``.
The live map is a small Leaflet component (``geo/component/``) that recolours in the
browser; ``?render=full`` switches to a folium map re-rendered on every change (the
benchmark's baseline). The date and the selected province live in the URL.

Cold start (issue #4: server start to painted map in 3 s): a fresh process first sends the
map's frame without data, so the browser loads Leaflet while the store is read, then reruns
to give that frame its data. Nothing on the way imports pandas, geopandas, altair or folium
(polygons as a GeoJSON dict, capitals from the gazetteer table, the component's payload as
one JSON text, the chart as SVG); exports load their libraries on click.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import streamlit as st
import streamlit.components.v1 as components

from geo import mapview
from geo import panel as quotes
from geo.chart import Series, chart_img, counts_svg
from geo.mapview import Capital, MapSelection
from geo.panel import ProvincePanel, Quote
from geo.style import STATUS_ORDER, STATUS_STYLES
from pipeline.records import Article, DayStatus, Event, Fact, Rejection, Status

APP_TITLE = "controlmap · Afghanistan, August 2021"
CORPUS_DIR = Path(__file__).parent / "corpus" / "afghanistan-2021"
COUNTRY = "AF"
MAP_KEY = "controlmap-map"
FULL_MAP_KEY = "controlmap-fullmap"
RENDER_FULL = "full"
OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = "© OpenStreetMap contributors"
LOCAL_HEADING = "Towns and districts in this province"
LOCAL_NOTE = (
    "Reports about a town, district or base, up to this day. They do not change the "
    "province's colour: a district falling is not the province falling."
)

TIMING_ENV = "CONTROLMAP_TIMING"  # "1": print when each step of a script run is reached


def timing_mark(name: str) -> None:
    """``controlmap-timing <name> <epoch ms>`` on stdout, for benchmarks/bench_app.py."""
    if os.environ.get(TIMING_ENV) == "1":
        print(f"controlmap-timing {name} {time.time() * 1000:.1f}", flush=True)


timing_mark("imports_done")

_map_component = components.declare_component(
    "controlmap_map", path=str(resources.files("geo") / "component")
)


class AppDataError(Exception):
    """The data behind the map cannot be shown; the message says why and what to do."""


@dataclass(frozen=True, slots=True)
class AppData:
    """Everything the page shows, loaded once per store version (read-only, shared)."""

    articles: Mapping[str, Article]
    events: tuple[Event, ...]
    facts: tuple[Fact, ...]
    undated: tuple[Event, ...]
    local_events: tuple[Event, ...]  # towns/districts/bases: beside a colour, never as it
    rejections: tuple[Rejection, ...]
    days: tuple[dt.date, ...]
    timeline: tuple[tuple[DayStatus, ...], ...]  # one entry per day, in date order
    names: Mapping[str, str]  # iso -> province name
    capitals: tuple[Capital, ...]
    payload: Mapping[str, object]  # the map component's data (see geo.mapview.map_payload)
    store_path: str

    def day_index(self, day: dt.date | None) -> int:
        """Index of ``day``; an unknown or missing day falls back to the last day."""
        return self.days.index(day) if day in self.days else len(self.days) - 1


_WHITESPACE = re.compile(r"\s+")


# --- data -------------------------------------------------------------------------------------


def store_path() -> Path:
    from pipeline.store import default_db_path

    return default_db_path()


@st.cache_resource(show_spinner=False)
def build_lock() -> threading.Lock:
    """One build at a time in this server: every session writes the same store (and its
    temp file), so two people opening a fresh app at once must not build side by side."""
    return threading.Lock()


def build_store(path: Path, *, only_if_missing: bool = False) -> None:
    """(Re)build the store from the bundled corpus; a broken old store is moved aside.

    ``only_if_missing``: skip the build when another session built the store while this one
    waited for the lock."""
    from geo.gazetteer import load_gazetteer
    from pipeline.build import build_store as pipeline_build

    with build_lock():
        if only_if_missing and path.exists():
            return
        pipeline_build([CORPUS_DIR], db=path, gazetteer=load_gazetteer(COUNTRY))


def store_stamp(path: Path) -> float:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0.0


@st.cache_resource(show_spinner=False, max_entries=4)
def load_app_data(path: str, stamp: float) -> AppData:
    """Store -> analysis -> everything the page needs. ``stamp`` keys the cache per build."""
    from geo.boundaries import provinces_geojson
    from pipeline.run import analyse_store
    from pipeline.store import Store, StoreError

    try:
        with Store.open(path) as store:
            contents = store.load()
    except StoreError as error:
        raise AppDataError(str(error)) from error
    geojson = provinces_geojson(COUNTRY, display=True)
    names = {
        str(feature["properties"]["iso"]): str(feature["properties"]["name"])
        for feature in geojson["features"]
    }
    analysis = analyse_store(contents, provinces=names)
    if not analysis.days:
        msg = f"the store {path} has no dated reports to map (articles: {len(contents.articles)})"
        raise AppDataError(msg)
    timeline = tuple(tuple(analysis.day(day)) for day in analysis.days)
    capitals = mapview.capitals_from_table(gazetteer_text())
    return AppData(
        articles={article.article_id: article for article in analysis.articles},
        events=tuple(analysis.events),
        facts=tuple(analysis.facts),
        undated=tuple(analysis.undated),
        local_events=tuple(analysis.local_events),
        rejections=tuple(contents.rejections),
        days=tuple(analysis.days),
        timeline=timeline,
        names=names,
        capitals=capitals,
        payload=mapview.map_payload(geojson=geojson, timeline=timeline, capitals=capitals),
        store_path=path,
    )


def gazetteer_text() -> str:
    """The gazetteer table the boundaries take their capitals from (package data)."""
    name = f"{COUNTRY.lower()}_gazetteer.tsv"
    try:
        return (resources.files("geo") / "data" / name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        msg = f"cannot read the capitals table geo/data/{name}: {error}"
        raise AppDataError(msg) from error


@st.cache_resource(show_spinner=False, max_entries=4)
def tiled_payload(path: str, stamp: float) -> Mapping[str, object]:
    """The same map data with OpenStreetMap tiles under it (needs the network)."""
    data = load_app_data(path, stamp)
    return {**data.payload, "tiles_url": OSM_TILES, "tiles_attribution": OSM_ATTRIBUTION}


@st.cache_resource(show_spinner=False)
def geojson_for_folium() -> Mapping[str, object]:
    from geo.boundaries import provinces_geojson

    return provinces_geojson(COUNTRY, display=True)


@st.cache_resource(show_spinner=False)
def provinces_frame():
    from geo.boundaries import provinces

    return provinces(COUNTRY, display=True)


# --- view state (per browser session; the URL mirrors it) -------------------------------------


@dataclass(frozen=True, slots=True)
class View:
    day_index: int
    province: str | None
    nav: int  # bumped whenever Python moves the view (URL, reset)


def initial_view(data: AppData, params: Mapping[str, str]) -> View:
    """The view a URL asks for; unknown dates/provinces fall back (last day, nothing)."""
    day = mapview.parse_day(params.get("date"))
    province = params.get("province")
    return View(data.day_index(day), province if province in data.names else None, nav=1)


def current_view(data: AppData) -> View:
    state = st.session_state
    if "view" not in state or state.get("view_store") != data.store_path:
        state.view = initial_view(data, st.query_params.to_dict())
        state.view_store = data.store_path
    view: View = state.view
    if view.day_index >= len(data.days) or (view.province and view.province not in data.names):
        view = initial_view(data, {})
        state.view = view
    return view


def apply_selection(data: AppData, selection: MapSelection, *, token: object) -> View:
    """Take the map's report into the view, once per report (the value persists)."""
    state = st.session_state
    view: View = state.view
    if token is None or state.get("last_token") == token:
        return view
    state.last_token = token
    day_index = data.day_index(selection.date) if selection.date else view.day_index
    province = selection.province if selection.province is not None else view.province
    view = View(day_index, province, view.nav)
    state.view = view
    return view


def sync_url(data: AppData, view: View) -> None:
    wanted = {"date": data.days[view.day_index].isoformat()}
    if view.province:
        wanted["province"] = view.province
    render = st.query_params.get("render")
    if render:
        wanted["render"] = render
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


# --- page parts -------------------------------------------------------------------------------


def live_map(data: AppData, view: View, *, tiles: bool) -> View:
    payload = (
        tiled_payload(data.store_path, store_stamp(Path(data.store_path)))
        if tiles
        else data.payload
    )
    args = mapview.view_args(
        payload, day_index=view.day_index, province=view.province, nav=view.nav
    )
    value = _map_component(key=MAP_KEY, default=None, **args)
    selection = mapview.parse_component_value(value, isos=data.names)
    token = value.get("seq") if isinstance(value, Mapping) else None
    return apply_selection(data, selection, token=token)


def full_map(data: AppData, view: View, *, tiles: bool) -> View:
    """The baseline: a Streamlit slider and a folium map rebuilt on every change."""
    from streamlit_folium import st_folium

    day = st.select_slider(
        "Date",
        options=data.days,
        value=data.days[view.day_index],
        format_func=mapview.day_label,
        key="full-date",
    )
    view = View(data.days.index(day), view.province, view.nav)
    st.session_state.view = view
    headline(data, view)
    fmap = mapview.folium_map(
        geojson=geojson_for_folium(),
        day=data.timeline[view.day_index],
        capitals=data.capitals,
        selected=view.province,
        tiles_url=OSM_TILES if tiles else "",
        tiles_attribution=OSM_ATTRIBUTION if tiles else "",
    )
    value = st_folium(
        fmap,
        key=FULL_MAP_KEY,
        height=mapview.MAP_HEIGHT,
        use_container_width=True,
        returned_objects=["last_active_drawing"],
    )
    selection = mapview.parse_component_value(value, isos=data.names)
    if selection.province and selection.province != st.session_state.get("full_clicked"):
        st.session_state.full_clicked = selection.province
        view = View(view.day_index, selection.province, view.nav)
        st.session_state.view = view
    return view


def headline(data: AppData, view: View) -> None:
    day = data.days[view.day_index]
    st.markdown(
        f'<div data-testid="cm-headline" style="font-size:2rem;font-weight:700">'
        f"{html.escape(mapview.day_label(day))}</div>",
        unsafe_allow_html=True,
    )
    st.caption(mapview.count_line(data.timeline[view.day_index]))


def legend() -> None:
    rows = []
    for name in STATUS_ORDER:
        style = STATUS_STYLES[name]
        swatch = f"background:{style.fill};border:2px solid {style.edge};"
        if style.hatch:
            # CSS stand-in for the map's SVG hatch: stripes for claims, dots for fighting.
            pattern = (
                f"radial-gradient({style.edge} 1px, transparent 1.5px) 0 0/5px 5px"
                if mapview.HATCH_KINDS.get(style.hatch) == "dots"
                else f"repeating-linear-gradient(45deg,{style.edge} 0 2px,{style.fill} 2px 6px)"
            )
            swatch += f"background:{pattern},{style.fill};"
        if name in mapview.DASHED_STATUSES:
            swatch += "border-style:dashed;"
        rows.append(
            '<span style="display:inline-flex;align-items:center;gap:6px;margin-right:14px">'
            f'<span style="{html.escape(swatch)}display:inline-block;width:22px;height:14px">'
            f'</span><span title="{html.escape(style.description)}">'
            f"{html.escape(style.label)}</span></span>"
        )
    with st.container(key="legend"):
        st.markdown(f'<div data-testid="cm-legend">{"".join(rows)}</div>', unsafe_allow_html=True)


def captures_chart(data: AppData, view: View) -> None:
    """Provinces captured / claimed per day, a rule at the shown day (SVG: see geo.chart)."""
    shown = (Status.CAPTURED, Status.CLAIMED)
    counts = [_counts(day) for day in data.timeline]
    series = [
        Series(
            label=STATUS_STYLES[status.value].label,
            colour=STATUS_STYLES[status.value].edge
            if status == Status.CLAIMED
            else STATUS_STYLES[status.value].fill,
            dash=mapview.DASHED_STATUSES.get(status.value, ""),
            counts=tuple(day[status] for day in counts),
        )
        for status in shown
    ]
    with st.container(key="chart"):
        st.html(chart_img(counts_svg(data.days, series, shown=data.days[view.day_index])))


def _counts(day: Sequence[DayStatus]) -> dict[Status, int]:
    counts = dict.fromkeys(Status, 0)
    for status in day:
        counts[status.status] += 1
    return counts


# --- the quotes panel -------------------------------------------------------------------------


def quotes_panel(data: AppData, view: View) -> None:
    with st.container(key="quotes-panel", border=True):
        if view.province is None:
            st.markdown("**Click a province** to see the reports behind its colour.")
            return
        day = data.days[view.day_index]
        status = next(
            (s for s in data.timeline[view.day_index] if s.province_iso == view.province), None
        )
        panel = quotes.province_panel(
            view.province,
            day=day,
            day_status=status,
            facts=data.facts,
            undated=data.undated,
            local_events=data.local_events,
            articles=data.articles,
            name=data.names.get(view.province, ""),
        )
        panel_header(panel, day)
        if not panel.reported and not panel.later and not panel.local:
            st.caption("No article in the corpus reports on this province.")
        for quote in panel.reported:
            quote_card(quote)
        if panel.local:
            local_section(panel.local)
        if panel.later:
            st.markdown(f"**Later reports** (after {mapview.day_label(day)})")
            for quote in panel.later:
                quote_card(quote)


def local_section(quotes: Sequence[Quote]) -> None:
    with st.container(key="local-reports"):
        st.markdown(f"**{LOCAL_HEADING}**")
        st.caption(LOCAL_NOTE)
        for quote in quotes:
            quote_card(quote)


def panel_header(panel: ProvincePanel, day: dt.date) -> None:
    status = panel.status
    label = STATUS_STYLES[status.status.value].label if status else "No status"
    since = f" since {mapview.day_label(status.since)}" if status and status.since else ""
    st.html(
        f'<div data-testid="cm-panel-title" style="font-size:1.4rem;font-weight:700">'
        f"{html.escape(panel.name)}</div>"
        f'<div data-testid="cm-panel-status">{badge(status.status if status else Status.HELD)}'
        f" {html.escape(label + since)} · on {html.escape(mapview.day_label(day))}</div>"
    )
    if status:
        st.caption(f"Why this colour? {status.rule}")


def badge(status: Status) -> str:
    style = STATUS_STYLES[status.value]
    pattern = (
        f"background:repeating-linear-gradient(45deg,{style.edge}33 0 2px,{style.fill} 2px 6px);"
        if style.hatch
        else f"background:{style.fill};"
    )
    dark = status in (Status.CAPTURED, Status.RETAKEN)
    return (
        f'<span class="cm-badge" style="{pattern}border:1px solid {style.edge};'
        f"border-radius:4px;padding:0 6px;font-size:0.8rem;font-weight:600;"
        f'color:{"#fff" if dark else "#000"}">{html.escape(style.label)}</span>'
    )


def quote_card(quote: Quote) -> None:
    """One report; every piece of article text is escaped and shown through st.html."""
    text = (
        f"{_inert(quote.before)}<mark>{_inert(quote.place)}</mark>{_inert(quote.after)}"
        if quote.place
        else _inert(quote.before)
    )
    outlet = quote.outlet or "unknown outlet"
    article_date = mapview.day_label(quote.article_date) if quote.article_date else "undated"
    source = f"{_inert(outlet)} · {_inert(article_date)} · {_inert(quote.article_id)}"
    if quote.url:
        source += (
            f' · <a href="{html.escape(quote.url, quote=True)}" target="_blank" '
            f'rel="noopener noreferrer nofollow">link</a>'
        )
    title = f'<div style="font-weight:600">{_inert(quote.title)}</div>' if quote.title else ""
    also = "1 article" if quote.corroboration == 1 else f"{quote.corroboration} articles"
    st.html(
        '<div class="cm-quote" data-testid="cm-quote" style="border-left:3px solid #ccc;'
        'padding:2px 0 2px 8px;margin:6px 0">'
        f"{badge(quote.status)} "
        f'<span style="font-size:0.8rem;color:#555">reported by {_inert(also)}'
        f"{' · behind this colour' if quote.behind_colour else ''}</span>"
        f'{title}<blockquote style="margin:4px 0">{text}</blockquote>'
        f'<div style="font-size:0.8rem;color:#444">{source}</div>'
        f'<div style="font-size:0.8rem;color:#444">event date: '
        f"{_inert(quotes.describe_event_date(quote))}</div></div>"
    )


def _inert(text: str) -> str:
    # Escaped and whitespace-collapsed: st.html has no markdown/LaTeX, and DOMPurify sits
    # behind it, but nothing from an article should ever need either of them.
    # Runs of whitespace become one space but are not trimmed: the pieces around the
    # highlighted place keep their spaces ("had taken <mark>Farah</mark>, capital ...").
    return html.escape(_WHITESPACE.sub(" ", text or ""), quote=True)


# --- the rest of the page ---------------------------------------------------------------------


def downloads(data: AppData, view: View) -> None:
    """Exports are generated only when clicked (deferred data), so the slider stays fast."""
    day = data.timeline[view.day_index]
    stamp = data.days[view.day_index].isoformat()
    columns = st.columns(6)
    buttons = (
        ("PNG", f"controlmap-{stamp}.png", "image/png", lambda: _png(day)),
        ("GIF (all days)", "controlmap-timeline.gif", "image/gif", lambda: _gif(data)),
        ("HTML", f"controlmap-{stamp}.html", "text/html", lambda: _html(data, day)),
        ("GeoJSON", f"controlmap-{stamp}.geojson", "application/geo+json", lambda: _geojson(day)),
        ("Day CSV", f"controlmap-{stamp}.csv", "text/csv", lambda: _day_csv(day)),
        ("Events CSV", "controlmap-events.csv", "text/csv", lambda: _events_csv(data)),
    )
    for column, (label, file_name, mime, make) in zip(columns, buttons, strict=True):
        column.download_button(
            label,
            data=make,
            file_name=file_name,
            mime=mime,
            on_click="ignore",
            key=f"download-{label.split()[0].lower()}",
            width="stretch",
        )


def _png(day: Sequence[DayStatus]) -> bytes:
    from geo.snapshot import render_png

    return render_png(day, provinces=provinces_frame())


def _gif(data: AppData) -> bytes:
    from geo.snapshot import render_gif

    return render_gif(data.timeline, provinces=provinces_frame())


def _html(data: AppData, day: Sequence[DayStatus]) -> str:
    from geo.snapshot import render_html

    return render_html(
        day, provinces=provinces_frame(), events=data.events, articles=tuple(data.articles.values())
    )


def _geojson(day: Sequence[DayStatus]) -> str:
    import json

    from geo.snapshot import day_geojson

    return json.dumps(day_geojson(day, provinces=provinces_frame()), ensure_ascii=False)


def _day_csv(day: Sequence[DayStatus]) -> str:
    from geo.snapshot import day_csv

    return day_csv(day)


def _events_csv(data: AppData) -> str:
    from geo.snapshot import events_csv

    return events_csv(data.events, articles=tuple(data.articles.values()))


def undated_articles(data: AppData) -> None:
    by_article: dict[str, list[Event]] = {}
    for event in data.undated:
        by_article.setdefault(event.article_id, []).append(event)
    if not by_article:
        return
    with st.expander(f"{len(by_article)} article(s) could not be dated", expanded=False):
        st.caption("Their reports stay off the map until a dated article anchors them.")
        for article_id, events in sorted(by_article.items()):
            article = data.articles.get(article_id)
            title = article.title if article and article.title else article_id
            adds = sorted({f"{e.province}: {e.status.value}" for e in events})
            st.text(f"{title}\n  would add: {', '.join(adds)}")


def rejected_inputs(data: AppData) -> None:
    if not data.rejections:
        return
    import pandas as pd

    with st.expander(f"{len(data.rejections)} input file(s) rejected", expanded=False):
        st.dataframe(
            pd.DataFrame([{"file": r.origin, "reason": r.reason} for r in data.rejections]),
            hide_index=True,
            width="stretch",
        )


def settings() -> bool:
    """Sidebar: basemap tiles (off: the map is drawn offline) and the rebuild button."""
    with st.sidebar:
        st.header("Settings")
        tiles = st.toggle(
            "Basemap tiles (needs internet)",
            value=False,
            key="tiles",
            help="OpenStreetMap tiles under the provinces. Off by default: the map is "
            "complete without them and works offline.",
        )
        rebuild_button("sidebar")
    return tiles


def rebuild_button(where: str) -> None:
    if st.button("Rebuild from corpus", key=f"rebuild-{where}", help=f"Corpus: {CORPUS_DIR.name}"):
        rebuild()


def rebuild() -> None:
    path = store_path()
    with st.spinner("Building the store from the corpus…"):
        try:
            build_store(path)
        except Exception as error:  # the way out must never end in a traceback
            st.error(f"Rebuild failed: {error}")
            return
    load_app_data.clear()
    tiled_payload.clear()
    st.session_state.pop("view", None)
    st.rerun()


def data_or_message() -> AppData | None:
    """The data, or a clear message with a way out (never a traceback)."""
    path = store_path()
    if not path.exists():
        with st.spinner("First run: building the store from the bundled corpus…"):
            try:
                build_store(path, only_if_missing=True)
            except Exception as error:
                problem(f"Could not build the store at {path}: {error}")
                return None
    key = (str(path), store_stamp(path))
    try:
        data = load_app_data(*key)
    except AppDataError as error:
        problem(str(error))
        return None
    loaded_stores().add(key)
    return data


@st.cache_resource(show_spinner=False)
def loaded_stores() -> set[tuple[str, float]]:
    """(path, stamp) of every store this process has loaded: shared by all sessions."""
    return set()


def data_loaded() -> bool:
    """Whether the current store's data is already in this process (no wait for it)."""
    path = store_path()
    return (str(path), store_stamp(path)) in loaded_stores()


def problem(message: str) -> None:
    with st.container(key="data-problem"):
        st.warning(f"The map cannot be shown: {message}")
        st.write("Rebuilding reads the corpus again; a broken store is moved aside, not deleted.")
        rebuild_button("main")


def page() -> None:
    st.set_page_config(page_title="controlmap", page_icon=None, layout="wide")
    st.markdown(f"#### {APP_TITLE}")
    tiles = settings()
    full = st.query_params.get("render") == RENDER_FULL
    map_column, panel_column = st.columns([3, 2], gap="medium")
    primed = not full and not data_loaded()
    # Only a primed run (which may have to take its loading frame back) and the full render
    # go through an st.empty(). Sent again on every run, a placeholder replaces the live map
    # until the run reaches the map, and meanwhile the browser keeps the old frame as a
    # "retained" element, hidden unless focus is inside it. Under load the two arrive in
    # separate updates: the frame is hidden for a moment, its slider loses keyboard focus (the
    # next key press is lost) and a click there can miss it. So a steady run sends the
    # component straight into the column, in the placeholder's place (same key, same frame).
    map_slot = None
    if primed or full:
        with map_column:
            map_slot = st.empty()
    if primed:
        # A fresh process: send the map's frame first, without data, so the browser loads
        # Leaflet while the store is read and analysed; the rerun below gives the same frame
        # (same key, same place) its data.
        with map_slot:
            _map_component(key=MAP_KEY, default=None, **mapview.loading_args())
        timing_mark("frame_sent")
    data = data_or_message()
    if data is None:
        if map_slot is not None:
            map_slot.empty()
        return
    timing_mark("data_ready")
    if primed:
        st.rerun()
    view = current_view(data)
    with map_column:
        if full and map_slot is not None:
            with map_slot.container():
                view = full_map(data, view, tiles=tiles)
        else:
            view = live_map(data, view, tiles=tiles)
        timing_mark("map_sent")
        legend()
        captures_chart(data, view)
    with panel_column:
        quotes_panel(data, view)
    sync_url(data, view)
    downloads(data, view)
    undated_articles(data)
    rejected_inputs(data)
    timing_mark("script_end")


def main() -> None:
    try:
        page()
    except Exception as error:  # last resort: a message and the way out, never a traceback
        # (st.rerun/st.stop raise BaseException subclasses, which pass through untouched.)
        st.error(f"Something went wrong: {type(error).__name__}: {error}")
        rebuild_button("error")


main()
