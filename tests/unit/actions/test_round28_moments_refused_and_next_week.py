"""Round 28 (talker a): a moment read as its opposite. r28-a-09 ("la semaine prochaine, pas avant" promised "dès que
possible, dans la journée", the day refused) and r28-a-22 ("pas ce soir, demain" promised "en fin de journée", and the
slot held « qu'on m'appelle mais pas ce soir, demain »). Real trackers, the real form validation and a real case store."""

from __future__ import annotations

import pytest

from actions.handoff_actions import moment_with_change_of_mind
from ops import clock
from tests.support.handoff_form import case_stored_with_moment

SENDER = "round28-moments"
WEDNESDAY = "2026-12-09T10:00:00+01:00"


@pytest.mark.parametrize(
    "moment, promised",
    [
        ("pas avant lundi prochain, la semaine prochaine quoi", "Rappel promis : le lundi 14 décembre"),
        ("plutôt la semaine prochaine", "Rappel promis : à partir du lundi 14 décembre"),
        ("pas cette semaine svp", "Rappel promis : à partir du lundi 14 décembre"),
        ("la semaine prochaine l'après-midi", "Rappel promis : à partir du lundi 14 décembre, dans l'après-midi"),
        ("jeudi la semaine prochaine", "Rappel promis : le jeudi 17 décembre"),
        ("pas ce soir, plutôt demain", "Rappel promis : le jeudi 10 décembre."),
        ("pas cet après-midi, demain", "Rappel promis : le jeudi 10 décembre."),
        # near misses: a moment said, not refused; this week is no next week
        ("demain soir", "Rappel promis : le jeudi 10 décembre, en fin de journée"),
        ("cette semaine si possible", "Rappel promis : dès que possible"),
    ],
)
def test_the_moment_refused_is_never_the_moment_promised(monkeypatch, moment, promised):
    monkeypatch.setenv(clock.ENV_VAR, WEDNESDAY)
    case = case_stored_with_moment(moment, SENDER)
    assert promised in case.summary
    if "pas c" in moment:
        assert "fin de journée" not in case.summary and "après-midi" not in case.summary.split("Rappel promis")[1]


@pytest.mark.parametrize(
    "words, moment",
    [
        ("je veux bien qu'on m'appelle mais pas ce matin, cet aprem", "pas ce matin, cet aprem"),
        ("j'aimerais bien qu'on me rappelle jeudi", "jeudi"),
        ("vous pourriez me rappeler vendredi ?", "vendredi"),
        ("oui appelez-moi demain matin", "demain matin"),
    ],
)
def test_the_request_is_no_part_of_the_moment_kept(words, moment):
    assert moment_with_change_of_mind({}, words) == {"callback_slot": moment}
