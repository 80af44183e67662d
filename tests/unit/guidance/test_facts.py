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
        ("l'huissier passe demain", {"injonction_recue"}, set()),
        ("j'ai reçu une injonction de payer", {"injonction_recue"}, set()),
        ("la TVA me tue", set(), {"deces", "maladie"}),
        ("tout a cramé dans l'atelier", {"incendie"}, set()),
        ("l'eau est montée de 50 cm dans le magasin", {"inondation"}, set()),
        ("le toit s'est envolé avec le vent", {"intemperies"}, set()),
        ("un client mauvais payeur", {"impayes_clients"}, set()),
        ("la facture est toujours pas réglée", {"impayes_clients"}, set()),
        ("mon ex mari veut sa part", {"separation"}, {"deces"}),
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
