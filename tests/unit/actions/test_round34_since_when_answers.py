"""Round 34 (make run, r34-l), at "Depuis quand cette situation dure-t-elle ?":
- "g plus de courses medicales donc plus rien qui rentre" was told what the question asks, with examples, as if it had
  been misread: a difficulty told there is said noted (the triage keeps it), and the question comes again;
- "pas de date" was stored as the deadline denied and said back as "J'ai retenu : échéance aucune échéance connue": no
  date is this question's answer, passed; a deadline denied is said "pas d'échéance connue"."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import SKIPPED
from actions.handoff_actions import FACT_NOTED
from actions.intake import QUESTION_EXAMPLES
from actions.intake_actions import ValidateSituationForm
from intake.facts import NO_DEADLINE, understood
from tests.support.trackers import bot, tracker, user


def _at_since_when(words: str, intent: str, mapped: object) -> tuple[dict, list[str]]:
    events = [
        user("je suis taxi, la caisse a suspendu ma convention", "describe_situation"),
        {"event": "slot", "name": "requested_slot", "value": "since_when"},
        bot("Depuis quand cette situation dure-t-elle ?"),
        user(words, intent),
        {"event": "slot", "name": "since_when", "value": mapped},
    ]
    slots = {"requested_slot": "since_when", "since_when": mapped, "difficulty_categories": ["autre"]}
    current = tracker(events, slots=slots, active_loop="situation_form")
    dispatcher = CollectingDispatcher()
    update = ValidateSituationForm().validate_since_when(mapped, dispatcher, current, {})
    return update, [message.get("text") or "" for message in dispatcher.messages]


@pytest.mark.parametrize(
    "words",
    [
        "g plus de courses donc plus rien qui rentre",
        "la banque m'a refusé le découvert en plus",
        "et l'urssaf me relance pour 2000 euros",
    ],
)
def test_a_difficulty_told_at_the_question_is_said_noted(words):
    """Noted as a fact of another question ("Merci, c'est noté."), or as the triage's alone (FACT_NOTED)."""
    update, said = _at_since_when(words, "describe_situation", words)
    assert said[0] in (FACT_NOTED, "Merci, c'est noté.") or said[0].startswith("Merci, c'est noté.")
    assert update["since_when"] is None
    assert len(said) == 1 and said[0].startswith("Merci, c'est noté")
    assert QUESTION_EXAMPLES["since_when"] not in said


@pytest.mark.parametrize(
    "words, intent", [("pas de date", "skip_question"), ("aucune date précise", "inform"), ("non pas de date", "deny")]
)
def test_no_date_at_since_when_passes_it(words, intent):
    update, _ = _at_since_when(words, intent, SKIPPED if intent == "skip_question" else words)
    assert update == {"since_when": SKIPPED}


def test_a_deadline_denied_is_said_plainly():
    assert understood({"trade": "taxi", "deadline": NO_DEADLINE}) == (
        "J'ai noté : taxi, pas d'échéance connue. Dites-moi si je me trompe."
    )
