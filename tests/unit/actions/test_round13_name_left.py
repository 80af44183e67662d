"""make run, 2026-12-05: "c'est le 06 58 21 44 7" at the name question stored the case's name as "Le". The small words
left around a number name nobody; a name said with the number is still kept."""

from __future__ import annotations

import pytest

from actions.handoff_actions import ValidateHandoffForm
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user


def at_name_question(words):
    slots = consented()
    slots.pop("contact_name")
    events = [bot("Comment le conseiller peut-il vous appeler ?"), user(words, "inform")]
    events.append({"event": "slot", "name": "contact_name", "value": words})
    current = tracker(events, slots={**slots, "contact_name": words, "requested_slot": "contact_name"})
    current.active_loop = {"name": "handoff_form"}
    dispatcher, produced = run(ValidateHandoffForm(), current, DOMAIN)
    return slot_events(produced), texts(dispatcher)


@pytest.mark.parametrize("words", ["c'est le 06 58 21 44 7", "le 07 12 34 56 7", "mon numéro 06 12 34 56"])
def test_the_small_words_around_a_number_are_no_name(words):
    produced, said = at_name_question(words)
    assert produced.get("contact_name") is None
    assert said  # the number is said to have its own question


@pytest.mark.parametrize("words, name", [("Fred, 06 12 34 56", "Fred"), ("c'est Léa 06 12 34 56 7", "Léa")])
def test_a_name_said_with_a_number_is_kept(words, name):
    produced, _ = at_name_question(words)
    assert produced["contact_name"] == name
