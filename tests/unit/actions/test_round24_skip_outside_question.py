"""Round 24 (talker B, r24b-09): "je sais pas quoi lui dire ce soir", from the partner of a man at risk, read as a skip
with no question pending, got the domain's "Pas de souci, rien ne presse". A skip outside a question now depends on
what is known: the 3114 in a crisis, no "ce qui vous amène" once the situation is told."""

import pytest

from actions.intake_actions import SKIP_AFTER_THE_SITUATION, ActionSkipOutsideQuestion
from guidance.crisis import SKIP_IN_A_CRISIS
from tests.support.trackers import run, tracker, user


@pytest.mark.parametrize("words", ["je sais pas quoi lui dire ce soir", "passer", "je préfère pas répondre"])
def test_a_skip_in_a_crisis_gets_the_3114_never_rien_ne_presse(words):
    slots = {"distress": True, "urgency": "critique", "difficulty_categories": ["sante"]}
    dispatcher, events = run(ActionSkipOutsideQuestion(), tracker([user(words, "skip_question")], slots))
    said = " ".join(message.get("text") or "" for message in dispatcher.messages)
    assert said == SKIP_IN_A_CRISIS
    assert "3114" in said and "rien ne presse" not in said
    assert events == []


def test_a_skip_once_the_situation_is_told_does_not_ask_for_it_again():
    slots = {"difficulty_categories": ["cotisations_sociales"], "urgency": "normale"}
    dispatcher, _ = run(ActionSkipOutsideQuestion(), tracker([user("passer", "skip_question")], slots))
    assert [message.get("text") for message in dispatcher.messages] == [SKIP_AFTER_THE_SITUATION]
    assert "ce qui vous amène" not in SKIP_AFTER_THE_SITUATION


def test_a_skip_before_anything_is_told_keeps_the_domain_answer():
    dispatcher, _ = run(ActionSkipOutsideQuestion(), tracker([user("passer", "skip_question")], {}))
    assert [message.get("response") for message in dispatcher.messages] == ["utter_skip_outside_question"]
