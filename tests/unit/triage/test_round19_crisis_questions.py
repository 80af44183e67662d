"""Round 19 (r19b-07, r19b-08, r19c-11, r19b-04): on the crisis path, the readers of a question about the helplines or
one's own worry, of the line already called, of a hesitant yes said with someone near. Sentences written for these
tests (other voices), near misses beside them."""

from __future__ import annotations

import pytest

from triage.answers import (
    EMERGENCY_QUESTION,
    LINE_QUESTION,
    WORRY_QUESTION,
    crisis_question,
    doubt_with_company,
    says_line_called,
)


@pytest.mark.parametrize(
    "words, expected",
    [
        ("et au 3114 ils vont me répondre quoi, de prendre sur moi ?", LINE_QUESTION),
        ("c'est qui au bout du fil au 3114 ?", LINE_QUESTION),
        ("le 3114 ça sert à quoi au juste ?", LINE_QUESTION),
        ("ils vont pas me juger au 3114 ?", LINE_QUESTION),
        ("c'est gratuit le 3114 ?", LINE_QUESTION),
        ("est-ce que c'est grave ce que je viens de vous dire ?", WORRY_QUESTION),
        ("vous trouvez que j'exagère ?", WORRY_QUESTION),
        ("c'est si grave que ça ?", None),  # too open: no object said
        ("je dramatise là ?", WORRY_QUESTION),
        ("faut vraiment que j'appelle le samu ?", EMERGENCY_QUESTION),
        ("je devrais appeler les pompiers vous pensez ?", EMERGENCY_QUESTION),
        ("j'ose pas déranger le 15 pour ça, il est peut-être juste parti", EMERGENCY_QUESTION),
        ("dois-je contacter le 112 ?", EMERGENCY_QUESTION),
    ],
)
def test_questions_about_the_lines_and_the_worry(words, expected):
    assert crisis_question(words) == expected


@pytest.mark.parametrize(
    "words",
    [
        "je vais appeler le 3114",  # a promise, its own reply
        "ok j'appelle le 15",  # a call made now
        "j'ai appelé le 15, ils arrivent",  # the services called
        "je dois payer l'urssaf avant le 15 ?",  # a date
        "je dois rappeler le 15 décembre ?",  # a date
        "c'est grave, la banque m'a coupé le découvert",  # a statement about the business
        "c'est grave ce que l'urssaf me fait ?",  # the business, not one's words
        "le 3114 m'a fait du bien",  # the line called already
        "je dois appeler le comptable ?",
    ],
)
def test_near_misses_are_no_crisis_question(words):
    assert crisis_question(words) is None


@pytest.mark.parametrize(
    "words, expected",
    [
        ("re bonjour, je viens d'appeler le 3114 comme vous m'aviez dit", True),
        ("j'ai eu le 3114 hier soir, on a parlé une heure", True),
        ("le 3114 m'a bien aidé, merci", True),
        ("j'ai parlé avec le 3114, je suis plus calme", True),
        ("j'ai pas appelé le 3114", False),
        ("j'ai pas encore eu le 3114, ça sonnait occupé", False),
        ("je vais appeler le 3114", False),
        ("vous m'avez dit d'appeler le 3114 mais j'ose pas", False),
        ("j'ai appelé l'urssaf ce matin", False),
    ],
)
def test_the_line_called_already(words, expected):
    assert says_line_called(words) is expected


@pytest.mark.parametrize(
    "words, expected",
    [
        ("bof, je pense que oui, mon mari est à côté", True),
        ("j'en sais trop rien... oui peut-être, mes enfants dorment à côté", True),
        ("oui, mon fils est là avec moi", False),  # no doubt: the company welcomed as before
        ("je sais pas trop", False),  # no one near
    ],
)
def test_a_doubt_said_with_someone_near(words, expected):
    assert doubt_with_company(words) is expected
