"""Round 29, talker b (fixr): a person asked for at night, and whether anyone is there, over real trackers and the
real handoff form (the hours from the default chamber's configuration).

- r29-b-08: "jveux parler a quelqun" as the first words at 04:39 went to the consent question with no word that nobody
  is there before 8 h; "c urgent" at the consent question got "Je n'ai pas bien compris".
- r29-b-23: "ya quelqu'un maintenant ou pas" at the consent question was taken as a refusal.
- r29-b-43: "OUI MAIS QUAND ???" from a man whose calls to the chamber went unanswered got "posez la question à un
  conseiller au 01 23 45 67 89".
Sentences of our own, and near misses that must not change.
"""

from __future__ import annotations

import pytest

from actions.anyone_there import BACK_THEN, CALLS_UNANSWERED, URGENT_HEARD
from actions.handoff_actions import ValidateHandoffForm
from ops import clock
from tests.support.handoff_form import DOMAIN, answered_at, validate
from tests.support.trackers import run, texts, tracker, user

NIGHT = "2026-12-07T04:50:00+01:00"  # Monday, before the default chamber opens at 8 h
CLOSED = "Les conseillers ne sont pas disponibles en ce moment : ils reprennent aujourd'hui à 8 h."


@pytest.fixture(autouse=True)
def night(monkeypatch):
    monkeypatch.setenv(clock.ENV_VAR, NIGHT)


ANYONE = [
    "il y a quelqu'un là, maintenant ?",
    "y a personne alors ?",
    "vous rappelez quand ?",
    "et c'est quand qu'on me rappelle ???",
]


@pytest.mark.parametrize("words", ANYONE)
def test_anyone_there_at_the_consent_question_is_answered_and_refuses_nothing(words):
    said, slots = validate("consent_given", words, {"consent_given": False}, intent="deny")
    assert said[0] == f"{CLOSED} {BACK_THEN}"
    assert slots["consent_given"] is None
    assert not any("Je ne transmets rien" in text for text in said)


@pytest.mark.parametrize("words", ["c'est urgent !", "c urgent", "très urgent"])
def test_urgency_alone_at_the_consent_question_is_heard(words):
    said, slots = validate("consent_given", words, {"consent_given": None})
    assert said[0] == f"{URGENT_HEARD} {CLOSED}"
    assert slots["consent_given"] is None
    assert "pas bien compris" not in " ".join(said)


def test_a_yes_then_when_after_calls_unanswered_is_sorry_and_keeps_the_yes():
    before = [user("j'ai appelé la chambre deux fois cette semaine, personne décroche, l'urssaf me saisit")]
    dispatcher, slots = answered_at(
        "wants_advisor", "ouais mais c'est quand ?", "affirm", before, ["cotisations_sociales"], ""
    )
    said = texts(dispatcher)
    assert said[0] == f"{CALLS_UNANSWERED} {CLOSED} {BACK_THEN}"
    assert slots["wants_advisor"] is True
    assert not any("01 23 45 67 89" in text for text in said)


def test_overseas_the_reopening_is_said_in_local_time():
    events = [
        user("la cssm me relance, je suis à Mamoudzou"),
        user("y a quelqu'un ou pas ?", "deny"),
        {"event": "slot", "name": "consent_given", "value": False},
    ]
    slots = {
        "difficulty_categories": ["cotisations_sociales"],
        "urgency": "normale",
        "departement": "976",
        "wants_advisor": True,
        "consent_given": False,
        "requested_slot": "consent_given",
    }
    dispatcher, _ = run(ValidateHandoffForm(), tracker(events, slots=slots, active_loop="handoff_form"), DOMAIN)
    assert texts(dispatcher)[0].startswith(
        "Les conseillers ne sont pas disponibles en ce moment : ils reprennent aujourd'hui à 10 h, heure locale."
    )


@pytest.mark.parametrize(
    "words, decision",
    [("non", False), ("oui d'accord", True), ("depuis quand ça compte ?", None), ("personne ne m'aide", None)],
)
def test_plain_answers_and_other_words_are_read_as_before(words, decision):
    intent = {True: "affirm", False: "deny"}.get(decision, "inform")
    said, slots = validate("consent_given", words, {"consent_given": decision}, intent=intent)
    assert not any(text.startswith(CLOSED) for text in said)
    assert slots.get("consent_given") is decision


@pytest.mark.parametrize(
    "first", ["je voudrais causer avec une vraie personne", "jveux pas parler a un robot", "passez-moi quelqu'un svp"]
)
def test_a_person_asked_for_at_night_hears_that_nobody_is_there_before_the_consent(first):
    current = tracker([user(first, "request_human")], slots={"requested_slot": None}, active_loop=None)
    dispatcher, _ = run(ValidateHandoffForm(), current, DOMAIN)
    assert CLOSED in texts(dispatcher)


@pytest.mark.parametrize("first", ["j'ai parlé à quelqu'un de la banque hier", "je veux parler de mes dettes"])
def test_a_person_told_of_says_nothing_of_the_hours(first):
    current = tracker([user(first, "request_human")], slots={"requested_slot": None}, active_loop=None)
    dispatcher, _ = run(ValidateHandoffForm(), current, DOMAIN)
    assert CLOSED not in texts(dispatcher)
