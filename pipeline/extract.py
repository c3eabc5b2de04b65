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

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from pipeline import lexicon as lx
from pipeline.dates import BASIS_ARTICLE_DATE, DateResolution, resolve_date_phrase
from pipeline.dates import MONTHS as MONTH_NUMBER
from pipeline.records import Article, Event, Precision, Status
from pipeline.sentences import split_sentences
from pipeline.triggers import triggers_for

GOVERNMENT_ACTOR = "Afghan government forces"
TALIBAN_ACTOR = "Taliban"
OWN_VOICE = "article"

BASE_CONFIDENCE: dict[str, float] = {
    "capture": 0.9,
    "capture_both": 0.9,
    "control": 0.85,
    "withdrawal": 0.85,
    "contest_location": 0.6,
    "capture_intrans": 0.9,
    "capture_nominal": 0.8,
    "contest": 0.7,
    "contest_intrans": 0.7,
    "retake": 0.8,
    "retake_intrans": 0.8,
}
CLAIMED_CONFIDENCE = 0.5
HEDGED_CONFIDENCE = 0.4
INDIRECT_FACTOR = 0.8  # the place comes from a back-reference or the next sentence
STATUS_RANK: dict[Status, int] = {
    Status.CAPTURED: 0,
    Status.CLAIMED: 1,
    Status.RETAKEN: 2,
    Status.CONTESTED: 3,
}
IGNORED_PLACE_KINDS = frozenset({"country"})
CAPTURE_KINDS = frozenset(
    {"capture", "capture_both", "capture_nominal", "retake", "control", "withdrawal"}
)
NEGATION_WINDOW = 40  # characters before a cue searched for "not", "could", "if"...
ROAD_WORDS = ("highway", "road", "route", "motorway", "Highway", "Road")
LOOK_BACK_CHARS = 80  # longest end-anchored phrase before a cue ("the provincial capital has ...")

_MAJOR_BREAK = re.compile(r";|\bwhile\b|\bwhereas\b|\bbut\b")
_WORD = re.compile(r"[\w’'-]+|[:,]")
_MENTION_TOKEN = "x"
_CUE_TRIGGERS = triggers_for(lx.ALL_CUES.pattern)


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


@dataclass(frozen=True, slots=True)
class _Cue:
    start: int  # offsets into the article text
    end: int
    kind: str


@dataclass(frozen=True, slots=True)
class _Sentence:
    start: int
    end: int
    cues: tuple[_Cue, ...]
    mentions: tuple[_MentionLike, ...]


@dataclass(frozen=True, slots=True)
class _Binding:
    mention: _MentionLike
    cue: _Cue
    indirect: bool = False


def extract_events(article: Article, *, gazetteer: GazetteerLike) -> list[Event]:
    """Every event the article reports, in text order, at most one per province and status
    per sentence ("retook Kahmard after it fell on Thursday" is a retake and a capture)."""
    text = article.text
    mentions = [m for m in gazetteer.find(text) if _kind(m) not in IGNORED_PLACE_KINDS]
    sentences = _sentences(text, mentions)
    events: list[Event] = []
    previous: list[Event] = []
    previous_had_events = False
    for index, sentence in enumerate(sentences):
        current = _sentence_events(article, sentence, events)
        if index > 0 and not previous_had_events:
            current = _counted_places(article, sentences[index - 1], sentence, current)
        previous_had_events = bool(current)
        if not current and not sentence.mentions:
            prior = sentences[index - 1] if index > 0 else None
            current = _follow_up(article, sentence, previous, events, prior=prior)
            previous = current
        else:
            previous = current
        events.extend(current)
    return _in_text_order(events)


def _kind(mention: _MentionLike) -> str:
    return str(getattr(mention.place, "kind", "") or "").lower()


def _sentences(text: str, mentions: list[_MentionLike]) -> list[_Sentence]:
    spans = split_sentences(text)
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
    lowered = _lower_same_length(text)
    sentences: list[_Sentence] = []
    for index, (start, end) in enumerate(spans):
        near_place = any(
            mentions_in[k] for k in (index - 1, index, index + 1) if 0 <= k < len(spans)
        )
        cues = _find_cues(lowered, start, end) if near_place else ()
        sentences.append(_Sentence(start, end, cues, mentions_in[index]))
    return sentences


def _find_cues(lowered: str, start: int, end: int) -> tuple[_Cue, ...]:
    if _CUE_TRIGGERS is None:
        matches = list(lx.ALL_CUES.finditer(lowered, start, end))
    else:
        # Same matches as finditer: every match starts at a word that can start a cue.
        matches = []
        resume = start
        for trigger in _CUE_TRIGGERS.finditer(lowered, start, end):
            position = trigger.start()
            if position < resume:
                continue
            match = lx.ALL_CUES.match(lowered, position, end)
            if match is not None:
                matches.append(match)
                resume = match.end()
    return tuple(_Cue(m.start(), m.end(), m.lastgroup or "") for m in matches)


def _lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # "İ" lower-cases to two characters; keep such characters so offsets stay aligned
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


# --- one sentence -------------------------------------------------------------------------


def _sentence_events(article: Article, sentence: _Sentence, earlier: list[Event]) -> list[Event]:
    text = article.text
    body = text[sentence.start : sentence.end]
    if not sentence.mentions or not _has_status_cue(sentence) or _is_skipped_sentence(body):
        return []
    bindings = _bindings(text, sentence)
    reference = _last_date(earlier)
    events: list[Event] = []
    for binding in bindings:
        event = _event(article, sentence, binding, reference=reference)
        if event is not None:
            events.append(event)
    events.extend(_fighting_goes_on(text, sentence, events))
    return _one_per_province(events)


def _has_status_cue(sentence: _Sentence) -> bool:
    # Only "fled", "closing in on" and the like: nothing can bind to an event.
    return any(cue.kind in lx.STATUS_OF_KIND for cue in sentence.cues)


def _fighting_goes_on(text: str, sentence: _Sentence, events: list[Event]) -> list[Event]:
    """A claim, "but the ministry said fighting was continuing": the place is fought for too."""
    provinces = {e.province_iso for e in events}
    if len(provinces) != 1:
        return []
    if not _fighting_continues(text[sentence.start : sentence.end]):
        return []
    match = lx.CONTINUING.search(text, sentence.start, sentence.end)
    if match is None or any(m.start >= match.start() for m in sentence.mentions):
        return []
    if any(e.status is Status.CONTESTED for e in events):
        return []
    return [_fighting_copy(events[0])]


def _fighting_continues(body: str) -> bool:
    # Every CONTINUING phrase names fighting or clashes: skip the regex when neither is there.
    return ("ighting" in body or "lashes" in body) and bool(lx.CONTINUING.search(body))


def _fighting_copy(event: Event) -> Event:
    return dataclasses.replace(
        event,
        status=Status.CONTESTED,
        actor=TALIBAN_ACTOR,
        confidence=round(BASE_CONFIDENCE["contest"] * INDIRECT_FACTOR, 2),
    )


def _is_skipped_sentence(body: str) -> bool:
    stripped = body.rstrip(" \"'”’")
    return stripped.endswith("?") or bool(lx.PHOTO_CREDIT.search(body))


def _bindings(text: str, sentence: _Sentence) -> list[_Binding]:
    routes = {id(m) for m in sentence.mentions if _names_a_road(text, sentence, m)}
    roles = {id(m) for m in sentence.mentions if _is_role(text, m, sentence)} - routes
    bindings: list[_Binding] = []
    bound_cues: set[_Cue] = set()
    for mention in sentence.mentions:
        if id(mention) in roles or id(mention) in routes:
            continue
        cue = _binding_cue(text, sentence, mention)
        if cue is not None:
            bound_cues.add(cue)
            bindings.append(_Binding(mention, cue))
    # "Residents of Kunduz said the Taliban captured the city": the object points back.
    for cue in sentence.cues:
        if cue in bound_cues or cue.kind not in lx.STATUS_OF_KIND:
            continue
        object_back = lx.BACK_REFERENCE.match(text, cue.end, sentence.end)
        subject_back = cue.kind in lx.SUBJECT_KINDS and bool(
            lx.BACK_REFERENCE_BEFORE.search(text, _window_start(sentence, cue), cue.start)
        )
        refers_back = bool(object_back) or subject_back
        role_mentions = [m for m in sentence.mentions if id(m) in roles]
        definite = subject_back or bool(object_back and lx.DEFINITE.search(object_back.group(0)))
        if definite and not role_mentions:
            # "Fighters patrolled Khanabad, a day after the district was overrun", "retook
            # Kahmard after it briefly fell": the reference is to a place named before it.
            role_mentions = [
                m for m in sentence.mentions if m.end <= cue.start and id(m) not in routes
            ]
        if cue.kind == "capture_both" and not refers_back:
            # "The governor of Ghazni surrendered to the Taliban": the office stands for the city
            role_mentions = [
                m
                for m in role_mentions
                if m.end <= cue.start
                and not lx.CLAUSE_BREAK.search(
                    _collapse(text[m.end : cue.start], sentence, m.end, cue.start)
                )
            ]
            refers_back = bool(role_mentions)
        if role_mentions and refers_back:
            nearest = min(role_mentions, key=lambda m: abs(m.start - cue.start))
            bindings.append(_Binding(nearest, cue, indirect=True))
        elif cue.kind in lx.SUBJECT_KINDS and (
            relative := _relative_antecedent(text, sentence, cue)
        ):
            bindings.append(_Binding(relative, cue, indirect=True))
        elif (fronted := _fronted_place(text, sentence, cue, roles | routes)) is not None:
            bindings.append(_Binding(fronted, cue, indirect=True))
        elif lx.STATUS_OF_KIND.get(cue.kind) == "contested" and lx.DESPITE_BEFORE.search(
            text, _window_start(sentence, cue), cue.start
        ):
            earlier = [m for m in sentence.mentions if m.end <= cue.start and id(m) not in roles]
            if earlier:
                bindings.append(_Binding(earlier[-1], cue, indirect=True))
    return bindings


def _names_a_road(text: str, sentence: _Sentence, mention: _MentionLike) -> bool:
    """ "the Kandahar-Herat highway", "the highway between Kabul and Kandahar"."""
    if lx.ROUTE_AFTER.match(text, mention.end, sentence.end):
        return True
    window = text[max(sentence.start, mention.start - 60) : mention.start]
    # a substring test first: the regex is end-anchored, so it would try every offset
    return any(word in window for word in ROAD_WORDS) and bool(lx.ROUTE_BEFORE.search(window))


def _fronted_place(
    text: str, sentence: _Sentence, cue: _Cue, skipped: set[int]
) -> _MentionLike | None:
    """ "In the western city of Herat, Taliban fighters attacked ...": the scene of the cue."""
    if lx.STATUS_OF_KIND.get(cue.kind) != "contested" or not sentence.mentions:
        return None
    first = sentence.mentions[0]
    if id(first) in skipped or first.end > cue.start:
        return None
    if not lx.FRONTED_PLACE.fullmatch(text, sentence.start, first.start):
        return None
    if not text.startswith(",", first.end):
        return None
    # the cue has no place of its own after it in the sentence
    if any(m.start >= cue.end for m in sentence.mentions):
        return None
    return first


def _window_start(sentence: _Sentence, cue: _Cue) -> int:
    # End-anchored look-backs ("the district had been", "despite days of") are short: searching
    # the whole sentence before the cue would cost a regex attempt at every character.
    return max(sentence.start, cue.start - LOOK_BACK_CHARS)


def _relative_antecedent(text: str, sentence: _Sentence, cue: _Cue) -> _MentionLike | None:
    """In "recaptured Kalafgan district, which had fallen", the place before "which"."""
    earlier = [m for m in sentence.mentions if m.end <= cue.start]
    if not earlier:
        return None
    mention = earlier[-1]
    gap = text[mention.end : cue.start]
    return mention if lx.RELATIVE_AFTER_PLACE.fullmatch(gap) else None


def _is_role(text: str, mention: _MentionLike, sentence: _Sentence) -> bool:
    after = text[mention.end : min(sentence.end, mention.end + 40)]
    if lx.ROLE_AFTER.match(after):
        return True
    window_start = max(sentence.start, mention.start - 60)
    role = lx.ROLE_BEFORE.search(text, window_start, mention.start)
    # "The governor of Ghor handed Chaghcharan over": the role belongs to the nearer place.
    return role is not None and not any(
        role.start() <= other.start < mention.start for other in sentence.mentions
    )


def _binding_cue(text: str, sentence: _Sentence, mention: _MentionLike) -> _Cue | None:
    candidates: list[tuple[int, int, _Cue]] = []
    for cue in sentence.cues:
        if cue.end <= mention.start and cue.kind in lx.OBJECT_KINDS:
            gap = text[cue.end : mention.start]
            distance = _gap_distance(gap, sentence, cue.end, mention.start)
            new_predicate = cue.kind in CAPTURE_KINDS and lx.AUXILIARY.search(gap)
            if distance is not None and not _blocked(gap, cue) and not new_predicate:
                candidates.append((distance + gap.count(","), _kind_rank(cue), cue))
        elif cue.end <= mention.start and cue.kind in lx.SUBJECT_KINDS:
            # "Two provincial capitals fell on Friday: Zaranj and Sheberghan."
            gap = text[cue.end : mention.start]
            intro = lx.LIST_INTRO.search(gap)
            if intro is not None and not lx.CLAUSE_BREAK.search(gap[intro.end() :]):
                tail = gap[intro.end() :]
                distance = _gap_distance(tail, sentence, mention.start - len(tail), mention.start)
                if distance is not None:
                    candidates.append((distance + 1, _kind_rank(cue), cue))
        elif cue.start >= mention.end and cue.kind in lx.SUBJECT_KINDS:
            if _blocked(text[max(sentence.start, mention.start - 30) : mention.start], cue):
                continue  # "troops on the road to Kandahar came under fire"
            gap = text[mention.end : cue.start]
            collapsed = _collapse(gap, sentence, mention.end, cue.start)
            if lx.ORDINAL_GAP.match(collapsed) or lx.RELATIVE_GAP.fullmatch(collapsed):
                candidates.append((1, 1, cue))
                continue
            distance = _gap_distance(gap, sentence, mention.end, cue.start)
            if distance is not None:
                candidates.append((distance + gap.count(","), _kind_rank(cue), cue))
        elif cue.start >= mention.end and cue.kind == "capture":
            # "Kunduz, the capital of Kunduz province, was ... ordinal": only the ordinal form.
            gap = text[mention.end : cue.start]
            if lx.ORDINAL_GAP.match(_collapse(gap, sentence, mention.end, cue.start)):
                candidates.append((1, 1, cue))
    if not candidates:
        return None
    return min(candidates, key=lambda c: (c[0], c[1], c[2].start))[2]


def _kind_rank(cue: _Cue) -> int:
    # On equal distance a capture outranks fighting: "After days of fighting, Kunduz fell".
    status = lx.STATUS_OF_KIND.get(cue.kind, "")
    return {"captured": 0, "retaken": 1, "contested": 2}.get(status, 3)


def _collapse(gap: str, sentence: _Sentence, start: int, end: int) -> str:
    """The gap with every place mention inside replaced by one token."""
    pieces: list[str] = []
    cursor = start
    for mention in sentence.mentions:
        if mention.start >= start and mention.end <= end:
            pieces.append(gap[cursor - start : mention.start - start])
            pieces.append(_MENTION_TOKEN)
            cursor = mention.end
    pieces.append(gap[cursor - start :])
    return "".join(pieces)


def _gap_distance(gap: str, sentence: _Sentence, start: int, end: int) -> int | None:
    collapsed = _collapse(gap, sentence, start, end)
    if lx.CLAUSE_BREAK.search(collapsed):
        return None
    words = [w for w in _WORD.findall(collapsed.lower()) if w not in lx.GLUE_WORDS]
    words = [w for w in words if not w.endswith(("’s", "'s")) or len(w) > 2]
    if len(words) > lx.MAX_GAP_WORDS:
        return None
    return len(words)


def _blocked(gap: str, cue: _Cue) -> bool:
    # "withdrew from", "pushed the Taliban out of": a preposition in the cue itself is fine
    if lx.STATUS_OF_KIND.get(cue.kind) == "contested":
        return bool(lx.CONTEST_BLOCKING_PREPOSITION.search(gap))
    return bool(lx.BLOCKING_PREPOSITION.search(gap))


def _event(
    article: Article, sentence: _Sentence, binding: _Binding, *, reference: dt.date | None
) -> Event | None:
    text = article.text
    cue = binding.cue
    status_name = lx.STATUS_OF_KIND.get(cue.kind)
    if status_name is None:
        return None
    clause_start, clause_end = _clause(text, sentence, cue)
    before = text[max(clause_start, cue.start - NEGATION_WINDOW) : cue.start]
    after = text[cue.end : min(sentence.end, cue.end + 20)]
    clause = text[clause_start:clause_end]
    if lx.NEGATION_BEFORE.search(before) or lx.DENIAL.search(text[clause_start : cue.start]):
        return None
    under_way = _fight_under_way(text, sentence, cue, binding.mention)
    if under_way:
        status_name = Status.CONTESTED.value  # "launched an operation to recapture X"
    elif lx.FUTURE_BEFORE.search(before) or lx.FUTURE_AFTER.match(after):
        return None
    if lx.CONDITIONAL.search(text[clause_start : cue.start]):
        return None
    if lx.HISTORICAL.search(clause) or _other_month(clause, article.date):
        return None
    if _imagined_fall(text, sentence, cue, binding.mention):
        return None
    status = Status(status_name)
    mention = binding.mention
    checked = _checked_by_subject(cue, _subject(text, clause_start, cue.start), status)
    if checked is not None and not under_way:
        checked = _checked_by_recipient(text, sentence, cue, mention, checked)
    if checked is None:
        return None
    status = checked
    if cue.kind == "footage" and not lx.FOOTAGE_NOUN.search(text, sentence.start, cue.start):
        return None
    if status is Status.RETAKEN and lx.EDGE_AFTER.match(text, cue.end, sentence.end):
        status = Status.CONTESTED  # pushed back from the edge: the attack was repelled
    if status is Status.CAPTURED and _partial(text, sentence, cue, mention):
        status = Status.CONTESTED
    attribution = _attribution(text, sentence, cue)
    body = text[sentence.start : sentence.end]
    confidence = BASE_CONFIDENCE.get(cue.kind, BASE_CONFIDENCE["retake"])
    if status is Status.CAPTURED:
        claimed = attribution == "taliban" or bool(
            lx.CLAIM_NEAR.search(text[max(sentence.start, cue.start - 30) : cue.start])
        )
        denied_later = _contradicted(text, sentence, cue, mention)
        if _hedged(body) or denied_later:
            status, confidence = Status.CLAIMED, HEDGED_CONFIDENCE
        elif claimed:
            status, confidence = Status.CLAIMED, CLAIMED_CONFIDENCE
        elif attribution != OWN_VOICE:
            confidence = min(1.0, confidence + 0.05)
    if binding.indirect:
        confidence *= INDIRECT_FACTOR
    resolution = resolve_date_phrase(
        body, article_date=article.date, cue_at=cue.start - sentence.start, reference=reference
    )
    resolution = _nominal_precision(resolution, cue, before)
    return Event(
        article_id=article.article_id,
        province_iso=mention.place.iso,
        province=mention.place.province,
        place=mention.text,
        status=status,
        quote=body,
        quote_start=sentence.start,
        quote_end=sentence.end,
        place_start=mention.start,
        place_end=mention.end,
        actor=GOVERNMENT_ACTOR if status is Status.RETAKEN else TALIBAN_ACTOR,
        event_date=resolution.date,
        date_precision=Precision(resolution.precision),
        date_basis=resolution.basis,
        date_phrase=resolution.phrase,
        manner=_manner(body),
        attribution=attribution,
        confidence=round(confidence, 2),
        place_kind=_kind(mention),
    )


def _subject(text: str, start: int, end: int) -> str:
    """The words before a cue back to the nearest conjunction: "regained X after [fighters]"."""
    cut = start
    for match in lx.SUBJECT_BREAK.finditer(text, start, end):
        cut = match.end()
    return text[cut:end]


def _checked_by_subject(cue: _Cue, subject: str, status: Status) -> Status | None:
    """Cues whose meaning depends on who does it; ``None`` when it is no event."""
    taliban = bool(lx.TALIBAN_SIDE.search(subject))
    government = bool(lx.GOVERNMENT_SIDE.search(subject))
    if cue.kind in ("retake", "retake_intrans") and taliban and not government:
        return Status.CAPTURED  # "its mujahideen had liberated Shindand"
    if cue.kind == "driven_out":  # "the insurgents were driven out of" / "troops were ..."
        if government and not taliban:
            return Status.CAPTURED
        return status if taliban else None
    if cue.kind == "control":  # "the Taliban now control Aybak", never "the army controls"
        return status if taliban and not government else None
    if cue.kind == "withdrawal":  # troops withdrew from X; the Taliban withdrawing is no capture
        return None if taliban and not government else status
    if cue.kind == "contest_location":  # "on the outskirts of" counts only with fighters there
        return status if taliban or lx.FIGHTING.search(subject) else None
    return status


def _imagined_fall(text: str, sentence: _Sentence, cue: _Cue, mention: _MentionLike) -> bool:
    # "the capture of Spin Boldak would cut off ...": a fall that is only imagined
    if cue.kind != "capture_nominal" or mention.start < cue.end:
        return False
    return bool(lx.MODAL_AFTER.match(text, mention.end, sentence.end))


def _other_month(clause: str, article_date: dt.date | None) -> bool:
    """A bare month other than the article's ("swept through Badakhshan in June"): background."""
    if article_date is None:
        return False
    match = lx.MONTH_ONLY.search(clause)
    return match is not None and MONTH_NUMBER[match.group("month").lower()] != article_date.month


def _checked_by_recipient(
    text: str, sentence: _Sentence, cue: _Cue, mention: _MentionLike, status: Status
) -> Status | None:
    """Handovers and surrenders mean what their recipient makes them mean."""
    cue_text = text[cue.start : cue.end]
    if cue.kind != "handover" and not re.search(r"surrender|hand", cue_text, re.IGNORECASE):
        return status
    recipient = lx.RECIPIENT.match(text, cue.end, sentence.end)
    if recipient is None and mention.start >= cue.end:
        recipient = lx.RECIPIENT.match(text, mention.end, sentence.end)
    if recipient is None:
        named = lx.ANY_RECIPIENT.match(text, mention.end if mention.start >= cue.end else cue.end)
        if named is not None and not re.search(r"\b(?:them|it)$", named.group(0)):
            # "handed over Spin Boldak to tribal elders": neither side took it
            return Status.CAPTURED if lx.TALIBAN_SIDE.search(named.group(0)) else None
        return None if cue.kind == "handover" else status
    if lx.TALIBAN_SIDE.fullmatch(recipient.group("who")):
        return Status.CAPTURED
    # To the government side: the place came back, unless fighters surrendered themselves
    # ("Taliban fighters surrendered to Afghan forces") or no Taliban held it (a US base).
    subject = text[sentence.start : cue.start]
    if lx.SURRENDER_WORD.search(cue_text) and lx.TALIBAN_SIDE.search(subject):
        return None
    body = text[sentence.start : sentence.end]
    others = body[: recipient.start() - sentence.start] + body[recipient.end() - sentence.start :]
    return Status.RETAKEN if lx.TALIBAN_SIDE.search(others) else None


def _fight_under_way(text: str, sentence: _Sentence, cue: _Cue, mention: _MentionLike) -> bool:
    """An operation "launched ... to recapture X": fighting, when X itself is the object."""
    if lx.STATUS_OF_KIND.get(cue.kind) not in ("retaken", "captured"):
        return False
    if (
        mention.start < cue.end
        or _gap_distance(text[cue.end : mention.start], sentence, cue.end, mention.start) != 0
    ):
        return False
    window_start = max(sentence.start, cue.start - 80)
    match = lx.UNDER_WAY_BEFORE.search(text, window_start, cue.start)
    if match is None:
        return False
    return not lx.MODAL_BEFORE.search(text, max(sentence.start, match.start() - 30), match.start())


def _partial(text: str, sentence: _Sentence, cue: _Cue, mention: _MentionLike) -> bool:
    if lx.PARTIAL.search(text, cue.end, max(cue.end, mention.start)):
        return True
    if lx.PARTIAL_AFTER.match(text, mention.end, sentence.end):
        return True
    return bool(lx.STILL_HOLDS.search(text, cue.end, sentence.end))


def _contradicted(text: str, sentence: _Sentence, cue: _Cue, mention: _MentionLike) -> bool:
    """A denial later in the sentence that is about this place, not another one named after."""
    for match in lx.CONTRADICTION.finditer(text, cue.end, sentence.end):
        between = range(max(cue.end, mention.end), match.start())
        if not any(
            m.start in between and m.place.iso != mention.place.iso for m in sentence.mentions
        ):
            return True
    return False


def _nominal_precision(resolution: DateResolution, cue: _Cue, before: str) -> DateResolution:
    # "The capture of Ghazni cuts off ...": the text asserts it happened, not that it is news;
    # "officials confirmed the fall of X" is news.
    if lx.NEWS_VERB_BEFORE.search(before):
        return resolution
    if cue.kind == "capture_nominal" and resolution.basis == BASIS_ARTICLE_DATE:
        return dataclasses.replace(
            resolution,
            precision=Precision.ON_OR_BEFORE,
            basis=f"mentioned as past: on or before article date {resolution.date}",
        )
    return resolution


def _clause(text: str, sentence: _Sentence, cue: _Cue) -> tuple[int, int]:
    """The comma-delimited stretch of the sentence around the cue."""
    start = text.rfind(",", sentence.start, cue.start)
    start = sentence.start if start < 0 else start + 1
    end = text.find(",", cue.end, sentence.end)
    end = sentence.end if end < 0 else end
    return start, end


def _attribution(text: str, sentence: _Sentence, cue: _Cue) -> str:
    """Who the sentence says reports the cue: a speaker class, or ``OWN_VOICE``."""
    speakers: list[str] = []
    major_start, major_end = _major_clause(text, sentence, cue)
    for verb in lx.SPEECH_VERB.finditer(text, major_start, major_end):
        speaker = _speaker_of(text, verb, cue, major_start, major_end)
        if speaker is not None:
            speakers.append(speaker)
    if not speakers:
        return OWN_VOICE
    non_taliban = [s for s in speakers if s != "taliban"]
    return non_taliban[0] if non_taliban else "taliban"


def _speaker_of(
    text: str, verb: re.Match[str], cue: _Cue, major_start: int, major_end: int
) -> str | None:
    after_text = text[verb.end() : major_end]
    if verb.group(0).lower().startswith("according"):
        # "According to local officials, Taliban militants overran ...": stop at the comma
        return _speaker_class(after_text.split(",", 1)[0], first=True)
    if verb.start() >= cue.end:
        # "..., officials said" or "..., said X, a member of the council": never the actor
        # of the cue, which sits before the last comma
        before = _speaker_class(text[cue.end : verb.start()])
        if before is not None:
            return before
        return _speaker_class(_first_words(after_text, 12), first=True)
    window_before = text[max(major_start, verb.start() - 120) : verb.start()]
    return _speaker_class(_last_words(window_before, 14))


def _major_clause(text: str, sentence: _Sentence, cue: _Cue) -> tuple[int, int]:
    """The stretch around the cue between ";", "while", "whereas" and "but"."""
    start, end = sentence.start, sentence.end
    for match in _MAJOR_BREAK.finditer(text, sentence.start, sentence.end):
        if match.start() < cue.start:
            start = match.start()
        elif match.start() >= cue.end:
            end = match.start()
            break
    return start, end


def _last_words(text: str, count: int) -> str:
    return " ".join(text.split()[-count:])


def _first_words(text: str, count: int) -> str:
    return " ".join(text.split()[:count])


def _speaker_class(window: str, *, first: bool = False) -> str | None:
    """The class of the speaker noun nearest the verb of saying ("Taliban spokesman" is one).

    ``first``: the window follows the verb, so the nearest noun is the first one.
    """
    best: tuple[int, int, str] | None = None
    for name, pattern in lx.SPEAKERS:
        for match in pattern.finditer(window):
            key = (-match.start(), match.end()) if first else (match.end(), -match.start())
            if best is None or key > best[:2]:
                best = (*key, name)
    return None if best is None else best[2]


@functools.lru_cache(maxsize=4096)
def _hedged(body: str) -> bool:
    return bool(lx.HEDGE.search(body))


@functools.lru_cache(maxsize=4096)
def _manner(body: str) -> str:
    for name, pattern in lx.MANNER:
        if pattern.search(body):
            return name
    return ""


def _one_per_province(events: list[Event]) -> list[Event]:
    """One event per province and status; a capture the sentence asserts outranks a claim.

    Two statuses for one province stay apart: "retook Kahmard after it fell on Thursday" is
    a capture and a retake, "attacked Kunduz and captured the city" fighting and a capture.
    """
    best: dict[tuple[str, Status], Event] = {}
    for event in events:
        key = (event.province_iso, event.status)
        current = best.get(key)
        if current is None or _preference(event) < _preference(current):
            best[key] = event
    # The fighting before a capture or a retake in the same sentence is part of that change:
    # "regained Qala-e Naw after the Taliban briefly entered the city" is one retake.
    subsumed = {
        Status.CLAIMED: (Status.CAPTURED,),
        Status.CONTESTED: (Status.CAPTURED, Status.RETAKEN),
    }
    return [
        e
        for e in best.values()
        if not any((e.province_iso, s) in best for s in subsumed.get(e.status, ()))
    ]


def _preference(event: Event) -> tuple[int, float, int]:
    return (STATUS_RANK[event.status], -event.confidence, event.place_start)


def _last_date(events: list[Event]) -> dt.date | None:
    dated = [e.event_date for e in events if e.event_date is not None]
    return dated[-1] if dated else None


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
        antecedent = _only_place(text, prior) if prior is not None else None
        if antecedent is None:
            return []
        return _carried_capture(article, sentence, [antecedent], reference=_last_date(events))
    goes_on = _fighting_continues(body) and len({e.province_iso for e in previous}) == 1
    if lx.NEXT_SENTENCE_HEDGE.search(body):
        _replace_all(events, previous, _downgraded)
        return [_fighting_copy(previous[0])] if goes_on else []
    if goes_on and not any(e.status is Status.CONTESTED for e in previous):
        # "Mujahid said fighting was still going on in the area."
        return [_fighting_copy(previous[0])]
    confirm = lx.CONFIRMS_EVENT.search(body)
    if confirm is not None:
        speaker = _speaker_class(_last_words(body[: confirm.start()], 8))
        resolution = resolve_date_phrase(body, article_date=article.date, cue_at=confirm.start())
        if speaker not in (None, "taliban"):
            _replace_all(events, previous, lambda e: _upgraded(e, speaker))
        if resolution.phrase:
            _replace_all(events, previous, lambda e: _redated(e, resolution))
        return []
    return _carried_capture(article, sentence, previous, reference=_last_date(events))


def _only_place(text: str, sentence: _Sentence) -> Event | None:
    """The one place a sentence names (not as a speaker's role), as a stand-in event."""
    places = [m for m in sentence.mentions if not _is_role(text, m, sentence)]
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


def _refers_back(text: str, sentence: _Sentence, cue: _Cue) -> bool:
    if cue.kind in ("capture", "capture_both"):
        return bool(lx.BACK_REFERENCE.match(text, cue.end, sentence.end))
    if cue.kind == "capture_intrans":  # "It fell the next morning", "The city fell on Sunday"
        return bool(lx.BACK_REFERENCE_BEFORE.search(text, _window_start(sentence, cue), cue.start))
    return False


def _carried_capture(
    article: Article, sentence: _Sentence, previous: list[Event], *, reference: dt.date | None
) -> list[Event]:
    provinces = {e.province_iso for e in previous}
    if len(provinces) != 1:
        return []
    text = article.text
    body = text[sentence.start : sentence.end]
    if lx.HISTORICAL.search(body) or lx.CONDITIONAL.search(body):
        return []
    for cue in sentence.cues:
        if not _refers_back(text, sentence, cue):
            continue
        pseudo = _Sentence(previous[0].quote_start, sentence.end, (cue,), ())
        before = text[max(sentence.start, cue.start - NEGATION_WINDOW) : cue.start]
        if lx.NEGATION_BEFORE.search(before) or lx.FUTURE_BEFORE.search(before):
            return []
        attribution = _attribution(text, sentence, cue)
        claimed = attribution == "taliban" or bool(lx.HEDGE.search(body))
        if lx.FUTURE_AFTER.match(text, cue.end, sentence.end):
            return []
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
        return [
            dataclasses.replace(
                source,
                article_id=article.article_id,
                status=Status.CLAIMED if claimed else Status.CAPTURED,
                quote=text[pseudo.start : pseudo.end],
                quote_start=pseudo.start,
                quote_end=pseudo.end,
                actor=TALIBAN_ACTOR,
                event_date=resolution.date,
                date_precision=Precision(resolution.precision),
                date_basis=resolution.basis,
                date_phrase=resolution.phrase,
                manner=_manner(body) or source.manner,
                attribution=attribution,
                confidence=round(
                    (CLAIMED_CONFIDENCE if claimed else BASE_CONFIDENCE["capture"])
                    * INDIRECT_FACTOR,
                    2,
                ),
            )
        ]
    return []


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


def _redated(event: Event, resolution: DateResolution) -> Event:
    if event.date_phrase or not resolution.phrase:
        return event
    return dataclasses.replace(
        event,
        event_date=resolution.date,
        date_precision=Precision(resolution.precision),
        date_basis=resolution.basis + " (next sentence)",
        date_phrase=resolution.phrase,
    )


def _counted_places(
    article: Article, prior: _Sentence, sentence: _Sentence, current: list[Event]
) -> list[Event]:
    """Places that the previous sentence's "captured two more provincial capitals" counted."""
    text = article.text
    counted = _counted_capture(text, prior)
    if counted is None:
        return current
    count, cue = counted
    provinces = {m.place.iso for m in sentence.mentions}
    if len(provinces) != count:
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
            Event(
                article_id=article.article_id,
                province_iso=mention.place.iso,
                province=mention.place.province,
                place=mention.text,
                status=status,
                quote=text[prior.start : sentence.end],
                quote_start=prior.start,
                quote_end=sentence.end,
                place_start=mention.start,
                place_end=mention.end,
                event_date=resolution.date,
                date_precision=Precision(resolution.precision),
                date_basis=resolution.basis,
                date_phrase=resolution.phrase,
                manner=_manner(prior_body),
                attribution=attribution,
                confidence=round(BASE_CONFIDENCE["capture"] * INDIRECT_FACTOR, 2),
                place_kind=_kind(mention),
            )
        )
    return events


def _counted_capture(text: str, sentence: _Sentence) -> tuple[int, _Cue] | None:
    for cue in sentence.cues:
        if cue.kind not in ("capture", "capture_intrans", "capture_both"):
            continue
        before = text[max(sentence.start, cue.start - NEGATION_WINDOW) : cue.start]
        if lx.NEGATION_BEFORE.search(before) or lx.FUTURE_BEFORE.search(before):
            continue
        match = lx.COUNTED_OBJECT.match(text, cue.end, sentence.end)
        if match is None and cue.kind == "capture_intrans":
            # "as two more cities fall to the Taliban": the count precedes the verb.
            prefix = text[max(sentence.start, cue.start - 50) : cue.start]
            match = re.search(
                r"(?P<count>another|one|two|three|four|five|six|\d)\s+(?:more\s+)?"
                r"(?:provincial\s+capitals?|cities|city)\s*$",
                prefix,
                re.IGNORECASE,
            )
        if match is None:
            continue
        word = match.groupdict().get("count") or match.groupdict().get("count2") or "another"
        word = word.lower()
        count = lx.COUNT_WORDS.get(word) or (int(word) if word.isdigit() else 0)
        if count:
            return count, cue
    return None
