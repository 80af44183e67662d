"""Round 19, over real trackers: the callback taken back in SMS at the phone question and after the case (H4); a yes
with the name held back (M5); an informal yes at the health question (M4); a farewell at the time question (M9)."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import SKIPPED
from actions.handoff_actions import CALL_WITHOUT_A_NAME, ValidateHandoffForm, withdraws_consent
from tests.support.trackers import bot, consented, texts, tracker, user


def at(question, words, intent="inform", **slots):
    return tracker(
        [bot("…"), user(words, intent)],
        slots={**consented(), "requested_slot": question, **slots},
        active_loop="handoff_form" if question else None,
    )


@pytest.mark.parametrize(
    "words",
    ["jveu pu qu'on m apel", "non en fait jme debrouillerai toute seule", "finalement non japelerai moi meme jeudi"],
)
def test_the_callback_taken_back_in_sms_at_the_phone_question(words):
    assert withdraws_consent(at("phone", words, "deny"))


@pytest.mark.parametrize("words", ["annulé le rapel stp", "en fait jveux pa ke vous m'apeliez"])
def test_the_callback_taken_back_in_sms_after_the_case(words):
    assert withdraws_consent(at(None, words, "deny", case_reference="RL-TEST01", phone="+33612345678"))


@pytest.mark.parametrize("words", ["non", "nn merci", "non pas de mail"])
def test_a_no_to_the_email_question_takes_nothing_back(words):
    assert not withdraws_consent(at("email", words, "deny", case_reference="RL-TEST01", phone="+33612345678"))


@pytest.mark.parametrize(
    "words",
    ["ouais mais sans donner mon prénom", "ok, mais je préfère rester anonyme", "oui par contre pas de nom svp"],
)
def test_a_yes_with_the_name_held_back_is_a_yes_without_the_name(words):
    current = tracker(
        [bot("Voulez-vous qu'un conseiller de la chambre vous rappelle pour en parler ?"), user(words, "deny")],
        slots={"requested_slot": "wants_advisor"},
        active_loop="handoff_form",
    )
    dispatcher = CollectingDispatcher()
    result = ValidateHandoffForm().validate_wants_advisor(False, dispatcher, current, {})
    assert result["wants_advisor"] is True and result["contact_name"] == SKIPPED, result
    assert CALL_WITHOUT_A_NAME in texts(dispatcher)


@pytest.mark.parametrize("words", ["non mais sans mon nom", "oui mais pas le matin"])
def test_near_misses_of_a_yes_without_a_name(words):
    current = tracker(
        [bot("Voulez-vous qu'un conseiller de la chambre vous rappelle pour en parler ?"), user(words, "deny")],
        slots={"requested_slot": "wants_advisor"},
        active_loop="handoff_form",
    )
    result = ValidateHandoffForm().validate_wants_advisor(False, CollectingDispatcher(), current, {})
    assert result.get("contact_name") != SKIPPED


@pytest.mark.parametrize("words", ["ui", "wai", "ouep"])
def test_an_informal_yes_at_the_health_question(words):
    current = at("health_consent", words, "affirm", difficulty_categories=["sante"])
    result = ValidateHandoffForm().validate_health_consent(True, CollectingDispatcher(), current, {})
    assert result["health_consent"] is True


@pytest.mark.parametrize("words", ["merci. bonne journée", "Bonne fin de soirée à vous", "merci bon week-end"])
def test_a_farewell_at_the_time_question_is_no_evening(words):
    current = at("callback_slot", words, "goodbye", case_reference="RL-TEST01", phone="+33612345678")
    dispatcher = CollectingDispatcher()
    result = ValidateHandoffForm().validate_callback_slot(words, dispatcher, current, {})
    assert not any("ne peuvent pas vous appeler" in text for text in texts(dispatcher)), texts(dispatcher)
    assert not (result.get("callback_slot") or "").lower().count("soir"), result


def test_an_evening_wish_is_still_said_out_of_hours():
    words = "plutôt en soirée"
    current = at("callback_slot", words, "inform", case_reference="RL-TEST01", phone="+33612345678")
    dispatcher = CollectingDispatcher()
    ValidateHandoffForm().validate_callback_slot(words, dispatcher, current, {})
    assert any("ne peuvent pas vous appeler" in text for text in texts(dispatcher))
