"""Round 21 (z.md H4, r21z-14): a town hall that does not pay a painter's invoice, on a public contract, got "une baisse
d'activité", the road-works step ("phasage des travaux") and the correction stored as the deadline. A public buyer's
late payment has its own step (30 days, late-payment interest and 40 €, the Médiateur des entreprises); the artisan's
own "travaux de peinture" are no works in the street; "c'est pas un client privé" is no lack of clients."""

from __future__ import annotations

from datetime import date

import pytest

from chamber import load_chamber
from guidance import load_knowledge_base, select_guidance
from guidance.facts import read_causes
from intake.shapes import fits
from triage import assess

KB = load_knowledge_base()
CHAMBER = load_chamber()
TODAY = date(2026, 12, 6)
ROAD_WORKS = {"chambre_travaux", "travaux_indemnisation"}


def _steps(says: list[str]) -> list[str]:
    assessment = assess(says, situation={}, today=TODAY)
    return [e.id for e in select_guidance(KB, assessment, CHAMBER, situation={}, limit=3, messages=says, today=TODAY)]


@pytest.mark.parametrize(
    "says",
    [
        [
            "travaux de peinture pour un client qui me paie pas, 6500 euros",
            "en fait c'est pas un client privé c'est la mairie, un marché public",
        ],
        ["la mairie me paie pas ma facture de 6500 euros, marché public"],
        ["j'ai fait un marché public pour la commune, la facture est toujours pas payée depuis 3 mois"],
    ],
)
def test_a_public_buyer_who_does_not_pay_gets_the_public_payment_step_and_no_road_works(says: list[str]) -> None:
    steps = _steps(says)
    assert steps[0] == "commande_publique_retard_paiement"
    assert not ROAD_WORKS & set(steps)
    assert "baisse_activite" not in assess(says, situation={}, today=TODAY).categories


def test_the_step_names_the_delay_the_interest_and_the_mediator() -> None:
    from guidance.render import render_entry

    entry = next(e for e in KB if e.id == "commande_publique_retard_paiement")
    said = render_entry(entry, CHAMBER)
    assert "30 jours" in said and "intérêts moratoires" in said and "Médiateur des entreprises" in said


@pytest.mark.parametrize(
    "says",
    [
        ["les travaux du tram devant ma boutique, je perds mes clients"],
        ["la mairie refait la rue depuis septembre, plus personne passe"],
        ["les travaux de voirie bloquent l'accès à mon garage"],
    ],
)
def test_works_in_the_street_keep_the_road_works_steps(says: list[str]) -> None:
    assert ROAD_WORKS & set(_steps(says))


@pytest.mark.parametrize(
    "said", ["je voulais savoir pour les marchés publics", "j'ai perdu un marché public l'an dernier"]
)
def test_a_public_contract_named_with_no_payment_owed_is_no_public_buyer_cause(said: str) -> None:
    assert "acheteur_public" not in read_causes([said])


@pytest.mark.parametrize(
    "said", ["travaux de peinture pour un client qui me paie pas", "j'ai fait des travaux chez un particulier"]
)
def test_the_artisans_own_works_are_no_works_outside(said: str) -> None:
    assert "travaux" not in read_causes([said])


@pytest.mark.parametrize("said", ["pas un client depuis lundi", "pas une commande ce mois-ci"])
def test_no_client_at_all_is_still_a_fall_in_activity(said: str) -> None:
    assert "baisse_activite" in assess([said], situation={}, today=TODAY).categories


@pytest.mark.parametrize(
    "words",
    ["en fait c'est pas un client privé c'est la mairie, un marché public", "c'est pas la banque c'est un fournisseur"],
)
def test_a_correction_is_no_deadline(words: str) -> None:
    assert not fits("deadline", words)


@pytest.mark.parametrize(
    "words", ["c'est pas le 15 c'est le 20", "non pas d'échéance", "c'est pas la banque c'est l'urssaf, le 20 décembre"]
)
def test_a_date_or_a_no_still_answers_the_deadline(words: str) -> None:
    assert fits("deadline", words)


# Round 21 (z.md M5, r21z-02): a tax seizure already made (an ATD) got "Faites-le avant la date du courrier".
@pytest.mark.parametrize(
    "says",
    [
        ["les impots ont fait une saisie sur mon compte pro, ATD je crois"],
        ["le fisc a bloqué mon compte, 3200 euros, une SATD"],
    ],
)
def test_a_tax_seizure_already_made_gets_the_step_for_after_it(says: list[str]) -> None:
    steps = _steps(says)
    assert "impots_saisie_faite" in steps
    assert "impots_avis_avant_saisie" not in steps


def test_a_notice_before_seizure_keeps_the_step_before_the_date() -> None:
    steps = _steps(["j'ai reçu un avis avant saisie des impôts pour la TVA"])
    assert "impots_avis_avant_saisie" in steps and "impots_saisie_faite" not in steps
