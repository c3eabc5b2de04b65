"""Benchmark the app as a user meets it: real Streamlit server, headless Chromium.

Run by hand from the repo root (not a test; the machine is shared and noisy)::

    python benchmarks/bench_app.py [--reps 15] [--cold-reps 15]

Prints a table of medians and p90s and writes ``benchmarks/results/app.json``.
Alternatives (fast path vs full re-render) are measured interleaved in the same run, so
background load hits both alike. Times are taken inside the page where possible: from the
input event's own timestamp to the animation frame in which the map's SVG fills match the
new day (``performance.timeOrigin`` makes frames' clocks comparable).
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from tests.e2e.harness import (  # noqa: E402 (needs the repo root on sys.path first)
    PROVINCE_COUNT,
)

RESULTS = REPO_ROOT / "benchmarks" / "results" / "app.json"
DEFAULT_REPS = 15
VIEWPORT = {"width": 1400, "height": 1000}
FULL_RENDER_QUERY = "render=full"
MEASURE_TIMEOUT_MS = 20_000
SETTLE_MS = 400

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

# Walks every same-origin frame (Streamlit component iframes are same-origin), so the same
# probe works whether the map recolours in place or its iframe is rebuilt by a rerun.
ARM_REPAINT_JS = """(expected) => {
  const now = () => performance.timeOrigin + performance.now();
  const windows = () => {
    const out = [];
    const walk = (w) => { try { w.document; out.push(w); for (const f of w.frames) walk(f); }
                          catch (e) {} };
    walk(window);
    return out;
  };
  const matches = () => {
    for (const w of windows()) {
      const paths = w.document.querySelectorAll('path[data-iso]');
      if (paths.length < Object.keys(expected).length) continue;
      let ok = true;
      for (const p of paths) {
        const want = expected[p.getAttribute('data-iso')];
        if (want !== undefined && p.getAttribute('fill') !== want) { ok = false; break; }
      }
      if (ok) return true;
    }
    return false;
  };
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

# Set in every frame before any script runs: when this frame first painted all provinces.
FIRST_PAINT_INIT_JS = """(() => {
  const count = %(count)d;
  const tick = () => {
    const paths = document.querySelectorAll('path[data-iso][fill]');
    if (paths.length >= count) {
      requestAnimationFrame(() => {
        window.__cmFirstPaint = performance.timeOrigin + performance.now();
      });
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();""".replace("%(count)d", str(PROVINCE_COUNT))


@dataclass(frozen=True, slots=True)
class Summary:
    name: str
    n: int
    median_ms: float | None
    p90_ms: float | None
    min_ms: float | None
    target_ms: float | None
    samples_ms: tuple[float, ...]


def summarise(name: str, samples: list[float]) -> Summary:
    clean = sorted(s for s in samples if s is not None)
    if not clean:
        return Summary(name, 0, None, None, None, TARGETS_MS.get(name), ())
    p90 = clean[min(len(clean) - 1, round(0.9 * (len(clean) - 1)))]
    return Summary(
        name=name,
        n=len(clean),
        median_ms=round(statistics.median(clean), 1),
        p90_ms=round(p90, 1),
        min_ms=round(clean[0], 1),
        target_ms=TARGETS_MS.get(name),
        samples_ms=tuple(round(s, 1) for s in samples if s is not None),
    )


def machine() -> dict[str, str | int]:
    return {
        "cpus": os.cpu_count() or 0,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "load_avg_1m": round(os.getloadavg()[0], 2),
    }
