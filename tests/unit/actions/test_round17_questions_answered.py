"""Round 17 of conversations: questions met with a stored answer that does not fit, or turned away though in scope.

- r17b-04, 05, 10, 15, 17, 14; r17a-07, 08, 17: the response selector's nearest stored answer ("C'est entièrement
  gratuit" to a question on a lawyer, "Non, la Chambre n'est ni l'URSSAF…" to "vous pensez que je vais m'en sortir ?").
- r17a-02, 13, 15: "Je ne peux pas vous aider sur ce sujet" to a question about the business.
- r17b-15: "pourquoi vous voulez mon numéro ?" at the consent question got the consent's reason.

Real trackers, the real actions; the sentences are new ones (other trades, other voices), with near misses.
"""

from __future__ import annotations

import pytest

from actions.ask_actions import ActionOutOfScope
from actions.business_questions import answer_to_business_question, asks_whether_owed
from actions.faq_actions import ActionAnswerFaq
from actions.intake import PHONE_REASON, QUESTION_REASONS, explain
from guidance.crisis import BUSINESS_QUESTION_UNKNOWN
from intake.service_questions import (
    NOBODY_TOLD,
    OUTCOME_ANSWER,
    asks_about_the_outcome,
    asks_if_someone_is_told,
    fits_stored_answer,
    slot_named_in_why,
)
from tests.support.trackers import run, texts, tracker, user


def _faq(words: str, key: str) -> dict:
    message = user(words, "faq")
    message["parse_data"]["response_selector"] = {"default": {"response": {"intent_response_key": key}}}
    return message


def _asked_faq(words: str, key: str, slots: dict | None = None, loop: str | None = None, before: tuple = ()):
    current = tracker([*before, _faq(words, key)], slots=slots or {}, active_loop=loop)
    return run(ActionAnswerFaq(), current)


# --- A stored answer said only when the words ask what it answers ---------------------------------------------


@pytest.mark.parametrize(
    "key, words",
    [
        ("faq/is_free", "ça coûte combien votre truc ?"),
        ("faq/is_free", "c'est payant l'appel ?"),
        ("faq/confidential", "c'est anonyme ?"),
        ("faq/confidential", "vous allez prévenir les impôts ?"),
        ("faq/other_bodies", "vous travaillez pour l'urssaf ?"),
        ("faq/other_bodies", "c'est les impôts ici ?"),
        ("faq/what_can_you_do", "vous servez à quoi exactement ?"),
        ("faq/who_are_you", "vous êtes qui ?"),  # a key not checked always fits
    ],
)
def test_the_stored_answer_fits_what_it_answers(key, words):
    assert fits_stored_answer(key, words)


@pytest.mark.parametrize(
    "key, words",
    [
        ("faq/is_free", "ma mère doit prendre un avocat pour l'audience ?"),
        ("faq/other_bodies", "vous croyez que le crédit agricole acceptera de décaler le prêt ?"),
        ("faq/other_bodies", "vous pensez qu'on va s'en sortir ?"),
        ("faq/confidential", "vous allez le dire à ma patronne ?"),
        ("faq/what_can_you_do", "vous pouvez m'aider à me faire payer par le syndic ?"),
    ],
)
def test_the_stored_answer_does_not_fit_other_questions(key, words):
    assert not fits_stored_answer(key, words)


def test_a_hope_asked_is_answered_warmly_without_a_promise():
    for words in (
        "vous croyez que je vais m'en sortir ?",
        "franchement ça va s'arranger ?",
        "il y a encore une solution ?",
    ):
        assert asks_about_the_outcome(words), words
    dispatcher, _ = _asked_faq(
        "au fait mon comptable m'a lâché aussi. vous pensez qu'on va s'en sortir ?",
        "faq/other_bodies",
        {"case_reference": "R-7"},
    )
    said = texts(dispatcher)
    assert said == [OUTCOME_ANSWER]
    assert not said[0].startswith("Non")
    assert "promettre" in said[0]


def test_a_person_told_is_not_answered_with_the_bodies():
    for words in ("vous allez lui en parler ?", "vous allez prévenir mon chef ?", "ma femme va le savoir ?"):
        assert asks_if_someone_is_told(words), words
    dispatcher, _ = _asked_faq("et vous allez lui dire, à mon patron ?", "faq/confidential", loop="handoff_form")
    assert texts(dispatcher) == [NOBODY_TOLD]
    assert "URSSAF" not in NOBODY_TOLD


def test_a_question_on_the_bank_gets_its_step_not_a_no():
    dispatcher, _ = _asked_faq(
        "vous pensez que ma banque peut reporter les échéances du prêt du fourgon ?",
        "faq/other_bodies",
        {"difficulty_categories": ["banque"], "urgency": "normale"},
        "situation_form",
    )
    said = texts(dispatcher)
    assert len(said) == 1 and not said[0].startswith("Non")
    assert "Médiation du crédit" in said[0]


@pytest.mark.parametrize(
    "words",
    [
        "mon frère peut vendre son assurance-vie pour éponger la dette ?",
        "je peux casser mon assurance vie pour régler l'urssaf ?",
    ],
)
def test_a_life_insurance_is_not_the_business_insurance(words):
    current = tracker([user(words)], slots={"difficulty_categories": ["tresorerie"], "urgency": "normale"})
    assert answer_to_business_question(current, words) is None
    dispatcher, _ = _asked_faq(words, "faq/other_bodies", {"difficulty_categories": ["tresorerie"]}, "handoff_form")
    assert texts(dispatcher) == [BUSINESS_QUESTION_UNKNOWN]


def test_whether_a_tax_is_owed_is_not_answered_with_a_payment_plan():
    assert asks_whether_owed("la taxe foncière je dois quand même la payer si je cesse en mars ?")
    assert asks_whether_owed("faut il payer la cfe si j'arrête l'activité ?")
    # Near misses: how or when to pay is the payment plan's.
    assert not asks_whether_owed("comment je dois payer la tva si j'ai plus rien ?")
    assert not asks_whether_owed("je dois payer l'urssaf, je peux avoir un délai ?")
    current = tracker([user("on me réclame la cfe")], slots={"difficulty_categories": ["impots"], "urgency": "normale"})
    assert answer_to_business_question(current, "la cfe faut il la payer si je cesse en mars ?") is None
    assert answer_to_business_question(current, "pour la cfe je peux étaler le paiement ?") is not None


def test_a_difficulty_said_at_a_service_answer_starts_the_intake():
    dispatcher, events = _asked_faq("des soucis d'argent en gros", "faq/what_can_you_do")
    assert not any("y voir plus clair" in text for text in texts(dispatcher))
    assert {"event": "followup", "name": "situation_form"} in [
        {"event": e.get("event"), "name": e.get("name")} for e in events
    ]


def test_getting_money_back_gets_a_step_and_a_next_question():
    dispatcher, _ = _asked_faq(
        "vous pouvez m'aider à me faire payer par le syndic qui me doit 3 factures ?", "faq/what_can_you_do"
    )
    said = texts(dispatcher)
    assert said[0].startswith("Pour votre question")
    assert len(said) == 2 and "?" in said[1]


@pytest.mark.parametrize(
    "words, key",
    [
        ("c'est gratuit ?", "faq/is_free"),
        ("vous êtes des impôts ?", "faq/other_bodies"),
        ("c'est secret ?", "faq/confidential"),
    ],
)
def test_near_misses_keep_their_stored_answer(words, key):
    dispatcher, _ = _asked_faq(words, key, {"difficulty_categories": ["impots"]}, "situation_form")
    assert [m.get("response") for m in dispatcher.messages] == [f"utter_{key}"]


# --- Questions about the business are the chamber's, not out of scope ------------------------------------------


def _out_of_scope(words: str, slots: dict | None = None, loop: str | None = None, before: tuple = ()):
    current = tracker([*before, user(words, "out_of_scope")], slots=slots or {}, active_loop=loop)
    return run(ActionOutOfScope(), current)


@pytest.mark.parametrize(
    "words, slots, loop",
    [
        (
            "et pour céder mon salon de coiffure, il faut faire comment ?",
            {"difficulty_categories": ["baisse_activite"]},
            None,
        ),
        ("je voudrais savoir comment on embauche un apprenti boulanger", {}, None),
        (
            "c'est quoi les démarches pour vendre le fonds de commerce ?",
            {"difficulty_categories": ["tresorerie"]},
            "situation_form",
        ),
    ],
)
def test_a_business_question_is_never_turned_away(words, slots, loop):
    dispatcher, _ = _out_of_scope(words, slots, loop)
    said = texts(dispatcher)
    assert not any("Je ne peux pas vous aider sur ce sujet" in text for text in said)
    assert said[0] == BUSINESS_QUESTION_UNKNOWN or said[0].startswith("Pour votre question")


def test_a_client_named_again_gets_the_unpaid_invoice_step():
    dispatcher, _ = _out_of_scope(
        "bon et pour le maître d'ouvrage, le promoteur, je fais comment ?",
        {"difficulty_categories": ["tresorerie"], "urgency": "normale"},
        before=(user("le promoteur me doit 18 000 euros depuis la livraison"),),
    )
    said = texts(dispatcher)
    assert said[0].startswith("Pour votre question") and "facture" in said[0]


def test_a_trade_said_with_a_question_first_is_kept():
    dispatcher, events = _out_of_scope("plombier, je voulais savoir comment on prend un apprenti ?")
    assert {"event": "slot", "name": "trade", "value": "plombier"} in [
        {"event": e.get("event"), "name": e.get("name"), "value": e.get("value")} for e in events
    ]
    assert len(texts(dispatcher)) == 2  # the honest word, then what to write next


@pytest.mark.parametrize("words", ["vous connaissez un bon garage à Niort ?", "quel temps il fera ce week-end ?"])
def test_near_misses_stay_out_of_scope(words):
    dispatcher, _ = _out_of_scope(words)
    assert "Je ne peux pas vous aider sur ce sujet" in texts(dispatcher)[0]


# --- "pourquoi" names what it asks about --------------------------------------------------------------------------


def test_why_the_number_is_said_whatever_question_is_pending():
    assert slot_named_in_why("pk vous avez besoin de mon tel ?") == "phone"
    assert slot_named_in_why("pourquoi vous demandez mon mail ?") == "email"
    assert slot_named_in_why("pourquoi ?") is None
    assert explain("consent_given", "mais pourquoi vous voulez mon numéro de portable ?") == PHONE_REASON
    assert explain("callback_slot", "pourquoi il vous faut mon prénom ?") == QUESTION_REASONS["contact_name"]
    # Near misses: a plain "pourquoi", or one naming the pending question, gets that question's reason.
    assert explain("consent_given", "pourquoi ?") == QUESTION_REASONS["consent_given"]
    assert explain("phone", "pourquoi mon numéro ?").startswith(QUESTION_REASONS["phone"])
