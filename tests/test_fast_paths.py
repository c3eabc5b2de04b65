"""The speed-ups in extraction find exactly what the plain code they replace finds.

Each fast path is checked against the slow reading it stands for: lexicon twins on lowered
text against the case-insensitive patterns, the gazetteer's candidate scan against the full
matcher, the fold against ``str.translate``, the sentence splitter's look-back against its
regex, the major-clause regex against its plain spelling, and the article head's bound against
the plain headline test.
"""

from __future__ import annotations

import gc
import re
import string
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_extract_gold import CASES

from geo import gazetteer as gz
from pipeline import dates as dt_
from pipeline import extract as ex
from pipeline import lexicon as lx
from pipeline import sentences as sn
from pipeline.records import Article, Event, Status
from pipeline.triggers import (
    CASE_UNSAFE,
    literal_guard,
    lowercase_twin,
    lowered_text,
    prefiltered,
    required_literals,
)

SURROGATES = range(0xD800, 0xE000)
GOLD_TEXTS = [case.text for case in CASES]
LEXICON_PATTERNS = [
    *(value for value in vars(lx).values() if isinstance(value, re.Pattern)),
    *(pattern for _, pattern in (*lx.SPEAKERS, *lx.MANNER)),
]
IGNORING_CASE = [p for p in LEXICON_PATTERNS if p.flags & re.IGNORECASE]

# Mixed-case news phrases with the words the lexicon looks for, and characters around them
# that differ in case handling (curly quotes, dashes, accents, the Kelvin sign).
SAMPLES = (
    "TALIBAN Fighters Captured the city of Kunduz on Sunday, OFFICIALS SAID.",
    "The Taliban claimed they had taken Ghazni; the Interior Ministry denied it.",
    "Afghan forces RETOOK the district — but fighting was continuing in 2001.",
    "If the city falls, it could be the first provincial capital since 1996 — MPs warned.",
    "“We have not surrendered,” said the governor of Herat, who fled to Kabul years ago.",
    "Residents of Lashkar Gah told AFP the insurgents were driven out of the police HQ.",
    "Éléments of the ARMY still held the city\u2019s airport while commandos withdrew.",
    "According to local officials, Taliban militants overran Sar-e Pul in early July.",
    "K\u212aandahar was captured, Mujahid TWEETED, after days of clashes near the border.",
)

SALAD_WORDS = ("Taliban", "said", "SAID", "captured", "the", "city", "not", "could", "in",
               "1996", "years", "ago", ",", ";", " ", "  ", "—", "’s", "MPs", "of", "Kunduz",
               "officials", "while", "but", "If", "were", "fighters", "to", "é",
               "\u212a")  # fmt: skip
BREAK_WORDS = ("while", "whereas", "but", ";", "butter", "awhile", "But", "_but", "whiles", "x",
               " ", "’", ",")  # fmt: skip


def _spans(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text, start, end)]


# --- twins ------------------------------------------------------------------------------------


def test_case_unsafe_lists_every_character_that_lowers_differently() -> None:
    """Every code point whose case-insensitive matching str.lower() cannot reproduce."""
    letter = re.compile("[a-z]", re.IGNORECASE)
    classes = [re.compile(c) for c in (r"\w", r"\s", r"\d")]
    missing = []
    for code in range(0x80, 0x110000):
        if code in SURROGATES:
            continue
        char = chr(code)
        lowered = char.lower()
        if len(lowered) != 1:
            same = False
        else:
            same = bool(letter.fullmatch(char)) == (lowered in string.ascii_lowercase) and all(
                bool(c.fullmatch(char)) == bool(c.fullmatch(lowered)) for c in classes
            )
        if not same and char not in CASE_UNSAFE:
            missing.append(hex(code))
    assert missing == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kabul FELL", "kabul fell"),
        ("“Herat” — taken", "“herat” — taken"),
        ("Istanbul \u0130", None),  # "İ" lower-cases to two characters
        ("pa\u017fsed", None),  # long s matches "s" only when ignoring case
        ("\u0131", None),
        ("", ""),
    ],
)
def test_lowered_text(text: str, expected: str | None) -> None:
    assert lowered_text(text) == expected


@pytest.mark.parametrize(
    ("source", "flags", "twin"),
    [
        (r"\bTaliban\b", re.IGNORECASE, r"\btaliban\b"),
        (r"(?P<Who>Taliban)\S+\W", re.IGNORECASE, r"(?P<Who>taliban)\S+\W"),
        (r"[A-Z]+\d", re.IGNORECASE, r"[a-z]+\d"),
        (r"Taliban", 0, None),  # case-sensitive already
        (r"(?-i:K)abul", re.IGNORECASE, None),  # inline flags
        (r"\N{LATIN SMALL LETTER A}", re.IGNORECASE, None),
        (r"[A-z]", re.IGNORECASE, None),  # a range across cases
        ("Kund\u00fcz", re.IGNORECASE, None),  # a non-ASCII letter
    ],
)
def test_lowercase_twin(source: str, flags: int, twin: str | None) -> None:
    made = lowercase_twin(re.compile(source, flags))
    assert (made.pattern if made is not None else None) == twin
    if made is not None:
        assert not made.flags & re.IGNORECASE


@pytest.mark.parametrize("pattern", IGNORING_CASE, ids=lambda p: p.pattern[:30])
def test_every_twin_finds_what_its_pattern_finds(pattern: re.Pattern[str]) -> None:
    twin = lowercase_twin(pattern) or pattern
    for text in SAMPLES:
        lowered = lowered_text(text)
        assert lowered is not None
        for start in range(0, len(text), 7):
            for end in (start + 20, start + 60, len(text)):
                end = min(end, len(text))
                assert _spans(twin, lowered, start, end) == _spans(pattern, text, start, end)
                assert bool(twin.search(lowered[start:end])) == bool(
                    pattern.search(text[start:end])
                )


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(SALAD_WORDS),
        max_size=25,
    ).map(" ".join)
)
def test_twins_agree_on_word_salad(text: str) -> None:
    lowered = lowered_text(text)
    assert lowered is not None
    for pattern in IGNORING_CASE:
        twin = lowercase_twin(pattern) or pattern
        assert _spans(twin, lowered, 0, len(text)) == _spans(pattern, text, 0, len(text))


# --- other fast paths -------------------------------------------------------------------------

PLAIN_MAJOR_BREAK = re.compile(r";|\bwhile\b|\bwhereas\b|\bbut\b")


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(BREAK_WORDS),
        max_size=12,
    ).map("".join),
    st.integers(0, 30),
)
def test_major_break_regex_reads_as_its_plain_spelling(text: str, start: int) -> None:
    start = min(start, len(text))
    assert _spans(ex._MAJOR_BREAK, text, start, len(text)) == _spans(
        PLAIN_MAJOR_BREAK, text, start, len(text)
    )


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab.é_ 1\n,Ü’", max_size=70), st.integers(0, 70))
def test_word_before_a_full_stop(text: str, end: int) -> None:
    end = min(end, len(text))
    match = sn._WORD_BEFORE.search(text, max(0, end - sn.WORD_LOOK_BACK), end)
    assert sn._word_before(text, end) == (match.group(1) if match else None)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZé—’`\u2013\u1e00\u0250İ -", max_size=40))
def test_fold_is_translate(text: str) -> None:
    assert gz._fold(text) == text.translate(gz._FOLD_TABLE)


@pytest.mark.parametrize("twin", [True, False], ids=["lowered twin", "matcher itself"])
def test_candidate_scan_finds_what_the_matcher_finds(twin: bool) -> None:
    gazetteer = gz.load_gazetteer("AF")
    lowered_matcher = gazetteer._lowered_matcher if twin else None
    texts = [
        *SAMPLES,
        " ".join(SAMPLES),
        "Mazar-i-Sharif, O'Kunduz d'Herat KABUL X-Farah ıKunduz Kunduz\u0131 FARAH",
        "Taloqan, LASHKAR GAH and Qala-e-Naw; Pul-i-Khumri’s K\u212aabul",
    ]
    for text in texts:
        folded = gz._fold(text)
        expected = [m.span() for m in gazetteer._matcher.finditer(folded)]
        assert list(gz._spans(gazetteer._matcher, lowered_matcher, folded)) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=string.printable, max_size=40))
def test_ascii_names_need_no_marks_stripped(surface: str) -> None:
    """``_tokens`` reads an ASCII name as lower case: what stripping marks and casefolding give."""
    stripped = "".join(
        c for c in unicodedata.normalize("NFKD", surface) if not unicodedata.combining(c)
    )
    assert stripped.casefold() == surface.lower()


TALLY_SALAD = ("of", "the", "province's", "28", "13", "two", "all", "most", "dozens", "a",
               "dozen", "more", "districts", "district", "every", "police", "its", "badakhshan's",
               "control", ",", "seized", "captured")  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TALLY_SALAD), max_size=12).map(" ".join))
def test_district_tally_needs_its_words(text: str) -> None:
    """A sentence without ``_TALLY_WORDS`` is skipped unread: the tally never matches there."""
    twin = ex._TWINS[id(lx.DISTRICT_TALLY)]
    for sample in (
        text,
        *SAMPLES,
        "Of Badakhshan's 28 districts, the Taliban control every district",
    ):
        lowered = lowered_text(sample)
        assert lowered is not None
        if twin.search(lowered) is not None:
            assert any(word in lowered for word in ex._TALLY_WORDS)


KILL_SALAD = ("KILL", "kill", "Kill", "-", "\n", "Editors:", "please", "disregard", "the", "story",
              "headlined", "has", "been", "withdrawn", "killed", "was", "issued", "in", "error",
              "terrorists", "URGENT", "'Taliban", "seize", "Kunduz'", "retracted", "  ",
              ".")  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(KILL_SALAD), max_size=14).map(" ".join))
def test_kill_notice_gate_never_hides_a_notice(text: str) -> None:
    """The article skips the notice scan only when no sentence could hold a notice."""
    for sample in (
        text,
        *SAMPLES,
        "KILL - Kill URGENT 'Taliban capture Faizabad'",
        "Editors: please disregard the URGENT 'Taliban seize Pul-e Khumri'.",
        "It was issued in\nerror.",
        "The story headlined 'Kunduz falls' has been\nwithdrawn.",
    ):
        lowered = lowered_text(sample)
        assert lowered is not None
        if ex._KILL_NOTICE.search(sample) is not None:
            assert ex._may_hold_kill_notice(lowered)


# --- prefilters and literal guards ------------------------------------------------------------

CUE_SALAD = ("captured", "fell", "to", "the", "Taliban", "was", "taken", "over", "fighting",
             "for", "retook", "fall", "of", "not", "handed", "city", "said", "air", "strikes", "on",
             ",", "withdrew", "from", "under", "control", "took", "place", "é", "’s", "-",
             "’")  # fmt: skip
GUARD_CASES: tuple[tuple[str, frozenset[str] | None], ...] = (
    (r"\bconfirm(?:s|ed)?\s+the\b", frozenset({"confirm"})),
    # equally selective ("in" / "19"): the first is kept
    (r"\b(?:in|since)\s+(?:19\d\d|the\s+1990s)\b", frozenset({"in", "since"})),
    (r"\b(?:in|on)\s+(?:199\d|the\s+1990s)\b", frozenset({"199", "1990s"})),
    (r"(?:foo)?bar|baz+", frozenset({"bar", "ba"})),
    (r"(?:the\s+)?rest|leaving", frozenset({"rest", "leaving"})),
    (r"\w+\s+fell|fallen", frozenset({"fell", "fallen"})),
    (r"\w+|fallen", None),  # the first branch requires no literal
    (r"x{0,3}", None),
    (r"(?=fell)\w+", None),  # look-arounds are not consumed text
)


@pytest.mark.parametrize(("source", "literals"), GUARD_CASES)
def test_required_literals(source: str, literals: frozenset[str] | None) -> None:
    assert required_literals(re.compile(source)) == literals


def test_no_literals_are_required_of_a_pattern_ignoring_case() -> None:
    assert required_literals(re.compile("confirm", re.IGNORECASE)) is None
    assert prefiltered(re.compile(r"\bconfirm", re.IGNORECASE)).pattern == r"\bconfirm"


def _searched_patterns() -> list[tuple[re.Pattern[str], bool]]:
    """Every lexicon pattern as extraction runs it, and whether it runs on lowered text."""
    runs = [(ex._TWINS[id(p)], True) for p in IGNORING_CASE]
    runs += [(p, False) for p in LEXICON_PATTERNS if not p.flags & re.IGNORECASE]
    return runs


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(SALAD_WORDS + CUE_SALAD), max_size=25).map(" ".join))
def test_literal_guards_never_hide_a_match(text: str) -> None:
    """Where the guard finds nothing, the pattern finds nothing: on salads and news samples."""
    for pattern, on_lowered in _searched_patterns():
        guard = literal_guard(pattern)
        if guard is None:
            continue
        for sample in (text, *SAMPLES):
            scanned = lowered_text(sample) if on_lowered else sample
            assert scanned is not None
            for start in range(0, len(scanned), 5):
                if pattern.search(scanned, start) is not None:
                    assert guard.search(scanned, start) is not None, (pattern.pattern, sample)


@pytest.mark.parametrize("guarded", ex._GUARDED, ids=lambda p: p.pattern[:30])
def test_guarded_search_helpers_read_as_plain_searches(guarded: re.Pattern[str]) -> None:
    for text in (*SAMPLES, " ".join(SAMPLES), "Officials confirmed the fall; years ago, not now."):
        facts = ex._SentenceFacts(text, lowered_text(text), 0, len(text))
        for start in range(0, len(text), 6):
            for end in (start + 30, start + 80, len(text)):
                end = min(end, len(text))
                fast = ex._search_slice(guarded, facts, start, end)
                slow = guarded.search(text[start:end])
                assert (fast and fast.span()) == (slow and slow.span())
                fast = ex._search(guarded, facts, start, end)
                slow = guarded.search(text, start, end)
                assert (fast and fast.span()) == (slow and slow.span())
                spans = [m.span() for m in ex._finditer(guarded, facts, start, end)]
                assert spans == _spans(guarded, text, start, end)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(CUE_SALAD), max_size=30).map(" ".join), st.integers(0, 40))
def test_cue_scan_reads_as_the_full_cue_regex(text: str, start: int) -> None:
    lowered = ex._lower_same_length(text)
    start = min(start, len(lowered))
    fast = [(c.start, c.end, c.kind) for c in ex._find_cues(lowered, start, len(lowered))]
    full = [(m.start(), m.end(), m.lastgroup) for m in lx.ALL_CUES.finditer(lowered, start)]
    assert fast == full


def test_speech_verb_scan_reads_as_its_twin() -> None:
    twin = ex._TWINS[id(lx.SPEECH_VERB)]
    for text in (*SAMPLES, " ".join(SAMPLES)):
        lowered = lowered_text(text)
        assert lowered is not None
        for start in range(0, len(text), 9):
            assert _spans(ex._SPEECH_VERB_SCAN, lowered, start, len(text)) == _spans(
                twin, lowered, start, len(text)
            )


# --- answers kept per sentence ----------------------------------------------------------------


def _gold_sentences() -> list[tuple[str, list[ex._Sentence]]]:
    gazetteer = gz.load_gazetteer("AF")
    found = []
    for text in (*SAMPLES, *GOLD_TEXTS[:150]):
        mentions = [m for m in gazetteer.find(text) if ex._kind(m) not in ex.IGNORED_PLACE_KINDS]
        found.append((text, ex._sentences(text, mentions)))
    return found


def test_kept_answers_equal_fresh_readings() -> None:
    """Attribution, roles and cue readings asked twice give what a fresh reading gives."""
    for text, sentences in _gold_sentences():
        for sentence in sentences:
            for cue in sentence.cues:
                fresh = ex._read_attribution(text, sentence, cue)
                assert ex._attribution(text, sentence, cue) == fresh
                assert ex._attribution(text, sentence, cue) == fresh
                reading = ex._reading(sentence, cue)
                assert ex._reading(sentence, cue) is reading
                before = max(reading.clause[0], cue.start - ex.NEGATION_WINDOW)
                negated = lx.NEGATION_BEFORE.search(text[before : cue.start]) or lx.DENIAL.search(
                    text[reading.clause[0] : cue.start]
                )
                assert reading.negated(sentence.facts) == bool(negated)
                conditional = lx.CONDITIONAL.search(text[reading.clause[0] : cue.start])
                assert reading.conditional(sentence.facts) == bool(conditional)
            for mention in sentence.mentions:
                fresh_role = ex._names_a_role(text, mention, sentence)
                assert ex._is_role(text, mention, sentence) == fresh_role
                assert ex._is_role(text, mention, sentence) == fresh_role


def test_kept_answers_leave_no_cycles_behind() -> None:
    """The per-sentence answers are freed with the article, not left for the collector."""
    gazetteer = gz.load_gazetteer("AF")
    articles = [Article(article_id=str(n), text=text) for n, text in enumerate(GOLD_TEXTS[:200])]
    gc.collect()
    gc.disable()
    try:
        for article in articles:
            ex.extract_events(article, gazetteer=gazetteer)
        assert gc.collect() == 0
    finally:
        gc.enable()


# Words the date phrases are made of, in the cases and with the characters that make the
# lowered guards step aside ("İ", "ı", "ſ").
DATE_SALAD = [
    "on", "the", "18th", ",", "Tuesday", "TUESDAY", "late", "night", "last", "week", "weekend",
    "two", "days", "ago", "later", "earlier", "hours", "within", "since", "July", "9", "Aug.",
    "13", "29", "Saratan", "1400", "previous", "day", "before", "yesterday", "today",
    "overnight", "into", "Friday", "following", "next", "morning", "a", "after", "İ", "ı", "ſ",
    "ſince", "already", ".", "eve", "of", "by", "nightfall", "Eid", "al-Adha", "Asad", "over",
    "this", "month", "same", "preceding", "weeknight",
]  # fmt: skip


def _unguarded_date_phrases(sentence: str) -> list[tuple[int, int, str, str]]:
    """``find_date_phrases`` as it read before its guards: every pattern run on every sentence."""
    dateline = dt_._DATELINE.match(sentence)
    found = [dt_._Phrase(0, dateline.end(), "dateline", dateline)] if dateline else []
    for kind, pattern in dt_._PHRASE_KINDS:
        for match in pattern.finditer(sentence):
            if not any(match.start() < p.end and p.start < match.end() for p in found):
                found.append(dt_._Phrase(match.start(), match.end(), kind, match))
    ordered = sorted((p for p in found if p.kind != "dateline"), key=lambda p: p.start)
    kept = dt_._without_weekdays_in_apposition(ordered, sentence)
    return [(p.start, p.end, p.kind, p.match.group()) for p in kept]


def _date_phrases(sentence: str) -> list[tuple[int, int, str, str]]:
    return [
        (p.start, p.end, p.kind, p.match.group())
        for p in dt_.find_date_phrases.__wrapped__(sentence)
    ]


def test_guarded_date_phrases_read_as_unguarded_on_gold_sentences() -> None:
    for text in GOLD_TEXTS:
        for start, end in sn.split_sentences(text):
            assert _date_phrases(text[start:end]) == _unguarded_date_phrases(text[start:end])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(DATE_SALAD), max_size=25).map(" ".join))
def test_guarded_date_phrases_read_as_unguarded_on_salads(text: str) -> None:
    for sample in (text, text.upper(), text.title()):
        assert _date_phrases(sample) == _unguarded_date_phrases(sample)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*DATE_SALAD, "eveningtoday", "sinceweekend"]), max_size=25).map(
        "".join
    )
)
def test_one_scan_finds_every_word_set_present(text: str) -> None:
    """Words glued and overlapping: the scan restarting inside each find misses none."""
    lowered = text.lower()
    present = dt_._words_present(lowered)
    for bit, words in enumerate(dt_._WORD_SETS):
        assert bool(present >> bit & 1) == any(word in lowered for word in words)


def test_a_twin_that_disagrees_leaves_the_answer_to_the_pattern() -> None:
    """Twins are exact (checked above); should one ever find a span its pattern does not, the
    phrases are the pattern's own scan, never an error or a lost phrase."""
    pattern = re.compile(r"friday", re.IGNORECASE)
    wrong_twin = re.compile(r"night")
    sentence = "Fell on Friday night"

    found = dt_._matches(pattern, wrong_twin, sentence, sentence.lower())

    assert [m.span() for m in found] == [m.span() for m in pattern.finditer(sentence)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=string.ascii_letters, min_size=1, max_size=14))
def test_place_key_of_one_plain_word_reads_as_its_tokens(word: str) -> None:
    """The one-word shortcut gives the key the full reading (fold, split, unglue) gives."""
    tokens = gz._tokens(word)
    assert gz.place_key(word) == " ".join(token.replace("'", "") for token in tokens)


@pytest.mark.parametrize("word", ["e", "I", "ul", "Mazari", "KUNDUZ", "Taliban"])
def test_place_key_of_connectors_and_glued_words(word: str) -> None:
    assert gz.place_key(word) == " ".join(t.replace("'", "") for t in gz._tokens(word))


def _reads_as_headline(text: str, start: int, end: int) -> bool:
    """The plain reading: a line of its own without a full stop, no full-stop line before it,
    fewer than ``HEADLINE_LINES`` lines with text above it."""
    if (start > 0 and text[start - 1] != "\n") or (end < len(text) and text[end] != "\n"):
        return False
    if text[start:end].rstrip().endswith((".", "!", "?", ":", '"', "”", "'", "’")):
        return False
    before = text[:start]
    if re.search(r"[.!?][\"”'’]?\s*\n", before):
        return False
    return sum(1 for line in before.split("\n") if line.strip()) < ex.HEADLINE_LINES


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab .!”\n", max_size=40))
def test_the_head_bound_reads_as_the_plain_headline_test(text: str) -> None:
    head_end = ex._head_end(text)
    for start in range(len(text)):
        for end in range(start + 1, len(text) + 1):
            if text[start].isspace() or text[end - 1].isspace():
                continue  # a quote starts and ends on text
            quote = Event(
                article_id="a",
                province_iso="AF-FRA",
                province="Farah",
                place="Farah",
                status=Status.CAPTURED,
                quote=text[start:end],
                quote_start=start,
                quote_end=end,
                place_start=start,
                place_end=end,
            )
            fast = start < head_end and ex._is_own_line_without_full_stop(text, quote)
            assert fast == _reads_as_headline(text, start, end), (text, start, end)
