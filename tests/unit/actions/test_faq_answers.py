"""A question about the service gets its stored answer once in full, then a short one; the number of another body
is never answered with the chamber's (both found by the conversation simulator, seed 20261203)."""

from __future__ import annotations

import pytest

from actions import services
from actions.faq_actions import ActionAnswerFaq
from actions.intake_actions import ActionHandleMisunderstanding
from tests.support.trackers import bot, run, texts, tracker, user


def faq(words: str, key: str) -> dict:
    message = user(words, "faq")
    message["parse_data"]["response_selector"] = {"default": {"response": {"intent_response_key": key}}}
    return message


def answered(key: str, text: str) -> dict:
    return {**bot(text), "metadata": {"utter_action": f"utter_{key}"}}


def at(events: list[dict], **slots):
    # A difficulty told: the answer alone (before any, the opening question follows it, tested below).
    current = tracker(events, slots={"difficulty_categories": ["banque"], **slots})
    current.latest_message["response_selector"] = events[-1]["parse_data"]["response_selector"]
    return current


def test_the_first_time_the_stored_answer_is_said():
    dispatcher, _ = run(ActionAnswerFaq(), at([faq("c'est quoi votre numéro ?", "faq/phone_number")]))
    assert [m.get("response") for m in dispatcher.messages] == ["utter_faq/phone_number"]


@pytest.mark.parametrize(
    "key, short",
    [("faq/phone_number", "C'est le 01 23 45 67 89."), ("faq/is_free", "C'est gratuit, je vous le confirme")],
)
def test_asked_again_a_short_answer(key, short):
    events = [faq("première fois", key), answered(key, "La réponse complète, longue."), faq("et encore ?", key)]
    dispatcher, _ = run(ActionAnswerFaq(), at(events))
    assert [m.get("response") for m in dispatcher.messages] == [None]
    assert texts(dispatcher)[0].startswith(short.replace("01 23 45 67 89", services.chamber().phone))


@pytest.mark.parametrize("words", ["c'est quoi le numéro des impôts déjà", "vous avez le tel de l'URSSAF ?"])
def test_the_number_of_another_body_is_not_the_chambers(words):
    dispatcher, _ = run(ActionAnswerFaq(), at([faq(words, "faq/phone_number")]))
    said = " ".join(texts(dispatcher))
    assert said.startswith("Je n'ai pas le numéro de cet organisme")
    assert [m.get("response") for m in dispatcher.messages] == [None]


def test_the_long_misunderstanding_message_is_said_once():
    first, _ = run(
        ActionHandleMisunderstanding(), tracker([user("xqzw", "nlu_fallback")], slots={"misunderstandings": 1})
    )
    said = texts(first)[0]
    assert said.startswith("Je ne suis pas sûr de bien vous comprendre")
    again, _ = run(
        ActionHandleMisunderstanding(),
        tracker(
            [user("xqzw", "nlu_fallback"), bot(said), user("blurp", "nlu_fallback")], slots={"misunderstandings": 2}
        ),
    )
    assert texts(again) == ["Pardon, je n'ai pas compris."]


def test_the_other_bodys_answer_is_said_in_full_once():
    first, _ = run(ActionAnswerFaq(), at([faq("le numéro des impôts ?", "faq/phone_number")]))
    said = texts(first)[0]
    events = [
        faq("le numéro des impôts ?", "faq/phone_number"),
        bot(said),
        faq("et celui des impôts ?", "faq/phone_number"),
    ]
    again, _ = run(ActionAnswerFaq(), at(events))
    assert texts(again) == ["Ce numéro-là, je ne l'ai pas, pardon."]


@pytest.mark.parametrize("active_loop", [None, "situation_form", "handoff_form"])
def test_a_word_asked_about_gets_the_glossary_definition(active_loop):
    """bot/components/definition_guard.py marks the message; the answer is the glossary's, at any point."""
    message = faq("c'est quoi un échéancier ?", "faq/what_can_you_do")
    current = at([user("l'urssaf me relance"), bot("Depuis quand ?"), message])
    current.latest_message["definition"] = "echeancier"
    if active_loop:
        current.active_loop = {"name": active_loop}
        current.slots["requested_slot"] = "since_when" if active_loop == "situation_form" else "consent_given"
    dispatcher, events = run(ActionAnswerFaq(), current)
    assert texts(dispatcher) == [
        "Un échéancier, ou délai de paiement, permet de payer une dette en plusieurs fois, à des dates convenues "
        "avec le créancier. L'URSSAF et le service des impôts des entreprises en accordent sur demande, à condition "
        "que les déclarations soient faites."
    ]
    assert events == []


@pytest.mark.parametrize("words, key", [("slt c gratuit ?", "faq/is_free"), ("vous êtes un robot ?", "faq/is_bot")])
def test_a_question_about_the_service_as_first_words_gets_the_opening_question_after_its_answer(words, key):
    """Round 7: "slt c gratuit ?" was answered, then nothing asked: the artisan had to guess what to write."""
    from guidance.welcome import FIRST_QUESTION

    current = tracker([faq(words, key)])
    current.latest_message["response_selector"] = faq(words, key)["parse_data"]["response_selector"]
    dispatcher, _ = run(ActionAnswerFaq(), current)
    assert [m.get("response") for m in dispatcher.messages] == [f"utter_{key}", None]
    assert texts(dispatcher)[-1] == FIRST_QUESTION


@pytest.mark.parametrize(
    "words",
    [
        "combien ça coûte un échéancier avec les impôts ?",
        "et l'urssaf elle prend des frais si je demande un délai ?",
        "y a des majorations si j'étale ma dette ?",
    ],
)
def test_the_cost_of_another_bodys_plan_is_not_the_chambers(words):
    """Round 12 (r12a-11): "C'est entièrement gratuit", then "Je vous ai répondu plus haut"."""
    dispatcher, _ = run(ActionAnswerFaq(), at([faq(words, "faq/is_free")]))
    said = " ".join(texts(dispatcher))
    assert "autre organisme" in said and services.chamber().phone in said
    again = [faq(words, "faq/is_free"), bot(said), faq("non mais ils prennent des frais ?", "faq/is_free")]
    dispatcher, _ = run(ActionAnswerFaq(), at(again))
    assert "plus haut" not in " ".join(texts(dispatcher))
