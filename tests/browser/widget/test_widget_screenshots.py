"""Screenshots of the demo page with the chat open, checked so that a blank or widget-less picture fails.

They go to pytest's temporary folder. The README's pictures (docs/screenshots/) are refreshed by hand
from there: `pytest tests/browser/widget/test_widget_screenshots.py --basetemp=/tmp/shots`, then copy.
"""

from __future__ import annotations

import pytest

from tests.support.images import changed_fraction, check_screenshot

_HIDE_WIDGET_JS = "() => { document.getElementById('relais-widget').style.visibility = 'hidden'; }"


@pytest.mark.parametrize("screen, size", [("desktop", (1280, 800)), ("phone", (360, 740))])
def test_demo_page_screenshot_with_the_chat_open(request, tmp_path, screen, size):
    widget = request.getfixturevalue(screen).open()
    widget.wait_idle()
    widget.say("Bonjour, la banque m'a coupé mon découvert et je ne peux plus payer mes fournisseurs")

    with_chat, without_chat = tmp_path / f"demo-{screen}.png", tmp_path / f"page-{screen}.png"
    widget.page.screenshot(path=with_chat, scale="css")  # one pixel per CSS pixel
    box = widget.panel.bounding_box()
    widget.page.evaluate(_HIDE_WIDGET_JS)
    widget.page.screenshot(path=without_chat, scale="css")

    shown = check_screenshot(with_chat, size)
    page = check_screenshot(without_chat, size)
    assert box and box["width"] > 200 and box["height"] > 300, box
    region = (int(box["x"]), int(box["y"]), int(box["x"] + box["width"]), int(box["y"] + box["height"]))
    region = (max(0, region[0]), max(0, region[1]), min(size[0], region[2]), min(size[1], region[3]))
    # The open chat covers its region: most of its pixels differ from the page behind it.
    assert changed_fraction(shown, page, region) > 0.3
