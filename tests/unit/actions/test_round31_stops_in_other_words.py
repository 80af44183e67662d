"""Stopping in the words of a new voice (round 31): when held-out v35's NLU set joined the training data, 41 of its
stop_conversation examples were not read as stops by ``says_stop`` (the guard that lets a stop the classifier read
take leave while a question is pending): closing the window, leaving the "tchat", "terminons là", "arrête tes
questions", "je ne le poursuis pas", a pause for a customer. Phrasings below are new; the near misses tell a
situation, never a stop."""

from __future__ import annotations

import pytest

from actions.intake_actions import says_stop


@pytest.mark.parametrize(
    "words",
    [
        "bon je referme la fenêtre, bonne soirée",
        "je quitte votre tchat",
        "terminons ici",
        "on termine, j'ai du monde",
        "arrêtez vos questions s'il vous plaît",
        "cessez de m'écrire",
        "la conversation se termine là pour moi",
        "l'échange s'arrête ici",
        "ce questionnaire je ne le poursuis pas",
        "je préfère ne pas prolonger cet échange",
        "j'abandonne votre questionnaire",
        "abandonnons, merci quand même",
        "je lâche l'affaire, trop long",
        "pause, un client arrive",
        "je vais m'arrêter là pour ce soir",
        "je veux plus continuer à répondre",
        "je ne souhaite pas aller plus loin dans ce questionnaire",
    ],
)
def test_a_stop_in_other_words_is_a_stop(words):
    assert says_stop(words)


@pytest.mark.parametrize(
    "words",
    [
        "le médecin a prolongé mon arrêt de travail",
        "je suis en arrêt depuis lundi",
        "un arrêt de chantier à cause de la pluie",
        "je ne poursuis pas le client, il paiera",
        "on termine les travaux fin mars",
        "je termine le chantier vendredi",
        "je lâche pas l'affaire avec l'assurance",
        "on fait une pause déjeuner entre midi et deux",
        "l'huissier veut sortir de là avec mes machines",
        "je prolonge mon bail de trois ans",
    ],
)
def test_a_situation_with_the_same_words_is_no_stop(words):
    assert not says_stop(words)
