"""Round 29 (talk-a, talk-b): first steps that did not fit what the artisan said, closed as classes.

- r29-a-05: "les ponts élévateurs sont morts" after a flood got the owner's death steps (notaire, acte de notoriété):
  any thing named with its determiner that "est/sont mort(s)" is no death; a person, or a bare pronoun, stays one.
- r29-a-16, r29-b-29: "la MSA me réclame 9000 €" got the URSSAF's online payment plan, the ACED and HELP: the URSSAF's
  cards are left out for contributions owed to the MSA alone, and the chamber's advisors lead.
- r29-a-16, r29-a-11: a loan that simply runs ("j'ai juste le crédit de la camionnette") during a sick leave got the
  Médiation du crédit ("si votre banque coupe le découvert ou refuse un prêt"): not without an act of the bank.
- r29-a-21: a client's lawsuit over one job ("une cliente me fait un procès pour un bridge") got the sauvegarde, the
  redressement and the mandat ad hoc: a dispute, no insolvency; the advisors join.

New sentences (other trades and places), with near misses that must not change.
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
TODAY = date(2026, 12, 7)
BEREAVEMENT = {"deces_comptes_notaire", "deces_poursuite_activite", "succession_option", "deces_proche_entreprise"}
URSSAF_CARDS = {
    "urssaf_delai_paiement",
    "urssaf_delai_micro",
    "urssaf_revenu_estime",
    "cpsti_aced",
    "cpsti_afe",
    "help_independants",
    "micro_declarer_chiffre_affaires",
}
DEBTOR_CARDS = {"procedures_collectives", "mandat_adhoc_conciliation", "retablissement_professionnel"}


def _ids(says: list[str], situation: dict[str, str] | None = None) -> list[str]:
    situation = situation or {}
    assessment = assess(says, situation=situation, today=TODAY)
    return [
        entry.id
        for entry in select_guidance(KB, assessment, CHAMBER, situation=situation, limit=3, messages=says, today=TODAY)
    ]


@pytest.mark.parametrize(
    "says",
    [
        "menuisier près de Nîmes, l'atelier a pris un mètre d'eau, les deux scies sont mortes et l'assureur traîne",
        "boucherie à Quimper, coupure de courant tout le week-end, mes chambres froides sont mortes avec la viande dedans",
        "mon compresseur est mort après l'orage, 4000 euros à sortir, je suis carrossier",
        "avec la grêle toutes les serres sont complètement mortes",
        "tout l'outillage est mort après le dégât des eaux",
        "ma camionnette est morte sur l'autoroute, je peux plus aller sur les chantiers",
    ],
)
def test_a_thing_that_died_is_no_death(says):
    assert "deces" not in read_causes([says])
    assert not BEREAVEMENT & set(_ids([says]))


@pytest.mark.parametrize(
    "says",
    [
        "mon mari est mort il y a deux semaines, c'était sa boulangerie",
        "le père de mon associé est mort, il avait des parts",
        "il est mort en octobre, je reprends sa plomberie",
        "le mois dernier mon père est mort, il avait le garage",
        "notre patron est mort cet été, on sait pas qui reprend",
    ],
)
def test_a_person_who_died_still_is_one(says):
    assert "deces" in read_causes([says])


@pytest.mark.parametrize(
    "says",
    [
        ["je suis maraîchère dans le Gers, la MSA me réclame 7500 euros de cotisations"],
        ["éleveur de chèvres, je dois 4000 à la mutualité sociale agricole", "non pas d'autre dette"],
        ["paysagiste au régime agricole, la msa veut ses cotisations d'un coup, 3200"],
    ],
)
def test_contributions_owed_to_the_msa_get_no_urssaf_card(says):
    assert "caisse_msa" in read_causes(says)
    ids = _ids(says)
    assert not URSSAF_CARDS & set(ids)
    assert ids[0] == "chambre_conseillers"


@pytest.mark.parametrize(
    "says",
    [
        ["la MSA et l'URSSAF me réclament toutes les deux, 6000 en tout"],
        ["électricien, l'urssaf me réclame 4000 euros de cotisations"],
    ],
)
def test_the_urssaf_named_keeps_its_cards(says):
    assert "caisse_msa" not in read_causes(says)
    assert URSSAF_CARDS & set(_ids(says))


@pytest.mark.parametrize(
    "says",
    [
        [
            "plâtrier, je me suis cassé le poignet, arrêt de 2 mois",
            "il me reste le prêt du camion à payer tous les mois",
        ],
        ["coiffeuse en arrêt maladie depuis octobre, j'ai aussi le crédit du salon"],
    ],
)
def test_a_loan_that_runs_gets_no_credit_mediation(says):
    assert "pret_en_cours" in read_causes(says)
    assert "mediation_credit" not in _ids(says)


@pytest.mark.parametrize(
    "says",
    [
        ["la banque refuse de reporter le prêt du camion"],
        ["j'ai le crédit du four et la banque m'a coupé le découvert"],
        ["j'ai un crédit de 40000 pour le four et je peux plus payer les mensualités"],
        ["la banque nous a dénoncé le prêt de la licence, il faut tout rembourser"],
    ],
)
def test_a_loan_the_bank_acted_on_keeps_the_credit_mediation(says):
    assert "pret_en_cours" not in read_causes(says)
    assert "mediation_credit" in _ids(says)


@pytest.mark.parametrize(
    "says",
    [
        ["opticien à Rennes, un client me fait un procès pour des lunettes mal montées, audience en mars"],
        ["une patiente m'attaque en justice pour une prothèse, 3500 euros"],
        ["un particulier m'a assigné au tribunal pour des malfaçons sur sa terrasse"],
        ["j'ai un procès avec une cliente pour une robe de mariée ratée"],
    ],
)
def test_a_clients_lawsuit_gets_no_debtor_procedure(says):
    assert "proces_client" in read_causes(says)
    ids = _ids(says)
    assert not DEBTOR_CARDS & set(ids)
    assert "chambre_conseillers" in ids


@pytest.mark.parametrize(
    "says",
    [
        ["mon fournisseur m'a assigné pour 8000 euros de factures"],
        ["l'urssaf m'a assigné au tribunal, je dois 12000"],
        ["je veux faire un procès à mon client qui ne paie pas"],
    ],
)
def test_a_creditors_suit_or_the_artisans_own_claim_is_not_a_clients_lawsuit(says):
    assert "proces_client" not in read_causes(says)
