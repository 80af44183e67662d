"""Round 19 (c.M1): amounts that are no money owed were put on the creditor of the sentence (an overdraft ceiling, a
refused loan's quote, wages, a cancelled order), "3 loyers de 1 150 €" was kept as 1 150 €, and the corrections
"c'est 3 fois 1150" and "les 35 000 c'est pas une dette" were acknowledged but not applied. New sentences, not the
talker's."""

from datetime import date

import pytest

from actions.handoff import sums_in
from intake.facts import corrected_creditors, corrections, extract_facts, sums_said

TODAY = date(2026, 12, 5)


@pytest.mark.parametrize(
    "said, creditors, sums",
    [
        # an overdraft ceiling lowered: no sum owed to the bank
        ("ma banquière a ramené mon découvert autorisé de 8 000 à 2 000 euros", None, []),
        ("le Crédit Mutuel a baissé mon découvert à 1 500 €", None, []),
        # a loan refused, its quote: no debt
        ("le crédit agricole a refusé mon emprunt de 42 000 € pour la nacelle", None, []),
        ("la banque dit non pour le financement, le devis de la machine est à 27 000 €", None, []),
        # an order a client cancelled, the bank named before
        ("la banque me harcèle et en plus un hôtel a annulé une commande de 6 300 €", None, []),
        # the wages said beside the bank
        ("la banque a gelé le compte alors que je dois sortir les paies, 5 600 €", "banque", ["salaires 5 600 €"]),
        # a monthly charge said as such
        ("je verse 1 900 € de loyer par mois", "loyer 1 900 € par mois", ["loyer 1 900 € par mois"]),
        # counted rents: the sum owed
        ("il me manque quatre loyers de 900 € au propriétaire", "loyer 3600 €", ["loyer 3 600 €"]),
        # near misses: money owed stays owed
        ("j'ai un découvert de 4 000 € à la banque", "banque 4 000 €", ["banque 4 000 €"]),
        ("je dois 12 000 € à la banque sur le prêt du camion", "banque 12 000 €", ["banque 12 000 €"]),
        ("le fournisseur réclame 3 200 € pour une commande impayée", "fournisseurs 3 200 €", ["fournisseurs 3 200 €"]),
        ("l'urssaf 7000 et la banque 2000", "URSSAF 7000 €, banque 2000 €", ["URSSAF 7 000 €", "banque 2 000 €"]),
    ],
)
def test_an_amount_that_is_no_debt_is_never_owed_to_the_creditor(said, creditors, sums):
    assert extract_facts(said, TODAY).get("creditors") == creditors
    assert sums_said(said) == sums


@pytest.mark.parametrize(
    "known, said, expected",
    [
        ("loyer 850 €", "non en tout c'est 4 fois 850", "loyer 3 400 €"),
        ("URSSAF 2000 €, loyer 700 €", "le loyer c'est deux fois 700", "URSSAF 2000 €, loyer 1 400 €"),
        # near misses: "une fois" multiplies nothing; an amount not noted is not put right
        ("loyer 850 €", "je l'ai payé une fois 850", None),
        ("loyer 850 €", "c'est 3 fois 900", None),
    ],
)
def test_an_amount_said_so_many_times_is_the_product(known, said, expected):
    assert corrected_creditors(known, said) == expected


@pytest.mark.parametrize(
    "known, said, expected",
    [
        ("banque 60 000 €", "attention les 60 000 c'est pas une dette, c'est le crédit qu'on m'a refusé", None),
        ("banque 60 000 €, URSSAF 3000 €", "les 60000 euros ce n'est pas ce que je dois", "URSSAF 3000 €"),
    ],
)
def test_an_amount_said_to_be_no_debt_leaves_the_creditors(known, said, expected):
    updates = corrections(said, {"creditors": known}, TODAY)
    assert updates["creditors"] == (expected or "aucune dette signalée")


def test_an_amount_said_to_be_no_debt_is_no_longer_a_sum_in_the_summary():
    messages = ["la banque veut bien me prêter 60 000 € sur 5 ans", "les 60 000 c'est pas une dette hein"]
    assert sums_in(messages, None) == []
    # near miss: a sum not denied stays
    assert sums_in(["je dois 60 000 € à la banque"], None) == ["banque 60 000 €"]


def test_an_amount_said_so_many_times_replaces_the_sum_said_before():
    assert sums_in(["je dois 850 € de loyer", "en fait c'est 4 fois 850"], "loyer 3 400 €") == []
