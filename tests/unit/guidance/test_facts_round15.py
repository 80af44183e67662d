"""Round 15: an open procedure, a feared one, the artisan's own unpaid rent, an URSSAF inspection (table-driven)."""

from __future__ import annotations

import pytest

from guidance.facts import read_causes, read_stage


@pytest.mark.parametrize(
    "said, stage",
    [
        # An open procedure, said in other words (r15a-02).
        ("il a un redressement judiciaire et il sait pas se servir d'internet", "procedure"),
        ("mon père est en redressement judiciaire depuis octobre", "procedure"),
        ("on a une procedure de sauvegarde, le plan passe en janvier", "procedure"),
        ("ya le mandataire ki nous a apelé", "procedure"),
        ("on est en periode d observation jusqu'en mars", "procedure"),
        ("l'administrateur judiciaire veut nous voir", "procedure"),
        ("redressement depuis l'été, ca avance pas", "procedure"),
        ("je suis en redressement suite a la perte de mon gros client", "procedure"),
        ("j'ai peur, on est en redressement depuis mars", "procedure"),
        # Near misses: feared, to avoid, an URSSAF reassessment, a client's procedure, an amicable one.
        ("j'ai peur qu'on finisse en redressement judiciaire", None),
        ("on risque le redressement si ca continue", None),
        ("je veux eviter la liquidation", None),
        ("suite au controle urssaf on a un redressement de 8000 euros", None),
        ("un redressement urssaf de 3000 euros", None),
        ("apres le controle urssaf on a ete mis en redressement judiciaire", "procedure"),
        ("le contrôleur des impôts est reparti, j'attends le redressement", None),
        ("mon client a un redressement judiciaire et me doit 6000 euros", None),
        ("mon client est en liquidation, le liquidateur m'a ecrit pour ma facture", None),
        ("le mandataire m'a demandé de déclarer ma créance", None),
        ("le mandataire ad hoc a réuni nos créanciers", "amiable"),
        ("le mandataire auto m'a jamais livré le camion", None),
    ],
)
def test_open_procedure_stage(said, stage):
    assert read_stage([said], creditor="client" in said) == stage


@pytest.mark.parametrize(
    "said, present, absent",
    [
        # The artisan owes the rent (r15a-15): the commercial lease, never a client's unpaid invoice.
        (
            "j'ai un loyer commercial impayé depuis 4 mois, le proprio m'a envoyé un commandement de payer",
            {"bail_commercial", "commissaire_justice"},
            {"impayes_clients"},
        ),
        ("jai 3 loyers impayes, le bailleur menace", {"bail_commercial"}, {"impayes_clients"}),
        ("retard de loyer du local depuis l'ete", {"bail_commercial"}, {"impayes_clients"}),
        ("je dois 5 mois de loyers au proprio", {"bail_commercial"}, {"impayes_clients"}),
        ("des impayés à l'urssaf depuis le printemps", set(), {"impayes_clients"}),
        # Near misses: the rent or the invoice is owed to the artisan.
        ("mon locataire a 3 loyers impayes", {"impayes_clients", "loyer_a_recevoir"}, set()),
        ("mon locataire me doit 3 mois de loyer", {"impayes_clients", "loyer_a_recevoir"}, set()),
        (
            "je dois 2 mois de loyer commercial, et un client me doit 4000 euros",
            {"bail_commercial", "impayes_clients"},
            set(),
        ),
        ("mes clients ne me paient pas, j'ai 3 factures impayées", {"impayes_clients"}, {"bail_commercial"}),
        # An URSSAF inspection (r15b-14), and near misses that are only a debt.
        ("le controle urssaf on peut contester ?", {"controle_urssaf"}, set()),
        ("un contrôleur de l'URSSAF est venu en septembre", {"controle_urssaf"}, set()),
        ("la msa m'a controle l'an dernier", {"controle_urssaf"}, set()),
        ("j'ai reçu la lettre d'observations", {"controle_urssaf"}, set()),
        ("l'urssaf me reclame 5000 euros, je controle plus rien", set(), {"controle_urssaf"}),
        ("jsui en retard urssaf de 2 trimestres", set(), {"controle_urssaf"}),
    ],
)
def test_debtor_creditor_and_inspection_causes(said, present, absent):
    causes = read_causes([said])
    assert present <= causes, causes
    assert not absent & causes, causes
