"""Properties of the loader on arbitrary input (hypothesis): never raises, loses nothing."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from corpus import decode_bytes, load_corpus, normalise_text, origin_path, parse_article
from corpus.formats import looks_like_html, parse_header_date

SUFFIXES = (".txt", ".md", ".html", ".csv", ".jsonl", ".pdf", "")
# A first line with no colon, no "date" prefix and no "---" can never start a header.
PLAIN_OPENING = "Reports from the provinces follow.\n"
# Header values: one line, no NUL (NUL is always removed from article text).
header_value = st.text(
    alphabet=st.characters(blacklist_characters="\n\r\x00", blacklist_categories=("Cs",)),
    max_size=40,
)


@given(st.text())
def test_parse_article_never_raises_and_is_deterministic(raw):
    first = parse_article(raw, article_id="x", origin="o")
    assert first == parse_article(raw, article_id="x", origin="o")
    assert first.text == first.text.strip()
    assert "\r" not in first.text
    assert "\x00" not in first.text


@given(st.text())
def test_header_free_text_round_trips_modulo_normalisation(body):
    raw = PLAIN_OPENING + body
    assume(not looks_like_html(raw))
    article = parse_article(raw, article_id="x")
    assert article.text == normalise_text(raw)
    assert (article.date, article.source, article.meta) == (None, "", ())


@given(st.text(alphabet=st.characters(blacklist_characters="\r\x00\ufeff")))
def test_clean_text_is_kept_exactly(body):
    raw = (PLAIN_OPENING + body).strip()
    assume(not looks_like_html(raw))
    assert parse_article(raw, article_id="x").text == raw


@given(source=header_value, title=header_value, date=header_value, body=st.text())
def test_key_value_header_fields_round_trip(source, title, date, body):
    raw = f"source: {source}\ntitle: {title}\ndate: {date}\n\n{PLAIN_OPENING}{body}"
    assume(not looks_like_html(raw))
    article = parse_article(raw, article_id="x")
    assert (article.source, article.title) == (source.strip(), title.strip())
    assert article.text == normalise_text(PLAIN_OPENING + body)
    if article.date is None:
        assert date.strip() == "" or article.warnings
    else:
        assert 1900 <= article.date.year <= 2100


@given(st.text(max_size=60))
def test_parse_header_date_never_raises(value):
    date, warning = parse_header_date(value)
    assert (date is None) == bool(warning)
    if date is not None:
        assert dt.date(1900, 1, 1) <= date <= dt.date(2100, 12, 31)


@given(st.binary(max_size=2_000))
def test_decode_bytes_never_raises(data):
    decoded = decode_bytes(data)
    assert (decoded.text is None) == bool(decoded.reason)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    st.lists(
        st.tuples(st.sampled_from(SUFFIXES), st.binary(max_size=600)),
        min_size=1,
        max_size=8,
    )
)
def test_load_corpus_over_arbitrary_bytes_accounts_for_every_file(files):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        written = set()
        for index, (suffix, data) in enumerate(files):
            path = root / f"sub{index % 2}" / f"f{index}{suffix}"
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(data)
            written.add(str(path))
        corpus = load_corpus([root])
        origins = [a.origin for a in corpus.articles] + [r.origin for r in corpus.rejections]
        assert len(origins) == len(set(origins))
        per_file = Counter(origin_path(origin) for origin in origins)
        assert set(per_file) == written
        assert all(
            count == 1 or os.path.splitext(path)[1] in (".csv", ".jsonl")
            for path, count in per_file.items()
        )
        ids = [article.article_id for article in corpus.articles]
        assert len(ids) == len(set(ids))
