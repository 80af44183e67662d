"""Round 34 (make run): "Saint-Denis", then "oui" at the three namesakes offered; the town was dropped and the case said
"non précisé". A yes, a doubt or a refusal at the namesakes keeps the town named, as typed, for the advisor."""

import pytest

from actions.place_validation import GIVE_UP, KEPT_AS_SAID, place_update


@pytest.mark.parametrize("town", ["Saint-Denis", "Clermont", "Saint-Pierre"])
@pytest.mark.parametrize("answer", ["oui", "ok", "je sais pas", "bof je sais plus trop"])
def test_an_answer_that_chooses_none_keeps_the_town_named(town, answer):
    offered, _ = place_update(town, {})
    assert offered["place_choices"], town
    update, message = place_update(answer, offered)
    assert (update["departement"], update["place_kept"], update["place_choices"]) == (town, town, None)
    assert message == KEPT_AS_SAID.format(town)
    # Validated again on a later turn: nothing changes, nothing is said.
    assert place_update(town, {**offered, **update}) == ({"departement": town}, None)


@pytest.mark.parametrize("answer", ["non", "aucune", "Aucune de celles-ci"])
def test_none_of_these_still_leaves_the_place_to_the_advisor(answer):
    offered, _ = place_update("Saint-Denis", {})
    update, message = place_update(answer, offered)
    assert (update["departement"], message) == ("non précisé", GIVE_UP)


def test_a_yes_with_no_namesakes_offered_still_gives_up():
    update, message = place_update("c bon", {"place_unread": "euh"})
    assert (update["departement"], message) == ("non précisé", GIVE_UP)


def test_declining_to_say_which_drops_the_town_too():
    """ "je préfère pas dire" is a skip: the artisan's choice not to say where is kept, the town with it."""
    offered, _ = place_update("Saint-Denis", {})
    update, _ = place_update("je préfère pas dire", offered)
    assert (update["departement"], update["commune"]) == ("non précisé", None)
