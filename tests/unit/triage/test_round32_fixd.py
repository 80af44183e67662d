"""Round 32, helper "fixd": the retired held-out v36's distress misses as classes.

Signs caught at once: the thought of the act at a moment of the day, writing in order to say goodbye for good, not being
there for long, dying named first and then called the way out, staying alive questioned, the lines one writes called
one's last. Calm: a file one is eager to be done with, a mechanic's word on a vehicle, a trade's last wishes said in
jest or by the trade's name, carrying everything alone, a pledged life insurance feared lost. Asked about directly: the
wish denied with "envie" or "pas l'ombre de", and loving life said as an unprompted no. Each class with near misses.
Sentences written for these tests; none comes from an evaluation set."""

from __future__ import annotations

import pytest

from triage.distress import AMBIGUOUS, EXPLICIT, INDIRECT, find_signs, suicide_denied_unprompted


def _strongest(text: str) -> int | None:
    signs = find_signs(text)
    return signs[0].level if signs else None


@pytest.mark.parametrize(
    "text, level",
    [
        # The thought of the act, with the moment it comes back.
        ("depuis la liquidation je songe tous les soirs à me supprimer", EXPLICIT),
        ("je pense la nuit à me tuer, après la fermeture", EXPLICIT),
        ("les dettes me rongent, je pense jour et nuit à me pendre", EXPLICIT),
        # Writing in order to say goodbye, or a goodbye to everything.
        ("je tenais à vous écrire pour vous dire adieu, merci d'avoir lu", INDIRECT),
        ("ce n'est pas pour le garage, c'est un au revoir pour de bon", INDIRECT),
        # Not being there for long.
        ("ne vous en faites pas pour les factures, je ne serai plus là pour très longtemps", INDIRECT),
        ("j'ai tout légué à ma nièce, je serai probablement plus ici pour longtemps", INDIRECT),
        # Dying named first, then called the way out.
        ("crever, c'est la seule échappatoire qui me reste", INDIRECT),
        ("me foutre en l'air, ça reste la seule porte de sortie que je vois", EXPLICIT),
        # Staying alive questioned.
        ("la boîte est morte, mon couple aussi, alors vivre, à quoi bon", INDIRECT),
        ("trois ans de galère et continuer à vivre, pourquoi faire", INDIRECT),
        # The lines being written called one's last.
        ("ce message est le dernier que je vous envoie, prenez soin de vous", INDIRECT),
        ("ces quelques mots seront mes derniers, pardon à ma famille", INDIRECT),
    ],
)
def test_the_sign_is_caught_at_once(text: str, level: int) -> None:
    found = _strongest(text)
    assert found is not None and found <= level, (text, find_signs(text))


@pytest.mark.parametrize(
    "text",
    [
        # The act at a moment of the day, but overwork.
        "je pense le soir à me tuer à la tâche pour finir ce chantier",
        # A goodbye to customers or to a shop.
        "je tenais à vous écrire juste pour dire adieu aux habitués, je ferme en mars",
        "au revoir pour de bon à la boutique, la retraite m'attend en avril",
        # Not being at a place for long.
        "je ne serai plus là pour longtemps au marché couvert, le bail se termine",
        # A business left to die.
        "la mort de la boutique, c'est la meilleure issue à ce stade",
        # Living from one's trade questioned.
        "on me propose de vivre de la vente en ligne, pour quoi faire exactement ?",
        # The last mail to a creditor, the last message of the day.
        "ce mail sera le dernier que je vous envoie avant de saisir le tribunal",
        "ce message est le dernier de la journée, je reprends demain",
        # A file one is eager to be done with.
        "ce vieux contrôle fiscal, j'ai grand hâte d'en terminer, ça traîne depuis deux ans",
        "cette maudite procédure prud'homale, je suis pressée d'en finir",
        # A mechanic, a vet: the end of a thing or an animal.
        "mon utilitaire a 400 000 km, le mécanicien dit qu'il ne passera pas l'hiver",
        "ma vieille jument, la vétérinaire croit qu'elle ne verra pas le printemps",
        # A trade's last wishes: named by the trade, or written in jest.
        "j'ai rédigé mes dernières volontés de coiffeuse : les ciseaux pour mon apprentie",
        "pour rire, mon testament d'atelier : l'établi à mon neveu s'il reprend",
    ],
)
def test_the_near_miss_stays_calm(text: str) -> None:
    level = _strongest(text)
    assert level is None or level > INDIRECT, (text, find_signs(text))


@pytest.mark.parametrize(
    "text",
    [
        # Life or pain named before the eagerness: still a sign.
        "cette vie de misère, je suis pressé d'en finir",
        # Last wishes that are no trade's.
        "voilà rédigées mes dernières volontés de mère, pour mes enfants",
    ],
)
def test_the_sign_stays_beside_its_near_misses(text: str) -> None:
    level = _strongest(text)
    assert level is not None and level <= INDIRECT, (text, find_signs(text))


@pytest.mark.parametrize(
    "text",
    [
        # Carrying everything alone: a strain, no way out.
        "mon mari est à bout, il a toujours tout géré tout seul",
        "je porte tout seule depuis des années, je suis vidée",
        # A life insurance pledged to the bank, feared lost.
        "le banquier a pris mon assurance vie en garantie, je risque de perdre mon assurance vie si je ne paie pas",
        "je crains de perdre mon assurance-vie si je n'honore pas le crédit",
    ],
)
def test_plain_words_are_no_warning_sign(text: str) -> None:
    level = _strongest(text)
    assert level is None or level == AMBIGUOUS, (text, find_signs(text))


@pytest.mark.parametrize(
    "text",
    [
        # The wish denied with "envie" between the no and the act.
        "et je vous rassure, j'ai pas du tout envie de me tuer, je veux juste payer mes fournisseurs",
        "moi je n'ai aucune intention de me suicider, c'est la trésorerie qui m'inquiète",
        # The least trace of it denied.
        "pas le moindre début d'envie de mourir, mais je dors mal avec ces dettes",
        # Loving life said as the no.
        "rien de tout ça, moi j'adore la vie, c'est mon compte qui est malade",
        "non non, j'aime bien trop la vie pour ça, c'est l'atelier qui coule",
    ],
)
def test_an_unprompted_no_is_no_sign_but_gets_the_question(text: str) -> None:
    level = _strongest(text)
    assert level is None or level == AMBIGUOUS, (text, find_signs(text))
    # The question comes from an ambiguous reading of the message, or from the denial once a difficulty was told.
    denial = suicide_denied_unprompted(text)
    assert level == AMBIGUOUS or (denial is not None and denial.level == AMBIGUOUS), (text, denial)


@pytest.mark.parametrize(
    "text",
    [
        # A no limited in time is none.
        "j'ai vraiment pas envie de me tuer pour le moment, ça pourrait venir",
        # Loving one's former life is no denial.
        "j'aimais la vie d'avant, quand la boutique tournait",
    ],
)
def test_a_no_that_is_none_is_not_taken_as_one(text: str) -> None:
    assert suicide_denied_unprompted(text) is None, text
