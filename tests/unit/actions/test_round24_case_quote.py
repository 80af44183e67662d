"""Round 24 (talker C, r23c-01): "non pas 4000, 6000" put the amount right, the case's quote of the artisan's words
kept only the first message with the wrong amount. A message that puts an amount right is quoted whole beside it."""

import pytest

from actions.handoff import account_said
from intake.facts import puts_an_amount_right

FIRST = "je dois 4000 à l'urssaf depuis l'été"


@pytest.mark.parametrize(
    "correction",
    [
        "non pas 4000, 6000",
        "pardon c'est six mille",
        "c'est 14000 pas 4000",
        "finalement 5200, j'ai regardé le courrier",
        "je me suis trompé c'est 4600 €",
        "oups erreur, 4 800 euros",
    ],
)
def test_an_amount_put_right_is_quoted_whole_beside_the_first_words(correction):
    quote = account_said([FIRST, correction], health_consent=False)
    assert quote is not None
    assert FIRST in quote
    assert " ".join(correction.split()).strip(" .!;:") in quote


@pytest.mark.parametrize(
    "other",
    [
        "non, on a 3 salariés",
        "non en fait depuis 2019",
        "en fait c'est 800 par mois",
        "non",
        "06 12 34 56 78",
        "pardon je voulais dire le Morbihan",
    ],
)
def test_what_puts_no_amount_right_is_not_quoted(other):
    assert not puts_an_amount_right(other)
    assert account_said([FIRST, other], health_consent=False) == f"« {FIRST} »"


def test_a_correction_before_any_situation_is_no_quote():
    assert account_said(["non pas 4000, 6000"], health_consent=False) is None
