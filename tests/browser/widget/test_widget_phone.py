"""On a 360 px wide phone: the chat fills the screen, nothing overflows, buttons are big enough to tap."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.support.intake import ANSWERS

WIDTH, HEIGHT = 360, 740
MIN_TARGET_PX = 44  # WCAG 2.5.5 target size, and what a thumb needs


def _inside_screen(box: dict) -> bool:
    return box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= WIDTH and box["y"] + box["height"] <= HEIGHT


def test_a_conversation_on_a_360px_phone(phone):
    widget = phone
    assert widget.page.evaluate("document.documentElement.scrollWidth") <= WIDTH
    launcher = widget.launcher.bounding_box()
    assert _inside_screen(launcher) and launcher["height"] >= MIN_TARGET_PX

    widget.launcher.tap()
    widget.wait_opened()
    assert widget.panel.bounding_box() == pytest.approx({"x": 0, "y": 0, "width": WIDTH, "height": HEIGHT}, abs=0.5)
    expect(widget.panel).to_have_attribute("aria-modal", "true")
    widget.wait_idle()

    widget.say("mes clients ne me paient plus et je n'arrive plus à payer mes fournisseurs")
    for _ in range(8):  # answer until the bot offers buttons
        if widget.quick_replies():
            break
        asked = widget.tracker()["slots"].get("requested_slot")
        assert asked in ANSWERS, f"unexpected state: requested_slot={asked!r}"
        widget.say(ANSWERS[asked])
    else:
        pytest.fail("the bot never offered buttons")

    titles = widget.quick_replies()
    for title in titles:
        box = widget.quick_reply(title).bounding_box()
        assert _inside_screen(box), (title, box)
        assert box["height"] >= MIN_TARGET_PX, (title, box)
    for control in (widget.input, widget.send_button, widget.close_button, widget.clear_button):
        assert _inside_screen(control.bounding_box()), control
    overflow = widget.page.locator("#relais-widget").evaluate(
        "h => [...h.shadowRoot.querySelectorAll('.log, .replies')].map(el => el.scrollWidth - el.clientWidth)"
    )
    assert overflow == [0, 0], "nothing wider than the screen"

    before = len(widget.messages())
    widget.quick_reply(titles[0]).tap()
    widget.wait_idle()
    assert widget.messages()[before]["text"] == titles[0]
    assert widget.messages()[-1]["from"] == "bot"

    # Full screen hides the page: Tab stays inside the chat.
    widget.input.focus()
    for _ in range(15):
        widget.page.keyboard.press("Tab")
        assert widget.focused(), "the focus left the full-screen chat"


def test_a_reply_taller_than_the_phone_shows_its_beginning(phone):
    """The crisis reply (3114 first, then the chamber's offer, then the safety question) is taller than a phone's log:
    the log shows the reply from its first message, the crisis line, not only its end."""
    widget = phone
    widget.launcher.tap()
    widget.wait_opened()
    widget.wait_idle()
    widget.say("je suis boulanger, 12000 de dettes urssaf et la banque ferme mon compte")
    widget.say("j'ai envie de mourir")

    view = widget.page.locator("#relais-widget").evaluate(
        """h => {
          const log = h.shadowRoot.querySelector('.log');
          const messages = [...log.querySelectorAll('.message')];
          const lastUser = messages.map((m) => m.classList.contains('user')).lastIndexOf(true);
          const reply = messages.slice(lastUser + 1);
          const top = log.getBoundingClientRect().top, bottom = log.getBoundingClientRect().bottom;
          const first = reply[0].getBoundingClientRect();
          return {replyHeight: reply.at(-1).getBoundingClientRect().bottom - first.top, logHeight: log.clientHeight,
                  firstText: reply[0].textContent, firstTop: first.top - top, firstVisible: first.top >= top - 1 && first.top < bottom};
        }"""
    )
    assert view["replyHeight"] > view["logHeight"], "the reply fits the phone: this test proves nothing"
    assert "3114" in view["firstText"]
    assert view["firstVisible"], view
    expect(widget.quick_reply("Oui, je suis en sécurité")).to_be_visible()
