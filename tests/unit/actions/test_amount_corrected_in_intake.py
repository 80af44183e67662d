"""After "J'ai noté : sommes dues : URSSAF 8000 €. Dites-moi si je me trompe.", the correction at the next
question ("pardon c'est 6000 pas 8000", read as a deny) corrects the amount; its "pas" is never this question's
answer (make run, 2026-12-04: the deadline was stored as "aucune échéance connue" and the amount stayed)."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.intake_actions import AMOUNT_CORRECTED, ValidateSituationForm
from actions.triage_actions import ValidateTriageSlots
from tests.support.trackers import bot, run, slot_events, texts, tracker, user

NOTED = "J'ai noté : sommes dues : URSSAF 8000 €. Dites-moi si je me trompe."


def events(words, question, intent="deny"):
    return [
        user("bonjour j'ai une dette urssaf de 8000 euros"),
        {"event": "slot", "name": "creditors", "value": "URSSAF 8000 €"},
        bot(NOTED),
        {"event": "slot", "name": "requested_slot", "value": question},
        bot(f"question {question}"),
        user(words, intent),
    ]


def validate(question, words, earlier, slots):
    """The intake form's validator at `question` on `words`, read as a deny (the deadline's mapping gives "aucune
    échéance connue", the text questions the words): what it returns and says."""
    current = tracker(earlier, slots={**slots, "requested_slot": question}, active_loop="situation_form")
    dispatcher = CollectingDispatcher()
    mapped = "aucune échéance connue" if question == "deadline" else words
    result = getattr(ValidateSituationForm(), f"validate_{question}")(mapped, dispatcher, current, {})
    return result, texts(dispatcher)


def test_the_triage_action_sets_the_corrected_amount():
    current = tracker(events("pardon c'est 6000 pas 8000", "deadline"), slots={"creditors": "URSSAF 8000 €"})
    _, result = run(ValidateTriageSlots(), current)
    assert slot_events(result)["creditors"] == "URSSAF 6000 €"


@pytest.mark.parametrize("question", ["deadline", "since_when", "employees"])
@pytest.mark.parametrize("words", ["pardon c'est 6000 pas 8000", "non 6000 €"])
def test_the_question_waits_and_the_correction_is_said_back(question, words):
    result, said = validate(question, words, events(words, question), {"creditors": "URSSAF 6000 €"})
    assert result == {question: None}
    assert said == [AMOUNT_CORRECTED.format("URSSAF 6000 €")]


def test_an_answer_with_an_amount_is_still_the_answer():
    current = tracker(
        events("non, aucune échéance", "deadline"),
        slots={"creditors": "URSSAF 8000 €", "requested_slot": "deadline"},
        active_loop="situation_form",
    )
    result = ValidateSituationForm().validate_deadline("aucune échéance connue", CollectingDispatcher(), current, {})
    assert result == {"deadline": "aucune échéance connue"}


def place_events(words, question):
    return [
        user("je suis coiffeuse à Lille et l'urssaf me réclame 3000 euros"),
        {"event": "slot", "name": "departement", "value": "59"},
        bot("J'ai noté : coiffeuse, sommes dues : URSSAF 3000 €, Nord (59). Dites-moi si je me trompe."),
        {"event": "slot", "name": "requested_slot", "value": question},
        bot(f"question {question}"),
        user(words, "deny"),
    ]


@pytest.mark.parametrize("question", ["deadline", "since_when", "legal_form"])
@pytest.mark.parametrize(
    "words, said_back",
    [
        ("ah non pas Lille, Roubaix", "J'ai noté : Nord (59). Dites-moi si je me trompe."),
        ("non c'est à Amiens", "J'ai noté : Somme (80). Dites-moi si je me trompe."),
    ],
)
def test_a_place_corrected_at_another_question_is_neither_its_answer_nor_a_pass(question, words, said_back):
    """make run, 2026-12-04: "ah non pas Lille, Roubaix" at the deadline question was stored as "aucune échéance
    connue"; at a question read as text it would have passed the question (nothing new: Roubaix is in the Nord)."""
    result, said = validate(question, words, place_events(words, question), {"departement": "59"})
    assert result == {question: None}
    assert said == [said_back]


def test_a_correction_of_this_very_question_is_its_answer():
    current = tracker(
        place_events("non en fait depuis mars", "since_when"),
        slots={"requested_slot": "since_when"},
        active_loop="situation_form",
    )
    result = ValidateSituationForm().validate_since_when("non en fait depuis mars", CollectingDispatcher(), current, {})
    assert result == {"since_when": "depuis mars"}


def test_a_no_to_the_question_said_with_a_correction_answers_both():
    """Round 5 replays: "non pas d'echeance. et je suis pas a Caen en fait, l'atelier est a Bayeux" corrected the place
    (Caen and Bayeux are both in the Calvados) and lost the no: the deadline question came again."""
    words = "non pas d'echeance. et je suis pas a Caen en fait, l'atelier est a Bayeux"
    current = tracker(
        [
            user("chauffagiste a Caen, je dois 15000 a mes fournisseurs"),
            {"event": "slot", "name": "departement", "value": "14"},
            {"event": "slot", "name": "requested_slot", "value": "deadline"},
            bot("question deadline"),
            user(words, "deny"),
        ],
        slots={"departement": "14", "requested_slot": "deadline"},
        active_loop="situation_form",
    )
    dispatcher = CollectingDispatcher()
    result = ValidateSituationForm().validate_deadline("aucune échéance connue", dispatcher, current, {})
    assert result == {"deadline": "aucune échéance connue"}
    assert texts(dispatcher) == ["J'ai noté : Calvados (14). Dites-moi si je me trompe."]
