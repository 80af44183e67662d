"""A doubt about a fact of the business is no doubt about the direct question (make run, 2026-12-05, s18-z3: "le
mandataire dit qu'on sera payé dans deux ans peut-être" took the crisis path and put the case at critique)."""

from __future__ import annotations

import pytest

from triage.answers import ANSWERS_INTAKE_QUESTION, answer_to_suicide_question


@pytest.mark.parametrize(
    "answer",
    [
        "le liquidateur pense qu'on touchera un quart de la créance probablement",
        "le fournisseur a déposé le bilan, on reverra l'acompte dans un an peut-être",
    ],
)
def test_a_doubt_about_the_business_is_asked_again(answer):
    assert answer_to_suicide_question(answer, may_ask_again=True, answers_intake_question=True) == (
        ANSWERS_INTAKE_QUESTION
    )


@pytest.mark.parametrize(
    "answer",
    [
        "peut-être",  # a doubt alone answers the question
        "peut-être, avec la banque qui me lâche",  # a doubt first
        "je sais pas, le fournisseur peut-être",
        "l'urssaf me réclame 5000 et je vais peut-être craquer",  # a doubt about oneself
        "l'urssaf me réclame 5000, c'est pas sûr que je tienne",
        "des fois, avec le fournisseur qui a déposé le bilan",  # how often: about the question
    ],
)
def test_doubts_about_the_question_or_oneself_stay_no_clear_no(answer):
    assert answer_to_suicide_question(answer, may_ask_again=True, answers_intake_question=True) == "not_clear_no"
