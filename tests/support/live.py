"""The live chat's two sides in a browser, for the embedded and the production tests (issue 16).

The artisan's side is the widget page of tests/browser/widget/conftest.py (``WidgetPage``, duck-typed here);
the advisor's side is ``InboxPage``: an advisor logged in to the inbox, working a case's live panel."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from typing import Any

import httpx
from playwright.sync_api import Expect, Locator, Page
from sqlalchemy import delete, select

from cases.db import make_engine, make_session_factory
from cases.models import AdvisorPresence, User
from ops.settings import REPO_ROOT, Settings
from tests.support import intake
from tests.support.stack import ADVISOR_PASSWORD

# A live message crosses the web app once: seconds at most, even on a loaded machine.
LIVE_MS = 30_000
TURN_MS = 90_000
# expect() for what crosses from one browser to the other: the web app, two sockets, a loaded machine.
expect = Expect()
expect.set_options(timeout=LIVE_MS)

# The intake's answers (tests/support/intake.py) with a département of the default chamber
# (chamber/configs/default.yml), whose advisors these tests log in as.
ANSWERS = {**intake.ANSWERS, "departement": "dans le 92"}
OPENING = "l'urssaf me réclame trois trimestres de cotisations et je n'arrive plus à payer"
ASK_AGAIN = "je voudrais parler à un conseiller"
# The offer's button: « Échanger ici maintenant avec un conseiller ».
LIVE_CHOICE = re.compile(r"maintenant", re.IGNORECASE)
CALLBACK_CHOICE = re.compile(r"rappel", re.IGNORECASE)

_LIVE_JS = """() => {
  const key = Object.keys(sessionStorage).find((k) => k.startsWith('relais-widget:'));
  const state = key && JSON.parse(sessionStorage.getItem(key));
  return state ? {live: state.live || null, outbox: (state.liveOutbox || []).length} : null;
}"""
_LIVE_TEXTS_JS = """(host, kind) => [...host.shadowRoot.querySelectorAll('.log .message.' + kind)].map((element) => {
  const copy = element.cloneNode(true);
  copy.querySelectorAll('.visually-hidden, .pending, .author').forEach((node) => node.remove());
  return copy.textContent.replace(/\u202f/g, ' ');  // the widget's French typography, as typed
})"""


def add_advisor(settings: Settings, full_name: str, role: str = "advisor", chamber: str | None = None) -> str:
    """A real account of the default chamber (``python -m inbox create-user``); its e-mail address."""
    from chamber import load_chamber

    slug = unicodedata.normalize("NFKD", full_name).encode("ascii", "ignore").decode().lower().replace(" ", ".")
    email = f"{slug}@cma.test"
    result = subprocess.run(
        [
            *(sys.executable, "-m", "inbox", "create-user", "--email", email, "--name", full_name),
            *("--chamber", chamber or load_chamber().id, "--role", role, "--password-stdin"),
        ],
        input=ADVISOR_PASSWORD,
        text=True,
        cwd=REPO_ROOT,
        env={**os.environ, **settings.process_env()},
        capture_output=True,
        check=False,
    )
    if result.returncode != 0 and "existe" not in result.stderr + result.stdout:
        raise AssertionError(f"create-user failed: {result.stdout} {result.stderr}")
    return email


def forget_presence(settings: Settings, emails: tuple[str, ...]) -> None:
    """The advisors' inbox heartbeats deleted, so that the stack's later tests see nobody present: they were sent
    at the clock the test set, which may stand ahead of the real one (a live offer in every later handoff)."""
    engine = make_engine(settings.database_url)
    try:
        with make_session_factory(engine)() as session, session.begin():
            advisors = select(User.id).where(User.email.in_(emails))
            removal = delete(AdvisorPresence).where(AdvisorPresence.user_id.in_(advisors))
            session.execute(removal.execution_options(synchronize_session=False))
    finally:
        engine.dispose()


# ---------------------------------------------------------------------------------------------- artisan


def live_of(widget: Any) -> dict | None:
    return widget.page.evaluate(_LIVE_JS)


def wait_live_state(widget: Any, state: str | None, timeout: float = LIVE_MS) -> dict | None:
    """Until the widget's live mode is ``state`` ("waiting", "active"; None: back with the bot); the live state."""
    widget.page.wait_for_function(
        """(wanted) => {
          const key = Object.keys(sessionStorage).find((k) => k.startsWith('relais-widget:'));
          const live = key && (JSON.parse(sessionStorage.getItem(key)).live || null);
          return wanted === null ? live === null : !!live && live.state === wanted;
        }""",
        arg=state,
        timeout=timeout,
    )
    found = live_of(widget)
    return found["live"] if found else None


def say_live(widget: Any, text: str) -> None:
    """The artisan writes to the advisor; returns once the web app confirmed it (the echo came back)."""
    widget.input.fill(text)
    widget.input.press("Enter")
    widget.page.wait_for_function(
        """() => {
          const key = Object.keys(sessionStorage).find((k) => k.startsWith('relais-widget:'));
          return !!key && (JSON.parse(sessionStorage.getItem(key)).liveOutbox || []).length === 0;
        }""",
        timeout=LIVE_MS,
    )


def live_texts(widget: Any, kind: str) -> list[str]:
    """What the artisan sees of the advisor's ("advisor") or the system's ("system") lines, names left out."""
    return widget.page.locator("#relais-widget").evaluate(_LIVE_TEXTS_JS, kind)


def offered_choice(widget: Any, pattern: re.Pattern) -> Locator:
    return widget.page.locator("#relais-widget .replies:not([hidden]) button", has_text=pattern)


def walk_to(widget: Any, done: Any, again: bool = False, choose: re.Pattern | None = LIVE_CHOICE) -> None:
    """Describes a difficulty (or asks for a person again) and answers the intake until ``done()``;
    clicks the offer's ``choose`` button whenever it is offered."""
    if not again:
        widget.open()
        widget.wait_idle(timeout=TURN_MS)
        widget.say(OPENING)
    else:
        widget.say(ASK_AGAIN)
    for _ in range(len(ANSWERS) + 6):
        if done():
            return
        if choose is not None and offered_choice(widget, choose).count():
            offered_choice(widget, choose).first.click()
            widget.wait_idle(timeout=TURN_MS)
            continue
        asked = widget.tracker()["slots"].get("requested_slot")
        assert asked in ANSWERS, f"unexpected question ({asked!r}): {widget.bot_texts()[-2:]}"
        widget.say(ANSWERS[asked])
    raise AssertionError(f"not done after the whole intake: {widget.bot_texts()[-3:]}")


def reach_live_request(widget: Any, again: bool = False) -> str:
    """The artisan asks for a person and chooses to talk here now: the widget waits for an advisor. The case's
    reference."""
    walk_to(widget, lambda: (live_of(widget) or {}).get("live") is not None, again=again)
    wait_live_state(widget, "waiting")
    reference = widget.tracker()["slots"].get("case_reference")
    assert reference, "a live request comes with a case"
    return reference


def rest_replies(widget: Any, text: str) -> list[str]:
    """What Rasa answers on its REST channel to a message of the widget's conversation."""
    settings = widget.stack.settings
    response = httpx.post(
        f"{settings.rasa_url}/webhooks/rest/webhook",
        json={"sender": widget.session_id, "message": text},
        timeout=TURN_MS / 1000,
    )
    response.raise_for_status()
    return [message["text"] for message in response.json() if message.get("text")]


# ---------------------------------------------------------------------------------------------- advisor


class InboxPage:
    """An advisor in the inbox, seen and driven as a person does."""

    def __init__(self, page: Page, web_url: str) -> None:
        self.page = page
        self.web_url = web_url.rstrip("/")
        self.panel = page.locator("section#live")
        self.claim_button = page.get_by_role("button", name=re.compile(r"Rejoindre la conversation"))
        # The live messages: an aria-live list, one item per message (who, then the text).
        self.live_log = self.panel.get_by_role("list", name="Messages de l'échange en direct")
        self.live_input = self.panel.get_by_role("textbox", name="Votre message à l'artisan")
        self.send_button = self.panel.get_by_role("button", name="Envoyer", exact=True)

    def log_in(self, email: str) -> InboxPage:
        self.page.goto(f"{self.web_url}/login")
        self.page.get_by_label("Adresse e-mail").fill(email)
        self.page.get_by_label("Mot de passe").fill(ADVISOR_PASSWORD)
        self.page.get_by_role("button", name="Se connecter").click()
        expect(self.page.get_by_role("heading", name="File d'attente")).to_be_visible()
        return self

    def open_case(self, reference: str) -> InboxPage:
        self.page.goto(f"{self.web_url}/inbox/dossiers/{reference}")
        expect(self.page.get_by_role("heading", level=1)).to_contain_text(reference)
        return self

    def outcome_of_claim(self, other: InboxPage) -> tuple[InboxPage, InboxPage]:
        """After both clicked « Rejoindre »: (the one who holds the conversation, the one who was told)."""
        self.page.wait_for_timeout(0)
        for _ in range(int(LIVE_MS / 250)):
            for winner, loser in ((self, other), (other, self)):
                if winner.live_input.count() and winner.live_input.is_visible():
                    return winner, loser
            self.page.wait_for_timeout(250)
        raise AssertionError("neither advisor holds the conversation after claiming")

    def say(self, text: str) -> None:
        self.live_input.fill(text)
        self.live_input.press("Enter")
        expect(self.live_log).to_contain_text(text, timeout=LIVE_MS)

    def live_texts(self) -> list[str]:
        return [text.strip() for text in self.live_log.locator("li .text").all_inner_texts()]

    def hand_back(self) -> None:
        self.panel.get_by_role("button", name=re.compile(r"Rendre la main")).click()
        expect(self.live_log).to_contain_text("Vous échangez de nouveau avec l'assistant automatique.", timeout=LIVE_MS)

    def close_with(self, line: str) -> None:
        self.panel.get_by_role("textbox", name=re.compile(r"mot de la fin|clôture", re.IGNORECASE)).fill(line)
        self.panel.get_by_role("button", name=re.compile(r"Clore|Terminer", re.IGNORECASE)).click()
        expect(self.live_log).to_contain_text(line, timeout=LIVE_MS)
