"""Round 14 at the place question and beside it: short town names and a number with a town are read (r14b-01, -13,
-17, -18: "dans le 71, a Montceau" refused, "71, Louhans" kept as 71 with "le conseiller vous le demandera"), a place
near a town is noted as near it (r14b-03: "à côté de Nevers" noted "Commune : Nevers"), and the business's place said at
another question is kept (r14a-01: "kevin. plombier chauffagiste a montceau dans le 71" at the name question; r14a-04:
"jsuis a cote de macon")."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff_actions import ValidateHandoffForm
from actions.intake_actions import ValidateSituationForm
from actions.place_validation import GIVE_UP, QUESTION, place_update
from tests.support.trackers import bot, texts, tracker, user


@pytest.mark.parametrize(
    "answer, asked_before, code, commune",
    [
        ("Montceau", False, "71", "Montceau-les-Mines"),
        ("montceau les mines", False, "71", "Montceau-les-Mines"),
        ("Louhans", True, "71", "Louhans-Châteaurenaud"),
        ("dans le 71, a Montceau", False, "71", "Montceau-les-Mines"),
        ("dans le 71, a Montceau", True, "71", "Montceau-les-Mines"),
        ("71, Louhans", True, "71", "Louhans-Châteaurenaud"),
        ("Cosne sur Loire", False, "58", "Cosne-Cours-sur-Loire"),
        ("cosne/loire", True, "58", "Cosne-Cours-sur-Loire"),
        ("entre Cosne et La Charité", False, "58", "entre Cosne-Cours-sur-Loire et La Charité-sur-Loire"),
        ("à côté de Nevers", False, "58", "près de Nevers"),
        ("a cote de nevers", True, "58", "près de Nevers"),
        ("jsuis a cote de macon", False, "71", "près de Mâcon"),
        ("vers Autun", False, "71", "près d'Autun"),
        # The number said stands when the town is not there or unknown: never "le conseiller vous le demandera".
        ("58, Montceau", False, "58", None),
        ("71, Saint-Machin-Truc", True, "71", None),
    ],
)
def test_the_place_answer_is_read_with_its_town(answer, asked_before, code, commune):
    slots = {"place_unread": "euh"} if asked_before else {}
    update, message = place_update(answer, slots)
    assert (update["departement"], update["commune"]) == (code, commune)
    assert message is None
    assert message != GIVE_UP


def test_a_short_name_of_two_towns_offers_both():
    update, message = place_update("Cosne", {})
    assert update["place_choices"] == ["Cosne-Cours-sur-Loire (58)", "Cosne-d'Allier (03)"]
    assert update["departement"] is None and message is None


def test_a_place_near_a_town_validated_again_keeps_near():
    update, message = place_update("58", {"departement": "58", "commune": "près de Nevers"})
    assert (update["departement"], update["commune"], message) == ("58", "près de Nevers", None)


@pytest.mark.parametrize("form", [ValidateSituationForm, ValidateHandoffForm])
@pytest.mark.parametrize(
    "words, code, commune",
    [
        ("jsuis a cote de macon", "71", "près de Mâcon"),
        ("dans le 71, a Montceau", "71", "Montceau-les-Mines"),
        ("on est a cosne sur loire", "58", "Cosne-Cours-sur-Loire"),
    ],
)
def test_at_the_place_question_the_town_is_read(form, words, code, commune):
    events = [{"event": "slot", "name": "requested_slot", "value": "departement"}, bot(QUESTION), user(words, "inform")]
    slots = {"requested_slot": "departement"}
    dispatcher = CollectingDispatcher()
    extracted = asyncio.run(form().extract_departement(dispatcher, tracker(events, slots), {}))
    assert extracted == {"departement": words}
    result = form().validate_departement(words, dispatcher, tracker(events, {**slots, **extracted}), {})
    assert (result["departement"], result["commune"]) == (code, commune)
    assert GIVE_UP not in texts(dispatcher)


def _said_at(asked: str, words: str, form=ValidateHandoffForm, known: dict | None = None):
    events = [
        *({"event": "slot", "name": k, "value": v} for k, v in (known or {}).items()),
        {"event": "slot", "name": "requested_slot", "value": asked},
        bot("…"),
        user(words, "inform"),
    ]
    slots = {**(known or {}), "requested_slot": asked}
    dispatcher = CollectingDispatcher()
    extracted = asyncio.run(form().extract_departement(dispatcher, tracker(events, slots), {}))
    return extracted, texts(dispatcher)


@pytest.mark.parametrize("form", [ValidateSituationForm, ValidateHandoffForm])
@pytest.mark.parametrize(
    "asked, words, code, commune",
    [
        ("contact_name", "kevin. plombier chauffagiste a montceau dans le 71", "71", "Montceau-les-Mines"),
        ("contact_name", "Sandrine, je suis fleuriste a Louhans", "71", "Louhans-Châteaurenaud"),
        ("since_when", "jsuis a cote de macon", "71", "près de Mâcon"),
        ("since_when", "j'suis a Cosne sur Loire depuis 3 ans", "58", "Cosne-Cours-sur-Loire"),
        ("callback_slot", "le matin, chuis couvreur vers Autun", "71", "près d'Autun"),
    ],
)
def test_the_business_place_said_at_another_question_is_kept(form, asked, words, code, commune):
    extracted, said = _said_at(asked, words, form)
    assert extracted == {"departement": code, "commune": commune}
    assert said == [f"Merci, j'ai noté le lieu ({commune})."]


@pytest.mark.parametrize(
    "asked, words, known",
    [
        ("contact_name", "kevin", {}),
        ("contact_name", "mon fils est plombier a Macon, moi je suis a la retraite", {}),
        ("callback_slot", "lundi je serai sur un chantier a Montceau", {}),
        ("since_when", "depuis 3 mois, entre 2 et 3 mois", {}),
        ("contact_name", "kevin. plombier chauffagiste a montceau dans le 71", {"departement": "58"}),
    ],
)
def test_no_business_place_at_another_question(asked, words, known):
    extracted, said = _said_at(asked, words, known=known)
    assert extracted == {} and said == []
