"""Snapshot exports (issue #4): PNG, GIF, standalone HTML, GeoJSON and CSV of the seed analysis.

Colours are checked where they land: each province's representative point is projected with
the renderer's own axes transform and the pixel there must be its status's fill from
``geo.style``, so a mislabelled or mis-quantised colour fails here, not in a report.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections import Counter
from html.parser import HTMLParser

import geopandas
import numpy as np
import pytest
import shapely
from PIL import Image, ImageSequence

from corpus.load import load_corpus
from geo import snapshot
from geo.boundaries import provinces
from geo.gazetteer import load_gazetteer
from geo.legend import NO_DATA_STYLE, format_day, style_for
from geo.style import STATUS_STYLES
from pipeline.records import DayStatus, Status
from pipeline.run import Analysis, analyse

SEED_CORPUS = "corpus/afghanistan-2021"
PROVINCE_COUNT = 34
MIN_PNG_WIDTH = 800
CLAIM_DAY = dt.date(2021, 8, 13)  # the seed's last day: captures and claims side by side
# Pixels either side of a sampled point: wide enough to see past a hatch line, narrow
# enough to stay inside the smallest province.
SAMPLE_RADIUS = 2
# Degrees around a capital (its dot, and its label up and to the right) that a sample
# point avoids, since changed provinces carry a haloed name there.
MIN_QUOTE_WORDS_CHARS = 20
LABEL_BOX = (-0.25, -0.25, 1.6, 0.45)  # west, south, east, north of the capital


@pytest.fixture(scope="module")
def frame() -> geopandas.GeoDataFrame:
    return provinces()


@pytest.fixture(scope="module")
def analysis(frame: geopandas.GeoDataFrame) -> Analysis:
    corpus = load_corpus([SEED_CORPUS])
    return analyse(
        corpus.articles,
        gazetteer=load_gazetteer(),
        provinces=dict(zip(frame.iso, frame.name, strict=True)),
    )


@pytest.fixture(scope="module")
def claim_day(analysis: Analysis) -> list[DayStatus]:
    return analysis.day(CLAIM_DAY)


@pytest.fixture(scope="module")
def png_image(claim_day, frame) -> Image.Image:
    return Image.open(io.BytesIO(snapshot.render_png(claim_day, provinces=frame))).convert("RGB")


@pytest.fixture(scope="module")
def gif_frames(analysis, frame) -> list[Image.Image]:
    days = [analysis.day(day) for day in analysis.days]
    gif = Image.open(io.BytesIO(snapshot.render_gif(days, provinces=frame)))
    return [image.convert("RGB") for image in ImageSequence.Iterator(gif)]


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def _pixels_of_provinces(frame, *, dpi: int) -> dict[str, tuple[int, int]]:
    """Image (column, row) of each province's representative point, as the renderer draws it."""
    # The private figure class is the renderer itself: same axes, limits and aspect.
    figure = snapshot._MapFigure(
        snapshot._prepare(frame),
        title="",
        source_line="",
        dpi=dpi,
        labels="none",
        include_no_data=False,
    )
    figure.canvas.draw()
    height = figure.canvas.get_width_height()[1]
    points = geopandas.GeoSeries(
        [_away_from_label(row) for row in frame.itertuples()], crs=frame.crs
    )
    display = figure.axes.transData.transform(np.column_stack([points.x, points.y]))
    return {
        str(iso): (round(x), round(height - y))
        for iso, (x, y) in zip(frame.iso, display, strict=True)
    }


def _away_from_label(row) -> shapely.Point:
    west, south, east, north = LABEL_BOX
    label = shapely.box(
        row.capital_lon + west,
        row.capital_lat + south,
        row.capital_lon + east,
        row.capital_lat + north,
    )
    rest = row.geometry.difference(label)
    return (rest if not rest.is_empty else row.geometry).representative_point()


def _dominant_colour(image: Image.Image, column: int, row: int) -> tuple[int, int, int]:
    box = (
        column - SAMPLE_RADIUS,
        row - SAMPLE_RADIUS,
        column + SAMPLE_RADIUS + 1,
        row + SAMPLE_RADIUS + 1,
    )
    return Counter(image.crop(box).get_flattened_data()).most_common(1)[0][0]


def _colour_counts(image: Image.Image) -> Counter[tuple[int, int, int]]:
    return Counter(image.get_flattened_data())


# --------------------------------------------------------------------------- PNG


def test_png_is_a_decodable_image_of_report_size(claim_day, frame):
    data = snapshot.render_png(claim_day, provinces=frame)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(data))
    image.verify()
    width, height = Image.open(io.BytesIO(data)).size
    assert width >= MIN_PNG_WIDTH
    assert 0.5 < height / width < 1.0


def test_png_colours_every_province_with_its_status_fill(claim_day, frame):
    # Without names: a neighbour's capital label may cover a small province's sample point.
    data = snapshot.render_png(claim_day, provinces=frame, labels="none")
    png_image = Image.open(io.BytesIO(data)).convert("RGB")
    by_iso = {status.province_iso: status for status in claim_day}
    pixels = _pixels_of_provinces(frame, dpi=snapshot.DEFAULT_DPI)
    wrong = {
        iso: (str(by_iso[iso].status), _dominant_colour(png_image, *pixel))
        for iso, pixel in pixels.items()
        if _dominant_colour(png_image, *pixel) != _rgb(style_for(by_iso[iso].status).fill)
    }
    assert wrong == {}


def test_png_shows_a_claim_in_a_different_colour_from_a_capture(png_image, claim_day, frame):
    by_iso = {status.province_iso: status for status in claim_day}
    assert by_iso["AF-FRA"].status == Status.CAPTURED
    assert by_iso["AF-BDG"].status == Status.CLAIMED
    pixels = _pixels_of_provinces(frame, dpi=snapshot.DEFAULT_DPI)
    farah = _dominant_colour(png_image, *pixels["AF-FRA"])
    badghis = _dominant_colour(png_image, *pixels["AF-BDG"])
    assert farah == _rgb(STATUS_STYLES["captured"].fill)
    assert badghis == _rgb(STATUS_STYLES["claimed"].fill)
    assert farah != badghis
    # The claim is hatched in the capture's edge colour, so it never reads as a flat capture.
    region = png_image.crop(
        (
            pixels["AF-BDG"][0] - 8,
            pixels["AF-BDG"][1] - 8,
            pixels["AF-BDG"][0] + 9,
            pixels["AF-BDG"][1] + 9,
        )
    )
    assert _rgb(STATUS_STYLES["claimed"].edge) in _colour_counts(region)


def test_png_legend_shows_every_status_even_when_absent(png_image, claim_day):
    present = {str(status.status) for status in claim_day}
    assert "retaken" not in present  # so the legend swatch is the only place it can appear
    colours = _colour_counts(png_image)
    for style in STATUS_STYLES.values():
        assert colours[_rgb(style.fill)] > 0, style.status


def test_png_marks_missing_provinces_as_no_data_not_held(claim_day, frame):
    partial = [status for status in claim_day if status.province_iso != "AF-FRA"]
    image = Image.open(io.BytesIO(snapshot.render_png(partial, provinces=frame))).convert("RGB")
    pixel = _pixels_of_provinces(frame, dpi=snapshot.DEFAULT_DPI)["AF-FRA"]
    assert _dominant_colour(image, *pixel) == _rgb(NO_DATA_STYLE.fill)


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("empty day", "no province statuses"),
        ("two dates", "one date"),
        ("repeated province", "two statuses"),
        ("unknown province", "missing from the polygons"),
    ],
)
def test_inconsistent_days_are_refused(case, expected, claim_day, frame):
    first = claim_day[0]
    days = {
        "empty day": [],
        "two dates": [first, DayStatus(**{**_fields(first), "date": dt.date(2021, 8, 1)})],
        "repeated province": [first, first],
        "unknown province": [DayStatus(**{**_fields(first), "province_iso": "AF-XXX"})],
    }
    with pytest.raises(snapshot.SnapshotError, match=expected):
        snapshot.render_png(days[case], provinces=frame)


def _fields(status: DayStatus) -> dict[str, object]:
    return {name: getattr(status, name) for name in DayStatus.__slots__}


# --------------------------------------------------------------------------- GIF


def test_gif_has_one_frame_per_day(gif_frames, analysis):
    assert len(analysis.days) > 1
    assert len(gif_frames) == len(analysis.days)


def test_gif_frames_colour_provinces_by_their_day(gif_frames, analysis, frame):
    pixels = _pixels_of_provinces(frame, dpi=snapshot.GIF_DPI)
    for day, image in zip(analysis.days, gif_frames, strict=True):
        by_iso = {status.province_iso: status for status in analysis.day(day)}
        for iso in ("AF-FRA", "AF-BDG", "AF-NIM"):
            expected = _rgb(style_for(by_iso[iso].status).fill)
            assert _dominant_colour(image, *pixels[iso]) == expected, (day, iso)


def test_gif_frames_change_where_farah_changes(gif_frames, analysis, frame):
    statuses = [
        next(s.status for s in analysis.day(day) if s.province_iso == "AF-FRA")
        for day in analysis.days
    ]
    change = next(i for i in range(1, len(statuses)) if statuses[i] != statuses[i - 1])
    pixel = _pixels_of_provinces(frame, dpi=snapshot.GIF_DPI)["AF-FRA"]
    before = _dominant_colour(gif_frames[change - 1], *pixel)
    after = _dominant_colour(gif_frames[change], *pixel)
    assert before != after


def test_every_gif_frame_keeps_the_legend_colours_exact(gif_frames):
    # An adaptive palette per frame used to drop the fills of statuses absent that day,
    # leaving legend swatches in colours the map never uses.
    for index, image in enumerate(gif_frames):
        colours = _colour_counts(image)
        missing = [s.status for s in STATUS_STYLES.values() if colours[_rgb(s.fill)] == 0]
        assert missing == [], index


def test_every_gif_frame_has_its_own_date(gif_frames):
    # The date sits top left; consecutive days must differ there and the first frame
    # must not be blank.
    width, height = gif_frames[0].size
    date_box = (0, int(height * 0.08), int(width * 0.5), int(height * 0.17))
    crops = [np.asarray(image.crop(date_box)) for image in gif_frames]
    assert (crops[0] < 100).any()  # dark date glyphs present
    for index in range(1, len(crops)):
        assert not np.array_equal(crops[index - 1], crops[index]), index


def test_gif_refuses_an_empty_timeline(frame):
    with pytest.raises(snapshot.SnapshotError, match="no days"):
        snapshot.render_gif([], provinces=frame)


# --------------------------------------------------------------------------- HTML


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag in {"script", "style"}

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if not self._in_script:
            self.text.append(data)


def _parsed(page: str) -> _PageParser:
    parser = _PageParser()
    parser.feed(page)
    parser.close()
    return parser


@pytest.fixture(scope="module")
def html_page(claim_day, frame, analysis) -> str:
    return snapshot.render_html(
        claim_day, provinces=frame, events=analysis.events, articles=analysis.articles
    )


def test_html_loads_nothing_from_the_network(html_page):
    parser = _parsed(html_page)
    external = [
        (tag, attrs)
        for tag, attrs in parser.tags
        for name in ("src", "href")
        if (attrs.get(name) or "").lower().startswith(("http:", "https:", "//"))
        and tag != "a"  # article links are for the reader, not loaded by the page
    ]
    assert external == []
    assert not any(tag == "script" and attrs.get("src") for tag, attrs in parser.tags)
    assert not any(tag == "link" for tag, _ in parser.tags)
    assert "L.map(" in html_page  # Leaflet's own code is inlined, not referenced


def test_html_holds_every_province_and_the_legend(html_page, frame):
    for name in frame.name:
        assert json.dumps(str(name))[1:-1] in html_page, name
    text = " ".join(_parsed(html_page).text)
    assert "Status on this date" in text
    for style in STATUS_STYLES.values():
        assert style.label in text
    assert format_day(CLAIM_DAY) in text


def test_html_quotes_the_sentences_behind_a_colour(html_page, analysis):
    quoted = [e for e in analysis.events if e.province_iso == "AF-BDG"]
    assert quoted
    # Popups travel as escaped HTML inside JSON: look for a plain-words stretch of the quote.
    words = max(re.findall(r"[A-Za-z ]+", quoted[0].quote), key=len)
    assert len(words) >= MIN_QUOTE_WORDS_CHARS
    assert words in html_page


# --------------------------------------------------------------------------- GeoJSON / CSV


def test_geojson_round_trips_through_geopandas(claim_day, frame):
    collection = snapshot.day_geojson(claim_day, provinces=frame)
    parsed = geopandas.GeoDataFrame.from_features(json.loads(json.dumps(collection)))
    assert len(parsed) == PROVINCE_COUNT
    assert parsed.geometry.is_valid.all()
    assert not parsed.geometry.is_empty.any()
    expected = {status.province_iso: str(status.status) for status in claim_day}
    assert dict(zip(parsed["iso"], parsed["status"], strict=True)) == expected


def test_geojson_leaves_an_unreported_province_without_status(claim_day, frame):
    partial = [status for status in claim_day if status.province_iso != "AF-FRA"]
    features = snapshot.day_geojson(partial, provinces=frame)["features"]
    farah = next(f for f in features if f["id"] == "AF-FRA")
    assert farah["properties"]["status"] is None
    assert farah["properties"]["sources"] == []


def test_day_csv_has_a_header_and_one_row_per_province(claim_day):
    rows = list(csv.DictReader(io.StringIO(snapshot.day_csv(claim_day))))
    assert len(rows) == PROVINCE_COUNT
    assert tuple(rows[0]) == snapshot.DAY_CSV_FIELDS
    by_iso = {row["province_iso"]: row for row in rows}
    farah = next(s for s in claim_day if s.province_iso == "AF-FRA")
    assert by_iso["AF-FRA"]["status"] == "captured"
    assert by_iso["AF-FRA"]["sources"].split(snapshot.SOURCE_SEPARATOR) == list(farah.sources)
    assert by_iso["AF-FRA"]["since"] == farah.since.isoformat()


def test_events_csv_has_one_row_per_event(analysis):
    rows = list(csv.DictReader(io.StringIO(snapshot.events_csv(analysis.events))))
    assert len(rows) == len(analysis.events)
    articles = {article.article_id: article for article in analysis.articles}
    text = snapshot.events_csv(analysis.events, articles=analysis.articles)
    for event, row in zip(analysis.events, csv.DictReader(io.StringIO(text)), strict=True):
        assert row["quote"] == event.quote
        assert row["source"] == articles[event.article_id].source
        assert articles[event.article_id].text[event.quote_start : event.quote_end] == event.quote


# --------------------------------------------------------------------------- determinism


def test_text_exports_are_deterministic(claim_day, frame, analysis):
    def exports() -> tuple[str, ...]:
        return (
            snapshot.day_csv(claim_day),
            snapshot.day_csv(list(reversed(claim_day))),
            snapshot.events_csv(analysis.events, articles=analysis.articles),
            json.dumps(snapshot.day_geojson(claim_day, provinces=frame)),
            snapshot.render_html(
                claim_day, provinces=frame, events=analysis.events, articles=analysis.articles
            ),
        )

    first, second = exports(), exports()
    assert first == second
    assert first[0] == first[1]  # input order does not leak into the CSV


def test_png_and_gif_are_byte_identical_across_runs(claim_day, analysis, frame):
    first = snapshot.render_png(claim_day, provinces=frame)
    snapshot._PREPARED_CACHE.clear()  # a cold geometry cache must draw the same bytes
    assert snapshot.render_png(claim_day, provinces=frame) == first
    assert b"tEXtSoftware" not in first  # no matplotlib version stamped into the file
    days = [analysis.day(day) for day in analysis.days[-2:]]
    assert snapshot.render_gif(days, provinces=frame) == snapshot.render_gif(days, provinces=frame)
