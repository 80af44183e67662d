"""Round 13, r13a-01: "non j'ai dit l'apres midi", said once the case was confirmed with the morning, was read as a new
difficulty (the recap again, three more pieces of advice) and the case kept the morning. moment_corrected reads the
moment such words correct; callback_time still reads a moment said alone."""

from __future__ import annotations

import pytest

from actions.handoff import callback_time, moment_corrected


@pytest.mark.parametrize(
    "said, moment",
    [
        ("non j'ai dit l'apres midi", "l'apres midi"),
        ("Non, j’ai dit l’après-midi !", "l’après-midi"),
        ("mais non je vous ai dit le soir", "le soir"),
        ("ah non c'était le matin", "le matin"),
        ("non non l'aprem", "l'aprem"),
        ("non, plutôt en fin de journée", "plutôt en fin de journée"),
        ("l'aprem j'avais dit", "l'aprem"),
        ("après 14h je vous ai dit", "après 14h"),
        ("j'avais écrit mardi matin", "mardi matin"),
        ("en fait demain après-midi", "demain après-midi"),
        ("finalement vers 16h", "vers 16h"),
        ("euh non, pas le matin", "pas le matin"),
    ],
)
def test_a_moment_corrected_is_read(said, moment):
    assert moment_corrected(said) == moment


@pytest.mark.parametrize(
    "said",
    [
        "non",
        "non merci",
        "non, ça ira merci",
        "non j'ai dit que j'avais des dettes",
        "je vous ai dit que c'est grave",
        "non je ne veux plus être rappelé",
        "ah bon",
        "l'après-midi",  # a moment said alone: callback_time reads it
        "le matin",
        "",
        None,
    ],
)
def test_words_that_correct_no_moment_give_none(said):
    assert moment_corrected(said) is None


@pytest.mark.parametrize("said", ["l'après-midi", "demain matin", "plutôt le soir après 18h"])
def test_a_moment_alone_is_still_read_by_callback_time(said):
    assert callback_time(said) == said
