"""Round 19 (r19a-08): two people, two numbers in one answer ("Marc au 03 ..., moi c'est Léa au 06 ... si il répond
pas"). The case kept the first number under the second name ("C'est corrigé : le conseiller demandera Léa"), and "c'est
Marc qu'il faut demander" was not read. Now the person named with the number kept is the one to call, the other is the
backup the summary names, and a name put right that way is taken."""

from __future__ import annotations

import pytest

from actions.handoff import names_of_numbers, phone_notes
from actions.handoff_actions import ValidateHandoffForm, name_asked_for
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

SKIPPED = "non précisé"


def at_phone_question(words, name="Bruno"):
    events = [
        user("mon mari est couvreur, l'urssaf le relance"),
        bot("À quel numéro de téléphone peut-il vous joindre ?"),
    ]
    events += [user(words, "inform"), {"event": "slot", "name": "phone", "value": words}]
    slots = {**consented(contact_name=name), "phone": words, "requested_slot": "phone"}
    dispatcher, produced = run(ValidateHandoffForm(), tracker(events, slots=slots, active_loop="handoff_form"), DOMAIN)
    return texts(dispatcher), slot_events(produced)


@pytest.mark.parametrize(
    "words, phone, name",
    [
        (
            "Bruno sur le 05 56 12 34 78, et moi c'est Karine au 06 45 12 88 33 s'il décroche pas",
            "+33556123478",
            "Bruno",
        ),
        ("bruno 0556123478 sinon karine 0645128833", "+33556123478", "Bruno"),
        # the second said preferred: the name that goes with it
        ("Karine au 06 45 12 88 33, ou Bruno au 05 56 12 34 78 c'est mieux", "+33556123478", "Bruno"),
    ],
)
def test_the_name_goes_with_its_number(words, phone, name):
    said, produced = at_phone_question(words)
    assert produced["phone"] == phone
    assert produced.get("contact_name", name) == name
    assert not any("C'est corrigé" in line for line in said)


def test_the_name_of_the_number_kept_corrects_another():
    said, produced = at_phone_question("Bruno au 05 56 12 34 78, moi c'est Karine au 06 45 12 88 33", name="Karine")
    assert produced["contact_name"] == "Bruno"
    assert "C'est corrigé : le conseiller demandera Bruno." in said


@pytest.mark.parametrize(
    "words, name",
    [
        ("ah pardon 06 45 12 88 33, je m'appelle Antoine", "Antoine"),  # one number, a name: as before
    ],
)
def test_one_number_and_a_name_is_read_as_before(words, name):
    _said, produced = at_phone_question(words)
    assert produced["contact_name"] == name


def test_the_backup_is_named_in_the_summary():
    messages = ["mon mari est couvreur", "Bruno au 05 56 12 34 78, moi c'est Karine au 06 45 12 88 33 si il répond pas"]
    lines, described = phone_notes(messages, "+33556123478")
    assert lines == ["Autre numéro donné : 06 45 12 88 33, celui de Karine."]
    assert described == ["+33645128833"]


@pytest.mark.parametrize(
    "words, named",
    [
        (
            "Bruno au 05 56 12 34 78, moi c'est Karine au 06 45 12 88 33",
            {"+33556123478": "Bruno", "+33645128833": "Karine"},
        ),
        ("04 50 98 12 34 au bureau, ou mon portable 06 80 45 21 97", {}),
        ("le matin au 06 12 34 56 78, sinon le soir au 07 81 22 33 44", {}),
    ],
)
def test_names_of_numbers(words, named):
    assert names_of_numbers(words) == named


@pytest.mark.parametrize(
    "words, name",
    [
        ("le conseiller doit demander Bruno et pas Karine", "Bruno"),
        ("non c'est Bruno qu'il faut demander, Karine c'est moi", "Bruno"),
        ("demandez plutôt Bruno", "Bruno"),
        ("il faut demander mon mari", None),
        ("c'est moi qu'il faut appeler", None),
        ("le conseiller doit appeler quand ?", None),
    ],
)
def test_the_name_asked_for(words, name):
    assert name_asked_for(words) == name


def test_a_no_to_the_address_with_the_name_put_right():
    events = [user("mon mari est couvreur"), {"event": "slot", "name": "phone", "value": "+33556123478"}]
    events += [bot("Voulez-vous aussi laisser une adresse e-mail ? C'est facultatif.")]
    words = "non, mais c'est Bruno qu'il faut demander, Karine c'est moi"
    events += [user(words, "deny"), {"event": "slot", "name": "email", "value": SKIPPED}]
    slots = {
        **consented(contact_name="Karine"),
        "phone": "+33556123478",
        "case_reference": "RL-ABCDEF",
        "email": SKIPPED,
        "requested_slot": "email",
    }
    dispatcher, produced = run(ValidateHandoffForm(), tracker(events, slots=slots, active_loop="handoff_form"), DOMAIN)
    changed = slot_events(produced)
    assert changed["contact_name"] == "Bruno" and changed["email"] == SKIPPED
    assert "C'est corrigé : le conseiller demandera Bruno." in texts(dispatcher)


@pytest.mark.parametrize(
    "words, name",
    [
        ("le conseiller doit demander Bruno pas Karine", "Bruno"),
        ("c'est Bruno qu'il faut demander", "Bruno"),
        ("je m'appelle Karine", None),  # the name kept already: nothing to put right
    ],
)
def test_the_name_put_right_after_the_case(words, name):
    from rasa_sdk.executor import CollectingDispatcher

    from actions.handoff_actions import number_after_the_handoff

    events = [user("mon mari est couvreur"), {"event": "slot", "name": "phone", "value": "+33556123478"}]
    events += [bot("C'est noté, votre référence est RL-ABCDEF."), user(words, "inform")]
    slots = {**consented(contact_name="Karine"), "phone": "+33556123478", "case_reference": "RL-ABCDEF"}
    dispatcher = CollectingDispatcher()
    produced = number_after_the_handoff(dispatcher, tracker(events, slots=slots))
    if name is None:
        assert not produced or "contact_name" not in slot_events(produced)
        return
    assert slot_events(produced)["contact_name"] == name
    assert texts(dispatcher)[0].startswith(f"C'est corrigé : le conseiller demandera {name}.")
