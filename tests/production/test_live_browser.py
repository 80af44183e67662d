"""The live chat on the production layout (issue 16), two browsers: the artisan's widget through nginx (its
socket.io on one of the two Rasa servers, its live socket on the web app), the advisor's inbox in another context,
the messages carried by the web app's Redis bus. Production refuses a test clock (RELAIS_NOW), so the live request
is written as the action server writes it (``cases.live``) rather than reached through the offer, which the
embedded tests cover (tests/browser/widget/test_widget_live.py); the widget finds it on page load."""

from __future__ import annotations

import re

import pytest

from bench.live import case_draft
from cases.db import make_engine, make_session_factory
from cases.live import LiveRepository
from cases.repository import CaseRepository
from chamber import load_chamber
from tests.support.browser import chromium
from tests.support.live import InboxPage, add_advisor, expect, live_texts, say_live, wait_live_state

LAUNCHER = "Besoin d'aide ? Écrivez-nous"
STATE_JS = """() => {
  const key = Object.keys(sessionStorage).find((k) => k.startsWith('relais-widget:'));
  return key ? JSON.parse(sessionStorage.getItem(key)) : null;
}"""


class Widget:
    """The artisan's side, with what tests.support.live expects of a widget page."""

    def __init__(self, page, system) -> None:
        self.page, self.system = page, system
        self.panel = page.get_by_role("dialog", name="Entreprises en difficulté")
        self.input = page.get_by_role("textbox", name="Votre message")
        self.log = page.get_by_role("log", name="Conversation")

    def state(self) -> dict:
        return self.page.evaluate(STATE_JS)

    def tracker(self) -> dict:
        return self.system.tracker(self.state()["sessionId"])


@pytest.fixture(scope="module")  # per module: tests/support/browser.py says why
def browser():
    with chromium() as launched:
        yield launched


def test_takeover_through_nginx_and_the_redis_bus_survives_reloads_and_hands_back(system, browser):
    advisor_email = add_advisor(system.settings, "Marie Dupont")
    artisan_context = browser.new_context(locale="fr-FR")
    advisor_context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    for context in (artisan_context, advisor_context):
        context.set_default_timeout(60_000)
    try:
        widget = Widget(artisan_context.new_page(), system)
        widget.page.goto(f"{system.public_url}/demo/")
        widget.page.get_by_role("button", name=LAUNCHER).click()
        expect(widget.log).to_contain_text("gratuit", timeout=120_000)  # the welcome, through nginx and Rasa
        conversation = widget.state()["sessionId"]

        # The artisan chose to write with an advisor: the case and its live request, as the action server writes them.
        engine = make_engine(system.direct_cases_url)
        sessions = make_session_factory(engine)
        reference = CaseRepository(sessions).save_draft(case_draft(conversation, load_chamber().id))
        LiveRepository(sessions).request(conversation)
        engine.dispose()
        widget.page.reload()
        wait_live_state(widget, "waiting")

        desk = InboxPage(advisor_context.new_page(), system.public_url).log_in(advisor_email).open_case(reference)
        desk.claim_button.click()
        expect(widget.log).to_contain_text(re.compile(r"Marie, conseill\S+ de la chambre, a rejoint la conversation"))
        assert wait_live_state(widget, "active")["advisor"] == "Marie"

        say_live(widget, "Bonjour, je suis boulanger.")
        expect(desk.live_log).to_contain_text("Bonjour, je suis boulanger.")
        desk.say("Bonjour, je vous lis. Qu'est-ce qui vous inquiète le plus ?")
        expect(widget.log.locator(".message.advisor").last).to_contain_text("Qu'est-ce qui vous inquiète le plus")
        assert widget.tracker()["paused"] is True

        # Both reload; nothing lost, the takeover kept.
        widget.page.reload()
        desk.page.reload()
        desk.say("Toujours là ?")
        expect(widget.log.locator(".message.advisor").last).to_contain_text("Toujours là")
        say_live(widget, "Oui, toujours là.")
        expect(desk.live_log).to_contain_text("Oui, toujours là.")
        assert live_texts(widget, "user")[-2:] == ["Bonjour, je suis boulanger.", "Oui, toujours là."]
        assert desk.live_texts().count("Oui, toujours là.") == 1

        desk.hand_back()
        wait_live_state(widget, None)
        assert widget.tracker()["paused"] is False
    finally:
        artisan_context.close()
        advisor_context.close()
