"""Round 18: a phone number typed with the letter O for a zero (r18a-09), and the lunch break said as such (r18a-10:
"à la pause de midi" was promised "dès que possible" with the words quoted back)."""

from datetime import datetime, time, timezone

import pytest

from actions import services
from actions.handoff import phones_in
from chamber.hours import CallbackPreference


@pytest.mark.parametrize(
    "typed, number",
    [
        ("07 45 12 33 2O", "+33745123320"),
        ("O7 45 12 33 20", "+33745123320"),
        ("07.45.O1.33.20", "+33745013320"),
    ],
)
def test_the_letter_o_beside_digits_is_a_zero(typed, number):
    assert phones_in(typed) == [number]


@pytest.mark.parametrize("typed", ["o 07 45 12 33 20", "ok 07 45 12 33 20", "07 45 12 33 20 ou"])
def test_an_o_in_a_word_or_alone_changes_nothing(typed):
    assert phones_in(typed) == ["+33745123320"]


@pytest.mark.parametrize(
    "said", ["ben à la pause du midi", "pendant ma pause déj", "à l'heure du déjeuner", "mardi à la pause de midi"]
)
def test_the_lunch_break_is_noon_to_two(said):
    assert CallbackPreference.read(said).window == (time(12), time(14))


def test_the_lunch_break_refused_is_a_window_refused():
    wish = CallbackPreference.read("n'importe quand sauf pendant la pause de midi")
    assert wish.window is None
    assert wish.excluded_window == (time(12), time(14))


def test_the_lunch_break_is_promised_as_hours():
    at = datetime(2026, 12, 7, 8, 0, tzinfo=timezone.utc)
    promise = services.chamber().opening_hours.callback_promise(at, "plutôt à la pause de midi")
    assert promise.startswith("entre 12 h et 14 h")
    assert CallbackPreference.read("le matin avant midi").window is None  # near miss: no lunch break said
