"""Round 18: the moment buttons offer only the parts of the day the advisors call in the artisan's clock (r18a-05),
and "samedi ou lundi" is no closed day (the Monday said with it stands)."""

import pytest

from actions import services
from actions.handoff import closed_weekday
from actions.questions import QUESTIONS


def _titles(departement):
    _, buttons = QUESTIONS["callback_slot"].render(services.chamber(), {"departement": departement})
    return [button["title"] for button in buttons]


@pytest.mark.parametrize(
    "departement, left_out",
    [("974", "Plutôt le matin"), ("971", "Plutôt l'après-midi"), ("972", "Plutôt l'après-midi")],
)
def test_a_part_of_the_day_the_advisors_barely_call_is_not_offered(departement, left_out):
    titles = _titles(departement)
    assert left_out not in titles
    assert "Dès que possible" in titles


@pytest.mark.parametrize("departement", [None, "59", "2A", "976"])
def test_both_parts_stay_offered_where_the_advisors_call_both(departement):
    assert _titles(departement) == ["Dès que possible", "Plutôt le matin", "Plutôt l'après-midi"]


def test_an_open_day_said_beside_a_closed_one_is_no_closed_day():
    assert closed_weekday("samedi ou lundi matin", range(5)) is None
    assert closed_weekday("samedi matin", range(5)) == 5
