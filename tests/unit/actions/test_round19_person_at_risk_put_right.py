"""Round 19 (r19b-08): an apprentice wrote "c'est pas mon proche c'est mon patron" and the bot kept saying "votre
proche", the case « un proche ». The person named in its place is who the replies and the case speak of."""

from __future__ import annotations

import pytest

from actions.crisis_actions import person_at_risk
from actions.handoff import _who_is_at_risk, person_put_right
from tests.support.trackers import bot, tracker, user


@pytest.mark.parametrize(
    "words, person",
    [
        ("non c'est pas un proche, c'est ma patronne", "ma patronne"),
        ("pas mon proche, mon chef d'atelier", "mon chef"),
        ("ce n'est pas un proche mais mon maître d'apprentissage", "mon maître"),
    ],
)
def test_the_person_named_in_place_of_un_proche(words: str, person: str) -> None:
    events = [
        user("il a dit qu'il allait tout arrêter pour de bon"),
        bot("Pensez-vous que votre proche soit en sécurité ?"),
    ]
    current = tracker([*events, user(words)], slots={"person_at_risk": "un proche", "distress_signs": ["x"]})
    assert person_at_risk(current) == person
    assert _who_is_at_risk("un proche", None, person_put_right([words])) == person


@pytest.mark.parametrize("words", ["mon proche ne répond plus", "je parle pas de mon proche là, je parle de la boîte"])
def test_near_misses_keep_the_person(words: str) -> None:
    current = tracker([user(words)], slots={"person_at_risk": "un proche", "distress_signs": ["x"]})
    assert person_at_risk(current) == "un proche"


def test_a_person_already_named_is_kept() -> None:
    current = tracker([user("c'est pas mon proche c'est mon patron")], slots={"person_at_risk": "mon frère"})
    assert person_at_risk(current) == "mon frère"
