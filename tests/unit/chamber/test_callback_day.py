"""A day said for the call is promised as that day, or the first one after it the advisors call, with why (round 7
of off-script conversations: "demain matin" and "le 14 décembre" were promised "dès que possible")."""

from __future__ import annotations

from datetime import date, datetime, time, timezone

import pytest

from chamber.hours import CallbackPreference, OpeningHours

MONDAY_MORNING = datetime(2026, 12, 7, 8, 0, tzinfo=timezone.utc)  # 9 h in Paris, open
FRIDAY_AFTERNOON = datetime(2026, 12, 4, 15, 0, tzinfo=timezone.utc)  # 16 h in Paris, an hour before closing
HOURS = OpeningHours("Europe/Paris", frozenset(range(5)), ((time(8), time(17)),), frozenset(), 60)


@pytest.mark.parametrize(
    "at, said, promised",
    [
        (MONDAY_MORNING, "demain", "le mardi 8 décembre"),
        (MONDAY_MORNING, "demain matin si possible", "le mardi 8 décembre, dans la matinée"),
        (MONDAY_MORNING, "après-demain vers 15h", "le mercredi 9 décembre, dans l'après-midi"),
        (MONDAY_MORNING, "le 14", "le lundi 14 décembre"),
        (MONDAY_MORNING, "le 14 décembre à 10h", "le lundi 14 décembre, dans la matinée"),
        (MONDAY_MORNING, "14/12", "le lundi 14 décembre"),
        (FRIDAY_AFTERNOON, "le lundi 14 décembre", "le lundi 14 décembre"),  # not the Monday before
        (FRIDAY_AFTERNOON, "le 14 si possible, l'après-midi", "le lundi 14 décembre, dans l'après-midi"),
        (FRIDAY_AFTERNOON, "demain", "le lundi 7 décembre (les conseillers n'appellent pas le samedi 5 décembre)"),
        (
            FRIDAY_AFTERNOON,
            "demain matin",
            "le lundi 7 décembre, dans la matinée (les conseillers n'appellent pas le samedi 5 décembre)",
        ),
        # Christmas is a public holiday: the next working day, and why.
        (MONDAY_MORNING, "le 25", "le lundi 28 décembre (les conseillers n'appellent pas le vendredi 25 décembre)"),
        (
            MONDAY_MORNING,
            "le 1er janvier",
            "le lundi 4 janvier (les conseillers n'appellent pas le vendredi 1er janvier)",
        ),
        # No such day, or too far for a promise: the chamber's usual delay.
        (MONDAY_MORNING, "le 31 novembre", "dès que possible, au plus tard le mercredi 9 décembre"),
        (MONDAY_MORNING, "le 3 mars", "dès que possible, au plus tard le mercredi 9 décembre"),
    ],
)
def test_a_day_said_is_the_day_promised(at, said, promised):
    assert HOURS.callback_promise(at, said) == promised


@pytest.mark.parametrize(
    "said, wished",
    [
        ("demain", date(2026, 12, 8)),
        ("le 2", date(2027, 1, 2)),  # the 2nd of this month is past: the next one
        ("le 7", date(2027, 1, 7)),  # today is no wish for a callback: the next 7th
        ("le 20 novembre", date(2027, 11, 20)),
        ("entre 12h et 14h", None),
        ("dans 2 jours", None),
    ],
)
def test_the_day_wished_is_read_from_today(said, wished):
    assert CallbackPreference.read(said).date_from(date(2026, 12, 7)) == wished


@pytest.mark.parametrize("said", ["à 14h", "vers 18h", "plutôt le matin", "lundi"])
def test_hours_and_weekdays_are_no_day_of_the_month(said):
    assert CallbackPreference.read(said).day_of_month is None
