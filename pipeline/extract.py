"""Capture events from one article: which place, what happened to it, when, says whom.

Pure and deterministic. Per sentence: find cue words (``pipeline.lexicon``, prefiltered by
``pipeline.triggers``) and place mentions (the gazetteer, run once per article), bind each place
to the cue it is the object or subject of within the same clause, or that refers back to it
("it", "the district", "which"), then read the context for negation, the future, history,
claims, hedges, contradictions and who received a handover. A few rules look one sentence back
or ahead: a hedge sentence downgrades the previous sentence's captures; "captured two more
provincial capitals on Tuesday." names its places in the next sentence; "confirmed the
surrender on Friday" dates the previous one; "The city fell on Sunday." is a capture of the one
place the previous sentence named.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NamedTuple, Protocol

from pipeline import lexicon as lx
from pipeline.dates import (
    BASIS_ARTICLE_DATE,
    CLOSING_QUOTES,
    DateResolution,
    days_counted,
    find_date_phrases,
    is_approximate,
    is_duration,
    resolve_date_phrase,
    respective_days,
    state_began,
    uncounted,
)
from pipeline.dates import MONTHS as MONTH_NUMBER
from pipeline.records import Article, Event, Precision, Status
from pipeline.sentences import furniture_lines, line_end, line_start, split_sentences
from pipeline.triggers import literal_guard, lowercase_twin, lowered_text, prefiltered

GOVERNMENT_ACTOR = "Afghan government forces"
TALIBAN_ACTOR = "Taliban"
OWN_VOICE = "article"

BASE_CONFIDENCE: dict[str, float] = {
    "capture": 0.9,
    "capture_both": 0.9,
    "control": 0.85,
    "withdrawal": 0.85,
    "withdrawal_intrans": 0.85,
    "contest_location": 0.6,
    "capture_intrans": 0.9,
    "capture_nominal": 0.8,
    "contest": 0.7,
    "contest_intrans": 0.7,
    "retake": 0.8,
    "retake_intrans": 0.8,
}
_CARRIED_CONFIDENCE_KEY = {Status.RETAKEN: "retake", Status.CONTESTED: "contest"}
CLAIMED_CONFIDENCE = 0.5
HEDGED_CONFIDENCE = 0.4
# A bare month up to this many months before the article's is recent news, undated ("in
# July" in an August story); further back it is background ("in March").
RECENT_MONTHS = 2
# Between two coordinated speakers: "officials| and |Taliban accounts".
_COORDINATED = re.compile(
    r"\s*(?:,\s*)?(?:and|as\s+well\s+as|and\s+also)\s+(?:(?:a|an|the|two|three|several)\s+)?",
    re.IGNORECASE,
)
BUILDING_SUBJECT_CHARS = 60  # how far back a building named as a denial's subject may start
INDIRECT_FACTOR = 0.8  # the place comes from a back-reference or the next sentence
# How many sentences after the one naming a place "the city" may still point back to it, with
# only place-less sentences between ("... entered Farah. Fighting went on. By evening the city
# had fallen.").
SCENE_REACH = 4
AFTER_REACH = 40  # how far after a place an "after" clause may say why it was entered
SCARE_QUOTE_WORDS = 3  # fewer words than this in quotes are a scare quote ("Taliban 'seize'")
RECIPIENT_REACH = 60  # how far after a surrender its recipient may be named
CLEARED_REACH = 20  # how far before "the outskirts of" a clearing verb may stand
TARGETED_REACH = 30  # how far before "attack" a bombing is named ("A car bomb and gun attack")
REPORTED_REACH = 40  # how far before the cue "reports of" may stand ("reports that the Taliban")
MOVER_REACH = 40  # how far before "moving into" the people moving are named
OPERATION_REACH = 80  # how far before "to clear" the operation it is the aim of is named
GOODS_REACH = 40  # how far before "was seized" the goods seized are named
POST_GARRISON_REACH = 80  # how far before "surrendered" the men of outlying posts are named
NOMINAL_CONTROL_REACH = 24  # how far before "control" its owner stands ("Taliban's control of")
ROUNDUP_PROVINCES = 4  # whole provinces fought over in one sentence that make a roundup
# A day heading more than a month before the article's date heads no section of it.
SECTION_DAY_REACH = dt.timedelta(days=31)
HEADLINE_LINES = 4  # a headline sits under at most an outlet's name, a kicker and a section
JOINED_SUBJECT_REACH = 40  # how far before "and" a joined subject's first part may start
RELATIVE_WHO_REACH = 20  # how far before a cue the "who" of its relative clause may stand
PEOPLE_REACH = 60  # how far before a place its people are named ("40 soldiers in Takhar")
MAX_LABEL_WORDS = 6  # "Taliban spokesman Zabihullah Mujahid:" opening a statement's line
DENIAL_WINDOW = 80  # characters before a carried cue searched for "denied that"
FLED_WINDOW = 40  # characters before a fighting word searched for "fled the"
COORDINATED_REACH = 24  # "and the city of |Sar-e-Pul": how far back its "and" may stand
COORDINATED_DAY_REACH = 60  # "and, two days later, the Shah Joi district": the day before it
SEAT_SPEECH_REACH = 24  # "Kabul| has insisted": the verb right after the seat
SUBJECT_HEAD_REACH = 40  # how far before a place the noun it locates is looked for
SEAT_REACH = 80  # how far after a withdrawal the building the troops fell back to is named
OTHER_ATTACKER_REACH = 80  # how far before "attack" an attacker other than the Taliban is named
# ``Status(value)`` goes through the enum machinery; a plain lookup, once per event.
_STATUS_OF_VALUE: dict[str, Status] = {status.value: status for status in Status}
STATUS_RANK: dict[Status, int] = {
    Status.CAPTURED: 0,
    Status.CLAIMED: 1,
    Status.RETAKEN: 2,
    Status.CONTESTED: 3,
}
IGNORED_PLACE_KINDS = frozenset({"country"})
# The cues whose object a count can be ("captured two more provincial capitals").
COUNTING_KINDS = frozenset({"capture", "capture_intrans", "capture_both"})
CAPTURE_KINDS = frozenset(
    {"capture", "capture_both", "capture_nominal", "retake", "control", "withdrawal"}
)
# Where a statement of the group says whose it is: its title, or its signature at the end.
GROUP_STATEMENT_HEAD = 200
GROUP_STATEMENT_TAIL = 200
PAST_MENTION_BASIS = "mentioned as past"
NEGATION_WINDOW = 40  # characters before a cue searched for "not", "could", "if"...
FUTURE_AFTER_CHARS = 20  # characters after a cue searched for "would", "will"...
FAR_FUTURE_WINDOW = 120  # characters before a cue searched for a vow or a forecast
ROAD_WORDS = ("highway", "road", "route", "motorway", "Highway", "Road")
_ROAD_WORD = re.compile("|".join(map(re.escape, ROAD_WORDS)))  # any of them: one scan in C
LOOK_BACK_CHARS = 80  # longest end-anchored phrase before a cue ("the provincial capital has ...")
PARTIAL_REACH = 60  # how far before a place its part is named ("the area around the police ... in")

# ";", "while", "whereas", "but" as words. Written to start with a literal, not "\b", so that
# re skips every other character in C instead of trying the pattern at each one (6x faster).
# (and "as" opening another speaker's clause: "Taliban say they have captured Qala-e-Naw as
# Afghan officials confirm fall of Zaranj")
_MAJOR_BREAK = re.compile(
    r";|w(?<!\ww)(?:hile|hereas)\b|b(?<!\wb)ut\b"
    r"|a(?<!\wa)s\b(?=\s+(?:[\w’'-]+\s+){1,4}?(?:say|says|said|confirm|confirms|confirmed|deny|denies"
    r"|denied)\b)"
)
_WORD = re.compile(r"[\w’'-]+|[:,]")
_MENTION_TOKEN = "x"
# A place in brackets between a cue and the place it binds, once gaps are collapsed: "(x)".
_BRACKETED_PLACE = re.compile(r"\s*\(\s*x(?:\s+province)?\s*\)")
_DIGIT_AT_END = re.compile(r"\d\W{0,3}$")
_DIGIT = re.compile(r"\d")
# A month name, without which MONTH_ONLY cannot match: a scan that skips to capitals in C,
# where MONTH_ONLY itself tries every offset of the clause.
_MONTH_NAME = literal_guard(lx.MONTH_ONLY) or lx.MONTH_ONLY
# Patterns of single rules, compiled once here: ``re.search(source, ...)`` looks its compiled
# pattern up in re's cache on every call.
_HANDOVER_WORD = re.compile(r"surrender|hand", re.IGNORECASE)
_PRONOUN_AT_END = re.compile(r"\b(?:them|it)$")
_BACK_WORD = re.compile(r"\bback\b", re.IGNORECASE)
# "as two more cities fall to the Taliban": a count right before an intransitive capture.
_COUNT_BEFORE = re.compile(
    r"(?P<count>another|one|two|three|four|five|six|\d)\s+(?:more\s+)?"
    r"(?:provincial\s+capitals?|cities|city)\s*$",
    re.IGNORECASE,
)
# The cue scan: ALL_CUES led by a look-ahead for the words a cue can start with.
_CUE_SCAN = prefiltered(lx.ALL_CUES)
# What each case-insensitive lexicon pattern runs as on lowered text: its faster
# case-sensitive twin, or itself (it finds the same there). Keyed by id: hashing a compiled
# pattern hashes its whole program, on every lookup.
_LEXICON_PATTERNS = [
    *(value for value in vars(lx).values() if isinstance(value, re.Pattern)),
    *(pattern for _, pattern in (*lx.SPEAKERS, *lx.MANNER)),
]
_TWINS: dict[int, re.Pattern[str]] = {
    id(pattern): lowercase_twin(pattern) or pattern
    for pattern in _LEXICON_PATTERNS
    if pattern.flags & re.IGNORECASE
}
# Verbs of saying on lowered text, tried only where one can start: the one sentence-wide
# scan of the twins where the prefilter pays (the others search short windows).
_SPEECH_VERB_SCAN = prefiltered(_TWINS[id(lx.SPEECH_VERB)])
# Patterns searched over clauses, the rest of a sentence or look-back windows, and rarely found
# there (chosen by measuring; a guard on a pattern found in most windows costs more): a quick scan
# for the words each cannot match without (``literal_guard``) answers most searches.
_GUARDED = (
    lx.HISTORICAL,
    lx.DENIAL,
    lx.CONTRADICTION,
    lx.STILL_HOLDS,
    lx.NEXT_SENTENCE_HEDGE,
    lx.CONFIRMS_EVENT,
    lx.CONDITIONAL,
    lx.NEWS_VERB_BEFORE,
    lx.CLAIM_NEAR,
    lx.SUBJECT_BREAK,
    lx.UNDER_WAY_BEFORE,
    lx.DESPITE_BEFORE,
    lx.BACK_REFERENCE_BEFORE,
    # measured again on whole articles: each found in under 2% of the windows searched
    lx.CORRECTED_BEFORE,
    lx.RETRACTED_AFTER,
    lx.THE_ENEMY,
    lx.OPERATION_TO_BEFORE,
    lx.PARTIAL_SUBJECT,
)
_GUARDS: dict[int, re.Pattern[str]] = {
    id(pattern): guard
    for pattern in _GUARDED
    if (guard := literal_guard(_TWINS.get(id(pattern), pattern))) is not None
}
# The words a STATE_ORIGIN match is made of, for lowered text: a scan led by literals.
_STATE_ORIGIN_GUARD = (
    literal_guard(_TWINS[id(lx.STATE_ORIGIN)]) if id(lx.STATE_ORIGIN) in _TWINS else None
)
# The hedge pattern for lowered sentences, when it ignores case.
_HEDGE_TWIN = _TWINS.get(id(lx.HEDGE))
# The manner patterns for lowered sentences, when they all ignore case: (name, guard, twin),
# each twin led by a scan for the words it needs (a handover or a surrender is named in one
# sentence in fifty of those with an event, and the scan skips through the rest in C).
_LOWERED_MANNER = (
    tuple(
        (name, literal_guard(_TWINS[id(pattern)]) or _TWINS[id(pattern)], _TWINS[id(pattern)])
        for name, pattern in lx.MANNER
    )
    if all(id(pattern) in _TWINS for _, pattern in lx.MANNER)
    else None
)
# The speaker patterns for lowered windows, when all of them ignore case.
_LOWERED_SPEAKERS = (
    tuple((name, _TWINS[id(pattern)]) for name, pattern in lx.SPEAKERS)
    if all(id(pattern) in _TWINS for _, pattern in lx.SPEAKERS)
    else None
)


class _PlaceLike(Protocol):
    iso: str
    province: str
    kind: str


class _MentionLike(Protocol):
    start: int
    end: int
    text: str
    place: Any


class GazetteerLike(Protocol):
    def find(self, text: str) -> Sequence[_MentionLike]: ...


# The per-sentence records below are named tuples, not frozen dataclasses: dozens are made per
# article, and a tuple is built at half the cost of a frozen dataclass's guarded setattrs.
class _Cue(NamedTuple):
    start: int  # offsets into the article text
    end: int
    kind: str


class _SentenceFacts:
    """Questions every cue of a sentence asks about the whole of it, each answered once.

    Which answers a sentence needs depends on its cues, so each is worked out on first use.
    Holds the article text and, when the twins may search it, its lower-cased copy.
    """

    __slots__ = (
        "_end",
        "_major_breaks",
        "_speech_verbs",
        "_start",
        "attributions",
        "backgrounds",
        "elsewhere",
        "enemy_is_taliban",
        "gaps",
        "lowered",
        "near_place",
        "previous",
        "readings",
        "roles",
        "text",
    )

    def __init__(
        self,
        text: str,
        lowered: str | None,
        start: int,
        end: int,
        *,
        near_place: bool = True,
        enemy_is_taliban: bool = True,
        previous: tuple[int, int] | None = None,
    ) -> None:
        self.text, self.lowered, self._start, self._end = text, lowered, start, end
        # The sentence before it in the article (the splitter's), for a "he said" to look back
        self.previous = previous
        # Whether the sentence is close enough to a place for its cues to be read
        self.near_place = near_place
        # "the enemy" is the group in the government's words, the government in the group's
        self.enemy_is_taliban = enemy_is_taliban
        self._speech_verbs: tuple[re.Match[str], ...] | None = None
        self._major_breaks: tuple[int, ...] | None = None
        # Who reports each cue, by the cue's offsets: a cue binding several places, and the
        # rules that look one sentence back, ask again.
        self.attributions: dict[tuple[int, int], str] = {}
        # Whether each clause (by its offsets) is background, for every cue in it.
        self.backgrounds: dict[tuple[int, int], bool] = {}
        # Whether each place mention (by id) names a speaker's role: asked when the sentence's
        # places are bound and again by the next sentence's look back.
        self.roles: dict[int, bool] = {}
        # What the words around each cue say (``_CueReading``), for every place it binds.
        self.readings: dict[_Cue, _CueReading] = {}
        # Words between a cue and a place (``_gap_distance``), by the gap's offsets: binding
        # measures each gap, and the check for an operation under way measures it again.
        self.gaps: dict[tuple[int, int], int | None] = {}
        # Ids of the mentions that only say where people went or how far another place lies
        # (``_located_elsewhere``): asked by binding, by the follow-up rules and the look back.
        self.elsewhere: frozenset[int] | None = None

    @property
    def start(self) -> int:
        """Where the sentence starts in the article."""
        return self._start

    @property
    def end(self) -> int:
        """Where the sentence ends in the article."""
        return self._end

    def speech_verbs(self) -> tuple[re.Match[str], ...]:
        """Matches for their offsets; their text may be lower-cased."""
        if self._speech_verbs is None:
            if self.lowered is None:
                found = lx.SPEECH_VERB.finditer(self.text, self._start, self._end)
            else:
                found = _SPEECH_VERB_SCAN.finditer(self.lowered, self._start, self._end)
            self._speech_verbs = tuple(found)
        return self._speech_verbs

    def scanned(self, start: int, end: int) -> str:
        """A stretch of text that only case-insensitive patterns (``twin``) will search."""
        return (self.text if self.lowered is None else self.lowered)[start:end]

    def twin(self, pattern: re.Pattern[str]) -> re.Pattern[str]:
        """The pattern to run on ``scanned`` text; ``pattern`` must ignore case."""
        return pattern if self.lowered is None else _TWINS[id(pattern)]

    def major_breaks(self) -> tuple[int, ...]:
        if self._major_breaks is None:
            found = _MAJOR_BREAK.finditer(self.text, self._start, self._end)
            self._major_breaks = tuple(match.start() for match in found)
        return self._major_breaks


class _Sentence(NamedTuple):
    start: int
    end: int
    cues: tuple[_Cue, ...]
    mentions: tuple[_MentionLike, ...]
    facts: _SentenceFacts


class _Binding(NamedTuple):
    mention: _MentionLike
    cue: _Cue
    indirect: bool = False


def extract_events(article: Article, *, gazetteer: GazetteerLike) -> list[Event]:
    """Every event the article reports, in text order, at most one per province and status
    per sentence ("retook Kahmard after it fell on Thursday" is a retake and a capture)."""
    text = article.text
    sections = _day_sections(article)
    mentions = [m for m in gazetteer.find(text) if _kind(m) not in IGNORED_PLACE_KINDS]
    views = _lowered_views(text)
    group_voice = _group_statement(text)
    sentences = _sentences(text, mentions, views=views, group_voice=group_voice)
    events: list[Event] = []
    previous: list[Event] = []
    previous_had_events = False
    lead_in: _Sentence | None = None
    scene: _Sentence | None = None  # the last sentence that named a place it is about
    scene_index = 0
    named: _Sentence | None = None  # the last sentence naming any place, a speaker's too
    narrative: dt.date | None = None  # the day the story has reached, for "a day later"
    # only an article that counts days from another ("a day later", "By dawn") needs its story's
    # day followed through sentences with no event
    follows_days = any(word in views[1] for word in _COUNTED_DAY_WORDS)
    for index, sentence in enumerate(sentences):
        # read below a day heading as if the article were dated that day
        dated = _article_of_section(article, sections, sentence.start) if sections else article
        current = _sentence_events(dated, sentence, events, reference=narrative)
        if (sentence.mentions or named is not None) and text.find(
            "district", sentence.start, sentence.end
        ) >= 0:
            # "the Taliban now control 11 of the province's 13 districts, and fighting is under
            # way inside Lashkar Gah": the count is news beside the sentence's other events
            told = {(e.province_iso, e.status) for e in current}
            current = current + [
                e
                for e in _district_tally(dated, sentence, named)
                if (e.province_iso, e.status) not in told
            ]
        if not current and sentence.mentions and sentence.cues:
            current = _headed_item(dated, sentence, reference=narrative, first=named is None)
        if sentence.mentions:
            named = sentence
        if lead_in is not None and not current:
            if _is_list_item(text, sentence):
                current = _listed_events(dated, lead_in, sentence)
            else:
                lead_in = None
        if text[sentence.end - 1] == ":" and not current and _has_status_cue(sentence):
            lead_in = sentence  # "Districts that fell to the Taliban this week:" and a list
        if index > 0 and not previous_had_events:
            current = _counted_places(dated, sentences[index - 1], sentence, current)
        previous_had_events = bool(current)
        if not current and _names_no_scene(text, sentence):
            prior = sentences[index - 1] if index > 0 else None
            current = _follow_up(
                dated, sentence, previous, events, prior=prior, reference=narrative
            )
            if (
                not current
                and not previous
                and scene is not None
                and scene is not prior
                and sentence.cues
                and index - scene_index <= SCENE_REACH
            ):
                distance = index - scene_index
                current = _scene_capture(
                    dated, sentence, scene, events, distance=distance, reference=narrative
                )
            previous = current
        else:
            previous = current
            # Without events this branch is reached only when the sentence names a scene:
            # asking again would give the same answer.
            if sentence.mentions and (not current or not _names_no_scene(text, sentence)):
                scene, scene_index = sentence, index
        if current and dated is not article:
            current = [_dated_by_section(e, dated.date) for e in current]
        if current:
            current = _without_denied_retakes(text, current, events)
        if current:
            current = _with_fall_before_retake(dated, sentence, current)
            current = _without_entries_after_leaving(current, events)
            events.extend(_repelled_unless_fallen(text, current, events))
        if current or follows_days:
            narrative = _narrative_day(dated, sentence, current, narrative)
    # a headline's "drive Taliban out of Farah city" before the story of the fight: the whole
    # article says whether the place ever fell
    events = _repelled_unless_fallen(text, events, [], whole_article=True)
    events = _without_corrected_falls(text, sentences, events)
    events = _without_killed_items(text, views[0], sentences, events)
    events = _headlines_dated_by_story(text, events)
    events = _item_titles_dated_by_story(text, events)
    events = _dated_by_line_label(text, events, article.date)
    if group_voice:
        # the whole text is the group's word: every capture in it is its claim
        events = [_as_claim(e) for e in events]
    return _in_text_order(_districts_located_by_province(text, events))


def _day_sections(article: Article) -> list[tuple[int, dt.date]]:
    """Where each section headed by a day starts, and its day: a live page's "Monday 5 July"
    over the updates of that day, a week-in-review's "Monday, May 24" over the day's news.
    Only days on or before the article's date count (a heading is no forecast)."""
    sections = []
    for heading in lx.DATE_HEADING.finditer(article.text):
        day = resolve_date_phrase(heading.group(0), article_date=article.date)
        if day.precision is not _DAY or day.date is None:
            continue
        if article.date is not None and not (
            article.date - SECTION_DAY_REACH <= day.date <= article.date
        ):
            continue
        sections.append((heading.end(), day.date))
    return sections


def _article_of_section(article: Article, sections: list[tuple[int, dt.date]], at: int) -> Article:
    """The article as its section below a day heading reads it: dated that day."""
    index = bisect.bisect_right(sections, (at, dt.date.max)) - 1
    day = sections[index][1] if index >= 0 else None
    if day is None or day == article.date:
        return article  # (a dateline's day under the headline is the article's own)
    return dataclasses.replace(article, date=day)


def _dated_by_section(event: Event, day: dt.date | None) -> Event:
    """Say that the day an event was counted from is its section's, not the article's."""
    basis = _ARTICLE_DATE_IN_BASIS.sub(f"the day {day} heading its section", event.date_basis)
    return event if basis == event.date_basis else dataclasses.replace(event, date_basis=basis)


_ARTICLE_DATE_IN_BASIS = re.compile(r"(?:no )?article date(?: \d{4}-\d\d-\d\d)?")


def _headlines_dated_by_story(text: str, events: list[Event]) -> list[Event]:
    """ "Taliban overrun Dawlat Shah district in Laghman" above "The Taliban overran Dawlat Shah
    district ... on 13th June": a headline has no day of its own, and the article date it falls
    back on is not the day of the change the story below it dates. Not when the article also
    tells the place changing hands the other way (a capture may then be a second one)."""
    dated = [e for e in events if e.date_phrase and e.date_precision is _DAY]
    if not dated:
        return events
    reversed_in = {
        (e.province_iso, side) for e in events for side in _CHANGE_SIDES.get(e.status, ())
    }
    head_end = _head_end(text)
    redated = []
    for event in events:
        story = None
        if (
            event.date_basis == BASIS_ARTICLE_DATE
            and event.quote_start < head_end
            and (event.province_iso, event.status) not in reversed_in
            and _is_own_line_without_full_stop(text, event)
        ):
            story = min(
                (
                    e
                    for e in dated
                    if e.province_iso == event.province_iso
                    and e.status is event.status
                    and e.quote_start > event.quote_start
                    and e.event_date < event.event_date  # type: ignore[operator]
                ),
                key=lambda e: e.quote_start,
                default=None,
            )
        if story is None:
            redated.append(event)
            continue
        basis = f"{story.date_basis}, as the story below the headline tells it"
        redated.append(
            dataclasses.replace(
                event, event_date=story.event_date, date_basis=basis, date_phrase=story.date_phrase
            )
        )
    return redated


def _item_titles_dated_by_story(text: str, events: list[Event]) -> list[Event]:
    """ "1. Faryab districts fall. The Taliban overran three districts in Faryab province over
    the weekend": a briefing item's title has no day of its own; the item's story dates it."""
    redated = []
    for event in events:
        story = None
        if event.date_basis == BASIS_ARTICLE_DATE and _ITEM_TITLE.match(
            text, line_start(text, event.quote_start), event.quote_end
        ):
            item_end = line_end(text, event.quote_end)
            story = next(
                (
                    e
                    for e in events
                    if e.province_iso == event.province_iso
                    and e.status is event.status
                    and event.quote_end <= e.quote_start < item_end
                    and e.date_phrase
                    and e.event_date is not None
                    and e.event_date <= event.event_date  # type: ignore[operator]
                ),
                None,
            )
        if story is None:
            redated.append(event)
            continue
        redated.append(
            dataclasses.replace(
                event,
                **{name: getattr(story, name) for name in _DATE_FIELD_NAMES},
                date_basis=f"{story.date_basis}, as the item below its title tells it",
            )
        )
    return redated


# A list item's title: "1. Faryab districts fall.", "- Ab Kamari retaken." (a few words)
_ITEM_TITLE = re.compile(r"[ \t]*(?:\d{1,2}[.)]|[-•*])[ \t]+(?:[\w’'-]+[ \t]+){0,5}[\w’'-]+\.$")
_DATE_FIELD_NAMES = ("event_date", "date_precision", "date_phrase")


def _dated_by_line_label(
    text: str, events: list[Event], article_date: dt.date | None
) -> list[Event]:
    """ "July 8: The Taliban say they have captured Islam Qala. Afghan officials say fighting
    is continuing at Islam Qala.": a timeline's line is dated by its label, every sentence of
    it, not only the one the label opens."""
    redated = []
    for event in events:
        resolution = _line_label_day(text, event, article_date)
        if resolution is None:
            redated.append(event)
            continue
        fields = {
            **_date_fields(resolution),
            "date_basis": f"{resolution.basis}, the label of its line",
        }
        redated.append(dataclasses.replace(event, **fields))
    return redated


def _line_label_day(text: str, event: Event, article_date: dt.date | None) -> DateResolution | None:
    """The day labelling the line of an event that has only the article's day of its own."""
    if event.date_basis != BASIS_ARTICLE_DATE:
        return None
    opened = line_start(text, event.quote_start)
    if opened == event.quote_start:
        return None  # the label's own sentence: its day is already its own
    label = lx.DATE_LABEL.match(text, opened, event.quote_start)
    if label is None:
        return None
    resolution = resolve_date_phrase(label.group(0), article_date=article_date, cue_at=label.end())
    return resolution if resolution.precision is Precision.DAY else None


# A change one way makes a change the other way in the same article a second one.
_CHANGE_SIDES: dict[Status, tuple[Status, ...]] = {
    Status.RETAKEN: (Status.CAPTURED, Status.CLAIMED),
    Status.CAPTURED: (Status.RETAKEN,),
    Status.CLAIMED: (Status.RETAKEN,),
}


def _head_end(text: str) -> int:
    """The offset a headline starts before: no line ending with a full stop (the story's)
    comes before it, and it is among the first ``HEADLINE_LINES`` lines that hold any text."""
    stop = _FULL_STOP_LINE.search(text)
    end = stop.start() + 1 if stop is not None else len(text) + 1
    for number, line in enumerate(_TEXT_LINE.finditer(text, 0, end)):
        if number == HEADLINE_LINES - 1:
            return line.start() + 1  # the last line a headline may be
    return end


def _is_own_line_without_full_stop(text: str, event: Event) -> bool:
    start, end = event.quote_start, event.quote_end
    if (start > 0 and text[start - 1] != "\n") or (end < len(text) and text[end] != "\n"):
        return False
    return not text[start:end].rstrip().endswith((".", "!", "?", ":", '"', "”", "'", "’"))


_FULL_STOP_LINE = re.compile(r"[.!?][\"”'’]?\s*\n")
_TEXT_LINE = re.compile(r"^[^\n]*\S", re.MULTILINE)


def _without_corrected_falls(
    text: str, sentences: list[_Sentence], events: list[Event]
) -> list[Event]:
    """A live blog's "Correction: In our 09:20 post we said the Taliban had seized Kushk
    district": the fall it takes back is dropped wherever the article told it before."""
    corrected: list[tuple[int, set[str]]] = []
    for index, sentence in enumerate(sentences):
        if (
            sentence.mentions
            and (
                _CORRECTION_START.match(text, sentence.start, sentence.end)
                or _own_post_taken_back(text, sentences, index)
            )
            and any(lx.STATUS_OF_KIND.get(c.kind) == _CAPTURED_VALUE for c in sentence.cues)
        ):
            corrected.append((sentence.end, {m.place.iso for m in sentence.mentions}))
    if not corrected:
        return events
    return [
        e
        for e in events
        if e.status not in (Status.CAPTURED, Status.CLAIMED) or not _named_by_notice(e, corrected)
    ]


def _without_killed_items(
    text: str, lowered: str | None, sentences: list[_Sentence], events: list[Event]
) -> list[Event]:
    """An agency's kill or withdrawal ("KILL - Kill URGENT 'Taliban capture Faizabad'", "Editors:
    please disregard the URGENT 'Taliban seize Pul-e Khumri' ... issued in error", "The story
    headlined '...' has been withdrawn"): the notice and what it names up to it tell nothing.

    ``lowered``: the article's lowered twin, ``None`` where lowering moves offsets; then every
    sentence naming a place is scanned."""
    if not events or (lowered is not None and not _may_hold_kill_notice(lowered)):
        return events  # nearly every article
    killed = [
        (sentence.end, {m.place.iso for m in sentence.mentions})
        for sentence in sentences
        if sentence.mentions and _KILL_NOTICE.search(text, sentence.start, sentence.end)
    ]
    if not killed:
        return events
    return [e for e in events if not _named_by_notice(e, killed)]


def _named_by_notice(event: Event, notices: list[tuple[int, set[str]]]) -> bool:
    """Whether a notice (its end and the provinces it names) takes the event back: told no
    later than the notice, about a province it names."""
    return any(event.province_iso in isos and event.quote_start < end for end, isos in notices)


def _may_hold_kill_notice(lowered: str) -> bool:
    """Whether the article's lowered twin holds what every ``_KILL_NOTICE`` needs: "disregard",
    "in error", "been withdrawn" (or killed, retracted, scrapped), or "kill" opening a line.

    Found with ``str.find``: a regex over the whole article costs more than the sentence scan
    it saves, and news is full of "killed" and "terrorists" that a looser gate would let by."""
    return (
        "disregard" in lowered
        or any(at > 0 and lowered[at - 1].isspace() for at in _offsets(lowered, "error"))
        or any(_BEEN_RETRACTED.match(lowered, at) for at in _offsets(lowered, "been"))
        or any(
            _NON_WORD.fullmatch(lowered, lowered.rfind("\n", 0, at) + 1, at)
            for at in _offsets(lowered, "kill")
        )
    )


def _offsets(text: str, word: str) -> Iterator[int]:
    """Every offset where ``word`` starts in ``text``."""
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


_BEEN_RETRACTED = re.compile(r"been\s+(?:withdrawn|killed|retracted|scrapped)\b")
_NON_WORD = re.compile(r"\W*")
_KILL_NOTICE = re.compile(
    r"^\W*kill\b|\bplease\s+disregard\b"
    r"|\b(?:was|were|has\s+been|have\s+been|is)\s+(?:issued|sent|published|moved|transmitted)\s+in"
    r"\s+error\b"
    r"|\b(?:story|item|report|urgent|flash|alert|dispatch|headlined?|snap)\b[^.]{0,160}?\b(?:has|have)"
    r"\s+been\s+(?:withdrawn|killed|retracted|scrapped)\b",
    re.IGNORECASE | re.MULTILINE,
)


def _own_post_taken_back(text: str, sentences: list[_Sentence], index: int) -> bool:
    """ "In a post at 10.05am we reported ... that Ab Kamari had fallen. Provincial officials
    say that is not the case ... We have removed the earlier post": the page's own earlier
    report, taken back by the sentence after it."""
    sentence = sentences[index]
    if index + 1 >= len(sentences) or not _OWN_EARLIER_POST.match(
        text, sentence.start, sentence.end
    ):
        return False
    after = sentences[index + 1]
    return _TAKEN_BACK.search(text, after.start, after.end) is not None


_OWN_EARLIER_POST = re.compile(
    r"\W*(?:(?:in\s+)?(?:a|an|our|the)\s+(?:earlier\s+|previous\s+)?(?:post|update|entry|item)\b"
    r"|earlier(?:\s+today|\s+on\s+\w+)?\b)"
    r"(?:[^.;]|\.(?=\d)){0,40}?\bwe\s+(?:had\s+)?(?:reported|said|wrote|stated)\b",
    re.IGNORECASE,
)
_TAKEN_BACK = re.compile(
    r"\b(?:not\s+the\s+case|not\s+true|untrue|incorrect|in\s+error|was\s+wrong"
    r"|have\s+(?:removed|deleted|withdrawn|retracted)|apologi[sz]e)\b",
    re.IGNORECASE,
)
# "10:05 BST - Correction:", "CORRECTION:", "Clarification -"
_CORRECTION_START = re.compile(
    r"\W*(?:\d{1,2}[:.]\d{2}\s*(?:[A-Za-z]{2,4}\s*)?[-–—:]\s*)?(?:correction|clarification)\s*[:\-–—]",
    re.IGNORECASE,
)


def _group_statement(text: str) -> bool:
    """ "Statement of the Islamic Emirate regarding the conquest of districts ...", signed
    "Zabihullah Mujahid, Spokesman of the Islamic Emirate": the article is the group's own."""
    return lx.GROUP_STATEMENT.search(text, 0, GROUP_STATEMENT_HEAD) is not None or bool(
        lx.GROUP_SIGNATURE.search(text, max(0, len(text) - GROUP_STATEMENT_TAIL))
    )


def _as_claim(event: Event) -> Event:
    if event.status is not Status.CAPTURED:
        return event
    return dataclasses.replace(
        event,
        status=Status.CLAIMED,
        attribution="taliban",
        confidence=min(event.confidence, CLAIMED_CONFIDENCE),
    )


def _without_denied_retakes(text: str, current: list[Event], earlier: list[Event]) -> list[Event]:
    """ "Afghan commandos recaptured Khan Abad ... Mujahid said the group's fighters were still in
    control of Khan Abad", "the army has retaken Dasht-e-Archi, but the Taliban say they still
    hold it": the group denying a retake the article told is no new claim."""
    denials = [
        e
        for e in current
        if e.status in (Status.CLAIMED, Status.CAPTURED)
        and _STILL_IN_CONTROL.search(text, e.quote_start, e.quote_end) is not None
        and _GROUP_VOICE.search(text, e.quote_start, e.quote_end) is not None
    ]
    if not denials:
        return current  # most sentences: no need to read the article's earlier events
    retaken = {e.province_iso for e in (*earlier, *current) if e.status is Status.RETAKEN}
    return [e for e in current if not (e.province_iso in retaken and e in denials)]


# "were still in control of", "still controlled", "are in full control of", "still hold"
_STILL_IN_CONTROL = re.compile(
    r"\b(?:still|remain(?:s|ed)?)\s+(?:(?:in\s+(?:full\s+)?)?control|hold|held|holding)"
    # (never "the district is in full control of the security forces")
    r"|\bin\s+full\s+control\s+of\s+(?!(?:the\s+)?(?:security|government|afghan|national)\b)",
    re.IGNORECASE,
)
_GROUP_VOICE = re.compile(r"\b(?:Taliban|mujahideen|Mujahid|Islamic\s+Emirate)\b")


def _repelled_unless_fallen(
    text: str, current: list[Event], earlier: list[Event], *, whole_article: bool = False
) -> list[Event]:
    """ "Taliban fighters stormed into Qala-e-Naw ... By Thursday morning commandos had pushed the
    insurgents out of the city center": driving out fighters from a place the article never
    said fell is the attack repelled, not a retake."""
    if all(e.status is not Status.RETAKEN for e in current):
        return current  # most sentences: nothing to check
    told = [*earlier, *current]
    fallen = {e.province_iso for e in told if e.status in (Status.CAPTURED, Status.CLAIMED)}
    fought = {e.province_iso for e in told if e.status is Status.CONTESTED}
    return [
        _fighting_copy(e)
        if e.status is Status.RETAKEN
        and (
            e.province_iso in fought
            # "had driven the Taliban out of the centre of Kunduz, but fighting continued"
            or _FIGHTING_GOES_ON.search(text, e.quote_start, e.quote_end) is not None
            # "cleared Qala-e Naw of Taliban fighters after three days of fighting"
            or _AFTER_DAYS_OF_FIGHTING.search(text, e.quote_start, e.quote_end) is not None
            # once the whole article is read (it may tell the fall later), a place only
            # "cleared" or driven out of, never said to have fallen, was fought for: a ministry's
            # "ANDSF cleared the Chahar Dara district of Taliban"
            or (whole_article and _only_cleared(text, e.quote_start, e.quote_end))
        )
        and e.province_iso not in fallen
        and _DRIVEN_OUT_WORDS.search(text, e.quote_start, e.quote_end)
        and not _RETAKE_WORDS.search(text, e.quote_start, e.quote_end)
        else e
        for e in current
    ]


# "has taken control of key trade crossings ..., depriving Kabul of customs revenue": the
# place is the object of the participle's own clause, not of the cue before its comma
_OBJECT_OF_PARTICIPLE = re.compile(r",\s+(?!including\b|according\b)[a-z]+ing\s+(?:the\s+)?$")
_BETWEEN_SIDES = re.compile(
    # (each side may carry its acronym: "the Afghan National Security Forces (ANSF) and
    # non-State armed groups (NSAG)")
    r"\bbetween\s+(?:the\s+)?(?:[\w'’-]+\s+){1,4}?(?:\([\w-]+\)\s+)?and\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+){0,2}?(?:forces|fighters|taliban|insurgents|militants|troops|police|army"
    r"|commandos|groups|militias?)\b(?:\s+\([\w-]+\))?",
    re.IGNORECASE,
)
_AFTER_DAYS_OF_FIGHTING = re.compile(
    r"\bafter\s+(?:(?:a|one|two|three|four|five|six|seven|several|\d+)\s+(?:days?|weeks?|hours?)"
    r"\s+of\s+|(?:heavy|fierce|intense)\s+)?(?:street\s+)?(?:fighting|clashes|battles?)\b",
    re.IGNORECASE,
)
_CLEARED_WORDS = r"\bclear(?:ed|ing)\b"
_DRIVEN_OUT_OF_WORDS = (
    r"\b(?:push(?:ed)?|drove|driven|drive|forced|expelled|chased)\b[^.;]{0,40}\b(?:out\s+of|from)\b"
    r"|\b(?:push(?:ed)?|drove|driven|drive|forced|expelled)\s+them\s+(?:back\s+)?out\b"
)
_DRIVEN_OUT_WORDS = re.compile(f"{_CLEARED_WORDS}|{_DRIVEN_OUT_OF_WORDS}", re.IGNORECASE)
# "overran the Sherzad district of Nangarhar", "seized three districts in northern Faryab": the
# province only says where the district lies.
_DISTRICT_LOCATED_IN = re.compile(
    r"\b(?:districts?|district\s+(?:cent(?:re|er)|headquarters)s?)\s+"
    # "the district centre of Dawlat Abad in northern Faryab": a name the gazetteer leaves out
    r"(?:of\s+[\w’'-]+(?:\s+[\w’'-]+)?\s+)?(?:in|of|across)\s+"
    r"(?:the\s+)?(?:(?:north|south|east|west|central|remote|neighbou?ring)\w*\s+)?$",
    re.IGNORECASE,
)
DISTRICT_KIND = "district"  # a district named through its province: beside the colour
DISTRICT_REACH = 60  # characters before the province where its district noun may stand


# (", and" may open a clause of its own: "seized a district in Faryab, and Badghis fell")
_NEXT_IN_LIST = re.compile(r"(?:\s+provinces?)?(?:,|\s+and|\s*&)\s*")


def _districts_located_by_province(text: str, events: list[Event]) -> list[Event]:
    """An event whose place is a province that only locates a district ("the Jaghatu district
    of Wardak", "a district in Jowzjan", "retake districts in Faryab, Ghor") is about the
    district: reported beside the province's colour, never as it, like a district the gazetteer
    names."""
    located: set[int] = set()  # ids of the events about a district named through a province
    list_end = -1  # where the last such province ends, for the next in a list
    for event in sorted(events, key=lambda e: e.place_start):
        if event.place_kind != "province":
            continue
        start = event.place_start
        if _DISTRICT_LOCATED_IN.search(
            text, max(event.quote_start, start - DISTRICT_REACH), start
        ) or (
            event.quote_start <= list_end <= start
            and _NEXT_IN_LIST.fullmatch(text, list_end, start)
        ):
            located.add(id(event))
            list_end = event.place_end
    if not located:
        return events
    return [
        dataclasses.replace(e, place_kind=DISTRICT_KIND) if id(e) in located else e for e in events
    ]


_OPERATION = re.compile(r"\boperations?\b", re.IGNORECASE)
# "completed an operation on Sunday to retake", "driven out ... after a three-day operation":
# the operation is over, and what it drove out is out
_OPERATION_OVER = re.compile(
    r"\b(?:after|completed|concluded|ended|finished|following)\s+(?:an?\s+|the\s+|its\s+"
    r"|their\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


def _only_cleared(text: str, start: int, end: int) -> bool:
    """Whether the sentence tells a clearing ("cleared X of Taliban"), not the group driven out
    of a place it held ("drove the Taliban out of X") nor the place back in the forces' hands."""
    return (
        _CLEARED.search(text, start, end) is not None
        and _DRIVEN_OUT_OF.search(text, start, end) is None
        and _BACK_IN_HAND.search(text, start, end) is None
    )


_CLEARED = re.compile(_CLEARED_WORDS, re.IGNORECASE)
_DRIVEN_OUT_OF = re.compile(_DRIVEN_OUT_OF_WORDS, re.IGNORECASE)
# "our forces are in full control", "an operation to retake ... 'fully cleared'"
_BACK_IN_HAND = re.compile(
    r"\b(?:(?:full|complete)\s+control|fully\s+cleared|retake|regain\w*|liberat\w*)\b",
    re.IGNORECASE,
)


def _told_in_an_operation(text: str, start: int, end: int) -> bool:
    """Whether the sentence tells of an operation it does not say is over."""
    return any(
        not _OPERATION_OVER.search(text, max(start, match.start() - 40), match.start())
        for match in _OPERATION.finditer(text, start, end)
    )


_FIGHTING_GOES_ON = re.compile(lx.FIGHTING_GOES_ON_FRAGMENT, re.IGNORECASE)
_RETAKE_WORDS = re.compile(
    r"\b(?:retook|retaken|recaptur\w*|regain\w*|took\s+back)\b", re.IGNORECASE
)


def _narrative_day(
    article: Article, sentence: _Sentence, current: list[Event], before: dt.date | None
) -> dt.date | None:
    """The day the story has reached after this sentence: its latest event's ("retook Qarqin
    on June 30, a day after it fell": June 30), else the day its own day phrase names ("The
    next morning government forces counter-attacked"), else the day before it."""
    if current:
        told = [e for e in current if e.date_phrase]
        if not told and before is not None:
            # "the spokesman confirmed that the forces had left Aqcha": a report with no day of
            # its own retells the story's day; it does not move it to the article's
            return before
        return _latest_date(told or current) or before
    if not sentence.facts.near_place:
        return before  # far from any place: nothing there moves the story's day
    body = article.text[sentence.start : sentence.end]
    if not find_date_phrases(body):
        return before
    told = resolve_date_phrase(body, article_date=article.date, reference=before)
    return told.date if told.phrase and told.precision == Precision.DAY else before


def _names_no_scene(text: str, sentence: _Sentence) -> bool:
    """No place, or only places naming who speaks ("A security source in Tarin Kot said ..."),
    where people went ("withdrew to a base on the road to Kabul", "leaving ... towards
    Charikar") or how far another place lies."""
    # One pass, asking the dearer questions only of a place that names no speaker's role.
    elsewhere: frozenset[int] | None = None
    for mention in sentence.mentions:
        if _is_role(text, mention, sentence):
            continue
        if elsewhere is None:
            elsewhere = _located_elsewhere(text, sentence)
        if id(mention) not in elsewhere and not _names_a_road(text, sentence, mention):
            return False
    return True


def _is_list_item(text: str, sentence: _Sentence) -> bool:
    return bool(lx.LIST_ITEM.match(text, sentence.start, sentence.end))


def _headed_item(
    article: Article, sentence: _Sentence, *, reference: dt.date | None, first: bool
) -> list[Event]:
    """ "- Sheberghan (Jowzjan): Taliban took control on July 22": a factbox item whose head
    names the place that every cue after it is about (``first``: no place named before)."""
    text = article.text
    head = sentence.mentions[0]
    if not (sentence.start == 0 or text[sentence.start - 1] == "\n"):
        return []
    if not lx.SUBJECTLESS_START.fullmatch(text, sentence.start, head.start):
        return []
    tail = lx.ITEM_HEAD_TAIL.match(text, head.end, sentence.end)
    if tail is None:
        return []
    if (
        head.text.isupper()
        and not tail.group("aside")
        and not _in_bullet(text, sentence)
        and (first or _in_first_paragraph(text, sentence))
    ):
        return []  # a wire dateline, "KABUL: The Taliban captured three more capitals"
    body_start = tail.end()
    for mention in sentence.mentions[1:]:
        if mention.place.iso == head.place.iso:
            continue  # "(Jowzjan)", or the place named again
        if mention.start < body_start or not _is_role(text, mention, sentence):
            return []  # "(Reuters)" is no province; a body naming its own place binds it
    if tail.group("aside") and not any(
        m.start < body_start and m.place.iso == head.place.iso for m in sentence.mentions[1:]
    ):
        return []  # a dateline's "(AP)", not the head's province
    events = []
    for cue in sentence.cues:
        if cue.start < body_start or cue.kind not in lx.STATUS_OF_KIND:
            continue
        event = _event(article, sentence, _Binding(head, cue, indirect=True), reference=reference)
        if event is not None:
            events.append(event)
    return _one_per_province(events)


def _in_first_paragraph(text: str, sentence: _Sentence) -> bool:
    """Whether no line ending with a full stop comes before the sentence: after a headline that
    names a place, "KABUL: Fighting raged on several fronts" still opens the story."""
    stop = _FULL_STOP_LINE.search(text)
    return stop is None or sentence.start <= stop.start()


def _listed_events(article: Article, lead_in: _Sentence, item: _Sentence) -> list[Event]:
    """One event for the first place of a list item, read with the lead-in's cue."""
    text = article.text
    places = [m for m in item.mentions if not _is_role(text, m, item)]
    cues = [cue for cue in lead_in.cues if cue.kind in lx.STATUS_OF_KIND]
    if not places or len(cues) != 1:
        return []
    event = _event(article, lead_in, _Binding(places[0], cues[0], indirect=True), reference=None)
    if event is None:
        return []
    return [
        dataclasses.replace(
            event,
            quote=text[lead_in.start : item.end],
            quote_end=item.end,
            quote_start=lead_in.start,
        )
    ]


def _kind(mention: _MentionLike) -> str:
    return str(getattr(mention.place, "kind", "") or "").lower()


def _lowered_views(text: str) -> tuple[str | None, str]:
    """The article lower-cased for the twins (``None`` when unsafe) and for plain scans."""
    twin = lowered_text(text)
    return twin, _lower_same_length(text) if twin is None else twin


def _sentences(
    text: str,
    mentions: list[_MentionLike],
    *,
    views: tuple[str | None, str] | None = None,
    group_voice: bool | None = None,
) -> list[_Sentence]:
    spans = split_sentences(text)
    furniture = furniture_lines(text)
    if furniture:
        spans = _outside(spans, furniture)
    mentions_in: list[tuple[_MentionLike, ...]] = []
    m_index = 0
    for start, end in spans:
        while m_index < len(mentions) and mentions[m_index].start < start:
            m_index += 1
        inside = []
        while m_index < len(mentions) and mentions[m_index].end <= end:
            inside.append(mentions[m_index])
            m_index += 1
        mentions_in.append(tuple(inside))
    # Cues matter only in a sentence that names a place and in its neighbours (a count of
    # capitals before it, a building captured after it): scan just those.
    twin_text, lowered = views or _lowered_views(text)
    names_place = [bool(inside) for inside in mentions_in]
    enemy_is_taliban = not (_group_statement(text) if group_voice is None else group_voice)
    last = len(spans) - 1
    sentences: list[_Sentence] = []
    since_place = SCENE_REACH + 1
    for index, (start, end) in enumerate(spans):
        since_place = 0 if names_place[index] else since_place + 1
        near_place = (
            since_place <= 1
            or (index < last and names_place[index + 1])
            # further on, only a sentence that points back ("the city had fallen") may carry
            or (
                since_place <= SCENE_REACH
                and _FAR_REFERENCE.search(lowered, start, end) is not None
            )
        )
        cues = _reported_cues(lowered, start, end) if near_place else ()
        if cues and lowered.find("their ", start, end) >= 0:
            owner_from = spans[index - 1][0] if index > 0 else start
            cues = tuple(c for c in cues if _held_by_the_group(lowered, owner_from, c))
        facts = _SentenceFacts(
            text,
            twin_text,
            start,
            end,
            near_place=near_place,
            enemy_is_taliban=enemy_is_taliban,
            previous=spans[index - 1] if index > 0 else None,
        )
        sentences.append(_Sentence(start, end, cues, mentions_in[index], facts))
    return sentences


def _held_by_the_group(lowered: str, owner_from: int, cue: _Cue) -> bool:
    """ "The Taliban claimed the district had come under their control": "their" is whoever
    the text last named before it (from the sentence before on), and only the group's hands
    make a capture; "Commandos entered X. By evening it was in their hands" is no fall."""
    if not lx.THEIR_HOLD.search(lowered, cue.start, cue.end):
        return True  # "raised their flag": theirs by the deed
    sides = [m.group("group") for m in lx.SIDE_NAMED.finditer(lowered, owner_from, cue.start)]
    return bool(sides) and sides[-1] is not None


def _outside(spans: list[tuple[int, int]], blocks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans not inside any block (both lists in text order)."""
    kept: list[tuple[int, int]] = []
    index = 0
    for start, end in spans:
        while index < len(blocks) and blocks[index][1] < start:
            index += 1
        if index < len(blocks) and blocks[index][0] <= start and end <= blocks[index][1]:
            continue
        kept.append((start, end))
    return kept


def _find_cues(lowered: str, start: int, end: int) -> tuple[_Cue, ...]:
    return tuple(
        [_Cue(*m.span(), m.lastgroup or "") for m in _CUE_SCAN.finditer(lowered, start, end)]
    )


def _reported_cues(lowered: str, start: int, end: int) -> tuple[_Cue, ...]:
    """The sentence's cues less the fighting that only says why people fled and a bare siege."""
    cues = _find_cues(lowered, start, end)
    if all(cue.kind not in _SIEGE_KINDS for cue in cues):
        return cues  # both filters only ever drop fighting
    # most sentences name neither fleeing nor a siege: two scans of the text settle it
    if lowered.find("fle", start, end) >= 0 or lowered.find("escap", start, end) >= 0:
        cues = tuple(cue for cue in cues if not _fled_from(lowered, start, cue))
    if (lowered.find("sieg", start, end) >= 0 or lowered.find("surround", start, end) >= 0) and any(
        cue.kind in _SIEGE_KINDS and _SIEGE_WORD.search(lowered, cue.start, cue.end) for cue in cues
    ):
        return tuple(_without_bare_siege(lowered, start, end, list(cues)))
    return cues


def _without_bare_siege(lowered: str, start: int, end: int, cues: list[_Cue]) -> list[_Cue]:
    """A siege is no fighting ("have surrounded Faizabad", "Kandahar has been under siege for
    weeks") unless the sentence reports fighting or part of the place held too ("besieged
    Lashkar Gah and are fighting street by street")."""
    fought = any(
        not match.group().startswith("fighter")
        for match in lx.FIGHTING.finditer(lowered, start, end)
        if not _SIEGE_WORD.search(match.group())
    )
    if fought or _SHELLED.search(lowered, start, end) or lx.PARTIAL.search(lowered, start, end):
        return cues
    return [
        cue
        for cue in cues
        if cue.kind not in _SIEGE_KINDS or not _SIEGE_WORD.search(lowered, cue.start, cue.end)
    ]


def _fled_from(lowered: str, start: int, cue: _Cue) -> bool:
    """ "fled the fighting": fighting that only says why people left."""
    if cue.kind != "contest":
        return False
    window_start = max(start, cue.start - FLED_WINDOW)
    near = (
        lowered.find("fle", window_start, cue.start) >= 0
        or lowered.find("escap", window_start, cue.start) >= 0
    )
    return near and bool(lx.FLED_BEFORE.search(lowered, window_start, cue.start))


def _lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # "İ" lower-cases to two characters; keep such characters so offsets stay aligned
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


# Searches through the twins. Their matches give offsets and truth, never the text as written.


def _search(
    pattern: re.Pattern[str], facts: _SentenceFacts, start: int, end: int
) -> re.Match[str] | None:
    """``pattern.search(text, start, end)``."""
    twin = _TWINS.get(id(pattern))  # the hot path: no helper call
    if twin is None or facts.lowered is None:
        return pattern.search(facts.text, start, end)
    guard = _GUARDS.get(id(pattern))
    if guard is not None and guard.search(facts.lowered, start, end) is None:
        return None
    return twin.search(facts.lowered, start, end)


def _search_slice(
    pattern: re.Pattern[str], facts: _SentenceFacts, start: int, end: int
) -> re.Match[str] | None:
    """``pattern.search(text[start:end])``: the slice's edges are the string's edges."""
    twin = _TWINS.get(id(pattern))  # the hot path: no helper call
    if twin is None or facts.lowered is None:
        return pattern.search(facts.text[start:end])
    guard = _GUARDS.get(id(pattern))
    if guard is not None and guard.search(facts.lowered, start, end) is None:
        return None
    return twin.search(facts.lowered[start:end])


def _match(
    pattern: re.Pattern[str], facts: _SentenceFacts, start: int, end: int
) -> re.Match[str] | None:
    """``pattern.match(text, start, end)``."""
    twin = _TWINS.get(id(pattern))  # the hot path: no helper call
    if twin is None or facts.lowered is None:
        return pattern.match(facts.text, start, end)
    return twin.match(facts.lowered, start, end)


def _match_slice(
    pattern: re.Pattern[str], facts: _SentenceFacts, start: int, end: int
) -> re.Match[str] | None:
    """``pattern.match(text[start:end])``."""
    twin = _TWINS.get(id(pattern))  # the hot path: no helper call
    if twin is None or facts.lowered is None:
        return pattern.match(facts.text[start:end])
    return twin.match(facts.lowered[start:end])


def _finditer(
    pattern: re.Pattern[str], facts: _SentenceFacts, start: int, end: int
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, start, end)``."""
    twin = _TWINS.get(id(pattern))  # the hot path: no helper call
    if twin is None or facts.lowered is None:
        return pattern.finditer(facts.text, start, end)
    guard = _GUARDS.get(id(pattern))
    if guard is not None and guard.search(facts.lowered, start, end) is None:
        return iter(())
    return twin.finditer(facts.lowered, start, end)


# --- one sentence -------------------------------------------------------------------------


def _sentence_events(
    article: Article, sentence: _Sentence, earlier: list[Event], *, reference: dt.date | None
) -> list[Event]:
    if not sentence.mentions or not _has_status_cue(sentence):
        return []  # most sentences: no need to cut out the body
    text = article.text
    if _is_skipped_sentence(text[sentence.start : sentence.end]):
        return []
    bindings = _bindings(text, sentence)
    events: list[Event] = []
    for binding in bindings:
        event = _event(article, sentence, binding, reference=reference)
        if event is not None:
            events.append(event)
    events = _without_roundup(events)
    if len(events) > 1 and text.find("respectively", sentence.start, sentence.end) >= 0:
        events = _respectively_dated(article, sentence, events)
    # "fell on Thursday, ... while the spokesman said fighting was still going on": the fight
    # the sentence sets against the fall stays beside it
    going_on = _fighting_goes_on(article, sentence, events)
    if events and _RETRACTION.search(text, sentence.start, sentence.end):
        # (after the fight it tells is read: "retracted the remark, saying ... still fighting")
        events = _without_retracted(text, sentence, events)
    if events:
        events.extend(_fallen_before(article, sentence, events))
    else:
        told = _told_back(article, sentence, earlier)
        events.extend(_fallen_before(article, sentence, told, own=False))
    events.extend(_gapped_places(article, sentence, events, reference=reference))
    events = _listed_after_colon(article, sentence, events)
    kept = _one_per_province(events)
    return kept + [e for e in going_on if e.event_date not in _contested_days(kept, e)]


_RETAKE_KINDS = frozenset({"retake", "retake_intrans", "driven_out"})
# A statement its speaker took back: "retracted the remark", "withdrew an earlier statement
# claiming" (another's "the claim was false" is a denial: the claim stays one).
_RETRACTION = re.compile(
    r"\b(?:retract(?:ed|s|ing)?|withdrew|withdrawn|withdraws|took\s+back)\s+(?:the|his|her|its|their"
    r"|an|that|this)\s+(?:own\s+)?(?:earlier\s+|previous\s+|initial\s+)?"
    r"(?:remarks?|statements?|claims?|reports?|comments?|tweets?|announcements?)\b",
    re.IGNORECASE,
)
# Where the words taken back end and the speaker's new account begins.
_NEW_ACCOUNT = re.compile(r",\s*(?:saying|adding|and\s+said)\b|\band\s+that\b", re.IGNORECASE)


def _without_retracted(text: str, sentence: _Sentence, events: list[Event]) -> list[Event]:
    """ "A spokesman initially said on Friday that Kohsan had fallen, but he retracted the
    remark an hour later, saying government forces were still fighting in Kohsan": what was
    taken back is no report; the fighting told after it is."""
    retraction = _RETRACTION.search(text, sentence.start, sentence.end)
    if retraction is None:
        return events
    account = _NEW_ACCOUNT.search(text, retraction.end(), sentence.end)
    taken_back_end = account.start() if account is not None else sentence.end
    return [e for e in events if e.status is Status.CONTESTED or e.place_start >= taken_back_end]


def _respectively_dated(article: Article, sentence: _Sentence, events: list[Event]) -> list[Event]:
    """ "overran Charburjak in Nimroz and Lash-e Juwayn in Farah on Sunday and Monday,
    respectively": each place named before the list takes its day, in order (a province after a
    town only locates it). Left alone unless places and days are as many."""
    found = respective_days(article.text[sentence.start : sentence.end], article_date=article.date)
    if found is None:
        return events
    list_start, days = found
    named = sorted(
        (e for e in events if e.place_start < sentence.start + list_start),
        key=lambda e: e.place_start,
    )
    text = article.text
    places: list[list[Event]] = []
    for event in named:
        last = places[-1][-1] if places else None
        if last is not None and (
            event.place_start == last.place_start
            or (
                event.province_iso == last.province_iso
                and (
                    event.place_kind == "province"
                    or _LOCATED_BY_GAP.fullmatch(text, last.place_end, event.place_start)
                )
            )
        ):
            places[-1].append(event)
        else:
            places.append([event])
    if len(places) != len(days):
        return events
    redated = {
        id(event): _dated_by(event, day, note="its place's day in a 'respectively' list")
        for group, day in zip(places, days, strict=True)
        for event in group
    }
    return [redated.get(id(event), event) for event in events]


def _without_roundup(events: list[Event]) -> list[Event]:
    """A ministry's roundup, "conducted clearance operations in Nangarhar, Laghman, Ghazni,
    Paktia ... provinces": fighting across a list of whole provinces is a tally, not news of a
    fight for any one of them."""
    if len(events) < ROUNDUP_PROVINCES:
        return events  # most sentences: too few events to be a roundup
    provinces = {
        e.province_iso for e in events if e.status is _CONTESTED and e.place_kind == "province"
    }
    if len(provinces) < ROUNDUP_PROVINCES:
        return events
    return [e for e in events if not (e.status is _CONTESTED and e.place_kind == "province")]


def _contested_days(events: list[Event], event: Event) -> set[dt.date | None]:
    return {
        e.event_date
        for e in events
        if e.status is Status.CONTESTED and e.province_iso == event.province_iso
    }


_POINTS_BACK = re.compile(r"(?:It|This|That)\s+(?:was|is|became|marked|makes|made)\b")


def _told_back(article: Article, sentence: _Sentence, earlier: list[Event]) -> list[Event]:
    """ "Taliban fighters overran Khamyab late on Saturday. It was the second district in the
    province to fall this week, after Mardyan on Wednesday": the fall the sentence points back
    to, quoted from this sentence, so the places after "after" have an event to follow."""
    if not earlier or earlier[-1].status not in (Status.CAPTURED, Status.CLAIMED):
        return []
    if not _POINTS_BACK.match(article.text, sentence.start, sentence.end):
        return []
    body = article.text[sentence.start : sentence.end]
    return [
        dataclasses.replace(
            earlier[-1], quote=body, quote_start=sentence.start, quote_end=sentence.end
        )
    ]


def _fallen_before(
    article: Article, sentence: _Sentence, events: list[Event], *, own: bool = True
) -> list[Event]:
    """ "Kunduz is the third provincial capital to fall in three days, after Sheberghan on
    Saturday and Taloqan on Sunday": each place after "after" fell on its own day. Unless
    ``own``, the events were told before and a place of their province still counts ("the
    second district in the province to fall, after Mardyan")."""
    text = article.text
    if text.find("after", sentence.start, sentence.end) < 0:
        return []
    match = _search(lx.FELL_AFTER, sentence.facts, sentence.start, sentence.end)
    if match is None or not events:
        return []
    elsewhere = _located_elsewhere(text, sentence)
    named = {e.province_iso for e in events} if own else set()
    body = text[sentence.start : sentence.end]
    found: list[Event] = []
    for mention in sentence.mentions:
        if mention.start < match.end() or id(mention) in elsewhere:
            continue
        if mention.place.iso in named or _is_role(text, mention, sentence):
            continue
        named.add(mention.place.iso)
        resolution = resolve_date_phrase(
            body, article_date=article.date, cue_at=mention.end - sentence.start
        )
        if resolution.basis == BASIS_ARTICLE_DATE:
            # "after Zaranj, Sheberghan and Taloqan": each fell before the one the sentence is
            # about, on some day the sentence does not give
            resolution = dataclasses.replace(
                resolution,
                precision=Precision.ON_OR_BEFORE,
                basis=f"{PAST_MENTION_BASIS}: on or before article date {resolution.date}",
            )
        found.append(
            dataclasses.replace(
                events[0],
                **_place_fields(mention),
                status=Status.CAPTURED,
                **_date_fields(resolution),
                confidence=round(BASE_CONFIDENCE["capture"] * INDIRECT_FACTOR, 2),
            )
        )
    return found


def _with_fall_before_retake(
    article: Article, sentence: _Sentence, events: list[Event]
) -> list[Event]:
    """The sentence's events with the fall its retake counts back to ("recaptured Burka
    yesterday, two days after it fell"), which replaces that fall read with no day of its own."""
    retakes = _dated_retakes(events)
    fall = _fallen_before_retake(article, sentence, events, retake=retakes[0]) if retakes else []
    if not fall:
        return events
    return [
        e for e in events if not (e.status is Status.CAPTURED and _fall_misdated(e, retakes[0]))
    ] + fall


def _dated_retakes(events: list[Event]) -> list[Event]:
    return [
        e
        for e in events
        if e.status is Status.RETAKEN and e.date_precision is _DAY and e.event_date is not None
    ]


def _fall_misdated(fall: Event, retake: Event) -> bool:
    """A fall of the retaken place the sentence gives no day before the retake's: it has only
    the article's day, or a day (the statement's) no earlier than the retake's."""
    return fall.province_iso == retake.province_iso and (
        fall.date_basis == BASIS_ARTICLE_DATE
        or (
            fall.event_date is not None
            and retake.event_date is not None
            and fall.event_date >= retake.event_date
        )
    )


def _fallen_before_retake(
    article: Article, sentence: _Sentence, events: list[Event], *, retake: Event
) -> list[Event]:
    """ "Government forces retook the Zhari district on Thursday, a week after losing it": the
    fall, counted back from the day of ``retake`` (the sentence's first dated retake)."""
    if any(
        e.status is Status.CLAIMED
        or (e.status is Status.CAPTURED and not _fall_misdated(e, retake))
        for e in events
    ):
        return []
    text = article.text
    if text.find(" after ", sentence.start, sentence.end) < 0:
        return []
    counted = lx.FELL_COUNTED_BEFORE.search(text, sentence.start, sentence.end)
    if counted is None or (counted.group("unit") is None and counted.group("own_day") is None):
        return []
    if counted.group("own_day") is not None:
        # "three days after losing it on July 20": the fall's own day, not a count
        own = resolve_date_phrase(
            text[sentence.start : sentence.end],
            article_date=article.date,
            cue_at=counted.end() - sentence.start,
        )
        if not own.phrase:
            return []
        dated = _date_fields(own)
    elif is_approximate(counted):
        dated = _date_fields(uncounted(counted))  # "more than two weeks after it fell"
    else:
        phrase = counted.group(0)
        dated = {
            "event_date": retake.event_date - dt.timedelta(days=days_counted(counted)),
            "date_precision": Precision.DAY,
            "date_basis": f"'{phrase}' before the retake on {retake.event_date}",
            "date_phrase": phrase,
        }
    return [
        dataclasses.replace(
            retake,
            status=Status.CAPTURED,
            actor=TALIBAN_ACTOR,
            **dated,
            confidence=round(BASE_CONFIDENCE["capture"] * INDIRECT_FACTOR, 2),
        )
    ]


def _gapped_places(
    article: Article, sentence: _Sentence, events: list[Event], *, reference: dt.date | None
) -> list[Event]:
    """ "Kishim fell on Monday, Almar on Tuesday and Khamyab a day later": the places after the
    first share its verb and its status, each on its own day."""
    if not events or len(sentence.mentions) < 2:
        return []
    text = article.text
    first = min(events, key=lambda e: e.place_start)
    cue_end = min((c.end for c in sentence.cues if c.start >= first.place_end), default=None)
    if cue_end is None or first.status not in (Status.CAPTURED, Status.RETAKEN, Status.CLAIMED):
        return []
    named = {(e.place_start, e.place_end) for e in events}
    body = text[sentence.start : sentence.end]
    found: list[Event] = []
    last_end = None
    for mention in sentence.mentions:
        if mention.start < cue_end or (mention.start, mention.end) in named:
            continue
        # each later place follows the previous one's day phrase: "on Monday, Almar on Tuesday"
        before = text[max(cue_end, mention.start - 40) : mention.start]
        day_match = lx.GAPPED_DAY.match(text, mention.end)
        if not lx.GAPPED_JOIN.search(before) or day_match is None:
            continue
        if last_end is not None and lx.CLAUSE_BREAK.search(text, last_end, mention.start):
            break
        day_at = day_match.end("aside") if day_match.group("aside") else mention.end
        day = resolve_date_phrase(
            body,
            article_date=article.date,
            cue_at=day_at - sentence.start + 1,
            reference=(found[-1].event_date if found else first.event_date) or reference,
        )
        found.append(
            dataclasses.replace(
                first,
                **_place_fields(mention),
                **_date_fields(day),
                confidence=round(first.confidence * INDIRECT_FACTOR, 2),
            )
        )
        last_end = mention.end
    return found


def _listed_after_colon(article: Article, sentence: _Sentence, events: list[Event]) -> list[Event]:
    """ "Districts that fell to the Taliban on Saturday: Shirin Tagab (Faryab), Gosfandi (Sar-e
    Pul) and Nahrin (Baghlan)": every place of the list after the colon shares the first one's
    event, each on the day its own brackets give ("Zaranj in Nimroz (July 23), Sheberghan in
    Jowzjan (July 24)"). Returns ``events`` with the list's places added."""
    if not events:
        return events
    text = article.text
    first = min(events, key=lambda e: e.place_start)
    colon = text.rfind(":", sentence.start, first.place_start)
    if colon < 0 or not lx.LIST_LEAD_CUE.search(text, sentence.start, colon):
        return events
    after = colon + 1
    listed = _collapse(text[after : sentence.end], sentence, after, sentence.end, token="PLACE")
    if not lx.PLACE_LIST_ITEMS.fullmatch(listed):
        # each item's own day in brackets: "Sar-e Pul (July 25), Taloqan in Takhar (July 26)"
        undated = _ITEM_BRACKETS.sub("", listed)
        if undated == listed or not lx.PLACE_LIST_ITEMS.fullmatch(undated):
            return events  # a clause after the colon, not a list of places
    told = {e.province_iso for e in events if e.status is first.status}
    kept = list(events)
    for mention in sentence.mentions:
        if mention.start <= colon:
            continue
        day = _item_day(article, sentence, mention)
        if mention.start == first.place_start:
            if day is not None:
                kept[kept.index(first)] = dataclasses.replace(first, **_date_fields(day))
            continue
        if mention.place.iso in told:
            continue
        told.add(mention.place.iso)
        dated = _date_fields(day) if day is not None else {}
        kept.append(
            dataclasses.replace(
                first,
                **_place_fields(mention),
                **dated,
                confidence=round(first.confidence * INDIRECT_FACTOR, 2),
            )
        )
    return kept


# Brackets after a list item that hold no place: its day, maybe with a note ("(24 July;
# retaken on 31 July)").
_ITEM_BRACKETS = re.compile(r"\s*\((?!PLACE\))[^()]*\)")


def _item_day(
    article: Article, sentence: _Sentence, mention: _MentionLike
) -> DateResolution | None:
    """The day in the brackets that close a list item: "Zaranj in Nimroz (July 23)" for
    Zaranj and Nimroz alike, never a later item's."""
    text = article.text
    opening = text.find("(", mention.end, sentence.end)
    if opening < 0 or text.find(";", mention.end, opening) >= 0:
        return None
    if any(
        m.place.iso != mention.place.iso and mention.end <= m.start < opening
        for m in sentence.mentions
    ):
        return None
    closing = text.find(")", opening, sentence.end)
    if closing < 0:
        return None
    inside = text[opening + 1 : closing].split(";", 1)[0]
    told = resolve_date_phrase(inside, article_date=article.date, cue_at=0)
    return _single_day(told)


def _has_status_cue(sentence: _Sentence) -> bool:
    # Only "fled", "closing in on" and the like: nothing can bind to an event.
    return any(cue.kind in lx.STATUS_OF_KIND for cue in sentence.cues)


def _fighting_goes_on(article: Article, sentence: _Sentence, events: list[Event]) -> list[Event]:
    """A claim, "but the ministry said fighting was continuing": the place is fought for too."""
    text = article.text
    provinces = {e.province_iso for e in events}
    if len(provinces) != 1:
        return []
    body = text[sentence.start : sentence.end]
    match = None
    if _fighting_continues(body):
        match = _search(lx.CONTINUING, sentence.facts, sentence.start, sentence.end)
    if match is None and _attack_repelled(body):
        # "..., but a police spokesman said the attackers had been pushed back"
        match = _search(lx.ATTACK_REPELLED, sentence.facts, sentence.start, sentence.end)
    if match is None or any(m.start >= match.start() for m in sentence.mentions):
        return []
    if _ELSEWHERE.match(text, match.end(), sentence.end):
        return []  # "; battles continue elsewhere in the country": not for this place
    if any(e.status is Status.CONTESTED for e in events):
        return []
    return [_fighting_copy(events[0], since=_continuing_date(article, sentence, match.start()))]


_ELSEWHERE = re.compile(
    r"[^.;:]{0,30}?\b(?:elsewhere|(?:in\s+)?(?:other|several|many|two|three|four|five)\s+"
    r"(?:other\s+)?(?:parts|districts|provinces|areas|cities|regions)"
    r"|across\s+the\s+(?:country|province|north|south|east|west)|around\s+the\s+country"
    r"|nationwide)\b",
    re.IGNORECASE,
)


def _fighting_told(article: Article, sentence: _Sentence, event: Event) -> list[Event]:
    """The fighting a follow-up says goes on for ``event``'s place: on the event's day, and on
    the day the sentence names for it when that is another ("fighting was continuing on
    Sunday")."""
    fighting = _fighting_copy(event)
    day = _fighting_day(article, sentence)
    if day is None or day.date == event.event_date:
        return [fighting]
    return [fighting, _fighting_copy(event, since=day)]


def _fighting_day(article: Article, sentence: _Sentence) -> DateResolution | None:
    """ "Local officials denied it on Monday, saying fighting was still going on": the day the
    sentence says the fighting goes on, when it names one (else the claim's own day stands)."""
    going_on = _search(lx.CONTINUING, sentence.facts, sentence.start, sentence.end)
    if going_on is None:
        return None
    body = article.text[sentence.start : sentence.end]
    told = resolve_date_phrase(
        body, article_date=article.date, cue_at=going_on.start() - sentence.start
    )
    return _single_day(told)


def _single_day(told: DateResolution) -> DateResolution | None:
    """``told`` when a phrase in the text names one day, else ``None``."""
    return told if told.phrase and told.precision == Precision.DAY else None


def _continuing_date(article: Article, sentence: _Sentence, at: int) -> DateResolution | None:
    """ "...; the spokesman said fighting was still going on": the day the fighting is said to
    go on, when its clause (after a ";" or "but") names one or none, else ``None``."""
    text = article.text
    clause_start = max(
        text.rfind(";", sentence.start, at),
        text.rfind(" but ", sentence.start, at),
        text.rfind(", while ", sentence.start, at),
    )
    if clause_start < 0:
        return None
    body = text[clause_start : sentence.end]
    return resolve_date_phrase(body, article_date=article.date, cue_at=at - clause_start)


def _fighting_continues(body: str) -> bool:
    # Every CONTINUING phrase names fighting, clashes or battles: skip the regex without them.
    named = "ighting" in body or "lashes" in body or "attle" in body or "unfight" in body
    return named and bool(lx.CONTINUING.search(body))


def _attack_repelled(body: str) -> bool:
    # "the attack had been repelled": the place was fought for, whatever the claim said.
    return (
        "repel" in body or "repuls" in body or "beaten back" in body or "pushed back" in body
    ) and bool(lx.ATTACK_REPELLED.search(body))


def _fighting_copy(event: Event, *, since: DateResolution | None = None) -> Event:
    """The fighting for the place ``event`` is about, on ``since``'s day when given."""
    fighting = dataclasses.replace(
        event,
        status=Status.CONTESTED,
        actor=TALIBAN_ACTOR,
        confidence=round(BASE_CONFIDENCE["contest"] * INDIRECT_FACTOR, 2),
    )
    if since is None:
        return fighting
    return dataclasses.replace(
        fighting,
        **_date_fields(since),
    )


def _is_skipped_sentence(body: str) -> bool:
    stripped = body.rstrip(" \"'”’")
    if stripped.endswith("?"):
        return True
    # Every photo credit has a "/" or a "(": skip the end-anchored regex without them.
    return ("/" in body or "(" in body) and bool(lx.PHOTO_CREDIT.search(body))


def _bindings(text: str, sentence: _Sentence) -> list[_Binding]:
    routes = {id(m) for m in sentence.mentions if _names_a_road(text, sentence, m)}
    routes |= _located_elsewhere(text, sentence)
    roles = {id(m) for m in sentence.mentions if _is_role(text, m, sentence)} - routes
    skipped = roles | routes  # the same for every cue below: built once
    # "Officials in Kabul said the city had fallen": the government's seat is where it speaks
    # from, never the city a back-reference means
    seat = {id(m) for m in sentence.mentions if id(m) in roles and _in_the_seat(text, m)}
    speakers = [m for m in sentence.mentions if id(m) in roles and id(m) not in seat]
    bindings: list[_Binding] = []
    bound_cues: set[_Cue] = set()
    # "KABUL -- Officials said ... had fallen": where the report was filed took nothing
    dateline_end = _dateline_end(text, sentence)
    for mention in sentence.mentions:
        if id(mention) in roles or id(mention) in routes or mention.end <= dateline_end:
            continue
        cue = _binding_cue(text, sentence, mention)
        if cue is not None:
            bound_cues.add(cue)
            bindings.append(_Binding(mention, cue))
    bindings = _without_capital_appositives(text, bindings)
    # "Residents of Kunduz said the Taliban captured the city": the object points back.
    for cue in sentence.cues:
        if cue in bound_cues or cue.kind not in lx.STATUS_OF_KIND:
            continue
        facts = sentence.facts
        object_back = _match(lx.BACK_REFERENCE, facts, cue.end, sentence.end)
        subject_match = (
            _back_reference_subject(sentence, cue) if cue.kind in lx.SUBJECT_KINDS else None
        )
        subject_back = subject_match is not None
        refers_back = bool(object_back) or subject_back
        role_mentions = speakers  # only ever rebound below, never changed in place
        definite = subject_back or bool(
            object_back and facts.twin(lx.DEFINITE).search(object_back.group(0))
        )
        if definite and not role_mentions:
            # "Fighters patrolled Khanabad, a day after the district was overrun", "retook
            # Kahmard after it briefly fell": the reference is to a place named before it,
            # and "the district" never to a capital ("KABUL (AP) - ... seizing the district
            # headquarters"; a province may hold the district)
            districts_only = (
                object_back is not None and _names_a_district(object_back.group(0))
            ) or (
                # "lawmaker ... from Faizabad said the districts had fallen": never the city
                subject_match is not None
                and _names_a_district(text[subject_match.start() : subject_match.end()])
            )
            # "In Kabul, a spokesman said forces would retake the area": an area is never the
            # seat of government the report comes from
            area = object_back is not None and object_back.group(0).lower().endswith("area")
            # a wire dateline's city is where the report was filed: "the city" may be it
            # ("GHAZNI - Militants attacked the outskirts of the eastern city"), a crossing is not
            # ("KABUL, Afghanistan (AP) - ... have seized the main border crossing")
            dateline = (
                dateline_end
                if object_back is not None and not _names_a_city(object_back.group(0))
                else sentence.start
            )
            role_mentions = [
                m
                for m in sentence.mentions
                if m.end <= cue.start
                and id(m) not in routes
                and id(m) not in seat
                and m.start >= dateline
                and not (districts_only and _kind(m) == "capital")
                and not (area and getattr(m.place, "national_capital", False))
            ]
        if cue.kind == "capture_both" and not refers_back:
            # "The governor of Ghazni surrendered to the Taliban": the office stands for the city
            role_mentions = [
                m
                for m in role_mentions
                if m.end <= cue.start
                and not facts.twin(lx.CLAUSE_BREAK).search(
                    _collapse(facts.scanned(m.end, cue.start), sentence, m.end, cue.start)
                )
            ]
            refers_back = bool(role_mentions)
        if role_mentions and refers_back and role_mentions is speakers:
            # "The Taliban attacked Ghazni ... and fighting went on near the governor's compound,
            # officials in Kabul said": the place of the sentence's other event, not the speaker's
            bound = {id(b.mention) for b in bindings}
            scene = [m for m in sentence.mentions if m.end <= cue.start and id(m) in bound]
            role_mentions = scene or role_mentions
        if role_mentions and refers_back:
            nearest = min(
                _without_province_locators(facts, sentence, role_mentions),
                key=lambda m: abs(m.start - cue.start),
            )
            bindings.append(_Binding(nearest, cue, indirect=True))
        elif (relative := _relative_place(text, sentence, cue, routes)) is not None:
            # "Residents of the Khamyab district, which the Taliban overran": a relative clause
            # is about its place, whoever the place's people are
            bindings.append(_Binding(relative, cue, indirect=True))
        elif (scene := _where_place(sentence, cue)) is not None:
            bindings.append(_Binding(scene, cue, indirect=True))
        elif (named := _named_after_fall(sentence, cue, skipped)) is not None:
            bindings.append(_Binding(named, cue))
        elif (subject := _subject_before_parenthetical(sentence, cue, skipped)) is not None:
            bindings.append(_Binding(subject, cue))
        elif (taken := _retaken_from_them(text, cue, bindings)) is not None:
            bindings.append(_Binding(taken, cue, indirect=True))
        elif (shared := _shared_subject(text, sentence, cue, bindings)) is not None:
            bindings.append(_Binding(shared.mention, cue, indirect=shared.indirect))
        elif (fronted := _fronted_place(text, sentence, cue, skipped)) is not None:
            bindings.append(_Binding(fronted, cue, indirect=True))
        elif lx.STATUS_OF_KIND.get(cue.kind) == "contested" and _search(
            lx.DESPITE_BEFORE, facts, _window_start(sentence, cue), cue.start
        ):
            earlier = [m for m in sentence.mentions if m.end <= cue.start and id(m) not in roles]
            if earlier:
                bindings.append(_Binding(earlier[-1], cue, indirect=True))
        elif (denied := _denied_fall_place(sentence, cue, bindings)) is not None:
            bindings.append(_Binding(denied, cue, indirect=True))
        elif (held := _defenders_place(text, sentence, cue, routes)) is not None:
            bindings.append(_Binding(held, cue, indirect=True))
    return bindings


# The defenders' verb just before an attack: "repulsed an attack", "fought off a Taliban assault".
_REPELLED_BEFORE = re.compile(
    r"\b(?:repell?ed|repulsed|fought\s+off|fighting\s+off|beat\s+back|beaten\s+back|pushed\s+back"
    r"|defeated|warded\s+off|foiled"
    # "are holding out against a Taliban assault", "still holding the district centre after"
    r"|holding\s+out\s+against|holding\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?(?:after|against))"
    r"\s+(?:an?\s+|the\s+|another\s+)?(?:[\w’'-]+\s+){0,3}$",
    re.IGNORECASE,
)


def _defenders_place(
    text: str, sentence: _Sentence, cue: _Cue, routes: set[int]
) -> _MentionLike | None:
    """ "Government forces in Laghman's Alingar district repulsed an attack on Saturday": an
    attack the forces in a place fought off, naming no place of its own, was on that place."""
    if lx.STATUS_OF_KIND.get(cue.kind) != "contested" or not sentence.mentions:
        return None
    if any(
        m.start >= cue.start and id(m) not in routes and not _is_role(text, m, sentence)
        for m in sentence.mentions
    ):
        return None  # "repulsed an attack on Ghazni": the attack names its own place
    verb = _REPELLED_BEFORE.search(text, max(sentence.start, cue.start - 60), cue.start)
    if verb is None:
        return _defended_place(text, sentence, cue, routes)
    held = [
        m
        for m in sentence.mentions
        if m.end <= verb.start()
        and id(m) not in routes
        and lx.FORCES_IN_BEFORE.search(text, max(sentence.start, m.start - 60), m.start)
    ]
    if not held:
        return None
    place = held[-1]
    for mention in sentence.mentions:
        if mention.start > place.end and _POSSESSIVE_GAP.fullmatch(text, place.end, mention.start):
            place = mention  # "forces in Laghman's Alingar district": the district
    if place.end > verb.start() or getattr(place.place, "national_capital", False):
        return None  # (never the seat: "forces in Kabul repelled an attack" on a ministry)
    return place if _DEFENDERS_TAIL.fullmatch(text, place.end, verb.start()) else None


_POSSESSIVE_GAP = re.compile(r"['’]s\s+")
# "the commander in charge of defending |Kandahar's Arghandab district", "the defence of |Ghazni"
_DEFENDING_BEFORE = re.compile(
    r"\b(?:defending|defen[cs]e\s+of)\s+(?:the\s+)?(?:(?:city|town|district)\s+of\s+)?$",
    re.IGNORECASE,
)


def _defended_place(
    text: str, sentence: _Sentence, cue: _Cue, routes: set[int]
) -> _MentionLike | None:
    """ "The commander in charge of defending Kandahar's Arghandab district was killed on Friday
    in a Taliban attack on his post": an attack, naming no place, on those defending one."""
    if not _ATTACK_NOUN.match(text, cue.start, cue.end):
        return None
    defended = [
        m
        for m in sentence.mentions
        if m.end <= cue.start
        and id(m) not in routes
        and _DEFENDING_BEFORE.search(text, max(sentence.start, m.start - 40), m.start)
    ]
    if not defended:
        return None
    place = defended[-1]
    for mention in sentence.mentions:
        if mention.start > place.end and _POSSESSIVE_GAP.fullmatch(text, place.end, mention.start):
            place = mention
    return None if getattr(place.place, "national_capital", False) else place


_ATTACK_NOUN = re.compile(r"(?:attacks?|assaults?)\b", re.IGNORECASE)


# What may stand between the defenders' place and their verb: "district", a province, "have".
_DEFENDERS_TAIL = re.compile(
    r"(?:\s+(?:district|city|town|province|district\s+cent(?:re|er)))?"
    r"(?:\s*,\s*(?:in|of)\s+[\w’'-]+(?:\s+province)?\s*,|\s+(?:in|of)\s+[\w’'-]+(?:\s+province)?"
    # "forces in Chaghcharan, the capital of Ghor, repelled"
    r"|\s*,\s*the\s+(?:provincial\s+)?capital\s+of\s+[\w’'-]+(?:\s+province)?\s*,)?"
    r"\s+(?:(?:have|has|had|on\s+\w+day|late\s+on\s+\w+day|overnight|also|successfully"
    # "... district say they are still holding"
    r"|says?\s+(?:that\s+)?they\s+(?:are|were|have\s+been|had)(?:\s+still)?|are|is|were|still)\s+)*",
    re.IGNORECASE,
)


def _denied_fall_place(
    sentence: _Sentence, cue: _Cue, bindings: list[_Binding]
) -> _MentionLike | None:
    """ "Qarghayi had not fallen, though fighting was continuing around the district
    headquarters": fighting told after a denied fall, naming no place, is the fight for it."""
    if lx.STATUS_OF_KIND.get(cue.kind) != "contested":
        return None
    denied = [
        b.mention
        for b in bindings
        if b.cue.end <= cue.start
        and lx.STATUS_OF_KIND.get(b.cue.kind) == "captured"
        and _reading(sentence, b.cue).negated(sentence.facts)
    ]
    return denied[-1] if denied else None


def _in_the_seat(text: str, mention: _MentionLike) -> bool:
    """ "officials in Kabul", "told reporters in Kabul": a speaker in the national capital."""
    return bool(getattr(mention.place, "national_capital", False)) and bool(
        _IN_OR_FROM_BEFORE.search(text, max(0, mention.start - 6), mention.start)
    )


_IN_OR_FROM_BEFORE = re.compile(r"\b(?:in|from)\s+$", re.IGNORECASE)


def _without_capital_appositives(text: str, bindings: list[_Binding]) -> list[_Binding]:
    """ "seized the police headquarters in Lashkar Gah, the capital of southern Helmand
    province": the province only says whose capital the city is; the city's event stands."""
    if len(bindings) < 2 or all(_kind(b.mention) != "province" for b in bindings):
        return bindings
    return [
        b
        for b in bindings
        if not (
            _kind(b.mention) == "province"
            and _CAPITAL_OF_BEFORE.search(text, max(0, b.mention.start - 40), b.mention.start)
            and any(
                other.cue == b.cue
                and other.mention.place.iso == b.mention.place.iso
                and other.mention.end <= b.mention.start
                for other in bindings
            )
        )
    ]


def _retaken_from_them(text: str, cue: _Cue, bindings: list[_Binding]) -> _MentionLike | None:
    """ "overran Qala-e-Naw on Friday, only for commandos to drive them out early Saturday":
    "them" are the fighters of the capture told before, driven out of the place they took; in
    "took Khamyab on Saturday, lost it on Sunday", "it" is the place they took."""
    lost_it = (
        _BARE_LOSS.fullmatch(text, cue.start, cue.end) is not None
        and _IT_AFTER.match(text, cue.end) is not None
    )
    if not lost_it and text.find(" them", cue.start, cue.end) < 0:
        return None
    taken = [
        b.mention
        for b in bindings
        if b.cue.end <= cue.start and lx.STATUS_OF_KIND.get(b.cue.kind) == "captured"
    ]
    return taken[0] if taken else None


# The bare verb of a loss, read by who lost ("lost it", never "lost control of")
_BARE_LOSS = re.compile(r"los(?:t|ing)", re.IGNORECASE)
_IT_AFTER = re.compile(r"\s+it\b(?!['’]s)")


def _names_a_city(reference: str) -> bool:
    lowered = reference.lower()
    return any(word in lowered for word in ("city", "town", "capital"))


def _names_a_district(reference: str) -> bool:
    # a city's "Police District 4" is the city's
    lowered = reference.lower()
    return "district" in lowered and not any(w in lowered for w in ("city", "capital", "police"))


def _located_elsewhere(text: str, sentence: _Sentence) -> frozenset[int]:
    """Ids of the mentions that are no scene of the sentence: destinations, the places a
    distance is measured from and names a province beside them puts elsewhere."""
    facts = sentence.facts
    if facts.elsewhere is None:
        facts.elsewhere = frozenset(
            _destinations(text, sentence)
            | _locators(text, sentence)
            | _placed_by_another_province(sentence)
        )
    return facts.elsewhere


def _destinations(text: str, sentence: _Sentence) -> set[int]:
    """Ids of the mentions that only say where people went, and the places locating them."""
    found: set[int] = set()
    if not _may_name_destination(text, sentence.start, sentence.end):
        return found
    previous: _MentionLike | None = None
    for mention in sentence.mentions:
        located = (
            previous is not None
            and id(previous) in found
            and (
                lx.LOCATING_GAP.fullmatch(text, previous.end, mention.start)
                or lx.COORDINATION_GAP.fullmatch(text, previous.end, mention.start)
            )
        )
        if located or _after_destination_word(text, sentence, mention):
            found.add(id(mention))
        previous = mention
    return found


def _locators(text: str, sentence: _Sentence) -> set[int]:
    """Ids of the mentions that only say how far from them another named place lies."""
    found: set[int] = set()
    unnamed = _may_name_unnamed_place(sentence)
    for index, mention in enumerate(sentence.mentions):
        window_start = max(sentence.start, mention.start - LOOK_BACK_CHARS)
        if unnamed and _after_unnamed_place(text, sentence, window_start, mention):
            found.add(id(mention))
            continue
        if index > 0 and _in_locating_appositive(text, sentence.mentions[index - 1], mention):
            found.add(id(mention))  # "the Dand district, on the southern edge of Kandahar city,"
            continue
        near = max(sentence.start, mention.start - 6)
        # "The district is only 30 kilometres from Kabul": a distance is never the scene, even
        # as the sentence's only place
        from_distance = text.find(" from", near, mention.start) >= 0
        if not from_distance and (index == 0 or text.find(" of", near, mention.start) < 0):
            continue
        if lx.LOCATOR_BEFORE.search(text, window_start, mention.start):
            found.add(id(mention))
    return found


def _in_locating_appositive(text: str, place: _MentionLike, mention: _MentionLike) -> bool:
    """Whether ``mention`` only says where ``place``, named just before it, lies."""
    if mention.place.iso != place.place.iso or mention.place.kind == "province":
        return False  # a province after a town is handled as its locator elsewhere
    aside = lx.LOCATOR_APPOSITIVE.match(text, place.end)
    return (
        aside is not None
        and aside.end() >= mention.end
        and _EDGE_OF.search(aside.group(0)) is not None
    )


_EDGE_OF = re.compile(r"\b(?:edges?|outskirts|fringes?)\s+of\b", re.IGNORECASE)


def _placed_by_another_province(sentence: _Sentence) -> set[int]:
    """Ids of the mentions whose name the gazetteer gives to one province and the writer, by a
    province right beside it, to another: in "the Arghandab district of Zabul" the district is
    Zabul's (the gazetteer knows Kandahar's), so only Zabul is the scene."""
    found: set[int] = set()
    mentions = sentence.mentions
    if len(mentions) < 2:
        return found
    facts = sentence.facts
    for place, other in itertools.pairwise(mentions):
        if place.place.iso == other.place.iso:
            continue
        if other.place.kind == "province" and _located_after(facts, sentence, place, other):
            found.add(id(place))
        elif (
            place.place.kind == "province"
            and other.place.kind != "province"
            and facts.twin(lx.POSSESSIVE_GAP).fullmatch(facts.scanned(place.end, other.start))
        ):
            found.add(id(other))  # "Zabul's Arghandab district"
    return found


def _located_after(
    facts: _SentenceFacts, sentence: _Sentence, place: _MentionLike, province: _MentionLike
) -> bool:
    """ "Arghandab district of Zabul", "Tagab (Badakhshan)", "Khost district of Baghlan"."""
    province_name = place.place.kind == "province"
    gap_pattern = lx.DISTRICT_OF_PROVINCE_GAP if province_name else lx.OTHER_PROVINCE_GAP
    gap = facts.twin(gap_pattern).fullmatch(facts.scanned(place.end, province.start))
    if gap is None:
        return False
    if not gap.group().rstrip().endswith("("):
        return True
    after = facts.scanned(province.end, sentence.end)
    return facts.twin(lx.BRACKET_CLOSE_AFTER).match(after) is not None


def _may_name_unnamed_place(sentence: _Sentence) -> bool:
    """Whether the sentence has a word an unnamed place needs ("a district", "two villages")."""
    lowered = sentence.facts.lowered
    if lowered is None:
        return True
    return any(
        lowered.find(word, sentence.start, sentence.end) >= 0
        for word in ("district", "town", "village")
    )


def _after_unnamed_place(
    text: str, sentence: _Sentence, window_start: int, mention: _MentionLike
) -> bool:
    """ "captured a district just outside Kabul": the place only locates one left unnamed."""
    lowered = sentence.facts.lowered
    if lowered is not None and not (
        lowered.find("district", window_start, mention.start) >= 0
        or lowered.find("town", window_start, mention.start) >= 0
        or lowered.find("village", window_start, mention.start) >= 0
    ):
        return False  # every unnamed place is a district, a town or a village
    near = (
        text.find(" of", max(sentence.start, mention.start - 6), mention.start) >= 0
        or text.find("outside", window_start, mention.start) >= 0
        or text.find("near", window_start, mention.start) >= 0
        or text.find("around", window_start, mention.start) >= 0
        or bool(lx.DOORSTEP_AFTER.match(text, mention.end, sentence.end))
    )
    return near and bool(
        _search(lx.UNNAMED_LOCATED_BEFORE, sentence.facts, window_start, mention.start)
    )


def _may_name_destination(text: str, start: int, end: int) -> bool:
    # Every destination phrase ends in "to", "toward", "for" or "from": skip the regex without.
    return (
        text.find(" to", start, end) >= 0
        or text.find(" for", start, end) >= 0
        or text.find(" from", start, end) >= 0
    )


def _after_destination_word(text: str, sentence: _Sentence, mention: _MentionLike) -> bool:
    window_start = max(sentence.start, mention.start - 60)
    if not _may_name_destination(text, window_start, mention.start):
        return False
    return bool(_search(lx.DESTINATION_BEFORE, sentence.facts, window_start, mention.start))


def _names_a_road(text: str, sentence: _Sentence, mention: _MentionLike) -> bool:
    """ "the Kandahar-Herat highway", "the highway between Kabul and Kandahar"."""
    if lx.ROUTE_AFTER.match(text, mention.end, sentence.end):
        return True
    window_start = max(sentence.start, mention.start - 60)
    # a road word first: the regex is end-anchored, so it would try every offset
    return _ROAD_WORD.search(text, window_start, mention.start) is not None and bool(
        _search_slice(lx.ROUTE_BEFORE, sentence.facts, window_start, mention.start)
    )


def _fronted_place(
    text: str, sentence: _Sentence, cue: _Cue, skipped: set[int]
) -> _MentionLike | None:
    """ "In the western city of Herat, Taliban fighters attacked ...": the scene of the cue."""
    status = lx.STATUS_OF_KIND.get(cue.kind)
    if status not in ("contested", "captured") or not sentence.mentions:
        return None
    if (
        status == "captured"
        and not lx.UNNAMED_DISTRICT_OBJECT.match(text, cue.end, sentence.end)
        and not lx.CITY_PART_OBJECT.match(text, cue.end, sentence.end)
        # "In Lashkar Gah, Taliban fighters seized the provincial prison"
        and not lx.BUILDING_OBJECT.match(text, cue.end, sentence.end)
    ):
        return None  # "In Paktika province, the Taliban seized Gomal district": a district of it
    first = sentence.mentions[0]
    if id(first) in skipped or first.end > cue.start:
        return None
    if not lx.FRONTED_PLACE.fullmatch(text, sentence.start, first.start):
        return None
    if not lx.FRONTED_PLACE_END.match(text, first.end, cue.start):
        return None
    # the cue has no place of its own after it in the sentence (a speaker's is none: "..., a
    # Helmand lawmaker said")
    if any(m.start >= cue.end and not _is_role(text, m, sentence) for m in sentence.mentions):
        return None
    return first


def _window_start(sentence: _Sentence, cue: _Cue) -> int:
    # End-anchored look-backs ("the district had been", "despite days of") are short: searching
    # the whole sentence before the cue would cost a regex attempt at every character.
    return max(sentence.start, cue.start - LOOK_BACK_CHARS)


def _back_reference_subject(sentence: _Sentence, cue: _Cue) -> re.Match[str] | None:
    """ "the city fell", and across an aside between them: "The town, which lies on the road
    to Chaman, fell", "The city, officials said, had been overrun"."""
    facts = sentence.facts
    found = _search(lx.BACK_REFERENCE_BEFORE, facts, _window_start(sentence, cue), cue.start)
    if found is not None or facts.text.rfind(",", sentence.start, cue.start) < 0:
        return found
    aside = _ASIDE_BEFORE.search(facts.text, sentence.start, cue.start)
    if aside is None:
        return None
    window_start = max(sentence.start, aside.start() - LOOK_BACK_CHARS)
    return lx.BACK_REFERENCE_BEFORE_ASIDE.search(facts.text, window_start, aside.start())


# An aside set off by commas just before the verb, its auxiliaries after it ("160,000" is
# one number, not two commas).
_ASIDE_BEFORE = re.compile(
    r",\s+(?:[^,;:.!?\"“”()]|(?<=\d),(?=\d{3}))(?:[^,;:!?\"“”()]|(?<=\d),(?=\d{3})){1,120},\s+"
    r"(?:(?:has|had|have|was|is|now|also|already|briefly|quickly|finally|then|been)\s+){0,3}$"
)


def _relative_antecedent(text: str, sentence: _Sentence, cue: _Cue) -> _MentionLike | None:
    """In "recaptured Kalafgan district, which had fallen", the place before "which"."""
    return _place_before_relative(sentence, cue, lx.RELATIVE_AFTER_PLACE)


def _place_before_relative(
    sentence: _Sentence, cue: _Cue, gap_pattern: re.Pattern[str]
) -> _MentionLike | None:
    """The last place before the cue when all between them is ``gap_pattern`` (", which")."""
    earlier = [m for m in sentence.mentions if m.end <= cue.start]
    if not earlier:
        return None
    facts = sentence.facts
    mention = earlier[-1]
    if len(earlier) > 1:
        # "Guzara district, on Herat city's southern edge, which the insurgents had seized": the
        # place an appositive locates is the one the clause is about
        before = earlier[-2]
        aside = facts.twin(lx.LOCATOR_APPOSITIVE).match(facts.scanned(before.end, cue.start))
        if aside is not None and before.end + aside.end() > mention.start:
            rest = facts.scanned(before.end + aside.end(), cue.start)
            if facts.twin(gap_pattern).fullmatch(rest):
                return before
        if _locates_by_province(facts, before, mention):
            # "Doshi in Baghlan Province, which was recaptured": the clause is about Doshi
            gap = facts.scanned(mention.end, cue.start)
            return before if facts.twin(gap_pattern).fullmatch(gap) else None
        if mention.place.kind == "province" and mention.place.iso == before.place.iso:
            # "Kishim, the Badakhshan district that the Taliban overran": the province only
            # describes the place the appositive is about
            gap = _collapse(facts.scanned(before.end, cue.start), sentence, before.end, cue.start)
            if facts.twin(gap_pattern).fullmatch(gap):
                return before
    gap = facts.scanned(mention.end, cue.start)
    return mention if facts.twin(gap_pattern).fullmatch(gap) else None


def _locates_by_province(facts: _SentenceFacts, place: _MentionLike, locator: _MentionLike) -> bool:
    """Whether ``locator`` is the province of ``place`` named right after it ("in Baghlan")."""
    return (
        locator.place.kind == "province"
        and place.place.kind != "province"
        and locator.place.iso == place.place.iso
        and facts.twin(lx.PROVINCE_LOCATOR_GAP).fullmatch(facts.scanned(place.end, locator.start))
        is not None
    )


def _without_province_locators(
    facts: _SentenceFacts, sentence: _Sentence, mentions: list[_MentionLike]
) -> list[_MentionLike]:
    """ "Residents in Bangi district of Takhar said ... the district compound": the district, not
    the province that locates it (which is nearer the cue)."""
    if len(mentions) < 2:
        return mentions
    named = sentence.mentions
    located = {
        id(named[index])
        for index in range(1, len(named))
        if _locates_by_province(facts, named[index - 1], named[index])
    }
    return [m for m in mentions if id(m) not in located] or mentions


def _relative_place(
    text: str, sentence: _Sentence, cue: _Cue, skipped: set[int]
) -> _MentionLike | None:
    """The place a relative clause holding the cue is about: "Kalafgan district, which had
    fallen" (its subject), "Spin Boldak, which the Taliban seized" (its object)."""
    if cue.kind in lx.SUBJECT_KINDS and (found := _relative_antecedent(text, sentence, cue)):
        return found
    if cue.kind in lx.OBJECT_KINDS:
        return _relative_object(sentence, cue, skipped)
    return None


def _inside_parenthetical(text: str, sentence: _Sentence, mention: _MentionLike, cue: _Cue) -> bool:
    """Whether the place sits in a relative clause closed by a comma before the cue."""
    if text.find(",", mention.end, cue.start) < 0:
        return False
    opener = text.rfind(",", sentence.start, mention.start)
    return opener >= 0 and bool(lx.PARENTHETICAL_OPENER.match(text, opener, mention.start))


def _shared_subject(
    text: str, sentence: _Sentence, cue: _Cue, bindings: list[_Binding]
) -> _Binding | None:
    """ "the district had fallen on Wednesday but was retaken on Thursday": a second verb
    joined by "but" or "and" shares the first one's subject."""
    if cue.kind not in lx.SUBJECT_KINDS:
        return None
    join = lx.SHARED_SUBJECT_JOIN.search(text, max(sentence.start, cue.start - 20), cue.start)
    if join is None:
        return None
    earlier = [b for b in bindings if b.cue.end <= cue.start and b.cue.kind in lx.SUBJECT_KINDS]
    if not earlier:
        return None
    first = max(earlier, key=lambda b: b.cue.end)
    # nothing but the first verb's own clause between them: no new subject
    if lx.CLAUSE_BREAK.search(text, first.cue.end, join.start()):
        return None
    return first


def _subject_before_parenthetical(
    sentence: _Sentence, cue: _Cue, skipped: set[int]
) -> _MentionLike | None:
    """In "Deh Yak district, lost to the Taliban on Tuesday, had been retaken", the place
    before the parenthetical is the subject of the verb after it (the parenthetical's own cue
    took the place first)."""
    if cue.kind not in lx.SUBJECT_KINDS:
        return None
    facts = sentence.facts
    for mention in reversed([m for m in sentence.mentions if m.end <= cue.start]):
        if id(mention) in skipped:
            continue
        gap = facts.scanned(mention.end, cue.start)
        collapsed = _collapse(gap, sentence, mention.end, cue.start)
        if facts.twin(lx.PARENTHETICAL_GAP).fullmatch(collapsed):
            return mention
    return None


def _named_after_fall(sentence: _Sentence, cue: _Cue, skipped: set[int]) -> _MentionLike | None:
    """ "The first provincial capital to fall was Zaranj": the place the verb names after it."""
    if cue.kind != "capture_intrans":
        return None
    facts = sentence.facts
    if not _search(lx.ORDINAL_BEFORE_FALL, facts, _window_start(sentence, cue), cue.start):
        return None
    later = [m for m in sentence.mentions if m.start >= cue.end]
    start = cue.end
    if later and _IN_GAP.fullmatch(sentence.facts.text, cue.end, later[0].start):
        start = later[0].end  # "The first district to fall in Ghor was Pasaband"
        later = later[1:]
    if not later or id(later[0]) in skipped:
        return None
    gap = facts.scanned(start, later[0].start)
    return later[0] if facts.twin(lx.FALL_WAS_GAP).fullmatch(gap) else None


_IN_GAP = re.compile(r"\s+in\s+(?:the\s+)?")


def _where_place(sentence: _Sentence, cue: _Cue) -> _MentionLike | None:
    """ "moved on Taiwara, where clashes continue", "Lashkar Gah, where fighting raged on
    Saturday": the fighting of a "where" clause is the place's before it."""
    if lx.STATUS_OF_KIND.get(cue.kind) != "contested":
        return None
    # the clause says what happens in the place, however the sentence came to it: "flown to
    # Pul-e-Khumri, where heavy fighting was reported", "people from Kunduz, where ..."
    return _place_before_relative(sentence, cue, lx.WHERE_AFTER_PLACE)


def _relative_object(sentence: _Sentence, cue: _Cue, skipped: set[int]) -> _MentionLike | None:
    """In "to retake Spin Boldak, which the Taliban seized on Wednesday", the place before
    "which" is what the cue's subject took; so too "the border town in Kandahar province that
    the Taliban seized", with no comma after a name ending in its kind."""
    mention = _place_before_relative(sentence, cue, lx.RELATIVE_OBJECT_AFTER_PLACE)
    if mention is None:
        mention = _bare_relative_place(sentence, cue)
    return None if mention is None or id(mention) in skipped else mention


def _bare_relative_place(sentence: _Sentence, cue: _Cue) -> _MentionLike | None:
    earlier = [m for m in sentence.mentions if m.end <= cue.start]
    if not earlier:
        return None
    mention = earlier[-1]
    text = sentence.facts.text
    if not _KIND_AT_END.search(text, mention.start, mention.end):
        return None
    return mention if lx.BARE_RELATIVE_OBJECT.fullmatch(text, mention.end, cue.start) else None


_KIND_AT_END = re.compile(r"\b(?:province|district|city|town|crossing)$", re.IGNORECASE)


def _is_role(text: str, mention: _MentionLike, sentence: _Sentence) -> bool:
    known = sentence.facts.roles.get(id(mention))
    if known is None:
        known = sentence.facts.roles[id(mention)] = _names_a_role(text, mention, sentence)
    return known


def _names_a_role(text: str, mention: _MentionLike, sentence: _Sentence) -> bool:
    facts = sentence.facts
    if mention.place.kind == "province" and mention is not sentence.mentions[0]:
        before = sentence.mentions[sentence.mentions.index(mention) - 1]
        if _locates_by_province(facts, before, mention):
            # "the police chief of Ghorian district in Herat province": the province locates a
            # role
            return _is_role(text, before, sentence)
    if _match_slice(lx.ROLE_AFTER, facts, mention.end, min(sentence.end, mention.end + 40)):
        return True
    if _seat_speaks(text, mention):
        return True  # "while Kabul insisted its forces were still fighting in the town"
    window_start = max(sentence.start, mention.start - 60)
    role = _search(lx.ROLE_BEFORE, facts, window_start, mention.start)
    # "The governor of Ghor handed Chaghcharan over": the role belongs to the nearer place.
    return role is not None and not any(
        role.start() <= other.start < mention.start for other in sentence.mentions
    )


def _binding_cue(text: str, sentence: _Sentence, mention: _MentionLike) -> _Cue | None:
    # Gaps are only searched by case-insensitive patterns: take them from the scanned text.
    facts = sentence.facts
    candidates: list[tuple[int, int, _Cue]] = []
    for cue in sentence.cues:
        if cue.end <= mention.start and cue.kind in lx.OBJECT_KINDS:
            if _object_relative(sentence, cue):
                continue  # "Islam Qala, which they seized on July 8, and Spin Boldak"
            if cue.kind == "control" and _CONTROL_AS_SUBJECT.fullmatch(
                facts.text, sentence.start, cue.start
            ):
                continue  # "Control of Imam Sahib passed to the insurgents": the noun, no verb
            gap = facts.scanned(cue.end, mention.start)
            distance = _gap_distance(gap, sentence, cue.end, mention.start)
            if distance is None or _blocked(gap, cue, facts):
                continue
            if "," in gap and _place_before_relative(sentence, cue, lx.WHERE_AFTER_PLACE):
                # "fled Lashkar Gah, where fighting erupted on Friday, are sheltering in
                # Kandahar": the "where" clause ended at the comma; its place is before it
                continue
            if _AFTER_ASIDE.search(facts.text, cue.end, mention.start) and _who_before(
                facts.text, sentence.start, cue
            ):
                continue  # "The Taliban, who captured Kabul on September 27, denied losing X"
            # A new predicate between them: "capture of Herat has shaken Kabul".
            if not (cue.kind in CAPTURE_KINDS and facts.twin(lx.AUXILIARY).search(gap)):
                candidates.append((distance + gap.count(","), _kind_rank(cue), cue))
        elif cue.end <= mention.start and cue.kind in lx.SUBJECT_KINDS:
            # "Two provincial capitals fell on Friday: Zaranj and Sheberghan."
            gap = facts.scanned(cue.end, mention.start)
            intro = facts.twin(lx.LIST_INTRO).search(gap)
            if intro is not None and not facts.twin(lx.CLAUSE_BREAK).search(gap[intro.end() :]):
                tail = gap[intro.end() :]
                distance = _gap_distance(tail, sentence, mention.start - len(tail), mention.start)
                if distance is not None:
                    candidates.append((distance + 1, _kind_rank(cue), cue))
        elif cue.start >= mention.end and cue.kind in lx.SUBJECT_KINDS:
            before = facts.scanned(max(sentence.start, mention.start - 30), mention.start)
            if _blocked(before, cue, facts):
                continue  # "troops on the road to Kandahar came under fire"
            if cue.kind == "withdrawal_intrans" and not facts.twin(lx.FORCES_IN_BEFORE).search(
                before
            ):
                continue  # only "the forces in Barg-e Matal retreated" left the place
            if cue.kind == "capture_intrans" and _locates_another_subject(text, sentence, mention):
                continue  # "Prices in Kunduz fell": the place is not what fell
            if _inside_parenthetical(text, sentence, mention, cue):
                continue  # "Khakrez district, which borders Uruzgan, fell"
            gap = facts.scanned(mention.end, cue.start)
            collapsed = _collapse(gap, sentence, mention.end, cue.start)
            if (
                facts.twin(lx.ORDINAL_GAP).match(collapsed)
                or facts.twin(lx.RELATIVE_GAP).fullmatch(collapsed)
                or facts.twin(lx.PARENTHETICAL_GAP).fullmatch(collapsed)
            ):
                candidates.append((1, 1, cue))
                continue
            distance = _gap_distance(gap, sentence, mention.end, cue.start)
            if distance is not None:
                candidates.append((distance + gap.count(","), _kind_rank(cue), cue))
        elif cue.start >= mention.end and cue.kind == "capture":
            # "Kunduz, the capital of Kunduz province, was ... ordinal": only the ordinal form.
            gap = facts.scanned(mention.end, cue.start)
            if facts.twin(lx.ORDINAL_GAP).match(_collapse(gap, sentence, mention.end, cue.start)):
                candidates.append((1, 1, cue))
    if not candidates:
        return None
    return min(candidates, key=lambda c: (c[0], c[1], c[2].start))[2]


# what may open a sentence before its subject "control of X": "Control", "The effective control"
_CONTROL_AS_SUBJECT = re.compile(r"\W*(?:the\s+)?(?:full\s+|effective\s+)?", re.IGNORECASE)


# The seat of government as a speaker: "Kabul insisted", "Kabul has denied".
_SEAT_SPEAKS = re.compile(
    r"\s+(?:has\s+|had\s+|have\s+)?(?:insist\w*|said|says|claim\w*|denie[sd]|deny\w*"
    r"|maintain\w*|accus\w*|reject\w*|admit\w*|acknowledg\w*|confirm\w*|announc\w*|stress\w*)\b",
    re.IGNORECASE,
)


def _seat_speaks(text: str, mention: _MentionLike) -> bool:
    return bool(
        getattr(mention.place, "national_capital", False)
        and _SEAT_SPEAKS.match(text, mention.end, mention.end + SEAT_SPEECH_REACH)
    )


def _locates_another_subject(text: str, sentence: _Sentence, mention: _MentionLike) -> bool:
    """ "Prices in Kunduz fell": the noun before "in" is what fell, unless it is a place word
    or the place's defenders ("Three districts in Badakhshan fell"), or a place's own name."""
    head = lx.LOCATED_SUBJECT_HEAD.search(
        text, max(sentence.start, mention.start - SUBJECT_HEAD_REACH), mention.start
    )
    if head is None:
        return False
    if head.group("first") is not None:
        # a sentence's first word: "Prices in Kunduz", never a place named first ("Kishim in")
        start = head.start("first")
        if any(m.start <= start < m.end for m in sentence.mentions):
            return False
        return head.group("first").lower() not in lx.PLACE_OR_DEFENDER_HEAD
    return head.group("head") not in lx.PLACE_OR_DEFENDER_HEAD


def _object_relative(sentence: _Sentence, cue: _Cue) -> bool:
    """The cue's object is a relative pronoun before it: "X, which the Taliban seized"."""
    start = max(sentence.start, cue.start - 50)
    text = sentence.facts.text
    if text.find("which", start, cue.start) < 0 and text.find("that", start, cue.start) < 0:
        return False  # most cues: no relative pronoun before them
    return bool(_search(lx.OBJECT_RELATIVE_BEFORE, sentence.facts, start, cue.start))


def _kind_rank(cue: _Cue) -> int:
    # On equal distance a capture outranks fighting: "After days of fighting, Kunduz fell".
    status = lx.STATUS_OF_KIND.get(cue.kind, "")
    return {"captured": 0, "retaken": 1, "contested": 2}.get(status, 3)


def _collapse(
    gap: str, sentence: _Sentence, start: int, end: int, *, token: str = _MENTION_TOKEN
) -> str:
    """The gap with every place mention inside replaced by one token."""
    pieces: list[str] = []
    cursor = start
    for mention in sentence.mentions:
        if mention.start >= start and mention.end <= end:
            pieces.append(gap[cursor - start : mention.start - start])
            pieces.append(token)
            cursor = mention.end
    pieces.append(gap[cursor - start :])
    return "".join(pieces)


def _gap_distance(gap: str, sentence: _Sentence, start: int, end: int) -> int | None:
    """Words between a cue and a place; ``gap`` is ``sentence.facts.scanned(start, end)``."""
    known = sentence.facts.gaps
    key = (start, end)
    if key in known:
        return known[key]
    distance = known[key] = _words_between(gap, sentence, start, end)
    return distance


def _words_between(gap: str, sentence: _Sentence, start: int, end: int) -> int | None:
    if "ing " in gap and _OBJECT_OF_PARTICIPLE.search(
        sentence.facts.text, max(start, end - 40), end
    ):
        return None
    collapsed = _collapse(gap, sentence, start, end)
    if "(" in collapsed or ")" in collapsed:
        collapsed = _without_province_brackets(collapsed, sentence, start, end)
    if " but " in collapsed:
        collapsed = _ALL_BUT.sub(" all", collapsed)  # "captured all but one of": no new clause
    if "between" in collapsed:
        # "Clashes between Taliban fighters and security forces have been going on in": who
        # fought is part of the cue's own phrase
        collapsed = _BETWEEN_SIDES.sub(" ", collapsed)
    if sentence.facts.twin(lx.CLAUSE_BREAK).search(collapsed):
        return None
    words = [w for w in _WORD.findall(collapsed.lower()) if w not in lx.GLUE_WORDS]
    words = [w for w in words if not w.endswith(("’s", "'s")) or len(w) > 2]
    if len(words) > lx.MAX_GAP_WORDS:
        return None
    return len(words)


def _without_province_brackets(collapsed: str, sentence: _Sentence, start: int, end: int) -> str:
    """ "overran Shindand (Herat), Qadis (Badghis) and ...": a province in brackets only says
    where the name before it lies, so its brackets break no clause, and the province is the
    place a name the gazetteer does not know ("Qadis") stands for."""
    collapsed = _BRACKETED_PLACE.sub("", collapsed)
    text = sentence.facts.text
    if collapsed.rstrip().endswith("("):
        after = next((m for m in sentence.mentions if m.start == end), None)
        if after is not None and after.place.kind == "province":
            closed = lx.BRACKET_CLOSE_AFTER.match(text, after.end, sentence.end)
            if closed is not None:
                collapsed = collapsed.rstrip()[:-1]
    if collapsed.lstrip().startswith(")"):
        before = next((m for m in sentence.mentions if m.end == start), None)
        if (
            before is not None
            and before.place.kind == "province"
            and text[sentence.start : before.start].rstrip().endswith("(")
        ):
            collapsed = collapsed.lstrip()[1:]
    return collapsed


def _blocked(gap: str, cue: _Cue, facts: _SentenceFacts) -> bool:
    # "withdrew from", "pushed the Taliban out of": a preposition in the cue itself is fine
    if lx.STATUS_OF_KIND.get(cue.kind) == "contested":
        return bool(facts.twin(lx.CONTEST_BLOCKING_PREPOSITION).search(gap))
    if cue.kind == "capture" and facts.twin(lx.SEIZED_GOODS).match(gap):
        return True  # "had seized weapons and vehicles in Andar": goods, not the place
    if facts.text.startswith("los", cue.start) and _LOST_SOMETHING_ELSE.match(gap):
        return True  # "lost ground to the Taliban in Kunduz": what was lost is not the place
    if facts.twin(lx.CLAIM_VERB_IN_GAP).search(gap):
        return True  # "Security forces retake Torghundi port, Taliban claim Ghormach"
    return bool(facts.twin(lx.BLOCKING_PREPOSITION).search(gap))


def _event(
    article: Article, sentence: _Sentence, binding: _Binding, *, reference: dt.date | None
) -> Event | None:
    text = article.text
    cue = binding.cue
    status_name = lx.STATUS_OF_KIND.get(cue.kind)
    if status_name is None:
        return None
    facts = sentence.facts
    reading = _reading(sentence, cue)
    clause_start, clause_end = reading.clause
    negated = reading.negated(facts)
    if negated and _FAILED_TO.search(text, max(sentence.start, cue.start - 20), cue.start):
        # "have failed to retake the Spin Boldak border crossing despite an operation", "had
        # tried and failed to take Paryan on July 2": an attempt made, so fighting
        negated = False
    under_way = not negated and _fight_under_way(text, sentence, cue, binding.mention)
    counter_attack = under_way and status_name == Status.RETAKEN.value
    if under_way:
        status_name = Status.CONTESTED.value  # "launched an operation to recapture X"
    doubted = negated or (not under_way and reading.future(facts)) or reading.conditional(facts)
    # a fall only told through its denial or a doubt is still the group's claim: "rejected
    # Taliban claims that X had fallen", "It was not clear whether X had fallen"
    disputed = status_name == _CAPTURED_VALUE and _claim_disputed(text, sentence, cue)
    if doubted and not disputed:
        return None
    if _is_background(article, facts, clause_start, _past_the_list(text, sentence, clause_end)):
        return None
    if clause_end < sentence.end and _closed_by_past_year(article, sentence, clause_end):
        return None
    if reading.fronted_past(article, sentence):
        return None
    if _in_past_year_clause(article, sentence, cue):
        return None
    if _follows_a_past_clause(article, sentence, cue):
        return None
    if _only_near(text, cue) and (
        _no_fighting(text, sentence, cue)
        or _only_gathered(text, sentence, cue)
        or _locates_a_place(text, sentence, cue)
    ):
        return None
    if _imagined_fall(text, sentence, cue, binding.mention):
        return None
    if _people_joined(text, sentence, cue, binding.mention):
        return None
    if _people_surrendered(text, sentence, cue, binding.mention):
        return None
    if _civilians_moving(text, sentence, cue):
        return None
    if _targeted_attack(text, sentence, cue):
        return None
    if status_name == _CONTESTED.value and _reported_as_false(text, sentence, cue):
        return None
    if not facts.enemy_is_taliban and text.find("enemy", cue.start, cue.end) >= 0:
        return None  # the group's "still in the hands of the enemy": the government holds it
    if cue.kind == "airstrike" and not _strikes_the_group_in(text, cue, binding.mention):
        return None
    status = _STATUS_OF_VALUE[status_name]
    mention = binding.mention
    subject_start = reading.subject_start(facts)
    checked = _checked_by_subject(
        cue,
        facts,
        subject_start,
        status,
        clause_end=clause_end,
        sides=reading.sides(facts),
        clause_start=clause_start,
    )
    if checked is not None and not under_way:
        checked = _checked_by_recipient(text, sentence, cue, mention, checked)
    if checked is None and _cleared_the_edge(text, sentence, cue):
        checked = Status.CONTESTED
    if checked is None:
        return None
    status = checked
    if (
        status is Status.CONTESTED
        and getattr(mention.place, "national_capital", False)
        and _ATTACK_NOUN.match(text, cue.start, cue.end)
    ):
        # "the attack in Kabul was retaliation for airstrikes": a bombing in the seat of
        # government, not a fight for it (the districts of Kabul province are other places)
        return None
    if cue.kind == "footage" and (
        not lx.FOOTAGE_NOUN.search(text, sentence.start, cue.start)
        # "showed them driving Humvees through the countryside of Kunduz province": footage
        # shows a town or a post, never a whole province taken
        or mention.place.kind == "province"
    ):
        return None
    if _BARE_CLAIM.fullmatch(text, cue.start, cue.end) and not _NAME_AFTER.match(text, cue.end):
        return None  # "claimed the city's capture": a claim names what it claims
    if text.startswith("to clear", cue.start) and not _clearing_under_way(
        text, sentence, cue, binding
    ):
        return None  # "to clear" is fighting only as the aim of an operation under way
    if cue.kind == "capture_intrans" and _GOODS_BEFORE.search(
        text, max(sentence.start, cue.start - GOODS_REACH), cue.start
    ):
        return None  # "a large amount of weapons and ammunition was seized": goods, no place
    if (
        cue.kind == "capture"
        and cue.end <= mention.start
        and _PLACE_PREPOSITION.fullmatch(text, cue.end, mention.start)
        and _TAKEN_BEFORE.search(text, max(sentence.start, cue.start - GOODS_REACH), cue.start)
    ):
        return None  # "freed 30 soldiers captured in Ghazni": the participle of people or goods
    if status is Status.RETAKEN and _liberated_by_the_group(text, sentence, cue):
        status = Status.CAPTURED
    if status is Status.RETAKEN and (
        (cue.end <= mention.start and lx.BUILDINGS_IN_PLACE.fullmatch(text, cue.end, mention.start))
        # "have retaken several villages in Saighan district": part of it
        or (cue.end <= mention.start and _VILLAGES_OBJECT.match(text, cue.end, mention.start))
        or _buildings_named_after_object(text, sentence, cue)
        or (cue.end <= mention.start and lx.BUILDING_AFTER.match(text, mention.end, sentence.end))
    ):
        # "retaken the Police District 1 building in Lashkar Gah", "In Lashkar Gah, commandos
        # drove the Taliban out of the city's police headquarters"
        status = Status.CONTESTED
    if status is Status.RETAKEN and (
        lx.EDGE_AFTER.match(text, cue.end, sentence.end)
        # "retaken parts of Lashkargah": the rest is still fought for
        or _part_named_first(sentence, cue, mention)
    ):
        status = Status.CONTESTED  # pushed back from the edge: the attack was repelled
    if status is Status.CONTESTED and _entered_after_withdrawal(text, sentence, cue, mention):
        status = Status.CAPTURED
    if status is Status.CAPTURED and (
        _partial(text, sentence, cue, mention)
        or _buildings_taken(text, sentence, cue, mention)
        or _posts_gave_up(sentence, cue)
        or (binding.indirect and _only_facilities_taken(text, sentence, cue))
    ):
        status = Status.CONTESTED
    if (
        cue.kind in ("driven_out", "retake")
        and status is not Status.CAPTURED
        and _pushed_back(text, cue)
    ):
        status = Status.CONTESTED  # "were pushed back from": the attack was repelled
    attribution = _attribution(text, sentence, cue)
    body = text[sentence.start : sentence.end]
    confidence = BASE_CONFIDENCE.get(cue.kind, BASE_CONFIDENCE["retake"])
    if status is Status.CAPTURED:
        claim_word = (
            text.startswith(("claim", "Claim"), cue.start)  # "Taliban claim Aqcha district"
            or bool(
                _search_slice(lx.CLAIM_NEAR, facts, max(sentence.start, cue.start - 30), cue.start)
            )
            # "the claim of the terrorist Taliban that they captured Kandahar airport"
            or bool(lx.CLAIM_OF_GROUP.search(text, max(sentence.start, cue.start - 80), cue.start))
        )
        claimed = (
            attribution == "taliban"
            or claim_word
            # the group's own name for its fighters: "the mujahideen of the Islamic Emirate
            # conquered the Charsada district centre"
            or bool(lx.MUJAHIDEEN.search(text, max(sentence.start, cue.start - 60), cue.start))
            # or its agent: "was conquered by the mujahideen yesterday", "is fully under the
            # control of the mujahideen"
            or bool(lx.BY_THE_MUJAHIDEEN.match(text, cue.end, sentence.end))
            # (and the group's name for its state in words no one else vouches for: "are now
            # under the control of the Islamic Emirate")
            or (
                attribution in (OWN_VOICE, "taliban")
                and bool(lx.GROUP_SELF_NAME.search(text, cue.start, cue.end))
            )
        )
        denied_later = _contradicted(text, sentence, cue, mention)
        doubted_here = (
            disputed
            or (
                _is_hedged(sentence)
                and not _hedged_only_later(text, sentence, cue, mention)
                and not _hedged_only_earlier(text, sentence, cue, mention)
            )
            or denied_later
        )
        if doubted_here and (
            _in_relative_aside(text, sentence, cue) or _answers_fronted_rumour(text, sentence, cue)
        ):
            doubted_here = False  # the doubt is about the rest of the sentence
        elif (
            doubted_here and not (disputed or denied_later) and _doubt_answered(text, sentence, cue)
        ):
            doubted_here = False
        # (an official's quoted word for leaving, "'tactically left'", distances the word, not
        # the fact)
        if doubted_here or (cue.kind != "withdrawal" and _scare_quoted(text, cue)):
            status, confidence = Status.CLAIMED, HEDGED_CONFIDENCE
        elif not claim_word and _lone_building_of_capital(text, sentence, cue, mention):
            # the group's word too ("the mujahideen have taken control of the Lashkargah prison")
            # is fighting inside the city, unless it is told as a claim ("they claim to have
            # seized the police headquarters in ... Puli-e Alim")
            status = Status.CONTESTED
        elif claimed:
            status, confidence = Status.CLAIMED, CLAIMED_CONFIDENCE
        elif attribution != OWN_VOICE:
            confidence = min(1.0, confidence + 0.05)
    elif (
        status is Status.CONTESTED
        and attribution == "taliban"
        and _contradicted(text, sentence, cue, mention)
    ):
        # "Militants said they had entered X, but officials dismissed the claim": their word only
        status, confidence = Status.CLAIMED, HEDGED_CONFIDENCE
    if binding.indirect:
        confidence *= INDIRECT_FACTOR
    resolution = _event_date(
        article,
        sentence,
        binding,
        status,
        reading.resolution(facts, body, article.date, reference),
        clause=(clause_start, clause_end),
    )
    government = (
        status is Status.RETAKEN
        or counter_attack
        or (status is Status.CONTESTED and _government_attacks(reading, sentence, cue))
    )
    return _event_at(
        article,
        mention,
        status,
        quote=(sentence.start, sentence.end),
        resolution=resolution,
        manner=_sentence_manner(sentence),
        attribution=attribution,
        confidence=round(confidence, 2),
        actor=GOVERNMENT_ACTOR if government else TALIBAN_ACTOR,
    )


def _strikes_the_group_in(text: str, cue: _Cue, mention: _MentionLike) -> bool:
    """ "struck Taliban positions in Lashkar Gah" is fighting for the city; air strikes "in
    Helmand and Kandahar provinces" or "in support of Afghan forces" change no control."""
    if _kind(mention) == "province":
        return False
    # "struck Taliban positions in", "air strikes on Taliban fighters inside"; never a count
    # of the dead ("airstrikes killed 35 Taliban fighters in Nad-e Ali")
    end = min(len(text), cue.end + 30)
    return bool(
        lx.GROUP_TARGET.search(text, cue.start, end) or lx.GROUP_TARGET.match(text, cue.end, end)
    )


def _scare_quoted(text: str, cue: _Cue) -> bool:
    """ "Taliban 'seize' Afghan city of Zaranj": the verb in quotes is the group's word."""
    return (
        cue.start > 0
        and text[cue.start - 1] in "'‘\"“"
        and text[cue.end : cue.end + 1] in ("'", "’", '"', "”")
        # a longer phrase in quotes is the speaker's words: 'had "come under the control of
        # the Taliban"', officials said
        and text.count(" ", cue.start, cue.end) < SCARE_QUOTE_WORDS
    )


_DISPUTE_WORDS = (
    "claim",
    "report",
    "rumo",
    "clear",
    "propaganda",
    "news",
    "assertion",
    "statement",
)


def _report_called_false(text: str, span: tuple[int, int], cue: _Cue) -> re.Match[str] | None:
    """ "Reports on social media that the Taliban had captured Alingar are baseless": the
    report the sentence opens with, called false after the cue."""
    start, end = span
    report = lx.REPORT_THAT_BEFORE.match(text, start, cue.start)  # anchored: fails fast
    if report is None or not lx.CALLED_FALSE_AFTER.match(text, cue.end, end):
        return None
    return report


def _claim_disputed(text: str, sentence: _Sentence, cue: _Cue) -> bool:
    """ "Officials rejected Taliban claims that X had fallen", "X had not fallen, contrary to
    Taliban claims", "It was not clear whether X had fallen": the denial or the doubt is about
    a claim, which the article thereby reports."""
    lowered = sentence.facts.lowered
    if lowered is not None and not any(
        lowered.find(word, sentence.start, sentence.end) >= 0 for word in _DISPUTE_WORDS
    ):
        return False  # every form names a claim, a report, a rumour, propaganda or a doubt
    report = _report_called_false(text, (sentence.start, sentence.end), cue)
    return bool(
        lx.DISPUTED_CLAIM_BEFORE.search(text, sentence.start, cue.start)
        or lx.CONTRARY_TO_CLAIMS.match(text, cue.end, sentence.end)
        # "Taliban claims that Alingar had fallen are baseless": the group's claim, denied
        or (report is not None and report.group("group"))
    )


def _in_past_year_clause(article: Article, sentence: _Sentence, cue: _Cue) -> bool:
    """ "was in 1998, when they took Mazar-i-Sharif": the cue sits in a past year's clause."""
    text = article.text
    if text.find("when", sentence.start, cue.start) < 0:
        return False
    years = [
        match
        for match in _finditer(lx.PAST_YEAR_WHEN, sentence.facts, sentence.start, cue.start)
        if _is_past_year(match, article.date)
        and not (article.date is None and _closes_a_full_date(text, sentence, match))
    ]
    last = years[-1] if years else None
    # only up to the clause's end: "in 2016, when ... ; on Monday they took X" is today's news
    return last is not None and not _CLAUSE_END.search(text, last.end(), cue.start)


_FULL_DATE_KINDS = frozenset({"month_day", "day_month"})


def _closes_a_full_date(text: str, sentence: _Sentence, match: re.Match[str]) -> bool:
    """ "came on July 14, 2021, when fighters seized Spin Boldak": the year ends a date that
    names the day, so in an undated article it dates the clause rather than making it history
    (as "On July 14, 2021, fighters seized Spin Boldak" is dated)."""
    if match.group("year_before") is None:
        return False  # "in 2015, when": a year alone
    at = match.start("year_before") - sentence.start
    return any(
        phrase.kind in _FULL_DATE_KINDS
        and phrase.match.group("year") is not None
        and phrase.start <= at < phrase.end
        for phrase in find_date_phrases(text[sentence.start : sentence.end])
    )


def _follows_a_past_clause(article: Article, sentence: _Sentence, cue: _Cue) -> bool:
    """ "first captured Kunduz in September 2015 and held it for two weeks before Afghan forces
    drove them out": a "before"/"until"/"after" clause with no day of its own is as old as the
    clause it ends."""
    text = article.text
    if (
        text.find(" before ", sentence.start, cue.start) < 0
        and text.find(" until ", sentence.start, cue.start) < 0
        # "recaptured Kunduz city in 2015, two weeks after the Taliban overran it"
        and text.find(" after ", sentence.start, cue.start) < 0
        # an "and" join matters only after a year
        and (
            text.find(" and ", sentence.start, cue.start) < 0
            or _DIGIT.search(text, sentence.start, cue.start) is None
        )
    ):
        return False  # most cues: no such clause before them
    joins = list(_PAST_CLAUSE_JOIN.finditer(text, sentence.start, cue.start))
    if not joins:
        return False
    join = joins[-1]
    if any(p.kind != "span" for p in find_date_phrases(text[join.end() : sentence.end])):
        return False  # "... before commandos retook it on Monday": today's news
    if join.group("and"):
        # "They returned in August 1998 and took the city, and captured Taloqan within weeks":
        # verbs joined to a clause of a past year share it (not to "since 2016": a state)
        return any(
            _is_past_year(match, article.date)
            for match in lx.IN_PAST_YEAR.finditer(text, sentence.start, join.start())
        )
    return _is_background(article, sentence.facts, sentence.start, join.start())


_PAST_CLAUSE_JOIN = re.compile(r"\s(?:before|until|after)\s|(?P<and>\s+and\s)", re.IGNORECASE)


# (a full stop only before a capital: "U.S. air power helped drive them out" goes on)
_CLAUSE_END = re.compile(r";|\.(?=\s+[A-Z])|\b(?:but|now|this\s+time|on\s+\w+day)\b")


def _fall_behind_retake(event: Event, told: list[Event]) -> bool:
    """A capture told in the sentence of its place's retake, as what the retake undid."""
    return event.status is Status.CAPTURED and any(
        other.status is Status.RETAKEN
        and other.province_iso == event.province_iso
        and other.quote_start == event.quote_start
        for other in told
    )


def _far_future(facts: _SentenceFacts, sentence_start: int, cue: _Cue) -> bool:
    """ "We will not allow Herat, Kandahar or Kunduz to fall", "is likely to be the first
    provincial capital to fall", "could be the next city to fall": a vow or a forecast further
    back than the look-back for "not" reaches, across a list's commas."""
    start = max(sentence_start, cue.start - FAR_FUTURE_WINDOW)
    text = facts.text
    if (
        text.find(" not ", start, cue.start) < 0
        and text.find("never", start, cue.start) < 0
        and text.find(" to be ", start, cue.start) < 0
        and text.find(" be the ", start, cue.start) < 0
    ):
        return False
    return bool(_search_slice(lx.FAR_FUTURE_BEFORE, facts, start, cue.start))


def _liberated_by_the_group(text: str, sentence: _Sentence, cue: _Cue) -> bool:
    """ "Kohistanat district was liberated last night" in the group's own statement: the
    Taliban's word for taking a place, not a government retake."""
    return text.find("iberat", cue.start, cue.end) >= 0 and (
        not sentence.facts.enemy_is_taliban  # the whole text is the group's statement
        or _attribution(text, sentence, cue) == "taliban"
        or lx.MUJAHIDEEN.search(text, sentence.start, sentence.end) is not None
    )


class _CueReading:
    """What the words around one cue say, whatever place it binds, each worked out once.

    A cue that binds two places ("captured Kunduz and Taloqan") would ask every question
    twice. Each answer is worked out when ``_event`` first asks for it, so a cue rejected
    early costs no more than before. Holds offsets only, never the sentence's objects: the
    sentence keeps its readings, and a reference back would make a cycle for the collector.
    """

    __slots__ = (
        "_conditional",
        "_cue",
        "_fronted_past",
        "_future",
        "_negated",
        "_resolution",
        "_sentence_span",
        "_sides",
        "_subject_start",
        "before_start",
        "clause",
    )

    def __init__(self, text: str, sentence: _Sentence, cue: _Cue) -> None:
        self._cue, self._sentence_span = cue, (sentence.start, sentence.end)
        self.clause = _clause(text, sentence, cue)
        self.before_start = max(self.clause[0], cue.start - NEGATION_WINDOW)
        self._negated: bool | None = None
        self._future: bool | None = None
        self._conditional: bool | None = None
        self._subject_start: int | None = None
        self._sides: tuple[bool, bool] | None = None
        self._fronted_past: bool | None = None
        self._resolution: tuple[dt.date | None, DateResolution] | None = None

    def negated(self, facts: _SentenceFacts) -> bool:
        """ "have not captured", "denied capturing"."""
        if self._negated is None:
            cue = self._cue
            self._negated = bool(
                _search_slice(lx.NEGATION_BEFORE, facts, self.before_start, cue.start)
                or self._denied(facts)
                or _search(lx.CORRECTED_BEFORE, facts, self._sentence_span[0], cue.start)
                or _search(lx.RETRACTED_AFTER, facts, cue.end, self._sentence_span[1])
                or self._denied_by_subject(facts)
                or _report_called_false(facts.text, self._sentence_span, cue) is not None
                # "The reports of the fall of Spin Boldak are not true"
                or _report_of_called_false(facts.text, self._sentence_span, cue)
            )
        return self._negated

    def _denied_by_subject(self, facts: _SentenceFacts) -> bool:
        """ "None of the capitals, including Kandahar and Herat, has been captured"."""
        start, cue = self._sentence_span[0], self._cue
        lowered = facts.scanned(start, cue.start)
        lowered = lowered if facts.lowered is not None else lowered.lower()
        if "none" not in lowered and "neither" not in lowered and "not " not in lowered:
            return False  # most cues: no such subject before them
        denial = _search(lx.NONE_SUBJECT_BEFORE, facts, start, cue.start)
        if denial is None:
            return False
        return denial.group("aux") is not None or bool(
            # a cue that carries its own auxiliary: "had been overrun"
            _match(lx.AUXILIARY, facts, cue.start, cue.end)
        )

    def _denied(self, facts: _SentenceFacts) -> bool:
        """ "denied capturing X", never "denied the claim and said heavy fighting was continuing
        around X": a new report after the denial is not denied."""
        cue = self._cue
        denial = _search_slice(lx.DENIAL, facts, self.clause[0], cue.start)
        if denial is None:
            return False
        denied_at = self.clause[0] + denial.end()
        return not lx.NEW_REPORT.search(facts.text, denied_at, cue.start)

    def future(self, facts: _SentenceFacts) -> bool:
        """ "could capture", "captured ... would": not (yet) an event."""
        if self._future is None:
            cue = self._cue
            after_end = min(self._sentence_span[1], cue.end + FUTURE_AFTER_CHARS)
            before = _search_slice(lx.FUTURE_BEFORE, facts, self.before_start, cue.start)
            if before is not None and _past_conjunct(facts.text, before.group(0), cue):
                before = None
            self._future = bool(
                before
                or _match_slice(lx.FUTURE_AFTER, facts, cue.end, after_end)
                or _far_future(facts, self._sentence_span[0], cue)
            )
        return self._future

    def conditional(self, facts: _SentenceFacts) -> bool:
        """ "if Kunduz falls" anywhere in the clause before the cue, or an inverted condition
        opening the sentence ("Should Sheberghan fall, ...")."""
        if self._conditional is None:
            found = _search_slice(lx.CONDITIONAL, facts, self.clause[0], self._cue.start)
            self._conditional = bool(found) or bool(
                _match(lx.INVERTED_CONDITION, facts, self._sentence_span[0], self._cue.start)
            )
        return self._conditional

    def subject_start(self, facts: _SentenceFacts) -> int:
        if self._subject_start is None:
            self._subject_start = _subject_start(facts, self.clause[0], self._cue.start)
        return self._subject_start

    def sides(self, facts: _SentenceFacts) -> tuple[bool, bool]:
        """Whether the subject names the Taliban side, and the government side."""
        if self._sides is None:
            self._sides = _subject_sides(facts, self.subject_start(facts), self._cue.start)
        return self._sides

    def fronted_past(self, article: Article, sentence: _Sentence) -> bool:
        if self._fronted_past is None:
            self._fronted_past = _fronted_past(article, sentence, self._cue)
        return self._fronted_past

    def resolution(
        self,
        facts: _SentenceFacts,
        body: str,
        article_date: dt.date | None,
        reference: dt.date | None,
    ) -> DateResolution:
        """The cue's date; ``body`` is the sentence, ``reference`` the last date before it."""
        if self._resolution is None or self._resolution[0] != reference:
            cue_at = self._cue.start - self._sentence_span[0]
            found = resolve_date_phrase(
                body,
                article_date=article_date,
                cue_at=cue_at,
                reference=reference,
                state=_may_name_origin(facts, self._sentence_span, cue_at)
                and (
                    _reports_state(facts, self._sentence_span, cue_at)
                    or _dated_by_its_cause(body, cue_at)
                ),
            )
            found = _nominal_precision(found, self._cue, facts, self.before_start)
            self._resolution = (reference, found)
        return self._resolution[1]


def _dated_by_its_cause(body: str, cue_at: int) -> bool:
    """ "took over Nahrin after the forces' tactical retreat two days ago": a withdrawal that
    let the place fall dates the fall when the cue has no day of its own."""
    origin = lx.STATE_ORIGIN.search(body, cue_at)
    return origin is not None and bool(lx.WITHDRAWAL_CAUSE.match(body, origin.end()))


def _may_name_origin(facts: _SentenceFacts, sentence_span: tuple[int, int], cue_at: int) -> bool:
    """Whether STATE_ORIGIN may match after the cue: both readings of the cue's day need it.

    Most sentences have no "after" or "following" past the cue: a scan of the lowered text for
    the words STATE_ORIGIN is made of settles it (its twin finds there what it finds in the
    text). Plain literals, so searching the article between offsets reads as the sentence.
    """
    if facts.lowered is None or _STATE_ORIGIN_GUARD is None:
        return True
    start, end = sentence_span
    return _STATE_ORIGIN_GUARD.search(facts.lowered, start + cue_at, end) is not None


def _reports_state(facts: _SentenceFacts, sentence_span: tuple[int, int], cue_at: int) -> bool:
    """A state ("clashes are ongoing") before the first "after" that follows the cue.

    ``cue_at`` is the cue's offset in the sentence, which both searches see as a string of
    its own (its edges are the string's edges).
    """
    body = facts.scanned(*sentence_span)
    origin = facts.twin(lx.STATE_ORIGIN).search(body, cue_at)
    return origin is not None and bool(facts.twin(lx.STATE).search(body, 0, origin.start()))


def _past_conjunct(text: str, before: str, cue: _Cue) -> bool:
    """ "launched an operation to retake Alasay and recaptured the district centre": a verb in
    the past after "and" starts a clause of its own, not the aim's second verb ("plan to
    surround and capture the city", "to be surrounded and captured")."""
    return (
        _AND_AT_END.search(before) is not None
        and _BE_WORD.search(before) is None
        and _SIMPLE_PAST.match(text, cue.start, cue.end) is not None
    )


_BE_WORD = re.compile(r"\b(?:be|been|being|have|has)\b", re.IGNORECASE)
_SIMPLE_PAST = re.compile(r"\w+ed\b|(?:re)?took\b|overran\b|fell\b|drove\b|won\b", re.IGNORECASE)


def _reading(sentence: _Sentence, cue: _Cue) -> _CueReading:
    readings = sentence.facts.readings
    reading = readings.get(cue)
    if reading is None:
        reading = readings[cue] = _CueReading(sentence.facts.text, sentence, cue)
    return reading


def _past_the_list(text: str, sentence: _Sentence, clause_end: int) -> int:
    """Where the clause ends when a list of places runs on from it: "captured Kabul, Charikar
    and Jalalabad last year" is one clause, whatever its commas."""
    end = clause_end
    for mention in sentence.mentions:
        if mention.start < end:
            continue
        if not lx.COORDINATION_GAP.fullmatch(text, end, mention.start):
            break
        end = mention.end
    if end == clause_end:
        return clause_end  # most clauses: no list runs on
    stop = _LIST_TAIL_END.search(text, end, sentence.end)
    return stop.start() if stop else sentence.end


_LIST_TAIL_END = re.compile(r"[,;:.(—–]")


def _is_background(article: Article, facts: _SentenceFacts, start: int, end: int) -> bool:
    """History ("in 2001", "years ago") or another month ("in June") in the clause."""
    known = facts.backgrounds.get((start, end))
    if known is None:
        clause = article.text[start:end]
        if "time" in clause:
            # "fell on Tuesday for the third time since 2019": the year measures the news
            clause = _NTH_TIME_SINCE.sub(" ", clause)
        known = (
            bool(_search_slice(lx.HISTORICAL, facts, start, end))
            or _names_past_year(clause, article.date)
            or _month_long_past(clause, article.date)
            or _other_year(
                clause,
                article.date,
                latest_year=_latest_year(article.text) if article.date is None else None,
            )
        )
        facts.backgrounds[(start, end)] = known
    return known


_NTH_TIME_SINCE = re.compile(
    r"\b(?:for\s+)?the\s+(?:first|second|third|fourth|fifth|\d+(?:st|nd|rd|th)|[a-z]+)\s+time"
    r"\s+since\s+(?:(?:late|early|mid-?)\s*)?(?:19|20)\d\d\b",
    re.IGNORECASE,
)


def _subject_start(facts: _SentenceFacts, start: int, end: int) -> int:
    """Where the words before a cue start, back to the nearest conjunction: "regained X after
    [fighters]"."""
    cut = start
    for match in _finditer(lx.SUBJECT_BREAK, facts, start, end):
        cut = match.end()
    return cut


# The troops' return after the group left: "and army units moved back in within hours".
_MOVED_BACK_IN = re.compile(
    r"\b(?:forces|troops|units|soldiers|police(?:men)?|army|commandos)\s+(?:have\s+|had\s+)?"
    r"(?:moved|returned|went|came|marched)\s+back\s+in(?:to)?\b",
    re.IGNORECASE,
)
# Troops falling back into a building of the place they are in still hold part of it.
_INTO_A_SEAT = re.compile(
    r"\b(?:to|into|towards?|inside)\s+(?:the\s+)?(?:(?:city|town)(?:'s|’s)\s+)?"
    r"(?:governor(?:'s|’s)\s+(?:office|compound|house|headquarters|residence)"
    r"|police\s+(?:headquarters|hq|compound)|(?:intelligence|nds)\s+(?:office|headquarters"
    r"|compound)|prison)\b",
    re.IGNORECASE,
)


def _checked_by_subject(
    cue: _Cue,
    facts: _SentenceFacts,
    subject_start: int,
    status: Status,
    *,
    clause_end: int,
    sides: tuple[bool, bool] | None = None,
    clause_start: int | None = None,
) -> Status | None:
    """Cues whose meaning depends on who does it (the subject runs from ``subject_start`` to
    the cue); ``None`` when it is no event. ``sides``: ``_subject_sides`` of that subject, when
    the cue's reading has it already."""
    if (
        cue.kind == "capture_intrans"
        and facts.text[cue.start] in "fF"  # "fell", "fallen": not "was handed over to"
        and lx.FELL_TO_THE_OTHER_SIDE.match(facts.text, cue.end, clause_end)
    ):
        return Status.RETAKEN  # "Jalalabad fell to local anti-Taliban commanders overnight"
    if sides is None:
        sides = _subject_sides(facts, subject_start, cue.start)
    taliban, government = sides
    if (
        cue.kind in ("retake", "retake_intrans")
        and taliban
        and not government
        and not _FROM_THE_GROUP.search(facts.text, cue.end, clause_end)
        and not _joined_to_government(facts, subject_start)
    ):
        # "its mujahideen had liberated Shindand"; never "his fighters had retaken Karukh from
        # the Taliban"
        return Status.CAPTURED
    if (
        cue.kind == "capture"
        and not government
        and lx.GIVING_UP.match(facts.text, cue.start, cue.end)
        and _search_slice(lx.TALIBAN_NAMED, facts, subject_start, cue.start)
    ):
        # "the Taliban abandoned Kabul", "The Taliban began surrendering Kandahar": the group
        # gave the place up
        return Status.RETAKEN
    if (
        cue.kind == "capture"
        and government
        and _SEIZING.match(facts.text, cue.start, cue.end)
        and not _search_slice(lx.TALIBAN_NAMED, facts, subject_start, cue.start)
        and lx.GOVERNMENT_SUBJECT_BEFORE.search(facts.text, subject_start, cue.start)
    ):
        # "Afghan forces captured Dand-e Ghori", "Northern Alliance fighters seized Mazar": the
        # place was taken back from the group, unless the allies left it to them ("US forces
        # completed departure from Bagram Airfield; ANDSF assumed control of the base")
        if _FOREIGN_FORCES.search(facts.text, facts.start, subject_start):
            return None
        return Status.RETAKEN
    if cue.kind == "retake" and facts.text.startswith("returned", cue.start):
        # families "returned to the city"; only troops returning retake it (the subject may be
        # the sentence's first: "Afghan forces pulled out of X ..., and returned to the
        # district center on Wednesday after the Taliban fled")
        # (troops, never a person: "Dostum returned to the northern city of Mazar-i-Sharif")
        troops = _TROOPS.search(facts.text, facts.start, cue.start) is not None
        return status if troops and not taliban else None
    if cue.kind == "driven_out":  # "the insurgents were driven out of" / "troops were ..."
        if government and not taliban:
            return Status.CAPTURED
        return status if taliban else None
    if cue.kind == "control":  # "the Taliban now control Aybak", never "the army controls"
        if taliban and government:
            # "Afghan officials said the Taliban have seized control of Nerkh": the subject of
            # what they said
            said = [
                verb.end()
                for verb in facts.speech_verbs()
                if subject_start <= verb.start() and verb.end() <= cue.start
            ]
            if said:
                taliban, government = _subject_sides(facts, said[-1], cue.start)
        if not (taliban or government) and clause_start is not None:
            taliban, government = _elided_subject_sides(facts, clause_start, subject_start, cue)
        if government and not taliban and _FROM_THE_GROUP.search(facts.text, cue.end, clause_end):
            return Status.RETAKEN  # "government forces seized control of X from the Taliban"
        return status if taliban and not government else None
    if (
        cue.kind == "capture_both"
        and facts.text.startswith(("hand", "Hand"), cue.start)
        and _TO_THE_GOVERNMENT.match(facts.text, cue.end, clause_end)
        and not _GROUP_WORD.search(facts.text, facts.start, cue.start)
    ):
        # "The United States ... has handed over five facilities to the Afghan defence
        # ministry": given to the government side, nothing the group took
        return None
    if cue.kind in (
        "capture_both",
        "handover",
        "withdrawal",
        "withdrawal_intrans",
    ) and (
        _FOREIGN_FORCES.search(facts.text, subject_start, cue.start)
        # "Germany said most of its troops had left Mazar-i-Sharif": the troops are the speaker's
        or (
            _THEIR_TROOPS.search(facts.text, subject_start, cue.start) is not None
            and _FOREIGN_FORCES.search(facts.text, facts.start, subject_start) is not None
        )
    ):
        # "The last US troops left Bagram Airfield", "The U.S. military has handed over most of
        # its bases to Afghan forces": a handover between allies, no capture
        return None
    if cue.kind == "withdrawal_intrans":  # "the security forces in X retreated": theirs only
        if not government or taliban:
            return None
        if _INTO_A_SEAT.search(facts.text, cue.end, min(clause_end, cue.end + SEAT_REACH)):
            return Status.CONTESTED  # "pulled back to the governor's compound": still held there
        return status
    if cue.kind == "withdrawal":  # troops withdrew from X; the Taliban withdrawing is no capture
        lost = _BARE_LOSS.fullmatch(facts.text, cue.start, cue.end) is not None
        if lost and not taliban and not government:
            # a later verb of the sentence's subject: "The Taliban took Khamyab on Saturday,
            # lost it on Sunday"
            taliban, government = _subject_sides(facts, facts.start, cue.start)
        if taliban and not government:
            # but the group losing a place is its retake: "lost it to commandos a day later", as
            # is its leaving when the troops move back in ("Taliban fighters withdrew from the
            # centre of Kalafgan ..., and army units moved back in within hours")
            if lost or _MOVED_BACK_IN.search(facts.text, cue.end, facts.end):
                return Status.RETAKEN
            return None
        if lost and not government and not lx.TO_THE_GROUP.search(facts.text, cue.end, clause_end):
            return None  # "Losing it leaves the capital ...": nobody's loss told
        return status
    if cue.kind == "contest_location":  # "on the outskirts of" counts only with fighters there
        # "a compound on the outskirts of Herat was attacked": the fighting may follow it
        # ("Heavy clashes broke out ... between Taliban fighters and Afghan forces on the
        # outskirts of Kunduz": the fighting may open the clause, before its subject)
        before = subject_start if clause_start is None else min(clause_start, subject_start)
        fighting = (
            _search_slice(lx.FIGHTING, facts, before, cue.start)
            or _search_slice(lx.FIGHTING, facts, cue.end, max(cue.end, clause_end))
            # "... seized Bala Buluk and pushed into the outskirts of Farah city"
            or _PUSHED_INTO.search(facts.text, max(0, cue.start - 24), cue.start)
        )
        return status if taliban or fighting else None
    return status


def _group_surrenders_place(
    text: str, sentence: _Sentence, cue: _Cue, mention: _MentionLike
) -> bool:
    """ "Taliban Surrender Kandahar": the group gives up the place it names as its object (not
    "Taliban fighters surrendered in Kunduz", people giving themselves up)."""
    if cue.kind != "capture_both" or mention.start < cue.end:
        return False
    if not _PLACE_OBJECT_GAP.fullmatch(text, cue.end, mention.start):
        return False
    subject = text[sentence.start : cue.start]
    return bool(lx.TALIBAN_NAMED.search(subject)) and not lx.GOVERNMENT_SIDE.search(subject)


_PLACE_OBJECT_GAP = re.compile(r"\s+(?:the\s+)?(?:(?:city|town|district|province)\s+of\s+)?")


def _joined_to_government(facts: _SentenceFacts, subject_start: int) -> bool:
    """ "Afghan commandos and militia fighters retook ...": fighters joined by "and" to the
    government's forces fight on its side (the subject is read from after the "and")."""
    joined = _AND_AT_END.search(facts.text, max(facts.start, subject_start - 4), subject_start)
    if joined is None:
        return False
    left_start = max(facts.start, joined.start() - JOINED_SUBJECT_REACH)
    left = _LAST_CLAUSE.search(facts.text, left_start, joined.start())
    conjunct = facts.text[left.end() if left else left_start : joined.start()]
    return bool(lx.GOVERNMENT_SIDE.search(conjunct)) and not lx.TALIBAN_SIDE.search(conjunct)


_AND_AT_END = re.compile(r"\band\s*$", re.IGNORECASE)
# The last clause break before the conjunct: "On Monday, [Afghan commandos] and ..."
_LAST_CLAUSE = re.compile(r".*[,;:]", re.DOTALL)
# Capture verbs of taking, not of giving up ("abandoned", "handed over") or of saying.
_SEIZING = re.compile(
    r"captur|seiz|over-?r|conquer|overt|swe|gain|took|tak|wrest|grab|occup|walked|rolled|assum"
    r"|strolled|raised|hoisted|planted",
    re.IGNORECASE,
)
_PUSHED_INTO = re.compile(
    r"\b(?:push(?:ed|ing)?|mov(?:ed|ing)|advanc(?:ed|ing)|broke|broken|storm(?:ed|ing)|entered"
    r"|attack(?:ed|ing))\s+(?:in)?(?:to\s+)?$",
    re.IGNORECASE,
)


def _government_attacks(reading: _CueReading, sentence: _Sentence, cue: _Cue) -> bool:
    """ "Afghan government forces battled the Taliban for control of Spin Boldak": the fight
    is the government's (a counter-attack). The subject is read up to the clause's first cue,
    so "the Taliban" as the object of "battled" does not count."""
    if cue.kind not in lx.OBJECT_KINDS:
        return False
    facts = sentence.facts
    subject_start = reading.subject_start(facts)
    verb = next((c for c in sentence.cues if subject_start <= c.start <= cue.start), cue)
    taliban, government = _subject_sides(facts, subject_start, verb.start)
    return government and not taliban


_ELIDED_SUBJECT = re.compile(
    r"\s*(?:(?:now|also|already|effectively|reportedly|still)\s+)*"
    # a day between: "stormed the Guzara district on Thursday night and by dawn on Friday
    # controlled the district centre"
    r"(?:(?:by|on|late\s+on|early\s+on|later|then|within\s+hours)\s+"
    r"(?:(?:dawn|daybreak|nightfall|midday|noon|the\s+(?:next|following)\s+(?:day|morning))\s+)?"
    r"(?:on\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+)?(?:(?:morning|evening|night)\s+)?"
    r",?\s*(?:(?:now|also|already|effectively|reportedly|still)\s+)*)?",
    re.IGNORECASE,
)


def _elided_subject_sides(
    facts: _SentenceFacts, clause_start: int, subject_start: int, cue: _Cue
) -> tuple[bool, bool]:
    """ "The Taliban continued its offensive over the past week and now controls 8 of
    Jowzjan's 11 districts": after "and" with no subject of its own, the clause's first
    subject does it."""
    text = facts.text
    if _ELIDED_SUBJECT.fullmatch(text, subject_start, cue.start) is None:
        return False, False
    if _AND_AT_END.search(text, max(clause_start, subject_start - 5), subject_start) is None:
        return False, False
    return _subject_sides(facts, clause_start, subject_start)


def _subject_sides(facts: _SentenceFacts, start: int, end: int) -> tuple[bool, bool]:
    """Whether the subject from ``start`` to ``end`` names the Taliban side, and the government."""
    taliban = bool(_search_slice(lx.TALIBAN_SIDE, facts, start, end)) or (
        facts.enemy_is_taliban and bool(_search_slice(lx.THE_ENEMY, facts, start, end))
    )
    return taliban, bool(_search_slice(lx.GOVERNMENT_SIDE, facts, start, end))


def _closed_by_past_year(article: Article, sentence: _Sentence, clause_end: int) -> bool:
    """A past year after the clause: closing the sentence ("..., in 2015 and 2016.") or set off
    by commas before more of it ("twice overran Kunduz city, in 2015 and 2016, before being
    driven out")."""
    text = article.text
    # The year closes the sentence: skip the long regex unless a digit ends it.
    if _DIGIT_AT_END.search(text, max(clause_end, sentence.end - 5), sentence.end) is not None:
        tail = lx.HISTORICAL_TAIL.match(text, clause_end, sentence.end)
        if tail is not None and _is_past_year(tail, article.date):
            return True
    aside = lx.PAST_YEAR_ASIDE.match(text, clause_end, sentence.end)
    return aside is not None and _is_past_year(aside, article.date)


def _year_named(match: re.Match[str]) -> int | None:
    """The Gregorian year a year pattern's match names; a decade counts as its last year.
    ``None`` for a year named relatively ("last year")."""
    groups = match.groupdict()
    if groups.get("solar"):
        return int(groups["solar"]) + lx.SOLAR_YEAR_OFFSET
    if groups.get("decade"):
        return int(groups["decade"]) + 9
    named = groups.get("year") or groups.get("year_before")
    return int(named) if named else None


def _is_past_year(match: re.Match[str], article_date: dt.date | None) -> bool:
    """Older than the article's own year ("last year" always is). Undated, any year named is
    history: news names days, and years only for the past."""
    year = _year_named(match)
    return article_date is None or year is None or year < article_date.year


def _names_past_year(clause: str, article_date: dt.date | None) -> bool:
    """ "in 2001", "since September 2015", "in 1394", "in the 1990s", before the article's year."""
    if _DIGIT.search(clause) is None:
        return False
    return any(_is_past_year(m, article_date) for m in lx.YEAR_PHRASE.finditer(clause))


def _fronted_past(article: Article, sentence: _Sentence, cue: _Cue) -> bool:
    """A past year before the first comma ("In 2001, Kunduz ... fell") up to a major break, or
    labelling a timeline's line ("1996: The Taliban seize Kabul")."""
    if _labelled_past_year(article, sentence, cue):
        return True
    fronted = _match(lx.FRONTED_PAST, sentence.facts, sentence.start, cue.start) or _match(
        lx.FRONTED_LAST_TIME, sentence.facts, sentence.start, cue.start
    )
    if fronted is None:
        return False
    names_year = fronted.group("year") or fronted.groupdict().get("solar")
    if names_year and not _is_past_year(fronted, article.date):
        return False
    breaks = sentence.facts.major_breaks()
    return not any(fronted.end() <= at < cue.start for at in breaks)


def _labelled_past_year(article: Article, sentence: _Sentence, cue: _Cue) -> bool:
    """A timeline's line labelled by a year before the article's ("1996: ...", "Sept. 27, 1996
    - ..."); undated, before the latest year the article names ("June 22, 2021:" is news)."""
    label = lx.YEAR_LABEL.match(sentence.facts.text, sentence.start, cue.start)
    if label is None:
        return False
    latest = article.date.year if article.date is not None else _latest_year(article.text)
    return latest is not None and int(label.group("year")) < latest


def _only_near(text: str, cue: _Cue) -> bool:
    """ "on the outskirts of", "have surrounded": fighters around a place, maybe not fighting."""
    return cue.kind == "contest_location" or bool(lx.SIEGE_CUE.search(text, cue.start, cue.end))


def _no_fighting(text: str, sentence: _Sentence, cue: _Cue) -> bool:
    """The sentence denies any fighting, and the cue's own clause names none besides the denial:
    "are on the outskirts of Zaranj, but there has been no fighting inside"."""
    denial = _search(lx.NO_FIGHTING, sentence.facts, sentence.start, sentence.end)
    if denial is None:
        return False
    start, end = _major_clause(text, sentence, cue)
    spans = ((start, min(end, denial.start())), (max(start, denial.end()), end))
    return not any(
        _tells_fighting(sentence, span_start, span_end) for span_start, span_end in spans
    )


def _tells_fighting(sentence: _Sentence, start: int, end: int) -> bool:
    """Whether the stretch names fighting ("Taliban fighters" are no fight)."""
    return any(
        not match.group().lower().startswith("fighter")
        for match in _finditer(lx.FIGHTING, sentence.facts, start, end)
    )


def _locates_a_place(text: str, sentence: _Sentence, cue: _Cue) -> bool:
    """ "seized Arghandab district on the edge of Kandahar city": the edge only says where the
    place named before lies."""
    if cue.kind != "contest_location":
        return False
    before = [m for m in sentence.mentions if m.end <= cue.start]
    return bool(before) and bool(_LOCATOR_GAP.fullmatch(text, before[-1].end, cue.start))


_LOCATOR_GAP = re.compile(
    r"(?:\s+(?:district|town|village|crossing|base|city))?,?\s+(?:on|at|near|just\s+outside)\s+",
    re.IGNORECASE,
)


_AT_BEFORE = re.compile(r"\bat\s+$", re.IGNORECASE)


def _only_gathered(text: str, sentence: _Sentence, cue: _Cue) -> bool:
    """ "Taliban fighters have massed on the outskirts of Lashkar Gah": gathered near a place,
    with no fighting told in the clause, is pressure on it, not a fight for it."""
    if cue.kind != "contest_location" or text.find("streets", cue.start, cue.end) >= 0:
        return False  # "seen on the streets of Kunduz" are inside it
    # "are at the gates of Pul-e-Khumri": where fighters stand, like a siege, with no verb of
    # gathering needed
    at_the_gates = (
        text.find("gates", cue.start, cue.end) >= 0
        and _AT_BEFORE.search(text, max(sentence.start, cue.start - 4), cue.start) is not None
    )
    if not at_the_gates and not lx.GATHERED_BEFORE.search(
        text, max(sentence.start, cue.start - 40), cue.start
    ):
        return False
    start, end = _major_clause(text, sentence, cue)
    return not _tells_fighting(sentence, start, end)


def _imagined_fall(text: str, sentence: _Sentence, cue: _Cue, mention: _MentionLike) -> bool:
    # "the capture of Spin Boldak would cut off ...": a fall that is only imagined
    if mention.start < cue.end:
        return False
    if cue.kind != "capture_nominal" and not (
        cue.kind == "control" and _is_nominal_control(text, sentence, cue, mention)
    ):
        return False
    # past an appositive: "the fall of Zaranj, the capital of Nimroz, would hand the Taliban"
    aside = _NOUN_APPOSITIVE_AFTER.match(text, mention.end, sentence.end)
    predicate_at = aside.end() if aside else mention.end
    return bool(lx.MODAL_AFTER.match(text, predicate_at, sentence.end))


def _is_nominal_control(text: str, sentence: _Sentence, cue: _Cue, mention: _MentionLike) -> bool:
    """Control as the group's noun, "Taliban control of Spin Boldak", not a verb's object."""
    found = _NOMINAL_CONTROL.search(
        text, max(sentence.start, cue.start - NOMINAL_CONTROL_REACH), mention.start
    )
    return found is not None and found.start() < cue.start < found.end()


_NOMINAL_CONTROL = re.compile(
    r"\b(?:Taliban|insurgent|militant|group|Emirate)(?:'s|’s|s'|s’)?\s+control\s+(?:of|over)\s",
    re.IGNORECASE,
)
# A noun phrase in apposition, not any aside: past "Shir Khan Bandar, on the Tajik border,"
# (``lx.APPOSITIVE``) the clause's "could" is a comment on the seizure, not a forecast of it.
_NOUN_APPOSITIVE_AFTER = re.compile(r"\s*,\s*(?:the|a|an|its)\s+[^,;.]{1,60},", re.IGNORECASE)


def _month_long_past(clause: str, article_date: dt.date | None) -> bool:
    """A bare month long before the article's ("swept through Badakhshan in March" in an August
    story) or after it: background. A recent one is the undated report of ``_recent_month``."""
    if _MONTH_NAME.search(clause) is None:
        return False
    found = _months_back(clause, article_date)
    return found is not None and found[0] > RECENT_MONTHS


def _recent_month(clause: str, article_date: dt.date | None) -> str | None:
    """ "seized Karukh in July", "captured Imam Sahib last month" (in an August story), "in early
    August" (this month, no day): the phrase that makes the report undated, or ``None``."""
    last_month = lx.LAST_MONTH.search(clause)
    if last_month is not None:
        return last_month.group(0)
    found = _months_back(clause, article_date)
    return found[1] if found is not None and found[0] <= RECENT_MONTHS else None


def _months_back(clause: str, article_date: dt.date | None) -> tuple[int, str] | None:
    """How many months before the article's a bare month in the clause is, and the phrase."""
    if article_date is None:
        return None
    match = lx.MONTH_ONLY.search(clause)
    if match is None:
        return None
    month = MONTH_NUMBER[match.group("month").lower()]
    return (article_date.month - month) % 12, match.group(0)


@functools.lru_cache(maxsize=64)
def _latest_year(text: str) -> int | None:
    """The latest year an (undated) article names, standing in for its own."""
    years = [int(match.group("year")) for match in lx.ANY_YEAR.finditer(text)]
    return max(years, default=None)


def _other_year(
    clause: str, article_date: dt.date | None, *, latest_year: int | None = None
) -> bool:
    """A month of another year ("entered the city again in October 2016"): background. An
    undated article is measured against the latest year it names ("first captured Herat in
    September 1995 and held it until November 2001")."""
    # Every MONTH_YEAR match has a year: most clauses have no digit to scan for one.
    year = article_date.year if article_date is not None else latest_year
    if year is None or _DIGIT.search(clause) is None:
        return False
    years = [int(match.group("year")) for match in lx.MONTH_YEAR.finditer(clause)]
    if article_date is None:
        return any(found < year for found in years)
    return any(found != year for found in years)


_SPEAKS_AFTER = re.compile(
    r"(?:\s+[\w’'-]+){0,2}?\s+(?:said|says|claimed|claims|announced|stated|reported)\b",
    re.IGNORECASE,
)


def _checked_by_recipient(
    text: str, sentence: _Sentence, cue: _Cue, mention: _MentionLike, status: Status
) -> Status | None:
    """Handovers and surrenders mean what their recipient makes them mean."""
    if status is Status.RETAKEN:
        return status  # the group handed it over: out of its hands, whoever took it
    if _group_surrenders_place(text, sentence, cue, mention):
        return Status.RETAKEN
    cue_text = text[cue.start : cue.end]
    if cue.kind != "handover" and not _HANDOVER_WORD.search(cue_text):
        return status
    reach = min(sentence.end, cue.end + RECIPIENT_REACH)
    # (the side that acts, not one that speaks: "the Islamic Emirate said that ... the soldiers of
    # the Kabul regime ... had handed over their weapons and the district to the mujahideen")
    acting = any(
        not _SPEAKS_AFTER.match(text, side.end())
        for side in lx.TALIBAN_SIDE.finditer(text, sentence.start, cue.start)
    )
    if acting and (
        (lx.SURRENDER_WORD.search(cue_text) and lx.TO_THE_GOVERNMENT.search(text, cue.end, reach))
        or lx.THEIR_WEAPONS.match(text, cue.end, sentence.end)
    ):
        # "20 Taliban members ... surrendered their weapons to ANDSF in Chimtal district",
        # "Taliban fighters surrendered to police in Herat and handed over their weapons"
        return None
    recipient = lx.RECIPIENT.match(text, cue.end, sentence.end)
    if recipient is None and cue.kind == "handover" and mention.start >= cue.end:
        recipient = lx.RECIPIENT_FIRST.match(text, cue.end, mention.start)
    if recipient is None and mention.start >= cue.end:
        recipient = lx.RECIPIENT.match(text, mention.end, sentence.end)
        if recipient is None and (aside := lx.APPOSITIVE.match(text, mention.end, sentence.end)):
            # "handed over Bagram Air Field, its main base in the country, to Afghan forces"
            recipient = lx.RECIPIENT.match(text, aside.end(), sentence.end)
    if recipient is None:
        named = lx.ANY_RECIPIENT.match(text, mention.end if mention.start >= cue.end else cue.end)
        if named is not None and not _PRONOUN_AT_END.search(named.group(0)):
            # "handed over Spin Boldak to tribal elders": neither side took it
            return Status.CAPTURED if lx.TALIBAN_SIDE.search(named.group(0)) else None
        return None if cue.kind == "handover" else status
    who = recipient.group("who")
    if lx.TALIBAN_SIDE.fullmatch(who) or who.casefold() == "group":
        return Status.CAPTURED
    # To the government side: the place came back, unless fighters surrendered themselves
    # ("Taliban fighters surrendered to Afghan forces") or no Taliban held it (a US base).
    subject = text[sentence.start : cue.start]
    if lx.SURRENDER_WORD.search(cue_text) and lx.TALIBAN_SIDE.search(subject):
        return None
    if _allies_named_last(text, sentence.start, cue.start):
        # "once U.S. forces leave Kandahar Airfield, which was handed over to the Afghan army
        # earlier this month": the allies' base, never the group's
        return None
    body = text[sentence.start : sentence.end]
    others = body[: recipient.start() - sentence.start] + body[recipient.end() - sentence.start :]
    return Status.RETAKEN if lx.TALIBAN_SIDE.search(others) else None


def _allies_named_last(text: str, start: int, end: int) -> bool:
    """Whether the last side named between the offsets is a foreign force, not the group."""
    foreign = [m.start() for m in _FOREIGN_FORCES.finditer(text, start, end)]
    if not foreign:
        return False
    group = [m.start() for m in lx.TALIBAN_SIDE.finditer(text, start, end)]
    return not group or foreign[-1] > group[-1]


def _event_date(
    article: Article,
    sentence: _Sentence,
    binding: _Binding,
    status: Status,
    resolution: DateResolution,
    *,
    clause: tuple[int, int],
) -> DateResolution:
    """The cue's date, refined by what the place, the status and the clause say about it."""
    text, cue = article.text, binding.cue
    own_day = _mention_own_day(text, sentence, cue, binding.mention, resolution, article.date)
    if own_day is not None:
        resolution = own_day  # "captured Farah on Monday and Zaranj on Wednesday"
    elif status in (Status.CAPTURED, Status.CLAIMED):
        told_again = _fall_told_again(text, sentence, cue, binding.mention, article.date)
        if told_again is not None:
            resolution = told_again
    if status is Status.CONTESTED and is_duration(resolution.phrase) and article.date is not None:
        # "has been under siege for two weeks, with clashes every night": still fought for
        resolution = DateResolution(
            article.date,
            Precision.DAY,
            f"'{resolution.phrase}' and still going on: article date {article.date}",
            resolution.phrase,
        )
    if (
        status is Status.CAPTURED
        and resolution.date is None
        and lx.CONTROL_STATE.search(text, cue.start, cue.end)
        and (began := state_began(resolution.phrase, article_date=article.date)) is not None
    ):
        resolution = began  # "which had been in Taliban hands since June 21"
    clause_text = text[clause[0] : clause[1]]
    found = resolution.phrase
    if (vague := _recent_month(clause_text, article.date)) and (
        not found or found not in clause_text
    ):
        # the day found, if any, belongs to another clause: "retook Dand in July, but ... Monday"
        resolution = DateResolution(
            None, Precision.UNKNOWN, f"'{vague}' names no single day", vague
        )
    return resolution


# ", which fell late on Thursday", ", which the Taliban captured on Monday": a relative clause
# that tells the fall of the place just named again
_FALL_TOLD_AGAIN = re.compile(
    r"[^,;]{0,60}?,\s*(?:which|that)\s+(?:(?:the\s+)?(?:taliban|insurgents|militants|group)\s+"
    r"(?:had\s+|have\s+|has\s+)?(?:captured|seized|took|taken|overran|overrun)"
    r"|(?:had\s+|has\s+)?(?:fell|fallen)|(?:was|had\s+been|has\s+been)\s+(?:captured|seized"
    r"|taken|overrun|lost))\b",
    re.IGNORECASE,
)
_RELATIVE_CLAUSE_END = re.compile(r"[,;]")


def _fall_told_again(
    text: str, sentence: _Sentence, cue: _Cue, mention: _MentionLike, article_date: dt.date | None
) -> DateResolution | None:
    """ "conceded the loss of the Chah Ab district in Takhar, which fell late on Thursday":
    the day in the relative clause that tells the fall again is the fall's, not the saying's."""
    if mention.start < cue.end:
        return None
    again = _FALL_TOLD_AGAIN.match(text, mention.end, sentence.end)
    if again is None:
        return None
    stop = _RELATIVE_CLAUSE_END.search(text, again.end(), sentence.end)
    clause_end = stop.start() if stop else sentence.end
    body = text[sentence.start : sentence.end]
    found = resolve_date_phrase(
        body, article_date=article_date, cue_at=again.end() - sentence.start
    )
    if not found.phrase or found.date is None:
        return None
    if found.phrase not in text[again.end() : clause_end]:
        return None  # the day found is another clause's
    return found


def _mention_own_day(
    text: str,
    sentence: _Sentence,
    cue: _Cue,
    mention: _MentionLike,
    resolution: DateResolution,
    article_date: dt.date | None,
) -> DateResolution | None:
    """A later object of a coordination with its own day ("and Zaranj on Wednesday", "and Tulak
    in Ghor on Tuesday", "and the Jawand district of Badghis a day later", "and, two days later,
    the Shah Joi district"): that day, not the first object's (a count runs from it)."""
    if mention.start < cue.end or not resolution.phrase:
        return None
    located = _located_place(text, sentence, mention)
    if located is not None and located.start >= cue.end:
        # "the Arghistan district of |Kandahar|": the place it locates has the day
        mention = located
    day_end: int | None = None
    if lx.COORDINATED_OBJECT_BEFORE.search(
        text, max(cue.end, mention.start - COORDINATED_REACH), mention.start
    ):
        day = lx.OWN_DAY_AFTER.match(text, mention.end, sentence.end)
        day_end = day.end() if day is not None else None
    if day_end is None:
        before = lx.COORDINATED_DAY_BEFORE.search(
            text, max(cue.end, mention.start - COORDINATED_DAY_REACH), mention.start
        )
        day_end = before.end("day") if before is not None else None
    if day_end is None:
        return None
    found = resolve_date_phrase(
        text[sentence.start : sentence.end],
        article_date=article_date,
        cue_at=day_end - sentence.start,
        reference=resolution.date,
    )
    return found if found.phrase and found.phrase != resolution.phrase else None


# Between a town and the province or city that locates it: "Arghistan| district of |Kandahar",
# "Gizab|, in |Daikundi", "Karukh| (|Herat", "Lash-e Juwayn| in |Farah".
_LOCATED_BY_GAP = re.compile(
    r"(?:\s+(?:district|city|town|port|crossing))?\s+(?:of|in)\s+(?:the\s+)?|\s*\(\s*|,\s+in\s+"
)


def _located_place(text: str, sentence: _Sentence, mention: _MentionLike) -> _MentionLike | None:
    """The place right before ``mention`` that it only locates, if any."""
    before = [m for m in sentence.mentions if m.end <= mention.start]
    if not before or before[-1].place.iso != mention.place.iso:
        return None
    place = before[-1]
    return place if _LOCATED_BY_GAP.fullmatch(text, place.end, mention.start) else None


def _fight_under_way(text: str, sentence: _Sentence, cue: _Cue, mention: _MentionLike) -> bool:
    """An operation "launched ... to recapture X", fighters who "tried to storm X": fighting,
    when X itself is the object."""
    if lx.STATUS_OF_KIND.get(cue.kind) not in ("retaken", "captured", "contested"):
        return False
    # "to retake Spin Boldak", "to retake the key border crossing of Spin Boldak", "In Kunduz,
    # ... launched a counteroffensive to retake the city"; not "to retake districts lost in
    # Kunduz"
    if mention.start < cue.end:
        back = _match(lx.BACK_REFERENCE, sentence.facts, cue.end, sentence.end)
        if not back:
            return False
        if _operation_launched_after(sentence, cue, back.end()):
            return True  # "the army's counteroffensive to retake the town, launched on Friday"
    else:
        # the object is the first place after the cue; the bound one may be its province
        first = next((m for m in sentence.mentions if m.start >= cue.end), mention)
        if first.place.iso != mention.place.iso:
            return False
        if not lx.PLACE_DESCRIPTOR.fullmatch(text, cue.end, first.start):
            return False
        if _operation_launched_after(sentence, cue, first.end):
            return True
    return _operation_under_way(sentence, cue)


_AFTER_WORD = re.compile(r"\bafter\b", re.IGNORECASE)


def _entered_after_withdrawal(
    text: str, sentence: _Sentence, cue: _Cue, mention: _MentionLike
) -> bool:
    """ "the Taliban entered the Kahmard district headquarters after the forces left": walking
    into a place its defenders had left is taking it, not fighting for it."""
    if not text[cue.start : cue.end].lower().startswith("enter") or mention.start < cue.end:
        return False
    after = _AFTER_WORD.search(text, mention.end, min(sentence.end, mention.end + AFTER_REACH))
    return after is not None and bool(lx.WITHDRAWAL_CAUSE.match(text, after.end(), sentence.end))


_OTHER_ATTACKER = re.compile(
    r"\b(?:Islamic\s+State|ISIS|ISIL|IS-K|ISKP|Daesh|criminal\s+gangs?|kidnappers|bandits"
    r"|robbers|smugglers)\b|\bnot\s+the\s+Taliban\b",
    re.IGNORECASE,
)


def _targeted_attack(text: str, sentence: _Sentence, cue: _Cue) -> bool:
    """ "A car bomb and gun attack on the home of the acting defence minister in Kabul": a
    bombing or an attack on a person's home or convoy is no fight for the place."""
    if lx.STATUS_OF_KIND.get(cue.kind) != "contested" or not text.startswith(
        ("attack", "Attack"), cue.start
    ):
        return False
    window_start = max(sentence.start, cue.start - TARGETED_REACH)
    return bool(
        lx.BOMBING_BEFORE.search(text, window_start, cue.start)
        or lx.PERSONAL_TARGET_AFTER.match(text, cue.end, sentence.end)
        # "claimed responsibility for the attack in Kabul": an attack someone owns, a bombing
        or lx.RESPONSIBILITY_BEFORE.search(text, window_start, cue.start)
        # "Islamic State militants attacked a Taliban position", "a criminal gang, not the
        # Taliban, was behind an attack on a checkpoint": someone else's fight
        or _OTHER_ATTACKER.search(
            text, max(sentence.start, cue.start - OTHER_ATTACKER_REACH), cue.start
        )
    )


def _reported_as_false(text: str, sentence: _Sentence, cue: _Cue) -> bool:
    """ "reports of fighting near the city are rumours", "Reports of clashes in Ghazni are
    baseless": the fight is only what a report the sentence calls false says. (A fall so
    denied is still the other side's claim, ``_claim_disputed``, when the claim is named; a
    retake so denied is still the government's word, and there is no weaker retake to show it
    as.)"""
    return _called_false(lx.REPORTS_OF_BEFORE, text, (sentence.start, sentence.end), cue)


def _report_of_called_false(text: str, span: tuple[int, int], cue: _Cue) -> bool:
    """ "The reports of its fall are not true": the fall is only what a report the sentence
    calls false says, as in "Reports that X had fallen were false"."""
    return _called_false(lx.REPORTS_OF_EVENT_BEFORE, text, span, cue)


def _called_false(
    report_before: re.Pattern[str], text: str, span: tuple[int, int], cue: _Cue
) -> bool:
    """A report named right before the cue and called false after it, within the sentence."""
    start, end = span
    window_start = max(start, cue.start - REPORTED_REACH)
    return bool(
        report_before.search(text, window_start, cue.start)
        and lx.CALLED_FALSE_AFTER.match(text, cue.end, end)
    )


def _cleared_the_edge(text: str, sentence: _Sentence, cue: _Cue) -> bool:
    """ "Commandos cleared the outskirts of Qala-e Naw": the defenders' fight at its edge."""
    if cue.kind != "contest_location":
        return False
    window_start = max(sentence.start, cue.start - CLEARED_REACH)
    return bool(lx.CLEARED_BEFORE.search(text, window_start, cue.start))


def _civilians_moving(text: str, sentence: _Sentence, cue: _Cue) -> bool:
    """ "with families moving into Kandahar city": people fleeing into a place, no fight."""
    if lx.STATUS_OF_KIND.get(cue.kind) != "contested" or not lx.MOVEMENT_CUE.match(
        text, cue.start, cue.end
    ):
        return False
    window_start = max(sentence.start, cue.start - MOVER_REACH)
    return bool(lx.CIVILIANS_BEFORE.search(text, window_start, cue.start))


def _people_joined(text: str, sentence: _Sentence, cue: _Cue, mention: _MentionLike) -> bool:
    """ "40 soldiers in Takhar province had joined the Islamic Emirate", "prisoners held in
    Kandahar were freed": people went over or out, the place did not change hands."""
    joined = cue.kind == "capture_intrans" and text.find("joined", cue.start, cue.end) >= 0
    freed = cue.kind == "retake_intrans" and text.find("freed", cue.start, cue.end) >= 0
    if not (joined or freed):
        return False
    window_start = max(sentence.start, mention.start - PEOPLE_REACH)
    return bool(lx.PEOPLE_OF_BEFORE.search(text, window_start, mention.start))


def _people_surrendered(text: str, sentence: _Sentence, cue: _Cue, mention: _MentionLike) -> bool:
    """ "commandos who had surrendered in Dawlatabad district", "1,037 soldiers had surrendered
    to the group in Badakhshan": people gave themselves up, the place did not. (Soldiers who
    surrender in a district, told as news, still give it up: "120 soldiers surrendered to the
    Taliban in Dawlat Abad district on Monday".)"""
    if cue.end > mention.start or text.find("surrender", cue.start, cue.end) < 0:
        return False
    if _SURRENDERED_OBJECT.match(text, cue.end, mention.start):
        return False  # "soldiers surrendered their outposts around the Kishim district centre"
    window_start = max(sentence.start, cue.start - PEOPLE_REACH)
    people = _SURRENDERING_PEOPLE_BEFORE.search(text, window_start, cue.start)
    if people is None:
        return False
    if people.group("relative") is not None:
        return True
    # a province named for itself, not as the locator of a district the gazetteer may not know
    # ("surrendered to the Taliban in Dawlat Abad district of Faryab on Monday")
    return mention.place.kind == "province" and text.find("district", cue.end, mention.start) < 0


def _operation_launched_after(sentence: _Sentence, cue: _Cue, object_end: int) -> bool:
    """ "the operation to retake Andkhoy was launched on Monday": launched after its object."""
    facts = sentence.facts
    window_start = max(sentence.start, cue.start - 80)
    return bool(
        _search(lx.OPERATION_TO_BEFORE, facts, window_start, cue.start)
        and _match(lx.LAUNCHED_AFTER, facts, object_end, sentence.end)
    )


def _operation_under_way(sentence: _Sentence, cue: _Cue) -> bool:
    """ "launched an operation to", "are fighting to" just before the cue, not "would launch"."""
    window_start = max(sentence.start, cue.start - 80)
    match = _search(lx.UNDER_WAY_BEFORE, sentence.facts, window_start, cue.start)
    if match is None:
        return False
    modal_start = max(sentence.start, match.start() - 30)
    return not _search(lx.MODAL_BEFORE, sentence.facts, modal_start, match.start())


def _part_named_first(sentence: _Sentence, cue: _Cue, mention: _MentionLike) -> bool:
    """The cue's object is a part of the place: "parts of Lashkargah", "most of the city"."""
    part = _search(lx.PARTIAL, sentence.facts, cue.end, max(cue.end, mention.start))
    return part is not None and not _locates_a_named_part(sentence, mention, cue.end, part.start())


def _partial(text: str, sentence: _Sentence, cue: _Cue, mention: _MentionLike) -> bool:
    facts = sentence.facts
    if _part_named_first(sentence, cue, mention):
        return True
    # "captured all but the police headquarters in Lashkar Gah", "controlled all of Zaranj
    # except the airport": what is left out is still fought for
    if _ALL_BUT_PART.match(text, cue.end, sentence.end) or (
        cue.end <= mention.start
        and _ALL_OF.fullmatch(text, cue.end, mention.start)
        and _EXCEPT_AFTER.match(text, mention.end, sentence.end)
    ):
        return True
    # "Residents of Qala-e Naw said the Taliban controlled most of the city"
    if mention.end <= cue.start and (
        _match(lx.PARTIAL_OBJECT, facts, cue.end, sentence.end)
        or lx.CITY_PART_OBJECT.match(text, cue.end, sentence.end)
    ):
        return True
    # "half of it is in the hands of the Taliban"
    if _search(lx.PARTIAL_SUBJECT, facts, max(sentence.start, cue.start - 30), cue.start):
        return True
    if _match(lx.PARTIAL_AFTER, facts, mention.end, sentence.end):
        return True
    if mention.end <= cue.start and _search_slice(
        lx.PARTIAL_BEFORE, facts, max(sentence.start, mention.start - PARTIAL_REACH), mention.start
    ):
        return True
    return bool(_search(lx.STILL_HOLDS, facts, cue.end, sentence.end))


_ALL_BUT = re.compile(r"\s+all\s+(?:but|except|save)\b", re.IGNORECASE)
# never "taken all but two districts of Kunduz province": each district taken is a capture
_ALL_BUT_PART = re.compile(
    _ALL_BUT.pattern + r"(?![^,;.]{0,40}?(?<!police\s)\bdistricts\b)", re.IGNORECASE
)
_ALL_OF = re.compile(
    r"\s+(?:all|the\s+whole|the\s+entire|the\s+rest)(?:\s+(?:city|town|district))?\s+of\s+",
    re.IGNORECASE,
)
_EXCEPT_AFTER = re.compile(
    r"(?:\s+(?:city|town|district))?\s*,?\s+(?:except|but\s+for|save\s+for|apart\s+from"
    r"|other\s+than)\b",
    re.IGNORECASE,
)


def _contradicted(text: str, sentence: _Sentence, cue: _Cue, mention: _MentionLike) -> bool:
    """A denial later in the sentence that is about this place, not another one named after."""
    facts = sentence.facts
    for match in _finditer(lx.CONTRADICTION, facts, cue.end, sentence.end):
        subject_start = max(cue.end, match.start() - BUILDING_SUBJECT_CHARS)
        if lx.BUILDING_SUBJECT_BEFORE.search(text, subject_start, match.start()):
            continue  # "the nearby army base was still in government hands"
        between = range(max(cue.end, mention.end), match.start())
        # "26 of Badakhshan's districts are under Taliban control; only Faizabad ... remain in
        # government hands": the denial is about the other place, even in the same province
        if not any(
            m.start in between
            and m.place != mention.place
            # (the seat speaking, "while Kabul insisted ...", is one side of the dispute here)
            and (not _is_role(text, m, sentence) or _seat_speaks(text, m))
            # "the Shinkay district of Zabul, a claim ... said was baseless": the province only
            # says where the district lies
            and not (
                m.place.iso == mention.place.iso and _located_after(facts, sentence, mention, m)
            )
            for m in sentence.mentions
        ):
            return True
    return False


def _nominal_precision(
    resolution: DateResolution, cue: _Cue, facts: _SentenceFacts, before_start: int
) -> DateResolution:
    # "The capture of Ghazni cuts off ...": the text asserts it happened, not that it is news;
    # "officials confirmed the fall of X" is news.
    if _search_slice(lx.NEWS_VERB_BEFORE, facts, before_start, cue.start):
        return resolution
    if resolution.basis != BASIS_ARTICLE_DATE:
        return resolution
    # "Residents have fled since Imam Sahib was captured": a fall told as the cause or start
    # of something else is past, not the day's news
    if cue.kind == "capture_nominal" or (
        lx.STATUS_OF_KIND.get(cue.kind) == "captured"
        and _search_slice(lx.PAST_CLAUSE_BEFORE, facts, before_start, cue.start)
    ):
        return dataclasses.replace(
            resolution,
            precision=Precision.ON_OR_BEFORE,
            basis=f"{PAST_MENTION_BASIS}: on or before article date {resolution.date}",
        )
    return resolution


def _clause(text: str, sentence: _Sentence, cue: _Cue) -> tuple[int, int]:
    """The stretch of the sentence around the cue between commas or semicolons."""
    start = max(
        text.rfind(",", sentence.start, cue.start), text.rfind(";", sentence.start, cue.start)
    )
    start = sentence.start if start < 0 else start + 1
    ends = [
        i
        for i in (text.find(",", cue.end, sentence.end), text.find(";", cue.end, sentence.end))
        if i >= 0
    ]
    end = min(ends) if ends else sentence.end
    return start, end


def _attribution(text: str, sentence: _Sentence, cue: _Cue) -> str:
    """Who the sentence says reports the cue: a speaker class, or ``OWN_VOICE``."""
    known = sentence.facts.attributions
    key = (cue.start, cue.end)
    attribution = known.get(key)
    if attribution is None:
        attribution = known[key] = _read_attribution(text, sentence, cue)
    return attribution


def _read_attribution(text: str, sentence: _Sentence, cue: _Cue) -> str:
    if _taliban_labelled(text, sentence):
        return "taliban"
    if not sentence.facts.speech_verbs():
        return OWN_VOICE  # most sentences: no clause to find
    speakers: list[tuple[int, str]] = []
    major_start, major_end = _major_clause(text, sentence, cue)
    lowered = sentence.facts.lowered
    if lowered is not None and _LOWERED_SPEAKERS is not None:
        text, kinds = lowered, _LOWERED_SPEAKERS  # only searched by the speaker patterns
    else:
        kinds = lx.SPEAKERS
    for verb in sentence.facts.speech_verbs():
        # The sentence's verbs inside the clause are the clause's own: no verb of saying
        # spans a ";" or a "but", and the clause's edges sit at word boundaries.
        if verb.start() < major_start or verb.end() > major_end:
            continue
        # "he said" may point back to the sentence before when its clause opens the sentence
        previous = sentence.facts.previous if major_start == sentence.start else None
        speaker = _speaker_of(text, verb, cue, (major_start, major_end), kinds, previous=previous)
        if speaker is not None:
            speakers.append((verb.start(), speaker))
    if not speakers:
        return OWN_VOICE
    # an outlet relaying the group's statement ("the Islamic Emirate said ..., Khaama Press
    # reported") does not make it anyone else's word
    others = [(at, s) for at, s in speakers if s not in ("taliban", "reporter")]
    if others and not _group_speaks_last(speakers, others, cue):
        return others[0][1]
    return "taliban" if any(s == "taliban" for _, s in speakers) else speakers[0][1]


def _group_speaks_last(
    speakers: list[tuple[int, str]], others: list[tuple[int, str]], cue: _Cue
) -> bool:
    """ "Officials insisted on Thursday that Spin Boldak had not fallen, a day after the Taliban
    said they had seized the border crossing": the group's saying, told after every other
    speaker's and nearest before the cue, is the one the cue is part of."""
    before = [(at, s) for at, s in speakers if at < cue.start]
    return bool(before) and max(before)[1] == "taliban" and max(others)[0] < max(before)[0]


# A lower-case word no speaker's label holds: the label is a clause ("Taliban sweep north").
_LABEL_CLAUSE_WORD = re.compile(
    r"\b(?!(?:spokes\w+|statement|official|officials|website|account|commander|leader|leaders"
    r"|media|group|of|on|the|a|in|says|said|for|to|via|and|fighters|sources?)\b)[a-z][a-z’'-]*\b"
)


def _taliban_labelled(text: str, sentence: _Sentence) -> bool:
    """A line that opens with the group's label ("Islamic Emirate: ...", "Zabihullah Mujahid:
    ...") is the group's statement, every sentence of it."""
    opened = line_start(text, sentence.start)
    if text.find(":", opened, sentence.end) < 0:
        return False
    label = lx.LINE_LABEL.match(text, opened, sentence.end)
    if label is None or len(label.group("label").split()) > MAX_LABEL_WORDS:
        return False
    # a source's name, not a clause: "The militants captured three capitals: ...", a
    # headline's "Taliban sweep north and centre: ..."
    if any(cue.start < label.end() for cue in sentence.cues) or _LABEL_CLAUSE_WORD.search(
        label.group("label")
    ):
        return False
    return _speaker_class(label.group("label"), first=True) == "taliban"


def _speaker_of(
    text: str,
    verb: re.Match[str],
    cue: _Cue,
    major: tuple[int, int],
    kinds: Sequence[tuple[str, re.Pattern[str]]],
    *,
    previous: tuple[int, int] | None = None,
) -> str | None:
    major_start, major_end = major
    after_text = text[verb.end() : major_end]
    if verb.group(0).lower().startswith("according"):
        # "According to local officials, Taliban militants overran ...": stop at the comma
        return _speaker_class(after_text.split(",", 1)[0], first=True, kinds=kinds)
    if verb.start() >= cue.end:
        # "..., officials said" or "..., said X, a member of the council": never the actor
        # of the cue, which sits before the last comma
        if _who_before(text, major_start, cue):
            # "Taliban fighters who captured Kunduz last week withdrew ..., a spokesman for the
            # group said": what he said is the withdrawal; the capture is the reporter's
            return None
        if _SUBORDINATE_BEFORE_VERB.search(text, cue.end, verb.start()):
            # "The Taliban said they had recaptured Karukh ..., hours after government forces
            # said they had retaken it": that saying belongs to the other clause
            return None
        stretch = _speaker_stretch(text[cue.end : verb.start()])
        opener = text.rfind(",", major_start, cue.start)
        if (
            opener >= 0
            and _APPOSITIVE_RELATIVE.match(text, opener)
            and text[cue.end : verb.start()].rstrip().endswith(",")
        ):
            # "Residents who fled Tulak, the Ghor district that fell to the Taliban two weeks
            # ago, say ...": the appositive's clause is the reporter's, and its "Taliban" no
            # speaker
            return None
        before = _speaker_class(stretch, kinds=kinds)
        if before is not None:
            return before
        opener = text.rfind(",", major_start, cue.start)
        if not stretch.strip() and opener >= 0 and _RELATIVE_AFTER_COMMA.match(text, opener):
            # "The Taliban, who captured Spin Boldak a week ago, said on Thursday ...", "Residents
            # of Malistan, which fell two weeks ago, say the insurgents ...": the relative clause
            # is the reporter's, not what the speaker says
            return None
        if _PRONOUN_SPEAKER.fullmatch(stretch):
            # "..., he said, and the Taliban took ...": the words after are news; "he" is the
            # speaker the sentence before named, when that was the group's
            return _group_speaker_before(text, previous, kinds) if previous else None
        return _speaker_class(_first_words(after_text, 12), first=True, kinds=kinds)
    window_before = text[max(major_start, verb.start() - 120) : verb.start()]
    return _speaker_class(_last_words(window_before, 14), kinds=kinds)


def _group_speaker_before(
    text: str, previous: tuple[int, int], kinds: Sequence[tuple[str, re.Pattern[str]]]
) -> str | None:
    """ "Zabihullah Mujahid, a Taliban spokesman, said ... . 'Lashkar Gah is now ours,' he
    wrote": "he" is the group's speaker when the sentence just before (in this paragraph or
    ending the one before) opens with one who says something. Any other is left unread."""
    start, end = previous
    if not _ENDS_WITH_FULL_STOP.search(text, start, end):
        return None  # a headline or a list item, not a sentence that names a speaker
    opening = _SPEAKER_OPENING.match(text, start, end)
    if opening is None:
        return None
    speaker = _speaker_class(opening.group("who"), kinds=kinds)
    return speaker if speaker == "taliban" else None


_ENDS_WITH_FULL_STOP = re.compile(r"[.!?][\"”’']?\s*$")
# A sentence that opens with its speaker: "Zabihullah Mujahid, a Taliban spokesman, said".
_SPEAKER_OPENING = re.compile(
    r"\s*(?P<who>[^.;:!?\"“”]{2,90}?)\s+(?:said|says|told|wrote|tweeted|claimed|announced|added)\b",
    re.IGNORECASE,
)


# A comma and a lower-case word that is no conjunction: the relative clause has ended.
_AFTER_ASIDE = re.compile(r",\s+(?!and\b|or\b)[a-z]")
_SUBORDINATE_BEFORE_VERB = re.compile(
    r"\b(?:after|before|when|while|whereas|since|until)\s+(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE
)
_RELATIVE_AFTER_COMMA = re.compile(r",\s*(?:which|that|where|who)\b", re.IGNORECASE)
_APPOSITIVE_RELATIVE = re.compile(
    r",\s*(?:the|a|an)\s+(?:[\w’'-]+\s+){0,3}?(?:district|town|city|capital|crossing|port|province)"
    r"\s+(?:that|which)\b",
    re.IGNORECASE,
)
# "Taliban fighters who captured Kunduz last week withdrew ..., a spokesman said"
_RELATIVE_SUBJECT_BEFORE = re.compile(r"\bwho\s+(?:had\s+|have\s+|has\s+)?$", re.IGNORECASE)


def _who_before(text: str, start: int, cue: _Cue) -> bool:
    """The cue is a relative clause's verb: "Taliban fighters who captured Kunduz"."""
    window_start = max(start, cue.start - RELATIVE_WHO_REACH)
    return _RELATIVE_SUBJECT_BEFORE.search(text, window_start, cue.start) is not None


def _speaker_stretch(between: str) -> str:
    """Where the speaker of a "..., said" after the cue is named: after a closing quote ('has
    fled," a Taliban spokesman, Zabihullah Mujahid, wrote'), else after the last comma ("fell
    to the Taliban ..., he said"), never in the cue's own object."""
    quote = max(between.rfind(mark) for mark in CLOSING_QUOTES)
    if quote >= 0:
        return between[quote + 1 :]
    comma = between.rfind(",")
    if comma < 0:
        return between
    if not between[comma + 1 :].strip():
        # "..., Zabihullah Mujahid, a spokesman for the group, said": the appositive names him
        # (never a relative clause: "Residents of Malistan, which fell to the Taliban, say")
        aside = between[between.rfind(",", 0, comma) + 1 : comma]
        if _TITLE_APPOSITIVE.match(aside):
            return aside
    return between[comma + 1 :]


_TITLE_APPOSITIVE = re.compile(
    r"\s*(?:a|an|the)\s+(?:[\w’'-]+\s+){0,3}?(?:spokes\w+|commander"
    r"|official|leader|member)\b",
    re.IGNORECASE,
)


def _major_clause(text: str, sentence: _Sentence, cue: _Cue) -> tuple[int, int]:
    """The stretch around the cue between ";", "while", "whereas" and "but"."""
    start, end = sentence.start, sentence.end
    for position in sentence.facts.major_breaks():
        if position < cue.start:
            start = position
        elif position >= cue.end:
            end = position
            break
    return start, end


def _last_words(text: str, count: int) -> str:
    return " ".join(text.split()[-count:])


def _first_words(text: str, count: int) -> str:
    return " ".join(text.split()[:count])


def _speaker_class(
    window: str,
    *,
    first: bool = False,
    kinds: Sequence[tuple[str, re.Pattern[str]]] = lx.SPEAKERS,
) -> str | None:
    """The class of the speaker noun nearest the verb of saying ("Taliban spokesman" is one).

    ``first``: the window follows the verb, so the nearest noun is the first one. ``kinds``:
    the speaker patterns, or their twins for a lowered window.
    """
    best: tuple[int, int, str] | None = None
    found: list[tuple[re.Match[str], str]] = []
    for name, pattern in kinds:
        for match in pattern.finditer(window):
            found.append((match, name))
            key = (-match.start(), match.end()) if first else (match.end(), -match.start())
            if best is None or key > best[:2]:
                best = (*key, name)
    if best is None:
        return None
    if best[2] == "taliban" and _joined_by_others(window, found):
        # "Afghan officials and Taliban accounts on social media said": not only their word
        return next(name for _, name in found if name != "taliban")
    return best[2]


def _joined_by_others(window: str, found: list[tuple[re.Match[str], str]]) -> bool:
    """Whether a speaker of another side is coordinated with a Taliban one in ``window``."""
    talibans = [match for match, name in found if name == "taliban"]
    others = [match for match, name in found if name != "taliban"]
    for taliban in talibans:
        for other in others:
            first, second = sorted((taliban, other), key=lambda match: match.start())
            if first.end() <= second.start() and _COORDINATED.fullmatch(
                window, first.end(), second.start()
            ):
                return True
    return False


def _in_relative_aside(text: str, sentence: _Sentence, cue: _Cue) -> bool:
    """ "The Taliban, who took Mazar-i-Sharif on Saturday, did not confirm the retreat": the
    aside is the reporter's, and a doubt outside it is about the rest of the sentence."""
    if not _who_before(text, sentence.start, cue):
        return False
    opener = text.rfind(",", sentence.start, cue.start)
    if opener < 0 or not _RELATIVE_AFTER_COMMA.match(text, opener):
        return False
    closer = text.find(",", cue.end, sentence.end)
    if closer < 0:
        return False
    aside = text[opener:closer]
    return not lx.HEDGE.search(aside)


def _answers_fronted_rumour(text: str, sentence: _Sentence, cue: _Cue) -> bool:
    """ "Regarding rumors on social media about the fall of Chakhansur, the Governor's Office
    clarifies that the security forces carried out a tactical relocation": the fronted phrase
    names the rumour; the clause after it is the office's own word, doubted only by itself."""
    front = _RUMOUR_FRONT.match(text, sentence.start, sentence.end)
    if front is None or cue.start < front.end():
        return False
    return not lx.HEDGE.search(text, front.end(), sentence.end)


def _doubt_answered(text: str, sentence: _Sentence, cue: _Cue) -> bool:
    """ "LWJ has been unable to independently confirm this, but a council member told local
    media that Khamyab was handed over": a doubt before "but" that the cue's clause answers."""
    but = text.rfind(" but ", sentence.start, cue.start)
    return (
        but >= 0
        and lx.HEDGE.search(text, sentence.start, but) is not None
        and lx.HEDGE.search(text, but, sentence.end) is None
    )


_RUMOUR_FRONT = re.compile(
    r"\W*(?:regarding|concerning|about|as\s+for|in\s+response\s+to|responding\s+to)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+)?(?:rumou?rs?|reports?|claims?|allegations?)\b[^,;]*,",
    re.IGNORECASE,
)


def _is_hedged(sentence: _Sentence) -> bool:
    return _hedged(*_read_as(sentence, twins=_HEDGE_TWIN is not None))


# A later clause with a subject of its own: "..., and Shahr-e Buzurg is also said to have fallen".
_NEXT_CLAUSE = re.compile(r"(?:,\s*and|;|,\s*while|,\s*but)\s+(?=(?:the\s+)?[A-Z])")


def _hedged_only_later(text: str, sentence: _Sentence, cue: _Cue, mention: _MentionLike) -> bool:
    """ "have taken Kishim and Khwahan, and Shahr-e Buzurg is also said to have fallen,
    although this could not be verified": the doubt is the later clause's, about its own place."""
    after = max(cue.end, mention.end)
    clause = _NEXT_CLAUSE.search(text, after, sentence.end)
    if clause is None:
        return False
    if lx.HEDGE.search(text[sentence.start : clause.start()]):
        return False
    return any(m.start >= clause.end() for m in sentence.mentions)


# A clause set against the one before it: "..., while officials confirmed that ...".
_CONTRASTED_CLAUSE = re.compile(r"(?:,\s*while|,\s*whereas|;)\s+", re.IGNORECASE)


def _hedged_only_earlier(text: str, sentence: _Sentence, cue: _Cue, mention: _MentionLike) -> bool:
    """ "The insurgents are believed to have taken Shinkay, while officials confirmed on
    Wednesday that Arghistan had been handed over": the doubt is the earlier clause's, when
    the later one names its own place (not "...; residents said the group's flag was flying
    over the district office", still about the place in doubt)."""
    boundaries = list(_CONTRASTED_CLAUSE.finditer(text, sentence.start, cue.start))
    if not boundaries or mention.start < boundaries[-1].end():
        return False
    boundary = boundaries[-1]
    return lx.HEDGE.search(text, boundary.end(), sentence.end) is None


def _sentence_manner(sentence: _Sentence) -> str:
    return _manner(*_read_as(sentence, twins=_LOWERED_MANNER is not None))


def _read_as(sentence: _Sentence, *, twins: bool) -> tuple[str, bool]:
    """The sentence lower-cased, and ``True``, when its twins can search it; else as written."""
    facts = sentence.facts
    if twins and facts.lowered is not None:
        return facts.lowered[sentence.start : sentence.end], True
    return facts.text[sentence.start : sentence.end], False


@functools.lru_cache(maxsize=4096)
def _hedged(body: str, lowered: bool) -> bool:
    return bool((_HEDGE_TWIN if lowered else lx.HEDGE).search(body))


@functools.lru_cache(maxsize=4096)
def _manner(body: str, lowered: bool) -> str:
    if lowered and _LOWERED_MANNER is not None:
        for name, guard, twin in _LOWERED_MANNER:
            if guard.search(body) and twin.search(body):
                return name
        return ""
    for name, pattern in lx.MANNER:
        if pattern.search(body):
            return name
    return ""


# The fighting before a capture or a retake in the same sentence is part of that change:
# "regained Qala-e Naw after the Taliban briefly entered the city" is one retake.
_SUBSUMED_BY: dict[Status, tuple[Status, ...]] = {
    Status.CLAIMED: (Status.CAPTURED,),
    Status.CONTESTED: (Status.CAPTURED, Status.RETAKEN),
}


# Enum members read through the class cost a descriptor call each: the hot loops use these.
_CONTESTED = Status.CONTESTED
_DAY = Precision.DAY
_CAPTURED_VALUE = Status.CAPTURED.value


def _one_per_province(events: list[Event]) -> list[Event]:
    """One event per province and status; a capture the sentence asserts outranks a claim.

    Two statuses for one province stay apart: "retook Kahmard after it fell on Thursday" is
    a capture and a retake, "attacked Kunduz and captured the city" fighting and a capture.
    """
    best: dict[tuple[str, Status], Event] = {}
    for event in events:
        key = (event.province_iso, event.status)
        current = best.get(key)
        if current is None or _outranks(event, current):
            best[key] = event
    if len(best) == len(events) == 1:
        return events  # most sentences: one event, nothing to weigh
    # fighting told on another day of its own stays too: "Fighting resumed around Qala-e Naw,
    # where fighters briefly entered the city on Wednesday"
    other_days = (
        [
            e
            for e in events
            # and a place taken again after its retake: "retook Kishim on Saturday, which the
            # Taliban had seized on Thursday, but the insurgents overran it again late Sunday"
            if (
                e.status is _CONTESTED
                or (e.status is Status.CAPTURED and (e.province_iso, Status.RETAKEN) in best)
            )
            and e.date_precision is _DAY
            and (chosen := best[e.province_iso, e.status]) is not e
            and chosen.event_date != e.event_date
            and e.date_phrase
            and e.date_phrase != chosen.date_phrase
        ]
        if len(best) < len(events)
        else []
    )
    kept = [
        e
        for e in best.values()
        if not any(
            (e.province_iso, s) in best
            and not _news_after_past_change(e, best[e.province_iso, s])
            and not _fight_for_the_capital(e, best[e.province_iso, s])
            and not _fight_for_another_place(e, best[e.province_iso, s])
            and not _claim_apart(e, best[e.province_iso, s])
            and not _counter_attack_after(e, best[e.province_iso, s])
            and not _fighting_after_contrast(e, best[e.province_iso, s])
            for s in _SUBSUMED_BY.get(e.status, ())
        )
    ]
    if not other_days:
        return kept
    days_kept = {(e.province_iso, e.status, e.event_date) for e in kept}
    for event in other_days:
        day = (event.province_iso, event.status, event.event_date)
        if best[event.province_iso, event.status] in kept and day not in days_kept:
            days_kept.add(day)
            kept.append(event)
    return kept


def _fighting_after_contrast(event: Event, change: Event) -> bool:
    """ "claimed to have retaken the Jawand district, but local residents said clashes were
    continuing around Jawand": fighting set against the change after it is news of its own."""
    if event.status is not Status.CONTESTED or event.place_start <= change.place_end:
        return False
    between = event.quote[
        change.place_end - event.quote_start : event.place_start - event.quote_start
    ]
    return (
        _CONTRAST_BETWEEN.search(between) is not None
        and _FIGHTING_GOES_ON.search(between) is not None
    )


_CONTRAST_BETWEEN = re.compile(r",\s*(?:but|while|although|though)\b|;", re.IGNORECASE)


def _counter_attack_after(event: Event, change: Event) -> bool:
    """ "seized Baraki Barak early on Saturday, and government forces launched an operation to
    retake it the same day": the government's fight to take the place back is news of its own."""
    return (
        event.status is Status.CONTESTED
        and change.status is Status.CAPTURED
        and event.actor == GOVERNMENT_ACTOR
        and change.actor != GOVERNMENT_ACTOR
    )


def _claim_apart(event: Event, change: Event) -> bool:
    """A claim that is news beside the capture of its place: told of another mention of the
    place, by another source, or first, on a day of its own ("The Taliban claimed on Tuesday to
    have captured Arghandab; on Wednesday a council member confirmed that it had fallen")."""
    if event.status is not Status.CLAIMED:
        return False
    if event.place_start != change.place_start:
        # "withdrew from Dawlat Shah on Monday, officials said; the Taliban said they now
        # controlled Dawlat Shah": two reports of the place, each with its own source
        return True
    return (
        event.date_precision is _DAY
        and change.date_precision is _DAY
        and event.event_date is not None
        and change.event_date is not None
        and event.event_date < change.event_date
    )


def _fight_for_another_place(event: Event, change: Event) -> bool:
    """ "overran the Qaisar district on Sunday, and clashes are now reported in Pashtun Kot":
    fighting for another named town or district of the province is news of its own."""
    if event.status is not Status.CONTESTED or event.place_kind == "province":
        return False
    if change.place_kind == "province":
        return False
    fought, changed = event.place.lower(), change.place.lower()
    return fought not in changed and changed not in fought


def _fight_for_the_capital(event: Event, change: Event) -> bool:
    """ "seized Bala Buluk district and pushed into the outskirts of Farah city": fighting for
    the capital beside the fall of a district of its province is news of its own."""
    return (
        event.status is Status.CONTESTED
        and change.status is Status.CAPTURED
        and event.place_kind == "capital"
        and change.place_kind != "capital"
    )


def _news_after_past_change(event: Event, change: Event) -> bool:
    """ "launched an operation on Saturday to push the Taliban out of X, following the earlier
    seizure of the town", "launched an operation on Friday to retake X, which the Taliban
    seized on Wednesday": dated fighting after a past or earlier change stays apart."""
    if event.status is not Status.CONTESTED:
        return False
    if event.date_precision is not Precision.DAY:
        # an undated article's "launched an operation to retake Spin Boldak, which fell to the
        # Taliban on July 14th": the government's fight for a place lost on a day of its own
        return (
            event.date_precision is Precision.UNKNOWN
            and not event.date_phrase
            and event.actor == GOVERNMENT_ACTOR
            and change.status is Status.CAPTURED
            and bool(change.date_phrase)
        )
    if change.date_precision is Precision.ON_OR_BEFORE:
        return True
    if change.event_date is None and change.date_phrase and event.event_date is not None:
        return True  # "to retake Imam Sahib, which fell to the Taliban last week": a past span
    if change.event_date is None or event.event_date is None:
        return False
    if change.date_precision is Precision.DAY and event.event_date < change.event_date:
        return True  # "launched an operation on Thursday ... a day later recaptured it"
    if event.event_date <= change.event_date:
        return False
    if not event.date_phrase and event.actor != GOVERNMENT_ACTOR:
        # "overran Kharwar district on May 23 after a week of fighting": the group's fighting
        # with no day of its own is the fight for that change
        return False
    # After the change: a government counter-attack, or an attack on another place of the
    # province ("attacked Kunduz on Sunday, a day after seizing Ali Abad district"), or a fight
    # told as still going on ("Clashes were still going on in Malistan on Tuesday, two days
    # after the Taliban overran the district centre"); Taliban patrols in the place they took
    # are its aftermath.
    return (
        event.actor == GOVERNMENT_ACTOR
        or event.place_kind != change.place_kind
        or _FIGHTING_GOES_ON.search(event.quote) is not None
    )


def _preference(event: Event) -> tuple[int, float, int]:
    return (STATUS_RANK[event.status], -event.confidence, event.place_start)


def _names_its_day(event: Event) -> bool:
    return event.event_date is not None and bool(event.date_phrase)


def _dated_by_nothing(event: Event) -> bool:
    return event.event_date is None and not event.date_phrase


def _outranks(event: Event, current: Event) -> bool:
    """Whether ``event`` tells its province's change better than ``current`` does. Of two
    places below the province, the earlier day wins: "seized Torghundi last Friday, a day after
    they captured Islam Qala" took the province on Thursday. (A province's own name is most
    often a locator, "Tulak in Ghor on Tuesday", whose day is its place's.)"""
    mine, theirs = _preference(event), _preference(current)
    on_two_days = (
        event.date_precision is _DAY
        and current.date_precision is _DAY
        and event.event_date != current.event_date
    )
    if not on_two_days:
        if event.place_start == current.place_start:
            # of two readings of one place, a day the sentence names beats none at all: an
            # undated article's "have controlled Khakrez ... since it fell on June 27, 2021"
            # (never a "since Friday" that deliberately dates nothing)
            if _names_its_day(event) and _dated_by_nothing(current):
                return True
            if _names_its_day(current) and _dated_by_nothing(event):
                return False
        return mine < theirs
    if event.place_start == current.place_start:
        # of two readings of one place, a day the sentence names beats the article's own: "are
        # now in full control of Mazar-i-Sharif, which fell to them on Saturday"
        if mine[0] == theirs[0] and bool(event.date_phrase) != bool(current.date_phrase):
            return bool(event.date_phrase)
        if mine[0] == theirs[0] and event.date_phrase and current.date_phrase:
            # both named: "said on Thursday that the Taliban were in control of Spin Buldak, a
            # day after the insurgents seized it": the change's day, before the state's
            return event.event_date < current.event_date  # type: ignore[operator]
    elif mine[0] == theirs[0] and "province" not in (event.place_kind, current.place_kind):
        # whatever the confidence of each reading: "fell on Friday, a day after the loss of
        # Islam Qala" tells the earlier fall through a noun, and it is still the earlier fall
        return event.event_date < current.event_date  # type: ignore[operator]
    return mine < theirs


def _latest_date(events: list[Event]) -> dt.date | None:
    return max((e.event_date for e in events if e.event_date is not None), default=None)


def _in_text_order(events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.quote_start, e.place_start, e.province_iso))


# --- across sentences -----------------------------------------------------------------------


def _follow_up(
    article: Article,
    sentence: _Sentence,
    previous: list[Event],
    events: list[Event],
    *,
    prior: _Sentence | None = None,
    reference: dt.date | None = None,
) -> list[Event]:
    """Apply a place-less sentence to the previous sentence's events (changed in ``events``).

    Returns new events: "They have taken the governor's office" after a sentence about one
    place is a capture of that place; "The city fell on Sunday" after a sentence that only
    names one place is a capture of it.
    """
    text = article.text
    body = text[sentence.start : sentence.end]
    if _is_skipped_sentence(body):
        return []
    if not previous:
        if prior is None or not any(_refers_back(text, sentence, c) for c in sentence.cues):
            return []  # nothing refers back: skip building the stand-in for what it would
        antecedent = _only_place(text, prior)
        if antecedent is None or _district_after_a_capital(text, sentence, prior, antecedent):
            return []
        return _carried_capture(article, sentence, [antecedent], reference=reference)
    # "Its capture came a day after the group took Aybak. The Taliban entered the city at 2am":
    # the place of an "after" clause is the earlier event's, not the one the text goes on about
    outside = [e for e in previous if not _told_in_after_clause(e)]
    if not outside and all(_about_another_place(e) for e in previous):
        return []
    previous = outside or previous
    goes_on = (_fighting_continues(body) or _attack_repelled(body)) and len(
        {e.province_iso for e in previous}
    ) == 1
    facts = sentence.facts
    hedge = _search_slice(lx.NEXT_SENTENCE_HEDGE, facts, sentence.start, sentence.end)
    if (
        hedge is not None
        and not _denied_by_the_group(body, hedge)
        and not lx.FIGURE_BEFORE.search(body, 0, hedge.start())
    ):
        # "... had recaptured Kalafgan on Friday, a day after withdrawing from it. The claim
        # could not be verified": the doubt is about the retake, not the fall behind it
        doubted = [e for e in previous if not _fall_behind_retake(e, previous)]
        _replace_all(events, doubted, _downgraded)
        return _fighting_told(article, sentence, previous[0]) if goes_on else []
    if goes_on and not any(e.status is Status.CONTESTED for e in previous):
        # "Mujahid said fighting was still going on in the area."
        fighting = _fighting_told(article, sentence, previous[0])
        if not any(c.kind in _RETAKE_KINDS for c in sentence.cues):
            return fighting
        # "Three days later, commandos retook the district centre, though residents said
        # fighting continued on its outskirts": the retake and the fighting
        carried = _carried_capture(article, sentence, previous, reference=reference)
        return carried + [e for e in fighting if e.event_date not in _contested_days(carried, e)]
    if _speech_dated(previous):
        handover = lx.LEFT_BEHIND.search(body)
        if handover is not None:
            earlier = resolve_date_phrase(
                body, article_date=article.date, cue_at=handover.start(), reference=None
            )
            if _is_earlier_day(earlier, previous):
                _replace_all(events, previous, lambda e: _moved_to(e, earlier))
                return []
    confirm = _search_slice(lx.CONFIRMS_EVENT, facts, sentence.start, sentence.end)
    if confirm is not None:
        speaker = _speaker_class(_last_words(body[: confirm.start()], 8))
        resolution = resolve_date_phrase(body, article_date=article.date, cue_at=confirm.start())
        if resolution.phrase:
            _replace_all(events, previous, lambda e: _redated(e, resolution))
            previous = [_redated(e, resolution) for e in previous]
        if speaker in (None, "taliban"):
            return []
        # the claim stays reported; the confirmation reports the capture as well
        return [_upgraded(e, speaker) for e in previous if e.status is Status.CLAIMED]
    if all(
        e.place_kind == "province" and not _CAPITAL_WORD.search(e.quote) for e in previous
    ) and _CITY_BACK.search(text, sentence.start, sentence.end):
        # "the Taliban took the Shahrak district in Ghor province. ... its troops had cleared
        # the city": a city is never the province told before
        return []
    return _carried_capture(article, sentence, previous, reference=reference)


def _told_in_after_clause(event: Event) -> bool:
    return _after_clause_start(event.quote, event.place_start - event.quote_start) is not None


def _about_another_place(event: Event) -> bool:
    return _in_clause_about_another_place(event.quote, event.place_start - event.quote_start)


def _in_clause_about_another_place(body: str, place_at: int) -> bool:
    """Whether the place at ``place_at`` is in a counted "after" clause whose main clause refers
    back to another place ("Its capture came a day after the group took Aybak")."""
    start = _after_clause_start(body, place_at)
    return start is not None and _main_clause_refers_back(body, start, place_at)


def _after_clause_start(body: str, place_at: int) -> int | None:
    """Where the count of the "after" clause the place at ``place_at`` is in ("came a day after the
    group took Aybak"), not of one before the main clause ("Two days after the assault began,
    Lashkar Gah fell")."""
    if _AFTER_WORD.search(body, 0, place_at) is None:
        return None  # most places: no count before them to look up
    return next(
        (
            phrase.start
            for phrase in find_date_phrases(body)
            if phrase.kind == "days_after"
            and phrase.end <= place_at
            and "," not in body[phrase.end : place_at]
        ),
        None,
    )


def _main_clause_refers_back(body: str, clause_start: int, place_at: int) -> bool:
    close = body.find(",", place_at)
    main = body[:clause_start] + (body[close:] if close >= 0 else "")
    return lx.MAIN_CLAUSE_BACK_REFERENCE.search(main) is not None


def _scene_capture(
    article: Article,
    sentence: _Sentence,
    scene: _Sentence,
    events: list[Event],
    *,
    distance: int,
    reference: dt.date | None,
) -> list[Event]:
    """ "By Sunday evening the city had fallen": a fall told a few sentences after the one place
    the passage is about, with only place-less sentences between."""
    text = article.text
    if distance > SCENE_REACH or not any(_refers_back(text, sentence, c) for c in sentence.cues):
        return []
    if _is_skipped_sentence(text[sentence.start : sentence.end]):
        return []
    antecedent = _only_place(text, scene, past_dateline=True)
    if antecedent is None or _district_after_a_capital(text, sentence, scene, antecedent):
        return []
    if _in_clause_about_another_place(
        text[scene.start : scene.end], antecedent.place_start - scene.start
    ):
        return []  # "Its capture came a day after the group took Aybak": about another place
    carried = _carried_capture(article, sentence, [antecedent], reference=reference)
    # the group's claim to buildings a few sentences after officials reported the capture of
    # the city ("had taken the governor's compound and the police headquarters") adds nothing
    if not any(_buildings_named(text, sentence, cue) for cue in sentence.cues):
        return carried
    captured = {e.province_iso for e in events if e.status is Status.CAPTURED}
    return [e for e in carried if not (e.status is Status.CLAIMED and e.province_iso in captured)]


def _denied_by_the_group(body: str, hedge: re.Match[str]) -> bool:
    """ "The Taliban rejected the report, saying it was biased": the group denying a report
    casts no doubt on a capture officials reported."""
    return _speaker_class(_last_words(body[: hedge.start()], 8)) == "taliban"


def _only_place(text: str, sentence: _Sentence, *, past_dateline: bool = False) -> Event | None:
    """The one place a sentence names (not as a speaker's role), as a stand-in event."""
    # not a speaker's role, a destination ("on their way to Kabul") or a distance's reference
    elsewhere = _located_elsewhere(text, sentence)
    places = [
        m for m in sentence.mentions if not _is_role(text, m, sentence) and id(m) not in elsewhere
    ]
    if past_dateline:
        # a dateline's city stands in only when nothing else is named ("KABUL (AP) — ... in
        # Kandahar province ...")
        dateline = _dateline_end(text, sentence)
        places = [m for m in places if m.start >= dateline] or places
    if not places or len({m.place.iso for m in places}) != 1:
        return None
    mention = places[0]
    return Event(
        article_id="",
        province_iso=mention.place.iso,
        province=mention.place.province,
        place=mention.text,
        status=Status.CONTESTED,
        quote="",
        quote_start=sentence.start,
        quote_end=sentence.end,
        place_start=mention.start,
        place_end=mention.end,
        place_kind=_kind(mention),
    )


def _dateline_end(text: str, sentence: _Sentence) -> int:
    """Where a wire dateline opening the sentence's line ends (its start when there is none)."""
    start = sentence.start
    if start > 0 and text[start - 1] != "\n":
        return start
    dateline = lx.DATELINE if text[start : start + 2].isupper() else lx.TITLE_DATELINE
    match = dateline.match(text, start, sentence.end)
    return start if match is None else match.end()


def _refers_back(text: str, sentence: _Sentence, cue: _Cue) -> bool:
    facts = sentence.facts
    if (
        lx.SUBJECTLESS_START.fullmatch(text, sentence.start, cue.start)
        and _in_bullet(text, sentence)
        and (cue.kind in lx.SUBJECT_KINDS or lx.PASSIVE_TAIL.match(text, cue.end, sentence.end))
    ):
        # a factbox's "* SHEBERGHAN - Capital of Jowzjan. Fell on July 19.", "Taken on July 21"
        return True
    if (
        (cue.kind == "capture_nominal" or _NOUN_CUE.fullmatch(text, cue.start, cue.end))
        and _search(lx.POSSESSIVE_BACK_REFERENCE, facts, _window_start(sentence, cue), cue.start)
        and not lx.MODAL_AFTER.match(text, cue.end, sentence.end)  # "Its fall would signal"
    ):
        return True  # "had claimed the city's capture hours earlier"
    if cue.kind in ("capture", "capture_both", "retake", "withdrawal"):
        return bool(_match(lx.BACK_REFERENCE, facts, cue.end, sentence.end))
    if cue.kind == "handover":  # "handed the district over to the Taliban"
        return bool(
            _match(lx.BACK_REFERENCE, facts, cue.end, sentence.end)
            and lx.TO_THE_GROUP.search(text, cue.end, sentence.end)
        )
    if cue.kind in ("contest", "contest_intrans") and _SIEGE_WORD.search(text, cue.start, cue.end):
        return False  # a siege without an assault is no fighting told after the place
    if cue.kind in ("capture_intrans", "contest_intrans"):  # "It fell the next morning"
        return _back_reference_subject(sentence, cue) is not None
    if cue.kind == "contest":  # "fighting raged inside the city"
        return bool(_match(lx.BACK_REFERENCE, facts, cue.end, sentence.end))
    return False


_PRONOUN_SPEAKER = re.compile(r"\s*(?:he|she|they|we|i)\s*", re.IGNORECASE)
_FROM_THE_GROUP = re.compile(r"\bfrom\s+the\s+(?:Taliban|insurgents|militants)\b", re.IGNORECASE)
_FOREIGN_FORCES = re.compile(
    r"\bU\.S\.|\b(?:US|American|NATO|foreign|coalition|international|British|German|Germany"
    r"|(?:the\s+)?United\s+States|Pentagon"
    r"|Britain|Italy|Italian|Turkey|Turkish|Australia|Australian|Norway|Norwegian)\b",
    re.IGNORECASE,
)
_TO_THE_GOVERNMENT = re.compile(
    r"[^.;]{0,50}?\bto\s+(?:the\s+)?(?:afghan\s+)?(?:defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e"
    r"|government|security\s+forces|(?:national\s+)?army|forces|military|ANDSF|ANA)\b",
    re.IGNORECASE,
)
_GROUP_WORD = re.compile(r"\b(?:Taliban|insurgents?|militants?|fighters)\b", re.IGNORECASE)
_THEIR_TROOPS = re.compile(
    r"\b(?:its|their)\s+(?:\w+\s+)?(?:troops|forces|soldiers)\b", re.IGNORECASE
)
# The words a sentence a few sentences after a place must hold to point back to it (a bare "it"
# only points back from the next sentence).
# Every date phrase that counts from the day before it ("hours later", "the next morning",
# "two days earlier", "By dawn", "48 hours after") holds one of these words.
_COUNTED_DAY_WORDS = (
    "later",
    "earlier",
    "hours",
    "next",
    "following",
    "previous",
    "preceding",
    "dawn",
    "daybreak",
    "nightfall",
    "dusk",
    "sunset",
    "sundown",
    "end of the day",
    "first light",
    "sunrise",
    "morning",
    "day before",
    "night before",
    # "Mourners on Sunday buried the victims ... The same day, the Taliban overran ..."
    "same day",
    "same night",
    "same evening",
    "same afternoon",
    "day after",
    "days after",
    "week after",
    "weeks after",
)
_FAR_REFERENCE = re.compile(
    r"\b(?:city|town|capital|district|crossing|centre|center|base|bazaar)"
    r"|\bit\s+(?:had\s+|has\s+|was\s+)?(?:fell|fallen|collapsed)"
    r"|\b(?:abandon|took|taken|captur|seiz|retook|recaptur|overr[au]n)\w*\s+it\b"
)
_NOUN_CUE = re.compile(r"capture|seizure|fall|takeover|loss", re.IGNORECASE)
_SIEGE_WORD = re.compile(r"besieg|siege|surround", re.IGNORECASE)
_SIEGE_KINDS = frozenset({"contest", "contest_intrans"})
_SHELLED = re.compile(r"\bshell(?:ed|ing|s)\b|\bmortars?\b|\brockets?\b")


def _in_bullet(text: str, sentence: _Sentence) -> bool:
    """Whether the sentence is on a bulleted line ("* KUNDUZ - ...")."""
    return bool(lx.BULLET.match(text, line_start(text, sentence.start), sentence.end))


def _carried_capture(
    article: Article, sentence: _Sentence, previous: list[Event], *, reference: dt.date | None
) -> list[Event]:
    provinces = {e.province_iso for e in previous}
    if len(provinces) != 1:
        return []
    text = article.text
    facts = sentence.facts
    referring = [cue for cue in sentence.cues if _refers_back(text, sentence, cue)]
    if not referring:
        return []
    if (
        _search_slice(lx.HISTORICAL, facts, sentence.start, sentence.end)
        or _names_past_year(text[sentence.start : sentence.end], article.date)
        or _search_slice(lx.CONDITIONAL, facts, sentence.start, sentence.end)
    ):
        return []
    events: list[Event] = []
    for cue in referring:
        event = _carried_event(article, sentence, cue, previous, reference=reference)
        if event is None or _entered_as_it_fell(text, cue, event, previous):
            continue
        if all(e.status is not event.status for e in events):
            events.append(event)
    return events


def _district_after_a_capital(
    text: str, sentence: _Sentence, scene: _Sentence, antecedent: Event
) -> bool:
    """ "Elders from Kandahar met the president in Kabul. 'The district fell because no one
    came'": a district is never the provincial capital told before, when the text names no
    district before (not even as a role: "The governor of Almar arrived in Maimana")."""
    if antecedent.place_kind != "capital" or not _DISTRICT_BACK.search(
        text, sentence.start, sentence.end
    ):
        return False
    dateline = _dateline_end(text, scene)
    if antecedent.place_start < dateline and all(m.start < dateline for m in scene.mentions):
        # "KABUL, May 13 (Reuters) - ... 15 district centres ... several of the districts were
        # abandoned": where the report was filed, named nowhere else, is never the district
        return True
    if _CITY_BACK.search(text, sentence.start, sentence.end) or any(
        _kind(m) == "town" for m in scene.mentions
    ):
        return False
    # "Shinkay district ... reached Qalat ... the district was 'conquered'"
    return _DISTRICT_WORD.search(text, 0, sentence.start) is None


def _entered_as_it_fell(text: str, cue: _Cue, event: Event, previous: list[Event]) -> bool:
    """ "... evacuated the Tulak district center. Taliban entered the district shortly after":
    the entry told after a fall by the defenders' leaving, on its day or later, is how the
    place fell, no fight (an entry after a place was overrun may be the fight for it)."""
    if event.status is not Status.CONTESTED or text[cue.start : cue.start + 5].lower() != "enter":
        return False
    return any(
        e.status in (Status.CAPTURED, Status.CLAIMED)
        and (e.event_date is None or event.event_date is None or e.event_date <= event.event_date)
        and _DEFENDERS_LEFT.search(e.quote) is not None
        for e in previous
    )


_DEFENDERS_LEFT = re.compile(
    r"\b(?:retreat(?:ed|ing)|withdr[ae]w\w*|evacuat(?:ed|ing)|pulled\s+out|abandon(?:ed|ing)"
    r"|relocat(?:ed|ing))\b",
    re.IGNORECASE,
)
# Walking into a place and how soon: "Taliban fighters moved into Alingar hours later".
_ENTRY = re.compile(
    r"\b(?:entered|enter(?:s|ing)?|(?:moved|moving|rolled|walked|marched|drove|poured)\s+into)\b",
    re.IGNORECASE,
)
_SOON_AFTER = re.compile(
    r"\b(?:(?:minutes|hours)\s+(?:later|after)|(?:soon|shortly)\s+after(?:wards)?"
    r"|later\s+that\s+(?:day|night|evening)|(?:within|in)\s+hours)\b",
    re.IGNORECASE,
)


# (never "fighters": "Taliban fighters moved into Alingar hours later")
_FIGHT_TOLD = re.compile(
    r"\b(?:fight(?:ing|s)?|fought|clash\w*|battl\w*|gunfire|shelling|resist\w*)\b", re.IGNORECASE
)


def _without_entries_after_leaving(current: list[Event], events: list[Event]) -> list[Event]:
    """ "its troops had 'relocated' from the Alingar district centre on Friday. Residents said
    Taliban fighters moved into Alingar hours later": walking in soon after the defenders left,
    told in a sentence of its own, is how the place fell, no fight for it."""
    entries = [
        e
        for e in current
        if e.status is Status.CONTESTED
        and _ENTRY.search(e.quote)
        and _SOON_AFTER.search(e.quote)
        and not _FIGHT_TOLD.search(e.quote)
    ]
    if not entries:
        return current  # most sentences: no entry to weigh, so no look back over the article
    provinces = {e.province_iso for e in entries}
    left = {
        e.province_iso
        for e in events
        if e.province_iso in provinces
        and e.status is Status.CAPTURED
        and _DEFENDERS_LEFT.search(e.quote)
    }
    dropped = {id(e) for e in entries if e.province_iso in left}
    return [e for e in current if id(e) not in dropped]


def _carried_event(
    article: Article,
    sentence: _Sentence,
    cue: _Cue,
    previous: list[Event],
    *,
    reference: dt.date | None,
) -> Event | None:
    """One referring cue's event about the place ``previous`` is about ("Taliban fighters
    entered the city on July 24, and officials said on Monday it had fallen": two)."""
    text = article.text
    body = text[sentence.start : sentence.end]
    facts = sentence.facts
    quote_start, quote_end = previous[0].quote_start, sentence.end
    under_way = cue.kind == "retake" and _operation_under_way(sentence, cue)
    if not under_way and (
        _negated_or_future(sentence, cue)
        or _denied_before(sentence, cue)
        # "The reports of its fall are not true": the report called false tells nothing
        or _report_of_called_false(text, (sentence.start, sentence.end), cue)
    ):
        return None
    attribution = _attribution(text, sentence, cue)
    claimed = attribution == "taliban" or _is_hedged(sentence)
    if _match(lx.FUTURE_AFTER, facts, cue.end, sentence.end):
        return None
    resolution = resolve_date_phrase(
        body, article_date=article.date, cue_at=cue.start - sentence.start, reference=reference
    )
    if not resolution.phrase and previous[0].date_phrase:
        resolution = DateResolution(
            previous[0].event_date,
            previous[0].date_precision,
            previous[0].date_basis,
            previous[0].date_phrase,
        )
    source = previous[0]
    status = _carried_status(
        article.text, sentence, cue, previous, claimed=claimed, under_way=under_way
    )
    if status is None:
        return None
    base = BASE_CONFIDENCE[_CARRIED_CONFIDENCE_KEY.get(status, "capture")]
    return dataclasses.replace(
        source,
        article_id=article.article_id,
        status=status,
        quote=text[quote_start:quote_end],
        quote_start=quote_start,
        quote_end=quote_end,
        actor=GOVERNMENT_ACTOR if status is Status.RETAKEN else TALIBAN_ACTOR,
        **_date_fields(resolution),
        manner=_sentence_manner(sentence) or source.manner,
        attribution=attribution,
        confidence=round(
            (CLAIMED_CONFIDENCE if status is Status.CLAIMED else base) * INDIRECT_FACTOR,
            2,
        ),
    )


def _denied_before(sentence: _Sentence, cue: _Cue) -> bool:
    """ "denied that government forces had entered the district": the denied report is none."""
    window_start = max(sentence.start, cue.start - DENIAL_WINDOW)
    return bool(_search(lx.DENIED_THAT, sentence.facts, window_start, cue.start))


def _buildings_named(text: str, sentence: _Sentence, cue: _Cue) -> bool:
    """Whether the cue's object is buildings ("the governor's compound and the police
    headquarters"), not the place."""
    return bool(
        lx.FACILITY_OBJECT.match(text, cue.end, sentence.end)
        or lx.BUILDINGS_IN_PLACE.match(text, cue.end, sentence.end)
        or lx.SEAT_OBJECT.match(text, cue.end, sentence.end)
    )


def _carried_status(
    text: str,
    sentence: _Sentence,
    cue: _Cue,
    previous: list[Event],
    *,
    claimed: bool,
    under_way: bool,
) -> Status | None:
    """What a cue referring back to the place ``previous`` is about reports, or ``None``."""
    facts = sentence.facts
    if under_way:  # "had launched an operation to retake the town": fought for, not retaken
        return Status.CONTESTED
    if cue.kind == "capture" and lx.SEIZED_GOODS.match(text, cue.end, sentence.end):
        return None  # "had taken the district's weapons depot and eight Humvees": goods
    subject_start = _subject_start(facts, sentence.start, cue.start)
    if cue.kind == "withdrawal":
        withdrawn = _checked_by_subject(
            cue, facts, subject_start, Status.CAPTURED, clause_end=sentence.end
        )
        if withdrawn is not Status.CAPTURED:
            # the Taliban withdrawing from the city gave nothing up; losing it, they lost it
            return withdrawn
    if lx.STATUS_OF_KIND[cue.kind] == "contested":
        return Status.CONTESTED
    if cue.kind in ("retake", "driven_out") and _buildings_named_after_object(text, sentence, cue):
        return Status.CONTESTED  # "drove the Taliban out of the city's police headquarters"
    if cue.kind == "retake":
        # "A day later, government forces retook it": the place came back, unless the
        # Taliban are the ones who "retook" it
        status = _checked_by_subject(
            cue, facts, subject_start, Status.RETAKEN, clause_end=sentence.end
        )
        # pushed out of a city that never fell: repelled (a stand-in for a place only named,
        # with no quote, says nothing about whether it fell)
        if status is Status.RETAKEN and all(
            e.status is Status.CONTESTED and e.quote for e in previous
        ):
            return Status.CONTESTED
        return status
    if _only_facilities_taken(text, sentence, cue) or _search(
        lx.PARTIAL_OF_BACK_REFERENCE, facts, sentence.start, sentence.end
    ):
        return Status.CONTESTED
    return Status.CLAIMED if claimed else Status.CAPTURED


def _buildings_named_after_object(text: str, sentence: _Sentence, cue: _Cue) -> bool:
    """ "regained control of the city's main prison": a building is what came back (never
    "the district centre", which stands for the district)."""
    return bool(
        lx.FACILITY_OBJECT.match(text, cue.end, sentence.end)
        or lx.BUILDINGS_IN_PLACE.match(text, cue.end, sentence.end)
    )


def _only_facilities_taken(text: str, sentence: _Sentence, cue: _Cue) -> bool:
    """ "seized the police headquarters and the intelligence office": part of the place; "seizing
    the governor's compound for several hours before security forces pushed them out" too."""
    if (
        _takes_by_force(text, cue)
        and lx.OUTLYING_PART.match(text, cue.end, sentence.end)
        # "after security forces withdrew from the area": the place just named, all of it
        and not (cue.kind == "withdrawal" and _BARE_AREA.match(text, cue.end, sentence.end))
    ):
        return True
    if not _buildings_named(text, sentence, cue):
        return False
    stop = lx.OBJECT_END.search(text, cue.end, sentence.end)
    object_end = stop.start() if stop else sentence.end
    if not lx.GOVERNMENT_SEAT.search(text, cue.end, object_end):
        return True
    return _place_still_holds(text, object_end, sentence.end)


# "the Taliban claimed the Arghistan district": a bare claim verb before a place's name
def _clearing_under_way(text: str, sentence: _Sentence, cue: _Cue, binding: _Binding) -> bool:
    """ "launched an operation this morning to clear the Alingar district", "Operations to clear
    the Saighan district are ongoing": the place named after it is fought for; never "an
    operation to clear the city would begin soon", nor a "the city" pointing back."""
    if binding.indirect or binding.mention.start < cue.end:
        return False
    # (the clause's own "would", never the next one's: "had launched an operation to clear
    # Mihtarlam and that the Taliban 'will be defeated'")
    clause_end = _NEXT_REPORTED_CLAUSE.search(text, cue.end, sentence.end)
    end = clause_end.start() if clause_end else sentence.end
    return (
        _OPERATION_BEFORE.search(text, max(sentence.start, cue.start - OPERATION_REACH), cue.start)
        is not None
        and _UNDER_WAY_WORD.search(text, sentence.start, end) is not None
        and _NOT_YET_WORD.search(text, sentence.start, end) is None
    )


_NEXT_REPORTED_CLAUSE = re.compile(r"\b(?:and|but)\s+that\b|;", re.IGNORECASE)


_OPERATION_BEFORE = re.compile(r"\b(?:operations?|offensive|push|drive)\b", re.IGNORECASE)
_UNDER_WAY_WORD = re.compile(
    r"\b(?:launch(?:ed|ing)|began|begun|start(?:ed|ing)|mount(?:ed|ing)|conduct(?:ed|ing)|ongoing"
    r"|under\s*way|continu(?:e|es|ed|ing))\b",
    re.IGNORECASE,
)
_NOT_YET_WORD = re.compile(r"\b(?:would|will|soon|plan\w*|prepar\w*|ready)\b", re.IGNORECASE)
_GOODS = (
    r"weapons|ammunition|arms|vehicles|equipment|humvees|rangers|tanks|guns|explosives|rifles"
    r"|pickups|supplies"
)
# (a quoted official's word may close on its quote mark: "“some vehicles” had been lost")
_GOODS_BEFORE = re.compile(
    r"\b(?:" + _GOODS + r")[\"”’']?\s+(?:(?:was|were|had\s+been|have\s+been|has\s+been)\s+)?$",
    re.IGNORECASE,
)
# People right before "surrendered", maybe through a relative pronoun ("soldiers who had").
_SURRENDERING_PEOPLE_BEFORE = re.compile(
    r"\b(?:soldiers|troops|police(?:men)?|commandos|officers|personnel|members|men|guards"
    r"|militia(?:men)?)\s+(?P<relative>(?:who|that)\s+)?(?:had\s+|have\s+|has\s+)?$",
    re.IGNORECASE,
)
_SURRENDERED_OBJECT = re.compile(r"\s+(?:their|its|his|the|an?)\s", re.IGNORECASE)
# People or goods right before a capture verb with no object of its own: the verb is their
# participle ("30 soldiers captured in Ghazni", "weapons seized near Kunduz")
_TAKEN_BEFORE = re.compile(
    r"\b(?:soldiers|troops|policemen|police\s+officers|commandos|officers|prisoners|hostages"
    r"|commanders?|fighters|militants|insurgents|members|men|civilians|trucks|convoys?|"
    + _GOODS
    + r")\s+$",
    re.IGNORECASE,
)
_PLACE_PREPOSITION = re.compile(
    r"\s+(?:in|near|at|around|outside|inside)\s+(?:the\s+)?", re.IGNORECASE
)
_BARE_CLAIM = re.compile(r"claim(?:ed|s)?", re.IGNORECASE)
# "lost ground|soldiers to the Taliban in |Kunduz": the place after the winner is not what was lost
# (but "lost the district centre to the Taliban in |Imam Sahib" is the district's fall)
_LOST_SOMETHING_ELSE = re.compile(
    r"\s*(?!(?:the\s+)?(?:district|city|town|cent(?:re|er)|crossing|base|it|them)\b)[\w’'-]+"
    r"(?:\s+[\w’'-]+)?\s+(?:again\s+|back\s+)?to\s+(?:the\s+|a\s+)?(?:taliban|insurgents?"
    r"|militants?)\b",
    re.IGNORECASE,
)
_NAME_AFTER = re.compile(r"\s+(?:the\s+)?(?:[a-z][\w’'-]*\s+)?[A-Z]")
# A province's capital told with it ("Zaranj, the capital of Nimroz province"): "the city" after
# it may mean the capital; a bare province never.
_CAPITAL_WORD = re.compile(r"\b(?:capital|city)\b", re.IGNORECASE)
_CITY_BACK = re.compile(r"\bthe\s+(?:provincial\s+)?(?:city|town|provincial\s+capital)\b")
_DISTRICT_BACK = re.compile(r"\b[Tt]he\s+districts?\b")
_DISTRICT_WORD = re.compile(r"\bdistricts?\b", re.IGNORECASE)
# Who may return to a district centre and so retake it: troops, never a person or families.
_TROOPS = re.compile(
    r"\b(?:forces|troops|soldiers|commandos|police(?:men)?|army|units|ANDSF|ANA|ANP)\b",
    re.IGNORECASE,
)
_FAILED_TO = re.compile(r"\bfail(?:ed|s)?\s+to\s+$", re.IGNORECASE)
# Parts of a district retaken, not the district: "retaken several villages in Saighan district".
_VILLAGES_OBJECT = re.compile(
    r"\s+(?:the\s+)?(?:several|some|a\s+few|two|three|four|five|six|seven|eight|nine|ten|\d+|dozens\s+of)"
    r"\s+(?:[\w-]+\s+)?(?:villages|areas|outposts|checkpoints|posts)\b",
    re.IGNORECASE,
)
_BARE_AREA = re.compile(r"\s*the\s+area\b", re.IGNORECASE)


def _posts_gave_up(sentence: _Sentence, cue: _Cue) -> bool:
    """ "soldiers at four outposts surrendered to the Taliban": the posts were given up."""
    if cue.kind not in ("capture_both", "withdrawal"):
        return False
    start = max(sentence.start, cue.start - POST_GARRISON_REACH)
    return _search(lx.POST_GARRISON_BEFORE, sentence.facts, start, cue.start) is not None


def _takes_by_force(text: str, cue: _Cue) -> bool:
    """Not "soldiers surrendered their posts" or "troops abandoned their posts at Shir Khan
    Bandar": a garrison giving up its posts gives up the place."""
    return cue.kind != "capture_both" and not lx.GIVING_UP.match(text, cue.start, cue.end)


def _place_still_holds(text: str, start: int, end: int) -> bool:
    return bool(
        lx.BUILDINGS_STILL_HELD.search(text, start, end)
        or lx.FIGHT_FOR_PLACE_GOES_ON.search(text, start, end)
    )


def _locates_a_named_part(sentence: _Sentence, mention: _MentionLike, start: int, end: int) -> bool:
    """ "taken the Dand-e Ghori area of Baghlan": the part taken is a place named in its own
    right, and the province after it only says where it lies (a city's named quarter is still
    part of the city: "the Dand-i-Ghori area on the western edge of Pul-i-Khumri")."""
    return _kind(mention) == "province" and any(
        start <= m.start and m.end <= end for m in sentence.mentions
    )


def _buildings_taken(text: str, sentence: _Sentence, cue: _Cue, mention: _MentionLike) -> bool:
    """ "took over Qala-i-Naw's police headquarters but were later expelled from the city",
    "have taken the prison in Herat and were fighting in the city": buildings taken while the
    place still holds, so it is fought for. Buildings taken with nothing more said stand for the
    place here ("claim to have seized the police headquarters in Puli-e Alim" is a claimed
    capture); told as done, see ``_lone_building_of_capital``."""
    if (
        cue.end <= mention.start
        and (part := lx.OUTLYING_PART.match(text, cue.end, mention.start))
        and not _locates_a_named_part(sentence, mention, cue.end, part.end())
        and (
            (
                _takes_by_force(text, cue)
                and lx.BUILDING_LOCATED_IN.fullmatch(text, part.end(), mention.start)
            )
            # "surrendered their outposts around the district centre": posts round it, given up
            or lx.AROUND_THE_PLACE.fullmatch(text, part.end(), mention.start)
        )
    ):
        return True
    found = _buildings_of(text, sentence, cue, mention)
    if found is None:
        return False
    taken, in_capital = found
    if taken is None:
        return True  # "captured the Helmand radio and television building": not the province
    if _place_still_holds(text, taken[1], sentence.end):
        return True
    # "seized the police headquarters in Lashkar Gah ... after a day of heavy fighting": a
    # building won in a fight for a capital is part of the fight, not the city's fall
    return in_capital and _tells_fighting(sentence, sentence.start, sentence.end)


def _lone_building_of_capital(
    text: str, sentence: _Sentence, cue: _Cue, mention: _MentionLike
) -> bool:
    """ "seized Lashkar Gah's prison", "captured the police headquarters in Pul-e-Khumri", told
    as done: part of a provincial capital fell, not the seat of its government, so the city
    is fought for (the group's claim to it stays a claim to the city)."""
    if _kind(mention) == "province":
        # "seized the provincial prison in Qala-e Naw, Badghis Province": the capital's
        # province named after it goes with it
        return any(
            m.place.iso == mention.place.iso
            and cue.end <= m.start
            and m.end <= mention.start
            and _kind(m) == "capital"
            and _lone_building_of_capital(text, sentence, cue, m)
            for m in sentence.mentions
        )
    found = _buildings_of(text, sentence, cue, mention)
    if found is None or found[0] is None:
        return False
    taken, in_capital = found
    return in_capital and not lx.GOVERNMENT_SEAT.search(text, *taken)


def _buildings_of(
    text: str, sentence: _Sentence, cue: _Cue, mention: _MentionLike
) -> tuple[tuple[int, int] | None, bool] | None:
    """The stretch naming the buildings taken in the place (``None`` for a province's, which
    are never the province) and whether the place is a provincial capital; ``None`` when the
    cue takes the place itself."""
    building = lx.BUILDING_AFTER.match(text, mention.end, sentence.end)
    if building is not None and _is_what_was_taken(text, cue, mention, building.end()):
        if _kind(mention) == "province":
            return None, False
        stop = lx.OBJECT_END.search(text, building.end(), sentence.end)
        taken = (mention.end, stop.start() if stop else sentence.end)
    elif cue.end <= mention.start and lx.BUILDINGS_IN_PLACE.fullmatch(text, cue.end, mention.start):
        taken = (cue.end, mention.start)
    elif mention.end <= cue.start and (
        back := lx.BUILDING_OBJECT.match(text, cue.end, sentence.end)
    ):
        taken = (cue.end, back.end())  # the building points back to the place named before
    else:
        return None
    in_capital = (
        _kind(mention) == "capital"
        or bool(
            _CAPITAL_OF_BEFORE.search(text, max(sentence.start, mention.start - 40), mention.start)
        )
        or text.startswith(" capital", mention.end)  # "in Helmand capital"
    )
    return taken, in_capital


# "the capital of southern Helmand", "the capital of Afghanistan's Helmand"
_CAPITAL_OF_BEFORE = re.compile(r"\bcapital\s+of\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}$", re.IGNORECASE)


def _is_what_was_taken(text: str, cue: _Cue, mention: _MentionLike, building_end: int) -> bool:
    # "seized Lashkar Gah's prison", "Qala-i-Naw's prison was overrun"; not "the district of
    # Guzara, home to Herat's airport, ... had taken the district centre".
    if cue.end <= mention.start:
        return lx.ARTICLE_ONLY.fullmatch(text, cue.end, mention.start) is not None
    return lx.AUXILIARIES_ONLY.fullmatch(text, building_end, cue.start) is not None


def _pushed_back(text: str, cue: _Cue) -> bool:
    """ "were pushed back from", "pushed Taliban fighters back from": repelled, never "took
    back"."""
    words = text[cue.start : cue.end]
    return bool(_BACK_WORD.search(words)) and not _TOOK_BACK.match(words)


# "wrested back", and "are back in control of" (a state regained, never pushed back)
_TOOK_BACK = re.compile(
    r"(?:took|taken|take[sn]?|taking|won|win\w*|wrest\w*)\s+back\b|\w+\s+back\s+in\s+",
    re.IGNORECASE,
)


def _upgraded(event: Event, speaker: str) -> Event:
    if event.status is not Status.CLAIMED:
        return event
    return dataclasses.replace(
        event, status=Status.CAPTURED, attribution=speaker, confidence=BASE_CONFIDENCE["capture"]
    )


def _replace_all(
    events: list[Event], targets: list[Event], change: Callable[[Event], Event]
) -> None:
    for position, event in enumerate(events):
        if any(event is target for target in targets):
            events[position] = change(event)


def _downgraded(event: Event) -> Event:
    if event.status is not Status.CAPTURED:
        return event
    return dataclasses.replace(
        event, status=Status.CLAIMED, confidence=min(event.confidence, HEDGED_CONFIDENCE)
    )


def _speech_dated(events: list[Event]) -> bool:
    """ "Officials on Friday confirmed that X had come under Taliban control": the day is the
    confirmation's, so a day the next sentence gives for the takeover itself is better."""
    if not events or any(e.status not in (Status.CAPTURED, Status.CLAIMED) for e in events):
        return False
    return all(
        e.date_precision is Precision.DAY
        and e.date_phrase
        and (
            lx.SPEECH_AFTER_DATE.match(e.quote, e.quote.find(e.date_phrase) + len(e.date_phrase))
            # "an official told the BBC on Saturday"
            or lx.SPEECH_BEFORE_DATE.search(e.quote, 0, e.quote.find(e.date_phrase))
        )
        for e in events
    )


def _is_earlier_day(resolution: DateResolution, events: list[Event]) -> bool:
    if resolution.precision != Precision.DAY or not resolution.phrase or resolution.date is None:
        return False
    return all(e.event_date is not None and resolution.date < e.event_date for e in events)


def _moved_to(event: Event, resolution: DateResolution) -> Event:
    return _dated_by(event, resolution, note="next sentence; the earlier day was the report's")


def _redated(event: Event, resolution: DateResolution) -> Event:
    if event.date_phrase or not resolution.phrase:
        return event
    return _dated_by(event, resolution, note="next sentence")


def _date_fields(resolution: DateResolution) -> dict[str, Any]:
    """The fields of an event that say when, from a resolution."""
    return {
        "event_date": resolution.date,
        "date_precision": Precision(resolution.precision),
        "date_basis": resolution.basis,
        "date_phrase": resolution.phrase,
    }


def _place_fields(mention: _MentionLike) -> dict[str, Any]:
    """The fields of an event that say where, from a mention."""
    return {
        "province_iso": mention.place.iso,
        "province": mention.place.province,
        "place": mention.text,
        "place_start": mention.start,
        "place_end": mention.end,
        "place_kind": _kind(mention),
    }


def _dated_by(event: Event, resolution: DateResolution, *, note: str) -> Event:
    return dataclasses.replace(
        event,
        event_date=resolution.date,
        date_precision=Precision(resolution.precision),
        date_basis=f"{resolution.basis} ({note})",
        date_phrase=resolution.phrase,
    )


def _counted_places(
    article: Article, prior: _Sentence, sentence: _Sentence, current: list[Event]
) -> list[Event]:
    """Places that the previous sentence's "captured two more provincial capitals" counted."""
    text = article.text
    if not sentence.mentions:
        return current  # nothing to count: skip reading the previous sentence's cues
    cue = _counting_cue(text, prior, sentence)
    if cue is None:
        return current
    prior_body = text[prior.start : prior.end]
    resolution = resolve_date_phrase(
        prior_body, article_date=article.date, cue_at=cue.start - prior.start
    )
    if current:
        # The next sentence names its own capture: it only lacks the counted sentence's date.
        if all(e.status is Status.CAPTURED for e in current) and resolution.phrase:
            return [_redated(e, resolution) for e in current]
        return current
    if _is_skipped_sentence(text[sentence.start : sentence.end]):
        return current
    events: list[Event] = []
    attribution = _attribution(text, sentence, _Cue(sentence.end, sentence.end, "capture"))
    if attribution == OWN_VOICE:
        attribution = _attribution(text, prior, cue)
    status = Status.CLAIMED if attribution == "taliban" else Status.CAPTURED
    seen: set[str] = set()
    for mention in sentence.mentions:
        if mention.place.iso in seen:
            continue
        seen.add(mention.place.iso)
        events.append(
            _event_at(
                article,
                mention,
                status,
                quote=(prior.start, sentence.end),
                resolution=resolution,
                manner=_sentence_manner(prior),
                attribution=attribution,
                confidence=round(BASE_CONFIDENCE["capture"] * INDIRECT_FACTOR, 2),
            )
        )
    return events


# Every DISTRICT_TALLY match ends in "districts" or is "every district": on lowered text, where
# its twin finds what it finds, a sentence with neither word holds no tally.
_TALLY_WORDS = ("districts", "every")
_TO_WIN_BACK_BEFORE = re.compile(
    r"\b(?:retake|recapture|reclaim|regain|take\s+back|win\s+back|liberate)\s+(?:all\s+)?(?:of\s+)?"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)


def _district_tally(article: Article, sentence: _Sentence, named: _Sentence | None) -> list[Event]:
    """ "Of Badakhshan's 28 districts, the Taliban now control 26", "security forces had
    abandoned 10 districts of the province": districts counted, not named, were taken in the
    one province the sentence (or, for "the province", the last one naming a place) names."""
    text = article.text
    facts = sentence.facts
    if text.find("district", sentence.start, sentence.end) < 0:
        return []
    if facts.lowered is not None and not any(
        facts.lowered.find(word, sentence.start, sentence.end) >= 0 for word in _TALLY_WORDS
    ):
        return []  # most sentences name "district" once, "X district": no count of them
    tally = _search(lx.DISTRICT_TALLY, facts, sentence.start, sentence.end)
    if tally is None or _is_skipped_sentence(text[sentence.start : sentence.end]):
        return []
    verb = _tally_verb(facts, sentence, tally)
    if verb is None:
        return []
    cue = _Cue(verb.start(), verb.end(), "control")
    holding = verb.group("hold") is not None
    if (
        _negated_or_future(sentence, cue)
        # "would retake every district the Taliban have taken": the count is what is to be won
        # back, not what was lost
        or _search_slice(_TO_WIN_BACK_BEFORE, facts, sentence.start, tally.start())
        or _search(lx.CONDITIONAL, facts, sentence.start, cue.start)
        or _is_background(article, facts, sentence.start, sentence.end)
        or (holding and not _held_by_taliban(facts, sentence, cue))
    ):
        return []
    mention = _tally_province(text, sentence, tally, named)
    if mention is None:
        return []
    body = text[sentence.start : sentence.end]
    resolution = resolve_date_phrase(
        body, article_date=article.date, cue_at=cue.start - sentence.start, state=holding
    )
    attribution = _attribution(text, sentence, cue)
    claimed = attribution == "taliban" or _is_hedged(sentence)
    base = CLAIMED_CONFIDENCE if claimed else BASE_CONFIDENCE["control"]
    events = [
        _event_at(
            article,
            mention,
            Status.CLAIMED if claimed else Status.CAPTURED,
            quote=(sentence.start, sentence.end),
            resolution=resolution,
            manner=_sentence_manner(sentence),
            attribution=attribution,
            confidence=round(base * INDIRECT_FACTOR, 2),
        )
    ]
    if lx.TALLY_CONTESTED.search(text, tally.end(), sentence.end):
        # "..., while 6 are contested": the province's other districts are fought over
        events.append(_fighting_copy(events[0]))
    return events


def _event_at(
    article: Article,
    mention: _MentionLike,
    status: Status,
    *,
    quote: tuple[int, int],
    resolution: DateResolution,
    manner: str,
    attribution: str,
    confidence: float,
    actor: str = TALIBAN_ACTOR,
) -> Event:
    """An event about ``mention``'s place quoting ``article.text[quote[0]:quote[1]]``."""
    start, end = quote
    return Event(
        article_id=article.article_id,
        **_place_fields(mention),
        status=status,
        quote=article.text[start:end],
        quote_start=start,
        quote_end=end,
        actor=actor,
        **_date_fields(resolution),
        manner=manner,
        attribution=attribution,
        confidence=confidence,
    )


def _tally_verb(
    facts: _SentenceFacts, sentence: _Sentence, tally: re.Match[str]
) -> re.Match[str] | None:
    """The verb nearest the count, in its clause (no ";" between them)."""
    verbs = [
        verb
        for verb in _finditer(lx.DISTRICT_LOSS, facts, sentence.start, sentence.end)
        if ";" not in facts.text[min(verb.end(), tally.end()) : max(verb.start(), tally.start())]
    ]
    if not verbs:
        return None
    return min(verbs, key=lambda verb: abs(verb.start() - tally.start()))


def _held_by_taliban(facts: _SentenceFacts, sentence: _Sentence, cue: _Cue) -> bool:
    """ "the Taliban now control 26", "the group already controls": the side named nearest
    before a verb of holding is the Taliban's, not the government's."""
    start = _subject_start(facts, sentence.start, cue.start)
    sides = [
        (match.start(), "taliban")
        for match in lx.TALIBAN_SIDE.finditer(facts.text, start, cue.start)
    ]
    sides += [
        (match.start(), "government")
        for match in lx.GOVERNMENT_SIDE.finditer(facts.text, start, cue.start)
    ]
    sides += [
        (match.start(), "taliban") for match in _THE_GROUP.finditer(facts.text, start, cue.start)
    ]
    return bool(sides) and max(sides)[1] == "taliban"


_THE_GROUP = re.compile(r"\b(?:the\s+group|the\s+insurgency|they)\b", re.IGNORECASE)


def _tally_province(
    text: str, sentence: _Sentence, tally: re.Match[str], named: _Sentence | None
) -> _MentionLike | None:
    """The one province named in the sentence, or for "of the province" in the last sentence
    that names a place, its speaker's included ("The governor of Sar-e Pul said ...")."""
    if _REGION_AFTER.match(text, tally.end(), sentence.end):
        # "the fall of dozens of districts in the west", "a dozen districts lost across the
        # north": a region's, no province's
        return None
    elsewhere = _located_elsewhere(text, sentence)
    # "KABUL (AP) - The Taliban captured two more districts": a dateline counts nothing
    dateline = _dateline_end(text, sentence)
    places = [m for m in sentence.mentions if id(m) not in elsewhere and m.start >= dateline]
    if len({m.place.iso for m in places}) == 1:
        if _THE_PROVINCE.match(text, tally.end(), sentence.end) or not all(
            getattr(m.place, "national_capital", False) and _is_role(text, m, sentence)
            for m in places
        ):
            return places[0]
        # "officials in Kabul said", "told reporters in Kabul": the government speaks from its
        # seat, which is not where the districts are (a province's governor or council is)
        return None
    if places or named is None or named is sentence:
        return None
    if not _THE_PROVINCE.match(text, tally.end(), sentence.end):
        return None
    earlier = _located_elsewhere(text, named)
    before = [m for m in named.mentions if id(m) not in earlier]
    return before[0] if len({m.place.iso for m in before}) == 1 else None


_THE_PROVINCE = re.compile(r"\s+(?:of|in)\s+the\s+province\b", re.IGNORECASE)
_REGION_AFTER = re.compile(
    r"[^,;.]{0,20}?\s(?:in|across|of)\s+(?:the\s+)?(?:(?:north|south)(?:-?(?:east|west))?|east|west"
    r"|(?:north|south|east|west)(?:-?(?:east|west))?ern\s+\w+|country|region)\b",
    re.IGNORECASE,
)


def _negated_or_future(sentence: _Sentence, cue: _Cue) -> bool:
    """ "have not captured", "could capture" just before the cue in the sentence."""
    before_start = max(sentence.start, cue.start - NEGATION_WINDOW)
    return bool(
        _search_slice(lx.NEGATION_BEFORE, sentence.facts, before_start, cue.start)
        or _search_slice(lx.FUTURE_BEFORE, sentence.facts, before_start, cue.start)
    )


def _counting_cue(text: str, prior: _Sentence, sentence: _Sentence) -> _Cue | None:
    """The previous sentence's capture cue whose count the sentence's places make up: all of
    "two more provincial capitals", or some of "at least 10 districts" after "They include"."""
    if not any(cue.kind in COUNTING_KINDS for cue in prior.cues):
        return None  # both readings count only for these cues: most sentences have none
    provinces = {m.place.iso for m in sentence.mentions}
    counted = _counted_capture(text, prior)
    if counted is not None and len(provinces) == counted[0]:
        return counted[1]
    included = _counted_districts(text, prior, sentence)
    if included is not None and len(provinces) <= included[0]:
        return included[1]
    return None


def _counted_districts(text: str, prior: _Sentence, sentence: _Sentence) -> tuple[int, _Cue] | None:
    """ "have taken control of at least 10 districts" before a sentence listing some of them
    ("They include Khwahan and Shighnan in Badakhshan, ...")."""
    if not lx.INCLUSION_LEAD.match(text, sentence.start, sentence.end):
        return None
    for cue in prior.cues:
        if cue.kind not in COUNTING_KINDS:
            continue
        match = _match(lx.COUNTED_DISTRICTS, prior.facts, cue.end, prior.end)
        if match is None and cue.kind == "capture_intrans":
            # "Six more districts in the north ... have collapsed to the Taliban"
            match = _search(lx.COUNTED_DISTRICTS_BEFORE, prior.facts, prior.start, cue.start)
        if match is None or _negated_or_future(prior, cue):
            continue
        word = match.group("count").lower()
        count = lx.COUNT_WORDS.get(word) or (int(word) if word.isdigit() else 0)
        if count:
            return count, cue
    return None


def _counted_capture(text: str, sentence: _Sentence) -> tuple[int, _Cue] | None:
    for cue in sentence.cues:
        if cue.kind not in COUNTING_KINDS:
            continue
        match = _match(lx.COUNTED_OBJECT, sentence.facts, cue.end, sentence.end)
        if match is None and cue.kind == "capture_intrans":
            # "as two more cities fall to the Taliban": the count precedes the verb.
            prefix = text[max(sentence.start, cue.start - 50) : cue.start]
            match = _COUNT_BEFORE.search(prefix)
        # The anchored count first: the negation look-back is the dearer test and rarely needed.
        if match is None or _negated_or_future(sentence, cue):
            continue
        word = match.groupdict().get("count") or match.groupdict().get("count2") or "another"
        word = word.lower()
        count = lx.COUNT_WORDS.get(word) or (int(word) if word.isdigit() else 0)
        if count:
            return count, cue
    return None
