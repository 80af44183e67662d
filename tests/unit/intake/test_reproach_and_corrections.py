"""What the intake stores from round 5 of off-script conversations: an answer said with a reproach ("SOUS UN MOIS je
vous dis"), a date said at the deadline question without the words of a deadline ("le courrier dit sous un mois"), a
trade corrected ("pas taxi, vtc"), "tout de suite" said of something else than a date (r5-19)."""

from __future__ import annotations

from datetime import date

import pytest

from intake.facts import extract_facts, says_no_first
from intake.reproach import without_reproach

TODAY = date(2026, 12, 4)  # a Friday, the day of round 5


@pytest.mark.parametrize(
    "said, answer",
    [
        ("SOUS UN MOIS je vous dis", "SOUS UN MOIS"),  # r5-18, stored whole as the deadline
        ("je viens de vous dire non", "non"),  # r5-01, stored whole as the deadline
        ("micro je t'ai dit", "micro"),  # r5-31, stored whole as the number of employees
        ("non tout seul j'ai dit", "non tout seul"),  # r5-18
        ("je vous l'ai dit, tot le matin", "tot le matin"),
        ("je vous dis que c'est sous un mois", "c'est sous un mois"),
        ("électricienne je viens de le dire", "électricienne"),
        # Not a reproach: the words are the answer's own.
        ("j'ai dit à mon banquier que non", "j'ai dit à mon banquier que non"),
        ("c'est ce que je vous dis", "c'est ce que je vous dis"),
        ("le courrier dit sous un mois", "le courrier dit sous un mois"),
        ("je vous dis", "je vous dis"),  # nothing else: kept as it was
    ],
)
def test_the_reproach_is_no_part_of_the_answer(said, answer):
    assert without_reproach(said) == answer


@pytest.mark.parametrize(
    "said, asked, expected",
    [
        # r5-18: at the deadline question, the date is the deadline, without "échéance" or "payer" in the words.
        ("le courrier dit sous un mois. il est garagiste a metz tout seul", "deadline", "sous un mois (d'ici le"),
        ("SOUS UN MOIS je vous dis", "deadline", "sous un mois (d'ici le"),
        # Elsewhere, a date needs the words of something due.
        ("le courrier dit sous un mois. il est garagiste a metz tout seul", None, None),
        ("audience au tribunal dans 10 jours", None, "dans 10 jours (d'ici le lundi 14 décembre)"),
        ("audience au tribunal le 15 janvier", None, "le vendredi 15 janvier"),
        # r5-19: "tout de suite" said of the person's safety is no deadline today ("Échéance : aujourd'hui").
        (
            "le 15?? il est au travail, il est pas en danger la tout de suite. je voulais juste de l'aide pour le tribunal",
            None,
            "le mardi 15 décembre",
        ),
        ("il est pas en danger la tout de suite. je voulais juste de l'aide pour le tribunal", None, None),
        ("l'huissier veut que je paye tout de suite", None, "aujourd'hui"),
    ],
)
def test_the_deadline_read_from_the_words_and_the_question(said, asked, expected):
    deadline = extract_facts(said, TODAY, asked=asked).get("deadline")
    if expected is None:
        assert deadline is None
    else:
        assert deadline is not None and deadline.startswith(expected), deadline


def test_the_hearing_said_first_stays_the_deadline_r5_19():
    first = (
        "Mon compagnon est peintre en batiment. Depuis l'ete tout part en vrille, et maintenant un commissaire de "
        "justice qui a envoye un papier pour une audience au tribunal le 15 decembre."
    )
    assert extract_facts(first, TODAY)["deadline"] == "le mardi 15 décembre"


@pytest.mark.parametrize(
    "said, trade",
    [
        ("pas taxi, vtc. seine st denis", "vtc"),  # r5-22, at the place question
        (
            "jai un huisier qui ma laisse un avis de passage pr saisie, cest pour la cfe et des amendes, jsuis taxi? "
            "non pardon ambulancier. enfin vtc",
            "vtc",
        ),
        ("je suis taxi non pardon ambulancier", "ambulancier"),
        ("je suis vtc et pas taxi", "vtc"),
        ("je suis plombier et pas électricien", "plombier"),
        ("je suis boulanger", "boulanger"),
        ("non pas taxi", None),
    ],
)
def test_a_trade_negated_or_corrected_is_not_the_trade(said, trade):
    assert extract_facts(said, TODAY).get("trade") == trade


@pytest.mark.parametrize(
    "said, legal_form",
    [
        ("micro je t'ai dit", "micro"),  # r5-31, at the employees question
        ("micro", "micro"),
        ("je suis en micro", "micro"),
        ("le micro-ondes est en panne", None),
    ],
)
def test_a_legal_form_said_alone_is_the_legal_form(said, legal_form):
    assert extract_facts(said, TODAY).get("legal_form") == legal_form


@pytest.mark.parametrize(
    "said, no",
    [
        ("non pas de date mais l'urssaf a envoye une mise en demeure la semaine derniere", True),  # r5-01
        ("je viens de vous dire non", True),
        ("pas de date, mais l'urssaf relance", True),
        ("nos clients ne paient plus", False),
        ("la semaine dernière", False),
    ],
)
def test_a_no_opening_the_message(said, no):
    assert says_no_first(said) is no
