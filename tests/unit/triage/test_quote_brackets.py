"""A quoted reason never leaves a bracket open (round 36, make run: the urgency's reason for the deadline kept by the bot,
"demain (mercredi 9 décembre)", was quoted "« demain (mercredi 9 décembre »")."""

from datetime import date

import pytest

from triage.engine import assess
from triage.normalise import split_clauses


def test_the_deadline_kept_by_the_bot_is_quoted_whole():
    assessment = assess(
        ["le commissaire de justice vient après-demain pour la saisie"],
        situation={"deadline": "après-demain (jeudi 10 décembre)"},
        today=date(2026, 12, 8),
    )
    assert "échéance « après-demain (jeudi 10 décembre) » (dans 2 jours)" in assessment.reasons["urgency"]


@pytest.mark.parametrize(
    "said, start, end, quoted",
    [
        ("la relance (la deuxième)", 0, 22, "la relance (la deuxième)"),
        ("la relance (la deuxième) est arrivée", 0, 10, "la relance (la deuxième) est arrivée"),
        ("je paie (enfin j'essaie", 0, 22, "je paie (enfin j'essaie"),  # no closing bracket written: none invented
    ],
)
def test_a_quote_closes_the_bracket_its_words_opened(said, start, end, quoted):
    assert split_clauses(said)[0].quote(start, end) == quoted
