"""The five seed articles, through extraction and date inference, at event level."""

from __future__ import annotations

import datetime as dt
from importlib import resources

import pytest
from fake_gazetteer import gazetteer

from corpus.load import parse_article
from pipeline.extract import extract_events
from pipeline.infer_dates import infer_undated, redate_articles
from pipeline.records import Article, Event, Precision, Status

CAPTURED, CLAIMED, CONTESTED = Status.CAPTURED, Status.CLAIMED, Status.CONTESTED
GAZETTEER = gazetteer()


def _articles() -> list[Article]:
    folder = resources.files("corpus") / "afghanistan-2021"
    files = sorted(f for f in folder.iterdir() if f.name.endswith(".txt"))
    return [parse_article(f.read_text(encoding="utf-8"), article_id=f.name[:3]) for f in files]


ARTICLES = _articles()
RAW = {a.article_id: extract_events(a, gazetteer=GAZETTEER) for a in ARTICLES}
EVENTS = redate_articles(ARTICLES, RAW, gazetteer=GAZETTEER)


def _find(article_id: str, iso: str, status: Status) -> list[Event]:
    return [e for e in EVENTS[article_id] if e.province_iso == iso and e.status is status]


def _dates(article_id: str, iso: str, status: Status) -> set[tuple[dt.date | None, str]]:
    return {(e.event_date, e.date_precision.value) for e in _find(article_id, iso, status)}


AUG = {day: dt.date(2021, 8, day) for day in range(1, 32)}

# (article, province, status, a date the article supports, precision)
EXPECTED: list[tuple[str, str, Status, dt.date, Precision]] = [
    ("000", "AF-FRA", CAPTURED, AUG[10], Precision.DAY),
    ("001", "AF-FRA", CAPTURED, AUG[10], Precision.DAY),
    ("003", "AF-FRA", CAPTURED, AUG[10], Precision.DAY),
    ("001", "AF-NIM", CAPTURED, AUG[6], Precision.DAY),
    ("003", "AF-BGL", CAPTURED, AUG[10], Precision.DAY),
    ("004", "AF-KAN", CAPTURED, AUG[12], Precision.DAY),
    ("004", "AF-HER", CAPTURED, AUG[12], Precision.ON_OR_BEFORE),
    ("004", "AF-GHA", CAPTURED, AUG[12], Precision.ON_OR_BEFORE),
    ("002", "AF-HEL", CAPTURED, AUG[13], Precision.ON_OR_BEFORE),
    ("002", "AF-ZAB", CAPTURED, AUG[13], Precision.DAY),
    ("002", "AF-URU", CAPTURED, AUG[13], Precision.DAY),
    ("002", "AF-BDG", CLAIMED, AUG[13], Precision.DAY),
    ("002", "AF-LOG", CLAIMED, AUG[13], Precision.DAY),
    ("000", "AF-KAN", CONTESTED, AUG[10], Precision.DAY),
    ("000", "AF-HEL", CONTESTED, AUG[10], Precision.DAY),
    ("001", "AF-HEL", CONTESTED, AUG[10], Precision.DAY),
    ("001", "AF-KAN", CONTESTED, AUG[10], Precision.DAY),
    ("003", "AF-KAN", CONTESTED, AUG[11], Precision.DAY),
    ("003", "AF-HEL", CONTESTED, AUG[11], Precision.DAY),
]


@pytest.mark.parametrize(
    ("article_id", "iso", "status", "day", "precision"),
    EXPECTED,
    ids=[f"{a}-{iso}-{s.value}" for a, iso, s, _, _ in EXPECTED],
)
def test_expected_event(
    article_id: str, iso: str, status: Status, day: dt.date, precision: Precision
) -> None:
    assert (day, precision.value) in _dates(article_id, iso, status)


def test_only_expected_provinces_and_statuses() -> None:
    allowed = {(a, iso, s) for a, iso, s, _, _ in EXPECTED}
    allowed |= {("001", "AF-FRA", CONTESTED), ("003", "AF-BGL", CONTESTED)}  # "entered"
    found = {(a, e.province_iso, e.status) for a, events in EVENTS.items() for e in events}
    assert found == allowed


def test_captures_carry_no_later_date_than_expected() -> None:
    # Each seed capture's earliest event is the expected day: no later re-dating wins.
    for article_id, iso, status, day, _ in EXPECTED:
        if status is CAPTURED:
            dates = [d for d, _ in _dates(article_id, iso, status) if d is not None]
            assert min(dates) == day, (article_id, iso)


@pytest.mark.parametrize("iso", ["AF-BAL", "AF-KAB", "AF-JOW"])
def test_no_event_for(iso: str) -> None:
    # Mazar-i-Sharif is only "targeted", Kabul is only a refuge, Sheberghan only "fled".
    assert not [e for events in EVENTS.values() for e in events if e.province_iso == iso]


def test_tirin_kot_is_a_surrender_dated_by_the_confirmation() -> None:
    (event,) = _find("002", "AF-URU", CAPTURED)
    assert event.manner == "surrender"
    assert event.date_phrase == "on Friday"
    assert event.attribution == "lawmaker"


def test_claims_stay_claims() -> None:
    (badghis,) = _find("002", "AF-BDG", CLAIMED)
    assert badghis.confidence < 0.6
    assert not _find("002", "AF-BDG", CAPTURED)


def test_undated_articles_are_inferred_from_003() -> None:
    inferences = infer_undated(ARTICLES, RAW)
    assert {a: (i.date, i.anchors) for a, i in inferences.items()} == {
        "000": (AUG[10], ("003",)),
        "001": (AUG[10], ("003",)),
    }
    assert all("inferred from 003" in e.date_basis for e in EVENTS["001"] if e.event_date)


def test_undated_article_alone_has_no_dates() -> None:
    undated = next(a for a in ARTICLES if a.article_id == "001")
    events = extract_events(undated, gazetteer=GAZETTEER)
    assert events and all(e.event_date is None for e in events)
    assert {e.date_phrase for e in events if e.province_iso == "AF-NIM"} == {"On Friday"}


def test_quotes_and_places_point_into_the_text() -> None:
    texts = {a.article_id: a.text for a in ARTICLES}
    for article_id, events in EVENTS.items():
        for event in events:
            text = texts[article_id]
            assert text[event.quote_start : event.quote_end] == event.quote
            assert text[event.place_start : event.place_end] == event.place
            assert event.quote_start <= event.place_start < event.place_end <= event.quote_end


# --- inference on small made-up articles ------------------------------------------------

TUE, WED = AUG[10], AUG[11]


def _article(article_id: str, text: str, date: dt.date | None = None) -> Article:
    return Article(article_id=article_id, text=text, date=date)


def _infer(*articles: Article):
    events = {a.article_id: extract_events(a, gazetteer=GAZETTEER) for a in articles}
    return infer_undated(articles, events)


def test_anchor_needs_the_same_weekday() -> None:
    dated = _article("d", "The Taliban captured Kunduz on Tuesday, officials said.", WED)
    undated = _article("u", "The Taliban captured Kunduz on Sunday, officials said.")
    assert _infer(dated, undated) == {}


def test_anchor_needs_the_same_province() -> None:
    dated = _article("d", "The Taliban captured Kunduz on Tuesday, officials said.", WED)
    undated = _article("u", "The Taliban captured Taloqan on Tuesday, officials said.")
    assert _infer(dated, undated) == {}


def test_best_corroborated_anchor_wins_and_disagreement_is_kept() -> None:
    one = _article("a", "The Taliban captured Kunduz on Tuesday, officials said.", WED)
    two = _article("b", "Kunduz fell to the Taliban on Tuesday, residents said.", AUG[12])
    other = _article("c", "The Taliban captured Kunduz on Tuesday, officials said.", AUG[18])
    undated = _article("u", "The Taliban captured Kunduz on Tuesday, a lawmaker said.")
    inference = _infer(one, two, other, undated)["u"]
    assert (inference.date, inference.anchors) == (TUE, ("a", "b"))
    assert inference.disagreements == ("c suggest 2021-08-17",)


def test_claims_do_not_anchor() -> None:
    dated = _article("d", "The Taliban said they captured Kunduz on Tuesday.", WED)
    undated = _article("u", "The Taliban captured Kunduz on Tuesday, officials said.")
    assert _infer(dated, undated) == {}
