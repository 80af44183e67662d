"""Whom the advisor asks for when a relative writes (round 8: a son writing behind his mother's back, "elle ne doit
pas savoir", was filed under his mother's name on his own phone)."""

from __future__ import annotations

import pytest

from actions.handoff import person_to_call
from actions.handoff_actions import to_call_text


@pytest.mark.parametrize(
    "words, name",
    [
        # The writer names themself: the writer, who gave the number and answers it.
        ("Yannick, je suis son neveu. Lui, c'est Gérard", "Yannick"),
        ("moi c'est Léa, lui c'est Bruno, mon père", "Léa"),
        # Unless the words ask to call the other.
        ("appelez-la elle directement, elle c'est Martine, moi c'est Hugo", "Martine"),
        # The writer unnamed: the person named.
        ("c'est pour ma femme, elle s'appelle Sonia", "Sonia"),
        # The writer asks to be called and says who they are (round 11, r11b-16).
        ("elle s'appelle Josiane Martin, mais appelez plutot moi au 07 81 22 33 44, je suis Élodie", "Élodie"),
        ("il s'appelle Marcel, c'est plutôt moi qu'il faut appeler, je suis Nadia sa fille", "Nadia"),
    ],
)
def test_the_person_to_call(words, name):
    assert person_to_call(words) == name


@pytest.mark.parametrize(
    "earlier, name",
    [
        (["oui qu'on le rappelle lui, c'est son entreprise"], "Girardot Bernard"),
        (["oui, qu'un conseiller me rappelle moi, pas lui"], "Julien"),
        (["il ne doit pas savoir que je vous écris"], "Julien"),
        ([], "Julien"),
    ],
)
def test_whom_to_call_follows_what_the_conversation_asked(earlier, name):
    assert person_to_call("lui c'est Monsieur Girardot Bernard, moi c'est Julien", earlier) == name


def test_the_writer_is_told_they_will_be_asked_for():
    assert to_call_text("Yannick", "Yannick, je suis son neveu. Lui, c'est Gérard") == (
        "D'accord, le conseiller vous demandera, Yannick."
    )
    assert to_call_text("Sonia", "c'est pour ma femme, elle s'appelle Sonia").startswith(
        "D'accord, le conseiller demandera Sonia, ou vous-même"
    )


def test_at_the_name_question_a_mapped_name_gives_way_to_the_person_to_call():
    """Round 8: the entity extractor took "Nadine" from "Karim, je suis son fils. Elle, c'est Nadine", and the case of a
    mother who must not know went under her name."""
    from rasa_sdk.executor import CollectingDispatcher

    from actions.handoff_actions import ValidateHandoffForm
    from tests.support.trackers import bot, tracker, user

    words = "Karim, je suis son fils. Elle, c'est Nadine"
    events = [
        user("oui qu'un conseiller me rappelle moi, pas elle, elle ne doit pas savoir", "affirm"),
        bot("Comment le conseiller peut-il vous appeler ? Un prénom suffit."),
        user(words, "inform", [{"entity": "first_name", "value": "Nadine"}]),
    ]
    current = tracker(
        events, slots={"requested_slot": "contact_name", "contact_name": "Nadine"}, active_loop="handoff_form"
    )
    result = ValidateHandoffForm().validate_contact_name("Nadine", CollectingDispatcher(), current, {})
    assert result == {"contact_name": "Karim"}


@pytest.mark.parametrize(
    "words, name",
    [("euh Nadia", "Nadia"), ("bah... Jean-Luc", "Jean-Luc"), ("hmm, alors Lucie", "Lucie"), ("euh", None)],
)
def test_a_hesitation_before_the_name_is_no_refusal_of_it(words, name):
    """make run, 2026-12-04: "euh Nadia" at the name question got "Pardon, je n'ai pas saisi votre prénom"."""
    from rasa_sdk.executor import CollectingDispatcher

    from actions.handoff_actions import ValidateHandoffForm
    from tests.unit.actions.test_handoff_written_for_someone import name_question

    result = ValidateHandoffForm().validate_contact_name(words, CollectingDispatcher(), name_question(words), {})
    assert result["contact_name"] == name
