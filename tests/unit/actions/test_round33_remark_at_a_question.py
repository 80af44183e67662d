"""Round 33 (r33-d): a taxi driver told a car accident, then at "Sous quelle forme votre entreprise est-elle
enregistrée ?" wrote "c'est une location longue durée la voiture", read as out of scope: "Je ne peux pas vous aider sur
ce sujet". A remark on the situation told, at a question of the intake or of the handoff, is said noted for the advisor
(who reads it in the conversation) and the question comes again; outside a form, or before any difficulty, it is not."""

from __future__ import annotations

import pytest

from actions.ask_actions import ActionOutOfScope
from actions.handoff_actions import FACT_NOTED, FACT_NOTED_AGAIN
from tests.support.trackers import bot, run, texts, tracker, user

REMARKS = [
    "c'est une location longue durée la voiture",
    "on est deux associés à parts égales",
    "j'ai repris l'affaire de mon père en 2015",
]


def _said(words: str, loop: str | None, categories: list[str], before: tuple = ()) -> list[str]:
    events = [
        user("le fourgon a brûlé sur le parking et l'assureur ne répond pas"),
        *before,
        user(words, "out_of_scope"),
    ]
    slots = {"difficulty_categories": categories, "requested_slot": "legal_form" if loop else None}
    dispatcher, _ = run(ActionOutOfScope(), tracker(events, slots=slots, active_loop=loop))
    return texts(dispatcher)


@pytest.mark.parametrize("words", REMARKS)
@pytest.mark.parametrize("loop", ["situation_form", "handoff_form"])
def test_a_remark_at_a_question_is_noted_not_turned_away(words, loop):
    assert _said(words, loop, ["sinistre"]) == [FACT_NOTED]


def test_said_again_it_is_short():
    assert _said(REMARKS[0], "situation_form", ["sinistre"], before=(bot(FACT_NOTED),)) == [FACT_NOTED_AGAIN]


@pytest.mark.parametrize("loop, categories", [(None, ["sinistre"]), ("situation_form", [])])
def test_outside_a_form_or_before_a_difficulty_it_stays_out_of_scope(loop, categories):
    said = _said("je cherche une recette de gâteau basque", loop, categories)
    assert FACT_NOTED not in said
    if loop is None:
        assert any("Je ne peux pas vous aider" in text for text in said)
