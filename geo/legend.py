"""Legend entries and summary lines shared by every snapshot format.

The palette itself lives in ``geo.style``; this module only decides which entries a
legend shows and how a day is summed up in one line, so PNG, GIF and HTML agree.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter
from collections.abc import Sequence

from geo.style import STATUS_ORDER, STATUS_STYLES, StatusStyle
from pipeline.records import DayStatus, Status
from pipeline.timeline import day_label, describe_summary

# A province the polygons know but the day does not: drawn blank, never as "held",
# because "no reported change" is itself a finding and must not be invented.
NO_DATA_STYLE = StatusStyle(
    "no_data", "No data", "#FFFFFF", "#8C8C8C", "", "No status was given for this province"
)

# English month abbreviations, fixed so output does not depend on the machine's locale.

# Statuses named in the summary line after "captured", in ladder order.


def style_for(status: Status | str | None) -> StatusStyle:
    """The palette entry for a status; ``None`` means the day gave no status."""
    if status is None:
        return NO_DATA_STYLE
    return STATUS_STYLES[str(status)]


def legend_styles(*, include_no_data: bool = False) -> tuple[StatusStyle, ...]:
    """Every status in ladder order (all of them, so absent ones still explain the map)."""
    styles = tuple(STATUS_STYLES[name] for name in STATUS_ORDER)
    return (*styles, NO_DATA_STYLE) if include_no_data else styles


def format_day(day: dt.date) -> str:
    """``13 Aug 2021``, independent of locale (the app's label, see pipeline.timeline)."""
    return day_label(day)


def status_counts(day: Sequence[DayStatus]) -> Counter[Status]:
    return Counter(Status(status.status) for status in day)


def summary_line(day: Sequence[DayStatus], *, total: int | None = None) -> str:
    """``9 of 34 provinces captured, 2 claimed by 13 Aug 2021``, worded as in the app.

    ``total`` defaults to the number of statuses given; pass the number of polygons
    when the day may be incomplete (the missing ones count as no reported change).
    """
    if not day:
        return "No provinces"
    counts = status_counts(day)
    missing = (len(day) if total is None else total) - len(day)
    if missing > 0:
        counts[Status.HELD] += missing
    return describe_summary(counts, day=day[0].date)


def cited_articles(day: Sequence[DayStatus]) -> tuple[str, ...]:
    """Article ids behind the colours of a day, in first-seen order."""
    return tuple(dict.fromkeys(source for status in day for source in status.sources))


def default_source_line(day: Sequence[DayStatus]) -> str:
    count = len(cited_articles(day))
    noun = "article" if count == 1 else "articles"
    return f"Sources: {count} news {noun} cited on this map"


def sources_line(*, article_count: int, outlets: Sequence[str]) -> str:
    """``Sources: 5 articles from 3 outlets (Reuters, AP, BBC)`` for report footers."""
    named = list(dict.fromkeys(outlet.strip() for outlet in outlets if outlet.strip()))
    noun = "article" if article_count == 1 else "articles"
    if not named:
        return f"Sources: {article_count} {noun}"
    outlet_noun = "outlet" if len(named) == 1 else "outlets"
    return f"Sources: {article_count} {noun} from {len(named)} {outlet_noun} ({', '.join(named)})"


def legend_html(styles: Sequence[StatusStyle]) -> str:
    """A legend block for the HTML export; hatched statuses get a CSS stripe swatch."""
    rows = []
    for style in styles:
        swatch = f"background:{style.fill};border:2px solid {style.edge};"
        if style.hatch:
            swatch += (
                f"background-image:repeating-linear-gradient(45deg,{style.edge} 0 1px,"
                "transparent 1px 5px);"
            )
        rows.append(
            '<div class="cm-legend-row">'
            f'<span class="cm-swatch" style="{html.escape(swatch)}"></span>'
            f'<span title="{html.escape(style.description)}">{html.escape(style.label)}</span>'
            "</div>"
        )
    return "".join(rows)
