"""Round 7: someone who writes for another person (a wife, a son, a daughter, a relative of someone at risk) is said
so in the case summary, with the person concerned; names are read out of the sentence they come in."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff import contact_given_with, summarise, written_for, written_for_line
from actions.handoff_actions import ValidateHandoffForm, number_after_the_handoff
from tests.support.action_services import stored_cases
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user


@pytest.mark.parametrize(
    "messages, line",
    [
        (
            ["bonjour j'écris pour mon mari Patrick, il est charcutier à Rodez", "Sylvie, je suis sa femme."],
            "Écrit par un proche : son épouse (Sylvie) ; personne concernée : Patrick.",
        ),
        (
            ["cest pour mon mari en fait, il sappelle Jean-Marc mais cest moi qui gere les papiers"],
            "Écrit par un proche : son épouse ; personne concernée : Jean-Marc.",
        ),
        (
            [
                "c'est pas mon entreprise c'est celle de mon père !",
                "lui c'est Monsieur Girardot Bernard, moi c'est Julien",
            ],
            "Écrit par un proche : son enfant (Julien) ; personne concernée : Girardot Bernard, son père.",
        ),
        (
            ["appelez le lui, c'est Mr Lefebvre Olivier, moi c'est Nadia"],
            "Écrit par un proche (Nadia) ; personne concernée : Lefebvre Olivier.",
        ),
        (
            ["Je vous écris de la part de ma mère, elle est coiffeuse", "je suis sa fille"],
            "Écrit par un proche : sa fille ; personne concernée : sa mère.",
        ),
        (
            ["je vous contacte au nom de ma femme Nadine, fleuriste à Brest"],
            "Écrit par un proche : son mari ; personne concernée : Nadine.",
        ),
    ],
)
def test_writing_for_someone_is_read_from_the_conversation(messages, line):
    assert written_for_line(written_for(messages)) == line


@pytest.mark.parametrize(
    "messages",
    [
        ["ma femme fait tout maintenant, je sers plus a rien"],
        ["je fais ça pour ma femme et mes enfants, je suis maçon"],
        ["ma femme m'appelle faut que j'aille a la criée"],
        ["mon client il s'appelle Dupont et il me doit 4 200 €"],
    ],
)
def test_an_artisan_speaking_of_their_family_writes_for_nobody(messages):
    assert written_for(messages) is None


def test_the_writer_is_the_name_given_when_the_person_is_named_otherwise():
    found = written_for(["j'écris pour mon père Jean-Pierre Dumas, il est cordonnier"])
    assert written_for_line(found, contact_name="Sandrine") == (
        "Écrit par un proche : son enfant (Sandrine) ; personne concernée : Jean-Pierre Dumas, son père."
    )


def test_the_summary_says_who_wrote_right_after_the_distress():
    summary = summarise(
        ["procedure_judiciaire"],
        "critique",
        True,
        {"trade": "charcutier"},
        False,
        person_at_risk="mon mari",
        written_by="Écrit par un proche : son épouse (Sylvie) ; personne concernée : Patrick.",
    )
    assert summary.startswith("DÉTRESSE signalée par un proche")
    assert "Écrit par un proche : son épouse (Sylvie) ; personne concernée : Patrick. Difficultés" in summary


def test_the_stored_case_names_the_writer_and_the_person():
    events = [
        user("j'écris pour mon mari Patrick, le tribunal a ouvert un redressement"),
        bot("Comment le conseiller peut-il vous appeler ? Un prénom suffit."),
        user("Sylvie, je suis sa femme"),
        bot("À quel numéro de téléphone peut-il vous joindre ?"),
        user("05 65 12 34 56", "inform"),
        {"event": "slot", "name": "phone", "value": "05 65 12 34 56"},
    ]
    slots = consented(contact_name="Sylvie", phone="05 65 12 34 56", requested_slot="phone")
    current = tracker(events, slots=slots, sender_id="round7-relative")
    current.active_loop = {"name": "handoff_form"}
    run(ValidateHandoffForm(), current)
    assert "Écrit par un proche : son épouse (Sylvie) ; personne concernée : Patrick." in stored_cases()[0].summary


# ------------------------------------------------------------------------------------------------ names


@pytest.mark.parametrize(
    "words, name",
    [
        ("vous pouvez me rappeler jeudi apres 14h ? au 02 98 55 12 34 c'est le garage", None),
        ("06 12 34 56 78 c'est la boutique", None),
        ("02 99 11 22 33 au bureau", None),
        ("bon finalement si… je suis Paola, 04 95 21 00 11, plutot le matin", "Paola"),
        ("Je suis Léa, 06 12 34 56 78", "Léa"),
        ("je suis Plombier 06 12 34 56 78", None),
        ("il sappelle gerard, 03 87 12 34 56", "Gerard"),
    ],
)
def test_a_name_beside_a_number_is_a_name_not_a_place_nor_a_verb(words, name):
    assert contact_given_with(words).get("contact_name") == name


def name_question(words, intent="inform", mapped=True):
    events = [bot("Comment le conseiller peut-il vous appeler ? Un prénom suffit."), user(words, intent)]
    slots = {**consented(), "contact_name": words if mapped else None, "requested_slot": "contact_name"}
    current = tracker(events, slots=slots, active_loop="handoff_form")
    return current


@pytest.mark.parametrize(
    "words, name",
    [
        ("c said", "Said"),
        ("c karima", "Karima"),
        ("je vous ai dit, Olivier", "Olivier"),
        ("cest pour mon mari en fait, il sappelle Jean-Marc mais cest moi qui gere les papiers", "Jean-Marc"),
        ("c'est pour mon père, il s'appelle Bernard", "Bernard"),
    ],
)
def test_the_name_question_keeps_the_name_out_of_the_sentence(words, name):
    dispatcher = CollectingDispatcher()
    result = ValidateHandoffForm().validate_contact_name(words, dispatcher, name_question(words), {})
    assert result["contact_name"] == name


@pytest.mark.parametrize(
    "words, name",
    [
        ("cest pour mon mari en fait, il sappelle Jean-Marc mais cest moi qui gere les papiers", "Jean-Marc"),
        ("c'est pour ma mère, elle s'appelle Josiane", "Josiane"),
        # Both named, nothing said of whom to call: the writer, who answers the number (round 8), "ou vous-même"
        # not said to them (test_handoff_person_to_call.py).
    ],
)
def test_a_relative_naming_the_person_at_the_name_question_is_no_out_of_scope_request(words, name):
    """Read as out of scope (round 7), the answer still names the person to call: the handoff goes on."""
    current = name_question(words, intent="out_of_scope", mapped=False)
    dispatcher = CollectingDispatcher()
    events = number_after_the_handoff(dispatcher, current)
    assert events is not None and slot_events(events)["contact_name"] == name
    assert texts(dispatcher) == [f"D'accord, le conseiller demandera {name}, ou vous-même."]


def test_the_name_after_a_reminder_is_extracted_when_no_mapping_took_it():
    import asyncio

    current = name_question("je vous ai dit, Olivier", intent="ask_why_question", mapped=False)
    result = asyncio.run(ValidateHandoffForm().extract_contact_name(CollectingDispatcher(), current, {}))
    assert result == {"contact_name": "Olivier"}
