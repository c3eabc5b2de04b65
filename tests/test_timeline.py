"""build_timeline: the control ladder, episodes, persistence, since/rule lines, summaries."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.boundaries import iso_subdivisions
from pipeline.merge import merge_events
from pipeline.records import Event, Precision, Status
from pipeline.timeline import (
    ProvinceIntervals,
    TimelineError,
    build_timeline,
    date_range,
    describe_summary,
    excerpt,
    summarise,
)

PROVINCES = {"AF-FRA": "Farah", "AF-KAB": "Kabul", "AF-BDG": "Badghis"}
C, CL, CT, R, H = (
    Status.CAPTURED,
    Status.CLAIMED,
    Status.CONTESTED,
    Status.RETAKEN,
    Status.HELD,
)
OOB = Precision.ON_OR_BEFORE


def d(day: int) -> dt.date:
    return dt.date(2021, 8, day)


def ev(status: Status, day: int, *, article: str = "a", precision=Precision.DAY) -> Event:
    quote = f"The Taliban {status.value} Farah city on day {day}, said officials in the city."
    return Event(
        article_id=article,
        province_iso="AF-FRA",
        province="Farah",
        place="Farah city",
        status=status,
        quote=quote,
        quote_start=0,
        quote_end=len(quote),
        place_start=12,
        place_end=22,
        event_date=d(day),
        date_precision=precision,
        date_phrase="on Monday",
    )


def farah_statuses(events: list[Event], *, start: int = 8, end: int = 16) -> list[Status]:
    rows = build_timeline(merge_events(events), PROVINCES, start=d(start), end=d(end))
    return [row.status for row in rows if row.province_iso == "AF-FRA"]


# (case, events, Farah's status on 8..16 Aug)
LADDER_CASES = [
    ("nothing reported", [], [H] * 9),
    ("capture persists", [ev(C, 10)], [H, H] + [C] * 7),
    ("claim then confirmed", [ev(CL, 9), ev(C, 12)], [H] + [CL] * 3 + [C] * 5),
    ("claim then retaken", [ev(CL, 9), ev(R, 11)], [H, CL, CL] + [R] * 6),
    ("capture then retaken", [ev(C, 10), ev(R, 13)], [H, H, C, C, C] + [R] * 4),
    ("retaken then captured", [ev(R, 9), ev(C, 12)], [H, R, R, R] + [C] * 5),
    ("contested does not decay", [ev(CT, 8)], [CT] * 9),
    ("contested then captured", [ev(CT, 8), ev(C, 11)], [CT, CT, CT] + [C] * 6),
    ("contested then retaken", [ev(CT, 8), ev(R, 10)], [CT, CT] + [R] * 7),
    ("retake on capture day does not end it", [ev(C, 10), ev(R, 10)], [H, H] + [C] * 7),
    ("retaken then contested again", [ev(R, 9), ev(CT, 11)], [H, R, R] + [CT] * 6),
    (
        "on_or_before counts from its date",
        [ev(C, 12, precision=Precision.ON_OR_BEFORE)],
        [H] * 4 + [C] * 5,
    ),
    (
        "captured again after a retake",
        [ev(C, 9), ev(R, 11), ev(C, 14)],
        [H, C, C, R, R, R] + [C] * 3,
    ),
    (
        "retaken again after a capture",
        [ev(R, 9), ev(C, 11), ev(R, 14)],
        [H, R, R, C, C, C] + [R] * 3,
    ),
    (
        "claimed again after a retake",
        [ev(CL, 9), ev(R, 11), ev(CL, 13)],
        [H, CL, CL, R, R] + [CL] * 4,
    ),
    (
        "fighting again after a retake",
        [ev(CT, 8), ev(R, 10), ev(CT, 13)],
        [CT, CT, R, R, R] + [CT] * 4,
    ),
    (
        "a retake ends a capture, a new capture ends the retake, twice",
        [ev(C, 8), ev(R, 10), ev(C, 12), ev(R, 14), ev(C, 16)],
        [C, C, R, R, C, C, R, R, C],
    ),
    (
        "a lone 'has captured' after a retake does not flip the map",
        [ev(C, 9), ev(R, 11), ev(C, 14, article="b", precision=OOB)],
        [H, C, C] + [R] * 6,
    ),
    (
        "two articles bounding a second capture do",
        [
            ev(C, 9),
            ev(R, 11),
            ev(C, 14, article="b", precision=OOB),
            ev(C, 15, article="c", precision=OOB),
        ],
        [H, C, C, R, R, R] + [C] * 3,
    ),
]


@pytest.mark.parametrize(
    ("events", "expected"),
    [case[1:] for case in LADDER_CASES],
    ids=[case[0] for case in LADDER_CASES],
)
def test_control_ladder(events, expected):
    assert farah_statuses(events) == expected


def test_every_province_every_day_in_order():
    rows = build_timeline([], PROVINCES, start=d(10), end=d(12))
    assert len(rows) == 9
    assert [(r.date.day, r.province_iso) for r in rows[:3]] == [
        (10, "AF-BDG"),
        (10, "AF-FRA"),
        (10, "AF-KAB"),
    ]
    assert all(r.status == H and r.since is None and r.sources == () for r in rows)


def test_since_sources_and_rule_line():
    events = [ev(C, 10, article="003.txt"), ev(C, 10, article="000.txt"), ev(C, 11, article="b")]
    rows = build_timeline(merge_events(events), PROVINCES, start=d(13), end=d(13))
    farah = next(r for r in rows if r.province_iso == "AF-FRA")
    assert farah.since == d(10)
    assert set(farah.sources) == {"000.txt", "003.txt", "b"}
    assert farah.rule.startswith("captured since 2021-08-10: 3 articles; first: 000.txt 'The ")
    assert "sources disagree on the date (1)" in farah.rule
    assert "\n" not in farah.rule


def test_rule_names_a_directly_dated_source_before_an_inferred_copy():
    events = [ev(C, 10, article="003.txt"), ev(C, 10, article="000.txt")]
    events[1] = replace(events[1], date_basis="inferred from 003.txt")
    (farah,) = [
        r
        for r in build_timeline(merge_events(events), PROVINCES, start=d(10), end=d(10))
        if r.since
    ]
    assert "first: 003.txt" in farah.rule


def test_claim_confirmed_since_is_the_capture_date():
    facts = merge_events([ev(CL, 9), ev(C, 12)])
    (farah,) = [r for r in build_timeline(facts, PROVINCES, start=d(14), end=d(14)) if r.since]
    assert (farah.status, farah.since) == (C, d(12))


def test_facts_about_unlisted_provinces_are_ignored():
    rows = build_timeline(merge_events([ev(C, 10)]), {"AF-KAB": "Kabul"}, start=d(10), end=d(10))
    assert [(r.province_iso, r.status) for r in rows] == [("AF-KAB", H)]


def test_reversed_range_is_an_error():
    with pytest.raises(TimelineError, match="before start"):
        build_timeline([], PROVINCES, start=d(12), end=d(10))


def test_day_lookup_matches_full_build():
    facts = merge_events([ev(CL, 9), ev(C, 12), ev(R, 14), ev(C, 16, article="b")])
    intervals = ProvinceIntervals(facts, PROVINCES)
    full = build_timeline(facts, PROVINCES, start=d(8), end=d(17))
    assert [row for day in range(8, 18) for row in intervals.day(d(day))] == full


def test_summary_counts_and_sentence():
    facts = merge_events([ev(C, 10)])
    day = ProvinceIntervals(facts, PROVINCES).day(d(13))
    counts = summarise(day)
    assert list(counts) == [C, CL, CT, R, H]
    assert counts == {C: 1, CL: 0, CT: 0, R: 0, H: 2}
    assert describe_summary(counts, day=d(13)) == "1 of 3 provinces captured by 13 Aug 2021"
    more = {C: 9, CL: 2, CT: 0, R: 0, H: 23}
    assert (
        describe_summary(more, day=d(13)) == "9 of 34 provinces captured, 2 claimed by 13 Aug 2021"
    )
    quiet = {C: 0, CL: 0, CT: 0, R: 0, H: 34}
    assert describe_summary(quiet, day=d(1)) == "no reported change in 34 provinces by 1 Aug 2021"


def test_date_range_spans_events_and_articles():
    assert date_range() is None
    assert date_range(events=[ev(C, 10)], article_dates=[d(13), None]) == (d(10), d(13))


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ("Short one.", "Short one."),
        ("Line\nbreaks  collapse.", "Line breaks collapse."),
        ("word " * 20, "word " * 11 + "word…"),
        ("x" * 61, "x" * 60 + "…"),
    ],
)
def test_excerpt(quote, expected):
    assert excerpt(quote) == expected


@given(
    st.lists(
        st.tuples(
            st.sampled_from([C, CL, CT, R]),
            st.integers(8, 16),
            st.sampled_from("abc"),
            st.sampled_from([Precision.DAY, Precision.ON_OR_BEFORE]),
        ),
        max_size=8,
    )
)
def test_timeline_invariants(reports):
    events = [ev(status, day, article=a, precision=p) for status, day, a, p in reports]
    facts = merge_events(events)
    rows = build_timeline(facts, PROVINCES, start=d(7), end=d(17))
    assert len(rows) == 11 * len(PROVINCES)
    starts = {(fact.status, fact.date) for fact in facts}
    for row in (r for r in rows if r.province_iso == "AF-FRA"):
        known = [fact for fact in facts if fact.date <= row.date]
        if row.status == H:  # no change shown only while nothing has been reported
            assert not known
            continue
        assert (row.status, row.since) in starts and row.since <= row.date
        latest = max(fact.date for fact in known)
        last_word = {fact.status for fact in known if fact.date == latest}
        if last_word == {R}:  # the newest report is a retake: nothing else still stands
            assert row.status == R
        for capture in (f for f in known if f.status == C):
            if not any(capture.date < f.date <= row.date for f in known if f.status == R):
                assert row.status == C  # a capture persists until a later retake


def test_second_capture_has_its_own_since_sources_and_rule():
    events = [ev(C, 9, article="a"), ev(R, 11, article="b"), ev(C, 14, article="c")]
    rows = build_timeline(merge_events(events), PROVINCES, start=d(10), end=d(15))
    farah = {r.date.day: r for r in rows if r.province_iso == "AF-FRA"}
    assert [(farah[n].status, farah[n].since, farah[n].sources) for n in (10, 12, 15)] == [
        (C, d(9), ("a",)),
        (R, d(11), ("b",)),
        (C, d(14), ("c",)),
    ]
    assert "again" not in farah[10].rule
    assert farah[15].rule.startswith("captured since 2021-08-14: 1 article; first: c 'The ")
    assert farah[15].rule.endswith("; captured again (episode 2)")


def test_every_province_is_present_with_episodes():
    provinces = {iso: iso for iso in iso_subdivisions("AF")}
    events = [ev(C, 9), ev(R, 11), ev(C, 14)]
    rows = build_timeline(merge_events(events), provinces, start=d(8), end=d(16))
    assert len(provinces) == 34
    for day in range(8, 17):
        assert sorted(r.province_iso for r in rows if r.date == d(day)) == sorted(provinces)
