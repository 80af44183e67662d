"""Round 19 (r19a-16, r19c-12): the town said again with a reminder; the namesakes named in the question's words."""

import pytest

from actions.place_validation import PLACE_QUESTION, choose_question, place_given_before
from tests.support.trackers import bot, tracker, user


def _at_question(answer):
    return tracker(
        [user("peintre, redressement urssaf"), bot("Dans quel département ?"), user(answer)],
        slots={"requested_slot": "departement"},
    )


@pytest.mark.parametrize(
    "answer, code",
    [
        ("Rennes je viens de vous le dire", "35"),
        ("Limoges, je l'ai déjà écrit", "87"),
        ("je viens de le préciser : Nantes", "44"),
    ],
)
def test_a_town_with_the_reminder_is_the_place(answer, code):
    assert place_given_before(_at_question(answer), answer)["departement"] == code


@pytest.mark.parametrize("answer", ["je viens de vous le dire", "Nancy je viens de le dire"])
def test_a_reminder_without_a_place_in_any_message_gives_nothing(answer):
    # "Nancy" is a city: said with the reminder it is the place; only a reminder alone finds nothing here.
    found = place_given_before(_at_question(answer), answer)
    assert found is None or found["departement"] == "54"


def test_the_namesakes_are_named_in_the_words():
    text = choose_question(["Saint-Louis (974)", "Saint-Louis (68)"])
    assert text == (
        "Plusieurs communes portent ce nom : Saint-Louis (La Réunion, 974) ou Saint-Louis (Haut-Rhin, 68). "
        "Laquelle est la vôtre ?"
    )
    message, buttons = PLACE_QUESTION.render(None, {"place_choices": ["Saint-Louis (974)", "Saint-Louis (68)"]})
    assert message == text and [b["title"] for b in buttons][:2] == ["Saint-Louis (974)", "Saint-Louis (68)"]
