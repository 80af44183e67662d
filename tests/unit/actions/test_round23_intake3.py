"""Round 23 (intake3): what the talkers found at the intake questions, over real trackers.

- r23a-08: a sum owed said as a total at the deadline question was stored as the deadline.
- r23a-11: "personne, je suis seul" at the creditors question was stored whole.
- r23b-01 (talk-b #4): the creditor said to be the main worry got the explanation of the question.
- talk-b #12: a volunteered answer got "Merci, c'est noté." then an offer to pass, with nothing named.
- r23a-09: "ça engage à quoi ?" at the callback offer; r23a-06: "vous êtes un robot ?" right after the welcome.
- r23b-02: "c'est quoi le SIP ?".
"""

from __future__ import annotations

import pytest

from actions.faq_actions import ActionAnswerFaq
from actions.intake import OFFER_SKIP, explain, skip_offered
from actions.intake_actions import ValidateSituationForm
from guidance.glossary import term_asked
from guidance.welcome import welcome_text
from intake.facts import main_worry, owes_no_one, total_owed
from tests.support.trackers import bot, run, slot_events, tracker, user
from tests.unit.actions.test_round23_intake import DOMAIN


def _at(words, slot, known, history=()):
    events = [
        user("je suis carreleur, ça va mal"),
        *({"event": "slot", "name": k, "value": v} for k, v in known.items()),
        *history,
        {"event": "slot", "name": "requested_slot", "value": slot},
        bot("La question."),
        user(words, "nlu_fallback"),
        {"event": "slot", "name": slot, "value": words},
    ]
    slots = {**known, "requested_slot": slot, slot: words}
    dispatcher, produced = run(ValidateSituationForm(), tracker(events, slots, "situation_form"), DOMAIN)
    return [m.get("text") or "" for m in dispatcher.messages], slot_events(produced)


BANK = {"difficulty_categories": ["banque"], "trade": "carreleur", "creditors": "banque"}


@pytest.mark.parametrize(
    "words, amount",
    [
        ("deux échéances de prêt en retard, 1 650 au total", "1 650 €"),
        ("4 loyers impayés, soit 3200", "3 200 €"),
        ("j'ai 2900 de retard", "2 900 €"),
    ],
)
def test_a_total_owed_at_the_deadline_question_goes_to_the_creditors(words, amount):
    said, slots = _at(words, "deadline", BANK)
    assert slots["deadline"] is None  # asked once more, never stored as the deadline
    assert slots["creditors"] == f"banque {amount}"
    assert said[0].startswith("Merci")


@pytest.mark.parametrize(
    "words", ["retard de 3 mensualités depuis 2023", "les clients me doivent 2400 en tout", "le 12 avril"]
)
def test_no_total_owed_where_none_is_said(words):
    assert total_owed(words) is None


@pytest.mark.parametrize("words", ["personne, je bosse seul", "à personne", "Personne.", "non je dois rien à personne"])
def test_nobody_at_the_creditors_question_is_the_no(words):
    _, slots = _at(words, "creditors", {"trade": "carreleur"})
    assert slots["creditors"] == "aucune dette signalée"


@pytest.mark.parametrize("words", ["personne à part la banque", "personne sauf l'urssaf", "personnellement le fisc"])
def test_nobody_but_a_creditor_is_no_no(words):
    assert not owes_no_one(words)


@pytest.mark.parametrize(
    "words, who, heard",
    [
        ("bah non c'est plutôt l'urssaf le gros souci", "URSSAF", "l'URSSAF"),
        ("c'est surtout le fournisseur qui m'inquiète", "fournisseurs", "les fournisseurs"),
        ("mon vrai problème, c'est la banque", "banque", "la banque"),
    ],
)
def test_the_main_worry_is_heard_and_added(words, who, heard):
    known = {"trade": "carreleur", "creditors": "impôts 3000 €"}
    said, slots = _at(words, "deadline", known)
    assert said[0] == f"D'accord, c'est surtout {heard} : je le note."
    assert slots["deadline"] is None
    assert slots["creditors"] == f"impôts 3000 €, {who}"  # added, nothing lost


@pytest.mark.parametrize(
    "words", ["c'est pas la banque le souci", "le souci c'est que je dors plus", "c'est plutôt mon frère le problème"]
)
def test_no_main_worry_without_a_creditor_meant(words):
    assert main_worry(words) is None


def test_a_volunteered_answer_is_named_then_the_offer_is_its_own_sentence():
    history = [
        {"event": "slot", "name": "requested_slot", "value": "deadline"},
        bot("La question."),
        user("on est en SARL", "inform"),
        {"event": "slot", "name": "legal_form", "value": "SARL"},
    ]
    said, slots = _at("l'atelier est à Quimper", "deadline", {"trade": "carreleur"}, history)
    assert slots["deadline"] is None
    assert said[0].startswith("Merci, c'est noté. J'ai retenu : ")
    assert "Finistère (29)" in said[0]
    assert said[0].endswith(OFFER_SKIP)


def test_the_former_offer_wording_still_counts():
    events = [
        {"event": "slot", "name": "requested_slot", "value": "deadline"},
        bot("Merci, c'est noté. Si vous préférez, nous pouvons passer ma question : répondez « passer »."),
        user("oui"),
    ]
    assert skip_offered(events, "deadline", latest_only=True)


@pytest.mark.parametrize("words", ["ça m'engage à quoi ?", "et ça engage à quoi", "c'est un engagement ?"])
def test_what_the_call_commits_to(words):
    reply = explain("wants_advisor", words)
    assert "gratuit" in reply and "sans engagement" in reply


@pytest.mark.parametrize("words", ["pourquoi ?", "je me suis engagé pour un prêt"])
def test_other_why_questions_keep_their_reason(words):
    assert "sans engagement" not in explain("wants_advisor", words)


def _faq_first(words, key, before):
    event = user(words, "faq")
    event["parse_data"]["response_selector"] = {"default": {"response": {"intent_response_key": key}}}
    dispatcher, _ = run(ActionAnswerFaq(), tracker([*before, event], {}))
    return [m.get("text") or m.get("response") or "" for m in dispatcher.messages]


def test_a_robot_question_right_after_the_welcome_is_not_answered_with_the_same_words():
    said = _faq_first("c'est une machine qui me répond ?", "faq/is_bot", [bot(welcome_text("CMA Test"))])
    assert said and all("assistant automatique" not in text and text != "utter_faq/is_bot" for text in said)


def test_a_robot_question_later_gets_the_stored_answer():
    before = [bot(welcome_text("CMA Test")), user("je suis plombier"), bot("Qu'est-ce qui vous amène ?")]
    assert _faq_first("vous êtes un robot ?", "faq/is_bot", before)[0] == "utter_faq/is_bot"


@pytest.mark.parametrize(
    "words, entry",
    [
        ("c koi le sip", "sip"),
        ("le service des impôts des particuliers, c'est quoi ?", "sip"),
        ("le sie c'est quoi ?", "sie"),
    ],
)
def test_sip_and_sie_are_defined(words, entry):
    found = term_asked(words)
    assert found is not None and found.id == entry
