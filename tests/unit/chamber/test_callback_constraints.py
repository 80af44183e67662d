"""A "not" said about the moment of the call is a constraint, and overseas the wish is read in the artisan's own clock
(round 12 of off-script conversations: "pas entre 12h et 14h il est a la maison" was promised "entre 12 h et 14 h";
"pas avant 10h" was promised "le lundi 7 décembre à 8 h"; "lundi mais pas avant 10h" lost its 10 h; "le soir après
18h" in Martinique and "l'après-midi" in Guadeloupe were confirmed with hours that are night or morning there)."""

from __future__ import annotations

from datetime import datetime, time, timezone

import pytest

from chamber.hours import CallbackPreference, OpeningHours

SATURDAY = datetime(2026, 12, 5, 10, 0, tzinfo=timezone.utc)  # 11 h in Paris: closed until Monday 8 h
MONDAY = datetime(2026, 12, 7, 9, 0, tzinfo=timezone.utc)  # 10 h in Paris: open
HOURS = OpeningHours("Europe/Paris", frozenset(range(5)), ((time(8), time(17)),), frozenset(), 60)


@pytest.mark.parametrize(
    "said",
    ["pas avant 10h svp", "pas avant 10 h", "PAS AVANT 10H", "a partir de 10h", "à partir de 10 heures", "dès 10h"],
)
@pytest.mark.parametrize(
    "urgency, promised",
    [
        (None, "à partir de 10 h, au plus tard le mardi 8 décembre"),
        ("haute", "à partir de 10 h, au plus tard le lundi 7 décembre"),
        ("critique", "en priorité, le lundi 7 décembre à partir de 10 h"),
    ],
)
def test_not_before_an_hour_is_never_promised_earlier(said, urgency, promised):
    assert HOURS.callback_promise(SATURDAY, said, urgency) == promised


@pytest.mark.parametrize(
    "said",
    [
        "mais pas entre 12h et 14h il est a la maison",
        "pas entre midi et deux",
        "sauf entre 12 et 14h",
        "pas de 12h a 14h svp",
        "jamais entre 12h et 14h",
    ],
)
def test_a_window_refused_is_never_the_window_promised(said):
    for urgency in (None, "haute", "normale"):
        promise = HOURS.callback_promise(SATURDAY, said, urgency)
        assert promise.startswith("en dehors de 12 h - 14 h, au plus tard le ")
        assert "entre 12 h et 14 h" not in promise
    critical = HOURS.callback_promise(SATURDAY, said, "critique")
    assert critical == "en priorité dès la réouverture, le lundi 7 décembre à 8 h, en dehors de 12 h - 14 h"


@pytest.mark.parametrize(
    "said, promised",
    [
        ("lundi mais pas avant 10h", "le lundi 7 décembre, à partir de 10 h"),
        ("lundi pas avant 10h30", "le lundi 7 décembre, à partir de 10 h 30"),
        ("mardi, pas entre 12h et 14h", "le mardi 8 décembre, en dehors de 12 h - 14 h"),
        ("sauf le matin", "dans l'après-midi, au plus tard le mardi 8 décembre"),
        ("n'importe quand sauf l'aprem", "dans la matinée, au plus tard le mardi 8 décembre"),
        ("pas apres 15h", "avant 15 h, au plus tard le mardi 8 décembre"),
        ("jusqu'à 11h", "avant 11 h, au plus tard le mardi 8 décembre"),
        (
            "pas avant 10h et pas entre 12h et 14h",
            "à partir de 10 h, en dehors de 12 h - 14 h, au plus tard le mardi 8 décembre",
        ),
        # Beyond the hours: the nearest moment, and why, said plainly.
        (
            "pas avant 18h",
            "entre 16 h et 17 h (les conseillers ne peuvent pas vous appeler le soir : ils appellent jusqu'à 17 h), "
            "au plus tard le mardi 8 décembre",
        ),
    ],
)
def test_constraints_said_with_a_day_or_a_part_are_kept(said, promised):
    assert HOURS.callback_promise(SATURDAY, said) == promised


@pytest.mark.parametrize("said", ["lundi mais pas avant 10h", "pas avant 10h", "pas entre 12h et 14h"])
@pytest.mark.parametrize("urgency", [None, "haute", "critique"])
def test_the_hour_excluded_is_never_the_hour_promised(said, urgency):
    promise = HOURS.callback_promise(SATURDAY, said, urgency)
    assert "à 8 h" not in promise or "en dehors de 12 h - 14 h" in promise
    assert "entre 12 h et 14 h" not in promise


@pytest.mark.parametrize(
    "said, window, not_before, strict",
    [
        ("pas entre 12h et 14h", None, None, True),
        ("entre 12h et 14h", (time(12), time(14)), None, False),
        ("après 18h", None, time(18), False),
        ("pas avant 10h", None, time(10), True),
        ("l'après-midi", None, None, False),
        ("ne me rappelez pas avant lundi", None, None, False),
    ],
)
def test_what_is_read_from_the_words(said, window, not_before, strict):
    wish = CallbackPreference.read(said)
    assert (wish.window, wish.not_before, wish.strict) == (window, not_before, strict)


# --- overseas: the wish in the artisan's clock, never at night there --------------------------------------------


@pytest.mark.parametrize(
    "departement, said, promised",
    [
        # La Réunion is 3 h ahead in December: 18 h there is 15 h in Paris, within the hours.
        ("974", "le soir apres 18h", "à partir de 18 h, heure locale, au plus tard le mardi 8 décembre"),
        ("974", "plutot le soir", "à partir de 17 h, heure locale, au plus tard le mardi 8 décembre"),
        ("976", "le soir après 18h", "à partir de 18 h, heure locale, au plus tard le mardi 8 décembre"),
        # Martinique and Guadeloupe are 5 h behind: calls end at 12 h there; the nearest moment, said so.
        (
            "972",
            "le soir apres 18h",
            "entre 11 h et 12 h, heure locale (les conseillers ne peuvent pas vous appeler le soir : chez vous, ils "
            "appellent jusqu'à 12 h), au plus tard le mardi 8 décembre",
        ),
        (
            "971",
            "plutôt l'après-midi",
            "entre 11 h et 12 h, heure locale (les conseillers ne peuvent pas vous appeler l'après-midi : chez vous, "
            "ils appellent jusqu'à 12 h), au plus tard le mardi 8 décembre",
        ),
        # Never at night there: 8 h in Paris is 3 h in Guadeloupe, 4 h in Guyane.
        ("971", "dès que possible", "entre 8 h et 12 h, heure locale, au plus tard le mardi 8 décembre"),
        ("973", "des que possible", "entre 8 h et 13 h, heure locale, au plus tard le mardi 8 décembre"),
        ("971", "pas avant 10h", "à partir de 10 h, heure locale, au plus tard le mardi 8 décembre"),
        ("972", "lundi mais pas avant 10h", "le lundi 7 décembre, à partir de 10 h, heure locale"),
        # The Pacific lives on another day: as before, in the chamber's clock.
        ("988", "pas avant 10h", "à partir de 10 h, au plus tard le mardi 8 décembre"),
        (
            "59",
            "le soir apres 18h",
            "en fin de journée (les conseillers appellent jusqu'à 17 h), au plus tard le mardi 8 décembre",
        ),
    ],
)
def test_overseas_the_wish_is_read_in_the_artisans_time(departement, said, promised):
    assert HOURS.callback_promise(SATURDAY, said, None, departement) == promised


@pytest.mark.parametrize("departement", ["971", "972", "973"])
@pytest.mark.parametrize("said", [None, "dès que possible", "maintenant", "pas entre 12h et 14h"])
def test_a_critical_case_overseas_is_never_called_at_night(departement, said):
    promise = HOURS.callback_promise(SATURDAY, said, "critique", departement)
    assert promise.startswith("en priorité, le lundi 7 décembre à partir de 8 h, heure locale")
    for night in ("à 2 h", "à 3 h", "à 4 h"):
        assert night not in promise


def test_the_hours_for_a_call_overseas_leave_out_the_night():
    assert HOURS.text_for("971", MONDAY, calls=True) == (
        "du lundi au vendredi, de 8 h à 17 h, heure de Paris (appels de 8 h à 12 h chez vous)"
    )
    assert HOURS.text_for("974", MONDAY, calls=True) == (
        "du lundi au vendredi, de 8 h à 17 h, heure de Paris (de 11 h à 20 h chez vous)"
    )


# --- "maintenant" while the line is closed ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "departement, said",
    [
        (None, "Les conseillers ne sont pas disponibles en ce moment : ils reprennent le lundi 7 décembre à 8 h."),
        ("62", "Les conseillers ne sont pas disponibles en ce moment : ils reprennent le lundi 7 décembre à 8 h."),
        (
            "974",
            "Les conseillers ne sont pas disponibles en ce moment : ils reprennent le lundi 7 décembre à 11 h, heure locale.",
        ),
        (
            "971",
            "Les conseillers ne sont pas disponibles en ce moment : ils reprennent le lundi 7 décembre à partir de 8 h, heure locale.",
        ),
    ],
)
def test_when_advisors_are_next_available_is_one_sentence(departement, said):
    assert HOURS.closed_now_text(SATURDAY, departement) == said
    assert HOURS.closed_now_text(MONDAY, departement) is None


@pytest.mark.parametrize("said", ["maintenant", "tout de suite", "tt de suite svp", "immédiatement"])
def test_now_while_closed_is_promised_from_the_reopening(said):
    assert HOURS.callback_promise(SATURDAY, said) == (
        "dès la réouverture (le lundi 7 décembre à 8 h), au plus tard le mardi 8 décembre"
    )
    assert HOURS.callback_promise(MONDAY, said) == "dès que possible, au plus tard le mercredi 9 décembre"
