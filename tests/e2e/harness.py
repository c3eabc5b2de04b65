"""Drive the real app in a real browser: start Streamlit, launch Chromium, find the map.

Shared by the browser tests (``tests/e2e``) and the app benchmark (``benchmarks/bench_app.py``).
Nothing here knows the seed corpus; the tests say what they expect.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

REPO_ROOT = Path(__file__).resolve().parents[2]
APP_SCRIPT = REPO_ROOT / "app.py"
SEED_CORPUS = REPO_ROOT / "corpus" / "afghanistan-2021"

PROVINCE_COUNT = 34
VIEWPORT = {"width": 1400, "height": 1000}
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "[::1]", "::1"})

# Debian's package; Playwright's own browser download is never used (no network in CI).
CHROMIUM_ENV = "CONTROLMAP_CHROMIUM"
DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)

STARTUP_TIMEOUT_S = 60.0
HEALTH_POLL_S = 0.05
MAP_TIMEOUT_MS = 30_000
CLICKABLE_TIMEOUT_S = 10.0  # how long a province may stay covered before a click gives up
CLICKABLE_POLL_S = 0.2
STOP_TIMEOUT_S = 10.0

# How the app marks a province's SVG path, most specific first. The app engineer's hook is
# ``data-iso``; the class form is what folium/Leaflet ``className`` style options produce.
PROVINCE_SELECTORS = ('path[data-iso="{iso}"]', "path.province-{iso}")
PROVINCE_PATH_SELECTOR = "path.leaflet-interactive"


class HarnessError(RuntimeError):
    """The app or the browser could not be started or read."""


@dataclass(frozen=True, slots=True)
class AppServer:
    url: str
    port: int
    db_path: Path
    log_path: Path


def chromium_path() -> str | None:
    """The Chromium binary to drive, or None when this machine has none."""
    configured = os.environ.get(CHROMIUM_ENV)
    for candidate in (configured, DEFAULT_CHROMIUM, shutil.which("chromium")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def streamlit_command(port: int, *, script: Path = APP_SCRIPT) -> list[str]:
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
        "--server.headless",
        "true",
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ]


def wait_until_healthy(url: str, *, process: subprocess.Popen, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    health = f"{url}/_stcore/health"
    while time.monotonic() < deadline:
        if process.poll() is not None:
            msg = f"streamlit exited with code {process.returncode} before it was healthy"
            raise HarnessError(msg)
        with (
            contextlib.suppress(urllib.error.URLError, ConnectionError, TimeoutError),
            urllib.request.urlopen(health, timeout=1) as response,
        ):
            if response.status == 200:
                return
        time.sleep(HEALTH_POLL_S)
    msg = f"streamlit not healthy at {health} after {timeout_s:.0f} s"
    raise HarnessError(msg)


@contextlib.contextmanager
def running_app(
    *,
    db_path: Path,
    log_path: Path,
    extra_env: Mapping[str, str] | None = None,
    script: Path = APP_SCRIPT,
    startup_timeout_s: float = STARTUP_TIMEOUT_S,
) -> Iterator[AppServer]:
    """Start ``streamlit run app.py`` on a free localhost port; always stop it afterwards.

    The store lives at ``db_path`` (``CONTROLMAP_DB``), so a test never touches the user's one.
    """
    port = free_port()
    env = {**os.environ, "CONTROLMAP_DB": str(db_path), "PYTHONUNBUFFERED": "1"}
    env.update(extra_env or {})
    url = f"http://127.0.0.1:{port}"
    server = AppServer(url=url, port=port, db_path=db_path, log_path=log_path)
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            streamlit_command(port, script=script),
            cwd=REPO_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            wait_until_healthy(server.url, process=process, timeout_s=startup_timeout_s)
            yield server
        except HarnessError as error:
            msg = f"{error}; server log:\n{tail(log_path)}"
            raise HarnessError(msg) from error
        finally:
            stop(process)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=STOP_TIMEOUT_S)


def tail(path: Path, *, lines: int = 40) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "(no log)"
    return "\n".join(text.splitlines()[-lines:])


def build_store(corpus: Path, *, db_path: Path) -> subprocess.CompletedProcess:
    """Build a store from ``corpus`` with the project's own CLI, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "build", str(corpus), "--db", str(db_path)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=STARTUP_TIMEOUT_S,
        check=False,
    )


def launch_chromium(playwright):
    executable = chromium_path()
    if executable is None:
        msg = f"no Chromium found (set {CHROMIUM_ENV} or install Debian's chromium)"
        raise HarnessError(msg)
    return playwright.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS))


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in {"data", "blob", "about"}:
        return True
    return (parts.hostname or "") in LOCAL_HOSTS


@dataclass(eq=False)
class NetworkGuard:
    """Abort every request that would leave localhost, and remember it and any failed load."""

    blocked: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def attach(self, context) -> None:
        context.route("**/*", self._route)
        context.on("requestfailed", self._on_failed)
        context.on("response", self._on_response)

    def _route(self, route) -> None:
        url = route.request.url
        if is_local(url):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort("internetdisconnected")

    def _on_failed(self, request) -> None:
        if is_local(request.url):
            self.failed.append(f"{request.url} ({request.failure})")

    def _on_response(self, response) -> None:
        if response.status >= 400:
            self.failed.append(f"{response.url} (HTTP {response.status})")


# --- the map, inside whatever iframe the app renders it in ------------------------------------

COUNT_PATHS_JS = f"() => document.querySelectorAll({PROVINCE_PATH_SELECTOR!r}).length"


def find_map_frame(page, *, timeout_ms: int = MAP_TIMEOUT_MS):
    """The frame (at any depth) whose Leaflet map has drawn every province path."""
    deadline = time.monotonic() + timeout_ms / 1000
    best = 0
    while time.monotonic() < deadline:
        for frame in page.frames:
            with contextlib.suppress(Exception):  # frames come and go while Streamlit reruns
                count = frame.evaluate(COUNT_PATHS_JS)
                best = max(best, count)
                if count >= PROVINCE_COUNT:
                    return frame
        page.wait_for_timeout(50)
    msg = (
        f"no frame drew {PROVINCE_COUNT} province paths in {timeout_ms} ms (best: {best}); "
        f"the page says: {visible_alerts(page)!r}"
    )
    raise HarnessError(msg)


ALERTS = '[data-testid="stAlert"], [data-testid="stException"]'


def visible_alerts(page) -> list[str]:
    """Streamlit's warnings/errors on the page, to say why a map did not appear."""
    with contextlib.suppress(Exception):
        return page.locator(
            '[data-testid="stAlert"], [data-testid="stException"]'
        ).all_inner_texts()
    return []


def province_locator(frame, iso: str):
    selector = ", ".join(template.format(iso=iso) for template in PROVINCE_SELECTORS)
    return frame.locator(selector).first


def province_fill(frame, iso: str) -> str:
    """The computed fill of one province, e.g. ``rgb(213, 94, 0)`` or ``url(#claimed)``."""
    locator = province_locator(frame, iso)
    locator.wait_for(state="attached", timeout=MAP_TIMEOUT_MS)
    return locator.evaluate("el => el.getAttribute('fill') || getComputedStyle(el).fill")


ALL_FILLS_JS = """() => {
  const out = {};
  for (const el of document.querySelectorAll('path[data-iso], path[class*="province-"]')) {
    const iso = el.getAttribute('data-iso')
      || [...el.classList].find(c => c.startsWith('province-')).slice('province-'.length);
    out[iso] = el.getAttribute('fill') || getComputedStyle(el).fill;
  }
  return out;
}"""


def all_fills(frame) -> dict[str, str]:
    """Every marked province's fill, keyed by ISO code."""
    return frame.evaluate(ALL_FILLS_JS)


# --- the map component's own controls (geo/component) ------------------------------------------

SLIDER = "#cm-slider"
DAY_JS = "() => document.body.getAttribute('data-day')"


def shown_day(frame) -> str | None:
    """The ISO date the map shows (the component sets ``<body data-day>``)."""
    return frame.evaluate(DAY_JS)


def wait_for_day(frame, day: str, *, timeout_ms: int = MAP_TIMEOUT_MS) -> None:
    """Wait until the map shows ``day``: a key press repaints a moment later, and under load
    the repaint may trail the next read (a lost key press still fails, at the timeout)."""
    frame.wait_for_function(
        f"() => document.body.getAttribute('data-day') === {day!r}", timeout=timeout_ms
    )


def wait_for_url_day(page, day: str, *, timeout_ms: int = MAP_TIMEOUT_MS) -> None:
    """Wait until the app has taken the slider's day (the URL mirrors its view): the map shows
    a day at once, the rerun that takes it comes a moment later, and a click is only certain to
    be read once that rerun is done (a CI run under load lost one)."""
    page.wait_for_function(
        "d => new URLSearchParams(location.search).get('date') === d", arg=day, timeout=timeout_ms
    )


def press_slider(frame, key: str) -> None:
    """Move the map's date slider with the keyboard, as a user would."""
    slider = frame.locator(SLIDER)
    slider.focus()
    slider.press(key)


def slide_to(frame, day: str, *, max_steps: int = 400) -> None:
    """Step the slider from its first day until the map shows ``day`` (ISO date)."""
    press_slider(frame, "Home")
    for _ in range(max_steps):
        current = shown_day(frame)
        if current == day:
            return
        if current is not None and current > day:
            break
        press_slider(frame, "ArrowRight")
    msg = f"the slider never reached {day!r} (stopped at {shown_day(frame)!r})"
    raise HarnessError(msg)


def hex_to_rgb(colour: str) -> str:
    """``#D55E00`` → ``rgb(213, 94, 0)``, the form a computed style reports."""
    value = colour.lstrip("#")
    red, green, blue = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgb({red}, {green}, {blue})"


def same_colour(fill: str, colour: str) -> bool:
    return fill.strip().lower() in {colour.lower(), hex_to_rgb(colour)}


# A point inside the polygon that the browser's own hit-testing gives to this path, so a click
# there is a real click on the province (a bounding box's centre may be a neighbour).
INTERIOR_POINT_JS = """(el) => {
  const box = el.getBoundingClientRect();
  const cx = box.left + box.width / 2, cy = box.top + box.height / 2;
  let best = null;
  const steps = 24;
  for (let i = 1; i < steps; i++) {
    for (let j = 1; j < steps; j++) {
      const x = box.left + (box.width * i) / steps, y = box.top + (box.height * j) / steps;
      if (document.elementFromPoint(x, y) !== el) continue;
      const d = (x - cx) ** 2 + (y - cy) ** 2;
      if (best === null || d < best.d) best = { x: x - box.left, y: y - box.top, d };
    }
  }
  return best && { x: best.x, y: best.y };
}"""


def click_province(frame, iso: str) -> None:
    """Click inside the province's polygon with the mouse, as a user would."""
    locator = province_locator(frame, iso)
    locator.wait_for(state="attached", timeout=MAP_TIMEOUT_MS)
    # while the map still fits its bounds (slower on a loaded machine) no point may be on top
    deadline = time.monotonic() + CLICKABLE_TIMEOUT_S
    point = locator.evaluate(INTERIOR_POINT_JS)
    while point is None and time.monotonic() < deadline:
        time.sleep(CLICKABLE_POLL_S)
        point = locator.evaluate(INTERIOR_POINT_JS)
    if point is None:
        msg = f"no visible point of province {iso!r} can be clicked"
        raise HarnessError(msg)
    locator.click(position=point)


# --- the page around the map (app.py's hooks) -------------------------------------------------

PANEL = ".st-key-quotes-panel"
PANEL_TITLE = '[data-testid="cm-panel-title"]'
PANEL_QUOTE = '[data-testid="cm-quote"]'


def panel(page):
    return page.locator(PANEL)


def wait_for_panel(page, name: str, *, timeout_ms: int = MAP_TIMEOUT_MS):
    """The quotes panel once it shows province ``name``."""
    title = panel(page).locator(PANEL_TITLE).filter(has_text=name)
    title.wait_for(state="visible", timeout=timeout_ms)
    return panel(page)


def query_params(page) -> dict[str, str]:
    from urllib.parse import parse_qsl

    return dict(parse_qsl(urlsplit(page.url).query))


PWNED_JS = "() => typeof window.__pwned === 'undefined' ? null : String(window.__pwned)"


def pwned_frames(page) -> list[str]:
    """URLs of the frames where injected script ran (set ``window.__pwned``)."""
    hits = []
    for frame in page.frames:
        with contextlib.suppress(Exception):
            if frame.evaluate(PWNED_JS) is not None:
                hits.append(frame.url or "(main)")
    return hits
