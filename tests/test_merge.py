"""merge_events: one fact per province, status and episode; the date rule; disagreements."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.merge import (
    OPPOSING,
    full_order,
    is_explicit_day,
    is_inferred,
    merge_events,
    opens_episode,
    undated_events,
)
from pipeline.records import Event, Fact, Precision, Status

DAY = Precision.DAY
OOB = Precision.ON_OR_BEFORE
C, CL, CT, R = Status.CAPTURED, Status.CLAIMED, Status.CONTESTED, Status.RETAKEN
INFERRED = "'on Monday'; article date inferred from z"


def ev(
    article: str,
    date: str | None,
    precision: Precision = DAY,
    *,
    iso: str = "AF-FRA",
    status: Status = Status.CAPTURED,
    basis: str = "",
    start: int = 0,
    phrase: str = "on Monday",
) -> Event:
    quote = f"{article} reports {status.value}."
    return Event(
        article_id=article,
        province_iso=iso,
        province=iso.removeprefix("AF-").title(),
        place=iso,
        status=status,
        quote=quote,
        quote_start=start,
        quote_end=start + len(quote),
        place_start=start,
        place_end=start + 3,
        event_date=dt.date.fromisoformat(date) if date else None,
        date_precision=precision if date else Precision.UNKNOWN,
        date_basis=basis,
        date_phrase=phrase if date else "",
    )


# (case, events, expected date, expected precision, expected number of disagreement lines)
DATE_CASES = [
    ("single report", [ev("a", "2021-08-10")], "2021-08-10", DAY, 0),
    ("agreeing reports", [ev("a", "2021-08-10"), ev("b", "2021-08-10")], "2021-08-10", DAY, 0),
    (
        "day beats earlier on_or_before",
        [ev("a", "2021-08-09", OOB), ev("b", "2021-08-10")],
        "2021-08-10",
        DAY,
        1,
    ),
    (
        "on_or_before only: earliest",
        [ev("a", "2021-08-12", OOB), ev("b", "2021-08-11", OOB)],
        "2021-08-11",
        OOB,
        0,
    ),
    (
        "two articles beat a lone earlier outlier",
        [ev("a", "2021-08-10"), ev("b", "2021-08-10"), ev("c", "2021-08-08")],
        "2021-08-10",
        DAY,
        1,
    ),
    (
        "lone reports each: earliest wins",
        [ev("a", "2021-08-12"), ev("b", "2021-08-11")],
        "2021-08-11",
        DAY,
        1,
    ),
    (
        "two well-supported dates: earliest",
        [ev(x, "2021-08-12") for x in "abc"] + [ev(x, "2021-08-11") for x in "de"],
        "2021-08-11",
        DAY,
        1,
    ),
    (
        "one article twice is still one article",
        [ev("a", "2021-08-08", start=0), ev("a", "2021-08-08", start=50), ev("b", "2021-08-10")],
        "2021-08-08",
        DAY,
        1,
    ),
    (
        "an inferred report joins a direct one",
        [
            ev("a", "2021-08-10"),
            ev("b", "2021-08-10", basis="'Tuesday'; article date inferred from a"),
            ev("c", "2021-08-09"),
        ],
        "2021-08-10",
        DAY,
        1,
    ),
    (
        "inferred reports alone are never well-supported",
        [
            ev("a", "2021-08-10", basis="inferred from x"),
            ev("b", "2021-08-10", basis="inferred from x"),
            ev("c", "2021-08-09"),
        ],
        "2021-08-09",
        DAY,
        1,
    ),
    (
        "a consistent on_or_before bound is no disagreement",
        [ev("a", "2021-08-10"), ev("b", "2021-08-12", OOB)],
        "2021-08-10",
        DAY,
        0,
    ),
    (
        "fighting reported again later is no disagreement",
        [
            ev("a", "2021-08-10", status=Status.CONTESTED),
            ev("b", "2021-08-11", status=Status.CONTESTED),
        ],
        "2021-08-10",
        DAY,
        0,
    ),
    (
        "an article is not listed against itself",
        [ev("a", "2021-08-10"), ev("a", "2021-08-11", start=40)],
        "2021-08-10",
        DAY,
        0,
    ),
    (
        "inferred dates alone still count",
        [ev("b", "2021-08-10", basis="inferred from a")],
        "2021-08-10",
        DAY,
        0,
    ),
]


@pytest.mark.parametrize(
    ("events", "date", "precision", "n_disagreements"),
    [case[1:] for case in DATE_CASES],
    ids=[case[0] for case in DATE_CASES],
)
def test_fact_date_rule(events, date, precision, n_disagreements):
    (fact,) = merge_events(events)
    assert fact.date == dt.date.fromisoformat(date)
    assert fact.date_precision == precision
    assert len(fact.disagreements) == n_disagreements


def test_merge_keeps_every_source_and_counts_articles():
    events = [ev("b", "2021-08-10"), ev("a", "2021-08-10"), ev("a", "2021-08-10", start=99)]
    (fact,) = merge_events(events)
    assert fact.corroboration == 2
    assert len(fact.events) == 3
    assert [e.article_id for e in fact.events] == ["a", "a", "b"]


def test_disagreement_names_articles_and_dates():
    events = [ev("002.txt", "2021-08-12"), ev("004.txt", "2021-08-11", OOB)]
    events += [ev("005.txt", "2021-08-13"), ev("006.txt", "2021-08-13")]
    (fact,) = merge_events(events)
    assert fact.disagreements == (
        "004.txt says on or before 2021-08-11; kept 2021-08-13 (005.txt, 006.txt)",
        "002.txt says 2021-08-12; kept 2021-08-13 (005.txt, 006.txt)",
    )


def test_groups_by_province_and_status():
    events = [
        ev("a", "2021-08-10"),
        ev("a", "2021-08-09", status=Status.CONTESTED),
        ev("b", "2021-08-11", iso="AF-KAN"),
    ]
    facts = merge_events(events)
    assert [(f.province_iso, f.status) for f in facts] == [
        ("AF-FRA", Status.CAPTURED),
        ("AF-FRA", Status.CONTESTED),
        ("AF-KAN", Status.CAPTURED),
    ]


def test_undated_events_are_kept_apart():
    dated, undated = ev("a", "2021-08-10"), ev("b", None)
    assert [f.corroboration for f in merge_events([dated, undated])] == [1]
    assert undated_events([dated, undated]) == [undated]


def test_merge_is_independent_of_input_order():
    events = [ev(x, f"2021-08-{10 + i % 3}", iso=f"AF-{x.upper()}X") for i, x in enumerate("abc")]
    events += [ev(x, "2021-08-11", status=Status.CLAIMED) for x in "defg"]
    shuffled = events[:]
    random.Random(7).shuffle(shuffled)
    assert merge_events(shuffled) == merge_events(events)


@st.composite
def event_lists(draw) -> list[Event]:
    size = draw(st.integers(min_value=0, max_value=25))
    events = []
    for n in range(size):
        events.append(
            ev(
                draw(st.sampled_from(["a", "b", "c", "d"])),
                draw(st.sampled_from([None, "2021-08-09", "2021-08-10", "2021-08-12"])),
                draw(st.sampled_from([DAY, OOB])),
                iso=draw(st.sampled_from(["AF-FRA", "AF-KAN"])),
                status=draw(st.sampled_from(list(Status)[:4])),
                basis=draw(st.sampled_from(["", "x; inferred from b"])),
                start=n,
                phrase=draw(st.sampled_from(["", "on Monday"])),
            )
        )
    return events


@given(event_lists())
def test_merge_properties(events):
    facts = merge_events(events)
    merged = [event for fact in facts for event in fact.events]
    dated = [event for event in events if event.event_date is not None]
    assert sorted(merged, key=repr) == sorted(dated, key=repr)  # each dated event exactly once
    assert len(undated_events(events)) == len(events) - len(dated)
    for fact in facts:
        assert (fact.date, fact.date_precision) in {
            (e.event_date, e.date_precision) for e in fact.events
        }
        if any(is_explicit_day(e) and not is_inferred(e) for e in fact.events):
            assert fact.date_precision == DAY  # such a report never waits outside the date choice
    assert merge_events(list(reversed(events))) == facts
    for earlier, later in consecutive_episodes(facts):
        assert opens_episode(later.events)  # a later episode is never one stale report
        opposing = [
            e.event_date
            for fact in facts
            if fact.province_iso == earlier.province_iso and fact.status in OPPOSING[later.status]
            for e in fact.events
        ]
        first = min(e.event_date for e in earlier.events)
        assert any(first < date < later.date for date in opposing)  # a report between them


@given(event_lists(), st.randoms(use_true_random=False))
def test_merge_is_independent_of_any_input_order(events, rng):
    shuffled = events[:]
    rng.shuffle(shuffled)
    assert merge_events(shuffled) == merge_events(events)


def consecutive_episodes(facts: list[Fact]) -> list[tuple[Fact, Fact]]:
    """Pairs of episodes of one province and status, oldest first (merge's output order)."""
    return [
        (a, b)
        for a, b in itertools.pairwise(facts)
        if (a.province_iso, a.status) == (b.province_iso, b.status)
    ]


def episodes(events: list[Event]) -> list[tuple[str, str, str, int]]:
    """(status, date, articles, disagreement lines) per fact, in merge's order."""
    return [
        (
            f.status.value,
            f.date.isoformat()[5:],
            "".join(sorted({e.article_id for e in f.events})),
            len(f.disagreements),
        )
        for f in merge_events(events)
    ]


STATUS_CODES = {"C": C, "CL": CL, "CT": CT, "R": R}


def story(*reports: str) -> list[Event]:
    """Events from "C a 01" (captured, article a, "on Sunday" 1 Aug); "C~" bounds on or before
    the day, "C*" has a date inferred from another article, "C=" names no day (the article's
    own date)."""
    events = []
    for report in reports:
        code, article, day = report.split()
        status = STATUS_CODES[code.rstrip("~*=")]
        precision = OOB if "~" in code else DAY
        basis = INFERRED if "*" in code else ""
        phrase = "" if "=" in code else "on Sunday"
        date = f"2021-08-{day}"
        events.append(ev(article, date, precision, status=status, basis=basis, phrase=phrase))
    return events


# (case, reports, expected episodes: (status, MM-DD, articles, disagreement lines))
EPISODE_CASES = [
    (
        "capture, retake, capture again",
        story("C a 01", "R b 05", "C c 09"),
        [
            ("captured", "08-01", "a", 0),
            ("captured", "08-09", "c", 0),
            ("retaken", "08-05", "b", 0),
        ],
    ),
    (
        "retake, capture, retake again",
        story("R a 02", "C b 04", "R c 07"),
        [("captured", "08-04", "b", 0), ("retaken", "08-02", "a", 0), ("retaken", "08-07", "c", 0)],
    ),
    (
        "claimed again after a retake",
        story("CL a 02", "R b 04", "CL c 08"),
        [("claimed", "08-02", "a", 0), ("claimed", "08-08", "c", 0), ("retaken", "08-04", "b", 0)],
    ),
    (
        "fighting again after a retake",
        story("CT a 02", "R b 04", "CT c 06"),
        [
            ("contested", "08-02", "a", 0),
            ("contested", "08-06", "c", 0),
            ("retaken", "08-04", "b", 0),
        ],
    ),
    (
        "a retake after a claim is a new retake episode",
        story("R a 02", "CL b 04", "R c 07"),
        [("claimed", "08-04", "b", 0), ("retaken", "08-02", "a", 0), ("retaken", "08-07", "c", 0)],
    ),
    (
        "a later outlier with no retake between is still a disagreement",
        story("C a 10", "C b 10", "C c 12"),
        [("captured", "08-10", "abc", 1)],
    ),
    (
        "a retake on the capture day separates nothing",
        story("C a 10", "R b 10", "C c 12"),
        [("captured", "08-10", "ac", 1), ("retaken", "08-10", "b", 0)],
    ),
    (
        "the second capture keeps its own outlier",
        story("C a 01", "R b 05", "C c 09", "C d 09", "C e 11"),
        [
            ("captured", "08-01", "a", 0),
            ("captured", "08-09", "cde", 1),
            ("retaken", "08-05", "b", 0),
        ],
    ),
    (
        "one 'has captured' bound after a retake restates the first capture",
        story("C a 01", "R b 05", "C~ d 09"),
        [("captured", "08-01", "ad", 1), ("retaken", "08-05", "b", 0)],
    ),
    (
        "one sentence naming no day after a retake restates the first capture",
        story("C a 01", "R b 05", "C= d 09"),
        [("captured", "08-01", "ad", 1), ("retaken", "08-05", "b", 0)],
    ),
    (
        "two articles naming no day after a retake open a new episode",
        story("C a 01", "R b 05", "C= d 09", "C= e 10"),
        [
            ("captured", "08-01", "a", 0),
            ("captured", "08-09", "de", 1),
            ("retaken", "08-05", "b", 0),
        ],
    ),
    (
        "one inferred day after a retake restates the first capture",
        story("C a 01", "R b 05", "C* d 09"),
        [("captured", "08-01", "ad", 1), ("retaken", "08-05", "b", 0)],
    ),
    (
        "two inferred days after a retake still restate it",
        story("C a 01", "R b 05", "C* d 09", "C* e 09"),
        [("captured", "08-01", "ade", 1), ("retaken", "08-05", "b", 0)],
    ),
    (
        "two articles bounding a capture after a retake open a new episode",
        story("C a 01", "R b 05", "C~ d 09", "C~ e 10"),
        [
            ("captured", "08-01", "a", 0),
            ("captured", "08-09", "de", 0),
            ("retaken", "08-05", "b", 0),
        ],
    ),
    (
        "a stale report never separates the opposing status",
        story("C a 01", "R b 05", "C~ d 07", "R e 09"),
        [("captured", "08-01", "ad", 1), ("retaken", "08-05", "be", 1)],
    ),
    (
        "a stale retake after a recapture stays with the first retake",
        story("C a 01", "R b 05", "C c 07", "R~ d 09"),
        [
            ("captured", "08-01", "a", 0),
            ("captured", "08-07", "c", 0),
            ("retaken", "08-05", "bd", 1),
        ],
    ),
    (
        "three episodes",
        story("C a 01", "R b 03", "C c 05", "R d 07", "C e 09"),
        [
            ("captured", "08-01", "a", 0),
            ("captured", "08-05", "c", 0),
            ("captured", "08-09", "e", 0),
            ("retaken", "08-03", "b", 0),
            ("retaken", "08-07", "d", 0),
        ],
    ),
]


@pytest.mark.parametrize(
    ("events", "expected"),
    [case[1:] for case in EPISODE_CASES],
    ids=[case[0] for case in EPISODE_CASES],
)
def test_episodes(events, expected):
    assert episodes(events) == expected


def test_a_stale_report_names_the_retake_it_came_after():
    captured = merge_events(story("C a 01", "C b 01", "R c 05", "C~ d 09"))[0]
    assert captured.disagreements == (
        "d says on or before 2021-08-09, after retaken 2021-08-05 (c); "
        "not enough for a new captured episode; kept 2021-08-01 (a, b)",
    )


def test_episodes_of_one_province_leave_others_alone():
    events = [*story("C a 01", "R b 05", "C c 09"), ev("d", "2021-08-09", iso="AF-KAN")]
    kandahar = [f for f in merge_events(events) if f.province_iso == "AF-KAN"]
    assert [(f.status, f.date.day, f.corroboration) for f in kandahar] == [(C, 9, 1)]


def _other_value(value: object) -> object:
    if isinstance(value, Status):
        return Status.RETAKEN if value is not Status.RETAKEN else Status.CLAIMED
    if isinstance(value, Precision):
        return Precision.UNKNOWN if value is not Precision.UNKNOWN else Precision.DAY
    if isinstance(value, dt.date):
        return value + dt.timedelta(days=1)
    if isinstance(value, (int, float)):
        return value + 1
    return f"{value}x"


@pytest.mark.parametrize("field", [f.name for f in dataclasses.fields(Event)])
def test_full_order_tells_apart_events_differing_in_any_field(field):
    # merge sorts by full_order so that ties never depend on input order: it must read every field
    event = ev("a", "2021-08-10", basis="'on Tuesday'")
    changed = dataclasses.replace(event, **{field: _other_value(getattr(event, field))})
    assert full_order(event) != full_order(changed)
