"""Discretion asked at the place question (round 33, r33-b): a wife's "il sait pas que je vous écris", asked where the
business is, got "Je n'ai pas reconnu ce lieu" and was noted nowhere. It is heard and noted as at the other intake
questions (round 27), and the place asked again; a place said with it is kept."""

from __future__ import annotations

import pytest
import yaml

from actions.discretion_heard import DISCRETION_HEARD
from actions.intake_actions import ValidateSituationForm
from ops.settings import REPO_ROOT
from tests.support.trackers import asked, bot, run, slot_events, texts, tracker, user

DOMAIN = {"forms": yaml.safe_load((REPO_ROOT / "bot/domain/intake.yml").read_text(encoding="utf-8"))["forms"]}
FIRST = "ma femme est coiffeuse, la banque lui a supprimé son autorisation de découvert et elle ne mange plus"
PLACE_QUESTION = "Dans quel département ou quelle ville se trouve votre entreprise ?"


def _at_place(words: str, intent: str, mapped):
    events = [
        user(FIRST),
        {"event": "slot", "name": "requested_slot", "value": "departement"},
        bot(PLACE_QUESTION),
        user(words, intent),
        {"event": "slot", "name": "departement", "value": mapped},
    ]
    slots = {
        "difficulty_categories": ["banque"],
        "urgency": "haute",
        "requested_slot": "departement",
        "departement": mapped,
    }
    return run(ValidateSituationForm(), tracker(events, slots=slots, active_loop="situation_form"), DOMAIN)


@pytest.mark.parametrize(
    "words",
    ["elle sait pas que je vous écris", "surtout elle doit pas savoir que je suis venu ici", "il est pas au courant"],
)
@pytest.mark.parametrize("intent", ["faq", "inform"])
def test_discretion_at_the_place_question_is_heard_and_the_place_asked_again(words, intent):
    dispatcher, produced = _at_place(words, intent, words)
    assert texts(dispatcher) == [DISCRETION_HEARD]
    assert slot_events(produced)["departement"] is None
    assert asked(dispatcher) == "departement"


def test_a_place_said_with_it_is_kept():
    words = "on est à Rezé, elle sait pas que je vous écris"
    dispatcher, produced = _at_place(words, "inform", words)
    assert slot_events(produced)["departement"] == "44"
    assert asked(dispatcher) != "departement"
