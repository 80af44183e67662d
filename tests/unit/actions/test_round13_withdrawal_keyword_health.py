"""Round 13 (r13a F3; r13b B3, B6), over real trackers, the real form validation, a real case store and the actions
that answer outside the forms: the callback taken back after the case in other words than "annulez ma demande"
erases it; « conseiller », the word the bot tells people to write, said with more and read as a stop, starts the
callback request; a yes followed by its reason at the health question is a yes."""

from __future__ import annotations

import pytest

from actions import services
from actions.handoff import withdrawn_text
from actions.handoff_actions import (
    NUMBER_IS_A_YES,
    ActionFinishHandoff,
    ActionHandoffThanks,
    ValidateHandoffForm,
    says_the_keyword,
    takes_back_callback,
    yes_with_its_reason,
)
from actions.intake_actions import ActionAnswerOutsideQuestion, ActionStopConversation
from tests.support.action_services import stored_cases
from tests.support.handoff_form import DOMAIN, validate
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

SENDER = "round13-a"
OFFER = "Voulez-vous qu'un conseiller de la chambre vous rappelle pour en parler ?"
HISTORY = [user("la banque m'a coupé le découvert"), bot(OFFER)]


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


def stored_case(requested="email"):
    """A case stored at the phone question; the slots as the next question is asked."""
    events = [*HISTORY, bot("À quel numéro de téléphone peut-il vous joindre ?"), user("06 12 34 56 78", "inform")]
    events.append(slot("phone", "06 12 34 56 78"))
    current = tracker(
        events,
        slots={**consented(), "phone": "06 12 34 56 78", "requested_slot": "phone"},
        active_loop="handoff_form",
        sender_id=SENDER,
    )
    _, produced = run(ValidateHandoffForm(), current, DOMAIN)
    reference = slot_events(produced)["case_reference"]
    assert reference
    return reference, consented(phone="+33612345678", case_reference=reference, requested_slot=requested)


def in_form(words, intent, slots, question="Voulez-vous aussi laisser une adresse e-mail ? C'est facultatif."):
    return tracker(
        [*HISTORY, bot(question), user(words, intent)], slots=slots, active_loop="handoff_form", sender_id=SENDER
    )


# ------------------------------------------------------------------ F3: the callback taken back in other words


TAKEN_BACK = [
    "non. et en fait je prefere plus etre rappelée, j'appellerai moi meme",
    "finalement pas besoin qu'on me rappelle",
    "laissez tomber le rappel",
    "je veux plus être appelé",
    "Je préfère ne pas être rappelée finalement",
    "j'aimerais mieux ne plus être contacté",
    "plus besoin du rappel, c'est réglé avec la banque",
    "c'est plus la peine de me rappeler",
    "oubliez le rappel, mon comptable s'en occupe",
    "annulez le rappel j'ai trouvé une solution",
    "finalement j'appellerai la chambre moi-même",
    "non je vais les appeler directement",
    "je souhaite plus être contactée par vous",
    "j'ai plus envie qu'on m'appelle",
    "en fait je préfère plus qu'on me rappelle",
    "tout compte fait je contacterai la CMA de mon côté",
]
# When or how to call, a condition, someone else's wish, another call: nothing taken back.
NOT_TAKEN_BACK = [
    "non merci",
    "non pas de mail",
    "je préfère être rappelée le matin",
    "je préfère pas être appelée le matin",
    "je préfère pas être appelée sur le portable",
    "je préfère pas par mail",
    "pas de mail, je préfère être appelée",
    "j'appellerai moi-même si besoin",
    "n'annulez pas le rappel",
    "plus besoin de mail",
    "ma femme préfère pas être appelée",
    "je vais appeler ma banque directement",
    "rappel de l'urssaf reçu hier",
]


@pytest.mark.parametrize("words", TAKEN_BACK)
def test_the_callback_taken_back_in_other_words_is_read_so(words):
    assert takes_back_callback(words, explicit_only=True)


@pytest.mark.parametrize("words", NOT_TAKEN_BACK)
def test_when_or_how_to_call_takes_nothing_back(words):
    assert not takes_back_callback(words, explicit_only=True)


@pytest.mark.parametrize(
    "words, intent, requested",
    [
        ("non. et en fait je prefere plus etre rappelée, j'appellerai moi meme", "request_human", "email"),
        ("bon finalement plus besoin qu'on m'appelle, merci", "thank", "callback_slot"),
        ("laissez tomber le rappel, je me débrouille", "inform", "email"),
        ("non je préférerais ne plus être contactée", "deny", "departement"),
        ("tout compte fait j'appellerai la chambre directement", "inform", "callback_slot"),
    ],
)
def test_the_callback_taken_back_after_the_case_erases_it_and_says_so(words, intent, requested):
    reference, slots = stored_case(requested)
    current = in_form(words, intent, slots)
    _, events = run(ValidateHandoffForm(), current, DOMAIN)
    changed = slot_events(events)
    assert changed["consent_given"] is False and changed["case_reference"] is None
    assert changed["requested_slot"] is None
    case = stored_cases()[0]
    assert case.reference == reference and case.erased_at is not None and case.phone is None
    finished = tracker([*current.events, *events], slots={**slots, **changed}, sender_id=SENDER)
    dispatcher, _ = run(ActionFinishHandoff(), finished)
    assert texts(dispatcher) == [withdrawn_text(services.chamber())]


@pytest.mark.parametrize(
    "words, intent",
    [
        ("je préfère plus être rappelée en fait", "stop_conversation"),
        ("finalement oubliez le rappel", "deny"),
    ],
)
def test_the_callback_taken_back_once_the_handoff_ended_erases_the_case_too(words, intent):
    _, slots = stored_case(None)
    action = ActionStopConversation() if intent == "stop_conversation" else ActionAnswerOutsideQuestion()
    dispatcher, events = run(action, tracker([*HISTORY, user(words, intent)], slots=slots, sender_id=SENDER))
    assert slot_events(events)["consent_given"] is False
    assert texts(dispatcher) == [withdrawn_text(services.chamber())]
    assert stored_cases()[0].erased_at is not None


@pytest.mark.parametrize(
    "words, intent, requested, candidates",
    [
        ("je préfère pas être appelée le matin", "inform", "callback_slot", {"callback_slot": "pas le matin"}),
        ("non pas de mail", "deny", "email", {"email": "non précisé"}),
        ("j'appellerai moi-même si je n'ai pas de nouvelles", "inform", "callback_slot", {}),
    ],
)
def test_a_wish_about_the_call_after_the_case_keeps_it(words, intent, requested, candidates):
    _, slots = stored_case(requested)
    current = in_form(words, intent, {**slots, **candidates})
    current.events.extend(slot(name, value) for name, value in candidates.items())
    _, events = run(ValidateHandoffForm(), current, DOMAIN)
    assert slot_events(events).get("consent_given") is not False
    assert stored_cases()[0].erased_at is None and stored_cases()[0].phone == "+33612345678"


# ------------------------------------------------------------------ B6: « conseiller » said with more


@pytest.mark.parametrize(
    "words",
    [
        "bon je lui ai parlé il est ok. conseiller",
        "conseiller. il est d'accord maintenant",
        "ok conseiller svp",
        "c'est bon il a dit oui, conseiller alors",
        "bon allez, un conseiller",
        "il veut bien finalement : conseiller",
    ],
)
def test_the_keyword_said_with_more_is_the_keyword(words):
    assert says_the_keyword(words)


@pytest.mark.parametrize(
    "words",
    [
        "je verrai avec mon conseiller",
        "non pas de conseiller",
        "mon conseiller bancaire m'a lâché",
        "conseiller ? c'est qui ?",
        "laissez tomber. conseiller",
        "le conseiller de la banque ne répond plus",
        "stop",
    ],
)
def test_the_word_in_a_sentence_is_no_keyword(words):
    assert not says_the_keyword(words)


REFUSED = {"difficulty_categories": ["banque"], "urgency": "haute", "distress": False, "wants_advisor": False}


@pytest.mark.parametrize(
    "words, intent",
    [
        ("bon je lui ai parle il est ok. conseiller", "stop_conversation"),
        ("c'est réglé avec lui, conseiller svp", "goodbye"),
        ("ok il veut bien. conseiller", "stop_conversation"),
    ],
)
def test_the_keyword_after_a_refusal_read_as_a_stop_starts_the_callback_request(words, intent):
    refusal = bot("C'est entendu. Je ne transmets rien à la chambre sans votre accord.")
    current = tracker([*HISTORY, user("non", "deny"), refusal, user(words, intent)], slots=REFUSED, sender_id=SENDER)
    dispatcher, events = run(ActionStopConversation(), current)
    changed = slot_events(events)
    assert changed["wants_advisor"] is True and changed["consent_given"] is None
    assert {"event": "followup", "name": "handoff_form"} in [
        {"event": e.get("event"), "name": e.get("name")} for e in events
    ]
    assert texts(dispatcher) == [NUMBER_IS_A_YES]


def test_the_keyword_before_any_answer_read_as_a_stop_starts_the_callback_request():
    slots = {"difficulty_categories": ["banque"], "urgency": "normale", "distress": False}
    current = tracker([*HISTORY, user("bon ok. conseiller", "stop_conversation")], slots=slots, sender_id=SENDER)
    dispatcher, events = run(ActionStopConversation(), current)
    assert slot_events(events)["wants_advisor"] is True
    assert any(e.get("event") == "followup" and e.get("name") == "handoff_form" for e in events)
    assert not any("on s'arrête là" in text for text in texts(dispatcher))


def test_the_keyword_after_a_refusal_read_as_a_no_starts_the_callback_request():
    current = tracker([*HISTORY, user("il est d'accord. conseiller", "deny")], slots=REFUSED, sender_id=SENDER)
    dispatcher, events = run(ActionAnswerOutsideQuestion(), current)
    assert slot_events(events)["wants_advisor"] is True
    assert texts(dispatcher) == [NUMBER_IS_A_YES]


@pytest.mark.parametrize(
    "words, intent",
    [
        ("bon j'arrête, je verrai avec mon conseiller", "stop_conversation"),
        ("non pas de conseiller, au revoir", "goodbye"),
    ],
)
def test_a_stop_that_mentions_an_advisor_still_stops(words, intent):
    current = tracker([*HISTORY, user(words, intent)], slots=REFUSED, sender_id=SENDER)
    _, events = run(ActionStopConversation(), current)
    assert slot_events(events).get("wants_advisor") is not True
    assert not any(e.get("event") == "followup" and e.get("name") == "handoff_form" for e in events)


# ------------------------------------------------------------------ B3: a yes with its reason at the health question


@pytest.mark.parametrize(
    "words, intent",
    [
        ("oui mettez le, c'est la santé du patron pas la mienne", "skip_question"),
        ("oui allez-y notez-le, ce n'est pas un secret", "deny"),
        ("ok mettez-le, c'est pas moi qui suis malade", "skip_question"),
        ("d'accord, il faut que le conseiller sache pourquoi il n'est pas là", "deny"),
        ("oui bien sûr car c'est pour ça que rien n'est signé", "skip_question"),
    ],
)
def test_a_yes_with_its_reason_at_the_health_question_is_a_yes(words, intent):
    _, slots = validate("health_consent", words, {"health_consent": False}, intent=intent)
    assert slots["health_consent"] is True


@pytest.mark.parametrize(
    "words, intent",
    [
        ("oui mais pas les détails", "deny"),
        ("oui sauf le nom de la maladie", "skip_question"),
        ("oui enfin non, laissez ça de côté", "deny"),
        ("non merci, c'est privé", "deny"),
        ("oui, ne mettez pas le nom de l'hôpital", "deny"),
        ("passer", "skip_question"),
    ],
)
def test_a_narrowed_yes_or_a_no_at_the_health_question_is_no_yes(words, intent):
    _, slots = validate("health_consent", words, {"health_consent": False}, intent=intent)
    assert slots.get("health_consent") is not True


@pytest.mark.parametrize(
    "words, expected",
    [
        ("oui, c'est important qu'il le sache", True),
        ("ouais vas-y, c'est mon mari qui est malade pas moi", True),
        ("oui ?", False),
        ("oui, je veux plus être rappelé", False),
        ("pas de souci", False),  # no yes opening it: the classifier decides
    ],
)
def test_a_yes_with_its_reason(words, expected):
    assert yes_with_its_reason(words) is expected


@pytest.mark.parametrize("requested", ["email", "callback_slot"])
def test_the_callback_taken_back_with_a_thanks_erases_the_case(requested):
    _, slots = stored_case(requested)
    current = in_form("bon finalement plus besoin qu'on m'appelle, merci", "thank", slots)
    dispatcher, events = run(ActionHandoffThanks(), current)
    assert slot_events(events)["consent_given"] is False
    assert texts(dispatcher) == [withdrawn_text(services.chamber())]
    assert stored_cases()[0].erased_at is not None


def test_a_plain_thanks_after_the_case_keeps_it():
    _, slots = stored_case("email")
    _, events = run(ActionHandoffThanks(), in_form("merci beaucoup", "thank", slots))
    assert slot_events(events).get("consent_given") is not False
    assert stored_cases()[0].erased_at is None
