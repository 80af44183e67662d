"""Round 31, helper "fixd": a no said about the thought of suicide, in the forms the retired held-out v35 read as a sign:
someone close's no with the thought named first ("des idées noires, elle n'en a aucune"), a question a doctor or a relative
asked, reported with its no ("si j'avais des pensées de mort ? ma réponse : non"), the act in everyday words before
"jamais de la vie". No sign; beside a difficulty, the direct question (level 3 without distress). A turning after the no
keeps the sign. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.assessments import run_conversation
from triage.answers import CLEAR_NO, answer_to_suicide_question
from triage.distress import AMBIGUOUS, INDIRECT, find_signs

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    "text",
    [
        "des pensées de mort, mon frère n'en a aucune, il me l'a dit hier",
        "l'envie d'en finir, elle ne l'a jamais eue, son souci c'est la caisse",
        "la généraliste cherchait à savoir si je pensais au suicide, ma réponse est non",
        "ma sœur m'a demandé si j'avais des pensées de suicide, je lui ai répondu que non",
        "me flinguer, jamais de la vie, j'ai ma petite",
        "me faire du mal ? jamais de la vie",
    ],
)
def test_the_no_is_no_sign(text):
    assert all(sign.level > INDIRECT for sign in find_signs(text)), (text, find_signs(text))


@pytest.mark.parametrize(
    "text",
    [
        "l'infirmière a voulu savoir si je pensais au suicide, j'ai dit non mais en vrai j'y pense souvent",
        "des pensées noires, mon oncle en a, il me l'a avoué dimanche",
    ],
)
def test_a_turning_or_a_yes_keeps_the_sign(text):
    assert any(sign.level <= INDIRECT for sign in find_signs(text)), (text, find_signs(text))


@pytest.mark.parametrize(
    "turns",
    [
        [
            "ébéniste à Tulle, la banque me retire le découvert du jour au lendemain",
            "me flinguer, jamais de la vie. il me faut juste un délai",
        ],
        [
            "carreleur, le SIE me demande 14 000 € de TVA",
            "mon kiné voulait savoir si je pensais à la mort, la réponse est non. je suis usé, c'est tout",
        ],
        [
            "mon père est boucher à Autun, l'URSSAF lui a saisi le compte",
            "des pensées de mort, elle n'en a pas selon elle, mais elle ne dort plus et je m'inquiète",
        ],
    ],
)
def test_beside_a_difficulty_the_no_gets_the_direct_question(turns):
    result = run_conversation(turns, None, TODAY)[-1]
    assert result.distress_level == AMBIGUOUS and not result.distress, (turns, result)


@pytest.mark.parametrize("text", ["me tuer non, jamais de la vie", "me foutre en l'air ? non, jamais de la vie"])
def test_at_the_direct_question_the_act_then_never_is_a_clear_no(text):
    assert answer_to_suicide_question(text) == CLEAR_NO
