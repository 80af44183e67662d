"""Round 16 (r16b-04, r16b-10, r16b-18), over real trackers, the real handoff validation, the real answer to a question
about the service and the action that answers a yes or a no outside the forms.

- r16b-10/18: a question about erasing LATER said with the yes to the consent ("oui mais vous pourrez supprimer après
  ?", "oui ok mais je pourrai les faire supprimer plus tard mes données ?") got the offer to erase NOW, and the "oui"
  after it erased an urgent consented callback (no case). Erasing later is a question: answered (yes, how, how long
  things are kept), never an erasure, and the pending question comes back (or, said with a yes, the consent is kept).
- r16b-04: "en fait effacez tout svp je veux pas laisser de trace", read as a request for a call and then as its
  refusal, got "effacée au bout de 7 jours" and nothing was erased: erasing asked in ordinary words gets the offer,
  whatever the classifier read, and a no takes the interrupted question up again."""

from __future__ import annotations

import pytest

from actions import services
from actions.erasure_actions import (
    ERASE_ACTION,
    ERASE_OFFER,
    ERASE_OFFER_WITH_CASE,
    KEPT,
    erasure_asked_in_words,
    erasure_later_asked,
)
from actions.faq_actions import ActionAnswerFaq
from actions.handoff_actions import ValidateHandoffForm
from actions.intake_actions import ActionAnswerOutsideQuestion
from tests.support.action_services import stored_cases
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

SENDER = "round16-erasure"
CONSENT_QUESTION = (
    "Pour qu'un conseiller vous rappelle, je dois garder votre prénom, votre numéro [...] Êtes-vous d'accord ?"
)
DEADLINE_QUESTION = "Avez-vous une échéance proche, comme une audience, une saisie ou des salaires à payer ?"
OFFER_QUESTION = "Voulez-vous qu'un conseiller de la chambre vous rappelle pour en parler ?"
HISTORY = [
    user("je suis fleuriste, mon compte a été saisi hier, plus rien pour payer mes 2 salariés vendredi"),
    {"event": "slot", "name": "difficulty_categories", "value": ["banque"]},
]
SITUATION = {"difficulty_categories": ["banque"], "urgency": "critique", "distress": False}


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


def loop(name):
    return {"event": "active_loop", "name": name}


def faq(words, key="faq/delete_data"):
    message = user(words, "faq")
    message["parse_data"]["response_selector"] = {"default": {"response": {"intent_response_key": key}}}
    return message


def followup(events):
    return next((e["name"] for e in events if e.get("event") == "followup"), None)


def at(events, slots, active_loop=None):
    current = tracker(events, slots=slots, active_loop=active_loop, sender_id=SENDER)
    current.latest_message["response_selector"] = (events[-1].get("parse_data") or {}).get("response_selector")
    return current


# ------------------------------------------------------------------ the words


@pytest.mark.parametrize(
    "words",
    [
        "oui mais vous pourrez supprimer apres ?",
        "oui ok mais je pourrai les faire supprimer plus tard mes donnees ?",
        "oui d'accord mais vous pourrez l'effacer après ?",
        "ok et on peut supprimer plus tard ?",
        "c'est effacé après ?",
        "on pourra tout effacer ensuite ?",
        "c possible de supprimer mes infos plus tard ?",
        "et si je change d'avis vous supprimez tout ?",
        "ce sera effacé automatiquement ?",
        "Et Je Pourrai Demander La Suppression Un Jour ?",
    ],
)
def test_erasing_later_is_a_question_never_a_request(words):
    assert erasure_later_asked(words)
    assert not erasure_asked_in_words(words)


@pytest.mark.parametrize(
    "words",
    [
        "effacez tout",
        "en fait effacez tout svp je veux pas laisser de trace",
        "supprimez ce que j'ai écrit",
        "je veux pas laisser de trace",
        "jveux pas laisser de traces",
        "efface tt stp",
        "EFFACE TOUT STP",
        "tout supprimer svp",
        "supprime la conversation stp",
        "vous pouvez effacer ce que j'ai écrit ?",
        "effacez tout maintenant, je reviendrai après",
        "je veux que vous effaciez tout ce que j'ai ecrit",
    ],
)
def test_erasing_now_in_ordinary_words_is_a_request(words):
    assert erasure_asked_in_words(words)
    assert not erasure_later_asked(words)


@pytest.mark.parametrize(
    "words",
    [
        "vous effacez quand ?",  # how long it is kept: the retention, as before
        "ils ont supprimé mon découvert",
        "la banque a tout supprimé",
        "effacer ma dette c'est possible ?",
        "il faut supprimer un poste",
        "mon compte est vide",
        "on a tout perdu",
        "oui",
        "06 12 34 56 78",
    ],
)
def test_near_misses_ask_nothing_to_erase_now(words):
    assert not erasure_asked_in_words(words)


# ------------------------------------------------------------------ r16b-10/18: erasing later, at the consent question


def at_consent(message, filled=None):
    events = [*HISTORY, bot(OFFER_QUESTION), user("rappel svp vite", "request_human"), bot(CONSENT_QUESTION), message]
    events += [slot(name, value) for name, value in (filled or {}).items()]
    slots = {**SITUATION, "wants_advisor": True, "requested_slot": "consent_given", **(filled or {})}
    return at(events, slots, "handoff_form")


@pytest.mark.parametrize(
    "words",
    [
        "oui mais vous pourrez supprimer apres ?",
        "oui ok mais je pourrai les faire supprimer plus tard mes donnees ?",
        "ok et on peut supprimer plus tard ?",
        "c'est effacé après ?",
    ],
)
def test_a_question_about_erasing_later_at_the_consent_question_is_answered_and_the_consent_comes_back(words):
    # The form's validation leaves it to the answer to a question about the service (Rasa's rule, then the form).
    dispatcher, events = run(ValidateHandoffForm(), at_consent(faq(words)), DOMAIN)
    assert events == [] and texts(dispatcher) == []
    dispatcher, events = run(ActionAnswerFaq(), at_consent(faq(words)))
    said = " ".join(texts(dispatcher))
    assert said.startswith("Oui.") and "annulez ma demande" in said
    assert f"{services.chamber().retention_days} jours après la fin de votre suivi" in said
    assert ERASE_OFFER not in texts(dispatcher) and not any(m.get("buttons") for m in dispatcher.messages)
    # Nothing closed, nothing waiting for a yes: the rule goes back to the form, which asks the consent again.
    assert events == []


def test_the_yes_after_that_answer_is_the_consent_not_an_erasure():
    answered = faq("oui mais vous pourrez supprimer apres ?")
    dispatcher, _ = run(ActionAnswerFaq(), at_consent(answered))
    events = [*HISTORY, bot(CONSENT_QUESTION), answered, *(bot(t) for t in texts(dispatcher)), bot(CONSENT_QUESTION)]
    current = tracker(
        [*events, user("oui", "affirm"), slot("consent_given", True)],
        slots={**SITUATION, "wants_advisor": True, "requested_slot": "consent_given", "consent_given": True},
        active_loop="handoff_form",
        sender_id=SENDER,
    )
    _dispatcher, produced = run(ValidateHandoffForm(), current, DOMAIN)
    assert slot_events(produced).get("consent_given") is True
    assert followup(produced) != ERASE_ACTION


def test_a_yes_to_the_consent_with_a_question_about_erasing_later_keeps_the_consent_and_answers():
    words = "oui d'accord mais vous pourrez l'effacer après ?"  # the classifier: affirm 0.76
    dispatcher, produced = run(
        ValidateHandoffForm(), at_consent(user(words, "affirm"), {"consent_given": True}), DOMAIN
    )
    assert slot_events(produced).get("consent_given") is True
    said = texts(dispatcher)
    assert said[0].startswith("Oui, quand vous voulez : écrivez ici « annulez ma demande »")
    assert not any(e.get("event") == "active_loop" for e in produced) and followup(produced) is None
    assert slot_events(produced).get("requested_slot") == "contact_name"  # the next question, not an erasure


def test_offered_anyway_a_yes_that_asks_about_later_erases_nothing_and_the_question_comes_back():
    offered = [*HISTORY, bot(CONSENT_QUESTION), faq("effacez mes données"), bot(ERASE_OFFER)]
    words = user("oui mais je pourrai le faire supprimer plus tard ?", "affirm")
    slots = {**SITUATION, "wants_advisor": True, "erasure_offered": "handoff_form"}
    dispatcher, events = run(ActionAnswerOutsideQuestion(), at([*offered, words], slots))
    assert followup(events) == "handoff_form"
    assert texts(dispatcher)[0] == KEPT and texts(dispatcher)[1].startswith("Oui.")
    # "oui effacez tout après le rappel", read as a request said again: nothing erased either.
    dispatcher, events = run(ActionAnswerFaq(), at([*offered, faq("oui effacez tout apres le rappel")], slots))
    assert followup(events) == "handoff_form" and texts(dispatcher)[0] == KEPT


def test_a_request_said_again_after_the_offer_still_erases():
    offered = [*HISTORY, faq("effacez mes données"), bot(ERASE_OFFER)]
    slots = {**SITUATION, "erasure_offered": "aucune"}
    _dispatcher, events = run(ActionAnswerFaq(), at([*offered, faq("oui effacez tout")], slots))
    assert followup(events) == ERASE_ACTION
    _dispatcher, events = run(ActionAnswerOutsideQuestion(), at([*offered, user("oui", "affirm")], slots))
    assert followup(events) == ERASE_ACTION


def test_outside_the_handoff_erasing_later_gets_the_conversations_figures():
    dispatcher, events = run(ActionAnswerFaq(), at([*HISTORY, faq("on pourra tout effacer ensuite ?")], SITUATION))
    said = " ".join(texts(dispatcher))
    assert said.startswith("Oui. Cette conversation est effacée de nos serveurs au bout de")
    assert "effacez mes données" in said and events == []


def test_how_long_it_is_kept_is_answered_as_before():
    dispatcher, events = run(ActionAnswerFaq(), at_consent(faq("vous effacez quand ?")))
    assert ERASE_OFFER not in texts(dispatcher) and events == []


# ------------------------------------------------------------------ r16b-04: erasing asked in ordinary words


def read_as_a_call(words, intent="request_human"):
    """The intake asked the deadline; the words, read as a request for a call, closed it and opened the handoff
    (the slot mapping set wants_advisor): the handoff validation at activation."""
    events = [
        *HISTORY,
        loop("situation_form"),
        slot("requested_slot", "deadline"),
        bot(DEADLINE_QUESTION),
        user(words, intent),
        slot("wants_advisor", True),
        loop(None),
        slot("requested_slot", None),
    ]
    slots = {**SITUATION, "wants_advisor": True}
    return tracker(events, slots=slots, active_loop="handoff_form", sender_id=SENDER)


@pytest.mark.parametrize(
    "words",
    [
        "en fait effacez tout svp je veux pas laisser de trace",
        "efface tt stp je veux pas que ca reste",
        "tout supprimer svp",
        "supprimez ce que j'ai écrit, laissez tomber",
    ],
)
def test_erasing_asked_in_other_words_gets_the_offer_and_a_no_takes_the_intake_up_again(words):
    dispatcher, produced = run(ValidateHandoffForm(), read_as_a_call(words), DOMAIN)
    assert texts(dispatcher) == [ERASE_OFFER]
    assert [b["payload"] for b in dispatcher.messages[0]["buttons"]] == ["/affirm", "/deny"]
    slots = slot_events(produced)
    assert slots["erasure_offered"] == "situation_form"
    assert slots["wants_advisor"] is None  # no call asked for by these words
    assert any(e.get("event") == "active_loop" and e.get("name") is None for e in produced)
    assert followup(produced) == "action_listen"
    assert not any("effacée au bout de" in text for text in texts(dispatcher))

    offered = [*HISTORY, loop("situation_form"), bot(DEADLINE_QUESTION), user(words, "request_human"), bot(ERASE_OFFER)]
    after = {**SITUATION, "erasure_offered": "situation_form"}
    dispatcher, events = run(ActionAnswerOutsideQuestion(), at([*offered, user("non", "deny")], after))
    assert texts(dispatcher) == [KEPT] and followup(events) == "situation_form"
    _dispatcher, events = run(ActionAnswerOutsideQuestion(), at([*offered, user("oui", "affirm")], after))
    assert followup(events) == ERASE_ACTION


@pytest.mark.parametrize(
    "question, words, intent",
    [
        ("wants_advisor", "non effacez tout ce que j'ai écrit", "deny"),
        ("consent_given", "non et supprimez mes données svp", "deny"),
        ("consent_given", "effacez tout plutot", "inform"),
    ],
)
def test_at_a_handoff_question_the_same_words_get_the_offer_not_a_refusal(question, words, intent):
    events = [*HISTORY, loop("handoff_form"), bot("?"), user(words, intent)]
    slots = {
        **SITUATION,
        "requested_slot": question,
        **({"wants_advisor": True} if question == "consent_given" else {}),
    }
    dispatcher, produced = run(ValidateHandoffForm(), tracker(events, slots=slots, active_loop="handoff_form"), DOMAIN)
    assert texts(dispatcher) == [ERASE_OFFER]
    assert slot_events(produced)["erasure_offered"] == "handoff_form"
    assert "consent_given" not in slot_events(produced) and followup(produced) == "action_listen"


@pytest.mark.parametrize(
    "words, intent",
    [
        ("oui", "affirm"),
        ("oui ça me va", "affirm"),
        ("ils ont supprimé mon découvert", "inform"),
        ("vous effacez quand ?", "inform"),
    ],
)
def test_other_answers_at_the_consent_question_are_read_as_before(words, intent):
    filled = {"consent_given": True} if intent == "affirm" else {}
    dispatcher, produced = run(ValidateHandoffForm(), at_consent(user(words, intent), filled), DOMAIN)
    assert ERASE_OFFER not in texts(dispatcher)
    assert "erasure_offered" not in slot_events(produced)
    assert not any(text.startswith(("Oui,", "Oui.")) for text in texts(dispatcher))


def test_with_a_stored_case_the_offer_says_the_callback_is_cancelled_and_a_yes_erases_the_case():
    consent = consented()
    asking = tracker(
        [*HISTORY, bot("À quel numéro ?"), user("06 12 34 56 78", "inform"), slot("phone", "06 12 34 56 78")],
        slots={**consent, "phone": "06 12 34 56 78", "requested_slot": "phone"},
        active_loop="handoff_form",
        sender_id=SENDER,
    )
    _d, saved = run(ValidateHandoffForm(), asking, DOMAIN)
    reference = slot_events(saved)["case_reference"]
    slots = {**consent, "phone": "+33612345678", "case_reference": reference, "requested_slot": "email"}
    words = "efface tt stp jveux pas laisser de trace"
    events = [*HISTORY, loop("handoff_form"), bot("Votre e-mail ?"), user(words, "inform")]
    dispatcher, produced = run(ValidateHandoffForm(), at(events, slots, "handoff_form"), DOMAIN)
    assert texts(dispatcher) == [ERASE_OFFER_WITH_CASE]
    assert stored_cases()[0].erased_at is None  # nothing erased before the yes
    assert slot_events(produced)["erasure_offered"] == "handoff_form"


def test_a_withdrawal_after_the_consent_stays_the_handoffs_own():
    slots = {**consented(), "phone": "+33612345678", "requested_slot": "email"}
    events = [
        *HISTORY,
        loop("handoff_form"),
        bot("Votre e-mail ?"),
        user("annulez ma demande et supprimez mes données"),
    ]
    dispatcher, produced = run(ValidateHandoffForm(), at(events, slots, "handoff_form"), DOMAIN)
    assert ERASE_OFFER not in texts(dispatcher) and ERASE_OFFER_WITH_CASE not in texts(dispatcher)
    assert slot_events(produced).get("consent_given") is False


def test_a_question_about_the_service_is_left_to_its_answer_whatever_the_selector_chose():
    # The form rejects the turn and action_answer_faq answers: nothing said twice by the validation.
    message = faq("oui mais vous pourrez supprimer apres ?", "faq/confidential")
    dispatcher, events = run(ValidateHandoffForm(), at_consent(message), DOMAIN)
    assert texts(dispatcher) == [] and "consent_given" not in slot_events(events)


@pytest.mark.parametrize(
    "text, asked",
    [
        ("je veux pas laisser de trace", True),  # r16b-04, outside the handoff too
        ("surtout rien laisser de traces svp", True),
        ("la grêle n'a pas laissé de trace sur le toit", False),
    ],
)
def test_leaving_no_trace_is_an_erasure_request(text, asked):
    from intake.answers import asks_to_erase

    assert asks_to_erase(text) is asked
