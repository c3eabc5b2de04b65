"""Sections headed by a day (live pages, week-in-review pieces): their news is counted from it."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.gazetteer import load_gazetteer
from pipeline.extract import extract_events
from pipeline.records import Article, Status

WEEK = (
    "Afghanistan: the week in review\n\n"
    "Monday, June 21\n\n"
    "Taliban fighters overran the Chahar Dara district of Kunduz, police said.\n\n"
    "Wednesday, June 23\n\n"
    "Fighting broke out in Pul-e-Khumri early this morning, residents said."
)


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer("AF")


def events_of(text: str, date: dt.date | None, gazetteer) -> dict[tuple[str, Status], object]:
    article = Article(article_id="a.txt", text=text, date=date)
    return {(e.province_iso, e.status): e for e in extract_events(article, gazetteer=gazetteer)}


def test_news_under_a_day_heading_is_counted_from_that_day(gazetteer) -> None:
    found = events_of(WEEK, dt.date(2021, 6, 26), gazetteer)
    capture = found["AF-KDZ", Status.CAPTURED]
    fight = found["AF-BGL", Status.CONTESTED]
    assert capture.event_date == dt.date(2021, 6, 21)
    assert capture.date_basis == "the day 2021-06-21 heading its section"
    assert fight.event_date == dt.date(2021, 6, 23)
    assert "before the day 2021-06-23 heading its section" not in fight.date_basis
    assert "the day 2021-06-23 heading its section" in fight.date_basis


def test_an_undated_article_takes_a_heading_with_its_year(gazetteer) -> None:
    text = "Live\n\n**July 7, 2021**\n\nThe Taliban have taken the Kushk district of Herat."
    found = events_of(text, None, gazetteer)
    assert found["AF-HER", Status.CAPTURED].event_date == dt.date(2021, 7, 7)


@pytest.mark.parametrize(
    ("heading", "why"),
    [
        ("July 20", "a day after the article's is no section of it"),
        ("May 20", "a day more than a month before the article's heads nothing"),
        ("July 8", "the article's own day, as a dateline gives it, changes nothing"),
        ("Taliban advance on July 5 continues", "a line with more than a day is no heading"),
    ],
)
def test_lines_that_head_no_section(gazetteer, heading: str, why: str) -> None:
    text = f"Report\n\n{heading}\n\nThe Taliban captured the Kushk district of Herat."
    capture = events_of(text, dt.date(2021, 7, 8), gazetteer)["AF-HER", Status.CAPTURED]
    assert (capture.event_date, capture.date_basis) == (dt.date(2021, 7, 8), "article date"), why
