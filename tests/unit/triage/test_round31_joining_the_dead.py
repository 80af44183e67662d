"""Round 31, helper "fixd", a class found by talking to the bot: a widow or widower who wants to join the one who died,
said in a later message than the death ("mon mari est mort au printemps", then "je voudrais juste retrouver mon mari"), is
the wish to be dead (level 1), as when both are said in one message. Joining someone at a place or a time, someone who
left (not died), or nobody's death told, stays calm. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.assessments import run_conversation

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    "turns",
    [
        [
            "fromagère à Riom, mon mari nous a quittés il y a huit mois",
            "les ventes baissent",
            "je voudrais juste retrouver mon mari",
        ],
        ["je suis veuf depuis avril, serrurier", "je n'ai plus qu'une envie, rejoindre mon épouse"],
        ["depuis la perte de mon épouse, je tiens seul le tabac", "j'aimerais tant aller la rejoindre"],
    ],
)
def test_joining_the_dead_said_later_is_the_wish_to_die(turns):
    result = run_conversation(turns, None, TODAY)[-1]
    assert result.distress and result.distress_level == 1, (turns, result)


@pytest.mark.parametrize(
    "turns",
    [
        ["mon père est mort cet hiver, je reprends son garage", "je vais rejoindre mon fils au chantier demain"],
        ["ma compagne m'a quitté pour un autre, je suis ébéniste", "je voudrais juste rejoindre ma compagne"],
        ["je suis boulanger, ma femme tient la caisse", "je veux rejoindre ma femme à la boutique ce soir"],
    ],
)
def test_other_joinings_stay_calm(turns):
    result = run_conversation(turns, None, TODAY)[-1]
    assert not result.distress, (turns, result)
