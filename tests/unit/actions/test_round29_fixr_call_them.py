"""Round 29, talker b (fixr): "vous pouvez l'appeler ?" from someone close, over real trackers and the real intake
form and FAQ action.

- r29-b-35: a brother writing from Belgium for a metalworker who cried on the phone asked "Vous pouvez l'appeler ?",
  then "vous pouvez l'appeler oui ou non ?" at the deadline question: the chamber's number and the next intake
  question, twice. Asked by someone close, it is a request that the person concerned be called: the handoff now, the
  case told to call them. Near misses: the artisan who asks to be called, and a pronoun of a thing.
"""

from __future__ import annotations

import pytest
import yaml

from actions.faq_actions import ActionAnswerFaq
from actions.handoff import writer_notes
from actions.intake_actions import ValidateSituationForm
from ops.settings import REPO_ROOT
from tests.support.trackers import bot, run, slot_events, tracker, user

DOMAIN = {"forms": yaml.safe_load((REPO_ROOT / "bot/domain/intake.yml").read_text(encoding="utf-8"))["forms"]}
SISTER = "bonsoir je suis la soeur d'un tapissier à Rennes, il m'a appelée en larmes, il doit 20 000 à sa banque"
OWN = "je suis tapissier à Rennes, 7000 euros de loyers en retard"


def _at_the_deadline_question(first: str, words: str, intent: str, action):
    events = [
        user(first),
        {"event": "slot", "name": "requested_slot", "value": "deadline"},
        bot("Avez-vous une échéance proche ?"),
        user(words, intent),
        {"event": "slot", "name": "deadline", "value": words},
    ]
    slots = {"difficulty_categories": ["banque"], "requested_slot": "deadline", "deadline": words}
    _, produced = run(action, tracker(events, slots=slots, active_loop="situation_form"), DOMAIN)
    followups = [event.get("name") for event in produced if event.get("event") == "followup"]
    return slot_events(produced), followups


@pytest.mark.parametrize(
    "words, intent, action",
    [
        ("je sais pas. vous pourriez l'appeler, oui ou non ?", "faq", ActionAnswerFaq),
        ("est-ce qu'un conseiller peut le rappeler ?", "faq", ActionAnswerFaq),
        ("vous pouvez l'appeler svp", "inform", ValidateSituationForm),
    ],
)
def test_a_relative_asking_that_the_person_be_called_starts_the_handoff(words, intent, action):
    slots, followups = _at_the_deadline_question(SISTER, words, intent, action())
    assert followups == ["handoff_form"]
    assert slots["wants_advisor"] is True
    assert "call_person" in writer_notes([words])


@pytest.mark.parametrize(
    "words, intent, action",
    [
        # The artisan writes: "l'" is no person to call (a letter, a number), the intake goes on.
        ("vous pouvez l'appeler ?", "faq", ActionAnswerFaq),
        ("la banque, vous pouvez la contacter pour moi ?", "faq", ActionAnswerFaq),
    ],
)
def test_the_artisan_writing_for_themself_starts_nothing(words, intent, action):
    _, followups = _at_the_deadline_question(OWN, words, intent, action())
    assert "handoff_form" not in followups


def test_asking_to_be_called_oneself_is_no_request_for_the_person():
    assert "call_person" not in writer_notes(["vous pouvez m'appeler ?"])
