"""The live chat against the real processes (issue 16): when an advisor claims a conversation, the web app
pauses it in Rasa and the bot says nothing at all, not even the never-silent fallback; handed back, the bot
answers again. Rasa, the action server and the web app (uvicorn, wsproto) run as the supervisor starts them."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import websocket

from bot.no_silence import UNDELIVERED
from cases.db import make_engine, make_session_factory
from cases.drafts import CaseDraft
from cases.live import LiveRepository
from cases.reference import new_reference
from cases.repository import CaseRepository
from chamber import load_chamber


def store_live_request(settings, conversation_id: str) -> str:
    """What the action server does when the artisan chooses to write with an advisor now."""
    engine = make_engine(settings.database_url)
    try:
        factory = make_session_factory(engine)
        draft = CaseDraft(
            conversation_id=conversation_id,
            reference=new_reference(),
            chamber_id=load_chamber().id,
            categories=["banque"],
            urgency="normale",
            summary="Découvert supprimé.",
            contact_name="Martine",
            consent_version=load_chamber().consent_version,
            consent_at=datetime.now(timezone.utc),
        )
        reference = CaseRepository(factory).save_draft(draft)
        LiveRepository(factory).request(conversation_id)
        return reference
    finally:
        engine.dispose()


def rasa_replies(http, settings, sender: str, text: str) -> list[dict]:
    response = http.post(f"{settings.rasa_url}/webhooks/rest/webhook", json={"sender": sender, "message": text})
    response.raise_for_status()
    return response.json()


def test_the_bot_is_silent_while_an_advisor_holds_the_conversation(stack, advisor, http, conversation):
    settings = stack.settings
    assert conversation.say("bonjour")  # the bot speaks before the takeover
    reference = store_live_request(settings, conversation.sender)
    email, password = advisor
    login = http.post(f"{settings.web_url}/api/v1/auth/login", json={"email": email, "password": password})
    login.raise_for_status()
    claimed = http.post(
        f"{settings.web_url}/api/v1/cases/{reference}/live/claim", headers={"X-CSRF-Token": login.json()["csrf_token"]}
    )
    assert claimed.status_code == 200, claimed.text

    tracker = http.get(
        f"{settings.rasa_url}/conversations/{conversation.sender}/tracker", params={"token": settings.rasa_token}
    ).json()
    assert tracker["paused"] is True
    # An old tab still talking to Rasa: no answer from the bot, no fallback over the advisor; only the signal on
    # which the widget sends that message to the advisor instead.
    replies = rasa_replies(http, settings, conversation.sender, "allô ? il y a quelqu'un ?")
    assert [reply.get("custom") for reply in replies] == [UNDELIVERED["custom"]]
    assert not any(reply.get("text") for reply in replies)

    cookie = f"relais_session={http.cookies['relais_session']}"
    socket = websocket.create_connection(
        f"ws://{settings.host}:{settings.web_port}/inbox/live/{reference}", timeout=30, header=[f"Cookie: {cookie}"]
    )
    try:
        assert json.loads(socket.recv())["state"] == "active"
        socket.send(json.dumps({"type": "handback"}))
        for _ in range(10):
            frame = json.loads(socket.recv())
            if frame["type"] == "state":
                assert frame["state"] == "returned"
                break
    finally:
        socket.close()
    tracker = http.get(
        f"{settings.rasa_url}/conversations/{conversation.sender}/tracker", params={"token": settings.rasa_token}
    ).json()
    assert tracker["paused"] is False
    assert rasa_replies(http, settings, conversation.sender, "merci, j'ai une autre question")  # the bot again
