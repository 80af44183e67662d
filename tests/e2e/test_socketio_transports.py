"""The widget's channel on the embedded mode's Rasa server, two Sanic workers on their own sockets.

A socket.io session lives in one worker; over long-polling every request may reach the other one. Each
transport is tried with python-socketio's client, twelve conversations at once: all must connect and be
answered (before the sticky routing, 8 of 12 connected over polling).
"""

from __future__ import annotations

import json
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
import socketio

CONVERSATIONS = 12


def _converse(url: str, transports: list[str]) -> tuple[str, list[str]]:
    """Opens a socket.io session as a widget does, says hello; returns the transport used and the answers."""
    session_id = uuid.uuid4().hex
    client = socketio.Client(reconnection=False)
    confirmed, answered = threading.Event(), threading.Event()
    answers: list[str] = []

    def on_answer(message: dict) -> None:
        answers.append(message.get("text", ""))
        answered.set()

    client.on("session_confirm", lambda *_: confirmed.set())
    client.on("bot_uttered", on_answer)
    client.connect(url, transports=transports, socketio_path="socket.io", wait_timeout=30)
    try:
        client.emit("session_request", {"session_id": session_id})
        assert confirmed.wait(60), "no session_confirm"
        client.emit(
            "user_uttered",
            {"message": "bonjour", "session_id": session_id, "metadata": {"client_message_id": f"{session_id}-1"}},
        )
        assert answered.wait(90), "no answer"
        return client.transport(), answers
    finally:
        client.disconnect()


@pytest.mark.parametrize(
    "transports, expected_transport",
    [
        (["polling"], "polling"),
        (["websocket"], "websocket"),
        (["polling", "websocket"], None),  # socket.io's default: polling first, then an upgrade if it can
    ],
)
def test_twelve_conversations_at_once_all_connect_and_get_answers(stack, transports, expected_transport):
    with ThreadPoolExecutor(CONVERSATIONS) as pool:
        futures = [pool.submit(_converse, stack.settings.rasa_url, transports) for _ in range(CONVERSATIONS)]
        outcomes = []
        for future in futures:
            try:
                outcomes.append(future.result(timeout=180))
            except Exception as error:  # noqa: BLE001  (counted, then reported)
                outcomes.append((None, [repr(error)]))

    failed = [answers for transport, answers in outcomes if transport is None]
    assert failed == [], f"{len(failed)} of {CONVERSATIONS} conversations failed"
    assert all(any("automatique" in text for text in answers) for _, answers in outcomes)
    if expected_transport:
        assert {transport for transport, _ in outcomes} == {expected_transport}


def test_every_polling_answer_carries_one_cors_origin_whichever_worker_takes_it(stack):
    """A browser refuses an answer with two Access-Control-Allow-Origin values. A polling request that reaches the
    worker not holding the session is answered by the other through it; both added their CORS headers once (1
    conversation in 11 of the widget's failed over polling). Each request here opens its own connection, so the
    kernel spreads them between the two workers: twenty requests reach both (all on one: 2 in a million)."""
    origin = stack.settings.web_url
    url = f"{stack.settings.rasa_url}/socket.io/"
    headers = {"Origin": origin}
    handshake = httpx.get(url, params={"EIO": "4", "transport": "polling"}, headers=headers, timeout=30)
    assert handshake.headers.get_list("access-control-allow-origin") == [origin]
    sid = json.loads(handshake.text[1:])["sid"]
    opened = httpx.post(url, params={"EIO": "4", "transport": "polling", "sid": sid}, content="40", headers=headers)
    assert opened.status_code == 200
    assert opened.headers.get_list("access-control-allow-origin") == [origin]
    polled = httpx.get(url, params={"EIO": "4", "transport": "polling", "sid": sid}, headers=headers, timeout=60)
    assert polled.text.startswith("40"), polled.text  # socket.io's connect answer
    session_request = "42" + json.dumps(["session_request", {"session_id": uuid.uuid4().hex}])
    for _ in range(20):
        # Each request on a fresh connection: a session request, whose confirmation the next poll brings at once.
        sent = httpx.post(
            url, params={"EIO": "4", "transport": "polling", "sid": sid}, content=session_request, headers=headers
        )
        assert sent.status_code == 200, sent.text
        assert sent.headers.get_list("access-control-allow-origin") == [origin]
        polled = httpx.get(url, params={"EIO": "4", "transport": "polling", "sid": sid}, headers=headers, timeout=60)
        assert "session_confirm" in polled.text, polled.text
        assert polled.headers.get_list("access-control-allow-origin") == [origin]
