"""Size and rate on Rasa's channels (REST and socket.io), embedded mode: issue 15, "Size and rate"."""

from __future__ import annotations

import threading
import time
import uuid

import httpx
import socketio

from tests.security.conftest import say, texts

LONG = "Je vous écris parce que tout va mal. " * 600  # 22,200 characters


def _tracker(stack, http, sender):
    response = http.get(
        f"{stack.settings.rasa_url}/conversations/{sender}/tracker", params={"token": stack.settings.rasa_token}
    )
    response.raise_for_status()
    return response.json()


def _user_texts(stack, http, sender):
    return [e.get("text") for e in _tracker(stack, http, sender)["events"] if e["event"] == "user"]


def test_a_very_long_rest_message_gets_a_kind_answer_and_is_not_processed(stack, http):
    sender = f"sec-{uuid.uuid4().hex[:12]}"
    refused = say(http, stack.settings.rasa_url, LONG, sender)
    assert refused.status_code == 413
    assert "trop long" in texts(refused) and "l'essentiel" in texts(refused)
    assert _user_texts(stack, http, sender) == []

    # 10,000 characters are still read (round 9: 4,800 characters were refused).
    accepted = say(http, stack.settings.rasa_url, ("ma banque me coupe le découvert. " * 320)[:10_000], sender)
    assert accepted.status_code == 200 and accepted.json()
    assert len(_user_texts(stack, http, sender)) == 1


def test_a_refused_long_message_with_a_warning_sign_gets_the_crisis_numbers(stack, http):
    """Round 9 (r9b-09): everything poured out in one long message, ending on a wish to be gone, got only "too long"."""
    sender = f"sec-{uuid.uuid4().hex[:12]}"
    text = "Le four est en panne, la banque ne répond plus et l'URSSAF relance. " * 200
    refused = say(
        http, stack.settings.rasa_url, text + " Des fois je me dis que ce serait mieux si je n'étais plus là.", sender
    )
    assert refused.status_code == 413
    assert "3114" in texts(refused) and "l'essentiel" in texts(refused)
    calm = say(http, stack.settings.rasa_url, text, f"{sender}-calm")
    assert "3114" not in texts(calm)


def _socketio_talk(url: str, session_id: str, text: str, headers: dict | None = None) -> list[str]:
    client = socketio.Client(reconnection=False)
    answers: list[str] = []
    confirmed, acknowledged = threading.Event(), threading.Event()
    client.on("session_confirm", lambda *_: confirmed.set())
    client.on("bot_uttered", lambda message: answers.append(message.get("text", "")))
    client.connect(url, transports=["websocket"], socketio_path="socket.io", headers=headers or {})
    try:
        client.emit("session_request", {"session_id": session_id})
        assert confirmed.wait(30), "no session_confirm"
        client.emit("user_uttered", {"message": text, "session_id": session_id}, callback=lambda *_: acknowledged.set())
        assert acknowledged.wait(60)
        deadline = time.monotonic() + 10
        while not answers and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        client.disconnect()
    return answers


def test_a_long_socketio_message_gets_the_same_answer_and_is_not_processed(stack, http):
    session_id = uuid.uuid4().hex
    answers = _socketio_talk(stack.settings.rasa_url, session_id, "aidez moi " * 1_200)  # 12,000 characters
    assert any("trop long" in answer for answer in answers), answers
    assert _user_texts(stack, http, session_id) == []


def test_socketio_refuses_packets_over_48_kB(stack, http):
    """python-socketio accepts 1 MB by default; a 60 kB packet closes the connection before any handler."""
    session_id = uuid.uuid4().hex
    client = socketio.Client(reconnection=False)
    confirmed, gone = threading.Event(), threading.Event()
    client.on("session_confirm", lambda *_: confirmed.set())
    client.on("disconnect", lambda *_: gone.set())
    client.connect(stack.settings.rasa_url, transports=["websocket"], socketio_path="socket.io")
    try:
        client.emit("session_request", {"session_id": session_id})
        assert confirmed.wait(30)
        client.emit("user_uttered", {"message": "x" * 60_000, "session_id": session_id})
        assert gone.wait(30), "a 60 kB packet was accepted"
    finally:
        client.disconnect()
    assert _user_texts(stack, http, session_id) == []


def test_socketio_and_rest_accept_the_chamber_pages_only(stack):
    settings = stack.settings
    handshake = {"EIO": "4", "transport": "polling"}
    with httpx.Client(timeout=30) as client:
        foreign = client.get(
            f"{settings.rasa_url}/socket.io/", params=handshake, headers={"Origin": "https://evil.example"}
        )
        assert foreign.status_code == 400
        own = client.get(f"{settings.rasa_url}/socket.io/", params=handshake, headers={"Origin": settings.web_url})
        assert own.status_code == 200
        assert own.headers.get("access-control-allow-origin") == settings.web_url
        preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}
        evil = client.options(
            f"{settings.rasa_url}/webhooks/rest/webhook", headers={"Origin": "https://evil.example", **preflight}
        )
        assert "access-control-allow-origin" not in evil.headers
        good = client.options(
            f"{settings.rasa_url}/webhooks/rest/webhook", headers={"Origin": settings.web_url, **preflight}
        )
        assert good.headers.get("access-control-allow-origin") == settings.web_url


def test_one_client_cannot_open_conversations_without_end(stack, stranger):
    opened = [say(stranger, stack.settings.rasa_url, "bonjour") for _ in range(10)]
    assert [r.status_code for r in opened] == [200] * 10
    refused = say(stranger, stack.settings.rasa_url, "bonjour")
    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) > 0
    assert "nouvelle" in texts(refused) and "3114" in texts(refused)
    # A conversation already open goes on.
    sender = opened[0].json()[0]["recipient_id"]
    assert say(stranger, stack.settings.rasa_url, "c'est pour l'urssaf", sender).status_code == 200


def test_one_conversation_cannot_send_messages_faster_than_a_person_types(stack, stranger, http):
    sender = f"sec-{uuid.uuid4().hex[:12]}"
    statuses = [say(stranger, stack.settings.rasa_url, "/affirm", sender).status_code for _ in range(16)]
    assert statuses[:15] == [200] * 15 and statuses[15] == 429
    assert len(_user_texts(stack, http, sender)) == 15


def test_the_client_key_for_counting_cases_comes_from_the_channel_not_the_client(stack, stranger, http):
    sender = f"sec-{uuid.uuid4().hex[:12]}"
    forged = {"sender": sender, "message": "bonjour", "metadata": {"relais_client": "forged"}}
    assert stranger.post(f"{stack.settings.rasa_url}/webhooks/rest/webhook", json=forged).status_code == 200
    user = [e for e in _tracker(stack, http, sender)["events"] if e["event"] == "user"][-1]
    key = user["metadata"]["relais_client"]
    assert key != "forged" and len(key) == 16 and "127.0.0" not in key
    # An address the limits leave alone (the suite's own) gets no key, so no case limit.
    exempt = f"sec-{uuid.uuid4().hex[:12]}"
    http.post(
        f"{stack.settings.rasa_url}/webhooks/rest/webhook",
        json={"sender": exempt, "message": "bonjour", "metadata": {"relais_client": "forged"}},
    )
    user = [e for e in _tracker(stack, http, exempt)["events"] if e["event"] == "user"][-1]
    assert "relais_client" not in (user.get("metadata") or {})
