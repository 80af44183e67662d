"""What the assistant says when it cannot help: honest (no promise that someone will answer), short, and
with the chamber's own name and number from its configuration, for every chamber."""

from __future__ import annotations

import re

import pytest

from actions.ask_actions import out_of_scope_text
from actions.handoff_actions import SHORT_AGAIN
from actions.intake import question_reply
from chamber import load_chamber
from intake.answers import QUESTION

CHAMBERS = [load_chamber("default"), load_chamber("cma-exemple-nord")]
# Words that promise an answer or an outcome nobody can guarantee from here.
PROMISES = re.compile(r"vous r[ée]pond|pourra le faire|pourra vous r[ée]pondre|vous aidera|va vous|s'occupera")


def sentences(text: str) -> int:
    return len([part for part in re.split(r"[.?!](?:\s|$)", text) if part.strip()])


@pytest.mark.parametrize("chamber", CHAMBERS, ids=lambda c: c.id)
@pytest.mark.parametrize("render", [out_of_scope_text, question_reply], ids=["out_of_scope", "question"])
def test_a_reply_without_help_is_honest_short_and_configured(chamber, render):
    text = render(chamber)
    assert chamber.phone in text and chamber.short_name in text
    assert not PROMISES.search(text), text
    assert sentences(text) <= 3, text


def test_the_short_word_said_again_promises_nothing():
    assert not PROMISES.search(SHORT_AGAIN[QUESTION])


@pytest.mark.parametrize("loop", [None, "situation_form"])
@pytest.mark.parametrize("words", ["ben c'est compliqué, le loyer du local", "la tva de l'an dernier, je peux pas"])
def test_a_difficulty_read_as_out_of_scope_is_never_turned_away(words, loop):
    from actions.ask_actions import ActionOutOfScope
    from tests.support.trackers import run, texts, tracker, user

    slots = {"difficulty_categories": ["tresorerie"], "urgency": "normale", "distress": False}
    dispatcher, events = run(ActionOutOfScope(), tracker([user(words, "out_of_scope")], slots=slots, active_loop=loop))
    said = " ".join(texts(dispatcher))
    assert said and "Je ne peux pas vous aider" not in said, said
    followups = [e["name"] for e in events if e.get("event") == "followup"]
    assert followups == ([] if loop else ["situation_form"])  # outside a form, the intake starts


def test_a_request_outside_the_service_is_still_said_so():
    from actions.ask_actions import ActionOutOfScope
    from tests.support.trackers import run, texts, tracker, user

    dispatcher, events = run(ActionOutOfScope(), tracker([user("donnez moi la recette des crêpes", "out_of_scope")]))
    assert texts(dispatcher) == [out_of_scope_text(load_chamber())]
    assert events == []
