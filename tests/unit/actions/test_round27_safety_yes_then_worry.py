"""Round 27 (talk-a, D14, r27-a-07): "oui ca va. mais je fais comment pour manger ce mois ci" to "Êtes-vous en sécurité ?"
was stored not safe ("Appelez tout de suite le 15… restez près de quelqu'un"): a yes followed by a practical worry is
safe, and the worry is heard. A "mais" that is a reservation about safety still is one. Real trackers."""

from __future__ import annotations

import pytest

from actions.crisis_actions import ActionAfterSafetyAnswer
from guidance.crisis import BUSINESS_QUESTION_UNKNOWN, PRACTICAL_WORRY_HEARD, SAFE_REPLY
from tests.support.trackers import bot, run, texts, tracker, user
from triage.answers import NOT_CLEAR_NO, SAFE, answer_to_safety_question, practical_question_after_yes

SAFETY_QUESTION = "Êtes-vous en sécurité en ce moment ?"

# D14: a yes, then a practical question about making ends meet or the business, in several voices.
YES_THEN_PRACTICAL = [
    "oui ca va. mais je fais comment pour manger ce mois ci",  # r27-a-07 (SMS)
    "oui ça va, mais comment je vais payer l'urssaf ?",  # accents, a question mark
    "Oui, je suis en sécurité. Mais comment vais-je payer mon loyer ce mois-ci ?",  # formal
    "euh oui ca va... mais je sais pas comment payer le loyer",  # hesitant
    "ouais ca va mais vous avez pas une aide pour manger",
    "oui je suis chez moi mais est ce que j'ai droit au rsa ?",
]

# A "mais" that is a reservation, a worry or a sign: never safe.
RESERVATIONS = [
    "oui ca va mais pas trop",
    "oui mais j'ai peur de faire une connerie",
    "oui ca va mais je vois pas comment m'en sortir ce mois ci",
    "oui mais je sais pas comment je vais tenir",
    "oui mais ce soir c'est dur",
    "oui ca va mais je sais pas comment payer, j'ai plus envie de rien",
    "oui mais je suis seul et je sais pas comment payer",
    "oui ca va mais comment je vais faire pour mes enfants",
    "oui ca va ? mais comment payer",
]


@pytest.mark.parametrize("words", YES_THEN_PRACTICAL)
def test_a_yes_then_a_practical_question_is_safe(words):
    assert answer_to_safety_question(words) == SAFE
    assert practical_question_after_yes(words)


@pytest.mark.parametrize("words", RESERVATIONS)
def test_a_reservation_after_the_yes_is_never_safe(words):
    assert answer_to_safety_question(words) != SAFE


@pytest.mark.parametrize("words", ["oui ça va", "oui je suis chez moi", "ouais ca va, c'est la boite qui m'inquiète"])
def test_a_yes_without_a_practical_question_has_none(words):
    assert practical_question_after_yes(words) is None


def _after_the_safety_question(words: str, **slots):
    events = [
        user("jai plus de chantiers depuis 3 mois, jai plus rien pour vivre, le frigo est vide"),
        bot("Est-ce qu'il vous arrive de penser au suicide ?"),
        user("euh... je sais pas trop. ca m'a traversé l'esprit une ou deux fois"),
        {"event": "action", "name": "action_crisis_response"},
        bot(SAFETY_QUESTION),
        user(words, "affirm"),
    ]
    return tracker(events, slots={"distress": True, "urgency": "critique", **slots})


@pytest.mark.parametrize("words", YES_THEN_PRACTICAL[:4])
def test_the_worry_is_heard_after_the_relief(words):
    current = _after_the_safety_question(words, safe_now=SAFE, suicide_thoughts=NOT_CLEAR_NO)
    dispatcher, events = run(ActionAfterSafetyAnswer(), current)
    said = texts(dispatcher)
    assert said[0] == SAFE_REPLY
    assert len(said) == 2 and said[1]  # a sourced step, or the worry said heard
    assert "Appelez tout de suite" not in " ".join(said)
    assert not any(e.get("event") == "followup" for e in events)  # the callback offer follows


def test_a_food_worry_gets_a_sourced_step_or_is_said_heard():
    words = "oui ca va. mais je fais comment pour manger ce mois ci"
    current = _after_the_safety_question(words, safe_now=SAFE, suicide_thoughts=NOT_CLEAR_NO)
    dispatcher, _ = run(ActionAfterSafetyAnswer(), current)
    said = texts(dispatcher)
    # A sourced step when the knowledge base has one, else the worry said heard; never "je ne peux pas vous répondre".
    assert said[1] == PRACTICAL_WORRY_HEARD or said[1].startswith("Pour votre question")
    assert said[1] != BUSINESS_QUESTION_UNKNOWN
