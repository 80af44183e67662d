"""Round 18 (b.md LOW): the promised moment said as the artisan said it.

- r18b-15: "Lundi en fin de matinée" was promised "dans la matinée": the morning's last hour is promised.
- r18b-11: "au plus tard le lundi 7 décembre, pas le mercredi" read oddly: "sauf le mercredi" goes with the moment.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from chamber.config import load_chamber

SATURDAY_EVENING = datetime(2026, 12, 5, 19, 0, tzinfo=timezone.utc)
HOURS = load_chamber().opening_hours  # Monday to Friday, 8 h to 17 h


@pytest.mark.parametrize(
    "said, promised",
    [
        ("mardi plutôt en fin de matinée", "le mardi 8 décembre, entre 11 h et 12 h"),
        ("fin de matinée si possible", "entre 11 h et 12 h, au plus tard le mardi 8 décembre"),
        # near misses: the whole morning, and a limit of one's own kept
        ("mardi dans la matinée", "le mardi 8 décembre, dans la matinée"),
        ("en fin de matinée, pas avant 11h30", "entre 11 h 30 et 12 h, au plus tard le mardi 8 décembre"),
    ],
)
def test_the_end_of_the_morning_is_its_last_hour(said, promised):
    assert HOURS.callback_promise(SATURDAY_EVENING, said) == promised


@pytest.mark.parametrize(
    "said, promised",
    [
        ("quand vous voulez mais jamais le lundi", "dès que possible sauf le lundi, au plus tard le mardi 8 décembre"),
        ("le matin, sauf le mardi", "dans la matinée sauf le mardi, au plus tard le mercredi 9 décembre"),
        # near miss: no day refused, nothing added
        ("quand vous voulez", "dès que possible, au plus tard le mardi 8 décembre"),
    ],
)
def test_a_day_refused_goes_with_the_moment(said, promised):
    assert HOURS.callback_promise(SATURDAY_EVENING, said) == promised
