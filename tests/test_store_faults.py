"""Store faults (issue #5): missing, locked, corrupt, other schema, killed build."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.records import Article, Event, Rejection, Status
from pipeline.store import (
    Existing,
    Store,
    StoreCorruptError,
    StoreLockedError,
    StoreMissingError,
    StoreSchemaError,
    read_existing,
    remove_stale_temp_files,
    write_store,
)

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "corpus" / "afghanistan-2021"
SHORT_TIMEOUT_S = 0.1
POLL_S = 0.005
QUOTE = "The Taliban captured Farah city."
ARTICLES = (Article("a.txt", QUOTE), Article("b.txt", "Nothing happened."))
EVENTS = (Event("a.txt", "AF-FRA", "Farah", "Farah city", Status.CAPTURED, QUOTE, 0, 32, 21, 31),)
REJECTIONS = (Rejection("x.bin", "binary file (looks like PNG)"),)
HOLD_LOCK = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.read()
"""


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return write_store(
        tmp_path / "store.sqlite", articles=ARTICLES, events=EVENTS, rejections=REJECTIONS
    )


@pytest.fixture
def locked(db: Path) -> Iterator[Path]:
    """The store held in an exclusive transaction by another process."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        yield db
    finally:
        holder.stdin.close()
        holder.wait()


def test_missing_store_says_how_to_build(tmp_path: Path):
    missing = tmp_path / "nope.sqlite"
    with pytest.raises(StoreMissingError, match=r"no store at .*nope\.sqlite; build it with"):
        Store.open(missing)
    assert not missing.exists()  # opening never creates an empty store


def test_locked_store_is_a_clear_error(locked: Path):
    with pytest.raises(StoreLockedError, match="locked by another process"):
        Store.open(locked, timeout=SHORT_TIMEOUT_S)


def test_build_over_a_locked_store_leaves_it_alone(locked: Path):
    before = locked.read_bytes()
    with pytest.raises(StoreLockedError):
        write_store(locked, articles=ARTICLES[:1], events=(), timeout=SHORT_TIMEOUT_S)
    assert locked.read_bytes() == before
    assert sorted(p.name for p in locked.parent.iterdir()) == [locked.name]


def truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:1500])


def overwrite_with_text(path: Path) -> None:
    path.write_text("not a database, just notes\n" * 40)


def empty(path: Path) -> None:
    path.write_bytes(b"")


def scramble_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[4096:] = bytes(len(data) - 4096)  # keep the header, zero every later page
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [truncate, overwrite_with_text, empty, scramble_pages])
def test_corrupt_store_names_the_file(db: Path, damage):
    damage(db)
    with pytest.raises(StoreCorruptError, match=rf"{db.name}.*controlmap build"):
        Store.open(db)


@pytest.mark.parametrize("damage", [truncate, overwrite_with_text])
def test_rebuild_moves_a_corrupt_store_aside(db: Path, damage):
    damage(db)
    damaged = db.read_bytes()
    existing = read_existing(db)
    moved = existing.moved_to
    assert existing.contents is None
    assert "corrupt" in existing.problem or "not a controlmap store" in existing.problem
    assert moved == db.with_name(f"{db.name}.corrupt-1")
    assert moved.read_bytes() == damaged  # kept, not deleted
    write_store(db, articles=ARTICLES, events=EVENTS)
    with Store.open(db) as store:
        assert store.counts()["articles"] == len(ARTICLES)
    overwrite_with_text(db)
    assert read_existing(db).moved_to == db.with_name(f"{db.name}.corrupt-2")


@pytest.mark.parametrize(("version", "age"), [("0", "older"), ("99", "newer")])
def test_other_schema_version_is_a_clear_error(db: Path, version: str, age: str):
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (version,))
    connection.close()
    with pytest.raises(StoreSchemaError, match=rf"schema version {version}.*{age} controlmap"):
        Store.open(db)
    existing = read_existing(db)
    assert existing.contents is None
    assert existing.moved_to.name == f"{db.name}.schema-{version}-1"
    assert f"schema version {version}" in existing.problem


def test_read_existing_of_a_good_store(db: Path):
    existing = read_existing(db)
    assert existing.moved_to is None
    assert existing.contents.articles == ARTICLES


def test_read_existing_of_no_store(tmp_path: Path):
    assert read_existing(tmp_path / "none.sqlite") == Existing(None)


def test_stale_temp_files_of_dead_builds_are_removed(tmp_path: Path):
    target = tmp_path / "store.sqlite"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], **_OUT)
    stale = tmp_path / f".store.sqlite.tmp-{dead.stdout.strip()}"
    live = tmp_path / f".store.sqlite.tmp-{os.getppid()}"
    stale.write_bytes(b"half a build")
    live.write_bytes(b"someone else's build")
    assert remove_stale_temp_files(target) == [stale]
    assert live.exists()


def test_temp_files_of_other_threads_of_this_process_are_kept(tmp_path: Path):
    # Two app sessions build in two threads of one server process: neither may delete the
    # other's half-written store, but a thread's own abandoned attempt goes.
    target = tmp_path / "store.sqlite"
    started, finish = threading.Event(), threading.Event()

    def other_build() -> None:
        started.set()
        finish.wait(timeout=10)

    worker = threading.Thread(target=other_build)
    worker.start()
    try:
        started.wait(timeout=10)
        others = tmp_path / f".store.sqlite.tmp-{os.getpid()}-{worker.ident}"
        own = tmp_path / f".store.sqlite.tmp-{os.getpid()}-{threading.get_ident()}"
        others.write_bytes(b"another session's build")
        own.write_bytes(b"our abandoned build")
        assert remove_stale_temp_files(target) == [own]
        assert others.exists()
    finally:
        finish.set()
        worker.join()
    assert remove_stale_temp_files(target) == [others]


_OUT = {"capture_output": True, "text": True, "check": True}


def large_corpus(folder: Path, *, copies: int) -> Path:
    """Seed articles repeated with distinct first lines, so none is a duplicate."""
    folder.mkdir()
    seeds = sorted(SEED.glob("*.txt"))
    for n in range(copies):
        for seed in seeds:
            text = seed.read_text(encoding="utf-8")
            (folder / f"{n:05d}_{seed.name}").write_text(f"Copy {n}.\n\n{text}", encoding="utf-8")
    return folder


def cli(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline.cli", *args, "--quiet"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def test_killed_build_leaves_the_old_store_intact(tmp_path: Path):
    pytest.importorskip("pipeline.extract", reason="extractor not written yet")
    db = tmp_path / "store.sqlite"
    first = cli("build", str(SEED), "--db", str(db))
    assert first.wait() == 0, first.stderr.read()
    before = db.read_bytes()

    corpus = large_corpus(tmp_path / "big", copies=200)
    build = cli("build", str(corpus), "--db", str(db))

    def build_temp() -> list[Path]:  # named after the build's process and thread
        return list(tmp_path.glob(f".store.sqlite.tmp-{build.pid}-*"))

    while not build_temp() and build.poll() is None:
        time.sleep(POLL_S)  # the temp store appears before extraction starts
    build.send_signal(signal.SIGKILL)
    assert build.wait() == -signal.SIGKILL, "build finished before it could be killed"

    assert db.read_bytes() == before
    with Store.open(db) as store:
        assert store.counts()["articles"] == 5
    rebuild = cli("build", str(SEED), "--db", str(db))
    assert rebuild.wait() == 0, rebuild.stderr.read()
    assert not build_temp()
    with Store.open(db) as store:
        assert store.counts()["articles"] == 5
