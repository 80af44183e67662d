"""Waiting targets per urgency, in the default chamber's working days (Mon-Fri 8h-17h, French holidays)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from chamber import load_chamber
from inbox.targets import due_at, wait_of

PARIS = ZoneInfo("Europe/Paris")
HOURS = load_chamber().opening_hours


def paris(*args) -> datetime:
    return datetime(*args, tzinfo=PARIS)


@pytest.mark.parametrize(
    "urgency, created, due",
    [
        ("critique", paris(2025, 3, 4, 10, 0), paris(2025, 3, 4, 10, 15)),
        ("critique", paris(2025, 3, 8, 23, 0), paris(2025, 3, 8, 23, 15)),  # even on a Saturday night
        ("haute", paris(2025, 3, 4, 10, 0), paris(2025, 3, 4, 17, 0)),  # Tuesday morning: same day
        ("haute", paris(2025, 3, 4, 18, 0), paris(2025, 3, 5, 17, 0)),  # after closing: next working day
        ("haute", paris(2025, 3, 7, 20, 0), paris(2025, 3, 10, 17, 0)),  # Friday evening: Monday
        ("haute", paris(2025, 12, 24, 18, 0), paris(2025, 12, 26, 17, 0)),  # Christmas skipped
        ("normale", paris(2025, 3, 4, 10, 0), paris(2025, 3, 6, 17, 0)),  # two working days
        ("normale", paris(2025, 3, 6, 10, 0), paris(2025, 3, 10, 17, 0)),  # over the weekend
        ("basse", paris(2025, 4, 30, 10, 0), paris(2025, 5, 5, 17, 0)),  # 1 May is a holiday
        (None, paris(2025, 3, 4, 10, 0), paris(2025, 3, 6, 17, 0)),
    ],
)
def test_due_dates(urgency, created, due):
    assert due_at(urgency, created, HOURS) == due


def test_wait_stops_at_the_first_contact():
    created = paris(2025, 3, 4, 10, 0)
    waiting = wait_of("haute", created, None, paris(2025, 3, 4, 18, 0), HOURS)
    assert (waiting.waited, waiting.late, waiting.contacted) == (timedelta(hours=8), True, False)
    reached = wait_of("haute", created, paris(2025, 3, 4, 11, 0), paris(2025, 3, 9, 0, 0), HOURS)
    assert (reached.waited, reached.late, reached.contacted) == (timedelta(hours=1), False, True)
