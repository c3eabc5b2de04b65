"""A small stand-in with the interface of ``geo.gazetteer.Gazetteer`` (``find``, ``resolve``).

Extraction tests use the real gazetteer when it is importable; this keeps them runnable and
independent of the gazetteer's data while it changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Place:
    iso: str
    province: str
    name: str
    kind: str
    lat: float = 0.0
    lon: float = 0.0


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    text: str
    place: Place


# iso, province, capital names, district names
_TABLE: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("AF-BDS", "Badakhshan", ("Faizabad", "Fayzabad"), ("Ishkashim", "Baharak", "Jurm")),
    ("AF-BDG", "Badghis", ("Qala-e Naw", "Qala-i-Naw", "Qala-e-Naw", "Qala i Naw"), ()),
    ("AF-BGL", "Baghlan", ("Pul-e-Khumri", "Pul-i-Khumri", "Puli Khumri"), ("Dand-e-Ghori",)),
    ("AF-BAL", "Balkh", ("Mazar-i-Sharif", "Mazar-e Sharif", "Mazar-e-Sharif"), ("Hairatan",)),
    ("AF-BAM", "Bamyan", ("Bamiyan",), ()),
    ("AF-DAY", "Daykundi", ("Nili",), ()),
    ("AF-FRA", "Farah", ("Farah city", "Farah"), ()),
    ("AF-FYB", "Faryab", ("Maimana", "Maymana"), ("Andkhoy",)),
    ("AF-GHA", "Ghazni", ("Ghazni",), ("Jaghori", "Malistan")),
    ("AF-GHO", "Ghor", ("Firozkoh", "Chaghcharan"), ()),
    ("AF-HEL", "Helmand", ("Lashkar Gah", "Lashkargah"), ("Musa Qala", "Nad Ali", "Gereshk")),
    ("AF-HER", "Herat", ("Herat",), ("Islam Qala", "Torghundi", "Shindand", "Karukh")),
    ("AF-JOW", "Jowzjan", ("Sheberghan", "Shibirghan", "Shebergan"), ()),
    ("AF-KAB", "Kabul", ("Kabul",), ()),
    ("AF-KAN", "Kandahar", ("Kandahar",), ("Spin Boldak", "Panjwai", "Arghandab")),
    ("AF-KAP", "Kapisa", ("Mahmud-i-Raqi",), ()),
    ("AF-KHO", "Khost", ("Khost",), ()),
    ("AF-KNR", "Kunar", ("Asadabad",), ()),
    ("AF-KDZ", "Kunduz", ("Kunduz",), ("Imam Sahib", "Sher Khan Bandar", "Khan Abad")),
    ("AF-LAG", "Laghman", ("Mehtarlam", "Mihtarlam"), ()),
    ("AF-LOG", "Logar", ("Puli-e Alim", "Pul-e Alam", "Pul-i-Alam", "Puli Alam"), ()),
    ("AF-NAN", "Nangarhar", ("Jalalabad",), ()),
    ("AF-NIM", "Nimruz", ("Zaranj",), ()),
    ("AF-NUR", "Nuristan", ("Parun",), ()),
    ("AF-PIA", "Paktiya", ("Gardez",), ()),
    ("AF-PKA", "Paktika", ("Sharana",), ()),
    ("AF-PAN", "Panjshir", ("Bazarak",), ()),
    ("AF-PAR", "Parwan", ("Charikar",), ()),
    ("AF-SAM", "Samangan", ("Aybak", "Aibak"), ()),
    ("AF-SAR", "Sar-e Pul", ("Sar-e-Pul", "Sar-i-Pul", "Sari Pul"), ()),
    ("AF-TAK", "Takhar", ("Taloqan", "Taluqan"), ()),
    ("AF-URU", "Uruzgan", ("Tirin Kot", "Tarinkot", "Tarin Kot"), ()),
    ("AF-WAR", "Wardak", ("Maidan Shahr", "Maydan Shahr"), ("Nerkh",)),
    ("AF-ZAB", "Zabul", ("Qalat",), ()),
)


class FakeGazetteer:
    """Longest-match, case-sensitive lookup of province, capital and district names."""

    def __init__(self) -> None:
        names: dict[str, Place] = {}
        for iso, province, capitals, districts in _TABLE:
            names[f"{province} province"] = Place(iso, province, province, "province")
            names[f"{province} Province"] = Place(iso, province, province, "province")
            for capital in capitals:
                names.setdefault(capital, Place(iso, province, capital, "capital"))
            names.setdefault(province, Place(iso, province, province, "province"))
            for district in districts:
                names[district] = Place(iso, province, district, "district")
                names[f"{district} district"] = Place(iso, province, district, "district")
        self._names = names
        ordered = sorted(names, key=len, reverse=True)
        self._pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, ordered)) + r")\b")

    def find(self, text: str) -> list[PlaceMention]:
        return [
            PlaceMention(m.start(), m.end(), m.group(0), self._names[m.group(0)])
            for m in self._pattern.finditer(text)
        ]

    def resolve(self, span: str) -> Place | None:
        return self._names.get(span.strip())


def gazetteer():
    """The real gazetteer when it loads, else the fake."""
    try:
        from geo.gazetteer import load_gazetteer
    except ImportError:
        return FakeGazetteer()
    return load_gazetteer("AF")
