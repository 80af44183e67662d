"""Round 7: a number corrected after the case was stored replaces the case's number, said back, with no intake
question again; of two numbers, the one the artisan prefers is kept (else the first), said so, the other shown to the
advisor. Real trackers, the real form validation and a real SQLite case store."""

from __future__ import annotations

import pytest

from actions.handoff import numbers_kept_text, preferred_phone
from actions.handoff_actions import ValidateHandoffForm
from actions.intake_actions import ActionAcknowledgeSituation, ActionHandleMisunderstanding
from tests.support.action_services import stored_cases
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

SENDER = "round7-phone"


def at_question(words, requested, slots, candidates=None, intent="inform"):
    events = [user("la banque a coupé mon découvert"), bot("Une question ?"), user(words, intent)]
    events += [{"event": "slot", "name": n, "value": v} for n, v in (candidates or {}).items()]
    current = tracker(events, slots={**slots, **(candidates or {}), "requested_slot": requested}, sender_id=SENDER)
    current.active_loop = {"name": "handoff_form"}
    return current


def stored_with(phone="06 51 23 45 67"):
    _, events = run(ValidateHandoffForm(), at_question(phone, "phone", consented(), {"phone": phone}), DOMAIN)
    return slot_events(events)


@pytest.mark.parametrize(
    "words, new, action",
    [
        (
            "ah mince je me suis trompé de numéro c'est 06 51 23 45 76 pas 67",
            "+33651234576",
            ActionAcknowledgeSituation,
        ),
        ("pardon, le bon numéro c'est le 07 82 33 44 55", "+33782334455", ActionHandleMisunderstanding),
        ("erreur de ma part : 06.51.23.45.99", "+33651234599", ActionAcknowledgeSituation),
    ],
)
def test_a_number_corrected_after_the_case_replaces_it_and_is_said_back(words, new, action):
    saved = stored_with()
    reference = saved["case_reference"]
    slots = consented(phone=saved["phone"], case_reference=reference, email="non précisé", callback_slot="le matin")
    events = [
        bot(f"C'est noté, votre référence est {reference}. Un conseiller vous rappellera au 06 51 23 45 67."),
        user(words),
    ]
    dispatcher, result = run(action(), tracker(events, slots=slots, sender_id=SENDER))
    assert slot_events(result)["phone"] == new
    case = stored_cases()[0]
    assert case.phone == new and case.reference == reference
    said = " ".join(texts(dispatcher))
    assert reference in said and "06 51 23 45 67" in said  # the new number said, with the old one it replaces
    assert "date limite" not in said and "accord" not in said  # no intake nor consent question again
    assert {"event": "followup", "name": "action_listen"} in [
        {"event": e.get("event"), "name": e.get("name")} for e in result
    ]


@pytest.mark.parametrize(
    "words", ["vous pouvez aussi appeler ma femme au 06 77 88 99 00", "le numéro de mon comptable : 06 77 88 99 00"]
)
def test_another_persons_number_after_the_case_replaces_nothing(words):
    saved = stored_with()
    slots = consented(phone=saved["phone"], case_reference=saved["case_reference"])
    dispatcher, _ = run(ActionAcknowledgeSituation(), tracker([user(words)], slots=slots, sender_id=SENDER))
    assert stored_cases()[0].phone == "+33651234567"
    assert "C'est corrigé" not in " ".join(texts(dispatcher))


def test_the_same_number_again_changes_nothing():
    saved = stored_with()
    slots = consented(phone=saved["phone"], case_reference=saved["case_reference"])
    dispatcher, _ = run(
        ActionAcknowledgeSituation(), tracker([user("c'est bien le 06 51 23 45 67")], slots=slots, sender_id=SENDER)
    )
    assert "C'est corrigé" not in " ".join(texts(dispatcher))


@pytest.mark.parametrize(
    "words, kept, other, preferred",
    [
        ("04 50 98 12 34 au bureau, ou mon portable 06 80 45 21 97 c'est mieux", "+33680452197", "+33450981234", True),
        ("03 21 00 11 22 c le fixe, sinon 0782334455", "+33321001122", "+33782334455", False),
        ("06 12 34 56 78 ou sinon le 07 98 76 54 32", "+33612345678", "+33798765432", False),
        ("le fixe 02 98 55 12 34, mais plutôt le 06 11 22 33 44", "+33611223344", "+33298551234", True),
        ("05 61 00 00 01 ne répond jamais, appelez le 06 22 33 44 55", "+33622334455", "+33561000001", False),
        ("06 70 00 00 01 de préférence, sinon 04 78 00 00 02", "+33670000001", "+33478000002", True),
    ],
)
def test_of_two_numbers_the_preferred_one_else_the_first_is_kept(words, kept, other, preferred):
    assert preferred_phone(words) == (kept, [other], preferred)


@pytest.mark.parametrize("requested", ["phone", "health_consent", "contact_name"])
def test_two_numbers_at_any_question_keep_the_same_one_and_say_which(requested):
    words = "04 50 98 12 34 au bureau, ou mon portable 06 80 45 21 97 c'est mieux"
    slots = consented(difficulty_categories=["sante", "banque"]) if requested == "health_consent" else consented()
    if requested == "contact_name":
        slots.pop("contact_name")
    # The entity extractor may give either number: the whole message decides.
    dispatcher, events = run(
        ValidateHandoffForm(), at_question(words, requested, slots, {"phone": "04 50 98 12 34"}), DOMAIN
    )
    assert slot_events(events)["phone"] == "+33680452197"
    said = texts(dispatcher)
    assert said.count(numbers_kept_text("+33680452197", ["+33450981234"], True)) == 1, said
    # Said only once the required questions are answered (round 7: said at the name question, then the name asked).
    assert ("votre demande est bien enregistrée" in " ".join(said)) is (requested == "phone")
    summary = stored_cases()[0].summary
    assert "Autre numéro donné : 04 50 98 12 34" in summary
