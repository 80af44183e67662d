"""Facts: causes and procedure stages read in the artisan's words, and the court of the place."""

from __future__ import annotations

from datetime import date

import pytest

from chamber import load_all_chambers
from guidance.facts import Facts, cause_categories, court_for, known_causes, read_causes, read_stage
from triage import CATEGORIES, assess

CHAMBERS = {chamber.id: chamber for chamber in load_all_chambers()}


@pytest.mark.parametrize(
    "said, present, absent",
    [
        ("mon mari est décédé le mois dernier", {"deces"}, {"separation"}),
        ("mon mari est decede", {"deces"}, set()),
        ("je suis veuve depuis mars", {"deces"}, set()),
        ("je suis mort de fatigue", set(), {"deces"}),
        ("ma femme est partie, on divorce", {"separation"}, {"deces"}),
        ("on se separe avec ma compagne", {"separation"}, {"deces"}),
        ("mon atelier a brûlé cette nuit", {"incendie"}, {"vol", "inondation"}),
        ("on m'a volé tout l'outillage", {"vol"}, {"incendie"}),
        ("ma boutique a ete cambriolée", {"vol"}, set()),
        ("tout est inondé avec la crue", {"inondation"}, {"vol"}),
        ("la tempête a arraché le toit", {"intemperies"}, set()),
        ("la grêle a tout détruit", {"intemperies"}, set()),
        ("la commune est reconnue en catastrophe naturelle", {"catnat"}, set()),
        ("dégât des eaux dans la réserve", {"degat_des_eaux"}, {"inondation"}),
        ("mes clients ne me paient pas", {"impayes_clients"}, set()),
        ("3 factures impayées", {"impayes_clients"}, set()),
        ("un client me doit 8000 euros", {"impayes_clients"}, set()),
        ("j'ai un litige avec mon fournisseur", {"litige"}, set()),
        ("conflit avec mon associé", set(), {"litige"}),
        ("j'ai perdu mon plus gros client", {"perte_client"}, {"impayes_clients"}),
        ("depuis les travaux du tram", {"travaux"}, set()),
        ("le chantier de la rue bloque l'entrée du salon", {"travaux"}, set()),
        # A building trade's own worksite is no public works: an accident there is not what the mairie answers.
        ("je suis couvreur, 2 accidents de chantier cette année", set(), {"travaux"}),
        ("mon chantier à Tours est arrêté, le client ne paie pas", {"impayes_clients"}, {"travaux"}),
        ("j'ai une maladie neuromusculaire évolutive", {"maladie_durable"}, set()),
        ("je suis reconnu handicapé par la MDPH", {"maladie_durable"}, set()),
        ("opéré du dos, arrêt de 2 mois", {"maladie"}, set()),
        # Round 7: a bailiff is not an injonction de payer; the act decides what to do.
        ("l'huissier passe demain", {"commissaire_justice"}, {"injonction_recue"}),
        ("j'ai reçu une injonction de payer", {"injonction_recue"}, set()),
        ("la TVA me tue", set(), {"deces", "maladie"}),
        ("tout a cramé dans l'atelier", {"incendie"}, set()),
        ("l'eau est montée de 50 cm dans le magasin", {"inondation"}, set()),
        ("le toit s'est envolé avec le vent", {"intemperies"}, set()),
        ("un client mauvais payeur", {"impayes_clients"}, set()),
        ("la facture est toujours pas réglée", {"impayes_clients"}, set()),
        # Round 35 (make run, r35-e): the artisan's own job not paid, in the word orders people use.
        ("le chantier d'un gros client est payé toujours pas, 18000 euros", {"impayes_clients"}, set()),
        ("ma presta de septembre est toujours pas payée", {"impayes_clients"}, set()),
        ("les travaux dans la rue sont toujours pas finis", set(), {"impayes_clients"}),
        ("la commande est toujours pas livrée", set(), {"impayes_clients"}),
        ("mon ex mari veut sa part", {"separation"}, {"deces"}),
        # Round 7: who owes whom, seizures, notices, hearings, closing, deaths.
        ("le proprio a envoyé un commandement de payer par huissier", {"commissaire_justice"}, {"injonction_recue"}),
        ("le bailleur réclame 4 mois de loyer", {"bail_commercial"}, {"injonction_recue"}),
        ("le commissaire de justice a saisi mon compte pro", {"saisie_compte"}, {"injonction_recue"}),
        ("mon compte est bloqué par une saisie d'un fournisseur", {"saisie_compte"}, set()),
        ("la banque a bloqué les comptes après le décès", set(), {"saisie_compte"}),
        ("j'ai reçu un avis avant saisie du SIE", {"poursuite_fiscale"}, {"saisie_biens"}),
        ("le fisc m'a mis en demeure, ils parlent de saisie", {"poursuite_fiscale"}, set()),
        ("je veux faire une injonction de payer contre mon client", {"injonction_a_demander"}, {"injonction_recue"}),
        ("une injonction de payer ça marche ?", {"injonction_a_demander"}, {"injonction_recue"}),
        ("on m'a signifié une injonction de payer du grossiste", {"injonction_recue"}, {"injonction_a_demander"}),
        ("je dois rien a personne", {"aucune_dette"}, set()),
        ("aucune dette, c'est elle qui me doit", {"aucune_dette", "impayes_clients"}, set()),
        ("je ne dois rien à l'urssaf mais aux impôts oui", set(), {"aucune_dette"}),
        ("mon gros client ne m'a toujours pas payé les 2 chantiers", {"impayes_clients"}, set()),
        ("le client refuse de payer le solde", {"impayes_clients"}, set()),
        ("un particulier ne veut pas régler", {"client_particulier"}, set()),
        ("mon donneur d'ordre est en liquidation judiciaire", {"client_en_procedure"}, set()),
        ("la liquidation de mon principal client me laisse 9000 euros", {"client_en_procedure"}, set()),
        ("ma boite est en liquidation", set(), {"client_en_procedure"}),
        ("la banque m'a sucré mon découvert", {"credit_coupe"}, set()),
        ("mon banquier refuse de reporter les échéances", {"credit_coupe"}, set()),
        ("audience au tribunal le 3 pour la liquidation", {"audience_liquidation"}, set()),
        ("l'urssaf demande ma liquidation, je suis convoqué", {"audience_liquidation"}, set()),
        ("je vais prendre ma retraite et vendre le fonds", {"fermeture_activite"}, set()),
        ("on envisage de fermer l'atelier l'an prochain", {"fermeture_activite"}, set()),
        ("j'ai dû fermer la boutique 3 semaines", set(), {"fermeture_activite"}),
        ("ma femme est morte, elle était conjointe collaboratrice", {"deces", "titulaire_vivant"}, set()),
        ("mon patron est toujours en vie, c'est sa femme qui est décédée", {"titulaire_vivant"}, set()),
        ("je suis conjointe collaboratrice, mon mari est décédé", {"deces"}, {"titulaire_vivant"}),
        ("ma cogérante est décédée en mai", {"deces_associe"}, set()),
    ],
)
def test_causes(said, present, absent):
    causes = read_causes([said])
    assert present <= causes, causes
    assert not absent & causes, causes


@pytest.mark.parametrize(
    "said, stage",
    [
        ("je pense déposer le bilan", "cessation"),
        ("on est en cessation de paiement", "cessation"),
        ("je suis en redressement judiciaire", "procedure"),
        ("on a un plan de sauvegarde", "procedure"),
        ("ma boite a été liquidée", "liquidation"),
        ("la sasu est en liquidation judiciaire", "liquidation"),
        ("le liquidateur m'a écrit", "liquidation"),
        ("le conciliateur a réuni les créanciers", "amiable"),
        ("j'ai peur de finir en liquidation", None),
        ("l'urssaf me relance", None),
        ("en redressement puis liquidation prononcée", "liquidation"),
        ("l'entreprise va être liquidée, le tribunal a dit liquidation judiciaire la semaine dernière", "liquidation"),
        ("le juge a prononcé la liquidation lundi", "liquidation"),
        # Round 7: a mention is not a procedure; a client's procedure is not the artisan's.
        ("mon comptable me parle de procédure de sauvegarde", None),
        ("un syndic a fait faillite, j'ai déclaré ma créance au mandataire", None),
        ("mon client est en liquidation judiciaire depuis juin", None),
        ("le liquidateur de mon client m'a répondu", None),
        ("la sauvegarde a été ouverte en mars", "procedure"),
        ("on est sous plan de redressement", "procedure"),
    ],
)
def test_stages(said, stage):
    assert read_stage([said]) == stage


def test_every_cause_belongs_to_a_triage_category():
    mapping = cause_categories()
    assert set(mapping) == set(known_causes())
    assert set(mapping.values()) <= set(CATEGORIES)


@pytest.mark.parametrize(
    "departement, today, court",
    [
        ("92", date(2026, 12, 1), "tribunal des activités économiques"),
        ("75", date(2026, 12, 1), "tribunal des activités économiques"),
        ("78", date(2025, 1, 1), "tribunal des activités économiques"),
        ("75", date(2024, 12, 31), "tribunal de commerce"),  # before the experiment
        ("75", date(2029, 1, 1), "tribunal de commerce"),  # after it, unless the data is updated
        ("69", date(2026, 12, 1), "tribunal de commerce ou des activités économiques"),
        ("59", date(2026, 12, 1), "tribunal de commerce"),
        ("62", date(2026, 12, 1), "tribunal de commerce"),
        ("67", date(2026, 12, 1), "chambre commerciale du tribunal judiciaire"),
        ("974", date(2026, 12, 1), "tribunal mixte de commerce"),
        (None, date(2026, 12, 1), "tribunal de commerce (ou des activités économiques)"),
    ],
)
def test_court_from_the_place(departement, today, court):
    assert court_for(departement, today).name == court


def test_court_phrases_agree_with_gender():
    chambre = court_for("57", date(2026, 12, 1))
    assert (chambre.le, chambre.du, chambre.au) == (
        "la chambre commerciale du tribunal judiciaire",
        "de la chambre commerciale du tribunal judiciaire",
        "à la chambre commerciale du tribunal judiciaire",
    )
    assert court_for("59").du == "du tribunal de commerce"


def test_facts_read_messages_reasons_and_answers():
    assessment = assess(["la banque me lâche"], today=date(2026, 12, 1))
    facts = Facts.build(
        assessment,
        {"creditors": "un client me doit 8000 euros", "legal_form": "EURL", "departement": "Nanterre 92000"},
        messages=["la banque me lâche"],
    )
    assert "impayes_clients" in facts.causes
    assert facts.known("legal_form") == "eurl_sarl" and facts.known("social_status") == "independant"
    assert facts.known("natural_person") == "no"
    assert facts.court.name == "tribunal des activités économiques"


def test_a_chamber_of_one_departement_gives_the_place_when_the_artisan_did_not():
    one = next(iter(CHAMBERS.values()))
    single = type(one)(**{**one.__dict__, "departements": ("92",)})
    assert Facts.build(None, {}, chamber=single).departement == "92"
    assert Facts.build(None, {}, chamber=CHAMBERS["cma-exemple-nord"]).departement is None


@pytest.mark.parametrize(
    "messages, answer, done",
    [
        ([], "j'ai demandé un délai à l'urssaf mais ils ont refusé", {"urssaf_delai"}),
        ([], "oui, échéancier avec l'urssaf en cours", {"urssaf_delai"}),
        ([], "pas encore", set()),
        ([], "non, je n'ai pas encore demandé de délai à l'urssaf", set()),
        (["je voudrais un délai avec l'urssaf"], None, set()),
        (["j'ai déjà demandé un délai à l'urssaf"], None, {"urssaf_delai"}),
        ([], "j'ai porté plainte et prévenu l'assurance", {"plainte", "assurance"}),
        ([], "on a vu le notaire", {"notaire"}),
        ([], "j'ai saisi la médiation du crédit", {"mediation_credit"}),
    ],
)
def test_steps_already_taken(messages, answer, done):
    from guidance.facts import read_steps

    assert read_steps(messages, answer) == done


@pytest.mark.parametrize(
    "messages, alive",
    [
        # Round 7: the son wrote for his father; his mother died.
        (["J'écris pour mon père, menuisier. Ma mère est décédée en octobre"], True),
        (["c'est l'atelier de mon mari, ma mère est morte le mois dernier"], True),
        (["je viens pour ma femme, son père est décédé"], False),  # the deceased is not named as "mon/ma"
        (["j'écris pour mon père, il est décédé"], False),
        (["mon mari est décédé, c'est lui qui faisait la compta"], False),
    ],
)
def test_who_died_and_whose_business_it_is(messages, alive):
    from guidance.facts import owner_alive

    assert owner_alive(messages) is alive


def test_a_partner_who_died_means_a_company():
    facts = Facts.build(None, {}, messages=["mon associé est mort dans un accident"])
    assert {"deces", "deces_associe"} <= facts.causes
    assert facts.known("natural_person") == "no"


def test_a_triage_label_is_not_read_as_the_artisans_words():
    # Round 7: "compte bloqué ou saisi : « la banque a bloqué les comptes »" read as a seizure.
    assessment = assess(
        ["mon mari est décédé, la banque a bloqué les comptes de l'entreprise"], today=date(2026, 12, 1)
    )
    assert "saisie_compte" not in Facts.build(assessment, {}).causes
