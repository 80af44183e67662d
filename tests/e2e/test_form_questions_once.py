"""Every answer in a form gets the next question exactly once, now that the validation asks it and the Rasa
server skips `action_ask_<slot>` (issue 18): through the whole intake and handoff on the real stack."""

from __future__ import annotations

from actions.questions import QUESTIONS
from tests.e2e.test_walking_skeleton import walk_to_case

QUESTION_TEXTS = {text for question in QUESTIONS.values() if isinstance(text := getattr(question, "text", None), str)}


def test_each_reply_asks_one_question_once(conversation):
    replies, slots = walk_to_case(conversation, "la banque a bloqué mon compte pro et je dois payer mes fournisseurs")
    assert slots["case_reference"]
    asked = 0
    for reply in replies[2:]:
        questions = [message for message in reply if message in QUESTION_TEXTS]
        assert len(questions) <= 1, f"a question asked twice or two questions at once: {reply}"
        assert len(reply) == len(set(reply)), f"a message said twice in one reply: {reply}"
        asked += len(questions)
    assert asked >= 3  # the intake and the handoff questions were asked, not left out
