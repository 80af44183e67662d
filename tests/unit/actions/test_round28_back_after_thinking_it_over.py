"""Round 28 (r28-a-15): "merci, je vais réfléchir" at the callback offer, then "re bonjour, j'ai réfléchi, finalement oui
rappelez-moi, plutôt demain en fin de journée", read as a goodbye: "Au revoir, prenez soin de vous", then the name and
the moment lost in the case. The call asked for on coming back starts the handoff with what was said with it."""

from __future__ import annotations

import pytest

from actions.intake_actions import ActionStopConversation
from tests.support.trackers import bot, run, slot_events, tracker, user

OFFER = "Voulez-vous qu'un conseiller de la chambre vous rappelle pour en parler ?"


def _coming_back(words: str, intent: str = "goodbye"):
    slots = {"difficulty_categories": ["loyer"], "urgency": "haute", "distress": False}
    events = [
        user("fleuriste à Tours, 4 mois de loyer de retard, le bailleur menace"),
        {"event": "slot", "name": "requested_slot", "value": "wants_advisor"},
        bot(OFFER),
        user("ok merci je vais y réfléchir", "goodbye"),
        {"event": "slot", "name": "requested_slot", "value": None},
        bot("Prenez soin de vous. Vous pouvez revenir ici quand vous voulez."),
        user(words, intent),
    ]
    _, produced = run(ActionStopConversation(), tracker(events, slots=slots), {})
    followups = [event.get("name") for event in produced if event.get("event") == "followup"]
    return slot_events(produced), followups


@pytest.mark.parametrize(
    "words, moment, name",
    [
        ("rebonjour, c'est tout réfléchi, oui rappelez-moi, mercredi après-midi", "mercredi après-midi", None),
        ("me revoilà, appelez moi jeudi matin, c'est Maëlle", "jeudi matin", "Maëlle"),
        ("coucou, finalement je veux bien qu'on me rappelle", None, None),
    ],
)
def test_the_call_asked_for_on_coming_back_starts_the_handoff(words, moment, name):
    slots, followups = _coming_back(words)
    assert followups == ["handoff_form"]
    assert slots["wants_advisor"] is True
    assert slots.get("callback_slot") == moment
    assert slots.get("contact_name") == name


@pytest.mark.parametrize(
    "words", ["bon ben au revoir", "merci bonne soirée", "non merci, ne me rappelez pas, au revoir"]
)
def test_a_farewell_on_coming_back_stays_one(words):
    slots, followups = _coming_back(words)
    assert "handoff_form" not in followups
    assert slots.get("wants_advisor") is not True
