"""Browser fixtures for the chat widget: Debian's Chromium driven by Playwright against the real stack.

No __init__.py here on purpose: it would make this folder the package `widget` and hide the real one.
"""

from __future__ import annotations

import contextlib
import json

import httpx
import pytest
from playwright.sync_api import Page, expect

from ops.settings import REPO_ROOT
from tests.support.browser import chromium
from tests.support.stack import start_stack

BUNDLE = REPO_ROOT / "widget" / "dist" / "relais-widget.js"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}
# A turn runs NLU, the dialogue and the action server on a shared 2-core machine: be patient.
TURN_TIMEOUT_MS = 90_000

# The widget's state as the page keeps it (sessionStorage, one key per server).
_STATE_JS = """() => {
  const key = Object.keys(sessionStorage).find((k) => k.startsWith('relais-widget:'));
  return key ? JSON.parse(sessionStorage.getItem(key)) : null;
}"""
_IDLE_JS = """() => {
  const key = Object.keys(sessionStorage).find((k) => k.startsWith('relais-widget:'));
  const state = key && JSON.parse(sessionStorage.getItem(key));
  const root = document.getElementById('relais-widget')?.shadowRoot;
  return !!state && state.outbox.length === 0 && !!root && root.querySelector('.typing').hidden;
}"""
# What a sighted reader sees in each bubble: the screen-reader prefixes and status notes left out.
_MESSAGES_JS = """host => [...host.shadowRoot.querySelectorAll('.log .message')].map((element) => {
  const copy = element.cloneNode(true);
  copy.querySelectorAll('.visually-hidden, .pending').forEach((node) => node.remove());
  return {from: element.classList.contains('bot') ? 'bot' : 'user', text: copy.textContent,
          pending: !!element.querySelector('.pending')};
})"""


class WidgetPage:
    """A chamber page with the widget, seen and driven the way an artisan does."""

    def __init__(self, page: Page, stack):
        self.page = page
        self.stack = stack
        self.launcher = page.get_by_role("button", name="Besoin d'aide ? Écrivez-nous")
        self.panel = page.get_by_role("dialog", name="Entreprises en difficulté")
        self.input = page.get_by_role("textbox", name="Votre message")
        self.send_button = page.get_by_role("button", name="Envoyer", exact=True)
        self.clear_button = page.get_by_role("button", name="Effacer la conversation")
        self.close_button = page.get_by_role("button", name="Fermer la discussion")
        self.log = page.get_by_role("log", name="Conversation")
        self.offline = page.locator("#relais-widget .offline")
        self.typing = page.locator("#relais-widget .typing")

    @property
    def web_url(self) -> str:
        return self.stack.settings.web_url

    def goto(self, path: str = "/demo/") -> WidgetPage:
        self.page.goto(f"{self.web_url}{path}")
        expect(self.page.locator("#relais-widget")).to_be_attached()
        return self

    def open(self) -> WidgetPage:
        self.launcher.click()
        self.wait_opened()
        return self

    def wait_opened(self) -> None:
        """Visible, and done sliding in (so that sizes and positions can be measured)."""
        expect(self.panel).to_be_visible()
        self.panel.evaluate("el => Promise.all(el.getAnimations().map((a) => a.finished))")

    def state(self) -> dict | None:
        return self.page.evaluate(_STATE_JS)

    @property
    def session_id(self) -> str:
        return self.state()["sessionId"]

    def wait_idle(self, timeout: float = TURN_TIMEOUT_MS) -> None:
        """Until every message is acknowledged by Rasa, which is after all its replies were sent."""
        self.page.wait_for_function(_IDLE_JS, timeout=timeout)

    def say(self, text: str) -> None:
        self.input.fill(text)
        self.input.press("Enter")
        self.wait_idle()

    def choose(self, title: str) -> None:
        self.quick_reply(title).click()
        self.wait_idle()

    def quick_reply(self, title: str):
        return self.page.locator("#relais-widget .replies button", has_text=title).first

    def quick_replies(self) -> list[str]:
        return self.page.locator("#relais-widget .replies:not([hidden]) button").all_inner_texts()

    def messages(self) -> list[dict]:
        return self.page.locator("#relais-widget").evaluate(_MESSAGES_JS)

    def bot_texts(self) -> list[str]:
        return [m["text"] for m in self.messages() if m["from"] == "bot"]

    def focused(self) -> str:
        """Which widget control has the keyboard focus ('' when the focus is outside the widget)."""
        return self.page.evaluate(
            """() => {
              if (document.activeElement?.id !== 'relais-widget') return '';
              const el = document.activeElement.shadowRoot.activeElement;
              return el ? (el.getAttribute('aria-label') || el.textContent.trim() || el.tagName) : '';
            }"""
        )

    # Rasa's side of the conversation, through its HTTP API.
    def tracker(self, sender: str | None = None) -> dict:
        settings = self.stack.settings
        response = httpx.get(
            f"{settings.rasa_url}/conversations/{sender or self.session_id}/tracker",
            params={"token": settings.rasa_token},
            timeout=30,
        )
        response.raise_for_status()
        return response.json()

    def user_texts_on_server(self, sender: str | None = None) -> list[str]:
        return [event["text"] for event in self.tracker(sender)["events"] if event["event"] == "user"]

    def bot_says_through_rasa(self, text: str, buttons: list[dict] | None = None) -> None:
        """Rasa sends a bot message down the socket.io channel (its API for external events)."""
        settings = self.stack.settings
        event = {"event": "bot", "text": text, "data": {"buttons": buttons} if buttons else {}}
        response = httpx.post(
            f"{settings.rasa_url}/conversations/{self.session_id}/tracker/events",
            params={"token": settings.rasa_token, "output_channel": "socketio", "execute_side_effects": "true"},
            content=json.dumps([event]),
            headers={"Content-Type": "application/json"},
            timeout=30,
        )
        response.raise_for_status()

    def axe_serious_violations(self) -> list[dict]:
        """axe-core (from the npm registry, served with the widget) run in the page: serious or critical only."""
        if not self.page.evaluate("typeof window.axe !== 'undefined'"):
            self.page.add_script_tag(url=f"{self.web_url}/widget/test/axe.min.js")
        result = self.page.evaluate(
            """async () => {
              const r = await axe.run(document, {runOnly: {type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}});
              return r.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map((n) => n.target.join(' > ') + ': ' + n.failureSummary)}));
            }"""
        )
        return [v for v in result if v["impact"] in ("serious", "critical")]


@pytest.fixture(scope="module")  # per module: tests/support/browser.py says why
def browser():
    with chromium() as launched:
        yield launched


def _serving_the_widget(stack):
    if not BUNDLE.exists():
        pytest.fail(f"the widget is not built ({BUNDLE} missing): run `make widget`")
    response = httpx.get(f"{stack.settings.web_url}/demo/", timeout=30)
    assert response.status_code == 200, f"the web app does not serve the demo page: {response.status_code}"
    # A fresh Rasa answers its first message slowly (lazy model and action server start-up, a minute or
    # more on a busy machine): pay that once here, not inside the first test's turn timeout.
    httpx.post(
        f"{stack.settings.rasa_url}/webhooks/rest/webhook",
        json={"sender": "widget-warm-up", "message": "bonjour"},
        timeout=300,
    ).raise_for_status()
    return stack


@pytest.fixture(scope="session")
def widget_stack(stack):
    """The real stack, with the widget built and served by the web app."""
    return _serving_the_widget(stack)


@pytest.fixture(scope="session")
def one_worker_stack(tmp_path_factory):
    """A second stack whose Rasa server has one Sanic worker, for the tests that make the bot say arbitrary
    content through Rasa's HTTP API (`bot_says_through_rasa`). That API reaches a socket.io client only
    from the worker holding its websocket: with the product's two workers half the pushes went nowhere.
    Relais itself never pushes that way (deploy/README.md)."""
    running = start_stack(tmp_path_factory.mktemp("relais-one-worker"), rasa_workers=1)
    yield _serving_the_widget(running)
    running.stop()


@contextlib.contextmanager
def _widget_pages(browser, stack):
    """Makes fresh browser contexts (own cookies and storage) on the stack's demo page; closed afterwards."""
    contexts = []

    def make(viewport: dict = DESKTOP, path: str = "/demo/", **context_options) -> WidgetPage:
        context = browser.new_context(viewport=viewport, locale="fr-FR", **context_options)
        context.set_default_timeout(30_000)
        contexts.append(context)
        return WidgetPage(context.new_page(), stack).goto(path)

    try:
        yield make
    finally:
        for context in contexts:
            context.close()


@pytest.fixture
def new_widget_page(browser, widget_stack):
    """Makes a fresh browser context (own cookies and storage) on the demo page; closed after the test."""
    with _widget_pages(browser, widget_stack) as make:
        yield make


@pytest.fixture
def new_pushing_widget_page(browser, one_worker_stack):
    """The same, on the stack where Rasa's API can push bot messages to the page."""
    with _widget_pages(browser, one_worker_stack) as make:
        yield make


@pytest.fixture
def pushing_desktop(new_pushing_widget_page) -> WidgetPage:
    return new_pushing_widget_page(DESKTOP)


@pytest.fixture
def pushing_phone(new_pushing_widget_page) -> WidgetPage:
    return new_pushing_widget_page(PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)


@pytest.fixture
def desktop(new_widget_page) -> WidgetPage:
    return new_widget_page(DESKTOP)


@pytest.fixture
def phone(new_widget_page) -> WidgetPage:
    return new_widget_page(PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
