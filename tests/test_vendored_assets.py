"""Vendored front-end assets: provenance recorded, files intact, version folium expects."""

from __future__ import annotations

import hashlib
import json
import re
from importlib.resources import files

import folium

LEAFLET = files("geo") / "static" / "leaflet"


def _provenance() -> dict:
    return json.loads((LEAFLET / "PROVENANCE.json").read_text(encoding="utf-8"))


def test_provenance_names_source_licence_and_rebuild():
    provenance = _provenance()
    assert provenance["package"] == "leaflet"
    assert "BSD-2-Clause" in provenance["licence"]
    assert "scripts/vendor_leaflet.py" in provenance["rebuild"]
    assert "BSD 2-Clause" in (LEAFLET / "LICENSE").read_text(encoding="utf-8")


def test_every_vendored_file_matches_its_recorded_checksum():
    recorded = _provenance()["files"]
    assert {"leaflet.js", "leaflet.css", "LICENSE"} <= set(recorded)
    for rel, digest in recorded.items():
        data = (LEAFLET / rel).read_bytes()
        assert hashlib.sha256(data).hexdigest() == digest, rel


def test_vendored_version_is_the_one_folium_templates_expect():
    folium_leaflet = dict(folium.Map.default_js)["leaflet"]
    expected = re.search(r"leaflet@([\d.]+)", folium_leaflet).group(1)
    assert _provenance()["version"] == expected
    assert f"Leaflet {expected}" in (LEAFLET / "leaflet.js").read_text(encoding="utf-8")[:400]
