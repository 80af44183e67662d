"""Round 20 (r20b-18, r20b-11, r20b-10, r20a-15, r20b-17): a warning sign once the case is stored, whatever question
is pending (e-mail, time, name), raises the stored case in the same turn; a critical case is called first at once,
the moment wished kept for when the person cannot be reached; a booked callback is never told "rien ne vous oblige à
laisser vos coordonnées"; "bon je vais voir" at the safety question is no "not safe". Real trackers and a real SQLite
case store; sentences in other words than the conversation's."""

from __future__ import annotations

import pytest

from actions.crisis_actions import ActionAfterSafetyAnswer, ActionCrisisResponse, ValidateSafetyForm
from actions.handoff_actions import ValidateHandoffForm, save_case
from actions.triage_actions import ValidateTriageSlots
from tests.support.action_services import stored_cases
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user
from tests.unit.actions.test_crisis_actions import extract

SENDER = "casesign-conversation"
PHONE = "+33644556677"
# Tuesday 8 December 2026, 10:30 in Paris: the chamber is open.
OPEN_NOW = "2026-12-08T10:30:00+01:00"


@pytest.fixture(autouse=True)
def _clock(monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", OPEN_NOW)


def _stored(**extra) -> str:
    slots = consented(phone=PHONE, **extra)
    current = tracker([user("la banque me bloque le compte, je suis plombier à Arras")], slots=slots, sender_id=SENDER)
    return save_case(current, dict(current.slots)).reference


def _in_form(reference: str, asked: str, words: str, **extra):
    """The tracker the handoff form sees: the triage slots of this turn set first, as Rasa does."""
    slots = consented(**{"phone": PHONE, "case_reference": reference, "requested_slot": asked, **extra})
    events = [bot("Merci, votre demande est bien enregistrée."), user(words, "express_distress")]
    _, triaged = run(ValidateTriageSlots(), tracker(events, slots=slots, active_loop="handoff_form", sender_id=SENDER))
    slots.update(slot_events(triaged))
    return tracker(events, slots=slots, active_loop="handoff_form", sender_id=SENDER)


@pytest.mark.parametrize(
    "asked, words",
    [
        ("email", "je crois que je vais partir pour de bon, disparaître"),
        ("callback_slot", "à quoi bon, je pense sérieusement à me foutre en l'air"),
        ("contact_name", "j'ai plus envie de vivre honnêtement"),
    ],
)
def test_a_sign_at_any_later_question_raises_the_stored_case_at_once(asked: str, words: str) -> None:
    reference = _stored()
    assert stored_cases()[0].urgency == "normale"
    dispatcher, _ = run(ValidateHandoffForm(), _in_form(reference, asked, words))
    said = " ".join(texts(dispatcher))
    assert "3114" in said
    case = stored_cases()[0]
    assert (case.reference, case.distress, case.urgency) == (reference, True, "critique")
    assert "DÉTRESSE" in case.summary and "rappeler immédiatement" in case.summary
    assert "Signes repérés" in case.summary
    assert "en priorité" in case.summary and "au plus tard" not in case.summary
    assert case.phone == PHONE


def test_a_booked_callback_is_never_told_the_details_are_optional() -> None:
    reference = _stored()
    dispatcher, _ = run(ValidateHandoffForm(), _in_form(reference, "email", "je veux en finir, je tiens plus"))
    said = " ".join(texts(dispatcher))
    assert "Rien ne vous oblige" not in said
    assert "Votre demande de rappel est bien enregistrée" in said and "en priorité" in said


def test_near_miss_without_a_booked_call_the_offer_stays_free() -> None:
    events = [bot("Quelle est votre activité ?"), user("je pense à me tuer", "express_distress")]
    slots = {"distress": True, "distress_level": 1, "urgency": "critique", "difficulty_categories": ["banque"]}
    dispatcher, _ = run(ActionCrisisResponse(), tracker(events, slots=slots, sender_id=SENDER))
    said = " ".join(texts(dispatcher))
    assert "Rien ne vous oblige à laisser vos coordonnées" in said
    assert stored_cases() == []


def test_near_miss_an_ordinary_answer_at_the_email_question_leaves_the_case_normal() -> None:
    reference = _stored()
    slots = consented(phone=PHONE, case_reference=reference, requested_slot="email")
    events = [bot("Voulez-vous aussi laisser une adresse e-mail ?"), user("non pas d'e-mail", "deny")]
    run(ValidateHandoffForm(), tracker(events, slots=slots, active_loop="handoff_form", sender_id=SENDER))
    case = stored_cases()[0]
    assert case.distress is False and case.urgency == "normale"


@pytest.mark.parametrize("wish", ["jeudi après 15h", "vendredi matin de préférence"])
def test_a_critical_case_is_called_at_once_and_the_wish_kept_for_later(wish: str) -> None:
    reference = _stored(urgency="critique", distress=True, distress_signs=["explicit_suicidal"], callback_slot=wish)
    case = stored_cases()[0]
    assert case.reference == reference
    promised = case.summary.split("Rappel promis : ", 1)[1]
    assert promised.startswith("en priorité, dès que possible")
    assert "si vous n'êtes pas joignable" in promised


def test_near_miss_a_normal_case_keeps_the_day_wished() -> None:
    _stored(callback_slot="jeudi après 15h")
    promised = stored_cases()[0].summary.split("Rappel promis : ", 1)[1]
    assert promised.startswith("le jeudi 10 décembre") and "priorité" not in promised


def _safety(words: str):
    events = [bot("Êtes-vous en sécurité en ce moment ?"), user(words, "inform")]
    slots = {"distress": True, "urgency": "critique", "requested_slot": "safe_now", "distress_level": 1}
    return tracker(events, slots=slots, active_loop="safety_form", sender_id=SENDER)


@pytest.mark.parametrize("words", ["bon je vais voir", "je vais y réfléchir", "bof, je vais voir"])
def test_a_noncommittal_answer_to_the_safety_question_is_unsure_not_unsafe(words: str) -> None:
    assert extract(ValidateSafetyForm(), "extract_safe_now", _safety(words)) == {"safe_now": "unsure"}
    slots = {"distress": True, "urgency": "critique", "safe_now": "unsure"}
    dispatcher, _ = run(ActionAfterSafetyAnswer(), tracker([user(words, "inform")], slots=slots, sender_id=SENDER))
    said = " ".join(texts(dispatcher))
    assert "Merci de me l'avoir dit" not in said and "15" in said


@pytest.mark.parametrize("words", ["non", "on verra bien", "je vais voir si je tiens jusqu'à demain"])
def test_near_miss_a_no_or_a_sign_stays_not_safe(words: str) -> None:
    assert extract(ValidateSafetyForm(), "extract_safe_now", _safety(words)) == {"safe_now": "not_safe"}
