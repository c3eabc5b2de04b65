"""Captured → retaken → captured again, from article text to the map (real extraction)."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.gazetteer import load_gazetteer
from pipeline.records import Article, Status
from pipeline.run import analyse

C, R = Status.CAPTURED, Status.RETAKEN
PROVINCES = {"AF-FRA": "Farah", "AF-KAB": "Kabul"}
CAPTURE = ("a.txt", "2021-08-02", "Taliban fighters captured Farah city on Sunday, officials said.")
RETAKE = (
    "b.txt",
    "2021-08-06",
    "Afghan security forces retook Farah city on Thursday after heavy fighting, officials said.",
)


def d(day: int) -> dt.date:
    return dt.date(2021, 8, day)


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer("AF")


def articles(*rows: tuple[str, str, str]) -> list[Article]:
    return [Article(name, text, dt.date.fromisoformat(date)) for name, date, text in rows]


# (case, articles, Farah's status by day of Aug, captured facts' disagreement lines)
CASES = [
    (
        "a dated second capture shows again",
        [
            CAPTURE,
            RETAKE,
            ("c.txt", "2021-08-10", "The Taliban recaptured Farah city on Monday, a member said."),
        ],
        {3: C, 6: R, 11: C},
        [0, 0],
    ),
    (
        "one article tells the whole story",
        [
            (
                "n.txt",
                "2021-08-07",
                "The Taliban captured Farah city on Sunday. Government forces retook Farah city "
                "on Tuesday. The Taliban captured Farah city again on Thursday.",
            ),
        ],
        {2: C, 4: R, 6: C},
        [0, 0],
    ),
    (
        "a stale background sentence after the retake does not flip the map",
        [
            CAPTURE,
            RETAKE,
            (
                "d.txt",
                "2021-08-10",
                "Residents who fled after the Taliban captured Farah city said.",
            ),
        ],
        {3: C, 6: R, 11: R},
        [1],
    ),
    (
        "two articles reporting the capture without a day do",
        [
            CAPTURE,
            RETAKE,
            ("d.txt", "2021-08-09", "The Taliban have captured Farah city, officials said."),
            ("e.txt", "2021-08-10", "Farah city has fallen to the Taliban, residents said."),
        ],
        {3: C, 6: R, 11: C},
        [0, 1],
    ),
]


@pytest.mark.parametrize(
    ("rows", "expected", "disagreements"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_recapture_from_text(gazetteer, rows, expected, disagreements):
    analysis = analyse(articles(*rows), gazetteer=gazetteer, provinces=PROVINCES)
    farah = {n: s.status for n in expected for s in analysis.day(d(n)) if s.province == "Farah"}
    assert farah == expected
    captured = [f for f in analysis.facts if f.province_iso == "AF-FRA" and f.status == C]
    assert [len(f.disagreements) for f in captured] == disagreements
    assert all(len(analysis.day(d(n))) == len(PROVINCES) for n in expected)
