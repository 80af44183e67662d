"""The widget's channel through nginx: socket.io over a websocket, as the widget speaks it."""

from __future__ import annotations

import threading
import uuid

import socketio


def _bot_events_of_last_turn(system, session_id: str) -> int:
    """How many bot messages Rasa recorded after the conversation's last user message (0 if none)."""
    try:
        events = system.tracker(session_id)["events"]
    except Exception:  # noqa: BLE001 - a refused session has no tracker
        return 0
    last_user = max((index for index, event in enumerate(events) if event["event"] == "user"), default=None)
    if last_user is None:
        return 0
    return sum(event["event"] == "bot" for event in events[last_user + 1 :])


def _talk(system, session_id: str, messages: list[tuple[str, str]]) -> list[list[str]]:
    """Sends each (text, client_message_id) as the widget does, one at a time; returns the answers to each.

    The client runs each received event in its own thread, so the acknowledgement can overtake the bot
    messages sent before it: after it, wait until as many messages arrived as Rasa recorded for the turn.
    """
    client = socketio.Client(reconnection=False)
    answers: list[list[str]] = []
    arrived = threading.Condition()
    confirmed = threading.Event()
    client.on("session_confirm", lambda *_: confirmed.set())

    def bot_uttered(message) -> None:
        with arrived:
            answers[-1].append(message.get("text", ""))
            arrived.notify_all()

    client.on("bot_uttered", bot_uttered)
    client.connect(system.public_url, transports=["websocket"], socketio_path="socket.io")
    try:
        client.emit("session_request", {"session_id": session_id})
        assert confirmed.wait(30), "no session_confirm"
        for text, client_message_id in messages:
            with arrived:
                answers.append([])
            acknowledged = threading.Event()
            client.emit(
                "user_uttered",
                {"message": text, "session_id": session_id, "metadata": {"client_message_id": client_message_id}},
                callback=lambda *_, done=acknowledged: done.set(),
            )
            assert acknowledged.wait(60), f"{text!r} not acknowledged"
            expected = _bot_events_of_last_turn(system, session_id)
            with arrived:
                assert arrived.wait_for(lambda expected=expected: len(answers[-1]) >= expected, timeout=30), (
                    f"{text!r}: {len(answers[-1])} of {expected} bot messages arrived"
                )
    finally:
        client.disconnect()
    return answers


def test_the_widget_channel_converses_through_nginx(system):
    session_id = uuid.uuid4().hex
    answers = _talk(system, session_id, [("bonjour", f"{session_id}-1")])
    assert answers[0] and "automatique" in " ".join(answers[0])


def test_a_message_the_widget_sends_again_is_processed_once(system):
    """The widget resends a message whose acknowledgement it lost; Rasa answers it again but records it once."""
    session_id = uuid.uuid4().hex
    opening = "ma banque m'a coupé le découvert"
    answers = _talk(
        system,
        session_id,
        [
            ("bonjour", f"{session_id}-1"),
            (opening, f"{session_id}-2"),
            (opening, f"{session_id}-2"),
        ],
    )
    assert answers[2] == answers[1] and answers[1]
    users = [e["text"] for e in system.tracker(session_id)["events"] if e["event"] == "user"]
    assert users == ["bonjour", opening]


def test_a_malformed_session_id_does_not_stop_a_server(system):
    bad = "x\u0000y"
    answers = _talk(system, bad, [("bonjour", "c-1")])
    assert answers == [[]]  # refused, silently: only a forged client sends this
    for process in system.stack.rasa_instances():
        assert process.is_running(), process.name
    good = uuid.uuid4().hex
    assert _talk(system, good, [("bonjour", f"{good}-1")])[0]
