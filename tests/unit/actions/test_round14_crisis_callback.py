"""Round 14 (a.md A4, A11): on the crisis path, a "safe" answer that also asks for a callback, and a call asked for
today on a day the chamber is closed. Real trackers and real actions; the clock set with RELAIS_NOW. Sentences written
for these tests, the way artisans type."""

from __future__ import annotations

import pytest

from actions.crisis_actions import (
    CALL_WISH_HEARD,
    ActionAfterSafetyAnswer,
    ValidateSafetyForm,
    asks_for_a_call,
    safe_then_call_wished,
)
from actions.handoff_actions import ValidateHandoffForm
from guidance.crisis import NOT_SAFE_REPLY, SAFE_REPLY
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import asked, bot, run, slot_events, texts, tracker, user
from tests.unit.actions.test_crisis_actions import extract

SATURDAY_10H = "2026-12-05T10:00:00+01:00"  # the chamber closed until Monday 7 December, 8 h
MONDAY_10H = "2026-12-07T10:00:00+01:00"  # open
FRIDAY_19H = "2026-12-04T19:00:00+01:00"  # closed for the evening and the weekend

CRISIS_BLOCK = [
    user("mes gosses seraient mieux sans moi franchement", "express_distress"),
    {"event": "action", "name": "action_crisis_response"},
    bot("Merci de me l'avoir confié. Vous pouvez appeler le 3114 dès maintenant."),
    bot("Êtes-vous en sécurité en ce moment ?"),
]

# --- A4: safe, "mais" a call asked for --------------------------------------------------------------------------------

SAFE_THEN_CALL = [
    "oui ca va je vais rien faire. mais jveux bien qlq1 qui me rappelle",  # r14a-04 as typed
    "oui ça va je ferai pas de bêtise mais j'aimerais bien que quelqu'un m'appelle",
    "ouais je suis chez moi, mais un rappel ce serait bien",
    "oui oui en sécurité mais vous pouvez me rappeler svp",
    "je vais rien faire rassurez vous. mais qqn peut me rappeler ?",
    "oui jsuis a la maison mais je voudrais parler a quelqu un",
    "oui ca va mais est ce que quelqu'un peut m'appeler aujourd'hui ?",
]

# Near misses: a reservation about safety after "mais", or a call refused: the old reading stays.
NOT_ONLY_A_CALL = [
    ("oui mais je sais pas pour ce soir, rappelez moi", "not_safe"),
    ("oui ca va mais je tiens plus trop, rappelez moi", "not_safe"),
    ("oui mais c'est dur", "not_safe"),
    ("oui mais appelez moi pas", "not_safe"),
]


def _at_the_safety_question(typed: str, intent: str = "affirm", slots: dict | None = None):
    return tracker(
        [*CRISIS_BLOCK, user(typed, intent)],
        slots={"requested_slot": "safe_now", "distress": True, **(slots or {})},
        active_loop="safety_form",
    )


@pytest.mark.parametrize("typed", SAFE_THEN_CALL)
@pytest.mark.parametrize("intent", ["affirm", "request_human", "inform"])
def test_safe_then_a_call_asked_for_is_read_as_safe(typed, intent):
    assert extract(ValidateSafetyForm(), "extract_safe_now", _at_the_safety_question(typed, intent)) == {
        "safe_now": "safe"
    }


@pytest.mark.parametrize("typed, expected", NOT_ONLY_A_CALL)
def test_a_reservation_after_mais_is_still_no_plain_safe(typed, expected):
    assert not safe_then_call_wished(typed)
    assert extract(ValidateSafetyForm(), "extract_safe_now", _at_the_safety_question(typed)) == {"safe_now": expected}


def test_the_plain_safe_answer_is_read_as_before():
    current = _at_the_safety_question("oui ca va je vais rien faire")
    assert extract(ValidateSafetyForm(), "extract_safe_now", current) == {"safe_now": "safe"}


@pytest.mark.parametrize(
    "typed, wished",
    [
        ("jveux bien qlq1 qui me rappelle", True),
        ("est-ce que quelqu'un peut m'appeler aujourd'hui ?", True),
        ("j'aimerais un rappel", True),
        ("rappelez moi svp", True),
        ("appelez moi pas", False),
        ("ne m'appelez pas", False),
        ("j'ai reçu un appel de l'huissier", False),
        ("l'urssaf m'a appelé hier", False),
        ("je veux pas qu'on me rappelle", False),
    ],
)
def test_a_call_asked_for_in_sms_words(typed, wished):
    assert asks_for_a_call(typed) is wished


def _after_safety(typed: str, safe_now: str, intent: str = "affirm", extra=(), slots: dict | None = None):
    events = [
        *CRISIS_BLOCK,
        user(typed, intent),
        *extra,
        {"event": "action", "name": "safety_form"},
        {"event": "slot", "name": "safe_now", "value": safe_now},
    ]
    return tracker(events, slots={"distress": True, "safe_now": safe_now, **(slots or {})})


@pytest.mark.parametrize("typed", SAFE_THEN_CALL[:-1])
def test_the_call_asked_for_is_taken_as_a_yes_after_the_relief(typed, monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", MONDAY_10H)
    dispatcher, events = run(ActionAfterSafetyAnswer(), _after_safety(typed, "safe"))
    [said] = texts(dispatcher)
    assert said.startswith("Je suis soulagé de le lire") and said.endswith(CALL_WISH_HEARD)
    assert "Appelez tout de suite" not in said
    # The handoff that follows goes on to its consent: the offer is not asked again.
    assert slot_events(events) == {"wants_advisor": True}


def test_a_call_misread_as_request_human_is_no_longer_undone():
    """The NLU set wants_advisor from request_human; the words, unknown to intake.answers, undid it (the offer came
    again)."""
    typed = "oui ca va je vais rien faire. mais jveux bien qlq1 qui me rappelle"
    misread = [{"event": "slot", "name": "wants_advisor", "value": True}]
    current = _after_safety(typed, "safe", "request_human", extra=misread, slots={"wants_advisor": True})
    _, events = run(ActionAfterSafetyAnswer(), current)
    assert slot_events(events).get("wants_advisor") is True


@pytest.mark.parametrize("typed", ["oui ça va", "oui je suis chez moi, merci"])
def test_a_plain_safe_answer_sets_no_call(typed):
    dispatcher, events = run(ActionAfterSafetyAnswer(), _after_safety(typed, "safe"))
    assert texts(dispatcher) == [SAFE_REPLY]
    assert "wants_advisor" not in slot_events(events)


def test_not_safe_with_a_call_asked_for_keeps_the_emergency_numbers_and_takes_the_call(monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", MONDAY_10H)
    dispatcher, events = run(ActionAfterSafetyAnswer(), _after_safety("non pas trop... rappelez moi svp", "not_safe"))
    [said] = texts(dispatcher)
    assert said.startswith(NOT_SAFE_REPLY)
    assert slot_events(events) == {"wants_advisor": True}


def test_a_call_refused_earlier_is_not_taken_back_by_the_safety_answer():
    current = _after_safety("oui ca va mais rappelez moi", "safe", slots={"wants_advisor": False})
    _, events = run(ActionAfterSafetyAnswer(), current)
    assert "wants_advisor" not in slot_events(events)


# --- A11: a call asked for today while the chamber is closed ----------------------------------------------------------

AT_THE_OFFER = [
    *CRISIS_BLOCK,
    user("oui ca va", "affirm"),
    {"event": "action", "name": "action_after_safety_answer"},
    bot(SAFE_REPLY),
    bot("Voulez-vous qu'un conseiller de la chambre vous rappelle ?"),
]


def _at_the_offer(typed: str, intent: str = "affirm", distress: bool = True):
    slots = {
        "distress": distress,
        "urgency": "critique" if distress else "normale",
        "safe_now": "safe" if distress else None,
        "difficulty_categories": ["tresorerie"],
        "requested_slot": "wants_advisor",
        "wants_advisor": True,
    }
    return tracker(
        [*AT_THE_OFFER, user(typed, intent), {"event": "slot", "name": "wants_advisor", "value": True}],
        slots=slots,
        active_loop="handoff_form",
    )


SOON = [
    "Oui, je veux bien. Mais est-ce que quelqu'un peut m'appeler aujourd'hui ?",  # r14a-10 as typed
    "oui svp, qqn peut me rappeler maintenant ?",
    "ok mais rappelez moi vite svp",
    "oui jveux bien qu'on m'appelle tout de suite",
]


@pytest.mark.parametrize("typed", SOON)
def test_on_a_closed_day_the_reopening_and_the_3114_are_said_before_the_consent(typed, monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", SATURDAY_10H)
    dispatcher, _ = run(ValidateHandoffForm(), _at_the_offer(typed), DOMAIN)
    said = texts(dispatcher)
    notice = [text for text in said if text.startswith("La chambre est fermée en ce moment")]
    assert len(notice) == 1
    assert "le lundi 7 décembre à 8 h" in notice[0] and "3114" in notice[0] and "jour et nuit" in notice[0]
    assert asked(dispatcher) == "consent_given"  # then the conversation goes on


def test_the_evening_before_a_weekend_says_monday_too(monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", FRIDAY_19H)
    dispatcher, _ = run(ValidateHandoffForm(), _at_the_offer(SOON[0]), DOMAIN)
    assert any("le lundi 7 décembre à 8 h" in text for text in texts(dispatcher))


@pytest.mark.parametrize(
    "now, typed, distress",
    [
        (MONDAY_10H, SOON[0], True),  # open: nothing to say
        (SATURDAY_10H, "oui je veux bien", True),  # no "today" asked: the confirmation says when
        (SATURDAY_10H, SOON[0], False),  # not the crisis path
    ],
)
def test_no_closed_notice_otherwise(now, typed, distress, monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", now)
    dispatcher, _ = run(ValidateHandoffForm(), _at_the_offer(typed, distress=distress), DOMAIN)
    assert not any(text.startswith("La chambre est fermée") for text in texts(dispatcher))
    assert asked(dispatcher) == "consent_given"


def test_the_notice_is_said_once(monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", SATURDAY_10H)
    dispatcher, _ = run(ValidateHandoffForm(), _at_the_offer(SOON[0]), DOMAIN)
    [notice] = [text for text in texts(dispatcher) if text.startswith("La chambre est fermée")]
    again = _at_the_offer("et quelqu'un peut m'appeler aujourd'hui du coup ?")
    again = tracker(
        [*again.events[:-2], bot(notice), *again.events[-2:]], slots=dict(again.slots), active_loop="handoff_form"
    )
    dispatcher, _ = run(ValidateHandoffForm(), again, DOMAIN)
    assert not any(text.startswith("La chambre est fermée") for text in texts(dispatcher))


def test_safe_and_a_call_today_at_the_safety_question_on_a_closed_day(monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", SATURDAY_10H)
    typed = "oui ca va mais est ce que quelqu'un peut m'appeler aujourd'hui ?"
    dispatcher, events = run(ActionAfterSafetyAnswer(), _after_safety(typed, "safe"))
    first, notice = texts(dispatcher)
    assert first.startswith("Je suis soulagé de le lire")
    assert notice.startswith("La chambre est fermée en ce moment") and "lundi 7 décembre à 8 h" in notice
    assert slot_events(events) == {"wants_advisor": True}
