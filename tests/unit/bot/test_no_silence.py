"""A processed message whose turn produced no bot message gets a fallback reply (bot.no_silence)."""

from __future__ import annotations

import asyncio
import contextlib
from types import SimpleNamespace

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActiveLoop, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.no_silence import never_silent
from intake.answers import TAKE_YOUR_TIME, TAKE_YOUR_TIME_NO_QUESTION

QUESTION = "Quel est votre métier ?"
BUTTONS = [{"title": "Passer", "payload": "/skip_question"}]


def apps_with(events: list) -> callable:
    store = InMemoryTrackerStore(Domain.empty())
    tracker = DialogueStateTracker.from_events("artisan", events)
    asyncio.run(store.save(tracker))
    app = SimpleNamespace(ctx=SimpleNamespace(agent=SimpleNamespace(tracker_store=store)))
    return lambda: [app]


def say(handler, apps, text: str = "xqzw bidule") -> list[dict]:
    channel = CollectingOutputChannel()
    asyncio.run(never_silent(handler, apps)(UserMessage(text, channel, "artisan")))
    return channel.messages


async def silent(message):
    return None


async def replies(message):
    await message.output_channel.send_response(message.sender_id, {"text": "Bonjour"})


async def fails(message):
    raise RuntimeError("the action server is down")


def test_a_silent_turn_gets_a_fallback_with_a_way_to_a_person():
    messages = say(silent, apps_with([UserUttered("xqzw bidule")]))
    assert len(messages) == 1
    assert "je n'ai pas su quoi répondre" in messages[0]["text"]
    assert "conseiller" in messages[0]["text"]


def test_a_silent_turn_in_a_form_asks_the_pending_question_again():
    events = [ActiveLoop("situation_form"), BotUttered(QUESTION, data={"buttons": BUTTONS}), UserUttered("xqzw bidule")]
    messages = say(silent, apps_with(events))
    assert [m["text"] for m in messages] == [
        "Pardon, je n'ai pas su quoi répondre à ce message. Je reprends ma question :",
        QUESTION,
    ]
    assert messages[1]["buttons"] == BUTTONS


def test_the_pending_question_is_the_latest_even_when_a_hint_follows_its_question_mark():
    consent = "Êtes-vous d'accord ?"
    name = "Comment le conseiller peut-il vous appeler ? Un prénom suffit."
    events = [ActiveLoop("handoff_form"), BotUttered(consent), UserUttered("oui"), BotUttered(name), UserUttered("bof")]
    messages = say(silent, apps_with(events))
    assert [m["text"] for m in messages][1:] == [name]


def test_a_turn_that_answered_gets_nothing_more():
    messages = say(replies, apps_with([]))
    assert [m["text"] for m in messages] == ["Bonjour"]


def test_a_failing_turn_still_gets_a_reply():
    channel = CollectingOutputChannel()
    # socket.io's handler raises so that the widget resends; the reply is there anyway
    with contextlib.suppress(RuntimeError):
        asyncio.run(never_silent(fails, apps_with([]))(UserMessage("xqzw bidule", channel, "artisan")))
    assert len(channel.messages) == 1
    assert "je n'ai pas su quoi répondre" in channel.messages[0]["text"]


def test_without_a_tracker_store_the_fallback_is_still_said():
    messages = say(silent, list)
    assert len(messages) == 1


def test_an_empty_message_is_not_processed_and_gets_the_question_again():
    events = [ActiveLoop("handoff_form"), BotUttered(QUESTION), UserUttered("x")]
    calls = []

    async def records(message):
        calls.append(message)

    messages = say(records, apps_with(events), text="   ")
    assert calls == []
    assert [m["text"] for m in messages] == ["Votre message m'est arrivé vide. Je reprends ma question :", QUESTION]


@pytest.mark.parametrize("text", ["euh", "attendez je réfléchis", "...", "un instant svp"])
def test_a_silent_turn_on_a_hesitation_asks_again_softly_without_a_pardon(text):
    events = [ActiveLoop("situation_form"), BotUttered(QUESTION, data={"buttons": BUTTONS}), UserUttered(text)]
    messages = say(silent, apps_with(events), text=text)
    assert [m["text"] for m in messages] == [TAKE_YOUR_TIME, QUESTION]
    assert messages[1]["buttons"] == BUTTONS


def test_a_silent_turn_on_a_hesitation_with_no_question_waits_kindly():
    messages = say(silent, apps_with([UserUttered("euh")]), text="euh")
    assert [m["text"] for m in messages] == [TAKE_YOUR_TIME_NO_QUESTION]


def test_a_conversation_an_advisor_holds_gets_no_reply_from_the_bot_only_the_live_signal():
    """Paused by the web app's live chat (Rasa's pause event): Rasa predicts nothing, and the fallback must
    not talk over the advisor either; the tab that sent it is told to send it to the advisor (another tab
    of the conversation that missed the takeover). Resumed, the guard answers again."""
    from rasa.shared.core.events import ConversationPaused, ConversationResumed

    signal = {"recipient_id": "artisan", "custom": {"relais_live": {"state": "active", "undelivered": True}}}
    assert say(silent, apps_with([ConversationPaused(), UserUttered("xqzw bidule")])) == [signal]
    assert say(silent, apps_with([ConversationPaused(), UserUttered("")]), "") == [signal]
    assert all("text" not in reply for reply in say(silent, apps_with([ConversationPaused()])))
    resumed = say(silent, apps_with([ConversationPaused(), ConversationResumed(), UserUttered("xqzw bidule")]))
    assert len(resumed) == 1 and "je n'ai pas su quoi répondre" in resumed[0]["text"]
