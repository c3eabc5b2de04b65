"""The cue prefilter (pipeline.triggers) finds exactly the matches a full scan finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_extract_gold import CASES

from pipeline import lexicon as lx
from pipeline.extract import _find_cues, _lower_same_length
from pipeline.triggers import triggers_for

GOLD_TEXTS = [case.text for case in CASES]

# (pattern, text, starts the prefilter must find)
GOLDEN: tuple[tuple[str, str, list[int]], ...] = (
    (r"\b(?:captur(?:ed|e)|fell)\b", "they captured it and it fell", [5, 24]),
    (r"\b(?:air\s*strikes?)", "airstrikes and air  strikes", [0, 15]),
    (r"\b(?:is\s+under\s+siege)", "kunduz is under siege; this is fine", [7]),
)


@pytest.mark.parametrize(("pattern", "text", "starts"), GOLDEN)
def test_prefilter_finds_every_start(pattern: str, text: str, starts: list[int]) -> None:
    trigger = triggers_for(pattern)
    assert trigger is not None
    found = [m.start() for m in trigger.finditer(text)]
    assert set(starts) <= set(found)
    assert [m.start() for m in re.finditer(pattern, text)] == starts


def test_prefilter_of_a_pattern_without_word_boundary_finds_starts_inside_words() -> None:
    # "fell" matches inside "befell": a trigger led by a word boundary would miss it.
    trigger = triggers_for(r"(?:fell|fallen)")
    assert trigger is not None
    assert [m.start() for m in trigger.finditer("it befell them")] == [5]


def test_too_open_pattern_has_no_prefilter() -> None:
    assert triggers_for(r"\w+\s+fell") is None


def test_cue_scan_with_prefilter_equals_full_scan() -> None:
    seed_dir = Path(__file__).resolve().parent.parent / "corpus" / "afghanistan-2021"
    texts = GOLD_TEXTS + [path.read_text(encoding="utf-8") for path in seed_dir.glob("*.txt")]
    for text in texts:
        lowered = _lower_same_length(text)
        full = [(m.start(), m.end(), m.lastgroup) for m in lx.ALL_CUES.finditer(lowered)]
        fast = [(c.start, c.end, c.kind) for c in _find_cues(lowered, 0, len(lowered))]
        assert fast == full, text[:80]


class _ParserOfAnotherShape:
    """A future ``re`` whose private parser returns a tree of a shape this module never saw."""

    @staticmethod
    def parse(pattern: str) -> list:
        return [(object(), pattern)]


@pytest.mark.parametrize("parser", [None, _ParserOfAnotherShape()])
def test_without_the_private_parser_patterns_run_unfiltered(
    monkeypatch: pytest.MonkeyPatch, parser: object
) -> None:
    from pipeline import triggers

    monkeypatch.setattr(triggers, "_p", parser)
    pattern = re.compile(r"\b(?:captured|seized)\b")
    assert triggers.triggers_for(pattern.pattern) is None
    assert triggers.required_literals(pattern) is None
    assert triggers.literal_guard(pattern) is None
    assert triggers.prefiltered(pattern) is pattern
