"""Merge events from many articles into facts: one per province and status.

Pure: events in, facts out, deterministic for any input order.

The date rule (``fact_date``), in order:

1. **Precision first.** A ``day`` date ("on Tuesday") beats an ``on_or_before`` date
   ("has captured", bounded only by the article date). Only when no source gives a day
   date do ``on_or_before`` dates compete.
2. **Support next.** Within that tier, a date reported by two or more articles, at least
   one of which dated the event itself, beats a date reported by a single article (a lone
   outlier). A date *inferred* from another article (``date_basis`` mentions "inferred
   from") adds support but cannot make a date well-supported on its own: it may repeat
   its anchor's date.
3. **Earliest last.** Among the well-supported dates, the earliest wins: control changes
   once, and later reports of the same event restate it.

Every date that lost and contradicts the chosen one is kept as a line in
``Fact.disagreements`` naming the articles, so the analyst sees the conflict instead of a
silent choice ("on or before 12 Aug" does not contradict "10 Aug", nor does a later report
of fighting that is still going on; an article that also gives the chosen date is not
listed against itself). Events without a date never
enter a fact; ``undated_events`` returns them for a "needs a date" list.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence

from pipeline.records import EVENT_STATUSES, Event, Fact, Precision, Status

# The map colours a province by what happens to the province or its capital. A district,
# border crossing or base changing hands is reported beside the colour, not as the colour:
# "Spin Boldak fell" does not mean Kandahar fell. "" is an event from before kinds existed.
COLOURING_PLACE_KINDS = frozenset({"province", "capital", ""})
INFERRED_MARK = "inferred from"  # pipeline.infer_dates writes it into date_basis
WELL_SUPPORTED = 2  # articles needed before a date outranks a lone report
PRECISION_RANK: dict[Precision, int] = {Precision.DAY: 0, Precision.ON_OR_BEFORE: 1}
STATUS_RANK: dict[Status, int] = {status: rank for rank, status in enumerate(EVENT_STATUSES)}


def is_dated(event: Event) -> bool:
    """True when the event has a usable date (day or on-or-before)."""
    return event.event_date is not None and event.date_precision in PRECISION_RANK


def is_inferred(event: Event) -> bool:
    """True when the event's date rests on an article date inferred from another article."""
    return INFERRED_MARK in event.date_basis


def colours_province(event: Event) -> bool:
    """True when the event is about the province itself or its capital, not a town in it."""
    return event.place_kind in COLOURING_PLACE_KINDS


def undated_events(events: Iterable[Event]) -> list[Event]:
    """Events that cannot be placed on the timeline: they need a date from the analyst."""
    return sorted((event for event in events if not is_dated(event)), key=event_order)


def event_order(event: Event) -> tuple:
    """Stable order: date (undated last), then article, then position in the text."""
    date = event.event_date or dt.date.max
    return (date, PRECISION_RANK.get(event.date_precision, 9), event.article_id, event.quote_start)


def merge_events(events: Iterable[Event]) -> list[Fact]:
    """One ``Fact`` per (province, status) from every dated event; see the module rule."""
    groups: dict[tuple[str, Status], list[Event]] = defaultdict(list)
    for event in events:
        if is_dated(event) and event.status in STATUS_RANK:
            groups[(event.province_iso, event.status)].append(event)
    facts = [_merge_group(group) for group in groups.values()]
    return sorted(facts, key=lambda fact: (fact.province_iso, STATUS_RANK[fact.status]))


def _merge_group(group: Sequence[Event]) -> Fact:
    ordered = sorted(group, key=event_order)
    date, precision = fact_date(ordered)
    first = ordered[0]
    return Fact(
        province_iso=first.province_iso,
        province=first.province,
        status=first.status,
        date=date,
        date_precision=precision,
        events=tuple(ordered),
        disagreements=tuple(
            describe_disagreements(ordered, date=date, precision=precision, status=first.status)
        ),
    )


def fact_date(events: Sequence[Event]) -> tuple[dt.date, Precision]:
    """The earliest well-supported date of dated events about one fact (module rule)."""
    precision = min((event.date_precision for event in events), key=PRECISION_RANK.__getitem__)
    tier = [event for event in events if event.date_precision == precision]
    supporters: dict[dt.date, set[str]] = defaultdict(set)
    direct: dict[dt.date, set[str]] = defaultdict(set)
    for event in tier:
        supporters[event.event_date].add(event.article_id)
        if not is_inferred(event):
            direct[event.event_date].add(event.article_id)
    well_supported = [
        date for date, ids in supporters.items() if len(ids) >= WELL_SUPPORTED and direct[date]
    ]
    return min(well_supported or supporters), precision


def describe_disagreements(
    events: Sequence[Event],
    *,
    date: dt.date,
    precision: Precision,
    status: Status = Status.CAPTURED,
) -> list[str]:
    """One line per contradicting date, e.g. "004_x.txt says 2021-08-13; kept 2021-08-12 (...)"."""
    dates = _dates_by_article(events)
    chosen_ids = dates[(date, precision)]
    chosen = f"{_describe_date(date, precision)} ({', '.join(sorted(chosen_ids))})"
    lines = []
    for (other_date, other_precision), ids in dates.items():
        if _consistent(other_date, other_precision, date=date, precision=precision, status=status):
            continue
        dissenters = sorted(ids - chosen_ids)
        if not dissenters:
            continue
        verb = "says" if len(dissenters) == 1 else "say"
        said = _describe_date(other_date, other_precision)
        lines.append(f"{', '.join(dissenters)} {verb} {said}; kept {chosen}")
    return lines


def _consistent(
    other: dt.date,
    other_precision: Precision,
    *,
    date: dt.date,
    precision: Precision,
    status: Status,
) -> bool:
    """Whether a report can be true together with the chosen date."""
    if other_precision == Precision.ON_OR_BEFORE or status == Status.CONTESTED:
        return date <= other  # a bound the chosen date respects; a fight that goes on
    return other == date and other_precision == precision


def _dates_by_article(events: Sequence[Event]) -> dict[tuple[dt.date, Precision], set[str]]:
    dates: dict[tuple[dt.date, Precision], set[str]] = defaultdict(set)
    for event in sorted(events, key=event_order):
        dates[(event.event_date, event.date_precision)].add(event.article_id)
    return dates


def _describe_date(date: dt.date, precision: Precision) -> str:
    if precision == Precision.ON_OR_BEFORE:
        return f"on or before {date.isoformat()}"
    return date.isoformat()
