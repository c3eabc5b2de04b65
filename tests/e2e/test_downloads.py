"""Issue #4: the PNG download is a real image of the map, produced in the browser session."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from .harness import find_map_frame

pytestmark = pytest.mark.browser

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MIN_SIDE_PX = 200
DOWNLOAD_TIMEOUT_MS = 60_000


def test_png_download_is_a_decodable_image(app_server, page, tmp_path):
    page.goto(app_server.url)
    find_map_frame(page)

    button = page.locator(".st-key-download-png button")
    with page.expect_download(timeout=DOWNLOAD_TIMEOUT_MS) as info:
        button.click()
    download = info.value
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    data = target.read_bytes()

    assert download.failure() is None
    assert target.suffix == ".png"
    assert data.startswith(PNG_SIGNATURE)
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        assert image.format == "PNG"
        assert min(image.size) >= MIN_SIDE_PX
        # A map, not a blank canvas: more than a handful of distinct colours.
        colours = image.convert("RGB").getcolors(maxcolors=image.width * image.height)
        assert len(colours) > 4
