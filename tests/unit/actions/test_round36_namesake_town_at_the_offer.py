"""A town several communes are named after, said at the callback offer once the place question was passed, is taken for
what it is (round 36, make run: "il est à Vire" got "Je n'ai pas bien compris votre réponse, pardon.")."""

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff_actions import PLACE_NAMESAKES_FOR_THE_ADVISOR, say_neither
from tests.support.trackers import bot, texts, tracker, user


def _said_at_the_offer(words: str) -> list[str]:
    current = tracker(
        [
            user("l'urssaf m'a envoyé une contrainte"),
            bot("Voulez-vous qu'un conseiller de la chambre vous rappelle pour en parler ?"),
            user(words, "inform"),
        ],
        slots={"requested_slot": "wants_advisor", "departement": "non précisé"},
        active_loop="handoff_form",
    )
    dispatcher = CollectingDispatcher()
    say_neither(dispatcher, current, "wants_advisor")
    return texts(dispatcher)


@pytest.mark.parametrize("words", ["il est à Vire", "on est sur Belleville", "Montaigu"])
def test_a_namesake_town_is_left_to_the_advisor(words):
    assert _said_at_the_offer(words) == [PLACE_NAMESAKES_FOR_THE_ADVISOR]


def test_words_that_name_no_place_are_still_not_understood():
    assert _said_at_the_offer("bof, on verra bien") != [PLACE_NAMESAKES_FOR_THE_ADVISOR]
