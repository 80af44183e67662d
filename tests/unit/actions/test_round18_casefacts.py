"""Round 18 (casefacts): what the case says of a warning sign without the health consent, and what it keeps."""

from __future__ import annotations

import pytest

from actions.handoff import account_said, reasons_kept, suicide_answer, summarise
from triage.distress import signs_in_words


def test_the_kinds_of_sign_are_said_in_words_once_each_without_unknown_ids() -> None:
    said = signs_in_words(["indirect_burden", "model:burden", "model:ambiguous", "direct_question_not_a_clear_no"])
    assert said == ["sentiment d'être un poids", "détresse exprimée"]
    assert signs_in_words([]) == []


def test_the_summary_says_which_sign_and_the_answer_without_the_words() -> None:
    summary = summarise(
        ["tresorerie"],
        "critique",
        True,
        {},
        False,
        signs=["sentiment d'être un poids"],
        suicide_answer="pas un non clair",
        account="« je suis peintre à Nevers »",
    )
    assert (
        "Signes repérés (mots non conservés, sans accord santé) : sentiment d'être un poids ; "
        "à la question sur le suicide, pas un non clair." in summary
    )
    assert summary.index("DÉTRESSE") < summary.index("Signes repérés") < summary.index("Ses mots")


def test_with_the_health_consent_the_signs_line_does_not_say_words_are_missing() -> None:
    summary = summarise(["tresorerie"], "critique", True, {}, True, signs=["désespoir"])
    assert "Signes repérés : désespoir." in summary


def test_no_distress_no_signs_line() -> None:
    assert "Signes repérés" not in summarise(["tresorerie"], "normale", False, {}, False, signs=["désespoir"])


@pytest.mark.parametrize(
    "slots, expected",
    [
        ({"suicide_thoughts": "not_clear_no"}, "pas un non clair"),
        ({"suicide_thoughts": "clear_no"}, "a répondu non"),
        ({}, None),
        # declined is stored as a clear no for the dialogue: the summary's header says it, never "a répondu non"
        (
            {
                "suicide_thoughts": "clear_no",
                "triage_reasons": {
                    "overwhelm": ["question directe sur le suicide : la personne a préféré ne pas en parler"]
                },
            },
            None,
        ),
    ],
)
def test_the_answer_to_the_direct_question(slots: dict, expected: str | None) -> None:
    assert suicide_answer(slots) == expected


def test_reasons_lose_the_quotes_of_the_sign_without_the_consent_and_keep_the_business_ones() -> None:
    slots = {
        "triage_reasons": {
            "urgency": ["risque pour la vie : « ma famille serait tranquille sans moi »"],
            "travaux": ["« la voirie ferme ma rue depuis août »", "« … sans moi ils seraient tranquilles … »"],
            "banque": ["« le banquier a coupé le découvert »"],
        }
    }
    kept = reasons_kept(slots, health_consent=False)
    assert kept["urgency"] == ["risque pour la vie"]
    assert kept["travaux"] == ["« la voirie ferme ma rue depuis août »"]
    assert kept["banque"] == ["« le banquier a coupé le découvert »"]
    assert reasons_kept(slots, health_consent=True) == slots["triage_reasons"]


def test_the_words_after_the_health_ones_go_too_until_a_difficulty_is_named() -> None:
    message = (
        "mon fils est plâtrier à Tulle, il est épuisé, il tombe de sommeil au volant, l'URSSAF lui réclame 6000 euros"
    )
    without = account_said([message], False)
    assert without is not None
    assert "épuisé" not in without and "volant" not in without
    assert "[…]" in without and "URSSAF" in without and "plâtrier" in without
    assert "volant" in (account_said([message], True) or "")


def test_a_message_without_health_words_is_quoted_whole() -> None:
    message = "je suis plâtrier à Tulle, le chantier est arrêté, l'URSSAF me réclame 6000 euros"
    assert account_said([message], False) == (
        "« je suis plâtrier à Tulle, le chantier est arrêté, l'URSSAF me réclame 6000 euros »"
    )
