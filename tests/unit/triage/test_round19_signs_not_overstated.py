"""Round 19 (r19b-04, r19b-06, r19b-08, r19b-10, r19c-11, r19z-08): the signs the case names are never stronger than
what was said, and signs that were said reach it. Sentences in other words than the conversations'."""

from __future__ import annotations

import pytest

from actions.handoff import plan_denied, suicide_answer
from triage.answers import admits_thoughts
from triage.distress import MODEL_ONLY_MARK, find_signs, signs_in_words


def _said(text: str, **kwargs) -> list[str]:
    return signs_in_words([sign.rule for sign in find_signs(text)], **kwargs)


@pytest.mark.parametrize(
    "text, expected",
    [
        # Soon no longer there: still the crisis path, said as such, never "intention, projet ou moyen".
        ("d'ici peu je ne serai plus là pour gérer tout ça", ["dit ne bientôt plus être là"]),
        ("dans quelques jours je serai plus là", ["dit ne bientôt plus être là"]),
        # A plan or means said stays said.
        ("j'ai acheté une corde", ["intention, projet ou moyen"]),
        # Papers left under someone's name, a pet given away with them.
        ("ma mère a rangé ses papiers dans un classeur à mon prénom", ["mise en ordre de ses affaires"]),
        (
            "il a confié son chat à sa sœur et ses papiers sont tous rangés dans une boîte",
            ["se défaire de ses biens"],
        ),
    ],
)
def test_the_kind_of_sign_is_what_was_said(text: str, expected: list[str]) -> None:
    assert all(label in _said(text) for label in expected)
    assert "intention, projet ou moyen" not in _said(text) or expected == ["intention, projet ou moyen"]


@pytest.mark.parametrize(
    "text",
    [
        "d'ici peu je ne serai plus là pour gérer tout ça",
        "ma mère a rangé ses papiers dans un classeur à mon prénom",
    ],
)
def test_those_signs_still_take_the_crisis_path(text: str) -> None:
    assert find_signs(text) and find_signs(text)[0].level <= 2


@pytest.mark.parametrize(
    "text",
    [
        "je serai plus là pour m'en occuper, je pars à la retraite en mars",
        "la comptable a glissé les papiers dans une enveloppe à mon nom",
        "elle a donné son chien à garder pendant les vacances, les papiers sont rangés",
        "j'ai rangé les factures dans une boîte",
    ],
)
def test_near_misses_are_no_sign(text: str) -> None:
    assert find_signs(text) == [] or find_signs(text)[0].level == 3


def test_the_line_named_is_no_thought_told() -> None:
    assert signs_in_words(["crisis_line_named"]) == []


def test_a_category_only_the_classifier_read_is_said_as_a_sign_to_ask_about() -> None:
    # Round 26 (r26a-05): named, unquoted (nothing was quoted), to be confirmed.
    assert signs_in_words(["model:solution_way_out"]) == [f"une solution pour ne plus souffrir {MODEL_ONLY_MARK}"]
    assert signs_in_words(["model:burden", "model:solution_way_out"]) == [
        f"sentiment d'être un poids {MODEL_ONLY_MARK}",
        f"une solution pour ne plus souffrir {MODEL_ONLY_MARK}",
    ]
    # Read by a rule as well: the category's own words.
    assert signs_in_words(["indirect_burden", "model:burden"]) == ["sentiment d'être un poids"]
    assert signs_in_words(["model:ambiguous"]) == ["détresse exprimée"]


@pytest.mark.parametrize(
    "said, denied",
    [
        (["ça va, je n'ai aucun projet, juste la fatigue"], True),
        (["rassurez-vous j'ai rien planifié"], True),
        (["pas de projet de cession pour le moment"], False),
        (["aucun projet pro en vue"], False),
    ],
)
def test_a_plan_denied_is_said_beside_the_plan(said: list[str], denied: bool) -> None:
    assert plan_denied(said) is denied
    labels = signs_in_words(["explicit_intent_or_means"], plan_denied=plan_denied(said))
    assert labels == (
        ["intention, projet ou moyen (la personne a dit ne pas avoir de projet)"]
        if denied
        else ["intention, projet ou moyen"]
    )


@pytest.mark.parametrize(
    "answer, admitted",
    [
        ("oui ça m'a déjà effleuré l'esprit", True),
        ("l'idée m'a traversé la tête, oui", True),
        ("c'est déjà venu à l'esprit quelquefois", True),
        ("ça ne m'a jamais traversé l'esprit", False),
        ("ça m'a pas effleuré", False),
        ("peut-être que ça m'a traversé l'esprit, je sais pas", False),
    ],
)
def test_a_thought_that_crossed_the_mind_is_admitted(answer: str, admitted: bool) -> None:
    assert admits_thoughts(answer) is admitted


def test_an_admitted_thought_is_said_so_in_the_case() -> None:
    from guidance.crisis import THOUGHTS_ADMITTED_REASON

    slots = {"suicide_thoughts": "not_clear_no", "triage_reasons": {"distress_signs": [THOUGHTS_ADMITTED_REASON]}}
    assert suicide_answer(slots) == "a dit avoir des pensées suicidaires"
