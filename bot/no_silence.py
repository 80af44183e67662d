"""Every message the artisan sends gets at least one reply, whatever happened in the turn.

A turn can end without a bot message: the action server down or failing (Rasa logs it and goes on),
a form rejecting an answer no rule covers, the policies predicting only ``action_listen``, an
exception in Rasa itself. ``never_silent`` wraps a channel's message handler (``bot.channels``'
replay-safe channels, used in both layouts): it counts what the turn sent to the artisan and, when
that is nothing, sends a short fallback. When a question is pending (a form is active) the fallback
asks it again, with its buttons, so that the artisan knows what is expected.

The fallback is sent on the channel, not written into the tracker: it is what the artisan reads when
the bot had nothing to say, and the next turn goes on from the same dialogue state.

One silence is on purpose: a conversation paused in Rasa (an advisor took it over in the live chat, issue 16:
the web app sends Rasa's ``pause`` event, and ``resume`` when the advisor hands back or closes). Rasa then
predicts nothing, and neither the bot nor this fallback may talk over the advisor. A message that still
reaches Rasa (another tab of the conversation that missed the takeover) reached nobody: the reply is no text
but the live signal ``UNDELIVERED`` (``{"relais_live": {"state": "active", "undelivered": true}}``), on which
the widget enters the live chat and sends that message to the advisor instead (nothing lost).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable
from typing import Any

log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=1)
def _chamber() -> Any | None:
    try:
        from chamber import load_chamber

        return load_chamber()
    except Exception:  # a fallback must not fail on the configuration
        log.exception("chamber configuration unreadable for the fallback reply")
        return None


EMPTY = "Votre message m'est arrivé vide."
# The answer to a message sent to a paused conversation: not a word from the bot, the widget's signal.
UNDELIVERED = {"custom": {"relais_live": {"state": "active", "undelivered": True}}}


def fallback_text(chamber: Any | None, question_pending: bool, empty: bool = False, waiting: bool = False) -> str:
    if waiting:
        # "euh", "attendez je réfléchis": the artisan is thinking; no "pardon", the question waits.
        from intake.answers import TAKE_YOUR_TIME, TAKE_YOUR_TIME_NO_QUESTION

        return TAKE_YOUR_TIME if question_pending else TAKE_YOUR_TIME_NO_QUESTION
    if empty:
        return EMPTY + (" Je reprends ma question :" if question_pending else " Que vouliez-vous me dire ?")
    if question_pending:
        return "Pardon, je n'ai pas su quoi répondre à ce message. Je reprends ma question :"
    if chamber is None:
        return (
            "Pardon, je n'ai pas su quoi répondre à ce message. Dites-moi ce qui vous amène avec vos mots, "
            "ou écrivez « conseiller » pour qu'une personne vous rappelle."
        )
    return (
        "Pardon, je n'ai pas su quoi répondre à ce message. Dites-moi ce qui vous amène avec vos mots, "
        f"écrivez « conseiller » pour qu'une personne vous rappelle, ou appelez la {chamber.name} au {chamber.phone}."
    )


def pending_question(events: list[Any], active_loop: str | None) -> dict[str, Any] | None:
    """The last question the bot asked ({"text", "buttons"}), when a form waits for its answer."""
    if not active_loop:
        return None
    for event in reversed(events):
        if type(event).__name__ != "BotUttered":
            continue
        text = getattr(event, "text", None) or ""
        if "?" in text:  # "Comment le conseiller peut-il vous appeler ? Un prénom suffit." is a question too
            reply = {"text": text}
            buttons = (getattr(event, "data", None) or {}).get("buttons")
            if buttons:
                reply["buttons"] = buttons
            return reply
    return None


def _waiting(text: str | None) -> bool:
    try:
        from intake.answers import is_waiting

        return is_waiting(text)
    except Exception:
        log.exception("the hesitation reading failed for the fallback reply")
        return False


async def _state(apps: Callable[[], Any], sender_id: str) -> tuple[list[Any], str | None, bool]:
    """The conversation's events, its active form, and whether it is paused (an advisor holds it)."""
    try:
        agent = next(iter(apps())).ctx.agent
        tracker = await agent.tracker_store.retrieve(sender_id)
    except (Exception, SystemExit):  # noqa: BLE001 - the fallback is said anyway (Rasa's SQL store exits on driver errors)
        return [], None, False
    if tracker is None:
        return [], None, False
    return list(tracker.events), tracker.active_loop_name, bool(tracker.is_paused())


async def _fallback(
    apps: Callable[[], Any], message: Any, send: Callable[[str, dict[str, Any]], Awaitable[None]]
) -> None:
    """The reply of a turn that sent nothing, unless an advisor holds the conversation (paused)."""
    try:
        events, loop, paused = await _state(apps, message.sender_id)
        if paused:
            log.info("a message reached a conversation an advisor holds: the widget is told to send it live")
            await send(message.sender_id, {"custom": dict(UNDELIVERED["custom"])})
            return
        if (message.text or "").strip():
            log.warning("a turn produced no reply: the fallback reply is sent")
        question = pending_question(events, loop)
        empty = not (message.text or "").strip()
        text = fallback_text(_chamber(), question is not None, empty, _waiting(message.text))
        await send(message.sender_id, {"text": text})
        if question:
            await send(message.sender_id, dict(question))
    except Exception:  # nothing more can be done for this turn
        log.exception("the fallback reply could not be sent")


def never_silent(
    handle: Callable[[Any], Awaitable[None]],
    apps: Callable[[], Any],
    answerable: Callable[[Any], bool] = lambda _sender: True,
) -> Callable[[Any], Awaitable[None]]:
    """``handle(message)`` that always leaves at least one reply on the message's output channel.

    ``answerable(sender_id)`` False: a conversation id the channel refuses on purpose (a forged one, with a
    NUL character): no reply, as the channel decided, and no store is asked about it.
    """

    async def answered(message: Any) -> None:
        if not answerable(message.sender_id):
            await handle(message)
            return
        channel = message.output_channel
        sent = 0
        original_send = channel.send_response

        async def counting_send(recipient_id: str, reply: dict[str, Any]) -> None:
            nonlocal sent
            sent += 1
            await original_send(recipient_id, reply)

        channel.send_response = counting_send  # on this one channel object, for this one turn
        try:
            if (message.text or "").strip():
                await handle(message)
            else:
                # Rasa's intent classifier fails on a message without a word (no feature): nothing to
                # process, the artisan gets the question again below.
                log.info("an empty message was not processed")
        finally:
            channel.send_response = original_send
            if sent == 0:
                await _fallback(apps, message, original_send)

    return answered
