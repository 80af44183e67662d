"""Round 29 (r29-a-21): "une cliente me fait un procès pour un bridge, audience en février" was stored as "Depuis quand :
en février" and "Échéance : aucune échéance connue". A month said right after a hearing, a summons or a judgement, and
lying ahead, is when it takes place: the deadline, never since when the trouble lasts. Near misses: the trouble dated
from a month ("depuis février", "ça a commencé en septembre"), a hearing past ("depuis l'audience en octobre")."""

from __future__ import annotations

from datetime import date

import pytest

from intake.facts import extract_facts

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    "words, month",
    [
        ("opticien, un client m'attaque pour des verres mal taillés, l'audience est en janvier", "janvier"),
        ("le juge m'a convoquée en mars pour une histoire de chantier", "mars"),
        ("couvreur, le jugement pour la toiture est attendu fin février", "février"),
        ("on a un rendez-vous au tribunal en avril avec le fournisseur", "avril"),
    ],
)
def test_the_month_of_a_hearing_ahead_is_the_deadline(words: str, month: str) -> None:
    facts = extract_facts(words, TODAY)
    assert "since_when" not in facts
    assert facts.get("deadline", "").startswith(f"en {month}") or month in facts.get("deadline", "")


@pytest.mark.parametrize(
    "words, since",
    [
        ("les commandes baissent depuis février", "depuis février"),
        ("ça a commencé en septembre, le client a arrêté de payer", "en septembre"),
        ("depuis l'audience en octobre plus rien ne va", "en octobre"),
        ("le procès a eu lieu en octobre dernier et j'ai perdu", "en octobre dernier"),
    ],
)
def test_the_trouble_dated_from_a_month_keeps_its_since(words: str, since: str) -> None:
    facts = extract_facts(words, TODAY)
    assert facts.get("since_when") == since
