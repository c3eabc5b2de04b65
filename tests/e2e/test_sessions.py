"""Issue #4: two people using the app at once each keep their own date and selection."""

from __future__ import annotations

import pytest

from .harness import (
    VIEWPORT,
    click_province,
    find_map_frame,
    query_params,
    shown_day,
    slide_to,
    wait_for_panel,
    wait_for_url_day,
)

pytestmark = pytest.mark.browser

# (date, province iso, province name) per user; different on both counts.
ALICE = ("2021-08-11", "AF-FRA", "Farah")
BOB = ("2021-08-12", "AF-KAN", "Kandahar")


def open_user(browser, url):
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(url)
    return context, page


def choose(page, day: str, iso: str, name: str):
    frame = find_map_frame(page)
    slide_to(frame, day)
    wait_for_url_day(page, day)
    click_province(frame, iso)
    wait_for_panel(page, name)
    page.wait_for_function(
        "iso => new URLSearchParams(location.search).get('province') === iso", arg=iso
    )
    return frame


def test_two_sessions_keep_their_own_view(app_server, browser):
    alice_context, alice = open_user(browser, app_server.url)
    bob_context, bob = open_user(browser, app_server.url)
    try:
        alice_frame = choose(alice, *ALICE)
        bob_frame = choose(bob, *BOB)
        alice.wait_for_timeout(500)  # any leak would arrive with the other session's rerun

        for page, frame, (day, iso, name) in (
            (alice, alice_frame, ALICE),
            (bob, bob_frame, BOB),
        ):
            assert shown_day(frame) == day
            params = query_params(page)
            assert (params.get("date"), params.get("province")) == (day, iso)
            wait_for_panel(page, name)

        # A reload restores each view from its own URL.
        alice.reload()
        assert shown_day(find_map_frame(alice)) == ALICE[0]
        wait_for_panel(alice, ALICE[2])
    finally:
        alice_context.close()
        bob_context.close()
