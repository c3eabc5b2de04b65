"""Hostile input (issue #5): every bad file is loaded or rejected with a reason; nothing raises."""

from __future__ import annotations

import os
import pathlib
from collections import Counter
from pathlib import Path

import pytest
from fixtures.bad_corpus import HTML_PAGE, RTL_STORY, build_bad_corpus

from corpus import Corpus, load_corpus, origin_path
from corpus.load import CSV_SUFFIXES, JSONL_SUFFIXES

MIN_KINDS_OF_BAD_FILE = 20


@pytest.fixture(scope="module")
def bad(tmp_path_factory) -> tuple[Path, dict, Corpus]:
    root = tmp_path_factory.mktemp("bad_corpus")
    expected = build_bad_corpus(root)
    return root, expected, load_corpus([root])


def _outcomes(root: Path, corpus: Corpus) -> dict[str, tuple[bool, str]]:
    """Relative origin → (loaded?, article text or rejection reason)."""
    outcomes = {}
    for article in corpus.articles:
        outcomes[Path(article.origin).relative_to(root).as_posix()] = (True, article.text)
    for rejection in corpus.rejections:
        outcomes[Path(rejection.origin).relative_to(root).as_posix()] = (False, rejection.reason)
    return outcomes


def _by_name(root: Path, corpus: Corpus, name: str):
    return next(a for a in corpus.articles if a.origin == str(root / name))


def test_fixture_has_enough_kinds_of_bad_file(bad):
    _, expected, _ = bad
    assert len({origin_path(origin) for origin in expected}) >= MIN_KINDS_OF_BAD_FILE


def test_every_fixture_file_is_loaded_or_rejected_as_expected(bad):
    root, expected, corpus = bad
    outcomes = _outcomes(root, corpus)
    assert set(outcomes) == set(expected)
    wrong = {
        origin: outcomes[origin]
        for origin, want in expected.items()
        if outcomes[origin][0] != want.loaded or want.snippet not in outcomes[origin][1]
    }
    assert wrong == {}


def _entries_on_disk(root: Path) -> set[str]:
    """Every file, symlink and hidden folder under root, without following links."""
    entries = set()
    for folder, dirs, names in os.walk(root):
        for name in names:
            entries.add(os.path.join(folder, name))
        for name in list(dirs):
            path = os.path.join(folder, name)
            if os.path.islink(path) or name.startswith("."):
                entries.add(path)
                dirs.remove(name)
    return entries


def test_accounting_every_file_appears_exactly_once(bad):
    root, _, corpus = bad
    origins = [a.origin for a in corpus.articles] + [r.origin for r in corpus.rejections]
    assert len(origins) == len(set(origins))
    per_file = Counter(origin_path(origin) for origin in origins)
    assert set(per_file) == _entries_on_disk(root)
    table_suffixes = CSV_SUFFIXES | JSONL_SUFFIXES
    repeated = {path for path, count in per_file.items() if count > 1}
    assert all(Path(path).suffix in table_suffixes for path in repeated)


def test_rejection_reasons_are_one_line(bad):
    _, _, corpus = bad
    for rejection in corpus.rejections:
        assert rejection.reason
        assert "\n" not in rejection.reason


def test_article_ids_are_unique(bad):
    _, _, corpus = bad
    ids = [article.article_id for article in corpus.articles]
    assert len(ids) == len(set(ids))
    assert {"same.txt", "b/same.txt"} <= set(ids)


def test_html_scripts_styles_and_navigation_never_reach_the_text(bad):
    root, _, corpus = bad
    for name in ("page_saved_as.txt", "page.html"):
        article = _by_name(root, corpus, name)
        for junk in ("SCRIPTJUNK", "STYLEJUNK", "color: red", "<p>", "&ldquo;", "Cookie policy"):
            assert junk not in article.text, (name, junk)
        assert "officials said “it fell”" in article.text
        assert article.title.startswith(("Farah falls to the Taliban & allies", "Zaranj"))
    assert "SCRIPTJUNK" in HTML_PAGE  # the check above is not vacuous


def test_smart_quotes_bom_and_rtl_come_out_right(bad):
    root, _, corpus = bad
    assert _by_name(root, corpus, "cp1252.txt").text.startswith("The Taliban’s “victory”")
    assert _by_name(root, corpus, "utf8_bom.txt").text.startswith("The Taliban")
    assert _by_name(root, corpus, "utf16_bom.txt").text.startswith("The Taliban")
    assert _by_name(root, corpus, "rtl_mixed.txt").text == RTL_STORY.strip()
    assert "\x00" not in _by_name(root, corpus, "few_nuls.txt").text


@pytest.mark.parametrize(
    "name",
    [
        "date_feb30.txt",
        "date_unknown.txt",
        "date_yesterday.txt",
        "date_month13.txt",
        "date_future.txt",
        "date_ancient.txt",
    ],
)
def test_invalid_header_dates_leave_the_article_undated_with_a_warning(bad, name):
    root, _, corpus = bad
    article = _by_name(root, corpus, name)
    assert article.date is None
    assert article.source == "AFP"
    assert any("header date" in warning for warning in article.warnings)


def test_extra_table_columns_are_kept_in_meta(bad):
    root, _, corpus = bad
    by_origin = {article.origin: article for article in corpus.articles}
    assert by_origin[f"{root / 'rows.csv'}#1"].meta == (("region", "west"),)
    assert by_origin[f"{root / 'rows.jsonl'}#1"].meta == (("extra", "kept"),)
    assert by_origin[f"{root / 'rows.jsonl'}#2"].article_id == "rows.jsonl#2"


def test_unreadable_file_is_rejected_when_open_fails(tmp_path, monkeypatch):
    (tmp_path / "locked.txt").write_text("Herat fell.", encoding="utf-8")
    (tmp_path / "open.txt").write_text("Farah fell.", encoding="utf-8")
    real_open = pathlib.Path.open

    def refuse_locked(self, *args, **kwargs):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", refuse_locked)
    corpus = load_corpus([tmp_path])
    assert [article.article_id for article in corpus.articles] == ["open.txt"]
    assert [(Path(r.origin).name, r.reason) for r in corpus.rejections] == [
        ("locked.txt", "permission denied")
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_is_rejected_for_real(tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text("Herat fell.", encoding="utf-8")
    locked.chmod(0)
    try:
        corpus = load_corpus([tmp_path])
    finally:
        locked.chmod(0o644)
    assert corpus.articles == ()
    assert corpus.rejections[0].reason == "permission denied"


def test_unreadable_folder_is_rejected(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Herat fell.", encoding="utf-8")
    real_scandir = os.scandir

    def refuse_sub(path):
        if Path(path).name == "sub":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refuse_sub)
    corpus = load_corpus([tmp_path])
    assert corpus.articles == ()
    assert corpus.rejections[0].reason == "folder unreadable (Permission denied)"
