"""Round 19: the health consent given as an order to put it in (c.M6: "vous pouvez mettre que je suis fatigué oui" got
"je n'ai pas su quoi répondre"; "oui vous pouvez mettre que je suis épuisée", read as exhaustion, got the kind word and
the question again, the yes lost), and a relative's yes to the call said with a call being made (b.M10: "je l'appelle
là. et oui rappelez-moi" got the relatives' paragraph and the offer again). New sentences; near misses unchanged."""

from __future__ import annotations

import pytest

from actions.crisis_actions import ActionCheckIn, relative_question_reply
from actions.handoff_actions import ValidateHandoffForm, health_put_in, read_yes_no
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, run, slot_events, tracker, user

STORY = [
    user("Couturière à Laval, je suis à bout depuis ma chute, je ne peux plus coudre"),
    bot("Vous avez parlé de votre santé."),
]
AT_HEALTH = {
    "difficulty_categories": ["sante"],
    "wants_advisor": True,
    "consent_given": True,
    "consent_at": "2026-12-05T10:00:00+00:00",
    "requested_slot": "health_consent",
}


@pytest.mark.parametrize(
    "words",
    [
        "vous pouvez noter que je suis à bout oui",
        "mettez-le, que je n'en peux plus",
        "oui vous pouvez l'écrire que je suis lessivée",
        "pour ma santé c'est oui, vous pouvez le mettre",
    ],
)
def test_the_health_yes_as_an_order_is_a_yes(words):
    assert health_put_in(words)
    current = tracker([*STORY, user(words, "inform")], AT_HEALTH, "handoff_form")
    assert read_yes_no(words, current, "health_consent") is True


@pytest.mark.parametrize(
    "words, expected",
    [
        ("vous pouvez pas le mettre", None),
        ("ne mettez pas que je suis fatiguée", None),  # the question stays (never a yes)
        ("vous pouvez mettre que je suis fatiguée ?", None),
        ("non", False),
    ],
)
def test_near_misses_are_no_health_yes(words, expected):
    assert not health_put_in(words)
    current = tracker([*STORY, user(words, "inform")], AT_HEALTH, "handoff_form")
    assert read_yes_no(words, current, "health_consent") is expected


def test_the_yes_read_as_exhaustion_after_the_direct_question_is_kept():
    words = "oui vous pouvez indiquer que je suis épuisée"
    slots = {**AT_HEALTH, "suicide_thoughts": "clear_no"}
    current = tracker([*STORY, user(words, "express_overwhelm")], slots, "handoff_form")
    current.active_loop = {"name": "handoff_form"}
    _, events = run(ActionCheckIn(), current)
    assert slot_events(events).get("health_consent") is True
    assert any(e.get("event") == "followup" and e.get("name") == "handoff_form" for e in events)


def test_exhaustion_at_another_question_sets_no_health_consent():
    slots = {**AT_HEALTH, "requested_slot": "phone", "health_consent": False, "suicide_thoughts": "clear_no"}
    current = tracker([*STORY, user("oui je suis épuisée", "express_overwhelm")], slots, "handoff_form")
    current.active_loop = {"name": "handoff_form"}
    _, events = run(ActionCheckIn(), current)
    assert "health_consent" not in slot_events(events)


RELATIVE = {
    "distress": True,
    "distress_level": 2,
    "person_at_risk": "votre frère",
    "safe_now": "unsure",
    "difficulty_categories": ["fournisseurs"],
    "requested_slot": "wants_advisor",
}
RELATIVE_STORY = [
    user("mon frère est serrurier, il m'a dit qu'il voulait en finir"),
    bot("Pensez-vous que votre frère soit en sécurité ?"),
    user("je sais pas"),
    bot("Voulez-vous qu'un conseiller vous rappelle ?"),
]


@pytest.mark.parametrize(
    "words",
    ["je lui téléphone là. et oui rappelez-moi", "je le rejoins maintenant, et oui je veux bien être rappelée"],
)
def test_a_yes_to_the_call_with_news_of_a_call_made_goes_to_the_consent(words):
    current = tracker(
        [*RELATIVE_STORY, user(words, "request_human"), {"event": "slot", "name": "wants_advisor", "value": True}],
        {**RELATIVE, "wants_advisor": True},
        "handoff_form",
    )
    _, events = run(ValidateHandoffForm(), current, DOMAIN)
    changed = slot_events(events)
    assert changed["wants_advisor"] is True and changed["requested_slot"] == "consent_given"


def test_a_relative_question_at_the_offer_is_still_answered():
    words = "je l'appelle ou pas ? je veux pas qu'il m'en veuille"
    current = tracker([*RELATIVE_STORY, user(words, "ask_why_question")], RELATIVE, "handoff_form")
    events = relative_question_reply(__import__("rasa_sdk.executor").executor.CollectingDispatcher(), current)
    assert events is not None
