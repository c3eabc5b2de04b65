"""Sentence spans with offsets into the original text.

A careful regex splitter rather than a statistical one: news prose is regular, we need
character offsets that rebuild the text exactly, and we need thousands of articles a second.
Line breaks always end a sentence (headlines and photo captions often have no full stop).
"""

from __future__ import annotations

import re

# Tokens that end with a full stop but do not end a sentence.
ABBREVIATIONS: frozenset[str] = frozenset(
    {
        "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "cpl", "adm",
        "gov", "sen", "rep", "rev", "prof", "st", "jr", "sr", "no", "vs", "etc", "inc",
        "ltd", "co", "corp", "dept", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur",
        "thurs", "fri", "sat", "sun", "approx", "est", "fig", "u.s", "u.k", "u.n", "e.g",
        "i.e", "a.m", "p.m", "d.c", "km", "mt", "ft",
    }
)  # fmt: skip

# A sentence is never longer than this; longer runs are cut at the last space before it,
# so a pasted table or a page without punctuation cannot make later stages quadratic.
MAX_SENTENCE_CHARS = 1_000

# A candidate end: terminal punctuation, optional closing quotes/brackets, then whitespace.
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")
_LINE_BREAK = re.compile(r"\n")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_WORD_RUN = re.compile(r"[\w.]+")
WORD_LOOK_BACK = 40  # characters searched back from a full stop for an abbreviation
_NEXT_START = re.compile(r"\s+([\"'“‘(\[]*)(\S)")
_INITIALS = re.compile(r"(?:[a-z]\.)*[a-z]")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of the sentences of ``text``, leading/trailing space excluded.

    Concatenating the spans with the whitespace between them rebuilds ``text``.
    """
    spans: list[tuple[int, int]] = []
    line_start = 0
    for line_end in [m.start() for m in _LINE_BREAK.finditer(text)] + [len(text)]:
        spans.extend(_split_line(text, line_start, line_end))
        line_start = line_end + 1
    return spans


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    sentence_start = start
    for match in _END.finditer(text, start, end):
        cut = match.end()
        if _is_sentence_end(text, match.start(), cut, end):
            spans.extend(_trimmed_and_capped(text, sentence_start, cut))
            sentence_start = cut
    spans.extend(_trimmed_and_capped(text, sentence_start, end))
    return spans


def _is_sentence_end(text: str, punct_start: int, cut: int, line_end: int) -> bool:
    if text[punct_start] == "." and text[punct_start:cut].count(".") == 1:
        word = _word_before(text, punct_start)
        if word and _is_abbreviation(word):
            return False
    following = _NEXT_START.match(text, cut, line_end)
    if following is None:
        return True  # end of line
    first = following.group(2)
    # "He said... and then" or "Aug. 13": a lower-case or digit continuation is not a new sentence
    return not (first.islower() or first.isdigit())


def _word_before(text: str, end: int) -> str | None:
    """The run of word characters and dots ending at ``end``, as ``_WORD_BEFORE`` finds it."""
    start = max(0, end - WORD_LOOK_BACK)
    if text.endswith("\n", start, end):
        # "$" also matches before a final line break: keep the regex's own reading
        match = _WORD_BEFORE.search(text, start, end)
        return match.group(1) if match else None
    # The end-anchored regex tries every offset of the window; matching the reversed window
    # from its start reads the same run once.
    run = _WORD_RUN.match(text[start:end][::-1])
    return run.group()[::-1] if run else None


def _is_abbreviation(word: str) -> bool:
    lowered = word.lower().rstrip(".")
    if lowered in ABBREVIATIONS:
        return True
    # Initials and dotted acronyms: "J.", "U.S", "A.F.P"
    return bool(_INITIALS.fullmatch(lowered)) and len(lowered.replace(".", "")) <= 3


def _trimmed_and_capped(text: str, start: int, end: int) -> list[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    spans: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
        if cut <= start:
            cut = start + MAX_SENTENCE_CHARS
        spans.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))
    return spans
