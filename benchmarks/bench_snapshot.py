"""Time the report exports (issue #4 targets: PNG of a day ≤ 300 ms, GIF of the timeline ≤ 3 s).

    python benchmarks/bench_snapshot.py [--repeats 7] [--synthetic-days 30]

Inputs are the seed corpus' real analysis; the synthetic timeline repeats its days (dates
renumbered) up to ``--synthetic-days`` frames. Each figure is a median and p90 of
``--repeats`` warm runs (the first run, which also builds the geometry cache, is reported
apart as "cold").
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus.load import load_corpus  # noqa: E402
from geo import snapshot  # noqa: E402
from geo.boundaries import provinces  # noqa: E402
from geo.gazetteer import load_gazetteer  # noqa: E402
from pipeline.records import DayStatus  # noqa: E402
from pipeline.run import analyse  # noqa: E402

SEED_CORPUS = ROOT / "corpus" / "afghanistan-2021"
PNG_TARGET_S = 0.300
GIF_TARGET_S = 3.0
P90 = 0.9


@dataclasses.dataclass(frozen=True, slots=True)
class Timing:
    name: str
    cold_s: float
    runs_s: tuple[float, ...]
    target_s: float
    size_bytes: int

    @property
    def median_s(self) -> float:
        return statistics.median(self.runs_s)

    @property
    def p90_s(self) -> float:
        ordered = sorted(self.runs_s)
        return ordered[min(len(ordered) - 1, round(P90 * (len(ordered) - 1)))]


def _time(name: str, run: Callable[[], bytes], *, repeats: int, target_s: float) -> Timing:
    start = time.perf_counter()
    output = run()
    cold = time.perf_counter() - start
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        runs.append(time.perf_counter() - start)
    return Timing(name, cold, tuple(runs), target_s, len(output))


def synthetic_timeline(days: list[list[DayStatus]], *, length: int) -> list[list[DayStatus]]:
    """``length`` days cycling through ``days``, each re-dated to stay one date per frame."""
    first = days[0][0].date
    timeline = []
    for offset in range(length):
        date = first + dt.timedelta(days=offset)
        source = days[offset % len(days)]
        timeline.append([dataclasses.replace(status, date=date) for status in source])
    return timeline


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--synthetic-days", type=int, default=30)
    args = parser.parse_args(argv)

    frame = provinces()
    corpus = load_corpus([SEED_CORPUS])
    analysis = analyse(
        corpus.articles,
        gazetteer=load_gazetteer(),
        provinces=dict(zip(frame.iso, frame.name, strict=True)),
    )
    seed_days = [analysis.day(day) for day in analysis.days]
    last_day = seed_days[-1]
    synthetic = synthetic_timeline(seed_days, length=args.synthetic_days)

    timings = [
        _time(
            "render_png (1 day)",
            lambda: snapshot.render_png(last_day, provinces=frame),
            repeats=args.repeats,
            target_s=PNG_TARGET_S,
        ),
        _time(
            f"render_gif (seed, {len(seed_days)} days)",
            lambda: snapshot.render_gif(seed_days, provinces=frame),
            repeats=args.repeats,
            target_s=GIF_TARGET_S,
        ),
        _time(
            f"render_gif (synthetic, {len(synthetic)} days)",
            lambda: snapshot.render_gif(synthetic, provinces=frame),
            repeats=args.repeats,
            target_s=GIF_TARGET_S,
        ),
    ]
    print(f"{'export':34} {'cold ms':>8} {'median ms':>10} {'p90 ms':>8} {'target ms':>10} size kB")
    for timing in timings:
        verdict = "ok" if timing.median_s <= timing.target_s else "OVER"
        print(
            f"{timing.name:34} {timing.cold_s * 1000:8.0f} {timing.median_s * 1000:10.0f} "
            f"{timing.p90_s * 1000:8.0f} {timing.target_s * 1000:10.0f} "
            f"{timing.size_bytes / 1024:7.0f} {verdict}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
