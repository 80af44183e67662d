"""Round 26 (r26a-14): "je me tue au boulot 60h par semaine et ça suffit pas, on est morts si les clients payent pas"
got "Très bien, on s'arrête là": its "ça suffit" was read as a stop. "ça suffit pas" (it is not enough) is a difficulty
told, never a leave taken; "bon ça suffit" still is."""

from __future__ import annotations

import pytest

from actions.intake_actions import says_stop
from intake.answers import is_closing


@pytest.mark.parametrize(
    "text",
    [
        "je me tue au boulot 60h par semaine et ça suffit pas, on est morts si les clients payent pas",  # r26a-14
        "je bosse 60h et ca suffit pas",  # unaccented
        "jbosse comme un fou mais ca suffit plus",  # SMS
        "euh... même en travaillant le dimanche, ça suffit pas",  # hesitation
        "on fait des heures virgule et ça ne suffit pas point ça suffit jamais",  # dictation
    ],
)
def test_not_enough_is_no_stop_nor_goodbye(text):
    assert not says_stop(text)
    assert not is_closing(text)


@pytest.mark.parametrize("text", ["bon ça suffit, au revoir", "ça suffit", "ca suffit pour aujourd'hui"])
def test_enough_said_still_ends(text):
    assert says_stop(text) or is_closing(text)
