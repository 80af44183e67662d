"""Round 35 (fixu): the urgency classes of the retired held-out v39, each a table written for these tests.

Run the way the bot runs a conversation (after every message, with the previous assessment), on a fixed day. Sentences
are ours, in several voices; none comes from an evaluation set.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.assessments import deadline_days, final_urgency

TODAY = date(2026, 12, 5)  # a Saturday


# dates.py: a day told with what befell it is gone by; a day told with what is due stays ahead.
DATES = [
    # The debit of a day, then what befell it.
    ("le prélèvement URSSAF du 5 a été rejeté", []),
    ("le prélèvement du 12 a été refusé par la banque", []),
    ("le prélèvement du 12 va passer", [7]),
    # A weekday right after the event it dates.
    ("incendie mardi dans la réserve, je dois payer les gars", []),
    ("l'orage de jeudi, j'ai tout à payer", []),
    ("un malaise lundi, je dois payer l'URSSAF", []),
    # A cut announced with its day is still to come.
    ("coupure EDF vendredi", [6]),
    # The weekday before a comma, then the event in the past tense.
    ("en rentrant du marché mardi, un camion m'a renversé, je dois payer le garage", []),
    ("je dois payer l'URSSAF vendredi, ils m'ont envoyé une relance", [6]),
    ("il faut régler le loyer lundi, le propriétaire a appelé", [2]),
]


@pytest.mark.parametrize("text, days", DATES)
def test_dates(text: str, days: list[int]) -> None:
    assert deadline_days(text, TODAY) == days


URGENCY = [
    # A day gone by is no deadline: the difficulty stays normale.
    (["pâtissière à Niort", "le prélèvement de la TVA du 5 a été rejeté, frais bancaires en plus"], "normale"),
    (
        ["couvreur", "accident avec le fourgon en allant chez un client jeudi, un poids lourd m'a percuté, bras cassé"],
        "normale",
    ),
    (["bijoutier", "braquage samedi soir, tout le présentoir vidé, et la TVA à payer au SIE"], "normale"),
    # After damage, the trade's own work impossible, or the means to reopen missing.
    (
        [
            "meunière",
            "la foudre est tombée sur le moulin mardi",
            "on ne peut plus moudre, les boulangers vont ailleurs",
        ],
        "haute",
    ),
    (["boulanger", "le fournil a pris l'eau cette nuit, je ne peux plus cuire"], "haute"),
    (["fromager", "cambriolage cette nuit, toute la cave d'affinage vidée", "je rouvre lundi avec quoi ?"], "haute"),
    (["tapissier", "la rivière est sortie de son lit, les machines à coudre noyées, le tissu aussi"], "haute"),
    (
        [
            "glacier",
            "une canalisation a cédé, le labo inondé",
            "la mairie barre la rue un mois, je ne peux plus produire",
        ],
        "haute",
    ),
    # Not a work stopped without damage.
    (["boulanger", "je ne peux plus cuire le dimanche, un voisin se plaint du bruit"], "normale"),
    # The overdraft withdrawn at once, how said after.
    (["savonnière", "la banque a supprimé ma facilité de caisse d'un coup, sans un mot"], "haute"),
    (["carreleur", "ils ont retiré mes 5 000 de découvert du jour au lendemain"], "haute"),
    # A bank's credit line cut is no utility cut.
    (["déménageur", "la banque coupe la ligne de crédit de mobilisation, préavis de 60 jours"], "normale"),
    # The artisan's own claim at the court: a creditor waiting.
    (
        [
            "plaquiste",
            "un client me doit 6 000 €",
            "mon avocat a déposé une injonction de payer au tribunal en octobre",
        ],
        "normale",
    ),
    (
        ["paysagiste", "un client ne paie pas ma facture de 2 500", "une injonction de payer, ça se fait comment ?"],
        "normale",
    ),
    (["paysagiste", "j'ai reçu une injonction de payer du tribunal pour une dette de 4 000"], "haute"),
    # Money counted to live on, said with "j'ai".
    (["tisserande", "je suis en arrêt, j'ai 180 euros pour vivre ce mois"], "haute"),
    (["tisserande", "j'ai 1 800 euros pour vivre ce mois, l'URSSAF passe avant"], "normale"),
    # The creditor's ultimatum reported, its threat after the condition.
    (["fleuriste", "Engie m'a dit que si je paie pas les 900 € avant mardi ils coupent le gaz"], "haute"),
    (["fleuriste", "le bailleur a prévenu : si le loyer n'est pas réglé le 10 il envoie l'huissier"], "haute"),
    (["fleuriste", "Engie a dit que si je paie pas d'ici mars ils coupent"], "normale"),
    # The court named, then the day the artisan appears there.
    (["boucher", "un ancien vendeur me réclame 12 000 € aux prud'hommes. On passe le 14"], "haute"),
    (["boucher", "un ancien vendeur me réclame 12 000 € aux prud'hommes. On passe le 14 mars"], "normale"),
    # Wages paid late as a habit, but paid.
    (["ouvrier", "le patron est à bout", "nos paies arrivent avec une semaine de retard depuis l'été"], "normale"),
    (["ouvrier", "le patron n'a plus rien, les salaires de novembre tombent pas"], "haute"),
]


@pytest.mark.parametrize("turns, level", URGENCY)
def test_urgency(turns: list[str], level: str) -> None:
    assert final_urgency(turns, TODAY) == level
