"""Round 27 (r27-a-11, r27-a-23, D17): "le soir apres 18h c mieux pour moi" at the question "À quel moment préférez-vous
qu'un conseiller vous appelle ?" was read by the distress classifier alone as ambiguous distress ("mieux pour moi"): a
daughter writing for her mother was asked whether her mother thought of suicide, and the moment was lost. An answer to a
contact question of the handoff (a moment, a number, an address, and how it suits) that only the classifier reads as
distress is the answer: the crisis guard's intent goes back to the form, the triage leaves it out, the moment is read.
A sign of the rules, a word of feeling or strain, or anything more than the answer still counts. Real trackers."""

from __future__ import annotations

import pytest

from actions.conversation import SKIPPED
from actions.crisis_actions import ActionCheckIn, ActionCrisisResponse
from actions.handoff import contact_answer_misread, only_when_or_where_to_call
from actions.handoff_actions import ValidateHandoffForm, moment_wished
from actions.triage_actions import ValidateTriageSlots, messages_for_triage
from ops import clock
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

TIME_QUESTION = "À quel moment préférez-vous qu'un conseiller vous appelle ?"

# Said at the time question: a moment and how it suits, in several voices.
MOMENT_ANSWERS = [
    "le soir apres 18h c mieux pour moi",  # r27-a-11, r27-a-23 (SMS)
    "le soir après 18h c'est mieux pour moi",  # accents
    "Le soir de préférence, après 18 h, ce serait mieux pour moi",  # formal
    "euh le soir apres 18h ce serait mieux pour moi je pense",  # hesitant (read as "better off without me")
    "le matin c mieux pour moi",
    "le soir c mieux pour elle",  # a daughter for her mother
    "le soir ce serait mieux pour moi",
    "ok le soir ce serait mieux pour moi",
    "oui le matin ce serait mieux pour moi",
]

# Not an answer about the call, whatever else they say: still read for signs.
NOT_ONLY_THE_ANSWER = [
    "le soir, si je suis encore là",
    "demain matin si je suis toujours de ce monde",
    "le soir apres 18h, ce sera mieux pour tout le monde sans moi",
    "appelez ma femme apres, moi je serai plus là",
    "le soir c mieux pour moi, la journee je suis epuise",
    "le soir apres 18h c mieux pour moi, de toute facon je dors plus",
    "c mieux pour moi",
]


@pytest.mark.parametrize("words", MOMENT_ANSWERS)
def test_a_moment_and_how_it_suits_is_an_answer_about_the_call(words):
    assert only_when_or_where_to_call(words)
    assert contact_answer_misread("callback_slot", words)
    assert moment_wished(words)


@pytest.mark.parametrize("words", NOT_ONLY_THE_ANSWER)
def test_more_than_the_answer_is_still_read_for_signs(words):
    assert not contact_answer_misread("callback_slot", words)


@pytest.mark.parametrize("asked", ["contact_name", "phone", "email", "callback_slot"])
def test_a_moment_said_at_any_contact_question_is_an_answer(asked):
    # "le soir ce serait mieux pour moi" at the phone or e-mail question: when to call, said ahead of its question.
    assert contact_answer_misread(asked, "le soir ce serait mieux pour moi")


@pytest.mark.parametrize("asked", ["suicide_thoughts", "safe_now", "deadline", None])
def test_the_same_words_at_another_question_are_not_a_contact_answer(asked):
    # "ce soir ce serait mieux pour moi" means something else at the direct question: only the handoff's contact
    # questions read a moment as the answer.
    assert not contact_answer_misread(asked, "le soir ce serait mieux pour moi")


def _at_the_time_question(words: str, intent: str = "express_overwhelm"):
    events = [
        user("ma mere est couturiere a Limoges, elle a recu une mise en demeure de l'urssaf"),
        {"event": "slot", "name": "requested_slot", "value": "callback_slot"},
        bot(TIME_QUESTION),
        user(words, intent),
    ]
    slots = {**consented(phone="+33644556677", departement="87", email=SKIPPED), "requested_slot": "callback_slot"}
    return tracker(events, slots=slots, active_loop="handoff_form", sender_id="r27-d17")


@pytest.mark.parametrize("words", MOMENT_ANSWERS)
def test_the_check_in_gives_the_answer_back_to_the_form(words):
    dispatcher, events = run(ActionCheckIn(), _at_the_time_question(words))
    assert texts(dispatcher) == []
    assert events == [{"event": "followup", "name": "handoff_form", "timestamp": None}]


def test_a_sign_read_by_the_model_in_an_answer_is_no_crisis_reply_either():
    # "ce serait mieux pour moi" read as "better off without me" (level 2, the crisis guard's express_distress).
    dispatcher, events = run(ActionCrisisResponse(), _at_the_time_question("le soir ce serait mieux pour moi"))
    assert texts(dispatcher) == []
    assert [e.get("name") for e in events if e.get("event") == "followup"] == ["handoff_form"]


@pytest.mark.parametrize("words", NOT_ONLY_THE_ANSWER[:4])
def test_words_beyond_the_answer_still_get_the_kind_word_and_the_question(words):
    dispatcher, events = run(ActionCheckIn(), _at_the_time_question(words))
    assert texts(dispatcher)  # the kind word
    assert not any(e.get("event") == "followup" and e.get("name") == "handoff_form" for e in events)


@pytest.mark.parametrize("words", MOMENT_ANSWERS[:4])
def test_the_triage_reads_no_distress_in_the_answer(words):
    current = _at_the_time_question(words)
    assert words not in messages_for_triage(current.events)
    _, produced = run(ValidateTriageSlots(), current)
    changed = slot_events(produced)
    assert changed.get("distress_level") is None
    assert not changed.get("distress")


def test_the_triage_still_reads_a_sign_said_with_a_moment():
    current = _at_the_time_question("le soir, si je suis encore là")
    assert "le soir, si je suis encore là" in messages_for_triage(current.events)


def test_the_form_keeps_the_moment_and_says_the_hours(monkeypatch):
    # The moment read, checked against the hours the advisors call (after 18h is outside them): the question is
    # asked for another moment, never lost nor replaced by the direct question.
    monkeypatch.setenv(clock.ENV_VAR, "2026-12-07T09:00:00+00:00")
    dispatcher, events = run(ValidateHandoffForm(), _at_the_time_question("le soir apres 18h c mieux pour moi"), DOMAIN)
    said = " ".join(texts(dispatcher))
    assert "suicide" not in said
    assert "17 h" in said  # "ils appellent de 8 h à 17 h. À quel autre moment… ?"
    assert not any(e.get("event") == "followup" and e.get("name") == "direct_question_form" for e in events)


def test_an_explicit_sign_with_the_moment_is_never_the_moment():
    assert moment_wished("le soir apres 18h, de toute facon je veux en finir") is None
