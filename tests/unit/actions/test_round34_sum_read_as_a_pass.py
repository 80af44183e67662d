"""Round 34 (make run, r34-o): "euh je sais plus exactement, 800 ou 900 euros je crois" at the deadline question was read
as a pass (skip_question, 0.91): "Échéance : non précisé", and the sum, the one thing said, lost. A sum said with a
doubt, or as a range, goes to the creditors as said, whatever the classifier read; a doubt alone still passes."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import SKIPPED
from actions.intake_actions import ValidateSituationForm
from intake.shapes import amount_alone
from tests.support.trackers import bot, tracker, user


def _passed_at(slot: str, words: str) -> dict:
    events = [
        user("l'urssaf m'a mis une majoration, j'avais oublié de déclarer", "describe_situation"),
        {"event": "slot", "name": "creditors", "value": "URSSAF"},
        {"event": "slot", "name": "requested_slot", "value": slot},
        bot(f"question {slot}"),
        user(words, "skip_question"),
        {"event": "slot", "name": slot, "value": SKIPPED},
    ]
    current = tracker(
        events, slots={"requested_slot": slot, "creditors": "URSSAF", slot: SKIPPED}, active_loop="situation_form"
    )
    return getattr(ValidateSituationForm(), f"validate_{slot}")(SKIPPED, CollectingDispatcher(), current, {})


@pytest.mark.parametrize(
    "slot, words, creditors",
    [
        ("deadline", "euh je sais plus exactement, 800 ou 900 euros je crois", "URSSAF 800 à 900 €"),
        ("deadline", "je sais pas trop, entre 1200 et 1500 €", "URSSAF 1 200 à 1 500 €"),
        ("since_when", "hm je me souviens plus, 2000 euros à peu près", "URSSAF 2 000 €"),
    ],
)
def test_a_sum_said_with_a_doubt_goes_to_the_creditors(slot, words, creditors):
    result = _passed_at(slot, words)
    assert result["creditors"] == creditors
    assert result[slot] != SKIPPED


@pytest.mark.parametrize("words", ["je sais plus", "je sais pas exactement", "aucune idée"])
def test_a_doubt_alone_still_passes(words):
    assert _passed_at("deadline", words) == {"deadline": SKIPPED}


@pytest.mark.parametrize(
    "words, said", [("800 ou 900", "800 à 900 €"), ("entre 10 000 et 12 000 €", "10 000 à 12 000 €")]
)
def test_a_range_is_kept_as_said(words, said):
    assert amount_alone(words) == said


@pytest.mark.parametrize("words", ["le 15 ou le 16", "2020 ou 2021", "je sais pas"])
def test_dates_years_and_doubts_are_no_sum(words):
    assert amount_alone(words) is None
