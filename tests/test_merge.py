"""merge_events: one fact per province and status, the well-supported date, disagreements."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.merge import merge_events, undated_events
from pipeline.records import Event, Precision, Status

DAY = Precision.DAY
OOB = Precision.ON_OR_BEFORE


def ev(
    article: str,
    date: str | None,
    precision: Precision = DAY,
    *,
    iso: str = "AF-FRA",
    status: Status = Status.CAPTURED,
    basis: str = "",
    start: int = 0,
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
        if any(e.date_precision == DAY for e in fact.events):
            assert fact.date_precision == DAY
    assert merge_events(list(reversed(events))) == facts
