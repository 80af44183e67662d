"""Round 15 (fix helper "handoff"): a surname given with a title is the name the advisor asks for; an amount put right
in the next message replaces the one just said; the shop's closing with a time is a moment for the call, the business
closing never is."""

from __future__ import annotations

import pytest

from actions.handoff import first_name_said, moment_corrected, moment_said_with, says_a_moment, sums_in
from actions.handoff_actions import moment_wished
from tests.support.handoff_form import validate

# ------------------------------------------------------------------ 1. a surname said with a title


@pytest.mark.parametrize(
    "words, name",
    [
        ("c'est Mme Perrin", "Mme Perrin"),
        ("Madame Perrin", "Mme Perrin"),
        ("M. Durand à l'appareil", "M. Durand"),
        ("monsieur lefebvre", "M. Lefebvre"),
        ("mme da silva", "Mme Da Silva"),
        ("cest mr martin", "M. Martin"),
        ("ici madame N'Diaye", "Mme N'Diaye"),
        ("bonjour, c'est monsieur Benali a l'appareil", "M. Benali"),
        ("MME ROUSSEL", "Mme Roussel"),
        ("m. garnier", "M. Garnier"),
        ("M Girard", "M. Girard"),
        ("je suis Madame Lopez", "Mme Lopez"),
        ("mme fontaine svp", "Mme Fontaine"),
        ("Monsieur Le Goff", "M. Le Goff"),
    ],
)
def test_a_surname_with_a_title_is_the_name_as_the_advisor_says_it(words: str, name: str) -> None:
    assert first_name_said(words) == name


@pytest.mark.parametrize(
    "words",
    [
        "madame la juge",
        "monsieur le maire m'a dit",
        "Mme Perrin ma comptable m'a dit",
        "c'est madame Perrin qui m'a dit de vous écrire",
        "monsieur le maire",
        "madame juge",
        "Madame",
        "monsieur merci",
        "m durand",  # a lone lower-case "m" is no title
        "mme perrin de l'urssaf m'a appelé",
        "madame ma banquière",
    ],
)
def test_a_title_with_more_than_a_name_names_nobody(words: str) -> None:
    assert first_name_said(words) is None


def test_the_names_said_before_are_read_as_before() -> None:
    assert first_name_said("appelez moi monsieur Da Silva, c'est plus simple") == "M. Da Silva"
    assert first_name_said("c'est Nathalie") == "Nathalie"
    assert first_name_said("Paul Durand") == "Paul Durand"


@pytest.mark.parametrize("question", ["wants_advisor", "consent_given"])
@pytest.mark.parametrize("words, name", [("c'est Mme Perrin", "Mme Perrin"), ("monsieur lefebvre", "M. Lefebvre")])
def test_a_titled_name_at_a_yes_no_question_is_kept_and_the_question_stays(
    question: str, words: str, name: str
) -> None:
    said, produced = validate(question, words, {question: None}, intent="inform")
    assert produced.get("contact_name") == name, (said, produced)
    assert produced.get(question) is None
    assert said and said[0].startswith(f"Merci {name}"), said


# ------------------------------------------------------------------ 2. an amount put right in the next message

URSSAF = "l'urssaf me reclame 3000"


@pytest.mark.parametrize(
    "messages, sums",
    [
        ([URSSAF, "non pardon c'est 8000"], ["URSSAF 8 000 €"]),
        ([URSSAF, "en fait 8 000 pas 3 000"], ["URSSAF 8 000 €"]),
        ([URSSAF, "je me suis trompé, c'est 5000"], ["URSSAF 5 000 €"]),
        ([URSSAF, "je me suis trompee c 5000 euros"], ["URSSAF 5 000 €"]),
        ([URSSAF, "oups 8k"], ["URSSAF 8 000 €"]),
        ([URSSAF, "nan pardon c'est huit mille"], ["URSSAF 8 000 €"]),
        ([URSSAF, "6500 pas 3000"], ["URSSAF 6 500 €"]),
        ([URSSAF, "non c'est 2000"], ["URSSAF 2 000 €"]),
        (["le fisc me demande 12000 €", "plutot 15 000"], ["impôts 15 000 €"]),
        (["mon client me doit 23000 €", "non pardon 25 000"], ["son client doit 25 000 € à l'entreprise"]),
        # The one named to be put aside, among two: "5000 pas 2000" puts the tax office's right.
        (["urssaf 3000 et fisc 2000", "en fait 5000 pas 2000"], ["URSSAF 3 000 €", "impôts 5 000 €"]),
        # Put right twice: the latest.
        ([URSSAF, "non pardon c'est 8000", "non en fait 9000"], ["URSSAF 9 000 €"]),
    ],
)
def test_an_amount_put_right_replaces_the_one_just_said(messages: list[str], sums: list[str]) -> None:
    assert sums_in(messages, None) == sums


@pytest.mark.parametrize(
    "messages, sums",
    [
        ([URSSAF, "et le fisc 2000"], ["URSSAF 3 000 €", "impôts 2 000 €"]),  # another debt, added
        ([URSSAF, "non pardon c'est 8000", "et le fisc 2000"], ["URSSAF 8 000 €", "impôts 2 000 €"]),
        ([URSSAF, "8000 de CA"], ["URSSAF 3 000 €"]),
        ([URSSAF, "non pardon 8000 de chiffre d'affaires"], ["URSSAF 3 000 €"]),
        ([URSSAF, "pardon c'est 800 par mois"], ["URSSAF 3 000 €"]),
        ([URSSAF, "non depuis 2023"], ["URSSAF 3 000 €"]),
        ([URSSAF, "en fait ça fait 3 ans"], ["URSSAF 3 000 €"]),
        ([URSSAF, "non"], ["URSSAF 3 000 €"]),
        ([URSSAF, "non en fait j'ai 4 salariés"], ["URSSAF 3 000 €"]),
        ([URSSAF, "non c'est 8000 pas 2000"], ["URSSAF 3 000 €"]),  # 2 000 was never said
        # Not just said: a message between, the correction may be of something else.
        ([URSSAF, "j'ai 2 salariés", "non pardon c'est 8000"], ["URSSAF 3 000 €"]),
    ],
)
def test_words_that_put_no_amount_right_change_nothing(messages: list[str], sums: list[str]) -> None:
    assert sums_in(messages, None) == sums


def test_the_amount_put_right_is_shown_when_the_creditors_line_has_the_old_one() -> None:
    assert sums_in([URSSAF, "non pardon c'est 8000"], "URSSAF 3000 €") == ["URSSAF 8 000 €"]
    assert sums_in([URSSAF], "URSSAF 3000 €") == []


# ------------------------------------------------------------------ 3. the shop's closing as a moment for the call


@pytest.mark.parametrize(
    "words",
    [
        "avant la fermeture de 18h",
        "après la fermeture du magasin vers 19h",
        "pendant la fermeture du midi",
        "apres la fermeture de la boutique, vers 19 h 30",
        "le soir apres la fermeture",
        "des la fermeture de 12h",
        "plutot pendant la fermeture entre midi et deux",
        "appelez moi à la fermeture svp",
        "à la fermeture",
        "avant la fermeture",
    ],
)
def test_a_moment_at_the_shops_closing_is_kept(words: str) -> None:
    assert moment_said_with(words) == " ".join(words.split())
    assert says_a_moment(words)
    assert moment_wished(words) == " ".join(words.split())


def test_a_moment_at_the_closing_said_among_other_words_is_the_clause() -> None:
    assert moment_said_with("pas de mail. apres la fermeture vers 19h") == "apres la fermeture vers 19h"


@pytest.mark.parametrize(
    "words",
    [
        "la fermeture de mon compte",
        "fermeture administrative",
        "avant la fermeture définitive",
        "la fermeture de la boutique",
        "avant la fermeture de la boutique",
        "j'ai tout perdu à la fermeture",
        "depuis la fermeture du soir",
        "avant la fermeture de mon compte à 18h",
        "pendant la fermeture annuelle en aout",
        "apres la fermeture judiciaire",
        "la fermeture c'est à 19h",
    ],
)
def test_a_business_closing_is_no_moment(words: str) -> None:
    assert moment_said_with(words) is None
    assert moment_wished(words) is None


@pytest.mark.parametrize(
    "words", ["la fermeture de mon compte", "fermeture administrative", "avant la fermeture définitive"]
)
def test_a_business_closing_says_no_moment(words: str) -> None:
    assert not says_a_moment(words)


@pytest.mark.parametrize(
    "words, moment",
    [
        ("non j'ai dit après la fermeture de 18h", "après la fermeture de 18h"),
        ("mais je vous ai dit pendant la fermeture du midi", "pendant la fermeture du midi"),
        ("non, c'était après la fermeture du magasin vers 19h", "après la fermeture du magasin vers 19h"),
        ("non j'ai dit à la fermeture", "à la fermeture"),
        ("le soir après la fermeture je vous ai dit", "le soir après la fermeture"),
    ],
)
def test_a_moment_at_the_closing_put_right_is_the_moment(words: str, moment: str) -> None:
    assert moment_corrected(words) == moment


@pytest.mark.parametrize(
    "words",
    [
        "non c'était avant la fermeture",  # no time, and no reference to what was said: maybe the business
        "non j'ai dit avant la fermeture définitive",
        "non j'ai dit la fermeture de mon compte",
        "avant la fermeture de 18h",  # no correction
    ],
)
def test_a_closing_not_put_right_as_a_moment_is_no_correction(words: str) -> None:
    assert moment_corrected(words) is None
