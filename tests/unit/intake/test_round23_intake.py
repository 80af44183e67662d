"""Round 23 (talk-b #5, #6, #10, #3): readers of the intake's words, over plain text."""

from __future__ import annotations

import pytest

from intake.answers import fears_others_told, leaves_to_think
from intake.service_questions import (
    asks_if_someone_is_there,
    asks_what_to_say,
    fits_stored_answer,
    no_one_told_text,
)


@pytest.mark.parametrize(
    "words",
    [
        "l'urssaf saura que je suis passé par vous ?",
        "et le fisc, il va être au courant ?",
        "les impôts vont l'apprendre si je vous écris ?",
        "la MSA elle sera prévenue ?",
        "si je vous raconte tout ça les impots le sauront ?",
    ],
)
def test_a_body_told_is_a_fear_heard(words):
    assert fears_others_told(words)


@pytest.mark.parametrize(
    "words",
    ["l'urssaf va savoir quoi faire de mon dossier ?", "les impôts vont me saisir", "l'urssaf saura m'aider ?"],
)
def test_a_body_that_acts_is_no_fear_of_being_told(words):
    assert not fears_others_told(words)


def test_the_body_asked_about_is_named_in_the_answer():
    assert "impôts" in no_one_told_text("le fisc il va le savoir ?")
    assert "banque" in no_one_told_text("ma banque sera au courant ?")


def test_a_body_put_aside_as_the_trouble_is_no_question_about_it():
    assert not fits_stored_answer(
        "faq/other_bodies", "en fait c'est pas l'urssaf le souci, c'est mon fournisseur qui me lâche"
    )
    assert fits_stored_answer("faq/other_bodies", "c'est vous les impôts ?")


@pytest.mark.parametrize("words", ["bon je vais y réfléchir", "ok je vais réfléchir.", "bon ben je vais voir"])
def test_thinking_it_over_later_alone_leaves(words):
    assert leaves_to_think(words)


@pytest.mark.parametrize(
    "words", ["attendez je réfléchis", "je vais réfléchir à vendre le camion", "je vais voir mon comptable demain"]
)
def test_a_pause_or_a_plan_does_not_leave(words):
    assert not leaves_to_think(words)


@pytest.mark.parametrize("words", ["il y a quelqu'un ?", "allô ?", "y a qqn ?", "vous êtes toujours là ?"])
def test_someone_there_asked(words):
    assert asks_if_someone_is_there(words)


@pytest.mark.parametrize("words", ["il y a quelqu'un qui me doit 5000 €", "y a du monde qui attend au salon"])
def test_someone_there_near_misses(words):
    assert not asks_if_someone_is_there(words)


@pytest.mark.parametrize("words", ["je dois vous raconter quoi ?", "euh je sais pas par quoi commencer"])
def test_what_to_say_asked(words):
    assert asks_what_to_say(words)


def test_what_to_do_is_not_what_to_say():
    assert not asks_what_to_say("je sais pas quoi faire avec ce courrier")
