"""Round 29, helper "fixm": who is at risk when a method is told by someone close (the one who said it), and when the
writer names those close as the ones his end would leave better off (the writer himself, never the spouse or the
children). Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.assessments import run_conversation
from triage.distress import EXPLICIT

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    "turns, person",
    [
        (["mon frère est couvreur, il m'a dit qu'il allait se coller une balle"], "mon frère"),
        (["ma femme a acheté une corde et elle la cache dans le grenier"], "ma femme"),
    ],
)
def test_a_method_told_by_someone_close_is_theirs_at_the_first_level(turns, person):
    result = run_conversation(turns, None, TODAY)[-1]
    assert result.distress and result.distress_level == EXPLICIT, (turns, result)
    assert result.person_at_risk == person, (turns, result)


@pytest.mark.parametrize(
    "turns",
    [
        ["si je meurs, mon épouse aura le capital décès et pourra payer la maison. charpentier à Mende"],
        ["ma fille serait plus heureuse sans son père, un raté. boulanger à Rodez"],
        ["mes gamins vivraient mieux sans leur papa qui a coulé la boîte"],
    ],
)
def test_those_left_better_off_are_not_the_ones_at_risk(turns):
    result = run_conversation(turns, None, TODAY)[-1]
    assert result.distress, (turns, result)
    assert result.person_at_risk is None, (turns, result)
