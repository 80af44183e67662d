"""Round 18 (b.md H2, H3, H4, M1, M3, M7): the crisis path's actions over real trackers. Sentences written for these
tests, with near misses that must keep their old reading."""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from actions.crisis_actions import ActionAfterClearNo, ActionAfterSafetyAnswer, ActionCrisisResponse
from actions.handoff import suicide_answer
from actions.handoff_actions import SAFETY_HEARD, ValidateHandoffForm, no_then_yes
from guidance.crisis import (
    AT_RISK_REFUSAL,
    COMPANY_SAFETY_REPLY,
    OTHER_SUBJECT_SAFETY_REPLY,
    THOUGHTS_ADMITTED_REASON,
    WHY_AFTER_CLEAR_NO,
)
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, run, slot_events, texts, tracker, user

DIRECT_QUESTION = "Est-ce qu'il vous arrive de penser au suicide ?"
SAFETY_QUESTION = "Êtes-vous en sécurité en ce moment ?"
OFFER = "Voulez-vous qu'un conseiller de la chambre vous rappelle ?"


def _answered(said: str, **slots):
    return tracker(
        [
            user("je tiens plus, tout me pèse", "express_distress"),
            {"event": "action", "name": "action_check_in"},
            bot(DIRECT_QUESTION),
            user(said),
        ],
        slots={"suicide_thoughts": "not_clear_no", "distress": False, **slots},
    )


# --- H2: a yes to the direct question is said in the case ----------------------------------------------------------


def test_thoughts_said_to_come_are_recorded_and_said_in_the_summary():
    _, events = run(ActionCrisisResponse(), _answered("ça m'arrive, surtout le dimanche soir"))
    reasons = slot_events(events)["triage_reasons"]
    assert THOUGHTS_ADMITTED_REASON in reasons["distress_signs"]
    assert suicide_answer({"triage_reasons": reasons, "suicide_thoughts": "not_clear_no"}) == (
        "a dit avoir des pensées suicidaires"
    )


def test_a_doubt_is_not_recorded_as_thoughts_said():
    _, events = run(ActionCrisisResponse(), _answered("je sais pas trop"))
    reasons = slot_events(events)["triage_reasons"]
    assert THOUGHTS_ADMITTED_REASON not in reasons["distress_signs"]
    assert suicide_answer({"triage_reasons": reasons, "suicide_thoughts": "not_clear_no"}) == "pas un non clair"


# --- M7: a refusal said before any sign is asked afresh ------------------------------------------------------------


def test_refusal_before_the_sign_is_forgotten_by_the_crisis_path():
    _, events = run(ActionCrisisResponse(), _answered("parfois oui", wants_advisor=False, consent_given=False))
    slots = slot_events(events)
    assert slots["wants_advisor"] is None and slots["consent_given"] is None


def test_refusal_on_the_crisis_path_is_kept():
    t = tracker(
        [user("je veux plus me réveiller le matin", "express_distress")],
        slots={"distress": True, "wants_advisor": False},
    )
    _, events = run(ActionCrisisResponse(), t)
    assert "wants_advisor" not in slot_events(events)


# --- H4: the other person's no, the writer's yes -------------------------------------------------------------------


def test_their_no_and_my_yes_is_a_yes_to_the_call():
    assert no_then_yes("ma mère refusera, elle. moi oui, appelez-moi")
    assert no_then_yes("lui il dira non. moi je veux bien")
    assert no_then_yes("moi oui, pas elle")


def test_near_misses_of_their_no_my_yes():
    assert not no_then_yes("lui oui, moi non")
    assert not no_then_yes("elle veut pas et moi non plus")
    assert not no_then_yes("moi oui mais pas maintenant")
    assert not no_then_yes("non merci")


# --- M1: the writer's own company gets no relative's wording ------------------------------------------------------


def _safety_answered(said: str, safe_now: str):
    return tracker(
        [
            user("je veux plus continuer comme ça", "express_distress"),
            {"event": "action", "name": "action_crisis_response"},
            bot(SAFETY_QUESTION),
            user(said),
        ],
        slots={"distress": True, "safe_now": safe_now},
    )


def test_own_company_is_answered_to_the_writer():
    dispatcher, _ = run(
        ActionAfterSafetyAnswer(), _safety_answered("ma compagne dort à côté, les petits aussi", "unsure")
    )
    said = " ".join(texts(dispatcher))
    assert COMPANY_SAFETY_REPLY in said
    assert "proche" not in said


def test_own_place_is_answered_as_another_subject():
    dispatcher, _ = run(
        ActionAfterSafetyAnswer(), _safety_answered("je suis au labo, je finis les commandes", "unsure")
    )
    assert OTHER_SUBJECT_SAFETY_REPLY in texts(dispatcher)


# --- H3: a clear "pas en danger" after an unsure answer updates the case -------------------------------------------


def _at_the_offer(safe_now: str, **slots):
    return tracker(
        [
            user("je suis au dépôt là", "inform"),
            {"event": "action", "name": "action_after_safety_answer"},
            bot(OFFER),
            user("bon je vais rien faire hein, je suis juste crevé", "affirm"),
        ],
        slots={"distress": True, "safe_now": safe_now, "requested_slot": "wants_advisor", **slots},
        active_loop="handoff_form",
    )


def test_safety_said_late_updates_an_unsure_case():
    dispatcher = CollectingDispatcher()
    result = ValidateHandoffForm().validate_wants_advisor(True, dispatcher, _at_the_offer("unsure"), DOMAIN)
    assert SAFETY_HEARD in texts(dispatcher)
    assert result.get("safe_now") == "safe"


def test_safety_said_late_never_makes_a_not_safe_case_safer():
    dispatcher = CollectingDispatcher()
    result = ValidateHandoffForm().validate_wants_advisor(True, dispatcher, _at_the_offer("not_safe"), DOMAIN)
    assert "safe_now" not in result


def test_safety_said_late_by_a_relative_changes_nothing():
    dispatcher = CollectingDispatcher()
    t = _at_the_offer("unsure", person_at_risk="mon frère")
    result = ValidateHandoffForm().validate_wants_advisor(True, dispatcher, t, DOMAIN)
    assert "safe_now" not in result


# --- M3: a clear no that asks why gets the reason -----------------------------------------------------------------


def _clear_no(said: str):
    return tracker(
        [bot(DIRECT_QUESTION), user(said, "deny")],
        slots={"suicide_thoughts": "clear_no", "paused_form": "situation_form"},
    )


def test_clear_no_with_why_gets_the_reason():
    dispatcher, _ = run(ActionAfterClearNo(), _clear_no("ben non. pourquoi vous me demandez ça ?"))
    assert texts(dispatcher)[0].startswith(WHY_AFTER_CLEAR_NO)


def test_plain_clear_no_keeps_its_thanks():
    dispatcher, _ = run(ActionAfterClearNo(), _clear_no("non pas du tout"))
    assert not texts(dispatcher)[0].startswith(WHY_AFTER_CLEAR_NO)
    assert AT_RISK_REFUSAL not in texts(dispatcher)
