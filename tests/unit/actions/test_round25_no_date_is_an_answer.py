"""Round 25 (talker C, s25c-14): "pas de date non, elle m'a juste envoyé des messages. je suis obligée de la rembourser
?" and "je vous ai dit pas de date" at the deadline question, read as questions, got the question three times. "Pas de
date" is the answer, no deadline; over real trackers and the intake form's own extraction, in several voices."""

from __future__ import annotations

import pytest

from actions.intake_actions import ValidateSituationForm
from tests.support.trackers import bot, run_extract, tracker, user

# ------------------------------------------------------------------ "pas de date" answers the deadline question


def at_deadline(words, intent):
    return tracker(
        [user("une cliente veut que je la rembourse"), bot("Avez-vous une échéance proche ?"), user(words, intent)],
        slots={"difficulty_categories": ["autre"], "requested_slot": "deadline"},
        active_loop="situation_form",
    )


@pytest.mark.parametrize(
    "words, intent",
    [
        ("pas de date non, elle m'a juste envoyé des messages. je suis obligée de la rembourser ?", "ask_why_question"),
        ("je vous ai dit pas de date. je parle de la cliente, est ce que je dois lui rendre l'argent ?", "faq"),
        ("ya aucune date", "faq"),
        ("pas d echeance pour l instant", "describe_situation"),
        ("pas de date virgule juste des messages", "nlu_fallback"),
    ],
)
def test_no_date_is_the_answer(words, intent):
    _, extracted = run_extract(ValidateSituationForm(), "extract_deadline", at_deadline(words, intent))
    assert extracted == {"deadline": "aucune échéance connue"}


@pytest.mark.parametrize(
    "words",
    ["pas de date limite mais faut payer avant le 15", "j ai une date le 15", "pas de date pour le rappel", "non"],
)
def test_near_miss_a_date_or_another_answer_is_not_no_date(words):
    _, extracted = run_extract(ValidateSituationForm(), "extract_deadline", at_deadline(words, "inform"))
    assert extracted == {}
