"""Every place the five seed articles name is found, at its offsets, with the right province.

The expected lists were written by reading each article (the order is the order in the text);
names that are not Afghan provinces (Doha, Qatar, Moscow ...) must not be found at all.
"""

from __future__ import annotations

import re
from importlib import resources

import pytest

from geo.gazetteer import load_gazetteer

CORPUS = resources.files("corpus") / "afghanistan-2021"

CAPITAL, PROVINCE, TOWN = "capital", "province", "town"

# article file → every mention in reading order: (text as written, ISO code, kind)
EXPECTED: dict[str, list[tuple[str, str, str]]] = {
    "000_9369235446af2853.txt": [
        ("Kabul", "AF-KAB", CAPITAL),
        ("Farah city", "AF-FRA", CAPITAL),
        ("Farah province", "AF-FRA", PROVINCE),
        ("Farah", "AF-FRA", CAPITAL),  # "Farah’s provincial council"
        ("Mazar-i-Sharif", "AF-BAL", CAPITAL),
        ("Kandahar", "AF-KAN", CAPITAL),
        ("Helmand", "AF-HEL", PROVINCE),
    ],
    "001_6d516364968914d7.txt": [
        ("Farah", "AF-FRA", CAPITAL),  # "city of Farah"
        ("Farah", "AF-FRA", CAPITAL),  # "the provincial capital of Farah"
        ("Farah", "AF-FRA", CAPITAL),  # "entered the city of Farah"
        ("Farah", "AF-FRA", CAPITAL),  # "Farah’s provincial council"
        ("Farah", "AF-FRA", PROVINCE),  # "the southwestern province of Farah"
        ("Farah", "AF-FRA", CAPITAL),
        ("Nimruz province", "AF-NIM", PROVINCE),
        ("Farah", "AF-FRA", CAPITAL),
        ("Mazar-e Sharif", "AF-BAL", CAPITAL),
        ("Balkh province", "AF-BAL", PROVINCE),
        ("Lashkar Gah", "AF-HEL", CAPITAL),
        ("Helmand", "AF-HEL", PROVINCE),
        ("Kandahar", "AF-KAN", CAPITAL),
        ("Farah", "AF-FRA", CAPITAL),
        ("Kabul", "AF-KAB", CAPITAL),
        ("Kabul", "AF-KAB", CAPITAL),
        ("Kabul", "AF-KAB", CAPITAL),
    ],
    "002_3d9f91c605cd7269.txt": [
        ("Kabul", "AF-KAB", CAPITAL),
        ("Helmand", "AF-HEL", PROVINCE),  # "Helmand’s provincial capital"
        ("Lashkar Gah", "AF-HEL", CAPITAL),
        ("Zabul province", "AF-ZAB", PROVINCE),
        ("Qalat", "AF-ZAB", CAPITAL),
        ("Uruzgan province", "AF-URU", PROVINCE),
        ("Tirin Kot", "AF-URU", CAPITAL),
        ("Kabul", "AF-KAB", CAPITAL),
        ("Kandahar", "AF-KAN", CAPITAL),
        ("Kabul", "AF-KAB", CAPITAL),
        ("Kabul", "AF-KAB", CAPITAL),
        ("Qala-e Naw", "AF-BDG", CAPITAL),
        ("Badghis province", "AF-BDG", PROVINCE),
        ("Logar province", "AF-LOG", PROVINCE),
        ("Kabul", "AF-KAB", CAPITAL),
        ("Puli-e Alim", "AF-LOG", CAPITAL),
        ("Kabul", "AF-KAB", CAPITAL),
    ],
    "003_4cc2ecb11d2e0912.txt": [
        ("Kabul", "AF-KAB", CAPITAL),
        ("Kabul", "AF-KAB", CAPITAL),
        ("Farah city", "AF-FRA", CAPITAL),
        ("Pul-e-Khumri", "AF-BGL", CAPITAL),
        ("Baghlan", "AF-BGL", PROVINCE),
        ("Baghlan", "AF-BGL", PROVINCE),  # "entered Baghlan"
        ("Baghlan", "AF-BGL", PROVINCE),  # "Baghlan MP"
        ("Mazar-i-Sharif", "AF-BAL", CAPITAL),
        ("Kandahar", "AF-KAN", CAPITAL),
        ("Helmand", "AF-HEL", PROVINCE),
        # the article's "Sheberghan province": no such province, the capital of Jowzjan
        ("Sheberghan province", "AF-JOW", CAPITAL),
        ("Kabul", "AF-KAB", CAPITAL),
    ],
    "004_9bb7beb57c217340.txt": [
        ("Kandahar", "AF-KAN", CAPITAL),  # "the southern city of Kandahar"
        ("Kandahar", "AF-KAN", CAPITAL),
        ("Kandahar", "AF-KAN", CAPITAL),
        ("Herat", "AF-HER", CAPITAL),
        ("Ghazni", "AF-GHA", CAPITAL),
        ("Ghazni", "AF-GHA", CAPITAL),  # "the city of Ghazni"
        ("Kabul", "AF-KAB", CAPITAL),
        ("Kabul", "AF-KAB", CAPITAL),
        ("Kabul", "AF-KAB", CAPITAL),
        ("Kabul airport", "AF-KAB", TOWN),
    ],
}

NOT_PLACES = (
    "Afghanistan",
    "Afghan",
    "Afghans",
    "Doha",
    "Qatar",
    "Tajikistan",
    "Iran",
    "Pakistan",
    "Uzbekistan",
    "Moscow",
    "Russia",
    "Russian",
    "Washington",
    "Pentagon",
    "China",
    "Britain",
    "Canada",
    "Taliban",
    "Pashto",
    "Central Asia",
    "Al Jazeera",
    "Great Mosque",
)


def _article(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")


def _expected_spans(text: str, expected: list[tuple[str, str, str]]) -> list[tuple]:
    """Offsets of the expected mentions, each searched after the previous one."""
    spans, position = [], 0
    for surface, iso, kind in expected:
        start = text.index(surface, position)
        spans.append((start, start + len(surface), surface, iso, kind))
        position = start + len(surface)
    return spans


def test_the_table_covers_every_seed_article():
    assert sorted(EXPECTED) == sorted(path.name for path in CORPUS.iterdir())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_article_places_found_at_their_offsets(name):
    text = _article(name)
    found = [
        (m.start, m.end, m.text, m.place.iso, m.place.kind) for m in load_gazetteer("AF").find(text)
    ]
    assert found == _expected_spans(text, EXPECTED[name])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_article_non_places_are_not_found(name):
    text = _article(name)
    mentions = load_gazetteer("AF").find(text)
    for word in NOT_PLACES:
        for hit in re.finditer(rf"\b{re.escape(word)}\b", text):
            overlapping = [m.text for m in mentions if m.start < hit.end() and hit.start() < m.end]
            assert overlapping == [], (word, hit.start())


@pytest.mark.parametrize(
    ("span", "iso"),
    sorted({(surface, iso) for mentions in EXPECTED.values() for surface, iso, _ in mentions}),
)
def test_seed_place_spans_resolve_on_their_own(span, iso):
    assert load_gazetteer("AF").resolve(span).iso == iso
