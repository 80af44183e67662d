"""Round 35 (make run, r35-b, r35-h): "depuis l'été dernier je pense", answering the debts question, got the direct question
about suicide (the classifier read "dernier ... je pense" as a last message). A message that only dates something past
says no sign; "dernier" in longer words, and a last message said, are read as before."""

from __future__ import annotations

import pytest

from triage.engine import assess

BEFORE = "la banque m'a coupé le découvert"


@pytest.mark.parametrize(
    "answer",
    [
        "depuis l'été dernier je pense",
        "c'était mardi dernier je crois",
        "euh le mois dernier il me semble",
        "Depuis la semaine dernière.",
        "en septembre dernier à peu près",
    ],
)
def test_a_past_time_alone_is_no_sign(answer):
    assessment = assess([BEFORE, answer])
    assert not assessment.distress
    assert not assessment.overwhelm


@pytest.mark.parametrize(
    "words",
    [
        "c'est mon dernier message, merci pour tout",
        "la semaine dernière j'ai donné mes outils et mon camion à mon apprenti, je n'en aurai plus besoin",
    ],
)
def test_dernier_in_longer_words_is_read_as_before(words):
    assert assess([BEFORE, words]).distress
