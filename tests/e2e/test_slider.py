"""Issue #4: moving the date slider recolours the provinces, in the browser, as a user does it."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.style import STATUS_STYLES

from .harness import (
    all_fills,
    find_map_frame,
    press_slider,
    same_colour,
    shown_day,
    slide_to,
    wait_for_day,
    wait_for_url_day,
)

pytestmark = pytest.mark.browser

FARAH = "AF-FRA"
# Article 003 (dated 2021-08-11): officials say Farah city fell "on Tuesday", i.e. 2021-08-10.
FARAH_FALLS = dt.date(2021, 8, 10)
# True once the map's slider stands at its first ("min") or last ("max") day.
SLIDER_AT = "end => { const s = document.querySelector('#cm-slider'); return s.value === s[end]; }"
# True while the slider has the keyboard: its frame has focus and the slider is focused in it.
SLIDER_FOCUSED = "() => document.hasFocus() && document.activeElement?.id === 'cm-slider'"
FOCUS_FROM = "2021-08-07"
FOCUS_STEPS = 4


def test_keyboard_on_the_slider_recolours_farah(app_server, page, screenshot_dir):
    page.goto(app_server.url)
    frame = find_map_frame(page)

    slide_to(frame, (FARAH_FALLS - dt.timedelta(days=1)).isoformat())
    before = all_fills(frame)
    page.screenshot(path=str(screenshot_dir / "slider-before.png"))
    press_slider(frame, "ArrowRight")
    wait_for_day(frame, FARAH_FALLS.isoformat())
    press_slider(frame, "ArrowRight")
    wait_for_day(frame, (FARAH_FALLS + dt.timedelta(days=1)).isoformat())
    after = all_fills(frame)
    page.screenshot(path=str(screenshot_dir / "slider-after.png"))

    assert shown_day(frame) == (FARAH_FALLS + dt.timedelta(days=1)).isoformat()
    assert same_colour(before[FARAH], STATUS_STYLES["held"].fill)
    assert same_colour(after[FARAH], STATUS_STYLES["captured"].fill)
    assert len(after) == len(before) == 34


def test_end_key_shows_more_captures_than_the_first_day(app_server, page):
    page.goto(app_server.url)
    frame = find_map_frame(page)

    press_slider(frame, "Home")
    frame.wait_for_function(SLIDER_AT, arg="min")  # fails loudly if a key press was lost
    first = all_fills(frame)
    press_slider(frame, "End")
    frame.wait_for_function(SLIDER_AT, arg="max")
    last = all_fills(frame)

    held = STATUS_STYLES["held"].fill
    assert sum(not same_colour(f, held) for f in last.values()) > sum(
        not same_colour(f, held) for f in first.values()
    )


def test_the_slider_keeps_keyboard_focus_while_the_app_reruns(app_server, page):
    # Every step's report reruns the app. A rerun that replaced the map's frame (a placeholder
    # sent to its place first) hid the frame for a moment and the slider lost keyboard focus,
    # so a keyboard user's next key press went nowhere.
    page.goto(app_server.url)
    frame = find_map_frame(page)
    day = dt.date.fromisoformat(FOCUS_FROM)
    slide_to(frame, day.isoformat())
    wait_for_url_day(page, day.isoformat())

    for _ in range(FOCUS_STEPS):
        assert frame.evaluate(SLIDER_FOCUSED), f"the slider lost focus in the rerun for {day}"
        page.keyboard.press("ArrowRight")  # no refocus, as a user who keeps pressing the key
        day += dt.timedelta(days=1)
        wait_for_day(frame, day.isoformat())
        wait_for_url_day(page, day.isoformat())
    assert frame.evaluate(SLIDER_FOCUSED), f"the slider lost focus in the rerun for {day}"
