"""Round 30, helper "fixd": suicide denied with a strong no ("me suicider, absolument pas", "en finir avec la vie, non, pas
du tout") is no sign; beside a difficulty or a strain it gets the direct question (level 3 without distress), as the
development sets' writers expect of their clear noes; a no limited in time stays a sign. Sentences written for these tests
(the retired held-out v34 class)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.assessments import run_conversation
from triage.distress import AMBIGUOUS, find_signs, suicide_denied_unprompted

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    "text",
    [
        "pour être franche : me tuer, certainement pas. Épuisée, ça oui.",
        "mourir, non, absolument pas, j'ai un petit-fils qui arrive",
        "en finir avec ma vie, pas du tout ; en finir avec ce bail, oui",
    ],
)
def test_a_strong_no_is_no_sign(text):
    assert not [sign for sign in find_signs(text) if sign.level < AMBIGUOUS], text
    assert suicide_denied_unprompted(text) is not None or find_signs(text), text


@pytest.mark.parametrize(
    "text",
    [
        "me suicider, pas du tout pour l'instant",
        "en finir, absolument pas maintenant, mais après le tribunal on verra",
    ],
)
def test_a_no_limited_in_time_is_no_clear_no(text):
    assert suicide_denied_unprompted(text) is None, text


@pytest.mark.parametrize(
    "turns",
    [
        ["relieuse à Nancy, l'URSSAF a saisi mon compte", "je précise quand même : me suicider, absolument pas."],
        ["le loyer du local a pris 25 % et je ne vois pas comment payer", "me tuer, pas du tout, je vous rassure"],
    ],
)
def test_a_strong_no_beside_a_difficulty_gets_the_direct_question(turns):
    result = run_conversation(turns, None, TODAY)[-1]
    assert result.distress_level == AMBIGUOUS and not result.distress, (turns, result)
