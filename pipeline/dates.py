"""Resolve the date phrase of a sentence against the article's date.

Pure: the only clock is ``article_date``. News reports name days relative to when they were
written ("on Tuesday", "late on Saturday", "yesterday"), so every resolution says which phrase
it used and against which date (``basis``), for the map's "why this colour" line.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from pipeline.records import Precision
from pipeline.triggers import (
    literal_guard,
    literal_scan,
    lowercase_twin,
    lowered_text,
    prefiltered,
    required_literal_sets,
)

WEEKDAYS: tuple[str, ...] = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)  # fmt: skip
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

BASIS_ARTICLE_DATE = "article date"
BASIS_NO_ARTICLE_DATE = "no article date"

SUNDAY = 6  # datetime.date.weekday()
SATURDAY_BACK = 6  # days from a Saturday back to the Sunday before it
_WEEKDAY = r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# Capitalised only: "6 may" in running text is a modal verb, not a month.
_MONTH = (
    r"(?P<month>" + "|".join(m.title() for m in sorted(MONTHS, key=len, reverse=True)) + r")\.?"
)
_PART_OF_DAY = r"(?:\s+(?P<part>night|morning|afternoon|evening|at\s+dawn))?"
# Counts of days a phrase may carry ("ten days after it fell", "12 days ago"); the lexicon's
# counted cues use it too, so that ``days_counted`` reads every count they match.
DAY_COUNT = (
    r"(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|\d{1,2})"
)
# A count that names no exact day: "more than two weeks after it fell", "nearly a week after".
# (Never a bare "over": "the Taliban took over two days after the army left".)
APPROXIMATE_COUNT = (
    r"(?P<approx>(?:more\s+than|less\s+than|nearly|almost|about|around|roughly|some"
    r"|(?:just|well)\s+(?:over|under))\s+)?"
)

# How long a state has lasted: no day for the change that began it ("had been under Taliban
# control for three weeks"), but fighting that has gone on so long goes on on the article's day.
_SINCE = re.compile(r"since\s+", re.IGNORECASE)
_DURATION_PATTERN = r"for\s+(?:a|one|two|three|four|five|six|several|many|\d+)\s+(?:weeks?|months?)"
_DURATION = re.compile(_DURATION_PATTERN, re.IGNORECASE)
# "July 9", "9 July": a dateline's day, read only for where the dateline ends
_DATELINE_DAY = (
    r"(?:"
    + _MONTH.replace("?P<month>", "?:")
    + r"\s+\d{1,2}|\d{1,2}\s+"
    + _MONTH.replace("?P<month>", "?:")
    + r")(?:,?\s+\d{4})?"
)
# "KABUL, July 9 (Reuters) -", "MAZAR-I-SHARIF, Afghanistan, July 27 (Reuters) -".
_DATELINE = re.compile(
    r"\s*[A-Z][A-Z’'./-]+(?:\s+[A-Z][A-Z’'./-]+)*,(?:\s+[A-Z][a-z]+,)?\s+"
    + _DATELINE_DAY
    + r"\s*(?:\([A-Za-z][\w .]*\))?\s*[-—–]"
    # the South Asian agencies' "Kabul [Afghanistan], July 9 (ANI):", "Kabul, Jul 9 (PTI)"
    + r"|\s*[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+)*(?:\s*\[[A-Z][\w ]*\])?,\s+"
    + _DATELINE_DAY
    + r"\s*\((?:ANI|IANS|PTI|UNI|APP|Xinhua|WAM|KUNA|IRNA|TASS|dpa|Sputnik)\)"
)
# Phrases that place an event in a span rather than on a day: they date nothing.
_SPAN = re.compile(
    # "Since LWJ's last update on July 22, the Taliban have taken ..."
    # (not "Since Sher Khan Bandar fell on June 22": the clause's own change, on its own day)
    r"\b(?:since\s+(?:(?!(?:fell|fallen|captured|seized|took|taken|overran|overrun|retook"
    r"|recaptured|retaken)\b)[\w'’]+\s+){1,4}?on\s+(?:[a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[a-z]+"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)"
    # (not "since Tuesday's fall of Chora": the fall's own day)
    r"|since\s+(?:last\s+)?(?:\w+day(?![’']s\b)|early|late|mid-?\s*\w+|the\s+\w+|\w+\s+\d{1,2}|\d{1,2}\s+\w+|may|june"
    r"|july)"
    # "have recently seized": some day before the article's, not its own
    r"|(?<!until\s)(?<!till\s)\brecently\b"
    r"|in\s+(?:recent|the\s+past|the\s+last)\s+(?:few\s+)?(?:days|weeks|months|week|month|fortnight)"
    r"|last\s+week|last\s+month|last\s+fortnight"
    r"|within\s+(?:days|hours(?!\s+of\b)|weeks|a\s+week)|over\s+the\s+(?:past|last)\s+(?:few\s+|two\s+|three\s+|several\s+)?(?:days|weeks|week|months|month)"
    r"|in\s+less\s+than\s+a\s+week|in\s+(?:a|one|two|three|four|five|six|seven)\s+days"
    # "had been under Taliban control for three weeks", "over the past 48 hours"
    r"|"
    + _DURATION_PATTERN
    + r"|(?:over|in|during|within)\s+the\s+(?:past|last)\s+(?:\d+|[\w-]+)\s+hours"
    r"|the\s+(?:previous|preceding)\s+week|the\s+week\s+before"
    # "and have since been attacking the outskirts of Sheberghan": from then on, no one day
    r"|(?:have|has|had)\s+since\s+been"
    # "weeks after" with no count; "two days later" is counted elsewhere
    # ("a few days after the Taliban took it over", "several weeks before")
    r"|(?:(?:a\s+few|several|some|many)\s+|(?<!\w\s))(?:days|weeks|months)\s+(?:after|before"
    r"|later|earlier))\b",
    re.IGNORECASE,
)
_EXPLICIT_MONTH_DAY = re.compile(
    # (never a two-digit year's "4 Jul 21", a monitoring service's source line)
    r"\b(?:[Oo]n\s+)?(?<!\d\s)"
    + _MONTH
    + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{4}))?",
)
_EXPLICIT_DAY_MONTH = re.compile(
    # a range's first day, as "July 3-4" gives: "on the night of 3-4 July"
    r"\b(?:[Oo]n\s+)?(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2})?\s+(?:of\s+)?"
    + _MONTH
    + r"(?:,?\s+(?P<year>\d{4}))?\b",
)  # fmt: skip
_OVERNIGHT_INTO = re.compile(r"\bovernight\s+(?:into|to)\s+" + _WEEKDAY + r"\b", re.IGNORECASE)
# "last weekend": some day of the weekend before the article, so on or before its Sunday.
_LAST_WEEKEND = re.compile(
    r"\b(?:last|the\s+previous|the\s+preceding)\s+weekend\b|\bthe\s+weekend\s+before\b",
    re.IGNORECASE,
)
# "over the weekend": the weekend just gone, or under way, so on or before its Sunday.
_THIS_WEEKEND = re.compile(r"\b(?:over|at|during|on)\s+the\s+weekend\b", re.IGNORECASE)
_LAST_WEEKDAY = re.compile(r"\blast\s+" + _WEEKDAY + r"\b", re.IGNORECASE)
_WEEKDAY_PHRASE = re.compile(
    r"\b(?:(?:late|early|earlier|later)\s+(?:on\s+)?|on\s+|by\s+)?" + _WEEKDAY
    + r"(?:'s|’s)?" + _PART_OF_DAY + r"\b",
    re.IGNORECASE,
)  # fmt: skip
# Headline and wire shorthand: "overran Kishim Thurs. night", "seize Jaghatu Sat.", "take
# Ghormach district Mon, cut road": capitalised, and then a full stop, a part of the day or a
# comma or the end (never "the Sun", "sat down", "Mon state").
_WEEKDAY_ABBREVIATED = re.compile(
    r"\b(?:(?:[Ll]ate|[Ee]arly)\s+(?:on\s+)?|on\s+)?(?<![Tt]he\s)"
    r"(?P<weekday>Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)(?:\.|\b)"
    r"(?:\s+(?P<part>night|morning|afternoon|evening)\b|(?<=\.)|(?=\s*(?:[,;)]|$)))"
)
# "the day before yesterday", "the night before last": two days back
_YESTERDAY = re.compile(
    r"\b(?:(?P<two>the\s+day\s+before\s+)?yesterday|last\s+night"
    r"|(?P<two_nights>the\s+night\s+before\s+last))\b",
    re.IGNORECASE,
)
_TODAY = re.compile(
    r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening)|earlier\s+today|overnight)\b",
    re.IGNORECASE,
)
# "Within hours the capital had fallen", "hours later": the day of the event told before it.
_WHOLE_DAYS_OF_HOURS = r"(?P<hours>24|48|72|twenty-four|forty-eight|seventy-two)"
_HOURS_LATER = re.compile(
    r"\b(?:within\s+(?:a\s+few\s+|several\s+)?hours\b(?!\s+of\b)"
    r"|(?:(?:a\s+few|several|two|three|four|five|six|(?!24\b|48\b|72\b)\d{1,2})\s+)?"
    # whole days ("48 hours later", "forty-eight hours later") are counted as days
    r"(?<!\b24\s)(?<!\b48\s)(?<!\b72\s)(?<!-four\s)(?<!-eight\s)(?<!-two\s)hours\s+"
    r"(?:later|earlier)\b"
    # "captured Khamyab on July 23 ... pushed back an attack on Bilchiragh the same day"
    r"|(?:on\s+|later\s+|earlier\s+)?(?:the|that)\s+same\s+(?:day|night|evening|morning|afternoon)\b"
    # "broke into Qala-e-Naw on Wednesday. The group said that evening": the day told before
    # ("after a three-hour battle that day", "later that morning")
    r"|(?:later\s+)?(?=that\s)\w+\s+(?:night|evening|afternoon|morning|day)\b(?![\w-]))",
    re.IGNORECASE,
)
# "attacked late on Saturday. By dawn the district had fallen": the morning after the event told
# before.
_BY_DAWN = re.compile(
    r"\bby\s+(?:dawn|daybreak|first\s+light|sunrise|(?:the\s+)?(?:next\s+)?morning)\b(?!\s+of\b)",
    re.IGNORECASE,
)
_DAYS_LATER = re.compile(
    r"\b" + DAY_COUNT + r"\s+(?P<unit>days?|weeks?)\s+later\b"
    # "Forty-eight hours later": whole days
    r"|\b" + _WHOLE_DAYS_OF_HOURS + r"\s+hours\s+later\b"
    r"|\bthe\s+(?:next|following)\s+(?:day|morning|afternoon|evening|night)\b",
    re.IGNORECASE,
)
# "the district fell again soon afterward", "days later": after the day told before, by no
# count.
_VAGUELY_LATER = re.compile(
    r"\b(?:(?:soon|shortly|not\s+long|some\s+time)\s+after(?:wards?)?"
    r"|(?:a\s+few\s+|several\s+|some\s+)?(?:days|weeks)\s+later)\b"
    # "soon after" ends its clause: "soon after the city fell" names its anchor
    r"(?=\s*(?:[,.;:)—–!?\"”’']|$|\s(?:and|but|when|as|while|officials|residents|sources)\b))",
    re.IGNORECASE,
)
# "had captured it the previous day", "two days earlier": counted back from the sentence's own
# day, else from the previous event's, else from the article's. "The day before" only when
# nothing follows that it could be the day before ("the day before Kunduz fell").
_DAYS_BEFORE = re.compile(
    r"\bthe\s+(?:previous|preceding)\s+(?:day|night|evening|morning|afternoon)\b"
    r"|\b" + DAY_COUNT + r"\s+(?P<unit>days?|weeks?)\s+earlier\b"
    r"|\bthe\s+(?:day|night)\s+before\b(?=\s*(?:[,.;:)—–!?\"”’']|$)"
    r"|\s+(?:and|but|when|as|while|after|according|officials|residents|sources)\b)",
    re.IGNORECASE,
)
# "on Tuesday, a day after the district was overrun": counted back from the sentence's day.
_DAYS_AFTER = re.compile(
    r"(?<!\bin\s)(?<!\bwithin\s)"  # "for the second time in a week after ..." counts nothing
    r"\b"
    + APPROXIMATE_COUNT
    + r"(?:"
    + DAY_COUNT
    + r"\s+(?P<unit>days?|weeks?)"
    # "on July 29, the day after they overran Karukh": one day (its "the" written as a
    # look-ahead, so the word scan keeps needing "day", not "the")
    + r"|(?=the\s)\w+\s+day|"
    + _WHOLE_DAYS_OF_HOURS
    + r"\s+hours"
    # "late Friday, hours after overrunning Yamgan": the same day
    + r"|(?P<same>(?:just\s+|only\s+|a\s+few\s+|several\s+)?hours))\s+after\b",
    re.IGNORECASE,
)
# "The attack came a day after ...", "It comes two days after ...": the subject is an event
# the article reported before, so the count starts from that event's day.
_EARLIER_EVENT_CAME = re.compile(
    # "Its capture came", "Kunduz's fall came"
    r"^\W*(?:the\s+(?:[\w-]+\s+){0,4}|(?:its|[\w-]+['’]s)\s+(?:[\w-]+\s+){0,3}|this\s+|that\s+"
    r"|it\s+|which\s+)?"
    r"(?:came|comes|followed|happened|took\s+place|occurred)\s+(?:just\s+|only\s+)?$",
    re.IGNORECASE,
)
# Afghan outlets date by the Solar Hijri calendar: "29 Saratan", "2 Asad 1400". Its months,
# as Dari names them, in order (Hamal is the first, Farvardin in Iran).
SOLAR_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("hamal",),
            ("sawr", "saur", "sowr"),
            ("jawza", "jauza", "jowza"),
            ("saratan", "sartan"),
            ("asad",),
            ("sonbola", "sunbula", "sunbulah", "sonbula"),
            ("mizan",),
            ("aqrab",),
            ("qaws", "qaus"),
            ("jadi", "jaddi"),
            ("dalw", "dalv"),
            ("hut", "hoot"),
        ),
        start=1,
    )
    for name in names
}
# The Solar months' names as written (title case), longest first for the alternation.
_SOLAR_MONTH_NAMES = "|".join(
    sorted((name.title() for name in SOLAR_MONTHS), key=len, reverse=True)
)
_SOLAR_DAY = re.compile(
    r"\b(?:[Oo]n\s+)?(?P<day>[12]?\d|3[01])\s+(?P<month>"
    + _SOLAR_MONTH_NAMES
    + r")(?:\s+(?P<year>1[34]\d\d))?\b"
)
# The month first, as some Afghan outlets write it: "on Jawza 20, 1400", "Saratan 30".
_SOLAR_MONTH_DAY = re.compile(
    r"\b(?:[Oo]n\s+)?(?P<month>"
    + _SOLAR_MONTH_NAMES
    + r")\s+(?P<day>[12]?\d|3[01])(?:,?\s+(?P<year>1[34]\d\d))?\b(?!\s*(?:km|kilomet|miles|%))"
)
# "on the first day of Eid al-Adha", "on the eve of Eid", "during Eid ul-Fitr": a feast's day in
# the Islamic calendar, which Afghan reporting often dates by.
_EID = re.compile(
    r"\b(?:(?:on|during|over)\s+)?(?:the\s+)?"
    r"(?:(?P<eve>eve)\s+of\s+(?:the\s+)?|(?P<nth>first|second|third|1st|2nd|3rd)\s+day\s+of\s+(?:the\s+)?)?"
    r"Eid(?:[-\s]+(?:(?:al|ul|el|e|i)[-\s]+)?(?P<feast>Adha|Azha|Fitr|Qurban|Ghurban|Qorban))?\b"
    r"(?:\s+(?:holidays?|festival))?"
    r"(?:\s+in\s+" + _MONTH + r",?\s+(?P<year>\d{4}))?",
    re.IGNORECASE,
)
# "The government said it had retaken Arghandab by nightfall": the day of the event before.
_BY_NIGHTFALL = re.compile(
    r"\bby\s+(?:nightfall|dusk|sunset|sundown|the\s+end\s+of\s+the\s+day)\b", re.IGNORECASE
)
# "on the eve of Saturday's talks": the day before that weekday.
_EVE_OF_WEEKDAY = re.compile(
    r"\b(?:on\s+)?the\s+eve\s+of\s+(?:last\s+)?" + _WEEKDAY + r"(?:'s|’s)?\b", re.IGNORECASE
)
# "two days ago": counted back from the article's day.
_DAYS_AGO = re.compile(r"\b" + DAY_COUNT + r"\s+(?P<unit>days?|weeks?)\s+ago\b", re.IGNORECASE)
# "on the 18th": a day of the article's month (or of the month before, if it is still to come).
# Only before punctuation or a clause word, so "the 3rd district" or "the 209th Corps" is no date.
_ORDINAL_DAY = re.compile(
    r"\b[Oo]n\s+the\s+(?P<day>[12]?\d|3[01])(?:st|nd|rd|th)\b"
    r"(?=\s*(?:[,.;:)—–]|$)|\s+(?:after|when|as|and|but|before|following|amid|in|at|by|with)\b)"
)
_EARLIER = re.compile(
    # (not the present's "are already fighting on the edges of Kandahar": that is now; not a
    # count's "attacking Qala-e Naw for the second time this month")
    r"\b(?:(?<!\btime\s)(?<!\btimes\s)(?:earlier\s+)?this\s+(?:week|month)"
    # (never a noun's adjective: "Earlier reports that the Taliban had seized")
    r"|(?<!\bare\s)(?<!\bis\s)already|earlier(?!\s+today)"
    r"(?!\s+(?:reports?|claims?|accounts?|statements?|versions?|figures?|estimates?)\b)"
    r"|previously|before\s+that)\b",
    re.IGNORECASE,
)
# A relative or participle clause opened by a comma has its own day: "Almar, retaken by
# government forces on Thursday, fell again on Friday night".
_RELATIVE_OPENER = re.compile(
    r",\s*(?:which|where|who|whose|lost|retaken|recaptured|captured|seized|taken|overrun|held)\b"
    # "Spin Boldak, the border town that fell to the Taliban on July 14", "Spin Boldak, the
    # border town in Kandahar province that the Taliban seized on July 14"
    r"|,\s*(?:the|a|an)\s+(?:[\w’'-]+\s+){0,3}?(?:capital|city|town|district|crossing|port)"
    # ("the border town with Turkmenistan that", "a district on the highway that")
    r"(?:\s+(?:in|of|on|with|near|along|at)\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+)?\s+(?:that|which)\b"
    # without the comma: "recaptured Baraki Barak district of Logar province which fell to the
    # Taliban on Saturday night"
    r"|(?:\swhich|\b(?:district|province|city|town|crossing|capital)\s+that)"
    r"\s+(?:(?:had\s+)?(?:fell|fallen)|the\s+(?:Taliban|insurgents|militants)\b"
    r"|(?:was|had\s+been)\s+(?:captured|seized|overrun|taken))",
    re.IGNORECASE,
)
# ("before dawn on Sunday", "shortly after midnight": a time of the cue's own day, no other event)
_OTHER_TIME = re.compile(
    r"\b(?:after|before)\b(?!\s+(?:dawn|daybreak|sunrise|first\s+light|midnight|noon|dusk|sunset"
    r"|nightfall|dark)\b)|\b(?:since|until|when|following)\b",
    re.IGNORECASE,
)
# A comma before a capitalised word is usually a list of places, not a new clause.
_CLAUSE_PUNCTUATION = re.compile(r"[;:—–()]|\s-\s|,(?!\s+[A-Z])")
_CLOSING_ADVERBIAL = re.compile(
    r"\s*(?:[.;!]|$|,\s+[\w’'-]+(?:\s+[\w’'-]+){0,3}\s+(?:said|say|says|told|reported)\b)"
    # or a subordinate clause the main one ends before: "..., last month after forces withdrew"
    r"|\s+(?:after|when|as|following|before)\s"
)
_AFTER_COMMA = re.compile(r",\s*$")
_COORDINATOR = re.compile(r"\b(?:and|but|then)\b", re.IGNORECASE)
_CLAUSE_JOIN = re.compile(r"[,;]|\b(?:and|but|while|then)\b", re.IGNORECASE)
# "attacked Faizabad|, the capital of Badakhshan,| on Tuesday night": a noun between commas only
# names the place again, and joins no clause
_NOUN_APPOSITIVE = re.compile(r",\s+(?:the|a|an)\s+[^,;]{1,60}?,(?=\s*$)")
# (a "while" needs no comma: "Dehrawud fell on Monday while government forces retook Gizab")
_CLAUSE_SPLIT = re.compile(
    r";|,\s+(?:while|whereas|but)\b|(?<!\ba\s)\b(?:while|whereas)\b", re.IGNORECASE
)
# ("and are now fighting on |the outskirts of")
_AND_NOW = re.compile(r"\band\s+(?:(?:is|are)\s+)?(?:now\s+(?:\w+\s+){0,2})?$", re.IGNORECASE)
_BUT_SAID = re.compile(
    r"\bbut\s+(?:also\s+)?(?:(?:he|she|they|officials|(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+)?)\s+)?"
    r"(?:also\s+)?(?:said|say|says|added|adds|insisted|stressed|noted|told)\b",
    re.IGNORECASE,
)
_NUMBER_WORDS = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
}

_ANCHOR_KINDS = frozenset(
    {
        "month_day",
        "solar_day",
        "day_month",
        "overnight_into",
        "last_weekday",
        "weekday",
        "yesterday",
        "today",
        "days_ago",
        "ordinal_day",
    }
)


@dataclass(frozen=True, slots=True)
class DateResolution:
    """The day a sentence's event happened, how exactly, and why."""

    date: dt.date | None
    precision: str  # a Precision value
    basis: str  # human-readable: "'on Tuesday' before article date 2021-08-11"
    phrase: str = ""  # as written in the sentence ("" when none)


@dataclass(frozen=True, slots=True)
class _Phrase:
    start: int
    end: int
    kind: str
    match: re.Match[str]


# Phrases that name their day outright.
_NAMED_DAY_KINDS = frozenset(
    {
        "month_day",
        "day_month",
        "solar_day",
        "eid",
        "eve_of_weekday",
        "weekday",
        "last_weekday",
        "overnight_into",
        "yesterday",
    }
)

# Phrase kinds in order of precedence: of two overlapping phrases the earlier-listed wins.
_PHRASE_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("hours_later", _HOURS_LATER),
    ("by_nightfall", _BY_NIGHTFALL),
    ("by_dawn", _BY_DAWN),
    ("span", _SPAN),
    ("days_after", _DAYS_AFTER),
    ("solar_day", _SOLAR_DAY),
    ("solar_month_day", _SOLAR_MONTH_DAY),
    ("eid", _EID),
    ("eve_of_weekday", _EVE_OF_WEEKDAY),
    ("month_day", _EXPLICIT_MONTH_DAY),
    ("day_month", _EXPLICIT_DAY_MONTH),
    ("overnight_into", _OVERNIGHT_INTO),
    ("last_weekday", _LAST_WEEKDAY),
    ("last_weekend", _LAST_WEEKEND),
    ("this_weekend", _THIS_WEEKEND),
    ("weekday", _WEEKDAY_PHRASE),
    ("weekday", _WEEKDAY_ABBREVIATED),
    ("yesterday", _YESTERDAY),
    ("days_ago", _DAYS_AGO),
    ("ordinal_day", _ORDINAL_DAY),
    ("days_later", _DAYS_LATER),
    ("vaguely_later", _VAGUELY_LATER),
    ("days_before", _DAYS_BEFORE),
    ("today", _TODAY),
    ("earlier", _EARLIER),
)


MIN_SCANNED_WORD = 3  # shorter words ("on", "th") are in nearly every sentence


def _requirements(
    pattern: re.Pattern[str],
) -> tuple[tuple[frozenset[str], ...], tuple[frozenset[str], ...]]:
    """The words a phrase pattern cannot match without, as they read in the lowered sentence:
    the sets the one scan looks for, and those it leaves out.

    Each set holds one word every match contains. A case-insensitive pattern's words are read
    from its twin, which finds in the lowered sentence what the pattern finds in the sentence.
    A case-sensitive pattern's words are lowered: str.lower keeps the lowered sentence's
    offsets (``lowered_text``), so a word in the sentence is there lowered, at the same place.
    Sets with a word shorter than ``MIN_SCANNED_WORD`` would only slow the scan (measured):
    they are tested with ``in`` once a kind's scanned words are all there ("by" alone settles
    "by nightfall", which is otherwise only known to need "the").
    """
    if pattern.flags & re.IGNORECASE:
        twin = lowercase_twin(pattern)
        found = required_literal_sets(twin) if twin is not None else ()
    else:
        found = tuple(
            frozenset(word.lower() for word in words) for words in required_literal_sets(pattern)
        )
    scanned = tuple(words for words in found if min(map(len, words)) >= MIN_SCANNED_WORD)
    short = tuple(words for words in found if min(map(len, words)) < MIN_SCANNED_WORD)
    return scanned, short


_SPLIT_REQUIREMENTS = tuple(_requirements(pattern) for _, pattern in _PHRASE_KINDS)
_REQUIREMENTS = tuple(scanned for scanned, _ in _SPLIT_REQUIREMENTS)
# Each set of words is one bit; a kind's pattern can match only if all its bits are present.
_WORD_SETS = tuple(dict.fromkeys(words for found in _REQUIREMENTS for words in found))
_SCANNED_WORDS = frozenset(word for words in _WORD_SETS for word in words)
# One scan of the lowered sentence for every kind's words at once, in place of a search per
# kind: a scan finds the longest word at each offset, and it holds every listed word inside it.
_WORD_SCAN = literal_scan(_SCANNED_WORDS)
_WORD_BITS = {
    found: sum(
        1 << index for index, words in enumerate(_WORD_SETS) if any(word in found for word in words)
    )
    for found in _SCANNED_WORDS
}
_ALL_BITS = (1 << len(_WORD_SETS)) - 1
_NEEDED_BITS = tuple(
    sum(1 << _WORD_SETS.index(words) for words in found) for found in _REQUIREMENTS
)


def _words_present(lowered: str | None) -> int:
    """The bits of the word sets ``lowered`` holds a word of (all of them if unknown).

    Exact: each search starts one past the last find's start, not at its end, so it stops at
    every offset where a listed word starts, and takes the longest word there, which holds the
    shorter ones ("weekend" holds "week").
    """
    if lowered is None:
        # without a lowered twin of the sentence ("İ", "ı", "ſ") nothing is certain
        return _ALL_BITS
    present = 0
    search = _WORD_SCAN.search
    found = search(lowered)
    while found is not None:
        present |= _WORD_BITS[found.group()]
        found = search(lowered, found.start() + 1)
    return present


# Case-sensitive kinds check their words as written once the lowered ones are seen ("may" is
# nearly always the verb): their one literal guard, searched in the sentence itself.
_CASED_GUARDS: tuple[re.Pattern[str] | None, ...] = tuple(
    None if pattern.flags & re.IGNORECASE else literal_guard(pattern)
    for _, pattern in _PHRASE_KINDS
)
# ``re`` matches a case-insensitive pattern three to four times slower than its twin without
# the flag; on the lowered sentence (same offsets) the twin finds the same spans.
_PHRASE_TWINS: tuple[re.Pattern[str] | None, ...] = tuple(
    lowercase_twin(pattern) for _, pattern in _PHRASE_KINDS
)
# Twins led by their own trigger (``prefiltered``: the same matches, tried only where one can
# start): chosen by measuring, these scan their sentences 1.3-2.4x faster; for the other kinds
# the trigger costs more than it saves.
_PREFILTERED_KINDS = frozenset({"span", "weekday", "earlier"})
# Kinds that give an event only a stretch before the article's day, as its own.
_VAGUE_OWN_KINDS = frozenset({"earlier", "last_weekend", "this_weekend"})
_PHRASE_SCANNERS = tuple(
    prefiltered(twin) if twin is not None and kind in _PREFILTERED_KINDS else twin
    for (kind, _), twin in zip(_PHRASE_KINDS, _PHRASE_TWINS, strict=True)
)
_SHORT_NEEDED = tuple(short for _, short in _SPLIT_REQUIREMENTS)
# Kinds whose every match holds a day number ("July 9", "29 Saratan", "on the 18th"): their
# patterns require ``\d`` (or "[12]?\d|3[01]", digits too), so a sentence without a digit,
# four in five, cannot hold one of them. (tests/test_fast_paths.py checks every kind against
# its plain ``finditer``.)
_DAY_NUMBER_KINDS = frozenset(
    {"solar_day", "solar_month_day", "month_day", "day_month", "ordinal_day"}
)
_DIGIT = re.compile(r"\d")
_PHRASE_SCANS = tuple(
    (kind, pattern, needed, short, cased, twin, kind in _DAY_NUMBER_KINDS)
    for (kind, pattern), needed, short, cased, twin in zip(
        _PHRASE_KINDS, _NEEDED_BITS, _SHORT_NEEDED, _CASED_GUARDS, _PHRASE_SCANNERS, strict=True
    )
)


def _has_short_words(lowered: str | None, short: tuple[frozenset[str], ...]) -> bool:
    """Whether ``lowered`` holds a word of each short set (``True`` when unknown)."""
    return lowered is None or all(any(word in lowered for word in words) for words in short)


@functools.lru_cache(maxsize=4096)
def find_date_phrases(sentence: str) -> tuple[_Phrase, ...]:
    """Every date phrase in ``sentence``, non-overlapping, first-listed kind winning a tie.

    A wire dateline's day ("KABUL, July 9 (Reuters) -") is the report's, not the event's: the
    article date covers it, so it is skipped."""
    dateline = _DATELINE.match(sentence)
    found: list[_Phrase] = []
    if dateline is not None:
        found.append(_Phrase(0, dateline.end(), "dateline", dateline))
    lowered = lowered_text(sentence)
    present = _words_present(lowered)
    has_digit = _DIGIT.search(sentence) is not None
    for kind, pattern, needed, short, cased, twin, needs_digit in _PHRASE_SCANS:
        if present & needed != needed or (needs_digit and not has_digit):
            continue
        if short and not _has_short_words(lowered, short):
            continue
        if cased is not None and cased.search(sentence) is None:
            continue
        for match in _matches(pattern, twin, sentence, lowered):
            if not any(match.start() < p.end and p.start < match.end() for p in found):
                found.append(_Phrase(match.start(), match.end(), kind, match))
    ordered = sorted((p for p in found if p.kind != "dateline"), key=lambda p: p.start)
    return tuple(_without_weekdays_in_apposition(ordered, sentence))


def _matches(
    pattern: re.Pattern[str], twin: re.Pattern[str] | None, sentence: str, lowered: str | None
) -> list[re.Match[str]]:
    """``pattern.finditer(sentence)``, found by the faster twin where there is one.

    The twin finds the same spans in the lowered sentence; each is matched again by the
    pattern itself at its start (look-behinds and ``\\b`` still see the text before it), so
    the groups and text are the sentence's own. Matches are rare: the rescan costs little.
    Should the twin ever disagree, the pattern's own scan is the answer, never an error."""
    if twin is None or lowered is None:
        return list(pattern.finditer(sentence))
    matches = []
    for found in twin.finditer(lowered):
        match = pattern.match(sentence, found.start())
        if match is None or match.end() != found.end():
            return list(pattern.finditer(sentence))
        matches.append(match)
    return matches


# a weekday and the calendar date it names: "on Friday, 1 Asad 1400", "Saturday night (2 Asad)"
_WEEKDAY_KINDS = frozenset({"weekday", "last_weekday"})
_CALENDAR_KINDS = frozenset({"month_day", "day_month", "solar_day", "solar_month_day"})
_APPOSITION_GAP = re.compile(r"\s*(?:,|\()\s*")


def _without_weekdays_in_apposition(phrases: list[_Phrase], sentence: str) -> list[_Phrase]:
    """The calendar date alone where a weekday or a feast stands beside it: both name one day,
    and only the date names it in an undated article."""
    return [
        phrase
        for index, phrase in enumerate(phrases)
        if not (
            phrase.kind in _WEEKDAY_KINDS
            and index + 1 < len(phrases)
            and phrases[index + 1].kind in _CALENDAR_KINDS
            and _APPOSITION_GAP.fullmatch(sentence, phrase.end, phrases[index + 1].start)
        )
        # "on 29 Saratan 1400, the first day of Eid al-Adha": the feast names the same day
        and not (
            phrase.kind == "eid"
            and index > 0
            and phrases[index - 1].kind in _CALENDAR_KINDS
            and _APPOSITION_GAP.fullmatch(sentence, phrases[index - 1].end, phrase.start)
        )
    ]


def state_began(phrase: str, *, article_date: dt.date | None) -> DateResolution | None:
    """ "since June 21" after a state ("had been in Taliban hands since June 21"): the day the
    state began, or ``None`` when the phrase names no day."""
    since = _SINCE.match(phrase)
    if since is None:
        return None
    for pattern in (_EXPLICIT_MONTH_DAY, _EXPLICIT_DAY_MONTH):
        day = pattern.fullmatch(phrase, since.end())
        if day is not None:
            found = _resolve_explicit(day, article_date=article_date)
            if found.date is None:
                return None
            basis = f"'{phrase}': the state began then"
            return DateResolution(found.date, Precision.DAY, basis, phrase)
    return None


def is_duration(phrase: str) -> bool:
    """Whether a phrase ``resolve_date_phrase`` found says how long, not when ("for two weeks")."""
    return bool(_DURATION.fullmatch(phrase))


# One day of a "respectively" list: "Saturday", "Friday night", "May 14", "July 29, 2021",
# "23 May".
# (the months and weekdays of MONTHS and _WEEKDAY, without their group names: the list repeats them)
_MONTH_NAME = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
_RESPECTIVE_DAY = (
    r"(?:(?:late|early)\s+)?(?:"
    + _WEEKDAY.replace("(?P<weekday>", "(?:")
    + r"(?:\s+(?:night|morning|afternoon|evening))?"
    r"|" + _MONTH_NAME + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH_NAME + r"(?:,?\s+\d{4})?)"
)
_ONE_RESPECTIVE_DAY = re.compile(_RESPECTIVE_DAY, re.IGNORECASE)
_RESPECTIVELY = re.compile(
    r"\bon\s+(?P<days>"
    + _RESPECTIVE_DAY
    + r"(?:\s*,\s*"
    + _RESPECTIVE_DAY
    + r")*\s*,?\s+and\s+"
    + _RESPECTIVE_DAY
    + r")\s*,?\s+respectively\b",
    re.IGNORECASE,
)


_LIST_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_MONTH_FIRST = re.compile(_MONTH_NAME, re.IGNORECASE)


def respective_days(
    sentence: str, *, article_date: dt.date | None
) -> tuple[int, list[DateResolution]] | None:
    """The days of "on Saturday and Sunday respectively" in order, with the offset where the
    list starts; ``None`` when the sentence has no such list or a day does not resolve."""
    found = _RESPECTIVELY.search(sentence)
    if found is None:
        return None
    days = [day.group(0) for day in _ONE_RESPECTIVE_DAY.finditer(found.group("days"))]
    year = _LIST_YEAR.search(days[-1])
    if year is not None:
        # "on July 28 and July 29, 2021, respectively": the year closing the list is each day's
        days = [
            f"{day}, {year.group(0)}"
            if not _LIST_YEAR.search(day) and _MONTH_FIRST.match(day)
            else day
            for day in days
        ]
    resolutions = [resolve_date_phrase(f"on {day}", article_date=article_date) for day in days]
    if any(r.date is None or not r.phrase for r in resolutions):
        return None
    return found.start(), resolutions


def resolve_date_phrase(
    sentence: str,
    *,
    article_date: dt.date | None,
    cue_at: int | None = None,
    reference: dt.date | None = None,
    state: bool = False,
) -> DateResolution:
    """Resolve the date phrase nearest ``cue_at`` (an offset in ``sentence``) to a day.

    ``reference`` is the date of the previous event in the article, for "a day later".
    ``state``: the cue reports a state ("is now in the hands of"), which an "after" clause
    dates when the sentence gives it no day of its own.
    Without a date phrase, a report is about the article's own day.
    """
    cue = cue_at if cue_at is not None else 0
    found = find_date_phrases(sentence)
    # the scope checks search it through their twins (most sentences have no phrase to check)
    lowered = lowered_text(sentence) if found else None
    phrases = [p for p in found if _in_scope(p, sentence, cue, lowered)]
    if state and all(_speech_day(p, sentence, cue) for p in phrases):
        # "confirmed on Monday that the Taliban had taken control of X after forces retreated on
        # Sunday evening": the speech has its day, the state began with the retreat
        began = [p for p in find_date_phrases(sentence) if _dates_state(p, sentence, cue)]
        phrases = began or phrases
    # "took Kishim on Friday, while troops retook Jurm a day later": a phrase across "while"
    # or "but" dates the other clause's event when the cue's own clause has one.
    if len(phrases) > 1:
        phrases = [p for p in phrases if not _across_clauses(p, sentence, cue)] or phrases
    if len(phrases) > 1:
        phrases = _own_conjunct(phrases, sentence, cue)
    if len(phrases) > 1 and any(p.start >= cue and p.kind in _NAMED_DAY_KINDS for p in phrases):
        # "officials said on Monday that the Taliban had captured Imam Sahib district in Kunduz
        # province on Saturday night": the day of the saying never beats the event's own
        phrases = [p for p in phrases if not _speech_day(p, sentence, cue)]
    if len(phrases) > 1 and any(p.start >= cue for p in phrases):
        # "killed 27 civilians since the group took over the district on Tuesday", "since the
        # Taliban seized the border town earlier this month": the cue is the "since" clause's
        # own, and the clause's phrase, whatever its kind, dates it
        phrases = [p for p in phrases if not _opens_cue_clause(p, sentence, cue)] or phrases
    if all(p.end <= cue or p.kind == "days_after" for p in phrases):
        # no day after the cue but a count: "retook Kahmard a week after it fell on July 18"
        forward = _counted_forward_from_anchor(sentence, cue, article_date=article_date)
        if forward is not None:
            return forward
    if len(phrases) > 1 and any(p.kind in _VAGUE_OWN_KINDS for p in phrases):
        # "recaptured Guzara earlier this month, the governor's office said on Thursday",
        # "officials said on Sunday that forces had abandoned Gizab earlier this week", "said on
        # Monday that forces had recaptured six districts over the weekend": the day of the
        # saying never beats the event's own "earlier" or weekend
        unsaid = [
            p
            for p in phrases
            if not (p.start > cue and _dates_a_saying(p, sentence))
            and not _speech_day(p, sentence, cue)
        ]
        if unsaid and all(p.kind in _VAGUE_OWN_KINDS for p in unsaid):
            phrases = unsaid
    if (
        len(phrases) > 1
        and any(p.end <= cue for p in phrases)
        and _PARTICIPLE_OF_RESULT.search(sentence, max(0, cue - RESULT_REACH), cue)
    ):
        # "defected to the Taliban on Monday ..., allowing the insurgents to take the district
        # centre, two officials said on Tuesday": the result takes its cause's day
        phrases = [p for p in phrases if not (p.start > cue and _dates_a_saying(p, sentence))]
    if len(phrases) > 1 and any(p.kind == "hours_later" for p in phrases):
        # "retook Doshi, in Baghlan province, the same day, the Defense Ministry said Thursday":
        # the day of the saying never beats the day counted from the event told before
        unsaid = [p for p in phrases if not (p.start > cue and _dates_a_saying(p, sentence))]
        phrases = unsaid or phrases
    if len(phrases) > 1:
        phrases = _fronted_over_sayings(phrases, sentence, cue)
    phrase = _counted_back_from_anchor(phrases, sentence, cue) or _nearest(phrases, cue)
    if (
        phrase is not None
        and reference is not None
        and phrase.start > cue
        and _dates_a_saying(phrase, sentence)
    ):
        # "Two days after the city fell, commandos retook it, the ministry said on Saturday":
        # the count from the fall told before beats the day of the saying
        counted = _counted_from_event_before(sentence, cue, reference, article_date=article_date)
        if counted is not None:
            return counted
    if phrase is None and reference is not None:
        counted = _counted_from_event_before(sentence, cue, reference, article_date=article_date)
        if counted is not None:
            return counted
    if phrase is None:
        if article_date is None:
            return DateResolution(None, Precision.UNKNOWN, BASIS_NO_ARTICLE_DATE)
        return DateResolution(article_date, Precision.DAY, BASIS_ARTICLE_DATE)
    if phrase.kind == "days_after":
        main = _counted_back_from_main_clause(
            phrase, sentence, cue, article_date=article_date, reference=reference
        )
        if main is not None:
            return main
        # "a week after it fell to the Taliban on July 18": the clause's own day beats the count
        own = [p for p in phrases if p.start >= cue and _event_anchor(p, sentence)]
        if own and phrase.end <= cue and not _CLAUSE_SPLIT.search(sentence, cue, own[0].start):
            return _resolve(own[0], article_date=article_date, reference=reference)
        told = _told_before_in_after_clause(
            phrase, sentence, cue, reference=reference, article_date=article_date
        )
        if told is not None:
            return told
        return _resolve_days_after(phrase, sentence, article_date=article_date, reference=reference)
    if phrase.kind in ("yesterday", "today"):
        said = _quoted_speech_day(phrase, sentence, article_date=article_date)
        if said is not None:
            # '"Our mujahideen captured Ashtarlay district yesterday," the Taliban said in a
            # statement on Monday': the quote's day is the day it was said
            day = (
                said - dt.timedelta(days=_days_back(phrase)) if phrase.kind == "yesterday" else said
            )
            text = phrase.match.group(0)
            return DateResolution(day, Precision.DAY, f"'{text}' in a quote said on {said}", text)
    if phrase.kind in ("days_later", "days_before", "hours_later", "by_dawn", "by_nightfall"):
        # "captured X on Thursday, while troops retook Y a day later": the day it counts from
        # is the sentence's own, before the earlier event's.
        anchor = _anchor_before(phrase, sentence, article_date=article_date)
        if anchor is not None:
            reference = anchor
    return _resolve(phrase, article_date=article_date, reference=reference)


# what may stand between "since the group" and its verb
_SINCE_SUBJECT_TAIL = re.compile(r"\s+(?:[\w'’-]+\s+)?(?:had\s+|has\s+|have\s+)?", re.IGNORECASE)


RESULT_REACH = 60  # how far before the cue ", allowing the insurgents to" may start
# A participle that tells the result of the main clause: ", allowing the insurgents to |take".
_PARTICIPLE_OF_RESULT = re.compile(
    r",\s+(?:allowing|letting|enabling|leaving|handing|forcing)\s+(?:[\w’'-]+\s+){0,3}?(?:to\s+)?$",
    re.IGNORECASE,
)


def _dates_a_saying(phrase: _Phrase, sentence: str) -> bool:
    """ "officials said on Thursday", "the Taliban claimed Sunday": the day of a saying."""
    return _SPEECH_BEFORE.search(sentence, 0, phrase.start) is not None


def _across_an_answer(phrase: _Phrase, sentence: str, cue_at: int) -> bool:
    """ "conceded that forces had lost Kaldar late on Friday, but said an operation was under
    way to retake it", "The Taliban claim to have seized Tagab, but officials say security forces
    pushed the militants back on Sunday": a statement after "but said" and the one before it keep
    their own days. The day of the first saying ("The Taliban said on Friday they had taken X,
    but officials said fighting goes on") is the answer's day too."""
    low, high = sorted((cue_at, phrase.start if phrase.start >= cue_at else phrase.end))
    if sentence.find("but", low, high) < 0 or _BUT_SAID.search(sentence, low, high) is None:
        return False
    return phrase.start > cue_at or not _dates_a_saying(phrase, sentence)


def _opens_cue_clause(phrase: _Phrase, sentence: str, cue_at: int) -> bool:
    """ "since the group": a "since" clause whose verb is the cue, not a span of days; "since
    the fall of Nad Ali on Thursday": a "since" whose noun is the cue."""
    if phrase.kind != "span" or sentence[phrase.start : phrase.start + 5].lower() != "since":
        return False
    if phrase.start < cue_at < phrase.end:
        return True
    return (
        phrase.end <= cue_at
        and _SINCE_SUBJECT_TAIL.fullmatch(sentence, phrase.end, cue_at) is not None
    )


_OPENING_QUOTES = ('"', "“")
CLOSING_QUOTES = ('"', "”")
_SPEECH_AFTER_QUOTE = re.compile(
    r"\b(?:said|says|told|announced|added|wrote|tweeted|posted)\b[^.;\"“”]{0,40}$", re.IGNORECASE
)


def _quoted_speech_day(
    phrase: _Phrase, sentence: str, *, article_date: dt.date | None
) -> dt.date | None:
    """The day a quote holding ``phrase`` was said, when the words after it name that day."""
    opening = max(sentence.rfind(mark, 0, phrase.start) for mark in _OPENING_QUOTES)
    if opening < 0:
        return None
    ends = [sentence.find(mark, phrase.end) for mark in CLOSING_QUOTES]
    closing = min((end for end in ends if end > opening), default=-1)
    if closing < 0:
        return None
    for later in find_date_phrases(sentence):
        if later.start <= closing or later.kind not in _ANCHOR_KINDS:
            continue
        if not _SPEECH_AFTER_QUOTE.search(sentence, closing, later.start):
            return None
        found = _resolve(later, article_date=article_date, reference=None)
        return found.date if found.precision is Precision.DAY else None
    return None


def _speech_day(phrase: _Phrase, sentence: str, cue_at: int) -> bool:
    """The phrase dates a report of the cue: "officials said on Monday that ... <cue>", or
    wire copy's "said on Thursday the Taliban had captured ..." with no "that"."""
    if phrase.end > cue_at:
        return False
    if _SPEECH_THAT.match(sentence, phrase.end, cue_at):
        return True
    if _STATEMENT_BEFORE.search(sentence, max(0, phrase.start - STATEMENT_REACH), phrase.start):
        return True  # "In a statement issued Monday, the Taliban said ... on Sunday"
    return bool(
        _BARE_COMPLEMENT.fullmatch(sentence, phrase.end, cue_at)
        and _dates_a_saying(phrase, sentence)
    )


# what a day before the cue may date instead of it: a statement, a video, a briefing (its
# words end right before the day, so only that far back is searched)
STATEMENT_REACH = 48
_STATEMENT_BEFORE = re.compile(
    r"\b(?:statement|video|message|tweet|interview|press\s+conference|briefing)\s+"
    r"(?:(?:issued|released|posted|published|given|held)\s+)?(?:on\s+|late\s+|early\s+)?$",
    re.IGNORECASE,
)
# ")": "on Sunday (16 Jawza) that"; "said on Thursday, adding that"
_SPEECH_THAT = re.compile(
    r"\s*\)?\s*(?:,\s*(?:adding|saying|noting|explaining|and\s+added)\s+)?that\b", re.IGNORECASE
)
# the subject (and auxiliary) of a reported clause, up to its verb: " the Taliban had "
_BARE_COMPLEMENT = re.compile(r"\s+(?:[\w'’-]+\s+){1,5}")


def _own_conjunct(phrases: list[_Phrase], sentence: str, cue_at: int) -> list[_Phrase]:
    """ "attacked Kunduz on Friday and captured the city on Sunday": with a day of its own after
    the cue, a day behind an "and" before it dates the other verb."""
    own_after = any(
        p.start >= cue_at
        and not _CLAUSE_JOIN.search(_NOUN_APPOSITIVE.sub(" ", sentence[cue_at : p.start]))
        for p in phrases
    )
    if not own_after:
        return phrases
    return [
        p
        for p in phrases
        if p.start >= cue_at
        or not (
            _COORDINATOR.search(sentence, p.end, cue_at)
            # "took Khamyab on Saturday, lost it on Sunday": the next verb after a comma
            or sentence[p.end : cue_at].strip() == ","
        )
    ]


def _counted_back_from_anchor(phrases: list[_Phrase], sentence: str, cue_at: int) -> _Phrase | None:
    """ "confirmed Thursday that the Taliban had captured Spin Boldak a day earlier": the count
    after the cue dates it, from the day before it, which dates only the confirming."""
    if not any(p.kind in _ANCHOR_KINDS and p.end <= cue_at for p in phrases):
        return None
    for phrase in phrases:
        if (
            phrase.kind == "days_before"
            and phrase.start > cue_at
            and not _CLAUSE_JOIN.search(sentence, cue_at, phrase.start)
        ):
            return phrase
    return None


def _event_anchor(phrase: _Phrase, sentence: str) -> bool:
    """A day an event is told on, not the day somebody said so ("officials said on Saturday")."""
    return phrase.kind in _ANCHOR_KINDS and not _dates_a_saying(phrase, sentence)


# the rest of a fronted "after" clause once its day is named: ", government forces retook"
_AFTER_CLAUSE_CLOSED = re.compile(r"[^,;.]{0,40},\s+(?:[\w'’-]+\s+){0,4}$")


def _counted_forward_from_anchor(
    sentence: str, cue_at: int, *, article_date: dt.date | None
) -> DateResolution | None:
    """ "retook Kahmard a week after it fell on July 18": the "after" clause has a day of its
    own, and the cue before it comes that many days later."""
    phrases = find_date_phrases(sentence)
    for index, phrase in enumerate(phrases):
        if phrase.kind != "days_after" or phrase.match.groupdict().get("same"):
            continue
        anchor = next((p for p in phrases[index + 1 :] if _event_anchor(p, sentence)), None)
        if anchor is None or _CLAUSE_SPLIT.search(sentence, phrase.end, anchor.start):
            continue
        if phrase.start >= cue_at:
            if _CLAUSE_SPLIT.search(sentence, cue_at, phrase.start) or any(
                p.end <= cue_at and p.kind in _ANCHOR_KINDS for p in phrases
            ):
                return None  # a day of the cue's own ("retook it on Sunday, a week after")
        elif anchor.end > cue_at or not _AFTER_CLAUSE_CLOSED.match(sentence, anchor.end, cue_at):
            # "Two days after the Taliban captured Ghormach on Tuesday, government forces retook
            # the district": only a main clause after the closed "after" clause is counted
            continue
        if is_approximate(phrase.match):
            return uncounted(phrase.match)
        counted_from = _resolve(anchor, article_date=article_date, reference=None)
        if counted_from.date is None or counted_from.precision is not Precision.DAY:
            return None
        day = counted_from.date + dt.timedelta(days=days_counted(phrase.match))
        if article_date is not None and day > article_date:
            return None
        text = phrase.match.group(0)
        basis = f"'{text}' '{anchor.match.group(0)}' ({counted_from.date})"
        return DateResolution(day, Precision.DAY, basis, text)
    return None


def _anchor_before(
    phrase: _Phrase, sentence: str, *, article_date: dt.date | None
) -> dt.date | None:
    anchors = [
        p for p in find_date_phrases(sentence) if p.kind in _ANCHOR_KINDS and p.end <= phrase.start
    ]
    if not anchors:
        return None
    # "overran Dand on Monday, officials said Tuesday, before commandos pushed them out later
    # the same day": the count runs from the event's day, not from the day it was told
    events_days = [p for p in anchors if not _dates_a_saying(p, sentence)]
    anchor = (events_days or anchors)[-1]
    return _resolve(anchor, article_date=article_date, reference=None).date


# "captured Sheberghan late Saturday, officials said Sunday, two days after ...": the day of
# the saying is no anchor for what happened.
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|told\s+[\w’'-]+(?:\s+[\w’'-]+)?|announced|confirmed|added|reported|claimed"
    r"|conceded|admitted|acknowledged|insisted|denied|stated|explained)\s+(?:on\s+)?$",
    re.IGNORECASE,
)


# "two days after the assault began", "48 hours after the first attack on the city,": an "after"
# clause about fighting, closed before the main clause's event.
_AFTER_EVENT_CLAUSE = re.compile(
    r"\s+(?:(?:the|its|their)\s+(?:[\w-]+\s+){0,3}?(?:assault|attack|offensive|fighting|clashes"
    r"|siege|push)(?:\s+(?:on|against|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:city|town|district))?"
    r"(?:\s+(?:began|started|broke\s+out|erupted))?"
    # "Two days after the city fell, commandos retook it": the fall told before
    r"|(?:the\s+(?:provincial\s+)?(?:city|town|district|capital)|it)\s+(?:had\s+)?(?:fell|fallen"
    r"|was\s+(?:overrun|captured|seized|taken|lost)))\s*,?\s*",
    re.IGNORECASE,
)


def _days_after_event_clause(sentence: str, phrase: _Phrase, cue_at: int) -> re.Match[str] | None:
    """The fighting an "N days after" phrase counts from, when the cue comes after it."""
    clause = _AFTER_EVENT_CLAUSE.match(sentence, phrase.end, cue_at)
    if clause is None:
        return None
    closed = "," in clause.group(0) or re.search(
        r"(?:began|started|out|erupted|fell|fallen|overrun|captured|seized|taken|lost)\s*$",
        clause.group(0),
    )
    return clause if closed else None


_OPENING_SPACE = " \"'“‘"  # what may stand before a phrase that opens the sentence


def _fronted_over_sayings(phrases: list[_Phrase], sentence: str, cue_at: int) -> list[_Phrase]:
    """ "On Wednesday, fighters captured X, pushed into Y and lost Z, officials said on
    Thursday": the day that opens the sentence dates each of its verbs, however far, and the
    saying's day none of them."""
    fronted = [p for p in phrases if p.end <= cue_at and _fronted_day(p, sentence)]
    if not fronted:
        return phrases
    others = [p for p in phrases if p not in fronted]
    if all(p.start > cue_at and _dates_a_saying(p, sentence) for p in others):
        return fronted
    return phrases


def _opens_sentence(phrase: _Phrase, sentence: str) -> bool:
    return not sentence[: phrase.start].strip(_OPENING_SPACE)


def _counted_back_from_main_clause(
    phrase: _Phrase,
    sentence: str,
    cue_at: int,
    *,
    article_date: dt.date | None,
    reference: dt.date | None,
) -> DateResolution | None:
    """ "A day after capturing Qalat, the Taliban seized Tirin Kot on Saturday": the cue in a
    fronted "after" clause with no day of its own comes that many days before the main
    clause's day."""
    if not _opens_sentence(phrase, sentence) or "," in sentence[phrase.end : cue_at]:
        return None
    close = sentence.find(",", cue_at)
    if close < 0:
        return None
    later = [p for p in find_date_phrases(sentence) if p.start > phrase.start]
    if any(p.start < close for p in later):
        return None  # the clause's own day: "Two days after taking Qalat on Thursday, ..."
    anchor = next((p for p in later if _event_anchor(p, sentence)), None)
    if anchor is None or _CLAUSE_SPLIT.search(sentence, close, anchor.start):
        return None
    if is_approximate(phrase.match):
        return uncounted(phrase.match)
    main = _resolve(anchor, article_date=article_date, reference=reference)
    text, anchor_text = phrase.match.group(0), anchor.match.group(0)
    if main.date is None:
        return DateResolution(
            None, Precision.UNKNOWN, f"'{text}' '{anchor_text}': {main.basis}", text
        )
    if main.precision is not Precision.DAY:
        return None
    day = main.date - dt.timedelta(days=days_counted(phrase.match))
    return DateResolution(day, Precision.DAY, f"'{text}' '{anchor_text}' ({main.date})", text)


def _told_before_in_after_clause(
    phrase: _Phrase,
    sentence: str,
    cue_at: int,
    *,
    reference: dt.date | None,
    article_date: dt.date | None,
) -> DateResolution | None:
    """ "Two days after the city fell, commandos retook it": the fall is the one told before
    (``reference``), not a day counted back from the retake's."""
    if reference is None or (article_date is not None and reference > article_date):
        return None
    clause = _AFTER_EVENT_CLAUSE.match(sentence, phrase.end)
    if clause is None or not (phrase.end <= cue_at < clause.end()):
        return None
    if not _opens_sentence(phrase, sentence):
        return None  # only a fronted clause: "retook it two days after the city fell" counts
    return DateResolution(reference, Precision.DAY, f"the event told before ({reference})", "")


def _counted_from_event_before(
    sentence: str, cue_at: int, reference: dt.date, *, article_date: dt.date | None
) -> DateResolution | None:
    """ "48 hours after the assault began the city was in Taliban hands": the fighting told
    before (``reference``) plus the count."""
    for phrase in find_date_phrases(sentence):
        if phrase.kind != "days_after" or phrase.end > cue_at:
            continue
        if _days_after_event_clause(sentence, phrase, cue_at) is None:
            continue
        if is_approximate(phrase.match):
            return uncounted(phrase.match)
        day = reference + dt.timedelta(days=days_counted(phrase.match))
        if article_date is not None and day > article_date:
            return None
        text = phrase.match.group(0)
        return DateResolution(
            day, Precision.DAY, f"'{text}' the event told before ({reference})", text
        )
    return None


def _resolve_days_after(
    phrase: _Phrase, sentence: str, *, article_date: dt.date | None, reference: dt.date | None
) -> DateResolution:
    """In "(on Tuesday,) a day after X", X happened that many days before the sentence's day;
    in "The attack came a day after X", before the day of the attack reported earlier."""
    if is_approximate(phrase.match):
        return uncounted(phrase.match)
    text = phrase.match.group(0)
    anchors = [
        p
        for p in find_date_phrases(sentence)
        if p.kind in _ANCHOR_KINDS and p.end <= phrase.start and not _dates_a_saying(p, sentence)
    ]
    if not anchors and phrase.match.groupdict().get("same"):
        # "Hours after forces abandoned their bases on Monday morning, the Taliban took over":
        # the same day as the one the clause names
        named = [
            p
            for p in find_date_phrases(sentence)
            if p.kind in _ANCHOR_KINDS and p.start > phrase.end
        ]
        if named:
            return _resolve(named[0], article_date=article_date, reference=reference)
    if anchors:
        anchor = _resolve(anchors[-1], article_date=article_date, reference=None)
        anchor_date, anchor_text = anchor.date, anchors[-1].match.group(0)
    elif (
        reference is not None
        and (article_date is None or reference <= article_date)
        and _EARLIER_EVENT_CAME.search(sentence, 0, phrase.start)
    ):
        anchor_date, anchor_text = reference, "the event before it"
    else:
        anchor_date, anchor_text = article_date, BASIS_ARTICLE_DATE
    if anchor_date is None:
        return DateResolution(None, Precision.UNKNOWN, f"'{text}' with no day to count from", text)
    days = days_counted(phrase.match)
    day = anchor_date - dt.timedelta(days=days)
    return DateResolution(day, Precision.DAY, f"'{text}' '{anchor_text}' ({anchor_date})", text)


# "after a three-hour battle", "after heavy fighting", "after hours of clashes": the fight
# itself, named by a noun, with no verb of its own ("after fighting that began on Saturday")
_FIGHT_NOUN_AFTER = re.compile(
    r"\s+(?:(?:a|an|the|two|three|four|several|many|hours\s+of|days\s+of|a\s+day\s+of"
    r"|[\w]+-(?:hour|day|week)(?:-long)?|heavy|fierce|intense|brief|long|bloody)\s+)*"
    r"(?:battle|fighting|clashes|gunfight|firefight|gun\s+battle|street\s+fighting)\s+$",
    re.IGNORECASE,
)


def _day_of_the_fight_after(
    phrase: _Phrase, sentence: str, other: re.Match[str], cue_at: int
) -> bool:
    """ "pushed back from Sayed Karam after a three-hour battle that day", "captured Kishim
    after heavy fighting on Monday": the day right after the fight the cue ends is its day."""
    return (
        phrase.start > cue_at
        and other.group(0).lower() == "after"
        and _FIGHT_NOUN_AFTER.fullmatch(sentence, other.end(), phrase.start) is not None
    )


def _in_scope(phrase: _Phrase, sentence: str, cue_at: int, lowered: str | None = None) -> bool:
    """``lowered``: ``lowered_text(sentence)``, for the twins of the clause searches."""
    # "captured Farah, the seventh capital to fall since Friday": a span phrase in another
    # clause says nothing about the cue's day; "retook it after the Taliban overran it on
    # Wednesday": a phrase behind "after" dates the other event.
    low, high = sorted((cue_at, phrase.start if phrase.start >= cue_at else phrase.end))
    other = _twin_search(_OTHER_TIME, _OTHER_TIME_TWIN, sentence, lowered, low, high)
    if (
        other is not None
        and not _fronted_over_closed_clause(phrase, sentence, other.end(), cue_at)
        and not _day_of_the_when_clause(phrase, sentence, other)
        and not _day_of_the_fight_after(phrase, sentence, other, cue_at)
    ):
        return False
    relative = _twin_search(_RELATIVE_OPENER, _RELATIVE_OPENER_TWIN, sentence, lowered, low, high)
    if relative is not None and not (
        phrase.start > cue_at and "," in sentence[relative.end() : phrase.start]
    ):
        # "retake Khanabad, which the Taliban seized late on Sunday": its own day; a relative
        # clause closed before the phrase leaves it to the main clause ("overran Khamyab,
        # which borders Turkmenistan, late on Monday")
        return False
    if (
        phrase.end <= cue_at
        # (the cue may hold the "now" itself: "now controls")
        and sentence.find("now", phrase.end, cue_at + len("now")) >= 0
        and _AND_NOW.search(sentence, phrase.end, cue_at)
    ):
        # "continued its offensive over the past week and now controls 8 of Jowzjan's 11
        # districts": the state is the article's day, not the earlier verb's
        return False
    if _across_an_answer(phrase, sentence, cue_at):
        return False
    if phrase.end <= cue_at and _in_closed_parenthetical(phrase, sentence, cue_at):
        return False  # "Deh Yak, lost to the Taliban on Tuesday, had been retaken on Thursday"
    if (
        phrase.kind in _NAMED_DAY_KINDS
        and phrase.start > cue_at
        and sentence.find(";", cue_at, phrase.start) >= 0
    ):
        return False  # "Afghan forces retake Nawa; Taliban had seized it on Sunday"
    if phrase.kind == "days_after":
        # it dates only the event it introduces, never the main clause after it ("48 hours
        # after the first attack on the city, they had seized ...", "two days after the assault
        # began the city fell")
        return cue_at >= phrase.end and _days_after_event_clause(sentence, phrase, cue_at) is None
    if phrase.kind != "span":
        return True
    head = sentence[: phrase.start]
    if not head.strip(_OPENING_SPACE) or _SPEAKER_LABEL.fullmatch(head):
        # "Since May, the Taliban have taken ...", an interview's "A: In the last few days
        # alone, they have taken ...": a fronted span covers it all
        return True
    if (
        phrase.start > cue_at
        and _AFTER_COMMA.search(sentence, 0, phrase.start)
        and _CLOSING_ADVERBIAL.match(sentence, phrase.end)
    ):
        # "attacks on Maymana, the provincial capital, in recent days(, residents said)":
        # a span standing alone between commas at the end of the clause is the cue's own
        return True
    if phrase.start > cue_at and _OBJECT_THEN_SPAN.fullmatch(sentence, cue_at, phrase.start):
        # "recaptured Arghandab, the district of orchards north of the city, last week",
        # "have attacked several capitals, including Qala-e Naw in Badghis last week": after an
        # appositive or a list, the span is still the verb's
        return True
    return not _CLAUSE_PUNCTUATION.search(sentence, low, high)


# who speaks, in a transcript or an interview: "A: ", "HADID: " (``lx.LINE_LABEL``, a
# statement's source, wants three letters or more and would miss "A:" and "Q:")
_SPEAKER_LABEL = re.compile(r"\s*[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}:\s+[\"'“‘]?")
_OBJECT_THEN_SPAN = re.compile(
    r"\S+\s+[^,;.]*?(?:,\s*(?:the|a|an|which|that)\s[^,;.]*,|,\s*including\s[^,;.]*?"
    # a name in apposition: "fought their way into the capital, Tirin Kot, last month"
    r"|,\s*(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,3}(?:\s+(?:city|town|district))?\s*,)\s*",
    re.IGNORECASE,
)


# The two clause searches of ``_in_scope`` on the lowered sentence: their twins run there
# about 1.5x faster (measured on the whole articles' windows), and only the offsets of what
# they find are read (and "when", lowered anyway).
_OTHER_TIME_TWIN = lowercase_twin(_OTHER_TIME)
_RELATIVE_OPENER_TWIN = lowercase_twin(_RELATIVE_OPENER)


def _twin_search(
    pattern: re.Pattern[str],
    twin: re.Pattern[str] | None,
    sentence: str,
    lowered: str | None,
    start: int,
    end: int,
) -> re.Match[str] | None:
    """``pattern.search(sentence, start, end)``, by ``twin`` in ``lowered`` when both exist."""
    if twin is None or lowered is None:
        return pattern.search(sentence, start, end)
    return twin.search(lowered, start, end)


def _day_of_the_when_clause(phrase: _Phrase, sentence: str, other: re.Match[str]) -> bool:
    """ "was killed on Wednesday when Taliban fighters overran the district centre": "when"
    joins two things of one day."""
    return (
        phrase.kind in _NAMED_DAY_KINDS
        and phrase.end <= other.start()
        and other.group(0).lower() == "when"
        and not sentence[phrase.end : other.start()].strip(" ,")
    )


def _fronted_over_closed_clause(
    phrase: _Phrase, sentence: str, other_end: int, cue_at: int
) -> bool:
    """ "Yesterday (Sunday), after intense fighting, the mujahideen conquered ...": a day that
    opens the sentence dates its main clause across a closed "after" clause."""
    return (
        phrase.end <= cue_at
        and _fronted_day(phrase, sentence)
        and "," in sentence[other_end:cue_at]
    )


def _fronted_day(phrase: _Phrase, sentence: str) -> bool:
    """A day that opens the sentence and is closed by its comma: "On Wednesday, ..."."""
    return (
        _opens_sentence(phrase, sentence) and _FRONTED_CLOSE.match(sentence, phrase.end) is not None
    )


# the comma that closes a fronted day, maybe after its weekday: "Yesterday (Sunday),"
_FRONTED_CLOSE = re.compile(r"\s*(?:\([^()]{0,30}\)\s*)?,")


def _in_closed_parenthetical(phrase: _Phrase, sentence: str, cue_at: int) -> bool:
    """Whether the phrase sits in a relative or participle clause closed before the cue."""
    if "," not in sentence[phrase.end : cue_at]:
        return False
    opener = sentence.rfind(",", 0, phrase.start)
    return opener >= 0 and bool(_RELATIVE_OPENER.match(sentence, opener))


def _dates_state(phrase: _Phrase, sentence: str, cue_at: int) -> bool:
    # "is now in the hands of the Taliban after troops withdrew late on Sunday": the one
    # "after" between them says when the state began.
    if phrase.start < cue_at or phrase.kind in ("span", "days_after", "days_later", "earlier"):
        return False
    between = [m.group(0).lower() for m in _OTHER_TIME.finditer(sentence, cue_at, phrase.start)]
    return (
        between in (["after"], ["following"])
        and not _CLAUSE_SPLIT.search(sentence, cue_at, phrase.start)
        # "captured the district after fighting that began on Saturday": the day a fight began
        # is not the day it ended in the fall
        and not _PROCESS_BEGAN.search(sentence, cue_at, phrase.start)
    )


_PROCESS_BEGAN = re.compile(
    r"\b(?:began|begun|started|erupted|broke\s+out|flared\s+up|launched)\s+$", re.IGNORECASE
)


def _across_clauses(phrase: _Phrase, sentence: str, cue_at: int) -> bool:
    low, high = sorted((cue_at, phrase.start if phrase.start >= cue_at else phrase.end))
    return bool(_CLAUSE_SPLIT.search(sentence, low, high))


def _nearest(phrases: list[_Phrase], cue_at: int) -> _Phrase | None:
    # A day phrase beats "already"/"earlier"; among equals, the closest to the cue wins.
    dated = [p for p in phrases if p.kind != "earlier"] or phrases
    if any(p.kind in _NAMED_DAY_KINDS for p in dated):
        # "Hours earlier, the Taliban overran Ishkamish late Thursday": the named day is the
        # event's, the count only says how it stands to the sentence before
        dated = [p for p in dated if p.kind != "hours_later"]
    if not dated:
        return None
    return min(dated, key=lambda p: (abs((p.start + p.end) // 2 - cue_at), p.start))


def _resolve(
    phrase: _Phrase, *, article_date: dt.date | None, reference: dt.date | None
) -> DateResolution:
    text = phrase.match.group(0)
    kind = phrase.kind
    if kind in ("span", "vaguely_later"):
        return DateResolution(None, Precision.UNKNOWN, f"'{text}' names no single day", text)
    if kind in ("month_day", "day_month"):
        return _resolve_explicit(phrase.match, article_date=article_date, reference=reference)
    if kind in ("solar_day", "solar_month_day"):
        return _resolve_solar(phrase.match, article_date=article_date, reference=reference)
    if kind == "eid":
        return _resolve_eid(phrase.match, article_date=article_date)
    # counted from the day before: an undated article's chain still has its days
    if kind == "by_dawn":
        if reference is None:
            return DateResolution(None, Precision.UNKNOWN, f"'{text}' with no earlier date", text)
        day = reference + dt.timedelta(days=1)
        if article_date is not None and day > article_date:
            return DateResolution(
                None, Precision.UNKNOWN, f"'{text}' after {reference} is after the article", text
            )
        return DateResolution(day, Precision.DAY, f"'{text}' after {reference}", text)
    if kind == "hours_later":
        if reference is None:
            return DateResolution(None, Precision.UNKNOWN, f"'{text}' with no earlier date", text)
        return DateResolution(reference, Precision.DAY, f"'{text}' after {reference}", text)
    if kind == "by_nightfall":
        day = reference or article_date
        if day is None:
            return DateResolution(None, Precision.UNKNOWN, f"'{text}' with no day", text)
        return DateResolution(day, Precision.DAY, f"'{text}': the same day, {day}", text)
    if kind == "days_later":
        if reference is None:
            if article_date is None:
                return DateResolution(
                    None, Precision.UNKNOWN, f"'{text}' but {BASIS_NO_ARTICLE_DATE}", text
                )
            return DateResolution(
                article_date, Precision.ON_OR_BEFORE, f"'{text}' with no earlier date", text
            )
        day = reference + dt.timedelta(days=days_counted(phrase.match))
        if article_date is not None and day > article_date:
            return DateResolution(
                None, Precision.UNKNOWN, f"'{text}' after {reference} is after the article", text
            )
        return DateResolution(day, Precision.DAY, f"'{text}' after {reference}", text)
    if kind == "days_before" and (article_date is not None or reference is not None):
        return _resolve_days_before(phrase, article_date=article_date, reference=reference)
    if article_date is None:
        return DateResolution(
            None, Precision.UNKNOWN, f"'{text}' but {BASIS_NO_ARTICLE_DATE}", text
        )
    if kind == "earlier":
        return DateResolution(
            article_date, Precision.ON_OR_BEFORE, f"'{text}': on or before {article_date}", text
        )
    if kind == "today":
        return DateResolution(article_date, Precision.DAY, f"'{text}' = article date", text)
    if kind == "yesterday":
        day = article_date - dt.timedelta(days=_days_back(phrase))
        return DateResolution(
            day, Precision.DAY, f"'{text}' before article date {article_date}", text
        )
    if kind == "days_ago":
        day = article_date - dt.timedelta(days=days_counted(phrase.match))
        return DateResolution(
            day, Precision.DAY, f"'{text}' before article date {article_date}", text
        )
    if kind == "eve_of_weekday":
        day = _latest_weekday(phrase.match, article_date) - dt.timedelta(days=1)
        return DateResolution(day, Precision.DAY, f"'{text}': the day before", text)
    if kind == "ordinal_day":
        return _resolve_ordinal_day(phrase.match, article_date=article_date)
    if kind in ("last_weekend", "this_weekend"):
        back = (article_date.weekday() - SUNDAY) % 7
        if kind == "last_weekend":
            back = back or 7
        elif back == SATURDAY_BACK:
            back = 0  # a Saturday's "over the weekend" is still under way
        sunday = article_date - dt.timedelta(days=back)
        return DateResolution(
            sunday, Precision.ON_OR_BEFORE, f"'{text}': on or before Sunday {sunday}", text
        )
    weekday = weekday_number(phrase.match.group("weekday"))
    back = (article_date.weekday() - weekday) % 7
    if kind == "last_weekday" and back == 0:
        back = 7
    day = article_date - dt.timedelta(days=back)
    # "by Monday" bounds the change; "by Monday evening" tells the day it was done
    bounded = text.lower().startswith("by ") and phrase.match.group("part") is None
    precision = Precision.ON_OR_BEFORE if bounded else Precision.DAY
    return DateResolution(day, precision, f"'{text}' before article date {article_date}", text)


_HOURS_AS_DAYS = {"twenty-four": 1, "forty-eight": 2, "seventy-two": 3}


def _days_back(phrase: _Phrase) -> int:
    """Yesterday's phrases: one day back, or two for "the day before yesterday"."""
    match = phrase.match
    return 2 if match.group("two") or match.group("two_nights") else 1


def is_approximate(match: re.Match[str]) -> bool:
    """Whether a count is hedged ("more than two weeks", "nearly a week"): no exact day."""
    return bool(match.groupdict().get("approx"))


def uncounted(match: re.Match[str]) -> DateResolution:
    """What a hedged count dates: no single day."""
    text = match.group(0).strip()
    return DateResolution(None, Precision.UNKNOWN, f"'{text}' counts no exact day", text)


def days_counted(match: re.Match[str]) -> int:
    """How many days "two days", "a week", "48 hours" or "the next day" count (one when no
    number)."""
    if match.groupdict().get("same"):
        return 0
    hours = match.groupdict().get("hours")
    if hours is not None:
        return _HOURS_AS_DAYS.get(hours.lower()) or int(hours) // 24
    number = match.group("n")
    days = 1 if number is None else _NUMBER_WORDS.get(number.lower()) or int(number)
    unit = match.group("unit")
    return days * 7 if unit is not None and unit.lower().startswith("week") else days


def _resolve_days_before(
    phrase: _Phrase, *, article_date: dt.date | None, reference: dt.date | None
) -> DateResolution:
    text = phrase.match.group(0)
    days = days_counted(phrase.match)
    if reference is not None and (article_date is None or reference <= article_date):
        anchor = reference
    else:
        assert article_date is not None  # the caller's guard: one of them is known
        anchor = article_date
    day = anchor - dt.timedelta(days=days)
    return DateResolution(day, Precision.DAY, f"'{text}' before {anchor}", text)


def _resolve_explicit(
    match: re.Match[str], *, article_date: dt.date | None, reference: dt.date | None = None
) -> DateResolution:
    """ "August 6", "6 Aug. 2021". Undated, a date without its year takes the year of the
    article's event told before it ("on July 22, 2021 ... On July 25, they took Kang")."""
    text = match.group(0)
    year_text = match.group("year")
    month = MONTHS[match.group("month").lower()]
    day = int(match.group("day"))
    if year_text is None and article_date is None:
        if reference is None:
            return DateResolution(None, Precision.UNKNOWN, f"'{text}' has no year", text)
        return _checked_day(
            lambda: _nearest_year(reference, lambda year: dt.date(year, month, day)),
            text,
            article_date=None,
            basis=f"'{text}' in the year of {reference}",
        )
    year = int(year_text) if year_text else article_date.year  # type: ignore[union-attr]
    return _checked_day(
        lambda: dt.date(year, month, day),
        text,
        article_date=article_date,
        basis=f"'{text}' explicit date",
    )


def _nearest_year(reference: dt.date, day_in: Callable[[int], dt.date]) -> dt.date:
    """The day, in the year before, of or after ``reference``'s, nearest to it ("2 January"
    after a December event is in the next year). A year without the day ("29 February" in
    2021) is skipped; ``ValueError`` when none of the three has it."""
    days = []
    for offset in (-1, 0, 1):
        try:
            days.append(day_in(reference.year + offset))
        except ValueError:
            continue  # no such day that year: the leap day, or the 30th of a short Solar month
    if not days:
        msg = f"no day near {reference} for the date"
        raise ValueError(msg)
    return min(days, key=lambda day: abs((day - reference).days))


# Feasts by their first day in the Islamic calendar (month, day).
_FEAST_DAYS: dict[str, tuple[int, int]] = {"fitr": (10, 1), "adha": (12, 10)}
_FEAST_NAMES = {"azha": "adha", "qurban": "adha", "ghurban": "adha", "qorban": "adha"}
_NTH_DAY = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2}
_FEAST_SPAN = re.compile(r"^(?:during|over)\b|\b(?:holidays?|festival)\b", re.IGNORECASE)
FEAST_DAYS = 3  # how long an Eid's public holiday lasts


def _resolve_eid(match: re.Match[str], *, article_date: dt.date | None) -> DateResolution:
    """ "the first day of Eid al-Adha" in a July 2021 article: 20 July 2021, the latest such day
    on or before the article (or the month named with it); an Eid with no name is either."""
    text = match.group(0)
    anchor = _month_end(match) or article_date
    if anchor is None:
        return DateResolution(
            None, Precision.UNKNOWN, f"'{text}' but {BASIS_NO_ARTICLE_DATE}", text
        )
    named = (match.group("feast") or "").lower()
    feasts = [_FEAST_NAMES.get(named, named)] if named else list(_FEAST_DAYS)
    offset = -1 if match.group("eve") else _NTH_DAY.get((match.group("nth") or "first").lower(), 0)
    days = [
        day + dt.timedelta(days=offset)
        for feast in feasts
        for day in _feast_first_days(feast, around=anchor)
    ]
    past = [day for day in days if day <= anchor]
    if not past:
        return DateResolution(None, Precision.UNKNOWN, f"'{text}' is after {anchor}", text)
    day = max(past)
    day = dt.date(day.year, day.month, day.day)  # a plain date, whatever the library returns
    if match.group("nth") is None and _FEAST_SPAN.search(text):
        # "during the Eid holidays": some day of the feast's three
        last = min(day + dt.timedelta(days=FEAST_DAYS - 1), anchor)
        return DateResolution(last, Precision.ON_OR_BEFORE, f"'{text}': on or before {last}", text)
    return DateResolution(day, Precision.DAY, f"'{text}' in the Islamic calendar", text)


def _feast_first_days(feast: str, *, around: dt.date) -> list[dt.date]:
    from hijridate import Gregorian, Hijri

    month, day = _FEAST_DAYS[feast]
    year = Gregorian(around.year, around.month, around.day).to_hijri().year
    return [Hijri(y, month, day).to_gregorian() for y in (year - 1, year, year + 1)]


def _month_end(match: re.Match[str]) -> dt.date | None:
    """The last day of "in July 2021" after a feast's name, when given."""
    if match.group("year") is None:
        return None
    year, month = int(match.group("year")), MONTHS[match.group("month").lower().rstrip(".")]
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _latest_weekday(match: re.Match[str], article_date: dt.date) -> dt.date:
    weekday = weekday_number(match.group("weekday"))
    back = (article_date.weekday() - weekday) % 7
    return article_date - dt.timedelta(days=back)


def _resolve_solar(
    match: re.Match[str], *, article_date: dt.date | None, reference: dt.date | None = None
) -> DateResolution:
    """ "29 Saratan" (of the article's Solar year), "2 Asad 1400": the Gregorian day. Undated,
    a day without its year takes the Solar year of the event told before it."""
    text = match.group(0)
    year_text = match.group("year")
    month = SOLAR_MONTHS[match.group("month").lower()]
    day = int(match.group("day"))
    if year_text is None and article_date is None:
        if reference is None:
            return DateResolution(None, Precision.UNKNOWN, f"'{text}' has no year", text)
        # counted in Gregorian years from the reference's: its Solar year is this far off
        shift = _solar_year(reference) - reference.year
        return _checked_day(
            lambda: _nearest_year(
                reference, lambda year: _solar_to_gregorian(year + shift, month, day)
            ),
            text,
            article_date=None,
            basis=f"'{text}' in the Solar year of {reference}",
        )
    year = int(year_text) if year_text else _solar_year(article_date)  # type: ignore[arg-type]
    return _checked_day(
        lambda: _solar_to_gregorian(year, month, day),
        text,
        article_date=article_date,
        basis=f"'{text}' Solar Hijri date",
    )


def _solar_year(day: dt.date) -> int:
    import jdatetime  # only Afghan-dated copy needs it: kept off the app's start-up

    return jdatetime.date.fromgregorian(date=day).year


def _solar_to_gregorian(year: int, month: int, day: int) -> dt.date:
    import jdatetime

    return jdatetime.date(year, month, day).togregorian()


def _checked_day(
    day_of: Callable[[], dt.date], text: str, *, article_date: dt.date | None, basis: str
) -> DateResolution:
    """The day a calendar date names, if it is one and not after the article."""
    try:
        day = day_of()
    except ValueError:
        return DateResolution(None, Precision.UNKNOWN, f"'{text}' is not a date", text)
    if article_date is not None and day > article_date:
        # A past-tense report cannot describe a later day: a plan or a typo, never a capture.
        return DateResolution(
            None, Precision.UNKNOWN, f"'{text}' is after article date {article_date}", text
        )
    return DateResolution(day, Precision.DAY, basis, text)


def _resolve_ordinal_day(match: re.Match[str], *, article_date: dt.date) -> DateResolution:
    text = match.group(0)
    number = int(match.group("day"))
    month_start = article_date.replace(day=1)
    if number > article_date.day:
        month_start = (month_start - dt.timedelta(days=1)).replace(day=1)
    try:
        day = month_start.replace(day=number)
    except ValueError:
        return DateResolution(None, Precision.UNKNOWN, f"'{text}' is not a date", text)
    return DateResolution(
        day, Precision.DAY, f"'{text}': day {number} of the month before {article_date}", text
    )


def phrase_weekday(phrase: str) -> int | None:
    """The weekday (Monday = 0) a day phrase such as "on Tuesday" or "late on Friday" names.

    ``None`` for anything that does not name the day by its weekday ("last Friday" names the
    week before, so it cannot anchor an undated article to a day).
    """
    match = (
        _WEEKDAY_PHRASE.fullmatch(phrase.strip())
        or _WEEKDAY_ABBREVIATED.fullmatch(phrase.strip())
        or _OVERNIGHT_INTO.fullmatch(phrase.strip())
    )
    if match is None or phrase.strip().lower().startswith("by "):
        return None
    return weekday_number(match.group("weekday"))


def weekday_number(name: str) -> int:
    """Monday = 0, for a weekday's name or its abbreviation ("Thurs", "Sat")."""
    return _WEEKDAY_BY_PREFIX[name[:3].lower()]


_WEEKDAY_BY_PREFIX = {day[:3]: number for number, day in enumerate(WEEKDAYS)}
