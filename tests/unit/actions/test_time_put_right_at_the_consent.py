"""A no that only puts the moment of the call right is no refusal of the call (make run, 2026-12-05: a son writing for
his father at risk gave "plutôt entre midi et deux", then "ah non en fait plutôt lundi matin c'est mieux" at the
consent question; read as a refusal, "personne ne vous appellera", no case). New sentences and near misses."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff_actions import ValidateHandoffForm, read_yes_no, time_put_right
from tests.support.trackers import bot, texts, tracker, user

STORY = [user("mon mari est plâtrier à Brive, l'urssaf lui réclame 9000 euros"), bot("…")]


@pytest.mark.parametrize(
    "words",
    [
        "ah non en fait plutôt mardi matin ce serait mieux",
        "non plutôt en fin d'après-midi",
        "non, finalement jeudi après 14h",
        "oh non pardon, plutôt demain midi",
    ],
)
def test_the_moment_put_right_asks_the_consent_again(words, monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", "2026-12-08T10:00:00+01:00")  # a Tuesday: "demain" is a day the advisors call
    current = tracker(
        [*STORY, user(words, "deny")],
        {"wants_advisor": True, "requested_slot": "consent_given", "callback_slot": "plutôt le matin"},
        "handoff_form",
    )
    assert time_put_right(words)
    assert read_yes_no(False, current, "consent_given") is None
    dispatcher = CollectingDispatcher()
    result = ValidateHandoffForm().validate_consent_given(False, dispatcher, current, {})
    assert result.get("consent_given") is None  # never "personne ne vous appellera": the question again
    assert result["callback_slot"] != "plutôt le matin" and not result["callback_slot"].startswith(("non", "ah", "oh"))
    assert texts(dispatcher) == [f"Merci, j'ai noté le moment de l'appel ({result['callback_slot']})."]


@pytest.mark.parametrize(
    "words",
    [
        "non merci",
        "non pas le matin, ni jamais",
        "non je ne veux pas qu'on m'appelle le soir",
        "non, plutôt pas",
    ],
)
def test_a_refusal_stays_a_refusal(words):
    current = tracker(
        [*STORY, user(words, "deny")], {"wants_advisor": True, "requested_slot": "consent_given"}, "handoff_form"
    )
    assert not time_put_right(words)
    assert read_yes_no(False, current, "consent_given") is False


@pytest.mark.parametrize(
    "words, phone",
    [
        ("zéro sept 81 44 20 13", "+33781442013"),
        ("mon portable c'est zéro six 45 12 78 90", "+33645127890"),
    ],
)
def test_a_number_said_in_words_before_the_consent_is_kept_for_its_question(words, phone):
    current = tracker(
        [*STORY, user(words, "inform")], {"wants_advisor": True, "requested_slot": "consent_given"}, "handoff_form"
    )
    dispatcher = CollectingDispatcher()
    result = ValidateHandoffForm().validate_consent_given(None, dispatcher, current, {})
    assert result["consent_given"] is None  # no consent from a number
    assert result["phone"] == phone
    assert "j'ai besoin de votre accord" in " ".join(texts(dispatcher))


def test_a_refused_consent_forgets_the_number_said_before_it():
    current = tracker(
        [*STORY, user("non", "deny")],
        {"wants_advisor": True, "requested_slot": "consent_given", "phone": "+33781442013"},
        "handoff_form",
    )
    result = ValidateHandoffForm().validate_consent_given(False, CollectingDispatcher(), current, {})
    assert result["consent_given"] is False
    assert result.get("phone") is None
