"""Round 33 (r33-g): "on est dans le 9-3" at the deadline question (the extractor tagged "9-3" a date) got the deadline
question explained again, the place lost. A département's code said as where one is, at another question, is the place
question's answer, kept for it; a date or a delay with "le" and a number is not."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.intake_actions import ValidateSituationForm
from tests.support.trackers import bot, texts, tracker, user
from tests.unit.actions.test_intake_answers_of_their_kind import at_question


@pytest.mark.parametrize(
    "slot, words, code",
    [
        ("deadline", "on est dans le 9-3", "93"),
        ("deadline", "nous on est du 7-7", "77"),
        ("since_when", "ah et on est dans le 44", "44"),
        ("since_when", "ici c'est dans le 13", "13"),
    ],
)
def test_a_code_said_as_a_place_goes_to_the_place(slot, words, code):
    # The part the extractor tagged (a date: "9-3"); the whole words go through the triage's own reading of the turn.
    for tagged in (words.split()[-1],):
        events = [
            user("la banque a rejeté mes prélèvements"),
            {"event": "slot", "name": "requested_slot", "value": slot},
            bot("?"),
            user(words, "inform"),
        ]
        current = tracker(events, slots={"requested_slot": slot, slot: tagged}, active_loop="situation_form")
        dispatcher = CollectingDispatcher()
        result = getattr(ValidateSituationForm(), f"validate_{slot}")(tagged, dispatcher, current, {})
        assert result.get("departement") == code, (tagged, result)
        assert result[slot] is None
        assert "Merci" in texts(dispatcher)[0]


@pytest.mark.parametrize("words", ["dans les 15 jours", "c'est le 12 décembre"])
def test_a_date_with_a_number_is_no_place(words):
    _, result = at_question("deadline", [words])
    assert result.get("departement") in (None, "")
