"""Rasa's socket.io channel delivers a custom payload (the live chat's signal, issue 16) as the event's data."""

from __future__ import annotations

import asyncio

import pytest
from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOOutput
from socketio import AsyncServer

from bot.channels import CustomJsonSocketIOOutput, _delivering_custom_json

SIGNAL = {"relais_live": {"state": "waiting"}}
CONFIRMATION = {"text": "C'est noté, votre référence est RL-ABC123.", "custom": SIGNAL}


class RecordingServer(AsyncServer):
    """python-socketio's server, every emit recorded (no client is connected)."""

    def __init__(self) -> None:
        super().__init__(async_mode="asgi")
        self.emitted: list[tuple[str, object, object]] = []

    async def emit(self, event, data=None, to=None, room=None, skip_sid=None, namespace=None, callback=None, **kw):
        self.emitted.append((event, data, room))
        return await super().emit(event, data, to=to, room=room, skip_sid=skip_sid, namespace=namespace, **kw)


def test_rasa_s_own_output_fails_on_the_live_signal():
    """Why the override exists: the stock output raises, and the turn with it."""
    with pytest.raises(TypeError, match="relais_live"):
        asyncio.run(SocketIOOutput(RecordingServer(), "bot_uttered").send_response("sid", dict(CONFIRMATION)))


def test_the_text_then_the_signal_reach_the_artisan_s_room():
    server = RecordingServer()
    asyncio.run(CustomJsonSocketIOOutput(server, "bot_uttered").send_response("sid", dict(CONFIRMATION)))
    assert server.emitted == [
        ("bot_uttered", {"text": CONFIRMATION["text"]}, "sid"),
        ("bot_uttered", SIGNAL, "sid"),
    ]


def test_every_socketio_message_gets_the_delivering_output():
    server, seen = RecordingServer(), []

    async def handler(message: UserMessage) -> None:
        seen.append(message.output_channel)
        await message.output_channel.send_response(message.sender_id, dict(CONFIRMATION))

    message = UserMessage("/affirm", SocketIOOutput(server, "bot_uttered"), "artisan")
    asyncio.run(_delivering_custom_json(handler)(message))
    assert isinstance(seen[0], CustomJsonSocketIOOutput)
    assert server.emitted[-1] == ("bot_uttered", SIGNAL, "artisan")
