"""Loading articles: header forms, header dates, ids, tables, folders (corpus/load.py)."""

from __future__ import annotations

import datetime as dt
import json
from importlib.resources import as_file, files
from pathlib import Path

import pytest

from corpus import decode_bytes, load_corpus, origin_path, parse_article, parse_header_date
from corpus.load import size_label

AUG13 = dt.date(2021, 8, 13)
CYRILLIC = "Кабул пал. Талибы захватили город Фарах во вторник."

# (raw text, expected date, source, title, body, meta)
HEADER_CASES = [
    pytest.param(
        " date 2021-08-13 The Taliban took Farah.\n\nMore.",
        AUG13,
        "",
        "",
        "The Taliban took Farah.\n\nMore.",
        (),
        id="inline-date-prefix",
    ),
    pytest.param(
        "date: 2021-08-13\nsource: AFP\ntitle: Farah falls\nregion: west\n\nBody.",
        AUG13,
        "AFP",
        "Farah falls",
        "Body.",
        (("region", "west"),),
        id="key-value-block",
    ),
    pytest.param(
        "Date: 13 August 2021\nPublisher: Reuters\n\nBody.",
        AUG13,
        "Reuters",
        "",
        "Body.",
        (),
        id="key-value-aliases-and-case",
    ),
    pytest.param(
        "---\ntitle: Kunduz\ndate: 2021-08-13\ntags: [north, city]\n---\n# Kunduz\n",
        AUG13,
        "",
        "Kunduz",
        "# Kunduz",
        (("tags", "north, city"),),
        id="yaml-front-matter",
    ),
    pytest.param(
        "Kabul: the Taliban entered the city.\n\nMore later.",
        None,
        "",
        "",
        "Kabul: the Taliban entered the city.\n\nMore later.",
        (),
        id="body-line-with-colon-is-not-a-header",
    ),
    pytest.param(
        "Note: officials said\nWarning: fighting continues\n\nBody.",
        None,
        "",
        "",
        "Note: officials said\nWarning: fighting continues\n\nBody.",
        (),
        id="colon-block-without-known-key-is-body",
    ),
    pytest.param(
        "date: 2021-08-13\nThe Taliban took Farah.",
        None,
        "",
        "",
        "date: 2021-08-13\nThe Taliban took Farah.",
        (),
        id="header-needs-a-blank-line-after-it",
    ),
    pytest.param(
        "The Taliban took Farah.\n\ndate: 2021-08-13\n\nMore.",
        None,
        "",
        "",
        "The Taliban took Farah.\n\ndate: 2021-08-13\n\nMore.",
        (),
        id="header-only-at-the-very-top",
    ),
    pytest.param(
        "---\n: [unclosed\n---\nBody.",
        None,
        "",
        "",
        "---\n: [unclosed\n---\nBody.",
        (),
        id="broken-front-matter-kept-as-text",
    ),
    pytest.param(
        "\ufeffdate: 2021-08-13\r\nsource: AP\r\n\r\nLine one.\r\nLine two.\r\n",
        AUG13,
        "AP",
        "",
        "Line one.\nLine two.",
        (),
        id="bom-and-crlf",
    ),
]


@pytest.mark.parametrize(("raw", "date", "source", "title", "body", "meta"), HEADER_CASES)
def test_parse_article_reads_headers(raw, date, source, title, body, meta):
    article = parse_article(raw, article_id="a", origin="o")
    assert (article.date, article.source, article.title, article.text, article.meta) == (
        date,
        source,
        title,
        body,
        meta,
    )
    assert (article.article_id, article.origin) == ("a", "o")


# (header value, expected date or None)
DATE_CASES = [
    ("2021-08-13", AUG13),
    ("2021-8-3", dt.date(2021, 8, 3)),
    ("13 August 2021", AUG13),
    ("Aug. 13, 2021", AUG13),
    ("August 13, 2021", AUG13),
    ("Friday, 13 August 2021", AUG13),
    ("2021-08-13T10:00:00Z", AUG13),
    ("2021-08-13T23:30:00-05:00", AUG13),  # the date as written, in its own time zone
    ("13/08/2021", AUG13),  # unambiguous: 13 cannot be a month
    ("'2021-08-13'", AUG13),
    ("03/08/2021", None),  # 3 August or March 8?
    ("unknown", None),
    ("yesterday", None),
    ("2021-13-45", None),
    ("2021-02-30", None),
    ("August 2021", None),  # no day: never invent one
    ("Friday", None),
    ("2021", None),
    ("", None),
    ("2999-08-13", None),
    ("2101-01-01", None),
    ("1899-12-31", None),
    ("1900-01-01", dt.date(1900, 1, 1)),
    ("2100-12-31", dt.date(2100, 12, 31)),
]


@pytest.mark.parametrize(("value", "expected"), DATE_CASES)
def test_parse_header_date(value, expected):
    date, warning = parse_header_date(value)
    assert date == expected
    assert bool(warning) == (expected is None)


@pytest.mark.parametrize("value", ["unknown", "2021-02-30", "yesterday", "3021-08-13"])
def test_bad_header_date_leaves_article_undated_with_a_warning(value):
    article = parse_article(f"date: {value}\n\nBody.", article_id="a")
    assert article.date is None
    assert article.text == "Body."
    assert len(article.warnings) == 1
    assert value in article.warnings[0]


def test_html_is_reduced_to_readable_text():
    page = (
        "<html><head><title>Kabul &amp; after</title><script>var s='SCRIPTJUNK';</script>"
        "<style>p{color:red}</style></head><body><nav><a href='/'>Home</a></nav>"
        "<article><p>The Taliban entered Kabul on Sunday &mdash; officials said the president"
        " had left the country before the insurgents reached the palace.</p></article>"
        "</body></html>"
    )
    article = parse_article(page, article_id="p")
    assert article.title == "Kabul & after"
    assert "entered Kabul on Sunday — officials" in article.text
    for junk in ("SCRIPTJUNK", "color:red", "<p>", "&mdash;"):
        assert junk not in article.text
    assert "converted from HTML" in article.warnings


# (bytes, expected text or None for binary, encoding)
DECODE_CASES = [
    pytest.param("Kabul’s “fall”".encode(), "Kabul’s “fall”", "utf-8", id="utf-8"),
    pytest.param(b"\xef\xbb\xbfKabul", "Kabul", "utf-8", id="utf-8-bom"),
    pytest.param("Kabul’s".encode("utf-16"), "Kabul’s", "utf-16-le", id="utf-16-bom"),
    pytest.param("Kabul’s".encode("utf-32"), "Kabul’s", "utf-32-le", id="utf-32-bom"),
    pytest.param("“Kabul’s”".encode("cp1252"), "“Kabul’s”", "cp1252", id="cp1252"),
    pytest.param(CYRILLIC.encode("cp1251"), CYRILLIC, "cp1251", id="cp1251-guessed"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00", None, "", id="png"),
    pytest.param(b"\x00" * 100, None, "", id="nuls"),
]


@pytest.mark.parametrize(("data", "text", "encoding"), DECODE_CASES)
def test_decode_bytes(data, text, encoding):
    decoded = decode_bytes(data)
    assert decoded.text == text
    if text is None:
        assert decoded.reason.startswith("binary file")
    else:
        assert decoded.encoding == encoding


def test_seed_corpus_loads_with_inline_dates():
    with as_file(files("corpus") / "afghanistan-2021") as folder:
        corpus = load_corpus([folder])
    assert len(corpus.articles) == 5
    assert corpus.rejections == ()
    dated = {article.article_id: article.date for article in corpus.articles if article.date}
    assert len(dated) == 3
    assert all(dt.date(2021, 8, 1) <= date <= dt.date(2021, 8, 31) for date in dated.values())
    assert not any(article.text.startswith(" date") for article in corpus.articles)


def test_folders_are_read_recursively_in_sorted_order(tmp_path):
    for name in ("b.txt", "a/z.txt", "a/c.md", "0.txt"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Story {name}.", encoding="utf-8")
    corpus = load_corpus([tmp_path])
    assert [article.article_id for article in corpus.articles] == [
        "0.txt",
        "c.md",
        "z.txt",
        "b.txt",
    ]
    assert load_corpus([tmp_path]) == corpus


def test_same_name_in_two_folders_gets_unique_ids(tmp_path):
    for folder, city in (("afp", "Farah"), ("ap", "Herat"), ("x/ap", "Ghazni")):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "story.txt").write_text(f"{city} fell.", encoding="utf-8")
    ids = [article.article_id for article in load_corpus([tmp_path]).articles]
    assert ids == ["story.txt", "ap/story.txt", "x/ap/story.txt"]


def test_same_file_name_from_two_roots_gets_unique_ids(tmp_path):
    for folder, city in (("one", "Farah"), ("two", "Herat")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(f"{city} fell.", encoding="utf-8")
    corpus = load_corpus([tmp_path / "one" / "story.txt", tmp_path / "two" / "story.txt"])
    assert [article.article_id for article in corpus.articles] == ["story.txt", "story.txt~2"]


def test_duplicates_are_counted_once_and_named(tmp_path):
    (tmp_path / "first.txt").write_text("Kandahar fell to the Taliban.", encoding="utf-8")
    (tmp_path / "second.txt").write_text("Kandahar fell  to the\nTaliban.\n", encoding="utf-8")
    corpus = load_corpus([tmp_path])
    assert [article.article_id for article in corpus.articles] == ["first.txt"]
    assert [rejection.reason for rejection in corpus.rejections] == ["duplicate of first.txt"]


def test_jsonl_and_csv_rows(tmp_path):
    rows = [
        {"id": "r1", "date": "2021-08-13", "source": "AFP", "text": "Herat fell.", "lang": "en"},
        {"text": "Kandahar fell.", "url": "https://example.org/k"},
    ]
    (tmp_path / "a.jsonl").write_text("\n".join(map(json.dumps, rows)) + "\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text(
        'id,date,title,text\nc1,13 August 2021,Lashkar Gah,"Lashkar Gah fell,\nofficials said."\n',
        encoding="utf-8",
    )
    corpus = load_corpus([tmp_path])
    by_id = {article.article_id: article for article in corpus.articles}
    assert set(by_id) == {"r1", "a.jsonl#2", "c1"}
    assert (by_id["r1"].date, by_id["r1"].source, by_id["r1"].meta) == (
        AUG13,
        "AFP",
        (("lang", "en"),),
    )
    assert by_id["a.jsonl#2"].url == "https://example.org/k"
    assert by_id["c1"].text == "Lashkar Gah fell,\nofficials said."
    assert (by_id["c1"].date, by_id["c1"].title) == (AUG13, "Lashkar Gah")
    assert by_id["c1"].origin == f"{tmp_path / 'b.csv'}#1"
    assert origin_path(by_id["c1"].origin) == str(tmp_path / "b.csv")


def test_max_bytes_option_and_size_label(tmp_path):
    (tmp_path / "long.txt").write_text("x" * 2_500, encoding="utf-8")
    corpus = load_corpus([tmp_path], max_bytes=2_000)
    assert corpus.articles == ()
    assert corpus.rejections[0].reason == "too large: 2.5 KB > 2 KB limit"
    assert size_label(10_000_000) == "10 MB"
    assert size_label(10_485_760) == "10.5 MB"


def test_missing_path_is_a_rejection_and_nothing_read_means_no_articles(tmp_path):
    corpus = load_corpus([tmp_path / "nope"])
    assert corpus.articles == ()
    assert corpus.rejections[0].reason == "no such file or folder"


def test_a_folder_given_twice_is_read_once(tmp_path):
    (tmp_path / "a.txt").write_text("Farah fell.", encoding="utf-8")
    corpus = load_corpus([tmp_path, tmp_path])
    assert [article.article_id for article in corpus.articles] == ["a.txt"]
    assert [rejection.reason for rejection in corpus.rejections] == ["folder already read"]


def test_origin_path_strips_only_table_row_numbers():
    assert origin_path("data/rows.csv#12") == "data/rows.csv"
    assert origin_path("data/rows.jsonl#3") == "data/rows.jsonl"
    assert origin_path("data/story#3") == "data/story#3"
    assert origin_path("data/a.txt") == "data/a.txt"


def test_warnings_are_prefixed_with_the_article_id(tmp_path):
    Path(tmp_path / "w.txt").write_text("date: unknown\n\nBody.", encoding="utf-8")
    warnings = load_corpus([tmp_path]).warnings
    assert len(warnings) == 1
    assert warnings[0].startswith("w.txt: unreadable header date 'unknown'")
