"""Round 25 (talker A): safety. s25a-17: "non non, je suis juste épuisée" to the direct question, then "j'aimerais ne pas
me réveiller": the case said "à la question sur le suicide, a répondu non", which could make the advisor lower the
priority; the later sign comes first. s25a-06: "oui" to the safety question, then "en fait non. je suis seule à la maison
et j'ai encore tous ses médicaments dans la salle de bain": the numbers and the same safety question again, nothing about
the medication. A means at hand named gets one short sentence of means restriction after the numbers, once; the safety
question is never asked twice in the same words. Real trackers, several voices."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.crisis_actions import ActionAskSafeNow, crisis_reply
from actions.handoff import suicide_answer, summarise
from guidance.crisis import SAFETY_QUESTION
from tests.support.trackers import bot, run, tracker, user


@pytest.mark.parametrize(
    "signs, level",
    [
        (["ambiguous_exhaustion", "indirect_disappear", "indirect_no_wake_relief"], 2),
        (["ambiguous_worn_out", "explicit_wish_to_die"], 1),
        (["ambiguous_exhaustion", "model:disappear_not_wake"], 2),
    ],
)
def test_a_later_sign_is_said_over_the_earlier_no(signs, level):
    slots = {"suicide_thoughts": "clear_no", "distress": True, "distress_level": level, "distress_signs": signs}
    answer = suicide_answer(slots)
    assert answer != "a répondu non"
    summary = summarise(
        ["cotisations_sociales"], "critique", True, {}, False, signs=["épuisement"], suicide_answer=answer
    )
    assert "a répondu non." not in summary
    assert "a d'abord répondu non, puis" in summary


@pytest.mark.parametrize(
    "slots",
    [
        {"suicide_thoughts": "clear_no", "distress": False, "distress_level": 3},  # the no, nothing after it
        {"suicide_thoughts": "clear_no", "distress": True, "distress_level": 3},
    ],
)
def test_a_no_with_nothing_graver_after_it_stays_a_no(slots):
    assert suicide_answer(slots) == "a répondu non"


SAFE_THEN = [
    user("je ne sais pas. je n'ai pas de projet", "skip_question"),
    {"event": "slot", "name": "requested_slot", "value": "safe_now"},
    bot(SAFETY_QUESTION),
    user("oui", "affirm"),
    {"event": "slot", "name": "safe_now", "value": "safe"},
    {"event": "slot", "name": "requested_slot", "value": "wants_advisor"},
    bot("Voulez-vous qu'un conseiller de la chambre vous rappelle ?"),
]
MEANS = [
    ("en fait non. je suis seule à la maison et j'ai encore tous ses médicaments dans la salle de bain", "médicaments"),
    ("en fait non jsuis seule et g tous ses medocs ds la sdb", "médicaments"),
    ("non en fait. j ai les cachets devant moi", "médicaments"),
    ("le fusil de mon pere est toujours dans l'armoire", "arme"),
    ("j'ai acheté une corde virgule je sais pas pourquoi point", "corde"),
]


def _crisis(words: str, before: list[dict] | None = None) -> CollectingDispatcher:
    current = tracker(
        [*(before if before is not None else SAFE_THEN), user(words, "express_distress")],
        slots={"distress": True, "urgency": "critique", "distress_level": 1, "requested_slot": "wants_advisor"},
        active_loop="handoff_form",
    )
    dispatcher = CollectingDispatcher()
    crisis_reply(dispatcher, current, answered=False)
    return dispatcher


@pytest.mark.parametrize("words, means", MEANS)
def test_a_means_at_hand_gets_one_sentence_after_the_numbers(words, means):
    said = [message.get("text") or "" for message in _crisis(words).messages]
    everything = " ".join(said)
    assert everything.index("3114") < everything.index("éloignez")
    assert means in everything and "à quelqu'un, le temps que ça passe" in everything
    assert all(len([s for s in text.split(". ") if s]) <= 3 for text in said)


@pytest.mark.parametrize("words, means", MEANS)
def test_the_means_sentence_is_said_once(words, means):
    first = " ".join(message.get("text") or "" for message in _crisis(words).messages)
    line = next(s for s in first.split(" ; ")[-1:] if s) and first[first.index("Si vous le pouvez, éloignez") :]
    line = line.split(".")[0] + "."
    again = _crisis(words, [*SAFE_THEN, bot(line)])
    assert "éloignez" not in " ".join(message.get("text") or "" for message in again.messages)


@pytest.mark.parametrize(
    "words",
    ["en fait non je suis seule", "jsuis au bout du rouleau, personne ici", "j'ai plus la force de rien"],
)
def test_no_means_no_sentence(words):
    assert "éloignez" not in " ".join(message.get("text") or "" for message in _crisis(words).messages)


def test_the_safety_question_is_never_asked_twice_in_the_same_words():
    current = tracker(
        [*SAFE_THEN, user(MEANS[0][0], "express_distress"), bot("Merci de me l'avoir confié.")],
        slots={"distress": True, "requested_slot": "safe_now"},
        active_loop="safety_form",
    )
    dispatcher, _ = run(ActionAskSafeNow(), current)
    asked = dispatcher.messages[-1]["text"]
    assert asked != SAFETY_QUESTION and "sécurité" in asked
    assert dispatcher.messages[-1].get("buttons")


def test_the_first_safety_question_is_the_plain_one():
    current = tracker([user("j'ai envie d'en finir", "express_distress")], slots={"distress": True})
    dispatcher, _ = run(ActionAskSafeNow(), current)
    assert dispatcher.messages[-1]["text"] == SAFETY_QUESTION
