"""Vendor Leaflet from the npm registry so the map renders with no internet.

folium's templates expect the Leaflet version pinned below. Run from the repo root:

    python scripts/vendor_leaflet.py            # fetches with `npm pack leaflet@VERSION`
    python scripts/vendor_leaflet.py --tarball leaflet-1.9.3.tgz

It writes geo/static/leaflet/ (leaflet.js, leaflet.css, images/, LICENSE) and PROVENANCE.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import tarfile
import tempfile
from pathlib import Path

from npm_fetch import npm_pack

LEAFLET_VERSION = "1.9.3"
DEST = Path(__file__).resolve().parents[1] / "geo" / "static" / "leaflet"
KEEP = (
    "dist/leaflet.js",
    "dist/leaflet.css",
    "dist/images/layers.png",
    "dist/images/layers-2x.png",
    "dist/images/marker-icon.png",
    "dist/images/marker-icon-2x.png",
    "dist/images/marker-shadow.png",
    "LICENSE",
)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def vendor(tarball: Path) -> dict:
    if DEST.exists():
        shutil.rmtree(DEST)
    with tarfile.open(tarball) as tar, tempfile.TemporaryDirectory() as tmp:
        tar.extractall(tmp, filter="data")
        for rel in KEEP:
            src = Path(tmp) / "package" / rel
            dst = DEST / rel.removeprefix("dist/")
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dst)
    files = sorted(p for p in DEST.rglob("*") if p.is_file() and p.name != "PROVENANCE.json")
    provenance = {
        "package": "leaflet",
        "version": LEAFLET_VERSION,
        "source": f"npm registry package leaflet@{LEAFLET_VERSION} (npm pack)",
        "licence": "BSD-2-Clause (see LICENSE)",
        "tarball_sha256": _sha256(tarball),
        "rebuild": "python scripts/vendor_leaflet.py",
        "files": {str(p.relative_to(DEST)): _sha256(p) for p in files},
    }
    (DEST / "PROVENANCE.json").write_text(json.dumps(provenance, indent=2) + "\n")
    return provenance


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tarball", type=Path, help="a leaflet .tgz already downloaded")
    args = parser.parse_args()
    if args.tarball:
        vendor(args.tarball.resolve())
        return
    with tempfile.TemporaryDirectory() as tmp:
        vendor(npm_pack(f"leaflet@{LEAFLET_VERSION}", Path(tmp)))


if __name__ == "__main__":
    main()
