"""Which events colour a province: the province or its capital, never a town inside it."""

from __future__ import annotations

import datetime as dt

from pipeline.records import Event, Precision, Status
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
