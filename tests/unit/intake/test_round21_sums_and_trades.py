"""Round 21 (z.md H1, H2, M8, M9): a sum put right is read as one (never a no, never a place), a contrainte's receipt
gives its 15 days, and "restaurateur" is a trade."""

from __future__ import annotations

from datetime import date

import pytest

from intake.answers import CORRECTION, NO, kind
from intake.facts import client_sum_put_right, deadline_after_receipt, extract_facts, sum_put_right

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    "words, pair",
    [
        ("non c'est pas 8000 c'est 18000 le client", ("18000", "8000")),
        ("non pardon c'est 14000 pas 4000", ("14000", "4000")),
        ("c'est pas 5 000 € mais 15 000 €", ("15000", "5000")),
        ("non c'est pas 62 c'est 59", None),
        ("non merci", None),
        ("non pas besoin, 3000 euros ça ira", None),
    ],
)
def test_a_sum_put_right(words, pair):
    assert sum_put_right(words) == pair


def test_a_sum_put_right_is_a_correction_not_a_no():
    assert kind("non c'est pas 8000 c'est 18000 le client") == CORRECTION
    assert kind("non merci") == NO


def test_what_a_client_owes():
    assert client_sum_put_right("non c'est pas 8000 c'est 18000 le client") == "18 000 €"
    assert client_sum_put_right("non c'est pas 5000 c'est 15000 que je dois") is None


@pytest.mark.parametrize(
    "earlier, expected",
    [
        (
            ["L'URSSAF m'a envoyé une contrainte de 12 000 €."],
            "15 jours pour faire opposition à compter du mardi 1er décembre (d'ici le mercredi 16 décembre)",
        ),
        (["la banque m'a écrit"], "courrier reçu le mardi 1er décembre, délai non précisé"),
        (["j'ai des contraintes horaires"], "courrier reçu le mardi 1er décembre, délai non précisé"),
    ],
)
def test_a_receipt_date_after_a_contrainte(earlier, expected):
    assert deadline_after_receipt("j'ai reçu ça le 1er décembre", TODAY, earlier) == expected


@pytest.mark.parametrize(
    "words, trade",
    [
        (
            "Bonjour, je suis restaurateur à Bordeaux, il y a des travaux de tramway devant mon restaurant",
            "restaurateur",
        ),
        ("restauratrice à Lyon", "restauratrice"),
        ("je suis restaurateur de meubles", "restaurateur de meubles"),
        ("je tiens un restaurant à Lille", None),
    ],
)
def test_restaurateur_is_a_trade(words, trade):
    assert extract_facts(words, TODAY).get("trade") == trade
