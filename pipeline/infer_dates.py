"""Date undated articles from dated reports of the same capture.

An undated article that says "Farah fell on Tuesday" is anchored by a dated article that puts
Farah's capture on a Tuesday: the undated article was written that day (the earliest date its
"on Tuesday" allows). Only weekday phrases anchor, and only when the weekdays agree; with
several candidate dates the best corroborated wins, then the earliest, and the others are
recorded as disagreements. Pure: events in, dates out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from pipeline.dates import phrase_weekday
from pipeline.extract import GazetteerLike, extract_events
from pipeline.records import Article, Event, Precision, Status


@dataclass(frozen=True, slots=True)
class Inference:
    """The date inferred for one undated article, and from which articles."""

    article_id: str
    date: dt.date
    anchors: tuple[str, ...]  # dated article ids whose events agree
    basis: str  # "inferred from 003 (Farah captured Tuesday 2021-08-10)"
    disagreements: tuple[str, ...] = ()


def infer_undated(
    articles: Iterable[Article], events_by_article: Mapping[str, Sequence[Event]]
) -> dict[str, Inference]:
    """Infer a date for every undated article that a dated article anchors."""
    articles = list(articles)
    dated_captures = _dated_captures(articles, events_by_article)
    inferences: dict[str, Inference] = {}
    for article in articles:
        if article.date is not None:
            continue
        inference = _infer_one(
            article, events_by_article.get(article.article_id, ()), dated_captures
        )
        if inference is not None:
            inferences[article.article_id] = inference
    return inferences


def redate_articles(
    articles: Iterable[Article],
    events_by_article: Mapping[str, Sequence[Event]],
    *,
    gazetteer: GazetteerLike,
) -> dict[str, list[Event]]:
    """Events for every article, undated ones re-extracted against their inferred date."""
    articles = list(articles)
    inferences = infer_undated(articles, events_by_article)
    result: dict[str, list[Event]] = {}
    for article in articles:
        inference = inferences.get(article.article_id)
        if inference is None:
            result[article.article_id] = list(events_by_article.get(article.article_id, ()))
            continue
        redated = dataclasses.replace(article, date=inference.date)
        result[article.article_id] = [
            _with_inferred_basis(event, inference)
            for event in extract_events(redated, gazetteer=gazetteer)
        ]
    return result


def _dated_captures(
    articles: Sequence[Article], events_by_article: Mapping[str, Sequence[Event]]
) -> dict[str, list[Event]]:
    by_province: dict[str, list[Event]] = defaultdict(list)
    for article in articles:
        if article.date is None:
            continue
        for event in events_by_article.get(article.article_id, ()):
            if (
                event.status is Status.CAPTURED
                and event.event_date is not None
                and event.date_precision is Precision.DAY
            ):
                by_province[event.province_iso].append(event)
    return by_province


def _infer_one(
    article: Article, events: Sequence[Event], dated_captures: Mapping[str, list[Event]]
) -> Inference | None:
    # candidate date -> anchoring article ids, and one line of evidence each
    support: dict[dt.date, dict[str, str]] = defaultdict(dict)
    for event in events:
        if event.status is not Status.CAPTURED:
            continue
        weekday = phrase_weekday(event.date_phrase)
        if weekday is None:
            continue
        for anchor in dated_captures.get(event.province_iso, ()):
            if anchor.article_id == article.article_id or anchor.event_date is None:
                continue
            if anchor.event_date.weekday() != weekday:
                continue
            evidence = (
                f"{anchor.article_id} ({event.province} captured "
                f"{anchor.event_date:%A} {anchor.event_date.isoformat()})"
            )
            support[anchor.event_date].setdefault(anchor.article_id, evidence)
    if not support:
        return None
    ranked = sorted(support, key=lambda day: (-len(support[day]), day))
    best = ranked[0]
    anchors = tuple(sorted(support[best]))
    disagreements = tuple(
        f"{', '.join(sorted(support[day]))} suggest {day.isoformat()}" for day in ranked[1:]
    )
    basis = "inferred from " + "; ".join(support[best][a] for a in anchors)
    return Inference(article.article_id, best, anchors, basis, disagreements)


def _with_inferred_basis(event: Event, inference: Inference) -> Event:
    if event.event_date is None:
        return event
    basis = f"{event.date_basis}; article date {inference.date.isoformat()} {inference.basis}"
    return dataclasses.replace(event, date_basis=basis)
