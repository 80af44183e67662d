"""The simulator (seed 20261242): "06 12 34 56 78 90 12" at the phone question, whose first ten digits the entity
extractor kept, stored a case with a number the artisan never gave. The number is asked again; a valid number said with
more after a comma or in words is still taken."""

from __future__ import annotations

import pytest

from actions.handoff_actions import NUMBER_NOT_READ, NUMBER_TOO_LONG, NUMBER_UNKNOWN, cut_from_a_longer_number
from tests.support.trackers import texts
from tests.unit.actions.test_handoff_round5 import CONSENTED, handoff_turn


@pytest.mark.parametrize("typed", ["06 12 34 56 78 90 12", "0612345678901", "06.12.34.56.78.9"])
def test_a_number_too_long_is_asked_again_not_cut(typed):
    dispatcher, slots = handoff_turn("phone", typed, CONSENTED, {"phone": "06 12 34 56 78"})
    said = texts(dispatcher)
    assert slots["phone"] is None and slots["requested_slot"] == "phone"
    # Round 17 (r17a-16): the digits in excess are said, never "incomplet".
    too_long = tuple(NUMBER_TOO_LONG.format(n) for n in ("un chiffre de trop", "des chiffres en trop"))
    assert said and said[0] in (NUMBER_NOT_READ, NUMBER_UNKNOWN, *too_long)


@pytest.mark.parametrize("typed", ["06 12 34 56 78", "06 12 34 56 78, je réponds après 17h", "+33 6 12 34 56 78"])
def test_a_whole_number_is_taken(typed):
    _, slots = handoff_turn("phone", typed, CONSENTED, {"phone": "06 12 34 56 78"})
    assert slots["phone"] == "+33612345678"


def test_only_a_longer_run_of_the_same_digits_counts():
    assert cut_from_a_longer_number("06 12 34 56 78", "06 12 34 56 78 90 12")
    assert not cut_from_a_longer_number("06 12 34 56 78", "06 12 34 56 78, 2 salariés")
    assert not cut_from_a_longer_number("06 12 34 56 78", "06.12.34.56.78")
