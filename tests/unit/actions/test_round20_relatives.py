"""Round 20 (a.md H2, r20a-13, r20a-03, r20a-15; v26-d-114): someone close writes about another person. The direct
question and the safety question are about that person; "moi non" at a question put to the writer about themself is
"it is not me" (thanks, and the question about the other person, never the 15/112 to the writer); a relative's
"jamais il n'a parlé de mourir" is a clear no."""

from __future__ import annotations

import pytest

from actions.crisis_actions import ValidateDirectQuestionForm, ValidateSafetyForm
from guidance.crisis import safety_question, suicide_question
from tests.support.trackers import bot, run_extract, texts, tracker, user
from triage import assess
from triage.answers import CLEAR_NO, answer_to_suicide_question


@pytest.mark.parametrize(
    "messages, person",
    [
        (["ma patronne est à bout, elle bosse tous les jours depuis des mois et elle dort plus"], "ma patronne"),
        (["mon patron est épuisé, il fait des semaines de 80 heures"], "mon patron"),
        (
            [
                "mon frère est plombier, il a plus de clients",
                "et avant-hier il m'a dit qu'il voulait en finir pour de bon, pas seulement la boîte",
            ],
            "mon frère",
        ),
    ],
)
def test_the_person_at_risk_is_the_one_written_about(messages: list[str], person: str) -> None:
    assessment = assess(messages)
    assert assessment.distress_level is not None
    assert assessment.person_at_risk is not None
    assert assessment.person_at_risk.replace("è", "e") == person.replace("è", "e")


@pytest.mark.parametrize(
    "messages",
    [
        ["mon patron m'a licencié et moi je suis à bout, je dors plus"],
        ["je veux en finir, pas seulement la boîte"],
    ],
)
def test_the_writers_own_words_keep_the_writer(messages: list[str]) -> None:
    assert assess(messages).person_at_risk is None


def test_not_me_after_the_question_names_the_person_written_about() -> None:
    messages = ["mon associé est à bout, il dort plus, il mange plus", "moi non, c'est lui qui m'inquiète"]
    assert assess(messages).person_at_risk == "mon associé"


@pytest.mark.parametrize("answer", ["moi non plus", "moi ça va pas du tout", "moi oui"])
def test_near_misses_of_not_me_keep_the_writer(answer: str) -> None:
    assert assess(["je suis à bout, mon mari dit que je dors plus", answer]).person_at_risk is None


def _form_tracker(question: str, answer: str, requested: str, person: str | None) -> object:
    return tracker(
        [user("ma compagne est tapissière, elle est à bout"), bot(question), user(answer)],
        slots={
            "requested_slot": requested,
            "person_at_risk": person,
            "distress_level": 3,
            "distress_signs": ["ambiguous_exhaustion"],
        },
        active_loop="direct_question_form" if requested == "suicide_thoughts" else "safety_form",
    )


@pytest.mark.parametrize(
    "answer", ["moi non, c'est pour elle que j'ai peur", "moi ?? pas du tout, c'est pas de moi que je parle"]
)
def test_not_me_at_the_direct_question_thanks_and_asks_about_her(answer: str) -> None:
    current = _form_tracker(suicide_question(None), answer, "suicide_thoughts", "ma compagne")
    dispatcher, result = run_extract(ValidateDirectQuestionForm(), "extract_suicide_thoughts", current)
    said = " ".join(texts(dispatcher))
    assert result == {"suicide_thoughts": None}  # the form asks again, about her
    assert "votre compagne" in said and "3114" in said
    assert "15" not in said.replace("3114", "")
    assert suicide_question("ma compagne").endswith("craignez-vous que votre compagne pense au suicide ?")


def test_the_answer_about_her_is_read_as_an_answer() -> None:
    current = _form_tracker(
        suicide_question("ma compagne"), "moi non, mais elle oui j'en ai peur", "suicide_thoughts", "ma compagne"
    )
    dispatcher, result = run_extract(ValidateDirectQuestionForm(), "extract_suicide_thoughts", current)
    assert result.get("suicide_thoughts") not in (None, CLEAR_NO)
    assert not any("pardon pour la confusion" in text for text in texts(dispatcher))


def test_not_me_at_the_safety_question_gets_no_emergency_numbers() -> None:
    current = _form_tracker(
        safety_question(None), "mais je vais très bien moi !! c'est elle qui est épuisée", "safe_now", "ma compagne"
    )
    dispatcher, result = run_extract(ValidateSafetyForm(), "extract_safe_now", current)
    said = " ".join(texts(dispatcher))
    assert result == {"safe_now": None}
    assert "votre compagne" in said
    assert "112" not in said and "tout de suite" not in said


@pytest.mark.parametrize(
    "answer",
    [
        "pour être claire, jamais il n'a parlé de mourir ni de rien de ce genre, il est juste vidé",
        "je tiens à préciser : jamais elle a parlé de mourir, elle est vidée",
    ],
)
def test_a_relatives_never_spoke_of_dying_is_a_clear_no(answer: str) -> None:
    assert answer_to_suicide_question(answer) == CLEAR_NO


def test_never_until_yesterday_is_no_clear_no() -> None:
    assert answer_to_suicide_question("pour être claire, jamais il n'a parlé de mourir avant hier soir") != CLEAR_NO


def test_a_relatives_sign_told_in_the_not_me_answer_is_the_answer() -> None:
    # The simulator (seed 20261201): the question was put to the writer, who answered with her partner's words; the
    # "pardon pour la confusion" came first and the crisis numbers never did. A sign in the answer is the answer.
    answer = "je m'inquiète pour mon compagnon, il dit qu'il va se foutre en l'air avec toutes ces dettes"
    current = _form_tracker(suicide_question(None), answer, "suicide_thoughts", "mon compagnon")
    dispatcher, result = run_extract(ValidateDirectQuestionForm(), "extract_suicide_thoughts", current)
    assert result.get("suicide_thoughts") not in (None, CLEAR_NO)
    assert not any("pardon pour la confusion" in text for text in texts(dispatcher))
