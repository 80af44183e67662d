"""Round 23 (places): a département lost when the choice between namesakes, or the place question itself, got an
indirect answer; and a name several towns bear said alone.

- r23a-06: "celle à côté du stade de france" at the Saint-Denis choice, read as a skip: the case closed with no place.
- r23a-07: a question about the URSSAF notice at the place question, read as a skip: never asked again.
- make run (s23-x2): "Aucune de celles-ci" closed the case with no place; the place is asked once more, never twice.
- r23b-14: "Clermont" alone was lost (no choice between 63 and 60)."""

from __future__ import annotations

import pytest

from actions.conversation import SKIPPED
from actions.handoff_actions import ValidateHandoffForm
from actions.place_validation import AGAIN, GIVE_UP, ONCE_MORE, PLACE_QUESTION, QUESTION
from actions.triage_actions import facts_to_fill
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

CHOICES = ["Saint-Denis (974)", "Saint-Denis (93)", "Saint-Denis (11)"]
OFFER = (
    "Plusieurs communes portent ce nom : Saint-Denis (La Réunion, 974), Saint-Denis (Seine-Saint-Denis, 93) ou "
    "Saint-Denis (Aude, 11). Laquelle est la vôtre ?"
)


def at_place(words, intent="inform", mapped=None, asked_before=(OFFER,), **slots):
    filled = consented(
        departement=None,
        phone="+33612345678",
        case_reference="RL-TEST01",
        email=SKIPPED,
        callback_slot="le matin",
        place_choices=CHOICES,
        place_unread="carreleur à Saint-Denis",
    )
    filled.update(slots)
    mapped = words if mapped is None else mapped
    events = [user("carreleur à Saint-Denis, plus de commandes"), *[bot(said) for said in asked_before]]
    events += [user(words, intent), {"event": "slot", "name": "departement", "value": mapped}]
    current = tracker(events, {**filled, "departement": mapped, "requested_slot": "departement"}, "handoff_form")
    dispatcher, result = run(ValidateHandoffForm(), current, {})
    return texts(dispatcher), slot_events(result)


@pytest.mark.parametrize(
    "words",
    [
        "la mienne c'est près du Stade de France",
        "celle où il y a le stade de france",
        "pas loin du stade de France, en banlieue",
    ],
)
def test_a_landmark_picks_the_namesake_even_read_as_a_skip(words):
    _, slots = at_place(words, "skip_question", SKIPPED)
    assert slots.get("departement") == "93"


def test_an_unread_choice_read_as_a_skip_is_asked_again_not_closed():
    _said, slots = at_place("celle où il y a la grande cathédrale", "skip_question", SKIPPED)
    assert slots.get("departement") is None
    assert slots.get("place_choices") == CHOICES


@pytest.mark.parametrize(
    "words, intent, mapped",
    [
        ("/skip_question", "skip_question", SKIPPED),
        ("aucune de ces villes", "deny", None),
        ("non aucune", "deny", None),
    ],
)
def test_none_of_the_choices_asks_the_place_once_more(words, intent, mapped):
    said, slots = at_place(words, intent, mapped)
    assert slots.get("departement") is None and slots.get("place_choices") is None
    assert ONCE_MORE in said or slots.get("requested_slot") == "departement"
    question, _ = PLACE_QUESTION.render(None, {"place_unread": slots.get("place_unread")})  # type: ignore[arg-type]
    assert question == ONCE_MORE


def test_the_town_said_after_none_of_the_choices_is_kept():
    _, slots = at_place("Saint-Denis-lès-Bourg, dans l'Ain", place_choices=None, place_unread="Aucune de celles-ci")
    assert slots.get("departement") == "01"


def test_an_unread_answer_after_the_second_asking_is_never_asked_a_third_time():
    _said, slots = at_place(
        "je sais plus trop comment ça s'écrit",
        place_choices=None,
        place_unread="Aucune de celles-ci",
        asked_before=(OFFER, ONCE_MORE),
    )
    assert slots.get("departement") not in (None,)
    assert slots.get("requested_slot") != "departement"


def test_none_of_the_choices_after_a_second_asking_gives_up_kindly():
    said, slots = at_place("aucune", "deny", None, asked_before=(QUESTION, AGAIN, OFFER))
    assert slots.get("departement") == SKIPPED
    assert GIVE_UP in said


def test_a_real_pass_stays_a_pass():
    _said, slots = at_place("passer", "skip_question", SKIPPED)
    assert slots.get("departement") == SKIPPED


def test_a_question_at_the_place_question_read_as_a_skip_brings_the_place_back():
    _said, slots = at_place(
        "je comprends pas, le courrier du tribunal c'est pour quand en fait ? je sais pas",
        "skip_question",
        SKIPPED,
        place_choices=None,
        place_unread=None,
        asked_before=(QUESTION,),
    )
    assert slots.get("departement") is None
    assert slots.get("requested_slot") == "departement"


def test_a_name_several_towns_bear_said_alone_waits_for_the_choice():
    events = [user("salut, je suis taxi, mon associé veut partir"), bot("Qu'est-ce qui vous amène ?"), user("Clermont")]
    facts = facts_to_fill(tracker(events, {}))
    assert facts.get("place_choices") and any("(63)" in choice for choice in facts["place_choices"])
    assert any("(60)" in choice for choice in facts["place_choices"])


@pytest.mark.parametrize("words", ["merci", "Nancy", "ok bonne journée"])
def test_no_namesakes_from_words_that_name_no_town(words):
    events = [user("je suis fleuriste"), bot("Qu'est-ce qui vous amène ?"), user(words)]
    assert not facts_to_fill(tracker(events, {})).get("place_choices")
