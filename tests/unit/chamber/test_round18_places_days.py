"""Round 18 (r18a-03): "le mardi ou le jeudi" promised the Thursday 10 when the Tuesday 8 was nearer."""

from __future__ import annotations

from datetime import datetime, time, timezone

import pytest

from chamber.hours import CallbackPreference, OpeningHours

SATURDAY_EVENING = datetime(2026, 12, 5, 17, 0, tzinfo=timezone.utc)
WEDNESDAY_MORNING = datetime(2026, 12, 9, 8, 0, tzinfo=timezone.utc)
HOURS = OpeningHours("Europe/Paris", frozenset(range(5)), ((time(8), time(17)),), frozenset(), 60)


@pytest.mark.parametrize(
    "at, said, promised",
    [
        (SATURDAY_EVENING, "jeudi ou mardi, après 11h si possible", "le mardi 8 décembre"),
        (SATURDAY_EVENING, "le mercredi ou le vendredi", "le mercredi 9 décembre"),
        (WEDNESDAY_MORNING, "mardi ou jeudi", "le jeudi 10 décembre"),  # Thursday is nearer from a Wednesday
        (SATURDAY_EVENING, "samedi ou mercredi", "le mercredi 9 décembre"),  # no Saturday calls: the other day stands
        (SATURDAY_EVENING, "jeudi", "le jeudi 10 décembre"),  # near miss: one day said, that day
        (SATURDAY_EVENING, "pas le mardi, le jeudi", "le jeudi 10 décembre"),  # a day refused is no alternative
    ],
)
def test_the_nearest_of_the_days_said_is_promised(at, said, promised):
    assert HOURS.callback_promise(at, said).startswith(promised)


def test_a_correction_replaces_the_days_said_before():
    wish = CallbackPreference.read("mardi ou jeudi, ah non finalement vendredi")
    assert (wish.weekday, wish.other_weekdays) == (4, ())
