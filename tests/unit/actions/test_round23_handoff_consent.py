"""Round 23 (talk-a r23a-10): a number given in the first message, a "non" to the consent taken back at once.

"mon 06 c'est le 06 ..." in the first message, "non" to the consent, then "enfin si, si, d'accord" was not taken as
the consent (asked twice more), and the number was forgotten with the "non": the phone question asked it again.
"""

from __future__ import annotations

import pytest

from actions.handoff_actions import ValidateHandoffForm
from actions.intake_actions import ActionAnswerOutsideQuestion
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

FIRST = "bonsoir, carrossier à Niort, joignable au 07 45 12 36 98, l'huissier passe lundi, rappelez-moi svp"
CONSENT = "Pour qu'un conseiller vous rappelle, je dois garder votre prénom, votre numéro [...] Êtes-vous d'accord ?"
REFUSED = "C'est entendu. Je ne transmets rien à la chambre sans votre accord."


def after_the_no(words: str, intent: str = "affirm", first: str = FIRST):
    events = [
        user(first, "request_human"),
        bot(CONSENT),
        user("non", "deny"),
        {"event": "slot", "name": "consent_given", "value": False},
        {"event": "slot", "name": "phone", "value": None},
        bot(REFUSED),
        user(words, intent),
    ]
    slots = {**consented(contact_name=None), "consent_given": False, "consent_at": None, "phone": None}
    return run(ActionAnswerOutsideQuestion(), tracker(events, slots))


@pytest.mark.parametrize(
    "words",
    ["enfin si, si, d'accord, c'est juste que je suis pressé", "ah si pardon, ok", "bon d'accord allez-y", "oui si"],
)
def test_the_no_taken_back_is_the_consent_with_the_first_number(words):
    dispatcher, events = after_the_no(words)
    slots = slot_events(events)
    assert slots.get("consent_given") is True
    assert slots.get("phone") == "+33745123698"
    assert not any("d'accord pour que je garde" in text for text in texts(dispatcher))  # not asked again


def test_a_no_kept_is_not_a_consent():
    _, events = after_the_no("si mais pas mon numéro", "affirm")
    assert slot_events(events).get("consent_given") is not True


def test_a_relatives_number_is_not_taken_with_the_consent():
    first = "mon patron est menuisier, le numéro de ma femme c'est le 07 45 12 36 98, rappelez-nous"
    _, events = after_the_no("enfin si d'accord", first=first)
    assert slot_events(events).get("consent_given") is True
    assert slot_events(events).get("phone") is None


def test_the_yes_at_the_consent_question_keeps_the_number_said_before_the_offer():
    events = [
        user(FIRST, "request_human"),
        bot(CONSENT),
        user("non", "deny"),
        {"event": "slot", "name": "consent_given", "value": False},
        {"event": "slot", "name": "phone", "value": None},
        bot(REFUSED),
        user("conseiller", "request_human"),
        bot("Êtes-vous d'accord pour que je garde votre prénom, votre numéro et ce que vous m'avez dit ?"),
        user("oui", "affirm"),
        {"event": "slot", "name": "consent_given", "value": True},
    ]
    slots = {**consented(contact_name=None), "consent_given": None, "phone": None, "requested_slot": "consent_given"}
    current = tracker(events, {**slots, "consent_given": True}, "handoff_form")
    _, result = run(ValidateHandoffForm(), current, DOMAIN)
    assert slot_events(result).get("phone") == "+33745123698"
