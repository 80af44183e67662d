"""Round 23 (r23b-05): after "Oui, tout effacer", "attendez en fait non, j'ai besoin qu'on m'appelle quand même" was read
as a no and got "D'accord. Je reste là ... écrivez « conseiller »": a call asked for in words starts the handoff (its
consent question first), whatever the classifier read; what was erased stays erased."""

from __future__ import annotations

import pytest
from rasa_sdk.events import FollowupAction, SlotSet

from actions.erasure_actions import ERASED_SLOT
from actions.intake_actions import ActionAnswerOutsideQuestion
from tests.support.trackers import bot, run, tracker, user


def after_erasure(words: str, intent: str):
    events = [
        user("la banque me lâche, je suis couvreur"),
        bot("Voulez-vous que j'efface tout ?"),
        user("Oui, tout effacer", "affirm"),
        {"event": "slot", "name": ERASED_SLOT, "value": True},
        bot("C'est effacé."),
        user(words, intent),
    ]
    return run(ActionAnswerOutsideQuestion(), tracker(events, slots={ERASED_SLOT: True}))


@pytest.mark.parametrize(
    "words, intent",
    [
        ("attendez en fait non, j'ai besoin qu'on m'appelle quand même", "deny"),
        ("non attendez, j'ai vraiment besoin de parler à quelqu'un", "deny"),
        ("finalement j'ai besoin d'être rappelée, demain si possible", "inform"),
    ],
)
def test_a_call_asked_for_in_words_starts_the_handoff(words, intent):
    _, events = after_erasure(words, intent)
    assert SlotSet("wants_advisor", True) in events
    assert SlotSet("consent_given", None) in events
    assert events[-1] == FollowupAction("handoff_form")


@pytest.mark.parametrize(
    "words", ["non je n'ai pas besoin qu'on m'appelle", "non pas besoin qu'on me rappelle, merci", "non c'est bon"]
)
def test_a_call_refused_starts_nothing(words):
    _, events = after_erasure(words, "deny")
    assert FollowupAction("handoff_form") not in events
    assert SlotSet("wants_advisor", True) not in events
