"""Sentence spans: golden (text → sentences) cases in the style of pySBD's tests."""

from __future__ import annotations

import pytest

from pipeline.sentences import MAX_SENTENCE_CHARS, furniture_lines, split_sentences

GOLDEN: list[tuple[str, list[str]]] = [
    ("Kunduz fell. Taloqan followed.", ["Kunduz fell.", "Taloqan followed."]),
    ("Mr. Mohammad says the governor left.", ["Mr. Mohammad says the governor left."]),
    ("Gen. Sami Sadat said so. He left.", ["Gen. Sami Sadat said so.", "He left."]),
    ("The U.S. embassy is open. Staff left.", ["The U.S. embassy is open.", "Staff left."]),
    ("It fell on Aug. 13 after a siege.", ["It fell on Aug. 13 after a siege."]),
    ("It fell on Aug. 13. Then Herat fell.", ["It fell on Aug. 13.", "Then Herat fell."]),
    (
        '"They have taken the city." Officials agreed.',
        ['"They have taken the city."', "Officials agreed."],
    ),
    (
        "“This afternoon the Taliban entered the city.” He said more.",
        ["“This afternoon the Taliban entered the city.”", "He said more."],
    ),
    (
        "Russia showcases arms at drills near Afghan border\n\nSoldiers used new firearms.",
        ["Russia showcases arms at drills near Afghan border", "Soldiers used new firearms."],
    ),
    (
        "Afghan military vehicles in Kandahar (Sidiqullah Khan/AP)\nWhile Kabul is calm.",
        ["Afghan military vehicles in Kandahar (Sidiqullah Khan/AP)", "While Kabul is calm."],
    ),
    ("Has Herat fallen? Nobody knows.", ["Has Herat fallen?", "Nobody knows."]),
    ("Fighting raged... and then it stopped.", ["Fighting raged... and then it stopped."]),
    ("  Leading space. Trailing space.  ", ["Leading space.", "Trailing space."]),
    ("The 3.5 million people fled.", ["The 3.5 million people fled."]),
    ("", []),
    ("\n\n  \n", []),
]


@pytest.mark.parametrize(("text", "expected"), GOLDEN)
def test_golden_sentences(text: str, expected: list[str]) -> None:
    assert [text[start:end] for start, end in split_sentences(text)] == expected


def test_spans_are_ordered_and_only_whitespace_between() -> None:
    text = "One. Two!\n\nThree? “Four.” Five"
    spans = split_sentences(text)
    cursor = 0
    for start, end in spans:
        assert text[cursor:start].strip() == ""
        assert start < end
        cursor = end
    assert text[cursor:].strip() == ""


def test_very_long_line_is_segmented() -> None:
    text = "word " * 5_000
    spans = split_sentences(text)
    assert len(spans) > 1
    assert all(end - start <= MAX_SENTENCE_CHARS for start, end in spans)
    assert " ".join(text[s:e] for s, e in spans).split() == text.split()


def test_unbroken_run_without_spaces_is_cut() -> None:
    text = "x" * (3 * MAX_SENTENCE_CHARS + 5)
    spans = split_sentences(text)
    assert "".join(text[s:e] for s, e in spans) == text


# (text, the lines that are captions or link blocks)
FURNITURE: list[tuple[str, list[str]]] = [
    ("Photo: Fighters in Ghazni.\nThe city fell.", ["Photo: Fighters in Ghazni."]),
    ("Photo caption: Troops in Herat.", ["Photo caption: Troops in Herat."]),
    ("Guards in Kunduz. (AP Photo/Rahmat Gul)", ["Guards in Kunduz. (AP Photo/Rahmat Gul)"]),
    ("Residents flee Farah. (AFP)\nKABUL (AFP) - Farah fell.", ["Residents flee Farah. (AFP)"]),
    # a report that names who said it, closed by its agency's credit, is no caption
    ("The Taliban took Panjwai, officials said. (AFP)", []),
    ("Guards in Kunduz after the fighting. (AFP)", ["Guards in Kunduz after the fighting. (AFP)"]),
    ("Related: Taliban seize Spin Boldak", ["Related: Taliban seize Spin Boldak"]),
    (
        "Read more:\n\nTaliban take Kunduz\n\nWhy Herat matters\n\nThe Taliban took Farah.",
        ["Read more:", "Taliban take Kunduz", "Why Herat matters"],
    ),
    ("Also read: Taliban take Kunduz\nThe city fell.", ["Also read: Taliban take Kunduz"]),
    ("KABUL (Reuters) - The Taliban took Farah on Friday.", []),  # a dateline is no caption
    ("Officials said the photo showed fighters in Ghazni.", []),
    ("The related attacks hit Kunduz.\nRead the full report.", []),
    (
        "Editor's note: An earlier version said Maymana had fallen.\nMaymana is held.",
        ["Editor's note: An earlier version said Maymana had fallen."],
    ),
    (
        "Corrections: A story wrongly said Taloqan fell on Friday.",
        ["Corrections: A story wrongly said Taloqan fell on Friday."],
    ),
    (
        "Farah fell.\nAn earlier version of this article misstated the date.",
        ["An earlier version of this article misstated the date."],
    ),
    ("Editor's note: This story was corrected to show that Farah fell on Thursday.", []),
    ("The correction of the map came late.\nAn official said Farah fell.", []),
    ("Note: Taliban fighters entered Farah on Friday.", []),  # a note is not a correction
    (
        "Clarification: A report that Kunduz fell was mistakenly attributed to officials.",
        ["Clarification: A report that Kunduz fell was mistakenly attributed to officials."],
    ),
    # a print line repeats the headline; a contributors' line names where reporters were
    (
        "Kandahar held.\nA version of this article appears in print on July 23, 2021, Section A,"
        " Page 9 with the headline: Taliban Seize District in Afghan West.",
        [
            "A version of this article appears in print on July 23, 2021, Section A, Page 9 with"
            " the headline: Taliban Seize District in Afghan West."
        ],
    ),
    (
        "Farah fell.\nNajim Rahimi contributed reporting from Mazar-i-Sharif, Afghanistan.",
        ["Najim Rahimi contributed reporting from Mazar-i-Sharif, Afghanistan."],
    ),
    ("A version of events from Kunduz says the city fell.", []),
    # a paragraph that goes on after the contributors' line is reporting
    ("Ali M Latifi contributed to this report from Kabul. They have captured Farah.", []),
    ("The Taliban took Farah, and officials contributed troops to retake it.", []),
    # a link block's bare heading, as scraped pages give it
    (
        "Farah fell.\nREAD MORE\nTaliban take Kunduz\nThe city is calm.",
        ["READ MORE", "Taliban take Kunduz"],
    ),
    (
        "Keep reading\nlist of 2 items\nlist 1 of 2\nTaliban take Kunduz\nend of list\nKunduz fell",
        ["Keep reading", "list of 2 items", "list 1 of 2", "Taliban take Kunduz", "end of list"],
    ),
    (
        "AP RELATED\nTaliban seize Zaranj, officials say",
        ["AP RELATED", "Taliban seize Zaranj, officials say"],
    ),
    # the same headings with a colon hold their link
    ("Keep reading: Taliban take Kunduz\nThe city fell.", ["Keep reading: Taliban take Kunduz"]),
    # a heading word that opens reporting is no link block
    ("Read more about the fall of Farah.\nKunduz fell.", []),
    ("Most read stories said Farah fell.", []),
    # a newsletter's reading list
    (
        "Farah fell.\nWhat we're reading:\n- How the Taliban took Imam Sahib (long read)",
        ["What we're reading:", "- How the Taliban took Imam Sahib (long read)"],
    ),
    ("Further reading:\nTaliban take Kunduz", ["Further reading:", "Taliban take Kunduz"]),
    ("What we are reading about the fall of Farah is grim.", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), FURNITURE)
def test_furniture_lines(text: str, expected: list[str]) -> None:
    assert [text[start:end] for start, end in furniture_lines(text)] == expected
