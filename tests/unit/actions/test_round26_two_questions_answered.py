"""Round 26 (r26a-03): « c'est payant le conseiller ? et mon banquier il sera au courant ? » at the callback offer got
the bank's answer only; the artisan had to ask « et c'est gratuit ? » again. Each question of a message of several gets
its answer, in the order asked. Real trackers (the handoff's offer pending, as in the conversation)."""

from __future__ import annotations

import pytest

from actions.faq_actions import ActionAnswerFaq
from tests.support.trackers import bot, run, tracker, user

OFFER = "Voulez-vous qu'un conseiller de la chambre vous rappelle pour en parler ?"
FREE = "utter_faq/is_free"  # "C'est entièrement gratuit, ici comme au téléphone avec nos conseillers."


def _said(words: str, key: str) -> list[str]:
    message = user(words, "faq")
    message["parse_data"]["response_selector"] = {"default": {"response": {"intent_response_key": key}}}
    slots = {
        "difficulty_categories": ["tresorerie"],
        "urgency": "haute",
        "requested_slot": "wants_advisor",
    }
    current = tracker(
        [user("le client paye pas, 42 000 €"), bot(OFFER), message], slots=slots, active_loop="handoff_form"
    )
    current.latest_message["response_selector"] = message["parse_data"]["response_selector"]
    dispatcher, _ = run(ActionAnswerFaq(), current)
    return [m.get("text") or m.get("response") or "" for m in dispatcher.messages]


@pytest.mark.parametrize(
    "words, key",
    [
        ("c'est payant le conseiller ? et mon banquier il sera au courant ?", "faq/is_free"),  # the conversation's
        ("c payant ? ma banque va le savoir ?", "faq/is_free"),  # SMS
        ("ca coute combien le conseiller ? et la banque elle sera prevenue ?", "faq/confidential"),  # no accents
        ("mon banquier il sera au courant ? et c'est gratuit ?", "faq/is_free"),  # the other order
    ],
)
def test_both_questions_are_answered(words: str, key: str) -> None:
    said = _said(words, key)
    assert any(line == FREE or "gratuit" in line for line in said), said
    assert any("banque" in line and line.startswith("Non") for line in said), said
    assert len(said) == 2


def test_the_answers_follow_the_order_of_the_questions() -> None:
    said = _said("mon banquier il sera au courant ? et c'est gratuit ?", "faq/is_free")
    assert said[0].startswith("Non") and said[1] == FREE


@pytest.mark.parametrize(
    "words, key, expected",
    [
        # Near misses: one question, one answer, as before.
        ("c'est payant ?", "faq/is_free", [FREE]),
        ("mon banquier il sera au courant ?", "faq/confidential", None),
        # The price of the artisan's own matter is no question about the service.
        ("et si je prends un avocat ça coûte combien ? la banque va le savoir ?", "faq/is_free", None),
    ],
)
def test_near_miss_a_single_question_keeps_its_single_answer(words: str, key: str, expected: list[str] | None) -> None:
    said = _said(words, key)
    if expected is not None:
        assert said == expected
    assert FREE not in said or expected == [FREE]
    assert len(said) == 1 or expected is None
