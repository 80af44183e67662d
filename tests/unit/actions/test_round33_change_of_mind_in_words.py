"""Round 33 (r33-f): "enfin si, mais pas avant 18h, je suis au labo" right after "non je préfère pas être rappelé" was
read as a fact (inform): "D'accord, c'est noté.", the refusal kept, nothing asked. A change of mind said in words takes
the offer up again whatever the classifier read, its moment kept for its question; a "si" opening a condition does not,
nor does any of it when nothing was refused."""

from __future__ import annotations

import pytest
from rasa_sdk.events import FollowupAction

from actions.intake_actions import ActionAcknowledgeSituation
from intake.offer_replies import takes_up_again
from tests.support.trackers import bot, run, slot_events, tracker, user

STORY = [
    user("je suis tapissier, la banque m'a coupé le découvert et l'urssaf relance", "describe_situation"),
    bot("Voulez-vous qu'un conseiller de la chambre vous rappelle pour en parler ?"),
    user("non je préfère pas", "deny"),
    bot("C'est entendu. Je ne transmets rien à la chambre sans votre accord."),
]
SITUATION = {"difficulty_categories": ["banque", "cotisations_sociales"], "urgency": "normale"}


@pytest.mark.parametrize(
    "words, moment",
    [
        ("enfin si, mais pas avant 17h, je suis à l'atelier", "pas avant 17h"),
        ("bon si finalement, plutôt jeudi matin", "plutôt jeudi matin"),
        ("finalement oui appelez moi, j'ai réfléchi", None),
    ],
)
@pytest.mark.parametrize("refused", ["wants_advisor", "consent_given"])
def test_a_change_of_mind_in_words_takes_up_the_offer(words, moment, refused):
    current = tracker([*STORY, user(words, "inform")], {**SITUATION, refused: False})
    _, produced = run(ActionAcknowledgeSituation(), current)
    slots = slot_events(produced)
    assert slots["wants_advisor"] is True
    assert slots["consent_given"] is None
    assert any(isinstance(event, dict) and event.get("name") == "handoff_form" for event in produced) or any(
        event == FollowupAction("handoff_form") for event in produced
    )
    if moment:
        assert moment in (slots.get("callback_slot") or "")


def test_nothing_refused_no_offer_taken_up():
    current = tracker([*STORY[:2], user("enfin si, mais pas avant 17h", "inform")], SITUATION)
    _, produced = run(ActionAcknowledgeSituation(), current)
    assert slot_events(produced).get("wants_advisor") is not True


@pytest.mark.parametrize(
    "words, taken_up",
    [
        ("si, rappelez-moi demain", True),
        ("euh si", True),
        ("tout compte fait ok", True),
        ("si je paye tout ça s'arrête", False),
        ("si vous pouvez me rappeler", False),
        ("si jamais ça bouge je reviens", False),
        ("si ?", False),
        ("non", False),
    ],
)
def test_takes_up_again(words, taken_up):
    assert takes_up_again(words) is taken_up


def test_a_change_of_mind_at_an_intake_question_keeps_the_call_and_asks_the_question_again():
    from actions.intake_actions import CALL_WISHED_AGAIN, ValidateSituationForm
    from tests.support.trackers import texts

    events = [
        *STORY[:1],
        {"event": "slot", "name": "requested_slot", "value": "legal_form"},
        bot("Sous quelle forme votre entreprise est-elle enregistrée ?"),
        user("non je veux pas qu'on m'appelle", "deny"),
        {"event": "slot", "name": "wants_advisor", "value": False},
        bot("Sous quelle forme votre entreprise est-elle enregistrée ?"),
        user("enfin si, mais plutôt le matin, l'après-midi j'ai mes clientes", "inform"),
        {"event": "slot", "name": "legal_form", "value": "enfin si"},
    ]
    slots = {**SITUATION, "wants_advisor": False, "requested_slot": "legal_form", "legal_form": "enfin si"}
    dispatcher, produced = run(ValidateSituationForm(), tracker(events, slots, active_loop="situation_form"))
    changed = slot_events(produced)
    assert texts(dispatcher)[0] == CALL_WISHED_AGAIN
    assert changed["wants_advisor"] is True
    assert changed["legal_form"] is None
    assert "matin" in (changed.get("callback_slot") or "")
