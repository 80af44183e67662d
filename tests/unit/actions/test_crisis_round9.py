"""Round 9 of conversations: the crisis path's replies to answers that are neither yes nor no, the direct question
refused or answered before it was asked, and a level-3 sign said with the answer to a form's question (r9b-19, 20, 21,
23: the slot was filled, so the form went on with no kind word and no direct question)."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.crisis_actions import (
    ActionAfterSafetyAnswer,
    ActionCheckIn,
    ActionCrisisResponse,
    ValidateDirectQuestionForm,
)
from actions.intake_actions import ValidateSituationForm
from guidance.crisis import CHECK_IN, NOT_SAFE_REPLY, SUICIDE_QUESTION
from tests.support.trackers import asked, bot, slot_events, texts, tracker, user
from tests.unit.actions.test_actions import run, run_coroutine
from triage.answers import answer_to_safety_question

LISTEN = {"event": "followup", "timestamp": None, "name": "action_listen"}
CRISIS_BLOCK = [
    bot("Merci de me l'avoir confié. Vous pouvez appeler le 3114 dès maintenant."),
    bot("Êtes-vous en sécurité en ce moment ?"),
]


def _after_safety(text: str, intent: str = "inform"):
    safe_now = answer_to_safety_question(text)
    events = [
        *CRISIS_BLOCK,
        user(text, intent),
        {"event": "action", "name": "safety_form"},
        {"event": "slot", "name": "safe_now", "value": safe_now},
    ]
    return tracker(events, slots={"distress": True, "safe_now": safe_now})


@pytest.mark.parametrize(
    "typed, expected, leaves",
    [
        ("oui enfin je crois, je suis chez moi", "pas tout à fait sûr", False),
        ("oui je crois", "pas tout à fait sûr", False),
        ("je veux juste savoir pour l'urssaf", "D'accord. Si à un moment", False),
        ("je préfère pas en parler", "vous n'avez pas à en parler", True),
        ("ok merci, je vais appeler le 3114. au revoir", "Au revoir", True),
    ],
)
def test_an_unsure_answer_gets_a_true_reply_with_the_numbers_not_thanks_for_saying_no(typed, expected, leaves):
    dispatcher, events = run(ActionAfterSafetyAnswer(), _after_safety(typed))
    [said] = texts(dispatcher)
    assert expected in said and "Merci de me l'avoir dit" not in said and said != NOT_SAFE_REPLY
    assert "15 ou le 112" in said and "3114" in said
    assert (LISTEN in events) is leaves  # no callback offer pushed on a goodbye or a refusal


@pytest.mark.parametrize(
    "typed",
    [
        "je suis pas en danger, je voulais dire que je serai peut-être sur un chantier à Brive lundi",
        "je ne suis pas en danger ce soir, je suis chez ma soeur",
    ],
)
def test_a_clear_not_in_danger_with_more_words_is_answered_as_safe(typed):
    dispatcher, _ = run(ActionAfterSafetyAnswer(), _after_safety(typed))
    said = " ".join(texts(dispatcher))
    assert "soulagé" in said and "Appelez tout de suite" not in said


def _direct_question(text: str, intent: str = "inform"):
    events = [bot(CHECK_IN), bot(SUICIDE_QUESTION), user(text, intent)]
    return tracker(
        [{"event": "action", "name": "action_check_in"}, *events],
        slots={"requested_slot": "suicide_thoughts", "paused_form": "situation_form"},
        active_loop="direct_question_form",
    )


@pytest.mark.parametrize("typed", ["je veux pas parler de ça", "je préfère pas en parler"])
def test_the_direct_question_refused_takes_the_crisis_path_opened_with_respect(typed):
    """A refusal is no clear no: the crisis path, as for any answer but a clear no, without "Merci de me l'avoir
    confié" (round 9, r9b-24); the case says the question was declined."""
    current = _direct_question(typed)
    dispatcher = CollectingDispatcher()
    slots = run_coroutine(ValidateDirectQuestionForm().extract_suicide_thoughts(dispatcher, current, {}))
    assert slots["suicide_thoughts"] == "not_clear_no"
    assert any("ne pas en parler" in line for line in slots["triage_reasons"]["overwhelm"])
    assert not texts(dispatcher)
    after = tracker(
        [*current.events, {"event": "slot", "name": "suicide_thoughts", "value": "not_clear_no"}],
        slots={"suicide_thoughts": "not_clear_no", "paused_form": "situation_form"},
    )
    dispatcher, events = run(ActionCrisisResponse(), after)
    said = " ".join(texts(dispatcher))
    assert said.startswith("Je comprends, vous n'avez pas à en parler") and "confié" not in said
    assert "3114" in said and "15 ou le 112" in said
    assert slot_events(events)["distress"] is True


def test_a_no_said_before_the_question_is_its_answer():
    words = "non je ne veux pas me suicider, je suis juste fatiguée, je veux une solution pour le four"
    dispatcher, events = run(ActionCheckIn(), tracker([user(words, "express_overwhelm")]))
    said = " ".join(texts(dispatcher))
    assert "penser au suicide" not in said and "3114" in said
    assert slot_events(events)["suicide_thoughts"] == "clear_no"
    assert events[-1] == LISTEN


SINCE_WHEN = "Depuis quand cette situation dure-t-elle ?"


@pytest.mark.parametrize(
    "words, question, slot, value",
    [
        ("depuis 6 mois, et je suis épuisé, je dors plus", SINCE_WHEN, "since_when", "depuis 6 mois"),
        (
            "depuis un an je suis tout seul, des fois je me demande à quoi bon continuer",
            SINCE_WHEN,
            "since_when",
            "depuis un an",
        ),
        (
            "saisie le 20 décembre, je suis épuisé, je dors plus",
            "Y a-t-il une échéance proche (une date d'audience, de saisie, un paiement) ?",
            "deadline",
            "le 20 décembre",
        ),
    ],
)
def test_a_level_three_sign_with_a_slot_answer_gets_the_kind_word_and_the_direct_question(words, question, slot, value):
    current = tracker(
        [
            bot(question),
            user(words, "express_overwhelm"),
            {"event": "slot", "name": "distress_level", "value": 3},
            {"event": "slot", "name": "distress_signs", "value": ["ambiguous_exhaustion"]},
            {"event": "slot", "name": slot, "value": value},  # the triage's facts (ValidateTriageSlots)
        ],
        slots={
            slot: value,
            "requested_slot": slot,
            "difficulty_categories": ["cotisations_sociales"],
            "distress_level": 3,
            "distress": False,
        },
        active_loop="situation_form",
    )
    dispatcher, events = run(ValidateSituationForm(), current)
    said = texts(dispatcher)
    assert CHECK_IN in said and asked(dispatcher) is None
    slots = slot_events(events)
    assert slots.get(slot, value) == value  # the answer is kept (not undone): not asked again after a clear no
    assert slots["paused_form"] == "situation_form" and slots["requested_slot"] is None
    assert events[-1] == {"event": "followup", "timestamp": None, "name": "direct_question_form"}


def test_level_three_reached_earlier_or_the_question_asked_lets_the_form_go_on():
    for extra, slots in (
        ([], {"distress_level": 3}),  # not newly reached with this message
        ([bot(SUICIDE_QUESTION), {"event": "slot", "name": "distress_level", "value": 3}], {"distress_level": 3}),
    ):
        current = tracker(
            [
                *extra,
                bot(SINCE_WHEN),
                user("depuis 6 mois, et je suis épuisé", "express_overwhelm"),
                {"event": "slot", "name": "since_when", "value": "depuis 6 mois"},
            ],
            slots={
                "requested_slot": "since_when",
                "since_when": "depuis 6 mois",
                "difficulty_categories": ["cotisations_sociales"],
                **slots,
            },
            active_loop="situation_form",
        )
        dispatcher, events = run(ValidateSituationForm(), current)
        assert CHECK_IN not in texts(dispatcher)
        assert {"event": "followup", "timestamp": None, "name": "direct_question_form"} not in events


def test_a_level_three_sign_with_the_question_denied_in_the_same_words_lets_the_form_go_on():
    words = "depuis 6 mois, je suis épuisé mais je ne veux pas me suicider"
    current = tracker(
        [
            bot(SINCE_WHEN),
            user(words, "express_overwhelm"),
            {"event": "slot", "name": "distress_level", "value": 3},
            {"event": "slot", "name": "since_when", "value": "depuis 6 mois"},
        ],
        slots={
            "requested_slot": "since_when",
            "since_when": "depuis 6 mois",
            "difficulty_categories": ["cotisations_sociales"],
            "distress_level": 3,
        },
        active_loop="situation_form",
    )
    dispatcher, events = run(ValidateSituationForm(), current)
    assert "3114" in " ".join(texts(dispatcher)) and CHECK_IN not in texts(dispatcher)
    assert slot_events(events)["suicide_thoughts"] == "clear_no"
    assert asked(dispatcher) is not None  # the next intake question
