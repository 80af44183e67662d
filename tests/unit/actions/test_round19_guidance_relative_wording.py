"""Round 19 (r19z-03): the restatement to someone close said "une situation difficile pour votre entreprise"."""

from __future__ import annotations

import pytest

from actions.handoff import said_to_the_writer


@pytest.mark.parametrize(
    "said, concerned, expected",
    [
        (
            "Si je comprends bien, vous faites face à une situation difficile pour votre entreprise.",
            "votre père",
            "Si je comprends bien, votre père fait face à une situation difficile pour son entreprise.",
        ),
        (
            "Si je comprends bien, vous faites face à une situation difficile pour votre entreprise.",
            None,
            "Si je comprends bien, vous faites face à une situation difficile pour votre entreprise.",
        ),
    ],
)
def test_the_autre_label_speaks_of_the_person_concerned(said, concerned, expected):
    assert said_to_the_writer(said, concerned) == expected
