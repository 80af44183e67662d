"""Round 30 (retired held-out v34, d-114, left by helper fixd): suicide denied unprompted in a first message, the
difficulty told in the next one ("en finir avec la vie, non ; en finir avec ce propriétaire, oui", then the rent). The
subject is on the table once the difficulty comes: the direct question is asked, as when the no follows the difficulty.
A no followed by no difficulty asks nothing. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.assessments import run_conversation
from triage.distress import AMBIGUOUS

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    "turns",
    [
        [
            "je préviens : me suicider, pas du tout",
            "carreleuse à Lannion, le grossiste exige 4000 € d'avance et je peux pas",
        ],
        [
            "mourir, non, absolument pas, c'est pas le sujet",
            "bonjour",
            "ébéniste à Vannes, la banque a rejeté mes prélèvements et l'urssaf relance",
        ],
    ],
)
def test_a_strong_no_before_the_difficulty_gets_the_direct_question_when_the_difficulty_comes(turns):
    results = run_conversation(turns, None, TODAY)
    assert results[0].distress_level is None, results[0]
    assert results[-1].distress_level == AMBIGUOUS and not results[-1].distress, (turns, results[-1])


@pytest.mark.parametrize(
    "turns",
    [
        ["me suicider ? non, pas du tout", "je voulais juste connaître vos horaires"],
        ["bonjour", "mourir, non, absolument pas", "merci, au revoir"],
    ],
)
def test_a_strong_no_with_no_difficulty_asks_nothing(turns):
    assert all(result.distress_level is None for result in run_conversation(turns, None, TODAY)), turns
