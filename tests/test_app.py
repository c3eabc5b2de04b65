"""The Streamlit app without a browser (``streamlit.testing.v1.AppTest``).

What the app sends to the map component, what the quotes panel shows, and how the page
behaves with a missing, corrupt, empty or hostile store. The browser side is in tests/e2e.
"""

from __future__ import annotations

import base64
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo.gazetteer import load_gazetteer
from pipeline.build import build_store

REPO_ROOT = Path(__file__).resolve().parents[1]
APP_SCRIPT = REPO_ROOT / "app.py"
SEED_CORPUS = REPO_ROOT / "corpus" / "afghanistan-2021"
DB_ENV_VAR = "CONTROLMAP_DB"
TIMEOUT_S = 180  # first runs build a store and load boundaries on a shared, busy machine
PROVINCE_COUNT = 34

SCRIPT = "<script>window.__pwned=1</script>"
IMG = "<img src=x onerror=alert(1)>"
JS_URL = "javascript:alert(1)"
MARKDOWN = f"**bold** [link]({JS_URL})"
LATEX = "$x^2$"
HOSTILE_ARTICLES = (
    {
        "id": "hostile-farah",
        "date": "2021-08-11",
        "source": f'<b onmouseover="alert(1)">Evil Times</b> {IMG}',
        "url": JS_URL,
        "title": f"{IMG} Farah falls {SCRIPT} {MARKDOWN} {LATEX}",
        "text": (
            f"Officials said the Taliban captured the city of Farah {SCRIPT} {IMG} {LATEX} on "
            "Tuesday. "
            f"Residents said the fighting was over {IMG} {MARKDOWN} {LATEX}."
        ),
    },
)
LOCAL_ARTICLES = (
    {
        "id": "district",
        "date": "2021-08-12",
        "source": "Example Wire",
        "title": "A border district falls",
        "text": (
            "The Taliban captured the Spin Boldak district of Kandahar province on Wednesday, "
            "officials said."
        ),
    },
)


# --- helpers ----------------------------------------------------------------------------------


def build(corpus: Path, db: Path) -> Path:
    build_store([corpus], db=db, gazetteer=load_gazetteer("AF"))
    return db


def jsonl_corpus(folder: Path, articles) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    rows = "".join(json.dumps(article) + "\n" for article in articles)
    (folder / "articles.jsonl").write_text(rows, encoding="utf-8")
    return folder


def run_app(monkeypatch, db: Path, **params: str) -> AppTest:
    monkeypatch.setenv(DB_ENV_VAR, str(db))
    at = AppTest.from_file(str(APP_SCRIPT), default_timeout=TIMEOUT_S)
    for name, value in params.items():
        at.query_params[name] = value
    return at.run()


def map_args(at: AppTest) -> dict:
    """The arguments the live map component was rendered with (its whole payload)."""
    (component,) = at.get("component_instance")
    args = json.loads(component.proto.json_args)
    # The payload travels as one JSON text (no list/dict argument: those import pandas).
    assert isinstance(args["payload"], str)
    return {**json.loads(args.pop("payload")), **args}


def html_bodies(at: AppTest) -> list[str]:
    return [element.proto.body for element in at.get("html")]


def panel_text(at: AppTest) -> str:
    return "\n".join(html_bodies(at))


def warnings(at: AppTest) -> list[str]:
    return [element.value for element in at.warning]


def markdown_bodies(at: AppTest) -> list[str]:
    return [element.value for element in at.markdown]


class _Tags(HTMLParser):
    """Every tag and attribute the browser would build from some HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {name: value or "" for name, value in attrs}))


def parsed_tags(body: str) -> list[tuple[str, dict[str, str]]]:
    parser = _Tags()
    parser.feed(body)
    parser.close()
    return parser.tags


def _urls(node: object) -> list[str]:
    if isinstance(node, dict):
        return [url for value in node.values() for url in _urls(value)]
    if isinstance(node, list):
        return [url for value in node for url in _urls(value)]
    if isinstance(node, str):
        return re.findall(r"(?i)\b(?:https?:)?//[^\s\"'<>]+", node)
    return []


# --- fixtures ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory) -> Path:
    return build(SEED_CORPUS, tmp_path_factory.mktemp("seed") / "seed.sqlite")


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    return build(jsonl_corpus(folder / "corpus", HOSTILE_ARTICLES), folder / "hostile.sqlite")


# --- the seed corpus --------------------------------------------------------------------------


def test_the_app_runs_on_the_seed_corpus(monkeypatch, seed_db):
    at = run_app(monkeypatch, seed_db)

    assert not at.exception
    assert warnings(at) == []
    args = map_args(at)
    assert len(args["isos"]) == PROVINCE_COUNT
    assert args["day_index"] == len(args["days"]) - 1  # no date asked: the last day


def test_the_headline_count_on_13_august(monkeypatch, seed_db):
    at = run_app(monkeypatch, seed_db, date="2021-08-13")

    args = map_args(at)
    shown = args["day_index"]
    assert args["days"][shown] == "2021-08-13"
    assert args["labels"][shown] == "13 Aug 2021"
    assert args["counts"][shown] == "9 of 34 provinces captured, 2 claimed by 13 Aug 2021"


def test_the_full_render_headline_says_the_same(monkeypatch, seed_db):
    at = run_app(monkeypatch, seed_db, date="2021-08-13", render="full")

    assert not at.exception
    assert "9 of 34 provinces captured, 2 claimed by 13 Aug 2021" in [c.value for c in at.caption]


def test_changing_the_date_changes_the_statuses_sent(monkeypatch, seed_db):
    late = map_args(run_app(monkeypatch, seed_db, date="2021-08-13"))
    early = map_args(run_app(monkeypatch, seed_db, date="2021-08-08"))

    assert early["days"][early["day_index"]] == "2021-08-08"
    early_row = early["statuses"][early["day_index"]]
    late_row = late["statuses"][late["day_index"]]
    assert early_row != late_row
    captured = sum(status == "captured" for status, _ in late_row)
    assert captured == 9
    assert sum(status == "captured" for status, _ in early_row) < captured


def test_the_full_render_slider_moves_the_day(monkeypatch, seed_db):
    import datetime as dt

    at = run_app(monkeypatch, seed_db, date="2021-08-10", render="full")
    before = [c.value for c in at.caption]
    at.select_slider(key="full-date").set_value(dt.date(2021, 8, 13)).run()

    assert not at.exception
    after = [c.value for c in at.caption]
    assert "9 of 34 provinces captured, 2 claimed by 13 Aug 2021" in after
    assert after != before
    assert at.query_params["date"] == "2021-08-13"


def chart_svg(at: AppTest) -> str:
    """The chart's SVG text (an <img> with a base64 data URL)."""
    (body,) = [body for body in html_bodies(at) if 'data-testid="cm-chart"' in body]
    ((tag, attrs),) = parsed_tags(body)
    prefix = "data:image/svg+xml;base64,"
    assert tag == "img" and attrs["src"].startswith(prefix)
    assert "aspect-ratio" in attrs["style"]  # the page does not jump while it decodes
    return base64.b64decode(attrs["src"][len(prefix) :]).decode("utf-8")


def test_the_chart_is_plain_svg_with_a_rule_at_the_shown_day(monkeypatch, seed_db):
    # No Vega chart: drawing one in the page holds up the map's first paint (cold start).
    at = run_app(monkeypatch, seed_db, date="2021-08-12")

    assert at.get("vega_lite_chart") == [] and at.get("arrow_vega_lite_chart") == []
    svg = chart_svg(at)
    assert 'data-day="2021-08-12"' in svg
    assert 'data-series="Captured"' in svg and 'data-series="Claimed"' in svg
    assert {tag for tag, _ in parsed_tags(svg)} <= {
        "svg",
        "title",
        "line",
        "text",
        "polyline",
        "circle",
    }


def test_a_province_in_the_url_fills_the_panel(monkeypatch, seed_db):
    at = run_app(monkeypatch, seed_db, date="2021-08-13", province="AF-FRA")

    assert map_args(at)["province"] == "AF-FRA"
    bodies = html_bodies(at)
    assert any('data-testid="cm-panel-title"' in body and ">Farah<" in body for body in bodies)
    quotes = [body for body in bodies if 'data-testid="cm-quote"' in body]
    assert quotes, "Farah's reports should be quoted"
    assert all("Farah" in body for body in quotes)
    assert any("<mark>Farah" in body for body in quotes)


def test_a_click_reported_by_the_map_fills_the_panel(monkeypatch, seed_db):
    at = run_app(monkeypatch, seed_db)
    at.session_state["controlmap-map"] = {"date": "2021-08-12", "province": "AF-FRA", "seq": 1}
    at.run()

    assert not at.exception
    assert at.query_params["province"] == "AF-FRA"
    assert at.query_params["date"] == "2021-08-12"
    assert ">Farah<" in panel_text(at)


def sent_elements(monkeypatch, at: AppTest) -> list[tuple[tuple[int, ...], str]]:
    """Rerun ``at``; (delta path, element type) of every element the run sent, in order.

    Read as each message is queued: the queue merges a delta into an older one for the same
    place that is still waiting there (so does the server's), and which of them a browser
    gets apart depends on when the server flushes, which is why the fault was intermittent."""
    from streamlit.runtime.forward_msg_queue import ForwardMsgQueue

    messages = []
    enqueue = ForwardMsgQueue.enqueue

    def recording_enqueue(queue, msg):
        messages.append(msg)
        return enqueue(queue, msg)

    with monkeypatch.context() as patch:
        patch.setattr(ForwardMsgQueue, "enqueue", recording_enqueue)
        at.run()
    return [
        (tuple(msg.metadata.delta_path), msg.delta.new_element.WhichOneof("type"))
        for msg in messages
        if msg.WhichOneof("type") == "delta" and msg.delta.WhichOneof("type") == "new_element"
    ]


def test_a_rerun_sends_nothing_to_the_live_maps_place_but_the_map(monkeypatch, seed_db):
    # Anything sent to the map's place first (an st.empty() placeholder) replaces the frame
    # until the run reaches the map, and Streamlit hides a replaced frame meanwhile: under load
    # its slider lost keyboard focus (the next key press went nowhere) and a click was lost.
    at = run_app(monkeypatch, seed_db)
    assert not at.exception

    sent = sent_elements(monkeypatch, at)

    assert not at.exception
    (place,) = {path for path, kind in sent if kind == "component_instance"}
    assert [kind for path, kind in sent if path == place] == ["component_instance"]


def test_the_payload_loads_nothing_from_the_network(monkeypatch, seed_db):
    args = map_args(run_app(monkeypatch, seed_db))

    assert args["tiles_url"] == ""  # tiles are off by default
    assert _urls(args) == []


def test_bad_url_params_fall_back(monkeypatch, seed_db):
    at = run_app(monkeypatch, seed_db, date="2021-99-99", province="XX-NOPE")

    assert not at.exception
    args = map_args(at)
    assert args["day_index"] == len(args["days"]) - 1
    assert args["province"] is None
    assert "Click a province" in "".join(markdown_bodies(at))
    assert at.query_params["date"] == args["days"][-1]
    assert "province" not in at.query_params


# --- the quotes panel's towns and districts -----------------------------------------------------


def test_a_district_is_listed_apart_and_does_not_colour(monkeypatch, tmp_path):
    articles = (
        *LOCAL_ARTICLES,
        {"id": "later", "date": "2021-08-14", "title": "x", "text": "Nothing happened today."},
        # Starts the corpus' date range before the district fell.
        {"id": "earlier", "date": "2021-08-09", "title": "y", "text": "A quiet day in Kabul."},
    )
    db = build(jsonl_corpus(tmp_path / "corpus", articles), tmp_path / "local.sqlite")
    at = run_app(monkeypatch, db, date="2021-08-12", province="AF-KAN")

    assert not at.exception
    args = map_args(at)
    kandahar = args["isos"].index("AF-KAN")
    assert args["statuses"][args["day_index"]][kandahar][0] == "held"
    assert "Towns and districts in this province" in "".join(markdown_bodies(at))
    assert "do not change the province's colour" in " ".join(c.value for c in at.caption)
    assert "<mark>Spin Boldak</mark>" in panel_text(at)

    # Before the district fell it is not listed yet.
    earlier = run_app(monkeypatch, db, date="2021-08-10", province="AF-KAN")
    assert "Spin Boldak" not in panel_text(earlier)


# --- hostile text -----------------------------------------------------------------------------


def test_hostile_article_text_renders_inert(monkeypatch, hostile_db):
    at = run_app(monkeypatch, hostile_db, date="2021-08-11", province="AF-FRA")

    assert not at.exception
    bodies = html_bodies(at)
    quotes = [body for body in bodies if 'data-testid="cm-quote"' in body]
    assert quotes
    joined = "\n".join(quotes)
    assert "&lt;script&gt;" in joined
    assert "<script" not in joined
    assert LATEX in joined and "**bold**" in joined  # shown literally, never rendered
    for body in bodies:
        tags = parsed_tags(body)
        if 'data-testid="cm-chart"' in body:
            # The chart: one image of an SVG the app draws from counts (no article text).
            assert [tag for tag, _ in tags] == ["img"], body
            assert tags[0][1]["src"].startswith("data:image/svg+xml;base64,")
            assert not [name for name in tags[0][1] if name.startswith("on")], body
            continue
        for tag, attrs in tags:
            assert tag not in {"script", "img", "iframe"}, body
            assert not [name for name in attrs if name.startswith("on")], body
            href = attrs.get("href", "").strip().lower()
            assert not href.startswith("javascript:"), body
    for body in markdown_bodies(at):  # markdown would render links and LaTeX
        assert "javascript:" not in body and LATEX not in body and "<script" not in body


# --- broken or empty data ---------------------------------------------------------------------


def test_a_missing_store_is_built_from_the_corpus(monkeypatch, tmp_path):
    db = tmp_path / "new" / "controlmap.sqlite"
    at = run_app(monkeypatch, db)

    assert not at.exception
    assert db.exists()
    assert len(map_args(at)["isos"]) == PROVINCE_COUNT


def test_a_corrupt_store_offers_a_rebuild(monkeypatch, tmp_path):
    db = tmp_path / "controlmap.sqlite"
    db.write_bytes(b"this is not a database\x00\xff" * 64)
    at = run_app(monkeypatch, db)

    assert not at.exception
    assert any("cannot be shown" in text for text in warnings(at))
    assert at.get("component_instance") == []
    at.button(key="rebuild-main").click().run()

    assert not at.exception
    assert warnings(at) == []
    assert len(map_args(at)["isos"]) == PROVINCE_COUNT


def test_a_store_without_dated_reports_says_so(monkeypatch, tmp_path):
    undated = ({"id": "u", "title": "Undated", "text": "The Taliban captured Farah city."},)
    db = build(jsonl_corpus(tmp_path / "corpus", undated), tmp_path / "undated.sqlite")
    at = run_app(monkeypatch, db)

    assert not at.exception
    assert any("no dated reports" in text for text in warnings(at))
    assert at.button(key="rebuild-main")


def test_an_empty_corpus_says_so(monkeypatch, tmp_path):
    empty = tmp_path / "corpus"
    empty.mkdir()
    db = build(empty, tmp_path / "empty.sqlite")
    at = run_app(monkeypatch, db)

    assert not at.exception
    assert any("no dated reports" in text for text in warnings(at))
