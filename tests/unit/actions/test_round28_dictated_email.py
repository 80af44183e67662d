"""Round 28 (talker a): an address dictated at the e-mail question. r28-a-03 ("oui c'est payet.coiffure arobase gmail
point com", read as a yes: "je n'ai pas su quoi répondre", the address asked again later), r28-a-19 ("kevin point platre
at gmail point com", read out of scope: "platre" taken for a plaster cast, the health question asked; "kevin.platre@gmail"
answered "c'est noté" and nothing kept). Real trackers, the form's extraction and validation."""

from __future__ import annotations

import pytest

from actions.ask_actions import ActionOutOfScope
from actions.handoff import contact_answers, health_told
from actions.handoff_actions import ValidateHandoffForm
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

ASKED = "Voulez-vous aussi laisser une adresse e-mail ? C'est facultatif."


def _at_the_email_question(words: str, intent: str):
    slots = {**consented(), "phone": "+33612345678", "case_reference": "RL-T6VD7H", "requested_slot": "email"}
    events = [{"event": "slot", "name": "requested_slot", "value": "email"}, bot(ASKED), user(words, intent)]
    return tracker(events, slots=slots, active_loop="handoff_form", sender_id="round28-email")


@pytest.mark.parametrize(
    "words, intent, address",
    [
        ("oui c'est lea.martin arobase orange point fr", "affirm", "lea.martin@orange.fr"),
        ("ok alors bruno tiret dupuis at gmail point com", "affirm", "bruno-dupuis@gmail.com"),
        ("julien point carrelage at free point fr", "out_of_scope", "julien.carrelage@free.fr"),
    ],
)
def test_a_dictated_address_is_the_address(words, intent, address):
    dispatcher, produced = run(ValidateHandoffForm(), _at_the_email_question(words, intent), DOMAIN)
    assert slot_events(produced)["email"] == address
    assert not any("santé" in text for text in texts(dispatcher))


@pytest.mark.parametrize("words", ["julien point carrelage at free point fr", "paul.platre@gmail"])
def test_out_of_scope_says_nothing_over_the_address(words):
    dispatcher, _ = run(ActionOutOfScope(), _at_the_email_question(words, "out_of_scope"), DOMAIN)
    assert texts(dispatcher) == []


def test_an_address_without_its_ending_is_said_so():
    dispatcher, produced = run(ValidateHandoffForm(), _at_the_email_question("paul.platre@gmail", "inform"), DOMAIN)
    assert slot_events(produced)["email"] is None
    assert texts(dispatcher)[0].startswith("Cette adresse ne semble pas complète : il manque la fin après « @gmail »")


@pytest.mark.parametrize(
    "words, health",
    [
        ("kevin point platre at gmail point com", False),
        ("ma.sante@gmail.com", False),
        ("j'ai le bras dans le plâtre depuis 3 semaines", True),  # near miss: a plaster cast said as such
    ],
)
def test_an_address_tells_no_health(words, health):
    assert health_told({}, [words]) is health


@pytest.mark.parametrize(
    "words", ["je suis at home ce soir", "on se voit at the point", "le point com de mon site marche pas"]
)
def test_at_and_point_in_a_sentence_are_no_address(words):
    assert "email" not in contact_answers(words)
