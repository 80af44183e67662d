"""Round 34 (make run, r34-f): "non pas d'échéance précise, l'audience est en mars", at the question after the deadline
one, was stored as "aucune échéance connue": the denial was read, the hearing said after the comma lost. What the
message says is due after the denial is the deadline instead; a plain denial is still no deadline."""

from datetime import date

import pytest

from intake.facts import NO_DEADLINE, corrections

TODAY = date(2026, 12, 7)
NOTED = {"deadline": "c'est surtout que je sais pas si je vais tenir le plan"}


@pytest.mark.parametrize(
    "words, month",
    [
        ("non pas d'échéance précise, l'audience est en mars", "mars"),
        ("pas de date limite, mais la convocation au tribunal est en février", "février"),
        ("non aucune échéance... enfin le jugement c'est pour janvier", "janvier"),
    ],
)
def test_a_hearing_said_after_the_denial_is_the_deadline(words, month):
    assert month in str(corrections(words, NOTED, TODAY)["deadline"])


@pytest.mark.parametrize(
    "words", ["non pas d'échéance", "j'ai pas d'échéance, juste des relances", "aucune date limite"]
)
def test_a_plain_denial_is_still_no_deadline(words):
    assert corrections(words, NOTED, TODAY)["deadline"] == NO_DEADLINE


def test_the_date_noted_denied_is_still_undone():
    assert corrections("j'ai pas d'échéance le 11 décembre", {"deadline": "le vendredi 11 décembre"}, TODAY) == {
        "deadline": None
    }
