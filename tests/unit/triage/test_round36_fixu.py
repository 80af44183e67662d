"""Round 36 (fixu): the urgency classes of the retired held-out v40, each a table written for these tests.

Run the way the bot runs a conversation (after every message, with the previous assessment), on a fixed day. Sentences
are ours, in several voices; none comes from an evaluation set.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.assessments import deadline_days, final_urgency

TODAY = date(2026, 12, 5)  # a Saturday


# dates.py: a day told with what the artisan underwent, or with who sent the letter, is gone by.
DATES = [
    ("on s'est fait voler la remorque lundi, je dois payer le loueur", []),
    ("il s'est fait percuter par un camion jeudi", []),
    ("la mise en demeure envoyée par le bailleur mardi", []),
    ("la requête déposée par notre avocat vendredi", []),
    # What is still to come stays ahead.
    ("le commissaire de justice passe vendredi", [6]),
    ("il se fait opérer mardi, je dois payer l'URSSAF", [3]),
]


@pytest.mark.parametrize("text, days", DATES)
def test_dates(text: str, days: list[int]) -> None:
    assert deadline_days(text, TODAY) == days


URGENCY: list[tuple[list[str], str]] = [
    # The artisan's own claim at the court: a creditor waiting.
    (
        ["plâtrier à Vierzon", "un promoteur me doit 12 000 euros, mon avocat a saisi le juge en injonction de payer"],
        "normale",
    ),
    (
        ["serrurier", "j'ai envoyé une requête en injonction de payer au tribunal pour une facture de 4 000 euros"],
        "normale",
    ),
    (
        ["vitrailliste", "le client ne paie pas, injonction de payer faite par notre avocate la semaine dernière"],
        "normale",
    ),
    (["ferronnier", "le grossiste a déposé une requête en injonction de payer contre moi, audience jeudi"], "haute"),
    # A day told with what befell it, or what will only be a span.
    (
        ["couvreur", "je me suis fait renverser par un scooter mercredi, poignet cassé, je dois payer le fourgon"],
        "normale",
    ),
    (
        ["pâtissier", "dernière fournée dimanche, pas de réouverture avant deux mois, je me fais opérer mardi"],
        "normale",
    ),
    # The overdraft withdrawn on a day within the week.
    (["menuisier", "la banque nous enlève le découvert jeudi, sans préavis, et j'ai 4 chantiers en cours"], "haute"),
    (["plombier", "courrier de la banque : ils retirent la facilité de caisse le 9"], "haute"),
    # The workplace flooded these days.
    (["sellier", "la crue de mercredi, on a eu 70 cm dans l'atelier"], "haute"),
    (
        ["fleuriste", "la réserve et le magasin ont été inondés par l'orage mardi", "je suis fermée, rien ne sèche"],
        "haute",
    ),
    (["toiletteuse", "inondation jeudi, tout le matériel est bon à jeter"], "haute"),
    (["ostéopathe animalier", "l'orage a inondé le cabinet hier", "je peux plus accueillir les animaux"], "haute"),
    # Damage told with a month long gone: the insurer slow, a real difficulty.
    (["ébéniste", "fin septembre la rivière a noyé l'atelier, tout à refaire, l'expert ne vient pas"], "normale"),
    # What is left to live on, counted against the children.
    (["coiffeur", "ce mois-ci il me reste 150 euros et on a trois gamins"], "haute"),
    # A day to answer by, no threat carried out.
    (["garagiste", "redressement de TVA de 6 000 euros, je conteste, il faut répondre avant mercredi"], "normale"),
    # A supplier's day more than a few days ahead.
    (["chocolatier", "le prix du cacao a doublé et mon importateur exige 7 000 euros pour le 14"], "normale"),
    # A repair's span is no threat the model may read in its words.
    (
        [
            "boucher",
            "la chambre froide est tombée en panne, toute la viande perdue, le technicien parle de 12 jours pour le "
            "compresseur",
        ],
        "normale",
    ),
    # Asked ahead.
    (["fromagère", "je pense déjà à la fermeture de janvier pour refaire le labo, comment payer le loyer ?"], "basse"),
    (
        [
            "cordonnier",
            "le propriétaire vend le local, je dois partir en avril, rien d'impayé, juste je sais pas où aller",
        ],
        "basse",
    ),
    (
        ["potier", "la mairie a annoncé que la place sera fermée de février à mai pour travaux, y a-t-il des aides ?"],
        "basse",
    ),
    (
        [
            "bonjour, électricien à Dole depuis 2019, cette année j'ai doublé mon chiffre, l'URSSAF va régulariser l'an "
            "prochain, je veux m'organiser dès maintenant"
        ],
        "basse",
    ),
    # Here already, whatever is ahead.
    (
        [
            "tapissier",
            "mes deux hôtels ont annulé leurs commandes pour le printemps prochain, j'ai le crédit de l'atelier",
        ],
        "normale",
    ),
    (
        ["brasseur", "mon avis de taxe foncière passe de 1 200 à 3 100 euros, que puis-je faire avant l'échéance ?"],
        "normale",
    ),
]


@pytest.mark.parametrize("turns, level", URGENCY)
def test_urgency(turns: list[str], level: str) -> None:
    assert final_urgency(turns, TODAY) == level
