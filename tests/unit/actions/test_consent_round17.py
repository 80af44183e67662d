"""Round 17: the consent given in a sentence after a refusal (M1), a refused health consent remembered after a cancel
(M15), questions and worries at the consent questions answered (M9), the consent said for an address (L5), erasure
asked in other words (F10), and the numbers with the erasure confirmation after a warning sign (F19). New sentences,
other trades and voices than the talkers'; near misses unchanged."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.asking import ask
from actions.erasure_actions import (
    ERASE_ACTION,
    ERASE_OFFER,
    ERASED,
    ERASED_WITH_CASE,
    PRIVACY_AFTER_CONSENT,
    PRIVACY_BEFORE_CONSENT,
    ActionEraseConversation,
    erasure_asked_in_words,
)
from actions.handoff import asks_said
from actions.handoff_actions import CONSENT_NOW_GIVEN, ValidateHandoffForm, read_yes_no, withdraw_consent
from actions.intake_actions import ActionAnswerOutsideQuestion
from intake.answers import accepts_in_words, asks_which_health, fears_someone_sees
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

STORY = [user("Tapissier à Niort, mon banquier a coupé le découvert et je suis lessivé"), bot("…")]


# ------------------------------------------------------------------------------------------------ M1


@pytest.mark.parametrize(
    "words",
    [
        "bon tout compte fait si, j'accepte",
        "rappelez-moi vite ! ok j'accepte",
        "nan pardon mauvais bouton, oui j'accepte que vous gardiez tout ça",
        "je vous donne mon accord",
    ],
)
def test_the_consent_given_in_a_sentence_is_read(words):
    assert accepts_in_words(words)
    current = tracker([*STORY, user(words, "describe_situation")], {"requested_slot": "consent_given"}, "handoff_form")
    assert read_yes_no(None, current, "consent_given") is True


@pytest.mark.parametrize(
    "words",
    [
        "j'accepte pas qu'on garde mon numéro",
        "non je n'accepte pas",
        "j'accepte, ah non en fait non",
        "le fournisseur accepte d'attendre",
        "j'accepte mais pas que vous gardiez mes infos",
    ],
)
def test_near_misses_give_no_consent(words):
    assert not accepts_in_words(words)


def test_after_the_consent_was_refused_j_accepte_gives_it_without_asking_again():
    slots = {"wants_advisor": True, "consent_given": False, "difficulty_categories": ["banque"]}
    current = tracker([*STORY, user("finalement oui, j'accepte", "affirm")], slots)
    dispatcher, events = run(ActionAnswerOutsideQuestion(), current)
    assert texts(dispatcher) == [CONSENT_NOW_GIVEN]
    changed = slot_events(events)
    assert changed["consent_given"] is True and changed["consent_at"]
    assert any(e.get("event") == "followup" and e.get("name") == "handoff_form" for e in events)


def test_after_the_call_itself_was_refused_the_consent_is_still_asked():
    slots = {"wants_advisor": False, "difficulty_categories": ["banque"]}
    _dispatcher, events = run(
        ActionAnswerOutsideQuestion(), tracker([*STORY, user("finalement si, j'accepte", "affirm")], slots)
    )
    assert slot_events(events).get("consent_given") is None


# ------------------------------------------------------------------------------------------------ M15


def test_a_refused_health_consent_stays_refused_after_a_withdrawal():
    refused = tracker(STORY, consented(health_consent=False, phone="+33611223344"))
    assert "health_consent" not in slot_events(withdraw_consent(refused))
    given = tracker(STORY, consented(health_consent=True, phone="+33611223344"))
    assert slot_events(withdraw_consent(given))["health_consent"] is None


# ------------------------------------------------------------------------------------------------ M9


@pytest.mark.parametrize(
    "words, which, worry",
    [
        ("de quelle information médicale vous parlez ?", True, False),
        ("je suis pas malade moi, juste crevé", True, False),
        ("et si mon mari lit ça ? on a le même ordi", False, True),
        ("j'ai peur que ma belle-famille l'apprenne", False, True),
        ("oui", False, False),
        ("mon associé voit bien que je coule", False, False),
    ],
)
def test_questions_and_worries_at_the_consent_are_read(words, which, worry):
    assert asks_which_health(words) is which and fears_someone_sees(words) is worry


def test_which_health_information_is_answered_with_the_words_read_and_the_question_follows():
    slots = {
        **consented(difficulty_categories=["sante", "banque"]),
        "triage_reasons": {"sante": ["« je suis lessivé »"], "banque": ["« découvert »"]},
        "requested_slot": "health_consent",
    }
    words = user("c'est quoi l'info de santé ? j'ai juste dit que j'étais lessivé", "ask_why_question")
    dispatcher, _events = run(ValidateHandoffForm(), tracker([*STORY, words], slots, "handoff_form"))
    said = texts(dispatcher)
    assert "« je suis lessivé »" in said[0] and "Si vous répondez non" in said[0]


@pytest.mark.parametrize("consent, text", [(True, PRIVACY_AFTER_CONSENT), (False, PRIVACY_BEFORE_CONSENT)])
def test_a_worry_about_someone_close_is_answered(consent, text):
    slots = (
        consented(requested_slot="contact_name")
        if consent
        else {"wants_advisor": True, "requested_slot": "consent_given"}
    )
    words = user("attendez, et si ma compagne tombe dessus ? elle lit mes mails", "describe_situation")
    dispatcher, events = run(ValidateHandoffForm(), tracker([*STORY, words], slots, "handoff_form"))
    assert texts(dispatcher) == [text]
    assert slot_events(events).get("consent_given", consent or None) == (consent or None)


def test_a_worry_is_no_request_in_the_summary():
    assert asks_said(["et si mon ex tombe dessus ? il a accès à tout"], health_consent=False) == []


# ------------------------------------------------------------------------------------------------ L5


def test_the_consent_for_an_address_speaks_of_the_address():
    dispatcher = CollectingDispatcher()
    slots = {"wants_advisor": True, "phone": "non précisé", "email": "lea.morel@exemple.fr"}
    ask("consent_given", dispatcher, tracker(STORY, slots))
    assert "adresse e-mail" in dispatcher.messages[0]["text"] and "numéro" not in dispatcher.messages[0]["text"]
    dispatcher = CollectingDispatcher()
    ask("consent_given", dispatcher, tracker(STORY, {"wants_advisor": True}))
    assert "votre numéro" in dispatcher.messages[0]["text"]


# ------------------------------------------------------------------------------------------------ F10


@pytest.mark.parametrize(
    "words",
    [
        "supprimez ce que je viens de taper, c'était une erreur",
        "je voudrais que tout ça soit supprimé",
        "effacez mon dernier message",
    ],
)
def test_erasure_in_other_words_is_read(words):
    assert erasure_asked_in_words(words)


@pytest.mark.parametrize(
    "words",
    ["je voudrais que ma dette soit effacée", "j'ai supprimé le message du comptable", "ce sera effacé un jour ?"],
)
def test_near_misses_are_no_request_to_erase(words):
    assert not erasure_asked_in_words(words)


def test_erasure_in_other_words_outside_a_form_gets_the_offer():
    dispatcher, events = run(
        ActionAnswerOutsideQuestion(), tracker([*STORY, user("non. je veux que ce soit effacé", "deny")])
    )
    assert texts(dispatcher) == [ERASE_OFFER]
    again = [*STORY, user("effacez tout", "deny"), bot(ERASE_OFFER), user("je veux juste que ce soit effacé", "deny")]
    _dispatcher, events = run(ActionAnswerOutsideQuestion(), tracker(again, {"erasure_offered": "aucune"}))
    assert any(e.get("event") == "followup" and e.get("name") == ERASE_ACTION for e in events)


# ------------------------------------------------------------------------------------------------ F19


def test_the_erasure_after_a_warning_sign_gives_the_numbers():
    dispatcher, _ = run(ActionEraseConversation(), tracker([*STORY, user("oui", "affirm")], {"distress": True}))
    said = texts(dispatcher)[0]
    assert said.startswith("C'est fait") and "3114" in said and "15" in said and "112" in said


def test_the_erasure_for_a_relative_at_risk_says_the_3114_answers_relatives_too():
    slots = {"distress": True, "person_at_risk": "ma femme"}
    dispatcher, _ = run(ActionEraseConversation(), tracker([*STORY, user("oui", "affirm")], slots))
    assert "aux proches" in texts(dispatcher)[0] and "112" in texts(dispatcher)[0]


def test_the_erasure_without_a_warning_sign_is_as_before():
    dispatcher, _ = run(ActionEraseConversation(), tracker([*STORY, user("oui", "affirm")]))
    assert texts(dispatcher) == [ERASED]
    assert ERASED_WITH_CASE.startswith("C'est fait")


def test_the_short_consent_question_for_an_address_speaks_of_the_address_too():
    slots = {"wants_advisor": True, "phone": "non précisé", "email": "lea.morel@exemple.fr"}
    first = CollectingDispatcher()
    ask("consent_given", first, tracker(STORY, slots))
    dispatcher = CollectingDispatcher()
    ask("consent_given", dispatcher, tracker(STORY, slots), earlier=first.messages)
    assert "votre adresse e-mail et ce que vous" in dispatcher.messages[0]["text"]
