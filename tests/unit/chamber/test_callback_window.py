"""A callback window said in so many words is promised as said, within the opening hours (round 5 of off-script
conversations: "entre 12h et 14h, je suis au travail sinon" was promised "dans l'après-midi", r5-19; "entre midi et
deux" was dropped, r5-06)."""

from __future__ import annotations

from datetime import datetime, time, timezone

import pytest

from chamber.hours import CallbackPreference, OpeningHours

AT = datetime(2026, 12, 4, 18, 0, tzinfo=timezone.utc)  # a Friday evening, after closing
ALL_DAY = OpeningHours("Europe/Paris", frozenset(range(5)), ((time(8), time(17)),), frozenset(), 60)
LUNCH_BREAK = OpeningHours(
    "Europe/Paris", frozenset(range(5)), ((time(9), time(12, 30)), (time(13, 30), time(17))), frozenset(), 60
)


@pytest.mark.parametrize(
    "hours, said, promised",
    [
        (
            ALL_DAY,
            "plutot entre 12h et 14h, je suis au travail sinon",
            "entre 12 h et 14 h, au plus tard le mardi 8 décembre",
        ),
        (
            ALL_DAY,
            "pas le lundi, plutot entre midi et deux",
            "entre 12 h et 14 h sauf le lundi, au plus tard le mardi 8 décembre",
        ),
        (ALL_DAY, "de 9h30 à 11h", "entre 9 h 30 et 11 h, au plus tard le mardi 8 décembre"),
        (ALL_DAY, "mardi entre 10h et 11h", "le mardi 8 décembre, entre 10 h et 11 h"),
        # Cut to the opening hours; outside them, the nearest honest moment.
        (ALL_DAY, "entre 7h et 9h", "entre 8 h et 9 h, au plus tard le mardi 8 décembre"),
        (
            ALL_DAY,
            "entre 6h et 7h",
            "dès 8 h (les conseillers appellent à partir de 8 h), au plus tard le mardi 8 décembre",
        ),
        (
            ALL_DAY,
            "entre 19h et 20h",
            "en fin de journée (les conseillers appellent jusqu'à 17 h), au plus tard le mardi 8 décembre",
        ),
        (
            LUNCH_BREAK,
            "entre 12h et 14h",
            "entre 12 h et 12 h 30 ou entre 13 h 30 et 14 h, au plus tard le mardi 8 décembre",
        ),
        (
            LUNCH_BREAK,
            "entre 12h45 et 13h15",
            "vers 12 h 30 ou vers 13 h 30 (les conseillers ne rappellent pas entre les deux), au plus tard le mardi 8 décembre",
        ),
        # No window: as before.
        (ALL_DAY, "le matin", "dans la matinée, au plus tard le mardi 8 décembre"),
    ],
)
def test_a_window_is_kept_as_said_within_opening_hours(hours, said, promised):
    assert hours.callback_promise(AT, said) == promised


@pytest.mark.parametrize("said", ["entre 2 et 3 jours", "de 3 à 5 fois par semaine", "le matin"])
def test_no_window_where_none_was_said(said):
    assert CallbackPreference.read(said).window is None
