"""The SQLite store: round trips, idempotent rebuilds, incremental article merges."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from pipeline.records import Article, Event, Precision, Rejection, Status
from pipeline.store import (
    ARTICLE_COLUMNS,
    DEFAULT_DB,
    EVENT_COLUMNS,
    SCHEMA_VERSION,
    Store,
    default_db_path,
    merge_articles,
    write_store,
)


def article(article_id: str, text: str, *, day: int | None = 11) -> Article:
    return Article(
        article_id=article_id,
        text=text,
        date=dt.date(2021, 8, day) if day else None,
        source="AFP",
        url="https://example.org/a",
        title="Farah falls",
        origin=f"corpus/{article_id}",
        meta=(("author", "Staff"), ("lang", "en")),
        warnings=("header date unreadable",) if day is None else (),
    )


def event(article_id: str, *, dated: bool = True) -> Event:
    quote = "The Taliban captured Farah city on Tuesday."
    return Event(
        article_id=article_id,
        province_iso="AF-FRA",
        province="Farah",
        place="Farah city",
        status=Status.CAPTURED,
        quote=quote,
        quote_start=0,
        quote_end=len(quote),
        place_start=21,
        place_end=31,
        event_date=dt.date(2021, 8, 10) if dated else None,
        date_precision=Precision.DAY if dated else Precision.UNKNOWN,
        date_basis="'on Tuesday' before article date 2021-08-11" if dated else "",
        date_phrase="on Tuesday" if dated else "",
        manner="fighting",
        attribution="officials",
        confidence=0.85,
        place_kind="capital",
    )


ARTICLES = (article("a.txt", "The Taliban captured Farah."), article("b.txt", "Other", day=None))
EVENTS = (event("a.txt"), event("b.txt", dated=False))
REJECTIONS = (Rejection("corpus/x.bin", "binary file (looks like PNG)"),)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return write_store(
        tmp_path / "data" / "store.sqlite",
        articles=ARTICLES,
        events=EVENTS,
        rejections=REJECTIONS,
    )


def test_round_trip_keeps_every_field(db: Path):
    with Store.open(db) as store:
        assert store.load_articles() == ARTICLES
        assert store.load_events() == EVENTS
        assert store.load_rejections() == REJECTIONS
        assert store.meta() == {"schema_version": str(SCHEMA_VERSION)}
        assert store.counts() == {"articles": 2, "events": 2, "rejections": 1}


def test_every_record_field_has_a_column():
    # A field added to a record but not to the store would silently come back as its default.
    assert set(EVENT_COLUMNS) == {field.name for field in dataclasses.fields(Event)}
    article_fields = {field.name for field in dataclasses.fields(Article)} | {"content_hash"}
    assert set(ARTICLE_COLUMNS) == article_fields


def test_article_rows_carry_the_content_hash(db: Path):
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT article_id, content_hash FROM articles").fetchall()
    assert rows == [(a.article_id, a.content_hash) for a in ARTICLES]


def test_rebuilding_the_same_inputs_is_byte_identical(db: Path):
    first = db.read_bytes()
    write_store(db, articles=ARTICLES, events=EVENTS, rejections=REJECTIONS)
    assert db.read_bytes() == first
    assert [p.name for p in db.parent.iterdir()] == [db.name]  # no temp file left behind


def test_load_returns_all_tables_together(db: Path):
    with Store.open(db) as store:
        contents = store.load()
    assert (contents.articles, contents.events, contents.rejections) == (
        ARTICLES,
        EVENTS,
        REJECTIONS,
    )


@pytest.mark.parametrize(
    ("env", "expected"),
    [({}, DEFAULT_DB), ({"CONTROLMAP_DB": "elsewhere/x.sqlite"}, Path("elsewhere/x.sqlite"))],
)
def test_default_db_path(env, expected):
    assert default_db_path(env=env) == expected
    assert not default_db_path(env=env).is_absolute()


# (case, existing ids+texts, new ids+texts, expected ids+texts)
MERGE_CASES = [
    ("adds new articles", [("a", "x")], [("b", "y")], [("a", "x"), ("b", "y")]),
    ("same corpus again", [("a", "x")], [("a", "x")], [("a", "x")]),
    ("same text, new name keeps first id", [("a", "x")], [("c", "x")], [("a", "x")]),
    ("edited file replaces old text", [("a", "x")], [("a", "x2")], [("a", "x2")]),
    ("whitespace-only change is the same text", [("a", "x  y")], [("b", "x y")], [("a", "x  y")]),
]


@pytest.mark.parametrize(
    ("existing", "new", "expected"),
    [case[1:] for case in MERGE_CASES],
    ids=[case[0] for case in MERGE_CASES],
)
def test_merge_articles(existing, new, expected):
    def make(pairs):
        return [article(i, t) for i, t in pairs]

    merged = merge_articles(make(existing), make(new))
    assert [(a.article_id, a.text) for a in merged] == expected
