"""Round 34 (make run, r34-l), at "Depuis quand cette situation dure-t-elle ?":
- "g plus de courses medicales donc plus rien qui rentre" was only told what the question asks, as if misread: a
  difficulty the triage's rules read there is said noted before the explanation (the model's guess alone is not);
- "pas de date" was said back "J'ai retenu : échéance aucune échéance connue": once the deadline is known, no date is
  this question's answer and the question is passed; before, it answers the deadline, said "pas d'échéance connue"."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import SKIPPED
from actions.handoff_actions import FACT_NOTED
from actions.intake import QUESTION_EXAMPLES
from actions.intake_actions import ValidateSituationForm
from intake.facts import NO_DEADLINE, understood
from tests.support.trackers import bot, tracker, user

EXPLAINED = QUESTION_EXAMPLES["since_when"]


def _at_since_when(words: str, intent: str, mapped: object, **known: object) -> tuple[dict, list[str]]:
    events = [
        user("je suis taxi, la caisse a suspendu ma convention", "describe_situation"),
        *({"event": "slot", "name": name, "value": value} for name, value in known.items()),
        {"event": "slot", "name": "requested_slot", "value": "since_when"},
        bot("Depuis quand cette situation dure-t-elle ?"),
        user(words, intent),
        {"event": "slot", "name": "since_when", "value": mapped},
    ]
    slots = {"requested_slot": "since_when", "since_when": mapped, "difficulty_categories": ["autre"], **known}
    current = tracker(events, slots=slots, active_loop="situation_form")
    dispatcher = CollectingDispatcher()
    update = ValidateSituationForm().validate_since_when(mapped, dispatcher, current, {})
    return update, [message.get("text") or "" for message in dispatcher.messages]


@pytest.mark.parametrize(
    "words",
    [
        "g plus de courses donc plus rien qui rentre",
        "g plus de chantiers donc plus rien qui rentre",
        "ya plus de commandes et plus rien qui rentre",
    ],
)
def test_a_difficulty_told_at_the_question_is_said_noted_then_explained(words):
    update, said = _at_since_when(words, "describe_situation", words)
    assert update["since_when"] is None
    assert said == [f"{FACT_NOTED} {EXPLAINED}"]


@pytest.mark.parametrize("words", ["c'est au nom de ma femme", "ah bon"])
def test_no_difficulty_read_by_the_rules_is_only_explained(words):
    _, said = _at_since_when(words, "inform", words)
    assert said == [EXPLAINED]


@pytest.mark.parametrize(
    "words, intent", [("pas de date", "skip_question"), ("aucune date précise", "inform"), ("non pas de date", "deny")]
)
def test_no_date_once_the_deadline_is_known_passes_the_question(words, intent):
    update, _ = _at_since_when(words, intent, SKIPPED if intent == "skip_question" else words, deadline="le 15 janvier")
    assert update == {"since_when": SKIPPED}


def test_no_date_before_the_deadline_is_asked_answers_it():
    update, said = _at_since_when("pas de date", "skip_question", SKIPPED)
    assert update.get("deadline") == NO_DEADLINE
    assert update["since_when"] is None
    assert "échéance aucune" not in " ".join(said)


def test_a_deadline_denied_is_said_plainly():
    assert understood({"trade": "taxi", "deadline": NO_DEADLINE}) == (
        "J'ai noté : taxi, pas d'échéance connue. Dites-moi si je me trompe."
    )
