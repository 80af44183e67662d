"""Round 15 (r15b-03, -17; r15a-06): someone close who cannot reach the person at risk, or does not know where they are,
was told "restez près de votre mari". Real trackers and the real action; sentences written for these tests."""

from __future__ import annotations

import pytest

from actions.crisis_actions import ActionAfterSafetyAnswer
from guidance.crisis import unreachable_reply
from tests.support.trackers import bot, run, texts, tracker, user
from triage.answers import cannot_reach

REPORT = [
    user("ma femme m'a dit hier soir qu'on serait mieux sans elle", "express_distress"),
    {"event": "action", "name": "action_crisis_response"},
    bot("Merci de me l'avoir confié. Le 3114 répond aussi aux proches."),
    bot("Pensez-vous que votre femme soit en sécurité en ce moment ?"),
]


def _after(typed: str, safe_now: str):
    events = [
        *REPORT,
        user(typed, "inform"),
        {"event": "action", "name": "safety_form"},
        {"event": "slot", "name": "safe_now", "value": safe_now},
    ]
    slots = {"distress": True, "safe_now": safe_now, "person_at_risk": "ma femme", "distress_signs": ["x"]}
    return tracker(events, slots=slots)


CANNOT_REACH = [
    "je sais pas trop, elle est partie ce matin et elle répond pas",
    "non je sais pas où elle est",
    "elle décroche plus depuis midi",
    "j'arrive pas à la joindre, son portable est éteint",
    "aucune nouvelle d'elle depuis hier",
]


@pytest.mark.parametrize("typed", CANNOT_REACH)
@pytest.mark.parametrize("safe_now", ["not_safe", "unsure"])
def test_a_relative_who_cannot_reach_the_person_gets_the_emergency_numbers_not_stay_near(typed, safe_now):
    dispatcher, _ = run(ActionAfterSafetyAnswer(), _after(typed, safe_now))
    said = texts(dispatcher)
    assert said == [unreachable_reply("ma femme")]
    assert "15" in said[0] and "112" in said[0] and "3114" in said[0]
    assert "restez près" not in said[0] and "auprès de" not in said[0]


@pytest.mark.parametrize(
    "typed",
    ["elle est à côté de moi, elle dort", "il répond toujours quand je l'appelle", "je sais où elle est, chez sa mère"],
)
def test_words_of_someone_reachable_are_no_unreachable_person(typed):
    assert not cannot_reach(typed)


def test_the_writer_speaking_of_their_own_safety_keeps_the_usual_reply():
    """Without someone close at risk, "il répond pas" (the bank, a client) is no reason for the relatives' reply."""
    events = [
        user("je veux en finir", "express_distress"),
        {"event": "action", "name": "action_crisis_response"},
        bot("Êtes-vous en sécurité en ce moment ?"),
        user("non, et mon banquier répond pas", "deny"),
        {"event": "action", "name": "safety_form"},
        {"event": "slot", "name": "safe_now", "value": "not_safe"},
    ]
    current = tracker(
        events, slots={"distress": True, "safe_now": "not_safe", "distress_signs": ["explicit_wish_to_die"]}
    )
    dispatcher, _ = run(ActionAfterSafetyAnswer(), current)
    assert all("Puisque vous ne pouvez pas joindre" not in text for text in texts(dispatcher))
