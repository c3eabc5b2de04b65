"""Read article files, folders, JSONL and CSV corpora into ``Article``s and ``Rejection``s.

This is the I/O edge of the corpus package: it walks folders (sorted, symlink loops
detected), reads bytes with a size limit, and hands text to the pure ``corpus.formats`` and
``corpus.decode``. It never raises on bad input: every file it meets ends up either as an
article or as a one-line rejection, and nothing is dropped silently. Duplicates (same text
under another name) are recognised by ``Article.content_hash``; the first in sorted order is
kept and the others are rejected as "duplicate of <article_id>".
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from corpus.decode import decode_bytes
from corpus.formats import article_from_row, looks_like_html, parse_article
from pipeline.records import Article, Rejection

MAX_ARTICLE_BYTES = 5_000_000  # one article file (or one row's text); a long book is ~1 MB
MAX_TABLE_BYTES = 200_000_000  # one JSONL/CSV corpus file
BYTES_PER_MB = 1_000_000
BYTES_PER_KB = 1_000
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
CSV_SUFFIXES = frozenset({".csv"})
TABLE_TEXT_COLUMN = "text"
TABLE_ID_COLUMN = "id"
_ROW_SUFFIX = re.compile(r"#\d+\Z")


@dataclass(frozen=True, slots=True)
class Corpus:
    """What a load produced: the articles, and every input that could not be used, and why."""

    articles: tuple[Article, ...]
    rejections: tuple[Rejection, ...]

    @property
    def warnings(self) -> tuple[str, ...]:
        """Every article warning, prefixed with its article id (e.g. an unreadable date)."""
        return tuple(
            f"{article.article_id}: {warning}"
            for article in self.articles
            for warning in article.warnings
        )


@dataclass(frozen=True, slots=True)
class _Found:
    """A regular file found under a root, with its path relative to that root."""

    path: Path
    relative: str


def load_corpus(
    paths: Iterable[str | os.PathLike[str]], *, max_bytes: int = MAX_ARTICLE_BYTES
) -> Corpus:
    """Load every article under ``paths`` (files or folders, read recursively); never raises.

    "Nothing could be read" is ``not corpus.articles``.
    """
    candidates: list[Article] = []
    rejections: list[Rejection] = []
    ids = _IdRegistry()
    visited_dirs: set[tuple[int, int]] = set()
    for root in paths:
        for found in _walk(Path(root), visited_dirs):
            if isinstance(found, Rejection):
                rejections.append(found)
                continue
            articles, rejected = _load_file(found, ids=ids, max_bytes=max_bytes)
            candidates.extend(articles)
            rejections.extend(rejected)
    articles, duplicates = _drop_duplicates(candidates)
    return Corpus(articles=tuple(articles), rejections=tuple(rejections + duplicates))


def origin_path(origin: str) -> str:
    """The file an article or rejection origin names (``"data.csv#3"`` → ``"data.csv"``)."""
    stripped = _ROW_SUFFIX.sub("", origin)
    if Path(stripped).suffix.lower() in JSONL_SUFFIXES | CSV_SUFFIXES:
        return stripped
    return origin


def size_label(size: int) -> str:
    """A byte count for people: ``10_000_000`` → ``"10 MB"``, ``2_500`` → ``"2.5 KB"``."""
    if size >= BYTES_PER_MB // 10:
        return f"{size / BYTES_PER_MB:.1f}".removesuffix(".0") + " MB"
    return f"{size / BYTES_PER_KB:.1f}".removesuffix(".0") + " KB"


class _IdRegistry:
    """Hands out unique article ids: the file name first, then longer names on a clash."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def claim(self, *preferences: str) -> str:
        for candidate in preferences:
            if candidate and candidate not in self._used:
                self._used.add(candidate)
                return candidate
        base = preferences[-1]
        number = 2
        while f"{base}~{number}" in self._used:
            number += 1
        self._used.add(f"{base}~{number}")
        return f"{base}~{number}"


# --- walking -------------------------------------------------------------------------------


def _walk(root: Path, visited_dirs: set[tuple[int, int]]) -> Iterator[_Found | Rejection]:
    try:
        info = root.stat()
    except OSError as error:
        yield Rejection(str(root), _stat_problem(root, error))
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _walk_dir(root, root, info, visited_dirs)
    elif stat.S_ISREG(info.st_mode):
        yield _Found(root, root.name)
    else:
        yield Rejection(str(root), "not a regular file (device, pipe or socket)")


def _walk_dir(
    directory: Path, root: Path, info: os.stat_result, visited_dirs: set[tuple[int, int]]
) -> Iterator[_Found | Rejection]:
    key = (info.st_dev, info.st_ino)
    if key in visited_dirs:
        if directory.is_symlink():
            yield Rejection(str(directory), "symlink loop: points to a folder already read")
        else:
            yield Rejection(str(directory), "folder already read")
        return
    visited_dirs.add(key)
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError as error:
        yield Rejection(str(directory), f"folder unreadable ({error.strerror or error})")
        return
    for entry in entries:
        path = directory / entry.name
        try:
            entry_info = path.stat()
        except OSError as error:
            yield Rejection(str(path), _stat_problem(path, error))
            continue
        if stat.S_ISDIR(entry_info.st_mode):
            if entry.name.startswith("."):
                yield Rejection(str(path), "hidden folder skipped")
                continue
            yield from _walk_dir(path, root, entry_info, visited_dirs)
        elif stat.S_ISREG(entry_info.st_mode):
            yield _Found(path, path.relative_to(root).as_posix())
        else:
            yield Rejection(str(path), "not a regular file (device, pipe or socket)")


def _stat_problem(path: Path, error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "symlink loop"
    if isinstance(error, FileNotFoundError):
        return "broken symlink" if path.is_symlink() else "no such file or folder"
    if isinstance(error, PermissionError):
        return "permission denied"
    return f"unreadable ({error.strerror or error})"


# --- reading one file ----------------------------------------------------------------------


def _load_file(
    found: _Found, *, ids: _IdRegistry, max_bytes: int
) -> tuple[list[Article], list[Rejection]]:
    origin = str(found.path)
    suffix = found.path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        data = _read_limited(found.path, limit=max_bytes)
        if isinstance(data, str):
            return [], [Rejection(origin, data)]
        article = _text_article(data, found=found, ids=ids)
        if isinstance(article, str):
            return [], [Rejection(origin, article)]
        return [article], []
    if suffix in JSONL_SUFFIXES | CSV_SUFFIXES:
        data = _read_limited(found.path, limit=MAX_TABLE_BYTES)
        if isinstance(data, str):
            return [], [Rejection(origin, data)]
        return _table_articles(data, found=found, ids=ids, max_bytes=max_bytes)
    kind = f"'{suffix}'" if suffix else "(no extension)"
    return [], [Rejection(origin, f"unsupported file type {kind}")]


def _read_limited(path: Path, *, limit: int) -> bytes | str:
    """The file's bytes, or the reason they cannot be read."""
    try:
        size = path.stat().st_size
        if size > limit:
            return f"too large: {size_label(size)} > {size_label(limit)} limit"
        with path.open("rb") as handle:
            # Read one byte past the limit: a file can grow between stat() and read().
            data = handle.read(limit + 1)
    except PermissionError:
        return "permission denied"
    except OSError as error:
        return f"unreadable ({error.strerror or error})"
    if len(data) > limit:
        return f"too large: more than {size_label(limit)} limit"
    return data


def _text_article(data: bytes, *, found: _Found, ids: _IdRegistry) -> Article | str:
    """An article from one text file's bytes, or the reason it is rejected."""
    if not data:
        return "empty file"
    decoded = decode_bytes(data)
    if decoded.text is None:
        return decoded.reason
    if not decoded.text.strip(" \t\r\n\f\v\x00\ufeff"):
        return "empty file (whitespace only)"
    article_id = ids.claim(found.path.name, found.relative)
    article = parse_article(decoded.text, article_id=article_id, origin=str(found.path))
    if not article.text:
        if looks_like_html(decoded.text):
            return "no readable text in the HTML page"
        return "no article text (only a metadata header)"
    return replace(article, warnings=decoded.warnings + article.warnings)


def _table_articles(
    data: bytes, *, found: _Found, ids: _IdRegistry, max_bytes: int
) -> tuple[list[Article], list[Rejection]]:
    origin = str(found.path)
    if not data.strip():
        return [], [Rejection(origin, "empty file")]
    decoded = decode_bytes(data)
    if decoded.text is None:
        return [], [Rejection(origin, decoded.reason)]
    text = decoded.text.removeprefix("\ufeff")
    is_csv = found.path.suffix.lower() in CSV_SUFFIXES
    rows = _csv_rows(text) if is_csv else _jsonl_rows(text)
    articles: list[Article] = []
    rejections: list[Rejection] = []
    for row in rows:
        # Row 0 is the CSV header: a problem there concerns the whole file.
        row_origin = f"{origin}#{row.number}" if row.number else origin
        if row.problem:
            rejections.append(Rejection(row_origin, f"{row.where}: {row.problem}"))
            continue
        problem = _row_problem(row.fields, max_bytes=max_bytes)
        if problem:
            rejections.append(Rejection(row_origin, f"{row.where}: {problem}"))
            continue
        fallback_id = f"{found.path.name}#{row.number}"
        row_id = str(row.fields.get(TABLE_ID_COLUMN) or "").strip()
        article_id = ids.claim(row_id, fallback_id, f"{found.relative}#{row.number}")
        articles.append(
            article_from_row(
                row.fields, article_id=article_id, origin=row_origin, warnings=decoded.warnings
            )
        )
    if not articles and not rejections:
        rejections.append(Rejection(origin, "no rows"))
    return articles, rejections


def _row_problem(fields: dict[str, object], *, max_bytes: int) -> str:
    text = fields.get(TABLE_TEXT_COLUMN)
    if text is None:
        return f"no '{TABLE_TEXT_COLUMN}' field"
    if not isinstance(text, str):
        return f"'{TABLE_TEXT_COLUMN}' is a {type(text).__name__}, not a string"
    if not text.strip():
        return f"empty '{TABLE_TEXT_COLUMN}'"
    size = len(text.encode("utf-8", errors="replace"))
    if size > max_bytes:
        return f"text too large: {size_label(size)} > {size_label(max_bytes)} limit"
    return ""


# --- table rows ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Row:
    number: int  # JSONL: line number; CSV: record number after the header (1-based)
    where: str  # "line 7" / "row 3 (line 4)", for messages
    fields: dict[str, object]
    problem: str = ""


def _jsonl_rows(text: str) -> Iterator[_Row]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"line {number}"
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            yield _Row(number, where, {}, f"invalid JSON ({error.msg}, column {error.colno})")
            continue
        except RecursionError:
            yield _Row(number, where, {}, "invalid JSON (nested too deeply)")
            continue
        if not isinstance(value, dict):
            yield _Row(number, where, {}, f"not a JSON object ({type(value).__name__})")
            continue
        yield _Row(number, where, {str(key).strip().lower(): item for key, item in value.items()})


def _csv_rows(text: str) -> Iterator[_Row]:
    # Long article texts exceed the csv module's default 128 KB field limit; the real size
    # check is per row (MAX_ARTICLE_BYTES), so lift the parser's own limit to the table limit.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_TABLE_BYTES))
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header = _csv_header(reader)
    if isinstance(header, _Row):
        yield header
        return
    number = 0
    while True:
        start_line = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            number += 1
            yield _Row(number, _csv_where(number, start_line, reader.line_num), {}, str(error))
            continue
        if not any(cell.strip() for cell in record):
            continue
        number += 1
        where = _csv_where(number, start_line, reader.line_num)
        if len(record) != len(header):
            problem = f"{len(record)} fields, the header has {len(header)}"
            yield _Row(number, where, {}, problem)
            continue
        yield _Row(number, where, dict(zip(header, record, strict=True)))


def _csv_header(reader: Iterator[list[str]]) -> list[str] | _Row:
    try:
        header = [name.strip().lower() for name in next(reader)]
    except (StopIteration, csv.Error) as error:
        return _Row(0, "header", {}, f"unreadable CSV header ({error or 'no rows'})")
    if TABLE_TEXT_COLUMN not in header:
        columns = ", ".join(header)
        return _Row(0, "header", {}, f"missing column '{TABLE_TEXT_COLUMN}' (columns: {columns})")
    return header


def _csv_where(number: int, first_line: int, last_line: int) -> str:
    lines = f"line {first_line}" if first_line >= last_line else f"lines {first_line}-{last_line}"
    return f"row {number} ({lines})"


# --- duplicates ----------------------------------------------------------------------------


def _drop_duplicates(candidates: list[Article]) -> tuple[list[Article], list[Rejection]]:
    first_by_hash: dict[str, Article] = {}
    kept: list[Article] = []
    duplicates: list[Rejection] = []
    for article in candidates:
        first = first_by_hash.setdefault(article.content_hash, article)
        if first is article:
            kept.append(article)
        else:
            duplicates.append(Rejection(article.origin, f"duplicate of {first.article_id}"))
    return kept, duplicates
