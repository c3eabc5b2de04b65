"""geo.mapview (the map component's payload, capitals, the folium baseline) and geo.panel
(the quotes beside the map)."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import pytest

from geo import chart, mapview
from geo import panel as quotes
from geo.boundaries import provinces, provinces_geojson
from geo.style import STATUS_ORDER, STATUS_STYLES
from pipeline.records import Article, DayStatus, Event, Fact, Precision, Status

REPO_ROOT = Path(__file__).resolve().parents[1]
PROVINCE_COUNT = 34
DAYS = (dt.date(2021, 8, 10), dt.date(2021, 8, 11), dt.date(2021, 8, 12))
CHANGES = {  # (day index, iso) -> status; everything else is held
    (1, "AF-FRA"): Status.CAPTURED,
    (2, "AF-FRA"): Status.CAPTURED,
    (2, "AF-KAN"): Status.CLAIMED,
}


@pytest.fixture(scope="module")
def geojson():
    return provinces_geojson("AF", display=True)


@pytest.fixture(scope="module")
def frame():
    return provinces("AF", display=True)


@pytest.fixture(scope="module")
def timeline(geojson):
    names = {f["properties"]["iso"]: f["properties"]["name"] for f in geojson["features"]}
    return [
        [_day_status(day, iso, name, CHANGES.get((index, iso))) for iso, name in names.items()]
        for index, day in enumerate(DAYS)
    ]


def _day_status(day: dt.date, iso: str, name: str, status: Status | None) -> DayStatus:
    if status is None:
        return DayStatus(day, iso, name, Status.HELD, None, (), "no report")
    return DayStatus(day, iso, name, status, DAYS[1], ("a1",), f"{status.value}: 1 article")


def _event(
    *,
    quote: str = "The Taliban captured Farah city on Tuesday.",
    place: str = "Farah city",
    offset: int = 100,
    place_start: int | None = None,
    article: str = "a1",
    status: Status = Status.CAPTURED,
    day: dt.date | None = DAYS[1],
    iso: str = "AF-FRA",
    kind: str = "capital",
) -> Event:
    start = offset + quote.index(place) if place_start is None else place_start
    return Event(
        article_id=article,
        province_iso=iso,
        province="Farah" if iso == "AF-FRA" else iso,
        place=place,
        status=status,
        quote=quote,
        quote_start=offset,
        quote_end=offset + len(quote),
        place_start=start,
        place_end=start + len(place),
        event_date=day,
        date_precision=Precision.DAY if day else Precision.UNKNOWN,
        place_kind=kind,
    )


# --- the component payload --------------------------------------------------------------------


def test_payload_has_every_province_and_one_row_per_day(geojson, timeline):
    payload = mapview.map_payload(geojson=geojson, timeline=timeline)

    assert len(payload["isos"]) == PROVINCE_COUNT == len(set(payload["isos"]))
    assert payload["days"] == [day.isoformat() for day in DAYS]
    assert payload["labels"] == ["10 Aug 2021", "11 Aug 2021", "12 Aug 2021"]
    assert len(payload["statuses"]) == len(DAYS) == len(payload["counts"])
    assert all(len(row) == PROVINCE_COUNT for row in payload["statuses"])


def test_payload_rows_follow_the_timeline(geojson, timeline):
    payload = mapview.map_payload(geojson=geojson, timeline=timeline)
    farah, kandahar = payload["isos"].index("AF-FRA"), payload["isos"].index("AF-KAN")

    assert payload["statuses"][0][farah] == ["held", ""]
    assert payload["statuses"][1][farah] == ["captured", "11 Aug 2021"]
    assert payload["statuses"][2][kandahar] == ["claimed", "11 Aug 2021"]
    assert payload["counts"][2] == mapview.count_line(timeline[2])


def test_payload_is_json_and_keyed_by_what_is_drawn(geojson, timeline):
    payload = mapview.map_payload(geojson=geojson, timeline=timeline)
    again = mapview.map_payload(geojson=geojson, timeline=timeline)
    fewer = mapview.map_payload(geojson=geojson, timeline=timeline[:2])

    json.dumps(payload)  # the component receives it as JSON
    assert payload["data_key"] == again["data_key"] != fewer["data_key"]


def test_an_empty_timeline_is_refused(geojson):
    with pytest.raises(ValueError, match="no days"):
        mapview.map_payload(geojson=geojson, timeline=[])


def test_component_styles_come_from_the_palette():
    styles = mapview.component_styles()

    assert list(styles) == list(STATUS_ORDER)
    for name, style in styles.items():
        assert style["fill"] == STATUS_STYLES[name].fill
        assert style["edge"] == STATUS_STYLES[name].edge
        assert style["label"] == STATUS_STYLES[name].label


def test_a_claim_never_looks_like_a_capture():
    styles = mapview.component_styles()

    assert styles["claimed"]["fill"] != styles["captured"]["fill"]
    assert styles["claimed"]["hatch"] and not styles["captured"]["hatch"]
    assert styles["claimed"]["dash"] and not styles["captured"]["dash"]


def test_view_args_add_the_view_and_keep_the_payload(geojson, timeline):
    payload = mapview.map_payload(geojson=geojson, timeline=timeline)
    args = mapview.view_args(payload, day_index=1, province="AF-FRA", nav=3)

    assert (args["day_index"], args["province"], args["nav"]) == (1, "AF-FRA", 3)
    assert json.loads(args["payload"]) == json.loads(json.dumps(payload))
    assert args["data_key"] == payload["data_key"]


def test_view_args_are_scalars_only(geojson, timeline):
    # A list or dict argument makes Streamlit import pandas to check for a data frame.
    payload = mapview.map_payload(geojson=geojson, timeline=timeline)
    args = mapview.view_args(payload, day_index=0, province=None, nav=1)

    assert all(isinstance(value, str | int | bool | None) for value in args.values()), args
    assert all(isinstance(value, str | int | bool) for value in mapview.loading_args().values())


STATUS_ROW_CASES = [
    # (statuses on the day, isos asked for) -> row
    (((("AF-FRA", Status.CAPTURED),), ("AF-FRA",)), [["captured", "11 Aug 2021"]]),
    (((("AF-FRA", Status.CAPTURED),), ("AF-KAN",)), [["held", ""]]),
    (((), ("AF-FRA", "AF-KAN")), [["held", ""], ["held", ""]]),
]


@pytest.mark.parametrize(("case", "expected"), STATUS_ROW_CASES)
def test_status_row(case, expected):
    statuses, isos = case
    day = [_day_status(DAYS[2], iso, iso, status) for iso, status in statuses]
    assert mapview.status_row(day, isos) == expected


# --- parsing what comes back -------------------------------------------------------------------


PARSE_CASES = [
    ({"date": "2021-08-12", "province": "AF-FRA", "seq": 1}, (DAYS[2], "AF-FRA")),
    ({"date": "2021-99-99", "province": "XX-NOPE"}, (None, None)),
    ({"last_active_drawing": {"properties": {"iso": "AF-KAN"}}}, (None, "AF-KAN")),
    ({"last_active_drawing": "junk"}, (None, None)),
    (None, (None, None)),
    ("AF-FRA", (None, None)),
]


@pytest.mark.parametrize(("value", "expected"), PARSE_CASES)
def test_parse_component_value(value, expected):
    selection = mapview.parse_component_value(value, isos=("AF-FRA", "AF-KAN"))
    assert (selection.date, selection.province) == expected


PARSE_DAY_CASES = [
    ("2021-08-13", dt.date(2021, 8, 13)),
    (" 2021-08-13 ", dt.date(2021, 8, 13)),
    ("2021-99-99", None),
    ("yesterday", None),
    ("", None),
    (None, None),
    (20210813, None),
]


@pytest.mark.parametrize(("text", "expected"), PARSE_DAY_CASES)
def test_parse_day(text, expected):
    assert mapview.parse_day(text) == expected


# --- quotes -----------------------------------------------------------------------------------


def test_the_place_is_highlighted_when_offsets_agree():
    event = _event(quote="The Taliban captured Farah city on Tuesday.", place="Farah city")
    assert quotes.split_quote(event) == ("The Taliban captured ", "Farah city", " on Tuesday.")


@pytest.mark.parametrize("shift", [-200, -1, 1, 50])
def test_no_highlight_when_offsets_disagree(shift):
    quote = "The Taliban captured Farah city on Tuesday."
    event = _event(quote=quote, place="Farah city", place_start=100 + quote.index("Farah") + shift)
    assert quotes.split_quote(event) == (quote, "", "")


SAFE_URL_CASES = [
    ("https://example.org/a", "https://example.org/a"),
    ("  http://example.org/a ", "http://example.org/a"),
    ("javascript:alert(1)", ""),
    (" JavaScript:alert(1)", ""),
    ("data:text/html,<script>", ""),
    ("/relative/path", ""),
    ("https://", ""),
    ("", ""),
]


@pytest.mark.parametrize(("url", "expected"), SAFE_URL_CASES)
def test_safe_url(url, expected):
    assert quotes.safe_url(url) == expected


def _panel(day: dt.date, *, facts=(), undated=(), local=(), status=None):
    articles = {"a1": Article("a1", "text", date=DAYS[1], source="Wire", url="javascript:x")}
    return quotes.province_panel(
        "AF-FRA",
        day=day,
        day_status=status,
        facts=facts,
        undated=undated,
        local_events=local,
        articles=articles,
        name="Farah",
    )


def test_reports_after_the_day_are_kept_apart():
    early = _event(article="a1", day=DAYS[0])
    late = _event(article="a2", day=DAYS[2])
    fact = Fact("AF-FRA", "Farah", Status.CAPTURED, DAYS[0], Precision.DAY, (early, late))
    panel = _panel(DAYS[1], facts=[fact])

    assert [q.article_id for q in panel.reported] == ["a1"]
    assert [q.article_id for q in panel.later] == ["a2"]
    assert panel.reported[0].corroboration == 2
    assert panel.reported[0].url == ""  # javascript: never becomes a link


def test_sources_of_the_colour_come_first():
    first, second = _event(article="a2", day=DAYS[0]), _event(article="a1", day=DAYS[1])
    fact = Fact("AF-FRA", "Farah", Status.CAPTURED, DAYS[0], Precision.DAY, (first, second))
    status = DayStatus(DAYS[2], "AF-FRA", "Farah", Status.CAPTURED, DAYS[0], ("a1",), "rule")
    panel = _panel(DAYS[2], facts=[fact], status=status)

    assert [(q.article_id, q.behind_colour) for q in panel.reported] == [
        ("a1", True),
        ("a2", False),
    ]


def test_only_the_fact_that_sets_the_colour_is_behind_it():
    # One article reports the fight and then the fall: the fight is not why it is red, and
    # neither is an earlier captured episode ended by a retake.
    fight = _event(
        article="a1", status=Status.CONTESTED, day=DAYS[0], quote="Fighting in Farah city."
    )
    fall = _event(article="a1", day=DAYS[2])
    old = _event(article="a1", day=DAYS[0], quote="Farah city fell last month.")
    contested = Fact("AF-FRA", "Farah", Status.CONTESTED, DAYS[0], Precision.DAY, (fight,))
    first = Fact(
        "AF-FRA", "Farah", Status.CAPTURED, DAYS[0] - dt.timedelta(days=9), Precision.DAY, (old,)
    )
    second = Fact("AF-FRA", "Farah", Status.CAPTURED, DAYS[2], Precision.DAY, (fall,))
    status = DayStatus(DAYS[2], "AF-FRA", "Farah", Status.CAPTURED, DAYS[2], ("a1",), "rule")
    panel = _panel(DAYS[2], facts=[contested, first, second], status=status)

    behind = {(q.status, q.before + q.place + q.after): q.behind_colour for q in panel.reported}
    assert behind == {
        (Status.CAPTURED, fall.quote): True,
        (Status.CONTESTED, fight.quote): False,
        (Status.CAPTURED, old.quote): False,
    }


def test_towns_and_districts_up_to_the_day_are_listed_apart():
    district = _event(
        quote="The Taliban took Bala Buluk district.",
        place="Bala Buluk",
        kind="town",
        day=DAYS[1],
    )
    later = _event(quote="The Taliban took Anar Dara.", place="Anar Dara", kind="town", day=DAYS[2])
    elsewhere = _event(iso="AF-KAN", place="Spin Boldak", quote="Spin Boldak fell.", kind="town")
    panel = _panel(DAYS[1], local=[district, later, elsewhere])

    assert [q.place for q in panel.local] == ["Bala Buluk"]
    assert panel.reported == () and panel.later == ()
    assert not panel.local[0].behind_colour


def test_local_corroboration_counts_articles_per_place():
    one = _event(quote="Taliban took Bala Buluk.", place="Bala Buluk", kind="town", article="a1")
    two = _event(quote="Then bala  BULUK fell.", place="bala  BULUK", kind="town", article="a2")
    panel = _panel(DAYS[2], local=[one, two])

    assert [q.corroboration for q in panel.local] == [2, 2]


def test_undated_reports_count_as_reported():
    undated = _event(day=None)
    panel = _panel(DAYS[0], undated=[undated])

    assert len(panel.reported) == 1 and panel.reported[0].event_date is None
    assert quotes.describe_event_date(panel.reported[0]) == "no date"


# --- capitals ---------------------------------------------------------------------------------


def test_every_province_has_a_capital_on_land(frame):
    capitals = mapview.capitals_from_rows(frame.drop(columns="geometry").to_dict("records"))

    assert len(capitals) == PROVINCE_COUNT
    by_iso = {capital.iso: capital for capital in capitals}
    assert by_iso["AF-FRA"].name == "Farah"
    for capital in capitals:
        assert 29 < capital.lat < 39 and 60 < capital.lon < 75, capital


CAPITAL_ROW_CASES = [
    ({"iso": "AF-X", "capital": "Town", "capital_lat": 34.0, "capital_lon": 66.0}, 1),
    ({"iso": "AF-X", "capital": "Town", "capital_lat": float("nan"), "capital_lon": 66.0}, 0),
    ({"iso": "AF-X", "capital": "", "capital_lat": 34.0, "capital_lon": 66.0}, 0),
    ({"iso": "AF-X", "capital": "Town", "capital_lat": None, "capital_lon": 66.0}, 0),
    ({"iso": "AF-X", "capital": "Town", "capital_lat": "34", "capital_lon": 66.0}, 0),
]


@pytest.mark.parametrize(("row", "count"), CAPITAL_ROW_CASES)
def test_capitals_without_coordinates_are_skipped(row, count):
    assert len(mapview.capitals_from_rows([row])) == count


def test_capitals_from_the_gazetteer_table_match_the_boundaries(frame):
    # The app reads capitals straight from the table (no pandas); the boundary loader joins
    # the same table to the polygons: both must give the same markers.
    text = (resources.files("geo") / "data" / "af_gazetteer.tsv").read_text(encoding="utf-8")
    from_table = mapview.capitals_from_table(text)
    from_frame = mapview.capitals_from_rows(frame.drop(columns="geometry").to_dict("records"))

    assert from_table == from_frame
    assert len(from_table) == PROVINCE_COUNT


HEADER = "iso\tname\tkind\tlat\tlon\taliases\tsource\n"
CAPITAL_TABLE_CASES = [
    ("AF-FRA\tFarah\tcapital\t32.37\t62.11\t\tx\n", [("AF-FRA", "Farah", 32.37, 62.11)]),
    ("AF-FRA\tFarah\tprovince\t\t\t\tx\n", []),  # a province row is no capital
    ("AF-FRA\tShindand\ttown\t33.3\t62.1\t\tx\n", []),
    ("AF-FRA\tFarah\tcapital\t\t62.11\t\tx\n", []),  # no latitude: no marker
    ("AF-FRA\tFarah\tcapital\tnorth\t62.11\t\tx\n", []),
    ("\tFarah\tcapital\t32.37\t62.11\t\tx\n", []),  # no province to attach it to
    (" AF-FRA \t Farah \t capital \t32.37\t62.11\t\tx\n", [("AF-FRA", "Farah", 32.37, 62.11)]),
]


@pytest.mark.parametrize(("rows", "expected"), CAPITAL_TABLE_CASES)
def test_capitals_from_table(rows, expected):
    capitals = mapview.capitals_from_table(HEADER + rows)
    assert [(c.iso, c.name, c.lat, c.lon) for c in capitals] == expected


# --- what the app's first map costs -------------------------------------------------------------

HEAVY_MODULES = ("pandas", "geopandas", "folium", "altair", "matplotlib", "pyarrow")


def test_the_live_map_needs_no_heavy_library():
    # The cold start's budget: the map's payload and the panel must not import the data-frame
    # or plotting stacks (they cost seconds on a busy machine); only exports and ?render=full do.
    code = (
        "import sys\n"
        "from geo import chart, mapview, panel\n"
        "from geo.boundaries import provinces_geojson\n"
        "provinces_geojson('AF', display=True)\n"
        f"print(sorted(m for m in {HEAVY_MODULES!r} if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO_ROOT
    )
    assert result.stdout.strip() == "[]"


# --- the folium baseline ----------------------------------------------------------------------


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag == "script" and found.get("src"):
            self.urls.append(found["src"])
        if tag == "link" and found.get("href"):
            self.urls.append(found["href"])


def _folium_html(geojson, timeline, frame, **options) -> str:
    capitals = mapview.capitals_from_rows(frame.drop(columns="geometry").to_dict("records"))
    fmap = mapview.folium_map(geojson=geojson, day=timeline[2], capitals=capitals, **options)
    return fmap.get_root().render()


def test_the_folium_map_loads_only_the_vendored_leaflet(geojson, timeline, frame):
    page = _folium_html(geojson, timeline, frame, selected="AF-FRA")
    assets = _Assets()
    assets.feed(page)

    assert assets.urls, "the map should load Leaflet"
    assert all(url.startswith(mapview.STATIC_URL + "/") for url in assets.urls), assets.urls
    assert not re.search(r"(?i)\bhttps?://[^\"'\s]*\.(?:js|css)\b", page)


def test_the_folium_map_has_no_tiles_unless_asked(geojson, timeline, frame):
    assert "tile.openstreetmap" not in _folium_html(geojson, timeline, frame)
    tiled = _folium_html(geojson, timeline, frame, tiles_url="https://tiles.test/{z}/{x}/{y}.png")
    assert "tiles.test" in tiled


def test_folium_tooltips_are_escaped(timeline, frame):
    geojson = provinces_geojson("AF", display=True)
    geojson["features"][0]["properties"]["name"] = "<img src=x onerror=alert(1)>"
    page = _folium_html(geojson, timeline, frame)

    assert "<img src=x" not in page
    # folium writes the GeoJSON as JSON, which spells "&" as \u0026.
    assert "\\u0026lt;img src=x onerror=alert(1)\\u0026gt;" in page


def test_claimed_and_captured_fill_differently_in_folium():
    captured = DayStatus(DAYS[2], "AF-FRA", "Farah", Status.CAPTURED, DAYS[1], ("a",), "r")
    claimed = DayStatus(DAYS[2], "AF-FRA", "Farah", Status.CLAIMED, DAYS[1], ("a",), "r")

    captured_style = mapview._folium_style(captured, selected=False)
    claimed_style = mapview._folium_style(claimed, selected=False)
    assert captured_style["fillColor"] != claimed_style["fillColor"]
    assert "dashArray" in claimed_style and "dashArray" not in captured_style
    assert mapview._folium_style(claimed, selected=True)["color"] == mapview.SELECTED_EDGE


# --- the captures chart (geo.chart) -------------------------------------------------------------

TICK_CASES = [(0, 1, 1), (1, 1, 1), (4, 1, 4), (5, 2, 6), (9, 5, 10), (34, 10, 40), (120, 50, 150)]


@pytest.mark.parametrize(("value", "step", "top"), TICK_CASES)
def test_axis_top_and_step(value, step, top):
    assert chart.tick_step(max(value, 1)) == step
    assert chart.nice_top(value) == top


def _series(counts, label="Captured", dash=""):
    return chart.Series(label=label, colour="#D55E00", dash=dash, counts=tuple(counts))


def _points(svg: str, label: str) -> list[tuple[float, float]]:
    match = re.search(rf'<polyline points="([^"]*)"[^>]*data-series="{label}"', svg)
    return [tuple(map(float, pair.split(","))) for pair in match.group(1).split()]


def test_the_chart_draws_one_point_per_day_and_the_rule_at_the_day():
    days = [DAYS[0] + dt.timedelta(days=i) for i in range(5)]
    svg = chart.counts_svg(
        days, [_series([0, 1, 1, 3, 9]), _series([0, 0, 2, 2, 1], "Claimed", "4 3")], shown=days[2]
    )

    captured = _points(svg, "Captured")
    assert len(captured) == 5
    assert [x for x, _ in captured] == sorted(x for x, _ in captured)
    heights = [y for _, y in captured]  # SVG y grows downwards
    assert heights[0] == chart.HEIGHT - chart.MARGIN_BOTTOM
    assert heights[4] < heights[3] < heights[1] == heights[2] < heights[0]
    assert svg.count('data-day="') == 1 and f'data-day="{days[2].isoformat()}"' in svg
    assert 'stroke-dasharray="4 3" data-series="Claimed"' in svg


def test_the_chart_has_no_rule_for_a_day_outside_it_and_thins_its_labels():
    days = [DAYS[0] + dt.timedelta(days=i) for i in range(31)]
    svg = chart.counts_svg(days, [_series(range(31))], shown=DAYS[0] - dt.timedelta(days=1))

    assert "data-day=" not in svg
    assert len(re.findall(r'text-anchor="middle"', svg)) <= chart.MAX_X_LABELS + 1


@pytest.mark.parametrize(
    ("days", "counts"), [((), ()), ((DAYS[0],), (1, 2)), ((DAYS[0], DAYS[1]), (1,))]
)
def test_the_chart_refuses_counts_that_do_not_match_the_days(days, counts):
    with pytest.raises(chart.ChartError):
        chart.counts_svg(list(days), [_series(counts)], shown=DAYS[0])


def test_chart_labels_are_escaped():
    svg = chart.counts_svg([DAYS[0]], [_series([1], label="<b>x</b>")], shown=DAYS[0])
    assert "<b>" not in svg and "&lt;b&gt;x&lt;/b&gt;" in svg
