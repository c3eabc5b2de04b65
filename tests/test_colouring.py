"""Which events colour a province: the province or its capital, never a town inside it."""

from __future__ import annotations

import datetime as dt
import functools

import pytest

from geo.gazetteer import load_gazetteer
from pipeline.extract import extract_events
from pipeline.merge import colours_province
from pipeline.records import Article, Event, Precision, Status
from pipeline.run import analyse_events

PROVINCES = {"AF-KAN": "Kandahar", "AF-HEL": "Helmand"}
DAY = dt.date(2021, 7, 14)


def _event(place: str, kind: str, *, iso: str = "AF-KAN", article: str = "a1") -> Event:
    quote = f"The Taliban captured {place}."
    return Event(
        article_id=article,
        province_iso=iso,
        province=PROVINCES[iso],
        place=place,
        status=Status.CAPTURED,
        quote=quote,
        quote_start=0,
        quote_end=len(quote),
        place_start=21,
        place_end=21 + len(place),
        event_date=DAY,
        date_precision=Precision.DAY,
        date_basis="article date",
        place_kind=kind,
    )


def _status_on(analysis, iso: str) -> Status:
    return next(day.status for day in analysis.day(DAY) if day.province_iso == iso)


def test_a_district_falling_does_not_colour_its_province():
    town = _event("Spin Boldak", "town")
    analysis = analyse_events([], [town], provinces=PROVINCES)
    assert _status_on(analysis, "AF-KAN") is Status.HELD
    assert analysis.local_events == (town,)
    assert analysis.facts == ()


def test_the_capital_or_the_province_colours_it():
    for kind in ("capital", "province"):
        analysis = analyse_events([], [_event("Kandahar", kind)], provinces=PROVINCES)
        assert _status_on(analysis, "AF-KAN") is Status.CAPTURED, kind
        assert analysis.local_events == ()


def test_a_town_report_beside_a_capital_report_keeps_both():
    town, capital = _event("Spin Boldak", "town"), _event("Kandahar", "capital", article="a2")
    analysis = analyse_events([], [town, capital], provinces=PROVINCES)
    assert _status_on(analysis, "AF-KAN") is Status.CAPTURED
    assert analysis.facts[0].events == (capital,)
    assert analysis.local_events == (town,)
    assert set(analysis.events) == {town, capital}


def test_days_cover_the_corpus_range():
    analysis = analyse_events([], [_event("Kandahar", "capital")], provinces=PROVINCES)
    assert analysis.days == (DAY,)
    assert analyse_events([], [], provinces=PROVINCES).days == ()


# A province that only says where a district lies: the district's news, beside the colour.
# (sentence, province whose event is checked, whether that event colours the province)
DISTRICT_OR_PROVINCE = [
    (
        "Taliban fighters overran the Sherzad district of Nangarhar province on Monday.",
        "AF-NAN",
        False,
    ),
    ("Insurgents captured a district in southern Zabul late on Monday.", "AF-ZAB", False),
    (
        "Security forces have withdrawn from two districts of Helmand, officials said.",
        "AF-HEL",
        False,
    ),
    (
        "The Taliban claimed to have seized the Jani Khel district centre in Paktia.",
        "AF-PIA",
        False,
    ),
    ("Taliban overrun district in Kapisa, northeast of Kabul", "AF-KAP", False),
    (
        "Afghan forces recaptured several districts in northeastern Badakhshan on Sunday.",
        "AF-BDS",
        False,
    ),
    # the province or its capital itself
    (
        "The Taliban captured Lashkar Gah, the capital of Helmand province, on Monday.",
        "AF-HEL",
        True,
    ),
    ("Nimroz province fell to the Taliban on Monday, officials said.", "AF-NIM", True),
    (
        "The district fell on Sunday. On Monday the Taliban overran Zaranj in Nimroz.",
        "AF-NIM",
        True,
    ),
]


@pytest.mark.parametrize(("text", "iso", "colours"), DISTRICT_OR_PROVINCE)
def test_a_district_named_through_its_province_does_not_colour_it(text, iso, colours):
    article = Article(article_id="a1", text=text, date=dt.date(2021, 7, 20))
    events = [e for e in extract_events(article, gazetteer=_gazetteer()) if e.province_iso == iso]
    assert events, text
    assert {colours_province(e) for e in events} == {colours}, [e.place_kind for e in events]


@functools.cache
def _gazetteer():
    return load_gazetteer("AF")
