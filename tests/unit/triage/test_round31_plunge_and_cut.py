"""Round 31, helper "fixd", classes found by talking to the bot: "se jeter à l'eau" beside a new venture told in the same
message is taking the plunge, not an act; a cut or a burn with a work tool named is an accident at work, not self-harm.
Said without the venture, with an end, or on purpose, they stay level 1. Sentences written for these tests."""

from __future__ import annotations

import pytest

from triage.distress import EXPLICIT, find_signs


def _explicit(text: str) -> bool:
    return any(sign.level == EXPLICIT for sign in find_signs(text))


@pytest.mark.parametrize(
    "text",
    [
        "bon, je me jette à l'eau : je reprends la boulangerie de mon oncle en mars",
        "allez, je me jette à l'eau, je monte ma boîte de plomberie",
        "je me suis entaillé au pouce avec la scie ce matin, rien de grave",
        "mon apprenti s'est brûlé à la main sur le four, et moi je me suis coupée au poignet avec le massicot",
    ],
)
def test_a_venture_or_an_accident_is_no_act(text):
    assert not _explicit(text), (text, find_signs(text))


@pytest.mark.parametrize(
    "text",
    [
        "je me jetterai à l'eau du haut du pont ce soir",
        "je me jette à l'eau, j'en peux plus de tout ça",
        "je me suis coupé au poignet avec le cutter, exprès, pour sentir quelque chose",
        "je me coupe les bras avec une lame quand ça déborde",
    ],
)
def test_without_the_venture_or_on_purpose_it_stays_explicit(text):
    assert _explicit(text), (text, find_signs(text))
