"""A first name typed at a yes/no question of the handoff ("Paul" to "Êtes-vous d'accord ?") is kept for the
name question, never read as a yes or a no, and the question stays; a "non attendez" is a pause, not a
refusal. Over real trackers and the real form validation action."""

from __future__ import annotations

import pytest

from actions.handoff import first_name_said
from actions.handoff_actions import ValidateHandoffForm
from tests.support.handoff_form import BEFORE, DOMAIN, SITUATION, validate
from tests.support.trackers import bot, run, slot_events, tracker, user


@pytest.mark.parametrize("question", ["wants_advisor", "consent_given", "health_consent"])
@pytest.mark.parametrize(
    "words, intent, value",
    [
        ("Paul", "inform", None),
        ("Paul", "affirm", True),  # the classifier took it for a yes: a name says neither
        ("Paul", "deny", False),  # nor a no: consent is never refused by a first name
        ("je m'appelle paul", "inform", None),
        ("moi c'est Paul", "inform", None),
    ],
)
def test_a_first_name_at_a_yes_no_question_is_kept_and_the_question_stays(question, words, intent, value):
    said, produced = validate(question, words, {question: value}, intent=intent)
    assert produced.get("contact_name") == "Paul", (said, produced)
    assert produced.get(question) is None
    assert produced.get("requested_slot") == question
    assert said and said[0].startswith("Merci Paul"), said


def test_once_consent_is_given_the_name_is_not_asked_again():
    _said, produced = validate("consent_given", "oui", {"consent_given": True, "contact_name": "Paul"}, intent="affirm")
    assert produced["consent_given"] is True
    assert produced["requested_slot"] == "phone"


@pytest.mark.parametrize(
    "words, entities",
    [
        ("c'est grave", []),
        ("bof", []),
        ("Demain matin", []),
        ("Lens", [{"entity": "town", "value": "Lens"}]),
        ("URSSAF", []),
        ("je suis plombier", []),
        ("Ok", []),
    ],
)
def test_words_that_name_nobody_are_no_first_name(words, entities):
    assert first_name_said(words, entities) is None


@pytest.mark.parametrize(
    "words, entities, name",
    [
        ("Paul", [], "Paul"),
        ("Jean-Pierre", [], "Jean-Pierre"),
        ("c'est Nathalie", [], "Nathalie"),
        ("mon prénom est éloïse", [], "Éloïse"),
        ("karim", [{"entity": "first_name", "value": "karim"}], "karim"),
    ],
)
def test_a_first_name_is_read_as_typed(words, entities, name):
    assert first_name_said(words, entities) == name


@pytest.mark.parametrize("question", ["wants_advisor", "consent_given"])
@pytest.mark.parametrize("words", ["non attendez", "non, une seconde", "non attendez je réfléchis"])
def test_no_then_wait_is_a_pause_not_a_refusal(question, words):
    from intake.answers import TAKE_YOUR_TIME

    said, produced = validate(question, words, {question: False}, intent="deny")
    assert produced.get(question) is None and produced.get("requested_slot") == question, (said, produced)
    assert said == [TAKE_YOUR_TIME]


@pytest.mark.parametrize("words", ["non", "non merci", "non pas maintenant"])
def test_a_plain_no_still_refuses(words):
    _said, produced = validate("consent_given", words, {"consent_given": False}, intent="deny")
    assert produced.get("consent_given") is False


@pytest.mark.parametrize(
    "words, name",
    [("moi c'est Paul", "Paul"), ("je m'appelle paul", "Paul"), ("paul", "paul"), ("Marie-Claire", "Marie-Claire")],
)
def test_at_the_name_question_the_name_is_kept_without_the_words_around_it(words, name):
    events = [user("la banque m'a coupé le découvert"), bot("Comment le conseiller peut-il vous appeler ?")]
    events += [user(words, "inform"), {"event": "slot", "name": "contact_name", "value": words}]
    slots = {**SITUATION, **BEFORE["health_consent"], "difficulty_categories": ["banque"]}
    current = tracker(events, slots={**slots, "contact_name": words, "requested_slot": "contact_name"})
    current.active_loop = {"name": "handoff_form"}
    _, produced = run(ValidateHandoffForm(), current, DOMAIN)
    assert slot_events(produced)["contact_name"] == name


@pytest.mark.parametrize("words", ["n'importe quand", "demain matin", "plutôt l'après-midi"])
def test_a_moment_for_the_call_at_the_consent_question_is_kept_and_consent_still_asked(words):
    said, produced = validate("consent_given", words, {"consent_given": None}, intent="inform")
    assert produced.get("callback_slot") == words and produced.get("consent_given") is None, (said, produced)
    assert produced.get("requested_slot") == "consent_given"
    assert said[0].startswith("Merci, j'ai noté le moment de l'appel"), said
