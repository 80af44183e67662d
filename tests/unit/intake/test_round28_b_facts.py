"""Round 28, talker b: facts read from the artisan's words (intake/facts.py)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from intake.facts import extract_facts

TODAY = date(2026, 12, 7)


# r28-b-11: a health event dated by "il y a" is when the trouble began ("il est tombé d'un toit il y a 1 mois" was not
# read, and "Depuis quand ?" asked after it was given); how long a symptom lasts is still no since-when.
@pytest.mark.parametrize(
    "words, since",
    [
        ("mon associé a fait un infarctus il y a 2 mois, je suis seul à tout gérer", "il y a 2 mois"),
        ("elle a été opérée il y a 15 jours et le salon est fermé", "il y a 15 jours"),
        ("j'ai eu un accident de scooter il y a trois semaines, je peux plus conduire", "il y a trois semaines"),
        ("depuis l'accident il y a deux mois le carnet de commandes est vide", "depuis l'accident il y a deux mois"),
        ("depuis le décès de mon frère il y a 6 mois", "depuis le décès de mon frère il y a 6 mois"),
    ],
)
def test_a_health_event_dated_is_since_when(words, since):
    assert extract_facts(words, TODAY).get("since_when") == since


@pytest.mark.parametrize(
    "words",
    [
        "je dors plus depuis des semaines",  # a symptom that lasts
        "j'ai mal au dos depuis 2 mois mais je travaille",
        "ça fait 3 semaines que je suis crevé",
    ],
)
def test_how_long_a_symptom_lasts_is_still_no_since_when(words):
    assert extract_facts(words, TODAY).get("since_when") is None


# r28-b-06: a payee named as typed right after its sum ("3000 à Rexel") is a creditor under its own name, beside the
# ones the list knows; never one named elsewhere in the sentence (a client, a workplace), nor a town.
@pytest.mark.parametrize(
    "words, creditors",
    [
        ("j'ai 9000 de retard à l'urssaf et 2500 chez Würth", "URSSAF 9000 €, Würth 2500 €"),
        ("la banque 6000 et 1800 € à Point P", "banque 6000 €, Point P 1800 €"),
        ("je dois 700 euros à Brico Pro", "Brico Pro 700 €"),
    ],
)
def test_a_payee_named_after_its_sum_is_kept(words, creditors):
    assert extract_facts(words, TODAY).get("creditors") == creditors


@pytest.mark.parametrize(
    "words",
    [
        "j'ai posé une cuisine chez Moreau, il me doit 6000",
        "je bosse chez Castorama et j'ai 2000 de dettes",
        "je dois 3000 à Marseille",
    ],
)
def test_a_name_not_after_a_sum_owed_is_no_payee(words):
    assert not re.search(r"Moreau|Castorama|Marseille", extract_facts(words, TODAY).get("creditors") or "")
