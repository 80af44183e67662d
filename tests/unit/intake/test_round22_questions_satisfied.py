"""Round 22 (r22c-07, r22c-07b): a satisfied leave-taking ("super c'est ce que je voulais savoir") at the callback
offer is a goodbye, never a yes that brings the consent text; a yes said in words beside it is still a yes."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff_actions import FAREWELL_AT_OFFER, ValidateHandoffForm
from intake.answers import OTHER, YES, is_closing, kind, says_satisfied
from tests.support.trackers import bot, texts, tracker, user


def _offer(words, intent):
    events = [bot("Voulez-vous qu'un conseiller de la chambre vous rappelle pour en parler ?"), user(words, intent)]
    current = tracker(events, slots={"requested_slot": "wants_advisor"}, active_loop="handoff_form")
    dispatcher = CollectingDispatcher()
    value = {"affirm": True, "deny": False}.get(intent, words)
    return ValidateHandoffForm().validate_wants_advisor(value, dispatcher, current, {}), dispatcher


SATISFIED = [
    "super c'est exactement ce que je voulais savoir",
    "parfait, ca repond a ma question merci",
    "top j'ai ma reponse, merci bcp",
    "génial c'est tout ce qu'il me fallait, bonne soirée",
    "OK SUPER C'EST CE QUE JE CHERCHAIS A SAVOIR MERCI",  # dictated in capitals; "cherchais a savoir"
    "nickel vous m'avez bien renseigné, bonne journée",
    "cool c bon a savoir merci",
]


@pytest.mark.parametrize("words", SATISFIED)
@pytest.mark.parametrize("intent", ["affirm", "thank", "nlu_fallback"])
def test_a_satisfied_goodbye_at_the_offer_is_a_goodbye(words, intent):
    result, dispatcher = _offer(words, intent)
    assert result["wants_advisor"] is False
    assert texts(dispatcher) == [FAREWELL_AT_OFFER]


@pytest.mark.parametrize(
    "words",
    [
        "super oui rappelez moi, c'est ce que je voulais",
        "oui c'est exactement ce que je voulais savoir, appelez moi demain",
        "parfait, je veux bien qu'on me rappelle",
        "oui super",
    ],
)
def test_a_yes_in_words_stays_a_yes(words):
    result, _ = _offer(words, "affirm")
    assert result["wants_advisor"] is True


@pytest.mark.parametrize("words", SATISFIED)
def test_satisfied_words_are_no_yes_and_take_leave(words):
    assert says_satisfied(words) and kind(words) == OTHER and is_closing(words)


@pytest.mark.parametrize(
    "words",
    [
        "c'est ce que je voulais savoir. et pour la banque ?",
        "ca repond a ma question mais j'en ai une autre",
        "super c'est ce que je voulais savoir, sinon pour l'urssaf je fais comment",
    ],
)
def test_more_asked_after_it_is_no_leave(words):
    assert not is_closing(words)


@pytest.mark.parametrize(
    "words",
    ["je ne sais pas quoi faire", "j'ai eu une reponse a mon courrier de la banque", "super", "parfait", "ok merci"],
)
def test_look_alikes_are_unchanged(words):
    assert not says_satisfied(words)
    if words in ("super", "parfait"):
        assert kind(words) == YES
