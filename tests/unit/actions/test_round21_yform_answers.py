"""Round 21 (y.md H2, H3, M1): what the artisan answered at a handoff question, read as that answer.

- r21y-07, r21y-15: "le même que tout à l'heure" at the phone question got the direct question about suicide (the
  triage's model read an ambiguous distress in it) before the number given at the start could be kept.
- r21y-07: "Mon numéro c'est 06 11 22 33 44, vous pouvez me faire rappeler ?", read as a question about the service,
  got the chamber's number; the handoff never started.
- r21y-01: "Sarlat" at the consent question, the town of the first message: "Merci Sarlat.", stored as the name."""

from __future__ import annotations

import pytest

from actions.handoff_actions import name_at_question
from bot.components.keyword_guard import callback_asked
from intake.answers import asks_for_callback
from tests.support.trackers import bot, tracker, user
from triage.distress import find_signs

# ------------------------------------------------------------------ H2: a reference back is no distress


@pytest.mark.parametrize(
    "words",
    [
        "le même que tout à l'heure",
        "le même qu'avant",
        "c'est le même numéro qu'au début",
        "celui de tout à l'heure",
        "pareil qu'avant",
        "le même",
    ],
)
def test_an_answer_sent_back_to_an_earlier_one_is_no_distress(words):
    assert find_signs(words) == []


@pytest.mark.parametrize(
    "words",
    ["je ne suis plus le même qu'avant", "plus rien n'est pareil qu'avant", "je suis épuisé, c'est toujours pareil"],
)
def test_a_change_in_oneself_is_still_heard(words):
    assert find_signs(words)


# ------------------------------------------------------------------ H3: a callback asked for, read as a faq


@pytest.mark.parametrize(
    "words",
    [
        "Mon numéro c'est 06 11 22 33 44, vous pouvez me faire rappeler ?",
        "vous pouvez me faire rappeler ?",
        "pouvez-vous me faire rappeler par un conseiller",
        "faites-moi rappeler svp, au 06 12 34 56 78",
        "je voudrais me faire rappeler",
    ],
)
def test_a_call_asked_for_starts_the_handoff_whatever_it_was_read_as(words):
    assert asks_for_callback(words)
    assert callback_asked(words, "faq") == "request_human"
    assert callback_asked(words, "nlu_fallback") == "request_human"


@pytest.mark.parametrize(
    "words",
    [
        "je ne veux pas me faire rappeler",
        "vous pouvez me faire un devis ?",
        "ma banque doit me faire rappeler",
        "quel est le numéro de la chambre ?",
    ],
)
def test_near_misses_keep_their_reading(words):
    assert callback_asked(words, "faq") is None


def test_a_callback_read_as_its_own_intent_is_left_alone():
    assert callback_asked("vous pouvez me faire rappeler ?", "affirm") is None


# ------------------------------------------------------------------ M1: a town said before is no name


def at_consent(words, slots):
    events = [
        user("je suis boulanger à Sarlat, la banque me relance"),
        bot("Êtes-vous d'accord ?"),
        user(words, "inform"),
    ]
    return name_at_question(tracker(events, {"requested_slot": "consent_given", **slots}), "consent_given")


@pytest.mark.parametrize("words", ["Sarlat", "Lens", "Nancy"])
def test_a_town_at_the_consent_question_is_no_name(words):
    assert at_consent(words, {"departement": "24", "commune": "Sarlat-la-Canéda"}) is None


@pytest.mark.parametrize("words, name", [("Paul", "Paul"), ("Sophie Martin", "Sophie Martin")])
def test_a_name_at_the_consent_question_is_still_a_name(words, name):
    assert at_consent(words, {"departement": "24", "commune": "Sarlat-la-Canéda"}) == name


# ------------------------------------------------------------------ M9: the line chosen between two numbers


def at_time(words, first="06 78 45 12 90 ou sinon le fixe 02 96 45 12 33"):
    from rasa_sdk.executor import CollectingDispatcher

    from actions.handoff_actions import ValidateHandoffForm
    from tests.support.trackers import consented

    events = [user("la banque me relance"), bot("À quel numéro ?"), user(first, "inform"), bot("À quel moment ?")]
    events.append(user(words, "inform"))
    slots = {**consented(), "phone": "+33678451290", "requested_slot": "callback_slot"}
    dispatcher = CollectingDispatcher()
    result = ValidateHandoffForm().validate_callback_slot(words, dispatcher, tracker(events, slots, "handoff_form"), {})
    return result, [m.get("text") or "" for m in dispatcher.messages]


@pytest.mark.parametrize(
    "words, moment",
    [("plutôt le fixe le matin", "le matin"), ("sur le fixe de préférence, l'après-midi", "l'après-midi")],
)
def test_the_line_chosen_is_the_number_called_and_the_rest_the_moment(words, moment):
    result, said = at_time(words)
    assert result["phone"] == "+33296451233"
    assert result["callback_slot"] == moment
    assert said[0] == "C'est noté, le conseiller appellera le 02 96 45 12 33."


@pytest.mark.parametrize("words", ["plutôt le portable le matin", "le matin", "plutôt le fixe le matin"])
def test_no_other_line_leaves_the_number_kept(words):
    first = "06 78 45 12 90" if words.endswith("fixe le matin") else "06 78 45 12 90 ou sinon le fixe 02 96 45 12 33"
    result, _ = at_time(words, first)
    assert "phone" not in result
    assert result["callback_slot"]
