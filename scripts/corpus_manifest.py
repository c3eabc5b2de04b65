"""Write corpus/<name>.manifest.json: every article file of a bundled corpus with its checksum.

The bundled corpus is copied verbatim from the client's seed corpus; this manifest lets
tests prove the files are the ones recorded. Run from the repo root:

    python scripts/corpus_manifest.py corpus/afghanistan-2021 [--from SEED_DIR]

With --from, the article files are first copied from SEED_DIR (names kept).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
from pathlib import Path

ARTICLE_SUFFIXES = (".txt", ".md", ".jsonl", ".csv")


def build_manifest(corpus_dir: Path) -> dict:
    articles = sorted(p for p in corpus_dir.rglob("*") if p.suffix in ARTICLE_SUFFIXES)
    return {
        "corpus": corpus_dir.name,
        "files": {
            str(p.relative_to(corpus_dir)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in articles
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus_dir", type=Path)
    parser.add_argument("--from", dest="seed_dir", type=Path, help="copy articles from here first")
    args = parser.parse_args()
    if args.seed_dir:
        args.corpus_dir.mkdir(parents=True, exist_ok=True)
        for src in sorted(args.seed_dir.iterdir()):
            if src.suffix in ARTICLE_SUFFIXES:
                shutil.copyfile(src, args.corpus_dir / src.name)
    manifest = build_manifest(args.corpus_dir)
    out = args.corpus_dir.with_name(f"{args.corpus_dir.name}.manifest.json")
    out.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
