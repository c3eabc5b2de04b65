"""Hostile article text in the exports (issue #5): nothing from the data runs or gets evaluated.

Every string a user's corpus controls (title, source, URL, quote, rule, place and province
names) carries payloads for HTML, JavaScript URLs, HTML entities, matplotlib mathtext,
template braces and spreadsheet formulas. The exports must show them as text.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
from html.parser import HTMLParser

import geopandas
import pytest
from PIL import Image

from geo import snapshot
from geo.boundaries import provinces
from pipeline import tables
from pipeline.records import Article, DayStatus, Event, Precision, Status

DAY = dt.date(2021, 8, 13)
TARGET_ISO = "AF-FRA"
SCRIPT_PAYLOAD = "<script>window.__pwned=1</script>"
IMG_PAYLOAD = "<img src=x onerror=window.__pwned=1>"
JS_URL = "javascript:window.__pwned=1"
ENTITY_PAYLOAD = "Tom &amp; Jerry &lt;b&gt;"
MATH_PAYLOAD = r"$\alpha$ costs $5 and $\notacommand{$"
TEMPLATE_PAYLOAD = "{{ 7*7 }} {% raw %} ${x}"
HOSTILE = f"{SCRIPT_PAYLOAD} {IMG_PAYLOAD} {ENTITY_PAYLOAD} {MATH_PAYLOAD} {TEMPLATE_PAYLOAD}"
FORMULAS = ('=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", " =1")


@pytest.fixture(scope="module")
def hostile_frame() -> geopandas.GeoDataFrame:
    frame = provinces().copy()
    target = frame["iso"] == TARGET_ISO
    frame.loc[target, "name"] = HOSTILE
    frame.loc[target, "capital"] = MATH_PAYLOAD
    return frame


@pytest.fixture(scope="module")
def hostile_day(hostile_frame) -> list[DayStatus]:
    day = []
    for iso, name in zip(hostile_frame.iso, hostile_frame.name, strict=True):
        hostile = iso == TARGET_ISO
        day.append(
            DayStatus(
                date=DAY,
                province_iso=iso,
                province=name,
                status=Status.CAPTURED if hostile else Status.HELD,
                since=DAY if hostile else None,
                sources=("evil", "=cmd|' /C calc'!A0") if hostile else (),
                rule=HOSTILE if hostile else "no reported change",
            )
        )
    return day


@pytest.fixture(scope="module")
def hostile_articles() -> tuple[Article, ...]:
    return (
        Article(
            article_id="evil",
            text=HOSTILE,
            date=DAY,
            source=IMG_PAYLOAD,
            url=JS_URL,
            title=SCRIPT_PAYLOAD + TEMPLATE_PAYLOAD,
        ),
        Article(
            article_id="=cmd|' /C calc'!A0",
            text=HOSTILE,
            source="=1+1",
            url=" JaVaScRiPt:window.__pwned=1",
            title="@SUM(A1)",
        ),
    )


@pytest.fixture(scope="module")
def hostile_events() -> tuple[Event, ...]:
    return tuple(
        Event(
            article_id=article_id,
            province_iso=TARGET_ISO,
            province=HOSTILE,
            place=place,
            status=Status.CAPTURED,
            quote=quote,
            quote_start=0,
            quote_end=len(quote),
            place_start=0,
            place_end=len(place),
            event_date=DAY,
            date_precision=Precision.DAY,
            date_basis=formula,
            date_phrase=formula,
            manner=formula,
            attribution=formula,
        )
        for article_id, place, quote, formula in (
            ("evil", IMG_PAYLOAD, HOSTILE, "=1+1"),
            ("=cmd|' /C calc'!A0", "@SUM(A1)", "-2+3 " + SCRIPT_PAYLOAD, "+1"),
        )
    )


@pytest.fixture(scope="module")
def hostile_page(hostile_day, hostile_frame, hostile_events, hostile_articles) -> str:
    return snapshot.render_html(
        hostile_day,
        provinces=hostile_frame,
        events=hostile_events,
        articles=hostile_articles,
        title=HOSTILE,
        source_line=HOSTILE,
    )


@pytest.fixture(scope="module")
def benign_page() -> str:
    frame = provinces()
    day = [
        DayStatus(DAY, iso, name, Status.HELD, None, (), "no reported change")
        for iso, name in zip(frame.iso, frame.name, strict=True)
    ]
    return snapshot.render_html(day, provinces=frame)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    return parser.tags


# --------------------------------------------------------------------------- HTML


def test_html_has_only_its_own_scripts(hostile_page, benign_page):
    def scripts(page: str) -> int:
        return sum(1 for tag, _ in _tags(page) if tag == "script")

    assert scripts(hostile_page) == scripts(benign_page)
    assert SCRIPT_PAYLOAD not in hostile_page
    assert "</script><script>" not in hostile_page.replace(" ", "")


def test_html_has_no_event_handler_or_script_url_from_the_data(hostile_page):
    handlers = [
        (tag, name) for tag, attrs in _tags(hostile_page) for name in attrs if name.startswith("on")
    ]
    assert handlers == []
    # Leaflet's own code sets onerror; the data's tag may only appear escaped.
    assert "<img src=x onerror" not in hostile_page
    assert "\\u003cimg" not in hostile_page.lower()
    hrefs = [attrs.get("href") or "" for tag, attrs in _tags(hostile_page) if "href" in attrs]
    assert not any(href.strip().lower().startswith("javascript:") for href in hrefs)
    assert 'href=\\"javascript' not in hostile_page.lower()
    assert 'href="javascript' not in hostile_page.lower()


def test_html_shows_the_payloads_as_escaped_text(hostile_page):
    # The header panel is plain HTML: the title appears once, escaped once.
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in hostile_page
    # "&amp;" typed in an article stays "&amp;" on screen, so it is escaped again.
    assert "Tom &amp;amp; Jerry &amp;lt;b&amp;gt;" in hostile_page
    assert "{{ 7*7 }}" in hostile_page  # template braces are not evaluated ...
    assert ">49<" not in hostile_page  # ... into a result


def test_unlinkable_urls_are_shown_not_linked():
    assert snapshot.safe_href(JS_URL) is None
    assert snapshot.safe_href(" JaVaScRiPt:alert(1)") is None
    assert snapshot.safe_href("java\tscript:alert(1)") is None
    assert snapshot.safe_href("data:text/html,<script>") is None
    assert snapshot.safe_href("https://example.org/a?b=1") == "https://example.org/a?b=1"


# --------------------------------------------------------------------------- PNG / GIF


def test_png_draws_mathtext_and_braces_literally(hostile_day, hostile_frame):
    # With mathtext on, "\notacommand{" makes matplotlib raise while drawing.
    data = snapshot.render_png(
        hostile_day, provinces=hostile_frame, title=HOSTILE, source_line=MATH_PAYLOAD, labels="all"
    )
    assert Image.open(io.BytesIO(data)).size[0] > 0
    gif = snapshot.render_gif([hostile_day], provinces=hostile_frame, title=MATH_PAYLOAD)
    assert gif.startswith(b"GIF8")


def test_every_text_of_the_figure_has_mathtext_off(hostile_frame):
    figure = snapshot._MapFigure(
        snapshot._prepare(hostile_frame),
        title=MATH_PAYLOAD,
        source_line=MATH_PAYLOAD,
        dpi=snapshot.GIF_DPI,
        labels="all",
        include_no_data=True,
    )
    texts = [*figure.figure.texts, *figure.axes.texts]
    for legend in figure.figure.legends:
        texts += legend.get_texts()
    assert any("$" in text.get_text() for text in texts)
    assert [text.get_text() for text in texts if text.get_parse_math()] == []
    assert not any(text.get_usetex() for text in texts)


# --------------------------------------------------------------------------- CSV


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


@pytest.mark.parametrize("formula", FORMULAS)
def test_day_csv_neutralises_formula_cells(formula, hostile_day):
    day = [dataclasses.replace(hostile_day[0], rule=formula, province=formula), *hostile_day[1:]]
    cells = _cells(snapshot.day_csv(day))
    assert "'" + formula in cells
    assert formula not in cells


def test_csv_exports_start_no_cell_with_a_formula_trigger(
    hostile_day, hostile_events, hostile_articles
):
    for text in (
        snapshot.day_csv(hostile_day),
        snapshot.events_csv(hostile_events, articles=hostile_articles),
    ):
        risky = [cell for cell in _cells(text) if cell.lstrip(" ")[:1] in tables.FORMULA_TRIGGERS]
        assert risky == []


def test_events_csv_keeps_the_payload_text_after_the_guard(hostile_events, hostile_articles):
    rows = list(
        csv.DictReader(io.StringIO(snapshot.events_csv(hostile_events, articles=hostile_articles)))
    )
    assert rows[0]["quote"] == HOSTILE  # starts with "<": not a formula, kept verbatim
    assert rows[1]["quote"] == "'-2+3 " + SCRIPT_PAYLOAD
    assert rows[1]["source"] == "'=1+1"
    assert rows[0]["confidence"] == "0.00"  # numbers are not formulas: never quoted


# --------------------------------------------------------------------------- browser


@pytest.mark.browser
def test_hostile_page_runs_nothing_and_loads_nothing_in_chromium(hostile_page, tmp_path, browser):
    page_file = tmp_path / "snapshot.html"
    page_file.write_text(hostile_page, encoding="utf-8")
    leaving: list[str] = []
    page = browser.new_page()
    try:

        def guard(route) -> None:
            url = route.request.url
            if url.startswith(("file:", "data:", "blob:", "about:")):
                route.continue_()
                return
            leaving.append(url)
            route.abort()

        page.route("**/*", guard)
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(page_file.as_uri())
        page.wait_for_selector(".leaflet-overlay-pane path")
        paths = page.locator(".leaflet-overlay-pane path")
        path_count = paths.count()
        # Open every popup and tooltip: they are built with innerHTML at that moment.
        for index in range(path_count):
            paths.nth(index).dispatch_event("mouseover")
            paths.nth(index).dispatch_event("click")
            page.wait_for_timeout(10)
        popup_text = page.evaluate(
            "Array.from(document.querySelectorAll('.leaflet-popup-content'))"
            ".map(node => node.textContent).join(' ')"
        )
        paths.nth(list(provinces().iso).index(TARGET_ISO)).dispatch_event("click")
        target_popup = page.locator(".leaflet-popup-content").inner_text()
        header = page.locator(".cm-header").inner_text()
        pwned = page.evaluate("typeof window.__pwned")
    finally:
        page.close()

    assert leaving == []
    assert errors == []
    assert path_count == len(provinces())
    assert popup_text  # popups did open, so their content was parsed
    assert IMG_PAYLOAD in target_popup  # shown literally, as text
    assert SCRIPT_PAYLOAD in header
    assert pwned == "undefined"
