"""Round 14 (r14a-01, r14a-07, r14a-15, r14b-15, r14b-19, B11): the promised moment contradicted the one asked.

"vendredi entre 8h et 8h30" was promised "entre 8 h et 17 h" (the window's end read as 20 h 30); "mardi 17h30", after
the 17 h closing, was promised as the day with no time and no word that it could not be; "jeudi 16h45 alors" and "lundi
mais pas avant 12h30" lost their time; "l'après-midi après 14h" was promised the whole afternoon. The moment asked is
promised as asked when the opening hours (from the chamber's configuration) allow it, said plainly when they do not,
and never as a wider window than asked."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from chamber.config import load_chamber
from chamber.hours import CallbackPreference

THURSDAY = datetime(2026, 12, 3, 9, 0, tzinfo=timezone.utc)  # 10 h in Paris, open
HOURS = load_chamber().opening_hours  # the default chamber: Monday to Friday, 8 h to 17 h
LUNCH = load_chamber("cma-exemple-nord").opening_hours  # 9 h to 12 h 30 and 13 h 30 to 17 h
BY_MONDAY = "au plus tard le lundi 7 décembre"


@pytest.mark.parametrize(
    "said, promised",
    [
        # A window ending in the same hour as it starts: half an hour, not twelve and a half.
        (
            "rappelez moi slt vendredi entre 8h et 8h30 avant d'ouvrir le garage",
            "le vendredi 4 décembre, entre 8 h et 8 h 30",
        ),
        ("de 9h a 9h45 svp", f"entre 9 h et 9 h 45, {BY_MONDAY}"),
        ("entre 11h et 2h", f"entre 11 h et 14 h, {BY_MONDAY}"),  # still two in the afternoon
        # An hour said alone is the hour promised when the advisors call then.
        ("jeudi 16h45 alors", "le jeudi 10 décembre, vers 16 h 45"),
        ("mardi a 9h30 si ca vous va", "le mardi 8 décembre, vers 9 h 30"),
        ("16h15", f"vers 16 h 15, {BY_MONDAY}"),
        ("lundi vers 14 h 30 c bien", "le lundi 7 décembre, vers 14 h 30"),
        # A limit said as a wish, that the hours allow: as said, never the whole part of the day.
        ("lundi mais pas avant 12h30 jsuis sur chantier le matin", "le lundi 7 décembre, à partir de 12 h 30"),
        (
            "l'après midi après 14h, le matin c'est le rush au magasin. mais pas le mercredi c'est ma fermeture",
            f"à partir de 14 h sauf le mercredi, {BY_MONDAY}",
        ),
        ("le matin avant 10h svp", f"avant 10 h, {BY_MONDAY}"),
        # Near misses, as before: a part of the day alone, a day alone, a limit out of hours.
        ("plutot l'aprem", f"dans l'après-midi, {BY_MONDAY}"),
        ("lundi", "le lundi 7 décembre"),
        ("le soir apres 18h", f"en fin de journée (les conseillers appellent jusqu'à 17 h), {BY_MONDAY}"),
    ],
)
def test_the_moment_asked_is_the_moment_promised(said, promised):
    assert HOURS.callback_promise(THURSDAY, said) == promised


@pytest.mark.parametrize(
    "said, moment",
    [
        ("lundi a 17h30 apres le chantier", "à 17 h 30"),
        ("mardi 17h30", "à 17 h 30"),
        ("à 17h pile", "à 17 h"),  # the closing hour itself: no advisor calls then
        ("vers 7h avant d'attaquer", "à 7 h"),
        ("jeudi 18h", "le soir"),  # as before (round 13)
    ],
)
def test_an_hour_out_of_the_opening_hours_is_said_and_another_asked(said, moment):
    out = HOURS.wish_out_of_hours(THURSDAY, said)
    assert out == (
        f"Les conseillers ne peuvent pas vous appeler {moment}{' à 18 h' if moment == 'le soir' else ''} : ils "
        "appellent de 8 h à 17 h. À quel autre moment peuvent-ils vous joindre ?"
    )
    # Said again, the promise gives the nearest hour and why, never the day alone.
    promise = HOURS.callback_promise(THURSDAY, said)
    assert "entre 16 h et 17 h" in promise or "entre 8 h et 9 h" in promise
    assert "ne peuvent pas vous appeler" in promise


@pytest.mark.parametrize("said", ["jeudi 16h45 alors", "de 8h a 8h30", "lundi mais pas avant 12h30", "le matin", ""])
def test_a_moment_the_hours_allow_is_no_out_of_hours_wish(said):
    assert HOURS.wish_out_of_hours(THURSDAY, said) is None


def test_an_hour_in_the_lunch_break_of_the_configured_hours_is_said_so():
    assert LUNCH.wish_out_of_hours(THURSDAY, "mardi 13h") == (
        "Les conseillers ne peuvent pas vous appeler à 13 h : ils appellent de 9 h à 12 h 30 et de 13 h 30 à 17 h. "
        "À quel autre moment peuvent-ils vous joindre ?"
    )
    assert LUNCH.callback_promise(THURSDAY, "mardi 14h15") == "le mardi 8 décembre, vers 14 h 15"


@pytest.mark.parametrize(
    "said, at",
    [
        ("mardi 17h30", (17, 30)),
        ("lundi a 17h30 apres le chantier", (17, 30)),
        ("et à 16 h 45 c'est possible", (16, 45)),
        ("vers 11h après le marché", (11, 0)),
        # Hours that are limits, windows, refusals or lengths of time: no hour asked.
        ("pas avant 12h30", None),
        ("apres 14h", None),
        ("entre 8h et 8h30", None),
        ("pas à 13h svp", None),
        ("dans 2h", None),
        ("je suis dispo pendant 1h", None),
        ("jusqu'à 16h", None),
        ("le matin", None),
    ],
)
def test_an_hour_said_as_the_moment_is_read_as_such(said, at):
    read = CallbackPreference.read(said).at
    assert ((read.hour, read.minute) if read else None) == at


@pytest.mark.parametrize(
    "said, part",
    [
        ("jsuis sur chantier le matin", None),
        ("je bosse l'aprem, le matin ca va", "morning"),
        ("j'ai les clientes le matin donc plutot apres 14h", "afternoon"),
        ("je suis pas dispo le matin", None),
        # Near misses: available then, as before.
        ("je suis dispo le matin", "morning"),
        ("j'ai le temps l'après-midi", "afternoon"),
        ("je suis joignable le matin", "morning"),
    ],
)
def test_a_part_of_the_day_said_after_what_keeps_the_artisan_busy_is_no_wish(said, part):
    assert CallbackPreference.read(said).part == part


def test_an_hour_overseas_before_the_calls_there_is_said_with_the_hour():
    # A14 (r14a-06): "mercredi à 9h heure de la Réunion" was promised "avant 12 h, heure locale" without saying 9 h could
    # not be; the hour is said, with the hours there.
    said = "mercredi à 9h heure de la Réunion"
    assert HOURS.wish_out_of_hours(THURSDAY, said, "974") == (
        "Les conseillers ne peuvent pas vous appeler le matin à 9 h : chez vous, ils appellent de 11 h à 20 h. "
        "À quel autre moment peuvent-ils vous joindre ?"
    )
    assert HOURS.callback_promise(THURSDAY, said, None, "974") == (
        "le mercredi 9 décembre, entre 11 h et 12 h, heure locale (les conseillers ne peuvent pas vous appeler le matin "
        "à 9 h : chez vous, ils appellent à partir de 11 h)"
    )
