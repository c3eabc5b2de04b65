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

try:  # Python 3.11+
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

PREFIX_LENGTHS = (6, 5, 4)  # characters of each branch's opening, whitespace counted as one
MAX_STATES = 50_000  # beyond this the pattern is too open for a useful prefilter
MAX_CLASS = 30  # a character class wider than this ("\w", "[^,]") stops the analysis
_ENDED = "\0"  # marks a prefix at whose end the whole match may stop
_SPACE = " "


class _TooOpen(Exception):
    """The pattern can start in too many ways to list."""


def triggers_for(
    pattern: str, *, lengths: tuple[int, ...] = PREFIX_LENGTHS
) -> re.Pattern[str] | None:
    """A regex matching wherever ``pattern`` can match (and some places it cannot).

    Every match of ``pattern`` starts where the returned regex matches, so running the big
    pattern only at those offsets finds the same matches. Longer prefixes filter better but
    are likelier to run into an open class; the first length that works wins. ``None`` when
    none does.
    """
    for length in lengths:
        try:
            ends = _expand(list(_p.parse(pattern)), {""}, length)
        except _TooOpen:
            continue
        if "" in ends or _ENDED in ends:
            return None  # a match could be empty or start anywhere
        return re.compile(_trie(sorted(ends)))
    return None


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


def _trie(prefixes: list[str]) -> str:
    """One regex for all prefixes, sharing their common starts (fast in ``re``)."""
    root: dict = {}
    for prefix in prefixes:
        node = root
        for char in prefix.rstrip(_ENDED):
            node = node.setdefault(char, {})
        node[_ENDED] = {}
    # A look-ahead: zero-width, so a prefix running into the next word hides no start.
    return r"\b(?=" + _node(root) + ")"


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
