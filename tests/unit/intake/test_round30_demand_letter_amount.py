"""Round 30 (make run): "il a reçu une mise en demeure de l'urssaf, 6200€, il veut pas en parler" kept no sum owed,
and the intake asked "Y a-t-il des dettes ... ? Si oui, environ combien ?" right after. A letter demanding payment
says the money is owed; money held on an account or in the till is none."""

from __future__ import annotations

import pytest

from intake.facts import extract_facts


@pytest.mark.parametrize(
    "words, creditors",
    [
        ("il a reçu une mise en demeure de l'urssaf, 6200€, il veut pas en parler", "URSSAF 6200 €"),
        ("mise en demeure des impôts, 2 300 euros, j'ai rien vu venir", "impôts 2 300 €"),
        ("une mise en demeure, 3 400 euros", "3 400 €"),
        ("commandement de payer de la banque, 9000 €", "banque 9000 €"),
        # near misses: money held, no letter, a letter with no sum
        ("la mise en demeure est arrivée hier, j'ai 800 € sur le compte", None),
        ("j'ai des dettes, 800 € sur le compte", None),
        ("l'urssaf m'a appelé, 6200 clients dans le fichier", None),
        ("j'ai reçu une mise en demeure de l'urssaf", "URSSAF"),
    ],
)
def test_a_demand_for_payment_says_the_sum_is_owed(words, creditors):
    assert extract_facts(words).get("creditors") == creditors


@pytest.mark.parametrize(
    "words, facts",
    [
        # Round 30 (make run): the boulangère's "3200 € au meunier" made the case say "Métier : meunier".
        ("3200 € au meunier", {"creditors": "meunier 3200 €"}),
        ("on doit encore 800 au maçon", {"creditors": "maçon 800 €"}),
        ("je dois 1500 euros au Plombier", {"creditors": "Plombier 1500 €"}),
        ("je suis boulangère, je dois payer le meunier vendredi", {"trade": "boulangère"}),
        # near misses: the artisan's own trade, a workplace
        ("je suis plombier à Brest", {"trade": "plombier"}),
        ("je travaille au garage, je suis mécanicien", {"trade": "mécanicien"}),
    ],
)
def test_a_trade_paid_is_a_payee_never_the_artisans_trade(words, facts):
    found = extract_facts(words)
    assert {key: found.get(key) for key in facts} == facts


def test_a_trade_paid_after_a_determiner_is_the_payee():
    assert extract_facts("et 1500 euros chez le plombier qui a refait le fournil").get("creditors") == "plombier 1500 €"
