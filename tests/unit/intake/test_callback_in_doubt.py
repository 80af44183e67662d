"""A callback wished under doubt is a hesitation, not a request (round 36, make run: "je sais pas si je veux qu'on
m'appelle" at the since-when question asked the consent at once)."""

import pytest

from intake.answers import asks_for_callback


@pytest.mark.parametrize(
    "said",
    [
        "je ne sais pas si je voudrais qu'on me rappelle",
        "on sait pas trop si on veut être rappelés",
        "je me demande si je veux vraiment un rappel",
        "j'hésite à vouloir être rappelée",
        "jsp si jveux qu'on m'appelle",
    ],
)
def test_a_wish_in_doubt_asks_nothing_yet(said):
    assert not asks_for_callback(said)


@pytest.mark.parametrize(
    "said",
    [
        "je veux bien qu'on me rappelle",
        "je sais pas trop quoi vous dire, mais je veux bien être rappelé",  # the doubt is about something else
        "je sais pas si vous pouvez me rappeler jeudi",  # doubt about the means: a polite request
        "pas sûre que ça serve, rappelez-moi quand même",
    ],
)
def test_a_request_beside_a_doubt_stays_a_request(said):
    assert asks_for_callback(said)
