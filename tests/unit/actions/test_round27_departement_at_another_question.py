"""Round 27 (lead-r27-02): "dans la creuse" said at the debts question was stored as the creditor "dans la creuse",
and the place question came later as if nothing had been said. A département named alone, at any other intake
question, is the place question's answer (as a known town alone already was), and never that question's answer."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.intake_actions import ValidateSituationForm
from actions.unanswered import WRONG_QUESTION_ACK
from tests.support.trackers import bot, texts, tracker, user


def _validated(asked: str, words: str) -> tuple[dict, list[str]]:
    events = [{"event": "slot", "name": "requested_slot", "value": asked}, bot("…"), user(words, "inform")]
    slots = {"requested_slot": asked, asked: words}
    dispatcher = CollectingDispatcher()
    validate = getattr(ValidateSituationForm(), f"validate_{asked}")
    return validate(words, dispatcher, tracker(events, slots), {}), texts(dispatcher)


@pytest.mark.parametrize(
    "asked, words, code",
    [
        ("creditors", "dans la creuse", "23"),
        ("creditors", "en creuse", "23"),
        ("creditors", "dans le var", "83"),
        ("deadline", "dans le cher", "18"),
        ("employees", "dans la manche", "50"),
        ("since_when", "dans la somme", "80"),
        ("legal_form", "dans le lot", "46"),
    ],
)
def test_a_departement_named_alone_answers_the_place_question(asked, words, code):
    result, said = _validated(asked, words)
    assert result.get("departement") == code
    assert result.get(asked) in (None, "")  # never stored as this question's answer
    assert said[:1] == [WRONG_QUESTION_ACK]  # heard, and the question asked again


@pytest.mark.parametrize(
    "asked, words",
    [
        ("creditors", "la somme je sais plus, dans les 3000"),  # the sum, not the Somme
        ("creditors", "c'est cher"),
        ("creditors", "la banque"),
        ("creditors", "la somme ?"),
        ("deadline", "le nord"),  # a direction as much as a place: left to the place question
    ],
)
def test_words_that_look_like_a_departement_stay_what_they_are(asked, words):
    result, _ = _validated(asked, words)
    assert "departement" not in result
