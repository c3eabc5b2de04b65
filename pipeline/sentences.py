"""Sentence spans with offsets into the original text.

A careful regex splitter rather than a statistical one: news prose is regular, we need
character offsets that rebuild the text exactly, and we need thousands of articles a second.
Line breaks always end a sentence (headlines and photo captions often have no full stop).
"""

from __future__ import annotations

import re

from pipeline import lexicon as lx

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
MAX_INITIALS = 3  # letters of the longest run of initials taken for an abbreviation ("A.F.P")
# A word ending in more letters than this is never an abbreviation: no entry of the table is
# this long, nor any run of initials ("a.f.p").
LONGEST_ABBREVIATION = max(*map(len, ABBREVIATIONS), 2 * MAX_INITIALS - 1)


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
        # Most full stops end a long word: no need to read the word back to its start.
        tail = text[max(0, punct_start - LONGEST_ABBREVIATION - 1) : punct_start]
        long_word = len(tail) > LONGEST_ABBREVIATION and tail.isalnum()
        word = None if long_word else _word_before(text, punct_start)
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
    return bool(_INITIALS.fullmatch(lowered)) and len(lowered.replace(".", "")) <= MAX_INITIALS


def _trimmed_and_capped(text: str, start: int, end: int) -> list[tuple[int, int]]:
    if 0 < end - start <= MAX_SENTENCE_CHARS and not (
        text[start].isspace() or text[end - 1].isspace()
    ):
        return [(start, end)]  # most sentences: nothing to trim, short enough to keep whole
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


# Lines that are page furniture rather than reporting: photo captions, link blocks and
# editor's notes. Their headlines and captions repeat or preview stories ("Related: Taliban seize
# Spin Boldak") and corrections quote what an earlier version wrongly said ("incorrectly said that
# Maymana had fallen"), so no event may come from them on this article's authority.
_CAPTION_START = re.compile(
    r"\s*(?:photo(?:\s+caption)?|caption|pictured|image|file\s+photo|picture)\s*:", re.IGNORECASE
)
# The headings of link blocks; with a colon a line may hold its link ("Related: Taliban seize
# Spin Boldak"), alone on its line it heads the headline lines below it, as scraped pages give
# it ("READ MORE", "AP RELATED", Al Jazeera's "Keep reading" with its "list 1 of 4" ... "end of
# list")
_LINK_WORDS = (
    r"(?:ap\s+)?(?:related(?:\s+(?:stories|articles|coverage|content|news|reading))?"
    r"|read\s+(?:more|also|next)|also\s+read|see\s+also|more\s+on\s+this(?:\s+story)?"
    r"|keep\s+reading|recommended(?:\s+(?:stories|reading))?|more\s+stories"
    r"|you\s+(?:may|might)\s+also\s+like|most\s+read|further\s+reading"
    r"|what\s+we(?:[’']re|\s+are)\s+reading)"
)
_LINK_START = re.compile(
    r"\s*(?:" + _LINK_WORDS + r"|watch|listen)\s*:(?P<rest>.*)$", re.IGNORECASE
)
_LINK_HEADING = re.compile(r"[ \t]*" + _LINK_WORDS + r"[ \t]*$", re.IGNORECASE)
_END_OF_LIST = re.compile(r"\s*end\s+of\s+list\s*$", re.IGNORECASE)
# An editor's note is furniture only when it retracts: "Correction: ... incorrectly said that
# Maymana had fallen". One that states the corrected fact ("corrected to show that Islam Qala
# fell on Thursday") reports it on the article's authority and stays.
_NOTE_START = re.compile(
    r"\s*(?:(?:editor[’']?s[’']?\s+note|note\s+to\s+readers|corrections?|clarification)\s*:"
    r"|this\s+(?:article|story|report)\s+(?:was|has\s+been)\s+(?:amended|corrected|updated)\b)",
    re.IGNORECASE,
)
_RETRACTION = re.compile(
    r"\b(?:incorrectly|erroneously|wrongly|mistakenly|misstated|misreported|retracted"
    r"|(?:an\s+)?(?:earlier|previous)\s+version|to\s+remove)\b",
    re.IGNORECASE,
)
_EARLIER_VERSION = re.compile(
    r"\s*an\s+(?:earlier|previous)\s+version(?:\s+of\s+this\s+(?:story|article|report|post|entry"
    r"|update|piece|blog)"
    r"|\s+(?:said|stated|reported|wrongly|incorrectly|misstated))",
    re.IGNORECASE,
)
# A newspaper's print line repeats the headline: "A version of this article appears in print
# on July 23, 2021, Section A, Page 9 of the New York edition with the headline: Taliban Seize
# District in Afghan West."
_PRINT_LINE = re.compile(
    r"\s*a\s+version\s+of\s+this\s+(?:article|story|report)\s+appears\s+in\s+print\b",
    re.IGNORECASE,
)
# A contributors' line names where reporters were: "Najim Rahimi contributed reporting from
# Mazar-i-Sharif, Afghanistan."
# The line holds nothing else: it ends with the contributors' clause.
_CONTRIBUTORS_LINE = re.compile(
    r"^[^\n]{0,120}?\bcontributed\s+(?:reporting|research|to\s+this\s+(?:report|article|story))"
    r"(?:\s+(?:from|in)\s+[^\n.!?]{0,60})?[.]?[ \t]*$",
    re.MULTILINE,
)
# A sentence ending inside the line before the clause: "Farah fell. Ali M Latifi contributed"
_SENTENCE_END_INSIDE = re.compile(r"[a-z0-9][.!?][\"”’']?\s+[A-Z“\"]")
# A credit closing a caption: "(AP Photo)", "(AP Photo/Rahmat Gul)", "(AFP)", "(Reuters)".
_CAPTION_CREDIT = re.compile(
    r"\((?:[^()]*?/)?\s*(?:AP(?:\s+Photo)?|AFP(?:\s+Photo)?|Reuters(?:\s+Photo)?|Getty\s+Images"
    r"|EPA(?:-EFE)?|Xinhua|Anadolu(?:\s+Agency)?|File\s+photo|Photo)(?:/[^()]*)?\)\s*$"
)
# A bare agency credit ("(AFP)") also closes reporting: a line that names who said it ("...,
# officials said, ... (AFP)") is a report, never a caption, which describes a picture.
_BARE_CREDIT = re.compile(r"\(\s*(?:AP|AFP|Reuters)\s*\)\s*$")
_ATTRIBUTED = re.compile(r"\b(?:said|says|told|according\s+to)\b")
# Every furniture line starts with one of these words or ends with ")": only those lines are read.
_FURNITURE_WORD = (
    r"[ \t]*(?:photo|caption|pictured|image|file|picture|related|read|also|see|more|watch|listen"
    r"|editors?|note|corrections?|clarification|an?|this|ap|keep|recommended|you|most|further"
    r"|what)\b"
)
# Led by the line break, not "^": a literal-led regex skips through the text in C (4x faster).
_FURNITURE_START = re.compile(r"\n" + _FURNITURE_WORD, re.IGNORECASE)
_FURNITURE_FIRST = re.compile(_FURNITURE_WORD, re.IGNORECASE)
_CLOSING_BRACKET = re.compile(r"\)[ \t]*$", re.MULTILINE)
# A caption is a line or two; a paragraph of reporting that happens to end with a credit is not.
MAX_CAPTION_WORDS = 45
# A link headline after "Related:" is short and has no closing full stop.
MAX_LINK_HEADLINE_WORDS = 16


def furniture_lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` spans of the lines of ``text`` that are furniture, in order.

    A caption starts with "Photo:" or "Caption:" or ends with a photo credit; a link block is
    a line starting "Related:" / "Read more:" / "Also read:", and, when that line has nothing
    after its colon or is a bare heading ("READ MORE", "Keep reading"), the short unpunctuated
    headline lines that follow it; a retraction is an
    "Editor's note:" / "Correction:" line that says what was wrong ("incorrectly said"), or a
    line starting "An earlier version of this story"; a print line ("A version of this article
    appears in print on ...") and a contributors' line ("... contributed reporting from Kunduz").
    """
    found: set[tuple[int, int]] = set()
    line_starts = [m.start() + 1 for m in _FURNITURE_START.finditer(text)]
    if _FURNITURE_FIRST.match(text):
        line_starts.insert(0, 0)
    for start in line_starts:
        end = line_end(text, start)
        link = _LINK_START.match(text, start, end)
        if link is not None:
            found.add((start, end))
            if not link.group("rest").strip():
                found.update(_link_headlines(text, end + 1))
        elif _LINK_HEADING.match(text, start, end):
            found.add((start, end))
            found.update(_link_headlines(text, end + 1))
        elif _CAPTION_START.match(text, start, end) or _PRINT_LINE.match(text, start, end):
            found.add((start, end))
        elif _is_retraction(text, start, end):
            found.add((start, _retraction_end(text, start, end)))
    if text.find("contributed") >= 0:
        found.update(
            match.span()
            for match in _CONTRIBUTORS_LINE.finditer(text)
            if not _SENTENCE_END_INSIDE.search(match.group())
        )
    for match in _CLOSING_BRACKET.finditer(text):
        start = text.rfind("\n", 0, match.start()) + 1
        line = text[start : match.end()].strip()
        attributed_report = bool(_BARE_CREDIT.search(line) and _ATTRIBUTED.search(line))
        if (
            _CAPTION_CREDIT.search(line)
            and len(line.split()) <= MAX_CAPTION_WORDS
            and not attributed_report
        ):
            found.add((start, match.end()))
    return sorted(found)


def _is_retraction(text: str, start: int, end: int) -> bool:
    if _EARLIER_VERSION.match(text, start, end):
        return True
    return bool(_NOTE_START.match(text, start, end) and _RETRACTION.search(text, start, end))


_POINTS_BACK = re.compile(
    r"\s*(?:the\s+(?:district|city|town|capital|province|area|crossing|village)|it|they|this)\b"
)


def _retraction_end(text: str, start: int, end: int) -> int:
    """Where the retracting sentence ends when the line goes on to report a change of hands on
    the article's authority ("Correction: An earlier version of this item said the Taliban
    captured Chahar Dara on Monday. Officials say Chahar Dara fell on Sunday."); the line's end
    when what follows only explains the error ("The statement referred to Islam Qala.")."""
    for sentence_start, sentence_end in split_sentences(text[start:end]):
        line = text[start : start + sentence_end]
        if _RETRACTION.search(line, sentence_start) or _EARLIER_VERSION.match(line, sentence_start):
            rest = text[start + sentence_end : end].lower()
            if _POINTS_BACK.match(rest):
                return end  # "The district was attacked but ...": the retracted place
            cues = lx.ALL_CUES.finditer(rest)
            reports = any(lx.STATUS_OF_KIND.get(m.lastgroup or "") for m in cues)
            return start + sentence_end if reports else end
    return end


def line_start(text: str, at: int) -> int:
    """Where the line holding offset ``at`` starts."""
    return text.rfind("\n", 0, at) + 1


def line_end(text: str, at: int) -> int:
    """Where the line holding offset ``at`` ends (its line break, or the end of the text)."""
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _link_headlines(text: str, start: int) -> list[tuple[int, int]]:
    """The headline lines after a bare "Related:", blank lines between them allowed."""
    spans: list[tuple[int, int]] = []
    while start <= len(text):
        end = line_end(text, start)
        line = text[start:end].strip()
        if line:
            if not _looks_like_headline(line):
                break
            spans.append((start, end))
            if _END_OF_LIST.match(line):
                break  # the scraped list says where it ends
        start = end + 1
    return spans


def _looks_like_headline(line: str) -> bool:
    # a headline may ask ("Who are the Taliban?") but never ends on a full stop
    return len(line.split()) <= MAX_LINK_HEADLINE_WORDS and line[-1] not in ".!\"”'’"
