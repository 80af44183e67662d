"""Round 16 (r16a-05, r16a-10, r16a-12, r16b-07, r16b-09, r16b-15): the words read at a pending question.

"vas y" is a yes; "sans nom" passes the name; an apology for slow typing passes nothing; a bare number is no answer of
a date; a correction word after the amount still corrects it; a question about who will know is about the service,
never the request the advisor prepares."""

from __future__ import annotations

import pytest

from actions.handoff import asks_said
from intake.answers import NO, YES, kind
from intake.shapes import bare_number, declines_a_name, excuses_only, puts_an_amount_right


@pytest.mark.parametrize("words", ["vas y", "vas-y", "Vas y", "vazy", "vasy", "ok vas y", "vas-y rappelez moi", "go"])
def test_go_ahead_is_a_yes(words):
    assert kind(words) == YES


@pytest.mark.parametrize(
    "words, expected",
    [("vas y non", None), ("vas y pas la peine", None), ("vaste projet", None), ("non vas y pas", NO)],
)
def test_near_miss_go_ahead_taken_back_or_another_word_is_no_yes(words, expected):
    assert kind(words) != YES
    if expected:
        assert kind(words) == expected


@pytest.mark.parametrize(
    "words",
    [
        "sans nom",
        "jai dit sans nom",
        "pas de nom",
        "anonyme",
        "je prefere rester anonyme",
        "sans mon nom svp",
        "je préfère ne pas donner mon nom",
        "jprefere pas dire mon nom",
    ],
)
def test_no_name_wanted(words):
    assert declines_a_name(words)


@pytest.mark.parametrize("words", ["Sanson", "Nom: Sanson", "Nomie", "Sans", "Anne Onyme", "Noé", "nolwenn"])
def test_near_miss_names_are_names(words):
    assert not declines_a_name(words)


@pytest.mark.parametrize(
    "words",
    [
        "excusez moi je tape lentement",
        "pardon j'écris pas vite",
        "Excusez-moi, je ne tape pas vite",
        "désolée, pas douée avec le téléphone",
        "dsl je suis lente a ecrire",
        "attendez je tape lentement hein",
    ],
)
def test_an_apology_for_slow_typing_answers_nothing(words):
    assert excuses_only(words)


@pytest.mark.parametrize(
    "words",
    [
        "excusez-moi",  # may open a correction: the callers read it
        "excusez moi je sais pas",
        "pardon c'est une SARL",
        "désolé je préfère pas répondre",
        "je tape lentement mais c'est une eurl",
    ],
)
def test_near_miss_an_apology_with_an_answer(words):
    assert not excuses_only(words)


@pytest.mark.parametrize("words, number", [("2", "2"), ("trois", "trois"), ("12.", "12"), (" 5 ", "5")])
def test_a_bare_number(words, number):
    assert bare_number(words) == number


@pytest.mark.parametrize("words", ["2 ans", "200 euros", "depuis 2 mois", "2 salariés", "le 2"])
def test_near_miss_a_number_with_its_unit(words):
    assert bare_number(words) is None


@pytest.mark.parametrize(
    "words, expected",
    [
        ("et c est 5200 au final j ai regarde la facture", True),
        ("5200 finalement", True),
        ("c'est plutot 5200", True),
        ("c est 5200", False),
        ("il faut payer 5200 avant le 15", False),
    ],
)
def test_an_amount_put_right_after_it(words, expected):
    assert puts_an_amount_right(words) is expected


@pytest.mark.parametrize(
    "message",
    [
        "euh ma banque va etre au courant?",
        "est ce que l urssaf sera prevenue ?",
        "mon comptable va le savoir ?",
        "mes clients vont etre informes ?",
    ],
)
def test_a_question_about_who_will_know_is_no_request(message):
    assert asks_said([message], health_consent=False) == []


@pytest.mark.parametrize(
    "message",
    [
        "je veux savoir comment on fait un plan d apurement",
        "est-ce que je dois payer la majoration ?",
    ],
)
def test_near_miss_a_question_about_the_situation_is_the_request(message):
    assert asks_said([message], health_consent=False)
