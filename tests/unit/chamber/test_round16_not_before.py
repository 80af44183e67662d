"""Round 16 (r16a-13, Martinique): "pas avant 10h chez moi" limits the call; read as a skip, it was stored "dès que
possible" and promised "entre 8 h et 12 h, heure locale". The wish says whether it limits anything, and the promise
keeps the limit in the artisan's clock."""

from __future__ import annotations

from datetime import datetime, time, timezone

import pytest

from chamber.hours import CallbackPreference, OpeningHours

SATURDAY = datetime(2026, 12, 5, 12, 18, tzinfo=timezone.utc)
HOURS = OpeningHours("Europe/Paris", frozenset(range(5)), ((time(8), time(17)),), frozenset(), 60)


@pytest.mark.parametrize(
    "words",
    ["pas avant 10h chez moi", "pas avant 10h", "à partir de 9h30", "le matin", "pas le lundi", "mardi", "après 14h"],
)
def test_a_moment_that_limits_the_call(words):
    assert CallbackPreference.read(words).limits()


@pytest.mark.parametrize("words", ["dès que possible", "quand vous voulez", "le plus vite possible", "maintenant", ""])
def test_words_that_limit_nothing(words):
    assert not CallbackPreference.read(words).limits()


@pytest.mark.parametrize(
    "departement, words, promised",
    [
        ("972", "pas avant 10h chez moi", "à partir de 10 h, heure locale"),
        ("971", "pas avant 9h chez moi", "à partir de 9 h, heure locale"),
        ("29", "pas avant 10h", "à partir de 10 h"),
    ],
)
def test_the_promise_keeps_a_not_before_limit(departement, words, promised):
    promise = HOURS.callback_promise(SATURDAY, words, "normale", departement)
    assert promise.startswith(promised), promise
