"""Round 7: what the handoff says it noted is what it kept. A number at the name question is only said noted; a time
given in other words is kept (at its question or before it) and never asked again; "c'est noté" is never said of what
was not kept; a no for now is a no; a request to be written to asks for the address; a farewell in capitals is a
farewell."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import services
from actions.conversation import SKIPPED
from actions.handoff import CASE_SAVED, moment_said_with
from actions.handoff_actions import (
    FAREWELL_AT_OFFER,
    WRITE_TO_YOU,
    ValidateHandoffForm,
    number_after_the_handoff,
)
from intake.answers import is_no_for_now, question_after_no
from tests.support.action_services import stored_cases
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

SENDER = "round7-kept"


def at_question(words, requested, slots, candidates=None, intent="inform", history=()):
    events = [user("la banque a coupé mon découvert"), *history, bot("Une question ?"), user(words, intent)]
    events += [{"event": "slot", "name": n, "value": v} for n, v in (candidates or {}).items()]
    current = tracker(events, slots={**slots, **(candidates or {}), "requested_slot": requested}, sender_id=SENDER)
    current.active_loop = {"name": "handoff_form"}
    return current


# ------------------------------------------------------------------ a number at the name question (class 5)


@pytest.mark.parametrize("words", ["06 12 34 56 78", "c'est le 06 12 34 56 78", "mon portable 07 82 33 44 55"])
def test_a_number_at_the_name_question_is_only_said_noted(words):
    slots = {k: v for k, v in consented().items() if k != "contact_name"}
    dispatcher, events = run(
        ValidateHandoffForm(), at_question(words, "contact_name", slots, {"phone": words, "contact_name": words})
    )
    said = texts(dispatcher)
    assert said and said[0].startswith("Merci, j'ai noté votre numéro")
    assert CASE_SAVED not in said
    reference = slot_events(events)["case_reference"]
    assert stored_cases()[0].reference == reference  # stored all the same: nothing is lost if the artisan leaves
    # The name, next: now the request is said recorded, once.
    after = {**slots, "phone": slot_events(events)["phone"], "case_reference": reference}
    dispatcher, _ = run(
        ValidateHandoffForm(), at_question("Martine", "contact_name", after, {"contact_name": "Martine"})
    )
    assert texts(dispatcher) == [CASE_SAVED]


# --------------------------------------------------------------------- the time of the call (class 6)


@pytest.mark.parametrize(
    "words",
    [
        "le 14, avant j'ai des banquets tous les jours",
        "avant le 14 je vous ai dit, mardi matin c'est bien",
        # The morning: in Guadeloupe the afternoon fits no hour the advisors call, and is asked again (round 13).
        "le 14 si possible, le matin chez nous",
        "vers 10h heure de la Réunion",
    ],
)
def test_a_time_in_many_words_is_kept_as_said_and_never_said_noted_then_asked_again(words):
    slots = consented(phone="+33612345678", email=SKIPPED, departement="971")
    dispatcher, events = run(
        ValidateHandoffForm(), at_question(words, "callback_slot", slots, {"callback_slot": words})
    )
    assert slot_events(events)["callback_slot"] == words
    assert "Merci, c'est noté." not in texts(dispatcher)


def test_an_afternoon_in_guadeloupe_is_told_the_hours_there_and_asked_again():
    """After 14 h in Guadeloupe fits no hour the advisors call (round 13's sentence, since round 14 for every wish said
    at the time question): asked again, never read as a place, never "Merci, c'est noté."."""
    words = "apres 14h heure de la guadeloupe svp le matin jsuis au salon"
    slots = consented(phone="+33612345678", email=SKIPPED, departement="971")
    dispatcher, events = run(
        ValidateHandoffForm(), at_question(words, "callback_slot", slots, {"callback_slot": words})
    )
    changed = slot_events(events)
    assert changed["callback_slot"] is None and "departement" not in changed
    assert texts(dispatcher)[0].startswith(
        "Les conseillers ne peuvent pas vous appeler l'après-midi après 14 h : chez vous"
    )
    assert "Merci, c'est noté." not in texts(dispatcher)


@pytest.mark.parametrize(
    "words, moment",
    [
        (
            "non merci. vous pouvez m'appeler le matin pendant qu'il est au labo, pas l'après-midi il est à la maison",
            "vous pouvez m'appeler le matin pendant qu'il est au labo, pas l'après-midi il est à la maison",
        ),
        ("pas de mail. jeudi ou vendredi mais pas le lundi", "jeudi ou vendredi mais pas le lundi"),
        (
            "non, je n'en ai pas. plutôt en fin de journée vers 17h si possible",
            "plutôt en fin de journée vers 17h si possible",
        ),
    ],
)
def test_a_time_given_at_the_email_question_is_kept_for_the_time_question(words, moment):
    slots = consented(phone="+33612345678")
    dispatcher, events = run(ValidateHandoffForm(), at_question(words, "email", slots, {"email": SKIPPED}, "deny"))
    changed = slot_events(events)
    assert changed["email"] == SKIPPED and changed["callback_slot"] == moment
    assert changed["requested_slot"] != "callback_slot"  # not asked again
    assert f"Merci, j'ai noté le moment de l'appel ({moment})." in texts(dispatcher)


@pytest.mark.parametrize("words", ["non merci", "pas d'adresse", "non l'audience c'est jeudi"])
def test_no_time_is_made_up_at_the_email_question(words):
    assert moment_said_with(words) is None


# ------------------------------------------------------------ a no for now, a no with a question (class 7)


def offer(words, intent, **slots):
    events = [bot("Voulez-vous qu'un conseiller de la chambre vous rappelle pour en parler ?"), user(words, intent)]
    current = tracker(events, slots={"requested_slot": "wants_advisor", **slots}, active_loop="handoff_form")
    dispatcher = CollectingDispatcher()
    value = {"affirm": True, "deny": False}.get(intent, words)
    return ValidateHandoffForm().validate_wants_advisor(value, dispatcher, current, {}), dispatcher


@pytest.mark.parametrize(
    "words",
    [
        "non pas pour l'instant je vais voir avec mon comptable",
        "non pas maintenant, je dois en parler avec ma femme",
        "non merci, pas pour le moment, je verrai",
    ],
)
@pytest.mark.parametrize("intent", ["deny", "nlu_fallback"])
def test_a_no_for_now_is_a_no_and_nothing_says_there_is_no_hurry(words, intent):
    assert is_no_for_now(words)
    result, dispatcher = offer(words, intent, urgency="haute")
    assert result["wants_advisor"] is False
    assert not any("rien ne presse" in text for text in texts(dispatcher))


def test_a_pause_before_answering_is_still_a_pause():
    result, _ = offer("non attendez je réfléchis", "deny")
    assert result["wants_advisor"] is None


@pytest.mark.parametrize(
    "words",
    [
        "non pas besoin, je voulais juste savoir pour l'indemnisation. la mairie c'est bien eux qu'il faut contacter ?",
        "non merci, ma question c'est combien de temps dure une conciliation ?",
        "non ça ira. et la mairie elle indemnise les commerçants pour les travaux ?",
    ],
)
def test_a_no_with_a_question_is_a_no_and_the_question_gets_an_answer(words):
    assert question_after_no(words)
    result, dispatcher = offer(words, "deny")
    assert result["wants_advisor"] is False
    said = " ".join(texts(dispatcher))
    assert said and "Voulez-vous qu'un conseiller" not in said


# ------------------------------------------------------------------------ written to, not called (class 8)


@pytest.mark.parametrize(
    "words",
    [
        "je préfère pas donner mon numéro. vous pouvez pas m'écrire par mail plutôt ?",
        "envoyez-moi plutôt un mail, je suis sur les marchés toute la journée",
        "un conseiller peut me contacter par mail ?",
    ],
)
def test_a_request_to_be_written_to_asks_for_the_address_and_refuses_nothing(words):
    result, dispatcher = offer(words, "deny")
    assert result["wants_advisor"] is None
    assert texts(dispatcher)[0].startswith(WRITE_TO_YOU)


def test_the_address_given_after_is_a_yes_and_no_number_is_asked():
    events = [
        bot(WRITE_TO_YOU),
        bot("Voulez-vous qu'un conseiller de la chambre vous rappelle pour en parler ?"),
        user("fromagere.corse@exemple.fr", "inform"),
    ]
    current = tracker(events, slots={"requested_slot": "wants_advisor"}, active_loop="handoff_form")
    result = ValidateHandoffForm().validate_wants_advisor(
        "fromagere.corse@exemple.fr", CollectingDispatcher(), current, {}
    )
    assert result["wants_advisor"] is True and result["email"] == "fromagere.corse@exemple.fr"
    assert result["phone"] == SKIPPED


@pytest.mark.parametrize(
    "words", ["vous avez pas une adresse mail ?", "c'est quoi votre mail", "je peux vous écrire ?"]
)
def test_the_chambers_address_is_given_when_asked(words):
    current = tracker([user(words, "nlu_fallback")], slots={"wants_advisor": False})
    dispatcher = CollectingDispatcher()
    assert number_after_the_handoff(dispatcher, current) == []
    assert services.chamber().email in texts(dispatcher)[0]


# ------------------------------------------------------------------------ a farewell in capitals (class 9)


@pytest.mark.parametrize(
    "words",
    [
        "CA REPOND PAS A MA QUESTION. BON JE VAIS Y ALLER MERCI QUAND MEME",
        "BON JE VOUS LAISSE, BONNE JOURNEE",
        "Je Dois Filer, Au Revoir",
    ],
)
def test_a_farewell_in_capitals_at_the_offer_is_a_farewell(words):
    result, dispatcher = offer(words, "nlu_fallback")
    assert result["wants_advisor"] is False
    assert texts(dispatcher) == [FAREWELL_AT_OFFER]
