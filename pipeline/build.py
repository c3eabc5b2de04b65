"""Build the store from corpus paths: the one build path the CLI and the app share.

This is an I/O edge (it reads files and writes the store); the work in between is the
pure pipeline (``pipeline.run.iter_events``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from corpus.load import load_corpus
from pipeline import run, store
from pipeline.records import Article, Rejection


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build did, for a one-line summary and the list of skipped inputs."""

    db: Path
    articles: int  # in the store after the build
    new_articles: int
    events: int
    rejections: tuple[Rejection, ...]  # inputs of this build that were skipped, with reasons
    moved_aside: Path | None  # a broken or foreign store that was kept under this name
    problem: str  # why it was moved aside ("" when nothing was)


def build_store(
    paths: Iterable[str | os.PathLike[str]],
    *,
    db: str | os.PathLike[str],
    gazetteer: object,
    progress: run.Progress | None = None,
    on_loaded: Callable[[Sequence[Article], Sequence[Rejection]], None] | None = None,
) -> BuildReport:
    """Load ``paths``, add their articles to the store at ``db`` and re-extract every event.

    Articles already in the store are kept (the store is keyed by content), so a build with
    new files only adds to it. Every event is extracted again because an undated article's
    dates may be anchored by an article added now. A corrupt or foreign store is moved aside,
    never deleted; the write is atomic (temp file, then rename).
    """
    db = Path(db)
    corpus = load_corpus(paths)
    if on_loaded is not None:
        on_loaded(corpus.articles, corpus.rejections)
    existing = store.read_existing(db)
    old_articles = existing.contents.articles if existing.contents else ()
    articles = store.merge_articles(old_articles, corpus.articles)
    events = run.iter_events(articles, gazetteer=gazetteer, progress=progress or _unchanged)
    store.write_store(db, articles=articles, events=events, rejections=corpus.rejections)
    with store.Store.open(db) as built:
        counts = built.counts()
    return BuildReport(
        db=db,
        articles=counts["articles"],
        new_articles=len(articles) - len(old_articles),
        events=counts["events"],
        rejections=corpus.rejections,
        moved_aside=existing.moved_to,
        problem=existing.problem,
    )


def _unchanged(articles: Iterable[Article]) -> Iterable[Article]:
    return articles
