"""Round 14 of off-script conversations: "le matin ou l'aprem, l'aprem c'est mieux" (two moments offered, then the one
preferred) was promised the morning, the first said. A preference stated after moments is a correction like "ah non
en fait l'aprem": read by the same mechanism (``_CORRECTION``, ``corrected_by``), whether it opens its moment ("de
préférence l'aprem") or follows it ("l'aprem c'est mieux", "mardi plutôt")."""

from __future__ import annotations

import dataclasses
from datetime import datetime, time, timezone

import pytest

from chamber.hours import _DAY_FIELDS, _TIME_FIELDS, CallbackPreference, OpeningHours

SATURDAY = datetime(2026, 12, 5, 10, 0, tzinfo=timezone.utc)  # 11 h in Paris: closed until Monday 8 h
HOURS = OpeningHours("Europe/Paris", frozenset(range(5)), ((time(8), time(17)),), frozenset(), 60)
BY_TUESDAY = "au plus tard le mardi 8 décembre"
MORNING = f"dans la matinée, {BY_TUESDAY}"
AFTERNOON = f"dans l'après-midi, {BY_TUESDAY}"
EVENING = f"en fin de journée (les conseillers appellent jusqu'à 17 h), {BY_TUESDAY}"


@pytest.mark.parametrize(
    "said, promised",
    [
        ("le matin ou l'aprem, l'aprem c'est mieux", AFTERNOON),
        ("matin ou aprem l'aprem c mieux", AFTERNOON),
        ("le matin ou l'apres midi, de preference l'apres midi", AFTERNOON),
        ("matin ou aprem, aprem de preference", AFTERNOON),
        ("l'aprem ou le matin... le matin ca m'arrange mieux", MORNING),
        ("le matin ou l'aprem, l'aprem je prefere", AFTERNOON),
        ("le matin ou l'aprem mais idealement l'aprem", AFTERNOON),
        ("le matin ou l'aprem, l'aprem plutot", AFTERNOON),
        ("Le matin ou l'après-midi, l'après-midi si possible", AFTERNOON),
        ("lundi ou mardi, mardi ca m'arrange", "le mardi 8 décembre"),
        ("lundi matin ou mardi aprem, mardi aprem c'est mieux", "le mardi 8 décembre, dans l'après-midi"),
        ("lundi matin, mardi aprem en fait", "le mardi 8 décembre, dans l'après-midi"),
        # A moment offered then refused: the other one.
        ("le matin ou l'aprem, surtout pas le matin", AFTERNOON),
        ("le matin ca m'arrange pas", AFTERNOON),
    ],
)
def test_the_moment_preferred_wins(said, promised):
    assert HOURS.callback_promise(SATURDAY, said) == promised


@pytest.mark.parametrize(
    "said, promised",
    [
        # No preference stated, a comparison, a preference for the first, a preference denied: as before.
        ("le matin ou l'aprem", MORNING),
        ("le matin c'est mieux que l'aprem", MORNING),
        ("l'aprem c'est mieux que le matin", AFTERNOON),
        ("le matin de preference, sinon l'aprem", MORNING),
        ("le soir si possible sinon le matin", EVENING),
        ("le matin ou l'aprem, l'aprem c'est pas mieux", MORNING),
        ("matin ou aprem c'est pareil", MORNING),
        ("plutot le matin, pas avant 10h", f"entre 10 h et 12 h, {BY_TUESDAY}"),
        # The corrections of round 13, unchanged.
        ("le soir, tout compte fait le matin c'est mieux", MORNING),
        ("lundi matin, ah non plutôt mardi", "le mardi 8 décembre, dans la matinée"),
    ],
)
def test_the_first_moment_is_kept_when_nothing_is_preferred_over_it(said, promised):
    assert HOURS.callback_promise(SATURDAY, said) == promised


def test_every_field_of_a_wish_is_read_by_corrections():
    """A field added to the wish is named in the time or the day fields, which corrections go over (round 14: they were
    spelt out three times)."""
    # The days refused: read together by corrections (refused_weekdays, round 20).
    named = {*_TIME_FIELDS, *_DAY_FIELDS, "excluded_weekday", "other_excluded_weekdays"}
    assert {field.name for field in dataclasses.fields(CallbackPreference)} == named
    assert len(named) == len(_TIME_FIELDS) + len(_DAY_FIELDS) + 2


@pytest.mark.parametrize(
    "said, expected",
    [
        ("tout de suite. ah non en fait demain matin", CallbackPreference(part="morning", days_ahead=1)),
        ("demain matin, ah non en fait maintenant", CallbackPreference(part="morning", days_ahead=1, now=True)),
        (
            "apres 15h, ah non en fait le matin",
            CallbackPreference(part="morning"),
        ),
        (
            "pas avant 10h le matin. ah non en fait pas avant 11h",
            CallbackPreference(part="morning", not_before=time(11), strict=True),
        ),
    ],
)
def test_a_correction_replaces_what_it_says_and_keeps_the_rest(said, expected):
    assert CallbackPreference.read(said) == expected
