"""Issue #4/#5: the page works with no network — every asset is served by the app itself."""

from __future__ import annotations

import pytest

from .harness import PROVINCE_COUNT, PROVINCE_PATH_SELECTOR, find_map_frame

pytestmark = pytest.mark.browser


def test_page_draws_every_province_without_leaving_localhost(
    app_server, page, network, screenshot_dir
):
    console_errors: list[str] = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: console_errors.append(str(error)))

    page.goto(app_server.url)
    frame = find_map_frame(page)
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(screenshot_dir / "offline.png"), full_page=True)

    assert frame.locator(PROVINCE_PATH_SELECTOR).count() >= PROVINCE_COUNT
    assert frame.locator("path[data-iso]").count() == PROVINCE_COUNT
    assert network.blocked == [], "requests tried to leave localhost"
    assert network.failed == [], "assets failed to load"
    assert console_errors == []
