"""Round 19 (r19b-06): a name typed at the phone question ("Mme Vidal", the name question skipped before) was refused as
a number ("Je n'ai pas reconnu ce numéro") and lost. It is kept as the name, said back, and the number asked again."""

from __future__ import annotations

import pytest

from actions.handoff_actions import ValidateHandoffForm
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, run, slot_events, texts, tracker, user

SLOTS = {
    "difficulty_categories": ["banque"],
    "urgency": "normale",
    "distress": False,
    "wants_advisor": True,
    "consent_given": True,
}


def at_phone(words, kept_name=None, intent="inform"):
    events = [user("ma femme est coiffeuse, la banque a bloqué le compte"), bot("?"), user(words, intent)]
    events += [{"event": "slot", "name": "phone", "value": words}]
    slots = {**SLOTS, "contact_name": kept_name, "phone": words, "requested_slot": "phone"}
    dispatcher, produced = run(ValidateHandoffForm(), tracker(events, slots=slots, active_loop="handoff_form"), DOMAIN)
    return slot_events(produced), texts(dispatcher)


@pytest.mark.parametrize(
    "words, name, kept",
    [
        ("Mme Fabre", "Mme Fabre", None),
        ("Monsieur Perrin", "M. Perrin", None),
        ("Ghislaine", "Ghislaine", None),
        ("Ghislaine", "Ghislaine", "Ghislaine"),
        ("Bastien Morel", "Bastien Morel", "non précisé"),
    ],
)
def test_a_name_at_the_phone_question_is_kept_and_the_number_asked_again(words, name, kept):
    changed, said = at_phone(words, kept)
    assert changed["phone"] is None
    assert changed["contact_name"] == name
    assert said == [f"Merci, c'est noté : le conseiller demandera {name}."]
    assert changed.get("requested_slot") == "phone"


@pytest.mark.parametrize("words", ["Portable", "Fixe", "je sais pas", "Mme", "Lundi", "06 12 34 56"])
def test_near_misses_are_not_taken_for_a_name(words):
    changed, said = at_phone(words)
    assert "contact_name" not in changed or changed["contact_name"] in (None, "non précisé")
    assert not any("le conseiller demandera" in text for text in said)


def test_another_name_already_kept_is_not_replaced():
    changed, said = at_phone("Mme Fabre", kept_name="Lucie")
    assert "contact_name" not in changed
    assert not any("le conseiller demandera" in text for text in said)


def test_a_number_still_answers_the_question():
    changed, _said = at_phone("07 81 22 43 65")
    assert changed["phone"] == "+33781224365"
