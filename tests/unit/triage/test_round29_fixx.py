"""Round 29, helper "fixx": the classifier alone may not ask about suicide on the very tiredness the rule table sets
aside as calm (r29-a-08: "la tête sous l'eau avec la paperasse, crevé mais bon c'est la saison"). Sentences written for
these tests, with near misses where a word of strain stays."""

from __future__ import annotations

import pytest

from triage.distress import model_may_ask


@pytest.mark.parametrize(
    "text",
    [
        "je suis plaquiste, des papiers en retard partout, rincé mais bon c'est normal en décembre",
        "vannée mais bon ça va, je voulais savoir pour étaler la CFE",
        "je suis mort de fatigue, 12h de chantier hier, c'est pour un délai URSSAF",
        "crevé mais bon c'est la saison, ces formulaires me rendent dingue",
    ],
)
def test_tiredness_the_table_sets_aside_lets_the_classifier_ask_nothing(text):
    assert not model_may_ask(text)


@pytest.mark.parametrize(
    "text",
    [
        "crevé mais bon, surtout je dors plus et j'ai peur de tout perdre",
        "je suis à bout, je pleure le soir, la paperasse en plus",
        "je suis crevé, épuisé, j'en peux plus de ce salon",
    ],
)
def test_a_word_of_strain_beside_it_still_lets_the_classifier_ask(text):
    assert model_may_ask(text)
