"""The embedded SQLite store of articles, events and rejected inputs.

The corpus is the source of truth; the store is a cache the app reads. So every fault
has a rebuild path, and a rebuild never destroys a file it cannot read: a corrupt store
or one from another schema version is moved aside (``*.corrupt-<n>``, ``*.schema-<v>-<n>``).

Writes are atomic: ``write_store`` builds a complete database in a temporary file in the
same folder and ``os.replace``-s it into place, so a killed build leaves the old store
intact. Rows are written in a fixed order, so the same inputs give the same rows.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.records import Article, Event, Precision, Rejection, Status

SCHEMA_VERSION = 2  # 2: events.place_kind
DB_ENV_VAR = "CONTROLMAP_DB"
DEFAULT_DB = Path("data") / "controlmap.sqlite"
BUSY_TIMEOUT_S = 5.0
TEMP_MARKER = ".tmp-"
BUILD_HINT = "rebuild it with: controlmap build CORPUS --db {path} (the old file is kept aside)"

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    article_id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    date TEXT,
    source TEXT NOT NULL,
    url TEXT NOT NULL,
    title TEXT NOT NULL,
    origin TEXT NOT NULL,
    meta TEXT NOT NULL,
    warnings TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE TABLE events (
    event_no INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (article_id),
    province_iso TEXT NOT NULL,
    province TEXT NOT NULL,
    place TEXT NOT NULL,
    status TEXT NOT NULL,
    quote TEXT NOT NULL,
    quote_start INTEGER NOT NULL,
    quote_end INTEGER NOT NULL,
    place_start INTEGER NOT NULL,
    place_end INTEGER NOT NULL,
    actor TEXT NOT NULL,
    event_date TEXT,
    date_precision TEXT NOT NULL,
    date_basis TEXT NOT NULL,
    date_phrase TEXT NOT NULL,
    manner TEXT NOT NULL,
    attribution TEXT NOT NULL,
    confidence REAL NOT NULL,
    place_kind TEXT NOT NULL
);
CREATE INDEX events_by_article ON events (article_id);
CREATE TABLE rejections (
    rejection_no INTEGER PRIMARY KEY,
    origin TEXT NOT NULL,
    reason TEXT NOT NULL
);
"""

EVENT_COLUMNS = (
    "article_id",
    "province_iso",
    "province",
    "place",
    "status",
    "quote",
    "quote_start",
    "quote_end",
    "place_start",
    "place_end",
    "actor",
    "event_date",
    "date_precision",
    "date_basis",
    "date_phrase",
    "manner",
    "attribution",
    "confidence",
    "place_kind",
)
ARTICLE_COLUMNS = (
    "article_id",
    "content_hash",
    "date",
    "source",
    "url",
    "title",
    "origin",
    "meta",
    "warnings",
    "text",
)


class StoreError(Exception):
    """The store cannot be used; the message says why and how to rebuild it."""


class StoreMissingError(StoreError):
    """No store at the path yet."""


class StoreLockedError(StoreError):
    """Another process holds the store locked for longer than the busy timeout."""


class StoreCorruptError(StoreError):
    """The file is not a readable controlmap store (truncated, overwritten, not SQLite)."""


class StoreSchemaError(StoreError):
    """The store was written by an older or newer controlmap."""

    def __init__(self, message: str, *, found: str) -> None:
        super().__init__(message)
        self.found = found


def default_db_path(*, env: Mapping[str, str] | None = None) -> Path:
    """``$CONTROLMAP_DB`` if set, else ``data/controlmap.sqlite`` under the current folder."""
    environ = os.environ if env is None else env
    return Path(environ.get(DB_ENV_VAR) or DEFAULT_DB)


@dataclass(frozen=True, slots=True)
class StoreContents:
    """Everything a store holds, in the stored order."""

    articles: tuple[Article, ...]
    events: tuple[Event, ...]
    rejections: tuple[Rejection, ...]


class Store:
    """A read-only handle on an existing store; open with ``Store.open(path)``."""

    __slots__ = ("_connection", "path")

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._connection = connection

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, timeout: float = BUSY_TIMEOUT_S) -> Store:
        """Open and check a store; raises a ``StoreError`` subclass with a one-line message."""
        path = Path(path)
        if not path.is_file():
            msg = f"no store at {path}; build it with: controlmap build CORPUS --db {path}"
            raise StoreMissingError(msg)
        uri = f"{path.resolve().as_uri()}?mode=ro"
        connection = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)
        try:
            with _translated_errors(path):
                _check_store(connection, path)
        except BaseException:
            connection.close()
            raise
        return cls(path, connection)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._connection.close()

    def meta(self) -> dict[str, str]:
        return dict(self._query("SELECT key, value FROM meta ORDER BY key"))

    def load_articles(self) -> tuple[Article, ...]:
        rows = self._query(f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles ORDER BY article_id")
        return tuple(_article_from_row(row) for row in rows)

    def load_events(self) -> tuple[Event, ...]:
        rows = self._query(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events ORDER BY event_no")
        return tuple(_event_from_row(row) for row in rows)

    def load_rejections(self) -> tuple[Rejection, ...]:
        rows = self._query("SELECT origin, reason FROM rejections ORDER BY rejection_no")
        return tuple(Rejection(origin, reason) for origin, reason in rows)

    def load(self) -> StoreContents:
        """All three tables from one consistent read."""
        with _translated_errors(self.path):
            self._connection.execute("BEGIN")
            try:
                return StoreContents(
                    self.load_articles(), self.load_events(), self.load_rejections()
                )
            finally:
                self._connection.execute("COMMIT")

    def counts(self) -> dict[str, int]:
        tables = ("articles", "events", "rejections")
        return {t: self._query(f"SELECT count(*) FROM {t}")[0][0] for t in tables}

    def _query(self, sql: str) -> list[tuple]:
        with _translated_errors(self.path):
            return self._connection.execute(sql).fetchall()


def _check_store(connection: sqlite3.Connection, path: Path) -> None:
    (result,) = connection.execute("PRAGMA quick_check").fetchone()
    if result != "ok":
        msg = f"store {path} is corrupt ({result}); {BUILD_HINT.format(path=path)}"
        raise StoreCorruptError(msg)
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    if "meta" not in tables:
        msg = f"{path} is not a controlmap store (no meta table); {BUILD_HINT.format(path=path)}"
        raise StoreCorruptError(msg)
    row = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    found = row[0] if row else "unknown"
    if found != str(SCHEMA_VERSION):
        age = "newer" if found.isdigit() and int(found) > SCHEMA_VERSION else "older"
        msg = (
            f"store {path} has schema version {found}, this controlmap reads version "
            f"{SCHEMA_VERSION} (written by an {age} controlmap); {BUILD_HINT.format(path=path)}"
        )
        raise StoreSchemaError(msg, found=found)


@contextlib.contextmanager
def _translated_errors(path: Path) -> Iterator[None]:
    """sqlite3's errors as ``StoreError``s that name the file and the way out."""
    try:
        yield
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            msg = f"store {path} is locked by another process (a build running?); try again later"
            raise StoreLockedError(msg) from error
        msg = f"store {path} cannot be read ({error}); {BUILD_HINT.format(path=path)}"
        raise StoreCorruptError(msg) from error
    except sqlite3.DatabaseError as error:
        msg = f"store {path} is corrupt ({error}); {BUILD_HINT.format(path=path)}"
        raise StoreCorruptError(msg) from error


@dataclass(frozen=True, slots=True)
class Existing:
    """What an incremental build found at the store path."""

    contents: StoreContents | None  # None: no usable store
    moved_to: Path | None = None  # where an unusable store was moved aside
    problem: str = ""  # why it was unusable, one line


def read_existing(path: str | os.PathLike[str], *, timeout: float = BUSY_TIMEOUT_S) -> Existing:
    """The store's contents for an incremental build, moving an unusable file aside.

    A corrupt store or one of another schema version is renamed (never deleted) so the
    build can start fresh from the corpus. A locked store raises ``StoreLockedError``:
    waiting is the way out, not a rebuild.
    """
    path = Path(path)
    try:
        with Store.open(path, timeout=timeout) as store:
            return Existing(store.load())
    except StoreMissingError:
        return Existing(None)
    except StoreCorruptError as error:
        return Existing(None, move_aside(path, tag="corrupt"), str(error))
    except StoreSchemaError as error:
        return Existing(None, move_aside(path, tag=f"schema-{error.found}"), str(error))


def move_aside(path: Path, *, tag: str) -> Path:
    """Rename ``path`` to the first free ``<path>.<tag>-<n>`` and return the new name."""
    n = 1
    while (target := path.with_name(f"{path.name}.{tag}-{n}")).exists():
        n += 1
    os.replace(path, target)
    return target


def merge_articles(existing: Iterable[Article], new: Iterable[Article]) -> tuple[Article, ...]:
    """Articles of an incremental build, one per text, sorted by id.

    The same text under another id keeps its first id (the events already cite it);
    a new text under a known id replaces the old one (the file was edited).
    """
    by_id: dict[str, Article] = {}
    for article in (*existing, *new):
        by_id[article.article_id] = article
    seen: dict[str, Article] = {}
    for article in sorted(by_id.values(), key=lambda a: a.article_id):
        seen.setdefault(article.content_hash, article)
    return tuple(sorted(seen.values(), key=lambda a: a.article_id))


def write_store(
    path: str | os.PathLike[str],
    *,
    articles: Sequence[Article],
    events: Iterable[Event],
    rejections: Sequence[Rejection] = (),
    timeout: float = BUSY_TIMEOUT_S,
) -> Path:
    """Write a complete store atomically (temp file in the same folder, then replace).

    ``events`` may be a lazy iterable: it is consumed last, inside the build, so a long
    extraction is covered by the same all-or-nothing guarantee.

    While writing, a reserved lock is held on the old store so two builds cannot
    overwrite each other; a store locked by another process raises ``StoreLockedError``.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temp_files(path)
    temp = path.with_name(f".{path.name}{TEMP_MARKER}{os.getpid()}-{threading.get_ident()}")
    with _writer_lock(path, timeout=timeout):
        try:
            _write_database(temp, articles=articles, events=events, rejections=rejections)
            os.replace(temp, path)
        finally:
            temp.unlink(missing_ok=True)
    return path


@contextlib.contextmanager
def _writer_lock(path: Path, *, timeout: float) -> Iterator[None]:
    if not path.is_file():
        yield
        return
    connection = sqlite3.connect(path, timeout=timeout, isolation_level=None)
    try:
        with _translated_errors(path):
            connection.execute("BEGIN IMMEDIATE")
        yield
    finally:
        connection.close()


def _write_database(
    temp: Path,
    *,
    articles: Sequence[Article],
    events: Iterable[Event],
    rejections: Sequence[Rejection],
) -> None:
    temp.unlink(missing_ok=True)
    connection = sqlite3.connect(temp, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = OFF")  # the temp file itself is the journal
        connection.executescript(SCHEMA)
        connection.execute("BEGIN")
        connection.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        _insert(connection, "articles", ARTICLE_COLUMNS, map(_article_row, articles))
        rows = ((r.origin, r.reason) for r in rejections)
        _insert(connection, "rejections", ("origin", "reason"), rows)
        # Last, so a lazy ``events`` (extraction) runs while the temp file already exists.
        _insert(connection, "events", EVENT_COLUMNS, map(_event_row, events))
        connection.execute("COMMIT")
    finally:
        connection.close()


def _insert(
    connection: sqlite3.Connection, table: str, columns: Sequence[str], rows: Iterable[tuple]
) -> None:
    marks = ", ".join("?" * len(columns))
    connection.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)


def remove_stale_temp_files(path: Path) -> list[Path]:
    """Delete temp files left by builds that were killed (their process or thread is gone).

    A temp file is named after the process and thread writing it, so a build running in
    another thread of this process (two app sessions at once) keeps its file."""
    removed = []
    for temp in path.parent.glob(f".{path.name}{TEMP_MARKER}*"):
        pid, _, thread = temp.name.rsplit(TEMP_MARKER, 1)[1].partition("-")
        if pid.isdigit() and not _writer_alive(int(pid), thread):
            temp.unlink(missing_ok=True)
            removed.append(temp)
    return removed


def _writer_alive(pid: int, thread: str) -> bool:
    if pid != os.getpid():
        return _process_alive(pid)
    if not thread.isdigit() or int(thread) == threading.get_ident():
        return False  # our own earlier attempt, abandoned
    return int(thread) in {t.ident for t in threading.enumerate()}


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _article_row(article: Article) -> tuple:
    return (
        article.article_id,
        article.content_hash,
        _iso(article.date),
        article.source,
        article.url,
        article.title,
        article.origin,
        json.dumps(article.meta, ensure_ascii=False),
        json.dumps(article.warnings, ensure_ascii=False),
        article.text,
    )


def _article_from_row(row: Sequence) -> Article:
    article_id, _hash, date, source, url, title, origin, meta, warnings, text = row
    return Article(
        article_id=article_id,
        text=text,
        date=_date(date),
        source=source,
        url=url,
        title=title,
        origin=origin,
        meta=tuple(tuple(pair) for pair in json.loads(meta)),
        warnings=tuple(json.loads(warnings)),
    )


def _event_row(event: Event) -> tuple:
    values = {name: getattr(event, name) for name in EVENT_COLUMNS}
    values["status"] = event.status.value
    values["event_date"] = _iso(event.event_date)
    values["date_precision"] = event.date_precision.value
    return tuple(values[name] for name in EVENT_COLUMNS)


def _event_from_row(row: Sequence) -> Event:
    values = dict(zip(EVENT_COLUMNS, row, strict=True))
    values["status"] = Status(values["status"])
    values["event_date"] = _date(values["event_date"])
    values["date_precision"] = Precision(values["date_precision"])
    return Event(**values)
