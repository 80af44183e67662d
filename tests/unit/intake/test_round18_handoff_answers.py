"""Round 18 (helper b): a no about the situation, safety said in words, who reads, whether anyone is told: answers
at the handoff's yes/no questions that are no yes or no to the call. New sentences and near misses."""

from __future__ import annotations

import pytest

from intake.answers import asks_who_reads, fears_others_told, no_to_another_question, says_safe_in_words


@pytest.mark.parametrize(
    "words, expected",
    [
        ("non pas de date limite, mais sans camion je ne livre plus", True),
        ("non aucune dette à part l'urssaf", True),
        ("non, il n'y a pas d'huissier pour l'instant", True),
        ("non merci", False),
        ("non pas de rappel", False),
        ("non pas d'échéance et pas besoin d'un conseiller", False),
        ("non pas pour l'instant", False),
        # round 28 (make run): the fact denied first, the no after, at the offer
        ("il a pas de salarié non", True),
        ("elle n'a pas d'employés", True),
        ("y a pas de date limite non", True),
        ("il a pas besoin d'être rappelé non", False),
        ("j'ai pas de rappel à faire, non merci", False),
    ],
)
def test_no_to_another_question(words, expected):
    assert no_to_another_question(words) is expected


@pytest.mark.parametrize(
    "words, expected",
    [
        ("oui oui je suis à l'abri", True),
        ("oui en sécurité chez ma soeur", True),
        ("je ne suis pas en sécurité", False),
        ("oui en sécurité, rappelez-moi demain", False),
        ("la sécurité sociale m'écrit", False),
    ],
)
def test_says_safe_in_words(words, expected):
    assert says_safe_in_words(words) is expected


@pytest.mark.parametrize(
    "words, reads, told",
    [
        ("qui lira mes messages ?", True, False),
        ("c'est qui qui va m'appeler ?", True, False),
        ("vous allez alerter la police ?", False, True),
        ("est-ce que vous allez signaler ça aux impôts ?", False, True),
        ("mon client m'a appelé ce matin", False, False),
        ("la banque va prévenir l'huissier ?", False, False),
        ("qui lira mes messages", False, False),
    ],
)
def test_who_reads_and_who_is_told(words, reads, told):
    assert asks_who_reads(words) is reads
    assert fears_others_told(words) is told
