"""Handoff: the advisor offer, consent, contact details, and the case."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import abuse, crisis_actions, live_offer, services
from actions.anyone_there import anyone_there_at
from actions.asking import ASKED_SLOT_KEY, ask_next_question, slot_rasa_asks
from actions.business_questions import answer_to_business_question, content_words
from actions.conversation import SKIPPED, said_before, user_messages, value_before_latest_message
from actions.crisis_actions import check_in_in_form_reply, crisis_in_form_reply, take_back_reply
from actions.earlier_number import earlier_number_at_phone_question, earlier_number_with_consent
from actions.erasure_actions import (
    consent_worry_text,
    erasure_during_a_form,
    erasure_in_handoff,
    erasure_outside_forms,
    offer_refused_in_words,
    part_removal,
)
from actions.handoff import (
    BEFORE_YOU_GO,
    CASE_KEPT,
    CASE_SAVED,
    CONSENTED_SLOTS,
    DIGIT_RUN,
    DISCRETION_NOTED,
    NUMBER_INSTRUCTIONS,
    OTHER_MOMENT_LATER,
    TO_BE_CALLED,
    another_number,
    asks_discretion,
    asks_when_they_call,
    callback_time,
    case_due,
    clean_name,
    closed_weekday,
    concerned_person,
    consented,
    contact_answers,
    contact_given_with,
    corrected_numbers,
    declines_email,
    digits_too_many_said,
    display_phone,
    email_put_right_text,
    first_name_said,
    foreign_attempt,
    handoff_questions,
    has_phone,
    hours_refusal,
    insisted_number,
    kept_number_owner,
    local_number_of_place,
    mentions_contact,
    moment_at_the_name,
    moment_corrected,
    moment_out_of_hours,
    moment_said_with,
    name_after_a_plain_no,
    name_after_a_yes_then_more,
    name_after_yes,
    name_beside_contact,
    name_in_so_many_words,
    name_of_the_one_called,
    name_put_right,
    name_read_as_a_no,
    name_then_more,
    names_nobody,
    names_of_numbers,
    no_phone_text,
    normalise_email,
    normalise_phone,
    noted_for_other_questions,
    noted_of_the_one_called,
    number_chosen_by_rank,
    number_owner,
    number_unknown,
    numbers_kept_text,
    one_to_call,
    only_a_title,
    person_named,
    person_to_call,
    phone_digits,
    phone_matches,
    phones_in,
    preferred_phone,
    reachable,
    read_as_distress_by_the_model_only,
    refusal_text,
    relative_named,
    relative_written_for,
    says_a_moment,
    submit_case,
    thanks_without_consent_text,
    too_many_digits,
    withdrawn_text,
    without_number_attempts,
    without_weekday,
    written_for,
    wrong_number,
    yours,
)
from actions.intake import YOU_ARE_WELCOME, is_question, question_reply
from actions.live_actions import LiveOfferValidation, finish_live, live_offer_available
from actions.offer_replies import answer_beside_the_offer, no_with_a_plan_at_offer
from actions.place_validation import (
    PlaceValidation,
    place_corrected_after_case,
    place_in_answer,
    place_noted,
    place_set_on_the_case,
    place_update,
)
from actions.steps_with_the_case import case_saved_said, steps_at_the_end, steps_with_the_case
from actions.triage_actions import handoff_answers, number_parts_undone
from actions.unanswered import not_answered
from cases.reference import new_reference
from chamber import Chamber
from chamber.hours import DEPARTEMENT_ZONES, OTHER_MOMENT_ASKED, CallbackPreference, french_date
from french import MONTHS, WEEKDAYS as WEEKDAYS_FR
from french.text import fold_in_place
from guidance.crisis import AT_RISK_REFUSAL, HANDOFF_REMINDER, reached_reply
from intake.answers import (
    CORRECTION,
    HESITATION,
    NO,
    OTHER,
    QUESTION,
    TAKE_YOUR_TIME,
    YES,
    accepts_in_words,
    agrees_to_keeping,
    asks_chamber_address,
    asks_for_callback,
    asks_to_be_written,
    drops_the_question,
    is_closing,
    is_hesitation,
    is_no_for_now,
    is_skip,
    is_waiting,
    is_withdrawal,
    kind as answer_kind,
    names_the_callback,
    no_to_another_question,
    prefers_writing,
    question_after_no,
    refuses_callback,
    respelled,
    says_only_yes,
    says_safe_in_words,
    thinks_it_over,
    when_or_how_follows,
    without_said_before,
)
from intake.asked_at_consent import opens_with_a_question, relayed_yes
from intake.facts import extract_facts, fold, understood
from intake.offer_replies import yes_turning_elsewhere
from intake.shapes import declines_a_name, yes_without_a_name
from intake.written_contact import WRITTEN_ONLY, reached_by_a_message_first, written_only
from ops import clock
from places import AMBIGUOUS, departement_name, find_in_text, resolve
from triage.answers import NOT_SAFE, SAFE, UNSURE, person_reached, reassures_safety
from triage.distress import find_signs, says_not_the_writer
from triage.normalise import normalise as normalise_text

logger = logging.getLogger(__name__)
NUMBER_AT_THE_NAME = "Je vous demande le numéro juste après ; il semble manquer un chiffre à celui-ci."
# "laisse tomber" at the e-mail question: the address passed, the request kept (round 21, r21y-15).
NO_EMAIL_THEN = "D'accord, sans e-mail."
# A word on one's safety at the callback offer: heard, never taken for a yes to the call.
SAFETY_HEARD = "Merci de me le dire, c'est important."
# Someone close told the offer is about them: the call is for the writer, about the one they worry for (the form then
# asks the offer again: no question here, one question at a time).
NOT_THEM_CALLED = "Entendu : le conseiller n'appellera pas {concerned}."
# "ne l'appelez pas elle", "surtout pas lui", "appelez pas mon père": the person concerned not to be called (round 21,
# r21x-03), never the writer ("ne m'appelez pas", "appelez-moi pas").
_NOT_THEM = re.compile(
    r"\b(?:ne )?(?:l|la|le|les) (?:appelez|rappelez|contactez|appeler|rappeler|contacter) (?:surtout |jamais |pas )*"
    r"(?:pas|jamais)\b|\b(?:ne )?(?:l|la|le|les) (?:appelez|rappelez|contactez) surtout pas\b|"
    r"\b(?:n )?(?:appelez|rappelez|contactez) (?:surtout )?pas (?:lui|elle|eux|mon|ma|mes|son|sa)\b|"
    r"\bsurtout pas (?:lui|elle)\b|\b(?:surtout )?ne l (?:appelez|rappelez|contactez) pas\b"
)
_NOT_ME = re.compile(r"\b(?:ne )?(?:m|me) (?:appelez|rappelez|contactez)\b|\b(?:appelez|rappelez) moi (?:pas|jamais)\b")


def question_back_text(tracker: Tracker) -> str | None:
    """The answer to a question asked back at a handoff question that is no answer to it, whatever the classifier read
    (round 25): "il peut vous appeler lui ?", "je peux vous appeler moi ?" (yes, with the chamber's own number and
    hours). None when the words ask no such question."""
    if tracker.get_slot("requested_slot") is None:
        return None
    from actions.service_answers import call_us_yourself

    return call_us_yourself(tracker)


def question_kept_open(tracker: Tracker) -> list[EventType]:
    """The pending question's slot as it was before the words that asked back (a mapping may have read them as its
    answer: "il peut vous appeler lui ?" as a yes), so the question is asked again and stays answerable."""
    asked = tracker.get_slot("requested_slot")
    if not asked or asked not in tracker.slots_to_validate():
        return []
    before = value_before_latest_message(tracker.events, asked)
    tracker.slots[asked] = before
    return [SlotSet(asked, before)]


def number_of_a_professional_undone(tracker: Tracker) -> list[EventType]:
    """The number of the professional the artisan asked to be called ("appelez mon comptable au 06 ...", round 26: kept
    as the artisan's own), never kept: the phone slot as it was before these words."""
    from intake.who_to_call import professional_to_call

    words = tracker.latest_message.get("text")
    if "phone" not in tracker.slots_to_validate() or not professional_to_call(
        words, user_messages(tracker.events)[:-1]
    ):
        return []
    before = value_before_latest_message(tracker.events, "phone")
    tracker.slots["phone"] = before
    return [SlotSet("phone", before)]


def someone_else_called_text(tracker: Tracker) -> str | None:
    """ "c'est elle qu'il faudrait appeler non ?", "vous pouvez appeler mon mari plutôt ?" at a handoff question before the
    case (round 25: "C'est justement le rôle d'un conseiller…"): yes, said of that person; the questions that follow ask
    for their first name and number (``one_to_call``). None otherwise."""
    from intake.who_to_call import artisan_called_text, professional_to_call, someone_else_to_call, to_call_instead_text

    asked = tracker.get_slot("requested_slot")
    if asked not in ("wants_advisor", "consent_given", "contact_name", "phone") or phone_of_stored_case(tracker):
        return None
    words = tracker.latest_message.get("text") or ""
    professional = professional_to_call(words, user_messages(tracker.events)[:-1])
    if professional:
        # "appelez plutôt mon comptable" (round 26): the artisan is called (intake/who_to_call.py, CALLS_THE_ARTISAN).
        return artisan_called_text(yours(professional))
    head = re.split(r"[,;.!?]", words, maxsplit=1)[0]
    if answer_kind(head) in (YES, NO) or person_to_call(words):
        return None  # "oui, c'est mon frère qu'il faut rappeler", "rappelez plutôt mon mari, Gérald": their own paths
    if asked == "contact_name" and head != words and first_name_said(head):
        # "Nathalie, c'est elle qu'il faut appeler" at "Quel est le prénom de votre femme ?" (round 31, make run: "Oui,
        # bien sûr", the question again, the name lost): the name answers it; whom to call was already understood.
        return None
    relative = someone_else_to_call(words, user_messages(tracker.events)[:-1])
    return to_call_instead_text(yours(relative)) if relative else None


OWN_CONSENT_ASKED = "Merci. C'est votre accord à vous que je vous demande, pour garder vos coordonnées."


def someone_else_called(tracker: Tracker) -> bool:
    """Someone close writes for the artisan, or the artisan asked that someone close be called: the consent question
    asks the writer about that person's details (``one_to_call``), and their yes relayed answers it."""
    messages = user_messages(tracker.events)
    return bool(relative_written_for(tracker.slots, messages[:-1]) or one_to_call(tracker.slots, messages))


def consent_question_back(dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any] | None:
    """A question asked back at the consent question, before any yes ("il faut que mon père soit d'accord ? il dit oui",
    round 25, r24a-09: the consent was taken while the question waited): answered, the consent left open and asked
    again; the yes is taken from an answer to the consent question itself. None when the words ask nothing first."""
    from intake.asked_at_consent import consent_asked_back_text, opens_with_a_question
    from intake.asked_back import asks_if_a_relative_must_agree

    words = tracker.latest_message.get("text") or ""
    if tracker.get_slot("requested_slot") != "consent_given" or not (
        opens_with_a_question(words) or asks_if_a_relative_must_agree(words)
    ):
        return None
    question = words.split("?", 1)[0] + "?" if "?" in words else words
    relative = relative_written_for(tracker.slots, user_messages(tracker.events)[:-1])
    if relative and re.search(r"accord\b|\bok\b|au courant|signe", fold(question)):
        text = consent_asked_back_text(relative)
    else:
        from actions.service_answers import service_question_text

        text = (
            consent_worry_text(tracker)
            or service_question_text(tracker, question)
            or answer_to_business_question(tracker, question)
            or question_reply(services.chamber())
        )
    dispatcher.utter_message(text=text)
    return {"consent_given": None, "consent_at": None}


def not_them_to_call(text: str | None) -> bool:
    """The person concerned is not to be called; nothing refuses the writer's own call."""
    words = normalise_text(text or "")
    return bool(_NOT_THEM.search(words)) and not _NOT_ME.search(words)


OFFER_TO_THE_WRITER = (
    "Je comprends : c'est pour {concerned} que vous vous inquiétez. Un conseiller peut vous rappeler, vous, pour parler "
    "de sa situation."
)


class ValidateHandoffForm(LiveOfferValidation, PlaceValidation, FormValidationAction):
    def name(self) -> str:
        return "validate_handoff_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        wanted = handoff_questions(tracker.slots, user_messages(tracker.events))
        return live_offer.with_live_offer(wanted, tracker.slots, live_offer_available)

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """rasa_sdk drops a slot the mappings filled but the form does not ask yet, even when a validator of this
        turn corrected it: the number read whole at the callback offer ("Sophie 06 12 45 78 90") was lost to the "90"
        the entity extractor had put in `phone` (make run, 2026-12-04). What a validator set is kept."""
        extracted = dict(tracker.slots_to_validate())
        events = await super().get_validation_events(dispatcher, tracker, domain)
        words = tracker.latest_message.get("text")
        if extracted.get("phone") and someone_elses_number_before_the_offer(tracker, words):
            # The person's number said before the form opened (round 22, r22a-13): the mapping put it in the writer's
            # slot, which no validator of this turn reads; never kept as the writer's.
            tracker.slots["phone"] = None
            events = [event for event in events if not (event.get("event") == "slot" and event.get("name") == "phone")]
            events.append(SlotSet("phone", None))
        validated = {event.get("name") for event in events if event.get("event") == "slot"}
        for name, value in extracted.items():
            corrected = tracker.slots.get(name)  # rasa_sdk writes each validator's output into the tracker
            if name not in validated and corrected != value:
                events.append(SlotSet(name, corrected))
        # A moment for the call said at any handoff question is never the deadline (round 15, r15a-16).
        validated = {event.get("name") for event in events if event.get("event") == "slot"}
        undone = {name: value for name, value in moment_not_a_deadline(tracker).items() if name not in validated}
        tracker.slots.update(undone)
        return [*events, *(SlotSet(name, value) for name, value in undone.items())]

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """The answers validated (``validated``); what is said noted, said of the person the advisor calls."""
        events = await self.validated(dispatcher, tracker, domain)
        said_of_the_one_called_back(dispatcher, tracker)
        email_put_right_said(dispatcher, tracker, events)
        return events

    async def validated(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """The answers validated, then the case stored as soon as consent and a phone number are given, and
        updated with every later answer: thanks, a farewell or a closed tab after the number lose nothing."""
        taken_back = take_back_reply(dispatcher, tracker)  # "en fait si" right after a clear no
        if taken_back is not None:
            return taken_back
        crisis = crisis_in_form_reply(dispatcher, tracker)  # a warning sign that also fills a slot
        if crisis is not None:
            return crisis
        part = part_removal(
            dispatcher, tracker, save_case
        )  # "enlevez la partie sur ma maladie" (round 17): that part only
        if part is not None:
            if any(event.get("event") == "followup" for event in part):
                return part  # the offer to erase everything waits for its yes or no
            following = await self.next_requested_slot(dispatcher, tracker, domain)
            return ask_next_question(dispatcher, tracker, [*part, *([following] if following else [])])
        worry = consent_worry_text(tracker)  # "quelle info de santé ?", "si mon ex tombe dessus ?" (round 17)
        if worry is not None and not withdraws_consent(tracker):
            dispatcher.utter_message(text=worry)
            # Asked before any yes ("qui va lire ça ? ok"): the question stays open (round 25).
            undone = question_kept_open(tracker) if opens_with_a_question(tracker.latest_message.get("text")) else []
            following = await self.next_requested_slot(dispatcher, tracker, domain)
            return ask_next_question(dispatcher, tracker, [*undone, *([following] if following else [])])
        # "il peut vous appeler lui ?" (round 25); never a withdrawal ("je ne veux pas donner mon numéro, je préfère
        # appeler moi-même": round 28, r28-a-20, answered as a question, then the number asked again).
        asked_back = None if withdraws_consent(tracker) else question_back_text(tracker)
        if asked_back is not None:
            dispatcher.utter_message(text=asked_back)
            undone = question_kept_open(tracker)
            following = await self.next_requested_slot(dispatcher, tracker, domain)
            return ask_next_question(dispatcher, tracker, [*undone, *([following] if following else [])])
        instead = someone_else_called_text(tracker)  # "c'est plutôt ma femme qu'il faut appeler ?" (round 25)
        if instead is not None:
            dispatcher.utter_message(text=instead)
            undone = [*question_kept_open(tracker), *number_of_a_professional_undone(tracker)]
            if tracker.get_slot("requested_slot") == "wants_advisor":
                # A call asked for, to that person: the consent follows, said of them ("votre femme").
                tracker.slots["wants_advisor"] = True
                undone = [*(e for e in undone if e.get("name") != "wants_advisor"), SlotSet("wants_advisor", True)]
            following = await self.next_requested_slot(dispatcher, tracker, domain)
            return ask_next_question(dispatcher, tracker, [*undone, *([following] if following else [])])
        # "effacez tout svp", "vous pourrez l'effacer après ?"
        erasure = erasure_in_handoff(dispatcher, tracker, withdraws_consent)
        if erasure is not None:
            # "effacez mes données": the offer to erase, confirmed before anything is done (actions/erasure_actions.py);
            # read here as a refused call, it erased nothing and confirmed nothing.
            return erasure
        if withdraws_consent(tracker):
            return [*withdraw_consent(tracker), SlotSet("requested_slot", None)]
        if declines_callback(tracker):
            # "je ne veux plus être rappelée" read as a request for a call: a refusal, never a consent question.
            return [SlotSet("wants_advisor", False), SlotSet("requested_slot", None)]
        moved = moment_moved_at_activation(dispatcher, tracker)
        if moved is not None:
            return moved
        if tracker.get_slot("requested_slot") is None and not tracker.get_slot("case_reference"):
            # "je veux parler à un conseiller maintenant" while the chamber is closed (round 17, r17b-15): when the
            # advisors are back, said before the consent (the crisis path said it only there).
            crisis_actions.call_soon_while_closed(dispatcher, tracker)
        wished = [*wish_with_the_request(tracker), *written_contact_kept(tracker)]
        events = [*wished, *await super().run(dispatcher, tracker, domain)]
        if asks_discretion(tracker.latest_message.get("text")) and not already_said(tracker, DISCRETION_NOTED):
            # "lui il doit pas savoir que j'ai écrit" (round 20, r20a-10): heard, and on top of the case.
            dispatcher.utter_message(text=DISCRETION_NOTED)
        late = contact_read_earlier(tracker)  # tracker.slots now holds the validated answers
        if late:
            # The next question depends on them (a number that is not one is asked).
            events = [e for e in events if not (e.get("event") == "slot" and e.get("name") == "requested_slot")]
            following = await self.next_requested_slot(dispatcher, tracker, domain)
            events += [*late, *([following] if following else [])]
        events += save_progress(dispatcher, tracker, events)
        events = kept_moment_checked(dispatcher, tracker, events)  # after "votre demande est bien enregistrée"
        if dispatcher.messages and dispatcher.messages[-1].get(ASKED_SLOT_KEY) == "callback_slot":
            return events  # its own question asks for another moment
        # Exhaustion said with an answer ("06 12 34 56 78, je dors plus de toute façon"): the case is saved first, then
        # the kind word and the direct question, the handoff paused (round 9, as in the intake form).
        checked = check_in_in_form_reply(dispatcher, tracker, events, "handoff_form")
        if checked is not None and any(event.get("event") == "followup" for event in checked):
            return checked
        leaving = farewell_with_the_answer(dispatcher, tracker, events)
        if leaving is not None:
            return leaving
        if question_said_by_validator(dispatcher, slot_rasa_asks(events)):
            return events
        if case_saved_said(dispatcher):
            # The case just stored and no step given yet (round 27, lead27-05): the steps, before the optional questions.
            events += steps_with_the_case(dispatcher, tracker, events)
        return ask_next_question(dispatcher, tracker, events)

    async def extract_phone(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """A number at the phone question no mapping took ("zéro six douze trente-quatre…", read as a description
        of the situation): read from the words (round 6: "c'est noté", then the question again). An address given
        instead, whatever the classifier made of it ("Pas de tel. Vous pouvez m'écrire sur ...", read as a faq
        question: the simulator, seed 20261230), goes to the validator, which keeps it."""
        if "phone" in tracker.slots_to_validate():
            return {}
        words = tracker.latest_message.get("text") or ""
        if tracker.get_slot("requested_slot") != "phone":
            # A number said at another question once the case is stored ("le bon c'est le 06.12.34.56.99" at the
            # place question) is a correction the validator says back; no mapping may have taken it.
            numbers = phones_in(words) if phone_of_stored_case(tracker) else []
            if not numbers and phone_of_stored_case(tracker):
                # "non c'est le 2eme que je prefere" after two numbers (round 22, r22b-12): the number chosen by rank.
                ranked = number_chosen_by_rank(words, user_messages(tracker.events)[:-1])
                numbers = [ranked] if ranked and ranked != phone_of_stored_case(tracker) else []
            return {"phone": numbers[0]} if numbers else {}
        numbers = phones_in(words)
        if numbers:
            return {"phone": numbers[0]}
        if contact_answers(words).get("email") and prefers_writing(words):
            return {"phone": words}
        # A moment for the call no mapping took ("le soir apres 18h c mieux pour moi", read as express_overwhelm: round
        # 27, lead27-final-1, the phone question came again and the moment was lost): the validator keeps it.
        return {"phone": words} if moment_said_instead_of_a_number(words) else {}

    async def extract_wants_advisor(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return yes_naming_whom_to_call("wants_advisor", tracker) or no_with_a_plan_at_offer(tracker)

    async def extract_consent_given(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return yes_naming_whom_to_call("consent_given", tracker)

    async def extract_callback_slot(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """A time at the time question in words no mapping took ("plutot en fin de matinée vers 11h" read as out of
        scope or a thanks: round 11, r11a-13, the question came again with no word, and the case had no time). Nothing
        when a mapping filled the slot, or when the words say no moment."""
        if tracker.get_slot("requested_slot") != "callback_slot" or "callback_slot" in tracker.slots_to_validate():
            return {}
        wish = moment_wished(tracker.latest_message.get("text"))
        return {"callback_slot": wish} if wish else {}

    async def extract_email(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """ "laisse tomber", "bof laissez tomber" at the e-mail question, whatever the classifier made of it (a stop, a
        deny): the address passed, never the request taken back (round 21, r21y-15: the case was erased)."""
        if tracker.get_slot("requested_slot") != "email" or "email" in tracker.slots_to_validate():
            return {}
        words = tracker.latest_message.get("text")
        if drops_the_question(words):
            return {"email": SKIPPED}
        # "ok", "oui" to "Voulez-vous aussi laisser une adresse e-mail ?" (round 25, s25-me1: no mapping takes a yes,
        # Rasa rejected the form and said "je n'ai pas su quoi répondre"): validated below as the address asked for.
        # A moment for the call no mapping took ("le soir apres 18h c mieux pour moi", read as express_overwhelm; "bon
        # mardi matin ça ira aussi", an affirm once the address was asked: round 27, lead27-final-1, the moment was lost
        # twice): validated below, which keeps it for the time question.
        found = contact_answers(words or "").get("email")
        if says_only_yes(words) or (moment_wished(words) and not found):
            return {"email": words}
        if (found and "@" not in (words or "")) or ("@" in (words or "") and not found):
            # "oui c'est payet.coiffure arobase gmail point com", read as a yes or out of scope (round 28, r28-a-03,
            # r28-a-19: "je n'ai pas su quoi répondre", the address asked again later): the address, read below.
            return {"email": words}
        return {}

    async def extract_departement(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """The place as PlaceValidation reads it; at the place question, a moment for the call said in words no mapping
        took (a goodbye, a stop) goes to the validator, which keeps it for the call (``moment_moved_at_question``)."""
        found = await super().extract_departement(dispatcher, tracker, domain)
        if found or "departement" in tracker.slots_to_validate() or tracker.get_slot("requested_slot") != "departement":
            return found
        words = tracker.latest_message.get("text") or ""
        return {"departement": words} if moment_moved(words) or moment_corrected(words) else {}

    def validate_departement(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        moved = moment_moved_at_question("departement", dispatcher, tracker)
        if moved is not None:
            return moved
        renamed = name_after_no_at_question("departement", dispatcher, tracker)  # "non, Jean-Marc" (round 25)
        if renamed is not None:
            return renamed
        return super().validate_departement(value, dispatcher, tracker, domain)

    async def extract_contact_name(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """ "sandrine, c'est moi qu'il faut appeler pas lui" at the name question, an intent no mapping of the name
        takes (round 5: the question came again): the name opening it. Nothing when a mapping filled the slot."""
        if tracker.get_slot("requested_slot") != "contact_name" or "contact_name" in tracker.slots_to_validate():
            return {}
        words = tracker.latest_message.get("text")
        # "cest pour mon mari, il sappelle Jean-Marc" (round 7: the out-of-scope reply), "je vous ai dit, Olivier"
        # (round 7: left empty): the person named, or the name after the reminder.
        name = (
            name_put_right(words)  # "Sandrine euh non Sandra pardon" (round 11, r11a-03)
            or person_to_call(words, user_messages(tracker.events)[:-1])
            or name_after_reminder(words)
            # "je viens de vous le donner", "nimporte" (round 19): read by the validator, never stored as typed.
            or (words if reminds_given(words) or _ANY_NAME.match(" ".join(fold(words or "").split())) else None)
            or name_then_more(words)
            # "bon mardi matin ça ira aussi", read as a yes (round 27, lead27-final-1: "je n'ai pas su quoi répondre"): a
            # moment with no name; the validator keeps it for the time question and asks the name again.
            or (words if moment_at_the_name(words) else None)
            # "Ousseni" alone, "Ousseni c'est mon prénom", an intent no mapping takes (round 12, r12c-14: the turn was
            # silent, then the sentence was stored): the name as typed.
            or (first_name_said(words) if "?" not in (words or "") and answer_kind(words) == OTHER else None)
        )
        return {"contact_name": name} if name else {}

    def validate_health_consent(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        # Read from the words as well as the intent ("c'est ok de mon cote" is no intent the NLU is sure of):
        # an answer is never asked again because the classifier hesitated.
        return yes_or_no(value, dispatcher, tracker, "health_consent")

    def validate_wants_advisor(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        # A number typed at a handoff question lends its digits to the intake slots an entity fills anywhere ("oui, +262
        # 639 12 34 56" at the offer gave "Échéance : 34 56", round 12, r12a-15): they keep what they held before.
        return {**self._wants_advisor_answer(value, dispatcher, tracker), **number_parts_undone(tracker)}

    def _wants_advisor_answer(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any]:
        from intake.service_questions import asks_for_advice as advice_asked

        words = tracker.latest_message.get("text")
        news = reached_news(dispatcher, tracker)
        if news is not None:
            return news
        there = anyone_there_at("wants_advisor", dispatcher, tracker)  # "OUI MAIS QUAND ???" (round 29, r29-b-43)
        if there is not None:
            return there
        if (
            tracker.get_slot("requested_slot") == "wants_advisor"
            and asks_for_callback(words)
            and _NO_NAME.search(fold(words or ""))
            # "appelez-moi M. Santoni, pas par le prénom" (round 26, r26b-03) gives a name: the one to use.
            and not name_in_so_many_words(words)
        ):
            # "je voudrais qu'on m'appelle mais je donne pas mon nom" (round 23, r23c-06: read as a refusal, the
            # urgent case made only because the person insisted): a yes to the call; no name is needed.
            dispatcher.utter_message(text=NO_NAME_NEEDED)
            return {"wants_advisor": True}
        moment = callback_time(words) if tracker.get_slot("requested_slot") == "wants_advisor" else None
        if moment and read_yes_no(value, tracker, "wants_advisor") is None:
            # "demain matin" to "Voulez-vous qu'un conseiller vous rappelle ?": a yes that says when.
            dispatcher.utter_message(text=noted_for_other_questions({"callback_slot": moment}))
            return {"wants_advisor": True, "callback_slot": moment}
        if (
            tracker.get_slot("requested_slot") == "wants_advisor"
            and contact_answers(words).get("phone")
            and read_yes_no(value, tracker, "wants_advisor") is not False
        ):
            # "06 12 34 56 78" to "Voulez-vous qu'un conseiller vous rappelle ?": a yes to the call. The number,
            # and the name and the time said with it ("oui appelez moi, lea 06.58.47.21.90", "il s'appelle gerard,
            # 03 87 12 34 56 le matin": round 5, all asked again after the consent), wait in their slots for it.
            owner = number_owner(words, relative_written_for(tracker.slots, user_messages(tracker.events)))
            # "appelez plutôt mon père directement, c'est le 03 ..." (round 9, r9b-15): the call is to him, said so;
            # "vous pouvez l'appeler lui ? 06 ..." too (round 22, r22a-13: "votre père", never taken as the writer's).
            dispatcher.utter_message(text=NUMBER_OF_RELATIVE.format(who=yours(owner)) if owner else NUMBER_IS_A_YES)
            return {"wants_advisor": True, **contact_kept_for_later(tracker, words)}
        if (
            tracker.get_slot("requested_slot") == "wants_advisor"
            and wrong_number(words)
            and read_yes_no(value, tracker, "wants_advisor") is not False
        ):
            # "0320 45 67 8" (a digit missing): a yes to the call all the same; the number is asked at its question. A
            # whole number in no known range ("oui, +262 639 12 34 56", round 12) is said so, never "incomplet".
            later = NUMBER_UNKNOWN_ASKED_LATER if number_unknown(words) else number_asked_later(words)
            dispatcher.utter_message(text=f"{NUMBER_IS_A_YES} {later}")
            return {"wants_advisor": True}
        if (
            tracker.get_slot("requested_slot") == "wants_advisor"
            and (reassures_safety(words) or says_safe_in_words(words))  # "oui oui en sécurité" (round 18, r18b-04)
            and not asks_for_callback(words)
        ):
            # "ouais ça va je vais pas faire de bêtise" after the crisis path: said of their safety, not a yes to
            # the call (read as affirm at 0.996). Heard, and the offer stays open.
            dispatcher.utter_message(text=SAFETY_HEARD)
            if tracker.get_slot("safe_now") == UNSURE and not tracker.get_slot("person_at_risk"):
                # Round 18 (r18b-01): "je suis pas en danger" after an answer that said nothing of safety ("je suis au
                # fournil"): the case says what was said at last. A "not safe" said before is never made safer.
                return {"wants_advisor": None, "safe_now": SAFE}
            return {"wants_advisor": None}
        at_offer = tracker.get_slot("requested_slot") == "wants_advisor"
        received = (
            receipt_at_offer(tracker, words)
            if at_offer and read_yes_no(value, tracker, "wants_advisor") is None
            else None
        )
        if received:
            # "j'ai reçu ça le 1er décembre" after the step on a contrainte (round 21, r21z-10: "Je n'ai pas bien
            # compris", the case had no date): the receipt and the delay it starts, kept, then the offer again.
            dispatcher.utter_message(text=f"Merci, c'est noté pour le conseiller : {received}.")
            return {"wants_advisor": None, "deadline": received}
        concerned = concerned_person(tracker.slots, user_messages(tracker.events)[:-1]) if at_offer else None
        if concerned and not_them_to_call(words) and not asks_for_callback(words):
            # Round 21 (r21x-03): "Surtout ne l'appelez pas elle, elle serait furieuse que j'aie écrit" at the offer got
            # "personne ne vous appellera": the person concerned is not to be called, the writer may be. Asked again.
            dispatcher.utter_message(text=NOT_THEM_CALLED.format(concerned=concerned))
            return {"wants_advisor": None}
        if concerned and says_not_the_writer(words) and not asks_for_callback(words):
            # Someone close writing (s20-z1, make run): "non c'est pas moi, moi ça va, c'est lui qui m'inquiète" took the
            # offer for one about the writer's own trouble and was read as a refusal. The call is for them, about him.
            dispatcher.utter_message(text=OFFER_TO_THE_WRITER.format(concerned=concerned))
            return {"wants_advisor": None}
        address = contact_answers(words).get("email")
        # "pas de telephone, je prefere par mail" (round 29, r29-b-16: told the advisors only phone, then pushed toward
        # the phone four times, in crisis): the preference is a request to be written to, as asked in so many words.
        written_asked = asks_to_be_written(words) or (
            prefers_writing(words) and read_yes_no(value, tracker, "wants_advisor") is None
        )
        if at_offer and (written_asked or (address and already_said(tracker, WRITE_TO_YOU, prefix=True))):
            # "je préfère pas donner mon numéro. vous pouvez pas m'écrire par mail plutôt ?": a request to be written
            # to (round 7: taken for a refusal). The address is asked; given, it is a yes, and no number is asked.
            if address is None:
                dispatcher.utter_message(text=write_to_you_text(services.chamber()))
                return {"wants_advisor": None}
            dispatcher.utter_message(text=WRITTEN_INSTEAD.format(address))
            kept = {name: v for name, v in contact_kept_for_later(tracker, words).items() if name != "phone"}
            return {"wants_advisor": True, **kept, "email": address, "phone": SKIPPED}
        if at_offer and is_closing(words) and read_yes_no(value, tracker, "wants_advisor") is None:
            # "BON JE VAIS Y ALLER MERCI QUAND MEME" (round 7: "je n'ai pas bien compris" and the offer again): a
            # farewell declines the offer; the end says how to come back.
            # After distress, the 3114 again with the farewell (round 9: more leave-takings reach this reply).
            reminder = f" {HANDOFF_REMINDER}" if tracker.get_slot("distress") else ""
            dispatcher.utter_message(text=FAREWELL_AT_OFFER + reminder)
            return {"wants_advisor": False, **contact_forgotten(tracker)}
        if (
            tracker.get_slot("requested_slot") == "wants_advisor"
            and (prefers_writing(words) or asks_chamber_address(words))
            and read_yes_no(value, tracker, "wants_advisor") is None
        ):
            # "pas de téléphone, je préfère par mail": the advisors call back; the chamber's address is given for
            # writing instead, and the question stays open (never "je n'ai pas compris").
            chamber = services.chamber()
            asked = asks_chamber_address(words) and not prefers_writing(words)
            dispatcher.utter_message(text=chamber_address_text(chamber) if asked else writing_instead(chamber))
            return {"wants_advisor": None}
        # Round 25: "non je parle de l'huissier ...", "oui mais il a le droit ... ?": the offer asked again after it.
        beside = answer_beside_the_offer(dispatcher, tracker, words, answer_to_question)
        if beside is not None:
            return beside
        said_yes = re.match(  # a yes or a no said first stays the answer (its question is then answered after it)
            r"(?:oui|ouais|ok|d'accord|volontiers|je veux bien|non|nan|pas besoin|ca ira)\b", fold(words or "").strip()
        )
        question_asked = is_question(words) or "?" in (words or "")
        if at_offer and advice_asked(words) and question_asked and not asks_for_callback(words) and not said_yes:
            # Round 20 (r20a-09, -11, -16): "il voudrait se faire remplacer quelques semaines, c possible?" read as a
            # yes started the consent: the question answered, and the offer asked again.
            from actions.service_answers import service_question_text
            from intake.service_questions import QUESTION_FOR_THE_ADVISOR

            chamber = services.chamber()
            ours = re.search(
                r"\bvotre (?:numero|num|telephone|tel)\b", fold(words or "")
            )  # r20a-04: "je peux lui donner"
            text = (
                f"Bien sûr : la {chamber.name} est joignable au {chamber.phone}, {chamber.hours_text}."
                if ours
                else service_question_text(tracker) or answer_to_business_question(tracker, words or "")
            )
            dispatcher.utter_message(text=text or QUESTION_FOR_THE_ADVISOR)
            return {"wants_advisor": None}
        answer = yes_or_no(value, dispatcher, tracker, "wants_advisor")
        if answer.get("wants_advisor") is False:
            question = question_after_no(words) if at_offer else None
            if question:
                # "non pas besoin, je voulais juste savoir X ?" (round 7: the offer again, three times): a no, and
                # the question gets the best answer at hand.
                dispatcher.utter_message(text=answer_to_question(tracker, question))
            return {**answer, **contact_forgotten(tracker)}
        if answer.get("wants_advisor") is True:
            # The call asked for at an intake question with the details ("oui allez rappelez moi, c'est Maëlle au 06 77
            # 88 12 34 plutot entre 10h et midi", make run, 2026-12-04: the name and the time were asked again).
            kept = contact_kept_for_later(tracker, words)
            kept = {**wish_with_the_yes(tracker, words, kept), **kept}
            if at_offer:
                answer_after_yes(dispatcher, tracker, words)
            if agrees_to_keeping(words) and tracker.get_slot("consent_given") is not True:
                # "oui rappelez-moi, d'accord pour garder mes infos" (round 19, r19c-03: the consent asked anyway, the
                # details then refused one by one, no case): the consent, with what is kept and for how long.
                dispatcher.utter_message(text=consent_said_before_text(services.chamber()))
                kept = {**kept, "consent_given": True, "consent_at": datetime.now(timezone.utc).isoformat()}
            return {**answer, **kept}
        return answer

    def validate_consent_given(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {**self._consent_given_answer(value, dispatcher, tracker), **number_parts_undone(tracker)}

    def _consent_given_answer(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any]:
        # "ya quelqu'un maintenant ou pas" (round 29, r29-b-23): when advisors are there, never a refusal.
        there = anyone_there_at("consent_given", dispatcher, tracker)
        if there is not None:
            return there
        asked_back = consent_question_back(dispatcher, tracker)
        if asked_back is not None:
            return asked_back
        decision = read_yes_no(value, tracker, "consent_given")
        words = tracker.latest_message.get("text") or ""
        relayed = relayed_yes(words) if tracker.get_slot("requested_slot") == "consent_given" else None
        if relayed and decision is not False and answer_kind(words) != NO:
            # "il dit oui", "il est d'accord" (round 25): the yes of the person someone close writes for (or the one the
            # artisan asked to be called) is the consent the question asks the writer for; never the artisan's own.
            if someone_else_called(tracker):
                decision = True
            else:
                dispatcher.utter_message(text=OWN_CONSENT_ASKED)
                return {"consent_given": None}
        if decision is None and tracker.get_slot("requested_slot") == "consent_given" and time_put_right(words):
            moment = moment_put_right(words)
            dispatcher.utter_message(text=noted_for_other_questions({"callback_slot": moment}))
            return {"consent_given": None, "callback_slot": moment}
        if decision is None:
            return yes_or_no(value, dispatcher, tracker, "consent_given")
        if decision is True:
            now = datetime.now(timezone.utc).isoformat()
            named = name_with_yes(dispatcher, tracker, "consent_given")
            if not named and tracker.get_slot("requested_slot") == "consent_given":
                # "ouai mé c mon pere ki fo rapelé pa moi, il s'apel Gérard" (round 19, r19a-03): the person to call said
                # with the yes, kept; the name was asked again after it.
                named = contact_kept_for_later(tracker, words)
            if not named and not tracker.get_slot("contact_name"):
                # "j'écris pour mon frère Julien" (round 24, conv-a): his first name is known, not asked again.
                known = name_of_the_one_called(tracker.slots, user_messages(tracker.events))
                named = {"contact_name": known} if known else {}
            # "oui appelez-moi demain matin", "ok mais plutôt en fin de journée" (round 26: asked again after the e-mail).
            wish = wish_with_the_yes(tracker, words, named)
            wish = moment_noted(dispatcher, tracker, wish["callback_slot"]) if wish else {}
            # Round 23 (r23a-10): the number of the first message, forgotten on an earlier "non", kept with this yes.
            return {"consent_given": True, "consent_at": now, **earlier_number_with_consent(tracker), **named, **wish}
        return {"consent_given": False, **contact_forgotten(tracker)}

    def validate_contact_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        answer = self._contact_name_answer(value, dispatcher, tracker)
        number_missed_at_the_name(answer.get("contact_name"), dispatcher, tracker)
        words = tracker.latest_message.get("text")
        if (
            answer.get("contact_name") == SKIPPED
            and tracker.get_slot("requested_slot") == "contact_name"
            and declines_a_name_in_a_clause(words)
            and not dispatcher.messages
        ):
            # "non je donne pas mon nom" (round 29, r29-a-03: "je ne retrouve pas votre prénom", the question again): the
            # refusal heard, said so once, and the next question comes.
            no_number = tracker.get_slot("phone") in (None, SKIPPED) and tracker.get_slot("email") in (None, SKIPPED)
            dispatcher.utter_message(text=NO_NAME_NEEDED if no_number else "D'accord, sans prénom.")
        return {**answer, **number_parts_undone(tracker)}

    def _contact_name_answer(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any]:
        said = tracker.latest_message.get("text") or ""
        # "je viens de vous le donner", "n'importe" (round 19): no name, and no moment for the call either.
        looked_back = None if mentions_contact(said) else name_reminded(said, dispatcher, tracker)
        if looked_back is not None:
            return looked_back
        elsewhere = kept_for_other_questions("contact_name", value, dispatcher, tracker)
        if elsewhere is not None:
            return elsewhere
        words = tracker.latest_message.get("text") or ""
        corrected = name_put_right(words) if tracker.get_slot("requested_slot") == "contact_name" else None
        if corrected:
            # "Sandrine euh non Sandra pardon" (round 11, r11a-03): read as a "non", the name was passed and the case had
            # none. A name put right in the same breath is the name kept, whatever the intent or the mapping made of it.
            dispatcher.utter_message(text=f"Merci {corrected}, c'est noté.")
            return {"contact_name": corrected}
        both = moment_at_the_name(words) if tracker.get_slot("requested_slot") == "contact_name" else None
        # A sign only the distress classifier read in a moment ("le soir apres 18h c mieux pour moi", round 27: stored as
        # the name) is no sign here, as at the other contact questions (read_as_distress_by_the_model_only).
        signs = bool(find_signs(words)) and not read_as_distress_by_the_model_only(words)
        if both and not signs and _open_for("callback_slot", tracker.get_slot("callback_slot")):
            # "plutôt en fin d'après-midi, avant 17h je suis sur les chantiers" (round 18, r18b-14: stored as the name,
            # the digits cut, the time asked again): the moment kept for its question, said so; the name still asked.
            # One out of the advisors' hours gets the hours and is not kept (moment_noted), as at the other questions.
            name, moment = both
            return {"contact_name": name, **moment_noted(dispatcher, tracker, moment)}
        if value == SKIPPED:
            # "je vous l'ai dit, Nadia", "Lucas je vous ai dit", read as a skip (round 9, r9a-03, r9b-11: the name left
            # empty): the name said with the reminder is the answer.
            named = name_after_reminder(words) if tracker.get_slot("requested_slot") == "contact_name" else None
            if not named and tracker.get_slot("requested_slot") == "contact_name":
                # "nolwenn", "noa", "nathan", read as a no (round 16, r16a-07, r16a-16: the case had no name).
                named = name_read_as_a_no(words, tracker.latest_message.get("entities") or [])
            if not named and tracker.get_slot("requested_slot") == "contact_name" and answer_kind(words) != NO:
                # "Nathalie, c'est moi qu'il faut appeler pas lui" read as a no (round 23, r23b-09: the case had no
                # name): the name said first, the "pas lui" says whom to call.
                first = name_then_more(words)
                named = _WORDS_BEFORE_A_NAME.sub("", first or "") or first
            return {"contact_name": named or SKIPPED}
        # Read whole when it names the person concerned, whatever a mapping took from it (round 8: the entity "Nadine"
        # of "Karim, je suis son fils. Elle, c'est Nadine" was kept).
        two = (written_for([words]) or {}) if tracker.get_slot("requested_slot") == "contact_name" else {}
        if tracker.get_slot("requested_slot") == "contact_name" and (
            # "mon père s'appelle Gérard mais appelez plutôt moi, Claire" (round 22, r22b-07: the extractor's "Gérard"
            # stored with her number): two people named, the one to call kept.
            person_named(words) or (two.get("writer_name") and two.get("person_name"))
        ):
            # "c'est pour mon mari, il s'appelle Jean-Marc mais c'est moi qui gère les papiers": the person to call
            # (the writer, when they name themself too); who writes is in the case summary (actions.handoff.written_for).
            name = person_to_call(words, user_messages(tracker.events)[:-1]) or person_named(words)
            if name:
                dispatcher.utter_message(text=to_call_text(name, words))
                return {"contact_name": name}
        reminded = name_after_reminder(words) if tracker.get_slot("requested_slot") == "contact_name" else None
        if reminded and isinstance(value, str) and (value == SKIPPED or value in words):
            # "Lucas je vous ai dit" (round 9, r9b-11: not taken): the name, not the reproach around it.
            return {"contact_name": reminded}
        after_yes = name_after_a_yes_then_more(words) if tracker.get_slot("requested_slot") == "contact_name" else None
        if after_yes and isinstance(value, str):
            # "bon ok Laëtitia, mais pas de mail hein" (round 17, r17a-14): the name, and no e-mail asked after it.
            return {"contact_name": after_yes, **({"email": SKIPPED} if declines_email(words) else {})}
        if tracker.get_slot("requested_slot") == "contact_name" and value == words and name_then_more(words):
            # "sandrine, c'est moi qu'il faut appeler pas lui": the name, not the sentence (nor a no for "pas lui").
            # "demandez Patrick, moi c est Nadia" (round 20, r20b-07: stored "demandez Patrick"): the name asked for.
            named = name_then_more(words)
            return {"contact_name": _WORDS_BEFORE_A_NAME.sub("", named or "") or named}
        if tracker.get_slot("requested_slot") == "contact_name" and value == words:
            # "euh Nadia" (make run, 2026-12-04): the hesitation first, then the name, read as the name.
            after = _HESITATION_FIRST.sub("", words, count=1)
            if after != words and after and answer_kind(after) not in (YES, NO, HESITATION) and not is_waiting(after):
                value = words = after
        if tracker.get_slot("requested_slot") == "contact_name" and value == words:
            # "bon ok", "euh", "non" are no first name (the classifier was unsure of them): a no passes the
            # question, the others wait for the name.
            said = answer_kind(words)
            corrected_name = name_after_a_no(words) if said == NO else None
            if corrected_name:
                # "non. au fait c est Mr Lambert" (round 20, r20b-03: passed as a no): the name given after the no.
                return {"contact_name": corrected_name}
            if said == NO or declines_a_name(words):  # "sans nom", "anonyme" (round 16, r16b-15: kept as the name)
                return {"contact_name": SKIPPED}
            if said in (YES, HESITATION) or is_waiting(words):
                dispatcher.utter_message(text=TAKE_YOUR_TIME if is_waiting(words) else NO_NAME_YET)
                return {"contact_name": None}
        # A number typed with the name ("Fred, 06 12 34 56", a digit missing) or instead of it ("06 23 45 67 8")
        # is no part of the name: both were stored as the name the advisor reads aloud. The number has its question.
        value = " ".join(DIGIT_RUN.sub(" ", str(value)).split()).strip(" ,;.-") or None
        if value is None:
            dispatcher.utter_message(text=too_long_text(NUMBER_TOO_LONG_AT_THE_NAME, words) or NUMBER_AT_THE_NAME)
            return {"contact_name": None}
        # "moi c'est Paul", "je m'appelle paul", "je vous l'ai dit Jean-Marc", "c'est M. Dupont": the name, not the
        # sentence around it (the advisor reads it aloud on the phone). "c'est moi le patron, Marcel" (round 28,
        # r28-a-17: stored "moi le patron Marcel"): the role said first is no part of the name.
        value = _ROLE_BEFORE_A_NAME.sub("", str(value)) or value
        name = without_said_before(_WORDS_BEFORE_A_NAME.sub("", value)) or value
        # The whole answer first: "appelez moi monsieur Da Silva, c'est plus simple" (round 12, r12c-05: stored whole).
        kept = first_name_said(str(value)) or first_name_said(name) or clean_name(name)
        titled = first_name_said(words) if value != words else None
        if titled and titled.startswith(_TITLES_SHOWN) and fold(str(value)) in fold(titled).split():
            # "Monsieur Bernard" whose surname the extractor took for a first name (round 22, r22b-09: stored
            # "Bernard"): the title kept, as for "Monsieur Martin" ("M. Martin"), the advisor asks for M. Bernard.
            kept = titled
        if kept and kept.islower() and len(kept.split()) <= 3:
            # "c said" -> "Said": cut out of a sentence, written as a name; "jean marc" typed alone too (round 26,
            # r26b-14: stored in small letters, read so by the advisor).
            kept = kept.title()
        if only_a_title(kept):
            # "Mme": a title alone is no name (round 6: the advisor would have read "Mme" aloud).
            dispatcher.utter_message(text=TITLE_ONLY)
            return {"contact_name": None}
        if kept and not re.search(r"\d", words) and set(fold(kept).replace("'", " ").split()) <= _NO_NAME_WORDS:
            # "Juste", "Au Début" (round 20, r20b-12, r20b-14: stored as the name the advisor reads aloud): no name.
            dispatcher.utter_message(text=NO_NAME_YET)
            return {"contact_name": None}
        if kept and set(fold(kept).replace("'", " ").split()) <= _NOT_A_NAME_LEFT:
            # "c'est le 06 58 21 44 7" (make run, 2026-12-05: the case's name was "Le"): the words left around a number
            # name nobody; the number has its question.
            dispatcher.utter_message(text=too_long_text(NUMBER_TOO_LONG_AT_THE_NAME, words) or NUMBER_AT_THE_NAME)
            return {"contact_name": None}
        return {"contact_name": whole_compound(kept, words)}

    def validate_phone(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {**self._phone_answer(value, dispatcher, tracker), **number_parts_undone(tracker)}

    def _phone_answer(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any]:
        renamed = name_put_right_at_phone(tracker)
        if renamed:
            # "pardon, Nicolas" right after "Nicolaa" (round 28, r28-a-24: "Je n'ai pas reconnu ce numéro", the typo
            # kept in the case): the name put right, said so; the number is asked again.
            dispatcher.utter_message(text=NAME_NOW_ASKED.format(renamed))
            return {"phone": None, "contact_name": renamed}
        elsewhere = kept_for_other_questions("phone", value, dispatcher, tracker)
        if elsewhere is not None:
            return elsewhere
        earlier = earlier_number_at_phone_question(dispatcher, tracker)  # "je l'ai donné au début"
        if earlier is not None:
            return earlier
        words = tracker.latest_message.get("text") or ""
        if someone_elses_number_before_the_offer(tracker, words):
            return {"phone": None}
        if tracker.get_slot("requested_slot") == "phone" and moment_said_instead_of_a_number(words):
            # "plutôt en fin de matinée" at the phone question (round 27): the moment kept for its question and said so,
            # never "numéro non reconnu"; the number is asked again.
            return {"phone": None, **moment_kept_for_later("phone", dispatcher, tracker)}
        stored = phone_of_stored_case(tracker)
        if stored is not None and tracker.get_slot("requested_slot") != "phone":
            # The name said with the corrected number is corrected too (round 11, r11a-22).
            renamed = name_corrected(tracker, words) if normalise_phone(value) not in (None, stored) else None
            kept = number_after_the_case(stored, value, words, dispatcher, tracker, renamed)
            return {"phone": kept, **({"contact_name": renamed} if renamed and kept != stored else {})}
        if tracker.get_slot("requested_slot") == "phone" and phones_in(words):
            # "06 77 66 55 44, c'est mon portable, lui il répondra pas", read as a skip (round 9, r9a-14: "Sans numéro
            # ... je ne transmets rien", a lost case in a household in crisis): a valid number given at the phone
            # question is the answer, whatever negation, hesitation or skip the rest of the words reads as.
            value = words if value == SKIPPED or normalise_phone(value) is None else value
        # "laissez-moi réfléchir", "je ne sais pas trop quoi vous dire": no number yet, nor a refusal. The
        # question waits (once for a hesitation read as a skip: said again, it passes the question).
        waiting = is_waiting(words) and normalise_phone(None if value == SKIPPED else value) is None
        waiting = waiting and not phones_in(words)  # "06 ... non attendez 06 ...": a number given, no pause
        hesitating = value == SKIPPED and is_hesitation(words) and not is_skip(words)
        if tracker.get_slot("requested_slot") == "phone" and (
            waiting
            or (
                hesitating
                and not already_said(tracker, PHONE_HESITATION)
                and not already_said(tracker, TIME_TO_THINK["phone"])
            )
        ):
            if thinks_it_over(words):
                # "euh en fait je sais pas trop si c'est une bonne idée", "je vais réfléchir" (round 22, r22b-03): the
                # time respected and the way on said, standing for the question (never the question again at once).
                dispatcher.utter_message(text=TIME_TO_THINK["phone"])
                dispatcher.messages[-1][ASKED_SLOT_KEY] = "phone"
                return {"phone": None}
            dispatcher.utter_message(text=TAKE_YOUR_TIME if waiting else PHONE_HESITATION)
            return {"phone": None}
        if value == SKIPPED or (prefers_writing(words) and not any(char.isdigit() for char in words)):
            # A skip is an answer: the form ends, saying that without a number nothing is passed on and
            # how to come back ("conseiller" asks for the number again); an address said with it is kept.
            # "je n'ai pas de téléphone" is such an answer, never an unrecognised number.
            return {"phone": SKIPPED, **email_instead_of_phone(words, dispatcher)}
        # The extractor may keep part of a number said in a sentence ("rappelez-moi plutôt sur le fixe, 02 99 11 22
        # 33" gave "02 99 11 22"): the whole message is read before saying the number was not understood.
        read = normalise_phone(value)
        if read and tracker.get_slot("requested_slot") == "phone" and cut_from_a_longer_number(value, words):
            # "06 12 34 56 78 90 12": the extractor kept the first ten digits of a number too long (the simulator,
            # seed 20261242: a case stored with a number the artisan never gave); the number is asked again.
            read = None
        choice = preferred_phone(words)
        given_now = tracker.get_slot("requested_slot") == "phone" or (
            choice is not None and read in (choice[0], *choice[1])
        )
        if choice and given_now:
            # "04 50 98 12 34 au bureau, ou mon portable 06 80 45 21 97 c'est mieux": the one preferred, else the first,
            # whatever question they came at; the others are in the case summary (round 7: the first kept in one
            # conversation, the second in another, never the preferred one).
            phone: str | None = choice[0]
            say_numbers_kept(dispatcher, words)
        else:
            phone = read or contact_answers(words).get("phone")
        if phone is None and tracker.get_slot("requested_slot") == "phone":
            # "76 12 34" from Nouméa (round 28, r28-a-12: refused with a number of metropolitan France as the example,
            # the bot having noted « Nouvelle-Calédonie (988) »): a local number, read with the place's country code.
            phone = local_number_of_place(words, tracker.get_slot("departement"))
        insisted = insisted_number(words, user_messages(tracker.events)[:-1]) if phone is None else None
        typed_name = name_typed_for_number(tracker, words) if phone is None and not insisted else None
        if typed_name:
            # "Mme Vidal" at the phone question (round 19, r19b-06: "je n'ai pas reconnu ce numéro", the name lost): the
            # name is kept and said back; the number is asked again.
            dispatcher.utter_message(text=NAME_AT_PHONE_QUESTION.format(typed_name))
            return {"phone": None, "contact_name": typed_name}
        if insisted and tracker.get_slot("requested_slot") == "phone":
            # "0639 12 34 56" given again after "ne semble pas exister" (round 12, r12a-15, Mayotte): the artisan knows
            # their number better than the numbering metadata, which lags behind new ranges; kept as given.
            phone = insisted
            dispatcher.utter_message(text=NUMBER_KEPT_AS_GIVEN.format(display_phone(phone)))
        elif phone is None and foreign_attempt(words):
            # "+44 7700 900123": the French example does not help someone with a foreign number.
            dispatcher.utter_message(text=FOREIGN_NUMBER_NOT_READ)
        elif phone is None:
            # "07 11 22 33 44" written exactly as the example: told it does not seem to exist (round 5: "écrivez
            # ainsi : 06 12 34 56 78" to someone who had).
            dispatcher.utter_message(text=number_problem_text(words, value))
        # "ah pardon 06 23 45 67 89, je m'appelle Antoine": the name said with the number corrects the one kept.
        named = name_in_so_many_words(words)
        owners = names_of_numbers(words)
        if phone and len(owners) > 1:
            # "Marc au 03 81 00 11 22, moi c'est Léa au 06 11 22 33 44 si il répond pas" (round 19, r19a-08: Léa kept
            # with Marc's number): the name said with the number kept; the other person is the backup the summary shows.
            named = owners.get(phone)
        kept_name = tracker.get_slot("contact_name")
        if named and kept_name not in (None, SKIPPED, named) and tracker.get_slot("requested_slot") == "phone":
            # "pardon c'est Marco pas Marc. 0694 20 30 40" (round 12, r12a-18: the name stayed "Marc"): said back.
            dispatcher.utter_message(text=NAME_NOW_ASKED.format(named))
        # "06 12 34 56 78 mais rappelez après 17h30": the time said with the number is kept for its question
        # (round 6: it was dropped, and the "ok" that followed stored as the time).
        moment = contact_given_with(words).get("callback_slot") if phone else None
        later = {"callback_slot": moment} if moment and not tracker.get_slot("callback_slot") else {}
        if not later and (phone or tracker.get_slot("requested_slot") == "phone"):
            # A number refused keeps the time said with it ("zero six. 98 76 54 32 10, plutot le matin avant 7h": round
            # 19, r19a-02, the time lost with the number).
            later = moment_kept_for_later("phone", dispatcher, tracker)
        return {"phone": phone, **({"contact_name": named} if named else {}), **later}

    def validate_callback_slot(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        line = line_chosen_at_time_question(tracker)
        if line is None:
            return self._callback_answer(value, dispatcher, tracker)
        # "plutôt le fixe le matin" after two numbers given (round 21, r21y-05: the mobile promised, the words stored as
        # the time): the number chosen is the one to call, said so; the rest of the words is the moment.
        number, rest = line
        dispatcher.utter_message(text=f"C'est noté, le conseiller appellera le {display_phone(number)}.")
        if not rest:
            return {"phone": number, "callback_slot": None}
        return {"phone": number, **self._callback_answer(rest, dispatcher, tracker)}

    def _callback_answer(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any]:
        elsewhere = kept_for_other_questions("callback_slot", value, dispatcher, tracker)
        if elsewhere is not None:
            return elsewhere
        words = tracker.latest_message.get("text") or ""
        if isinstance(value, str) and find_signs(value) and not read_as_distress_by_the_model_only(value):
            # "... je me demande si ça vaut encore la peine de se lever le matin" (round 10, r10b-03) was stored as the
            # time of the call: words with a warning sign are never a moment; the crisis path or the question answers.
            return {"callback_slot": None}
        if (
            value == AS_SOON_AS_POSSIBLE
            and tracker.get_slot("requested_slot") == "callback_slot"
            and fold(words).strip() != fold(AS_SOON_AS_POSSIBLE)
            and callback_time(words)
            and CallbackPreference.read(words).limits()
        ):
            # "pas avant 10h chez moi", read as a skip (round 16, r16a-13: stored "dès que possible", promised from 8 h
            # there): the limit said is the moment kept, and the promise keeps it.
            value = words
        asked = tracker.get_slot("requested_slot") == "callback_slot" and value == words
        if tracker.get_slot("requested_slot") == "callback_slot" and asks_when_they_call(words):
            # "vous rappelez bien le matin tôt ?", "pk vous rapelez pas dimanche ??" (round 19, r19a-02, r19a-09: stored
            # as the time of the call): a question, answered with the hours the advisors call; the question stays open.
            hours = services.chamber().hours_text_for(tracker.get_slot("departement"), clock.now(), calls=True)
            dispatcher.utter_message(text=f"Les conseillers appellent {hours}. {MOMENT_IN_THOSE_HOURS}")
            dispatcher.messages[-1][ASKED_SLOT_KEY] = "callback_slot"  # the form's question: not asked again
            return {"callback_slot": None}
        if asked and is_waiting(words):
            # "hmm", "attendez": no time given yet; the question waits rather than "hmm" becoming the time.
            dispatcher.utter_message(text=TAKE_YOUR_TIME)
            return {"callback_slot": None}
        wish = moment_wished(words) if tracker.get_slot("requested_slot") == "callback_slot" else None
        dated = day_kept_from_refused_moment(value, tracker) if asked and isinstance(value, str) else value
        if dated != value:
            return moment_within_hours(dated, dispatcher, tracker)  # "16h45 alors" after "jeudi 17h30" (r24a-12)
        if asked and wish is None and (_GOOD_WISHES.search(words) or is_closing(words)):
            # "merci. bonne soirée" (round 19, r19a-07: "les conseillers ne peuvent pas vous appeler le soir", the
            # question again): a farewell says no moment; the call is made as soon as possible, as for a pass.
            return {"callback_slot": AS_SOON_AS_POSSIBLE}
        if wish and callback_time(words) is None and (asked or value == AS_SOON_AS_POSSIBLE):
            # "oui le soir c'est mieux" (a yes), "je préfère pas lundi" (read as a skip), "pas avant 10h et pas le
            # mercredi": a wish said in other words is the time of the call, as said (round 11, r11a-02, r11a-19: stored
            # "dès que possible"), when the advisors call then (round 14, r14a-07: "lundi a 17h30 apres le chantier").
            return moment_within_hours(wish, dispatcher, tracker)
        if asked and callback_time(words) is None and answer_kind(words) == YES:
            return {"callback_slot": "dès que possible"}  # "ok" to "à quel moment ?": any time (round 6: stored "ok")
        if asked and wish is None and callback_time(words) is None and _NONE_OF_THE_MOMENTS.search(fold(words)):
            # "aucune de celles-ci", "ni l'un ni l'autre" to the moments offered (make run, 2026-12-06: stored as the
            # time of the call, the case saying "dès que possible"): the person's own moment is asked for.
            dispatcher.utter_message(text=OWN_MOMENT_ASKED)
            dispatcher.messages[-1][ASKED_SLOT_KEY] = "callback_slot"  # the form's question: not asked again
            return {"callback_slot": None}
        if asked and wish is None and callback_time(words) is None and fold(words).strip(" .!") in _BARE_NOES:
            return {"callback_slot": AS_SOON_AS_POSSIBLE}  # "non" to "à quel moment préférez-vous ?": no preference
        if asked and callback_time(words) is None:
            intent = (tracker.latest_message.get("intent") or {}).get("name")
            if intent == "request_human":
                return {"callback_slot": "dès que possible"}  # "je veux quelqu'un vite": as soon as possible
            # A name several towns bear ("Villeneuve", "Saint-Denis": round 21, r21y-06, r21y-12, stored as the time)
            # is a place as much as one town's.
            if not says_a_moment(words) and _names_a_place(words):
                # "creuse je vous ai dit": the place again, never the time of the call (it was stored as such). Kept
                # for the place question when none is known; otherwise nothing is kept, and nothing is said noted.
                # Round 7: "le 14, avant j'ai des banquets", "apres 14h heure de la guadeloupe" were read as places
                # (Calvados, Guadeloupe), answered "Merci, c'est noté." and the question asked again.
                place = place_named_at_contact_question(tracker) or _namesakes_said(tracker, words)
                if place is not None:
                    dispatcher.utter_message(text=place_noted(place))
                    return {"callback_slot": None, **place}
                return not_answered("callback_slot", TIME_STILL_ASKED, dispatcher, tracker)
        if isinstance(value, str) and (asked or (wish and value == wish and value != AS_SOON_AS_POSSIBLE)):
            # "et vous pouvez rappeler après 18h ?" (round 17, r17a-04: the moment read from the question was stored
            # unchecked, promised "jusqu'à 17 h", the question never answered): the opening hours read it too.
            return moment_within_hours(value, dispatcher, tracker)
        return {"callback_slot": value}

    def validate_email(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        elsewhere = kept_for_other_questions("email", value, dispatcher, tracker)
        if elsewhere is not None:
            return elsewhere
        words = tracker.latest_message.get("text")
        if "phone" in tracker.slots_to_validate() and number_chosen_by_rank(words, user_messages(tracker.events)[:-1]):
            return {"email": None}  # "non c'est le 2eme que je prefere": the number put right, no answer to the e-mail
        if tracker.get_slot("requested_slot") == "email" and says_only_yes(words):
            return {"email": None}  # the question again, in its short form: "Quelle est votre adresse e-mail ?"
        if tracker.get_slot("requested_slot") == "email" and drops_the_question(words):
            # "bof laisse tomber" after "Cette adresse ne semble pas complète" (round 21, r21y-21): the address only.
            value = SKIPPED
            dispatcher.utter_message(text=NO_EMAIL_THEN)
        if value == SKIPPED or (isinstance(value, str) and "@" not in value and _NO_ADDRESS.search(value.lower())):
            # A widower without an address ("je n'ai pas d'email", round 4) was told the address was incomplete.
            return {"email": SKIPPED, **moment_kept_for_later("email", dispatcher, tracker)}
        # "sylvie.lefebvre59@gmail.com c'est le mien": the address in the sentence (round 4: refused as incomplete).
        email = normalise_email(value) or contact_answers(value if isinstance(value, str) else None).get("email")
        if email is None and not tries_an_address(words):
            other = no_address_at_email_question(dispatcher, tracker)
            if other is not None:
                return other
        if email is None and "@" not in str(value):
            # "quand vous voulez mais pas le matin je suis sur les chantiers" (round 11, r11b-06: "Cette adresse ne
            # semble pas complète"): a time for the call, kept and said so; the e-mail question stays open.
            moment = moment_kept_for_later("email", dispatcher, tracker)
            if moment:
                return {"email": None, **moment}
        place_said = any(
            str(message.get("text") or "").startswith("Merci, j'ai noté le lieu") for message in dispatcher.messages
        )
        if email is None and "@" not in str(value) and place_said:
            # "on habite a Limoges" at the e-mail question (round 20, r20a-01): the place noted and said so, never
            # "Cette adresse ne semble pas complète"; the e-mail question stays open.
            return {"email": None}
        ending = _NO_ENDING.search(str(value)) if email is None else None
        if ending:
            # "kevin.platre@gmail" (round 28, r28-a-19: answered "c'est noté", nothing kept): the ending is missing.
            dispatcher.utter_message(
                text=f"Cette adresse ne semble pas complète : il manque la fin après « @{ending.group(1)} », par exemple "
                f"« @{ending.group(1)}.com » ou « .fr ». Pouvez-vous l'écrire en entier ?"
            )
            return {"email": None}
        if email is None:
            text = "Cette adresse ne semble pas complète, par exemple : prenom.nom@exemple.fr. Vous pouvez aussi répondre « passer »."
            # Said once in full; again, a short word (the form asks the question again).
            dispatcher.utter_message(text="Adresse incomplète, pardon." if already_said(tracker, text) else text)
            return {"email": None}
        if email.lower() not in str(value).lower():
            # "jean dupont arobase gmail point com", "jean.dupont @ gmail.com" (round 26: refused as incomplete): read,
            # and said back as it will be written, so that a wrong reading can be put right.
            dispatcher.utter_message(text=noted_for_other_questions({"email": email}))
        return {"email": email, **moment_kept_for_later("email", dispatcher, tracker)}


# What an address attempt has: a sign of one, said or typed ("@", "arobase", "point com", "gmail", "orange.fr").
_ADDRESS_TRIED = re.compile(
    r"@|\b(?:arobase|arrobase|arobaz|gmail|hotmail|yahoo|outlook|wanadoo|laposte|icloud)\b|"
    r"\b(?:point|dot) (?:com|fr|net)\b|\.(?:com|fr|net|org)\b"
)


def tries_an_address(words: str | None) -> bool:
    """Whether the words give, or try to give, an e-mail address; a sentence without any sign of one does not."""
    return bool(_ADDRESS_TRIED.search(fold(words or "").lower()))


NO_ADDRESS_IN_WORDS = (
    "Je n'ai pas trouvé d'adresse e-mail dans votre message. Si vous voulez en laisser une, écrivez-la ; sinon, "
    "répondez « non »."
)
NO_ADDRESS_AGAIN = "Toujours pas d'adresse e-mail ici : répondez « non » si vous n'en laissez pas."


def no_address_at_email_question(dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any] | None:
    """At the e-mail question, words with no sign of an address (round 29, r29-a-29, r29-a-11: "vous me rappelez quand
    exactement ?", "ah non attendez plutôt jeudi, demain j'ai l'ophtalmo", "et donc c bon pour jeudi ?" got "Cette
    adresse ne semble pas complète", the case kept the Tuesday he could not take): the moment of the call changed once
    the case is stored (saved again and said), a question on when they call answered, anything else said to hold no
    address; never judged as an address. None when another reading (a moment kept before the case) comes first."""
    if tracker.get_slot("requested_slot") != "email":
        return None
    words = tracker.latest_message.get("text") or ""
    if tracker.get_slot("case_reference"):
        moved = moment_corrected_after_case(dispatcher, tracker)
        if moved is not None:
            return {"email": None, **{e["name"]: e["value"] for e in moved if e.get("event") == "slot"}}
        if asks_when_they_call(words) or _WHEN_CALLED.search(fold(words).lower()):
            slots = tracker.slots
            promise = callback_promise(services.chamber(), slots)
            dispatcher.utter_message(text=MOMENT_KEPT.format(promise=promise, reference=slots["case_reference"]))
            return {"email": None}
    if moment_said_with(words) or callback_time(words):
        return None  # a moment said before the case is stored: kept for the time question below
    # Said once already (the simulator, seed 20261201: a place put right twice at this question got the same two
    # sentences twice): the short word.
    again = already_said(tracker, NO_ADDRESS_IN_WORDS)
    dispatcher.utter_message(text=NO_ADDRESS_AGAIN if again else NO_ADDRESS_IN_WORDS)
    return {"email": None}


# "vous me rappelez quand ?", "c'est bon pour jeudi ?": when the call comes, asked.
_WHEN_CALLED = re.compile(
    r"\b(?:(?:rappel\w*|appel\w*) quand|quand (?:est-ce qu'?|est ce qu'?)?(?:on|vous|il|elle|le conseiller) "
    r"(?:me |m')?(?:rappel|appel)\w*|c(?:'est| est)? bon pour|ca marche pour|c(?:'est| est)? ok pour)\b"
)


def email_put_right_said(dispatcher: CollectingDispatcher, tracker: Tracker, events: list[EventType]) -> None:
    """An address kept this turn whose provider's domain was put right ("@gmial.com" -> "@gmail.com"): said first, so
    that the person can correct it (round 29, r29-a-22: the slip kept as the only contact, never questioned)."""
    kept = [e.get("value") for e in events if e.get("event") == "slot" and e.get("name") == "email"]
    if not kept or not isinstance(kept[-1], str) or kept[-1] == value_before_latest_message(tracker.events, "email"):
        return
    text = email_put_right_text(kept[-1], user_messages(tracker.events))
    if text and not already_said(tracker, text):
        said = CollectingDispatcher()
        said.utter_message(text=text)
        dispatcher.messages.insert(0, said.messages[0])


# An address whose domain has no ending ("kevin.platre@gmail").
_NO_ENDING = re.compile(r"^\s*[^@\s]+@([a-z0-9-]+)\s*[.!]?\s*$", re.IGNORECASE)


# The kind of line chosen between numbers given ("plutôt le fixe", "sur le portable de préférence").
_LINE_CHOSEN = re.compile(
    r"^(?:(?:plutot|de preference|prioritairement|surtout|mais|et|ok|oui)[ ,]+)*(?:sur |au |a )?(?:le |mon |ma )?"
    r"(?P<line>fixe|ligne fixe|portable|mobile|tel portable|bureau)\b(?:[ ,]+(?:plutot|de preference|c'est mieux))?[ ,.!]*"
)


def line_chosen_at_time_question(tracker: Tracker) -> tuple[str, str] | None:
    """At the time question, a line chosen by its kind between two numbers given ("plutôt le fixe le matin"): the
    number of that kind, when it is not the one kept, and the words left (the moment). None otherwise."""
    if tracker.get_slot("requested_slot") != "callback_slot":
        return None
    words = tracker.latest_message.get("text") or ""
    folded = " ".join(fold(words).replace("\u2019", "'").split())
    chosen = _LINE_CHOSEN.match(folded)
    kept = tracker.get_slot("phone")
    if not chosen or not kept or phones_in(words):
        return None
    landline = chosen.group("line") in ("fixe", "ligne fixe", "bureau")
    given = [number for text in user_messages(tracker.events)[:-1] for number in phones_in(text)]
    fitting = [
        number
        for number in dict.fromkeys(given)
        if (number[3] in "67" if number.startswith("+33") else None) is (not landline)
    ]
    if len(fitting) != 1 or fitting[0] == normalise_phone(kept):
        return None
    # The moment in the artisan's own spelling: the words after as many words as the choice took.
    taken = len(folded[: chosen.end()].split())
    return fitting[0], " ".join(" ".join(words.split()).split()[taken:]).strip(" ,.!")


# "pardon, Nicolas", "oups c'est Nicolas", "Nicolas pardon", "non, Nicolas": a name typed again just after the name.
_NAME_AGAIN = re.compile(
    r"^(?:(?:pardon|oups?|oops|dsl|d[ée]sol[ée]e?|non|euh|erreur|faute de frappe|je me suis tromp[ée]e?|"
    r"correction)[ ,.!:]+)+(?:c'est |c’est |je voulais dire |plut[ôo]t )?(?P<name>[^\d,.!?]+?)[ .!]*$"
    r"|^(?P<before>[^\d,.!?]+?)[ ,]+(?:pardon|dsl|d[ée]sol[ée]e?|oups?|plut[ôo]t)[ .!]*$",
    re.IGNORECASE,
)


def name_put_right_at_phone(tracker: Tracker) -> str | None:
    """The first name typed again at the phone question, said as a correction of the one just given ("Nicolaa", then
    "pardon, Nicolas"); None otherwise (a number, a name that is the one kept, no name before)."""
    stored = tracker.get_slot("contact_name")
    words = " ".join((tracker.latest_message.get("text") or "").split())
    if tracker.get_slot("requested_slot") != "phone" or stored in (None, SKIPPED) or re.search(r"\d", words):
        return None
    said = _NAME_AGAIN.match(words)
    if not said:
        return None
    named = first_name_said(said.group("name") or said.group("before"))
    if not named or fold(named) == fold(str(stored)) or len(named.split()) > 3:
        return None
    return named


def kept_for_other_questions(
    slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
) -> dict[str, Any] | None:
    """An answer that fits another contact question ("demain matin" to the e-mail question, an address to the
    phone question) is kept for that question, said so, and this question is asked again: never lost, never
    stored as this one's answer. None: the words are this question's answer alone (its validator reads them)."""
    words = tracker.latest_message.get("text")
    if (
        value == SKIPPED
        and slot == "email"
        and tracker.get_slot("requested_slot") == slot
        and phone_of_stored_case(tracker)
    ):
        # "non, mais c'est Marc qu'il faut demander, Léa c'est moi" (round 19, r19a-08): no address, and the name put right.
        renamed = name_asked_for(words)
        if renamed and renamed != tracker.get_slot("contact_name"):
            dispatcher.utter_message(text=NAME_NOW_ASKED.format(renamed))
            return {slot: SKIPPED, "contact_name": renamed}
    renamed_after_a_no = name_after_no_at_question(slot, dispatcher, tracker) if slot == "email" else None
    if renamed_after_a_no is not None:
        return renamed_after_a_no
    if value == SKIPPED or tracker.get_slot("requested_slot") != slot:
        return None
    found = contact_answers(tracker.latest_message.get("text"))
    if slot in ("email", "callback_slot") and not found and phone_of_stored_case(tracker) and not says_a_moment(words):
        # "ah au fait mon nom c'est Nathalie Roux" at the e-mail or time question once the case is stored (round 11,
        # r11a-22): the name corrected and said back, never stored as the address or the time; the question stays.
        renamed = name_corrected(tracker, words)
        if renamed:
            dispatcher.utter_message(text=NAME_NOW_ASKED.format(renamed))
            return {slot: None, "contact_name": renamed}
    others = {name: answer for name, answer in found.items() if name != slot}
    if "phone" in others and phone_of_stored_case(tracker):
        # Once the case is stored, a number at another question is validate_phone's to read (a correction, or a
        # relative's number added: round 9, r9a-08); never this question's answer, nor said noted twice.
        others.pop("phone")
        if not others:
            return {slot: None}
    if not others:
        place = place_named_at_contact_question(tracker)
        if place is None:
            return None
        dispatcher.utter_message(text=place_noted(place))
        return {slot: None, **place}
    if slot == "phone" and "email" in others and "phone" not in found and prefers_writing(words):
        # "pas de téléphone, écrivez-moi à ...": the address answers the question; the advisor writes.
        return {"phone": SKIPPED, **email_instead_of_phone(words, dispatcher)}
    given = contact_given_with(words) if slot == "contact_name" else {}
    # "Kader. 0783456789 mardi 10h" at the name question (round 19, r19a-11: the time dropped, asked again).
    if (
        given.get("callback_slot")
        and "callback_slot" not in others
        and _open_for("callback_slot", tracker.get_slot("callback_slot"))
    ):
        others["callback_slot"] = given["callback_slot"]
    choice = preferred_phone(words) if "phone" in others else None
    if choice and choice[1]:
        others["phone"] = choice[0]
        rest = {name: answer for name, answer in others.items() if name != "phone"}
        if rest:
            dispatcher.utter_message(text=noted_for_other_questions(rest, tracker.get_slot("departement")))
        say_numbers_kept(dispatcher, words)
    else:
        if slot == "phone" and "phone" not in found and any(char.isdigit() for char in words or ""):
            # "zero six, 78 45 12 09 33 plutot le soir apres 18h" (round 22, r22a-04: the moment said noted, the number
            # asked again without a word on it): what is wrong with the number is said too.
            problem = number_problem_text(words or "", value)
            others = moment_out_of_hours_said(others, dispatcher, tracker)
            if others:
                dispatcher.utter_message(text=noted_for_other_questions(others, tracker.get_slot("departement")))
            dispatcher.utter_message(text=problem)
            dispatcher.messages[-1][ASKED_SLOT_KEY] = "phone"
            return {slot: None, **others}
        dispatcher.utter_message(text=noted_for_other_questions(others, tracker.get_slot("departement")))
    if slot != "phone" and "email" in others and "phone" not in found and prefers_writing(words):
        # "je préfère pas donner mon tel, vous pouvez m'écrire à ..." at the name question (round 29, r29-a-10: the
        # number asked after, the artisan had to refuse it again): the address answers for the number too.
        others = {**others, "phone": SKIPPED}
    if slot == "contact_name":
        if declines_a_name_in_a_clause(words):
            # "pas de prenom. juste mon mail : ..." (round 20, r20b-12: stored "Juste"): the name declined, the address kept.
            return {slot: SKIPPED, **others}
        # "Sophie 06 11 22 33 44": the name beside the number is this question's answer; with a time after the number
        # too ("Kader. 0783456789 mardi 10h", round 19, r19a-11: the name was asked again, then stored empty).
        return {slot: name_beside_contact(words) or given.get("contact_name"), **others}
    return {slot: found.get(slot), **others}


def name_after_no_at_question(slot: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any] | None:
    """ "non, Jean-Marc" at a question asked once the case is stored with another name (round 25: read as no e-mail, or
    as a place): the name put right and said so, the question asked again (the form saves the case with it). None
    otherwise."""
    stored = tracker.get_slot("contact_name")
    if tracker.get_slot("requested_slot") != slot or not phone_of_stored_case(tracker) or stored in (None, SKIPPED):
        return None
    name = name_after_a_plain_no(tracker.latest_message.get("text"))
    if not name or name == stored:
        return None
    dispatcher.utter_message(text=NAME_NOW_ASKED.format(name))
    return {slot: None, "contact_name": name}


AS_SOON_AS_POSSIBLE = "dès que possible"  # what a skip of the time question stores (bot/domain/handoff.yml)


def moment_out_of_hours_said(
    others: dict[str, Any], dispatcher: CollectingDispatcher, tracker: Tracker
) -> dict[str, Any]:
    """A moment said before its question when no hour the advisors call fits it ("plutot le soir apres 18h" at the
    number question): said at once, without its question (the time question comes in its turn), never "j'ai noté"
    (round 22, r22a-04: noted, and refused only once the case was saved). ``others`` without it then."""
    moment = others.get("callback_slot")
    if not isinstance(moment, str) or moment in (SKIPPED, AS_SOON_AS_POSSIBLE):
        return others
    out = hours_refusal(moment, tracker.get_slot("departement"))
    if out is None or already_said(tracker, out.split(" : ")[0] + " :", prefix=True):
        return others
    limit = re.sub(r"\s*[^.?!]*\?\s*$", "", out).strip()
    dispatcher.utter_message(text=f"{limit} {OTHER_MOMENT_LATER}")
    return {name: answer for name, answer in others.items() if name != "callback_slot"}


_DIGIT_RUN = re.compile(r"\+?\d(?:[\s.-]?\d)*")


def cut_from_a_longer_number(value: Any, words: str) -> bool:
    """The extracted number is only the start of a longer run of digits the artisan typed ("06 12 34 56 78 90 12")."""
    if not isinstance(value, str):
        return False
    kept = re.sub(r"\D", "", value)
    runs = (re.sub(r"\D", "", run.group()) for run in _DIGIT_RUN.finditer(words))
    return bool(kept) and any(kept in run and len(run) > len(kept) for run in runs)


_CONTACT_BEFORE_MOMENT = ("health_consent", "contact_name", "phone", "email")


def kept_moment_checked(dispatcher: CollectingDispatcher, tracker: Tracker, events: list[EventType]) -> list[EventType]:
    """A moment said before its question ("je voudrais qu'on me rappelle l'après-midi" in the first message), checked
    against the hours once the contact questions are answered and the place is known: when no hour fits it, said once,
    with the hours, and another moment asked, as at the time question (round 18, r18a-12: in Guadeloupe the bot chose
    11 h for her, and the case kept "l'après-midi"). ``events`` as they were otherwise."""
    answered = tracker.get_slot("requested_slot")  # the question this turn answered (as save_progress reads it)
    following = next(
        (e.get("value") for e in reversed(events) if e.get("event") == "slot" and e.get("name") == "requested_slot"),
        "unchanged",
    )
    kept = tracker.get_slot("callback_slot")
    if (
        answered not in _CONTACT_BEFORE_MOMENT
        or following in (*_CONTACT_BEFORE_MOMENT, "unchanged")
        or not isinstance(kept, str)
        or kept in (SKIPPED, AS_SOON_AS_POSSIBLE)
        or not has_phone(tracker.slots)
        or any(e.get("event") == "slot" and e.get("name") == "callback_slot" for e in events)
    ):
        return events
    out = hours_refusal(kept, tracker.get_slot("departement"))
    if out is None or already_said(tracker, out.split(" : ")[0] + " :", prefix=True):
        return events
    # The hours already said when the moment came (round 23, r23b-05: noted_for_other_questions says them at once and
    # promises this question): only the question now, not the hours twice.
    hours_told = any(
        e.get("event") == "bot" and (e.get("text") or "").endswith(OTHER_MOMENT_LATER) for e in tracker.events
    )
    dispatcher.utter_message(text=MOMENT_IN_THOSE_HOURS if hours_told else out)
    dispatcher.messages[-1][ASKED_SLOT_KEY] = "callback_slot"  # the form's question: not asked again (bot/form_asks.py)
    tracker.slots["callback_slot"] = None
    kept_events = [e for e in events if not (e.get("event") == "slot" and e.get("name") == "requested_slot")]
    return [*kept_events, SlotSet("callback_slot", None), SlotSet("requested_slot", "callback_slot")]


def day_kept_from_refused_moment(moment: str, tracker: Tracker) -> str:
    """An hour said with no day just after a day and hour refused as out of the hours: the day said before stays with
    it (round 24, r24a-12: "jeudi 17h30 ?" refused, then "16h45 alors" was promised "au plus tard le mardi", the
    Thursday lost). ``moment`` as said when it names a day itself, or when nothing was refused just before."""
    wish = CallbackPreference.read(moment)
    names_a_day = wish.weekday is not None or wish.days_ahead is not None or wish.day_of_month is not None or wish.now
    if names_a_day or (wish.at is None and wish.part is None and wish.window is None):
        return moment
    before = user_messages(tracker.events)[:-1]
    said = CallbackPreference.read(before[-1]) if before else None
    if said is None or said.weekday is None or said.other_weekdays:
        return moment
    out = hours_refusal(before[-1], tracker.get_slot("departement"))
    if out is None or not already_said(tracker, out.split(" : ")[0] + " :", prefix=True):
        return moment
    return f"{WEEKDAYS_FR[said.weekday]} {_YES_OPENING.sub('', moment).strip()}"


def moment_within_hours(moment: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any]:
    """The time of the call, when some hour the advisors call fits it. Otherwise ("après 14h heure d'ici" in
    Martinique, where the calls end at 12 h; "mardi 17h30" where they end at 17 h: rounds 13 and 14, an hour the
    artisan had ruled out or could not take was promised) it is said once, with the hours, and another moment asked;
    said again, the moment is kept and the promise gives the nearest hour with why. A moment said before its question
    is kept as said: the promise says plainly what the advisors can do instead."""
    out = hours_refusal(moment, tracker.get_slot("departement"))
    if out is None or already_said(tracker, out.split(" : ")[0] + " :", prefix=True):
        return {"callback_slot": moment}
    dispatcher.utter_message(
        text=crisis_actions.line_beside_a_refused_moment(out, tracker, moment)
    )  # round 24, r24c-02
    if tracker.get_slot("requested_slot") == "callback_slot" and phone_of_stored_case(tracker) is not None:
        # "après 18h c'est mieux" (round 23, r23a-04): the sentence ends with "À quel autre moment ... ?"; the form's
        # own time question after it asked the same thing twice in one reply. (A case saved this turn says so after
        # this sentence: the form's question then ends the reply.)
        dispatcher.messages[-1][ASKED_SLOT_KEY] = "callback_slot"
    return {"callback_slot": None}


# Words about the call itself: a moment said with them at the offer is when to call ("oui mais c'est moi qu'il faut
# appeler, et pas entre midi et deux", round 12: asked again at the time question), not a date of the difficulty.
_CALL_WORDS = re.compile(r"\b(?:appel\w*|rappel\w*|joindre|joignable|dispo|disponible)\b")


# A moment said with the yes as a constraint on the call ("oui mais pas avant mardi", "pas avant 10h", "plutôt le soir",
# "ce soir vers 19h c'est possible ?", round 12, r12c-09, r12c-13: asked again, the case said "dès que possible"), never
# a date of the difficulty ("oui, l'audience est lundi": no such word, and _NOT_THE_CALL in moment_said_with).
_MOMENT_CONSTRAINT = re.compile(
    r"\b(?:pas (?:avant|apres|le|la|ce|cette|ces|entre|demain|lundi|mardi|mercredi|jeudi|vendredi|samedi)|plutot|"
    r"de preference|idealement|a partir d[eu]|sauf|vers|entre|seulement|uniquement|que l[ea] |apres|avant|"
    r"(?:c'?(?: )?est|ca serait|ce serait|serait-ce) (?:possible|mieux|bien|ideal)|je prefere|je prefererais|ca m'arrange)\b"
)
# The words of a yes opening the answer ("oui mais", "ok alors"), left out of the time kept.
_YES_OPENING = re.compile(
    r"^(?:(?:oui|ouais|ouai|ok|okay|d'accord|daccord|dac|volontiers|bien sur|avec plaisir|je veux bien|allez|si|"
    r"bon|mais|alors|par contre|euh|heu|ben|bah)\b[\s,.!…]*)+",
    re.IGNORECASE,
)


def wish_with_the_yes(tracker: Tracker, words: str | None, kept: Mapping[str, Any]) -> dict[str, Any]:
    """The time of the call said with a yes to the offer or to the consent, kept for the time question: with words about
    the call ("je voudrais qu'on m'appelle plutot le soir", round 11, r11b-04; "oui appelez-moi demain matin", round
    26: lost at the consent and asked again) or as a constraint ("oui mais pas avant mardi"), the yes left out."""
    if tracker.get_slot("requested_slot") not in ("wants_advisor", "consent_given") or "callback_slot" in kept:
        return {}
    return moment_with_change_of_mind(tracker.slots, words)


# What opens a moment said with a yes and is no part of it: the request itself ("appelez-moi", "svp").
# "vous pourriez me rappeler jeudi", "qu'on m'appelle mais pas ce soir, demain" (round 28, r28-a-04, r28-a-22: the request
# was stored with the moment, and the case's slot read « qu'on m'appelle mais pas ce soir, demain »).
_BEFORE_THE_MOMENT = re.compile(
    r"^(?:(?:svp|stp|s'il vous pla[iî]t|r?app?ell?ez[- ]moi|(?:vous )?(?:pouvez|pourriez)(?:[- ]vous)? "
    r"m(?:e |')(?:r?app?eler|recontacter|contacter|t[ée]l[ée]phoner)|on peut m'app?eler|"
    r"(?:je (?:veux|voudrais) bien |j'aimerais (?:bien )?|je pr[ée]f[èe]re )?(?:qu'on|que vous) m'app?ell?(?:e|iez)|"
    r"(?:je (?:veux|voudrais) bien |j'aimerais (?:bien )?)?(?:qu'on|que vous) me (?:r?app?ell?(?:e|iez)|contact(?:e|iez))|"
    r"mais|et|alors)\b[\s,.!?]*)+",
    re.IGNORECASE,
)


def moment_with_change_of_mind(slots: Mapping[str, Any], words: str | None) -> dict[str, Any]:
    """The time of the call said with a yes after a refusal ("bon si, mais pas avant mardi après-midi": round 18,
    r18b-13, the moment lost and the case promised Monday 8 h), as at the offer (``wish_with_the_yes``); {} otherwise."""
    if not _open_for("callback_slot", slots.get("callback_slot")):
        return {}
    about_the_call = asks_for_callback(words) or _CALL_WORDS.search(fold(words or ""))
    wish = moment_wished(words) if about_the_call else moment_with_the_yes(words)
    # "oui appelez-moi demain matin", "oui svp demain aprem": the moment, without the yes and the request before it.
    wish = _BEFORE_THE_MOMENT.sub("", _YES_OPENING.sub("", wish)).strip(" ,.?") if wish else None
    # "appelez moi lundi vers 10h, c'est Nathalie" (round 28, r28-a-04): the name said last is no part of the moment.
    wish = _NAME_SAID_LAST.sub("", wish).strip(" ,.") if wish else None
    if wish:
        # "re bonjour, j'ai réfléchi, finalement oui rappelez-moi, plutôt demain en fin de journée" (round 28, r28-a-15):
        # the clauses before the first that says a moment are the greeting and the request, no part of it.
        clauses = re.split(r"(?<=[,;.!])\s+", wish)
        first = next((index for index, clause in enumerate(clauses) if callback_time(clause.strip(" ,;.!"))), 0)
        wish = _BEFORE_THE_MOMENT.sub("", " ".join(clauses[first:])).strip(" ,.") or wish
    return {"callback_slot": wish} if wish else {}


_NAME_SAID_LAST = re.compile(
    r"[,;.!]\s*(?:(?:moi\s+)?c'?\s?est\s+(?!\S*\s*(?:mieux|bien|urgent|pareil|possible|ok|bon)\b)[A-ZÀ-Ý]\S*"
    r"(?:\s+[A-ZÀ-Ý]\S*)?|je m'appelle\s+\S+(?:\s+\S+)?)\s*[.!]*$"
)


def moment_with_the_yes(text: str | None) -> str | None:
    """The constraint on the moment said with a yes to the offer ("oui mais pas avant mardi, lundi je suis a rungis"
    -> "pas avant mardi, lundi je suis a rungis"); None when the moment said is not about the call."""
    if not text:
        return None
    alone = callback_time(_YES_OPENING.sub("", " ".join(text.split())))
    if alone and _YES_OPENING.match(" ".join(text.split())):
        return alone  # "oui svp demain aprem", "ouais demain matin c mieux": a yes, then only a moment (round 26)
    if not _MOMENT_CONSTRAINT.search(fold(text)):
        return None
    wish = moment_wished(text)
    if not wish:
        return None
    kept: list[str] = []
    for part in re.split(r"[,;]", wish):
        clause = _YES_OPENING.sub("", " ".join(part.split())).strip(" ,.")
        if clause and (kept or _MOMENT_CONSTRAINT.search(fold(clause))):
            kept.append(clause)
    return ", ".join(kept) or None


def moment_wished(text: str | None) -> str | None:
    """The wish for the time of the call in an answer, as said: the words when they say only a moment, else the clauses
    that name one ("oui le soir c'est mieux", "je préfère pas lundi", "quand vous voulez mais pas le matin"); None when
    none does, or when the words carry a warning sign (the crisis path reads them, never the time question); a moment
    only the distress classifier read as one ("le soir apres 18h c mieux pour moi", round 27, D17) is the moment."""
    if not text or (find_signs(text) and not read_as_distress_by_the_model_only(text)):
        return None
    text = " ".join(_GOOD_WISHES.sub(" ", text).split()).strip(" ,;.!-")
    if not re.search(r"\w", text):
        return None
    found = callback_time(text) or moment_said_with(text) or _moment_only_then(text)
    return with_day_refused(text, found)


# "seulement", "uniquement", "que le": a moment said as the only one the call may come.
_ONLY_THEN = re.compile(r"\b(?:seulement|uniquement|que (?:le|la|l')|juste (?:le|la|l'))\b")


def _moment_only_then(text: str) -> str | None:
    """The clause saying the only moment the call may come, when the sentence after it reads as the situation ("bon ok
    par tel mais le lundi seulement, le salon est fermé le lundi": round 24, r24a-07, no moment kept, and "À quel moment
    ?" asked after the e-mail; "je vous ai dit, le lundi")."""
    for clause in re.split(r"[,;.!?\n]+", text):
        if _ONLY_THEN.search(fold(clause)):
            found = callback_time(clause) or moment_said_with(clause)
            if found:
                return found
    return None


# A farewell is never a time (round 19, r19a-07: "merci. bonne soirée" at the time question got "les conseillers ne
# peuvent pas vous appeler le soir"): a good wish for a part of the day or a day, "à ce soir" said to take leave.
_GOOD_WISHES = re.compile(
    r"\b(?:bonn?e?s?|excellente?)\s+(?:fin\s+d[e'’]\s*|d[ée]but\s+d[e'’]\s*)?(?:soir[ée]e|journ[ée]e|nuit|matin[ée]e|"
    r"apr[èe]s[- ]?midi|aprem|week[- ]?end|we|semaine|dimanche|lundi|mardi|mercredi|jeudi|vendredi|samedi)\b",
    re.IGNORECASE,
)


_DAY_REFUSED = re.compile(
    r"\b(?:pas|sauf|hors|excepte|jamais|surtout pas)(?: le| les)? (?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
)


def with_day_refused(text: str, wish: str | None) -> str | None:
    """The wish with the clause that refuses a day, when the reading of the moment left it out ("l'après midi après
    14h ... mais pas le mercredi c'est mon jour de fermeture": round 14, r14b-02, the "fermeture" made the clause read as
    the situation and the day was lost from the case)."""
    if not wish:
        return wish
    refused = CallbackPreference.read(text).excluded_weekday
    if refused is None or CallbackPreference.read(wish).excluded_weekday == refused:
        return wish
    clauses = [" ".join(part.split()).strip(" ,-") for part in re.split(r"[.;!?\n]+", text)]
    said = [clause for clause in clauses if clause and _DAY_REFUSED.search(fold(clause)) and clause not in wish]
    return " ; ".join([wish, *said])[:200] if said else wish


def wish_with_the_request(tracker: Tracker) -> list[EventType]:
    """The time said with the request that started the handoff ("je voudrais qu'on m'appelle plutot le soir" at an
    intake question, round 11, r11b-04: the case had no time): kept for the time question. [] otherwise (the form
    already asking, a time already kept, no request or no moment in the words)."""
    words = tracker.latest_message.get("text")
    if tracker.get_slot("requested_slot") is not None or tracker.get_slot("callback_slot") is not None:
        return []
    if tracker.get_slot("wants_advisor") is not True or not asks_for_callback(words):
        return []
    wish = moment_wished(words)
    if not wish:
        return []
    tracker.slots["callback_slot"] = wish  # what the next question is computed from
    return [SlotSet("callback_slot", wish)]


def say_numbers_kept(dispatcher: CollectingDispatcher, words: str | None) -> None:
    """Which of several numbers is kept, said once in the turn (two validators may read the same message)."""
    choice = preferred_phone(words)
    if choice and not choice[1] and corrected_numbers(words):
        # "06 01 02 03 04 non attendez 06 01 02 03 05 c'est ça ?" (round 9, r9b-14): the corrected one, said back.
        text = f"Je garde le {display_phone(choice[0])}, le numéro que vous avez corrigé."
        if all(message.get("text") != text for message in dispatcher.messages):
            dispatcher.utter_message(text=text)
        return
    if not choice or not choice[1]:
        return
    text = numbers_kept_text(*choice)
    if all(message.get("text") != text for message in dispatcher.messages):
        dispatcher.utter_message(text=text)


def moment_kept_for_later(slot: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any]:
    """A time for the call said among other words at a contact question ("non merci. vous pouvez m'appeler le matin
    pendant qu'il est au labo", at the e-mail question): kept for the time question, and said so. Round 7 asked the
    time again, and stored "le matin, je viens de vous le dire". {} when there is none or one is already kept."""
    if tracker.get_slot("requested_slot") != slot or tracker.get_slot("callback_slot") not in (None, SKIPPED):
        return {}
    words = tracker.latest_message.get("text")
    moment = moment_said_with(words)
    if moment and phones_in(words) and _NUMBER_INSTRUCTION.search(fold(moment)):
        # A number given or put right with a sentence about it ("ah non oubliez ce numero je rentre demain, prenez mon
        # portable 06 ...": round 27, r27-b-13, the sentence became the moment and the time question was never asked):
        # only a clause that says nothing but a moment is one. A constraint said with the number ("06 ... mais pas entre
        # 12h et 14h il est a la maison") stays the moment.
        clauses = re.split(r"[,;.!?\n]|\+?\d[\d .-]*\d", words or "")
        moment = next((found for found in map(callback_time, clauses) if found), None)
    if not moment:
        return {}
    return moment_noted(dispatcher, tracker, moment)


# Words about the number itself: how to take it, replace it, forget the other one.
_NUMBER_INSTRUCTION = re.compile(rf"\b(?:{'|'.join(NUMBER_INSTRUCTIONS)})\b")


def moment_said_instead_of_a_number(words: str) -> bool:
    """A moment for the call and no number, nor an address, nor digits that could be one ("06 12 34 le soir")."""
    return bool(moment_wished(words)) and not DIGIT_RUN.search(words) and not contact_answers(words).get("email")


def moment_noted(dispatcher: CollectingDispatcher, tracker: Tracker, moment: str) -> dict[str, Any]:
    """A moment said before its question, said noted and kept for it; one no hour of the advisors fits, the hours said."""
    departement = tracker.get_slot("departement")
    dispatcher.utter_message(text=noted_for_other_questions({"callback_slot": moment}, departement))
    if moment_out_of_hours(moment, departement):
        # "plutôt le matin avant l'ouverture, vers 7h" at the e-mail question (round 23, r23c-01, r23c-09): the hours
        # said with "Je vous demanderai ensuite un autre moment", then the moment kept and never asked again; it is
        # not kept, so the time question comes in its turn as promised.
        return {"callback_slot": None}
    return {"callback_slot": moment}


_NO_ADDRESS = re.compile(r"\b(?:pas|plus|aucune?|jamais eu)\s+(?:d'|d’|de |d )?(?:e-?mail|mail|adresse|courriel)s?\b")
WRITTEN_INSTEAD = "Merci, j'ai noté votre adresse ({}) : le conseiller vous écrira."


def email_instead_of_phone(text: str | None, dispatcher: CollectingDispatcher) -> dict[str, Any]:
    """The address given at the phone question, instead of a number: kept and said so; {} when there is none."""
    email = contact_answers(text).get("email")
    if email is None:
        return {}
    dispatcher.utter_message(text=WRITTEN_INSTEAD.format(email))
    return {"email": email}


def name_after_reminder(text: str | None) -> str | None:
    """ "je vous ai dit, Olivier", "comme je l'ai dit : Nadia" -> the name after the reminder; "Lucas je vous ai dit",
    "Nadia, je vous l'ai déjà dit" (round 9, r9b-11: not taken) -> the name before it; None otherwise."""
    words = " ".join((text or "").split())
    rest = _WORDS_BEFORE_A_NAME.sub("", words)
    if rest == words:
        rest = _REMINDER_AFTER_A_NAME.sub("", words)
    if rest == words or not rest:
        return None
    # "je vous l'ai dit au debut, Kévin" (round 26, r26b-06): when it was said is no part of the name.
    rest = _WHEN_SAID_FIRST.sub("", rest.strip(" .!,;:")).strip(" .!,;:")
    if not rest:
        return None
    return first_name_said(rest) or first_name_said(rest.title() if rest.islower() and len(rest.split()) <= 2 else "")


# When the answer was said, before the name said again: "au début, Kévin", "dans mon premier message : Kévin".
_WHEN_SAID_FIRST = re.compile(
    r"^(?:(?:au debut|au début|plus haut|tout a l'heure|tout à l'heure|tt a l'heure|avant|hier|deja|déjà|"
    r"dans (?:mon|le|votre) (?:premier |1er )?message|la premiere fois|la première fois|en premier)[\s,.;:!…-]*)+",
    re.IGNORECASE,
)


# Round 19 (r19z-02, r19a-11): "je viens de vous le donner", "jvien de vous le dire", "je vous l'ai déjà écrit", "c'est
# déjà fait", "vous l'avez déjà", "voir plus haut": the answer said to be given already. Never a name.
_ALREADY_GIVEN = re.compile(
    r"\bj'?(?: )?(?:e )?vien[st]? (?:juste )?de (?:vous |te )?(?:le |l'|l )?(?:dire|di|donner|donne|ecrire|marquer|mettre|taper)\b|"
    r"\bj'?(?: )?(?:e )?(?:vous |te )?(?:l'|l |le |l(?=ai ))?(?:ai|avais|e) (?:deja |juste )?(?:dit|di|donne|ecrit|marque|mis|tape)\b|"
    r"\bdeja (?:dit|di|donne|ecrit|marque)\b|\bc'?(?: )?(?:est|e) deja (?:fait|dit|donne)\b|\bvous l'?(?: )?(?:avez|avé|ave) deja\b|"
    r"\b(?:voir|cf|regardez|lisez|relisez|c'?(?: )?est) (?:plus haut|au-dessus|au dessus)\b|\bcomme (?:dit|deja dit)\b"
)
# "nimporte", "peu importe", "comme vous voulez" (round 19, r19a-13: "nimporte" stored as the name): no name, whatever.
_ANY_NAME = re.compile(
    r"^(?:(?:bah|ben|bof|euh|oh|ok|bon)[ ,]+)*(?:n'?(?: )?importe(?: (?:quoi|lequel|comment))?|peu importe|ca m'?(?: )?est egal|"
    r"comme (?:vous|tu) (?:voulez|veux|voulez hein)|ce que vous voulez|osef|on s'?(?: )?en fout|qu'?(?: )?importe)[\s.!]*$"
)
# The words of a sentence, never of a name ("je viens de vous le donner" was the case's name, round 19, r19z-02).
_SENTENCE_WORDS = frozenset(
    [
        "je",
        "j'",
        "j",
        "jvien",
        "jviens",
        "jai",
        "vous",
        "tu",
        "nous",
        "on",
        "me",
        "m'",
        "te",
        "ai",
        "avez",
        "as",
        "suis",
        "viens",
        "vien",
        "dit",
        "di",
        "donne",
        "ecrit",
        "deja",
        "rien",
        "importe",
        "nimporte",
        "quoi",
        "sais",
        "pas",
        "ne",
        "n'",
        "plus",
        "voulez",
        "veux",
        "faut",
        "fait",
        "dessus",
        "au-dessus",
        "haut",
    ]
)
NAME_NOT_FOUND = "Pardon, je ne retrouve pas votre prénom dans vos messages."


def reminds_given(text: str | None) -> bool:
    """Whether the answer says it was given already ("kader jvien de vous le dire", "je viens de vous le donner")."""
    folded = " ".join(fold(text or "").replace("’", "'").split())
    return bool(folded) and len(folded.split()) <= 12 and bool(_ALREADY_GIVEN.search(folded))


def name_beside_reminder(text: str | None) -> str | None:
    """The name said with the reminder, before or after it ("kader jvien de vous le dire", "je vous l'ai dit : Nadia");
    None when the reminder names nobody."""
    named = name_after_reminder(text)
    if named and not not_a_name(named):
        return named
    words = " ".join((text or "").replace("’", "'").split())
    folded = fold(words)
    said = _ALREADY_GIVEN.search(folded)
    if not said:
        return None
    for side in (words[: said.start()], words[said.end() :]):
        part = re.sub(
            r"^(?:(?:bah|ben|bon|euh|mais|oui|alors|c'est|c est|cest|c|moi c'est)[ ,:]+)+",
            "",
            _WHEN_SAID_FIRST.sub("", side.strip(" ,.;:!-…")),
            flags=re.I,
        ).strip(" ,.;:!-…")
        if not part or len(part.split()) > 2 or set(fold(part).split()) & (_SENTENCE_WORDS | _WHEN_SAID):
            continue  # "je vous l ai deja donné au debut" (round 20, r20b-14: stored "Au Debut")
        name = first_name_said(part) or first_name_said(part.title() if part.islower() else "")
        if name:
            return name
    return None


# When a reminder says the name was given ("au début", "tout à l'heure", "plus haut"): no part of a name.
_WHEN_SAID = frozenset({"debut", "heure", "haut", "avant", "hier", "deja", "fois", "premier", "message"})
_NO_THEN_MORE = re.compile(
    r"^\W*(?:non|nan|ah non)\b[\s,.;!…-]*(?:(?:au fait|en fait|pardon|plutot|enfin)\b[\s,.;!…-]*)*", re.I
)


# Words that name nobody, said alone or cut out of a sentence at the name question.
_NO_NAME_WORDS = _WHEN_SAID | {"juste", "seulement", "au", "le", "la", "l", "du", "c", "est", "c'est", "a"}


def name_after_a_no(words: str | None) -> str | None:
    """ "non. au fait c est Mr Lambert": the name said after a no that opens the answer; None when no name follows."""
    opened = _NO_THEN_MORE.match(fold(words or ""))
    if not opened or opened.end() >= len(words or ""):
        return None
    rest = (words or "")[opened.end() :].strip()
    name = first_name_said(rest)
    return None if not name or only_a_title(name) or not_a_name(name) else name


# "Bonjour, Francois Dupuis, ebeniste ..." (round 20, r20b-14: the name was missed, then "au début" stored as it).
_GREETING_THEN_NAME = re.compile(
    r"^\s*(?i:bonjour|bonsoir|salut|allo|hello)\b[\s,!.]+(?P<cue>(?i:(?:je suis|c'est|c est|moi c'est|moi c est|ici)\s+))?"
    r"(?P<name>(?:M\.?|Mr|Mme|Monsieur|Madame)?\s*[A-ZÀ-Ý][a-zà-ÿ'-]+(?:\s+[A-ZÀ-Ý][A-Za-zà-ÿ'-]+)?)\s*[,.;:!]"
)


def name_after_greeting(words: str | None) -> str | None:
    """The name said right after a greeting and before a comma ("Bonjour, Francois Dupuis, ébéniste"); never a place,
    a title alone nor an ordinary word."""
    said = _GREETING_THEN_NAME.match(words or "")
    if not said:
        return None
    name = first_name_said(said.group("name"))
    if not said.group("cue") and len(said.group("name").split()) < 2:
        return None  # "Bonjour, Urgent." : one word alone is too often no name
    from places.text import normalise

    place = resolve(said.group("name"), typos=False)
    if (
        not name
        or only_a_title(name)
        or not_a_name(name)
        or (
            place.found and place.commune is not None and normalise(place.commune.name) == normalise(said.group("name"))
        )
    ):
        return None
    return name


def declines_a_name_in_a_clause(words: str | None) -> bool:
    """ "pas de prénom. juste mon mail : ...": one clause of the answer declines the name."""
    return any(declines_a_name(clause) for clause in re.split(r"[.;,!?:]+", words or "") if clause.strip())


def name_said_earlier(tracker: Tracker) -> str | None:
    """The name the artisan gave earlier in the conversation, latest first ("elle voudrait qu'on la rappelle oui, mais
    c'est moi qui gère, je m'appelle Lucie"; "Kader. 0783456789 mardi 10h"): what a reminder at the name question
    points to. None when no earlier message names anyone."""
    earlier = user_messages(tracker.events)[:-1]
    for index in range(len(earlier) - 1, -1, -1):
        said = earlier[index]
        name = (
            name_after_greeting(said)
            or person_to_call(said, earlier[:index])
            or name_in_so_many_words(said)
            or relative_named(said)
            or contact_given_with(said).get("contact_name")
            or name_put_right(said)
        )
        if name and not set(fold(name).split()) & _SENTENCE_WORDS:
            return name
    return None


def name_reminded(words: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any] | None:
    """At the name question, an answer that is no name (round 19): a reminder ("kader jvien de vous le dire", "je viens
    de vous le donner") is the name said with it, else the name said earlier in the conversation, else the question
    again; an indifference ("nimporte", "peu importe") is the name said earlier, else the question passed. Never the
    words themselves. None for any other answer."""
    if tracker.get_slot("requested_slot") != "contact_name" or declines_a_name(words):
        return None  # "j'ai dit sans nom": the name declined, passed as before
    if reminds_given(words):
        named = name_beside_reminder(words)
        if named:
            return {"contact_name": named}
        named = name_said_earlier(tracker)
        if named:
            # Said back: the name found earlier may be the wrong one of two, and can be put right.
            dispatcher.utter_message(text=f"Merci {named}, c'est noté.")
            return {"contact_name": named}
        dispatcher.utter_message(text=NAME_NOT_FOUND)
        return {"contact_name": None}
    if _ANY_NAME.match(" ".join(fold(words).replace("’", "'").split())):
        named = name_said_earlier(tracker)
        if named:
            dispatcher.utter_message(text=f"Merci {named}, c'est noté.")
        return {"contact_name": named or SKIPPED}
    return None


# A yes opening the answer, as typed ("oui, mais ...", "ouai mé ...", "ok ...", "d'accord ...").
_YES_OPENING_AN_ANSWER = re.compile(
    r"^(?:(?:ben|bah|bon|alors|euh)[ ,]+)?(?:oui+|ouais?|ouai+s?|ouep|wi|ui|ok|okay|d'?accord|dac|bien sur|volontiers|"
    r"tout a fait|avec plaisir)\b"
)


def yes_naming_whom_to_call(slot: str, tracker: Tracker) -> dict[str, Any]:
    """A yes to the callback offer or the consent that names the person to call, under an intent no mapping takes ("oui,
    mais il faut appeler ma mère, Sylvie, au 04 79 33 22 11 ; moi je suis sa fille" read as overwhelm, "ouai mé c mon pere
    ki fo rapelé pa moi, il s'apel Gérard" read as a request: round 19, r19a-14, r19a-03, the question came again and
    the name and number had to be given again): the yes, for the validator, which keeps the rest. {} otherwise, and
    always with a warning sign (the crisis path's)."""
    if tracker.get_slot("requested_slot") != slot or slot in tracker.slots_to_validate():
        return {}
    words = tracker.latest_message.get("text") or ""
    # A warning sign is the crisis path's; the model's level-3 reading alone of such an answer is not (r19a-14: "moi je
    # suis sa fille" read as ambiguous distress), and the triage keeps it for the case whatever the answer.
    signs = [sign for sign in find_signs(words) if sign.level < 3 or not sign.rule.startswith("model:")]
    if not _YES_OPENING_AN_ANSWER.match(fold(words).strip()) or signs or refuses_callback(words):
        return {}
    if not (
        contact_given_with(words) or person_to_call(words) or name_in_so_many_words(words) or relative_named(words)
    ):
        return {}
    return {slot: True}


NAME_AT_PHONE_QUESTION = "Merci, c'est noté : le conseiller demandera {}."
NAME_NOW_ASKED = "C'est corrigé : le conseiller demandera {}."


def name_typed_for_number(tracker: Tracker, words: str | None) -> str | None:
    """A name typed at the phone question, with no digit ("Mme Vidal", "Bernadette"), when no other name is kept (round
    19, r19b-06: the name question had been skipped, and the name was refused as a number). None otherwise."""
    if tracker.get_slot("requested_slot") != "phone" or not words or "?" in words or any(c.isdigit() for c in words):
        return None
    if "@" in words:
        return None
    name = first_name_said(words, tracker.latest_message.get("entities") or [])
    if not name or names_nobody(name) or not_a_name(name) or only_a_title(name):
        return None
    kept = tracker.get_slot("contact_name")
    if kept not in (None, SKIPPED) and fold(kept) != fold(name):
        return None  # another name kept: which is meant is not for this question to guess
    return name


def not_a_name(name: str | None) -> bool:
    """A sentence or an indifference kept where a name was asked ("je viens de vous le donner", "nimporte")."""
    folded = fold(name or "").replace("’", "'")
    return bool(_ANY_NAME.match(folded)) or bool(set(re.split(r"[\s']+|(?<=')", folded)) & _SENTENCE_WORDS)


def _names_a_place(words: str) -> bool:
    """The whole answer names a place: one town, or a name several towns bear ("Villeneuve", "Saint-Denis")."""
    resolution = resolve(words, typos=False)
    return resolution.found or resolution.ambiguous


def _namesakes_said(tracker: Tracker, words: str) -> dict[str, Any] | None:
    """ "Villeneuve" said alone while no place is known (round 21, r21y-06): the towns of that name, for the place
    question to choose between; the extractor rarely tags such a name."""
    if tracker.get_slot("departement") not in (None, SKIPPED) or not resolve(words, typos=False).ambiguous:
        return None
    update, _ = place_update(words, {})
    return update if update.get("place_choices") else None


def place_named_at_contact_question(tracker: Tracker) -> dict[str, Any] | None:
    """The place slots for a town named at a contact question ("à Arras" at the e-mail question) while no place
    is known (not asked yet, or passed). Digits are never read as a place here (a phone number's were), and a
    place already known stays."""
    text = tracker.latest_message.get("text") or ""
    if any(char.isdigit() for char in text) or tracker.get_slot("departement") not in (None, SKIPPED):
        return None
    # "Villeneuve" (round 21, r21y-06): the towns of that name kept for the place question to choose between.
    return place_in_answer(tracker, entity_kinds=("town",), namesakes=True)


# Words said before a name at the name question, left out of it.
_WORDS_BEFORE_A_NAME = re.compile(
    r"^(?:(?:bah|ben|bon|euh|mais|oui|alors)[ ,]+)*(?:(?:comme )?je (?:vous )?(?:l'|l’)?ai (?:d[ée]j[àa] )?dit|je l'ai dit|"
    r"comme je (?:vous )?(?:le )?disais|"
    # "c said" (SMS for "c'est Saïd", round 7: stored "c said").
    # "c est nolwenn" (round 16: "Est Nolwenn").
    r"c'est|c’est|c est|cest|c|moi c'est|moi c est|moi|je suis|vous pouvez dire|dites|"
    # "demandez Carla", "demandez plutôt Mme Roux" (round 19, r19c-13: the request was stored with the name).
    r"(?:il faut |faut |vous pouvez )?demand(?:ez|er)(?: plut[ôo]t| directement)?)[ ,:]+",
    re.IGNORECASE,
)
# The writer's role said before the name ("c'est moi le patron, Marcel", "moi la gérante : Josiane").
_ROLE_BEFORE_A_NAME = re.compile(
    r"^(?:(?:bah|ben|bon|euh|mais|oui|alors)[ ,]+)*(?:c'est |c’est |c est |cest |je suis )?(?:moi[ ,]+)?(?:le |la |l'|l’)"
    r"(?:patron(?:ne)?|g[ée]rante?|cheffe?(?: d'entreprise)?|responsable|proprio|propri[ée]taire|titulaire|boss|"
    r"dirigeante?|artisane?)(?: de (?:la |l'|l’)?boite| de l'entreprise| de la boutique)?(?:[ ,:]+(?:et )?"
    r"(?:je m'appelle |je m’appelle |moi c'est |c'est |mon nom c'est |mon pr[ée]nom c'est )?|$)"
    r"|^(?:c'est|c’est|c est|cest) moi\s*[,:]\s*",  # "c'est moi, Kader"
    re.IGNORECASE,
)


def whole_compound(name: str | None, words: str) -> str | None:
    """The name as typed when it is a part of a compound first name said ("Ange-Marie", whose "Marie" the extractor
    took alone: round 28, r28-a-16, the advisor would have asked for Marie and got a man)."""
    if not name or " " in name:
        return name
    for compound in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)+", words or ""):
        parts = compound.split("-")
        if name in parts and compound != name and all(part[:1].isupper() for part in parts):
            return compound
    return name


# A reminder after the name ("Lucas je vous ai dit", "Nadia, je vous l'ai déjà dit !", "Paul comme je disais").
_REMINDER_AFTER_A_NAME = re.compile(
    r"[\s,;:.!-]+(?:(?:comme )?je (?:vous )?(?:l'|l’|le )?(?:ai|avais) (?:d[ée]j[àa] )?dit|comme je (?:vous )?(?:le )?disais|"
    r"je (?:vous )?(?:l'|l’)?ai (?:d[ée]j[àa] )?[ée]crit|d[ée]j[àa] dit)[\s.!…]*$",
    re.IGNORECASE,
)
NO_NAME_YET = "Pardon, je n'ai pas saisi votre prénom."
# A hesitation opening an answer: "euh", "bah", "hmm", "alors", with what punctuation follows.
_HESITATION_FIRST = re.compile(r"^\s*(?:(?:eu+h+|heu+|bah|ben|hm+|alors|euh+ alors)\b[\s,.…]*)+", re.IGNORECASE)
TIME_STILL_ASKED = "Pardon, je n'ai pas trouvé de moment dans votre réponse."
OWN_MOMENT_ASKED = (
    "Dites-moi alors le moment qui vous arrange, avec vos mots : un jour, une heure. "
    "Vous pouvez aussi répondre « dès que possible »."
)
# "None of the moments offered", in the words people use for the buttons they do not want.
_NONE_OF_THE_MOMENTS = re.compile(
    r"^(?:non\b[ ,.]*)?(?:aucune?\b|ni l'un ni l'autre|ni l un ni l autre|rien de tout|pas ces? (?:moments?|horaires?|creneaux?))"
)
_BARE_NOES = frozenset({"non", "nan", "non merci", "pas de preference", "non pas de preference"})
MOMENT_IN_THOSE_HOURS = "À quel moment, dans ces horaires, peuvent-ils vous joindre ?"
NUMBER_NOT_READ = "Je n'ai pas reconnu ce numéro. Pouvez-vous l'écrire ainsi : 06 12 34 56 78 ?"
FOREIGN_NUMBER_NOT_READ = "Je n'ai pas reconnu ce numéro étranger. Pouvez-vous le vérifier, avec l'indicatif du pays (par exemple +44 7911 123456) ?"
TITLE_ONLY = "Merci. Sous quel nom le conseiller peut-il vous demander, par exemple « Mme Martin » ?"
NUMBER_UNKNOWN = "Ce numéro ne semble pas exister. Pouvez-vous le vérifier ?"
NUMBER_IS_A_YES = "Merci, je comprends que vous voulez qu'un conseiller vous appelle."
NUMBER_OF_RELATIVE = "Merci, je comprends que vous voulez qu'un conseiller appelle {who}."
WRITE_TO_YOU = (
    "C'est possible : un conseiller peut vous écrire plutôt que vous appeler. "
    "Si vous le souhaitez, donnez-moi votre adresse e-mail."
)


def write_to_you_text(chamber: Chamber) -> str:
    """The request to be written to, answered: the address asked; the chamber's own, for writing first."""
    own = f" Vous pouvez aussi écrire à la chambre : {chamber.email}." if chamber.email else ""
    return WRITE_TO_YOU + own


FAREWELL_AT_OFFER = "Merci à vous, au revoir."
NUMBER_ASKED_LATER = "Ce numéro semble incomplet : je vous le redemanderai, par exemple sous la forme 06 12 34 56 78."
# Round 17 (r17a-16): eleven digits were told "incomplet". {} is "un chiffre de trop" or "des chiffres en trop".
NUMBER_TOO_LONG_ASKED_LATER = (
    "Ce numéro semble avoir {} : je vous le redemanderai, par exemple sous la forme 06 12 34 56 78."
)
NUMBER_TOO_LONG = "Ce numéro semble avoir {}. Pouvez-vous l'écrire ainsi : 06 12 34 56 78 ?"
NUMBER_TOO_LONG_AT_THE_NAME = "Je vous demande le numéro juste après ; celui-ci semble avoir {}."


NUMBER_TOO_SHORT = "Je n'ai lu que {} chiffres, il en faut 10. Pouvez-vous l'écrire ainsi : 06 12 34 56 78 ?"
_SHORT_ATTEMPT = re.compile(r"(?<![\d/])0[1-9](?:[\s.-]?\d){3,7}(?![\d/])")


def number_missed_at_the_name(name: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """A name kept with a number typed beside it that is none ("Sébastien, mon numéro 04 91 23 45 6": round 24,
    r24a-02, the name kept and "À quel numéro ?" asked as if no number had been typed): what is wrong with it is said,
    as at the number question, and stands for that question."""
    words = tracker.latest_message.get("text") or ""
    if (
        not isinstance(name, str)
        or name == SKIPPED
        or tracker.get_slot("requested_slot") != "contact_name"
        or tracker.get_slot("phone")
        or phones_in(words)
        or not (wrong_number(words) or too_many_digits(words))
        or any(message.get(ASKED_SLOT_KEY) for message in dispatcher.messages)
    ):
        return
    dispatcher.utter_message(text=number_problem_text(words))
    dispatcher.messages[-1][ASKED_SLOT_KEY] = "phone"


def number_problem_text(words: str, value: Any = None) -> str:
    """What is wrong with a number not kept, in one short sentence that asks it again: unknown, digits too many, how
    many digits were read when too few (round 22, r22b-05: "06 45 78 12 3" got "Je n'ai pas reconnu ce numéro")."""
    if number_unknown(words) or number_unknown(value if isinstance(value, str) else None):
        return NUMBER_UNKNOWN
    too_long = too_long_text(NUMBER_TOO_LONG, words)
    if too_long:
        return too_long
    short = [re.sub(r"\D", "", match.group()) for match in _SHORT_ATTEMPT.finditer(phone_digits(words))]
    if len(short) == 1:
        return NUMBER_TOO_SHORT.format(len(short[0]))
    return NUMBER_NOT_READ


def too_long_text(template: str, words: str | None) -> str | None:
    """The template said of the digits in excess of a number typed, or None when none is too long."""
    extra = too_many_digits(words)
    return template.format(digits_too_many_said(extra)) if extra else None


def number_asked_later(words: str | None) -> str:
    """Why a number typed before its question is asked again: a digit missing, or some too many."""
    return too_long_text(NUMBER_TOO_LONG_ASKED_LATER, words) or NUMBER_ASKED_LATER


NUMBER_UNKNOWN_ASKED_LATER = "Ce numéro ne semble pas exister : je vous le redemanderai, pour le vérifier."
NUMBER_KEPT_AS_GIVEN = "Merci, je garde le {} tel que vous me l'avez redonné."
PHONE_HESITATION = (
    "Prenez votre temps : sans numéro, le conseiller ne pourra pas vous rappeler, mais vous pouvez aussi "
    "répondre « passer »."
)


# A no taken back in the same breath ("non... enfin si, autant en parler", "non euh si", "nan attendez oui je veux bien",
# round 12, r12c-16: read as a refusal and the handoff ended): a yes.
_NO_TAKEN_BACK = re.compile(
    r"^\W*(?:non|nan|no|bof)\b[\s.,…!]*(?:(?:euh+|heu+|enfin|en fait|finalement|attendez|attends|pardon|ah|oh|bon|"
    r"si|mais|non)\b[\s.,…!]*)*?(?:enfin|en fait|finalement|attendez|attends|pardon|euh+|heu+|mais|bon)\b[\s.,…!]*"
    r"(?:si|oui|ouais|ok|d'accord|daccord|je veux bien|allez-y|allez|pourquoi pas|volontiers)\b(?! pas)"
)
# A no about calling the person concerned, then a request for oneself ("non pas elle, elle saurait que j'ai écrit. mais
# moi vous pouvez m'appeler ?", round 12, r12c-12: "personne ne vous appellera"): a yes, the writer to be called.
_NOT_THEM_BUT_ME = re.compile(
    r"^\W*(?:non|nan|surtout pas|pas)\b[^?]*?\bpas (?:elle|lui|ma femme|mon mari|ma mere|mon pere|mon fils|ma fille|"
    r"ma compagne|mon compagnon|mon epouse|mon epoux)\b.*\b(?:m'?(?: )?(?:appel|rappel|contact|joindre)\w*|"
    r"me (?:rappel|appel|contact|joindre)\w*|(?:appelez|rappelez|contactez)[- ]moi)"
)


# Round 18 (r18b-09): "pas lui il voudra jamais. moi oui" to the callback offer, a daughter for her father at risk, was
# read as a refusal ("personne ne vous appellera"). The other person's no, then the writer's own yes ("moi oui", "moi je
# veux bien"), or the writer's yes first ("moi oui, pas lui"): a yes, the writer to be called.
_ME_YES = (
    r"moi,? (?:oui|ouais|si|ok|d'?accord|je veux bien|volontiers|avec plaisir|pourquoi pas|ca me va|"
    r"vous pouvez|appelez|rappelez)\b(?! pas)"
)
_THEM_NO_ME_YES = re.compile(
    rf"(?:\b(?:lui|elle|eux|il|mon pere|ma mere|mon mari|ma femme|mon fils|ma fille)\b[^?]{{0,80}}?\b{_ME_YES}|"
    rf"^\W*{_ME_YES})(?![^?]*\b(?:plus tard|pas maintenant|pas ce soir|pas tout de suite|pas aujourd'?hui)\b)"
)
_ME_NOT = re.compile(r"\bmoi,? (?:non|nan|pas|jamais|je (?:ne )?veux pas)\b")


def no_then_yes(words: str | None) -> bool:
    """Whether a no opening the answer is taken back, or said of someone else than the writer who asks for the call."""
    folded = fold(" ".join((words or "").split()))
    if _THEM_NO_ME_YES.search(folded) and not _ME_NOT.search(folded):
        return True
    return bool(_NO_TAKEN_BACK.search(folded) or _NOT_THEM_BUT_ME.search(folded))


# What a question says when it is about the call itself ("vous pouvez m'appeler ?", "ce soir c'est possible ?"): no
# question to answer from the knowledge base, the form's questions take it.
_ABOUT_THE_CALL = re.compile(
    r"\b(?:appel\w*|rappel\w*|joindre|joignable|dispo\w*|numero|telephone|tel|portable|conseiller|quand|heure|possible)\b"
)
_ASKS = re.compile(
    r"\b(?:dites[- ]moi|expliquez[- ]moi|comment|pourquoi|combien|quel(?:le)?s?|est[- ]ce qu|il existe|il y a pas|"
    r"y a[- ]t[- ]il|je (?:voulais|voudrais|veux) (?:juste |seulement |aussi )?savoir|ma question|je peux|on peut|"
    r"peut[- ]on|puis[- ]je|faut[- ]il)\b"
)


def question_after_yes(text: str | None) -> str | None:
    """The question asked with a yes to the offer ("oui mais d'abord dites moi comment je recupere l'argent de mes
    clients", "oui. et il existe pas un pret ou une aide pour racheter un four ?", round 12, r12c-05, r12c-15: never
    answered, "je n'ai pas bien compris" when asked again): the words after the yes; None when the yes comes alone
    or the question is about the call (the form's own questions answer it)."""
    words = " ".join((text or "").split())
    first, *rest = re.split(r"[,;.!?]|\s(?:mais|et)\s", words, maxsplit=1)
    if not rest or answer_kind(first) != YES:
        return None
    question = _YES_OPENING.sub("", rest[0].strip(" ,.;")).strip()
    folded = fold(question)
    if not question or ("?" not in question and not _ASKS.search(folded)):
        return None
    if _ABOUT_THE_CALL.search(folded) or says_a_moment(question) or find_signs(question):
        return None
    return question


def answer_after_yes(dispatcher: CollectingDispatcher, tracker: Tracker, words: str | None) -> None:
    """A question said with the yes answered first, briefly (a first step from the knowledge base), then the form."""
    question = question_after_yes(words)
    if not question:
        return
    # A step already given that speaks of the question first (the artisan's own situation), else a new one.
    given = answer_to_question(tracker, question)
    if given == question_reply(services.chamber()):
        given = answer_to_business_question(tracker, question) or given
    dispatcher.utter_message(text=given)


YES_NO_SLOTS = ("wants_advisor", "consent_given", "health_consent")
# What takes a yes back or narrows it ("oui mais pas les détails", "oui sauf le nom de la maladie", "oui enfin non").
_YES_NARROWED = re.compile(
    r"\b(?:mais|sauf|seulement si|a condition|a part|non|enfin|pas (?:la peine|besoin|necessaire|trop|le detail|les details|"
    r"tout)|ne (?:le |la |les |l'|me )?(?:mettez|notez|marquez|ecrivez|dites|transmettez|mentionnez|parlez|gardez)|"
    r"(?:mettez|notez|marquez|ecrivez|dites|mentionnez|gardez)[- ]?(?:le|la|les)? pas|(?:je )?(?:ne )?(?:prefere|veux|"
    r"souhaite|voudrais) (?:pas|plutot pas|plus)|plutot pas|evitez|de cote|je (?:ne )?sais pas|j'hesite)\b"
)


def yes_with_its_reason(words: str | None) -> bool:
    """A yes opening the answer, then why or what it means ("oui mettez le, c'est la santé du patron pas la mienne",
    "d'accord, il faut que le conseiller le sache"), which the classifier read as a no or a pass: a yes. Never one
    narrowed or taken back ("oui mais pas les détails", "oui enfin non"), a question, or the call refused."""
    text = " ".join((words or "").split())
    if not text or "?" in text or takes_back_callback(text):
        return False
    first, *rest = re.split(r"[,;.!:]|\s(?:car|parce que|puisque|vu que|comme)\s", text, maxsplit=1)
    if answer_kind(first) != YES or len(first.split()) > 6:
        return False
    return not _YES_NARROWED.search(fold(" ".join([first, *rest])).replace("\u2019", "'"))


# Where a yes may start once what it answers is made clear: after a stop, a colon or a comma, with "mais", "et", "donc"
# opening it ("c'est la santé de la patronne pas la mienne. oui vous pouvez le mettre").
_CLARIFIED = re.compile(r"[.;!:,\n]+\s*(?:(?:mais|et|donc|alors|bon|ben|bah)\b[\s,]*)?")


def yes_after_clarification(words: str | None) -> bool:
    """A yes said after the words that make clear what it answers ("c'est la santé de la patronne pas la mienne. oui
    vous pouvez le mettre", "c'est pour mon mari pas pour moi, mais ok notez-le"): a yes, the "pas" of the
    clarification refusing nothing (round 14, r14a-11: read as a refusal, the health information was lost). Never after
    a no or a hesitation, nor a yes narrowed or taken back, a question, or the call refused."""
    text = " ".join((words or "").split())
    if not text or "?" in text or takes_back_callback(text):
        return False
    for stop in _CLARIFIED.finditer(text):
        before, rest = text[: stop.start()], text[stop.end() :]
        if not before.strip() or not yes_with_its_reason(rest):
            continue
        folded = fold(before).replace("\u2019", "'")
        return answer_kind(before) not in (NO, HESITATION) and not _YES_NARROWED.search(folded)
    return False


# A yes to the health question said in other words than intake.answers reads as one ("pas de souci", "vous pouvez").
_HEALTH_YES_WORDS = re.compile(
    r"\b(?:pas de (?:souci|soucis|probleme|problemes)|aucun (?:souci|probleme)|sans (?:souci|probleme)|vous pouvez|"
    r"tu peux|mettez|mets le|notez|note le|allez y|vas y|si vous voulez|je veux bien|ca marche|entendu|bien sur|"
    r"tout a fait|absolument|carrement|pourquoi pas|je suis d accord|d accord|ok|oui|ouais)\b"
)


# The health detail agreed to in so many words, as an order to put it in ("vous pouvez mettre que je suis épuisée",
# "mettez-le", "pour la santé c'est oui"): never negated ("vous pouvez pas le mettre", "ne mettez pas"), never asked.
_HEALTH_PUT_IN = re.compile(
    r"^(?:(?:oui|ouais|ok|bon|alors|si|bah|ben|d'accord)\b[\s,.!]*)*(?:vous pouvez (?:bien |tout a fait )?(?:le |l')?"
    r"(?:mettre|noter|ecrire|indiquer|preciser|dire)|mettez(?:-le| le)?|notez(?:-le| le)?|ecrivez(?:-le| le)?|"
    r"indiquez(?:-le| le)?)\b|\bpour (?:la|ma|sa) sante,? (?:c'?(?:est|etait) |je (?:dis|disais) )?(?:oui|ok|d'accord)\b"
)


def health_put_in(words: str | None) -> bool:
    """The health detail agreed to in words that tell to put it in the case (see _HEALTH_PUT_IN)."""
    folded = " ".join(fold(words or "").replace("’", "'").split())
    return bool(folded) and "?" not in folded and bool(_HEALTH_PUT_IN.search(folded))


# A no that only puts the moment of the call right: "non", "ah non", "non en fait", then "plutôt" or the moment.
_NO_THEN_ANOTHER_MOMENT = re.compile(
    r"^(?:(?:ah|oh|euh|bah|ben|hmm)\s*,?\s*)?non\b[\s,.!]*(?:(?:en fait|finalement|pardon|attendez|plutot|mais|"
    r"c est|ce serait|ca serait|ca sera)\b[\s,]*)+"
)


def time_put_right(words: str | None) -> bool:
    """ "ah non en fait plutôt lundi matin c'est mieux", "non plutôt le soir après 18h": a moment for the call put
    right, never a refusal of it. "non je ne veux pas qu'on m'appelle le matin" is no such correction."""
    from intake.facts import fold

    folded = fold(words or "").replace("'", " ").replace("’", " ")
    folded = " ".join(folded.split())
    found = _NO_THEN_ANOTHER_MOMENT.match(folded)
    return bool(found and says_a_moment(folded[found.end() :]) and not re.search(r"\bpas\b", folded[found.end() :]))


def moment_put_right(words: str) -> str:
    """The new moment of "ah non en fait plutôt mardi matin ce serait mieux": "plutôt mardi matin ce serait mieux"."""
    rest = re.sub(
        r"^\W*(?:(?:ah|oh|euh|bah|ben|hmm)\W*)?non\b[\s,.!]*(?:(?:en fait|finalement|pardon|attendez|mais)\b[\s,]*)*",
        "",
        words.strip(),
        flags=re.IGNORECASE,
    )
    return moment_said_with(rest) or rest


def read_yes_no(value: Any, tracker: Tracker, slot: str | None = None) -> bool | None:
    """True or False when the artisan answered yes or no; None for anything else.

    The intent gave `value` (True/False), or the words themselves (text); the words win when they say
    a hesitation ("pas encore", classified as a no): a hesitation is never a refusal.
    """
    if isinstance(value, bool) and slot and tracker.get_slot("requested_slot") != slot:
        # An answer given earlier, validated again when the form starts: the latest words answer
        # something else ("attendez mon client arrive" after a refusal is no hesitation about it).
        return value
    words = tracker.latest_message.get("text")
    if slot in ("wants_advisor", "consent_given") and yes_without_a_name(words):
        # "oui mais je ne veux pas donner mon nom" (round 19, r19a-12: read as a refusal): the name passed. Read before
        # a skip: "ok mais je prefere pas donner mon prenom" (round 26, r26b-18) passes the name, not the call.
        return True
    if slot in ("wants_advisor", "consent_given") and is_skip(words):
        # "passer": every question can be skipped; skipping the offer or the consent gives none (said truly,
        # with the way back, by action_finish_handoff).
        return False
    if slot in ("wants_advisor", "consent_given") and no_then_yes(words):
        return True  # "non... enfin si", "non pas elle, mais moi vous pouvez m'appeler ?"
    if slot == "wants_advisor" and tracker.get_slot("requested_slot") == slot and asks_for_callback(words):
        # "appelez moi", "rappelez-moi demain" to "Voulez-vous qu'un conseiller vous rappelle ?" (round 28, r28-a-23:
        # read as no intent, "Je n'ai pas bien compris" twice): the plainest yes there is.
        return True
    if slot == "consent_given" and accepts_in_words(words):
        return True  # "finalement si, j'accepte", "je veux être rappelé ! oui j'accepte" (round 17, r17a-16/17)
    if name_put_right(words) and name_at_question(tracker, slot):
        return None  # a name put right ("Kevin. enfin non, Kévin"): its "non" refuses nothing
    said = answer_kind(words)
    if said in (HESITATION, CORRECTION):
        return None  # "ah non c'est la Somme": a fact corrected, nothing refused
    if slot in ("wants_advisor", "consent_given") and said == NO and time_put_right(words):
        # "ah non en fait plutôt lundi matin c'est mieux" after "plutôt entre midi et deux" (make run, 2026-12-05, a son
        # for his father at risk: read as a refusal, "personne ne vous appellera", no case): the time put right, the
        # call still wanted; the moment is noted and the question asked again.
        return None
    if said == NO and is_waiting(words) and not is_no_for_now(words):
        return None  # "non attendez": a pause to think, not a refusal ("non pas pour l'instant, je vais voir": a no)
    # "il a pas de salarié non" reads as no yes or no (round 28, make run): the fact denied is no refusal either.
    if slot in ("wants_advisor", "consent_given") and said in (NO, OTHER) and no_to_another_question(words):
        # "non pas de date limite, mais sans mes outils je ne bosse plus" (round 18, r18b-16: "je ne transmets rien"):
        # a no about the situation, said noted by say_neither; the call is asked about again.
        return None
    if said == OTHER and name_at_question(tracker, slot):
        return None  # "Paul" read as a yes or a no by the classifier: a first name says neither
    if value is False and slot in YES_NO_SLOTS and said == YES and yes_with_its_reason(words):
        return True  # "oui mettez le, c'est la santé du patron pas la mienne" (round 13, r13b-04: read as a pass)
    if value is not True and slot in YES_NO_SLOTS and said == OTHER and yes_after_clarification(words):
        return True  # "c'est la santé de la patronne pas la mienne. oui vous pouvez le mettre" (round 14, r14a-11)
    if slot == "health_consent" and value is not False and health_put_in(words):
        return True  # "vous pouvez mettre que je suis crevé oui" (round 19, r19c-11, r19c-15: asked again, never kept)
    if value is True and slot == "health_consent" and said != YES and not _HEALTH_YES_WORDS.search(fold(words or "")):
        # Round 16 (r16a-09): "c est sylvie, sa femme" read as affirm (0.63) stored the health consent. Health data need
        # a clear yes in the words; the classifier's yes alone, a name or a role, is no consent: the question stays.
        return None
    if (
        value is True
        and slot in ("wants_advisor", "consent_given")
        and said == OTHER
        and is_closing(words)
        and not asks_for_callback(words)
    ):
        # "jvous dis que jdois y aller" read as affirm (round 18, r18a-04: the data consent came next): a goodbye, with
        # no yes in the words, never a yes to the call.
        return None
    if isinstance(value, bool):
        return value
    if said == YES:
        return True
    if said == NO:
        return False
    return None


NO_DEADLINE_NOTED = "Merci, c'est noté : pas d'échéance proche."


def no_deadline_at_question(tracker: Tracker, slot: str) -> dict[str, str]:
    """{"deadline": NO_DEADLINE} when the answer to the yes/no question ``slot`` says there is no date and no deadline
    is known yet; {} otherwise."""
    from intake.facts import NO_DEADLINE, says_no_date

    if tracker.get_slot("requested_slot") != slot or tracker.get_slot("deadline") not in (None, SKIPPED):
        return {}
    words = tracker.latest_message.get("text")
    # "aucune date encore, mais le bailleur nous menace" (round 17) tells a difficulty: said noted for the advisor.
    said = says_no_date(words, services.chamber_today()) and not tells_a_difficulty(words)
    return {"deadline": NO_DEADLINE} if said else {}


def yes_or_no(value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, slot: str) -> dict[str, Any]:
    """A yes/no question's slot from the answer; neither: said so, and the question stays. A first name given
    instead ("Paul" to "Voulez-vous qu'un conseiller vous rappelle ?") is kept for the name question."""
    decision = read_yes_no(value, tracker, slot)
    place = place_at_yes_no_question(tracker, slot) if decision is None else None
    if place is not None:
        # "Lille" to "Voulez-vous qu'un conseiller vous rappelle ?": the place, kept for its question.
        hesitant = slot == "wants_advisor" and answer_kind(tracker.latest_message.get("text")) == HESITATION
        dispatcher.utter_message(text=f"{place_noted(place)} {ADVISOR_ROLE}" if hesitant else place_noted(place))
        return {slot: None, **place}
    if decision is None:
        given = contact_at_health_question(tracker, slot)
        if given:
            # "06.12.34.56.79", "plutôt le soir après 18h", "Jean-Pierre 06 ..." to the health question (round 11, r11a-02,
            # r11a-14: "Je vous repose la question", "je n'ai pas bien compris"): after the consent, the details are kept
            # and said noted, and the health question stays (its answer alone lets health details into the case).
            dispatcher.utter_message(text=contact_noted_text(given))
            return {slot: None, **given}
        name = name_at_question(tracker, slot)
        if name:
            dispatcher.utter_message(text=name_noted_text(name, slot))
            return {slot: None, "contact_name": name}
        no_date = no_deadline_at_question(tracker, slot)
        if no_date:
            # "non pas de date" at the callback offer, the intake questions passed on the urgent path (round 33, r33-b:
            # "Je n'ai pas bien compris"): the no answers the deadline question, kept for the case; the offer stays.
            dispatcher.utter_message(text=NO_DEADLINE_NOTED)
            return {slot: None, **no_date}
        moment = moment_at_consent(tracker.latest_message.get("text")) if slot == "consent_given" else None
        if moment and tracker.get_slot("requested_slot") == slot:
            # "n'importe quand" to the consent question: when to call, kept for its question; no consent yet.
            noted = noted_for_other_questions({"callback_slot": moment})
            dispatcher.utter_message(text=f"{noted} Avant de noter vos coordonnées, j'ai besoin de votre accord.")
            return {slot: None, "callback_slot": moment}
        said_before_consent = (
            contact_answers(tracker.latest_message.get("text") or "")
            if slot in ("wants_advisor", "consent_given") and tracker.get_slot("requested_slot") == slot
            else {}
        )
        kept = {name: said_before_consent[name] for name in ("phone", "email") if said_before_consent.get(name)}
        beside = moment_beside_the_number(tracker.latest_message.get("text")) if kept.get("phone") else None
        if (
            beside
            and _open_for("callback_slot", tracker.get_slot("callback_slot"))
            and not moment_out_of_hours(beside, tracker.get_slot("departement"))
        ):
            # "06 ... plutôt le matin" before the consent (round 32, r32-c: the number kept, the moment lost): a clause
            # beside the number that names a moment is the time of the call, as contact_kept_for_later reads it; one
            # out of the advisors' hours is not kept, so the time question comes in its turn (as moment_noted does).
            kept["callback_slot"] = beside
        say_neither(dispatcher, tracker, slot)
        if kept:
            # "zéro six 71 22 48 90" before the consent (make run, 2026-12-05): no entity for a number said in words,
            # so nothing kept it and the phone question asked it again; kept for that question (forgotten on a no).
            return {slot: None, **kept}
    if decision is True:
        earlier = earlier_number_with_consent(tracker) if slot == "consent_given" else {}
        return {slot: True, **earlier, **name_with_yes(dispatcher, tracker, slot)}
    return {slot: decision}


def consent_said_before_text(chamber: Chamber) -> str:
    """The consent given before its question: taken, and what the question would have said of the data kept."""
    from actions.handoff import privacy_notice_url

    return (
        "Merci, c'est noté : vous êtes d'accord pour que je garde vos coordonnées et ce que vous m'avez dit. Seuls les "
        f"conseillers de la {chamber.name} le liront ; vos données sont effacées {chamber.retention_days} jours après "
        f"la fin de votre suivi ([tout savoir sur vos données]({privacy_notice_url()}))."
    )


def moment_at_consent(words: str | None) -> str | None:
    """The time of the call said at the consent question, alone ("n'importe quand") or in a sentence ("demain... ah non
    on est samedi, lundi 14h": round 19, r19c-03, answered "je n'ai pas bien compris" and lost): kept for its question,
    as that question would read it. Never a question's words, nor words with a number or an address (kept by
    yes_or_no for their own questions)."""
    if answer_kind(words) == QUESTION or mentions_contact(words):
        return None
    return callback_time(words) or moment_wished(words)


def reached_news(dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any] | None:
    """ "c'est bon il a rappelé, il est chez sa soeur" at the callback offer, or with no question pending, after the crisis
    path for someone close (round 15; read as request_human, or as a goodbye whose "c'est bon" is a yes): news, no
    request. Relief and the 3114 for later, the offer left open; a "not safe" answer becomes "safe without certainty",
    so the case does not keep "pas en sécurité" as the last word (make run s15-z5, s15-z6). None otherwise."""
    words = tracker.latest_message.get("text")
    if (
        tracker.get_slot("requested_slot") not in (None, "wants_advisor")
        or not tracker.get_slot("distress")
        or not tracker.get_slot("person_at_risk")
        or not person_reached(words)
        or asks_for_callback(words)
    ):
        return None
    dispatcher.utter_message(text=reached_reply())
    safer = {"safe_now": UNSURE} if tracker.get_slot("safe_now") == NOT_SAFE else {}
    return {"wants_advisor": None, **safer}


def yes_read_as_farewell(dispatcher: CollectingDispatcher, tracker: Tracker, slot: str) -> list[EventType]:
    """ "bon ok, c'est Laurent" to a yes/no question of the handoff, classified as a farewell: the yes, as the
    form's validation would have taken it (Rasa does not validate a form run as a follow-up), then the form."""
    news = reached_news(dispatcher, tracker) if slot == "wants_advisor" else None
    if news is not None:
        return [*(SlotSet(name, value) for name, value in news.items()), FollowupAction("handoff_form")]
    # "bon ok mais pas avant jeudi, je suis à la boutique à nettoyer" (round 32, r32-a): the moment said with the yes was
    # lost, and the urgent case promised a call the same day.
    answer = yes_as_the_form_takes_it(dispatcher, tracker, slot, tracker.latest_message.get("text") or "")
    return [*(SlotSet(name, value) for name, value in answer.items()), FollowupAction("handoff_form")]


def yes_as_the_form_takes_it(
    dispatcher: CollectingDispatcher, tracker: Tracker, slot: str, words: str
) -> dict[str, Any]:
    """A yes to the callback offer or the consent question that another action reads (a farewell, a new difficulty):
    the slots the form's validation would set, the name and the moment of the call said with it included."""
    answer: dict[str, Any] = {slot: True, **name_with_yes(dispatcher, tracker, slot)}
    if slot == "consent_given":
        answer["consent_at"] = datetime.now(timezone.utc).isoformat()
        wish = wish_with_the_yes(tracker, words, answer)  # "oui ok, plutôt demain matin" (round 26)
        answer.update(moment_noted(dispatcher, tracker, wish["callback_slot"]) if wish else {})
    else:
        # "ouais ok mais pas avant lundi", "oui mais dites moi d'abord comment ..." (round 12): the time kept for its
        # question, the question answered.
        answer.update(wish_with_the_yes(tracker, words, answer))
        answer_after_yes(dispatcher, tracker, words)
    return answer


def name_with_yes(dispatcher: CollectingDispatcher, tracker: Tracker, slot: str) -> dict[str, Any]:
    """ "bon ok, c'est Laurent" to a yes/no question of the handoff: the name the form would ask for later,
    kept and thanked for; {} when the yes came alone."""
    if slot not in ("wants_advisor", "consent_given") or tracker.get_slot("requested_slot") != slot:
        return {}
    if tracker.get_slot("contact_name"):
        return {}
    if yes_without_a_name(tracker.latest_message.get("text")):
        # "oui mais je ne veux pas donner mon nom" (round 19, r19a-12): the name question passed, said so.
        dispatcher.utter_message(text=CALL_WITHOUT_A_NAME)
        return {"contact_name": SKIPPED}
    name = name_after_yes(tracker.latest_message.get("text"), tracker.latest_message.get("entities") or [])
    if not name:
        return {}
    dispatcher.utter_message(text=f"Merci {name}.")
    return {"contact_name": name}


def place_at_yes_no_question(tracker: Tracker, slot: str) -> dict[str, Any] | None:
    """The place slots when the whole answer to this yes/no question is a place ("Lille", "à Arras"), as at the
    intake and contact questions (place_validation.place_in_answer). A correction ("non c'est la Somme") is
    said back by say_neither."""
    words = tracker.latest_message.get("text")
    # "je sais pas, à côté de Bastia" (round 17, r17a-18): a hesitation about the call, and the place said with it.
    if (
        tracker.get_slot("requested_slot") != slot
        or mentions_contact(words)
        or answer_kind(words) not in (OTHER, HESITATION)
    ):
        return None
    # "à Aix" (round 17, r17a-04: "je n'ai pas bien compris"): its communes wait for the place question.
    return place_in_answer(tracker, namesakes=True)


def name_at_question(tracker: Tracker, slot: str | None) -> str | None:
    """The first name the artisan gave in answer to this yes/no question, if that is what the words are."""
    if slot is None or tracker.get_slot("requested_slot") != slot:
        return None
    words = tracker.latest_message.get("text")
    if mentions_contact(words):
        return None  # a number or an address: their own questions keep them
    # "Kevin. enfin non mettez Kévin avec l'accent" (round 12, r12c-01: its "non" refused the call): the name put right.
    entities = tracker.latest_message.get("entities") or []
    deny = (tracker.latest_message.get("intent") or {}).get("name") == "deny"
    # "nolwenn" read as a no (round 16): a name beginning like a no says no more than "Paul" does.
    named = (
        name_put_right(words)
        or first_name_said(words, entities)
        or (name_read_as_a_no(words, entities) if deny else None)
    )
    return None if named and _town_not_a_name(named, tracker) else named


def _town_not_a_name(named: str, tracker: Tracker) -> bool:
    """ "Sarlat" at the consent question, the town of the first message (round 21, r21y-01: "Merci Sarlat.", stored as
    the name): a known town, or a town said before in the conversation, is never a first name given at a yes/no
    question."""
    from places.resolve import names_a_known_town

    if names_a_known_town(named):
        return True
    resolution = resolve(named, typos=False)
    if not resolution.found or resolution.commune is None:
        return False
    commune = tracker.get_slot("commune")
    if commune and fold(str(commune)) == fold(resolution.commune.name):
        return True
    key = fold(named)
    earlier = [fold(text) for text in user_messages(tracker.events)[:-1]]
    return resolution.departement == tracker.get_slot("departement") and any(
        re.search(rf"\b{re.escape(key)}\b", text) for text in earlier
    )


def name_noted_text(name: str, slot: str) -> str:
    """ "Merci Paul." and why the question stays: before the consent, nothing is noted without it."""
    if slot in ("wants_advisor", "consent_given"):
        return f"Merci {name}. Avant de noter vos coordonnées, j'ai besoin de votre réponse à ma question."
    if slot == "health_consent":
        return f"Merci {name}, c'est noté. {HEALTH_STILL_ASKED}"
    return f"Merci {name}, c'est noté."


# A yes to the call with no name given (round 19, r19a-12): possible, and said so; the advisor asks for nobody by name.
CALL_WITHOUT_A_NAME = "C'est possible : le conseiller peut vous appeler sans connaître votre nom."


# Said after contact details given at the health question: why it comes again, and what answers it (round 11).
HEALTH_STILL_ASKED = "Il me reste une question, à laquelle un oui ou un non suffit."


def contact_at_health_question(tracker: Tracker, slot: str) -> dict[str, str]:
    """The contact details the answer to the health question gives instead of a yes or a no, once the callback is
    consented to: a number, an address, a time for the call, and a name said with them. Only what their slots do not
    hold yet (a mapping of this turn may have put the number there already); {} otherwise."""
    if slot != "health_consent" or tracker.get_slot("requested_slot") != slot or not consented(tracker.slots):
        return {}
    words = tracker.latest_message.get("text")
    if find_signs(words or ""):
        return {}  # a warning sign is the crisis path's, never a detail to note
    found = contact_given_with(words) or contact_answers(words)
    if not found.get("callback_slot"):
        moment = callback_time(words)
        if moment:
            found["callback_slot"] = moment
    this_turn = tracker.slots_to_validate()
    return {
        name: value
        for name, value in found.items()
        if _open_for(name, tracker.get_slot(name)) or name in this_turn or tracker.get_slot(name) == value
    }


def contact_noted_text(given: Mapping[str, str]) -> str:
    """ "Merci Jean-Pierre, j'ai noté votre numéro (06 12 34 56 79)." and why the health question comes again."""
    details = {name: value for name, value in given.items() if name != "contact_name"}
    name = given.get("contact_name")
    # "Merci, c'est noté. J'ai gardé votre numéro (06 12 34 56 79)." (as other yes/no questions say, with what).
    noted = f"Merci {name}, c'est noté." if name else "Merci, c'est noté."
    if details:
        noted += " " + noted_for_other_questions(details).replace("Merci, j'ai noté", "J'ai gardé", 1)
    return f"{noted} {HEALTH_STILL_ASKED}"


# Time to think at a question of the handoff: what stays open and how to answer later, never the question again at once.
TIME_TO_THINK = {
    "wants_advisor": (
        "Prenez le temps d'y réfléchir : personne ne vous appellera sans votre accord. Si vous le souhaitez plus tard, "
        "répondez simplement « oui » ici, ou écrivez « conseiller »."
    ),
    "consent_given": (
        "Prenez le temps d'y réfléchir : rien n'est transmis sans votre accord. Quand vous voulez, répondez simplement "
        "« oui » ou « non » ici."
    ),
    "health_consent": (
        "Prenez le temps d'y réfléchir : rien sur la santé n'entre dans votre dossier sans votre accord. Quand vous "
        "voulez, répondez simplement « oui » ou « non » ici."
    ),
    "phone": (
        "Prenez votre temps : sans votre numéro, rien n'est transmis et personne ne vous appellera. Écrivez-le ici "
        "quand vous voulez, ou répondez « passer » si vous préférez ne pas le donner."
    ),
}


def closed_notice_said_now(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Whether this turn said the chamber closed now, on the crisis path or off it (crisis_actions'
    call_soon_while_closed): the answer to a call asked for soon."""
    departement = tracker.get_slot("departement")
    notices = {
        crisis_actions.closed_now_notice(clock.now(), departement),
        services.chamber().closed_now_text(clock.now(), departement),
    } - {None}
    return any(message.get("text") in notices for message in dispatcher.messages)


def say_neither(dispatcher: CollectingDispatcher, tracker: Tracker, slot: str) -> None:
    """The answer was neither yes nor no: say what it was taken for; the form asks the question again."""
    words = tracker.latest_message.get("text")
    said = answer_kind(words)
    if said == QUESTION and closed_notice_said_now(dispatcher, tracker):
        # "vous pouvez m'appeler ce soir ?" while the chamber is closed (round 27, lead27-04): the notice said this turn
        # answered it (when the advisors are back, and the 3114); never "je ne sais pas répondre" after it.
        return
    worry = consent_worry_text(tracker)  # "quelle info de santé ?", "et si mon mari le lit ?" (round 17)
    if worry is not None:
        dispatcher.utter_message(text=worry)
        return
    think = TIME_TO_THINK.get(slot)
    if think and (thinks_it_over(words) or (said == HESITATION and slot == "consent_given" and not is_waiting(words))):
        # "je sais pas trop, je vais réfléchir" at the consent question (round 22, r22b-10: "Prenez votre temps. Je vous
        # repose la question :" and the question at once): the time respected, how to answer later said, and this
        # sentence stands for the question (marked: the form asks nothing more in this turn).
        dispatcher.utter_message(text=think)
        dispatcher.messages[-1][ASKED_SLOT_KEY] = slot
        return
    if is_waiting(words):
        dispatcher.utter_message(text=TAKE_YOUR_TIME)
        return
    if said == HESITATION:
        if slot == "wants_advisor":
            # "pas encore mais le bailleur nous menace": the difficulty said noted too (round 17, r17a-14); "je sais pas
            # trop, ya une date sur le papier, le 18" (round 29, make run: the date dropped), what was kept said back.
            kept = facts_set_this_turn(tracker)
            if kept:
                text = f"Merci, c'est noté : {kept}. {ADVISOR_ROLE}"
            else:
                text = f"{FACT_NOTED} {ADVISOR_ROLE}" if tells_a_difficulty(words) else ADVISOR_ROLE
        else:
            text = "Prenez le temps d'y penser : rien n'est transmis sans votre accord, et vous pourrez changer d'avis."
    elif slot in ("wants_advisor", "consent_given") and mentions_contact(words):
        # A number given before the consent: kept for the question that asks it, once the artisan agrees.
        text = "Merci. Avant de noter vos coordonnées, j'ai besoin de votre accord."
    elif slot == "consent_given" and wrong_number(words):
        text = f"{number_asked_later(words)} Avant de noter vos coordonnées, j'ai besoin de votre accord."
    elif mentions_contact(words):
        # A number or an address at the health question: kept for its own question (the mappings took it).
        text = "Merci, c'est noté."
    elif said == CORRECTION:
        text = (
            sum_corrected_text(tracker, words)
            or understood(extract_facts(words or "", services.chamber_today()))
            or "Merci, c'est noté pour le conseiller."
        )
    elif said == QUESTION:
        text = answer_to_business_question(tracker, words or "") or question_reply(services.chamber())
    elif facts_set_this_turn(tracker):
        # "la vente c'est le 15 décembre" at the callback offer (round 28, r28-b-07): the triage stored the deadline
        # from it, and the reply said it was not understood; what was kept is said back.
        text = f"Merci, c'est noté : {facts_set_this_turn(tracker)}."
    elif extract_facts(words or "", services.chamber_today()) or tells_a_difficulty(words):
        # "pas de date mais le proprio menace" at the callback offer (round 17, r17a-14: "je vous repose la question"):
        # the triage keeps it (ValidateTriageSlots reads every message); said noted, every time, then the question.
        text = FACT_NOTED if not already_said(tracker, FACT_NOTED) else FACT_NOTED_AGAIN
    elif AMBIGUOUS in (find_in_text(words or "").status, resolve(words or "", typos=False).status):
        # "il est à Vire" at the callback offer, the place question passed (round 36, make run: "Je n'ai pas bien
        # compris"): a town several communes are named after, which the transcript keeps for the advisor.
        text = PLACE_NAMESAKES_FOR_THE_ADVISOR
    else:
        text = "Je n'ai pas bien compris votre réponse, pardon."
    if already_said(tracker, text) and text != FACT_NOTED_AGAIN:
        # Said once already: a short word, then the question again.
        text = SHORT_AGAIN.get(said, "Je vous repose la question.")
    dispatcher.utter_message(text=text)


def facts_set_this_turn(tracker: Tracker) -> str | None:
    """The facts of the situation the latest message set (the triage reads every message), as said back
    ("échéance le 15 décembre"), or None."""
    from intake.facts import FACT_LABELS

    parts = []
    for name, label in FACT_LABELS.items():
        value = tracker.get_slot(name)
        if name == "departement" or not isinstance(value, str) or value in (SKIPPED, "non précisé"):
            continue
        if value != value_before_latest_message(tracker.events, name):
            parts.append(label.format(value))
    return ", ".join(parts) or None


def receipt_at_offer(tracker: Tracker, words: str | None) -> str | None:
    """The deadline a receipt date said at the callback offer gives ("j'ai reçu ça le 1er décembre" after a contrainte:
    15 days to oppose it), when no deadline is noted yet; None otherwise."""
    from intake.facts import NO_DEADLINE, deadline_after_receipt

    if tracker.get_slot("deadline") not in (None, NO_DEADLINE, SKIPPED):
        return None
    return deadline_after_receipt(words, services.chamber_today(), user_messages(tracker.events)[:-1])


def sum_corrected_text(tracker: Tracker, words: str | None) -> str | None:
    """ "C'est corrigé : le client vous doit 18 000 €." or "C'est corrigé : sommes dues : URSSAF 15000 €." for a sum
    put right at a yes/no question (round 21, r21z-13: "non c'est pas 8000 c'est 18000 le client" at the callback offer
    was taken for a refusal); None when the words put no sum right."""
    from intake.facts import client_sum_put_right, corrected_creditors

    owed_to_you = client_sum_put_right(words)
    if owed_to_you:
        return f"C'est corrigé : le client vous doit {owed_to_you}."
    corrected = corrected_creditors(value_before_latest_message(tracker.events, "creditors"), words or "")
    return f"C'est corrigé : sommes dues : {corrected}." if corrected else None


ADVISOR_ROLE = (
    "C'est justement le rôle d'un conseiller : vous aider à savoir par où commencer et à qui "
    "vous adresser, gratuitement et sans engagement."
)
FACT_NOTED = "Merci, c'est noté pour le conseiller."
FACT_NOTED_AGAIN = "C'est noté aussi."
PLACE_NAMESAKES_FOR_THE_ADVISOR = (
    "Merci. Plusieurs communes portent ce nom : le conseiller vérifiera la vôtre avec vous."
)


# How a category read by the learned model alone is quoted in the triage's reasons (triage/engine.py).
LEARNED = "ressemble aux exemples appris"


def tells_a_difficulty(words: Any, rules_only: bool = False) -> bool:
    """A statement at a yes/no question that tells a difficulty the triage reads ("le bailleur nous menace"), not a
    question (those get an answer) and no yes or no. ``rules_only``: read by the triage's rules, the model's guess
    alone ("c'est au nom de ma femme": vie_personnelle) telling none (at an intake question, round 34)."""
    if not isinstance(words, str) or "?" in words:
        return False
    from triage import CATEGORIES
    from triage.engine import assess

    assessment = assess([words])
    if not rules_only:
        return bool(assessment.categories)
    reasons = assessment.reasons
    return any(any(LEARNED not in reason for reason in reasons.get(code, ())) for code in reasons if code in CATEGORIES)


SHORT_AGAIN = {
    HESITATION: "Prenez votre temps : rien n'est transmis sans votre accord.",
    QUESTION: "Vous pourrez poser cette question à un conseiller.",
}


def answer_to_question(tracker: Tracker, question: str) -> str:
    """The best answer at hand to a question asked with a no: the first step already given that speaks of what the
    question names ("la mairie ... pour l'indemnisation" -> the step about works compensation), else where to ask."""
    from guidance import render_guidance

    chamber = services.chamber()
    given = {entry.get("id") for entry in tracker.get_slot("guidance_given") or [] if isinstance(entry, dict)}
    asked = content_words(question)
    best, overlap = None, 0
    for entry in services.knowledge_base():
        if entry.id not in given:
            continue
        shared = len(asked & content_words(" ".join([entry.name, entry.summary, *entry.how])))
        if shared > overlap:
            best, overlap = entry, shared
    if best is None:
        return question_reply(chamber)
    return f"Pour votre question : {render_guidance([best], chamber)[0]}"


def chamber_address_text(chamber: Chamber) -> str:
    """The chamber's e-mail address, asked for (its configuration); its phone when it has none."""
    if chamber.email:
        return f"Oui, vous pouvez écrire à la {chamber.name} à {chamber.email}."
    return f"La {chamber.name} n'a pas d'adresse e-mail à vous donner ici ; elle répond au {chamber.phone}."


def writing_instead(chamber: Chamber) -> str:
    """For an artisan who would rather write than be called."""
    if chamber.email:
        return f"Les conseillers de la chambre rappellent par téléphone. Si vous préférez écrire, c'est possible à {chamber.email}."
    return f"Les conseillers de la chambre rappellent par téléphone ; vous pouvez aussi appeler le {chamber.phone}."


def already_said(tracker: Tracker, text: str, prefix: bool = False) -> bool:
    return said_before(tracker.events, text, prefix)


def _this_turn(tracker: Tracker) -> list[dict[str, Any]]:
    """The events since the artisan's latest message."""
    events = list(tracker.events)
    last_user = max((i for i, event in enumerate(events) if event.get("event") == "user"), default=-1)
    return events[last_user + 1 :]


def reference_said(tracker: Tracker, reference: str | None = None) -> bool:
    return already_said(tracker, f"C'est noté, votre référence est {reference or ''}", prefix=True)


def reference_said_this_turn(tracker: Tracker, reference: str) -> bool:
    """The case's reference told since the artisan's latest message (by an action earlier in this turn)."""
    return any(event.get("event") == "bot" and reference in (event.get("text") or "") for event in _this_turn(tracker))


def save_case(tracker: Tracker, slots: dict[str, Any]) -> Any:
    """Creates or updates the conversation's case from ``slots`` (the outbox: idempotent by conversation id).
    A new case beyond the client's allowance is stored all the same, held for review (actions.abuse)."""
    chamber = services.chamber()
    new = not slots.get("case_reference")
    if has_phone(slots):
        # What the artisan is told next ("le lundi 7 décembre, dans la matinée"), for the advisor: the moment stored is
        # the artisan's words, which "demain matin" on a Saturday leaves unclear (round 15, r15a-07).
        slots = {**slots, "callback_promised": callback_promise(chamber, slots)}
    return submit_case(
        services.case_outbox(),
        conversation_id=tracker.sender_id,
        reference=slots.get("case_reference") or new_reference(),
        chamber_id=chamber.id,
        slots=slots,
        events=tracker.events,
        consent_version=chamber.consent_version,
        review_reasons=abuse.review_reasons(slots, tracker.latest_message) if new else None,
        handoff_answers=handoff_answers(tracker.events),
    )


def save_stored_case_again(tracker: Tracker, slots: dict[str, Any]) -> Any:
    """``save_case`` for a case already stored, changed after it (a name, a place, a moment, words added): a phone slot a
    mapping filled with words that are no number gives way to the stored case's number (actions.crisis_actions does the
    same through the functions this module lends it)."""
    if slots.get("phone") is not None and not has_phone(slots):
        slots["phone"] = phone_of_stored_case(tracker) or slots["phone"]
    return save_case(tracker, slots)


def contact_kept_for_later(tracker: Tracker, words: str | None) -> dict[str, Any]:
    """The contact details said with a yes to the call, before the consent ("bon si finalement, rappelez moi. 06 22
    33 44 55 , erwan"): kept in their slots, never over one already there, and read again once the consent is given
    (``contact_read_earlier``); forgotten if the call or the consent is refused (``contact_forgotten``)."""
    found = contact_given_with(words)
    if "contact_name" not in found:
        # "oui qu'on me rappelle moi, je suis sa soeur, Maite" (round 18, r18a-02): the name said with the yes, no
        # number with it; it was asked again after the consent.
        # "mais c'est moi qui gère, je m'appelle Lucie", "il s'apel Gérard" (round 19, r19z-02, r19a-03: asked again).
        named = person_to_call(words) or name_in_so_many_words(words) or relative_named(words or "")
        # "en fait si rappelez moi, c'est Karim 07 81 22 33 4" after a refusal (round 32, r32-b: the name lost, asked
        # again after the consent, the number a digit short): the name after the yes, as at the yes/no questions
        # (name_with_yes), whatever the number beside it is worth.
        named = named or name_after_yes(without_number_attempts(words or ""), [])
        if named:
            found = {**found, "contact_name": named}
    if "phone" in found and "callback_slot" not in found:
        # "vous pouvez me rappeler vers midi ? 06 98 ..., c Mehdi", "sur le fixe 04 95 ..., il est là l'après-midi",
        # "06 12 ... mais pas avant jeudi il est sur un chantier" (round 29, r29-a-17, r29-b-03, r29-b-10: the number
        # and the name kept, the moment dropped, the call promised at 8 h): a clause beside the number that names a
        # moment is the time of the call.
        moment = moment_beside_the_number(words)
        if moment:
            found = {**found, "callback_slot": moment}
    return {slot: value for slot, value in found.items() if _open_for(slot, tracker.get_slot(slot))}


def moment_beside_the_number(words: str | None) -> str | None:
    """The clauses of a message giving a number that name a moment for the call ("vous pouvez me rappeler vers midi",
    "il est là l'après-midi"), joined; None when none does, or when a clause names the situation's day ("l'audience
    est jeudi")."""
    text = phone_digits(words or "")
    for match in phone_matches(text):
        text = text.replace(match.raw_string, " , ")
    moments = []
    for part in re.split(r"[,;.!?\n]+|\s(?:mais|et)\s", text):
        clause = " ".join(part.split())
        said = fold_in_place(clause)
        if not clause or not _MOMENT_NAMED.search(said) or _DAY_OF_THE_SITUATION.search(said):
            continue
        moment = moment_wished(clause)
        if moment:
            moments.append(moment.strip(" ,.;:!?"))
    return ", ".join(moments) or None


def _open_for(slot: str, current: Any) -> bool:
    """Whether a contact detail read from the words may fill the slot: empty, passed, or a phone slot holding what
    is no number (make run, 2026-12-04: the entity extractor took "90" from "Sophie 06 12 45 78 90", the number read
    whole was not kept, and the phone question came after the consent)."""
    if current in (None, SKIPPED):
        return True
    return slot == "phone" and isinstance(current, str) and normalise_phone(current) is None


def contact_forgotten(tracker: Tracker) -> dict[str, Any]:
    """A number, an address or a name given before the consent ("Bruno 06 99 88 77 66" at "Depuis quand ?", answered
    "Je vous demanderai votre accord avant de garder vos coordonnées"): forgotten when the call or the consent is
    refused."""
    if tracker.get_slot("consent_given") is True:
        return {}
    return {slot: None for slot in ("contact_name", "phone", "email") if tracker.get_slot(slot) not in (None, SKIPPED)}


def said_of_the_one_called_back(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """What this turn said it noted or put right ("Merci, j'ai noté votre numéro", "le conseiller vous rappellera au"),
    said of the person the advisor calls when it is not the writer (round 26: "appelez plutôt ma femme, 06 12 34 56 78"
    got "j'ai noté votre numéro"): "le numéro de votre femme", "le conseiller rappellera votre femme au"."""
    called = one_to_call(tracker.slots, user_messages(tracker.events))
    if not called:
        return
    for message in dispatcher.messages:
        if message.get("text"):
            message["text"] = noted_of_the_one_called(message["text"], called)


def number_after_the_handoff(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """What the artisan adds or puts right about the call after the handoff (``read_after_the_handoff``), said of the
    person the advisor calls (``said_of_the_one_called_back``)."""
    events = read_after_the_handoff(dispatcher, tracker)
    if events is not None:
        said_of_the_one_called_back(dispatcher, tracker)
    return events


def read_after_the_handoff(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """A phone number given after the handoff ended without one ("pas de téléphone", then "bon ok 06 71 72 73 74"),
    the callback and the consent already given: the case, now, and the handoff's remaining questions. Read as out
    of scope or as a new description, it made no case ("a consented handoff always becomes a case"). None otherwise.
    The actions that answer outside the forms call it first; in the handoff form it also takes a yes or a no said with
    more (``yes_no_said_with_more``). A callback asked for again after a
    refusal starts the handoff again (``callback_taken_up_again``). One part taken back ("enlevez ce que j'ai dit sur
    ma maladie", round 17) comes first (``part_removal``)."""
    kept = offer_refused_in_words(dispatcher, tracker)  # "non finalement laissez" to the offer (round 29, r29-b-31)
    if kept is not None:
        return kept
    part = part_removal(dispatcher, tracker, save_case)
    if part is not None:
        return part
    erased = erasure_outside_forms(dispatcher, tracker)  # "je veux juste que ce soit effacé" (round 17, r17b-07)
    if erased is not None:
        return erased
    again = callback_taken_up_again(dispatcher, tracker)
    if again is not None:
        return again
    early = moment_at_contact_question(dispatcher, tracker)
    if early is not None:
        return early
    corrected = phone_corrected_after_case(dispatcher, tracker)
    if corrected is not None:
        return corrected
    added = number_added_after_case(dispatcher, tracker)
    if added is not None:
        return added
    renamed = name_corrected_after_case(dispatcher, tracker)
    if renamed is not None:
        return renamed
    placed = place_added_after_case(dispatcher, tracker) or place_corrected_after_case(
        dispatcher, tracker, save_stored_case_again
    )
    if placed is not None:
        return placed
    moved = moment_corrected_after_case(dispatcher, tracker)
    if moved is not None:
        return moved
    named = person_named_at_name_question(dispatcher, tracker)
    if named is not None:
        return named
    answered = yes_no_said_with_more(dispatcher, tracker)  # round 12: "non merci. je veux savoir si ..."
    if answered is not None:
        return answered
    if not tracker.active_loop_name and asks_chamber_address(tracker.latest_message.get("text")):
        # "vous avez pas une adresse mail ?" (round 7: "je n'ai pas bien compris"): the chamber's address.
        dispatcher.utter_message(text=chamber_address_text(services.chamber()))
        return []
    slots = dict(tracker.slots)
    if tracker.active_loop_name or slots.get("wants_advisor") is not True or slots.get("consent_given") is not True:
        return None
    if has_phone(slots):
        return None
    phone = contact_answers(tracker.latest_message.get("text")).get("phone")
    if phone is None:
        return None
    slots["phone"] = phone
    result = save_case(tracker, slots)
    dispatcher.utter_message(text=CASE_SAVED if result.stored else CASE_KEPT)
    logger.info("case stored from a number given after the handoff")
    return [SlotSet("phone", phone), SlotSet("case_reference", result.reference), FollowupAction("handoff_form")]


PHONE_CORRECTED = (
    "C'est corrigé : le conseiller vous rappellera au {new}, et non au {old}. Votre référence reste {reference}."
)


def phone_corrected_after_case(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """Another number given once the case is stored ("ah mince je me suis trompé de numéro c'est 06 51 23 45 76 pas
    67"): the case's number replaced, the new one said back. Round 7 answered "D'accord, c'est noté", kept the wrong
    number and started the intake questions again. None otherwise (no case, no new number, the call refused)."""
    slots = dict(tracker.slots)
    words = tracker.latest_message.get("text")
    if not slots.get("case_reference") or not consented(slots) or not has_phone(slots):
        return None
    if refuses_callback(words) or is_withdrawal(words, explicit_only=True):
        return None
    choice = preferred_phone(words)
    if choice is None or choice[0] == slots.get("phone"):
        return None
    if another_number(words):
        return None  # "vous pouvez aussi appeler ma femme au 06 ...": a second number (number_added_after_case)
    old = slots["phone"]
    slots["phone"] = choice[0]
    renamed = name_corrected(tracker, words)
    if renamed:
        slots["contact_name"] = renamed
    result = save_case(tracker, slots)
    if choice[1]:
        say_numbers_kept(dispatcher, words)
    text = PHONE_CORRECTED.format(new=display_phone(choice[0]), old=display_phone(old), reference=result.reference)
    dispatcher.utter_message(text=text + (NAME_CORRECTED_TOO.format(name=renamed) if renamed else ""))
    logger.info("phone number corrected after the case was stored")
    events: list[EventType] = [SlotSet("phone", choice[0]), SlotSet("case_reference", result.reference)]
    if renamed:
        events.append(SlotSet("contact_name", renamed))
    # In the handoff form, its next question follows; outside it, nothing restarts (no intake question again).
    return events if tracker.active_loop_name == "handoff_form" else [*events, FollowupAction("action_listen")]


# "mon nom c'est Nathalie Roux, et rappelez plutôt sur le fixe 04 73 12 34 56" (round 11, r11a-22): the number was
# corrected, the name left as it was and not a word said of it. Both are corrected, and both said back.
NAME_CORRECTED_TOO = " Le conseiller demandera {name}."
NAME_CORRECTED = "C'est corrigé : le conseiller demandera {name}. Votre référence reste {reference}."


# "c'est Marc qu'il faut demander", "le conseiller doit demander Marc pas Léa", "demandez plutôt Marc" (round 19,
# r19a-08: not understood, the wrong name stayed): the person the advisor asks for, put right.
_ASK_FOR_NAMED = re.compile(
    # "c'est bien Jean-Marc qu'il faut demander hein" (round 24, r24b-08: stored "Hein").
    r"\bc'?(?: )?est (?:bien |donc |plutot |surtout )?(?P<a>[^\W\d_]+(?:-[^\W\d_]+)?) qu'?(?: )?il (?:faut|fallait) "
    r"(?:demander|appeler|rappeler)\b|"
    r"\b(?:doit|doivent|faut|devra|devez|dois|pourra) (?:plutot )?(?:demander|appeler|rappeler) (?:plutot )?"
    r"(?P<b>[^\W\d_]+(?:-[^\W\d_]+)?)|\bdemandez (?:plutot )?(?P<c>[^\W\d_]+(?:-[^\W\d_]+)?)|"
    # "et pour le prenom mettez juste Jean-Pierre" (round 26, r26b-01: "c'est noté", the name unchanged); a bare
    # "écrivez conseiller" names nobody: "écrivez" only with "juste", "plutôt" or the name's word before it.
    r"\b(?:(?:mettez|notez|marquez|inscrivez|gardez)(?: (?:juste|plutot|seulement|simplement|uniquement|donc))?|"
    r"(?<=prenom )(?:ecrivez|mettez|notez|marquez|c'?(?: )?est)|ecrivez (?:juste|plutot|seulement|simplement|uniquement)) "
    r"(?P<d>[^\W\d_]+(?:-[^\W\d_]+)?)"
)


# What follows "mettez", "notez" and names nobody ("notez que ...", "mettez juste ça", "mettez le matin").
_NOT_NAMED_AFTER_PUT_WORDS = (
    "que qu ca cela ce cet cette ces le la les l un une des du de d au aux a en dans sur pour par avec mon ma mes son "
    "sa ses votre vos leur moi lui elle eux tout tous toute rien pas ne oui non si quand comment juste plutot seulement "
    "simplement bien aussi ici la-dessus dessus mail email numero telephone adresse nom prenom"
)
_NOT_NAMED_AFTER_PUT = frozenset(_NOT_NAMED_AFTER_PUT_WORDS.split())


def name_asked_for(words: str | None) -> str | None:
    """The name in "c'est Marc qu'il faut demander", "le conseiller doit demander Marc pas Léa"; None otherwise."""
    original = " ".join((words or "").replace("’", "'").split())
    said = _ASK_FOR_NAMED.search(fold(original))
    if not said:
        return None
    group = next(name for name in ("a", "b", "c", "d") if said.group(name))
    name = original[said.start(group) : said.end(group)]
    if group == "d" and fold(name) in _NOT_NAMED_AFTER_PUT:
        return None  # "notez que je suis dispo", "mettez juste ça": a remark, no name
    if fold(name) in _NOT_A_NAME_LEFT or fold(name) in {"mon", "ma", "moi", "lui", "elle", "le", "la", "quelqu'un"}:
        return None
    return first_name_said(name) or first_name_said(name.title() if name.islower() else "")


def name_corrected(tracker: Tracker, words: str | None) -> str | None:
    """The name said in so many words once the case is stored ("mon nom c'est Nathalie Roux", "je m'appelle Paul en
    fait", "c'est Marc qu'il faut demander"), when it is not the one kept; None otherwise."""
    from actions.handoff import name_given_with_the_number

    # "mon numéro 07 81 22 45 90, Julien" (round 24, r24b-02): the name goes with the new number.
    named = name_asked_for(words) or name_in_so_many_words(words) or name_given_with_the_number(words)
    stored = tracker.get_slot("contact_name")
    if not named and stored not in (None, SKIPPED):
        # "non, Jean-Marc" once the bot wrote another name (round 25): a correction, never a plain no.
        named = name_after_a_plain_no(words)
    if not named or named == stored:
        return None
    return named


def name_corrected_after_case(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """A name said in so many words once the case is stored, with no new number ("ah au fait mon nom c'est Nathalie
    Roux"): the case's name replaced, said back with the reference; nothing restarts (round 11, r11a-22). None
    otherwise (no case, no name, a number in the words: phone_corrected_after_case reads them)."""
    slots = dict(tracker.slots)
    words = tracker.latest_message.get("text")
    if not slots.get("case_reference") or not consented(slots) or phones_in(words):
        return None
    renamed = name_corrected(tracker, words)
    if renamed is None:
        return None
    slots["contact_name"] = renamed
    result = save_stored_case_again(tracker, slots)
    dispatcher.utter_message(text=NAME_CORRECTED.format(name=renamed, reference=result.reference))
    logger.info("name corrected after the case was stored")
    events: list[EventType] = [SlotSet("contact_name", renamed), SlotSet("case_reference", result.reference)]
    return events if tracker.active_loop_name == "handoff_form" else [*events, FollowupAction("action_listen")]


NO_NAME_NEEDED = "D'accord : votre nom n'est pas obligatoire, un numéro suffit pour vous rappeler."
# A name kept back while the call is asked for ("mais je donne pas mon nom", "sans donner mon prénom", "anonymement").
_NO_NAME = re.compile(
    r"\b(?:pas|sans|jamais)\b[^.!?]{0,25}\b(?:mon |de |le )?(?:nom|prenom|identite)\b|\banonyme(?:ment)?\b"
)
PLACE_ADDED = "Merci, j'ai ajouté le lieu à votre demande : {place}. Votre référence reste {reference}."
# Short answers only: a town said alone after the case ("c'est saint-denis-les-bourg"); a longer sentence is read as a
# description unless it names a place the way find_in_text reads one.
_SHORT_PLACE_ANSWER = 6


def place_added_after_case(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """A place said once the case is stored without one ("Aucune de celles-ci" to the namesakes, then "c'est
    saint-denis-les-bourg": make run, 2026-12-06, answered "D'accord, c'est noté." and the case kept no département):
    the case's place set, said back with the reference. None otherwise (no case, a place already known, a number in
    the words, nothing read as a place)."""
    slots = dict(tracker.slots)
    words = tracker.latest_message.get("text") or ""
    if not slots.get("case_reference") or not consented(slots) or phones_in(words):
        return None
    if value_before_latest_message(tracker.events, "departement") not in (None, SKIPPED):
        return None
    if len(words.split()) <= _SHORT_PLACE_ANSWER:
        update, _ = place_update(words, {})
        code = update.get("departement")
        commune = update.get("commune")
    else:
        found = find_in_text(words)
        code, commune = (found.departement, found.said) if found.found else (None, None)
    if code in (None, SKIPPED) or not departement_name(str(code)):
        return None  # nothing read, or words kept as typed ("place_kept"): no place to add
    logger.info("place added after the case was stored")
    return place_set_on_the_case(dispatcher, tracker, slots, str(code), commune, PLACE_ADDED, save_stored_case_again)


_TITLES_SHOWN = ("M. ", "Mme ", "Mlle ")

MOMENT_CORRECTED = "C'est corrigé : un conseiller vous rappellera {promise}. Votre référence reste {reference}."


# What is left of an answer at the name question once its number is taken out: small words that name nobody.
_NOT_A_NAME_LEFT = frozenset(
    [
        "le",
        "la",
        "les",
        "l",
        "un",
        "une",
        "au",
        "du",
        "mon",
        "ma",
        "mes",
        "son",
        "sa",
        "moi",
        "lui",
        "elle",
        "numero",
        "num",
        "no",
        "n",
        "tel",
        "portable",
        "fixe",
        "mobile",
        "et",
        "ou",
        "voici",
        "voila",
        "c'est",
        "c",
        "est",
        # "appelez l atelier au 03 85 41 22 6" (round 20, r20b-03: stored as the name): where to call, no one named.
        "appelez",
        "appeler",
        "rappelez",
        "atelier",
        "bureau",
        "magasin",
        "boutique",
        "garage",
        "ici",
    ]
)


def moment_corrected_after_case(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """The time of the call changed once the case is stored, as the number can be: corrected in so many words ("non
    j'ai dit l'après-midi", round 13, r13a-01: read as a new difficulty, the case kept the morning), asked as a question
    ("et à 17h30 c'est possible ?"), or its change asked ("je voudrais changer l'heure du rappel": round 14, r14b-15,
    the out-of-scope reply), then answered. The case's moment is replaced and the new promise said with the reference;
    a moment no opening hour fits is said so and another asked, the case keeping its own. None otherwise."""
    slots = dict(tracker.slots)
    words = tracker.latest_message.get("text")
    if not slots.get("case_reference") or not consented(slots) or phones_in(words) or find_signs(words or ""):
        return None
    if refuses_callback(words) or takes_back_callback(words, explicit_only=True):
        return None
    if tracker.get_slot("requested_slot") == "callback_slot":
        return None  # the time question's own answer: its validator reads it
    in_form = tracker.active_loop_name == "handoff_form"
    # A correction insists on what was said before ("non j'ai dit le soir"): kept as said again at the time question
    # is, the promise saying what the advisors can do. A new moment goes through the opening hours.
    moment = moment_corrected(words)
    changed = moment_changed(tracker, words) if moment is None else None
    if moment is None and changed is None:
        if in_form or not asks_to_change_moment(words):
            return None
        dispatcher.utter_message(text=MOMENT_ASKED_AFTER_CASE)
        return [FollowupAction("action_listen")]
    moment = moment or changed
    if moment is None:
        return None
    moment = _with_days_refused_added(slots.get("callback_slot"), moment)
    if moment == slots.get("callback_slot"):
        if not changed:
            return None
        # "et lundi c'est possible ?" when lundi is what is kept: said so, nothing changed.
        promise = callback_promise(services.chamber(), slots)
        dispatcher.utter_message(text=MOMENT_KEPT.format(promise=promise, reference=slots["case_reference"]))
        return [] if in_form else [FollowupAction("action_listen")]
    if changed and moment_within_hours(changed, dispatcher, tracker)["callback_slot"] is None:
        return [] if in_form else [FollowupAction("action_listen")]  # said, and another moment asked
    slots["callback_slot"] = moment
    result = save_stored_case_again(tracker, slots)
    promise = callback_promise(services.chamber(), slots)
    dispatcher.utter_message(text=MOMENT_CORRECTED.format(promise=promise, reference=result.reference))
    logger.info("callback moment corrected after the case was stored")
    events: list[EventType] = [SlotSet("callback_slot", moment), SlotSet("case_reference", result.reference)]
    return events if in_form else [*events, FollowupAction("action_listen")]


def _with_days_refused_added(kept: Any, moment: str) -> str:
    """A correction that only refuses a day ("mais j'ai dit pas le vendredi": round 20, r20b-13, the case kept the
    Friday) adds to the moment kept, whose other words (the afternoon, another day refused) still hold."""
    wish = CallbackPreference.read(moment)
    only_refused = wish.refused_weekdays() and replace(wish, excluded_weekday=None, other_excluded_weekdays=()) == (
        CallbackPreference()
    )
    if not only_refused or not isinstance(kept, str) or kept in (SKIPPED, AS_SOON_AS_POSSIBLE) or not kept.strip():
        return moment
    return f"{kept.strip(' ,.;')}, {moment}"


MOMENT_ASKED_AFTER_CASE = "Bien sûr. À quel moment un conseiller peut-il vous rappeler ?"
WORDS_ADDED = "C'est noté : je l'ajoute à votre demande, référence {reference}. Le conseiller le verra."


def words_added_to_case(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """Words said outside any question once the case is stored, which no other reading took ("ah au fait c'est pas
    8000 c'est 9200 avec les majorations" after the goodbye: round 17, r17a-01, "Je vous écoute : dites-moi ce qui vous
    amène", the slot changed and the case kept 8000): the case stored again with them, and said so. None for a bare yes
    or no, outside a stored case, or in a form."""
    slots = dict(tracker.slots)
    words = " ".join((tracker.latest_message.get("text") or "").split())
    if tracker.active_loop_name or not slots.get("case_reference") or not consented(slots):
        return None
    if not words or words.startswith("/") or find_signs(words):
        return None
    if answer_kind(words) in (YES, NO) and len(words.split()) <= 3:
        return None
    result = save_stored_case_again(tracker, slots)
    dispatcher.utter_message(text=WORDS_ADDED.format(reference=result.reference))
    logger.info("words added to the case after it was stored")
    return [SlotSet("case_reference", result.reference)]


def moment_said_this_turn(tracker: Tracker) -> bool:
    """Whether the moment of the call was answered in this turn once the case is stored (corrected, said kept, or
    another asked): the handoff's end then adds no "J'ai ajouté ce que vous venez de dire" (round 15, r15a-12)."""
    for event in _this_turn(tracker):
        text = str(event.get("text") or "") if event.get("event") == "bot" else ""
        if text.startswith(
            ("C'est corrigé : un conseiller vous rappellera", "C'est bien ce qui est noté : un conseiller")
        ):
            return True
        if text == MOMENT_ASKED_AFTER_CASE or text.endswith(OTHER_MOMENT_ASKED):
            return True
    return False


def moment_moved_at_activation(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """The handoff form started again by words asking for a call once the case is stored ("en fait mercredi j'ai un
    rdv, vous pouvez plutot m'appeler lundi apres midi ?", request_human: round 15, r15a-12, the words were added to
    the case and the moment kept): the moment changed as outside the form, said with the reference. The form then
    ends, with nothing more said (``moment_said_this_turn``). None otherwise."""
    if not tracker.get_slot("case_reference") or tracker.get_slot("requested_slot") is not None:
        return None
    moved = moment_corrected_after_case(dispatcher, tracker)
    if moved is None:
        return None
    # The form ends here, said so to Rasa (round 22, r22b-06, r22b-09): with no requested_slot event, its FormAction
    # asked the first empty slot of the domain's list, the health consent, "Vous avez parlé de la santé d'un proche"
    # to people who had said nothing of health.
    return [*(event for event in moved if event.get("event") != "followup"), SlotSet("requested_slot", None)]


def moment_moved_at_question(slot: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any] | None:
    """A moment for the call said at another handoff question: changed ("ah non plutot jeudi matin en fait" at the
    place question, round 15, r15b-01: read as a no, stored as the place answer "non précisé"), or said alone
    ("samedi matin" there, round 15, r15a-16: "Je n'ai pas reconnu ce lieu"). The moment is kept and said noted, the
    question stays; never a place ("plutôt Lens que Lille", "le 12 plutôt"). None otherwise."""
    if tracker.get_slot("requested_slot") != slot:
        return None
    words = tracker.latest_message.get("text") or ""
    if not words or words.startswith("/") or find_signs(words) or phones_in(words):
        return None
    moment = moment_moved(words) or moment_corrected(words) or callback_time(words)
    if not moment or not _MOMENT_NAMED.search(fold_in_place(moment)) or _names_a_place(words):
        return None
    # Kept as said, as a moment said before its question is: the promise says what the advisors can do (no second
    # question asked now, the pending one is asked again).
    dispatcher.utter_message(text=noted_for_other_questions({"callback_slot": moment}))
    return {slot: None, "callback_slot": moment, **moment_not_a_deadline(tracker, moment)}


# The triage's reading of a message, set back with the deadline a moment for the call was taken for.
_TRIAGE_SLOTS = ("urgency", "triage_reasons")


def moment_at_contact_question(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """A moment for the call said at a contact question in words the classifier sent outside the form ("n'importe
    quand sauf entre 12 et 14h, c'est le coup de feu" read as a new difficulty, "demain matin avant qu'il parte au
    chantier si possible" as a question: round 17, r17a-06, r17b-01, "D'accord, c'est noté" or the confidentiality
    answer, and the time asked again later): kept for the time question and said noted, as the form's validation
    does (``moment_kept_for_later``); the form then asks its question again. None otherwise."""
    slot = tracker.get_slot("requested_slot")
    if tracker.active_loop_name != "handoff_form" or slot not in ("email", "contact_name", "departement"):
        return None
    words = tracker.latest_message.get("text") or ""
    if not words or words.startswith("/") or "@" in words or phones_in(words) or find_signs(words):
        return None
    if tracker.get_slot("callback_slot") not in (None, SKIPPED):
        return None
    moment = callback_time(words) or moment_said_with(words)
    if not moment:
        return None
    if "?" in words:
        # "et vous pouvez rappeler après 18h ?": asked, it is answered; an hour the advisors never call is not kept.
        out = hours_refusal(moment, tracker.get_slot("departement"))
        if out is not None:
            dispatcher.utter_message(text=out.replace(f" {OTHER_MOMENT_ASKED}", "").strip())
            return []
    dispatcher.utter_message(text=noted_for_other_questions({"callback_slot": moment}))
    undone = moment_not_a_deadline(tracker, moment)
    return [SlotSet("callback_slot", moment), *(SlotSet(name, value) for name, value in undone.items())]


def moment_not_a_deadline(tracker: Tracker, moment: str | None = None) -> dict[str, Any]:
    """The deadline the entity extractor read this turn in a moment for the call said at a handoff question ("samedi
    matin" at the place question, round 15, r15a-16: the deadline "le 20 janvier" became "samedi", the case haute),
    set back to what it was, with the urgency and its reasons when they changed with it. {} otherwise (no deadline read
    this turn, or one the words say as the situation's: "l'audience est lundi")."""
    events = list(tracker.events)
    read = tracker.get_slot("deadline")
    before = value_before_latest_message(events, "deadline")
    if not isinstance(read, str) or read == before or tracker.get_slot("requested_slot") in (None, "deadline"):
        return {}
    words = tracker.latest_message.get("text") or ""
    moment = moment or moment_moved(words) or moment_corrected(words) or callback_time(words)
    named = set(_MOMENT_NAMED.findall(fold_in_place(read)))
    if not moment or not named or not named <= set(_MOMENT_NAMED.findall(fold_in_place(moment))):
        return {}
    undone: dict[str, Any] = {"deadline": before}
    for name in _TRIAGE_SLOTS:
        earlier = value_before_latest_message(events, name)
        if earlier is not None and tracker.get_slot(name) != earlier:
            undone[name] = earlier
    return undone


MOMENT_KEPT = "C'est bien ce qui est noté : un conseiller vous rappellera {promise}. Votre référence reste {reference}."
# The moment of the call asked to be changed: "je voudrais changer l'heure du rappel", "on peut décaler l'appel ?",
# "l'horaire du rappel je peux le modifier ?"; not "changer de numéro", nor "décaler la date de l'audience".
_CHANGE_VERB = r"(?:chang|modifi|decal|deplac|avanc|recul|repouss|report)\w*"
_MOMENT_OF_CALL = (
    r"(?:(?:l'|l |le |la |les |un |une |d'|de |du )?(?:heure|horaire|moment|creneau|jour|date)s?"
    r"(?: (?:du|de l'|de l |de mon|de votre|de ce) ?(?:rappel|appel|coup de fil))?(?! (?:de|du|des|d')\b)|"
    r"(?:le |l'|mon |votre |ce )?(?:rappel|appel|coup de fil))"
)
_MOMENT_CHANGE = re.compile(
    rf"\b{_CHANGE_VERB}\b(?: (?:pas|un peu|juste|svp))? {_MOMENT_OF_CALL}|"
    rf"\b{_MOMENT_OF_CALL}\b[^.?!]{{0,30}}\b{_CHANGE_VERB}\b"
)
# A moment asked as a question once the case is stored: "et à 17h30 c'est possible ?", "mardi matin ça irait ?",
# "vous pouvez plutôt m'appeler jeudi ?".
# "vs pouvez mappeler", "pouvez vous me rappeler" (round 27, r27-b-20): the SMS spellings of the same request.
_YOU_CAN = (
    r"(?:vous pouvez|vs pouvez|vous pouvez pas|pouvez[- ]vous|vous pourriez|vs pourriez|pourriez[- ]vous|vous pourrez|"
    r"on peut|il peut|elle peut|peut[- ]il|peut[- ]elle)"
)
_CALL_ME = r"(?:plutot |aussi )?(?:me |m'|m |plutot m'|plutot me )?(?:appeler|rappeler|joindre|appelez|rappelez)"
_CALL_ME_SMS = r"(?:plutot |aussi )?(?:m'?r?app?ell?er|m'?r?app?ell?ez)"
_MOMENT_ASKED = re.compile(
    r"\b(?:c'? ?est|ce serait|ca serait|ca irait|ca va|ca marche|ca vous va|serait-ce|est-ce) ?(?:possible|jouable|"
    r"faisable|ok|bon|d'accord)?\s*\?|"
    rf"\b{_YOU_CAN} (?:{_CALL_ME}|{_CALL_ME_SMS})\b"
)
# The request said before the moment ("vous pouvez mappeler jeudi aprem" -> "jeudi aprem"): no part of the moment kept.
_CALL_ASKED_OPENING = re.compile(rf"\b{_YOU_CAN} (?:{_CALL_ME}|{_CALL_ME_SMS})\b[\s,]*")
# The moment given with the change asked, with no word for the call: "vous pouvez changer pour mardi après-midi ?",
# "on peut décaler à jeudi ?" (round 27, r27-b-02: the hours were said and the case kept Monday morning).
_CHANGED_TO = re.compile(rf"\b{_CHANGE_VERB} (?:(?:ca|le|la|l') )?(?:pour|a|au|en) (?=\S)")
_MOMENT_ASKED_TAIL = re.compile(
    r"[\s,]*(?:c'? ?est|ce serait|ca serait|ca irait|ca va|ca marche|ca vous va) ?(?:possible|jouable|faisable|ok|bon|"
    r"d'accord)?[\s?!.]*$"
)
_OPENING_FILLER = re.compile(r"^(?:(?:et|alors|bon|ben|sinon|ou|mais|euh|plutot)\b[\s,]*)+")


# A change of the call's moment in ordinary words (round 15, r15a-04, r15a-12, r15b-01, r15b-15: "ah non jeudi je peux
# pas, mettez vendredi matin plutot" read as a no, "et lundi finalement je peux pas, mardi aprem plutot" as a goodbye,
# "vous pouvez m'appeler mardi après-midi plutôt que lundi ?" as a question on the hours: the case kept the moment ruled
# out). A moment ruled out in one clause, or a change said, and the new moment alone in its own clause.
_MOMENT_NAMED = re.compile(
    r"\b(?:matin|matinee|midi|apres-midi|apres midi|aprem|apm|soir|soiree|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
    r"dimanche|demain|apres-demain|\d{1,2} ?h(?:\d{2})?)\b"
)
_CHANGE_SAID = re.compile(
    r"\b(?:plutot|finalement|en fait|a la place|au lieu|mettez|mettons|disons|je prefere\w*|"
    r"(?:c'?(?: )?est|ce serait|ca serait|ce sera|ca sera|ca m'arrange\w*) (?:mieux|plus pratique))\b"
)
_RULED_OUT = re.compile(
    r"\b(?:(?:je|j)\s*(?:ne\s+|n')?(?:peux|peut|pourrai|pourrais|suis|serai|serais)\s+(?:pas|plus)\b|"
    r"jpeu[xt]?\b|jpe\b|(?:pas|plus) (?:possible|dispo\w*|libre|la|joignable)\b|impossible|indispo\w*|empeche\w*|"
    r"(?:ca|c'?(?: )?est|ce|ca ne) (?:ne )?(?:va|marche|colle|est|sera) (?:pas|plus)\b|"
    r"j'?(?: )?ai (?:un|une|des|le|la|l'|l |mon|ma|mes|deja|rendez|rdv)\b|(?:c'?(?: )?est|c) (?:mort|mal)\b|"
    r"je suis (?:pris|prise|occupee?|en rdv|en rendez-vous|au|a la|sur|chez)\b|"
    r"(?:pas|non|sauf) (?:le |la |ce |cette )?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|matin|"
    r"apres-midi|aprem|soir|demain)\b|"
    # The person to call busy then: "lundi elle travaille, plutot mardi apres midi" (round 25, s25b-06: acknowledged as
    # words added, the case kept the Monday).
    r"(?:je|j|il|elle|on|ma femme|mon mari|ma compagne|mon compagnon|mon comptable)\s+(?:ne\s+)?(?:travaille|bosse|"
    r"taffe|est (?:pas la|au travail|au boulot|en deplacement|pris|prise|occupee?)|peut pas|pourra pas|sera pas la)\b)"
)
# "X plutôt que Y", "X au lieu de Y": Y is the moment ruled out.
# A day said as the situation's ("jeudi c'est quand l'huissier revient", "jeudi c'est trop court"), within a change of
# the moment: no moment wished.
_DAY_OF_THE_SITUATION = re.compile(
    r"\b(?:huissier|commissaire|audience|tribunal|saisie|saisir|expulsion|revient|reviennent|repasse|repassent|"
    r"c'?(?: )?est quand|trop (?:court|juste|tard|loin))\b"
)
_INSTEAD_OF = re.compile(r"\b(?:plutot qu'?|mieux qu'?|au lieu d(?:e|u|')|a la place d(?:e|u|'))\s*")
# "lundi il travaille plutot mardi" (round 25): the moment brought by "plutôt" is a clause of its own.
_MOVE_CLAUSES = re.compile(
    r"[,;.!?\n(]+|\s(?:mais|sinon|par contre|donc)\s|\set\s(?!(?:midi|minuit|\d))|"
    r"(?:(?<=travaille)|(?<=bosse)|(?<=taffe)|(?<=pas))\s(?=plutot\b(?! qu))"
)
_MOVE_OPENING = re.compile(
    r"^(?:(?:ah|oh|euh|bon|ben|bah|alors|et|mais|donc|non|oui|ok|du coup|en fait|finalement|plutot|sinon|attendez|attends|"
    r"mettez(?:-moi| moi| le| la)?|mettons|disons|je prefere(?:rais)?|si possible|svp|stp|"
    r"(?:vous|il|elle|le conseiller|on) (?:peut|peux|pouvez|pourrait|pourriez|pourrai)(?:-vous|-il)?|"
    r"(?:pouvez|pourriez)-vous|(?:plutot )?(?:m'|me |le |la )?(?:appeler|rappeler|appelez|rappelez)(?:-moi| moi)?)"
    r"\b[\s,:']*)+"
)
_MOVE_ENDING = re.compile(
    r"(?:[\s,]*(?:plutot|finalement|en fait|alors|du coup|svp|stp|si possible|si vous pouvez|merci|"
    r"(?:si )?(?:c'?(?: )?est|ce serait|ca serait|ca irait|ca ira|ca va) ?(?:possible|mieux|bon|ok)?)\b)+[\s,.!?]*$"
)


def moment_moved(words: str | None) -> str | None:
    """The new moment when the words change the moment of the call in ordinary words ("ah non jeudi je peux pas, mettez
    vendredi matin plutot" -> "vendredi matin"; "vous pouvez m'appeler mardi après-midi plutôt que lundi ?" -> "mardi
    après-midi"; "ah non plutot jeudi matin en fait" -> "jeudi matin"). None when no change is said, when the new moment
    is said with words of the situation ("l'audience est jeudi plutôt que mardi"), or with no moment named ("le 12
    plutôt", "plutôt Lens que Lille")."""
    text = " ".join((words or "").split())
    folded = fold_in_place(text)
    if not text or not _MOMENT_NAMED.search(folded) or find_signs(text) or phones_in(text):
        return None
    wanted: list[str] = []
    ruled_out = False
    start = 0
    for cut in [*_MOVE_CLAUSES.finditer(folded), None]:
        end = cut.start() if cut else len(text)
        while start < end and text[start].isspace():
            start += 1
        clause, said = text[start:end], folded[start:end]
        start = cut.end() if cut else end
        instead = _INSTEAD_OF.search(said)
        if instead is not None:
            ruled_out = ruled_out or bool(_MOMENT_NAMED.search(said[instead.end() :]))
            clause, said = clause[: instead.start()], said[: instead.start()]
        if not _MOMENT_NAMED.search(said):
            if _RULED_OUT.search(said) and wanted:
                ruled_out = True  # "lundi ? non, je ne pourrai pas": the moment just said is the one ruled out
                wanted.pop()
            continue
        if _RULED_OUT.search(said):
            ruled_out = True
            continue
        if _DAY_OF_THE_SITUATION.search(said):
            continue  # "jeudi c'est quand l'huissier revient" (round 20, r20b-05): why not Thursday, no moment wished
        opening = _MOVE_OPENING.match(said)
        clause = clause[opening.end() :] if opening else clause
        ending = _MOVE_ENDING.search(fold_in_place(clause))
        clause = clause[: ending.start()] if ending else clause
        if clause.strip(" ,.;:!?"):
            wanted.append(clause.strip(" ,.;:!?"))
    if not wanted or not (ruled_out or _CHANGE_SAID.search(folded)):
        return None
    moment = ", ".join(wanted)
    return moment if callback_time(moment) else None


def asks_to_change_moment(words: str | None) -> bool:
    """Whether the words ask for the time of the call to be changed."""
    return bool(_MOMENT_CHANGE.search(fold_in_place(" ".join((words or "").split()))))


def moment_changed(tracker: Tracker, words: str | None) -> str | None:
    """The new moment the words give once the case is stored: said with the change asked ("je voudrais changer l'heure
    du rappel, plutôt mardi 10h" -> "plutôt mardi 10h"), in answer to the moment asked again, or asked as a question
    ("et à 17h30 c'est possible ?" -> "à 17h30"). None otherwise."""
    text = " ".join((words or "").split())
    folded = fold_in_place(text)
    if not text:
        return None
    change = _MOMENT_CHANGE.search(folded)
    if change is not None:
        rest = f"{text[: change.start()]} {text[change.end() :]}"
        rest = re.sub(
            r"^[\s,.;:!?]*(?:je (?:voudrais|veux|souhaite|peux|pourrais)|on peut|est-ce qu'on peut)?\s*", "", rest
        )
        return moment_wished(rest.strip(" ,.;:!?")) if says_a_moment(rest) else None
    if _last_bot_text(tracker) in (MOMENT_ASKED_AFTER_CASE,) or _last_bot_text(tracker).endswith(OTHER_MOMENT_ASKED):
        return moment_wished(text)
    changed_to = _CHANGED_TO.search(folded)
    if changed_to is not None:
        rest = text[changed_to.end() :].strip(" ,.;:!?")
        moment = callback_time(rest) if says_a_moment(rest) else None
        if moment:
            return moment.strip(" ,.;:!?")
    moved = moment_moved(text)  # "ah non jeudi je peux pas, mettez vendredi matin plutot" (round 15)
    if moved:
        return moved
    if _SOONEST_ALONE.match(folded) and tracker.get_slot("callback_slot") not in (None, SKIPPED, AS_SOON_AS_POSSIBLE):
        # "le plus tôt possible" once a day is booked (round 20, r20b-05: "Je n'ai pas bien compris"): the soonest call.
        return text.strip(" ,.;:!?")
    if not _MOMENT_ASKED.search(folded):
        return _moment_alone_for_a_case_without_one(tracker, text)
    wish = moment_wished(text)
    if not wish:
        return None
    # Said as asked: the question's words are no part of the moment kept ("et à 17h30 c'est possible" -> "à 17h30").
    tail = _MOMENT_ASKED_TAIL.search(fold_in_place(wish))
    wish = wish[: tail.start()] if tail else wish
    asked = _CALL_ASKED_OPENING.search(fold_in_place(wish))
    wish = wish[asked.end() :] if asked and callback_time(wish[asked.end() :].strip(" ,.;:!?")) else wish
    opening = _OPENING_FILLER.match(fold_in_place(wish))
    wish = wish[opening.end() :].strip(" ,.;:!?") if opening else wish.strip(" ,.;:!?")
    if not wish or not (callback_time(wish) or _CALL_WORDS.search(fold(wish))):
        return None  # "et si je paie lundi c'est bon ?": a question about the situation, not about the call
    return wish


# The soonest call asked for, and nothing else ("le plus tôt possible", "au plus vite svp", "dès que possible !").
_SOONEST_ALONE = re.compile(
    r"^\W*(?:(?:non|en fait|plutot|alors|euh|mais)\W+)*(?:(?:rappelez|appelez)[- ]moi\W+)?"
    r"(?:le plus tot possible|au plus tot|au plus vite|le plus vite possible|des que possible|asap)"
    r"(?:\W+(?:svp|stp|s'il vous plait|merci|alors|plutot))*\W*$"
)


def _moment_alone_for_a_case_without_one(tracker: Tracker, text: str) -> str | None:
    """Only a moment, said once the case is stored with no question pending and no moment in the case ("le midi",
    "quand vous voulez" after the closing: round 17, r17a-12, r17b-17, "D'accord, c'est noté" and an intake question,
    or "pas compris", nothing stored): it can only be the moment of the call. A case with its moment keeps it ("le
    matin" alone is no correction of "le matin mais pas avant 10h": round 13)."""
    if tracker.active_loop_name is not None or tracker.get_slot("requested_slot") is not None:
        return None
    if tracker.get_slot("callback_slot") not in (None, SKIPPED, AS_SOON_AS_POSSIBLE):
        return None
    return callback_time(text)


def _last_bot_text(tracker: Tracker) -> str:
    """What the bot said last before the artisan's latest message."""
    for event in reversed(list(tracker.events)[: _latest_user_index(tracker)]):
        if event.get("event") == "bot":
            return str(event.get("text") or "")
    return ""


def _latest_user_index(tracker: Tracker) -> int:
    events = list(tracker.events)
    return max((i for i, event in enumerate(events) if event.get("event") == "user"), default=len(events))


NUMBER_ADDED = "C'est noté : le conseiller pourra aussi {who} au {number}. Votre référence reste {reference}."


def number_added_text(words: str | None, number: str, reference: str | None) -> str:
    """A number added to the case, said back with whose it is ("votre femme"), and the reference."""
    owner = number_owner(words)
    who = yours(owner) if owner else "vous appeler"
    if owner:
        who = f"appeler {who}"
    return NUMBER_ADDED.format(who=who, number=display_phone(number), reference=reference)


def number_added_after_case(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """Another number once the case is stored, given as one more or as a relative's ("ah et si je réponds pas vous
    pouvez appeler ma femme au 0696 31 41 51"): added to the case (its summary says whose it is), said back with the
    reference; nothing restarts, nothing is reset. Round 9, r9a-08: the intake questions started again, two slots were
    emptied and the number was lost. None otherwise."""
    slots = dict(tracker.slots)
    words = tracker.latest_message.get("text")
    if not slots.get("case_reference") or not consented(slots) or not has_phone(slots):
        return None
    if refuses_callback(words) or is_withdrawal(words, explicit_only=True) or not another_number(words):
        return None
    numbers = [number for number in phones_in(words) if number != slots["phone"]]
    if len(numbers) != 1:
        return None
    slots["phone"] = phone_of_stored_case(tracker) or slots["phone"]  # a mapping may have put the new one there
    result = save_case(tracker, slots)
    dispatcher.utter_message(text=number_added_text(words, numbers[0], result.reference))
    logger.info("a number added to the case after it was stored")
    events: list[EventType] = [SlotSet("phone", slots["phone"]), SlotSet("case_reference", result.reference)]
    return events if tracker.active_loop_name == "handoff_form" else [*events, FollowupAction("action_listen")]


def number_at_phone_question(tracker: Tracker) -> str | None:
    """The valid number the latest words give at the phone question of a consented handoff, whatever else they say
    ("06 77 66 55 44, c'est mon portable, lui il répondra pas", "06 12 34 56 78 mais ne me rappelez pas avant lundi"):
    the answer, never a refusal or a farewell that loses it (round 9, r9a-14). None otherwise."""
    if tracker.active_loop_name != "handoff_form" or tracker.get_slot("requested_slot") != "phone":
        return None
    if not consented(tracker.slots):
        return None
    choice = preferred_phone(tracker.latest_message.get("text"))
    return choice[0] if choice else None


def number_kept_at_stop(dispatcher: CollectingDispatcher, tracker: Tracker, number: str) -> list[EventType]:
    """A number given at the phone question in words read as a stop, a farewell or a thanks: the number is kept and
    the case stored; a farewell ends the handoff with the reference, anything else goes on with the form."""
    words = tracker.latest_message.get("text")
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    tracker.slots["phone"] = number  # what the case and the next question are computed from
    say_numbers_kept(dispatcher, words)
    if intent in ("goodbye", "thank") or is_closing(words):
        return [SlotSet("phone", number), *(leave_handoff(dispatcher, tracker, thanks=intent == "thank") or [])]
    result = save_case(tracker, dict(tracker.slots))
    dispatcher.utter_message(text=CASE_SAVED if result.stored else CASE_KEPT)
    logger.info("a number given at the phone question in words read as a stop: kept")
    return [SlotSet("phone", number), SlotSet("case_reference", result.reference), FollowupAction("handoff_form")]


def phone_of_stored_case(tracker: Tracker) -> str | None:
    """The number the stored case holds, as it was before the latest message (whose mappings may already have put
    another in the slot); None before the case, or without consent."""
    if not tracker.get_slot("case_reference") or not consented(tracker.slots):
        return None
    events = list(tracker.events)
    latest = max((i for i, event in enumerate(events) if event.get("event") == "user"), default=len(events))
    for event in reversed(events[:latest]):
        if event.get("event") == "slot" and event.get("name") == "phone":
            value = event.get("value")
            return value if isinstance(value, str) and value.startswith("+") else None
    return None


NUMBER_NOT_TAKEN = (
    "{problem} Le conseiller vous rappellera donc au {stored} ; écrivez-moi le bon numéro si ce n'est pas celui-là."
)


def number_after_the_case(
    stored: str, value: Any, words: str, dispatcher: CollectingDispatcher, tracker: Tracker, renamed: str | None = None
) -> str:
    """The case's number after a number said at another handoff question once the case is stored: a correction
    replaces it, said back (make run, 2026-12-04: replaced in silence, the place question asked again); a number
    that does not exist leaves it, said so (the slot was emptied and the number asked again, the case keeping the
    old one); someone else's number ("ma femme au ...") leaves it quietly."""
    choice = preferred_phone(words)
    new = choice[0] if choice else normalise_phone(value if isinstance(value, str) else None)
    if new is not None and new != stored and another_number(words):
        # "si je réponds pas, appelez ma femme au ..." (round 9, r9a-08): one more number, said back; the case's stays
        # (the summary says whose it is: actions.handoff.phone_notes).
        dispatcher.utter_message(text=number_added_text(words, new, tracker.get_slot("case_reference")))
        return stored
    if new == stored:
        return stored
    if new is None:
        unknown = number_unknown(words) or number_unknown(value if isinstance(value, str) else None)
        problem = "Ce numéro ne semble pas exister." if unknown else "Je n'ai pas reconnu ce numéro."
        dispatcher.utter_message(text=NUMBER_NOT_TAKEN.format(problem=problem, stored=display_phone(stored)))
        return stored
    if choice and choice[1]:
        say_numbers_kept(dispatcher, words)
    reference = tracker.get_slot("case_reference")
    text = PHONE_CORRECTED.format(new=display_phone(new), old=display_phone(stored), reference=reference)
    dispatcher.utter_message(text=text + (NAME_CORRECTED_TOO.format(name=renamed) if renamed else ""))
    return new


def yes_no_said_with_more(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """A yes or a no opening a longer answer to the callback offer or the consent question, read as a new difficulty,
    out of scope or not understood ("non c bon. je voulais juste savoir comment recuperer mon argent", "oui je veux
    bien, mais c'est moi qu'il faut appeler": round 12, r12b-03, r12b-04, r12b-15, "D'accord, c'est noté." and the
    question again): the answer taken as the form's validation would take it, the question after a no answered, then
    the form. The rest of a yes stays in the conversation, where the name question reads it. Outside the form, once
    the case is stored, the moment of the call changed in words read as a question about the service ("vous pouvez
    m'appeler mardi après-midi plutôt que lundi ?", round 15, r15b-15: the hours were said, the case kept lundi):
    ``moment_corrected_after_case``, as the other actions outside the forms read it. None otherwise."""
    if tracker.active_loop_name != "handoff_form":
        if tracker.get_slot("case_reference"):
            return moment_corrected_after_case(dispatcher, tracker)
        return None
    slot = tracker.get_slot("requested_slot")
    words = tracker.latest_message.get("text") or ""
    if slot not in ("wants_advisor", "consent_given") or find_signs(words) or is_waiting(words):
        return None  # a warning sign is the crisis path's; "non attendez" is a pause
    first = re.split(r"[,;.!?]|\s(?:mais|et)\s", " ".join(words.split()), maxsplit=1)[0]
    said = answer_kind(first)
    if no_then_yes(words):
        said = YES  # "non... enfin si", "non pas elle. mais moi vous pouvez m'appeler ?" (round 12)
    elif said not in (YES, NO) or answer_kind(words) != said or len(first.split()) > 5:
        return None
    if said == NO:
        answer: dict[str, Any] = {slot: False, **contact_forgotten(tracker)}
        question = question_after_no(words) if slot == "wants_advisor" else None
        if question:
            dispatcher.utter_message(text=answer_to_question(tracker, question))
    else:
        answer = yes_as_the_form_takes_it(dispatcher, tracker, slot, words)
    return [*(SlotSet(name, value) for name, value in answer.items()), FollowupAction("handoff_form")]


def person_named_at_name_question(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """At the name question, someone writing for another ("cest pour mon mari en fait, il sappelle Jean-Marc mais cest
    moi qui gere les papiers"), read as out of scope (round 7): the person named is the one the advisor asks for; who
    writes goes in the case summary. None otherwise."""
    if tracker.active_loop_name != "handoff_form" or tracker.get_slot("requested_slot") != "contact_name":
        return None
    name = person_to_call(tracker.latest_message.get("text"), user_messages(tracker.events)[:-1])
    if not name:
        return None
    dispatcher.utter_message(text=to_call_text(name, tracker.latest_message.get("text")))
    return [SlotSet("contact_name", name), FollowupAction("handoff_form")]


PERSON_TO_CALL = "D'accord, le conseiller demandera {name}, ou vous-même."
WRITER_TO_CALL = "D'accord, le conseiller vous demandera, {name}."


def to_call_text(name: str, words: str | None) -> str:
    """Whom the advisor asks for, said back: the writer themself, or the person concerned (or the writer)."""
    writer = (written_for([words or ""]) or {}).get("writer_name")
    return (WRITER_TO_CALL if name == writer else PERSON_TO_CALL).format(name=name)


CONSENT_NOW_GIVEN = "Merci, c'est noté : vous êtes d'accord."


def callback_taken_up_again(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """After the call or the consent was refused, a change of mind ("bon ok si. c'est le 06 07 08 09 10", "je veux
    etre rappelee"): the consent is asked again, the number, name and time said with it kept for after it. Round 5
    read the first as out of scope and the second as not understood. None otherwise (outside forms only)."""
    slots = tracker.slots
    words = tracker.latest_message.get("text")
    found = contact_given_with(words)
    given = bool(found.get("phone")) and answer_kind(words) != NO and not refuses_callback(words)
    refused = slots.get("wants_advisor") is False or slots.get("consent_given") is False
    # The offer made and left unanswered (round 6, p23: "bon, Marc" read as a farewell), then a number: a yes in deed;
    # or the call asked for in so many words ("ok. oui rappelez moi" after a goodbye and a question: round 17, r17a-17,
    # "Je vous écoute : dites-moi ce qui vous amène").
    offered = slots.get("wants_advisor") is None and _offer_made(tracker) and (given or asks_for_callback(words))
    if tracker.active_loop_name or not (refused or offered):
        return None
    if not (
        asks_for_callback(words)
        or given
        or says_the_keyword(words)
        or (refused and _CHANGED_TO_YES.search(fold(words or "")))
        or (slots.get("consent_given") is False and accepts_in_words(words))
        or consent_no_taken_back(tracker)
    ):
        return None
    kept = {slot: value for slot, value in found.items() if _open_for(slot, slots.get(slot))}
    if "callback_slot" not in kept:
        kept.update(moment_with_change_of_mind(slots, words))
    named = None if slots.get("contact_name") else name_after_yes(words, tracker.latest_message.get("entities") or [])
    if named and "contact_name" not in kept:
        kept["contact_name"] = named  # "..., c'est Laetitia" (round 28, r28-a-15: the name asked again, then lost)
    if (
        slots.get("wants_advisor") is True
        and slots.get("consent_given") is False
        and (accepts_in_words(words) or consent_no_taken_back(tracker))
    ):
        # The consent itself refused, then given in so many words ("finalement si, j'accepte", round 17, r17a-16): it
        # was read and is now given; never asked again.
        dispatcher.utter_message(text=CONSENT_NOW_GIVEN)
        now = datetime.now(timezone.utc).isoformat()
        events = [SlotSet("consent_given", True), SlotSet("consent_at", now)]
        if "phone" not in kept:
            kept.update(earlier_number_with_consent(tracker))  # round 23, r23a-10: the first message's number
        return [*events, *(SlotSet(slot, value) for slot, value in kept.items()), FollowupAction("handoff_form")]
    dispatcher.utter_message(text=NUMBER_IS_A_YES)
    events = [SlotSet("wants_advisor", True), SlotSet("consent_given", None)]
    return [*events, *(SlotSet(slot, value) for slot, value in kept.items()), FollowupAction("handoff_form")]


crisis_actions.callback_taken_up_again = callback_taken_up_again  # the check-in after the crisis path reads it too


def consent_taken_back(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """ "enfin si, si, d'accord" right after a "non" to the consent: the consent given, never asked again (round 23,
    r23a-10: asked twice more). None otherwise."""
    if tracker.active_loop_name or not consent_no_taken_back(tracker):
        return None
    return callback_taken_up_again(dispatcher, tracker)


crisis_actions.consent_taken_back = consent_taken_back  # action_answer_outside_question reads it first


# The word the bot tells people to write (« conseiller »), said as a clause of its own at the end or the start of a
# longer message ("bon je lui ai parlé il est ok. conseiller": round 13, r13b-08, read as a stop and told "on s'arrête
# là"), never a word of a sentence ("je verrai avec mon conseiller", "pas de conseiller", "conseiller bancaire").
_KEYWORD_CLAUSE = re.compile(
    r"(?:(?:^|[.,;!:]\s*|\b(?:ok|oui|ouais|donc|alors|bon|d'accord|daccord|allez|du coup|c'est bon)[ ,]+)"
    r"(?:un |une |le |la )?conseill(?:er|ere)(?: (?:svp|stp|s'il vous plait|merci|please|alors|donc|maintenant|finalement|"
    r"oui|ok|du coup|quand meme|en fait))*\s*[.!]*$)|^(?:un |une )?conseill(?:er|ere)\s*[.,;!:]"
)


def says_the_keyword(words: str | None) -> bool:
    """« conseiller » written as the bot asked, with more around it ("il est ok. conseiller", "conseiller. il est
    d'accord maintenant", "ok conseiller svp"), or the callback named (``names_the_callback``); never with words that
    take it back or refuse it, nor a question."""
    folded = " ".join(fold(words or "").replace("\u2019", "'").split())
    if not folded or folded.startswith("/") or "?" in folded or takes_back_callback(words, explicit_only=True):
        return False
    if drops_the_question(re.split(r"[.,;!]", folded)[0]):
        return False  # "laissez tomber. conseiller": dropped first, then the word (no longer a withdrawal: round 21)
    if answer_kind(words) == NO and not _KEYWORD_CLAUSE.search(folded):
        return False
    return bool(_KEYWORD_CLAUSE.search(folded)) or names_the_callback(words)


# "non finalement d'accord", "bon finalement oui", "en fait ok": a mind changed to a yes after a refusal (round 6).
# The "non" to the consent taken back at once, in the next message ("enfin si, si, d'accord, c'est juste que je suis
# pressé", "ah si pardon, ok", "non si si allez-y", "bon d'accord"): round 23, r23a-10, the consent was asked again, then
# a third time after the name. Never with a no after it ("si mais non", "d'accord mais pas mon numéro").
_CONSENT_NO_TAKEN_BACK = re.compile(
    r"^(?:(?:enfin|ah|oh|bon|euh|non|pardon|attendez|finalement|en fait|excusez-moi|oups)[ ,.!…]+)*"
    r"(?:si|oui|ok|okay|d'accord|daccord|allez-y|allez|c'est bon|je veux bien)\b"
    r"(?![^.!?]*\b(?:pas|non|plus|mais non|sans)\b)"
)


def consent_no_taken_back(tracker: Tracker) -> bool:
    """Whether the latest message takes back the "non" the consent question got in the message just before."""
    if tracker.get_slot("consent_given") is not False or not _CONSENT_NO_TAKEN_BACK.search(
        fold(tracker.latest_message.get("text") or "").replace("’", "'")
    ):
        return False
    if yes_turning_elsewhere(tracker.latest_message.get("text")) is not None:
        return False  # "ok tant pis pour la météo. vous pouvez m'aider ... ?" (round 25, s25c-02): no consent
    events = list(tracker.events)
    said = [i for i, event in enumerate(events) if event.get("event") == "user"]
    if len(said) < 2:
        return False
    between = events[said[-2] : said[-1]]
    return any(
        e.get("event") == "slot" and e.get("name") == "consent_given" and e.get("value") is False for e in between
    )


_CHANGED_TO_YES = re.compile(
    r"\b(?:finalement|en fait|reflexion faite|tout compte fait|j'ai change d'avis)[ ,]+(?:si|oui|ok|d'accord|"
    r"daccord|je veux bien|allez-y|c'est bon)\b(?! pas)"
)


def _offer_made(tracker: Tracker) -> bool:
    """Whether the bot offered the callback ("Voulez-vous qu'un conseiller ... vous rappelle ...?")."""
    return any(
        event.get("event") == "bot"
        and "qu'un conseiller" in (event.get("text") or "")
        and "rappelle" in (event.get("text") or "")
        for event in tracker.events
    )


def save_progress(dispatcher: CollectingDispatcher, tracker: Tracker, events: list[EventType]) -> list[EventType]:
    """After the form's validation (``tracker.slots`` holds the validated answers): the case is stored once
    consent and a phone number are given, then updated at every answer; the health rule holds at each save
    (cases.drafts: health details only with the health consent)."""
    slots = dict(tracker.slots)
    if not case_due(slots):
        return []
    answered = any(e.get("event") == "slot" and e.get("name") != "requested_slot" for e in events)
    if slots.get("case_reference") and not answered:
        return []  # nothing new this turn (the form asked again)
    result = save_case(tracker, slots)
    next_question = next(
        (e.get("value") for e in reversed(events) if e.get("event") == "slot" and e.get("name") == "requested_slot"),
        None,
    )
    answered_now = tracker.get_slot("requested_slot")
    # First stored now, or stored silently at a required question (a number given at the name question).
    stored_silently = slots.get("case_reference") and answered_now not in OPTIONAL_AFTER_CASE
    first = not slots.get("case_reference") or (stored_silently and not already_said(tracker, CASE_SAVED))
    if first and next_question in OPTIONAL_AFTER_CASE:
        # Said once the case is stored and only the optional questions are left: whoever leaves now is called back.
        # Not when a number came at the name question (round 7: "votre demande est bien enregistrée", then the name
        # asked): the number alone is said noted, and this is said when the name is given.
        saved = CASE_SAVED if result.stored else CASE_KEPT
        dispatcher.utter_message(text=f"{saved} {kept}" if (kept := number_read_back(tracker, slots)) else saved)
    if result.reference == slots.get("case_reference"):
        return []
    return [SlotSet("case_reference", result.reference)]


def number_read_back(tracker: Tracker, slots: Mapping[str, Any]) -> str | None:
    """The number the case keeps, said back when it came before its question and was never asked ("02 98 39 12 47
    c'est le fixe" at the consent question; round 17, r17a-01: the case was stored and the number never read back).
    None when the phone question was asked (its answer was read there) or there is no number."""
    phone = slots.get("phone")
    if phone in (None, SKIPPED) or not isinstance(phone, str):
        return None
    asked = any(
        event.get("event") == "slot" and event.get("name") == "requested_slot" and event.get("value") == "phone"
        for event in tracker.events
    )
    if asked or tracker.get_slot("requested_slot") == "phone":
        return None
    shown = display_phone(phone)
    typed = any(phone in phones_in(event.get("text") or "") for event in tracker.events if event.get("event") == "user")
    if not typed or any(shown in (event.get("text") or "") for event in tracker.events if event.get("event") == "bot"):
        return None  # not typed in a message (nothing to say back), or already said back ("j'ai noté votre numéro")
    return f"Je garde le {shown} que vous m'avez donné."


# The handoff form's own questions: a number said at any other moment came before the offer.
_HANDOFF_QUESTIONS = frozenset(
    {"wants_advisor", "consent_given", "health_consent", live_offer.SLOT, "contact_name", "phone", "email"}
    | {"callback_slot", "departement"}
)


def someone_elses_number_before_the_offer(tracker: Tracker, words: str | None) -> bool:
    """A relative's number said before the handoff form asked anything, as theirs ("non je crois pas. mais vous pouvez
    l'appeler lui ? 06 11 22 33 44" at the direct question about a father, the form opened next): never the writer's
    number to call (round 22, r22a-13: the case kept the father's number under his daughter's name, "Je garde le 06 11
    22 33 44 que vous m'avez donné", and he had agreed to nothing). The phone question asks the writer's; the case
    says his (``phone_notes``). At the offer itself, a number given for him is a yes to calling him, said so."""
    if tracker.get_slot("requested_slot") in _HANDOFF_QUESTIONS or phone_of_stored_case(tracker) is not None:
        return False
    return number_owner(words, relative_written_for(tracker.slots, user_messages(tracker.events))) is not None


# The handoff questions left once the case can be stored (and the live offer, asked at the end).
OPTIONAL_AFTER_CASE = frozenset({"email", "callback_slot", "departement", live_offer.SLOT})


def contact_read_earlier(tracker: Tracker) -> list[EventType]:
    """A phone number or an address given before its question ("c'est le 06 45 23 11 09" to the consent
    question) fills its slot unread: read now, so that a number the form then does not ask again is the
    normalised one the case needs, and one that is not a number is asked."""
    events: list[EventType] = []
    if tracker.get_slot("consent_given") is not True:
        return events
    for name, normalise in (("phone", normalise_phone), ("email", normalise_email)):
        value = tracker.get_slot(name)
        if value in (None, SKIPPED) or name in tracker.slots_to_validate():
            continue  # nothing there, or just answered (its validate_ method reads it)
        read = normalise(value)
        if read != value:
            tracker.slots[name] = read  # what the form's next question is computed from
            events.append(SlotSet(name, read))
    return events


# The call taken back in other words than intake.answers knows (round 13, r13a-10: "non. et en fait je prefere plus
# etre rappelée, j'appellerai moi meme" at the e-mail question, after the case was saved, got the e-mail question again).
_CALLED = r"(?:rappelee?s?|appelee?s?|contactee?s?|recontactee?s?|telephonee?s?)"
# The call refused in the first three ways below may be followed by when or how to call ("je préfère pas être appelée
# le matin", "... avant 10 h", "... par mail"): intake.answers.when_or_how_follows reads that, in takes_back_callback.
_CALLBACK_TAKEN_BACK = re.compile(
    r"\b(?:(?P<refused>"
    # "je préfère plus être rappelée", "j'aimerais mieux ne pas être appelé", "je souhaite plus être contactée".
    r"(?:je |j')(?:ne |n')?(?:prefere|prefererais|aimerais|aime|voudrais|veux|souhaite|souhaiterais|desire|tiens)"
    r"(?: mieux| plutot)?(?: finalement)? (?:plus|pas|ne pas|ne plus|plutot pas|finalement pas|plus du tout|pas du tout)"
    rf"(?: finalement)? (?:d'|qu'on me |qu'on m')?(?:etre )?{_CALLED}\b|"
    r"(?:je |j')(?:ne |n')?(?:prefere|prefererais|aimerais|voudrais|veux|souhaite|desire) plus (?:qu'on me |qu'on m')"
    r"(?:rappelle|appelle|contacte|telephone)\b|"
    # "plus besoin du rappel", "j'ai plus envie qu'on m'appelle", "plus la peine de me rappeler", "pas la peine de rappeler".
    r"(?:plus|pas) (?:besoin|envie|la peine|necessaire)(?: finalement)? (?:d'etre |de |du |d'un |qu'on me |qu'on m'|que vous "
    r"(?:me )?)?(?:rappel|appel|conseiller|coup de fil|me rappeler|m'appeler|me contacter|rappeler|"
    rf"{_CALLED}|rappelle|appelle|contacte|rappeliez|appeliez)\b)|"
    # "laissez tomber le rappel", "oubliez le rappel", "annulez le rappel j'ai trouvé", "on abandonne l'appel".
    r"(?:laisse[zr]? tomber|oubliez|oublie[rz]?|annule[zr]?|j'annule|abandonne[zr]?|supprime[zr]?|retire[zr]?|stoppe[zr]?)"
    r" (?:le |ce |mon |votre |la |cette |l')?(?:rappel|appel|coup de fil|demande de rappel|demande d'appel)\b|"
    # "finalement j'appellerai moi-même", "non je vais les appeler directement": the artisan will call instead.
    r"(?:finalement|en fait|plutot|non|tout compte fait|reflexion faite|je prefere)\b(?:(?!\bsi\b)[^.?!])*?"
    r"\b(?:j'appellerai|je (?:les |la |vous )?(?:rappellerai|appellerai|contacterai|telephonerai)|je vais (?:les |la |vous )?"
    r"(?:appeler|rappeler|contacter|telephoner)|appeler)(?: (?:la chambre|la cma|le conseiller|les conseillers|moi))?"
    r" (?:moi[- ]meme|directement|de mon cote|par moi[- ]meme)\b"
    r")"
)


def takes_back_callback(text: str | None, *, explicit_only: bool = False) -> bool:
    """The callback taken back: ``is_withdrawal``'s words, or the call refused in others ("je préfère plus être
    rappelée", "laissez tomber le rappel", "plus besoin qu'on m'appelle", "finalement j'appellerai moi-même"). When or
    how to call ("je préfère pas être appelée le matin", "pas par mail") and a condition ("si vous ne m'appelez pas,
    j'appellerai moi-même") take nothing back."""
    if is_withdrawal(text, explicit_only=explicit_only):
        return True
    folded = " ".join(fold(text or "").replace("\u2019", "'").split())
    if not folded or folded.startswith("/") or "?" in folded:
        return False
    # "finalement non, jappelerai moi meme lundi" (round 19, r19a-16): SMS spellings read written out, as is_withdrawal.
    if _taken_back_in_words(folded):
        return True
    sms = respelled(text)
    return sms != folded and _taken_back_in_words(sms)


def _taken_back_in_words(folded: str) -> bool:
    # Being called refused, then when or how ("je veux plus être rappelée maintenant", "... dès 9h"): read as
    # is_withdrawal reads it, so that the two never disagree (round 14: a time constraint erased the case); never
    # "j'appellerai moi-même demain", where the artisan calls instead.
    return any(
        not (
            (match.group("refused") or re.search(r"(?:rappel|appel)$", match.group()))
            and when_or_how_follows(folded, match.end())
        )
        for match in _CALLBACK_TAKEN_BACK.finditer(folded)
    )


def withdraws_consent(tracker: Tracker) -> bool:
    """After agreeing, the artisan takes it back ("non finalement je ne veux pas", "annulez ma demande").
    At the health question a bare "non finalement" refuses the health details only."""
    asked = tracker.get_slot("requested_slot")
    if tracker.get_slot("consent_given") is not True or asked in ("wants_advisor", "consent_given"):
        return False
    words = tracker.latest_message.get("text")
    if number_at_phone_question(tracker):
        return False  # "06 12 34 56 78 mais ne me rappelez pas avant lundi": a number given is no withdrawal (round 9)
    return takes_back_callback(words, explicit_only=asked in (None, "health_consent"))


def declines_callback(tracker: Tracker) -> bool:
    """Before any consent, words that refuse the call in so many words ("ne me rappelez pas")."""
    if tracker.get_slot("consent_given") is True:
        return False
    words = tracker.latest_message.get("text")
    # "pas de coup de fil, je préfère par mail" (round 29, r29-b-16): a call refused for writing, no refusal of contact.
    return takes_back_callback(words, explicit_only=True) and not prefers_writing(words)


def withdraw_consent(tracker: Tracker) -> list[EventType]:
    """Consent withdrawn: the case, when stored, is erased at once (cases.outbox withdraw: drafts waiting on
    disk deleted, the case anonymised and closed like an erasure, audited as the artisan's act); what the
    artisan gave for the callback is cleared. action_finish_handoff then says so."""
    events: list[EventType] = []
    if tracker.get_slot("case_reference"):
        services.case_outbox().withdraw(tracker.sender_id)
        events.append(SlotSet("case_reference", None))
    # A refused health consent stays refused (round 17, r17a-08: after a cancel and a return it was asked again three
    # times): a no is nothing kept about the person, and being asked again what one refused is not asked for.
    events += [
        SlotSet(name, None)
        for name in CONSENTED_SLOTS
        if tracker.get_slot(name) is not None and not (name == "health_consent" and tracker.get_slot(name) is False)
    ]
    words = tracker.latest_message.get("text")
    if words and tracker.get_slot("departement") == words:
        # "annulez le rappel" at the place question, taken as the place by its mapping (round 19, r19a-01: the next
        # case read "Lieu : annulez le rappel s'il vous plaît"): the place it held before.
        events.append(SlotSet("departement", value_before_latest_message(tracker.events, "departement")))
    return [*events, SlotSet("consent_given", False)]


def case_withdrawn_this_turn(tracker: Tracker) -> bool:
    return any(
        e.get("event") == "slot" and e.get("name") == "case_reference" and e.get("value") is None
        for e in _this_turn(tracker)
    )


def farewell_with_the_answer(
    dispatcher: CollectingDispatcher, tracker: Tracker, events: list[EventType]
) -> list[EventType] | None:
    """An answer given with a farewell ("07 52 12 12 12 merci au revoir", "pardon 06 45 78 12 34, merci bonne soirée",
    "06 ... bon jv y aller"): round 22 (r22b-05, r22b-18) kept the number and asked for the e-mail of someone already
    gone, who left without a reference. Once the case can be made, the farewell is honoured: the case made with what
    was given, its reference and a goodbye, no next question. None: no farewell, a question, or no case yet (the
    question the case needs stays: ``leave_handoff``)."""
    words = tracker.latest_message.get("text")
    if not is_closing(words) or is_question(words):
        return None
    tracker.add_slots(events)
    if not case_due(tracker.slots):
        return None
    kept = [e for e in events if not (e.get("event") == "slot" and e.get("name") == "requested_slot")]
    ended = leave_handoff(dispatcher, tracker, thanks=False) or []
    if not tracker.get_slot("distress"):  # after a crisis, finish_handoff said the 3114 last
        dispatcher.utter_message(text=GOODBYE_WITH_CASE)
    return [*kept, *ended]


GOODBYE_WITH_CASE = "Au revoir, prenez soin de vous."


def question_said_by_validator(dispatcher: CollectingDispatcher, slot: str | None) -> bool:
    """A validator's words that ask for the next slot themselves (another moment, a number to write again, time to
    think: marked with the slot) stand for its question, said last (round 22, r22b-01, r22b-05, r22a-04: "Merci, votre
    demande est bien enregistrée." came after them, then the form's question again). False when none does."""
    marked = [m for m in dispatcher.messages if slot is not None and m.get(ASKED_SLOT_KEY) == slot]
    if not marked:
        return False
    dispatcher.messages.remove(marked[-1])
    dispatcher.messages.append(marked[-1])
    return True


def leave_handoff(dispatcher: CollectingDispatcher, tracker: Tracker, *, thanks: bool) -> list[EventType] | None:
    """A thanks or a farewell at a handoff question. The handoff ends politely, without the next question,
    only when the case is stored (it is then updated and its reference said) or when nothing was consented
    to; between the consent and the phone number the question stays, said why once. None: nothing was
    consented to and the caller ends the conversation its own way."""
    slots = tracker.slots
    end: list[EventType] = [ActiveLoop(None), SlotSet("requested_slot", None)]
    if case_due(slots):
        if thanks:
            dispatcher.utter_message(text=YOU_ARE_WELCOME)
        return end + finish_handoff(dispatcher, tracker, leaving=True)
    if consented(slots):
        words = tracker.latest_message.get("text")
        if thanks and not is_closing(words):
            dispatcher.utter_message(text=YOU_ARE_WELCOME)
            return [FollowupAction("handoff_form")]
        if not already_said(tracker, BEFORE_YOU_GO):
            dispatcher.utter_message(text=BEFORE_YOU_GO)
            return [FollowupAction("handoff_form")]
        # Said once already: the artisan is leaving; nothing is kept without a number.
        return end + finish_handoff(dispatcher, tracker, leaving=True)
    return None


# Leaving after asking for the call, before the consent (round 19, r19c-03: "bon ben je vais vous laisser" at the consent
# question, after a name and a number, got a warm goodbye; he believed he would be called, and no case was made).
NOTHING_SENT = (
    "Sans votre accord, je n'ai rien transmis : personne ne vous rappellera. Si vous changez d'avis, écrivez "
    "« conseiller » en revenant ici."
)


def nothing_sent_text(tracker: Tracker) -> str | None:
    """Said plainly to whoever leaves with the call asked for and no consent given; None otherwise (no call asked,
    refused and said so, or consented: the case is made)."""
    slots = tracker.slots
    if slots.get("wants_advisor") is not True or slots.get("consent_given") is True or slots.get("case_reference"):
        return None
    return None if already_said(tracker, NOTHING_SENT) else NOTHING_SENT


def stop_with_handoff(
    dispatcher: CollectingDispatcher, tracker: Tracker, *, explicit_only: bool
) -> list[EventType] | None:
    """For the actions that end a conversation or answer a no outside a question: after consent, words that
    take it back erase the case and say so; a farewell or thanks in the handoff form goes through
    ``leave_handoff``. None: nothing of the handoff is concerned."""
    slots = tracker.slots
    words = tracker.latest_message.get("text")
    in_form = tracker.active_loop_name == "handoff_form"
    number = number_at_phone_question(tracker)
    if number is not None:
        # Round 9, r9a-14: a number given with words that read as a stop or a farewell is kept, and the case made.
        return number_kept_at_stop(dispatcher, tracker, number)
    if (in_form and withdraws_consent(tracker)) or (
        consented(slots) and takes_back_callback(words, explicit_only=explicit_only)
    ):
        events = withdraw_consent(tracker)
        chamber = services.chamber()
        erased = slots.get("case_reference")
        dispatcher.utter_message(text=withdrawn_words(chamber, slots) if erased else refusal_words(chamber, slots))
        return [ActiveLoop(None), SlotSet("requested_slot", None), *events]
    if slots.get("case_reference") and tracker.get_slot("requested_slot") != "callback_slot":
        # "et lundi finalement je peux pas, mardi aprem plutot" read as a goodbye once the case is stored (round 15,
        # r15b-15: "Prenez soin de vous", the case kept lundi): the moment changed, as at any other action.
        moved = moment_corrected_after_case(dispatcher, tracker)
        if moved is not None:
            return [*moved, FollowupAction("handoff_form")] if in_form else moved
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    if in_form and intent in ("goodbye", "thank"):
        return leave_handoff(dispatcher, tracker, thanks=intent == "thank")
    return None


class ActionFinishHandoff(Action):
    """Creates (or updates) the case when the artisan agreed; otherwise leaves the chamber's number."""

    def name(self) -> str:
        return "action_finish_handoff"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        events = finish_handoff(dispatcher, tracker)
        return [*events, *steps_at_the_end(dispatcher, tracker, events)]  # none given yet (round 27, lead27-05)


class ActionHandoffThanks(Action):
    """A thanks at a handoff question ("merci", "merci c'est tout"): see ``leave_handoff``."""

    def name(self) -> str:
        return "action_handoff_thanks"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        erased = erasure_during_a_form(dispatcher, tracker)  # round 25: "merci, effacez tout" at a handoff question
        if erased is not None:
            return erased
        if consented(tracker.slots) and takes_back_callback(tracker.latest_message.get("text"), explicit_only=True):
            # "finalement plus besoin qu'on m'appelle, merci" (round 13): the thanks ends nothing; the case is erased.
            withdrawn = stop_with_handoff(dispatcher, tracker, explicit_only=True)
            if withdrawn is not None:
                return withdrawn
        events = leave_handoff(dispatcher, tracker, thanks=True)
        if events is not None:
            return events
        # Nothing consented to: the offer ends politely, and "oui" or « conseiller » later takes it up again.
        pending = tracker.get_slot("requested_slot")
        declined = [SlotSet(pending, False)] if pending in ("wants_advisor", "consent_given") else []
        text = thanks_without_consent_text(services.chamber())
        reminder = f" {HANDOFF_REMINDER}" if tracker.get_slot("distress") else ""  # after distress, the 3114 again
        dispatcher.utter_message(text=(YOU_ARE_WELCOME if already_said(tracker, text) else text) + reminder)
        return [ActiveLoop(None), SlotSet("requested_slot", None), *declined]


def withdrawn_words(chamber: Chamber, slots: Any) -> str:
    """The case erased at the artisan's word; after distress, the 3114 again."""
    return withdrawn_text(chamber) + (f" {HANDOFF_REMINDER}" if slots.get("distress") else "")


def refusal_words(chamber: Chamber, slots: Any) -> str:
    """The callback refused: what is kept and how to come back; to someone at risk, no administrative sentence but
    the numbers and an open door (round 4: "je voulais juste l'écrire à quelqu'un" got the retention notice)."""
    if slots.get("distress"):
        return AT_RISK_REFUSAL
    return refusal_text(chamber, services.tracker_retention_days())


def written_contact_kept(tracker: Tracker) -> list[EventType]:
    """Round 26 (r26a-11): a deaf woman who said she cannot phone, then « par SMS ou par mail, pas d'appel », was asked
    « À quel moment préférez-vous qu'un conseiller vous appelle ? » and promised a call at 8 h. Once the call is
    accepted, the moment's place says the advisor writes (``WRITTEN_ONLY``, on the case): the moment is never asked."""
    if tracker.get_slot("callback_slot") == WRITTEN_ONLY or tracker.get_slot("wants_advisor") is not True:
        return []
    said = user_messages(tracker.events)
    # "whatsapp uniquement, je décroche pas les numéros inconnus" (round 29, r29-a-27): a message first, too.
    if not written_only(said) and not any(reached_by_a_message_first(message) for message in said):
        return []
    tracker.slots["callback_slot"] = WRITTEN_ONLY
    return [SlotSet("callback_slot", WRITTEN_ONLY)]


# What the written contact is promised instead of a moment to call.
WRITTEN_PROMISE = "par écrit, sans vous appeler, dès la réouverture de la chambre"


def callback_promise(chamber: Chamber, slots: Mapping[str, Any]) -> str:
    """When the advisor will call, after "Un conseiller vous rappellera": the moment asked for when the chamber
    calls then, else the next one it does."""
    preference = slots.get("callback_slot")
    if preference == WRITTEN_ONLY:
        return WRITTEN_PROMISE
    closed = closed_weekday(preference, chamber.opening_hours.weekdays)
    if closed is not None:
        # "samedi": the chamber does not call that day; said plainly, and the next open day promised (round 6: a
        # Friday a year later was promised, its weekday wrong).
        preference = without_weekday(str(preference)) or None
    departement = slots.get("departement")
    # The wish is read in the artisan's own clock overseas, never promising a moment that is night there (round 12).
    promise = chamber.callback_promise(clock.now(), preference, slots.get("urgency"), departement)
    if closed is not None:
        promise = f"{promise} (les conseillers n'appellent pas le {WEEKDAYS_FR[closed]} : {chamber.hours_text})"
    elif "ne peuvent pas vous appeler" in promise:
        pass  # said in the artisan's clock already, with why the wish cannot be kept: no hours again (round 12)
    elif overseas_time_wished(slots) or (overseas(slots) and re.search(r"\d h\b", promise)):
        # "lundi vers 18h chez moi" at La Réunion was promised "en fin de journée (… jusqu'à 17 h)", Paris time (round 9,
        # r9a-10): the hours are said in both clocks, the artisan's cut to the hours they may be called (round 12:
        # "de 3 h à 12 h chez vous" read as a call at night); the advisor reads the words as said.
        promise = (
            f"{promise} ; les conseillers appellent {chamber.hours_text_for(departement, clock.now(), calls=True)}"
        )
    wished = slots.get("callback_slot")
    if (
        isinstance(wished, str)
        and promise.startswith(AS_SOON_AS_POSSIBLE)
        and _PART_OF_DAY.search(fold(wished))
        and not find_signs(wished)
    ):
        # "pas avant 10h et pas le mercredi", "pas le matin" (round 11, r11a-18, r11b-06): the hours' reading keeps the
        # day and drops the rest, and the promise said "dès que possible". The wish is said back as given (the advisor
        # reads it in the case).
        promise = f"{promise}, en tenant compte de votre souhait : « {' '.join(wished.split())} »"
    if (slots.get("urgency") == "critique" or slots.get("distress")) and not promise.startswith("en priorité"):
        # Round 20 (r20a-15): a critical case, its summary saying "rappeler immédiatement", was promised "le mercredi 9
        # décembre, à partir de 15 h". The first call comes at once (or at the reopening); the moment wished stands
        # for when the person cannot be reached then.
        first = chamber.callback_promise(clock.now(), None, "critique", departement)
        promise = f"{first} (et, si vous n'êtes pas joignable, {promise})"
    return _before_the_deadline(chamber, slots, promise)


_DATE_IN_WORDS = re.compile(r"\b(1er|[12]?\d|3[01]) (" + "|".join(MONTHS) + r")\b")


def _date_in_words(text: Any, *, ahead: bool = False) -> date | None:
    """The first date written "10 décembre" in the words, in the year that makes it nearest to come; ``ahead``: never
    before today (a deadline said with a day and month ahead rolls to the next year)."""
    found = _DATE_IN_WORDS.search(text) if isinstance(text, str) else None
    if found is None:
        return None
    today = services.chamber_today()
    day, month = 1 if found.group(1) == "1er" else int(found.group(1)), MONTHS.index(found.group(2)) + 1
    for year in (today.year, today.year + 1):
        try:
            said = date(year, month, day)
        except ValueError:
            return None
        if said >= (today if ahead else today - timedelta(days=31)):
            return said
    return None


# The day a delay runs out, in the deadline's words: "un mois pour payer à compter du vendredi 20 novembre (d'ici le
# dimanche 20 décembre)"; a receipt alone ("courrier reçu le 2 décembre, délai non précisé") is no deadline.
_DUE_DAY = re.compile(r"\(d'ici le ([^),]*)(, date passée)?\)")


def _deadline_date(text: Any) -> date | None:
    """The day the deadline falls, never past: round 24 (r24a-08) "un mois pour payer à compter du vendredi 20 novembre
    (d'ici le dimanche 20 décembre)" was read as the 20 November, the day the letter came, and the call was promised
    "avant votre échéance du vendredi 20 novembre"."""
    if not isinstance(text, str) or "délai non précisé" in text:
        return None
    due = _DUE_DAY.search(text)
    if due is not None:
        return None if due.group(2) else _date_in_words(due.group(1), ahead=True)
    return _date_in_words(text.split("; courrier reçu")[0], ahead=True)


def _before_the_deadline(chamber: Chamber, slots: Mapping[str, Any], promise: str) -> str:
    """A call promised on or after the deadline the artisan said ("l'huissier revient jeudi", the call booked that
    Thursday: round 20, r20b-05) comes first before it, said in one plain sentence (round 24, r24a-08: a bracket
    "(plutôt que dès que possible, …)" read garbled); the moment wished stays in the case for the advisor."""
    deadline = _deadline_date(slots.get("deadline"))
    promised = _date_in_words(promise)
    if deadline is None or promised is None or promised < deadline or promise.startswith("en priorité"):
        return promise
    first = chamber.callback_promise(clock.now(), None, "haute", slots.get("departement"))
    return f"{first}, avant votre échéance du {french_date(deadline)}"


# A part of the day or an hour in a wish for the call ("pas avant 10h", "pas le matin").
_PART_OF_DAY = re.compile(r"\b(?:matin|matinee|midi|apres-midi|apres midi|aprem|soir|soiree|\d{1,2} ?h(?:\d{2})?)\b")


def overseas(slots: Mapping[str, Any]) -> bool:
    """The artisan's département lives in another time zone than the chamber's hours are said in."""
    return DEPARTEMENT_ZONES.get(str(slots.get("departement") or "")) is not None


def overseas_time_wished(slots: Mapping[str, Any]) -> bool:
    """A part of the day or an hour wished by someone whose département lives in another time zone (r9a-04: "le lundi
    7 décembre à 8 h" said to Cayenne, 4 h there)."""
    if not overseas(slots):
        return False
    wish = CallbackPreference.read(slots.get("callback_slot"))
    return wish.part is not None or wish.window is not None


def _refuses_now(tracker: Tracker) -> bool:
    """The latest message says no, or refuses the call: the refusal is answered in this turn."""
    words = tracker.latest_message.get("text") or ""
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    return intent in ("deny", "stop_conversation") or answer_kind(words) == NO or refuses_callback(words)


CASE_STILL_STANDS = (
    "Votre demande {reference} reste bien enregistrée : le conseiller a déjà le numéro et rappellera comme prévu. "
    "J'y ai ajouté ce que vous m'avez dit depuis : le conseiller le verra."
)
CASE_STILL_STANDS_CANCEL = "Si vous ne voulez plus de cet appel, écrivez « annulez ma demande »."


def case_still_stands(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """Round 19 (r19a-03): a case stored with its callback, the offer made again after the crisis path, and "non c bon
    vous l'avez deja. par contre dites au conseiller pour mon pere svp" got "C'est entendu, personne ne vous appellera":
    untrue (the case still waited for its call) and the wish to tell the advisor was lost. A no that takes nothing back
    explicitly (a withdrawal erases the case and says so) leaves the case as it is: stored again with what was said
    since, and said so with its reference; the way to cancel said once."""
    slots = dict(tracker.slots)
    slots.update(wants_advisor=True, consent_given=True)
    result = save_stored_case_again(tracker, slots)
    text = CASE_STILL_STANDS.format(reference=result.reference)
    if not has_phone(slots):
        text = text.replace("le conseiller a déjà le numéro et rappellera", "le conseiller vous répondra")
    if tracker.get_slot("distress"):
        text = f"{text} {HANDOFF_REMINDER}"  # to someone at risk, the line again rather than the way to cancel
    elif not already_said(tracker, CASE_STILL_STANDS_CANCEL):
        text = f"{text} {CASE_STILL_STANDS_CANCEL}"
    dispatcher.utter_message(text=text)
    logger.info("a no once the case was stored: the case and its callback kept")
    return [
        SlotSet("wants_advisor", True),
        SlotSet("consent_given", True),
        SlotSet("case_reference", result.reference),
    ]


HEALTH_LEFT_OUT = "C'est entendu : rien sur la santé n'est ajouté à votre demande, référence {reference}."
HEALTH_KEPT = "C'est noté : le conseiller en tiendra compte. Votre demande garde la référence {reference}."


def health_consent_answered_this_turn(tracker: Tracker) -> bool | None:
    """The health consent's yes (True) or no (False) set in this turn, or None when it was not answered now."""
    answers = [
        event.get("value")
        for event in _this_turn(tracker)
        if event.get("event") == "slot" and event.get("name") == "health_consent"
    ]
    return answers[-1] if answers and isinstance(answers[-1], bool) else None


def finish_handoff(dispatcher: CollectingDispatcher, tracker: Tracker, leaving: bool = False) -> list[EventType]:
    """The case when the artisan agreed and gave a number; otherwise the chamber's number, said truly.
    ``leaving``: the artisan takes leave (thanks, goodbye); a case whose reference was said is updated quietly."""
    chamber = services.chamber()
    slots = tracker.slots
    reminder = f" {HANDOFF_REMINDER}" if slots.get("distress") else ""  # after distress, the 3114 again
    if live_offer.wants_live(slots):  # the artisan chose to write with an advisor now (actions/live_actions.py)
        return finish_live(dispatcher, tracker)
    if not slots.get("wants_advisor") or not slots.get("consent_given"):
        if case_withdrawn_this_turn(tracker):
            dispatcher.utter_message(text=withdrawn_words(chamber, slots))
            return []
        if slots.get("case_reference") and slots.get("consent_at"):
            return case_still_stands(dispatcher, tracker)
        text = refusal_words(chamber, slots)
        # Said once: a second refusal gets a short word, not the same long sentence (with the numbers, to someone at risk).
        short = f"C'est entendu.{reminder}"
        if already_said(tracker, text) and not _refuses_now(tracker):
            # Round 18 (r18b-16): "sarl", a fact given after the refusal, got "J'ai noté : sarl. ... C'est entendu.", a
            # word hanging on nothing: with no refusal in this turn, nothing is said again (after distress, the 3114).
            if reminder:
                dispatcher.utter_message(text=reminder.strip())
            return []
        dispatcher.utter_message(text=short if already_said(tracker, text) else text)
        return []
    if not reachable(slots):
        text = no_phone_text(chamber, services.tracker_retention_days()) + reminder
        short = f"Sans numéro, je ne transmets rien ; la chambre répond au {chamber.phone}.{reminder}"
        dispatcher.utter_message(text=short if already_said(tracker, text) else text)
        return []
    result = save_case(tracker, dict(slots))
    promise = callback_promise(chamber, slots)
    reach = (
        f"vous rappellera au {display_phone(slots['phone'])}" if has_phone(slots) else f"vous écrira à {slots['email']}"
    )
    if slots.get("callback_slot") == WRITTEN_ONLY:
        # Round 26 (r26a-11): someone who cannot phone is written to (a SMS, or the address given), never called.
        by_mail = "@" in str(slots.get("email") or "")
        reach = (
            f"vous écrira à {slots['email']}" if by_mail else f"vous écrira par SMS au {display_phone(slots['phone'])}"
        )
    said = user_messages(tracker.events)
    owner = kept_number_owner(said, slots.get("phone"), relative_written_for(slots, said)) if has_phone(slots) else None
    if owner:
        # "appelez plutôt mon père directement, c'est le 03 ..." (round 9, r9b-15: "vous rappellera au" his number, as if
        # it were the writer's): whom the advisor calls, said as such.
        reach = f"appellera {yours(owner)} au {display_phone(slots['phone'])}"
    elif has_phone(slots) and one_to_call(slots, said) not in (None, TO_BE_CALLED):
        # "il aimerait qu'on le rappelle : 06 ..." (round 24, conv-a): the artisan the relative writes for is called.
        reach = f"appellera {one_to_call(slots, said)} au {display_phone(slots['phone'])}"
    if (
        slots.get("case_reference")
        and reference_said(tracker, f"{result.reference}.")
        and moment_said_this_turn(tracker)
    ):
        return [SlotSet("case_reference", result.reference)]  # "C'est corrigé : ..." said already (round 15, r15a-12)
    if slots.get("case_reference") and reference_said_this_turn(tracker, result.reference):
        # The form's end said the reference and the goodbye in this very turn ("non c bon merci, bonne journée" at the
        # e-mail question, make run 2026-12-06): nothing to add, least of all "J'ai ajouté ce que vous venez de dire".
        return [SlotSet("case_reference", result.reference)]
    if slots.get("case_reference") and reference_said(tracker, f"{result.reference}."):
        # The case was updated: its reference, not the whole promise again.
        text = f"J'ai ajouté ce que vous venez de dire à votre demande, référence {result.reference}."
        health = health_consent_answered_this_turn(tracker)
        if health is not None:
            # "Non, laissez-la de côté" got "J'ai ajouté ce que vous venez de dire" (round 22, r22b-09): the answer to
            # the health consent said back as what it is, a refusal never as something added.
            text = (HEALTH_KEPT if health else HEALTH_LEFT_OUT).format(reference=result.reference)
        if leaving:
            text = f"Au revoir, prenez soin de vous. Votre demande {result.reference} est bien enregistrée."
    else:
        text = f"C'est noté, votre référence est {result.reference}. Un conseiller {reach} {promise}.{reminder}"
    dispatcher.utter_message(text=text)
    if not result.stored:
        dispatcher.utter_message(
            text=(
                "Notre dossier est momentanément indisponible, mais votre demande est gardée et sera "
                f"transmise dès que possible. En cas d'urgence, appelez le {chamber.phone}."
            )
        )
    return [SlotSet("case_reference", result.reference)]


# What the crisis path needs of a stored case (round 19), without importing this module.
crisis_actions.save_case = save_case
crisis_actions.phone_of_stored_case = phone_of_stored_case
crisis_actions.case_still_stands = case_still_stands
crisis_actions.read_yes_no = read_yes_no
crisis_actions.yes_as_the_form_takes_it = yes_as_the_form_takes_it
