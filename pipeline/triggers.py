"""Where a match of a big regex can start: a cheap prefilter before a large alternation.

Python's ``re`` tries every branch of a large alternation at every word start. Most word
starts cannot begin any branch, so a small regex built from the first few characters of
every branch (a trie of literal prefixes) finds the few places worth trying. The prefixes are
computed from the pattern itself, never written by hand, so they cannot drift from the
lexicon; when the pattern is too open to analyse (a branch starting with ``\\w+``),
``triggers_for`` returns ``None`` and callers scan everything.

The second speed-up here, ``lowercase_twin`` with ``lowered_text``, runs a case-insensitive
pattern as a case-sensitive one on lower-cased text, which ``re`` matches several times faster.
"""

from __future__ import annotations

import re

# ``re``'s own parser is private and moves between Python versions. Everything here is only a
# speed-up, so where it is missing or reads a pattern in a shape this module does not know,
# the callers get ``None`` and run their patterns unfiltered: slower, never different.
try:  # Python 3.11+
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - older or future Pythons
    try:
        import sre_constants as _c  # type: ignore[no-redef]
        import sre_parse as _p  # type: ignore[no-redef]
    except ImportError:
        _c = _p = None  # type: ignore[assignment]

PREFIX_LENGTHS = (6, 5, 4)  # characters of each branch's opening, whitespace counted as one
MAX_STATES = 50_000  # beyond this the pattern is too open for a useful prefilter
MAX_CLASS = 30  # a character class wider than this ("\w", "[^,]") stops the analysis
_ENDED = "\0"  # marks a prefix at whose end the whole match may stop
_SPACE = " "


class _TooOpen(Exception):
    """The pattern can start in too many ways to list."""


# A parse tree of a shape this module does not know (a future ``re``) reads as too open.
_UNREADABLE = (_TooOpen, AttributeError, TypeError, ValueError)


def triggers_for(
    pattern: str, *, lengths: tuple[int, ...] = PREFIX_LENGTHS
) -> re.Pattern[str] | None:
    """A regex matching wherever ``pattern`` can match (and some places it cannot).

    Every match of ``pattern`` starts where the returned regex matches, so running the big
    pattern only at those offsets finds the same matches. Longer prefixes filter better but
    are likelier to run into an open class; the first length that works wins. ``None`` when
    none does.
    """
    parsed = _parsed(pattern)
    if parsed is None:
        return None
    for length in lengths:
        try:
            ends = _expand(parsed, {""}, length)
            at_boundary = _starts_at_boundary(parsed)
        except _UNREADABLE:
            continue
        if "" in ends or _ENDED in ends:
            return None  # a match could be empty or start anywhere
        return re.compile(_trie(sorted(ends), at_boundary=at_boundary))
    return None


def _parsed(pattern: str) -> list | None:
    """``pattern`` as ``re``'s parser reads it, or ``None`` where that parser is unavailable."""
    if _p is None:
        return None
    try:
        return list(_p.parse(pattern))
    except (AttributeError, TypeError):  # pragma: no cover - a parser of another shape
        return None


def prefiltered(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` led by its own trigger: the same matches, tried only where one can start.

    Python's ``re`` then rejects most offsets at the trigger's word-boundary test instead of
    trying every branch of the alternation there, and the scan stays one C loop (no Python
    call per candidate offset). The trigger is a look-ahead without groups, so group numbers,
    names and ``lastgroup`` are those of ``pattern``. ``pattern`` itself when it has no trigger.
    """
    if pattern.flags & re.IGNORECASE or _INLINE_FLAGS.search(pattern.pattern):
        return pattern  # the prefixes are read case-sensitively, from a flag-free source
    trigger = triggers_for(pattern.pattern)
    if trigger is None:
        return pattern
    return re.compile(trigger.pattern + pattern.pattern, pattern.flags)


def _expand(items: list, states: set[str], length: int) -> set[str]:
    for op, av in items:
        open_states = {s for s in states if not _done(s, length)}
        if not open_states:
            break
        states = (states - open_states) | _step(op, av, open_states, length)
        if len(states) > MAX_STATES:
            raise _TooOpen
    return states


def _done(state: str, length: int) -> bool:
    return state.endswith(_ENDED) or len(state) >= length


def _step(op, av, states: set[str], length: int) -> set[str]:
    if op is _c.LITERAL:
        return {_add(s, chr(av)) for s in states}
    if op is _c.IN:
        chars = _class_chars(av)
        return {_add(s, char) for s in states for char in chars}
    if op is _c.SUBPATTERN:
        return _expand(list(av[-1]), states, length)
    if op is _c.BRANCH:
        return set().union(*(_expand(list(branch), states, length) for branch in av[1]))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        low, high, item = av
        result = set(states) if low == 0 else set()
        current = states
        for count in range(1, min(high, length) + 1):
            current = _expand(list(item), current, length)
            if count >= low:
                result |= current
            if all(_done(s, length) for s in current):
                break
        return result
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return states  # anchors and look-arounds only narrow the matches
    raise _TooOpen


def _add(state: str, char: str) -> str:
    if char.isspace():
        # runs of whitespace count as one: "\s+" and "\s*" become one optional space
        return state if state.endswith(_SPACE) else state + _SPACE
    return state + char


def _class_chars(items) -> set[str]:
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av))
        elif op is _c.RANGE:
            chars.update(chr(code) for code in range(av[0], av[1] + 1))
        elif op is _c.CATEGORY and av is _c.CATEGORY_SPACE:
            chars.add(_SPACE)
        else:
            raise _TooOpen
    if len(chars) > MAX_CLASS:
        raise _TooOpen
    return chars


def _starts_at_boundary(items: list) -> bool:
    """Whether every match of the parsed pattern starts at a word boundary (``\\b...``)."""
    while items:
        op, av = items[0]
        if op is _c.SUBPATTERN:
            items = list(av[-1])
            continue
        return op is _c.AT and av is _c.AT_BOUNDARY
    return False


def _trie(prefixes: list[str], *, at_boundary: bool) -> str:
    """One regex for all prefixes, sharing their common starts (fast in ``re``).

    ``at_boundary``: the pattern starts with ``\\b``. Leading the trigger with it too lets
    ``re`` reject offsets inside words at once, the trigger's main saving.
    """
    root: dict = {}
    for prefix in prefixes:
        node = root
        for char in prefix.rstrip(_ENDED):
            node = node.setdefault(char, {})
        node[_ENDED] = {}
    # A look-ahead: zero-width, so a prefix running into the next word hides no start.
    return (r"\b" if at_boundary else "") + "(?=" + _node(root) + ")"


def _node(node: dict) -> str:
    branches = [
        _char(char) + _node(child) for char, child in sorted(node.items()) if char != _ENDED
    ]
    if not branches:
        return ""
    body = "(?:" + "|".join(branches) + ")" if len(branches) > 1 else branches[0]
    return "(?:" + body + ")?" if _ENDED in node else body


def _char(char: str) -> str:
    return r"\s+" if char == _SPACE else re.escape(char)


# --- required literals ----------------------------------------------------------------------


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` contains, or ``None`` if none is known.

    Read from the pattern's consumed literals only (never from look-arounds, classes or
    optional parts), so ``not any(s in window for s in result)`` proves that ``pattern`` finds
    nothing in ``window``: a test far cheaper than a regex scan trying every offset. Patterns
    that ignore case or set flags inline get ``None``.
    """
    if pattern.flags & re.IGNORECASE or _INLINE_FLAGS.search(pattern.pattern):
        return None
    parsed = _parsed(pattern.pattern)
    if parsed is None:
        return None
    try:
        found = _required(parsed)
    except _UNREADABLE:
        return None
    return None if found is None else frozenset(found)


def literal_guard(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A regex finding ``required_literals(pattern)``: no match of it in a stretch of text
    means no match of ``pattern`` there. Led by literals, so ``re`` skips through the text in
    C instead of trying ``pattern`` at every offset. ``None`` when nothing is required.
    """
    needed = required_literals(pattern)
    if not needed:
        return None
    return re.compile("|".join(re.escape(s) for s in sorted(needed, key=lambda s: (-len(s), s))))


def required_literal_sets(pattern: re.Pattern[str]) -> tuple[frozenset[str], ...]:
    """Sets of strings, every one of which holds a string each match of ``pattern`` contains.

    ``required_literals`` keeps the best of these; all of them together are a tighter test
    when one scan of the text tells which strings are there. Read as ``required_literals``
    reads (no look-arounds, classes or optional parts); ``()`` when nothing is known.
    """
    if pattern.flags & re.IGNORECASE or _INLINE_FLAGS.search(pattern.pattern):
        return ()
    parsed = _parsed(pattern.pattern)
    if parsed is None:
        return ()
    try:
        return tuple(frozenset(found) for found in _all_required(parsed))
    except _UNREADABLE:
        return ()


def _all_required(items: list) -> list[set[str]]:
    """Every requirement of a sequence: its literal runs, the requirements of its groups and
    repeats (they match whenever the sequence does), and the best of each alternation."""
    options: list[set[str]] = []
    for op, av in _with_literal_runs(items):
        if op is _LITERAL_RUN:
            options.append({av})
        elif op is _c.SUBPATTERN:
            options.extend(_all_required(list(av[-1])))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            options.extend(_all_required(list(av[2])))
        elif op is _c.BRANCH and (found := _required([(op, av)])):
            options.append(found)
    return options


_LITERAL_RUN = object()  # an item of _with_literal_runs: consecutive literals as one string


def _with_literal_runs(items: list) -> list[tuple]:
    """The parsed sequence with each run of literal characters joined: (_LITERAL_RUN, text)."""
    joined: list[tuple] = []
    run: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            joined.append((_LITERAL_RUN, "".join(run)))
            run = []
        joined.append((op, av))
    if run:
        joined.append((_LITERAL_RUN, "".join(run)))
    return joined


def literal_scan(words: frozenset[str]) -> re.Pattern[str]:
    """One regex finding, at each offset where one of ``words`` starts, the longest there.

    A trie (words sharing a start share its branch), which ``re`` runs several times faster
    than the plain alternation of the same words."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[_ENDED] = {}
    return re.compile(_literal_node(root))


def _literal_node(node: dict) -> str:
    # the branches before the end: re's alternation is ordered, so the longer word wins
    branches = [
        re.escape(char) + _literal_node(child)
        for char, child in sorted(node.items())
        if char != _ENDED
    ]
    if not branches:
        return ""
    body = "(?:" + "|".join(branches) + ")" if len(branches) > 1 else branches[0]
    return "(?:" + body + ")?" if _ENDED in node else body


def _required(items: list) -> set[str] | None:
    """The best requirement of a sequence: its literal runs and its parts' requirements."""
    options: list[set[str]] = []
    for op, av in _with_literal_runs(items):
        if op is _LITERAL_RUN:
            found = {av}
        elif op is _c.SUBPATTERN:
            found = _required(list(av[-1]))
        elif op is _c.BRANCH:
            branches = [_required(list(branch)) for branch in av[1]]
            found = None if any(b is None for b in branches) else set().union(*branches)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            found = _required(list(av[2]))
        else:
            found = None  # classes, anchors, look-arounds, optional parts: nothing certain
        if found:
            options.append(found)
    # The longest shortest string filters best; on a tie, the fewest strings.
    return max(options, key=lambda o: (min(map(len, o)), -len(o)), default=None)


# --- case-sensitive twins ------------------------------------------------------------------
#
# ``re`` matches an IGNORECASE pattern three to four times slower than the same pattern
# without the flag. On text lower-cased with ``str.lower`` (same length, same offsets) the
# twin below finds exactly what the pattern finds on the original text, except around the
# characters named here, found by tests/test_lowered_twins.py over every code point: "ı" and
# "ſ" match "i" and "s" under IGNORECASE but lower-case to themselves, and "İ" lower-cases to
# two characters.
CASE_UNSAFE = ("\u0131", "\u017f", "\u0130")
_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux-]+[:)]")
_SOURCE_TOKEN = re.compile(r"\\.|\(\?P<\w+>|\(\?P=\w+\)|[A-Z]")
_CROSSING_RANGE = re.compile(r"[A-Z]-[^A-Z]|[^A-Z\\]-[A-Z]")


def lowercase_twin(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """``pattern`` without IGNORECASE, for text lower-cased by ``lowered_text``.

    ``None`` when the pattern is case-sensitive already or written in a way this cannot
    rewrite safely (inline flags, named characters, non-ASCII letters, ranges across cases).
    """
    source = pattern.pattern
    if not pattern.flags & re.IGNORECASE or "\\N" in source or _INLINE_FLAGS.search(source):
        return None
    if any(char.isalpha() and not char.isascii() for char in source):
        return None
    plain = _SOURCE_TOKEN.sub(lambda m: "" if len(m.group()) > 1 else m.group(), source)
    if _CROSSING_RANGE.search(plain):
        return None
    twin = _SOURCE_TOKEN.sub(
        lambda m: m.group().lower() if len(m.group()) == 1 else m.group(), source
    )
    return re.compile(twin, pattern.flags & ~re.IGNORECASE)


def lowered_text(text: str) -> str | None:
    """``text.lower()`` when the twins find on it what their patterns find on ``text``."""
    if any(char in text for char in CASE_UNSAFE):
        return None
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None
