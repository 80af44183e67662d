"""Round 19 (c.M2, b.M4, b.M9, a.M8, z.r19z-06): dates that are no deadline were stored as one (the day a letter came,
today named, a past weekday read as the next one, a quantity of weeks paired with a receipt), and the real deadline
was missed (a power cut, "jusqu'au ..."). New sentences, not the talker's. Today: Saturday 5 December 2026."""

from datetime import date

import pytest

from intake.facts import bare_delay, deadline_after_receipt, extract_facts, names_today, past_deadline

TODAY = date(2026, 12, 5)


@pytest.mark.parametrize(
    "said, deadline",
    [
        # a past weekday told with what happened on it; the date due said after it is the deadline
        ("la banque a suspendu ma carte jeudi et il faut régler le fournisseur le 15", "le mardi 15 décembre"),
        ("les impôts ont bloqué le compte lundi, les salaires à verser le 11", "le vendredi 11 décembre"),
        # the power cut is the deadline
        ("Engie va nous couper le gaz le 21 décembre", "le lundi 21 décembre"),
        ("ils coupent l'électricité le 16", "le mercredi 16 décembre"),
        # "jusqu'au": a limit
        ("j'ai jusqu'au 30 décembre pour répondre à la mise en demeure", "le mercredi 30 décembre"),
        # today named is no deadline
        ("on est vendredi ? non samedi, pardon", None),
        ("aujourd'hui c'est samedi et je suis au marché", None),
        # a quantity of weeks beside a dated letter is no delay
        ("j'ai perdu deux semaines de travail, le courrier de la banque est arrivé le 3 novembre", None),
        # the day a letter came is no deadline
        ("la contrainte reçue le 24 novembre, 6 300 € à l'urssaf", None),
        # near misses: deadlines still read
        ("l'huissier passe mardi", "le mardi 8 décembre"),
        ("il faut payer l'urssaf avant lundi", "le lundi 7 décembre"),
        ("l'audience a été fixée au 14 janvier", "le jeudi 14 janvier"),
    ],
)
def test_the_deadline_is_the_date_due_never_a_date_of_something_else(said, deadline):
    assert extract_facts(said, TODAY).get("deadline") == deadline


@pytest.mark.parametrize(
    "said, expected",
    [
        (
            "courrier arrivé le 2 novembre, on a jusqu'au 2 janvier pour contester",
            "le samedi 2 janvier ; courrier reçu le lundi 2 novembre",
        ),
        # near misses: a delay from the receipt, a receipt alone
        (
            "reçue le 1er décembre, 15 jours pour contester",
            "15 jours pour contester à compter du mardi 1er décembre (d'ici le mercredi 16 décembre)",
        ),
        ("reçu le 20 novembre", "courrier reçu le vendredi 20 novembre, délai non précisé"),
    ],
)
def test_a_receipt_with_a_date_to_come_gives_that_date(said, expected):
    assert deadline_after_receipt(said, TODAY) == expected


@pytest.mark.parametrize(
    "said, today_named",
    [
        ("ah mais on est samedi, alors lundi matin", True),
        ("nous sommes lundi ?", True),
        ("aujourd'hui on est vendredi", True),
        # near misses
        ("lundi 14h", False),
        ("on est deux dans l'atelier", False),
        ("on est convoqués mardi", False),
    ],
)
def test_today_named(said, today_named):
    assert names_today(said) is today_named


@pytest.mark.parametrize(
    "said, alone",
    [("3 mois", True), ("six semaines", True), ("depuis 3 mois", False), ("3 mois de loyer", False)],
)
def test_a_length_of_time_alone(said, alone):
    assert bare_delay(said) is alone


@pytest.mark.parametrize(
    "said",
    ["ma femme est décédée le 3 novembre", "le chantier a été annulé le 1er décembre", "l'urssaf m'a relancé mardi"],
)
def test_a_date_of_something_that_happened_is_a_past_date(said):
    assert past_deadline(said, TODAY) is not None
