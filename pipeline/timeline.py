"""Who controls each province on each day, from merged facts.

Pure: facts and a province list in, ``DayStatus`` rows out.

The control ladder (strongest first): ``captured`` › ``claimed`` › ``contested`` ›
``retaken`` › ``held`` (no reported change). On a given day a province shows the
strongest status whose interval covers the day:

- a fact starts on its date; an ``on_or_before`` date counts from that date (the
  latest day it can have happened, so the map never runs ahead of the reports);
- merge keeps one fact per status *and episode* (``pipeline.merge``), so a province
  captured, retaken and captured again has two captured facts and one retaken fact;
- ``captured``, ``claimed`` and ``contested`` each last until a ``retaken`` dated
  strictly later than them; a claim or a fight is overridden by a capture through
  the ladder, so a confirmed capture replaces a claim from its own date;
- ``retaken`` lasts until a ``captured``, ``claimed`` or ``contested`` starts after it;
- a later episode of the same status ends the earlier one, so ``since`` is the start of
  the episode in force and the rule line says which episode it is;
- contested does not decay: silence in the news is not evidence the fighting ended,
  and the ``since`` date and ``rule`` line show how old the report is.

``ProvinceIntervals`` precomputes each province's intervals once, so looking up one day
costs one pass over the provinces, not a rebuild.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from pipeline.merge import OPPOSING, is_inferred
from pipeline.records import DayStatus, Event, Fact, Precision, Status

LADDER: tuple[Status, ...] = (
    Status.CAPTURED,
    Status.CLAIMED,
    Status.CONTESTED,
    Status.RETAKEN,
    Status.HELD,
)
QUOTE_CHARS = 60  # quote excerpt length in the one-line rule
HELD_RULE = "no reported change"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class TimelineError(ValueError):
    """A timeline was asked for an impossible range."""


@dataclass(frozen=True, slots=True)
class Interval:
    """One status of one province from ``start`` up to (not including) ``end``."""

    status: Status
    start: dt.date
    end: dt.date | None  # None: still in force
    fact: Fact
    sources: tuple[str, ...] = ()  # article ids, first seen first
    rule: str = ""

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


def province_intervals(facts: Sequence[Fact]) -> tuple[Interval, ...]:
    """Intervals of one province's facts, strongest status first, then oldest first."""
    dated = sorted(
        (fact for fact in facts if fact.date is not None),
        key=lambda fact: (fact.date, LADDER.index(fact.status)),
    )
    intervals = []
    episodes: Counter[Status] = Counter()
    for fact in dated:
        episodes[fact.status] += 1
        sources = tuple(dict.fromkeys(event.article_id for event in fact.events))
        rule = explain(fact, since=fact.date, episode=episodes[fact.status])
        end = _end_of(fact, dated)
        intervals.append(Interval(fact.status, fact.date, end, fact, sources, rule))
    return tuple(sorted(intervals, key=lambda i: (LADDER.index(i.status), i.start)))


def _end_of(fact: Fact, dated: Sequence[Fact]) -> dt.date | None:
    """First later start of an opposing fact or of the next episode of the same status."""
    enders = OPPOSING[fact.status] | {fact.status}
    later = (other.date for other in dated if other.status in enders and other.date > fact.date)
    return min(later, default=None)


class ProvinceIntervals:
    """Per-province status intervals: ``day(d)`` is one pass over the provinces."""

    __slots__ = ("_intervals", "_provinces")

    def __init__(self, facts: Iterable[Fact], provinces: Mapping[str, str]) -> None:
        grouped: dict[str, list[Fact]] = {iso: [] for iso in provinces}
        for fact in facts:
            if fact.province_iso in grouped:  # facts about unlisted provinces have no polygon
                grouped[fact.province_iso].append(fact)
        self._provinces = dict(sorted(provinces.items()))
        self._intervals = {iso: province_intervals(grouped[iso]) for iso in self._provinces}

    @property
    def provinces(self) -> Mapping[str, str]:
        return dict(self._provinces)

    def day(self, day: dt.date) -> list[DayStatus]:
        """Every province's status on ``day``, sorted by ISO code."""
        return [self._status_of(iso, name, day) for iso, name in self._provinces.items()]

    def _status_of(self, iso: str, name: str, day: dt.date) -> DayStatus:
        for interval in self._intervals[iso]:
            if interval.covers(day):
                return _day_status(interval, day=day, iso=iso, name=name)
        return DayStatus(day, iso, name, Status.HELD, None, (), HELD_RULE)


def _day_status(interval: Interval, *, day: dt.date, iso: str, name: str) -> DayStatus:
    return DayStatus(
        date=day,
        province_iso=iso,
        province=name,
        status=interval.status,
        since=interval.start,
        sources=interval.sources,
        rule=interval.rule,
    )


def explain(fact: Fact, *, since: dt.date, episode: int = 1) -> str:
    """The one-line reason for a colour, naming the first article and its sentence.

    e.g. "captured since 2021-08-10: 3 articles; first: 003_x.txt 'The Taliban captured…'";
    a later episode says so: "...; captured again (episode 2)".
    """
    count = fact.corroboration
    noun = "article" if count == 1 else "articles"
    when = since.isoformat()
    if fact.date_precision == Precision.ON_OR_BEFORE:
        when = f"{when} (on or before)"
    first = first_source(fact)
    line = f"{fact.status.value} since {when}: {count} {noun}; first: {first.article_id} "
    line += f"'{excerpt(first.quote)}'"
    if fact.disagreements:
        line += f"; sources disagree on the date ({len(fact.disagreements)})"
    if episode > 1:
        line += f"; {fact.status.value} again (episode {episode})"
    return line


def first_source(fact: Fact) -> Event:
    """The event that gave the fact its date: a directly dated one before an inferred copy."""
    chosen = (fact.date, fact.date_precision)
    dated = [e for e in fact.events if (e.event_date, e.date_precision) == chosen]
    return min(dated or fact.events, key=lambda e: (is_inferred(e), e.article_id, e.quote_start))


def excerpt(quote: str, *, limit: int = QUOTE_CHARS) -> str:
    """The quote on one line, cut at a word boundary with an ellipsis when long."""
    flat = " ".join(quote.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0]
    return f"{cut}…"


def build_timeline(
    facts: Iterable[Fact], provinces: Mapping[str, str], *, start: dt.date, end: dt.date
) -> list[DayStatus]:
    """Status of every province in ``provinces`` (iso → name) for each day in [start, end].

    Rows are ordered by date, then ISO code. Facts about provinces not in the mapping
    are ignored (they have nothing to colour).
    """
    if end < start:
        msg = f"timeline end {end.isoformat()} is before start {start.isoformat()}"
        raise TimelineError(msg)
    intervals = ProvinceIntervals(facts, provinces)
    rows: list[DayStatus] = []
    for offset in range((end - start).days + 1):
        rows.extend(intervals.day(start + dt.timedelta(days=offset)))
    return rows


def date_range(
    *, events: Iterable[Event] = (), article_dates: Iterable[dt.date | None] = ()
) -> tuple[dt.date, dt.date] | None:
    """Default range of a corpus: first to last event or article date (None if no dates)."""
    dates = [event.event_date for event in events if event.event_date is not None]
    dates += [date for date in article_dates if date is not None]
    if not dates:
        return None
    return min(dates), max(dates)


def summarise(day: Iterable[DayStatus]) -> dict[Status, int]:
    """Count of provinces per status, every status present, ladder order."""
    counts = Counter(status.status for status in day)
    return {status: counts.get(status, 0) for status in LADDER}


def describe_summary(counts: Mapping[Status, int], *, day: dt.date) -> str:
    """e.g. "9 of 34 provinces captured, 2 claimed by 13 Aug 2021"."""
    total = sum(counts.values())
    parts = [
        f"{counts[status]} {status.value}"
        for status in LADDER
        if status != Status.HELD and counts.get(status, 0)
    ]
    if not parts:
        return f"no reported change in {total} provinces by {day_label(day)}"
    parts[0] = parts[0].replace(" ", f" of {total} provinces ", 1)
    return f"{', '.join(parts)} by {day_label(day)}"


def day_label(day: dt.date) -> str:
    """``13 Aug 2021``, the same on every machine (no locale)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
