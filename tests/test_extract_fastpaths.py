"""The second round of extraction speed-ups reads exactly what the plain code reads.

Each shortcut is checked against the reading it replaces, spelled out here the way
``pipeline.extract`` wrote it before: the literal guards before the month patterns and the
"after" of a state, the hedge and manner patterns run as twins on the lower-cased sentence,
the subject's sides worked out once per cue, the gap distances kept per sentence, and the
gazetteer's choice of place per name and qualifier, and the sentence splitter's skipping
of the abbreviation test after a long word.
"""

from __future__ import annotations

import datetime as dt

import pytest
from test_extract_gold import CASES

from geo import gazetteer as gz
from pipeline import extract as ex
from pipeline import lexicon as lx
from pipeline import sentences as sn
from pipeline.dates import MONTHS as MONTH_NUMBER
from pipeline.sentences import split_sentences
from pipeline.triggers import lowered_text

AUGUST_2021 = dt.date(2021, 8, 15)

# Mixed-case sentences with the words the guarded patterns look for, and near misses.
SENTENCES = (
    "The Taliban captured Kunduz in June, officials said.",
    "Kunduz fell in mid-July 2021 after weeks of fighting.",
    "The city was overrun in September 2015 and again in October 2016.",
    "In AUGUST the Taliban took Herat; clashes are ongoing FOLLOWING the fall.",
    "Maymana is now in the hands of the Taliban after government forces withdrew.",
    "The Taliban reportedly seized Ghazni, but it could not be independently verified.",
    "Spin Boldak was handed over without a fight after negotiations with elders.",
    "Fighting continued in Lashkar Gah, where gunfire was heard after dark.",
    "The district fell on Friday.",
    "May 2019 saw the Taliban enter Farah; in May they left.",
    "Residents said it fell afterwards, in the aftermath of the attack.",
)
TEXTS = (*SENTENCES, *(case.text for case in CASES))


def _sentences_of(text: str) -> list[tuple[str, str | None, int, int]]:
    lowered = lowered_text(text)
    return [(text, lowered, start, end) for start, end in split_sentences(text)]


SPANS = [span for text in TEXTS for span in _sentences_of(text)]


def _plain_month_long_past(clause: str, article_date: dt.date | None) -> bool:
    if article_date is None:
        return False
    match = lx.MONTH_ONLY.search(clause)
    if match is None:
        return False
    months_back = (article_date.month - MONTH_NUMBER[match.group("month").lower()]) % 12
    return months_back > ex.RECENT_MONTHS


def _plain_other_year(clause: str, article_date: dt.date | None) -> bool:
    if article_date is None:
        return False
    return any(
        int(match.group("year")) != article_date.year for match in lx.MONTH_YEAR.finditer(clause)
    )


def _plain_reports_state(body: str, cue_at: int) -> bool:
    origin = lx.STATE_ORIGIN.search(body, cue_at)
    return origin is not None and bool(lx.STATE.search(body, 0, origin.start()))


def _plain_manner(body: str) -> str:
    for name, pattern in lx.MANNER:
        if pattern.search(body):
            return name
    return ""


@pytest.mark.parametrize(
    ("clause", "long_past", "other_year"),
    [
        ("swept through Badakhshan in March", True, False),
        ("swept through Badakhshan in June", False, False),  # recent: an undated report
        ("captured Kunduz in August", False, False),
        ("in early May the district fell", True, False),
        ("in July 21 attacks", False, False),  # a day follows: not a bare month
        ("entered the city again in October 2016", False, True),  # a year, not a bare month
        ("fell on August 14, 2021", False, False),
        ("on 14 August 2021", False, False),
        ("in june", False, False),  # the month patterns are case-sensitive
        ("no month here, 2016", False, False),
    ],
)
def test_month_background_table(clause: str, long_past: bool, other_year: bool) -> None:
    assert ex._month_long_past(clause, AUGUST_2021) is long_past
    assert ex._other_year(clause, AUGUST_2021) is other_year


@pytest.mark.parametrize("article_date", [AUGUST_2021, dt.date(2016, 10, 1), None])
def test_month_guards_change_nothing(article_date: dt.date | None) -> None:
    for text, _, start, end in SPANS:
        for cut in range(start, end, 9):
            clause = text[cut:end]
            long_past = _plain_month_long_past(clause, article_date)
            assert ex._month_long_past(clause, article_date) == long_past
            assert ex._other_year(clause, article_date) == _plain_other_year(clause, article_date)


def test_reports_state_on_twins_reads_what_the_patterns_read() -> None:
    for text, lowered, start, end in SPANS:
        facts = ex._SentenceFacts(text, lowered, start, end)
        body = text[start:end]
        for cue_at in range(0, len(body), 5):
            expected = _plain_reports_state(body, cue_at)
            assert ex._reports_state(facts, (start, end), cue_at) == expected
            unlowered = ex._SentenceFacts(text, None, start, end)
            assert ex._reports_state(unlowered, (start, end), cue_at) == expected


@pytest.mark.parametrize("lowered", [True, False], ids=["twins", "patterns"])
def test_hedge_and_manner_on_lowered_sentences(lowered: bool) -> None:
    for text, lowered_copy, start, end in SPANS:
        facts = ex._SentenceFacts(text, lowered_copy if lowered else None, start, end)
        sentence = ex._Sentence(start, end, (), (), facts)
        body = text[start:end]
        assert ex._is_hedged(sentence) == bool(lx.HEDGE.search(body))
        assert ex._sentence_manner(sentence) == _plain_manner(body)


def test_subject_sides_are_the_plain_searches() -> None:
    for text, lowered, start, end in SPANS:
        for enemy_is_taliban in (True, False):
            facts = ex._SentenceFacts(text, lowered, start, end, enemy_is_taliban=enemy_is_taliban)
            for cut in range(start, end, 11):
                subject = text[start:cut]
                enemy = enemy_is_taliban and bool(lx.THE_ENEMY.search(subject))
                assert ex._subject_sides(facts, start, cut) == (
                    bool(lx.TALIBAN_SIDE.search(subject)) or enemy,
                    bool(lx.GOVERNMENT_SIDE.search(subject)),
                )


def test_the_enemy_is_the_other_side_of_whoever_speaks() -> None:
    text = "The enemy overran the district."
    ministry = ex._SentenceFacts(text, lowered_text(text), 0, len(text))
    group = ex._SentenceFacts(text, lowered_text(text), 0, len(text), enemy_is_taliban=False)
    assert ex._subject_sides(ministry, 0, 17) == (True, False)
    assert ex._subject_sides(group, 0, 17) == (False, False)


def test_gap_distance_is_kept_per_sentence() -> None:
    text = "The Taliban captured the northern city of Kunduz; officials said."
    facts = ex._SentenceFacts(text, lowered_text(text), 0, len(text))
    sentence = ex._Sentence(0, len(text), (), (), facts)
    start, end = text.index("captured") + len("captured"), text.index("Kunduz")
    gap = facts.scanned(start, end)
    first = ex._gap_distance(gap, sentence, start, end)
    assert first == ex._words_between(gap, sentence, start, end) == 0
    assert facts.gaps == {(start, end): 0}
    assert ex._gap_distance(gap, sentence, start, end) == first
    # A gap across a clause break measures nothing, and is remembered as such.
    far = len(text) - 1
    assert ex._gap_distance(facts.scanned(start, far), sentence, start, far) is None
    assert facts.gaps[start, far] is None


def test_chosen_place_is_the_choice_among_candidates() -> None:
    gazetteer = gz.load_gazetteer("AF")
    for key, candidates in gazetteer._index.items():
        for qualifier in gz.KIND_PREFERENCE:
            try:
                expected = gz._choose(candidates, qualifier)
            except ValueError:  # a kind the preference does not rank: find() never picks it
                continue
            assert gazetteer._chosen_place(key, qualifier) == expected
            assert gazetteer._chosen_place(key, qualifier) is expected


def _plain_is_sentence_end(text: str, punct_start: int, cut: int, line_end: int) -> bool:
    if text[punct_start] == "." and text[punct_start:cut].count(".") == 1:
        word = sn._word_before(text, punct_start)
        if word and sn._is_abbreviation(word):
            return False
    following = sn._NEXT_START.match(text, cut, line_end)
    if following is None:
        return True
    first = following.group(2)
    return not (first.islower() or first.isdigit())


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Gen. Miller left Kabul. He flew home.", ["Gen. Miller left Kabul.", "He flew home."]),
        (
            "It fell to the Taliban. Officials agreed.",
            ["It fell to the Taliban.", "Officials agreed."],
        ),
        ("The U.S. embassy closed. Staff left.", ["The U.S. embassy closed.", "Staff left."]),
        ("Troops left on Thurs. Then it fell.", ["Troops left on Thurs. Then it fell."]),
        ("Fighters_unit. Next one.", ["Fighters_unit.", "Next one."]),
        ("Approx. Nine districts fell.", ["Approx. Nine districts fell."]),
        ("Kunduz. Herat.", ["Kunduz.", "Herat."]),
    ],
)
def test_sentence_ends_after_long_and_short_words(text: str, sentences: list[str]) -> None:
    assert [text[start:end] for start, end in sn.split_sentences(text)] == sentences


def test_long_word_shortcut_changes_no_sentence_end() -> None:
    texts = [*TEXTS, "A.F.P. Reuters. e.g. Mr. approx. Kabul_Herat. x. ab.cd. İstanbul. ſome."]
    for text in texts:
        for match in sn._END.finditer(text):
            line_end = text.find("\n", match.end())
            line_end = len(text) if line_end < 0 else line_end
            args = (text, match.start(), match.end(), line_end)
            assert sn._is_sentence_end(*args) == _plain_is_sentence_end(*args)
