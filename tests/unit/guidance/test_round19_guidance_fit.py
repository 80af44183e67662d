"""Round 19 of conversations: first steps that did not fit the situation.

- a.M10 (r19a-12): a commercial lease not renewed, its rent raised, got the mandat ad hoc, the CIP and the CODEFI; the
  knowledge base has no sourced step for a renewal: the chamber's advisors lead, no debt negotiation, no CODEFI.
- b.M8 (r19b-09): the trade then "seul" ("carreleur, seul") got the CODEFI, for employers.
- b.M9 (r19b-12): "saisir la commission de recours amiable" was read as a seizure (the juge de l'exécution step).
- c.M9 (r19c-12): an energy cut announced got a client's steps (relance) or the Médiation du crédit: the advisors lead.

New sentences, with near misses that must not change.
"""

from __future__ import annotations

from datetime import date

import pytest

from chamber import load_chamber
from guidance import load_knowledge_base, select_guidance
from guidance.facts import read_causes
from guidance.profile import read_employees_in_messages
from triage import assess

KB = load_knowledge_base()
CHAMBER = load_chamber()
TODAY = date(2026, 12, 5)


def _ids(says: list[str]) -> list[list[str]]:
    assessment = assess(says, situation={}, today=TODAY)
    return [
        [e.id for e in select_guidance(KB, assessment, CHAMBER, situation={}, limit=3, messages=m, today=TODAY)]
        for m in (None, says)
    ]


@pytest.mark.parametrize(
    "said",
    [
        "coiffeuse à Nantes, la propriétaire refuse de renouveler le bail du salon",
        "mon bail n'est plus renouvelé en mars et le loyer passe de 1 200 à 1 800 euros",
        "le bailleur annonce une augmentation du loyer de 50 % pour le local",
    ],
)
def test_a_lease_not_renewed_or_its_rent_raised_gets_the_advisors_not_a_debt_negotiation(said):
    for ids in _ids([said]):
        assert ids[0] == "chambre_conseillers", ids
        assert not {"mandat_adhoc_conciliation", "codefi", "bail_commercial_loyers"} & set(ids), ids


def test_rent_owed_to_the_landlord_keeps_its_step():
    for ids in _ids(["le propriétaire me réclame quatre mois de loyer en retard"]):
        assert "bail_commercial_loyers" in ids, ids


@pytest.mark.parametrize(
    "said, expected",
    [
        ("je suis plaquiste, seul", "no"),
        ("menuisière toute seule depuis 2015", "no"),
        ("carreleur seul sur mes chantiers", "no"),
        ("je suis vraiment seul face à tout ça", None),
        ("je me sens seule", None),
        ("maçon seul avec trois ouvriers", None),
    ],
)
def test_the_trade_then_alone_says_no_employees(said, expected):
    assert read_employees_in_messages([said]) == expected


def test_a_trade_working_alone_gets_no_codefi():
    # Read in the artisan's messages (the triage's quoted reasons alone do not carry the way of working).
    ids = _ids(["je suis plaquiste, seul", "la trésorerie est vide, les fournisseurs attendent"])[1]
    assert "codefi" not in ids, ids


@pytest.mark.parametrize(
    "said, seizure",
    [
        ("il nous reste un mois pour saisir la commission de recours amiable", False),
        ("je compte saisir le conciliateur de justice", False),
        ("on va saisir le tribunal pour ça", False),
        ("le commissaire va saisir le camion lundi", True),
        # Round 26: a seizure threatened is no seizure done (no card on contesting one before the juge de l'exécution).
        ("ils menacent de saisir mes outils", False),
    ],
)
def test_bringing_a_case_is_no_seizure(said, seizure):
    assert ("saisie_biens" in read_causes([said])) is seizure


@pytest.mark.parametrize(
    "said",
    [
        "Engie m'annonce une coupure du gaz le 20, la facture pas réglée de 1 900 €",
        "ils vont couper le courant de l'atelier dans dix jours, facture d'électricité impayée",
    ],
)
def test_an_energy_cut_gets_the_advisors_and_no_client_or_bank_step(said):
    assert "coupure_energie" in read_causes([said])
    for ids in _ids([said]):
        assert "chambre_conseillers" in ids, ids
        assert not {"relance_mise_en_demeure", "mediateur_entreprises", "mediation_credit"} & set(ids), ids


def test_a_client_s_unpaid_invoice_keeps_its_steps():
    for ids in _ids(["un client ne m'a pas payé la facture de 4 000 €, je ne sais pas quoi faire"]):
        assert "relance_mise_en_demeure" in ids, ids
