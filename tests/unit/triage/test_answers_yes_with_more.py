"""Round 7 of off-script conversations: answers to "Êtes-vous en sécurité ?" that say more than yes or no.

A yes followed by a question back or an objection is a yes (r7a-12 was read as not safe and the case said "pas en
sécurité"); a relative who answers about themself is read about the person at risk (r7b-05 got "Je suis soulagé");
a relative's question on what to do, and the callback declined, are told apart from a request for a human.
"""

from __future__ import annotations

import pytest

from triage.answers import (
    NOT_SAFE,
    SAFE,
    UNSURE,
    answer_to_safety_question,
    asks_to_call_for_someone,
    asks_what_to_do_for_someone,
    declines_to_talk,
    feels_a_bother,
    objects_to_the_question,
    speaks_for_someone_else,
    starts_with_no,
)


@pytest.mark.parametrize(
    "typed",
    [
        "euh oui je suis en sécurité, pourquoi vous me demandez ça ? je parlais de l'argent du promoteur",
        "oui ça va, pourquoi cette question ?",
        "ben oui je suis chez moi, quel rapport avec mes dettes ?",
        "oui mais pourquoi vous me posez cette question ?",
        "oui, je vais bien. c'était une façon de parler",
        "ouais ça va. vous avez lu mon message ? je parle de la banque",
        "oui je suis en sécurité, rien à voir, c'est la boîte qui coule",
    ],
)
def test_a_yes_with_a_question_back_or_an_objection_is_a_yes(typed):
    assert answer_to_safety_question(typed) == SAFE
    assert answer_to_safety_question(typed, may_ask_again=True, may_answer_question=True) == SAFE


@pytest.mark.parametrize(
    "typed",
    [
        "oui ?",
        "oui, vous croyez ?",
        "oui pourquoi ? j'ai peur",
        "oui mais j'ai peur de moi ce soir",
        "ça va aller, pourquoi ?",
        "oui pourquoi ? je sais pas si je tiendrai",
        "oui, pourquoi ? je suis seule ce soir",
    ],
)
def test_a_yes_questioned_or_with_worry_is_still_not_a_clear_yes(typed):
    assert answer_to_safety_question(typed) == NOT_SAFE


@pytest.mark.parametrize(
    "typed, expected",
    [
        # Alarming words about the person: not safe, read about that person.
        ("moi oui ça va, c'est lui le problème. il est seul à la boutique là", NOT_SAFE),
        ("je vais bien, c'est pour elle que j'ai peur", NOT_SAFE),
        ("moi ça va. lui je sais pas", NOT_SAFE),
        ("oui moi ça va, mon frère par contre je sais pas où il est", NOT_SAFE),
        # Where the person is, or nothing about their safety: where to turn at the least doubt.
        ("moi oui, mais c'est pas moi le problème, c'est lui. il est au labo en bas là", UNSURE),
        ("ce n'est pas de moi qu'il s'agit, c'est mon père, il est chez lui", UNSURE),
        ("moi oui, ma fille est avec lui ce soir", UNSURE),
        # The 3114 named in the relative's question is no sign of the writer's own.
        ("moi oui, c'est pas moi, c'est lui. je peux appeler le 3114 à sa place ?", UNSURE),
    ],
)
def test_a_relative_safe_themself_is_read_about_the_person_at_risk(typed, expected):
    assert speaks_for_someone_else(typed)
    assert answer_to_safety_question(typed) == expected
    assert answer_to_safety_question(typed, about_someone_else=True) == expected


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("moi oui ça va", SAFE),
        ("moi ça va mais ma femme s'inquiète pour moi", NOT_SAFE),
        ("moi ça va, il faut juste que je paie l'urssaf", SAFE),
        ("oui c'est ma boîte qui coule", SAFE),
        ("c'est pas moi le problème c'est ma boîte", NOT_SAFE),
    ],
)
def test_the_writers_own_answer_is_not_taken_for_a_relatives(typed, expected):
    assert not speaks_for_someone_else(typed)
    assert answer_to_safety_question(typed) == expected


def test_a_relatives_own_warning_sign_is_still_not_safe():
    assert answer_to_safety_question("moi oui, c'est lui le problème, mais moi aussi j'ai envie d'en finir") == NOT_SAFE


@pytest.mark.parametrize(
    "typed, to_call",
    [
        ("je peux appeler le 3114 à sa place ?", True),
        ("est-ce que je peux appeler le 3114 pour elle ?", True),
        ("mais je fais quoi moi ? je l'appelle ?", False),
        ("qu'est-ce que je lui dis ?", False),
        ("comment je peux l'aider ?", False),
        ("je dois faire quoi ?", False),
    ],
)
def test_a_relatives_question_on_what_to_do(typed, to_call):
    assert asks_what_to_do_for_someone(typed)
    assert asks_to_call_for_someone(typed) is to_call


@pytest.mark.parametrize("typed", ["oui", "je veux parler à un conseiller", "c'est gratuit ?", "/affirm"])
def test_other_words_are_no_relatives_question(typed):
    assert not asks_what_to_do_for_someone(typed)


@pytest.mark.parametrize(
    "typed, declines, bother",
    [
        ("je veux pas appeler de numero, je veux pas en parler", True, False),
        ("j'ai pas envie d'en parler", True, False),
        ("je préfère ne pas en parler", True, False),
        ("je veux pas qu'on m'appelle", True, False),
        ("je veux pas deranger un conseiller, il y a des gens plus a plaindre", False, True),
        ("je vais pas embêter les conseillers, ils ont mieux à faire", False, True),
        ("d'autres en ont plus besoin que moi", False, True),
        ("je veux bien qu'on m'appelle", False, False),
        ("oui je veux en parler à quelqu'un", False, False),
    ],
)
def test_the_callback_declined_or_refused_for_fear_of_bothering(typed, declines, bother):
    assert declines_to_talk(typed) is declines
    assert feels_a_bother(typed) is bother


def test_objection_and_no_readers():
    assert objects_to_the_question("oui, pourquoi ?")
    assert not objects_to_the_question("oui ça va")
    assert starts_with_no("non j'ai dit que je voulais pas deranger")
    assert not starts_with_no("je veux pas déranger")


@pytest.mark.parametrize(
    "typed, expected",
    [
        # Company said with "pas seule" is no one left alone (round 11, r11b-16: "Appelez tout de suite le 15").
        ("elle est avec ma tante ce soir, elle est pas seule", UNSURE),
        ("il est chez son frère, il est plus seul depuis hier", UNSURE),
        # Alone is still alarming.
        ("elle est seule à la maison ce soir", NOT_SAFE),
    ],
)
def test_a_relatives_answer_about_company(typed, expected):
    assert answer_to_safety_question(typed, about_someone_else=True) == expected
