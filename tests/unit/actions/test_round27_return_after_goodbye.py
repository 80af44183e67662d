"""Round 27 (talk-b B2: r27-b-02, r27-b-20), over real trackers, a real case store and the actions the classifier
picked: after the goodbye, a returning artisan's new moment for the call was ignored ("re bonjour, ... demain matin je
peux pas, plutot mardi aprem" read as a greeting got "je suis toujours là"; "donc vous pouvez changer pour mardi apres
midi ?" and "vous pouvez mappeler jeudi aprem ?" read as questions on the hours got the hours), and the case kept the
old moment. A return reaches the stored case as it did before the goodbye: the moment replaced and said with the
reference, other words added to the case; a bare greeting is still welcomed, and a change of anything else than the
call is no moment."""

from __future__ import annotations

import pytest

from actions.faq_actions import ActionAnswerFaq
from actions.handoff_actions import ValidateHandoffForm, moment_changed
from actions.intake_actions import WELCOME_BACK_NO_QUESTION, ActionGreet
from ops import clock
from tests.support.action_services import stored_cases
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

SENDER = "round27-return"
SUNDAY = "2026-12-06T21:20:00+01:00"  # the tester's evening: the chamber is closed
GOODBYE = "Prenez soin de vous. Vous pouvez revenir ici quand vous voulez."


@pytest.fixture(autouse=True)
def sunday(monkeypatch):
    monkeypatch.setenv(clock.ENV_VAR, SUNDAY)


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


def stored_case(moment):
    events = [user("la banque m'a coupé le découvert"), bot("À quel numéro ?"), user("06 12 98 45 33", "inform")]
    current = tracker(
        [*events, slot("phone", "06 12 98 45 33")],
        slots={**consented(), "phone": "06 12 98 45 33", "callback_slot": moment, "requested_slot": "phone"},
        active_loop="handoff_form",
        sender_id=SENDER,
    )
    _, produced = run(ValidateHandoffForm(), current, DOMAIN)
    return slot_events(produced)["case_reference"]


def back_after_goodbye(action, words, intent, moment):
    reference = stored_case(moment)
    slots = consented(phone="+33612984533", case_reference=reference, email="-", callback_slot=moment)
    promise = f"C'est noté, votre référence est {reference}. Un conseiller vous rappellera au 06 12 98 45 33 bientôt."
    events = [
        user("la banque m'a coupé le découvert"),
        slot("difficulty_categories", ["banque"]),
        bot(promise),
        user("ok merci bonne soiree", "goodbye"),
        bot(GOODBYE),
        slot("requested_slot", None),
        user(words, intent),
    ]
    dispatcher, produced = run(action, tracker(events, slots=slots, sender_id=SENDER), DOMAIN)
    return reference, slot_events(produced), texts(dispatcher)


def corrected(promised, reference):
    return f"C'est corrigé : un conseiller vous rappellera {promised}. Votre référence reste {reference}."


@pytest.mark.parametrize(
    "action, words, intent, moment, promised",
    [
        # the round's own sentences, read as a greeting and as questions on the hours
        (
            ActionGreet,
            "re bonjour, j'ai oublié de vous dire, demain matin en fait je peux pas je suis sur un chantier, "
            "plutot mardi aprem",
            "greet",
            "mardi aprem",
            "le mardi 8 décembre, dans l'après-midi",
        ),
        (
            ActionAnswerFaq,
            "donc vous pouvez changer pour mardi apres midi ?",
            "faq",
            "mardi apres midi",
            "le mardi 8 décembre, dans l'après-midi",
        ),
        (
            ActionAnswerFaq,
            "re, dsl jai du partir. vous pouvez mappeler jeudi aprem ?",
            "faq",
            "jeudi aprem",
            "le jeudi 10 décembre, dans l'après-midi",
        ),
        # the same class in other voices: formal, no accents, SMS, hesitant
        (
            ActionGreet,
            "Bonsoir, c'est encore moi. Finalement lundi je ne pourrai pas, plutôt mercredi matin.",
            "greet",
            "mercredi matin",
            "le mercredi 9 décembre, dans la matinée",
        ),
        (
            ActionAnswerFaq,
            "Pourriez-vous décaler à jeudi 10h ?",
            "faq",
            "jeudi 10h",
            "le jeudi 10 décembre, vers 10 h",
        ),
        (
            ActionAnswerFaq,
            "on peut changer pour vendredi matin ?",
            "faq",
            "vendredi matin",
            "le vendredi 11 décembre, dans la matinée",
        ),
        (
            ActionAnswerFaq,
            "slt vs pouvez mrappeler mercredi aprem ?",
            "faq",
            "mercredi aprem",
            "le mercredi 9 décembre, dans l'après-midi",
        ),
        (
            ActionGreet,
            "rebonjour euh en fait lundi matin c pas possible, mettez mardi 14h",
            "greet",
            "mardi 14h",
            "le mardi 8 décembre, vers 14 h",
        ),
    ],
)
def test_a_moment_changed_on_coming_back_after_the_goodbye_reaches_the_case(action, words, intent, moment, promised):
    reference, produced, said = back_after_goodbye(action(), words, intent, "lundi matin")
    assert produced["callback_slot"] == moment
    assert said == [corrected(promised, reference)]
    assert [case.callback_slot for case in stored_cases()] == [moment]


def test_a_moment_asked_on_coming_back_to_a_case_with_none_reaches_it():
    # r27-b-20: the case made at the goodbye with "dès que possible", then "vous pouvez mappeler jeudi aprem ?"
    reference, produced, said = back_after_goodbye(
        ActionAnswerFaq(), "re, dsl jai du partir. vous pouvez mappeler jeudi aprem ?", "faq", None
    )
    assert produced["callback_slot"] == "jeudi aprem"
    assert said == [corrected("le jeudi 10 décembre, dans l'après-midi", reference)]


@pytest.mark.parametrize(
    "words",
    [
        "re bonjour, j'ai oublié de vous dire, le client c'est une mairie",
        "rebonjour, au fait c'est 9200 avec les majorations pas 8000",
    ],
)
def test_other_words_on_coming_back_are_added_to_the_case(words):
    reference, produced, said = back_after_goodbye(ActionGreet(), words, "greet", "lundi matin")
    assert "callback_slot" not in produced
    assert said == [f"C'est noté : je l'ajoute à votre demande, référence {reference}. Le conseiller le verra."]
    assert words in [line["text"] for line in stored_cases()[0].transcript]


@pytest.mark.parametrize("words", ["re bonjour", "rebonjour !", "bonsoir, c'est encore moi", "slt me revoila"])
def test_a_bare_greeting_on_coming_back_is_welcomed_and_changes_nothing(words):
    _, produced, said = back_after_goodbye(ActionGreet(), words, "greet", "lundi matin")
    assert said == [WELCOME_BACK_NO_QUESTION]
    assert "callback_slot" not in produced
    assert [case.callback_slot for case in stored_cases()] == ["lundi matin"]


@pytest.mark.parametrize(
    "words",
    [
        "vous pouvez changer pour une autre banque ?",
        "je vais changer pour un autre fournisseur",
        "on peut passer en sarl ?",
        "ils ont décalé à jeudi l'audience ?",
    ],
)
def test_a_change_of_something_else_is_no_moment(words):
    current = tracker([user(words, "faq")], slots=consented(case_reference="RL-X", callback_slot="lundi matin"))
    assert moment_changed(current, words) is None
