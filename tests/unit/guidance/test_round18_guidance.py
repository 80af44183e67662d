"""Round 18 of conversations (b.md): first steps and categories that missed half of what was said.

- M14 (r18b-13): a client's unpaid sum said without "ne" ("un client m'a pas payé") got no step to recover it.
- M6 (r18b-16): a supplier that blocks the artisan's account with it was read as a bank ("difficultés avec votre
  banque", the Médiation du crédit) and its unpaid sums as a client's (relance, mise en demeure).
- M13 (r18b-02): nights of a few hours and exhaustion got no health category and no step for it.

New sentences, with near misses that must not change.
"""

from __future__ import annotations

from datetime import date

import pytest

from chamber import load_chamber
from guidance import load_knowledge_base, select_guidance
from guidance.facts import read_causes
from intake.facts import _accounts_line
from triage import assess, normalise

KB = load_knowledge_base()
CHAMBER = load_chamber()
TODAY = date(2026, 12, 5)
RECOVERY = {"relance_mise_en_demeure", "injonction_de_payer_creancier", "mediateur_entreprises", "conciliateur_justice"}


def _selected(says: list[str]) -> list[list[str]]:
    assessment = assess(says, situation={}, today=TODAY)
    return [
        [
            entry.id
            for entry in select_guidance(KB, assessment, CHAMBER, situation={}, limit=3, messages=messages, today=TODAY)
        ]
        for messages in (None, says)
    ]


@pytest.mark.parametrize(
    "said",
    [
        "la mairie m'a toujours pas réglé les 6 000 € du chantier",
        "mon plus gros client m'a jamais payé la dernière facture",
        "un particulier m'a pas payé, 2 300 euros",
    ],
)
def test_a_client_who_did_not_pay_said_without_ne_is_an_unpaid_invoice(said):
    assert "impayes_clients" in read_causes([said])


def test_the_unpaid_client_gets_a_step_beside_the_taxes():
    says = ["menuisier à Arras, un client m'a pas payé 7 000 euros et la TVA tombe le 20"]
    for ids in _selected(says):
        assert RECOVERY & set(ids), ids


@pytest.mark.parametrize(
    "said",
    [
        "le client m'a payé la semaine dernière",  # paid: nothing to recover
        "la banque m'a pas prêté les 5 000 euros",  # a loan refused, no client
    ],
)
def test_near_misses_are_no_unpaid_invoice(said):
    assert "impayes_clients" not in read_causes([said])


@pytest.mark.parametrize(
    "said",
    [
        "menuisier, le grossiste a bloqué mon compte pour 3 100 € d'impayés",
        "mon fournisseur de carrelage m'a bloqué le compte, je lui dois 2 500 euros",
    ],
)
def test_a_supplier_that_blocks_the_account_is_no_bank(said):
    assessment = assess([said], today=TODAY)
    assert "banque" not in assessment.categories, assessment.reasons
    assert assessment.urgency == "haute"
    assert "impayes_clients" not in read_causes([said])
    for ids in _selected([said]):
        assert not {"mediation_credit", "relance_mise_en_demeure"} & set(ids), ids
    assert _accounts_line(normalise(said)).endswith("par le fournisseur")


@pytest.mark.parametrize(
    "said",
    [
        "la banque a bloqué mon compte, je ne peux plus payer mon fournisseur",
        "mon compte pro est bloqué et le fournisseur me relance",
    ],
)
def test_near_miss_a_bank_account_blocked_stays_the_bank(said):
    assessment = assess([said], today=TODAY)
    assert "banque" in assessment.categories
    assert assessment.urgency == "haute"


def test_a_supplier_creditor_and_clients_who_do_not_pay_keep_the_unpaid_invoice():
    # Near miss: the clients' unpaid invoices are said too.
    assert "impayes_clients" in read_causes(["le fournisseur attend 3 000 € d'impayés et mes clients ne paient pas"])


@pytest.mark.parametrize(
    "said",
    [
        "électricien, je dors trois heures par nuit depuis un mois, l'URSSAF me relance",
        "je ne dors que 5h, les clients paient en retard",
    ],
)
def test_nights_of_a_few_hours_are_health(said):
    assert "sante" in assess([said], today=TODAY).categories


@pytest.mark.parametrize(
    "said",
    [
        "je dors à 23h et je me lève à 5h, la banque m'a coupé le découvert",  # bedtimes, no sleep lacking
        "je suis crevé, l'URSSAF me relance",  # the idiom alone (round 7)
    ],
)
def test_near_miss_bedtimes_and_the_idiom_are_no_health(said):
    assert "sante" not in assess([said], today=TODAY).categories


def test_exhaustion_gets_its_step_beside_the_unpaid_invoices():
    says = ["plâtrier, je suis complètement épuisé, je tiens plus, mes clients paient en retard"]
    assert assess(says, today=TODAY).overwhelm
    for ids in _selected(says):
        assert "help_independants" in ids, ids
        assert "relance_mise_en_demeure" in ids, ids


def test_near_miss_no_exhaustion_no_help_step():
    for ids in _selected(["plâtrier, mes clients paient en retard"]):
        assert "help_independants" not in ids, ids
