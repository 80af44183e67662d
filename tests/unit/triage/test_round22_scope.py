"""Round 22 (r22c-10): wages due to one employee and not paid are haute (the contract: "wages due and not payable").

"un salarié qui attend sa paye" was left normale while "des salariés qui attendent leur paie" was haute: the singular,
with "sa" or "son", and "le payer" for one employee, are the same urgency. Look-alikes: the artisan's own pay, wages
paid. Sentences written for these tests."""

from __future__ import annotations

import pytest

from triage import assess


@pytest.mark.parametrize(
    "words",
    [
        "notre ouvriere attend toujours sa paie d'octobre",
        "mon compagnon reclame son salaire et j'ai rien sur le compte",
        "l'apprenti a toujours pas eu sa paye, on est le 10",
        "j'ai une vendeuse et je sais pas comment la payer ce mois-ci",
        "mon salarie je vais pas pouvoir le payer a la fin du mois",
    ],
)
def test_one_employee_unpaid_is_haute(words):
    assessment = assess([words])
    assert assessment.urgency == "haute"
    assert "tresorerie" in assessment.categories


@pytest.mark.parametrize(
    "words",
    [
        "mon salarie a eu sa paie, c'est l'urssaf qui me relance pour 2000 euros",
        "j'ai un apprenti depuis septembre, tout se passe bien, je voudrais des infos sur les aides",
    ],
)
def test_wages_paid_are_not_haute(words):
    assert assess([words]).urgency != "haute"
