"""Round 28 (talker a): the call asked for in words at a question about something else, or as the answer to the offer
itself. r28-a-04 ("vous pouvez m'appeler lundi matin ?" at the deadline question: the office hours, then the deadline
question three times, the name said with the request asked again), r28-a-10 ("oui qu'on m'appelle" taken for "yes,
there is a deadline"), r28-a-23 ("appelez moi" to "Voulez-vous qu'un conseiller vous rappelle ?": "Je n'ai pas bien
compris")."""

from __future__ import annotations

import pytest
import yaml

from actions.faq_actions import ActionAnswerFaq
from actions.handoff import name_after_yes
from actions.intake_actions import ValidateSituationForm
from ops.settings import REPO_ROOT
from tests.support.handoff_form import validate
from tests.support.trackers import bot, run, slot_events, texts, tracker, user

DOMAIN = {"forms": yaml.safe_load((REPO_ROOT / "bot/domain/intake.yml").read_text(encoding="utf-8"))["forms"]}


def _at_the_deadline_question(words: str, intent: str, action):
    events = [
        user("je suis tapissier à Rennes, 7000 euros de loyers en retard"),
        {"event": "slot", "name": "requested_slot", "value": "deadline"},
        bot("Avez-vous une échéance proche ?"),
        user(words, intent),
        {"event": "slot", "name": "deadline", "value": words},
    ]
    slots = {"difficulty_categories": ["loyer"], "requested_slot": "deadline", "deadline": words}
    dispatcher, produced = run(action, tracker(events, slots=slots, active_loop="situation_form"), DOMAIN)
    followups = [event.get("name") for event in produced if event.get("event") == "followup"]
    return texts(dispatcher), slot_events(produced), followups


@pytest.mark.parametrize(
    "words, intent, action, moment, name",
    [
        ("vous pourriez me rappeler jeudi après-midi ?", "faq", ActionAnswerFaq, "jeudi après-midi", None),
        ("vous pouvez m'appeler ?", "faq", ActionAnswerFaq, None, None),
        ("ouais qu'on m'appelle", "affirm", ValidateSituationForm, None, None),
        ("ok qu'on m'appelle demain", "affirm", ValidateSituationForm, "demain", None),
        ("rappelez-moi mardi matin, c'est Sandrine", "inform", ValidateSituationForm, "mardi matin", "Sandrine"),
    ],
)
def test_the_call_asked_at_an_intake_question_starts_the_handoff(words, intent, action, moment, name):
    said, slots, followups = _at_the_deadline_question(words, intent, action())
    assert followups == ["handoff_form"]
    assert slots["wants_advisor"] is True
    assert slots.get("deadline") is None
    assert slots.get("callback_slot") == moment
    assert slots.get("contact_name") == name
    if name:
        assert said == [f"Merci {name}."]


@pytest.mark.parametrize(
    "words, intent, action",
    [
        ("pourriez-vous me rappeler ce que veut dire échéancier ?", "faq", ActionAnswerFaq),
        ("oui on m'appelle sur l'autre ligne, je reviens", "affirm", ValidateSituationForm),
        ("oui qu'on m'appelle pas avant lundi", "affirm", ValidateSituationForm),
    ],
)
def test_near_misses_start_no_handoff(words, intent, action):
    _, slots, followups = _at_the_deadline_question(words, intent, action())
    assert "handoff_form" not in followups
    assert slots.get("wants_advisor") is not True


@pytest.mark.parametrize("words", ["appelez moi", "rappelez-moi", "Rappelez moi svp", "contactez-moi"])
def test_a_call_me_at_the_offer_is_a_yes(words):
    said, slots = validate("wants_advisor", words, {"wants_advisor": words})
    assert slots["wants_advisor"] is True
    assert "Je n'ai pas bien compris votre réponse, pardon." not in said


def test_a_call_me_with_a_moment_at_the_offer_keeps_the_moment():
    _, slots = validate(
        "wants_advisor", "rappelez-moi vendredi matin", {"wants_advisor": "rappelez-moi vendredi matin"}
    )
    assert (slots["wants_advisor"], slots["callback_slot"]) == (True, "vendredi matin")


@pytest.mark.parametrize("words", ["ne m'appelez pas", "non ne me rappelez pas"])
def test_do_not_call_me_at_the_offer_stays_a_no(words):
    _, slots = validate("wants_advisor", words, {"wants_advisor": words})
    assert slots["wants_advisor"] is not True


@pytest.mark.parametrize(
    "words, name",
    [
        ("appelez moi, c'est Yannick", "Yannick"),
        ("oui rappelez-moi c'est Josiane", "Josiane"),
        ("rappelez moi jeudi. je m'appelle Loïc", "Loïc"),
        ("appelez moi, c'est urgent", None),
        ("appelez moi, c'est mieux", None),
        ("la banque, c'est Crédit Agricole", None),  # no call asked: no name read
    ],
)
def test_the_name_said_with_the_request(words, name):
    assert name_after_yes(words) == name
