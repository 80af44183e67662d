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
        (MONDAY_MORNING, "après-demain vers 15h", "le mercredi 9 décembre, vers 15 h"),  # the hour asked (round 14)
        (MONDAY_MORNING, "le 14", "le lundi 14 décembre"),
        (MONDAY_MORNING, "le 14 décembre à 10h", "le lundi 14 décembre, vers 10 h"),
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


@pytest.mark.parametrize(
    "said, part",
    [
        ("le matin avant 11 heures, l'après-midi je suis au magasin", "morning"),
        ("le matin quand il est à l'atelier, pas l'après-midi", "morning"),
        ("le matin j'ai les enfants, plutôt après 14h", "afternoon"),
        ("vers 11h après le marché", "morning"),
        # Round 17: the end of the working day, which the advisors' last hour meets (no longer "le soir").
        ("plutôt en fin de journée", "late"),
        ("pas le matin", None),
    ],
)
def test_the_part_of_the_day_wished_is_the_first_said_that_is_not_refused(said, part):
    assert CallbackPreference.read(said).part == part


WINTER = datetime(2026, 12, 7, 9, 0, tzinfo=timezone.utc)
SUMMER = datetime(2026, 7, 6, 9, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    "departement, at, said",
    [
        ("971", WINTER, "du lundi au vendredi, de 8 h à 17 h, heure de Paris (de 3 h à 12 h chez vous)"),
        ("971", SUMMER, "du lundi au vendredi, de 8 h à 17 h, heure de Paris (de 2 h à 11 h chez vous)"),
        ("974", WINTER, "du lundi au vendredi, de 8 h à 17 h, heure de Paris (de 11 h à 20 h chez vous)"),
        ("988", WINTER, "du lundi au vendredi, de 8 h à 17 h, heure de Paris"),  # another day there
        ("59", WINTER, "du lundi au vendredi, de 8 h à 17 h"),
        (None, WINTER, "du lundi au vendredi, de 8 h à 17 h"),
    ],
)
def test_the_hours_are_said_in_the_artisans_time_too_overseas(departement, at, said):
    assert HOURS.text_for(departement, at) == said


def test_a_chamber_overseas_says_its_hours_plainly_to_its_own_artisans():
    reunion = OpeningHours("Indian/Reunion", frozenset(range(5)), ((time(8), time(16)),), frozenset(), 60)
    assert reunion.text_for("974", WINTER) == "du lundi au vendredi, de 8 h à 16 h"
    assert reunion.text_for("75", WINTER) == (
        "du lundi au vendredi, de 8 h à 16 h, heure de la chambre (de 5 h à 13 h chez vous)"
    )
