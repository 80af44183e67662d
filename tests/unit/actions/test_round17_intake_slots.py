"""Round 17 (r17a, r17b): facts the intake stored in the wrong slot or lost.

A postcode typed at another question is a place, never a sum owed, and "je vous l'ai donné" at the place question reads
the earlier message; a code said digit by digit is that code; a no to the deadline anywhere in the answer answers it;
words with no date are no deadline; who works in the business is never who is owed; a length of time looking back is
"since when"; the whole list of employees is kept, a wish to hire is no employee; a name keeps no role, and the name
said between a yes and a remark is kept with the remark's wish (no e-mail)."""

from __future__ import annotations

from datetime import date

import pytest

from actions import services
from actions.handoff import clean_name, declines_email, name_after_a_yes_then_more
from actions.intake_actions import ValidateSituationForm
from intake.facts import denies_a_deadline, extract_facts, sums_said
from intake.shapes import fits, postcode_alone
from places import find_in_text, resolve
from tests.support.trackers import bot, run, slot_events, texts, tracker, user
from tests.unit.actions.test_round16_intake_pending import turn

TODAY = date(2026, 12, 5)


@pytest.fixture(autouse=True)
def fixed_day(monkeypatch):
    monkeypatch.setattr(services, "chamber_today", lambda: TODAY)


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


# ------------------------------------------------------------------ H3: a postcode at another question


@pytest.mark.parametrize(
    "question, words, code",
    [("since_when", "69003", "69"), ("deadline", "33 000", "33"), ("legal_form", "code postal 59000", "59")],
)
def test_a_postcode_at_another_question_is_the_place_never_a_sum(question, words, code):
    slots, said, _asked, _ = turn("plombier, les impôts me réclament 2000 €", question, words)
    assert slots["departement"] == code
    assert "000 €" not in (slots.get("creditors") or "").replace("2000 €", "")
    assert question not in slots or slots[question] is None
    assert said and said[0].startswith("Merci, j'ai noté le lieu")


def test_a_bare_number_at_the_debts_question_stays_an_amount():
    # Near miss: where a sum is asked, five digits are money.
    slots, _, _, _ = turn("plombier, les impôts me relancent", "creditors", "13000")
    assert slots["creditors"] == "impôts 13 000 €"
    assert not slots.get("departement")


@pytest.mark.parametrize("words", ["2500", "25 000 euros", "13000 €", "99999"])
def test_what_is_no_postcode_alone(words):
    assert postcode_alone(words) is None


def test_the_place_question_reads_the_postcode_given_before():
    events = [
        user("tapissier, la banque m'a coupé le découvert"),
        slot("requested_slot", "since_when"),
        bot("Depuis quand cette situation dure-t-elle ?"),
        user("31000"),
        bot("Merci."),
        slot("requested_slot", "departement"),
        bot("Dans quel département ou quelle ville se trouve votre entreprise ?"),
        user("je vous l'ai déjà donné plus haut"),
        slot("departement", "je vous l'ai déjà donné plus haut"),
    ]
    slots = {
        "difficulty_categories": ["banque"],
        "requested_slot": "departement",
        "departement": "je vous l'ai déjà donné plus haut",
    }
    dispatcher, produced = run(ValidateSituationForm(), tracker(events, slots=slots, active_loop="situation_form"))
    assert slot_events(produced)["departement"] == "31"
    assert texts(dispatcher)[0].startswith("Merci, j'ai noté le lieu")


# ------------------------------------------------------------------ H4: a code said digit by digit


@pytest.mark.parametrize("words, code", [("dans le 7 5", "75"), ("on est du 6 9", "69"), ("9 2", "92")])
def test_a_code_said_digit_by_digit_is_that_code(words, code):
    assert resolve(words).departement == code


def test_a_code_said_digit_by_digit_in_a_sentence():
    assert find_in_text("je suis peintre dans le 9 4 depuis 2012").departement == "94"


@pytest.mark.parametrize("words", ["le 9/3 j'ai rendez-vous", "payé le 4 5 fois", "le 1 2 3"])
def test_digits_that_are_no_code_said_digit_by_digit(words):
    assert find_in_text(words).departement not in ("93", "45", "12")


# ------------------------------------------------------------------ H5, F4, F12: the deadline question


@pytest.mark.parametrize(
    "words",
    [
        "pas d'échéance précise, mais le fournisseur a envoyé un courrier",
        "non c'est pas ça, le local je veux dire. pas de date sinon",
        "aucune date pour le moment",
    ],
)
def test_a_no_deadline_anywhere_answers_the_deadline_question(words):
    slots, _, asked, _ = turn("serrurier, l'urssaf me relance", "deadline", words)
    assert slots["deadline"] == "aucune échéance connue"
    assert asked != "deadline"


def test_a_date_said_after_the_no_is_the_deadline():
    slots, _, _, _ = turn(
        "pâtissier à Nîmes dans le 30, la banque me relance", "deadline", "rien de spécial à part la traite du 18"
    )
    assert slots["deadline"].startswith("le ") and "18 décembre" in slots["deadline"]
    assert slots["departement"] == "30"


def test_an_instalments_day_is_never_a_departement():
    facts = extract_facts("le prêt, la mensualité du 22 je vais pas l'avoir", TODAY, asked="deadline")
    assert "departement" not in facts
    assert "22 décembre" in facts["deadline"]


@pytest.mark.parametrize(
    "words", ["ce boulot me tue, je coule sous les impayés", "j'en ai marre de ce métier, je coule sous les dettes"]
)
def test_words_with_no_date_are_no_deadline(words):
    slots, _said, _asked, _ = turn("maçon, l'urssaf me relance", "deadline", words)
    assert not slots.get("deadline")


@pytest.mark.parametrize("words", ["sous 8 jours", "sous huitaine", "avant la fin du mois", "pas de date"])
def test_dates_still_fit_the_deadline(words):
    assert fits("deadline", words)


@pytest.mark.parametrize("words", ["ya deux mois", "y a 3 semaines à peu près"])
def test_a_length_of_time_looking_back_at_the_deadline_question_is_since_when(words):
    slots, _said, asked, _ = turn("fleuriste, la banque m'a refusé le prêt", "deadline", words)
    assert slots["since_when"]
    assert not slots.get("deadline")
    assert asked == "deadline"


@pytest.mark.parametrize(
    "words",
    ["pas de délai de paiement accordé", "je n'ai pas d'échéancier", "l'audience n'a pas de date mais c'est bientôt"],
)
def test_near_misses_are_no_denied_deadline(words):
    assert not denies_a_deadline(words)


# ------------------------------------------------------------------ H5: who works is never who is owed


@pytest.mark.parametrize("words", ["j'ai une apprentie", "il y a mon ouvrier et moi"])
def test_who_works_at_the_debts_question_goes_to_the_employees(words):
    slots, _said, asked, _ = turn("charpentier, la banque me lâche", "creditors", words)
    assert slots.get("creditors") in (None, "banque")
    assert slots["employees"]
    assert asked == "creditors"


def test_a_debt_to_the_employees_is_still_a_debt():
    # Near miss: wages owed with a sum are owed.
    assert fits("creditors", "mes 2 salariés, 6000 € de salaires")


# ------------------------------------------------------------------ H11: the whole list of employees


@pytest.mark.parametrize(
    "words, kept",
    [
        ("3 ouvrières et une apprentie", "3 ouvrières et une apprentie"),
        ("ma fille est employée et j'ai deux ouvriers", "ma fille est employée et deux ouvriers"),
        ("on est 4 avec mon apprenti", "on est 4 avec mon apprenti"),
    ],
)
def test_every_employee_named_is_kept(words, kept):
    assert extract_facts(words, TODAY, asked="employees")["employees"] == kept


@pytest.mark.parametrize("words", ["je cherche à embaucher un apprenti", "j'aimerais prendre une apprentie"])
def test_a_wish_to_hire_is_no_employee(words):
    assert "employees" not in extract_facts(words, TODAY)


def test_nobody_said_after_an_employee_noted_replaces_it():
    slots, _, _, _ = turn(
        "cordonnier, l'urssaf me relance",
        "employees",
        "non personne, justement je voudrais une apprentie",
        known={"employees": "une apprentie"},
    )
    assert slots["employees"] == "0"


# ------------------------------------------------------------------ L4, M13: since when, what is owed to the artisan


def test_a_duration_after_a_debtor_is_since_when():
    assert extract_facts("couturière, deux boutiques me doivent 1800 € depuis cet automne", TODAY)["since_when"] == (
        "depuis cet automne"
    )


def test_the_trade_just_before_the_duration_is_still_the_age_of_the_business():
    assert "since_when" not in extract_facts("vitrier depuis 15 ans, les impôts me relancent", TODAY)


def test_who_owes_the_artisan_is_named():
    assert sums_said("deux hôtels me doivent 6500 €")[0].endswith("doivent 6 500 € à l'entreprise")
    assert "client" not in sums_said("deux hôtels me doivent 6500 €")[0]


def test_an_event_dated_by_its_day_is_since_when():
    assert extract_facts("couvreur, l'orage de samedi a arraché la toiture", TODAY)["since_when"] == "orage de samedi"


# ------------------------------------------------------------------ H6, H7: the name


@pytest.mark.parametrize(
    "said, name",
    [
        ("Gaëlle Moreau la gérante", "Gaëlle Moreau"),
        ("Thierry Blanc patron", "Thierry Blanc"),
        ("Lucie, la patronne du salon", "Lucie"),
        ("Sophie Chef", "Sophie Chef"),  # a surname that is a word of work stays
        ("Jean Gérant", "Jean Gérant"),
    ],
)
def test_a_role_said_after_the_name_is_no_part_of_it(said, name):
    assert clean_name(said) == name


def test_a_name_between_a_yes_and_a_remark_is_kept():
    assert name_after_a_yes_then_more("ok d'accord Mathis, et pas de courriel svp") == "Mathis"
    assert declines_email("ok d'accord Mathis, et pas de courriel svp")
    assert name_after_a_yes_then_more("bon ok") is None
    assert not declines_email("Mathis, mon mail c'est mathis@exemple.fr")


# ------------------------------------------------------------------ H7 through the handoff form's validation


def _name_answer(words: str, intent: str = "affirm"):
    from actions.handoff_actions import ValidateHandoffForm
    from tests.support.handoff_form import DOMAIN

    events = [user("la banque m'a coupé le découvert"), bot("Comment le conseiller peut-il vous appeler ?")]
    events += [user(words, intent), slot("contact_name", words)]
    slots = {
        "difficulty_categories": ["banque"],
        "urgency": "normale",
        "distress": False,
        "wants_advisor": True,
        "consent_given": True,
        "consent_at": "2026-12-01T10:00:00+00:00",
        "requested_slot": "contact_name",
        "contact_name": words,
    }
    _dispatcher, produced = run(ValidateHandoffForm(), tracker(events, slots=slots, active_loop="handoff_form"), DOMAIN)
    return slot_events(produced)


def test_the_name_said_with_a_yes_and_no_email_wanted_is_kept_and_the_email_passed():
    kept = _name_answer("bon d'accord Noémie, mais pas de mail")
    assert kept["contact_name"] == "Noémie"
    assert kept["email"] == "non précisé"


def test_the_name_said_with_a_yes_and_another_remark_leaves_the_email_question():
    kept = _name_answer("oui ok Bastien, le matin de préférence")
    assert kept["contact_name"] == "Bastien"
    assert "email" not in kept
