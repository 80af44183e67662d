"""Discretion asked at an intake question (round 27, lead27-03): a relative's "il sait pas que je vous ecris" at the
deadline question was stored as the deadline ("non précisé", or the words) and never acknowledged. It is heard, said
noted for the advisor, and the question asked again; an answer given with it is kept."""

from __future__ import annotations

import pytest
import yaml

from actions.discretion_heard import DISCRETION_HEARD, DISCRETION_HEARD_AGAIN
from actions.intake_actions import ValidateSituationForm
from ops.settings import REPO_ROOT
from tests.support.trackers import asked, bot, run, slot_events, texts, tracker, user

DOMAIN = {"forms": yaml.safe_load((REPO_ROOT / "bot/domain/intake.yml").read_text(encoding="utf-8"))["forms"]}
FIRST = "c mon mari il est maçon il dort plus il a un controle urssaf la semaine prochaine"
QUESTIONS = {
    "deadline": "Avez-vous une échéance proche, comme une audience, une saisie ou des salaires à payer ?",
    "since_when": "Depuis quand cette situation dure-t-elle ?",
    "creditors": "Devez-vous de l'argent à quelqu'un aujourd'hui ?",
}

SECRECY = [
    "il sait pas que je vous ecris",  # as typed
    "surtout ne lui dites pas que je vous ai écrit",
    "Il n'est pas au courant de ma démarche, je préfère rester discrète.",
    "euh... il faut pas qu'il sache que j'ai écrit",
    "mon mari sait pas que je suis là",
]


def _at(slot: str, words: str, intent: str, mapped, earlier: list | None = None):
    events = [
        user(FIRST),
        *(earlier or []),
        {"event": "slot", "name": "requested_slot", "value": slot},
        bot(QUESTIONS[slot]),
        user(words, intent),
        {"event": "slot", "name": slot, "value": mapped},
    ]
    slots = {
        "difficulty_categories": ["cotisations_sociales"],
        "urgency": "normale",
        "requested_slot": slot,
        slot: mapped,
    }
    return run(ValidateSituationForm(), tracker(events, slots=slots, active_loop="situation_form"), DOMAIN)


@pytest.mark.parametrize("slot", ["deadline", "since_when", "creditors"])
@pytest.mark.parametrize("words", SECRECY)
@pytest.mark.parametrize("read_as", ["deny", "inform"])
def test_discretion_is_heard_and_the_question_asked_again(words, slot, read_as):
    mapped = "non précisé" if read_as == "deny" else words
    dispatcher, produced = _at(slot, words, read_as, mapped)
    assert texts(dispatcher) == [DISCRETION_HEARD]
    assert slot_events(produced)[slot] is None
    assert asked(dispatcher) == slot


def test_said_again_it_is_acknowledged_short():
    earlier = [bot(DISCRETION_HEARD)]
    dispatcher, produced = _at("deadline", SECRECY[3], "inform", SECRECY[3], earlier)
    assert texts(dispatcher) == [DISCRETION_HEARD_AGAIN]
    assert slot_events(produced)["deadline"] is None


def test_an_answer_given_with_it_is_kept_and_the_discretion_heard():
    words = "il sait pas que je vous ecris, le controle c'est mardi 15"
    dispatcher, produced = _at("deadline", words, "inform", words)
    assert texts(dispatcher)[0] == DISCRETION_HEARD
    assert "15" in slot_events(produced)["deadline"]
    assert asked(dispatcher) != "deadline"


# Near misses: no discretion asked; what the form did stays.
@pytest.mark.parametrize(
    "words, intent, mapped",
    [("il sait pas quoi faire", "inform", "il sait pas quoi faire"), ("je sais pas", "deny", "non précisé")],
)
def test_words_that_ask_no_discretion_are_read_as_before(words, intent, mapped):
    dispatcher, _ = _at("deadline", words, intent, mapped)
    assert DISCRETION_HEARD not in texts(dispatcher)
