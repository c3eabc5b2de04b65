"""geo.mapview: the map component's payload, the panel's quotes, capitals, the folium baseline."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser

import pytest

from geo import mapview
from geo.boundaries import provinces, provinces_geojson
from geo.style import STATUS_ORDER, STATUS_STYLES
from pipeline.records import Article, DayStatus, Event, Fact, Precision, Status

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
    assert {key: args[key] for key in payload} == payload


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
    assert mapview.split_quote(event) == ("The Taliban captured ", "Farah city", " on Tuesday.")


@pytest.mark.parametrize("shift", [-200, -1, 1, 50])
def test_no_highlight_when_offsets_disagree(shift):
    quote = "The Taliban captured Farah city on Tuesday."
    event = _event(quote=quote, place="Farah city", place_start=100 + quote.index("Farah") + shift)
    assert mapview.split_quote(event) == (quote, "", "")


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
    assert mapview.safe_url(url) == expected


def _panel(day: dt.date, *, facts=(), undated=(), local=(), status=None):
    articles = {"a1": Article("a1", "text", date=DAYS[1], source="Wire", url="javascript:x")}
    return mapview.province_panel(
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
    assert mapview.describe_event_date(panel.reported[0]) == "no date"


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
