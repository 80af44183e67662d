"""Round 18 (letter a, intake helper): plain functions of intake/ read in new words, with near misses that must not
change. Facts said at another question (the amount with a delay to pay, "depuis le mois de ..."), a goodbye typed
without apostrophes, the worry that it becomes known around the artisan, the time difference, a call accepted in so
many words, and which "redressement" the words make clear."""

from __future__ import annotations

from datetime import date

import pytest

from intake.answers import (
    asks_for_callback,
    asks_who_reads,
    fears_it_gets_known,
    is_closing,
    mentions_time_difference,
)
from intake.facts import UNSPECIFIED_REDRESSEMENT, events_said, extract_facts, redressement_meant

TODAY = date(2026, 12, 5)


@pytest.mark.parametrize(
    "words, creditors",
    [
        ("sur la lettre c'est 15 jours pour régler, 3 200 euros", "3 200 €"),
        ("on me laisse deux semaines pour payer, soit 5600 euros", "5600 €"),
        ("délai pour rembourser : 2 mois, c'est 1900 euros", "1900 €"),
    ],
)
def test_an_amount_said_with_a_delay_to_pay_is_owed(words, creditors):
    assert extract_facts(words, TODAY).get("creditors") == creditors


@pytest.mark.parametrize(
    "words",
    [
        "il me reste 2 mois pour finir le chantier de 12000 euros",  # a delay, but to work
        "j'ai fait 9000 euros de chiffre en un mois",
        "le client a 30 jours pour payer ma facture de 2500 euros",  # what a client owes
    ],
)
def test_near_misses_are_no_debt(words):
    assert "creditors" not in extract_facts(words, TODAY)


@pytest.mark.parametrize(
    "words, since",
    [
        ("depuis le mois de mars les clients ne viennent plus", "depuis le mois de mars"),
        ("Depuis le mois d'avril la rue est barrée", "Depuis le mois d'avril"),
    ],
)
def test_since_the_month_of_is_how_long_it_lasts(words, since):
    assert extract_facts(words, TODAY).get("since_when") == since


def test_since_last_month_still_read_as_before():
    assert extract_facts("depuis le mois dernier plus rien", TODAY).get("since_when") == "depuis le mois dernier"


@pytest.mark.parametrize(
    "words",
    [
        "bon je vais voir ça, jdois aller chercher les enfants à la crèche",
        "faut que jaille récupérer la petite",
        "ok faut que j aille chercher les gamins",
    ],
)
def test_leaving_for_the_children_typed_without_apostrophes_is_a_goodbye(words):
    assert is_closing(words)


@pytest.mark.parametrize(
    "words",
    [
        "parce que je dois aller chercher les enfants tous les soirs, je ferme à 16 h",
        "je dois aller chercher les enfants mais avant, une question ?",
    ],
)
def test_a_story_or_more_to_say_is_no_goodbye(words):
    assert not is_closing(words)


@pytest.mark.parametrize(
    "words",
    [
        "je préfère pas que ça se sache dans le quartier",
        "le conseiller, il connait ma boutique ?",
        "est-ce que le conseiller me connaît ?",
        "j'ai peur que mes clients vont le savoir",
    ],
)
def test_the_fear_that_it_becomes_known(words):
    assert fears_it_gets_known(words)


@pytest.mark.parametrize(
    "words",
    ["le conseiller connait la procédure ?", "il faut que je sache quoi faire", "que ça se passe bien surtout"],
)
def test_near_misses_fear_nothing(words):
    assert not fears_it_gets_known(words)


def test_who_calls_back_without_me_and_the_time_difference():
    words = "c'est qui qui rappelle, quelqu'un d'ici ou de métropole ? avec le décalage..."
    assert asks_who_reads(words)
    assert mentions_time_difference(words)
    assert not asks_who_reads("je sais pas qui rappeler ?")
    assert not mentions_time_difference("c'est qui qui rappelle ?")


@pytest.mark.parametrize(
    "words",
    [
        "Bonsoir, c'est encore moi, ma fille dit que je devrais accepter le rappel finalement",
        "bon j'accepte l'appel",
        "d'accord pour le rappel alors",
    ],
)
def test_a_call_accepted_in_so_many_words(words):
    assert asks_for_callback(words)


@pytest.mark.parametrize(
    "words", ["je devrais pas accepter l'appel", "l'urssaf m'a envoyé un rappel", "je ne peux pas accepter l'appel"]
)
def test_near_misses_ask_no_call(words):
    assert not asks_for_callback(words)


@pytest.mark.parametrize(
    "words, meant",
    [
        ("le mandataire dit que le redressement va durer", "redressement judiciaire"),
        ("après la vérification de comptabilité, le redressement est tombé", "redressement fiscal"),
        ("un contrôle de l'urssaf, et maintenant ce redressement", "redressement URSSAF"),
        ("le redressement m'inquiète", None),
        ("le tribunal, le contrôle fiscal, le redressement : je m'y perds", None),  # two readings: not said
    ],
)
def test_which_redressement_the_words_make_clear(words, meant):
    assert redressement_meant(words) == meant


def test_the_event_line_takes_the_reading_the_sentence_makes_clear():
    assert events_said("il passe devant le juge le 12 janvier pour son redressement")[0].startswith(
        "redressement judiciaire"
    )
    assert events_said("le redressement me tracasse") == [UNSPECIFIED_REDRESSEMENT]
