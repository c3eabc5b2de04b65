"""Merge events from many articles into facts: one per province, status and episode.

Pure: events in, facts out, deterministic for any input order.

**Episodes.** A province can change hands more than once: captured on 1 Aug, retaken on
5 Aug, captured again on 9 Aug. Each such run is its own fact, so the timeline can show
the second capture. Episodes of a status are separated by a dated *opposing* report
(``OPPOSING``): a ``retaken`` separates episodes of ``captured``, ``claimed`` and
``contested``; any of those three separates episodes of ``retaken`` (the same statuses the
timeline lets end each other). The separator must lie strictly between the episode's first
day and the later report: a report of the same day never separates (as in the timeline,
where a retake on the capture day does not end the capture).

The first episode of a status needs a single report. After a separator, reports open a new
episode only when they place the change after it by themselves (``opens_episode``):

- one article that names the day itself ("on Monday", after the retake) is enough: the
  sentence contradicts the retake's colour outright, and hiding it would show government
  control that a quoted report denies; the rule line says "1 article";
- otherwise two articles, at least one dated directly: independent reports of a change;
- a single article whose sentence names no day (dated by the article's own date: "residents
  who fled after the Taliban captured Farah are returning"), only bounds it ("earlier",
  on or before), or any number whose date was only inferred from another article, may as
  well restate the earlier episode: the stale background sentence is common in news. It
  stays in that episode, out of its date choice, and is listed in ``Fact.disagreements``
  naming the separator ("d says 2021-08-09, after retaken 2021-08-05 (c); not enough for a
  new captured episode; ..."); a later report that adds the missing support opens the
  episode with it.

Reports are placed day by day, oldest first; left-over reports never separate episodes of
the opposing status, only reports that belong to an episode do.

The date rule within an episode (``fact_date``), in order:

1. **Precision first.** A ``day`` date ("on Tuesday") beats an ``on_or_before`` date
   ("had captured ... earlier", bounded only by the article date). Only when no source gives a day
   date do ``on_or_before`` dates compete.
2. **Support next.** Within that tier, a date reported by two or more articles, at least
   one of which dated the event itself, beats a date reported by a single article (a lone
   outlier). A date *inferred* from another article (``date_basis`` mentions "inferred
   from") adds support but cannot make a date well-supported on its own: it may repeat
   its anchor's date.
3. **Earliest last.** Among the well-supported dates, the earliest wins: control changes
   once per episode, and later reports of the same event restate it.

Every date of the episode that lost and contradicts the chosen one is kept as a line in
``Fact.disagreements`` naming the articles, so the analyst sees the conflict instead of a
silent choice ("on or before 12 Aug" does not contradict "10 Aug", nor does a later report
of fighting that is still going on; an article that also gives the chosen date is not
listed against itself). A date that opened another episode is not a disagreement. Events
without a date never enter a fact; ``undated_events`` returns them for a "needs a date"
list.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from pipeline.records import EVENT_STATUSES, Event, Fact, Precision, Status

# The map colours a province by what happens to the province or its capital. A district,
# border crossing or base changing hands is reported beside the colour, not as the colour:
# "Spin Boldak fell" does not mean Kandahar fell. "" is an event from before kinds existed.
COLOURING_PLACE_KINDS = frozenset({"province", "capital", ""})
INFERRED_MARK = "inferred from"  # pipeline.infer_dates writes it into date_basis
WELL_SUPPORTED = 2  # articles needed before a date outranks a lone report
PRECISION_RANK: dict[Precision, int] = {Precision.DAY: 0, Precision.ON_OR_BEFORE: 1}
STATUS_RANK: dict[Status, int] = {status: rank for rank, status in enumerate(EVENT_STATUSES)}
# Which reports end an episode of a status (and so separate two of its episodes).
OPPOSING: dict[Status, frozenset[Status]] = {
    Status.CAPTURED: frozenset({Status.RETAKEN}),
    Status.CLAIMED: frozenset({Status.RETAKEN}),
    Status.CONTESTED: frozenset({Status.RETAKEN}),
    Status.RETAKEN: frozenset({Status.CAPTURED, Status.CLAIMED, Status.CONTESTED}),
}


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


def full_order(event: Event) -> tuple:
    """``event_order``, then every other field, so equal keys never depend on input order."""
    return (
        *event_order(event),
        event.province_iso,
        STATUS_RANK.get(event.status, 9),
        event.quote_end,
        event.place_start,
        event.place_end,
        event.date_basis,
        event.place,
        event.quote,
        event.province,
        event.actor,
        event.date_phrase,
        event.manner,
        event.attribution,
        event.confidence,
        event.place_kind,
    )


def is_explicit_day(event: Event) -> bool:
    """True when the article itself names the day ("on Monday"), not just its own date."""
    return event.date_precision == Precision.DAY and bool(event.date_phrase)


def opens_episode(events: Sequence[Event]) -> bool:
    """Whether reports after an opposing one say control changed again (module rule)."""
    direct = [event for event in events if not is_inferred(event)]
    if any(is_explicit_day(event) for event in direct):
        return True
    return bool(direct) and len({event.article_id for event in events}) >= WELL_SUPPORTED


def merge_events(events: Iterable[Event]) -> list[Fact]:
    """One ``Fact`` per (province, status, episode) from every dated event (module rule)."""
    by_province: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        if is_dated(event) and event.status in STATUS_RANK:
            by_province[event.province_iso].append(event)
    facts = [fact for group in by_province.values() for fact in province_facts(group)]
    return sorted(facts, key=fact_order)


def fact_order(fact: Fact) -> tuple:
    """Province, status, then episodes oldest first."""
    return (
        fact.province_iso,
        STATUS_RANK[fact.status],
        fact.date or dt.date.max,
        full_order(fact.events[0]),
    )


@dataclass(slots=True)
class _Episode:
    """A fact under construction: ``core`` dates it, ``stragglers`` only ride along."""

    status: Status
    start: dt.date
    core: list[Event]
    stragglers: list[tuple[Event, Event]] = field(default_factory=list)  # (report, separator)


def province_facts(events: Iterable[Event]) -> list[Fact]:
    """The facts of one province's dated events: one per status and episode."""
    by_day: dict[dt.date, list[Event]] = defaultdict(list)
    for event in sorted(events, key=full_order):
        by_day[event.event_date].append(event)
    episodes: dict[Status, list[_Episode]] = defaultdict(list)
    core: dict[Status, list[Event]] = defaultdict(list)  # events that belong to an episode
    for day in sorted(by_day):
        for status in EVENT_STATUSES:
            todays = [event for event in by_day[day] if event.status == status]
            if todays:
                _place(todays, day=day, episodes=episodes[status], core=core)
    return [_episode_fact(episode) for runs in episodes.values() for episode in runs]


def _place(
    todays: list[Event], *, day: dt.date, episodes: list[_Episode], core: dict[Status, list[Event]]
) -> None:
    """Put one day's reports of one status into the current episode, a new one, or aside."""
    status = todays[0].status
    if not episodes:
        episodes.append(_Episode(status, day, list(todays)))
        core[status].extend(todays)
        return
    current = episodes[-1]
    separator = latest_separator(core, status=status, after=current.start, before=day)
    if separator is None:
        current.core.extend(todays)
        core[status].extend(todays)
        return
    waiting = [
        report for report, _ in current.stragglers if report.event_date > separator.event_date
    ]
    candidates = sorted(waiting + todays, key=full_order)
    if not opens_episode(candidates):
        current.stragglers.extend((report, separator) for report in todays)
        return
    # Reports that waited for support join the new episode and stop being stragglers.
    current.stragglers = [pair for pair in current.stragglers if pair[0] not in waiting]
    start = min(report.event_date for report in candidates)
    episodes.append(_Episode(status, start, candidates))
    core[status].extend(candidates)


def latest_separator(
    core: dict[Status, list[Event]], *, status: Status, after: dt.date, before: dt.date
) -> Event | None:
    """The latest report of an opposing episode dated strictly between ``after`` and ``before``."""
    between = [
        event
        for opposing in OPPOSING[status]
        for event in core.get(opposing, ())
        if after < event.event_date < before
    ]
    return max(between, key=full_order, default=None)


def _episode_fact(episode: _Episode) -> Fact:
    ordered = sorted(episode.core, key=full_order)
    date, precision = fact_date(ordered)
    first = ordered[0]
    lines = describe_disagreements(ordered, date=date, precision=precision, status=episode.status)
    lines += describe_stragglers(
        episode.stragglers, kept=ordered, date=date, precision=precision, status=episode.status
    )
    stragglers = [report for report, _ in episode.stragglers]
    return Fact(
        province_iso=first.province_iso,
        province=first.province,
        status=episode.status,
        date=date,
        date_precision=precision,
        events=tuple(sorted(ordered + stragglers, key=full_order)),
        disagreements=tuple(lines),
    )


def describe_stragglers(
    stragglers: Sequence[tuple[Event, Event]],
    *,
    kept: Sequence[Event],
    date: dt.date,
    precision: Precision,
    status: Status,
) -> list[str]:
    """One line per report left in an episode after an opposing one, naming the separator.

    e.g. "d says on or before 2021-08-09, after retaken 2021-08-05 (c); not enough for a new
    captured episode; kept 2021-08-01 (a, b)"
    """
    chosen_ids = _dates_by_article(kept)[(date, precision)]
    chosen = f"{_describe_date(date, precision)} ({', '.join(sorted(chosen_ids))})"
    grouped: dict[tuple[dt.date, Precision, Event], set[str]] = defaultdict(set)
    for report, separator in sorted(stragglers, key=lambda pair: full_order(pair[0])):
        grouped[(report.event_date, report.date_precision, separator)].add(report.article_id)
    lines = []
    for (other_date, other_precision, separator), ids in grouped.items():
        dissenters = sorted(ids - chosen_ids)
        if not dissenters:
            continue
        verb = "says" if len(dissenters) == 1 else "say"
        said = _describe_date(other_date, other_precision)
        after = f"{separator.status.value} "
        after += _describe_date(separator.event_date, separator.date_precision)
        lines.append(
            f"{', '.join(dissenters)} {verb} {said}, after {after} ({separator.article_id}); "
            f"not enough for a new {status.value} episode; kept {chosen}"
        )
    return lines


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
