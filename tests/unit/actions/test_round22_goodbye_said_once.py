"""Round 22, make run (s22-z1): "non c bon merci, bonne journée" at the e-mail question ended the form with the case's
reference and a goodbye, and the handoff's end then added "J'ai ajouté ce que vous venez de dire à votre demande":
nothing had been added. A reference told in this very turn gets nothing more; a later turn still gets its word."""

from __future__ import annotations

import pytest

from actions.handoff_actions import ActionFinishHandoff
from ops import clock
from tests.support.trackers import bot, consented, run, texts, tracker, user
from tests.unit.actions.test_round15_moment_moved import SENDER, THURSDAY, stored_case


@pytest.fixture(autouse=True)
def thursday(monkeypatch):
    monkeypatch.setenv(clock.ENV_VAR, THURSDAY)


def _finish(reference: str, last_words: str, told_this_turn: bool):
    slots = consented(phone="+33611223345", case_reference=reference, email=None, callback_slot="le matin")
    told = bot(f"C'est noté, votre référence est {reference}. Un conseiller vous rappellera au 06 11 22 33 45 bientôt.")
    goodbye = bot("Au revoir, prenez soin de vous.")
    events = [user("la banque m'a coupé le découvert"), told, user(last_words, "goodbye")]
    if told_this_turn:
        events = [user("la banque m'a coupé le découvert"), user(last_words, "goodbye"), told, goodbye]
    return run(ActionFinishHandoff(), tracker(events, slots=slots, sender_id=SENDER))


@pytest.mark.parametrize(
    "words", ["non c bon merci, bonne journée", "non merci au revoir", "ca ira merci, bonne soiree"]
)
def test_a_reference_told_in_this_turn_gets_nothing_more(words):
    reference = stored_case()
    dispatcher, _ = _finish(reference, words, told_this_turn=True)
    assert not any("J'ai ajouté" in text for text in texts(dispatcher)), texts(dispatcher)
    assert texts(dispatcher) == []


def test_a_reference_told_in_an_earlier_turn_still_gets_its_word():
    reference = stored_case()
    dispatcher, _ = _finish(reference, "et j'ai aussi un retard de tva", told_this_turn=False)
    said = " ".join(texts(dispatcher))
    assert reference in said and "C'est noté, votre référence est" not in said
