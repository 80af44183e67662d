"""Round 15 (b.md H1, H4, H5, low "ok je les appelle"; a.md M7): the crisis path's answers after the crisis reply, over
real trackers and real actions. Sentences written for these tests, the way people type."""

from __future__ import annotations

import re

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.crisis_actions import (
    CALLING_NOW_REPLY,
    CALLING_THEM_NOW_REPLY,
    LONG_WAIT_AGAIN,
    ActionAfterSafetyAnswer,
    ValidateSafetyForm,
    _own_warning_sign,
    afraid_to_call_text,
    business_question_after_crisis,
    crisis_in_form_reply,
    long_wait_reply,
    long_wait_text,
)
from actions.handoff_actions import ValidateHandoffForm
from actions.intake_actions import ActionAcknowledgeSituation
from guidance.crisis import SAFE_REPLY, SAFE_WITH_OBJECTION_REPLY
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import asked, bot, run, slot_events, texts, tracker, user
from tests.unit.actions.test_crisis_actions import extract

MONDAY_10H = "2026-12-07T10:00:00+01:00"

CRISIS_BLOCK = [
    user("ce serait plus simple si je me reveillais pas", "express_distress"),
    {"event": "action", "name": "action_crisis_response"},
    bot("Merci de me l'avoir confié. Vous pouvez appeler le 3114 dès maintenant."),
    bot("Êtes-vous en sécurité en ce moment ?"),
]
NOT_SAFE_ANSWERED = [
    *CRISIS_BLOCK,
    user("pas vraiment", "deny"),
    {"event": "action", "name": "action_after_safety_answer"},
    bot("Merci de me l'avoir dit. Appelez tout de suite le 15 ou le 112."),
    bot("Voulez-vous qu'un conseiller de la chambre vous rappelle ?"),
]
OFFER = "Voulez-vous qu'un conseiller de la chambre vous rappelle ?"


def _sentences(text: str) -> int:
    return len([part for part in re.split(r"(?<=[.!?])\s+", text.strip()) if part])


# --- 1. A yes said with surprise and a denial -------------------------------------------------------------------------


def _at_the_safety_question(typed: str, intent: str = "affirm"):
    return tracker(
        [*CRISIS_BLOCK, user(typed, intent)],
        slots={"requested_slot": "safe_now", "distress": True},
        active_loop="safety_form",
    )


def _after_safety(typed: str, safe_now: str, intent: str = "affirm", person: str | None = None):
    events = [
        *CRISIS_BLOCK,
        user(typed, intent),
        {"event": "action", "name": "safety_form"},
        {"event": "slot", "name": "safe_now", "value": safe_now},
    ]
    return tracker(events, slots={"distress": True, "safe_now": safe_now, "person_at_risk": person})


@pytest.mark.parametrize(
    "typed, reply",
    [
        (
            "euh oui je suis en securite?? j'ai jamais dit que je voulais me faire du mal, je suis juste a bout",
            SAFE_WITH_OBJECTION_REPLY,
        ),
        ("oui!! je vous ai pas dit ça", SAFE_WITH_OBJECTION_REPLY),
        ("ouais?? j'ai jamais parlé de me tuer, je suis juste crevée", SAFE_WITH_OBJECTION_REPLY),
        ("ben oui?? je suis chez moi", SAFE_REPLY),
    ],
)
def test_a_surprised_yes_is_safe_and_answered_kindly(typed, reply):
    assert extract(ValidateSafetyForm(), "extract_safe_now", _at_the_safety_question(typed)) == {"safe_now": "safe"}
    dispatcher, _ = run(ActionAfterSafetyAnswer(), _after_safety(typed, "safe"))
    assert texts(dispatcher) == [reply]


@pytest.mark.parametrize("typed", ["oui ?", "je sais pas", "pas vraiment", "oui ?? je sais pas trop"])
def test_a_doubtful_answer_stays_not_safe(typed):
    assert extract(ValidateSafetyForm(), "extract_safe_now", _at_the_safety_question(typed, "inform")) == {
        "safe_now": "not_safe"
    }


# --- 2. "ok j'appelle" right after the crisis reply ---------------------------------------------------------------------


def _at_the_offer(typed: str, intent: str = "affirm", person: str | None = None, mapped: bool = True):
    events = [*NOT_SAFE_ANSWERED, user(typed, intent)]
    if mapped:  # the NLU's yes filled the offer's slot (r15b-03: inform 0.52, wants_advisor = True)
        events.append({"event": "slot", "name": "wants_advisor", "value": True})
    slots = {
        "distress": True,
        "urgency": "critique",
        "safe_now": "not_safe",
        "difficulty_categories": ["tresorerie"],
        "requested_slot": "wants_advisor",
        "wants_advisor": True if mapped else None,
        "person_at_risk": person,
    }
    return tracker(events, slots=slots, active_loop="handoff_form")


CALLING_NOW = [
    "ok j'appelle",  # r15b-03 as typed
    "d'accord j'appelle le 15",
    "jappelle maintenant",
    "ok j'appelle le 112 merci",
]


@pytest.mark.parametrize("typed", CALLING_NOW)
def test_a_call_made_now_at_the_offer_is_no_consent(typed, monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", MONDAY_10H)
    dispatcher, events = run(ValidateHandoffForm(), _at_the_offer(typed), DOMAIN)
    assert texts(dispatcher) == [CALLING_NOW_REPLY]
    assert asked(dispatcher) is None
    produced = slot_events(events)
    assert produced.get("wants_advisor") is None and produced.get("requested_slot") is None
    assert {"event": "followup", "timestamp": None, "name": "action_listen"} in events


def test_a_relative_who_calls_them_now_gets_two_short_sentences(monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", MONDAY_10H)
    dispatcher = CollectingDispatcher()
    crisis_in_form_reply(dispatcher, _at_the_offer("ok je les appelle tout de suite", person="mon mari"))
    assert texts(dispatcher) == [CALLING_THEM_NOW_REPLY]


def test_calling_now_at_the_safety_question_is_welcomed_short():
    dispatcher, events = run(ActionAfterSafetyAnswer(), _after_safety("ok j'appelle", "unsure"))
    assert texts(dispatcher) == [CALLING_NOW_REPLY]
    assert {"event": "followup", "timestamp": None, "name": "action_listen"} in events


def test_the_3114_promised_keeps_its_reply():
    dispatcher = CollectingDispatcher()
    crisis_in_form_reply(dispatcher, _at_the_offer("ok je vais appeler le 3114"))
    [said] = texts(dispatcher)
    assert said.startswith("Vous faites bien")


@pytest.mark.parametrize(
    "typed",
    [
        "ok j'appelle le 15. oui rappelez moi apres, c'est mehdi au 0612457889",  # a yes to the call with it
        "oui je veux bien",
        "je l'appelle ?",
    ],
)
def test_near_misses_are_not_taken_for_a_call_now(typed, monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", MONDAY_10H)
    dispatcher = CollectingDispatcher()
    crisis_in_form_reply(dispatcher, _at_the_offer(typed))
    assert CALLING_NOW_REPLY not in texts(dispatcher)


# --- 3. Afraid to call the line ------------------------------------------------------------------------------------------

AFRAID = [
    "j'ose pas appeler, je saurais pas quoi leur dire",  # r15b-12 as typed
    "j'ai peur d'appeler",
    "je sais pas quoi dire au 3114",
    "jose pas les appeler",
]


@pytest.mark.parametrize("typed", AFRAID)
@pytest.mark.parametrize("intent", ["skip_question", "express_distress", "inform"])
def test_afraid_to_call_gets_the_barrier_lowered(typed, intent):
    dispatcher = CollectingDispatcher()
    events = crisis_in_form_reply(dispatcher, _at_the_offer(typed, intent, mapped=False))
    [said] = texts(dispatcher)
    assert said == afraid_to_call_text()
    assert "je ne vais pas bien" in said and "3114" in said and "114 par SMS" in said and "15 ou le 112" in said
    assert _sentences(said) <= 3 and "entreprises-en-difficulte" not in said
    assert slot_events(events or []) == {"wants_advisor": None, "consent_given": None}


def test_a_relative_afraid_to_call_is_told_what_to_say():
    dispatcher = CollectingDispatcher()
    crisis_in_form_reply(
        dispatcher, _at_the_offer("j'ose pas appeler, je saurais pas quoi leur dire", "inform", "mon mari", False)
    )
    [said] = texts(dispatcher)
    assert "votre mari" in said and _sentences(said) <= 3


def test_afraid_to_call_said_as_the_safety_answer():
    dispatcher, _ = run(
        ActionAfterSafetyAnswer(), _after_safety("j'ai peur d'appeler, je sais pas quoi dire", "not_safe")
    )
    assert texts(dispatcher) == [afraid_to_call_text()]


def test_a_business_call_feared_is_not_the_line():
    dispatcher = CollectingDispatcher()
    crisis_in_form_reply(dispatcher, _at_the_offer("je sais pas quoi dire a la banque", "inform", mapped=False))
    assert afraid_to_call_text() not in texts(dispatcher)


# --- 4. The wait said to be long, after the case ------------------------------------------------------------------------


def _after_the_case(typed: str, intent: str = "inform", safe_now: str = "not_safe", extra=()):
    events = [
        *NOT_SAFE_ANSWERED,
        user("oui", "affirm"),
        bot("C'est noté. Un conseiller vous rappellera le lundi 7 décembre à 8 h."),
        *extra,
        user(typed, intent),
    ]
    slots = {
        "distress": True,
        "urgency": "critique",
        "safe_now": safe_now,
        "difficulty_categories": ["tresorerie"],
        "case_reference": "RL-TEST15",
        "wants_advisor": True,
        "consent_given": True,
    }
    return tracker(events, slots=slots)


LONG_WAIT = ["lundi c'est loin...", "c'est long lundi", "d'ici là je fais comment", "en attendant je fais quoi"]


@pytest.mark.parametrize("typed", LONG_WAIT)
@pytest.mark.parametrize("safe_now", ["not_safe", "unsure"])
def test_a_long_wait_gets_the_numbers_not_guidance(typed, safe_now):
    dispatcher = CollectingDispatcher()
    events = long_wait_reply(dispatcher, _after_the_case(typed, safe_now=safe_now))
    [said] = texts(dispatcher)
    assert said == long_wait_text()
    assert "3114" in said and "15 ou le 112" in said and "démarche" not in said and _sentences(said) <= 3
    assert events == [{"event": "followup", "timestamp": None, "name": "action_listen"}]


def test_a_long_wait_read_as_a_question_is_answered_the_same():
    """ "d'ici là je fais comment" read as a question goes through the business question's door (ask/faq actions)."""
    dispatcher = CollectingDispatcher()
    business_question_after_crisis(dispatcher, _after_the_case("d'ici là je fais comment", "ask_question"))
    assert texts(dispatcher) == [long_wait_text()]


def test_a_long_wait_said_again_is_shorter():
    dispatcher = CollectingDispatcher()
    long_wait_reply(dispatcher, _after_the_case("c'est long lundi", extra=[bot(long_wait_text())]))
    assert texts(dispatcher) == [LONG_WAIT_AGAIN]


def test_a_relative_facing_the_wait_is_told_of_the_line_for_relatives():
    current = _after_the_case("lundi c'est loin...")
    current.slots["person_at_risk"] = "mon mari"
    dispatcher = CollectingDispatcher()
    long_wait_reply(dispatcher, current)
    [said] = texts(dispatcher)
    assert "aux proches" in said and "votre mari" in said


@pytest.mark.parametrize(
    "typed, safe_now",
    [
        ("lundi c'est loin...", "safe"),  # safe: the wait is no sign
        ("d'ici là je fais comment pour l'urssaf", "not_safe"),  # a business question: its own answer
        ("lundi ça me va", "not_safe"),
        ("c'est long a expliquer", "not_safe"),
    ],
)
def test_near_misses_get_no_long_wait_reply(typed, safe_now):
    dispatcher = CollectingDispatcher()
    assert long_wait_reply(dispatcher, _after_the_case(typed, safe_now=safe_now)) is None
    assert texts(dispatcher) == []


def test_a_long_wait_at_a_form_question_asks_it_again():
    events = [*NOT_SAFE_ANSWERED, user("lundi c'est loin...", "inform")]
    slots = {"distress": True, "safe_now": "not_safe", "requested_slot": "callback_slot", "wants_advisor": True}
    dispatcher = CollectingDispatcher()
    produced = crisis_in_form_reply(dispatcher, tracker(events, slots=slots, active_loop="handoff_form"))
    assert texts(dispatcher) == [long_wait_text()]
    assert slot_events(produced or []) == {"callback_slot": None}


# --- 5. "je vais rien faire" after the safety question: no crisis block again (a.md M7) ---------------------------------


def _handoff_after_a_safe_answer(typed: str):
    events = [
        *CRISIS_BLOCK,
        user(typed, "express_distress"),
        {"event": "action", "name": "safety_form"},
        {"event": "slot", "name": "safe_now", "value": "safe"},
        {"event": "action", "name": "action_after_safety_answer"},
        bot(SAFE_REPLY),
        {"event": "action", "name": "handoff_form"},
    ]
    slots = {"distress": True, "safe_now": "safe", "requested_slot": "wants_advisor", "urgency": "critique"}
    return tracker(events, slots=slots, active_loop="handoff_form")


@pytest.mark.parametrize(
    "typed",
    [
        "oui oui je suis chez moi, c'est pas ce que je voulais dire, je vais rien faire",  # a.md M7 as typed
        "c'est pas ce que je voulais dire, je vais rien faire",
        "non non je ferais rien, je suis chez moi",
    ],
)
def test_a_reassurance_is_no_new_warning_sign(typed):
    assert not _own_warning_sign(typed, model=True)
    dispatcher = CollectingDispatcher()
    assert crisis_in_form_reply(dispatcher, _handoff_after_a_safe_answer(typed)) is None
    assert texts(dispatcher) == []


@pytest.mark.parametrize(
    "typed",
    ["je vais rien faire mais j'ai écrit des lettres d'adieu", "je vais rien faire mais la corde est prête"],
)
def test_a_sign_said_beside_the_reassurance_still_counts(typed):
    assert _own_warning_sign(typed, model=True)


@pytest.mark.parametrize("typed", ["lundi c'est loin...", "d'ici là je fais comment"])
def test_the_intake_acknowledgement_gives_the_numbers_for_a_long_wait_not_the_first_steps(typed):
    """r15b-12: "lundi c'est loin..." read as inform after the case went to action_acknowledge_situation and its first
    business steps; the acknowledgement now hears the wait first."""
    dispatcher, events = run(ActionAcknowledgeSituation(), _after_the_case(typed))
    assert texts(dispatcher) == [long_wait_text()]
    assert events == [{"event": "followup", "timestamp": None, "name": "action_listen"}]
