"""Date phrases resolved against the article date: golden cases, then the rules' edges."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.dates import phrase_weekday, resolve_date_phrase
from pipeline.records import Precision

WED = dt.date(2021, 8, 11)  # a Wednesday
FRI = dt.date(2021, 8, 13)  # a Friday
DAY, BEFORE, UNKNOWN = Precision.DAY, Precision.ON_OR_BEFORE, Precision.UNKNOWN

# (sentence, article date, expected date, precision, phrase)
GOLDEN: list[tuple[str, dt.date | None, dt.date | None, Precision, str]] = [
    ("The Taliban captured Farah on Tuesday.", WED, dt.date(2021, 8, 10), DAY, "on Tuesday"),
    ("Kunduz fell on Wednesday.", WED, WED, DAY, "on Wednesday"),  # same weekday = that day
    ("Kandahar fell on Thursday night.", FRI, dt.date(2021, 8, 12), DAY, "on Thursday night"),
    ("Kandahar fell Thursday night.", FRI, dt.date(2021, 8, 12), DAY, "Thursday night"),
    ("Late on Saturday, Sheberghan fell.", WED, dt.date(2021, 8, 7), DAY, "Late on Saturday"),
    ("Early Sunday, Taloqan fell.", WED, dt.date(2021, 8, 8), DAY, "Early Sunday"),
    ("It fell overnight into Friday.", FRI, FRI, DAY, "overnight into Friday"),
    ("It fell overnight.", FRI, FRI, DAY, "overnight"),
    ("Aybak fell yesterday.", WED, dt.date(2021, 8, 10), DAY, "yesterday"),
    ("Aybak fell last night.", WED, dt.date(2021, 8, 10), DAY, "last night"),
    ("The city fell today.", WED, WED, DAY, "today"),
    ("This afternoon the Taliban entered.", WED, WED, DAY, "This afternoon"),
    ("This morning the Taliban entered.", WED, WED, DAY, "This morning"),
    ("Zaranj fell last Friday.", FRI, dt.date(2021, 8, 6), DAY, "last Friday"),
    ("Zaranj fell last Friday.", WED, dt.date(2021, 8, 6), DAY, "last Friday"),
    ("Zaranj fell on August 6.", WED, dt.date(2021, 8, 6), DAY, "on August 6"),
    ("Zaranj fell on Aug. 6.", WED, dt.date(2021, 8, 6), DAY, "on Aug. 6"),
    ("Zaranj fell on 6 August.", WED, dt.date(2021, 8, 6), DAY, "on 6 August"),
    ("Zaranj fell on Aug 6, 2021.", WED, dt.date(2021, 8, 6), DAY, "on Aug 6, 2021"),
    ("Zaranj fell on Aug 6, 2021.", None, dt.date(2021, 8, 6), DAY, "on Aug 6, 2021"),
    ("Talks resume on August 16.", WED, None, UNKNOWN, "on August 16"),  # after article date
    ("Six capitals have fallen since Friday.", WED, None, UNKNOWN, "since Friday"),
    ("In recent days the Taliban took Jurm.", WED, None, UNKNOWN, "In recent days"),
    ("Last week the Taliban took Jurm.", WED, None, UNKNOWN, "Last week"),
    # on or before the article's day, as "earlier this month" (blind11's convention, round 12)
    ("This month the Taliban took Jurm.", WED, WED, BEFORE, "This month"),
    ("The Taliban took Jurm a week ago.", WED, WED - dt.timedelta(days=7), DAY, "a week ago"),
    ("Within hours the city had fallen.", WED, None, UNKNOWN, "Within hours"),  # no day before
    ("The city fell within days.", WED, None, UNKNOWN, "within days"),
    ("Since May, the Taliban have taken Jurm.", WED, None, UNKNOWN, "Since May"),
    ("Kunduz has fallen.", WED, WED, DAY, ""),  # breaking news: the article's own day
    ("The Taliban have captured Farah.", WED, WED, DAY, ""),
    ("Herat had already fallen.", WED, WED, BEFORE, "already"),
    ("The earlier seizure of Herat.", WED, WED, BEFORE, "earlier"),
    ("Earlier this week the Taliban took Herat.", WED, WED, BEFORE, "Earlier this week"),
    ("The Taliban took Herat earlier this month.", WED, WED, BEFORE, "earlier this month"),
    ("Kunduz fell by Friday.", FRI, FRI, BEFORE, "by Friday"),
    ("Kunduz had fallen by Friday evening.", FRI, FRI, DAY, "by Friday evening"),
    (
        "By Tuesday at dawn it had fallen.",
        FRI,
        FRI - dt.timedelta(days=3),
        DAY,
        "By Tuesday at dawn",
    ),
    ("The Taliban captured Farah on Tuesday.", None, None, UNKNOWN, "on Tuesday"),
    ("Kunduz has fallen.", None, None, UNKNOWN, ""),
    ("Officials said 6 may be dead.", WED, WED, DAY, ""),  # "may" is a verb here
]


def test_basis_names_phrase_and_article_date() -> None:
    resolution = resolve_date_phrase("Farah fell on Tuesday.", article_date=WED)
    assert resolution.basis == "'on Tuesday' before article date 2021-08-11"


def test_phrase_nearest_the_cue_wins() -> None:
    sentence = "Zaranj fell on Friday and Sheberghan on Saturday."
    near_zaranj = resolve_date_phrase(sentence, article_date=WED, cue_at=sentence.index("fell"))
    assert near_zaranj.date == dt.date(2021, 8, 6)


def test_span_phrase_in_another_clause_is_ignored() -> None:
    sentence = "The Taliban captured Farah, the seventh capital to fall since Friday."
    resolution = resolve_date_phrase(sentence, article_date=WED, cue_at=12)
    assert (resolution.date, resolution.precision) == (WED, DAY)


def test_phrase_behind_after_dates_the_other_event() -> None:
    sentence = "Troops retook Qala-e Naw after the Taliban overran it on Wednesday."
    resolution = resolve_date_phrase(sentence, article_date=FRI, cue_at=7)
    assert resolution.date == FRI


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        # a state dated by the "after" clause that says when it began
        (
            "Jurm is now held by the Taliban after troops withdrew late on Monday.",
            dt.date(2021, 8, 9),
        ),
        (
            "Clashes are ongoing in Taloqan after fighters attacked on Tuesday.",
            dt.date(2021, 8, 10),
        ),
        # a phrase of its own wins (a span dates nothing); an event is not a state
        ("Jurm is now in their hands since Tuesday after troops withdrew on Monday.", None),
        ("Jurm fell on Tuesday after troops withdrew on Monday.", dt.date(2021, 8, 10)),
    ],
)
def test_state_is_dated_by_its_after_clause(sentence: str, day: dt.date | None) -> None:
    resolution = resolve_date_phrase(sentence, article_date=WED, cue_at=5, state=True)
    assert resolution.date == day


def test_after_clause_dates_no_event_that_is_not_a_state() -> None:
    sentence = "Troops retook Qala-e Naw after the Taliban overran it on Wednesday."
    resolution = resolve_date_phrase(sentence, article_date=FRI, cue_at=7, state=False)
    assert resolution.date == FRI


@pytest.mark.parametrize(
    ("sentence", "cue", "day"),
    [
        # the "after" clause has its own day: the cue before it comes that many days later
        ("Troops retook Jurm a week after it fell on August 2.", "retook", dt.date(2021, 8, 9)),
        ("Troops retook Jurm 3 days after losing it on Sunday.", "retook", dt.date(2021, 8, 11)),
        # a fronted "after" clause closed by a comma counts forward to the main clause
        (
            "Two days after the Taliban captured Jurm on Sunday, troops retook it.",
            "retook",
            dt.date(2021, 8, 10),
        ),
        # the clause's own day dates the event inside it, not the count
        ("Troops retook Jurm a week after it fell on August 2.", "fell", dt.date(2021, 8, 2)),
        # a day of the cue's own wins over the count
        (
            "Troops retook Jurm on Tuesday, a week after it fell on August 2.",
            "retook",
            dt.date(2021, 8, 10),
        ),
        # the day somebody said it is no anchor
        (
            "Troops retook Jurm ten days after it fell, officials said on Monday.",
            "fell",
            dt.date(2021, 8, 1),
        ),
        ("Troops retook Jurm ten days later.", "retook", dt.date(2021, 8, 11)),
        ("Jurm had fallen twelve days earlier.", "fallen", dt.date(2021, 7, 20)),
    ],
)
def test_days_counted_from_a_named_day(sentence: str, cue: str, day: dt.date) -> None:
    resolution = resolve_date_phrase(
        sentence, article_date=WED, cue_at=sentence.index(cue), reference=dt.date(2021, 8, 1)
    )
    assert (resolution.date, resolution.precision) == (day, DAY), resolution


def test_a_day_later_counts_from_the_reference() -> None:
    resolution = resolve_date_phrase(
        "A day later, Tirin Kot fell.", article_date=FRI, reference=dt.date(2021, 8, 10)
    )
    assert (resolution.date, resolution.precision) == (dt.date(2021, 8, 11), DAY)


def test_hours_later_is_the_day_of_the_event_before() -> None:
    for sentence in ("Within hours the city had fallen.", "The town fell hours later."):
        resolution = resolve_date_phrase(sentence, article_date=FRI, reference=dt.date(2021, 8, 10))
        assert (resolution.date, resolution.precision) == (dt.date(2021, 8, 10), DAY), sentence


def test_whole_days_of_hours_count_days_and_hours_stay_on_the_day() -> None:
    before = dt.date(2021, 8, 10)
    for sentence, day in (
        ("Forty-eight hours later, the town fell.", dt.date(2021, 8, 12)),
        ("24 hours later the town fell.", dt.date(2021, 8, 11)),
        ("Hours later the town fell.", before),
        ("Two hours later the town fell.", before),
    ):
        resolution = resolve_date_phrase(sentence, article_date=FRI, reference=before)
        assert resolution.date == day, sentence


def test_by_dawn_is_the_morning_after_the_event_before() -> None:
    sentence = "By dawn the district had fallen."
    counted = resolve_date_phrase(sentence, article_date=FRI, reference=dt.date(2021, 8, 10))
    assert (counted.date, counted.precision) == (dt.date(2021, 8, 11), DAY)
    alone = resolve_date_phrase(sentence, article_date=FRI)
    assert (alone.date, alone.precision) == (None, UNKNOWN)


def test_a_week_earlier_counts_seven_days_back_from_the_sentence_day() -> None:
    sentence = "Troops retook Qaisar on Monday, which the Taliban had seized a week earlier."
    resolution = resolve_date_phrase(sentence, article_date=FRI, cue_at=sentence.index("seized"))
    assert (resolution.date, resolution.precision) == (dt.date(2021, 8, 2), DAY)


@pytest.mark.parametrize(
    ("sentence", "reference", "day"),
    [
        ("On July 24 they overran Khamyab.", dt.date(2021, 7, 20), dt.date(2021, 7, 24)),
        ("Two days later, on 10 Asad, they attacked.", dt.date(2021, 7, 30), dt.date(2021, 8, 1)),
        # the year nearest the event told before: a January day after a December one
        ("On January 2 the town fell.", dt.date(2000, 12, 30), dt.date(2001, 1, 2)),
        # a leap day takes the nearest year that has one, not nothing
        ("On February 29 the town fell.", dt.date(2021, 3, 5), dt.date(2020, 2, 29)),
        ("On February 29 the town fell.", dt.date(2023, 12, 20), dt.date(2024, 2, 29)),
    ],
)
def test_undated_a_day_without_its_year_takes_the_year_of_the_event_before(
    sentence: str, reference: dt.date, day: dt.date
) -> None:
    resolution = resolve_date_phrase(sentence, article_date=None, reference=reference)
    assert (resolution.date, resolution.precision) == (day, DAY), resolution
    alone = resolve_date_phrase(sentence, article_date=None)
    assert alone.date is None


def test_a_day_later_without_reference_is_only_a_bound() -> None:
    resolution = resolve_date_phrase("A day later, Tirin Kot fell.", article_date=FRI)
    assert (resolution.date, resolution.precision) == (FRI, BEFORE)


def test_impossible_explicit_date_is_rejected() -> None:
    resolution = resolve_date_phrase("It fell on February 30.", article_date=WED)
    assert resolution.date is None


def test_undated_a_day_no_year_near_the_reference_has_is_rejected() -> None:
    resolution = resolve_date_phrase(
        "It fell on February 30.", article_date=None, reference=dt.date(2021, 3, 5)
    )
    assert (resolution.date, resolution.precision) == (None, UNKNOWN), resolution


@pytest.mark.parametrize(
    ("phrase", "weekday"),
    [("on Tuesday", 1), ("late on Friday", 4), ("Thursday night", 3), ("last Friday", None)],
)
def test_phrase_weekday(phrase: str, weekday: int | None) -> None:
    assert phrase_weekday(phrase) == weekday


# Counted and ordinal days, and relative phrases anchored inside the sentence.
COUNTED: list[tuple[str, dt.date | None, dt.date | None, Precision, str]] = [
    ("Jurm fell two days ago.", WED, dt.date(2021, 8, 9), DAY, "two days ago"),
    ("A day ago the Taliban took Jurm.", WED, dt.date(2021, 8, 10), DAY, "A day ago"),
    ("Jurm fell two days ago.", None, None, UNKNOWN, "two days ago"),
    (
        "The Taliban took Jurm on the 9th, officials said.",
        WED,
        dt.date(2021, 8, 9),
        DAY,
        "on the 9th",
    ),
    ("The Taliban took Jurm on the 28th.", WED, dt.date(2021, 7, 28), DAY, "on the 28th"),
    ("The Taliban took Jurm on the 31st.", dt.date(2021, 7, 2), None, UNKNOWN, "on the 31st"),
    ("Fighting hit the 3rd district of Kunduz.", WED, WED, DAY, ""),  # an ordinal noun, no day
    ("Troops fought the 209th Corps' attackers.", WED, WED, DAY, ""),
    ("Jurm fell the day before, they said.", WED, dt.date(2021, 8, 10), DAY, "the day before"),
    ("Jurm had fallen two days earlier.", WED, dt.date(2021, 8, 9), DAY, "two days earlier"),
    ("Jurm had fallen the previous day.", None, None, UNKNOWN, "the previous day"),
    ("Troops left the day before Jurm fell.", WED, WED, DAY, ""),  # before an event, not a day
    # Solar Hijri days of Afghan outlets: of the article's Solar year unless one is written
    ("Jurm fell on 29 Saratan.", WED, dt.date(2021, 7, 20), DAY, "on 29 Saratan"),
    ("Jurm fell on 2 Asad 1400.", None, dt.date(2021, 7, 24), DAY, "on 2 Asad 1400"),
    ("Jurm fell on 29 Saratan.", None, None, UNKNOWN, "on 29 Saratan"),
    ("Jurm fell on 30 Asad.", WED, None, UNKNOWN, "on 30 Asad"),  # 21 August: after the article
    ("Troops were sent to Mizan district.", WED, WED, DAY, ""),  # a district, not a month
    # the month first, as some Afghan outlets write it
    ("Jurm fell on Jawza 20, 1400.", None, dt.date(2021, 6, 10), DAY, "on Jawza 20, 1400"),
    ("Jurm fell on Saratan 29.", WED, dt.date(2021, 7, 20), DAY, "on Saratan 29"),
    ("Mizan 12 km away was calm.", WED, WED, DAY, ""),  # a distance, not a day
    # spans of a past state and of the last hours: no single day
    ("Jurm had been in Taliban hands for three weeks.", WED, None, UNKNOWN, "for three weeks"),
    ("Jurm fell over the past 48 hours.", WED, None, UNKNOWN, "over the past 48 hours"),
    ("Jurm fell last weekend.", WED, dt.date(2021, 8, 8), BEFORE, "last weekend"),
    ("Jurm fell over the weekend.", WED, dt.date(2021, 8, 8), BEFORE, "over the weekend"),
    ("Jurm fell the previous weekend.", WED, dt.date(2021, 8, 8), BEFORE, "the previous weekend"),
    # Islamic feasts (Umm al-Qura calendar): Eid al-Adha 1442 began on 20 July 2021, Eid al-Fitr
    # on 13 May 2021; the latest such day on or before the article
    ("Jurm fell on Eid al-Adha.", WED, dt.date(2021, 7, 20), DAY, "on Eid al-Adha"),
    ("Jurm fell on the eve of Eid.", WED, dt.date(2021, 7, 19), DAY, "on the eve of Eid"),
    (
        "Jurm fell on the second day of Eid ul-Fitr.",
        WED,
        dt.date(2021, 5, 14),
        DAY,
        "on the second day of Eid ul-Fitr",
    ),
    (
        "Jurm fell on Eid al-Adha.",
        dt.date(2021, 7, 15),
        dt.date(2020, 7, 31),
        DAY,
        "on Eid al-Adha",
    ),
    ("Jurm fell on Eid al-Adha.", None, None, UNKNOWN, "on Eid al-Adha"),
    (
        "Jurm fell on Eid al-Adha in July 2021.",
        None,
        dt.date(2021, 7, 20),
        DAY,
        "on Eid al-Adha in July 2021",
    ),
    (
        "Jurm fell during the Eid holidays.",
        WED,
        dt.date(2021, 7, 22),
        BEFORE,
        "during the Eid holidays",
    ),
    (
        "Jurm fell on the eve of Saturday's talks.",
        WED,
        dt.date(2021, 8, 6),
        DAY,
        "on the eve of Saturday's",
    ),
    ("Eidgah mosque in Jurm was hit.", WED, WED, DAY, ""),  # a name, not the feast
    # a count in a span ("the second time in a week after") counts nothing
    ("It was the second time in a week after Jurm fell.", WED, WED, DAY, ""),
]


@pytest.mark.parametrize(
    ("sentence", "article_date", "day", "precision", "phrase"), [*GOLDEN, *COUNTED]
)
def test_golden_phrases(
    sentence: str,
    article_date: dt.date | None,
    day: dt.date | None,
    precision: Precision,
    phrase: str,
) -> None:
    resolution = resolve_date_phrase(sentence, article_date=article_date)
    assert (resolution.date, resolution.precision, resolution.phrase) == (day, precision, phrase)
    assert resolution.basis


def test_a_day_later_counts_from_the_day_named_before_it() -> None:
    sentence = "The Taliban took Kishim on Monday, while troops retook Jurm a day later."
    resolution = resolve_date_phrase(sentence, article_date=FRI, cue_at=sentence.index("retook"))
    assert (resolution.date, resolution.precision) == (dt.date(2021, 8, 10), DAY)


def test_the_previous_day_counts_from_the_reference() -> None:
    resolution = resolve_date_phrase(
        "The Taliban had captured it the previous day.",
        article_date=FRI,
        reference=dt.date(2021, 8, 10),
    )
    assert (resolution.date, resolution.precision) == (dt.date(2021, 8, 9), DAY)


def test_the_day_before_counts_from_the_day_named_before_it() -> None:
    sentence = "Officials said on Tuesday that the Taliban had taken Jurm the day before."
    resolution = resolve_date_phrase(sentence, article_date=FRI, cue_at=sentence.index("taken"))
    assert (resolution.date, resolution.precision) == (dt.date(2021, 8, 9), DAY)


def test_closing_span_between_commas_dates_nothing() -> None:
    sentence = (
        "The Taliban stepped up attacks on Ghazni, the capital, in recent days, residents said."
    )
    resolution = resolve_date_phrase(sentence, article_date=WED, cue_at=sentence.index("attacks"))
    assert (resolution.date, resolution.precision) == (None, UNKNOWN)


def test_span_with_its_own_verb_in_another_clause_still_ignored() -> None:
    sentence = "The Taliban captured Farah, the seventh capital to fall in recent days."
    resolution = resolve_date_phrase(sentence, article_date=WED, cue_at=12)
    assert (resolution.date, resolution.precision) == (WED, DAY)
