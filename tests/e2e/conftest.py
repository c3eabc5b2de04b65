"""Fixtures for the browser tests: a real Streamlit server and Debian's headless Chromium.

Every test page is offline: requests that would leave localhost are aborted and recorded
(``network`` fixture), so a CDN asset shows up as a failure instead of a silent download.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from .harness import (
    APP_SCRIPT,
    VIEWPORT,
    AppServer,
    NetworkGuard,
    chromium_path,
    running_app,
)

SCREENSHOT_DIR_ENV = "CONTROLMAP_SCREENSHOTS"


def require_browser_stack() -> None:
    in_ci = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
    problems = []
    if chromium_path() is None:
        problems.append("Chromium is missing (apt-get install chromium)")
    if not APP_SCRIPT.is_file():
        problems.append("app.py is missing")
    if not problems:
        return
    msg = "browser tests cannot run: " + "; ".join(problems)
    if in_ci:
        pytest.fail(msg, pytrace=False)
    pytest.skip(msg)


@pytest.fixture(scope="session", autouse=True)
def browser_stack() -> None:
    require_browser_stack()


@pytest.fixture(scope="session")
def app_server(tmp_path_factory) -> Iterator[AppServer]:
    """The app on the bundled seed corpus, with its own fresh store (built on first load)."""
    require_browser_stack()
    workdir = tmp_path_factory.mktemp("app")
    with running_app(db_path=workdir / "controlmap.sqlite", log_path=workdir / "server.log") as app:
        yield app


@pytest.fixture
def network() -> NetworkGuard:
    return NetworkGuard()


@pytest.fixture
def context(browser, network):
    ctx = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    network.attach(ctx)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory) -> Path:
    configured = os.environ.get(SCREENSHOT_DIR_ENV)
    path = Path(configured) if configured else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path
