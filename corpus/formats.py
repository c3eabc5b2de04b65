"""Decoded article text → ``Article``: metadata headers, header dates, HTML, table rows.

Pure: strings in, records out; no I/O and no clock. Three header forms are read, and only at
the very top of the text:

* YAML front matter between ``---`` lines;
* a block of ``key: value`` lines ended by a blank line, where every line is ``key: value``
  and at least one key is a known metadata key (so a body line such as
  ``Kabul: the Taliban entered the city`` is never a header);
* the seed articles' inline prefix ``" date 2021-08-13 "`` before the first sentence.

Text normalisation (``normalise_text``) is kept minimal, because quote offsets point into
``Article.text`` and the app shows that text: a leading BOM and NUL characters are removed,
``\\r\\n`` and ``\\r`` become ``\\n``, and surrounding whitespace is stripped. Nothing else
changes (no Unicode normalisation, no quote straightening, RTL text is left as written).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Mapping

import yaml

from pipeline.records import Article

KNOWN_KEYS = ("date", "source", "url", "title")
# Keys that, besides KNOWN_KEYS, make a ``key: value`` block look like metadata.
METADATA_KEYS = frozenset(
    {*KNOWN_KEYS, "author", "byline", "published", "language", "lang", "id", "tags", "section"}
)
# Other names people give the known keys, mapped onto them.
KEY_ALIASES: Mapping[str, str] = {
    "published": "date",
    "publication date": "date",
    "pubdate": "date",
    "link": "url",
    "headline": "title",
    "publisher": "source",
    "outlet": "source",
}
MIN_YEAR = 1900
MAX_YEAR = 2100
MAX_HEADER_LINES = 30
MAX_KEY_LENGTH = 30
# Fixed, distinct defaults: a component missing from a date string shows up as a difference.
_PROBE_DEFAULTS = (dt.datetime(2000, 1, 1), dt.datetime(2001, 2, 2))

_HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z0-9 _-]*?)[ \t]*:[ \t]*(?P<value>.*)$")
_INLINE_DATE = re.compile(r"\A[ \t]*date[ \t]+(?P<value>\d{4}-\d{1,2}-\d{1,2})(?:[ \t]+|\n|\Z)")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_ISO_DATE = re.compile(r"\A(\d{4})-(\d{1,2})-(\d{1,2})\Z")
_NUMERIC_DATE = re.compile(r"\A(\d{1,2})[./](\d{1,2})[./](\d{4})\Z")
_HTML_START = re.compile(r"\A\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)
_HTML_TAG = re.compile(r"</?(?:p|div|span|a|br|script|style|article|nav|h[1-6]|li|ul)[\s/>]", re.I)
# A pasted fragment counts as HTML when tags are this dense near the start.
MIN_TAGS_FOR_HTML = 5
_HTML_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
HTML_SNIFF_CHARS = 4096


class _FrontMatterLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates as written, so ``2021-02-30`` becomes a warning, not a crash."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def normalise_text(raw: str) -> str:
    """The documented minimal normalisation applied to every article body."""
    text = raw.removeprefix("\ufeff").replace("\x00", "")
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def parse_article(raw: str, *, article_id: str, origin: str = "") -> Article:
    """Read metadata and body from one article's text; never raises."""
    warnings: list[str] = []
    if "\x00" in raw:
        warnings.append(f"removed {raw.count(chr(0))} NUL characters")
    text = raw.removeprefix("\ufeff").replace("\x00", "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if looks_like_html(text):
        title, body, html_warnings = html_to_text(text)
        warnings.extend(html_warnings)
        fields = {"title": title} if title else {}
        return _article(article_id, origin, normalise_text(body), fields, warnings)
    fields, body, header_warnings = split_header(text)
    warnings.extend(header_warnings)
    return _article(article_id, origin, normalise_text(body), fields, warnings)


def article_from_row(
    row: Mapping[str, object], *, article_id: str, origin: str, warnings: tuple[str, ...] = ()
) -> Article:
    """An article from one JSONL/CSV row; ``row["text"]`` is the body, taken as is."""
    fields = {
        _canonical_key(str(key)): _as_text(value)
        for key, value in row.items()
        if key not in ("text", "id") and value is not None
    }
    text = _as_text(row.get("text"))
    return _article(article_id, origin, normalise_text(text), fields, list(warnings))


def split_header(text: str) -> tuple[dict[str, str], str, list[str]]:
    """Split ``text`` into (metadata, body, warnings); body is ``text`` when no header."""
    for splitter in (_split_front_matter, _split_key_value_block, _split_inline_date):
        found = splitter(text)
        if found is not None:
            return found
    return {}, text, []


def parse_header_date(value: str) -> tuple[dt.date | None, str]:
    """(date, "") for a readable header date, else (None, warning naming the value)."""
    cleaned = value.strip().strip("\"'")
    if not cleaned:
        return None, "empty header date; article left undated"
    parsed, problem = _parse_date(cleaned)
    if parsed is None:
        return None, f"unreadable header date {value.strip()!r} ({problem}); article left undated"
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        msg = (
            f"header date {value.strip()!r} is outside {MIN_YEAR}-{MAX_YEAR}; article left undated"
        )
        return None, msg
    return parsed, ""


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is an HTML page (or a pasted HTML fragment) rather than prose."""
    head = text[:HTML_SNIFF_CHARS]
    return bool(_HTML_START.match(head)) or len(_HTML_TAG.findall(head)) >= MIN_TAGS_FOR_HTML


def html_to_text(page: str) -> tuple[str, str, list[str]]:
    """(title, readable body, warnings) of an HTML page; scripts, styles and menus are dropped."""
    # Imported here: the extractor is heavy and most corpora are plain text.
    import trafilatura

    warnings = ["converted from HTML"]
    title_match = _HTML_TITLE.search(page)
    title = " ".join(html.unescape(title_match[1]).split()) if title_match else ""
    body = None
    try:
        body = trafilatura.extract(
            page, include_comments=False, include_tables=True, favor_recall=True
        )
        if not body:
            # Too little text for main-content detection: keep every visible text node.
            body = trafilatura.html2txt(page)
            warnings.append("no main article found in the HTML; kept all visible text")
    except Exception as error:  # a third-party parser on hostile input: never crash the load
        warnings.append(f"HTML could not be parsed ({type(error).__name__}); text left empty")
        body = ""
    return title, body or "", warnings


def _article(
    article_id: str, origin: str, body: str, fields: Mapping[str, str], warnings: list[str]
) -> Article:
    date = None
    raw_date = fields.get("date", "")
    if raw_date:
        date, warning = parse_header_date(raw_date)
        if warning:
            warnings.append(warning)
    meta = tuple((key, value) for key, value in fields.items() if key not in KNOWN_KEYS)
    return Article(
        article_id=article_id,
        text=body,
        date=date,
        source=fields.get("source", "").strip(),
        url=fields.get("url", "").strip(),
        title=fields.get("title", "").strip(),
        origin=origin,
        meta=meta,
        warnings=tuple(warnings),
    )


def _split_front_matter(text: str) -> tuple[dict[str, str], str, list[str]] | None:
    match = _FRONT_MATTER.match(text)
    if match is None:
        return None
    try:
        loaded = yaml.load(match["yaml"], Loader=_FrontMatterLoader)
    except yaml.YAMLError as error:
        problem = str(error).splitlines()[0]
        return {}, text, [f"front matter is not valid YAML ({problem}); kept in the text"]
    if loaded is None:
        loaded = {}
    if not isinstance(loaded, dict):
        return {}, text, ["front matter is not a key: value mapping; kept in the text"]
    fields = {
        _canonical_key(str(key)): _as_text(value)
        for key, value in loaded.items()
        if value is not None
    }
    return fields, text[match.end() :], []


def _split_key_value_block(text: str) -> tuple[dict[str, str], str, list[str]] | None:
    lines = text.split("\n", MAX_HEADER_LINES + 1)
    fields: dict[str, str] = {}
    for index, line in enumerate(lines[: MAX_HEADER_LINES + 1]):
        if not line.strip():
            if not fields or not METADATA_KEYS.intersection(fields):
                return None
            return fields, "\n".join(lines[index + 1 :]), []
        match = _HEADER_LINE.match(line)
        if match is None or len(match["key"]) > MAX_KEY_LENGTH:
            return None
        fields.setdefault(_canonical_key(match["key"]), match["value"].strip())
    return None


def _split_inline_date(text: str) -> tuple[dict[str, str], str, list[str]] | None:
    match = _INLINE_DATE.match(text)
    if match is None:
        return None
    return {"date": match["value"]}, text[match.end() :], []


def _canonical_key(key: str) -> str:
    lowered = " ".join(key.strip().lower().replace("_", " ").split())
    return KEY_ALIASES.get(lowered, lowered.replace(" ", "_"))


def _as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(_as_text(item) for item in value)
    return str(value)


def _parse_date(value: str) -> tuple[dt.date | None, str]:
    iso = _ISO_DATE.match(value)
    if iso:
        return _real_date(int(iso[1]), int(iso[2]), int(iso[3]))
    numeric = _NUMERIC_DATE.match(value)
    if numeric:
        first, second, year = int(numeric[1]), int(numeric[2]), int(numeric[3])
        if first <= 12 and second <= 12 and first != second:
            return None, "day and month could be either way round"
        day, month = (first, second) if first > 12 else (second, first)
        return _real_date(year, month, day)
    try:
        return dt.datetime.fromisoformat(value).date(), ""
    except ValueError:
        pass
    return _parse_written_date(value)


def _parse_written_date(value: str) -> tuple[dt.date | None, str]:
    # dateutil fills missing parts from its default; parsing against two different defaults
    # exposes a partial date ("August 2021", "Friday") instead of inventing the rest.
    from dateutil import parser

    try:
        first, second = (parser.parse(value, default=default) for default in _PROBE_DEFAULTS)
    except (ValueError, OverflowError) as error:
        return None, str(error).split(":")[0].lower() or "not a date"
    if first.date() != second.date():
        return None, "not a full day, month and year"
    return first.date(), ""


def _real_date(year: int, month: int, day: int) -> tuple[dt.date | None, str]:
    try:
        return dt.date(year, month, day), ""
    except ValueError as error:
        return None, str(error)
