"""Bundled province polygons, checked where they are loaded.

``provinces("AF")`` gives one row per ISO 3166-2 province (EPSG:4326) with its English
display name, ISO name and capital; ``provinces_geojson("AF")`` gives the same shapes as a
plain GeoJSON dict for folium. Files are package data (``geo/data/<cc>_provinces*.geojson``,
built by ``scripts/build_boundaries.py``); capitals come from ``geo/data/<cc>_gazetteer.tsv``.
Both are parsed once and cached; callers get copies, so they cannot change the cache.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from importlib.abc import Traversable
from typing import TYPE_CHECKING, Any, NoReturn

import pycountry
import shapely
from shapely.geometry import shape

if TYPE_CHECKING:  # imported where used: provinces_geojson (the app's map) needs neither
    import geopandas
    import pandas as pd

__all__ = [
    "COLUMNS",
    "CRS",
    "BoundaryDataError",
    "boundary_file_name",
    "clear_cache",
    "provinces",
    "provinces_geojson",
]

CRS = "EPSG:4326"
COLUMNS = ("iso", "name", "iso_name", "capital", "capital_lon", "capital_lat", "geometry")
FEATURE_PROPERTIES = ("iso", "name", "iso_name")
GEOJSON_PROPERTIES = ("iso", "name")  # what the map needs; keeps the folium payload small
POLYGON_TYPES = frozenset({"Polygon", "MultiPolygon"})
# GeoJSON is WGS 84 lon/lat by definition (RFC 7946); older files may still say so explicitly.
WGS84_CRS_NAMES = frozenset(
    {"urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:EPSG::4326", "EPSG:4326"}
)
CAPITAL_KIND = "capital"
REBUILD_HINT = "rebuild with: python scripts/build_boundaries.py --country {country}"
GAZETTEER_HINT = "capitals are read from the country's gazetteer table (iso, name, kind, lat, lon)"


class BoundaryDataError(Exception):
    """A bundled boundary or gazetteer file is missing or does not hold what it must."""


# ---------------------------------------------------------------- public API


def provinces(country: str = "AF", *, display: bool = False) -> geopandas.GeoDataFrame:
    """One row per province of ``country``, sorted by ISO code, in EPSG:4326.

    Columns: ``iso``, ``name`` (English display name), ``iso_name``, ``capital``,
    ``capital_lon``, ``capital_lat``, ``geometry``. ``display=True`` gives the simplified
    copy meant for drawing (neighbours still share edges exactly); the default full
    resolution is the one to use for point-in-polygon.
    """
    return _provinces(_country_code(country), display).copy()


def provinces_geojson(country: str = "AF", *, display: bool = True) -> dict[str, Any]:
    """The polygons as a GeoJSON FeatureCollection dict with properties ``iso`` and ``name``.

    A fresh dict on every call (folium writes styles into the features it is given).
    """
    return json.loads(_geojson_text(_country_code(country), display))


def boundary_file_name(country: str, *, display: bool = False) -> str:
    """'AF' -> 'af_provinces.geojson' (or 'af_provinces_display.geojson')."""
    suffix = "_display" if display else ""
    return f"{country.lower()}_provinces{suffix}.geojson"


def clear_cache() -> None:
    """Forget parsed files, e.g. after rebuilding them in a running process."""
    _provinces.cache_clear()
    _geojson_text.cache_clear()
    _collection.cache_clear()


# ---------------------------------------------------------------- pure core


def iso_subdivisions(country: str) -> frozenset[str]:
    """Top-level ISO 3166-2 codes of ``country`` (provinces, not their districts)."""
    subs = pycountry.subdivisions.get(country_code=country) or []
    return frozenset(s.code for s in subs if s.parent_code is None)


def check_collection(collection: Any, *, country: str, source: str) -> None:
    """Raise ``BoundaryDataError`` unless ``collection`` holds each province once, validly."""
    if not isinstance(collection, Mapping) or collection.get("type") != "FeatureCollection":
        _fail(source, "not a GeoJSON FeatureCollection")
    _check_crs(collection.get("crs"), source=source)
    features = collection.get("features")
    if not isinstance(features, list) or not features:
        _fail(source, "has no features")
    codes = [
        _checked_feature(feature, index=i, source=source) for i, feature in enumerate(features)
    ]
    check_codes(codes, iso_subdivisions(country), source=source)


def check_codes(codes: Sequence[str], expected: Iterable[str], *, source: str) -> None:
    """Each ISO subdivision exactly once and nothing else."""
    expected = set(expected)
    duplicated = sorted({c for c in codes if codes.count(c) > 1})
    missing = sorted(expected - set(codes))
    unknown = sorted(set(codes) - expected)
    if duplicated or missing or unknown:
        reason = f"ISO codes duplicated {duplicated}, missing {missing}, unknown {unknown}"
        _fail(source, reason)


def capital_rows(text: str) -> list[dict[str, str | None]]:
    """The rows of kind ``capital`` of a gazetteer table (TSV text), as read: no pandas, so
    the app's live map can take its capitals from here without waiting for it."""
    rows = csv.DictReader(io.StringIO(text), delimiter="\t")
    return [row for row in rows if (row.get("kind") or "").strip() == CAPITAL_KIND]


def capitals_from_tsv(text: str, *, source: str) -> pd.DataFrame:
    """The gazetteer's capital rows: one per ISO code, columns iso/capital/capital_lon/lat."""
    import pandas as pd

    capitals = capital_rows(text)
    if not capitals:
        _fail(source, f"has no rows of kind {CAPITAL_KIND!r}")
    records = [_capital_record(row, source=source) for row in capitals]
    frame = pd.DataFrame.from_records(
        records, columns=["iso", "capital", "capital_lon", "capital_lat"]
    )
    duplicated = sorted(set(frame.loc[frame["iso"].duplicated(), "iso"]))
    if duplicated:
        _fail(source, f"has more than one capital for {duplicated}")
    return frame


def frame_from_collection(
    collection: Mapping[str, Any], capitals: pd.DataFrame, *, source: str
) -> geopandas.GeoDataFrame:
    """Provinces joined with their capitals, in ``COLUMNS`` order, sorted by ISO code."""
    import geopandas

    frame = geopandas.GeoDataFrame.from_features(collection["features"], crs=CRS)
    joined = frame.merge(capitals, on="iso", how="left", validate="one_to_one")
    without = sorted(joined.loc[joined["capital"].isna(), "iso"])
    if without:
        _fail(source, f"no capital in the gazetteer for {without}")
    ordered = joined.loc[:, list(COLUMNS)].sort_values("iso", ignore_index=True)
    return geopandas.GeoDataFrame(ordered, geometry="geometry", crs=CRS)


def geojson_text(collection: Mapping[str, Any]) -> str:
    """Compact GeoJSON with only the properties the map needs."""
    features = [
        {
            "type": "Feature",
            "properties": {key: f["properties"][key] for key in GEOJSON_PROPERTIES},
            "geometry": f["geometry"],
        }
        for f in sorted(collection["features"], key=lambda f: f["properties"]["iso"])
    ]
    document = {"type": "FeatureCollection", "features": features}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def _checked_feature(feature: Any, *, index: int, source: str) -> str:
    where = f"feature {index}"
    properties = feature.get("properties") if isinstance(feature, Mapping) else None
    if not isinstance(properties, Mapping):
        _fail(source, f"{where} has no properties")
    absent = [key for key in FEATURE_PROPERTIES if not isinstance(properties.get(key), str)]
    if absent:
        _fail(source, f"{where} lacks text properties {absent}")
    where = f"{where} ({properties['iso']})"
    geometry = _checked_geometry(feature.get("geometry"), where=where, source=source)
    xmin, ymin, xmax, ymax = geometry.bounds
    if not (-180 <= xmin <= xmax <= 180 and -90 <= ymin <= ymax <= 90):
        _fail(source, f"{where} has coordinates outside lon/lat ranges: not EPSG:4326?")
    return properties["iso"]


def _checked_geometry(geometry: Any, *, where: str, source: str) -> shapely.Geometry:
    if not isinstance(geometry, Mapping) or geometry.get("type") not in POLYGON_TYPES:
        _fail(source, f"{where} is not a Polygon or MultiPolygon")
    try:
        shp = shape(geometry)
    except (ValueError, TypeError, IndexError, KeyError, AttributeError) as exc:
        _fail(source, f"{where} has unreadable coordinates ({exc})")
    if shp.is_empty:
        _fail(source, f"{where} is empty")
    if not shp.is_valid:
        _fail(source, f"{where} is invalid: {shapely.is_valid_reason(shp)}")
    return shp


def _check_crs(crs: Any, *, source: str) -> None:
    if crs is None:
        return
    name = crs.get("properties", {}).get("name") if isinstance(crs, Mapping) else None
    if name not in WGS84_CRS_NAMES:
        _fail(source, f"declares CRS {name!r}, expected {CRS}")


def _capital_record(row: Mapping[str, str | None], *, source: str) -> tuple[str, str, float, float]:
    iso, name = (row.get("iso") or "").strip(), (row.get("name") or "").strip()
    try:
        lat, lon = float(row.get("lat") or "nan"), float(row.get("lon") or "nan")
    except ValueError:
        lat = lon = math.nan
    if not iso or not name or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        _fail(source, f"capital row {dict(row)!r} needs iso, name and lat/lon in range")
    return iso, name, lon, lat


def _fail(source: str, reason: str) -> NoReturn:
    msg = f"{source}: {reason}"
    raise BoundaryDataError(msg)


def _country_code(country: str) -> str:
    code = country.strip().upper()
    if pycountry.countries.get(alpha_2=code) is None:
        msg = f"{country!r} is not an ISO 3166-1 alpha-2 country code"
        raise BoundaryDataError(msg)
    return code


# ---------------------------------------------------------------- package data (I/O edge)


def _data_root() -> Traversable:
    return resources.files(__package__ or "geo") / "data"


def _read_text(name: str, *, hint: str) -> str:
    path = _data_root() / name
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        _fail(name, f"missing from the package data; {hint}")
    except (OSError, UnicodeDecodeError) as exc:
        _fail(name, f"unreadable ({exc})")


@functools.lru_cache(maxsize=8)
def _collection(country: str, display: bool) -> Mapping[str, Any]:
    name = boundary_file_name(country, display=display)
    text = _read_text(name, hint=REBUILD_HINT.format(country=country))
    try:
        collection = json.loads(text)
    except json.JSONDecodeError as exc:
        _fail(name, f"is not valid JSON ({exc})")
    check_collection(collection, country=country, source=name)
    return collection


@functools.lru_cache(maxsize=8)
def _provinces(country: str, display: bool) -> geopandas.GeoDataFrame:
    collection = _collection(country, display)  # the polygons first: their error says more
    gazetteer = f"{country.lower()}_gazetteer.tsv"
    capitals = capitals_from_tsv(_read_text(gazetteer, hint=GAZETTEER_HINT), source=gazetteer)
    return frame_from_collection(collection, capitals, source=gazetteer)


@functools.lru_cache(maxsize=8)
def _geojson_text(country: str, display: bool) -> str:
    return geojson_text(_collection(country, display))
