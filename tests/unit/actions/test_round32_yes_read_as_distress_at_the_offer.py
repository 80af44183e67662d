"""Round 32 (make run, r32-c): a wife writing for her husband at risk answered the callback offer "oui mais c'est moi
qu'il faut appeler pas lui, il sait pas que je vous écris". The distress model read it as ambiguous distress (level 3):
the check-in's kind word, then the offer again, the yes lost. A clear yes at the offer or the consent, in words read
as level 3, is kept as the handoff's form keeps a yes, as the health question's has been since round 19. Over real
trackers and the real check-in action."""

from __future__ import annotations

import pytest

import actions.handoff_actions  # noqa: F401  (sets the handoff's readings the crisis path calls)
from actions.crisis_actions import ActionCheckIn
from tests.support.trackers import bot, run, slot_events, tracker, user

STORY = [
    user("mon frère est carreleur, il a plus un sou et il répète qu'on serait plus tranquilles sans lui"),
    bot("Voulez-vous qu'un conseiller de la chambre vous rappelle ?"),
]
AT_RISK = {
    "difficulty_categories": ["tresorerie"],
    "distress": True,
    "distress_level": 2,
    "person_at_risk": "votre frère",
    "safe_now": "unsure",
}


def _check_in(words: str, asked: str, slots: dict) -> dict:
    current = tracker([*STORY, user(words, "express_overwhelm")], {**AT_RISK, **slots, "requested_slot": asked})
    current.active_loop = {"name": "handoff_form"}
    _, events = run(ActionCheckIn(), current)
    assert any(e.get("event") == "followup" and e.get("name") == "handoff_form" for e in events), events
    return slot_events(events)


@pytest.mark.parametrize(
    "words",
    [
        "oui mais appelez-moi moi, il ne sait pas que je vous écris",
        "oui s'il vous plaît, je suis à bout moi aussi",
        "oui rappelez-moi, je tiens plus debout à force de le surveiller",
    ],
)
def test_a_yes_to_the_offer_read_as_distress_is_kept(words):
    produced = _check_in(words, "wants_advisor", {})
    assert produced.get("wants_advisor") is True, produced


def test_a_yes_to_the_consent_read_as_distress_is_kept_with_its_time():
    produced = _check_in("oui d'accord, je suis épuisée de tout ça", "consent_given", {"wants_advisor": True})
    assert produced.get("consent_given") is True and produced.get("consent_at"), produced


@pytest.mark.parametrize(
    "words, asked",
    [
        ("je sais plus quoi faire, il sait pas que je vous écris", "wants_advisor"),
        ("non, il sait pas que je vous écris", "wants_advisor"),
        ("oui je suis épuisée", "phone"),
    ],
)
def test_no_yes_no_answer_set_without_a_yes_to_the_question_asked(words, asked):
    produced = _check_in(words, asked, {"wants_advisor": True, "consent_given": True} if asked == "phone" else {})
    assert "wants_advisor" not in produced and "consent_given" not in produced, produced
