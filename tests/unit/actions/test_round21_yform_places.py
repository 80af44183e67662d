"""Round 21 (y.md H4, M1, M8): a place said at another handoff question is a place, never the time, the name or
nothing.

- r21y-06: "Villeneuve" at the time question stored as `callback_slot`, the département empty (an urgent bailiff case).
- r21y-12: "Saint-Denis" at the time question: the département was asked, but the time stored was "Saint-Denis".
- r21y-01: "Sarlat" at the consent question, the town of the first message: "Merci Sarlat.", stored as the name.
- r21y-06: "un conseiller oui" at the place question: "Je n'ai pas reconnu ce lieu"."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff_actions import ValidateHandoffForm
from tests.support.trackers import bot, consented, tracker, user


def at_time(words, slots=None, intent="inform"):
    events = [user("je suis plombier, l'huissier vient lundi"), bot("À quel moment ?"), user(words, intent)]
    filled = {**consented(departement=None), "phone": "+33611223344", "requested_slot": "callback_slot"}
    filled.update(slots or {})
    dispatcher = CollectingDispatcher()
    result = ValidateHandoffForm().validate_callback_slot(
        words, dispatcher, tracker(events, filled, "handoff_form"), {}
    )
    return result, [m.get("text") or "" for m in dispatcher.messages]


@pytest.mark.parametrize("words", ["Villeneuve", "Saint-Denis", "saint denis", "Sainte-Marie"])
def test_a_name_several_towns_bear_is_never_the_time(words):
    result, said = at_time(words)
    assert result.get("callback_slot") is None
    assert result.get("place_choices"), result
    assert any("laquelle" in text for text in said)


@pytest.mark.parametrize("words", ["Villeneuve", "Saint-Denis"])
def test_a_namesake_with_a_place_known_is_not_kept_as_the_time(words):
    result, _ = at_time(words, {"departement": "974"})
    assert result.get("callback_slot") is None


@pytest.mark.parametrize("words", ["le matin", "lundi matin", "demain vers 10h"])
def test_a_moment_stays_the_moment(words):
    result, _ = at_time(words)
    assert result.get("callback_slot")
    assert not result.get("place_choices")
