"""An intake question answered with something else, again and again ("je suis boulanger", "à Lens", "on a
deux salariés" to the deadline question): each answer is kept for its own question, the second miss offers
to pass the question, the third passes it. Never a fourth time the same question."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import SKIPPED
from actions.intake import OFFER_SKIP, SKIPPED_ACK, TAKE_YOUR_TIME, unanswered_before
from actions.intake_actions import ValidateSituationForm
from tests.support.trackers import bot, texts, tracker, user


def asked(slot):
    return [{"event": "slot", "name": "requested_slot", "value": slot}, bot(f"question {slot}")]


def filled(name, value):
    return {"event": "slot", "name": name, "value": value}


# Each miss says something new (another slot filled by this very message), so none is passed for saying
# nothing new: what changes is only how many times the question was already missed.
MISSES = [
    ("je suis boulanger", "trade", "boulanger"),
    ("on est en SARL", "legal_form", "SARL"),
    ("j'ai deux salariés", "employees", "2"),
]


def at_deadline(misses_before: int, words: str, fact: tuple[str, str]) -> tuple[CollectingDispatcher, dict]:
    events = [user("l'urssaf me réclame 8000 euros"), *asked("deadline")]
    for number, (earlier_words, name, value) in enumerate(MISSES[:misses_before]):
        events += [user(earlier_words, "inform"), filled(name, value)]
        if number == 1:
            events.append(bot(f"C'est noté aussi. {OFFER_SKIP}"))  # what the second miss was answered
        events += asked("deadline")
    events += [user(words, "inform"), filled(*fact)]
    current = tracker(events, slots={"requested_slot": "deadline", fact[0]: fact[1]}, active_loop="situation_form")
    dispatcher = CollectingDispatcher()
    result = ValidateSituationForm().validate_deadline(words, dispatcher, current, {})
    return dispatcher, result


@pytest.mark.parametrize(
    "misses_before, words, fact, expected, offers, passes",
    [
        (0, "je suis boulanger", ("trade", "boulanger"), None, False, False),
        (1, "on est en SARL", ("legal_form", "SARL"), None, True, False),
        (2, "j'ai deux salariés", ("employees", "2"), SKIPPED, False, True),
    ],
)
def test_the_second_miss_offers_to_pass_the_question_and_the_third_passes_it(
    misses_before, words, fact, expected, offers, passes
):
    dispatcher, result = at_deadline(misses_before, words, fact)
    assert result == {"deadline": expected}
    said = " ".join(texts(dispatcher))
    assert (OFFER_SKIP in said) is offers, said
    assert (SKIPPED_ACK in said) is passes, said
    assert said.startswith(("Merci, c'est noté.", "C'est noté aussi.")), said  # the answer is always acknowledged


def test_a_question_asked_back_counts_as_a_miss_too():
    events = [user("l'urssaf me réclame 8000 euros"), *asked("deadline"), user("je suis boulanger", "inform")]
    events += [filled("trade", "boulanger"), *asked("deadline"), user("c'est quoi une échéance ?", "ask_question")]
    current = tracker(events, slots={"requested_slot": "deadline"}, active_loop="situation_form")
    dispatcher = CollectingDispatcher()
    assert ValidateSituationForm().validate_deadline("c'est quoi une échéance ?", dispatcher, current, {}) == {
        "deadline": None
    }
    assert texts(dispatcher)[-1].endswith(OFFER_SKIP)


def test_a_real_answer_after_misses_is_kept():
    events = [user("l'urssaf me réclame 8000 euros"), *asked("deadline")]
    for words, name, value in MISSES[:2]:
        events += [user(words, "inform"), filled(name, value), *asked("deadline")]
    events.append(user("le 15 janvier", "inform"))
    current = tracker(events, slots={"requested_slot": "deadline"}, active_loop="situation_form")
    result = ValidateSituationForm().validate_deadline("le 15 janvier", CollectingDispatcher(), current, {})
    assert result["deadline"] not in (None, SKIPPED)


@pytest.mark.parametrize(
    "events, expected",
    [
        ([], 0),
        ([*asked("deadline"), user("a")], 0),
        ([*asked("deadline"), user("a"), *asked("deadline"), user("b")], 1),
        ([*asked("deadline"), user("a"), *asked("deadline"), user("b"), *asked("deadline"), user("c")], 2),
        # Another question in between starts the count again.
        ([*asked("deadline"), user("a"), *asked("since_when"), user("b"), *asked("deadline"), user("c")], 0),
    ],
)
def test_unanswered_before_counts_the_messages_at_this_question_before_the_latest(events, expected):
    assert unanswered_before(events, "deadline") == expected


def test_without_the_offer_first_the_third_miss_offers_rather_than_passes():
    # "hmm" (time to think) then a question asked back: the offer was never made, so it is made now.
    events = [user("l'urssaf me réclame 8000 euros"), *asked("deadline"), user("hmm", "inform"), bot(TAKE_YOUR_TIME)]
    events += [*asked("deadline"), user("c'est quoi une échéance ?", "inform"), bot("Je ne sais pas répondre.")]
    events += [*asked("deadline"), user("on est en SARL", "inform"), filled("legal_form", "SARL")]
    current = tracker(events, slots={"requested_slot": "deadline"}, active_loop="situation_form")
    dispatcher = CollectingDispatcher()
    assert ValidateSituationForm().validate_deadline("on est en SARL", dispatcher, current, {}) == {"deadline": None}
    assert texts(dispatcher)[-1].endswith(OFFER_SKIP)


# A bare "oui" there answers the yes/no question itself (round 28, r28-b-01): tests/unit/actions/test_round28_b_intake.py.
@pytest.mark.parametrize("words", ["oui svp", "ok", "d'accord"])
def test_a_yes_right_after_the_offer_passes_the_question(words):
    events = [user("l'urssaf me réclame 8000 euros"), *asked("deadline"), user("je suis boulanger", "inform")]
    events += [filled("trade", "boulanger"), *asked("deadline"), user("on est en SARL", "inform")]
    events += [filled("legal_form", "SARL"), bot(f"C'est noté aussi. {OFFER_SKIP}"), *asked("deadline")]
    events.append(user(words, "affirm"))
    current = tracker(events, slots={"requested_slot": "deadline"}, active_loop="situation_form")
    dispatcher = CollectingDispatcher()
    assert ValidateSituationForm().validate_deadline(words, dispatcher, current, {}) == {"deadline": SKIPPED}
    assert texts(dispatcher) == [SKIPPED_ACK]


def test_a_yes_to_the_question_itself_is_not_taken_for_a_skip():
    events = [user("l'urssaf me réclame 8000 euros"), *asked("deadline"), user("oui", "affirm")]
    current = tracker(events, slots={"requested_slot": "deadline"}, active_loop="situation_form")
    dispatcher = CollectingDispatcher()
    assert ValidateSituationForm().validate_deadline("oui", dispatcher, current, {}) == {"deadline": None}
    assert SKIPPED_ACK not in texts(dispatcher)


@pytest.mark.parametrize("slot, mapped", [("deadline", "aucune échéance connue"), ("employees", "0")])
def test_no_then_wait_at_an_intake_question_is_a_pause_not_an_answer(slot, mapped):
    events = [user("l'urssaf me réclame 8000 euros"), *asked(slot), user("non attendez", "deny"), filled(slot, mapped)]
    current = tracker(events, slots={"requested_slot": slot, slot: mapped}, active_loop="situation_form")
    dispatcher = CollectingDispatcher()
    assert getattr(ValidateSituationForm(), f"validate_{slot}")(mapped, dispatcher, current, {}) == {slot: None}
    assert texts(dispatcher) == [TAKE_YOUR_TIME]


@pytest.mark.parametrize(
    "words",
    [
        "il dit qu'il attend l'argent du promoteur",  # make run, lead-r26-2: got "Prenez votre temps"
        "le client dit qu il attend d etre paye lui meme",
        "j'attends le virement de la caf",
    ],
)
def test_someone_waiting_for_money_is_no_time_asked_and_the_question_is_explained(words):
    events = [user("le plus gros client m'a pas payé 28000 depuis juillet"), *asked("deadline"), user(words, "inform")]
    current = tracker(events, slots={"requested_slot": "deadline"}, active_loop="situation_form")
    dispatcher = CollectingDispatcher()
    result = ValidateSituationForm().validate_deadline(words, dispatcher, current, {})
    assert result == {"deadline": None}
    said = " ".join(texts(dispatcher))
    assert TAKE_YOUR_TIME not in said
    assert "si une date approche" in said
