"""The bundled corpus is exactly the files its manifest records, with a provenance note."""

from __future__ import annotations

import hashlib
import json
from importlib.resources import files

CORPUS = files("corpus")


def test_manifest_matches_every_bundled_article():
    manifest = json.loads((CORPUS / "afghanistan-2021.manifest.json").read_text("utf-8"))
    folder = CORPUS / "afghanistan-2021"
    on_disk = sorted(entry.name for entry in folder.iterdir() if entry.is_file())
    assert on_disk == sorted(manifest["files"])
    for name, digest in manifest["files"].items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name


def test_provenance_note_names_origin_licence_and_rebuild():
    note = (CORPUS / "PROVENANCE.md").read_text("utf-8")
    for needle in ("Origin", "Licence", "scripts/corpus_manifest.py", "manifest"):
        assert needle in note
