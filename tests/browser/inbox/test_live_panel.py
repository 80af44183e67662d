"""The inbox's live panel in Chromium (issue 16), the keyboard only: an advisor joins an artisan waiting in the
widget, both write, a reload loses nothing and keeps the takeover, and the advisor hands back to the assistant.
The artisan's side is a plain WebSocket client here (the widget's own browser tests drive the real widget)."""

from __future__ import annotations

import json
import uuid

import pytest
import websocket
from playwright.sync_api import expect

from cases.accounts import AccountRepository
from cases.db import make_engine, make_session_factory
from cases.live import LiveRepository
from cases.repository import CaseRepository
from cases.testing import temporary_database
from inbox.security import hash_password
from tests.browser.inbox.test_inbox_browser import (  # noqa: F401 - the browser fixture
    CHAMBER,
    PASSWORD,
    browser,
    draft,
    log_in,
)
from tests.support.live import LIVE_MS
from tests.support.web_app import running_web_app


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    with (
        temporary_database("sqlite", tmp_path_factory.mktemp("live-panel-db")) as url,
        running_web_app(url, tmp_path_factory.mktemp("logs") / "uvicorn.log", "l" * 48) as base,
    ):
        engine = make_engine(url)
        factory = make_session_factory(engine)
        yield base, CaseRepository(factory), AccountRepository(factory), LiveRepository(factory)
        engine.dispose()


def artisan_receives(socket, text, limit=20):
    for _ in range(limit):
        frame = json.loads(socket.recv())
        if frame.get("text") == text or frame.get("state") == text:
            return frame
    raise AssertionError(f"the artisan never received {text!r}")


def test_an_advisor_joins_writes_survives_a_reload_and_hands_back_with_the_keyboard(live_server, browser):  # noqa: F811
    base, repository, accounts, live = live_server
    advisor = accounts.create_user("lea@cma.test", "Léa Fontaine", CHAMBER, "advisor", hash_password(PASSWORD))
    other = repository.save_draft(draft(urgency="haute"))
    conversation = f"widget-{uuid.uuid4().hex}"
    reference = repository.save_draft(draft(conversation_id=conversation, urgency="basse", contact_name="Hugo"))
    live.request(conversation)
    artisan = websocket.create_connection(f"{base.replace('http', 'ws')}/widget/live/{conversation}", timeout=20)

    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    log_in(page, base, advisor.email)
    rows = page.locator("#queue-rows tr")
    expect(rows.first).to_have_attribute("data-reference", reference)  # before the "haute" case
    expect(rows.first).to_contain_text("Attend en direct")
    expect(rows.nth(1)).to_have_attribute("data-reference", other)

    page.goto(f"{base}/inbox/dossiers/{reference}")
    panel = page.get_by_role("region", name="Échange en direct")
    expect(panel).to_be_visible()
    join = page.get_by_role("button", name="Rejoindre la conversation")
    join.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#live-status")).to_have_text("Vous échangez en direct avec l'artisan.")
    assert artisan_receives(artisan, "Léa, conseillère de la chambre, a rejoint la conversation.")["sender"] == "system"
    messages = page.get_by_role("list", name="Messages de l'échange en direct")
    expect(messages).to_have_attribute("aria-live", "polite")
    expect(messages).to_contain_text("Léa, conseillère de la chambre, a rejoint la conversation.")

    artisan.send(json.dumps({"type": "message", "text": "Bonjour, merci de me répondre", "client_id": "a-1"}))
    # Relayed through the database and the bus to the inbox's socket: beyond Playwright's 5 s on a loaded machine.
    expect(messages).to_contain_text("Bonjour, merci de me répondre", timeout=LIVE_MS)
    box = page.get_by_label("Votre message à l'artisan")
    expect(box).to_be_focused()  # the join put the focus where the advisor writes
    page.keyboard.type("Bonjour Hugo, je suis Léa. Que se passe-t-il ?")
    page.keyboard.press("Enter")
    assert artisan_receives(artisan, "Bonjour Hugo, je suis Léa. Que se passe-t-il ?")["sender"] == "advisor"

    page.reload()  # nothing is lost, and the takeover goes on
    expect(messages).to_contain_text("Bonjour, merci de me répondre", timeout=LIVE_MS)
    expect(messages).to_contain_text("Bonjour Hugo, je suis Léa. Que se passe-t-il ?")
    expect(page.get_by_role("button", name="Rejoindre la conversation")).to_be_hidden()
    artisan.send(json.dumps({"type": "message", "text": "Mes clients ne paient plus", "client_id": "a-2"}))
    expect(messages).to_contain_text("Mes clients ne paient plus")

    hand_back = page.get_by_role("button", name="Rendre la main à l'assistant")
    hand_back.focus()
    page.keyboard.press("Enter")
    assert artisan_receives(artisan, "returned")["type"] == "state"
    expect(page.locator("#live-status")).to_have_text("Conversation rendue à l'assistant.")
    expect(page.locator("#live-controls")).to_be_hidden()
    artisan.close()
    context.close()
