"""Issue #5: article text is untrusted; markup in a title or quote shows as inert text."""

from __future__ import annotations

import json

import pytest

from .harness import (
    PANEL_QUOTE,
    HarnessError,
    build_store,
    click_province,
    find_map_frame,
    pwned_frames,
    running_app,
    wait_for_panel,
)

pytestmark = pytest.mark.browser

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
JS_URL = "javascript:window.__pwned=1"
MARKDOWN_LINK = f"[read more]({JS_URL})"

HOSTILE_ARTICLES = (
    {
        "id": "hostile-farah",
        "date": "2021-08-11",
        "source": f'<b onmouseover="window.__pwned=1">Evil Times</b> {IMG}',
        "url": JS_URL,
        "title": f"{IMG} Farah falls {SCRIPT}",
        "text": (
            f"Officials said the Taliban captured the city of Farah {SCRIPT} on Tuesday. "
            f"Residents said the fighting was over {IMG} {MARKDOWN_LINK} $x^2$."
        ),
    },
    {
        "id": "hostile-kandahar",
        "date": "2021-08-13",
        "source": "Example Wire",
        "url": f"  {JS_URL}",
        "title": f"Kandahar {MARKDOWN_LINK}",
        "text": f"The Taliban captured Kandahar city {IMG} on Thursday, officials said.",
    },
)

# Elements that exist only if article markup was parsed as HTML.
INJECTED_ELEMENTS_JS = """() => [
  ...document.querySelectorAll('img[src="x"], [onerror], [onmouseover]'),
  ...document.querySelectorAll('a[href^="javascript:" i], a[href^=" javascript:" i]'),
  ...[...document.querySelectorAll('script')].filter(s => s.textContent.includes('__pwned')),
].map(el => el.outerHTML)"""


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("hostile")
    corpus = workdir / "corpus"
    corpus.mkdir()
    rows = "\n".join(json.dumps(article) for article in HOSTILE_ARTICLES)
    (corpus / "hostile.jsonl").write_text(rows + "\n", encoding="utf-8")
    db_path = workdir / "hostile.sqlite"
    built = build_store(corpus, db_path=db_path)
    if built.returncode != 0:
        msg = f"controlmap build failed ({built.returncode}): {built.stderr}"
        raise HarnessError(msg)
    with running_app(db_path=db_path, log_path=workdir / "server.log") as app:
        yield app


def injected_elements(page) -> list[str]:
    found = []
    for frame in page.frames:
        found.extend(frame.evaluate(INJECTED_ELEMENTS_JS))
    return found


def test_markup_in_articles_stays_text(hostile_app, page, screenshot_dir):
    page.goto(hostile_app.url)
    frame = find_map_frame(page)
    frame.locator('path[data-iso="AF-FRA"]').hover()  # tooltips are built on hover

    click_province(frame, "AF-FRA")
    shown = wait_for_panel(page, "Farah")
    shown.locator(PANEL_QUOTE).first.wait_for()
    shown.locator(PANEL_QUOTE).first.hover()
    page.wait_for_timeout(500)
    page.screenshot(path=str(screenshot_dir / "hostile.png"), full_page=True)

    assert pwned_frames(page) == []
    assert injected_elements(page) == []
    text = shown.inner_text()
    assert SCRIPT in text, "the quote's markup should show literally"
    assert IMG in text, "the title's markup should show literally"
