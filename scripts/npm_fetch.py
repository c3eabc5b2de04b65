"""Fetch a package tarball from the npm registry with the ordinary `npm pack` client.

Shared by the rebuild scripts that vendor data or assets from npm packages.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


def npm_pack(spec: str, workdir: Path) -> Path:
    """Download ``spec`` (e.g. ``"leaflet@1.9.3"``) into ``workdir``; return the tarball."""
    out = subprocess.run(
        ["npm", "pack", spec, "--silent"],
        cwd=workdir,
        check=True,
        capture_output=True,
        text=True,
    )
    return workdir / out.stdout.strip().splitlines()[-1]
