"""Round 14 (b.md B2, B5, B15; a.md A9): someone close writes for the artisan. The writer's name is the contact, the
relative named beside it is the person concerned; the number chosen by whose it is ("appelez le sien") is kept; the
writer's home is no business's place; and what is said of health or difficulties speaks of the person concerned.
Sentences written for these tests, the way people type."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.crisis_actions import ActionAfterClearNo
from actions.handoff import (
    concerned_person,
    person_named,
    person_to_call,
    phone_notes,
    place_is_the_writers,
    preferred_phone,
    said_to_the_writer,
    writer_notes,
    written_for,
    written_for_line,
)
from actions.handoff_actions import ValidateHandoffForm
from tests.support.trackers import bot, run, texts, tracker, user

# --- the writer and the person concerned, both named -----------------------------------------------------------------


@pytest.mark.parametrize(
    "words, writer, person, relative",
    [
        ("moi c'est Kevin, mon père s'appelle Alain", "Kevin", "Alain", "pere"),  # r14b-07 as typed
        ("moi cest kevin mon pere il sappelle alain", "Kevin", "Alain", "pere"),
        ("je m'appelle Julie, ma mère c'est Josiane", "Julie", "Josiane", "mere"),
        ("mon mari s'appelle Bruno, moi c'est Sandrine", "Sandrine", "Bruno", "mari"),
    ],
)
def test_the_writer_and_the_relative_named_together(words, writer, person, relative):
    found = written_for([words])
    assert found is not None
    assert (found["writer_name"], found["person_name"], found["relative"]) == (writer, person, relative)
    assert person_named(words) == person
    assert person_to_call(words) == writer  # the writer gave the number and answers it


@pytest.mark.parametrize(
    "words",
    [
        "mon fils s'appelle Lucas il a 3 ans, il est malade",  # an artisan speaking of his son: no one writes for him
        "moi c'est Paul, mon pere c'est un garagiste a la retraite",  # no name after "c'est"
        "ma femme c'est elle qui fait les papiers",
    ],
)
def test_near_misses_name_no_person_concerned(words):
    assert (written_for([words]) or {}).get("person_name") is None


def test_at_the_name_question_the_writer_is_kept_not_the_relative_the_extractor_took():
    words = "moi c'est Kevin, mon père s'appelle Alain"
    events = [
        user("c'est le garage de mon père, il dit qu'il veut plus se réveiller", "express_distress"),
        bot("Comment le conseiller peut-il vous appeler ? Un prénom suffit."),
        user(words, "inform", [{"entity": "first_name", "value": "Alain"}]),
    ]
    current = tracker(
        events, slots={"requested_slot": "contact_name", "contact_name": "Alain"}, active_loop="handoff_form"
    )
    dispatcher = CollectingDispatcher()
    result = ValidateHandoffForm().validate_contact_name("Alain", dispatcher, current, {})
    assert result["contact_name"] == "Kevin"


def test_the_case_line_names_the_writer_and_the_person_concerned():
    said = ["c'est le garage de mon père", "moi c'est Kevin, mon père s'appelle Alain"]
    line = written_for_line(written_for(said), "Kevin")
    assert line == "Écrit par un proche : son enfant (Kevin) ; personne concernée : Alain, son père."


# --- which number: chosen by whose it is ------------------------------------------------------------------------------

SON_S = "le sien c'est le 03 86 21 45 09 au garage, le mien 06 98 76 54 32. appelez le sien plutôt mais il faut que je le prévienne avant"


@pytest.mark.parametrize(
    "words, kept, other",
    [
        (SON_S, "+33386214509", "+33698765432"),  # r14b-07 as typed
        ("le sien 03 86 21 45 09, le mien 06 98 76 54 32. appelez plutot le mien", "+33698765432", "+33386214509"),
        ("le fixe 03 86 21 45 09 et le portable 06 98 76 54 32, prenez le fixe", "+33386214509", "+33698765432"),
        ("le sien 03 86 21 45 09, le mien 06 98 76 54 32. le sien plutot", "+33386214509", "+33698765432"),
        # Round 7's preferences are read as before.
        ("04 50 98 12 34 au bureau, ou mon portable 06 80 45 21 97 c'est mieux", "+33680452197", "+33450981234"),
    ],
)
def test_the_number_chosen_by_whose_it_is_is_kept(words, kept, other):
    assert preferred_phone(words) == (kept, [other], True)


@pytest.mark.parametrize(
    "words",
    [
        "le sien 03 86 21 45 09, le mien 06 98 76 54 32",  # nothing chosen: the first, not said preferred
        "le sien 03 86 21 45 09, le mien 06 98 76 54 32. appelez le bureau",  # a label neither number bears
    ],
)
def test_without_a_choice_the_first_number_is_kept_unpreferred(words):
    assert preferred_phone(words) == ("+33386214509", ["+33698765432"], False)


def test_the_case_says_whose_the_kept_number_is_and_that_the_writer_warns_first():
    said = ["c'est le garage de mon père", "moi c'est Kevin, mon père s'appelle Alain", SON_S]
    lines, described = phone_notes(said, "+33386214509", "pere", "Kevin", "enfant")
    assert lines == [
        "Numéro à appeler (03 86 21 45 09) : celui de son père, la personne concernée ; c'est son enfant (Kevin) qui a "
        "écrit."
    ]
    assert described == ["+33386214509"]
    notes = writer_notes(said)
    assert "warn_first" in notes
    assert "prévenir la personne concernée avant l'appel" in (written_for_line(written_for(said), "Kevin", notes) or "")


@pytest.mark.parametrize(
    "words, warns",
    [
        ("laissez moi la prévenir avant svp", True),
        ("je vais le prevenir d'abord", True),
        ("je vais prévenir mes clients que je ferme", False),
        ("l'urssaf m'a prévenu avant", False),
    ],
)
def test_the_writer_who_warns_first(words, warns):
    assert ("warn_first" in writer_notes([words])) is warns


# --- whose place ------------------------------------------------------------------------------------------------------

RELATIVE = ["c'est le garage de mon père, moi c'est Kevin"]


@pytest.mark.parametrize(
    "words, earlier, writers",
    [
        ("moi j'habite à Lyon", RELATIVE, True),  # r14b-07 as typed
        ("moi je suis a Lyon", RELATIVE, True),
        ("j'habite a Lyon mais son garage est a Nevers", RELATIVE, False),
        ("son garage est a Lyon", RELATIVE, False),
        ("il habite a Lyon", RELATIVE, False),
        ("Lyon", RELATIVE, False),
        ("moi j'habite à Lyon", ["je suis boulanger, la banque me lache"], False),  # the artisan's own place
    ],
)
def test_the_writers_home_is_no_business_place(words, earlier, writers):
    assert place_is_the_writers(words, earlier) is writers


# --- what is said of the person concerned -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "slots, messages, concerned",
    [
        ({"person_at_risk": "mon père"}, [], "votre père"),
        ({"person_at_risk": "un proche"}, [], "votre proche"),
        (
            {},
            ["la patronne est hospitalisée depuis 3 semaines (AVC), nos salaires de novembre sont pas payés"],
            "votre patronne",
        ),
        ({}, ["j'écris pour mon mari, il a fait un infarctus"], "votre mari"),
        ({}, ["bonjour je suis la secretaire de M. Lefevre, il est en réanimation"], "M. Lefevre"),
        ({}, ["je suis le patron, j'ai fait un avc"], None),
        ({}, ["c'est moi la patronne, je suis malade"], None),
        ({}, ["j'ai un cancer et l'urssaf me relance"], None),
    ],
)
def test_who_the_difficulty_is_about(slots, messages, concerned):
    assert concerned_person(slots, messages) == concerned


@pytest.mark.parametrize(
    "said, concerned, becomes",
    [
        (
            "Votre santé passe avant tout, et je suis de tout cœur avec vous.",
            "votre patronne",
            "La santé de votre patronne passe avant tout, et je suis de tout cœur avec vous.",
        ),
        (
            "Vous avez parlé de votre santé. Acceptez-vous que cette information figure dans votre dossier, pour que le "
            "conseiller en tienne compte ?",
            "votre père",
            "Vous avez parlé de la santé de votre père. Acceptez-vous que cette information figure dans votre dossier, "
            "pour que le conseiller en tienne compte ?",
        ),
        (
            "Si je comprends bien, vous faites face à un problème de santé et à une procédure en justice.",
            "votre père",
            "Si je comprends bien, votre père fait face à un problème de santé et à une procédure en justice.",
        ),
        (
            "Si je comprends bien, vous faites face à des difficultés avec votre banque et à des travaux qui gênent "
            "l'accès à votre entreprise.",
            "votre mère",
            "Si je comprends bien, votre mère fait face à des difficultés avec sa banque et à des travaux qui gênent "
            "l'accès à son entreprise.",
        ),
        # The artisan writing: unchanged.
        ("Votre santé passe avant tout, et je suis de tout cœur avec vous.", None, None),
        (
            "Si je comprends bien, vous faites face à des difficultés avec votre banque.",
            None,
            None,
        ),
        # A sentence that is not one of them: unchanged. ("Quel est votre métier ?" was one of these until round 15
        # found it said to a wife writing for her husband: it now asks about the owner's trade.)
        ("Depuis quand cette situation dure-t-elle ?", "votre père", None),
        ("Quel est votre métier ?", "votre père", "Quel est le métier de votre père ?"),
    ],
)
def test_the_sentence_speaks_of_the_person_concerned(said, concerned, becomes):
    assert said_to_the_writer(said, concerned) == (becomes or said)


def test_after_a_clear_no_the_restatement_speaks_of_the_relative():
    events = [
        user("j'écris pour mon père, il a un garage, il est malade et le tribunal le convoque", "describe_situation"),
        {"event": "action", "name": "action_check_in"},
        bot("Pensez-vous que votre père pense au suicide ?"),
        user("non je crois pas", "deny"),
    ]
    slots = {
        "paused_form": "situation_form",
        "difficulty_categories": ["sante", "tresorerie"],
        "urgency": "normale",
        "suicide_thoughts": "clear_no",
    }
    dispatcher, _ = run(ActionAfterClearNo(), tracker(events, slots=slots))
    said = " ".join(texts(dispatcher))
    assert "votre père fait face à un problème de santé" in said
    assert "vous faites face" not in said


def test_after_a_clear_no_the_artisans_own_restatement_is_unchanged():
    events = [
        user("je suis malade et j'ai plus de tresorerie", "describe_situation"),
        {"event": "action", "name": "action_check_in"},
        bot("Pensez-vous au suicide ?"),
        user("non", "deny"),
    ]
    slots = {"paused_form": "situation_form", "difficulty_categories": ["sante", "tresorerie"], "urgency": "normale"}
    dispatcher, _ = run(ActionAfterClearNo(), tracker(events, slots=slots))
    assert any(text.startswith("Si je comprends bien, vous faites face") for text in texts(dispatcher))
