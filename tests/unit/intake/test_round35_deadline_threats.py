"""Round 35 (make run, r35-e): "bah la banque a dit fin de semaine sinon ils ferment le compte" at the callback offer. The
triage read the threat (urgency haute, "dans 4 jours"), the case had no deadline: a date said with what happens after it
(an account closed, a contract cancelled, a loan called in) is the deadline. "sinon" as a mere "otherwise" dates
nothing."""

from __future__ import annotations

from datetime import date

import pytest

from intake.facts import extract_facts

MONDAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    "words, deadline",
    [
        ("bah la banque a dit fin de semaine sinon ils ferment le compte", "fin de semaine"),
        ("ils ferment mon compte en fin de semaine", "fin de semaine"),
        ("le banquier veut 3000 € avant vendredi, sinon il bloque les comptes", "vendredi"),
        ("l'assureur va résilier le contrat le 15", "15 décembre"),
        ("la banque dit que le prêt sera exigible au 31 janvier", "31 janvier"),
        ("la banque va clôturer mon compte le 20 décembre", "20 décembre"),
        # r35-g, at the callback offer ("Je n'ai pas bien compris"): a sum demanded with its date.
        ("ils veulent 9000 pour la fin du mois", "fin du mois"),
        ("ils réclament 9 000 € avant la fin du mois", "fin du mois"),
    ],
)
def test_a_date_with_its_threat_is_the_deadline(words, deadline):
    assert deadline in extract_facts(words, MONDAY).get("deadline", "")


@pytest.mark.parametrize(
    "words",
    [
        "sinon je suis ouvert le samedi",
        "sinon lundi j'ai vu mon comptable",
        "sinon ça va, le moral tient",
        "ma cliente veut 3 portes pour vendredi",
    ],
)
def test_an_otherwise_dates_nothing(words):
    assert "deadline" not in extract_facts(words, MONDAY)
