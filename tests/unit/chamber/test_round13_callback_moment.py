"""Round 13 of off-script conversations: a correction inside the answer about the moment of the call, and a moment no
opening hour fits.

r13a-01: "le matin mais pas avant 10h je suis sur le chantier. ah non en fait l'aprem c'est mieux" was confirmed
"entre 10 h et 12 h": the last moment said wins. r13a-07: "l'apres midi apres 14h heure d'ici" in Martinique was
confirmed "entre 11 h et 12 h, heure locale", an hour the artisan had ruled out: the chamber says which hours it can
call and asks for another moment."""

from __future__ import annotations

from datetime import datetime, time, timezone

import pytest

from chamber.hours import CallbackPreference, OpeningHours

SATURDAY = datetime(2026, 12, 5, 10, 0, tzinfo=timezone.utc)  # 11 h in Paris: closed until Monday 8 h
HOURS = OpeningHours("Europe/Paris", frozenset(range(5)), ((time(8), time(17)),), frozenset(), 60)
LUNCH = OpeningHours("Europe/Paris", frozenset(range(5)), ((time(9), time(12)), (time(14), time(17))), frozenset(), 60)
BY_TUESDAY = "au plus tard le mardi 8 décembre"


@pytest.mark.parametrize(
    "said, promised",
    [
        (
            "le matin mais pas avant 10h je suis sur le chantier ; ah non en fait l'aprem c'est mieux",
            f"dans l'après-midi, {BY_TUESDAY}",
        ),
        ("le matin, finalement l'après-midi", f"dans l'après-midi, {BY_TUESDAY}"),
        ("plutôt le matin... euh non en fait l'après midi", f"dans l'après-midi, {BY_TUESDAY}"),
        ("l'aprem, enfin non le matin", f"dans la matinée, {BY_TUESDAY}"),
        ("après 15h, ah non en fait le matin", f"dans la matinée, {BY_TUESDAY}"),
        ("vers 10h, non pardon vers 15h", f"vers 15 h, {BY_TUESDAY}"),  # the hour asked, not the afternoon (round 14)
        ("le soir, tout compte fait le matin c'est mieux", f"dans la matinée, {BY_TUESDAY}"),
        ("l'après-midi. Au final le matin", f"dans la matinée, {BY_TUESDAY}"),
        # The day: replaced when the correction says one, kept when it does not.
        ("lundi matin, ah non plutôt mardi", "le mardi 8 décembre, dans la matinée"),
        ("mardi le matin, ah non en fait l'après-midi", "le mardi 8 décembre, dans l'après-midi"),
        ("lundi, finalement mercredi", "le mercredi 9 décembre"),
        # The part of the day not corrected is kept, the limit replaced.
        ("pas avant 10h le matin. ah non en fait pas avant 11h", f"entre 11 h et 12 h, {BY_TUESDAY}"),
    ],
)
def test_the_last_moment_said_wins(said, promised):
    assert HOURS.callback_promise(SATURDAY, said) == promised


@pytest.mark.parametrize(
    "said, promised",
    [
        # "plutôt" refining the same moment, or comparing: nothing is lost.
        ("plutôt le matin", f"dans la matinée, {BY_TUESDAY}"),
        ("le matin plutôt après 10h", f"entre 10 h et 12 h, {BY_TUESDAY}"),
        ("lundi plutôt l'après-midi", "le lundi 7 décembre, dans l'après-midi"),
        ("le soir plutôt que le matin", f"en fin de journée (les conseillers appellent jusqu'à 17 h), {BY_TUESDAY}"),
        ("le matin plutôt que l'après-midi", f"dans la matinée, {BY_TUESDAY}"),
        ("pas le matin, plutôt l'aprem", f"dans l'après-midi, {BY_TUESDAY}"),
        # No correction: as before.
        ("le matin mais pas avant 10h je suis sur le chantier", f"entre 10 h et 12 h, {BY_TUESDAY}"),
        ("le matin avant 11 heures, l'après-midi je suis au magasin", f"avant 11 h, {BY_TUESDAY}"),
        ("lundi mais pas avant 10h", "le lundi 7 décembre, à partir de 10 h"),
    ],
)
def test_words_that_correct_nothing_read_as_before(said, promised):
    assert HOURS.callback_promise(SATURDAY, said) == promised


@pytest.mark.parametrize(
    "said, part, weekday",
    [
        ("le matin ah non l'aprem", "afternoon", None),
        ("mardi, ah non je me suis trompé, jeudi", None, 3),
        ("jeudi le matin, je voulais dire l'après-midi", "afternoon", 3),
        ("l'après-midi, oh non le soir", "evening", None),
    ],
)
def test_what_is_read_from_a_correction(said, part, weekday):
    wish = CallbackPreference.read(said)
    assert (wish.part, wish.weekday) == (part, weekday)


# --- a moment no opening hour fits: said, and another asked for ------------------------------------------------


@pytest.mark.parametrize(
    "departement, said, asked",
    [
        (
            "972",
            "l'apres midi apres 14h heure d'ici",
            "Les conseillers ne peuvent pas vous appeler l'après-midi après 14 h : chez vous, ils appellent de 8 h à "
            "12 h. À quel autre moment peuvent-ils vous joindre ?",
        ),
        (
            "971",
            "après 15h chez moi",
            "Les conseillers ne peuvent pas vous appeler l'après-midi après 15 h : chez vous, ils appellent de 8 h à "
            "12 h. À quel autre moment peuvent-ils vous joindre ?",
        ),
        (
            "971",
            "plutôt l'après-midi",
            "Les conseillers ne peuvent pas vous appeler l'après-midi : chez vous, ils appellent de 8 h à 12 h. "
            "À quel autre moment peuvent-ils vous joindre ?",
        ),
        (
            "972",
            "le soir apres 18h",
            "Les conseillers ne peuvent pas vous appeler le soir après 18 h : chez vous, ils appellent de 8 h à 12 h. "
            "À quel autre moment peuvent-ils vous joindre ?",
        ),
        (
            None,
            "pas avant 18h",
            "Les conseillers ne peuvent pas vous appeler le soir après 18 h : ils appellent de 8 h à 17 h. "
            "À quel autre moment peuvent-ils vous joindre ?",
        ),
        (
            "40",
            "le matin avant 7h",
            "Les conseillers ne peuvent pas vous appeler le matin avant 7 h : ils appellent de 8 h à 17 h. "
            "À quel autre moment peuvent-ils vous joindre ?",
        ),
    ],
)
def test_a_moment_no_hour_fits_is_said_and_another_asked(departement, said, asked):
    assert HOURS.wish_out_of_hours(SATURDAY, said, departement) == asked


@pytest.mark.parametrize(
    "departement, said",
    [
        ("972", "le matin"),
        ("972", "vers 11h heure d'ici"),
        ("972", "pas avant 10h"),
        ("972", "dès que possible"),
        ("972", "l'après-midi... ah non en fait le matin"),
        ("974", "le soir apres 18h"),  # 18 h at La Réunion is 15 h in Paris
        ("988", "après 14h"),  # the Pacific: another day, hours not converted
        (None, "après 14h"),
        (None, "lundi"),
        (None, "samedi"),
        (None, None),
        (None, ""),
        (None, "sauf le matin"),
        (None, "pas entre 12h et 14h"),
    ],
)
def test_a_moment_some_hour_fits_asks_nothing(departement, said):
    assert HOURS.wish_out_of_hours(SATURDAY, said, departement) is None


def test_between_two_opening_slots_is_said_with_both():
    assert LUNCH.wish_out_of_hours(SATURDAY, "entre 12h15 et 13h30") == (
        "Les conseillers ne peuvent pas vous appeler entre 12 h 15 et 13 h 30 : ils appellent de 9 h à 12 h et de "
        "14 h à 17 h. À quel autre moment peuvent-ils vous joindre ?"
    )
    assert LUNCH.wish_out_of_hours(SATURDAY, "entre midi et deux mais pas avant 13h") is not None
