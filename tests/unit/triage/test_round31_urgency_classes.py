"""Round 31 (fixu): the urgency classes of the retired held-out v35, each a table written for these tests.

Run the way the bot runs a conversation (after every message, with the previous assessment). Sentences are ours, in
several voices; none comes from an evaluation set.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.assessments import final_urgency
from triage.dates import find_deadlines
from triage.normalise import normalise

TODAY = date(2026, 12, 5)  # a Saturday


# A bank's closing of the account notified with weeks of notice, counted in days: normale, whatever is asked.
# A supplier's new terms (paid on order, in cash, in advance) are no stop of deliveries: normale.
# A bill falling due in about two weeks, its sender a supplier: normale.
# Papers missing before an announced audit: a gap that is here, normale rather than a question asked ahead.
NORMALE = [
    ["menuisier à Niort, ma banque m'écrit qu'elle résilie mon compte professionnel d'ici soixante jours, que faire ?"],
    [
        "le Crédit du coin clôture notre compte de société sous 45 jours sans dire pourquoi, on fait comment pour la paie ?"
    ],
    ["mon compte pro va être fermé dans soixante jours, décision de l'agence, je suis carreleur, quelles démarches ?"],
    ["mon fournisseur de cuivre ne me livre plus qu'au comptant depuis deux retards, je suis plombier à Vannes"],
    ["le moulin refuse de me livrer sans règlement d'avance maintenant, la farine a pris 20 %"],
    ["la facture du gaz arrive le 19 et j'ai pas de quoi la payer, je suis boulanger à Millau"],
    [
        "vérification de comptabilité prévue le 12 janvier, je suis serrurier et plusieurs justificatifs de 2023 sont"
        " introuvables, comment je m'organise ?"
    ],
    [
        "la comptable est partie, il me manque des factures d'achat pour le contrôle de l'URSSAF annoncé, puis-je être aidée ?"
    ],
]

# Damage that keeps the artisan from working (with "ni", "même pas", too dangerous, nothing left to work with, the
# vehicle carried off): haute. Water from a leak or a neighbour: normale.
HAUTE = [
    [
        "je suis ébéniste à Moissac",
        "la grêle de mercredi a crevé l'atelier, je peux ni raboter ni vernir, tout est trempé",
    ],
    ["couvreur à Tulle, l'orage a renversé le hangar et je peux même pas récupérer mon camion, il est coincé dessous"],
    ["le vent a couché la charpente de la forge, bosser dedans c'est trop dangereux, je suis ferronnier"],
    ["plâtrier à Sète, l'inondation a emporté mon utilitaire avec tout l'outillage dedans"],
    ["l'incendie a tout noirci chez moi, je suis tapissier, il ne me reste aucun établi pour travailler"],
]
# A theft of last night is normale, its loot listed; the work said to be stopped keeps it haute.
THEFT = [
    (["sellier à Saumur, on a forcé la porte de l'atelier cette nuit et pris deux selles en réparation"], "normale"),
    (["mon utilitaire a été volé hier soir avec le matériel de soudure dedans, plainte déposée"], "normale"),
    (["cambriolage du dépôt la nuit dernière, tous mes outils partis, je peux plus bosser sur mes chantiers"], "haute"),
    (["ils m'ont volé le camion cette nuit", "sans lui il me reste rien pour travailler, je suis paysagiste"], "haute"),
]
NOT_HAUTE = [
    ["fleuriste à Rodez, la boutique a été inondée par une fuite chez le voisin d'en haut, l'assurance traîne"],
    ["mon fournil a été inondé par une canalisation de l'immeuble, je suis boulanger, le syndic ne répond pas"],
]

# Retiring with no buyer, the business for sale however long, a hard period seen coming: asked ahead, basse.
BASSE = [
    [
        "cordonnier à Auch, 63 ans",
        "au 30 juin c'est la retraite, mais personne ne veut reprendre l'échoppe, comment on cède ?",
    ],
    [
        "retraite en septembre, et ma mercerie est à vendre depuis deux ans, les clientes se font rares, que me"
        " conseillez-vous ?"
    ],
    [
        "pas de retard pour l'instant, mais je vois venir un hiver difficile avec le loyer qui augmente, quelles aides existent ?"
    ],
]


@pytest.mark.parametrize("turns", NORMALE)
def test_a_difficulty_without_imminent_threat_is_normale(turns):
    assert final_urgency(turns, TODAY) == "normale"


@pytest.mark.parametrize("turns", HAUTE)
def test_damage_that_stops_the_work_is_haute(turns):
    assert final_urgency(turns, TODAY) == "haute"


@pytest.mark.parametrize("turns, level", THEFT)
def test_a_theft_is_haute_only_with_the_work_stopped(turns, level):
    assert final_urgency(turns, TODAY) == level


@pytest.mark.parametrize("turns", NOT_HAUTE)
def test_water_damage_from_a_leak_is_not_haute(turns):
    assert final_urgency(turns, TODAY) in ("normale", "basse")


@pytest.mark.parametrize("turns", BASSE)
def test_a_handing_on_or_a_trouble_seen_coming_is_basse(turns):
    assert final_urgency(turns, TODAY) == "basse"


# An accident told with its day: that day is past, no deadline. The same weekday before a date due still counts.
@pytest.mark.parametrize(
    "text, dated",
    [
        ("un taureau l a heurte jeudi dans le pre et il a le bras casse", False),
        ("il a glisse de l echelle mercredi sur le chantier", False),
        ("le loyer de l atelier est a payer jeudi", True),
    ],
)
def test_an_accident_told_with_its_day_is_no_deadline(text, dated):
    assert bool(find_deadlines(normalise(text), TODAY)) is dated
