"""Evaluation gate for extraction: per-status precision/recall/F1 and date accuracy.

Scores ``pipeline.extract.extract_events`` over gold tables of (text, article date →
expected events), in the style of trafilatura's evaluation: one number per status, pinned as
floors in ``tests/test_extract_gold.py::test_f1_floors``.

    python benchmarks/eval_extract.py [tests/gold/extract_sentences.tsv ...]

A gold row: ``id, article_date, text, expected, xfail`` (tab-separated, ``#`` comments);
``expected`` is ``ISO:status:DATE;...`` where DATE is ``YYYY-MM-DD``, ``<=YYYY-MM-DD`` (on or
before) or ``?`` (no date); ``\\n`` in text is a paragraph break.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from pipeline.extract import GazetteerLike, extract_events  # noqa: E402
from pipeline.records import Article, Event, Precision, Status  # noqa: E402

DEFAULT_GOLD = REPO / "tests" / "gold" / "extract_sentences.tsv"
SCORED_STATUSES: tuple[Status, ...] = (
    Status.CAPTURED,
    Status.CLAIMED,
    Status.CONTESTED,
    Status.RETAKEN,
)
NO_DATE = "?"
ON_OR_BEFORE_PREFIX = "<="


class GoldFormatError(ValueError):
    """A gold table row that cannot be read."""


@dataclass(frozen=True, slots=True)
class GoldCase:
    case_id: str
    article_date: dt.date | None
    text: str
    expected: tuple[tuple[str, str, str], ...]  # (iso, status, date string)
    xfail: str = ""


@dataclass(slots=True)
class Counts:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positive + self.false_negative
        return self.true_positive / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass(slots=True)
class Report:
    by_status: dict[Status, Counts] = field(
        default_factory=lambda: {status: Counts() for status in SCORED_STATUSES}
    )
    dates_right: int = 0
    dates_scored: int = 0
    cases: int = 0

    @property
    def date_accuracy(self) -> float:
        return self.dates_right / self.dates_scored if self.dates_scored else 1.0


GOLD_HEADER = ("id", "article_date", "text", "expected", "xfail")


def read_gold(path: Path) -> list[GoldCase]:
    """Read one gold table."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = csv.reader(
        (line for line in lines if not line.startswith("#")), delimiter="\t", quoting=csv.QUOTE_NONE
    )
    cases: list[GoldCase] = []
    for number, row in enumerate(rows):
        if number == 0:
            if row[:1] != [GOLD_HEADER[0]]:
                # a table without its header would silently lose its first case
                msg = f"{path.name}: first row {row[:1]!r} is not the header {GOLD_HEADER!r}"
                raise GoldFormatError(msg)
            continue
        if not row:
            continue
        if len(row) < 4:
            msg = f"{path.name}: row {row[:1]!r} has {len(row)} columns, expected 4 or 5"
            raise GoldFormatError(msg)
        case_id, date_text, text, expected = row[:4]
        xfail = row[4] if len(row) > 4 else ""
        article_date = None if date_text.strip() in ("", "-") else dt.date.fromisoformat(date_text)
        cases.append(
            GoldCase(
                case_id,
                article_date,
                text.replace("\\n", "\n\n"),
                _parse_expected(expected, case_id),
                xfail.strip(),
            )
        )
    return cases


def _parse_expected(field_text: str, case_id: str) -> tuple[tuple[str, str, str], ...]:
    expected = []
    for item in filter(None, (part.strip() for part in field_text.split(";"))):
        parts = item.split(":")
        if len(parts) != 3 or parts[1] not in {s.value for s in SCORED_STATUSES}:
            msg = f"case {case_id}: cannot read expected event {item!r}"
            raise GoldFormatError(msg)
        expected.append((parts[0], parts[1], parts[2]))
    return tuple(expected)


def date_label(event: Event) -> str:
    """How a gold table writes an event's date."""
    if event.event_date is None or event.date_precision is Precision.UNKNOWN:
        return NO_DATE
    prefix = ON_OR_BEFORE_PREFIX if event.date_precision is Precision.ON_OR_BEFORE else ""
    return prefix + event.event_date.isoformat()


def predict(case: GoldCase, *, gazetteer: GazetteerLike) -> list[Event]:
    article = Article(article_id=case.case_id, text=case.text, date=case.article_date)
    return extract_events(article, gazetteer=gazetteer)


def case_matches(case: GoldCase, events: Sequence[Event]) -> bool:
    """Exactly the expected (province, status) pairs, each with an expected date among them."""
    found = {(e.province_iso, e.status.value) for e in events}
    wanted = {(iso, status) for iso, status, _ in case.expected}
    if found != wanted:
        return False
    return all(_date_found(events, iso, status, date) for iso, status, date in case.expected)


def _date_found(events: Sequence[Event], iso: str, status: str, date: str) -> bool:
    return any(
        date_label(e) == date for e in events if e.province_iso == iso and e.status.value == status
    )


def evaluate(cases: Iterable[GoldCase], *, gazetteer: GazetteerLike) -> Report:
    """Score every case: (province, status) pairs per case, dates of the matched captures."""
    report = Report()
    for case in cases:
        report.cases += 1
        events = predict(case, gazetteer=gazetteer)
        found = {(e.province_iso, e.status.value) for e in events}
        wanted = {(iso, status) for iso, status, _ in case.expected}
        for status in SCORED_STATUSES:
            counts = report.by_status[status]
            found_s = {pair for pair in found if pair[1] == status.value}
            wanted_s = {pair for pair in wanted if pair[1] == status.value}
            counts.true_positive += len(found_s & wanted_s)
            counts.false_positive += len(found_s - wanted_s)
            counts.false_negative += len(wanted_s - found_s)
        for iso, status, date in case.expected:
            if status == Status.CAPTURED.value and (iso, status) in found:
                report.dates_scored += 1
                report.dates_right += _date_found(events, iso, status, date)
    return report


def format_report(report: Report) -> str:
    lines = [f"{report.cases} cases", f"{'status':10} {'P':>6} {'R':>6} {'F1':>6}  tp/fp/fn"]
    for status, counts in report.by_status.items():
        lines.append(
            f"{status.value:10} {counts.precision:6.3f} {counts.recall:6.3f} {counts.f1:6.3f}"
            f"  {counts.true_positive}/{counts.false_positive}/{counts.false_negative}"
        )
    lines.append(
        f"capture dates exact: {report.date_accuracy:.3f} "
        f"({report.dates_right}/{report.dates_scored})"
    )
    return "\n".join(lines)


def load_default_gazetteer() -> GazetteerLike:
    from geo.gazetteer import load_gazetteer

    return load_gazetteer("AF")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", type=Path, default=[DEFAULT_GOLD])
    parser.add_argument("--failures", action="store_true", help="print every failing case")
    args = parser.parse_args(argv)
    gazetteer = load_default_gazetteer()
    cases = [case for path in args.gold for case in read_gold(path)]
    print(format_report(evaluate(cases, gazetteer=gazetteer)))
    if args.failures:
        for case in cases:
            events = predict(case, gazetteer=gazetteer)
            if not case_matches(case, events):
                got = ";".join(f"{e.province_iso}:{e.status.value}:{date_label(e)}" for e in events)
                print(f"\n{case.case_id} {case.xfail and '[xfail] '}{case.text}")
                print(f"   want {';'.join(':'.join(x) for x in case.expected) or '-'}")
                print(f"   got  {got or '-'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
