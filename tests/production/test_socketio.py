"""The widget's channel through nginx: socket.io over a websocket, as the widget speaks it."""

from __future__ import annotations

import threading
import time
import uuid

import socketio


def _talk(url: str, session_id: str, messages: list[tuple[str, str]]) -> list[list[str]]:
    """Sends each (text, client_message_id) as the widget does, one at a time; returns the answers to each."""
    client = socketio.Client(reconnection=False)
    answers: list[list[str]] = []
    confirmed = threading.Event()
    client.on("session_confirm", lambda *_: confirmed.set())
    client.on("bot_uttered", lambda message: answers[-1].append(message.get("text", "")))
    client.connect(url, transports=["websocket"], socketio_path="socket.io")
    try:
        client.emit("session_request", {"session_id": session_id})
        assert confirmed.wait(30), "no session_confirm"
        for text, client_message_id in messages:
            answers.append([])
            acknowledged = threading.Event()
            client.emit("user_uttered", {"message": text, "session_id": session_id,
                                         "metadata": {"client_message_id": client_message_id}},
                        callback=lambda *_: acknowledged.set())
            assert acknowledged.wait(60), f"{text!r} not acknowledged"
            time.sleep(0.3)  # answers emitted just before the acknowledgement
    finally:
        client.disconnect()
    return answers


def test_the_widget_channel_converses_through_nginx(system):
    session_id = uuid.uuid4().hex
    answers = _talk(system.public_url, session_id, [("bonjour", f"{session_id}-1")])
    assert answers[0] and "automatique" in " ".join(answers[0])


def test_a_message_the_widget_sends_again_is_processed_once(system):
    """The widget resends a message whose acknowledgement it lost; Rasa answers it again but records it once."""
    session_id = uuid.uuid4().hex
    opening = "ma banque m'a coupé le découvert"
    answers = _talk(system.public_url, session_id, [
        ("bonjour", f"{session_id}-1"), (opening, f"{session_id}-2"), (opening, f"{session_id}-2"),
    ])
    assert answers[2] == answers[1] and answers[1]
    users = [e["text"] for e in system.tracker(session_id)["events"] if e["event"] == "user"]
    assert users == ["bonjour", opening]


def test_a_malformed_session_id_does_not_stop_a_server(system):
    bad = "x\u0000y"
    answers = _talk(system.public_url, bad, [("bonjour", "c-1")])
    assert answers == [[]]  # refused, silently: only a forged client sends this
    for process in system.stack.rasa_instances():
        assert process.is_running(), process.name
    good = uuid.uuid4().hex
    assert _talk(system.public_url, good, [("bonjour", f"{good}-1")])[0]
