"""Round 19 (r19a-14, r19a-03, r19z-02): a yes to the callback offer or to the consent that names the person to call
(and their number), read as overwhelm or as a request for a human, was no answer: the question came again, and the name
and number had to be given again; a name said with the yes ("je m'appelle Lucie") was not kept."""

from __future__ import annotations

import pytest

from actions.handoff_actions import ValidateHandoffForm
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, run, slot_events, tracker, user

SITUATION = {"difficulty_categories": ["banque"], "urgency": "normale", "distress": False}


def answer(words, intent, question, mapped=None, entities=None):
    events = [
        user("ma mère est fleuriste, la banque lui a coupé le découvert"),
        bot("?"),
        user(words, intent, entities),
    ]
    events += [{"event": "slot", "name": name, "value": value} for name, value in (mapped or {}).items()]
    slots = {**SITUATION, **({"wants_advisor": True} if question == "consent_given" else {}), **(mapped or {})}
    slots["requested_slot"] = question
    _dispatcher, produced = run(ValidateHandoffForm(), tracker(events, slots=slots, active_loop="handoff_form"), DOMAIN)
    return slot_events(produced)


@pytest.mark.parametrize("intent", ["express_overwhelm", "out_of_scope", "describe_situation", "faq"])
@pytest.mark.parametrize(
    "words, name, phone",
    [
        (
            "oui mais c'est mon père qu'il faut appeler, Gilbert, au 05 56 12 34 78, moi je suis son fils",
            "Gilbert",
            "+33556123478",
        ),
        ("ouais, faut appeler ma femme, Corinne, au 06 45 12 88 33", "Corinne", "+33645128833"),
    ],
)
def test_a_yes_at_the_offer_with_the_person_and_number(words, name, phone, intent):
    changed = answer(words, intent, "wants_advisor")
    assert changed["wants_advisor"] is True
    assert changed["contact_name"] == name and changed["phone"] == phone
    assert changed["requested_slot"] == "consent_given"


@pytest.mark.parametrize("intent", ["request_human", "out_of_scope", "express_overwhelm"])
@pytest.mark.parametrize(
    "words, name",
    [
        ("ouais mais c ma mere ki fo appeler, elle sapel Josiane", "Josiane"),
        ("oui, c'est mon frère qu'il faut rappeler, il s'appelle Didier", "Didier"),
    ],
)
def test_a_yes_at_the_consent_that_names_the_person(words, name, intent):
    mapped = {"wants_advisor": True} if intent == "request_human" else {}
    changed = answer(words, intent, "consent_given", mapped)
    assert changed["consent_given"] is True
    assert changed["contact_name"] == name
    assert changed["requested_slot"] == "phone"


def test_the_writers_name_said_with_the_yes_is_kept():
    words = "il voudrait qu'on le rappelle oui, mais c'est moi qui gère les papiers, je m'appelle Sabine"
    changed = answer(words, "request_human", "wants_advisor", {"wants_advisor": True}, [])
    assert changed["contact_name"] == "Sabine"


@pytest.mark.parametrize(
    "words, intent",
    [
        ("non, il faut pas appeler ma mère, Josiane", "express_overwhelm"),  # a no
        ("ma mère Josiane est épuisée", "express_overwhelm"),  # no yes
        (
            "oui mais je veux en finir, appelez ma femme Corinne",
            "express_distress",
        ),  # a warning sign: the crisis path's
    ],
)
def test_near_misses_are_no_yes(words, intent):
    changed = answer(words, intent, "consent_given", {})
    assert changed.get("consent_given") is not True
