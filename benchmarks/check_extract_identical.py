"""Guard for speed work on extraction: the output must not change by a single byte.

    python benchmarks/check_extract_identical.py --write BEFORE.txt   # before a change
    python benchmarks/check_extract_identical.py --against BEFORE.txt  # after it

Dumps ``repr`` of every event ``extract_events`` gives for every gold table case
(``tests/gold/*.tsv``), for the benchmark's synthetic corpora (dense and realistic) and for
case and accent rewritings of them, one line per event under a header per input, then either
writes the dump or compares it with an earlier one and names the first input whose events
differ. To compare with older code, run this script from a copy of the older tree.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.bench_extract import realistic_corpus, synthetic_corpus  # noqa: E402
from benchmarks.eval_extract import read_gold  # noqa: E402
from geo.gazetteer import load_gazetteer  # noqa: E402
from pipeline.extract import extract_events  # noqa: E402
from pipeline.records import Article  # noqa: E402

GOLD_DIR = REPO / "tests" / "gold"
DEFAULT_ARTICLES = 3000


# Rewritings of the synthetic articles that exercise the case handling of the fast paths:
# all capitals, title case, accents, and the characters that make them fall back ("ı", "İ",
# "ſ").
VARIANTS: dict[str, Callable[[str], str]] = {
    "upper": str.upper,
    "title": str.title,
    "accents": lambda text: text.replace("Kunduz", "Kündüz").replace("e ", "é "),
    "dotless-i": lambda text: "ı " + text,
    "dotted-I": lambda text: text.replace("Taliban", "TalİBAN", 1).replace("said", "SAİD"),
    "long-s": lambda text: text.replace("said", "ſaid"),
}
VARIANT_ARTICLES = 300


def inputs(count: int) -> Iterator[Article]:
    for table in sorted(GOLD_DIR.glob("*.tsv")):
        for case in read_gold(table):
            yield Article(
                article_id=f"{table.stem}:{case.case_id}", text=case.text, date=case.article_date
            )
    dense = synthetic_corpus(count)
    yield from dense
    yield from realistic_corpus(count)
    for name, rewrite in VARIANTS.items():
        for article in dense[:VARIANT_ARTICLES]:
            yield dataclasses.replace(
                article, article_id=f"{name}:{article.article_id}", text=rewrite(article.text)
            )


def dump_lines(count: int) -> Iterator[str]:
    gazetteer = load_gazetteer("AF")
    for article in inputs(count):
        yield f"## {article.article_id}"
        for event in extract_events(article, gazetteer=gazetteer):
            yield repr(event)


def first_difference(old: list[str], new: list[str]) -> str | None:
    header = "(start)"
    for old_line, new_line in zip(old, new, strict=False):
        if old_line.startswith("## "):
            header = old_line
        if old_line != new_line:
            return f"{header}\n- {old_line}\n+ {new_line}"
    if len(old) != len(new):
        return f"length differs: {len(old)} lines before, {len(new)} now"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--write", type=Path, help="save the dump here")
    target.add_argument("--against", type=Path, help="compare with this earlier dump")
    parser.add_argument("--articles", type=int, default=DEFAULT_ARTICLES)
    args = parser.parse_args(argv)
    lines = list(dump_lines(args.articles))
    if args.write is not None:
        args.write.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {len(lines)} lines to {args.write}")
        return 0
    old = args.against.read_text(encoding="utf-8").splitlines()
    difference = first_difference(old, lines)
    if difference is None:
        print(f"identical: {len(lines)} lines")
        return 0
    print(f"DIFFERENT\n{difference}")
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
