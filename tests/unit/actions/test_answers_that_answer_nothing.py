"""Messages that answer nothing at an intake question, over real trackers: a bare yes where no yes/no was asked
("oui", "si finalement oui" to "Depuis quand ?"), a person's name ("Martine Leroy" to "Avez-vous des salariés ?").
Never stored as the answer: said kindly, the question again, the second time with the offer to pass it, the
third time passed."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import SKIPPED
from actions.intake import ASK_DETAIL, OFFER_SKIP, SKIPPED_ACK
from actions.intake_actions import YES_IS_NO_ANSWER, ValidateSituationForm
from intake.answers import says_only_yes
from tests.support.trackers import bot, texts, tracker, user


def asked(slot):
    return [{"event": "slot", "name": "requested_slot", "value": slot}, bot(f"question {slot}")]


def validate(slot, words, earlier=(), intent="affirm", entities=None):
    """The form's validator on `words`, after `earlier` messages at the same question (each answered so)."""
    events = [user("l'urssaf me réclame 8000 euros"), *asked(slot)]
    for earlier_words, reply in earlier:
        events += [user(earlier_words, intent), bot(reply), *asked(slot)]
    events.append(user(words, intent, entities))
    current = tracker(events, slots={"requested_slot": slot}, active_loop="situation_form")
    dispatcher = CollectingDispatcher()
    result = getattr(ValidateSituationForm(), f"validate_{slot}")(words, dispatcher, current, {})
    return result, texts(dispatcher)


@pytest.mark.parametrize(
    "words, only_yes",
    [
        ("oui", True),
        ("Ouiii !", True),
        ("wi", True),
        ("si finalement oui", True),
        ("ben oui bien sûr", True),
        ("c'est ça", True),
        ("d'accord", True),
        ("oui je suis plombier", False),
        ("oui depuis janvier", False),
        ("oui mais non", False),
        ("c'est moi qui gère", False),
        ("finalement", False),
    ],
)
def test_a_yes_and_nothing_else_is_told_from_a_yes_that_says_something(words, only_yes):
    assert says_only_yes(words) is only_yes


@pytest.mark.parametrize("slot", ["since_when", "trade", "legal_form", "creditors"])
@pytest.mark.parametrize("words", ["oui", "si finalement oui", "ouii", "bah ouais"])
def test_a_bare_yes_where_no_yes_no_was_asked_is_no_answer(slot, words):
    result, said = validate(slot, words)
    assert result == {slot: None}
    assert said == [YES_IS_NO_ANSWER]


@pytest.mark.parametrize("slot", ["since_when", "legal_form"])
def test_a_second_yes_offers_to_pass_and_a_third_passes_never_stored(slot):
    result, said = validate(slot, "si finalement oui", earlier=[("oui", YES_IS_NO_ANSWER)])
    assert result == {slot: None}
    assert said == [f"{YES_IS_NO_ANSWER} {OFFER_SKIP}"]
    result, said = validate(
        slot, "oui oui", earlier=[("oui", YES_IS_NO_ANSWER), ("oui", f"{YES_IS_NO_ANSWER} {OFFER_SKIP}")]
    )
    # A yes right after the offer accepts it: the question is passed, "oui" is never the answer.
    assert result == {slot: SKIPPED}
    assert said == [SKIPPED_ACK]


@pytest.mark.parametrize("slot", ["deadline", "employees", "steps_taken"])
def test_a_yes_to_a_yes_no_question_still_asks_for_the_detail(slot):
    result, said = validate(slot, "oui")
    assert result == {slot: None}
    assert said == [ASK_DETAIL]


@pytest.mark.parametrize("slot", ["since_when", "deadline", "legal_form", "employees", "steps_taken"])
@pytest.mark.parametrize(
    "words, entities, name",
    [
        ("Martine Leroy", [], "Martine Leroy"),
        ("je m'appelle martine", [], "Martine"),
        ("moi c'est Karim", [], "Karim"),
        ("Martine", [{"entity": "first_name", "value": "Martine"}], "Martine"),
    ],
)
def test_a_name_is_no_answer_it_is_thanked_and_kept_for_the_name_question(slot, words, entities, name):
    result, said = validate(slot, words, intent="inform", entities=entities)
    assert result == {slot: None, "contact_name": name}
    assert said == [f"Merci {name}, c'est noté."]


def test_a_second_name_offers_to_pass_the_question():
    result, said = validate("employees", "Martine Leroy", earlier=[("Martine", "Merci Martine, c'est noté.")])
    assert result == {"employees": None, "contact_name": "Martine Leroy"}
    assert said == [f"Merci Martine Leroy, c'est noté. {OFFER_SKIP}"]


@pytest.mark.parametrize(
    "slot, words",
    [
        ("trade", "Boulanger"),  # a trade written with a capital
        ("creditors", "Leroy Merlin"),  # a creditor may bear a name
        ("since_when", "Récemment"),  # one capitalised word the extractor saw no name in
        ("employees", "Aucun"),
    ],
)
def test_words_that_may_answer_are_not_taken_for_a_name(slot, words):
    result, _ = validate(slot, words, intent="inform")
    assert "contact_name" not in result


@pytest.mark.parametrize("slot", ["since_when", "deadline", "trade", "employees", "creditors"])
@pytest.mark.parametrize("words", ["06 12 34 56 78", "mon numéro c'est le 0612345678", "martine.leroy@exemple.fr"])
def test_contact_details_at_an_intake_question_are_no_answer(slot, words):
    from actions.intake_actions import CONTACT_WAITS

    result, said = validate(slot, words, intent="inform")
    assert result == {slot: None}
    assert said == [CONTACT_WAITS]


@pytest.mark.parametrize("words", ["bon merci ça ira", "ça ira merci, bonne journée"])
def test_leave_taken_at_an_intake_question_ends_without_the_next_question_and_stores_nothing(words):
    # Found by a helper talking to the running bot: "bon merci ça ira" (no intent) was stored as the deadline, and
    # "À qui devez-vous de l'argent ?" followed.
    from tests.support.trackers import run

    events = [
        user("l'urssaf me réclame 4000 euros"),
        {"event": "slot", "name": "requested_slot", "value": "deadline"},
        bot("Avez-vous une échéance proche ?"),
        user(words, "nlu_fallback"),
    ]
    current = tracker(events, slots={"requested_slot": "deadline", "deadline": words}, active_loop="situation_form")
    dispatcher, produced = run(ValidateSituationForm(), current)
    said = " ".join(texts(dispatcher))
    assert "Prenez soin de vous" in said or "on s'arrête là" in said
    assert {"event": "active_loop", "name": None} in [
        {"event": e.get("event"), "name": e.get("name")} for e in produced if e.get("event") == "active_loop"
    ]
    assert not any(e.get("event") == "slot" and e.get("name") == "deadline" and e.get("value") for e in produced)
    # The bot listens next: the end of the form must not bring the guidance and the callback offer.
    assert produced[-1] == {"event": "followup", "timestamp": None, "name": "action_listen"}
