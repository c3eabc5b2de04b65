"""Properties of extraction on arbitrary text: never raises, offsets hold, deterministic."""

from __future__ import annotations

import datetime as dt

from fake_gazetteer import gazetteer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.dates import resolve_date_phrase
from pipeline.extract import extract_events
from pipeline.records import Article
from pipeline.sentences import split_sentences

GAZETTEER = gazetteer()

# Words that exercise the cue lexicon and the gazetteer, mixed with noise.
VOCABULARY = [
    "The", "Taliban", "captured", "seized", "fell", "to", "the", "city", "of", "Kunduz",
    "Farah", "Herat", "Kandahar", "Lashkar", "Gah", "province", "on", "Tuesday", "Friday",
    "night", "said", "officials", "claimed", "could", "not", "be", "verified", "fighting",
    "in", "retook", "if", "2001", "since", "Aug.", "6", "Mr.", ",", ".", "?", "\n", "\n\n",
    "“", "”", "(AP)", "surrendered", "capital", "Qala-e", "Naw", "yesterday", "earlier",
]  # fmt: skip

sentences_of_words = st.lists(st.sampled_from(VOCABULARY), max_size=60).map(" ".join)
any_text = st.one_of(st.text(max_size=400), sentences_of_words)
dates = st.one_of(st.none(), st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)))


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text, date=dates)
def test_extraction_never_raises_and_offsets_hold(text: str, date: dt.date | None) -> None:
    article = Article(article_id="p", text=text, date=date)
    events = extract_events(article, gazetteer=GAZETTEER)
    for event in events:
        assert text[event.quote_start : event.quote_end] == event.quote
        assert text[event.place_start : event.place_end] == event.place
        assert event.quote_start <= event.place_start <= event.place_end <= event.quote_end
        assert 0.0 <= event.confidence <= 1.0
        if event.event_date is not None and date is not None:
            assert event.event_date <= date  # nothing after the article is ever reported
    assert extract_events(article, gazetteer=GAZETTEER) == events


@settings(max_examples=200)
@given(text=any_text)
def test_sentence_spans_cover_only_whitespace_gaps(text: str) -> None:
    cursor = 0
    for start, end in split_sentences(text):
        assert cursor <= start < end <= len(text)
        assert text[cursor:start].strip() == ""
        cursor = end
    assert text[cursor:].strip() == ""


@settings(max_examples=200)
@given(text=any_text, date=dates, cue=st.integers(min_value=0, max_value=500))
def test_date_resolution_never_raises(text: str, date: dt.date | None, cue: int) -> None:
    resolution = resolve_date_phrase(text, article_date=date, cue_at=cue)
    assert resolution.phrase in text
    if resolution.date is not None and date is not None:
        assert resolution.date <= date
