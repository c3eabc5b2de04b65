"""Capital labels on the live map never touch each other (Lashkar Gah ran into Kandahar)."""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from .harness import MAP_TIMEOUT_MS, find_map_frame, press_slider

pytestmark = pytest.mark.browser

# The labels on screen: a removed label fades out for a moment (opacity 0, its text already
# moved to the marker's hover tooltip), and one without a free side is hidden.
SHOWN = """[...document.querySelectorAll('.leaflet-tooltip.cm-capital')]
  .filter((label) => label.style.opacity !== '0')"""
# Every label has a side once placed.
PLACED_JS = "() => " + SHOWN + ".every((label) => label.hasAttribute('data-side'))"
DAY_JS = "() => document.body.dataset.day"
NEXT_DAY_JS = "(day) => document.body.dataset.day !== day"
LAST_DAY_WAIT_MS = 5_000  # no new day this long after a step: the slider is at its end
MAX_DAYS = 60
LABEL_BOXES_JS = (
    "() => "
    + SHOWN
    + """
  .filter((label) => label.style.visibility !== 'hidden')
  .map((label) => {
    const box = label.getBoundingClientRect();
    return {text: label.textContent, left: box.left, right: box.right,
            top: box.top, bottom: box.bottom};
  })"""
)


def _touching(boxes: list[dict]) -> list[tuple[str, str]]:
    return [
        (a["text"], b["text"])
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a["left"] <= b["right"]
        and b["left"] <= a["right"]
        and a["top"] <= b["bottom"]
        and b["top"] <= a["bottom"]
    ]


def labels_per_day(page, frame) -> dict[str, list[dict]]:
    """The visible capital labels' boxes on every day, from the first to the last."""
    press_slider(frame, "Home")
    boxes: dict[str, list[dict]] = {}
    for _ in range(MAX_DAYS):
        frame.wait_for_function(PLACED_JS, timeout=MAP_TIMEOUT_MS)
        day = frame.evaluate(DAY_JS)
        if day in boxes:
            break
        boxes[day] = frame.evaluate(LABEL_BOXES_JS)
        press_slider(frame, "ArrowRight")
        try:
            # a loaded machine repaints late: wait for the next day, or the end of the range
            frame.wait_for_function(NEXT_DAY_JS, arg=day, timeout=LAST_DAY_WAIT_MS)
        except PlaywrightTimeoutError:
            break
    return boxes


def test_visible_capital_labels_do_not_touch_on_any_day(app_server, page):
    page.goto(app_server.url)
    frame = find_map_frame(page)

    boxes = labels_per_day(page, frame)

    assert {day: _touching(day_boxes) for day, day_boxes in boxes.items()} == {
        day: [] for day in boxes
    }
    assert max(len(day_boxes) for day_boxes in boxes.values()) >= 2  # labels were there
