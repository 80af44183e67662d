"""Round 19 (r19a-03): a warning sign told once the case was stored ran the crisis path, yet the case stayed "distress
0, urgency haute" with no line about it; then a no to the offer made again got "C'est entendu, personne ne vous
appellera" while the callback was pending, and "dites-le au conseiller" was lost. The stored case follows the crisis
path (distress, urgency critique, the signs, the safety answer), and a no that takes nothing back keeps the case and
its call. Real trackers and a real SQLite case store; sentences in other words than the conversation's."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.crisis_actions import ActionAfterSafetyAnswer, ActionCrisisResponse
from actions.handoff_actions import finish_handoff, save_case
from tests.support.action_services import stored_cases
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

SENDER = "case-follows-crisis"
PHONE = "+33555123456"


def _stored(**extra) -> str:
    slots = consented(phone=PHONE, urgency="haute", callback_slot="lundi matin", **extra)
    current = tracker([user("l'huissier passe lundi chez mon père, il est plombier")], slots=slots, sender_id=SENDER)
    return save_case(current, dict(current.slots)).reference


def _slots(reference: str, **extra):
    return consented(
        **{"phone": PHONE, "urgency": "haute", "callback_slot": "lundi matin", "case_reference": reference, **extra}
    )


@pytest.mark.parametrize(
    "words, signs",
    [
        (
            "depuis l'enterrement il répète que plus rien n'a de sens, qu'il voudrait en finir",
            ["model:ambiguous", "direct_question_not_a_clear_no"],
        ),
        ("ma mère m'a dit hier soir qu'elle ne voyait plus de raison de continuer", ["indirect_burden"]),
    ],
)
def test_a_sign_told_after_the_case_raises_the_stored_case(words: str, signs: list[str]) -> None:
    reference = _stored()
    assert stored_cases()[0].distress is False
    events = [bot(f"C'est noté, votre référence est {reference}."), user(words, "express_distress")]
    slots = _slots(reference, distress=True, distress_level=2, distress_signs=signs)
    _, result = run(ActionCrisisResponse(), tracker(events, slots=slots, sender_id=SENDER))
    assert slot_events(result)["distress"] is True
    case = stored_cases()[0]
    assert (case.reference, case.distress, case.urgency) == (reference, True, "critique")
    assert "DÉTRESSE" in case.summary and case.phone == PHONE
    assert "Signes repérés" in case.summary


def test_the_safety_answer_reaches_the_stored_case() -> None:
    reference = _stored()
    events = [bot("Pensez-vous qu'il soit en sécurité en ce moment ?"), user("j'en sais rien, il répond plus", "deny")]
    slots = _slots(reference, distress=True, urgency="critique", safe_now="not_safe", person_at_risk="mon père")
    run(ActionAfterSafetyAnswer(), tracker(events, slots=slots, sender_id=SENDER))
    case = stored_cases()[0]
    assert case.distress is True and case.urgency == "critique"
    assert "pas en sécurité" in case.summary


def test_near_miss_no_stored_case_stores_nothing() -> None:
    events = [user("il dit que ça sert plus à rien de se battre", "express_distress")]
    slots = {"distress": True, "distress_level": 2, "urgency": "critique", "difficulty_categories": ["banque"]}
    run(ActionCrisisResponse(), tracker(events, slots=slots, sender_id=SENDER))
    assert stored_cases() == []


@pytest.mark.parametrize(
    "words",
    [
        "non ça va vous avez déjà mon numéro. mais prévenez le conseiller pour ma mère",
        "non merci c'est déjà fait tout à l'heure",
    ],
)
def test_a_no_once_the_case_is_stored_keeps_the_case_and_its_call(words: str) -> None:
    reference = _stored()
    events = [bot("Voulez-vous qu'un conseiller de la chambre vous rappelle ?"), user(words, "deny")]
    slots = _slots(reference, distress=True, urgency="critique", wants_advisor=False)
    dispatcher = CollectingDispatcher()
    result = finish_handoff(dispatcher, tracker(events, slots=slots, sender_id=SENDER))
    said = " ".join(texts(dispatcher))
    assert "personne ne vous appellera" not in said
    assert f"Votre demande {reference} reste bien enregistrée" in said and "3114" in said
    assert slot_events(result)["wants_advisor"] is True
    case = stored_cases()[0]
    assert case.phone == PHONE and case.distress is True and case.urgency == "critique"


def test_near_miss_a_refusal_without_a_case_is_still_a_refusal() -> None:
    events = [bot("Voulez-vous qu'un conseiller de la chambre vous rappelle ?"), user("non merci", "deny")]
    slots = {"wants_advisor": False, "distress": True, "urgency": "critique"}
    dispatcher = CollectingDispatcher()
    finish_handoff(dispatcher, tracker(events, slots=slots, sender_id=SENDER))
    assert "personne ne vous appellera" in " ".join(texts(dispatcher))
    assert stored_cases() == []
