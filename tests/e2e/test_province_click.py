"""Issue #4: clicking a province on the map opens the reports behind its colour."""

from __future__ import annotations

import pytest

from .harness import (
    PANEL_QUOTE,
    click_province,
    find_map_frame,
    query_params,
    slide_to,
    wait_for_panel,
    wait_for_url_day,
)

pytestmark = pytest.mark.browser

FARAH = "AF-FRA"
DAY_AFTER_FARAH_FELL = "2021-08-11"


def test_clicking_farah_shows_its_quotes(app_server, page, screenshot_dir):
    page.goto(app_server.url)
    frame = find_map_frame(page)
    slide_to(frame, DAY_AFTER_FARAH_FELL)
    wait_for_url_day(page, DAY_AFTER_FARAH_FELL)

    click_province(frame, FARAH)
    shown = wait_for_panel(page, "Farah")
    page.wait_for_timeout(300)  # let the rerun settle before the screenshot
    page.screenshot(path=str(screenshot_dir / "panel-farah.png"), full_page=True)

    quotes = shown.locator(PANEL_QUOTE)
    assert quotes.count() >= 1
    text = " ".join(quotes.all_inner_texts())
    assert "Taliban" in text
    assert "Farah" in text
    # Sourced: every quote names the article it comes from.
    assert any(article in text for article in ("001_", "003_", "000_"))
    page.wait_for_function(
        "iso => new URLSearchParams(location.search).get('province') === iso", arg=FARAH
    )
    assert query_params(page).get("date") == DAY_AFTER_FARAH_FELL
