"""Benchmark the app as a user meets it: real Streamlit server, headless Chromium.

Run by hand from the repo root (not a test; the machine is shared and noisy)::

    python benchmarks/bench_app.py [--repeats 15] [--cold-repeats 5]

Prints a table of medians and p90s and writes ``benchmarks/results/app.json``.
Alternatives (fast path vs full re-render, browser download vs in-process render) are
measured interleaved in the same run, so background load hits both alike. Times are taken
inside the page where possible: from the input event's own timestamp to the animation frame
in which the map's SVG fills match the new day (``performance.timeOrigin`` makes frames'
clocks comparable).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from tests.e2e.harness import (  # noqa: E402 (needs the repo root on sys.path first)
    PANEL,
    PANEL_TITLE,
    PROVINCE_COUNT,
    SEED_CORPUS,
    HarnessError,
    NetworkGuard,
    build_store,
    click_province,
    find_map_frame,
    launch_chromium,
    running_app,
    shown_day,
)

RESULTS = REPO_ROOT / "benchmarks" / "results" / "app.json"
DEFAULT_REPS = 15
DEFAULT_COLD_REPS = 5
VIEWPORT = {"width": 1400, "height": 1000}
FULL_RENDER_QUERY = "render=full"
MEASURE_TIMEOUT_MS = 20_000
DOWNLOAD_TIMEOUT_MS = 60_000
SETTLE_MS = 400
COUNTRY = "AF"

# Streamlit's select_slider (react-aria): a visually hidden range input takes the keyboard.
FULL_SLIDER = '.st-key-full-date input[type="range"]'
DOWNLOAD_BUTTON = ".st-key-download-{kind} button"

TARGETS_MS = {
    "slider_fast": 100.0,
    "click_panel": 350.0,
    "png_download": 300.0,
    "png_render": 300.0,
    "gif_download": 3000.0,
    "gif_render": 3000.0,
    "cold_start": 3000.0,
}
TARGET_SPEEDUP = 2.5


class BenchError(RuntimeError):
    """The benchmark could not set up or read what it measures."""


# Walks every same-origin frame (Streamlit component iframes are same-origin), so the same
# probe works whether the map recolours in place or its iframe is rebuilt by a rerun.
# ``expected`` is {"iso": {iso: fill}} for maps marking provinces with data-iso (the
# component), or {"order": [fill, ...]} for folium's map, whose province paths carry no id
# but are drawn in the GeoJSON's feature order, before the capital markers.
ARM_REPAINT_JS = """(expected) => {
  const now = () => performance.timeOrigin + performance.now();
  const windows = () => {
    const out = [];
    // window.frames is array-like, not iterable.
    const walk = (w) => {
      try { w.document; } catch (e) { return; }
      out.push(w);
      for (let i = 0; i < w.frames.length; i++) walk(w.frames[i]);
    };
    walk(window);
    return out;
  };
  const same = (a, b) => (a || '').toLowerCase() === (b || '').toLowerCase();
  const matchesIso = (doc) => {
    const paths = doc.querySelectorAll('path[data-iso]');
    if (paths.length < Object.keys(expected.iso).length) return false;
    for (const p of paths) {
      const want = expected.iso[p.getAttribute('data-iso')];
      if (want !== undefined && !same(p.getAttribute('fill'), want)) return false;
    }
    return true;
  };
  const matchesOrder = (doc) => {
    const want = expected.order;
    const paths = doc.querySelectorAll('path.leaflet-interactive');
    if (paths.length < want.length) return false;
    for (let i = 0; i < want.length; i++) {
      if (!same(paths[i].getAttribute('fill'), want[i])) return false;
    }
    return true;
  };
  const matches = () => windows().some(
    (w) => (expected.iso ? matchesIso(w.document) : matchesOrder(w.document)));
  let t0 = null;
  const onInput = (event) => {
    if (t0 === null) t0 = event.view.performance.timeOrigin + event.timeStamp;
  };
  const armed = new Set();
  const arm = () => {
    for (const w of windows()) {
      if (armed.has(w.document)) continue;
      armed.add(w.document);
      for (const type of ['keydown', 'pointerdown', 'input']) {
        w.document.addEventListener(type, onInput, true);
      }
    }
  };
  arm();
  window.__cmRepaint = new Promise((resolve) => {
    const started = now();
    const tick = () => {
      arm();
      if (t0 !== null && matches()) {
        // The DOM matches; the next frame's callback runs after it was painted.
        requestAnimationFrame(() => resolve(now() - t0));
        return;
      }
      if (now() - started > %(timeout)d) { resolve(null); return; }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}""".replace("%(timeout)d", str(MEASURE_TIMEOUT_MS))

# From the pointerdown on the map (in the component's frame) to the frame in which the quotes
# panel in the top page is visible and titled with the clicked province.
ARM_PANEL_JS = """([name, panelSel, titleSel]) => {
  const now = () => performance.timeOrigin + performance.now();
  let t0 = null;
  const onInput = (event) => {
    if (t0 === null) t0 = event.view.performance.timeOrigin + event.timeStamp;
  };
  const walk = (w) => {
    try { w.document.addEventListener('pointerdown', onInput, true); } catch (e) { return; }
    for (let i = 0; i < w.frames.length; i++) walk(w.frames[i]);
  };
  walk(window);
  const shown = () => {
    for (const title of document.querySelectorAll(panelSel + ' ' + titleSel)) {
      const box = title.getBoundingClientRect();
      if (title.textContent.trim() === name && box.width > 0 && box.height > 0) return true;
    }
    return false;
  };
  window.__cmPanel = new Promise((resolve) => {
    const started = now();
    const tick = () => {
      if (t0 !== null && shown()) {
        requestAnimationFrame(() => resolve(now() - t0));
        return;
      }
      if (now() - started > %(timeout)d) { resolve(null); return; }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}""".replace("%(timeout)d", str(MEASURE_TIMEOUT_MS))

# Set in the top page before any script runs: when each step of the first load happened
# (epoch ms), up to the first frame with every province painted. It polls from the top window
# and walks into the (same-origin) component frames, because an iframe's own animation frames
# stall while Streamlit sizes it (seen: 4 frames, then none); the top window's frames are the
# ones composited to the screen anyway. The WebSocket is wrapped to see the session start.
COLD_PROBE_INIT_JS = """(() => {
  if (window.top !== window) return;
  const count = %(count)d;
  const now = () => performance.timeOrigin + performance.now();
  const marks = {};
  window.__cmMarks = marks;
  const mark = (name) => { if (marks[name] === undefined) marks[name] = now(); };
  const Socket = window.WebSocket;
  window.WebSocket = new Proxy(Socket, {
    construct(target, args) {
      const socket = Reflect.construct(target, args);
      socket.addEventListener('open', () => mark('ws_open'));
      socket.addEventListener('message', () => mark('ws_first_message'));
      return socket;
    },
  });
  const frames = (w, out = []) => {
    try { w.document; } catch (e) { return out; }
    out.push(w);
    for (let i = 0; i < w.frames.length; i++) frames(w.frames[i], out);
    return out;
  };
  const step = () => {
    if (document.querySelector('[data-testid="stMain"] [data-testid="stMarkdown"]')) {
      mark('first_element');
    }
    if (document.querySelector('iframe')) mark('iframe_inserted');
    for (const w of frames(window).slice(1)) {
      const doc = w.document;
      if (!doc.getElementById('cm-map')) continue;
      mark('iframe_dom');
      if (typeof w.L !== 'undefined' && marks.leaflet_loaded === undefined) {
        mark('leaflet_loaded');
        // When the frame asked the server for Leaflet and when the file had arrived.
        for (const entry of w.performance.getEntriesByType('resource')) {
          if (!entry.name.endsWith('/leaflet.js')) continue;
          marks.leaflet_requested = w.performance.timeOrigin + entry.requestStart;
          marks.leaflet_fetched = w.performance.timeOrigin + entry.responseEnd;
        }
      }
      if (doc.querySelector('path[data-iso]')) mark('first_path');
      if (doc.querySelectorAll('path[data-iso][fill]').length >= count) return true;
    }
    return false;
  };
  const tick = () => {
    if (step()) {
      requestAnimationFrame(() => { mark('painted'); });
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();""".replace("%(count)d", str(PROVINCE_COUNT))

COLD_MARKS_JS = """() => {
  const marks = window.__cmMarks;
  if (!marks || marks.painted === undefined) return null;
  const nav = performance.getEntriesByType('navigation')[0];
  const at = (ms) => (ms ? performance.timeOrigin + ms : undefined);
  return {
    ...marks,
    navigation: performance.timeOrigin,
    html_loaded: at(nav && nav.responseEnd),
    dom_content_loaded: at(nav && nav.domContentLoadedEventEnd),
  };
}"""
# The app prints these under CONTROLMAP_TIMING=1 (see app.py's ``timing_mark``).
SERVER_MARK = re.compile(r"^controlmap-timing (?P<name>\w+) (?P<ms>\d+(?:\.\d+)?)$", re.M)
TIMING_ENV = {"CONTROLMAP_TIMING": "1"}
# The cold start's steps in the order they normally happen; each is reported as ms since Popen.
COLD_STEPS = (
    "healthy",
    "navigation",
    "html_loaded",
    "dom_content_loaded",
    "ws_open",
    "imports_done",
    "frame_sent",
    "data_ready",
    "ws_first_message",
    "first_element",
    "map_sent",
    "iframe_inserted",
    "iframe_dom",
    "leaflet_requested",
    "leaflet_fetched",
    "leaflet_loaded",
    "first_path",
    "painted",
    "script_end",
)


@dataclass(frozen=True, slots=True)
class Summary:
    name: str
    n: int
    median_ms: float | None
    p90_ms: float | None
    min_ms: float | None
    target_ms: float | None
    samples_ms: tuple[float, ...]
    timed_out: int = 0  # probes that never saw the expected state (left out of the figures)

    @property
    def met(self) -> bool | None:
        if self.target_ms is None or self.median_ms is None:
            return None
        return self.median_ms <= self.target_ms


def summarise(name: str, samples: Sequence[float | None]) -> Summary:
    clean = sorted(s for s in samples if s is not None)
    timed_out = len(samples) - len(clean)
    if not clean:
        return Summary(name, 0, None, None, None, TARGETS_MS.get(name), (), timed_out)
    p90 = clean[min(len(clean) - 1, round(0.9 * (len(clean) - 1)))]
    return Summary(
        name=name,
        n=len(clean),
        median_ms=round(statistics.median(clean), 1),
        p90_ms=round(p90, 1),
        min_ms=round(clean[0], 1),
        target_ms=TARGETS_MS.get(name),
        samples_ms=tuple(round(s, 1) for s in samples if s is not None),
        timed_out=timed_out,
    )


def machine() -> dict[str, str | int | float]:
    return {
        "cpus": os.cpu_count() or 0,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "load_avg_1m": round(os.getloadavg()[0], 2),
    }


# --- what the map should show (from the store, as the app computes it) -----------------------


@dataclass(frozen=True, slots=True)
class Expected:
    """Per day: the component's fills by ISO and folium's fills in feature order."""

    days: tuple[str, ...]
    names: Mapping[str, str]
    timeline: tuple[tuple, ...]  # DayStatus rows per day, for the in-process exports
    component: tuple[dict[str, str], ...]
    folium: tuple[list[str], ...]
    statuses: tuple[dict[str, str], ...]


def expected_fills(db_path: Path) -> Expected:
    from geo import mapview
    from geo.boundaries import provinces, provinces_geojson
    from geo.style import STATUS_STYLES
    from pipeline.run import analyse_store
    from pipeline.store import Store

    with Store.open(db_path) as store:
        contents = store.load()
    frame = provinces(COUNTRY, display=True)
    names = dict(zip(frame["iso"], frame["name"], strict=True))
    analysis = analyse_store(contents, provinces=names)
    timeline = tuple(tuple(analysis.day(day)) for day in analysis.days)
    feature_isos = [f["properties"]["iso"] for f in provinces_geojson(COUNTRY)["features"]]
    styles = mapview.component_styles()
    component, folium, statuses = [], [], []
    for day in timeline:
        row = dict(zip(feature_isos, mapview.status_row(day, feature_isos), strict=True))
        status = {iso: entry[0] for iso, entry in row.items()}
        # map.js's fillFor: a hatched status is drawn with its SVG pattern.
        component.append(
            {
                iso: f"url(#cm-hatch-{s})" if styles[s]["hatch"] else styles[s]["fill"]
                for iso, s in status.items()
            }
        )
        folium.append([STATUS_STYLES[status[iso]].fill for iso in feature_isos])
        statuses.append(status)
    return Expected(
        days=tuple(day.isoformat() for day in analysis.days),
        names=names,
        timeline=timeline,
        component=tuple(component),
        folium=tuple(folium),
        statuses=tuple(statuses),
    )


def busiest_change(expected: Expected) -> int:
    """Index ``i`` of the day pair (i, i+1) whose fills differ most, in both renderings."""
    best, best_count = None, 0
    for i in range(len(expected.days) - 1):
        changed = sum(
            expected.component[i][iso] != expected.component[i + 1][iso]
            for iso in expected.component[i]
        )
        if expected.folium[i] == expected.folium[i + 1]:
            continue
        if changed > best_count:
            best, best_count = i, changed
    if best is None:
        msg = f"no two consecutive days differ in colour among {len(expected.days)} days"
        raise BenchError(msg)
    return best


def changed_provinces(expected: Expected, index: int) -> list[str]:
    before, after = expected.statuses[index], expected.statuses[index + 1]
    return sorted(iso for iso in before if before[iso] != after[iso])


# --- one measurement each ---------------------------------------------------------------------


def _await(page, name: str) -> float | None:
    return page.evaluate(f"() => window.{name}")


def slider_fast(page, frame, *, key: str, expected: Mapping[str, str]) -> float | None:
    page.evaluate(ARM_REPAINT_JS, {"iso": dict(expected)})
    slider = frame.locator("#cm-slider")
    slider.focus()
    slider.press(key)
    return _await(page, "__cmRepaint")


def slider_full(page, *, key: str, expected: Sequence[str]) -> float | None:
    page.evaluate(ARM_REPAINT_JS, {"order": list(expected)})
    thumb = page.locator(FULL_SLIDER)
    thumb.focus()
    thumb.press(key)
    return _await(page, "__cmRepaint")


def click_panel(page, frame, *, iso: str, name: str) -> float | None:
    page.evaluate(ARM_PANEL_JS, [name, PANEL, PANEL_TITLE])
    click_province(frame, iso)
    return _await(page, "__cmPanel")


def download_ms(page, *, kind: str) -> float:
    button = page.locator(DOWNLOAD_BUTTON.format(kind=kind))
    start = time.perf_counter()
    with page.expect_download(timeout=DOWNLOAD_TIMEOUT_MS) as info:
        button.click()
    download = info.value
    download.path()  # blocks until the file is complete
    elapsed = (time.perf_counter() - start) * 1000
    if download.failure() is not None:
        msg = f"{kind} download failed: {download.failure()}"
        raise BenchError(msg)
    return elapsed


def timed_ms(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return (time.perf_counter() - start) * 1000


# --- the phases -------------------------------------------------------------------------------


def open_page(browser, url: str):
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    NetworkGuard().attach(context)  # offline, as users often are; nothing may leave localhost
    page = context.new_page()
    page.goto(url)
    return context, page


def wait_for_day(page, frame, day: str) -> None:
    deadline = time.monotonic() + MEASURE_TIMEOUT_MS / 1000
    while shown_day(frame) != day:
        if time.monotonic() > deadline:
            msg = f"the map never showed {day!r} (shows {shown_day(frame)!r})"
            raise BenchError(msg)
        page.wait_for_timeout(50)


def interactive_phase(browser, url: str, expected: Expected, *, reps: int) -> dict[str, list]:
    index = busiest_change(expected)
    day_before = expected.days[index]
    samples: dict[str, list] = {"slider_fast": [], "slider_full": [], "click_panel": []}
    fast_ctx, fast = open_page(browser, f"{url}/?date={day_before}")
    full_ctx, full = open_page(browser, f"{url}/?date={day_before}&{FULL_RENDER_QUERY}")
    try:
        frame = find_map_frame(fast)
        wait_for_day(fast, frame, day_before)
        full.locator(FULL_SLIDER).wait_for(state="attached", timeout=MEASURE_TIMEOUT_MS)
        full.wait_for_timeout(SETTLE_MS)
        for rep in range(reps):
            # Forward on even reps, back on odd ones: every press changes the fills.
            key, target = ("ArrowRight", index + 1) if rep % 2 == 0 else ("ArrowLeft", index)
            runs = [
                (
                    "slider_fast",
                    partial(slider_fast, fast, frame, key=key, expected=expected.component[target]),
                ),
                (
                    "slider_full",
                    partial(slider_full, full, key=key, expected=expected.folium[target]),
                ),
            ]
            for name, run in runs if rep % 4 < 2 else reversed(runs):
                samples[name].append(run())
            # Let the fast path's coalesced report and its rerun finish before the next press.
            fast.wait_for_timeout(SETTLE_MS)
            full.wait_for_timeout(SETTLE_MS)
        isos = changed_provinces(expected, index)
        isos = (isos + [iso for iso in sorted(expected.names) if iso not in isos])[:2]
        for rep in range(reps):
            iso = isos[rep % 2]
            samples["click_panel"].append(
                click_panel(fast, frame, iso=iso, name=expected.names[iso])
            )
            fast.wait_for_timeout(SETTLE_MS)
    finally:
        fast_ctx.close()
        full_ctx.close()
    samples["transition"] = [day_before, expected.days[index + 1]]
    return samples


def export_phase(browser, url: str, expected: Expected, *, reps: int, gif: bool) -> dict:
    from geo.boundaries import provinces
    from geo.snapshot import render_gif, render_png

    frame_data = provinces(COUNTRY, display=True)
    last_day = expected.timeline[-1]
    samples: dict[str, list] = {"png_download": [], "png_render": []}
    if gif:
        samples |= {"gif_download": [], "gif_render": []}
    context, page = open_page(browser, url)
    try:
        find_map_frame(page)
        page.wait_for_timeout(SETTLE_MS)
        # First render in this process pays matplotlib's imports and font cache: reported apart.
        samples["png_render_first"] = [timed_ms(lambda: render_png(last_day, provinces=frame_data))]
        for rep in range(reps):
            runs = [
                ("png_download", lambda: download_ms(page, kind="png")),
                (
                    "png_render",
                    lambda: timed_ms(lambda: render_png(last_day, provinces=frame_data)),
                ),
            ]
            if gif:
                runs += [
                    ("gif_download", lambda: download_ms(page, kind="gif")),
                    (
                        "gif_render",
                        lambda: timed_ms(
                            lambda: render_gif(expected.timeline, provinces=frame_data)
                        ),
                    ),
                ]
            for name, run in runs if rep % 2 == 0 else reversed(runs):
                samples[name].append(run())
    finally:
        context.close()
    return samples


def cold_phase(browser, db_path: Path, workdir: Path, *, reps: int) -> dict[str, list]:
    """Server process start → first painted map, each with a fresh server and browser cache.

    Also split into steps (``cold_<step>``, each ms since Popen): the server's first healthy
    answer, the browser's page load, the session's WebSocket, the app's own marks (first
    script run: start, data ready, map sent, end) and the component frame's load and paint.
    """
    samples: dict[str, list] = {"cold_start": []}
    samples |= {f"cold_{step}": [] for step in COLD_STEPS}
    for rep in range(reps):
        context = browser.new_context(viewport=VIEWPORT)
        NetworkGuard().attach(context)
        context.add_init_script(COLD_PROBE_INIT_JS)
        page = context.new_page()
        log_path = workdir / f"cold-{rep}.log"
        try:
            started = time.time() * 1000  # epoch ms, the clock performance.timeOrigin uses
            with running_app(db_path=db_path, log_path=log_path, extra_env=TIMING_ENV) as app:
                healthy = time.time() * 1000
                page.goto(app.url)
                find_map_frame(page)
                marks = None
                deadline = time.monotonic() + MEASURE_TIMEOUT_MS / 1000
                while marks is None and time.monotonic() < deadline:
                    marks = page.evaluate(COLD_MARKS_JS)
                    if marks is None:
                        page.wait_for_timeout(20)
                page.wait_for_timeout(SETTLE_MS)  # let the first script run log its end
            marks = {**(marks or {}), **server_marks(log_path), "healthy": healthy}
            samples["cold_start"].append(marks["painted"] - started if "painted" in marks else None)
            for step in COLD_STEPS:
                at = marks.get(step)
                samples[f"cold_{step}"].append(None if at is None else at - started)
        finally:
            context.close()
    return samples


def server_marks(log_path: Path) -> dict[str, float]:
    """The first run's marks the app printed (the first of each name)."""
    marks: dict[str, float] = {}
    text = log_path.read_text(encoding="utf-8", errors="replace")
    for match in SERVER_MARK.finditer(text):
        marks.setdefault(match["name"], float(match["ms"]))
    return marks


# --- report -----------------------------------------------------------------------------------


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:,.0f}"


def table(summaries: Sequence[Summary], *, speedup: float | None) -> str:
    lines = [
        f"{'measure (ms)':<18} {'n':>3} {'median':>8} {'p90':>8} {'min':>8} {'target':>8}  met"
    ]
    for s in summaries:
        met = {True: "yes", False: "NO", None: ""}[s.met]
        lines.append(
            f"{s.name:<18} {s.n:>3} {_ms(s.median_ms):>8} {_ms(s.p90_ms):>8} "
            f"{_ms(s.min_ms):>8} {_ms(s.target_ms):>8}  {met}"
            + (f"  ({s.timed_out} timed out)" if s.timed_out else "")
        )
    if speedup is not None:
        met = "yes" if speedup >= TARGET_SPEEDUP else "NO"
        lines.append(
            f"full / fast median slider ratio: {speedup:.1f}x (target ≥ {TARGET_SPEEDUP}x) {met}"
        )
    return "\n".join(lines)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", "--reps", type=int, default=DEFAULT_REPS, dest="reps")
    parser.add_argument(
        "--cold-repeats", "--cold-reps", type=int, default=DEFAULT_COLD_REPS, dest="cold_reps"
    )
    parser.add_argument("--no-gif", action="store_true", help="skip the GIF exports (slow)")
    parser.add_argument(
        "--cold-only", action="store_true", help="only the cold start (while working on it)"
    )
    parser.add_argument("--output", type=Path, default=RESULTS)
    return parser.parse_args(argv)


def fresh_store(db_path: Path) -> None:
    """Build the store with the project's CLI (outside every timed span)."""
    db_path.unlink(missing_ok=True)
    built = build_store(SEED_CORPUS, db_path=db_path)
    if built.returncode != 0:
        msg = f"building the store failed:\n{built.stderr}"
        raise BenchError(msg)


def warm_phases(
    browser, args: argparse.Namespace, db_path: Path, workdir: Path, expected, raw: dict
) -> dict[str, str]:
    """Slider, click and exports on one running server; adds to ``raw``, returns errors."""
    from playwright.sync_api import Error as PlaywrightError

    failures = (BenchError, HarnessError, PlaywrightError)
    errors: dict[str, str] = {}
    with running_app(db_path=db_path, log_path=workdir / "server.log") as app:
        try:
            raw |= interactive_phase(browser, app.url, expected, reps=args.reps)
        except failures as error:
            errors["interactive"] = str(error)
        try:
            raw |= export_phase(browser, app.url, expected, reps=args.reps, gif=not args.no_gif)
        except failures as error:
            errors["exports"] = str(error)
    return errors


def measure(args: argparse.Namespace, workdir: Path) -> tuple[dict[str, list], dict[str, str]]:
    """Every phase's samples, and the error of each phase that could not finish."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    failures = (BenchError, HarnessError, PlaywrightError)
    db_path = workdir / "controlmap.sqlite"
    fresh_store(db_path)
    expected = expected_fills(db_path)
    raw: dict[str, list] = {}
    errors: dict[str, str] = {}
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            if not args.cold_only:
                errors |= warm_phases(browser, args, db_path, workdir, expected, raw)
            try:
                # Rebuilt so the cold servers read a store this tree's code wrote.
                fresh_store(db_path)
                raw |= cold_phase(browser, db_path, workdir, reps=args.cold_reps)
            except failures as error:
                errors["cold_start"] = str(error)
        finally:
            browser.close()
    return raw, errors


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="controlmap-bench-") as tmp:
        raw, errors = measure(args, Path(tmp))

    transition = raw.pop("transition", None)
    summaries = [summarise(name, samples) for name, samples in raw.items()]
    by_name = {s.name: s for s in summaries}
    fast = by_name["slider_fast"].median_ms if "slider_fast" in by_name else None
    full = by_name["slider_full"].median_ms if "slider_full" in by_name else None
    speedup = round(full / fast, 2) if fast and full else None
    print(table(summaries, speedup=speedup))
    for phase, error in errors.items():
        print(f"phase {phase!r} failed: {error}", file=sys.stderr)
    report = {
        "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "repeats": args.reps,
        "cold_repeats": args.cold_reps,
        "slider_transition": transition,
        "speedup_full_over_fast": speedup,
        "target_speedup": TARGET_SPEEDUP,
        "results": {s.name: {**asdict(s), "met": s.met} for s in summaries},
        "errors": errors,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
