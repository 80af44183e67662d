"""Round 25 (s25c-01, -15, -16): "c'est quoi le plus urgent a faire ?", "je paie d'abord l'urssaf ou les salaires ?",
"c'est quoi le plus urgent, le grossiste ou l'urssaf ?" were never answered (intake question next, or an unrelated URSSAF
card): an order asked, even between matters named, is the first-step question. New sentences in several voices."""

from __future__ import annotations

import pytest

from actions.business_questions import asks_first_step


@pytest.mark.parametrize(
    "words",
    [
        "attendez vous m'avez pas dit ce qui est le plus urgent",
        "je paie d'abord l'urssaf ou les salaires ?",
        "je paye en premier le loyer ou les impots",
        "c'est quoi le plus urgent, le grossiste ou l'urssaf ?",
        "le plus urgent c la banque ou le fournisseur ?",
        "je paye qui en premier ?",
        "jcommence par koi",
        "je rembourse quoi d'abord",
        "Qu'est-ce qui est le plus pressé virgule la TVA ou la banque",
    ],
)
def test_an_order_asked_is_the_first_step_question(words):
    assert asks_first_step(words)


@pytest.mark.parametrize(
    "words",
    [
        "d'abord je voulais savoir si c'est gratuit ou pas ?",
        "je suis plombier ou plutot chauffagiste",
        "l'urssaf ou les impots je sais plus qui m'a ecrit",
        "et pour l'urssaf je fais quoi ?",
        "en premier lieu je suis carreleur",
    ],
)
def test_near_misses_are_no_order_asked(words):
    assert not asks_first_step(words)
