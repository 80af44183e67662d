"""Round 27 (talk-a, D21, r27-a-13): "laissez tomber, je vais me coucher" after the direct question was declined got
"Merci de me l'avoir dit. Appelez tout de suite le 15…" and the callback offer: someone leaving gets a short warm
goodbye, the 3114 once, the door open, no question. A sign, a no or a worry said with the goodbye keeps its reading.
Real trackers."""

from __future__ import annotations

import pytest

from actions.crisis_actions import ActionAfterSafetyAnswer
from tests.support.trackers import bot, run, texts, tracker, user
from triage.answers import NOT_CLEAR_NO, NOT_SAFE, UNSURE, answer_to_safety_question, unsure_kind

SAFETY_QUESTION = "Êtes-vous en sécurité en ce moment ?"

# D21: leaving, saying nothing of safety.
LEAVING = [
    "laissez tomber, je vais me coucher",  # r27-a-13
    "bon je vais me coucher",
    "laisse tomber jvais dormir",  # SMS
    "Je vais aller me reposer, bonne nuit.",  # formal
    "euh bon... je vous laisse",  # hesitant
    "bonne nuit",
]
# Never a goodbye: a sign, a no, a worry said with it.
NOT_ONLY_LEAVING = [
    "laissez tomber je vais me coucher et pas me reveiller",
    "je vais dormir et ne plus me reveiller",
    "non je vais me coucher",
    "je vais me coucher, je suis seul",
    "je vais me coucher j'en peux plus",
]


@pytest.mark.parametrize("words", LEAVING)
def test_leaving_without_an_answer_is_unsure_never_not_safe(words):
    assert answer_to_safety_question(words) == UNSURE
    assert unsure_kind(words) == "leaving"


@pytest.mark.parametrize("words", NOT_ONLY_LEAVING)
def test_a_sign_a_no_or_a_worry_with_the_goodbye_is_not_a_plain_goodbye(words):
    assert unsure_kind(words) != "leaving"
    assert answer_to_safety_question(words) == NOT_SAFE


def _after_the_question_declined(words: str):
    events = [
        user("aucune idée. je suis fatigué de tout. des fois je me demande a quoi ca sert de continuer"),
        bot("Est-ce qu'il vous arrive de penser au suicide ?"),
        user("je prefere pas en parler"),
        {"event": "action", "name": "action_crisis_response"},
        bot(SAFETY_QUESTION),
        user(words, "goodbye"),
    ]
    slots = {"distress": True, "urgency": "critique", "suicide_thoughts": NOT_CLEAR_NO, "safe_now": UNSURE}
    return tracker(events, slots=slots)


@pytest.mark.parametrize("words", LEAVING)
def test_leaving_gets_a_warm_goodbye_the_3114_once_and_no_question(words):
    dispatcher, events = run(ActionAfterSafetyAnswer(), _after_the_question_declined(words))
    said = texts(dispatcher)
    assert len(said) == 1
    reply = said[0]
    assert reply.count("3114") == 1
    assert "?" not in reply
    assert "Merci de me l'avoir dit" not in reply and "Appelez tout de suite" not in reply
    assert reply.count(". ") + 1 <= 3  # at most three sentences
    assert {"event": "followup", "name": "action_listen"} in [
        {"event": e.get("event"), "name": e.get("name")} for e in events
    ]


def test_going_to_rest_is_said_back():
    dispatcher, _ = run(ActionAfterSafetyAnswer(), _after_the_question_declined("laissez tomber, je vais me coucher"))
    assert texts(dispatcher)[0].startswith("Je vous laisse vous reposer.")
    dispatcher, _ = run(ActionAfterSafetyAnswer(), _after_the_question_declined("euh bon... je vous laisse"))
    assert texts(dispatcher)[0].startswith("D'accord, je vous laisse.")
