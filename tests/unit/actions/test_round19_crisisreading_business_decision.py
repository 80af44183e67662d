"""Round 19 (r19b-10): a decision about the business told by someone close at the direct question ("what worries her is
whether she keeps the shop or sells it") took the crisis path at once. Like a difficulty named, it is the account going
on: asked once more, then read as any answer. Sentences written for this test."""

from __future__ import annotations

import pytest

from actions.crisis_actions import ValidateDirectQuestionForm, _difficulty_told, changes_the_subject
from actions.handoff import NO_ANSWER_REASON
from tests.support.trackers import bot, run_extract, texts, tracker, user

CHECK_IN = {"event": "action", "name": "action_check_in", "timestamp": None}
FIRST = (
    "bonjour, je suis le fils d'une fleuriste de Vannes, elle a perdu mon père en août et les fournisseurs relancent"
)


def _at_the_question(answer: str, *, asked_again: bool = False):
    events = [user(FIRST), CHECK_IN, bot("Craignez-vous que votre mère pense au suicide ?")]
    if asked_again:
        events += [user("le loyer du local aussi"), bot("Merci pour cette précision."), bot("la question")]
    events += [
        {"event": "slot", "name": "requested_slot", "value": "suicide_thoughts", "timestamp": None},
        user(answer),
    ]
    slots = {"requested_slot": "suicide_thoughts", "difficulty_categories": ["vie_personnelle"], "distress_level": 3}
    return tracker(events, slots, active_loop="direct_question_form")


DECISIONS = [
    "ce qui le tracasse surtout c'est de savoir s'il garde le garage ou s'il le vend",
    "elle se demande si elle va fermer le salon en janvier",
    "lui il hésite à céder la boulangerie à son apprenti",
    "le magasin, elle sait pas si elle le garde ou si elle le vend",
]


@pytest.mark.parametrize("answer", DECISIONS)
def test_a_business_decision_is_the_account_going_on(answer):
    assert _difficulty_told(answer) is True
    dispatcher, slots = run_extract(ValidateDirectQuestionForm(), "extract_suicide_thoughts", _at_the_question(answer))
    assert slots == {"suicide_thoughts": None} and texts(dispatcher) == ["Merci pour cette précision."]
    # Asked once more already: anything but a clear no takes the crisis path.
    _, slots = run_extract(
        ValidateDirectQuestionForm(), "extract_suicide_thoughts", _at_the_question(answer, asked_again=True)
    )
    # Round 21 (botalarms): the question is about the mother, read as someone close's answer.
    if changes_the_subject(answer, about_someone_else=True):
        # Round 28 (r28-b-15): a second other subject is no answer, so no clear no: the crisis path, the case says so.
        assert slots["suicide_thoughts"] == "not_clear_no" and NO_ANSWER_REASON in slots["triage_reasons"]["overwhelm"]
    else:
        assert slots == {"suicide_thoughts": "not_clear_no"}


@pytest.mark.parametrize(
    "answer",
    [
        "des fois oui, elle se demande si elle va fermer le salon",  # a hedge first: the crisis path
        "elle veut fermer la boutique et en finir",  # a warning sign
        "elle parle de plus vouloir vivre",  # nothing of the business
    ],
)
def test_near_misses_take_the_crisis_path_at_once(answer):
    _, slots = run_extract(ValidateDirectQuestionForm(), "extract_suicide_thoughts", _at_the_question(answer))
    assert slots == {"suicide_thoughts": "not_clear_no"}


@pytest.mark.parametrize("words", ["elle a peur de tout perdre", "il veut tout arrêter", "oui je crois"])
def test_no_business_decision_in_these(words):
    assert _difficulty_told(words) is False
