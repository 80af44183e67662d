"""Round 25 (s25c-01, -02, -11, -16, and a CFE reminder with a bank "qui fait la tête"): the mandat ad hoc / conciliation
("Vous pouvez demander au président du tribunal de commerce un mandat ad hoc ou une conciliation… Demandez-le avant 45
jours de cessation des paiements") came as a third card for a single reminder or a small debt. It is offered only when
the situation is serious enough: a stage of a procedure, a court step, a bank that cut the credit, several creditors or
debts on three fronts. Its first step no longer muddles the two procedures' deadlines.

New sentences in several voices (SMS, no accents, dictation); the expected cards are written here.
"""

from __future__ import annotations

from datetime import date

import pytest

from chamber import load_chamber
from guidance import load_knowledge_base, select_guidance
from guidance.facts import read_causes
from triage import assess

KB = load_knowledge_base()
CHAMBER = load_chamber()
TODAY = date(2026, 12, 6)
COURT = "mandat_adhoc_conciliation"


def _ids(says: list[str]) -> list[str]:
    assessment = assess(says, situation={}, today=TODAY)
    return [e.id for e in select_guidance(KB, assessment, CHAMBER, situation={}, limit=3, messages=says, today=TODAY)]


@pytest.mark.parametrize(
    "says",
    [
        [
            "j'ai recu une relance pour la CFE, 680 euros",
            "et ma banque qui fait la tete depuis que je suis a decouvert",
        ],
        [
            "Bonjour, j'ai un rappel des impôts pour la CFE et mon banquier fait un peu la gueule, rien de grave je pense"
        ],
        [
            "je suis fleuriste, mon grossiste me reclame 5200 euros de factures",
            "et j'ai une echeance urssaf de 1900 le 20",
        ],
        ["un peu juste niveau treso ce mois ci", "la banque m'a appelé pour le découvert de 800 euros"],
        ["petit souci de tresorerie virgule je suis a decouvert de 1500 euros point"],
    ],
)
def test_a_small_or_early_difficulty_gets_no_court_negotiation(says):
    ids = _ids(says)
    assert ids, says
    assert COURT not in ids, ids


@pytest.mark.parametrize(
    "says",
    [
        # the bank cut the credit, and the URSSAF and a supplier wait
        [
            "jsuis plombier, j'ai l'urssaf sur le dos 8000 euros de retard, la banque a coupé mon découvert la semaine "
            "dernière et mon fournisseur veut plus me livrer tant que j'ai pas payé"
        ],
        # a stage said
        ["on est en cessation des paiements depuis 3 semaines", "je dois a l'urssaf et au grossiste"],
        # several creditors said
        ["la tresorerie est a sec, je paie tout en retard"],
        ["j'ai des dettes partout, urssaf, fournisseurs, loyer, je m'en sors plus"],
        ["je dois de l'argent a tout le monde et le compte est a zero"],
    ],
)
def test_a_serious_situation_keeps_the_court_negotiation(says):
    assert COURT in _ids(says)


@pytest.mark.parametrize(
    "said, several",
    [
        ("je paie tout le monde en retard depuis l'ete", True),
        ("on a plusieurs creanciers qui relancent", True),
        ("des dettes a droite a gauche", True),
        ("je paie mes fournisseurs en retard", False),
        ("tout le monde me dit de pas m'inquieter", False),
    ],
)
def test_several_creditors_is_read_in_the_words(said, several):
    assert ("plusieurs_creanciers" in read_causes([said])) is several


def test_the_first_step_keeps_the_two_deadlines_apart():
    entry = next(e for e in KB if e.id == COURT)
    assert entry.how[0] == "Mandat ad hoc avant la cessation des paiements\u202f; conciliation jusqu'à 45 jours après."
