"""Round 27 (talk-b B13: r27-b-13, r27-b-25), over real trackers, the real form validation and a real case store: a
number put right with "prenez mon portable 07 ..." made the contact name "Prenez" ("Le conseiller demandera Prenez"),
and "... je rentre demain, prenez mon portable 06 ..." at the e-mail question became the moment of the call, so the time
question was never asked; "je m'appelle Hugo pas Prenez lol" then left the wrong name on the case. A verb telling how to
take the number names nobody, a sentence given with a number is no moment unless a clause of it says only a moment, and
a name put right ("X pas Y") replaces the one kept."""

from __future__ import annotations

import pytest

from actions.handoff import contact_given_with, name_in_so_many_words
from actions.handoff_actions import ValidateHandoffForm, name_corrected
from ops import clock
from tests.support.action_services import stored_cases
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

SENDER = "round27-imperative"


@pytest.fixture(autouse=True)
def sunday(monkeypatch):
    monkeypatch.setenv(clock.ENV_VAR, "2026-12-06T21:20:00+01:00")


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


@pytest.mark.parametrize(
    "words, phone",
    [
        ("non c pas le bon, prenez mon portable 07 45 45 45 45", "+33745454545"),
        ("ah non oubliez ce numero je rentre demain, prenez mon portable 06 45 78 12 90", "+33645781290"),
        ("Prenez plutôt mon numéro personnel : 06 11 22 33 44.", "+33611223344"),
        ("notez le 06 11 22 33 44 svp", "+33611223344"),
        ("gardez plutot le 06 11 22 33 44", "+33611223344"),
        ("mettez mon fixe 02 98 55 12 34", "+33298551234"),
        ("euh utilisez le 06 11 22 33 44 c mieux", "+33611223344"),
        ("Veuillez composer le 06 11 22 33 44, je vous prie.", "+33611223344"),
    ],
)
def test_a_verb_telling_how_to_take_the_number_names_nobody(words, phone):
    assert contact_given_with(words) == {"phone": phone}


@pytest.mark.parametrize(
    "words, name",
    [
        ("Karim 06 11 22 33 44", "Karim"),
        ("Karim Lopez 06 11 22 33 44", "Karim Lopez"),  # a name ending like an imperative is still one
        ("06 11 22 33 44, Julien", "Julien"),
        ("je m'appelle Hugo, 06 11 22 33 44", "Hugo"),
    ],
)
def test_a_name_beside_the_number_is_still_read(words, name):
    assert contact_given_with(words).get("contact_name") == name


@pytest.mark.parametrize(
    "words",
    [
        "euh je m'appelle Hugo pas Prenez lol. et rappelez moi plutot mardi aprem",
        "je m'appelle Hugo pas Prenez",
        "Je m'appelle Hugo, et non pas Prenez.",
        "moi c'est Hugo pas Prenez mdr",
        "c'est Hugo pas Prenez",
    ],
)
def test_a_name_put_right_replaces_the_one_kept(words):
    current = tracker([user(words)], slots=consented(contact_name="Prenez", case_reference="RL-X"))
    assert name_corrected(current, words) == "Hugo"


@pytest.mark.parametrize(
    "words, name",
    [
        ("je m'appelle Jean Pascal", "Jean Pascal"),  # "pas" inside a name is part of it
        ("je m'appelle Hugo Dupas", "Hugo Dupas"),
        ("je m'appelle Pascal", "Pascal"),
    ],
)
def test_names_with_pas_inside_are_kept_whole(words, name):
    assert name_in_so_many_words(words) == name


def stored_case():
    events = [user("la banque m'a coupé le découvert"), bot("À quel numéro ?"), user("06 12 12 12 12", "inform")]
    current = tracker(
        [*events, slot("phone", "06 12 12 12 12")],
        slots={**consented(contact_name="Karim"), "phone": "06 12 12 12 12", "requested_slot": "phone"},
        active_loop="handoff_form",
        sender_id=SENDER,
    )
    _, produced = run(ValidateHandoffForm(), current, DOMAIN)
    return slot_events(produced)["case_reference"]


@pytest.mark.parametrize(
    "words, number",
    [
        ("non c pas le bon, prenez mon portable 07 45 45 45 45", "07 45 45 45 45"),
        ("ah non oubliez ce numero je rentre demain, prenez mon portable 06 45 78 12 90", "06 45 78 12 90"),
        ("Excusez-moi, notez plutôt mon portable : 07 45 45 45 45.", "07 45 45 45 45"),
    ],
)
def test_a_number_put_right_at_the_email_question_keeps_the_name_and_no_moment(words, number):
    reference = stored_case()
    slots = consented(
        contact_name="Karim", phone="+33612121212", case_reference=reference, callback_slot=None, requested_slot="email"
    )
    events = [
        user("la banque m'a coupé le découvert"),
        bot("Voulez-vous aussi laisser une adresse e-mail ? C'est facultatif."),
        slot("requested_slot", "email"),
        user(words, "deny"),
        slot("phone", number),
        slot("email", "non précisé"),
    ]
    current = tracker(events, slots={**slots, "phone": number, "email": "non précisé"}, active_loop="handoff_form")
    current.sender_id = SENDER
    dispatcher, events = run(ValidateHandoffForm(), current, DOMAIN)
    produced = slot_events(events)
    said = " ".join(texts(dispatcher))
    assert "Prenez" not in said and "Prenez" not in str(produced)
    assert produced.get("contact_name") in (None, "Karim")
    assert not produced.get("callback_slot")
    assert "moment de l'appel" not in said
    assert [case.contact_name for case in stored_cases()] == ["Karim"]
