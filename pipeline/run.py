"""Articles → events (dates inferred) → facts → timeline, in one pure call.

``analyse`` is what the CLI and the app both call. The returned ``Analysis`` keeps the
per-province status intervals, so ``Analysis.day(d)`` (the app's slider) is one pass
over the provinces rather than a rebuild of the timeline.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from pipeline.extract import GazetteerLike, extract_events
from pipeline.infer_dates import redate_articles
from pipeline.merge import colours_province, is_dated, merge_events, undated_events
from pipeline.records import Article, DayStatus, Event, Fact, Status
from pipeline.timeline import ProvinceIntervals, build_timeline, date_range, summarise


class StoreContentsLike(Protocol):
    articles: Sequence[Article]
    events: Sequence[Event]


Progress = Callable[[Iterable[Article]], Iterable[Article]]


def _no_progress(articles: Iterable[Article]) -> Iterable[Article]:
    return articles


class AnalysisError(ValueError):
    """An analysis was asked for something it cannot answer (e.g. a timeline without dates)."""


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the map needs, computed once; day lookups are cheap."""

    articles: tuple[Article, ...]
    events: tuple[Event, ...]  # after date inference, in ``sorted_events`` order
    facts: tuple[Fact, ...]
    undated: tuple[Event, ...]  # "needs a date": not on the timeline
    provinces: Mapping[str, str]  # iso → name, every province the map shows
    date_range: tuple[dt.date, dt.date] | None  # first to last event or article date
    intervals: ProvinceIntervals = field(repr=False, compare=False)

    @property
    def days(self) -> tuple[dt.date, ...]:
        """Every day of the corpus' date range, in order (empty when nothing is dated)."""
        if self.date_range is None:
            return ()
        first, last = self.date_range
        return tuple(first + dt.timedelta(days=n) for n in range((last - first).days + 1))

    @property
    def local_events(self) -> tuple[Event, ...]:
        """Dated events about towns, districts or bases: shown beside a colour, never as it."""
        return tuple(e for e in self.events if not colours_province(e) and is_dated(e))

    def day(self, day: dt.date) -> list[DayStatus]:
        """Every province's status on one day (ISO order)."""
        return self.intervals.day(day)

    def timeline(self, start: dt.date | None = None, end: dt.date | None = None) -> list[DayStatus]:
        """Every province for every day in [start, end], defaulting to the corpus range."""
        if (start is None or end is None) and self.date_range is None:
            msg = "no dated article or event, so the timeline has no default range"
            raise AnalysisError(msg)
        first, last = self.date_range or (start, end)
        return build_timeline(self.facts, self.provinces, start=start or first, end=end or last)

    def summary(self, day: dt.date) -> dict[Status, int]:
        """Provinces per status on one day, e.g. {captured: 9, claimed: 2, ...}."""
        return summarise(self.day(day))

    def events_of(self, province_iso: str) -> tuple[Event, ...]:
        """Every event about one province (for a popup's quotes)."""
        return tuple(event for event in self.events if event.province_iso == province_iso)

    def events_until(self, day: dt.date) -> tuple[Event, ...]:
        """Dated events known by ``day``: what a map of that day may quote, nothing later."""
        return tuple(e for e in self.events if e.event_date is not None and e.event_date <= day)


def analyse(
    articles: Sequence[Article], *, gazetteer: GazetteerLike, provinces: Mapping[str, str]
) -> Analysis:
    """Extract, date, merge and lay out the timeline of ``articles``."""
    events = extract_all(articles, gazetteer=gazetteer)
    return analyse_events(articles, events, provinces=provinces)


def analyse_events(
    articles: Sequence[Article], events: Iterable[Event], *, provinces: Mapping[str, str]
) -> Analysis:
    """The analysis of events already extracted and dated (e.g. loaded from the store)."""
    events = tuple(sorted_events(events))
    facts = tuple(merge_events(event for event in events if colours_province(event)))
    span = date_range(events=events, article_dates=(article.date for article in articles))
    return Analysis(
        articles=tuple(articles),
        events=events,
        facts=facts,
        undated=tuple(undated_events(events)),
        provinces=dict(sorted(provinces.items())),
        date_range=span,
        intervals=ProvinceIntervals(facts, provinces),
    )


def analyse_store(contents: StoreContentsLike, *, provinces: Mapping[str, str]) -> Analysis:
    """The analysis of what a store holds (``pipeline.store.StoreContents``)."""
    return analyse_events(contents.articles, contents.events, provinces=provinces)


def sorted_events(events: Iterable[Event]) -> list[Event]:
    """Events in a fixed order: article, position in the text, province, status."""
    return sorted(
        events,
        key=lambda e: (e.article_id, e.quote_start, e.place_start, e.province_iso, e.status),
    )


def extract_all(
    articles: Sequence[Article], *, gazetteer: GazetteerLike, progress: Progress = _no_progress
) -> list[Event]:
    """Events of every article, then undated articles re-dated from their dated peers."""
    return list(iter_events(articles, gazetteer=gazetteer, progress=progress))


def iter_events(
    articles: Sequence[Article], *, gazetteer: GazetteerLike, progress: Progress = _no_progress
) -> Iterator[Event]:
    """Like ``extract_all``, lazily: nothing runs until the first event is asked for."""
    extracted = {
        article.article_id: extract_events(article, gazetteer=gazetteer)
        for article in progress(articles)
    }
    redated = redate_articles(articles, extracted, gazetteer=gazetteer)
    for article in articles:
        yield from redated.get(article.article_id, ())
