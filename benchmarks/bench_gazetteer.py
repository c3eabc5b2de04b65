"""How long ``Gazetteer.find`` takes on a 3 KB article, and how long loading takes.

Run by hand from the repo root (not a test; the machine is shared and noisy)::

    python benchmarks/bench_gazetteer.py [--reps 300]

The text is the five seed articles joined and cut into 3,000-character pieces, so it holds a
realistic density of place names (about one per 250 characters).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from importlib import resources
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from geo.gazetteer import load_gazetteer  # noqa: E402 (needs the repo root on sys.path first)

ARTICLE_CHARS = 3_000
ROUNDS = 7


def seed_pieces() -> list[str]:
    folder = resources.files("corpus") / "afghanistan-2021"
    joined = "\n\n".join(
        path.read_text(encoding="utf-8") for path in sorted(folder.iterdir(), key=str)
    )
    return [
        joined[start : start + ARTICLE_CHARS]
        for start in range(0, len(joined) - ARTICLE_CHARS + 1, ARTICLE_CHARS)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=300)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    gazetteer = load_gazetteer("AF")
    load_ms = (time.perf_counter() - started) * 1e3

    pieces = seed_pieces()
    per_article_us = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        for _ in range(args.reps):
            for piece in pieces:
                gazetteer.find(piece)
        elapsed = time.perf_counter() - started
        per_article_us.append(elapsed / (args.reps * len(pieces)) * 1e6)
    median = statistics.median(per_article_us)
    mentions = sum(len(gazetteer.find(piece)) for piece in pieces) / len(pieces)
    print(f"load_gazetteer: {load_ms:.0f} ms (cold, includes compiling the matcher)")
    print(f"find() on {ARTICLE_CHARS} chars: median {median:.0f} us over {ROUNDS} rounds")
    print(f"  = {1e6 / median:,.0f} articles/s on one core; {mentions:.1f} mentions per piece")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
