""" "Why do you ask?" during a form: explained, unless the words only say a moment for the call (the simulator's
seed 20261201 met "quand vous voulez ca m'est egal" read as ask_why_question at the callback question)."""

from __future__ import annotations

import pytest

from actions.intake_actions import ActionExplainQuestion
from tests.support.trackers import run, slot_events, texts, tracker, user

CALLBACK_REASON = (
    "Pour que le conseiller vous appelle à un moment où vous pouvez parler. Vous pouvez aussi répondre « passer »."
)
TRADE_REASON = (
    "Certaines aides dépendent du métier, et le conseiller connaît les difficultés propres à chaque métier. "
    "Vous pouvez aussi répondre « passer »."
)


def _explain(text: str, requested: str) -> tuple[list[str], dict]:
    conversation = tracker(
        [user(text, intent="ask_why_question")], slots={"requested_slot": requested}, active_loop="handoff_form"
    )
    dispatcher, events = run(ActionExplainQuestion(), conversation)
    return texts(dispatcher), slot_events(events)


@pytest.mark.parametrize(
    "text",
    ["quand vous voulez ca m'est egal", "quand ça vous arrange", "n'importe quand, ça m'est égal"],
)
def test_a_moment_at_the_callback_question_answers_it(text):
    said, slots = _explain(text, "callback_slot")
    assert said == []
    assert slots == {"callback_slot": text}


@pytest.mark.parametrize(
    "text, requested, reason",
    [
        ("pourquoi vous voulez savoir quand ?", "callback_slot", CALLBACK_REASON),
        ("ça m'est égal, mais pourquoi cette question ?", "callback_slot", CALLBACK_REASON),
        ("quand vous voulez ca m'est egal", "trade", TRADE_REASON),
    ],
)
def test_a_real_why_or_another_question_gets_the_reason(text, requested, reason):
    said, slots = _explain(text, requested)
    assert said == [reason]
    assert slots == {}


def test_asked_again_with_no_question_pending_the_advisor_is_named_shortly():
    """The simulator (seed 20261218): "c'est quoi le numero des impots deja" twice, guidance already given, got the
    same long answer twice."""
    from actions import services
    from actions.intake_actions import ask_an_advisor_again_text, ask_an_advisor_text
    from tests.support.trackers import bot

    chamber = services.chamber()
    guided = {"guidance_given": [{"id": "sie_plan_reglement"}], "difficulty_categories": ["impots"]}
    first = tracker([user("c'est quoi le numero des impots deja", intent="ask_why_question")], slots=guided)
    dispatcher, _ = run(ActionExplainQuestion(), first)
    assert texts(dispatcher) == [ask_an_advisor_text(chamber)]
    again = tracker(
        [
            user("c'est quoi le numero des impots deja", intent="ask_why_question"),
            bot(ask_an_advisor_text(chamber)),
            user("c'est quoi le numero des impots deja", intent="ask_why_question"),
        ],
        slots=guided,
    )
    dispatcher, _ = run(ActionExplainQuestion(), again)
    assert texts(dispatcher) == [ask_an_advisor_again_text(chamber)]
    assert chamber.phone in texts(dispatcher)[0]
