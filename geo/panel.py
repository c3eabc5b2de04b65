"""The quotes panel beside the map, as plain data (no Streamlit, no I/O).

``province_panel`` gathers every report about one province on one day: the reports behind its
colour first, later reports apart, and towns/districts beside (never as) the colour. Quote
text stays raw here; the app escapes it where it renders it. ``safe_url`` is shared with the
exports: only http(s) links with a host are ever shown.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from geo.style import STATUS_ORDER
from pipeline.records import Article, DayStatus, Event, Fact, Precision, Status
from pipeline.timeline import day_label

SAFE_URL_SCHEMES = frozenset({"http", "https"})
_CONTROL_CHARS = re.compile(r"[\x00-\x20\x7f]")


@dataclass(frozen=True, slots=True)
class Quote:
    """One report about the selected province, ready for the panel (text still raw)."""

    article_id: str
    status: Status
    before: str  # quote text before the place
    place: str  # the place as written, to highlight
    after: str
    outlet: str
    title: str
    article_date: dt.date | None
    event_date: dt.date | None
    precision: Precision
    basis: str
    url: str  # "" unless http(s)
    corroboration: int  # articles reporting the same province and status
    behind_colour: bool  # one of the DayStatus sources


@dataclass(frozen=True, slots=True)
class ProvincePanel:
    """The side panel for one province on one day."""

    iso: str
    name: str
    status: DayStatus | None
    reported: tuple[Quote, ...]  # dated on or before the chosen day (or undated articles)
    later: tuple[Quote, ...]  # dated after the chosen day, shown apart
    # Towns, districts and bases in the province, up to the chosen day: shown beside the
    # colour, never as it (a district falling is not the province falling).
    local: tuple[Quote, ...] = ()


def safe_url(url: str) -> str:
    """The URL if it is http(s) with a host, else "" (no javascript:, data:, relative...).

    Any whitespace or control character inside refuses it: browsers strip them, so
    "java\tscript:" would otherwise slip past the scheme check.
    """
    text = (url or "").strip()
    if not text or _CONTROL_CHARS.search(text):
        return ""
    try:
        parts = urlsplit(text)
    except ValueError:
        return ""
    if parts.scheme.lower() not in SAFE_URL_SCHEMES or not parts.netloc:
        return ""
    return text


def split_quote(event: Event) -> tuple[str, str, str]:
    """(before, place, after) of the quote; the place is highlighted only if offsets agree."""
    start = event.place_start - event.quote_start
    end = event.place_end - event.quote_start
    if 0 <= start <= end <= len(event.quote) and event.quote[start:end] == event.place:
        return event.quote[:start], event.quote[start:end], event.quote[end:]
    return event.quote, "", ""


def province_panel(
    iso: str,
    *,
    day: dt.date,
    day_status: DayStatus | None,
    facts: Iterable[Fact],
    undated: Iterable[Event] = (),
    local_events: Iterable[Event] = (),
    articles: Mapping[str, Article],
    name: str = "",
) -> ProvincePanel:
    """Every report about ``iso``: those up to ``day`` first (sources of the colour first),
    later ones apart. Undated reports count as "reported" (they may already be true).

    ``local_events`` (towns, districts, bases: ``Analysis.local_events``) dated up to ``day``
    go to ``local``; they never count as behind the colour."""
    sources = set(day_status.sources) if day_status else set()
    reported: list[Quote] = []
    later: list[Quote] = []
    for fact in facts:
        if fact.province_iso != iso:
            continue
        # Only the fact that sets the day's colour (its status and episode) is behind it; the
        # same article's quotes about another status or an earlier episode are not.
        behind = sources if _sets_colour(fact, day_status) else set()
        for event in fact.events:
            quote = _quote(event, fact.corroboration, articles.get(event.article_id), behind)
            is_later = event.event_date is not None and event.event_date > day
            (later if is_later else reported).append(quote)
    for event in undated:
        if event.province_iso == iso:
            reported.append(_quote(event, 1, articles.get(event.article_id), set()))
    display = name or (day_status.province if day_status else iso)
    return ProvincePanel(
        iso,
        display,
        day_status,
        tuple(sorted(reported, key=_panel_order)),
        tuple(sorted(later, key=_panel_order)),
        local_quotes(iso, day=day, local_events=local_events, articles=articles),
    )


def _sets_colour(fact: Fact, day_status: DayStatus | None) -> bool:
    return (
        day_status is not None
        and fact.status == day_status.status
        and fact.date == day_status.since
    )


def local_quotes(
    iso: str, *, day: dt.date, local_events: Iterable[Event], articles: Mapping[str, Article]
) -> tuple[Quote, ...]:
    """Town/district reports in ``iso`` known by ``day``, oldest first; an undated one is left
    out (it is in the undated list), and none of them is ever behind the colour."""
    shown = [
        event
        for event in local_events
        if event.province_iso == iso and event.event_date is not None and event.event_date <= day
    ]
    articles_per_place: dict[tuple[str, Status], set[str]] = {}
    for event in shown:
        key = (_place_key(event.place), event.status)
        articles_per_place.setdefault(key, set()).add(event.article_id)
    quotes = [
        _quote(
            event,
            len(articles_per_place[(_place_key(event.place), event.status)]),
            articles.get(event.article_id),
            sources=set(),
        )
        for event in shown
    ]
    return tuple(sorted(quotes, key=_local_order))


def _place_key(place: str) -> str:
    return " ".join(place.casefold().split())


def _local_order(quote: Quote) -> tuple[object, ...]:
    return (quote.event_date or dt.date.max, quote.place.casefold(), quote.article_id)


def _quote(event: Event, corroboration: int, article: Article | None, sources: set[str]) -> Quote:
    before, place, after = split_quote(event)
    return Quote(
        article_id=event.article_id,
        status=event.status,
        before=before,
        place=place,
        after=after,
        outlet=article.source if article else "",
        title=article.title if article else "",
        article_date=article.date if article else None,
        event_date=event.event_date,
        precision=event.date_precision,
        basis=event.date_basis,
        url=safe_url(article.url) if article else "",
        corroboration=corroboration,
        behind_colour=event.article_id in sources,
    )


def _panel_order(quote: Quote) -> tuple[object, ...]:
    return (
        not quote.behind_colour,
        STATUS_ORDER.index(quote.status.value),
        quote.event_date or dt.date.max,
        quote.article_id,
    )


def describe_event_date(quote: Quote) -> str:
    """``10 Aug 2021 (that day; 'on Tuesday' before article date …)`` or ``no date``."""
    if quote.event_date is None:
        return "no date" + (f" ({quote.basis})" if quote.basis else "")
    precision = {
        Precision.DAY: "that day",
        Precision.ON_OR_BEFORE: "on or before",
        Precision.UNKNOWN: "unknown",
    }[quote.precision]
    basis = f"; {quote.basis}" if quote.basis else ""
    return f"{day_label(quote.event_date)} ({precision}{basis})"
