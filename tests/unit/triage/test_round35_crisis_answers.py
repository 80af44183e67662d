"""Round 35 (make run, r35-g): "bof" to the direct question (no clear no: the crisis path), then at "Êtes-vous en sécurité
en ce moment ?" "non j'ai pas ce genre d'idées, c'est juste que je suis crevé": read as not safe, "Appelez tout de suite
le 15". The question's thoughts named by a pointer ("ce genre d'idées", "pas d'idées comme ça") are the same plain no.
And a no to the thoughts limited in time ("j'ai pas d'idées noires pour l'instant") was read as a clear no: it leaves
them open for later."""

from __future__ import annotations

import pytest

from triage.answers import (
    CLEAR_NO,
    NOT_CLEAR_NO,
    SAFE,
    answer_to_safety_question,
    answer_to_suicide_question,
)


@pytest.mark.parametrize(
    "words",
    [
        "non j'ai pas ce genre d'idées, c'est juste que je suis crevé",
        "non non pas d'idées comme ça, je suis juste fatigué",
        "j'ai jamais eu ce genre de pensées",
        "aucune idée de ce genre, je suis épuisé c'est tout",
    ],
)
def test_the_thoughts_denied_by_a_pointer_are_a_clear_no_and_no_danger(words):
    assert answer_to_suicide_question(words) == CLEAR_NO
    assert answer_to_safety_question(words) == SAFE


@pytest.mark.parametrize(
    "words",
    [
        "j'ai pas d'idées noires pour l'instant",
        "pas d'idées noires pour le moment",
        "j'ai pas ce genre d'idées pour l'instant",
        "pas ce genre d'idées mais ce soir je sais pas",
    ],
)
def test_a_no_limited_in_time_or_reserved_is_no_clear_no(words):
    assert answer_to_suicide_question(words) == NOT_CLEAR_NO
    assert answer_to_safety_question(words) != SAFE


@pytest.mark.parametrize("words", ["non pas d'idées noires", "non, pour l'instant je cherche un délai"])
def test_a_plain_no_stays_one(words):
    assert answer_to_suicide_question(words) == CLEAR_NO
