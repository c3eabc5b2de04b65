"""The seed corpus through the whole pipeline: load → extract → infer dates → merge → timeline."""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pipeline.extract", reason="extractor not written yet")
pytest.importorskip("pipeline.infer_dates", reason="date inference not written yet")

from corpus.load import load_corpus
from geo.boundaries import provinces
from geo.gazetteer import load_gazetteer
from pipeline.records import Status
from pipeline.run import Analysis, analyse

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "corpus" / "afghanistan-2021"
DAY = dt.date(2021, 8, 13)
CAPTURED_BY_13_AUG = {
    "AF-FRA",
    "AF-NIM",
    "AF-BGL",
    "AF-KAN",
    "AF-HER",
    "AF-GHA",
    "AF-HEL",
    "AF-ZAB",
    "AF-URU",
}
CLAIMED_BY_13_AUG = {"AF-BDG", "AF-LOG"}


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    frame = provinces("AF")
    names = dict(zip(frame["iso"], frame["name"], strict=True))
    corpus = load_corpus([SEED])
    return analyse(corpus.articles, gazetteer=load_gazetteer("AF"), provinces=names)


def statuses_on(analysis: Analysis, day: dt.date) -> dict[str, Status]:
    return {row.province_iso: row.status for row in analysis.day(day)}


def test_all_34_provinces_are_on_the_map(analysis: Analysis):
    assert len(analysis.day(DAY)) == 34


def test_captured_by_13_august(analysis: Analysis):
    on_day = statuses_on(analysis, DAY)
    assert {
        iso for iso, status in on_day.items() if status == Status.CAPTURED
    } == CAPTURED_BY_13_AUG


def test_claimed_by_13_august(analysis: Analysis):
    on_day = statuses_on(analysis, DAY)
    assert {iso for iso, status in on_day.items() if status == Status.CLAIMED} == CLAIMED_BY_13_AUG


def test_balkh_and_kabul_held(analysis: Analysis):
    on_day = statuses_on(analysis, DAY)
    assert (on_day["AF-BAL"], on_day["AF-KAB"]) == (Status.HELD, Status.HELD)


def test_farah_captured_since_10_august_by_three_articles(analysis: Analysis):
    farah = next(row for row in analysis.day(DAY) if row.province_iso == "AF-FRA")
    assert farah.since == dt.date(2021, 8, 10)
    assert len(set(farah.sources)) == 3
    assert farah.rule.startswith("captured since 2021-08-10: 3 articles; first: ")


def test_every_colour_traces_to_a_quote(analysis: Analysis):
    texts = {article.article_id: article.text for article in analysis.articles}
    for fact in analysis.facts:
        for event in fact.events:
            assert texts[event.article_id][event.quote_start : event.quote_end] == event.quote


def test_cli_timeline_is_deterministic_and_matches(tmp_path: Path):
    outputs = []
    for name in ("1.csv", "2.csv"):
        out = tmp_path / name
        done = subprocess.run(
            [sys.executable, "-m", "pipeline.cli", "timeline", str(SEED), "--out", str(out), "-q"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    rows = list(csv.DictReader(io.StringIO(outputs[0].decode("utf-8"))))
    captured = {
        r["province_iso"] for r in rows if r["date"] == "2021-08-13" and r["status"] == "captured"
    }
    assert captured == CAPTURED_BY_13_AUG


def test_rebuilding_the_seed_store_is_idempotent(tmp_path: Path):
    from pipeline import cli
    from pipeline.store import Store

    db = tmp_path / "store.sqlite"
    assert cli.main(["build", str(SEED), "--db", str(db), "-q"]) == 0
    first = db.read_bytes()
    assert cli.main(["build", str(SEED), "--db", str(db), "-q"]) == 0
    assert db.read_bytes() == first
    with Store.open(db) as store:
        counts = store.counts()
        events = store.load_events()
    assert counts["articles"] == 5
    assert any("inferred from" in event.date_basis for event in events)


def test_summary_line_for_13_august(analysis: Analysis):
    from pipeline.timeline import describe_summary

    line = describe_summary(analysis.summary(DAY), day=DAY)
    assert line == "9 of 34 provinces captured, 2 claimed by 13 Aug 2021"
