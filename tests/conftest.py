"""Session-wide fixtures shared by every test folder.

Playwright's sync API allows one instance per thread, so the browser is started once here
for both the app's end-to-end tests (tests/e2e) and the exported-HTML safety test.
"""

from __future__ import annotations

import os

import pytest
from e2e.harness import chromium_path, launch_chromium


@pytest.fixture(scope="session")
def playwright_instance():
    if chromium_path() is None:
        msg = "Chromium is missing (apt-get install chromium)"
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(msg, pytrace=False)
        pytest.skip(msg)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance):
    chromium = launch_chromium(playwright_instance)
    yield chromium
    chromium.close()
