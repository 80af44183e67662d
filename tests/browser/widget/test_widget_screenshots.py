"""Screenshots of the demo page with the chat open, linked from the README (docs/screenshots/)."""

from __future__ import annotations

import struct

import pytest

from bot.settings import REPO_ROOT

SCREENSHOTS = REPO_ROOT / "docs" / "screenshots"


@pytest.mark.parametrize("screen, size", [("desktop", (1280, 800)), ("phone", (360, 740))])
def test_demo_page_screenshot_with_the_chat_open(request, screen, size):
    widget = request.getfixturevalue(screen).open()
    widget.wait_idle()
    widget.say("Bonjour, la banque m'a coupé mon découvert et je ne peux plus payer mes fournisseurs")
    widget.page.wait_for_timeout(300)  # let the last bubble settle before the picture

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"demo-{screen}.png"
    widget.page.screenshot(path=path, scale="css")  # small files, one pixel per CSS pixel

    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    assert (width, height) == size
