"""Place names as news writes them → the province they belong to.

The data is a table, not code: ``geo/data/<cc>_gazetteer.tsv`` (provinces, capitals and the
towns, districts, bases and border crossings wire copy names, each with its spellings) and
``geo/data/<cc>_not_places.tsv`` (names that look like places of the country but are not:
rivers, neighbours, demonyms, people). ``load_gazetteer("AF")`` reads both once;
``parse_gazetteer`` is the pure core (text in, ``Gazetteer`` out).

Two ways in:

* ``Gazetteer.find(text)`` — every mention in a text, leftmost-longest, non-overlapping, with
  offsets into that exact text. One compiled regex (a trie of all surface forms with flexible
  separators), exact spellings only, so it can run on every sentence of every article.
* ``Gazetteer.resolve(span)`` — one span as written; exact first, then a conservative fuzzy
  match for unseen spellings of capitalised names.

Rule for names shared by a province and its capital (Farah, Kandahar, Herat, Kabul ...):
"X province" / "province of X" gives the province, "X city" / "city of X" gives the capital,
and the bare name gives the capital (wire copy names the city when it reports a capture). The
ISO code is the same either way. A province whose name is also a town that is not its capital
(Balkh, Baghlan) gives the province when bare and the town when written "X city".
"""

from __future__ import annotations

import csv
import functools
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources

import pycountry
from rapidfuzz import fuzz, process

__all__ = [
    "KINDS",
    "Gazetteer",
    "GazetteerError",
    "Place",
    "PlaceMention",
    "gazetteer_file_name",
    "load_gazetteer",
    "parse_gazetteer",
    "place_key",
]

HEADER = ("iso", "name", "kind", "lat", "lon", "aliases", "source")
NOT_PLACES_HEADER = ("text", "reason")
COUNTRY_HEADER = ("field", "value", "source")
NATIONAL_CAPITAL_FIELD = "national_capital"
KINDS = ("province", "capital", "town")
ALIAS_SEPARATOR = "|"
DATA_PACKAGE = "geo"
DATA_DIR = "data"

# Words that join the parts of a Dari/Pashto name ("Qala-e Naw", "Tala wa Barfak").
CONNECTORS = ("e", "i", "ye", "o", "wa", "va", "us", "ul")
# ... or are glued to the first part ("Qalai Naw", "Puli Khumri", "Mazari Sharif").
GLUED_CONNECTORS = ("i", "e")
MIN_GLUED_TOKEN = 3  # "ab" in "Ab Kamari" keeps its letters

QUALIFIER_PROVINCE = "province"
QUALIFIER_CITY = "city"
KIND_PREFERENCE: Mapping[str | None, tuple[str, ...]] = {
    None: ("capital", "province", "town"),
    QUALIFIER_PROVINCE: ("province", "capital", "town"),
    QUALIFIER_CITY: ("capital", "town", "province"),
}

FUZZY_MIN_LENGTH = 6  # shorter names are too close to ordinary words ("Doha" vs "Doshi")
FUZZY_MIN_SCORE = 88.0  # rapidfuzz ratio; "Lashkar Gha" scores 90, "Pakistan"/"Paktika" 67
FUZZY_TIE_MARGIN = 0.5
# A name plus one of these is a demonym or a surname (Kandahari, Paktiawal), not the place.
DEMONYM_ENDINGS = ("i", "is", "y", "wal", "an", "ian", "ians")
# All-caps text this short is an acronym ("OBE"), not a place, unless the table spells it so.
MAX_ACRONYM_LENGTH = 4

_SEP = r"[\s\-]{1,3}"
_JOINT = (
    f"(?:{'|'.join(GLUED_CONNECTORS)})?"
    f"(?:{_SEP}(?:{'|'.join(sorted(CONNECTORS, key=len, reverse=True))})(?={_SEP}))?"
    f"{_SEP}"
)
_APOSTROPHE = "'?"
_END = ""  # trie key marking "a surface form ends here"

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_APOSTROPHES = "\u2018\u2019\u201b\u02bc\u02bb\u02bf\u02be`\u00b4"
_SPLIT_RE = re.compile(r"[\s\-]+")
_POSSESSIVE_RE = re.compile(r"'s\Z", re.IGNORECASE)
_SPAN_QUALIFIERS_RE = re.compile(
    r"\A(?:the\s+)?(?:(?P<pre>city|town|province|provincial\s+capital)\s+of\s+)?"
    r"(?P<core>.+?)"
    r"(?:\s+(?P<post>provinces?|city|provincial\s+capital))?\Z",
    re.IGNORECASE | re.DOTALL,
)
_PRE_QUALIFIER_RE = re.compile(
    r"\b(?P<pre>city|town|province|provincial\s+capital)\s+of\s+\Z", re.IGNORECASE
)
_POST_QUALIFIER_RE = re.compile(r"[ \t]+(?P<post>provinces?|city)\b", re.IGNORECASE)
_LIST_GAP_RE = re.compile(r"\A(?:\s*,\s*(?:and\s+)?|\s+and\s+)\Z", re.IGNORECASE)
_PRE_WINDOW = 40


class GazetteerError(Exception):
    """A gazetteer table is missing or holds a row it must not."""


@dataclass(frozen=True, slots=True)
class Place:
    iso: str  # ISO 3166-2 province code, e.g. "AF-FRA"
    province: str  # English display name of that province, e.g. "Farah"
    name: str  # display name of the place itself, e.g. "Lashkar Gah"
    kind: str  # "province" | "capital" | "town"
    lat: float | None
    lon: float | None
    # the country's capital: officials "in" it speak for the government, not for a scene
    national_capital: bool = False


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    text: str  # text[start:end] of the searched text, e.g. "Farah city"
    place: Place


@dataclass(frozen=True, slots=True)
class _Row:
    line: int
    iso: str
    name: str
    kind: str
    lat: float | None
    lon: float | None
    surfaces: tuple[str, ...]


# ---------------------------------------------------------------- normalisation


def _fold_char(char: str) -> str:
    """One character → one character: no accents, ASCII dashes and apostrophes."""
    if char in _DASHES:
        return "-"
    if char in _APOSTROPHES:
        return "'"
    base = unicodedata.normalize("NFKD", char)
    if len(base) > 1 and all(unicodedata.combining(mark) for mark in base[1:]):
        return base[0]
    return char


# Length-preserving, so a match in the folded text has the same offsets in the original.
_FOLD_TABLE = {
    code: _fold_char(chr(code))
    for code in (*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00), *map(ord, _DASHES + _APOSTROPHES))
    if _fold_char(chr(code)) != chr(code)
}


_FOLD_CHARS = {chr(code): char for code, char in _FOLD_TABLE.items()}
# str.translate looks every character of non-ASCII text up in the table; news copy has a few
# curly quotes and dashes per thousand characters, so find those few and replace only them.
_FOLDABLE_RE = re.compile("[" + "".join(map(re.escape, sorted(_FOLD_CHARS))) + "]")


def _fold(text: str) -> str:
    return _FOLDABLE_RE.sub(_fold_match, text)


def _fold_match(match: re.Match[str]) -> str:
    return _FOLD_CHARS[match.group()]


def _tokens(surface: str) -> list[str]:
    """The name's parts as ``place_key`` and the matcher see them (casefolded)."""
    folded = _fold(surface)
    if folded.isascii():
        # most names ("Lashkar Gah", "Mazar-i-Sharif"): ASCII has no marks to strip, and its
        # casefold is its lower case, so the character loop below would change nothing
        plain = folded.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", folded)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    parts = [part for part in _SPLIT_RE.split(plain.strip()) if part]
    parts = [part for part in parts if part not in CONNECTORS] or parts
    return [_unglue(part) for part in parts[:-1]] + parts[-1:]


def _unglue(token: str) -> str:
    if len(token) >= MIN_GLUED_TOKEN and token.endswith(GLUED_CONNECTORS):
        return token[:-1]
    return token


def place_key(surface: str) -> str:
    """Spelling-insensitive key: "Mazar-i-Sharif", "Mazar e Sharif", "Mazari Sharif" agree."""
    if surface.isascii() and surface.isalpha():
        # One plain word ("Kunduz", "Taliban": most of what find() meets): nothing to fold,
        # split, unglue or strip, so its one token is the key.
        return surface.lower()
    return " ".join(token.replace("'", "") for token in _tokens(surface))


# find() sees the same few hundred spellings again and again.
_written_key = functools.lru_cache(maxsize=8192)(place_key)


def _compact(key: str) -> str:
    return key.replace(" ", "")


# ---------------------------------------------------------------- matcher


def _surface_units(surface: str) -> list[str]:
    """Regex pieces of one surface form; joints and apostrophes are flexible."""
    units: list[str] = []
    tokens = _tokens(surface)
    for position, token in enumerate(tokens):
        if position:
            units.append(_JOINT)
        units.extend(_APOSTROPHE if char == "'" else re.escape(char) for char in token)
    return units


def _trie_pattern(surfaces: Iterable[str]) -> str:
    trie: dict = {}
    for surface in surfaces:
        node = trie
        for unit in _surface_units(surface):
            node = node.setdefault(unit, {})
        node[_END] = {}
    return _node_pattern(trie)


def _node_pattern(node: dict) -> str:
    ends_here = _END in node
    # Children first, so the regex tries the longer name before stopping (longest match wins).
    branches = [unit + _node_pattern(child) for unit, child in sorted(node.items()) if unit]
    if not branches:
        return ""
    if len(branches) == 1 and not ends_here:
        return branches[0]
    group = "(?:" + "|".join(branches) + ")"
    return group + "?" if ends_here else group


def _compile_matcher(surfaces: Iterable[str]) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """The matcher, and its case-sensitive twin for lower-cased text (``None`` when the names
    are not all ASCII, where lower-casing could change what matches)."""
    # Names are capitalised in news copy: skip every word that starts in lower case.
    body = _trie_pattern(surfaces)
    # not inside a word nor after one's apostrophe ("d'Herat"), but after an opening quote
    matcher = re.compile(rf"(?<!\w)(?<!\w')(?=(?-i:[A-Z]))(?:{body})(?!\w)", re.IGNORECASE)
    # The trie is built from casefolded names, so it is already lower case; re matches a
    # case-sensitive pattern several times faster. The capital is checked on the text itself.
    twin = re.compile(rf"(?<!\w)(?<!\w')(?:{body})(?!\w)") if body.isascii() else None
    return matcher, twin


# Characters that match "i" or "s" only when ignoring case, and "İ", which lower-cases to two
# characters: text with one of them is matched by the case-insensitive matcher itself.
_CASE_UNSAFE = ("\u0131", "\u017f", "\u0130")


def _lowered(folded: str) -> str | None:
    if any(char in folded for char in _CASE_UNSAFE):
        return None
    lowered = folded.lower()
    return lowered if len(lowered) == len(folded) else None


# Where the matcher can start: a capital letter that begins a word. It starts with a character
# class, so re skips the lower-case letters in C (the matcher's look-behind makes re try its
# whole trie at every character).
_NAME_START_RE = re.compile(r"[A-Z](?<!\w[A-Z])(?<!\w'[A-Z])")


def _spans(
    matcher: re.Pattern[str], twin: re.Pattern[str] | None, folded: str
) -> Iterator[tuple[int, int]]:
    """The spans of ``matcher.finditer(folded)``, tried only where a name can start."""
    lowered = _lowered(folded) if twin is not None else None
    if twin is None or lowered is None:
        match_at, searched = matcher.match, folded
    else:
        match_at, searched = twin.match, lowered
    resume = 0
    for start in _NAME_START_RE.finditer(folded):
        position = start.start()
        if position < resume:
            continue
        match = match_at(searched, position)
        if match is not None:
            resume = match.end()
            yield position, resume


# ---------------------------------------------------------------- the gazetteer


class Gazetteer:
    """Resolve spans and find mentions; build with ``parse_gazetteer`` or ``load_gazetteer``."""

    def __init__(
        self,
        *,
        country: str,
        places: tuple[Place, ...],
        index: Mapping[str, tuple[Place, ...]],
        blocked: frozenset[str],
        acronyms: frozenset[str],
        surfaces: Iterable[str],
    ) -> None:
        self.country = country
        self.places = places
        self._index = dict(index)
        self._blocked = blocked
        self._acronyms = acronyms
        self._matcher, self._lowered_matcher = _compile_matcher(surfaces)
        self._fuzzy_choices = _fuzzy_choices([*self._index, *self._blocked])
        self._fuzzy_names = tuple(self._fuzzy_choices)
        # The place each indexed name stands for under each qualifier: find() asks for the
        # same few hundred names in every article. Keyed by index key, so bounded by the table.
        self._chosen: dict[tuple[str, str | None], Place] = {}

    def __repr__(self) -> str:
        return f"Gazetteer(country={self.country!r}, places={len(self.places)})"

    # -- resolve

    def resolve(self, span: str) -> Place | None:
        """The place a span names ("Farah city", "Kabul's airport"), or None."""
        match = _SPAN_QUALIFIERS_RE.match(span.strip().strip('.,;:!?"()'))
        if match is None:
            return None
        core = _POSSESSIVE_RE.sub("", _fold(match["core"]).strip())
        qualifier = _qualifier(match["pre"] or match["post"])
        key = place_key(core)
        if key in self._blocked or self._looks_like_acronym(core, key):
            return None
        candidates = self._index.get(key)
        if candidates is None:
            candidates = self._fuzzy(core, key)
        return _choose(candidates, qualifier) if candidates else None

    def _fuzzy(self, core: str, key: str) -> tuple[Place, ...] | None:
        compact = _compact(key)
        if not core[:1].isupper() or len(compact) < FUZZY_MIN_LENGTH:
            return None
        found = process.extract(
            compact,
            self._fuzzy_names,
            scorer=fuzz.ratio,
            score_cutoff=FUZZY_MIN_SCORE,
            limit=5,
        )
        found = [
            (choice, score)
            for choice, score, _ in found
            if choice[0] == compact[0] and not _is_demonym(compact, choice)
        ]
        if not found:
            return None
        best = max(score for _, score in found)
        nearest = {
            near_key
            for choice, score in found
            if score >= best - FUZZY_TIE_MARGIN
            for near_key in self._fuzzy_choices[choice]
        }
        if nearest & self._blocked:
            return None
        places = tuple({place for near_key in nearest for place in self._index[near_key]})
        if len({place.iso for place in places}) != 1:
            return None
        return places

    # -- find

    def find(self, text: str) -> list[PlaceMention]:
        """Every place mention in ``text``; ``text[m.start:m.end] == m.text``."""
        mentions: list[tuple[int, int, str | None, str]] = []
        last_end = 0
        for start, end in _spans(self._matcher, self._lowered_matcher, _fold(text)):
            written = text[start:end]
            key = _written_key(written)
            if key not in self._index or self._looks_like_acronym(written, key):
                continue
            start, end, qualifier = _with_qualifiers(text, start, end, floor=last_end)
            mentions.append((start, end, qualifier, key))
            last_end = end
        _spread_plural_province(text, mentions)
        return [
            PlaceMention(start, end, text[start:end], self._chosen_place(key, qualifier))
            for start, end, qualifier, key in mentions
        ]

    def _chosen_place(self, key: str, qualifier: str | None) -> Place:
        place = self._chosen.get((key, qualifier))
        if place is None:
            place = self._chosen[key, qualifier] = _choose(self._index[key], qualifier)
        return place

    def _looks_like_acronym(self, written: str, key: str) -> bool:
        return (
            written.isupper()
            and len(_compact(key)) <= MAX_ACRONYM_LENGTH
            and key not in self._acronyms
        )


def _qualifier(word: str | None) -> str | None:
    if not word:
        return None
    word = word.casefold()
    if word.startswith("province"):
        return QUALIFIER_PROVINCE
    return QUALIFIER_CITY  # city, town, provincial capital


def _with_qualifiers(text: str, start: int, end: int, *, floor: int) -> tuple[int, int, str | None]:
    """Read "X province" / "X city" / "city of X" around a name.

    A following "province"/"city" is part of how the name is written ("Farah city") and joins
    the span; a leading "the provincial capital of" is description and stays outside it.
    """
    post = _POST_QUALIFIER_RE.match(text, end)
    if post:
        return start, post.end(), _qualifier(post["post"])
    window = text[max(floor, start - _PRE_WINDOW) : start]
    # The look-back regex is end-anchored (tried at every offset): first the "of " it ends with.
    stripped = window.rstrip()
    if len(stripped) == len(window) or stripped[-2:].lower() != "of":
        return start, end, None
    pre = _PRE_QUALIFIER_RE.search(window)
    return start, end, _qualifier(pre["pre"]) if pre else None


def _spread_plural_province(text: str, mentions: list) -> None:
    """In "Kandahar, Helmand and Herat provinces" every name is a province."""
    for index in range(len(mentions) - 1, 0, -1):
        start, _, qualifier, _ = mentions[index]
        before_start, before_end, before_qualifier, key = mentions[index - 1]
        if (
            qualifier == QUALIFIER_PROVINCE
            and before_qualifier is None
            and _LIST_GAP_RE.match(text[before_end:start])
        ):
            mentions[index - 1] = (before_start, before_end, QUALIFIER_PROVINCE, key)


def _choose(candidates: tuple[Place, ...], qualifier: str | None) -> Place:
    order = KIND_PREFERENCE[qualifier]
    return min(candidates, key=lambda place: (order.index(place.kind), place.name))


def _is_demonym(compact: str, choice: str) -> bool:
    return compact.startswith(choice) and compact[len(choice) :] in DEMONYM_ENDINGS


def _fuzzy_choices(keys: Iterable[str]) -> dict[str, tuple[str, ...]]:
    choices: dict[str, list[str]] = {}
    for key in keys:
        if len(_compact(key)) >= FUZZY_MIN_LENGTH - 1:
            choices.setdefault(_compact(key), []).append(key)
    return {choice: tuple(keys) for choice, keys in choices.items()}


# ---------------------------------------------------------------- parsing (pure)


def gazetteer_file_name(country: str, *, table: str = "gazetteer") -> str:
    return f"{country.lower()}_{table}.tsv"


def parse_gazetteer(
    text: str,
    *,
    country: str = "AF",
    not_places: str = "",
    country_facts: str = "",
    source: str = "gazetteer",
) -> Gazetteer:
    """Check and index a gazetteer table; errors name ``source`` and the line.

    ``country_facts``: the ``<cc>_country.tsv`` table (which province's capital is the
    national capital); without it no place is the national capital."""
    country = country.upper()
    province_names = _province_names(country, source)
    known_isos = frozenset(province_names)
    rows = _read_rows(text, source=source, known_isos=known_isos)
    province_names = _check_coverage(rows, province_names, source)
    blocked_surfaces = _read_not_places(not_places, source=f"{source} (not places)")
    blocked = {place_key(surface) for surface in blocked_surfaces}
    seat = _read_national_capital(
        country_facts, source=f"{source} (country facts)", known_isos=known_isos
    )
    places, index, acronyms = _index_rows(rows, province_names, blocked, source, seat=seat)
    place_surfaces = (surface for row in rows for surface in row.surfaces)
    return Gazetteer(
        country=country,
        places=places,
        index=index,
        blocked=frozenset(blocked),
        acronyms=acronyms,
        surfaces=sorted({*place_surfaces, *blocked_surfaces}),
    )


def _province_names(country: str, source: str) -> dict[str, str]:
    subdivisions = pycountry.subdivisions.get(country_code=country) or []
    names = {sub.code: sub.name for sub in subdivisions if sub.parent_code is None}
    if not names:
        msg = f"{source}: no ISO 3166-2 provinces known for country {country!r}"
        raise GazetteerError(msg)
    return names


def _table_lines(text: str, header: tuple[str, ...], source: str) -> list[tuple[int, list[str]]]:
    lines = text.splitlines()
    if not lines or tuple(lines[0].split("\t")) != header:
        got = lines[0] if lines else ""
        msg = f"{source} line 1: header must be {chr(9).join(header)!r}, got {got!r}"
        raise GazetteerError(msg)
    return [
        (number, fields)
        for number, fields in enumerate(csv.reader(lines[1:], **_TSV), start=2)
        if any(field.strip() for field in fields)
    ]


_TSV = {"delimiter": "\t", "quoting": csv.QUOTE_NONE}


def _read_rows(text: str, *, source: str, known_isos: frozenset[str]) -> list[_Row]:
    rows = []
    for number, fields in _table_lines(text, HEADER, source):
        where = f"{source} line {number}"
        if len(fields) != len(HEADER):
            msg = f"{where}: expected {len(HEADER)} tab-separated fields, got {len(fields)}"
            raise GazetteerError(msg)
        iso, name, kind, lat, lon, aliases, _source = (field.strip() for field in fields)
        if iso not in known_isos:
            msg = f"{where}: unknown iso {iso!r}"
            raise GazetteerError(msg)
        if kind not in KINDS:
            msg = f"{where}: kind must be one of {KINDS}, got {kind!r}"
            raise GazetteerError(msg)
        if not name:
            msg = f"{where}: empty name"
            raise GazetteerError(msg)
        latitude, longitude = _coordinates(lat, lon, kind=kind, where=where)
        surfaces = (name, *(alias.strip() for alias in aliases.split(ALIAS_SEPARATOR)))
        rows.append(
            _Row(number, iso, name, kind, latitude, longitude, tuple(s for s in surfaces if s))
        )
    return rows


def _coordinates(lat: str, lon: str, *, kind: str, where: str) -> tuple[float | None, float | None]:
    if not lat and not lon and kind == "province":
        return None, None
    try:
        latitude, longitude = float(lat), float(lon)
    except ValueError:
        msg = f"{where}: bad coordinate lat={lat!r} lon={lon!r} (a {kind} needs decimal degrees)"
        raise GazetteerError(msg) from None
    if not (math.isfinite(latitude) and math.isfinite(longitude)) or not (
        -90 <= latitude <= 90 and -180 <= longitude <= 180
    ):
        msg = f"{where}: bad coordinate lat={lat!r} lon={lon!r} (out of range)"
        raise GazetteerError(msg)
    return latitude, longitude


def _check_coverage(rows: list[_Row], names: dict[str, str], source: str) -> dict[str, str]:
    """Exactly one province row and one capital row per ISO code; returns display names."""
    display: dict[str, str] = {}
    capitals: dict[str, int] = {}
    for row in rows:
        if row.kind == "province":
            if row.iso in display:
                msg = f"{source} line {row.line}: duplicate province {row.iso}"
                raise GazetteerError(msg)
            display[row.iso] = row.name
        elif row.kind == "capital":
            if row.iso in capitals:
                first = capitals[row.iso]
                msg = f"{source} line {row.line}: duplicate capital for {row.iso} (line {first})"
                raise GazetteerError(msg)
            capitals[row.iso] = row.line
    for label, seen in (("province", display), ("capital", capitals)):
        missing = sorted(set(names) - set(seen))
        if missing:
            msg = f"{source}: no {label} row for {', '.join(missing)}"
            raise GazetteerError(msg)
    return display


def _read_not_places(text: str, *, source: str) -> list[str]:
    if not text.strip():
        return []
    return [fields[0].strip() for _, fields in _table_lines(text, NOT_PLACES_HEADER, source)]


def _read_national_capital(text: str, *, source: str, known_isos: frozenset[str]) -> str | None:
    """The ISO code of the province whose capital is the national capital, if the table says."""
    if not text.strip():
        return None
    seat = None
    for number, fields in _table_lines(text, COUNTRY_HEADER, source):
        if len(fields) != len(COUNTRY_HEADER):
            msg = (
                f"{source} line {number}: expected {len(COUNTRY_HEADER)} fields, got {len(fields)}"
            )
            raise GazetteerError(msg)
        field, value = fields[0].strip(), fields[1].strip()
        if field != NATIONAL_CAPITAL_FIELD:
            continue
        if value not in known_isos:
            msg = f"{source} line {number}: national capital {value!r} is no province's iso"
            raise GazetteerError(msg)
        seat = value
    return seat


def _index_rows(
    rows: list[_Row],
    display: dict[str, str],
    blocked: set[str],
    source: str,
    *,
    seat: str | None = None,
) -> tuple[tuple[Place, ...], dict[str, tuple[Place, ...]], frozenset[str]]:
    places: list[Place] = []
    index: dict[str, list[Place]] = {}
    owner: dict[str, _Row] = {}
    acronyms: set[str] = set()
    for row in rows:
        national = row.kind == "capital" and row.iso == seat
        place = Place(row.iso, display[row.iso], row.name, row.kind, row.lat, row.lon, national)
        places.append(place)
        for surface in row.surfaces:
            key = place_key(surface)
            where = f"{source} line {row.line}"
            if not key:
                msg = f"{where}: alias {surface!r} has no letters"
                raise GazetteerError(msg)
            if key in blocked:
                msg = f"{where}: {surface!r} is listed as not a place"
                raise GazetteerError(msg)
            first = owner.setdefault(key, row)
            if first.iso != row.iso:
                other = f"{first.name!r} in {first.iso} (line {first.line})"
                msg = f"{where}: {surface!r} also names {other}"
                raise GazetteerError(msg)
            if surface.isupper():
                acronyms.add(key)
            bucket = index.setdefault(key, [])
            if place not in bucket:
                bucket.append(place)
    return tuple(places), {key: tuple(found) for key, found in index.items()}, frozenset(acronyms)


# ---------------------------------------------------------------- loading (I/O)


def _read_data(name: str, *, required: bool) -> str:
    resource = resources.files(DATA_PACKAGE) / DATA_DIR / name
    try:
        return resource.read_text(encoding="utf-8")
    except FileNotFoundError:
        if not required:
            return ""
        msg = f"gazetteer file {DATA_PACKAGE}/{DATA_DIR}/{name} is missing"
        raise GazetteerError(msg) from None
    except UnicodeDecodeError as error:
        msg = f"gazetteer file {DATA_PACKAGE}/{DATA_DIR}/{name} is not UTF-8: {error}"
        raise GazetteerError(msg) from None


@functools.cache
def load_gazetteer(country: str = "AF") -> Gazetteer:
    """The bundled gazetteer of ``country``, parsed once per process."""
    name = gazetteer_file_name(country)
    return parse_gazetteer(
        _read_data(name, required=True),
        country=country,
        not_places=_read_data(gazetteer_file_name(country, table="not_places"), required=False),
        country_facts=_read_data(gazetteer_file_name(country, table="country"), required=False),
        source=f"{DATA_PACKAGE}/{DATA_DIR}/{name}",
    )
