"""Round 19 (r19b-15, r19a-14, r19a-02): how the words of a wish are read.

- "mardi midi": noon is the hour of the call (the case said "le mardi 8 décembre", the hour lost).
- "elle ouvre la boutique à 10h": the day starts then, the call is before (promised "vers 10 h"); "je finis à 16h": after.
- "le matin avant 7h je suis au fournil après": busy after 7 h, not all morning; no hour fits, said with the hours.
"""

from __future__ import annotations

from datetime import datetime, time, timezone

import pytest

from chamber import load_chamber
from chamber.hours import CallbackPreference

SATURDAY = datetime(2026, 12, 5, 14, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def chamber():
    return load_chamber()


@pytest.mark.parametrize(
    "words, at, promise",
    [
        ("jeudi midi", time(12, 0), "le jeudi 10 décembre, vers 12 h"),
        ("mercredi à midi svp", time(12, 0), "le mercredi 9 décembre, vers 12 h"),
        ("vers midi", time(12, 0), "vers 12 h, au plus tard le mardi 8 décembre"),
        ("lundi ce midi", time(12, 0), "le lundi 7 décembre, vers 12 h"),
        # near misses: noon as a part of the day, a limit, a window
        ("jeudi après-midi", None, "le jeudi 10 décembre, dans l'après-midi"),
        ("jeudi apres midi", None, "le jeudi 10 décembre, dans l'après-midi"),
        ("jeudi avant midi", None, "le jeudi 10 décembre, dans la matinée"),
        ("jeudi entre midi et deux", None, "le jeudi 10 décembre, entre 12 h et 14 h"),
        ("jeudi pendant la pause de midi", None, "le jeudi 10 décembre, entre 12 h et 14 h"),
    ],
)
def test_noon_said_is_the_hour_of_the_call(chamber, words, at, promise):
    assert CallbackPreference.read(words).at == at
    assert chamber.callback_promise(SATURDAY, words) == promise


@pytest.mark.parametrize(
    "words, not_before, not_after, promise",
    [
        ("le matin, il ouvre l'atelier à 9h30", None, time(9, 30), "avant 9 h 30, au plus tard le mardi 8 décembre"),
        ("je commence à 11h le mardi", None, time(11, 0), "le mardi 8 décembre, avant 11 h"),
        ("elle attaque le service à 10h", None, time(10, 0), "avant 10 h, au plus tard le mardi 8 décembre"),
        ("je finis le chantier vers 15h", time(15, 0), None, "à partir de 15 h, au plus tard le mardi 8 décembre"),
        ("l'après-midi, je ferme à 14h", time(14, 0), None, "à partir de 14 h, au plus tard le mardi 8 décembre"),
        # near misses: the hour itself is the moment of the call
        ("appelez à 10h", None, None, "vers 10 h, au plus tard le mardi 8 décembre"),
        ("mardi à 11h", None, None, "le mardi 8 décembre, vers 11 h"),
    ],
)
def test_an_hour_the_day_starts_or_ends_is_a_limit(chamber, words, not_before, not_after, promise):
    wish = CallbackPreference.read(words)
    assert (wish.not_before, wish.not_after) == (not_before, not_after)
    assert chamber.callback_promise(SATURDAY, words) == promise


@pytest.mark.parametrize(
    "words, told",
    [
        (
            "le matin avant 6h30 je suis au labo après",
            "Les conseillers ne peuvent pas vous appeler le matin avant 6 h 30 : ils appellent de 8 h à 17 h.",
        ),
        (
            "très tôt, avant 7h, j'ai les livraisons ensuite",
            "Les conseillers ne peuvent pas vous appeler avant 7 h : ils appellent de 8 h à 17 h.",
        ),
    ],
)
def test_a_time_before_the_opening_is_told_the_hours(chamber, words, told):
    out = chamber.opening_hours.wish_out_of_hours(SATURDAY, words)
    assert out is not None and out.startswith(told)


def test_busy_after_a_part_of_the_day_still_refuses_it():
    # "le matin je suis au marché": the morning refused, as before round 19.
    assert CallbackPreference.read("le matin je suis au marché").excluded_parts == ("morning",)
    assert CallbackPreference.read("le matin avant 7h je suis au marché").excluded_parts == ()
