"""Round 22 of conversations: first steps that did not fit (guidancefit).

- a.5 (r22a-02, r22a-17): one client who does not pay ("3 mois qu'il paie pas la facture") and a supplier's price rise
  got the mandat ad hoc ("avant 45 jours de cessation des paiements") first: the client's steps, or the advisors.
- c.6 (r22c-03): a claim said declared to the mandataire in a long story that also says "je veux m'en sortir" was not
  read as done; "mon comptable m'a dit de penser à une sauvegarde" was read as a sauvegarde open (no Médiation du
  crédit); "la banque va me couper le découvert" was no overdraft cut.
- b.13 (r22b-16): a widow who is the artisan herself got "Au décès du titulaire, ses comptes sont bloqués".

New sentences in several voices, with near misses that must not change.
"""

from __future__ import annotations

from datetime import date

import pytest

from chamber import load_chamber
from guidance import load_knowledge_base, select_guidance
from guidance.facts import read_causes, read_stage, read_steps
from triage import assess

KB = load_knowledge_base()
CHAMBER = load_chamber()
TODAY = date(2026, 12, 5)
COURT_NEGOTIATION = {"mandat_adhoc_conciliation", "procedures_collectives"}
CLIENT_STEPS = {
    "relance_mise_en_demeure",
    "mediateur_entreprises",
    "conciliateur_justice",
    "injonction_de_payer_creancier",
}


def _ids(says: list[str]) -> list[str]:
    assessment = assess(says, situation={}, today=TODAY)
    return [e.id for e in select_guidance(KB, assessment, CHAMBER, situation={}, limit=3, messages=says, today=TODAY)]


@pytest.mark.parametrize(
    "says",
    [
        ["ce gars la me rend fou, mon client du chantier de Quimper, deux mois qu'il me paie pas", "3800 euros"],
        ["le client il paye pa la facture depuis septembre", "c'est que lui, les autres ca va"],
        ["ma cliente elle m'a toujours pas réglé, 2 factures", "et moi je dois payer le grossiste"],
        ["Un client. Il ne règle pas ses factures depuis l'été virgule soit 6 000 euros"],
    ],
)
def test_one_client_who_does_not_pay_gets_the_client_steps_not_the_court(says):
    assert "impayes_clients" in read_causes(says)
    ids = _ids(says)
    assert ids[0] in CLIENT_STEPS, ids
    assert not COURT_NEGOTIATION & set(ids), ids


@pytest.mark.parametrize(
    "says",
    [
        ["le grossiste a encore monté ses tarifs, je vends à perte", "j'ai un pret de 20000 a la banque"],
        ["le prix de la farine a doublé en un an, je sais plus comment faire"],
        ["mes couts ont explose avec l electricite", "la tresorerie est a zero"],
        ["l'alu a pris 35 pour cent depuis janvier et mes devis sont signes"],
    ],
)
def test_a_cost_rise_gets_the_advisors_first_and_no_court_negotiation(says):
    assert "hausse_couts" in read_causes(says)
    ids = _ids(says)
    assert ids[0] == "chambre_conseillers", ids
    assert not COURT_NEGOTIATION & set(ids), ids


@pytest.mark.parametrize(
    "said",
    [
        "j'ai augmenté mes prix et les clients partent",
        "je bois trop et les dettes augmentent",
        "j'ai plus d'énergie, les factures s'accumulent",
        "je paie pas mes fournisseurs depuis deux mois",
        "mes clients sont partis et l'urssaf qui paie pas les indemnités",
    ],
)
def test_look_alikes_are_no_cost_rise_nor_a_client_who_does_not_pay(said):
    causes = read_causes([said])
    assert "hausse_couts" not in causes
    if "urssaf" in said or "fournisseurs" in said:
        assert "impayes_clients" not in causes


def test_a_cash_shortfall_in_cessation_des_paiements_keeps_the_court_negotiation():
    says = ["un client me paie pas 9000 euros", "on est en cessation des paiements depuis 3 semaines"]
    assert read_stage(says) == "cessation"
    assert COURT_NEGOTIATION & set(_ids(says))


def test_a_cash_shortfall_with_no_cause_keeps_its_steps():
    assert "mandat_adhoc_conciliation" in _ids(["la tresorerie est a sec, je paie tout en retard"])


@pytest.mark.parametrize(
    "said",
    [
        "Bon je vous explique tout. Le mois dernier j'ai bien déclaré ma créance, auprès du mandataire. Je veux juste m'en sortir.",
        "je veux pas couler. j ai deja fait la declaration de creance. comment je paie les salaires ?",
        "jai declare ma creance au liquidateur; je voudrais savoir pour la banque",
    ],
)
def test_a_step_done_in_one_sentence_is_kept_whatever_the_others_wish(said):
    assert "declaration_creance" in read_steps([said])


@pytest.mark.parametrize(
    "said",
    [
        "je voudrais déclarer ma créance, comment on fait ?",
        "j'ai pas encore déclaré ma créance",
    ],
)
def test_a_step_wished_or_not_done_is_not_done(said):
    assert "declaration_creance" not in read_steps([said])


@pytest.mark.parametrize(
    "said",
    [
        "mon comptable m'a dit de penser à une procédure de sauvegarde",
        "l'expert comptable parle de sauvegarde, je sais pas ce que c'est",
        "on m'a conseillé de demander un redressement",
    ],
)
def test_a_procedure_advised_is_not_open(said):
    assert read_stage([said]) is None


@pytest.mark.parametrize(
    "said",
    [
        "on est en sauvegarde depuis mars",
        "la sauvegarde a été ouverte le 3 mars",
        "il faut faire le plan de redressement",
    ],
)
def test_a_procedure_open_stays_open(said):
    assert read_stage([said]) == "procedure"


@pytest.mark.parametrize(
    "said",
    [
        "la banque va me couper le découvert à la fin du mois",
        "ma banque est en train de réduire mon autorisation de découvert",
        "ils veulent supprimer la facilité de caisse",
    ],
)
def test_an_overdraft_cut_announced_brings_the_mediation_du_credit(said):
    assert "credit_coupe" in read_causes([said])
    assert "mediation_credit" in _ids([said, "3 salariés, la paie le 30"])


def test_a_long_story_with_a_claim_declared_and_a_bank_cut_gets_the_mediation_not_the_claim_again():
    story = (
        "Je dors mal mais je veux m'en sortir. Ebeniste, 4 salariés. Le promoteur est en liquidation et me doit "
        "31 000 euros. Ma créance, je l'ai déjà déclarée. La banque m'a refusé un prêt et va me couper le "
        "découvert. Mon comptable m'a dit de penser à une procédure de sauvegarde."
    )
    ids = _ids([story])
    assert "mediation_credit" in ids and "declaration_creance" not in ids, ids


@pytest.mark.parametrize(
    "says",
    [
        ["Mon mari est décédé en septembre. C'est lui qui tenait les comptes, moi je suis l'artisane."],
        ["je suis veuve depuis juin. l'entreprise est à mon nom, lui faisait la compta"],
        ["mon compagnon nous a quittés. c est moi la patronne du salon, il m aidait pour les papiers"],
    ],
)
def test_a_widow_who_is_the_artisan_gets_no_owner_death_steps(says):
    assert "titulaire_vivant" in read_causes(says)
    ids = _ids(says)
    assert "deces_comptes_notaire" not in ids and "deces_proche_entreprise" in ids, ids


@pytest.mark.parametrize(
    "says",
    [
        ["mon mari est décédé, c'était son garage, moi je faisais les papiers"],
        ["mon mari est décédé, je suis la gérante maintenant"],
    ],
)
def test_the_owner_who_died_keeps_the_owner_death_steps(says):
    assert "titulaire_vivant" not in read_causes(says)
