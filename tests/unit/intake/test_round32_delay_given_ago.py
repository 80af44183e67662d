"""Round 32 (make run, r32-b): "euh ils m'ont donné 30 jours pour répondre, c'était il y a 2 semaines" at the deadline
question was stored as "m ont donne 30 jours (d'ici le mercredi 6 janvier)": the advisor read folded words, and a
date counted from today when the delay had been given two weeks before. A delay someone gave runs from the day they
gave it; the words shown are the artisan's. A delay counted from today ("dans", "il me reste") is not moved."""

from __future__ import annotations

from datetime import date

import pytest

from intake.facts import extract_facts

TODAY = date(2026, 12, 7)  # a Monday


@pytest.mark.parametrize(
    "said, deadline",
    [
        (
            "bah le fisc m'a donné 20 jours pour répondre, c'était il y a une semaine",
            "m'a donné 20 jours, il y a une semaine (d'ici le dimanche 20 décembre)",
        ),
        (
            "ils me laissent 15 jours pour régulariser, ça fait dix jours",
            "me laissent 15 jours, ça fait dix jours (d'ici le samedi 12 décembre)",
        ),
        (
            "j'ai 8 jours pour payer, y a 3 semaines de ça",
            "j'ai 8 jours, y a 3 semaines (d'ici le mardi 24 novembre, date passée)",
        ),
        ("On m'a donné 30 jours pour répondre", "On m'a donné 30 jours (d'ici le mercredi 6 janvier)"),
        # Counted from today, whatever happened some days ago.
        (
            "l'audience est dans 3 semaines, l'avocat m'a appelé il y a 10 jours",
            "dans 3 semaines (d'ici le lundi 28 décembre)",
        ),
        (
            "il me reste 10 jours, le courrier date d'il y a une semaine",
            "il me reste 10 jours (d'ici le jeudi 17 décembre)",
        ),
    ],
)
def test_a_delay_given_some_days_ago_runs_from_that_day_in_the_artisans_words(said, deadline):
    assert extract_facts(said, TODAY, asked="deadline").get("deadline") == deadline
