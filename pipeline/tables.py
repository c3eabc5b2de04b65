"""The CSV tables every export writes: one column list and one row builder each.

Pure: records in, text out. ``controlmap extract`` / ``timeline``, the app's downloads and
``geo.snapshot`` all write their CSVs here, so an events table looks the same wherever an
analyst gets it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence

from pipeline.records import Article, DayStatus, Event

SOURCE_SEPARATOR = ";"
# Leading characters that make Excel/LibreOffice/Sheets evaluate a cell (OWASP list).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

EXTRACT_COLUMNS = (
    "article_id",
    "article_date",
    "source",
    "province_iso",
    "province",
    "place",
    "status",
    "event_date",
    "date_precision",
    "date_basis",
    "quote",
    "quote_start",
    "quote_end",
    "confidence",
    "manner",
    "attribution",
    "actor",
    "date_phrase",
    "place_start",
    "place_end",
    "article_url",
    "title",
    "place_kind",
)
TIMELINE_COLUMNS = ("date", "province_iso", "province", "status", "since", "sources", "rule")


def iso_or_empty(date: dt.date | None) -> str:
    return date.isoformat() if date else ""


def spreadsheet_safe(cell: object) -> object:
    """A cell a spreadsheet shows as text: formula-like strings get a leading ``'``.

    Leading spaces do not disarm a formula in every spreadsheet, so they are looked past.
    This is why a quote cell can differ from the article text by that one character.
    """
    if cell is None:
        return ""
    if isinstance(cell, dt.date):
        return cell.isoformat()
    if isinstance(cell, str) and cell.strip() and cell.lstrip(" ").startswith(FORMULA_TRIGGERS):
        return "'" + cell
    return cell


def csv_text(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A header row and the rows, every cell spreadsheet-safe, ``\\n`` line endings."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return buffer.getvalue()


def extract_row(event: Event, article: Article | None) -> tuple:
    """One events-table row (``EXTRACT_COLUMNS``); article fields empty when unknown."""
    values = {
        "article_id": event.article_id,
        "article_date": iso_or_empty(article.date) if article else "",
        "source": article.source if article else "",
        "province_iso": event.province_iso,
        "province": event.province,
        "place": event.place,
        "status": event.status.value,
        "event_date": iso_or_empty(event.event_date),
        "date_precision": event.date_precision.value,
        "date_basis": event.date_basis,
        "quote": event.quote,
        "quote_start": event.quote_start,
        "quote_end": event.quote_end,
        "confidence": f"{event.confidence:.2f}",
        "manner": event.manner,
        "attribution": event.attribution,
        "actor": event.actor,
        "date_phrase": event.date_phrase,
        "place_start": event.place_start,
        "place_end": event.place_end,
        "article_url": article.url if article else "",
        "title": article.title if article else "",
        "place_kind": event.place_kind,
    }
    return tuple(values[column] for column in EXTRACT_COLUMNS)


def events_csv(events: Iterable[Event], *, articles: Iterable[Article] = ()) -> str:
    """The events table, in the order given."""
    by_id = {article.article_id: article for article in articles}
    return csv_text(EXTRACT_COLUMNS, (extract_row(e, by_id.get(e.article_id)) for e in events))


def timeline_row(status: DayStatus) -> tuple:
    """One timeline row (``TIMELINE_COLUMNS``)."""
    return (
        status.date.isoformat(),
        status.province_iso,
        status.province,
        status.status.value,
        iso_or_empty(status.since),
        SOURCE_SEPARATOR.join(status.sources),
        status.rule,
    )
