"""Round 14 (A6, A8, B6, B10): what the case summary is made of. A value goes to a field only when it has that field's
shape (a trade is no town, the employees a count, the deadline a date and no digits of a phone number, a name without
politeness), a correction in the same answer keeps the corrected value, and events (a death, a fire, an injury,
retiring) are read with whom they concern and in what tense. New sentences, typed as on a phone, with near misses."""

from __future__ import annotations

from datetime import date

import pytest

from intake.facts import deaths_said, events_said, extract_facts, sums_said
from intake.shapes import fits, name_without_courtesy

TODAY = date(2026, 12, 5)  # a Saturday


# ------------------------------------------------------------------------------------------------ trade, not a town


@pytest.mark.parametrize(
    "words, trade",
    [
        # a town whose name is a trade's word ("Mâcon" folds to "macon", the maçon): said as the town
        ("horloger-bijoutier à Mâcon, un redressement fiscal", "horloger-bijoutier"),
        ("jsuis fleuriste a Macon", "fleuriste"),
        ("on est installés à Mâcon, je repare des montres", "repare des montres"),  # round 19: what the business does
        ("boulanger patissier a cote de Mâcon", "boulanger patissier"),
        ("couvreur-zingueur du cote de macon", "couvreur-zingueur"),
        ("menuisier-ebeniste pres de Mâcon depuis 1998", "menuisier-ebeniste"),
        # near misses: the trade said as the trade, with or without its accent
        ("je suis maçon a Chalon", "maçon"),
        ("macon depuis 20 ans, l'urssaf me relance", "macon"),
        ("Maçon, 3 salariés", "Maçon"),
        ("peintre en batiment vers Peintre", "peintre en batiment"),
        ("pas taxi, vtc", "vtc"),
    ],
)
def test_a_trade_is_never_the_town_said(words, trade):
    assert extract_facts(words, TODAY).get("trade") == trade


@pytest.mark.parametrize(
    "answer, kept",
    [
        ("Mâcon", False),
        ("à Nevers", False),
        ("Nièvre", False),
        ("71", False),
        ("a macon", False),
        # near misses: trades, one of them also a town's name typed as the trade
        ("macon", True),
        ("maçon", True),
        ("horloger-bijoutier", True),
        ("VTC", True),
        ("coiffeuse à domicile", True),
        ("fleuriste a Nevers", True),
    ],
)
def test_the_trade_question_keeps_no_place(answer, kept):
    assert fits("trade", answer) is kept


# ------------------------------------------------------------------------------------------------ employees, a count


@pytest.mark.parametrize(
    "answer, kept",
    [
        ("31 décembre", False),  # the deadline's answer, come late
        ("fin decembre", False),
        ("le 10", False),
        ("les salaires", False),
        ("2500 €", False),
        ("3 semaines", False),
        ("06 33 72 18 40", False),
        ("c'est compliqué", False),
        # near misses: counts, people at work, alone or nobody
        ("2", True),
        ("Deux", True),
        ("oui 3", True),
        ("une apprentie", True),
        ("ma femme m'aide le samedi", True),
        ("juste moi", True),
        ("seul", True),
        ("0", True),
        ("aucun", True),
        ("on est 4 avec le gars du samedi", True),
    ],
)
def test_the_employees_are_a_count_or_who_works(answer, kept):
    assert fits("employees", answer) is kept


@pytest.mark.parametrize(
    "words",
    ["je n'arrive plus a payer les salaires", "les salaires doivent partir le 10", "payer mes salaires ce mois ci"],
)
def test_wages_alone_say_no_head_count(words):
    assert "employees" not in extract_facts(words, TODAY)


def test_a_head_count_beside_the_wages_is_kept():
    assert extract_facts("les salaires de mes 3 ouvriers", TODAY)["employees"] == "3 ouvriers"


# ------------------------------------------------------------------------------------------------ deadline, a date


@pytest.mark.parametrize(
    "answer, kept",
    [
        ("18 40", False),
        ("+33 (0)6 33 72 18 40", False),
        ("33 72 18 40", False),
        ("appelez moi au 06 33 72 18 40", False),
        ("0385 88 12 40", False),
        # near misses: dates and delays
        ("le 15", True),
        ("15", True),
        ("vendredi", True),
        ("sous 8 jours", True),
        ("31 décembre", True),
        ("le 18/12", True),
        ("aucune", True),
        ("avant le 20, mon numero c'est le 06 33 72 18 40", True),
    ],
)
def test_the_deadline_is_never_digits_of_a_phone_number(answer, kept):
    assert fits("deadline", answer) is kept


# ------------------------------------------------------------------------------------------------ since when


@pytest.mark.parametrize(
    "words, since",
    [
        ("ils disent que ça va durer jusqu'en mars", None),
        ("les travaux vont durer jusqu en avril", None),
        ("d'ici fevrier ca sera fini", None),
        ("l'audience est prevue en janvier", None),
        ("en janvier prochain je sais pas", None),
        ("la banque a coupé en octobre et ça va durer jusqu'en mars", "en octobre"),
        # near misses: a start said
        ("depuis octobre", "depuis octobre"),
        ("en mars dernier la banque a coupé", "en mars dernier"),
        ("ça a commencé en septembre", "en septembre"),
    ],
)
def test_an_end_or_a_date_ahead_is_no_since_when(words, since):
    assert extract_facts(words, TODAY).get("since_when") == since


# ------------------------------------------------------------------------------------------------ a correction


@pytest.mark.parametrize(
    "words, asked, creditors",
    [
        ("l'urssaf, à peu près 5000 €... non pardon c'est 8000 avec les majorations", "creditors", "URSSAF 8000 €"),
        ("l'urssaf, à peu près 5000 €... non pardon c'est 8000 avec les majorations", None, "URSSAF 8000 €"),
        ("je dois 3000 enfin plutot 3500 a la banque", None, "banque 3500 €"),
        ("urssaf 4000, non 4500 euros", None, "URSSAF 4500 €"),
        ("les impots dans les 2000 euros, oups je me suis trompe 2600", None, "impôts 2600 €"),
        # asked, "who and how much" needs no word of debt
        ("le fournisseur, à peu près 1200 €", "creditors", "fournisseurs 1200 €"),
        # near misses: the first is kept where the second is denied, or both are debts
        ("l'urssaf 6000 € et non 8000 €", None, "URSSAF 6000 €"),
        ("l'urssaf c'est 6000 pas 8000", None, "URSSAF 6000 €"),
        ("l'urssaf 8000, la banque 2000", None, "URSSAF 8000 €, banque 2000 €"),
    ],
)
def test_a_correction_in_the_same_answer_keeps_the_corrected_amount(words, asked, creditors):
    assert extract_facts(words, TODAY, asked=asked).get("creditors") == creditors


@pytest.mark.parametrize(
    "words, sums",
    [
        ("le client me doit 6000 non pardon c est 8000", ["son client doit 8 000 € à l'entreprise"]),
        ("mon client me doit 6000 €. Non pardon, 8000 !", ["son client doit 8 000 € à l'entreprise"]),
        ("l'urssaf, à peu près 5000 €... non pardon c'est 8000 avec les majorations", ["URSSAF 8 000 €"]),
        # near misses: no correction
        ("j'ai 5000 € non payés par mes clients", []),
        ("l'urssaf 3000 et la banque 5000", ["URSSAF 3 000 €", "banque 5 000 €"]),
    ],
)
def test_the_sums_said_keep_the_corrected_amount(words, sums):
    assert sums_said(words) == sums


# ------------------------------------------------------------------------------------------------ retiring


@pytest.mark.parametrize(
    "words, events",
    [
        # a worry, a pension, someone else: no departure of the artisan
        ("Puis-je vous demander si ce rappel est payant ? Ma retraite approche …", []),
        ("la caisse de retraite me réclame 3000", []),
        ("je peux pas partir a la retraite avec ces dettes", []),
        ("il part a la retraite en mars", []),
        # already retired
        ("je fais des retouches pour compléter ma petite retraite", ["déjà à la retraite (cumul emploi-retraite)"]),
        ("je suis retraité et je bosse encore un peu", ["déjà à la retraite (cumul emploi-retraite)"]),
        # leaving, and when
        ("je pars à la retraite en juin", ["départ à la retraite en juin"]),
        ("je suis à la retraite bientôt", ["départ à la retraite bientôt"]),
        ("mon associé part à la retraite l an prochain", ["départ à la retraite de son associé l an prochain"]),
        ("mon comptable prend sa retraite en janvier", ["départ à la retraite de son comptable en janvier"]),
        ("mon pere part a la retraite en mars, je suis son fils", ["départ à la retraite en mars"]),
    ],
)
def test_retiring_is_read_with_whom_and_when(words, events):
    assert [line for line in events_said(words) if "retraite" in line] == events


# ------------------------------------------------------------------------------------------------ what happened


@pytest.mark.parametrize(
    "words, expected",
    [
        ("mon garage a brûlé cette nuit", ["garage brûlé", "incendie"]),
        ("le feu a pris dans l'atelier hier soir", ["incendie"]),
        (
            "mon salarie a ete brule a la main il est aux urgences le batiment est a detruire",
            ["bâtiment à détruire", "accident du travail : un salarié blessé"],
        ),
        ("mon apprentie s est coupée hier a la scie", ["accident du travail : une apprentie blessée"]),
        ("c mon ex qui a vidé le compte joint", ["compte joint vidé par son ex"]),
        (
            "appelez chez ma soeur svp pas sur mon portable c mon ex qui paye le forfait il voit tout",
            ["ne pas appeler sur son portable : son ex y a accès"],
        ),
        ("-40% de chiffre depuis les travaux du tram", ["chiffre d'affaires en baisse de 40 %"]),
        ("j'ai perdu 30 % de CA", ["chiffre d'affaires en baisse de 30 %"]),
        # near misses
        ("j'ai une assurance incendie", []),
        ("si un salarié se blesse je suis couvert ?", []),
        ("mon salarié est tombé malade", []),
        ("il a brûlé mes papiers", []),
        ("appelez chez ma soeur plutot", []),
        ("ma femme m'aide a la compta", []),
    ],
)
def test_the_facts_told_are_in_the_summary_lines(words, expected):
    assert events_said(words) == expected


# ------------------------------------------------------------------------------------------------ whose death


@pytest.mark.parametrize(
    "words, relative, deaths",
    [
        # someone close writes: told for the artisan, never as the writer's own mother
        ("ma mère est décédée en octobre, je suis son fils", None, ["décès de l'épouse (en octobre)"]),
        ("je vous écris pour mon père, ma mère est décédée il y a 2 mois", None, ["décès de l'épouse (il y a 2 mois)"]),
        ("papa s en sort pas depuis que maman est morte", None, ["décès de l'épouse"]),
        ("ma mere est morte en mars", "pere", ["décès de l'épouse (en mars)"]),
        ("pour mon père, mon frère est mort le mois dernier", None, ["décès de son fils (le mois dernier)"]),
        ("pour mon père, ma belle-mère est morte", None, ["décès de « ma belle-mère »"]),
        # "partie" is a death only with its cause or a death word said
        ("ma femme est partie en septembre, un cancer", None, ["décès de sa femme (en septembre)"]),
        ("ma femme est partie avec les enfants", None, []),
        ("mon associé est parti avec la caisse", None, []),
        # near misses: the artisan writes
        ("ma mère est décédée", None, ["décès de sa mère"]),
        ("mon associé est mort il y a 3 semaines", None, ["décès de son associé (il y a 3 semaines)"]),
    ],
)
def test_a_death_is_told_for_the_artisan(words, relative, deaths):
    assert deaths_said(words, relative) == deaths


# ------------------------------------------------------------------------------------------------ the name


@pytest.mark.parametrize(
    "typed, name",
    [
        ("Monsieur Lemoine je vous prie", "Monsieur Lemoine"),
        ("Julie merci", "Julie"),
        ("Paul, svp", "Paul"),
        ("Mme Roux, merci d'avance, bonne journée", "Mme Roux"),
        ("Merci", None),
        # near misses: names that only look like politeness
        ("Marie-Claire", "Marie-Claire"),
        ("Jean Merciere", "Jean Merciere"),
    ],
)
def test_a_name_keeps_no_politeness(typed, name):
    assert name_without_courtesy(typed) == name
