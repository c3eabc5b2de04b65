"""The records every stage passes on: frozen, hashable, so merges can use sets.

Nothing here does I/O. Dates are ``datetime.date``; offsets are character offsets
into ``Article.text`` (``text[start:end]`` rebuilds the quoted span exactly).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from enum import StrEnum


class Status(StrEnum):
    """How sure a report is that a place changed hands.

    ``HELD`` never comes out of extraction: it is the timeline's "no reported change".
    """

    CAPTURED = "captured"
    CLAIMED = "claimed"
    CONTESTED = "contested"
    RETAKEN = "retaken"
    HELD = "held"


EVENT_STATUSES: tuple[Status, ...] = (
    Status.CAPTURED,
    Status.CLAIMED,
    Status.CONTESTED,
    Status.RETAKEN,
)


class Precision(StrEnum):
    """How exactly ``event_date`` is known."""

    DAY = "day"  # that very day
    ON_OR_BEFORE = "on_or_before"  # happened no later than event_date
    UNKNOWN = "unknown"  # no date (event_date is None)


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as loaded from a corpus; ``text`` is the body without metadata."""

    article_id: str
    text: str
    date: dt.date | None = None
    source: str = ""
    url: str = ""
    title: str = ""
    origin: str = ""  # file path, or "path#row" for JSONL/CSV corpora
    meta: tuple[tuple[str, str], ...] = ()  # other header keys, kept in order
    warnings: tuple[str, ...] = ()  # e.g. an unreadable header date

    @property
    def content_hash(self) -> str:
        """Identity of the text: the same story under two file names hashes the same."""
        normalised = " ".join(self.text.split())
        return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be loaded, and why (one line, names the cause)."""

    origin: str
    reason: str


@dataclass(frozen=True, slots=True)
class Event:
    """One article's report that something happened to one province."""

    article_id: str
    province_iso: str  # ISO 3166-2, e.g. "AF-FRA"
    province: str  # English display name, e.g. "Farah"
    place: str  # the place as written in the article, e.g. "Farah city"
    status: Status
    quote: str  # the sentence, exactly article.text[quote_start:quote_end]
    quote_start: int
    quote_end: int
    place_start: int  # article.text[place_start:place_end] == place
    place_end: int
    actor: str = "Taliban"
    event_date: dt.date | None = None
    date_precision: Precision = Precision.UNKNOWN
    date_basis: str = ""  # e.g. "'on Tuesday' before article date 2021-08-11"
    date_phrase: str = ""  # the phrase the date came from, as written ("" when none)
    manner: str = ""  # "fighting" | "surrender" | "handover" | ""
    attribution: str = ""  # "officials" | "locals" | "taliban" | "reporter" | ...
    confidence: float = 0.0  # 0..1
    # Kind of the place: the gazetteer's "province" | "capital" | "town", or "district" for a
    # province that only says where an unnamed or unknown district lies. A town or district
    # changing hands is reported, but only province/capital events colour a province.
    place_kind: str = ""


@dataclass(frozen=True, slots=True)
class Fact:
    """Events about one province and one status, merged across articles."""

    province_iso: str
    province: str
    status: Status
    date: dt.date | None  # earliest well-supported date
    date_precision: Precision
    events: tuple[Event, ...]  # every supporting report, in a stable order
    disagreements: tuple[str, ...] = ()  # e.g. "002 says 2021-08-12, 004 says 2021-08-13"

    @property
    def corroboration(self) -> int:
        """Number of distinct articles that report this fact."""
        return len({event.article_id for event in self.events})


@dataclass(frozen=True, slots=True)
class DayStatus:
    """What the map shows for one province on one day, and why."""

    date: dt.date
    province_iso: str
    province: str
    status: Status
    since: dt.date | None  # first day of the current status (None for HELD)
    sources: tuple[str, ...]  # article ids behind the colour
    rule: str  # one line: "captured since 2021-08-10: 3 articles; first: ..."
