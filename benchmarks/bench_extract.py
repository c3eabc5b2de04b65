"""Extraction throughput and memory on a synthetic corpus built from the seed articles.

    python benchmarks/bench_extract.py [--articles 3000] [--repeats 5]

Articles are made by shuffling the seed articles' sentences into new bodies of 10-40
sentences and giving them dates from August 2021 (a fixed seed, so runs compare). Reports
articles/second (median of the repeats, one core) and the peak traced memory of one pass.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
import tracemalloc
from importlib import resources
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from corpus.load import parse_article  # noqa: E402
from geo.gazetteer import load_gazetteer  # noqa: E402
from pipeline.extract import extract_events  # noqa: E402
from pipeline.records import Article  # noqa: E402
from pipeline.sentences import split_sentences  # noqa: E402

SEED = 20210815
MIN_SENTENCES, MAX_SENTENCES = 10, 40
FIRST_DAY = dt.date(2021, 8, 1)
DAYS = 20
UNDATED_SHARE = 0.2


def seed_sentences() -> list[str]:
    folder = resources.files("corpus") / "afghanistan-2021"
    sentences: list[str] = []
    for entry in sorted(folder.iterdir(), key=lambda f: f.name):
        if entry.name.endswith(".txt"):
            text = parse_article(entry.read_text(encoding="utf-8"), article_id=entry.name).text
            sentences.extend(text[start:end] for start, end in split_sentences(text))
    return sentences


def synthetic_corpus(count: int) -> list[Article]:
    rng = random.Random(SEED)
    pool = seed_sentences()
    articles = []
    for number in range(count):
        body = rng.sample(pool, k=min(len(pool), rng.randint(MIN_SENTENCES, MAX_SENTENCES)))
        paragraphs = "\n\n".join(" ".join(body[i : i + 3]) for i in range(0, len(body), 3))
        dated = rng.random() > UNDATED_SHARE
        date = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS)) if dated else None
        articles.append(Article(article_id=f"s{number:05d}", text=paragraphs, date=date))
    return articles


def one_pass(articles: list[Article], gazetteer) -> int:
    return sum(len(extract_events(article, gazetteer=gazetteer)) for article in articles)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    gazetteer = load_gazetteer("AF")
    articles = synthetic_corpus(args.articles)
    characters = sum(len(a.text) for a in articles)
    rates = []
    events = 0
    for _ in range(args.repeats):
        started = time.perf_counter()
        events = one_pass(articles, gazetteer)
        rates.append(len(articles) / (time.perf_counter() - started))
    tracemalloc.start()
    one_pass(articles[: len(articles) // 10], gazetteer)
    _, peak_tenth = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    one_pass(articles, gazetteer)
    _, peak_all = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{len(articles)} articles, {characters / len(articles):.0f} chars each, {events} events")
    print(
        f"articles/s: median {statistics.median(rates):.0f} (min {min(rates):.0f}, "
        f"max {max(rates):.0f}) over {args.repeats} repeats"
    )
    print(
        f"peak traced memory during a pass: {peak_tenth / 1e3:.0f} kB over 10% of the corpus, "
        f"{peak_all / 1e3:.0f} kB over all of it (flat: nothing accumulates across articles)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
