"""Round 21 (z.md M4): a date said four weeks ahead stays `normale` (the contract), but the advisor never reads "sans
échéance proche signalée" when a date was given."""

from __future__ import annotations

from datetime import date

from triage import assess

TODAY = date(2026, 12, 6)


def test_a_date_further_ahead_is_named_in_the_reason() -> None:
    assessment = assess(["la banque me coupe le découvert de 15000 le 31 décembre"], today=TODAY)
    assert assessment.urgency == "normale"
    assert assessment.reasons["urgency"] == ["difficulté décrite, échéance signalée mais pas dans les prochains jours"]


def test_a_deadline_answer_further_ahead_is_named_too() -> None:
    assessment = assess(["la banque m'a coupé le découvert"], situation={"deadline": "le 3 janvier"}, today=TODAY)
    assert assessment.reasons["urgency"] == ["difficulté décrite, échéance signalée mais pas dans les prochains jours"]


def test_no_date_keeps_the_usual_reason() -> None:
    assessment = assess(["la banque m'a coupé le découvert"], today=TODAY)
    assert assessment.reasons["urgency"] == ["difficulté décrite, sans échéance proche signalée"]
