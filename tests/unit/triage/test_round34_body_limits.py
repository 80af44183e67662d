"""Round 34 (make run): "je suis coiffeuse, depuis mon opération du dos je peux plus tenir debout toute la journée" got
the direct question about suicide at once: "plus tenir" read as the exhaustion of "je tiens plus". Standing, sitting or
kneeling said with how long or where is the body's limit at work; "je tiens plus debout" said alone stays exhaustion,
worth the question."""

import pytest

from triage import assess


@pytest.mark.parametrize(
    "message",
    [
        "depuis mon opération du dos je peux plus tenir debout toute la journée",
        "avec ma hanche je ne peux plus tenir debout derrière le comptoir",
        "je tiens plus assise des heures devant la machine à coudre, le médecin dit que c'est les vertèbres",
        "mon genou : je peux plus tenir à genoux pendant les chantiers de carrelage",
        "je tiens plus debout plus de deux heures depuis la prothèse",
    ],
)
def test_the_body_limited_at_work_asks_no_question(message):
    assert "ambiguous_exhaustion" not in (assess([message]).distress_signs or ())


@pytest.mark.parametrize(
    "message",
    ["je tiens plus debout", "je suis crevée, je tiens plus", "j'en peux plus je tiens plus debout, je dors plus"],
)
def test_exhaustion_said_alone_still_asks(message):
    assert assess([message]).distress_level == 3
