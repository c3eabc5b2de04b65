"""The ``controlmap`` command line: extract, timeline, build, snapshot.

This is the I/O edge: it reads corpora, the store and package data, writes files
atomically (temp file + ``os.replace``), and turns every library error into one line
on stderr. Exit codes: 0 success (some inputs may have been skipped, each named on
stderr), 1 nothing could be read or written, 2 usage error.

CSV files are UTF-8 with ``\\n`` line endings and a header row; the same corpus gives
byte-identical files. Text cells that a spreadsheet would run as a formula (starting with
``= + - @``, tab or carriage return) get a leading ``'``; strip it when comparing a
quote with the article text.

Heavy imports (geopandas, the extractor, matplotlib) happen inside the commands, so
``--help`` and usage errors answer at once.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import sys
import textwrap
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.records import Article, Event, Rejection
from pipeline.tables import (
    EXTRACT_COLUMNS,
    TIMELINE_COLUMNS,
    csv_text,
    extract_row,
    timeline_row,
)

if TYPE_CHECKING:
    from corpus.load import Corpus

EXIT_OK = 0
EXIT_NOTHING_READ = 1
EXIT_USAGE = 2
DEBUG_ENV_VAR = "CONTROLMAP_DEBUG"
DEFAULT_COUNTRY = "AF"
STDOUT = "-"
OWN_PACKAGES = ("pipeline.", "geo.", "corpus.")
HELP_WIDTH = 88
SNAPSHOT_FORMATS = ("png", "gif", "html", "geojson", "csv")

EPILOG = """\
examples:
  controlmap extract corpus/afghanistan-2021 --out events.csv
  controlmap timeline corpus/afghanistan-2021 --out timeline.csv --start 2021-08-06
  controlmap build corpus/afghanistan-2021 my-articles/ --db data/controlmap.sqlite
  controlmap snapshot --date 2021-08-13 --out map.png
  controlmap snapshot --date 2021-08-13 --out map.html --format html corpus/afghanistan-2021

exit codes: 0 success (skipped inputs are named on stderr), 1 nothing could be read or
written, 2 usage error. The store defaults to $CONTROLMAP_DB or data/controlmap.sqlite.
"""


class CliError(Exception):
    """A failure to report as one line, with its exit code."""

    def __init__(self, message: str, *, code: int = EXIT_NOTHING_READ) -> None:
        super().__init__(message)
        self.code = code


# --------------------------------------------------------------------------- arguments


def iso_date(text: str) -> dt.date:
    """argparse type for YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        msg = f"not a date (want YYYY-MM-DD): {text!r}"
        raise argparse.ArgumentTypeError(msg) from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="controlmap",
        description=_wrapped(
            "Turn news articles into a day-by-day, sourced map of who controls each "
            "province. Every colour traces back to a quoted sentence."
        ),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = _command(
        commands,
        "extract",
        "one CSV row per event per article",
        "Extract events (captured/claimed/contested/retaken) from articles, one row per "
        "event, with the quoted sentence, its offsets and how its date was found.",
    )
    _corpus_args(extract, required=True)
    _out_arg(extract, "CSV file to write ('-' for stdout)")

    timeline = _command(
        commands,
        "timeline",
        "one CSV row per day per province",
        "Status of every province on every day of the corpus' date range, with the "
        "articles behind it and the rule that chose the colour.",
    )
    _corpus_args(timeline, required=True)
    _out_arg(timeline, "CSV file to write ('-' for stdout)")
    _range_args(timeline)

    build = _command(
        commands,
        "build",
        "load articles and events into the store",
        "Add articles to the SQLite store (kept by content hash) and recompute every "
        "event. The write is atomic; an unreadable old store is moved aside, not deleted.",
    )
    _corpus_args(build, required=True)
    _db_arg(build)

    snapshot = _command(
        commands,
        "snapshot",
        "the map of one day as PNG, GIF, HTML, GeoJSON or CSV",
        "Export the map of one date. Reads the store unless corpus paths are given. "
        "A GIF animates every day from --start (default: first corpus date) to --date.",
    )
    snapshot.add_argument("--date", type=iso_date, required=True, help="day to show, YYYY-MM-DD")
    _out_arg(snapshot, "file to write")
    snapshot.add_argument(
        "--format",
        choices=SNAPSHOT_FORMATS,
        help="output format (default: from the --out suffix)",
    )
    snapshot.add_argument("--start", type=iso_date, help="first day of a GIF, YYYY-MM-DD")
    _corpus_args(snapshot, required=False)
    _db_arg(snapshot)
    return parser


def _command(commands, name: str, summary: str, description: str) -> argparse.ArgumentParser:
    command = commands.add_parser(
        name,
        help=summary,
        description=_wrapped(description),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument("--quiet", "-q", action="store_true", help="no progress bar or notes")
    command.add_argument(
        "--country", default=DEFAULT_COUNTRY, help="ISO 3166 country code (default: AF)"
    )
    return command


def _wrapped(text: str) -> str:
    return textwrap.fill(text, width=HELP_WIDTH)


def _corpus_args(command: argparse.ArgumentParser, *, required: bool) -> None:
    command.add_argument(
        "paths",
        nargs="+" if required else "*",
        metavar="PATH",
        help="article files or folders (.txt, .md, .html, .jsonl, .csv), read recursively",
    )


def _out_arg(command: argparse.ArgumentParser, text: str) -> None:
    command.add_argument("--out", "-o", required=True, metavar="FILE", help=text)


def _db_arg(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--db", type=Path, help="SQLite store (default: $CONTROLMAP_DB or data/controlmap.sqlite)"
    )


def _range_args(command: argparse.ArgumentParser) -> None:
    command.add_argument("--start", type=iso_date, help="first day (default: first corpus date)")
    command.add_argument("--end", type=iso_date, help="last day (default: last corpus date)")


# --------------------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``controlmap`` console script; returns the exit code."""
    args = build_parser().parse_args(argv)
    notes = Notes(quiet=args.quiet)
    try:
        return COMMANDS[args.command](args, notes)
    except CliError as error:
        notes.error(str(error))
        return error.code
    except KeyboardInterrupt:
        notes.error("interrupted")
        return EXIT_NOTHING_READ
    except Exception as error:
        if os.environ.get(DEBUG_ENV_VAR):
            raise
        notes.error(_library_message(error))
        return EXIT_NOTHING_READ


def _library_message(error: Exception) -> str:
    """One line for a library error; unknown errors say how to get the traceback."""
    from pipeline.store import StoreError

    if isinstance(error, OSError) and error.filename:
        return f"cannot use {error.filename}: {error.strerror or error}"
    if isinstance(error, StoreError) or type(error).__module__.startswith(OWN_PACKAGES):
        return str(error)  # our own errors already read as one line for people
    return f"internal error: {type(error).__name__}: {error} (set {DEBUG_ENV_VAR}=1 for details)"


class Notes:
    """Messages for people, on stderr; ``quiet`` keeps only errors and skipped inputs."""

    def __init__(self, *, quiet: bool, stream=None) -> None:
        self.quiet = quiet
        self.stream = stream or sys.stderr

    def note(self, message: str) -> None:
        if not self.quiet:
            print(message, file=self.stream)

    def skipped(self, rejection: Rejection) -> None:
        print(f"skipped {rejection.origin}: {rejection.reason}", file=self.stream)

    def error(self, message: str) -> None:
        print(f"controlmap: {message}", file=self.stream)

    def progress(self, *, desc: str) -> Callable[[Iterable[Article]], Iterable[Article]]:
        """A tqdm wrapper on stderr, off when quiet or when stderr is not a terminal."""
        from tqdm import tqdm

        disable = self.quiet or not self.stream.isatty()

        def wrap(articles: Iterable[Article]) -> Iterable[Article]:
            return tqdm(articles, desc=desc, unit="article", file=self.stream, disable=disable)

        return wrap


# --------------------------------------------------------------------------- commands


def cmd_extract(args: argparse.Namespace, notes: Notes) -> int:
    from pipeline.run import sorted_events

    articles = read_corpus(args.paths, notes).articles
    events = _extract(articles, country=args.country, notes=notes)
    by_id = {article.article_id: article for article in articles}
    rows = (extract_row(event, by_id.get(event.article_id)) for event in sorted_events(events))
    write_text(args.out, csv_text(EXTRACT_COLUMNS, rows))
    notes.note(f"wrote {len(events)} events from {len(articles)} articles to {args.out}")
    return EXIT_OK


def cmd_timeline(args: argparse.Namespace, notes: Notes) -> int:
    from pipeline.run import analyse_events

    articles = read_corpus(args.paths, notes).articles
    events = _extract(articles, country=args.country, notes=notes)
    analysis = analyse_events(articles, events, provinces=province_names(args.country))
    start, end = _range(analysis.date_range, start=args.start, end=args.end)
    days = analysis.timeline(start, end)
    write_text(args.out, csv_text(TIMELINE_COLUMNS, map(timeline_row, days)))
    _note_undated(analysis.undated, notes)
    notes.note(f"wrote {len(days)} rows ({start} to {end}) to {args.out}")
    return EXIT_OK


def cmd_build(args: argparse.Namespace, notes: Notes) -> int:
    from pipeline import store
    from pipeline.build import build_store

    db = args.db or store.default_db_path()

    def report_loaded(articles: Sequence[Article], rejections: Sequence[Rejection]) -> None:
        _report_inputs(args.paths, articles, rejections, notes)

    report = build_store(
        args.paths,
        db=db,
        gazetteer=load_gazetteer(args.country),
        progress=notes.progress(desc="extracting"),
        on_loaded=report_loaded,
    )
    if report.moved_aside:
        problem = report.problem.split(";")[0]
        notes.error(f"{problem}; moved it aside to {report.moved_aside}, building afresh")
    notes.note(
        f"stored {report.articles} articles ({report.new_articles} new), {report.events} events, "
        f"{len(report.rejections)} skipped inputs in {db}"
    )
    return EXIT_OK


def cmd_snapshot(args: argparse.Namespace, notes: Notes) -> int:
    from geo import snapshot
    from pipeline.run import analyse_events

    fmt = args.format or Path(args.out).suffix.lstrip(".").lower()
    if fmt not in SNAPSHOT_FORMATS:
        msg = (
            f"cannot tell the format of {args.out!r}; use --format {{{','.join(SNAPSHOT_FORMATS)}}}"
        )
        raise CliError(msg, code=EXIT_USAGE)
    articles, events = _snapshot_inputs(args, notes)
    analysis = analyse_events(articles, events, provinces=province_names(args.country))
    polygons = province_polygons(args.country)
    day = analysis.day(args.date)
    if fmt == "png":
        write_bytes(args.out, snapshot.render_png(day, provinces=polygons))
    elif fmt == "gif":
        first = args.start or (analysis.date_range[0] if analysis.date_range else args.date)
        if first > args.date:
            msg = f"--date {args.date} is before the GIF's first day {first}"
            raise CliError(msg, code=EXIT_USAGE)
        days = [analysis.day(d) for d in _days(first, args.date)]
        write_bytes(args.out, snapshot.render_gif(days, provinces=polygons))
    elif fmt == "html":
        page = snapshot.render_html(
            day,
            provinces=polygons,
            events=analysis.events_until(args.date),
            articles=analysis.articles,
        )
        write_text(args.out, page)
    elif fmt == "geojson":
        collection = snapshot.day_geojson(day, provinces=polygons)
        write_text(args.out, json.dumps(collection, ensure_ascii=False, sort_keys=True) + "\n")
    else:
        write_text(args.out, snapshot.day_csv(day))
    notes.note(f"wrote the map of {args.date} to {args.out}")
    return EXIT_OK


COMMANDS: Mapping[str, Callable[[argparse.Namespace, Notes], int]] = {
    "extract": cmd_extract,
    "timeline": cmd_timeline,
    "build": cmd_build,
    "snapshot": cmd_snapshot,
}


def _snapshot_inputs(
    args: argparse.Namespace, notes: Notes
) -> tuple[Sequence[Article], Sequence[Event]]:
    if args.paths:
        articles = read_corpus(args.paths, notes).articles
        return articles, _extract(articles, country=args.country, notes=notes)
    from pipeline.store import Store, default_db_path

    with Store.open(args.db or default_db_path()) as store:
        contents = store.load()
    if not contents.articles:
        msg = f"the store {store.path} holds no articles; run controlmap build first"
        raise CliError(msg)
    return contents.articles, contents.events


# --------------------------------------------------------------------------- helpers


def read_corpus(paths: Sequence[str], notes: Notes) -> Corpus:
    """Load articles, naming every skipped input; no article at all is a ``CliError``."""
    from corpus.load import load_corpus

    corpus = load_corpus(paths)
    _report_inputs(paths, corpus.articles, corpus.rejections, notes)
    for warning in corpus.warnings:
        notes.note(f"warning: {warning}")
    return corpus


def _report_inputs(
    paths: Sequence[str],
    articles: Sequence[Article],
    rejections: Sequence[Rejection],
    notes: Notes,
) -> None:
    for rejection in rejections:
        notes.skipped(rejection)
    if not articles:
        msg = f"nothing could be read from {' '.join(paths)}"
        raise CliError(msg)


def _extract(articles: Sequence[Article], *, country: str, notes: Notes) -> list[Event]:
    from pipeline.run import extract_all

    gazetteer = load_gazetteer(country)
    return extract_all(articles, gazetteer=gazetteer, progress=notes.progress(desc="extracting"))


def load_gazetteer(country: str) -> object:
    from geo.gazetteer import load_gazetteer as load

    return load(country=country.upper())


def province_polygons(country: str):
    from geo.boundaries import provinces

    return provinces(country=country.upper())


def province_names(country: str) -> dict[str, str]:
    """iso → name of every province of the country (the timeline's rows)."""
    frame = province_polygons(country)
    return {str(iso): str(name) for iso, name in zip(frame["iso"], frame["name"], strict=True)}


def _range(
    span: tuple[dt.date, dt.date] | None, *, start: dt.date | None, end: dt.date | None
) -> tuple[dt.date, dt.date]:
    if span is None and (start is None or end is None):
        msg = "no article or event has a date; give --start and --end"
        raise CliError(msg)
    first, last = span or (start, end)
    start, end = start or first, end or last
    if end < start:
        msg = f"--end {end} is before --start {start}"
        raise CliError(msg, code=EXIT_USAGE)
    return start, end


def _days(start: dt.date, end: dt.date) -> Iterator[dt.date]:
    for offset in range((end - start).days + 1):
        yield start + dt.timedelta(days=offset)


def _note_undated(undated: Sequence[Event], notes: Notes) -> None:
    if undated:
        articles = sorted({event.article_id for event in undated})
        shown = ", ".join(articles[:5]) + (" …" if len(articles) > 5 else "")
        notes.note(f"{len(undated)} events need a date and are not on the timeline: {shown}")


def write_text(out: str, text: str) -> None:
    if out == STDOUT:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    write_bytes(out, text.encode("utf-8"))


def write_bytes(out: str, data: bytes) -> None:
    """Write ``out`` atomically: a temp file in the same folder, then ``os.replace``."""
    if out == STDOUT:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    target = Path(out)
    temp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    try:
        temp.write_bytes(data)
        os.replace(temp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


if __name__ == "__main__":
    sys.exit(main())
