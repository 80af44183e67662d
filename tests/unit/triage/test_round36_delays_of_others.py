"""Round 36 (make run): the delay someone close has ("elle a 15 jours", a wife's contrainte told by her husband) and the
delay a letter names ("le courrier parlait de 15 jours") are deadlines, as "j'ai 15 jours" was; days of something
("il a 15 jours d'arrêt") and how long a body says it takes are not. And a number after a weekday that is no day ("0 €")
never breaks the reader."""

from datetime import date

import pytest

from intake.facts import extract_facts
from triage.dates import find_deadlines
from triage.normalise import normalise

TODAY = date(2026, 12, 8)


def _days(said: str) -> list[int]:
    return [deadline.days for deadline in find_deadlines(normalise(said), TODAY)]


@pytest.mark.parametrize(
    "said, days",
    [
        ("il a dix jours pour régler, d'après la lettre", 10),
        ("elles ont encore trois semaines avant la vente", 21),
        ("vous avez 8 jours pour former opposition", 8),
        ("la lettre recommandée parlait de 12 jours", 12),
        ("le commandement indique d'ici 8 jours", 8),
    ],
)
def test_the_delay_someone_has_or_a_letter_names_is_a_deadline(said, days):
    assert days in _days(said)


@pytest.mark.parametrize(
    "said",
    [
        "il a 12 jours d'arrêt maladie",
        "on a trois semaines de congés en août",
        "il a 20 jours de retard sur le planning",
        "l'expert parle de 3 semaines pour passer",
    ],
)
def test_days_of_something_or_a_body_s_own_delay_are_no_deadline(said):
    assert _days(said) == []


def test_a_number_after_a_weekday_that_is_no_day_gives_no_date():
    # Day 0 raised ValueError, and the deadline question's reader with it; like any number that is no day ("lundi, 50
    # centimètres d'eau"), it gives no date, and the rest of the answer is read.
    facts = extract_facts(
        "la banque a tout bloqué samedi, 0 € sur le compte, le loyer à payer", TODAY, asked="deadline"
    )
    assert "deadline" not in facts
    assert facts["creditors"] == "banque, loyer"


def test_the_delay_someone_close_has_is_kept_at_the_deadline_question():
    facts = extract_facts("elle a 10 jours je pense, c'est écrit dessus", TODAY, asked="deadline")
    assert facts["deadline"] == "elle a 10 jours (d'ici le vendredi 18 décembre)"
