"""Leave-takings after the crisis path (the simulator, seed 20261246): every one gives the numbers, none repeats a
paragraph already said."""

from __future__ import annotations

from actions.intake_actions import ActionStopConversation
from guidance.crisis import LEAVING_REMINDER
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, run, texts, tracker, user

SLOTS = {"distress": True, "difficulty_categories": ["impots"], "case_reference": "RL-TEST01"}


def _leaving(said_before: list[str]) -> str:
    events = [user("la cfe tombe et je n'ai plus rien")]
    for text in said_before:
        events += [user("bon je file", "goodbye"), bot(text)]
    events.append(user("merci c'est tout", "goodbye"))
    dispatcher, _ = run(ActionStopConversation(), tracker(events, SLOTS), DOMAIN)
    return " ".join(texts(dispatcher))


def test_each_leave_taking_gives_the_numbers_without_repeating_itself():
    first = _leaving([])
    second = _leaving([first])
    third = _leaving([first, second])
    assert len({first, second, third}) == 3
    for text in (first, second, third):
        assert "3114" in text and "15" in text
    assert LEAVING_REMINDER in first and len(third) <= 80


def test_asking_whether_a_machine_answers_is_no_business_question():
    from actions.crisis_actions import asks_about_the_business

    assert not asks_about_the_business("je parle à un robot là ?")
    assert not asks_about_the_business("c'est une machine qui m'écrit ?")
    assert asks_about_the_business("ma machine à coudre est en panne, je fais comment ?")  # a business question
