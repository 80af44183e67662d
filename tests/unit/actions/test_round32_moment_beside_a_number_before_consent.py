"""Round 32 (make run, r32-c): a number said at the consent question was kept for the phone question, but the moment
said beside it was lost. A clause beside the number that names a moment within the advisors' hours is kept for the
time question; one outside them is not (the time question comes in its turn, as for a moment said elsewhere). Over
real trackers and the real form validation."""

from __future__ import annotations

import pytest

from tests.support.handoff_form import validate


@pytest.mark.parametrize(
    "words, moment",
    [
        ("06 71 25 36 47 plutôt le matin", "plutôt le matin"),
        ("c'est le 06 71 25 36 47, de préférence en début d'après-midi", "de préférence en début d'après-midi"),
        ("06 71 25 36 47", None),
        ("06 71 25 36 47, c'est le portable de mon fils", None),
        ("06 71 25 36 47 mais le soir vers 21h", None),  # out of the advisors' hours: asked in its turn
    ],
)
def test_the_moment_beside_a_number_said_before_the_consent(words, moment):
    said, produced = validate("consent_given", words, {"consent_given": words, "phone": "06 71 25 36 47"})
    assert produced.get("consent_given") is None, (said, produced)
    assert produced.get("phone") == "+33671253647", (said, produced)
    assert produced.get("callback_slot") == moment, (said, produced)
