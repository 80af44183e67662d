"""A weekday said with its day's number names that day (round 27, talk-a r27-a-11, D18).

The deadline was stored right, "un mois pour payer à compter du jeudi 26 novembre (d'ici le samedi 26 décembre)", but
its "jeudi" was read as the coming Thursday: the urgency reason said "(dans 4 jours)" and the case was haute for a date
20 days away. A weekday followed by a day's number ("jeudi 26 novembre", "vendredi 18") is that date, never the next
such weekday; a weekday alone still is.
"""

from __future__ import annotations

from datetime import date

import pytest

from triage import assess
from triage.dates import find_deadlines, find_past_dates
from triage.normalise import normalise

SUNDAY = date(2026, 12, 6)


def _ahead(words: str, today: date = SUNDAY) -> list[int]:
    return sorted(found.days for found in find_deadlines(normalise(words), today))


def _behind(words: str, today: date = SUNDAY) -> list[int]:
    return sorted(found.days for found in find_past_dates(normalise(words), today))


@pytest.mark.parametrize(
    "words, ahead, behind",
    [
        # The bot's own rendering of a delay counted from a date (the deadline slot), read again by the triage.
        ("un mois pour payer à compter du jeudi 26 novembre (d'ici le samedi 26 décembre)", [20], []),
        ("jeudi 26 novembre", [], [-10]),
        # The day a delay is counted from is neither: where it starts.
        ("à compter du jeudi 26 novembre", [], []),
        # SMS, no accents, the month left out.
        ("faut payer avant jeudi 31", [25], []),
        ("audience vendredi 18", [12], []),
        ("l audience c le vendredi 18 decembre", [12], []),
        ("date limite : mercredi 6 janvier", [31], []),
        # Formal voice: the date written out.
        ("Le règlement est exigé au plus tard le lundi 21 décembre 2026.", [15], []),
        # A letter received on a recent weekday with its date: a past date, no deadline to come.
        ("la lettre est arrivée jeudi 26", [], [-10]),
        # A slip in the weekday (9 December is a Wednesday): the 9th to come, read early rather than late.
        ("il repasse lundi 9", [3], []),
    ],
)
def test_a_weekday_with_its_number_is_that_date(words, ahead, behind):
    assert _ahead(words) == ahead and _behind(words) == behind


@pytest.mark.parametrize(
    "words, ahead",
    [
        # Near misses that must not change: a weekday alone, a weekday with a time or a count after it.
        ("vendredi", [5]),
        ("l'huissier revient jeudi", [4]),
        ("rdv lundi 14 heures", [1]),
        ("lundi 14h", [1]),
        ("le samedi 26 décembre", [20]),
        ("lundi 7 décembre", [1]),
    ],
)
def test_near_misses_keep_their_reading(words, ahead):
    assert _ahead(words) == ahead


@pytest.mark.parametrize(
    "today, deadline",
    [
        (SUNDAY, "un mois pour payer à compter du jeudi 26 novembre (d'ici le samedi 26 décembre)"),
        # The day the delay starts is today: no deadline today either.
        (date(2026, 12, 1), "20 jours à compter du mardi 1er décembre (d'ici le lundi 21 décembre)"),
        (date(2027, 1, 4), "un mois pour payer à compter du lundi 28 décembre (d'ici le jeudi 28 janvier)"),
    ],
)
def test_a_deadline_weeks_away_is_no_near_deadline(today, deadline):
    assessment = assess(["l'urssaf m'a envoyé une mise en demeure"], situation={"deadline": deadline}, today=today)
    assert assessment.urgency == "normale", assessment.reasons


def test_a_near_deadline_counted_from_a_date_is_still_near():
    deadline = "8 jours à compter du jeudi 3 décembre (d'ici le vendredi 11 décembre)"
    assessment = assess(["l'urssaf m'a envoyé une mise en demeure"], situation={"deadline": deadline}, today=SUNDAY)
    assert assessment.urgency == "haute" and "(dans 5 jours)" in " ".join(assessment.reasons["urgency"])
