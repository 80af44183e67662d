"""Round 28 (talker a): names the advisor would read wrong. r28-a-16 ("Ange-Marie" stored as "Marie": the extractor
took the second half), r28-a-17 ("c'est moi le patron, Marcel" stored as "moi le patron Marcel"), r28-a-24 ("pardon,
Nicolas" after "Nicolaa" read as a wrong number, the typo kept in the case). Real trackers, the form's validation."""

from __future__ import annotations

import pytest

from actions.handoff_actions import ValidateHandoffForm, whole_compound
from tests.support.handoff_form import DOMAIN, answered_at
from tests.support.trackers import bot, run, slot_events, texts, tracker, user

NAME_ASKED = "Comment le conseiller peut-il vous appeler ? Un prénom suffit."


def _at_the_name(words: str, mapped: str, intent: str = "inform") -> tuple[list[str], dict]:
    slots = {
        "difficulty_categories": ["banque"],
        "urgency": "normale",
        "distress": False,
        "wants_advisor": True,
        "consent_given": True,
        "consent_at": "2026-12-06T10:00:00+00:00",
        "requested_slot": "contact_name",
        "contact_name": mapped,
    }
    events = [bot(NAME_ASKED), user(words, intent), {"event": "slot", "name": "contact_name", "value": mapped}]
    dispatcher, produced = run(ValidateHandoffForm(), tracker(events, slots=slots, active_loop="handoff_form"), DOMAIN)
    return texts(dispatcher), slot_events(produced)


@pytest.mark.parametrize(
    "words, mapped, kept",
    [
        ("Ange-Marie", "Marie", "Ange-Marie"),  # the extractor's half
        ("Jean-Baptiste", "Baptiste", "Jean-Baptiste"),
        ("Marie-Laure", "Marie", "Marie-Laure"),
        ("Paul-Henri", "Paul-Henri", "Paul-Henri"),
        # near misses: a hyphen elsewhere is no part of the name
        ("Marie, de Saint-Denis", "Marie", "Marie"),
        ("Luc", "Luc", "Luc"),
    ],
)
def test_a_compound_first_name_is_kept_whole(words, mapped, kept):
    _, slots = _at_the_name(words, mapped)
    assert slots["contact_name"] == kept


@pytest.mark.parametrize(
    "words, kept",
    [
        ("c'est moi la patronne, Sylvie", "Sylvie"),
        ("moi le gérant : Farid", "Farid"),
        ("c'est moi le titulaire, je m'appelle Hervé", "Hervé"),
        ("bah c'est moi la cheffe d'entreprise, Aurore", "Aurore"),
        ("c'est moi, Kader", "Kader"),  # no role: as before
    ],
)
def test_the_role_said_before_the_name_is_no_part_of_it(words, kept):
    _, slots = _at_the_name(words, words)
    assert slots["contact_name"] == kept


def test_a_role_alone_is_no_name():
    _, slots = _at_the_name("le patron", "le patron")
    assert slots["contact_name"] is None


PHONE_ASKED = [bot("À quel numéro de téléphone peut-il vous joindre ?")]


@pytest.mark.parametrize(
    "words, before, kept",
    [
        ("pardon, Mathieu", "Mathiue", "Mathieu"),
        ("oups c'est Karine", "Karinne", "Karine"),
        ("Sébastien pardon", "Sebastein", "Sébastien"),
        ("dsl, Noémie", "Noémi", "Noémie"),
    ],
)
def test_a_name_typed_again_at_the_phone_question_puts_it_right(words, before, kept):
    dispatcher, slots = answered_at("phone", words, "inform", PHONE_ASKED, ["banque"], before)
    assert slots["contact_name"] == kept
    assert slots["phone"] is None
    assert texts(dispatcher) == [f"C'est corrigé : le conseiller demandera {kept}."]


@pytest.mark.parametrize("words", ["pardon ?", "pardon, 06 12 34 56 7", "Mathiue pardon"])
def test_near_misses_put_no_name_right(words):
    _, slots = answered_at("phone", words, "inform", PHONE_ASKED, ["banque"], "Mathiue")
    assert slots.get("contact_name", "Mathiue") == "Mathiue"


def test_whole_compound_needs_the_compound_typed_as_a_name():
    assert whole_compound("Marie", "ange-marie") == "Marie"
    assert whole_compound("Marie", "Ange-Marie") == "Ange-Marie"
    assert whole_compound(None, "Ange-Marie") is None
