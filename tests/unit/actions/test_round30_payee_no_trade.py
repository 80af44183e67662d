"""Round 30 (make run), over real trackers and the triage action that runs after every message: a boulangère's
"3200 € au meunier" at the call offer made the case say "Métier : meunier" (the entity extractor tags "meunier" as a
trade, and the slot maps from any trade entity). A trade paid is the payee of the sum owed; the trade said before stays.
A trade said as one ("je suis meunier en fait") still replaces it."""

from __future__ import annotations

import pytest

from actions.triage_actions import ValidateTriageSlots
from tests.support.trackers import bot, run, slot_events, tracker, user


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


def trade_after(words, extracted, asked=None):
    events = [
        user("je suis boulangère à Vitré, je dois payer le meunier vendredi et j'ai pas l'argent"),
        slot("trade", "boulangère"),
        bot("Voulez-vous qu'un conseiller de la chambre vous rappelle pour en parler ?"),
        slot("requested_slot", asked),
        user(words, "inform"),
        slot("trade", extracted),
    ]
    _, produced = run(ValidateTriageSlots(), tracker(events, slots={"trade": extracted, "requested_slot": asked}))
    return slot_events(produced).get("trade", extracted), slot_events(produced).get("creditors")


@pytest.mark.parametrize(
    "words, extracted, creditors",
    [
        ("3200 € au meunier", "meunier", "meunier 3200 €"),
        ("et 1500 euros chez le plombier qui a refait le fournil", "plombier", "plombier 1500 €"),
    ],
)
def test_a_trade_paid_leaves_the_trade(words, extracted, creditors):
    assert trade_after(words, extracted) == ("boulangère", creditors)


def test_a_trade_said_as_ones_own_replaces_it():
    assert trade_after("pardon je suis pâtissière en fait", "pâtissière")[0] == "pâtissière"
