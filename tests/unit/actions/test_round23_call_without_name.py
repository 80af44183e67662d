"""Round 23, talker c, over real trackers and the real form validation.

- r23c-06: "je voudrais qu'on m'appelle mais je donne pas mon nom" to "Voulez-vous qu'un conseiller vous rappelle ?" was
  read as a refusal; the urgent case was made only because the person insisted. A yes, and no name is needed.
- r23c-03: "bon ok, un conseiller qui me rappelle oui" at an intake question was not heard as asking for the call.
"""

from __future__ import annotations

import pytest

from actions.handoff_actions import NO_NAME_NEEDED, ValidateHandoffForm
from intake.answers import asks_for_callback
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, run, slot_events, texts, tracker, user

OFFER = {"difficulty_categories": ["tresorerie"], "urgency": "haute", "distress": False}


def at_the_offer(words: str, intent: str = "deny"):
    events = [user("le bailleur veut m'expulser, audience le 15 janvier"), bot("Voulez-vous qu'un conseiller ... ?")]
    events.append(user(words, intent))
    events.append({"event": "slot", "name": "wants_advisor", "value": intent == "affirm"})  # the slot's intent mapping
    slots = {**OFFER, "requested_slot": "wants_advisor", "wants_advisor": intent == "affirm"}
    current = tracker(events, slots=slots, active_loop="handoff_form")
    dispatcher, produced = run(ValidateHandoffForm(), current, DOMAIN)
    return slot_events(produced), texts(dispatcher)


@pytest.mark.parametrize(
    "words",
    [
        "je voudrais qu'on m'appelle mais je donne pas mon nom",
        "oui rappelez-moi, mais sans donner mon prénom",
        "je veux bien être rappelée, anonymement si possible",
    ],
)
def test_a_call_asked_for_without_a_name_is_a_yes(words):
    produced, said = at_the_offer(words)
    assert produced["wants_advisor"] is True
    assert NO_NAME_NEEDED in said


@pytest.mark.parametrize("words", ["non, je ne veux pas donner mon nom", "non merci, pas d'appel"])
def test_a_refusal_stays_a_refusal(words):
    produced, said = at_the_offer(words)
    assert produced.get("wants_advisor") is not True
    assert NO_NAME_NEEDED not in said


@pytest.mark.parametrize(
    "words, asks",
    [
        ("bon ok, un conseiller qui me rappelle oui", True),
        ("je voudrais une personne pour me rappeler", True),
        ("non pas de conseiller qui me rappelle", False),
        ("j'ai eu un conseiller qui me rappelle toujours trop tard", False),
    ],
)
def test_a_person_to_call_back_asked_for_in_words(words, asks):
    assert asks_for_callback(words) is asks
