"""The controlmap CLI contract: commands, columns, exit codes, messages, determinism.

The extractor is replaced by a small fake here (finds "<Province> captured" lines), so
these tests pin the CLI's plumbing; tests/test_end_to_end.py runs the real extractor.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

import pipeline.run
from pipeline import cli, tables
from pipeline.records import Article, Event, Precision, Status
from pipeline.store import Store

FAKE_PLACES = {"Farah": "AF-FRA", "Kandahar": "AF-KAN", "Logar": "AF-LOG"}
LINE = re.compile(r"^.*\b(Farah|Kandahar|Logar)\b.*\b(captured|claimed)\b.*$", re.MULTILINE)
EXTRACT_HEADER = (
    "article_id,article_date,source,province_iso,province,place,status,event_date,"
    "date_precision,date_basis,quote,quote_start,quote_end,confidence"
)


def fake_iter_events(
    articles: Iterable[Article], *, gazetteer: object, progress=lambda a: a
) -> Iterator[Event]:
    """One event per line naming a known province and a status word."""
    for article in progress(articles):
        for match in LINE.finditer(article.text):
            place = match.group(1)
            yield Event(
                article_id=article.article_id,
                province_iso=FAKE_PLACES[place],
                province=place,
                place=place,
                status=Status(match.group(2)),
                quote=match.group(0),
                quote_start=match.start(),
                quote_end=match.end(),
                place_start=match.start(1),
                place_end=match.end(1),
                event_date=article.date,
                date_precision=Precision.ON_OR_BEFORE if article.date else Precision.UNKNOWN,
                date_basis=f"article date {article.date}" if article.date else "",
                confidence=0.5,
            )


@pytest.fixture(autouse=True)
def fake_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline.run, "iter_events", fake_iter_events)
    monkeypatch.setattr(cli, "load_gazetteer", lambda country: None)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(" date 2021-08-10 Farah was captured by the Taliban.\n")
    (folder / "b.txt").write_text(" date 2021-08-12 Logar: the Taliban claimed it.\n")
    (folder / "c.txt").write_text("Kandahar was captured, undated.\n")
    (folder / "z.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    return folder


def run(*args: object, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_help_names_every_command_and_exit_code(capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--help"])
    out = capsys.readouterr().out
    assert exit_info.value.code == 0
    for word in ("extract", "timeline", "build", "snapshot", "exit codes", "CONTROLMAP_DB"):
        assert word in out


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["extract", "x.txt"],  # no --out
        ["timeline", "x.txt", "--out", "t.csv", "--start", "13 Aug"],
        ["bogus"],
    ],
)
def test_usage_errors_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(argv)
    assert exit_info.value.code == cli.EXIT_USAGE
    assert "usage:" in capsys.readouterr().err


def test_extract_writes_the_contract_columns(corpus: Path, tmp_path: Path, capsys):
    out = tmp_path / "events.csv"
    code, _, err = run("extract", corpus, "--out", out, capsys=capsys)
    assert code == cli.EXIT_OK
    assert out.read_text(encoding="utf-8").startswith(EXTRACT_HEADER + ",")
    rows = read_csv(out)
    assert [(r["article_id"], r["province_iso"], r["status"]) for r in rows] == [
        ("a.txt", "AF-FRA", "captured"),
        ("b.txt", "AF-LOG", "claimed"),
        ("c.txt", "AF-KAN", "captured"),
    ]
    first = rows[0]
    assert (first["article_date"], first["event_date"], first["date_precision"]) == (
        "2021-08-10",
        "2021-08-10",
        "on_or_before",
    )
    assert rows[2]["event_date"] == ""  # unknown dates stay empty, never invented
    assert re.search(r"skipped \S*z\.bin: ", err)


def test_extract_is_byte_identical_across_runs(corpus: Path, tmp_path: Path, capsys):
    first, second = tmp_path / "1.csv", tmp_path / "2.csv"
    run("extract", corpus, "--out", first, capsys=capsys)
    run("extract", corpus, "--out", second, capsys=capsys)
    assert first.read_bytes() == second.read_bytes()
    assert b"\r\n" not in first.read_bytes()


def test_formula_cells_are_neutralised(tmp_path: Path, capsys):
    (tmp_path / "evil.txt").write_text('=HYPERLINK("http://x") Farah captured\n')
    out = tmp_path / "events.csv"
    run("extract", tmp_path / "evil.txt", "--out", out, capsys=capsys)
    (row,) = read_csv(out)
    assert row["quote"].startswith("'=HYPERLINK")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+x", "'+x"),
        ("-x", "'-x"),
        ("@x", "'@x"),
        ("  =1+1", "'  =1+1"),  # leading spaces do not disarm a formula everywhere
        ("a=b", "a=b"),
        ("   ", "   "),
        (3, 3),
        (None, ""),
    ],
)
def test_spreadsheet_safe(cell, expected):
    assert tables.spreadsheet_safe(cell) == expected


def test_nothing_readable_exits_1_and_names_skipped_files(tmp_path: Path, capsys):
    (tmp_path / "x.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    code, _, err = run("extract", tmp_path, "--out", tmp_path / "o.csv", capsys=capsys)
    assert code == cli.EXIT_NOTHING_READ
    assert re.search(r"skipped \S*x\.bin: ", err)
    assert "nothing could be read" in err
    assert not (tmp_path / "o.csv").exists()


def test_timeline_has_every_province_every_day(corpus: Path, tmp_path: Path, capsys):
    out = tmp_path / "timeline.csv"
    code, _, err = run("timeline", corpus, "--out", out, capsys=capsys)
    assert code == cli.EXIT_OK
    rows = read_csv(out)
    assert list(rows[0]) == [
        "date",
        "province_iso",
        "province",
        "status",
        "since",
        "sources",
        "rule",
    ]
    assert {r["date"] for r in rows} == {"2021-08-10", "2021-08-11", "2021-08-12"}
    assert len(rows) == 3 * 34
    by_key = {(r["date"], r["province_iso"]): r for r in rows}
    assert by_key[("2021-08-11", "AF-FRA")]["status"] == "captured"
    assert by_key[("2021-08-11", "AF-FRA")]["since"] == "2021-08-10"
    assert by_key[("2021-08-11", "AF-LOG")]["status"] == "held"
    assert by_key[("2021-08-12", "AF-LOG")]["status"] == "claimed"
    assert "1 events need a date" in err


def test_timeline_range_options(corpus: Path, tmp_path: Path, capsys):
    out = tmp_path / "t.csv"
    run(
        "timeline",
        corpus,
        "--out",
        out,
        "--start",
        "2021-08-13",
        "--end",
        "2021-08-14",
        capsys=capsys,
    )
    assert {r["date"] for r in read_csv(out)} == {"2021-08-13", "2021-08-14"}
    code, _, err = run(
        "timeline",
        corpus,
        "--out",
        out,
        "--start",
        "2021-08-14",
        "--end",
        "2021-08-13",
        capsys=capsys,
    )
    assert code == cli.EXIT_USAGE
    assert "before --start" in err


def test_build_is_idempotent_and_incremental(corpus: Path, tmp_path: Path, capsys):
    db = tmp_path / "data" / "store.sqlite"
    assert run("build", corpus, "--db", db, capsys=capsys)[0] == cli.EXIT_OK
    first = db.read_bytes()
    assert run("build", corpus, "--db", db, capsys=capsys)[0] == cli.EXIT_OK
    assert db.read_bytes() == first
    more = tmp_path / "more"
    more.mkdir()
    (more / "d.txt").write_text(" date 2021-08-13 Logar captured at last.\n")
    code, _, err = run("build", more, "--db", db, capsys=capsys)
    assert code == cli.EXIT_OK
    assert "(1 new)" in err
    with Store.open(db) as store:
        assert [a.article_id for a in store.load_articles()] == ["a.txt", "b.txt", "c.txt", "d.txt"]
        assert store.counts()["events"] == 4
        assert store.load_rejections() == ()  # skipped inputs of the latest build only


def test_build_uses_the_environment_variable(corpus: Path, tmp_path: Path, monkeypatch, capsys):
    db = tmp_path / "env.sqlite"
    monkeypatch.setenv("CONTROLMAP_DB", str(db))
    assert run("build", corpus, "--quiet", capsys=capsys)[0] == cli.EXIT_OK
    with Store.open(db) as store:
        assert store.counts()["rejections"] == 1


def test_build_moves_a_corrupt_store_aside(corpus: Path, tmp_path: Path, capsys):
    db = tmp_path / "store.sqlite"
    db.write_text("my notes, not a database")
    code, _, err = run("build", corpus, "--db", db, capsys=capsys)
    assert code == cli.EXIT_OK
    assert "not a controlmap store" in err or "corrupt" in err
    assert "moved it aside" in err
    assert (tmp_path / "store.sqlite.corrupt-1").read_text() == "my notes, not a database"


def test_store_errors_are_one_line(tmp_path: Path, capsys):
    db = tmp_path / "missing.sqlite"
    code, _, err = run(
        "snapshot", "--date", "2021-08-13", "--out", tmp_path / "m.csv", "--db", db, capsys=capsys
    )
    assert code == cli.EXIT_NOTHING_READ
    assert err.count("\n") == 1
    assert "no store at" in err and "controlmap build" in err
    assert "Traceback" not in err


def test_snapshot_from_the_store(corpus: Path, tmp_path: Path, capsys):
    db = tmp_path / "store.sqlite"
    run("build", corpus, "--db", db, capsys=capsys)
    out = tmp_path / "day.csv"
    code, _, _ = run("snapshot", "--date", "2021-08-12", "--out", out, "--db", db, capsys=capsys)
    assert code == cli.EXIT_OK
    rows = read_csv(out)
    assert len(rows) == 34
    assert {r["province_iso"]: r["status"] for r in rows}["AF-LOG"] == "claimed"


def test_snapshot_needs_a_known_format(tmp_path: Path, capsys):
    code, _, err = run(
        "snapshot", "--date", "2021-08-12", "--out", tmp_path / "m.xyz", capsys=capsys
    )
    assert code == cli.EXIT_USAGE
    assert "--format" in err


def test_unwritable_output_is_one_line(corpus: Path, tmp_path: Path, capsys):
    out = tmp_path / "no-such-folder" / "e.csv"
    code, _, err = run("extract", corpus, "--out", out, capsys=capsys)
    assert code == cli.EXIT_NOTHING_READ
    assert "cannot use" in err and "Traceback" not in err
    assert not list(tmp_path.glob("**/.e.csv.tmp-*"))


def test_unexpected_errors_are_one_line(corpus: Path, tmp_path: Path, monkeypatch, capsys):
    def broken(*args, **kwargs):
        raise KeyError("boom")

    monkeypatch.setattr(pipeline.run, "iter_events", broken)
    code, _, err = run("extract", corpus, "--out", tmp_path / "e.csv", capsys=capsys)
    assert code == cli.EXIT_NOTHING_READ
    assert "internal error: KeyError" in err and "CONTROLMAP_DEBUG" in err


def test_store_file_has_the_schema_tables(corpus: Path, tmp_path: Path, capsys):
    db = tmp_path / "s.sqlite"
    run("build", corpus, "--db", db, capsys=capsys)
    with sqlite3.connect(db) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    connection.close()
    assert {"meta", "articles", "events", "rejections"} <= tables


def test_dates_are_iso():
    assert cli.iso_date("2021-08-13") == dt.date(2021, 8, 13)


@pytest.mark.parametrize(("fmt", "magic"), [("png", b"\x89PNG"), ("geojson", b'{"features"')])
def test_snapshot_formats(corpus: Path, tmp_path: Path, fmt: str, magic: bytes, capsys):
    out = tmp_path / f"map.{fmt}"
    code, _, err = run("snapshot", "--date", "2021-08-12", "--out", out, corpus, capsys=capsys)
    assert code == cli.EXIT_OK, err
    assert out.read_bytes().startswith(magic)


def test_extract_to_stdout(corpus: Path, capsys):
    code, out, _ = run("extract", corpus, "--out", "-", "--quiet", capsys=capsys)
    assert code == cli.EXIT_OK
    assert out.startswith(EXTRACT_HEADER)
    assert out.count("\n") == 4


def test_python_dash_m_pipeline_runs_the_cli():
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "--help"],
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert "controlmap" in done.stdout
