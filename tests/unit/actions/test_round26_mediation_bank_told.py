"""Round 26 (talk-c M2, r26c-01): "et la mediation du credit c'est payant ? ma banque va le savoir ?" got "Non : le
conseiller travaille pour la chambre, pas pour votre banque, et il ne la prévient pas": with the Médiation du crédit the
bank is told the mediation is opened (that is how it works), so a bare "Non" misleads. Asked of the Médiation, the
answer says so; asked of the mandat ad hoc, that it is confidential. Asked of the chamber, the "Non" stays.

Real trackers and the real actions; sentences written for these tests, the way people type."""

from __future__ import annotations

import pytest

from actions.intake_actions import ActionAcknowledgeSituation, ActionHandleMisunderstanding
from tests.support.trackers import bot, run, texts, tracker, user

OPENING = "je suis carreleur a lille, la banque m'a coupé le découvert et l'urssaf me reclame 3000 euros"
SLOTS = {"difficulty_categories": ["banque", "cotisations_sociales"], "trade": "carreleur", "departement": "59"}
OFFER = "Voulez-vous qu'un conseiller de la chambre vous rappelle pour en parler ?"


def _said(words: str, action, intent: str) -> str:
    events = [user(OPENING), bot(OFFER), user(words, intent)]
    dispatcher, _ = run(
        action(), tracker(events, {**SLOTS, "requested_slot": "wants_advisor"}, active_loop="handoff_form")
    )
    return " ".join(texts(dispatcher))


ACTIONS = [(ActionAcknowledgeSituation, "describe_situation"), (ActionHandleMisunderstanding, "nlu_fallback")]


@pytest.mark.parametrize(
    "words",
    [
        "et la mediation du credit c'est payant ? ma banque va le savoir ?",  # r26c-01
        "la médiation du crédit, ma banque sera au courant ?",
        "la mediation du credit ma banque elle va le savoir ?",  # SMS
    ],
)
@pytest.mark.parametrize("action, intent", ACTIONS)
def test_the_mediation_tells_the_bank(words, action, intent):
    said = _said(words, action, intent)
    assert "votre banque est informée de l'ouverture de la médiation" in said
    assert "ne la prévient pas" not in said


@pytest.mark.parametrize("action, intent", ACTIONS)
def test_the_mandat_ad_hoc_is_confidential(action, intent):
    said = _said("et avec le mandat ad hoc ma banque va le savoir ?", action, intent)
    assert "confidentiels" in said and "rien n'est rendu public" in said


@pytest.mark.parametrize("words", ["ma banque va le savoir ?", "le conseiller va prevenir ma banque ?"])
def test_of_the_chamber_the_no_stays(words):
    said = _said(words, ActionAcknowledgeSituation, "describe_situation")
    assert "Médiation du crédit, oui" not in said
