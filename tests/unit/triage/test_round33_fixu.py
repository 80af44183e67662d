"""Round 33 (fixu): the urgency classes of the retired held-out v37, each a table written for these tests.

Run the way the bot runs a conversation (after every message, with the previous assessment), on a fixed day. Sentences
are ours, in several voices; none comes from an evaluation set.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.assessments import final_urgency
from triage.dates import find_deadlines, find_past_dates
from triage.normalise import normalise
from triage.rules import rules

TODAY = date(2026, 12, 5)  # a Saturday


def _days(text: str) -> list[int]:
    return [found.days for found in find_deadlines(normalise(text), TODAY)]


# dates.py: how far ahead each sentence's date is (none: no date to come).
DATES = [
    # A delay someone gave, said as done.
    ("on m'a laissé quinze jours pour trouver l'argent", [15]),
    ("la caisse nous a accordé dix jours, pas un de plus", [10]),
    ("ils m'accordent huit jours pour régulariser", [8]),
    # The first digits of a sum written in groups are no day of the month.
    ("salaires de vendredi : 14 000, en banque : 9 000", [6]),
    # A claim or a notice said now, not a day it is due; a payment due today still is.
    ("le SIE me réclame aujourd'hui 2 300 € de rappel", []),
    ("la caisse de retraite me demande aujourd'hui mes arriérés", []),
    ("le solde est à régler aujourd'hui", [0]),
    # The damage a weekday's storm did, told after the day: gone by.
    ("la bourrasque de mercredi a soulevé le bardage du hangar", []),
    ("l'orage de mardi a arraché la gouttière", []),
    ("le prélèvement de jeudi va passer", [5]),
]


@pytest.mark.parametrize("text, days", DATES)
def test_dates(text: str, days: list[int]) -> None:
    assert _days(text) == days


@pytest.mark.parametrize(
    "text", ["la bourrasque de mercredi a soulevé le bardage du hangar", "l'orage de mardi a arraché la gouttière"]
)
def test_damage_day_is_past(text: str) -> None:
    assert [found.days for found in find_past_dates(normalise(text), TODAY)] and not _days(text)


# signals.yml: a blow is no cut ("coup de pied", "coup de vent"); a cut, or a call, still makes a date a deadline.
DEADLINE_WORDS = [
    ("un coup de sabot de cheval jeudi", False),
    ("le coup de vent de lundi", False),
    ("un coup de tonnerre mardi", False),
    ("un coup de fil de l'huissier, il passe lundi", True),
    ("ils coupent le courant jeudi", True),
    ("la coupure est prévue lundi", True),
]


@pytest.mark.parametrize("text, deadline", DEADLINE_WORDS)
def test_deadline_context(text: str, deadline: bool) -> None:
    assert bool(rules().signals.deadline_context.search(normalise(text))) is deadline


# normale: a real difficulty, no threat within days.
NORMALE = [
    # The local tax's reminder before its ordinary due date.
    ["tapissière à Gien", "relance du Trésor pour ma taxe foncière, 900 € avant le 15, je ne les ai pas"],
    # A claim dated by when it is said.
    ["boucher à Nérac, la caisse de retraite me demande aujourd'hui 3 400 euros d'arriérés avec pénalités"],
    # A storm's day told before the damage it did, the insurer refusing.
    [
        "fleuriste à Sète, l'orage de mardi a arraché la gouttière et coupé l'électricité, l'assureur ne prend pas le stock"
    ],
    # A hoof's kick, not a cut, beside a weekday.
    ["maréchale-ferrant, un coup de sabot lundi dernier, le genou cassé, plâtrée mercredi, deux mois d'arrêt"],
    # The vehicle stolen, broken into or wrecked on the road, whatever work it stops.
    ["électricien à Rodez", "cette nuit ils ont volé ma camionnette avec tout le matériel, je ne peux plus travailler"],
    [
        "serrurier à Brive, utilitaire fracturé sur le parking hier soir, plus aucun outil, l'assurance applique la vétusté"
    ],
    ["taxi à Nîmes, un bus a embouti ma voiture mardi, elle est détruite, moi j'ai le bras cassé"],
    # A gas, water or power cut by works that comes and goes.
    ["traiteur à Bron, avec les travaux du tram l'eau est coupée deux jours par semaine depuis un mois"],
    ["coiffeuse à Dax, le chantier de la rue a coupé le courant quatre jours le mois dernier"],
]

# haute: an imminent threat.
HAUTE = [
    # The wages due on a weekday, the sum beside it.
    ["menuisier à Lisieux, cinq gars", "salaires de vendredi : 14 000, en banque : 9 000"],
    # A delay given, said as done.
    ["l'URSSAF m'a laissé dix jours pour régler le solde, je suis plâtrier"],
    # The account kept frozen.
    [
        "depuis le décès de mon père, le compte de l'entreprise reste bloqué par la banque, je suis sa fille et j'ai repris"
    ],
    # The workshop under the water.
    ["potière à Quimperlé, l'atelier était sous 60 cm d'eau samedi, le four compris"],
    # The roof torn off, the wind as subject.
    ["vitrailliste à Brest, la bourrasque de lundi a soulevé toute la toiture de mon atelier"],
    # A cut by works for ten days or more without a break.
    ["poissonnier à Sète", "avec le chantier du quai, plus d'eau depuis le 18 novembre, je ne peux plus rien préparer"],
    ["boulanger à Rezé, les travaux de la rue : le courant est coupé pour trois semaines, mon four est électrique"],
    ["crêpière à Vannes, Enedis a coupé l'électricité du quartier pour refaire le réseau, ça fait douze jours"],
]

# Kept as they were: the damage of a fire or of a vehicle through the shop front, a last reminder before prosecution.
KEPT = [
    (["fleuriste, une voiture a percuté ma vitrine hier, la boutique est fermée jusqu'à l'expertise"], "haute"),
    (["mon camion a brûlé cette nuit sur le parking, je suis primeur, je ne peux plus livrer"], "haute"),
    (["dernier rappel avant poursuites pour la CFE, à payer le 15, je suis bottier"], "haute"),
    (["EDF m'a coupé le courant hier pour des factures impayées, je suis pâtissier"], "haute"),
]


@pytest.mark.parametrize("turns", NORMALE)
def test_normale(turns: list[str]) -> None:
    assert final_urgency(turns, TODAY) == "normale"


@pytest.mark.parametrize("turns", HAUTE)
def test_haute(turns: list[str]) -> None:
    assert final_urgency(turns, TODAY) == "haute"


@pytest.mark.parametrize("turns, expected", KEPT)
def test_kept(turns: list[str], expected: str) -> None:
    assert final_urgency(turns, TODAY) == expected
