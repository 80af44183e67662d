"""Round 11 of conversations: after the crisis reply, a question about the business was turned away as out of scope or
met with a generic line (r11b-01, 06, 11, 24, 25; r11a-05), and "j'ai appelé le 15" got "Appelez tout de suite le 15"
(r11b-10). The question gets one sourced step or an honest word, the door stays open; the call made is acknowledged."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.crisis_actions import (
    ActionAfterSafetyAnswer,
    business_question_after_crisis,
    crisis_in_form_reply,
    says_emergency_called,
)
from guidance.crisis import BUSINESS_QUESTION_DOOR, BUSINESS_QUESTION_UNKNOWN
from tests.support.trackers import bot, run, slot_events, texts, tracker, user

SAFETY_ANSWERED = {"event": "action", "name": "action_after_safety_answer"}


def _after_the_crisis(text: str, intent: str, *, requested: str | None = "wants_advisor", answered: bool = True):
    events = [
        bot("Merci de me l'avoir confié."),
        *([SAFETY_ANSWERED] if answered else []),
        bot("Voulez-vous qu'un conseiller de la chambre vous rappelle ?"),
        user(text, intent),
    ]
    slots = {"distress": True, "urgency": "critique", "requested_slot": requested}
    return tracker(events, slots=slots, active_loop="handoff_form" if requested else None)


@pytest.mark.parametrize(
    "typed, intent, expected",
    [
        # r11b-25: "Je ne peux pas vous aider sur ce sujet".
        (
            "ah et au fait la contrainte j'ai combien de temps pour contester ?",
            "out_of_scope",
            "opposition motivée",
        ),  # no sourced step names the delay
        ("l'urssaf m'a envoyé une contrainte, je peux faire opposition ?", "describe_situation", "opposition motivée"),
        # r11b-01: a restatement and the offer again.
        ("et pour l'urssaf du coup je peux demander un echeancier ?", "describe_situation", "URSSAF un délai"),
        ("bon pour l'urssaf je fais quoi avec la mise en demeure ?", "ask_why_question", "Pour votre question"),
        # r11b-24, r11b-08.
        ("l'assureur a combien de temps pour m'indemniser ?", "describe_situation", "Pour votre question"),
        ("par contre pour les travaux du tram y a une indemnisation ?", "faq", "commission amiable"),
        # r11a-05.
        ("bon sinon en vrai je dois combien de temps pour deposer le bilan ?", "describe_situation", "tribunal"),
        # r11b-06: no sourced step fits: said honestly, never a guess.
        ("ils ont le droit de prendre le camion si j'en ai besoin pour bosser ?", "ask_why_question", "certitude"),
    ],
)
def test_a_business_question_at_the_offer_after_the_crisis_is_answered(typed, intent, expected):
    dispatcher = CollectingDispatcher()
    events = crisis_in_form_reply(dispatcher, _after_the_crisis(typed, intent))
    (said,) = texts(dispatcher)
    assert expected in said
    assert "Je ne peux pas vous aider" not in said and "Appelez tout de suite" not in said
    # The offer stays open: the form asks it again.
    assert slot_events(events) == {"wants_advisor": None, "consent_given": None}


@pytest.mark.parametrize(
    "typed, intent, requested, answered",
    [
        ("oui vous pouvez m'appeler demain ?", "affirm", "wants_advisor", True),  # a yes, not a question
        ("je veux en finir, je fais quoi pour l'urssaf ?", "express_distress", "wants_advisor", True),  # a warning sign
        (
            "et pour l'urssaf je peux demander un echeancier ?",
            "describe_situation",
            "wants_advisor",
            False,
        ),  # too early
        (
            "et pour l'urssaf je peux demander un echeancier ?",
            "describe_situation",
            "contact_name",
            True,
        ),  # its answer?
        ("c'est gratuit ?", "faq", "wants_advisor", True),  # the service, not the business
    ],
)
def test_what_is_not_a_business_question_after_the_crisis_is_left_alone(typed, intent, requested, answered):
    dispatcher = CollectingDispatcher()
    reply = business_question_after_crisis(
        dispatcher, _after_the_crisis(typed, intent, requested=requested, answered=answered)
    )
    assert reply is None
    assert texts(dispatcher) == []


def test_a_warning_sign_with_a_business_question_still_takes_the_crisis_path():
    dispatcher = CollectingDispatcher()
    typed = "je veux en finir, je fais quoi pour l'urssaf ?"
    events = crisis_in_form_reply(dispatcher, _after_the_crisis(typed, "express_distress"))
    assert "Pour votre question" not in " ".join(texts(dispatcher))
    assert slot_events(events).get("distress") is True


@pytest.mark.parametrize(
    "typed",
    [
        "ah et au fait la contrainte j'ai combien de temps pour contester ?",
        "et une contrainte urssaf c'est quoi le délai pour contester ?",
        "ils ont le droit de saisir mon camion ?",
    ],
)
def test_after_a_goodbye_the_question_is_answered_and_the_door_kept_open(typed):
    """r11b-25: after "bonne nuit", outside any question (called from the out-of-scope action). Only the sourced
    knowledge base answers: a step from it, or an honest word that an advisor will say."""
    dispatcher = CollectingDispatcher()
    events = business_question_after_crisis(dispatcher, _after_the_crisis(typed, "out_of_scope", requested=None))
    answer, door = texts(dispatcher)
    assert answer.startswith("Pour votre question") or answer == BUSINESS_QUESTION_UNKNOWN
    assert door == BUSINESS_QUESTION_DOOR
    assert events == []


# r11b-10: "j'ai appelé le 15" at the safety question about the brother.
@pytest.mark.parametrize(
    "typed, called",
    [
        ("j'ai appelé le 15 ils envoient quelqu'un chez lui", True),
        ("je viens d'appeler le samu", True),
        ("les pompiers sont en route", True),
        ("on a prévenu les secours, ils arrivent", True),
        ("je vais appeler le 15", False),
        ("j'ai pas appelé le 15", False),
        ("j'ai 15 ans de métier", False),
        ("ils arrivent pas à le joindre", False),
    ],
)
def test_emergency_services_already_called_are_recognised(typed, called):
    assert says_emergency_called(typed) is called


def _at_the_safety_answer(text: str, person: str | None, safe_now: str = "not_safe"):
    events = [
        user("il a dit au téléphone qu'il allait en finir, il ne répond plus depuis", "express_distress"),
        bot("Votre frère est-il en sécurité en ce moment ?"),
        user(text, "inform"),
        {"event": "action", "name": "action_after_safety_answer"},
    ]
    slots = {"distress": True, "person_at_risk": person, "safe_now": safe_now}
    return tracker(events, slots=slots)


@pytest.mark.parametrize(
    "typed",
    ["j'ai appelé le 15 ils envoient quelqu'un chez lui", "les pompiers sont en route chez lui", "j'ai eu le samu"],
)
def test_the_call_already_made_is_acknowledged_not_prescribed_again(typed):
    dispatcher, events = run(ActionAfterSafetyAnswer(), _at_the_safety_answer(typed, "mon frère"))
    (said,) = texts(dispatcher)
    assert said.startswith("Vous avez bien fait d'appeler les secours")
    assert "l'aider" in said and "3114" in said and "Appelez tout de suite" not in said
    assert said.count(". ") + 1 <= 3
    assert events == []


def test_the_writer_who_called_the_15_for_themself_is_acknowledged():
    dispatcher, _ = run(ActionAfterSafetyAnswer(), _at_the_safety_answer("j'ai appelé le 15, ils arrivent", None))
    (said,) = texts(dispatcher)
    assert said.startswith("Vous avez bien fait") and "3114" in said


def test_no_call_said_keeps_the_emergency_numbers():
    dispatcher, _ = run(ActionAfterSafetyAnswer(), _at_the_safety_answer("je sais pas où il est", "mon frère"))
    assert "Vous avez bien fait d'appeler" not in " ".join(texts(dispatcher))


def test_the_call_made_said_at_the_offer_is_acknowledged_and_the_offer_asked_again():
    dispatcher = CollectingDispatcher()
    t = _after_the_crisis("j'ai appelé le 15, ils envoient quelqu'un", "request_human")
    events = crisis_in_form_reply(dispatcher, t)
    (said,) = texts(dispatcher)
    assert said.startswith("Vous avez bien fait d'appeler les secours")
    assert slot_events(events) == {"wants_advisor": None, "consent_given": None}
