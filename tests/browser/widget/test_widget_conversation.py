"""A whole conversation through the widget, with the mouse and with the keyboard only, ending with a
case the advisors' inbox shows. Real Rasa server, action server, web app and Chromium."""

from __future__ import annotations

import httpx
import pytest
from playwright.sync_api import expect

from tests.support.intake import ANSWERS

OPENING = "l'urssaf me réclame trois trimestres de cotisations et je n'arrive plus à payer"
# Where the bot offers buttons, the artisan picks the one starting with this (else the typed answer).
BUTTON_FOR = {"legal_form": "Société"}


class MouseArtisan:
    def __init__(self, widget):
        self.widget = widget

    def say(self, text: str) -> None:
        self.widget.say(text)

    def choose(self, title: str) -> None:
        self.widget.choose(title)


class KeyboardArtisan:
    """Types into the focused field and reaches buttons with Shift+Tab, like a keyboard-only user."""

    def __init__(self, widget):
        self.widget = widget
        self.keyboard = widget.page.keyboard

    def say(self, text: str) -> None:
        assert self.widget.focused() == "TEXTAREA", f"focus is on {self.widget.focused()!r}"
        self.keyboard.type(text)
        self.keyboard.press("Enter")
        self.widget.wait_idle()

    def choose(self, title: str) -> None:
        for _ in range(12):
            self.keyboard.press("Shift+Tab")
            if self.widget.focused() == title:
                break
        else:
            pytest.fail(f"the button {title!r} cannot be reached with the keyboard")
        self.keyboard.press("Enter")
        self.widget.wait_idle()
        assert self.widget.focused() == "TEXTAREA", "after a button, the focus goes back to the message field"


def walk_to_case(widget, artisan) -> tuple[dict, list[str], list[str]]:
    """Describes the difficulty, then answers each question the bot asks until a case reference is given."""
    typed, chosen = [OPENING], []
    artisan.say(OPENING)
    for _ in range(len(ANSWERS) + 2):
        slots = widget.tracker()["slots"]
        if slots.get("case_reference") and slots.get("requested_slot") is None:  # stored, and the handoff over
            return slots, typed, chosen
        asked = slots.get("requested_slot")
        assert asked in ANSWERS, f"unexpected state: requested_slot={asked!r}, bot said {widget.bot_texts()[-3:]}"
        wanted = BUTTON_FOR.get(asked, ANSWERS[asked]).lower()
        button = next((t for t in widget.quick_replies() if t.lower().startswith(wanted)), None)
        if button:
            artisan.choose(button)
            chosen.append(button)
        else:
            artisan.say(ANSWERS[asked])
            typed.append(ANSWERS[asked])
    pytest.fail(f"no case after the whole conversation: {widget.bot_texts()[-5:]}")


def inbox_case(stack, advisor, reference: str) -> dict:
    email, password = advisor
    with httpx.Client(base_url=stack.settings.web_url, timeout=30) as http:
        login = http.post("/api/v1/auth/login", json={"email": email, "password": password})
        assert login.status_code == 200, login.text
        listed = http.get("/api/v1/cases", params={"q": reference})
        assert listed.status_code == 200, listed.text
        assert reference in {case["reference"] for case in listed.json()}
        response = http.get(f"/api/v1/cases/{reference}")
        assert response.status_code == 200, response.text
        return response.json()


def assert_case_matches_conversation(widget, advisor, slots, typed, chosen) -> None:
    reference = slots["case_reference"]
    assert any(reference in text for text in widget.bot_texts()[-4:]), widget.bot_texts()[-4:]
    assert chosen, "the bot offered no button the artisan could use"

    # Exactly once, in order: the hidden /greet, then each answer as it was sent.
    on_server = widget.user_texts_on_server()
    assert on_server[0] == "/greet"
    assert len(on_server) == 1 + len(typed) + len(chosen), on_server
    assert [text for text in on_server if text in typed] == typed

    # The artisan sees the buttons' titles as their own words, never a payload such as "/affirm".
    shown = [m["text"] for m in widget.messages() if m["from"] == "user"]
    assert shown == [text for text in shown if not text.startswith("/")]
    assert set(chosen) <= set(shown)

    case = inbox_case(widget.stack, advisor, reference)
    assert "cotisations_sociales" in case["categories"]
    assert case["contact_name"] == "Sophie"
    assert case["phone"] == "+33612345678"
    artisan_lines = [line["text"] for line in case["transcript"] if line["sender"] == "artisan"]
    assert OPENING in artisan_lines
    assert "06 12 34 56 78" in artisan_lines


def test_whole_conversation_with_the_mouse_ends_with_a_case_in_the_inbox(desktop, advisor):
    widget = desktop.open()
    widget.wait_idle()
    welcome = " ".join(widget.bot_texts())
    for word in ("gratuit", "confidentiel", "automatique"):
        assert word in welcome, welcome

    slots, typed, chosen = walk_to_case(widget, MouseArtisan(widget))

    assert_case_matches_conversation(widget, advisor, slots, typed, chosen)


def test_whole_conversation_with_the_keyboard_only(desktop, advisor):
    widget = desktop
    keyboard = widget.page.keyboard
    for _ in range(40):  # through the chamber page's own links, to the widget at the end
        keyboard.press("Tab")
        if widget.focused() == "Besoin d'aide ? Écrivez-nous":
            break
    else:
        pytest.fail("the widget's button cannot be reached with Tab")
    keyboard.press("Enter")
    expect(widget.panel).to_be_visible()
    assert widget.focused() == "TEXTAREA", "opening the chat puts the focus in the message field"
    widget.wait_idle()

    slots, typed, chosen = walk_to_case(widget, KeyboardArtisan(widget))

    # Escape closes and gives the focus back to the button that opened the chat; Enter reopens it.
    keyboard.press("Escape")
    expect(widget.panel).to_be_hidden()
    assert widget.focused() == "Besoin d'aide ? Écrivez-nous"
    keyboard.press("Enter")
    expect(widget.panel).to_be_visible()
    assert widget.focused() == "TEXTAREA"
    assert_case_matches_conversation(widget, advisor, slots, typed, chosen)
