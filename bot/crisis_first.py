"""The crisis numbers before anything else, the welcome included (the triage contract: "the very next reply gives
the crisis numbers ... before anything else").

A first message that carries a warning sign ("j'ai envie d'en finir") is answered in the turn that starts the
conversation: ``action_session_start`` says the welcome, then the crisis path the numbers. Rasa sends each action's
messages as soon as the action ends, so the welcome came first (round 4 of off-script conversations, 2026-12-03).
``crisis_first`` wraps a channel's message handler: a welcome is held until the turn's next reply; when that reply
gives the crisis numbers, they go first and the welcome follows them without its "Bonjour" (the assistant still says
early that it is automated, free and confidential), before the safety question; otherwise the welcome goes first,
with "Bonsoir" to a first message that says it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from guidance.crisis import BEREAVEMENT, names_emergency_numbers
from guidance.welcome import EVENING_GREETING, WELCOME_OPENING, welcome_after_crisis, welcome_in_the_evening


def crisis_first(handle: Callable[[Any], Awaitable[None]]) -> Callable[[Any], Awaitable[None]]:
    async def ordered(message: Any) -> None:
        channel = message.output_channel
        original_send = channel.send_response
        held: list[tuple[str, dict[str, Any]]] = []
        crisis_said = False
        evening = bool(EVENING_GREETING.match(getattr(message, "text", None) or ""))

        async def release() -> None:
            while held:
                recipient_id, reply = held.pop(0)
                if crisis_said and reply.get("text"):
                    reply = {**reply, "text": welcome_after_crisis(reply["text"])}
                elif evening and reply.get("text"):
                    reply = {**reply, "text": welcome_in_the_evening(reply["text"])}
                await original_send(recipient_id, reply)

        async def send(recipient_id: str, reply: dict[str, Any]) -> None:
            nonlocal crisis_said
            text = reply.get("text") or ""
            if not crisis_said and not held and text.startswith(WELCOME_OPENING):
                held.append((recipient_id, reply))
                return
            # Condolences with the 3114 for the bereaved are no danger (round 26, r26a-19, r26a-21: they came before
            # the welcome): the welcome goes first, as for any first message.
            if names_emergency_numbers(text) and not text.startswith(BEREAVEMENT):
                crisis_said = True
                await original_send(recipient_id, reply)
                return
            await release()
            await original_send(recipient_id, reply)

        channel.send_response = send  # on this one channel object, for this one turn
        try:
            await handle(message)
        finally:
            channel.send_response = original_send
            await release()

    return ordered
