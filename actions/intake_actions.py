"""Intake: acknowledging the situation, the discreet questions, first guidance."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from rasa_sdk.utils import call_potential_coroutine

from actions import services
from actions.asking import ask_next_question
from actions.business_questions import answer_to_business_question, first_step_reply
from actions.conversation import SKIPPED, said_before, user_messages, value_before_latest_message
from actions.crisis_actions import (
    check_in_in_form_reply,
    crisis_in_form_reply,
    intake_held_after_crisis,
    long_wait_reply,
    take_back_reply,
)
from actions.discretion_heard import discretion_at_question
from actions.erasure_actions import (
    ERASED_SLOT,
    answer_to_offer,
    erasure_asked_in_words,
    erasure_during_a_form,
    erasure_requested,
    offer_erasure,
    offer_pending,
)
from actions.first_steps import give_guidance
from actions.handoff import (
    business_person_concerned,
    callback_time,
    case_due,
    consented,
    contact_answers,
    first_name_said,
    name_after_yes,
    said_to_the_writer,
)
from actions.handoff_actions import (
    FACT_NOTED,
    TIME_TO_THINK,
    ValidateHandoffForm,
    already_said,
    callback_taken_up_again,
    finish_handoff,
    moment_with_change_of_mind,
    name_corrected_after_case,
    name_noted_text,
    nothing_sent_text,
    number_after_the_handoff,
    number_at_phone_question,
    reached_news,
    reference_said,
    says_the_keyword,
    stop_with_handoff,
    takes_back_callback,
    tells_a_difficulty,
    withdraws_consent,
    words_added_to_case,
    yes_read_as_farewell,
)
from actions.intake import (
    ASK_DETAIL,
    DETAIL_WANTED,
    FEELING_HEARD,
    NO_DIFFICULTY_YET,
    QUESTION_EXAMPLES,
    SERIOUS_REPLY,
    SKIPPABLE,
    SKIPPED_ACK,
    TAKE_YOUR_TIME,
    TAKE_YOUR_TIME_NO_QUESTION,
    URGENT_LEVELS,
    YOU_ARE_WELCOME,
    explain,
    is_question,
    questions_to_ask,
    reply_to_question,
    skip_offered,
    unanswered_before,
)
from actions.minimal_answers import open_question_again
from actions.outside_actions import outside_reply, then_the_intake
from actions.place_validation import (
    PlaceValidation,
    place_in_answer,
    place_noted,
    place_said_aside,
    place_update,
    town_named_like_a_trade,
)
from actions.unanswered import WRONG_QUESTION_ACK, answered_another_question, not_answered
from guidance.crisis import (
    AT_RISK_NOT_UNDERSTOOD,
    AT_RISK_NOT_UNDERSTOOD_AGAIN,
    LEAVING_REMINDER,
    LEAVING_REMINDER_SHORT,
    SKIP_IN_A_CRISIS,
)
from guidance.facts import goes_to_court_as_claimant
from guidance.welcome import FIRST_QUESTION
from intake.answers import (
    NO,
    OTHER,
    YES,
    asks_for_callback,
    asks_if_confidential,
    fears_others_told,
    is_closing,
    is_correction,
    is_hesitation,
    is_skip,
    is_waiting,
    is_withdrawal,
    kind as answer_kind,
    leaves_to_think,
    refuses_callback,
    says_how_one_is,
    says_only_a_feeling,
    says_only_yes,
    says_still_here,
    thinks_it_over,
    wants_information_only,
    without_opening_filler,
    without_said_before,
)
from intake.facts import (
    amount_put_right_said,
    bare_delay,
    corrected_creditors,
    corrections,
    corrections_said,
    creditor_names_meant,
    deadline_after_receipt,
    death_told_of,
    denies_a_deadline,
    extract_facts,
    fold as fold_words,
    hyphened_departement,
    main_worry,
    names_people_at_work,
    names_today,
    no_to_another_question,
    owes_no_one,
    past_deadline,
    place_read_as_trade,
    says_no_first,
    says_no_to,
    sympathy,
    total_owed,
    understood,
    vaguer_employees,
    with_amount,
)
from intake.offer_replies import takes_up_again
from intake.reproach import says_not_heard, without_reproach
from intake.service_questions import CONFIDENTIAL
from intake.shapes import (
    amount_alone,
    bare_number,
    declines_a_name,
    excuses_only,
    fits,
    has_words,
    is_a_count,
    names_a_legal_form,
    only_time,
    plain_text,
    postcode_alone,
    puts_an_amount_right,
    says_alone,
)
from triage import Assessment
from triage.engine import detect_overwhelm

# The handoff form's yes/no questions: a yes there read as a farewell is still a yes.
HANDOFF_YES_NO = frozenset({"wants_advisor", "consent_given", "health_consent"})


def _assessment(tracker: Tracker) -> Assessment | None:
    return Assessment.from_slots(tracker.slots)


def restated(
    assessment: Assessment | None,
    say_urgency: bool,
    concerned: str | None,
    mourned: bool = False,
    messages: list[str] | None = None,
) -> str | None:
    """ "Si je comprends bien, vous faites face à ...", or "... votre mari fait face à ..." when someone close writes for
    the artisan (round 16: ``concerned``, business_person_concerned); None without a difficulty. When that person died
    (``mourned``, round 21, r21z-07: "votre mari fait face à un événement difficile", said to his widow), the writer
    faces what follows: "vous faites face aux suites du décès de votre mari". ``messages``: the artisan's, to read whether
    they go to court as the claimant (round 25: "un litige à porter devant la justice", not "une procédure en justice")."""
    if assessment is None:
        return None
    claimant = bool(messages) and goes_to_court_as_claimant(messages or [])
    sentence = assessment.restatement(say_urgency=say_urgency, claimant=claimant)
    if mourned and concerned and sentence:
        return sentence.replace(_PERSONAL_EVENT, f"aux suites du décès de {concerned}")
    if not concerned and sentence and _PERSONAL_EVENT in sentence:
        # Round 29 (r29-a-15): "mon mari était artisan électricien, il est décédé il y a 3 semaines" was restated as "un
        # événement difficile dans votre vie personnelle": the death told of someone close is named.
        from actions.handoff import yours

        kin = next((kin for message in messages or [] if (kin := death_told_of(message))), None)
        if kin:
            return sentence.replace(_PERSONAL_EVENT, f"aux suites du décès de {yours(kin)}")
    return said_to_the_writer(sentence, concerned)


_PERSONAL_EVENT = "à un événement difficile dans votre vie personnelle"


def mourned_person(messages: list[str], concerned: str | None) -> bool:
    """Whether the person whose business it is (``concerned``: "votre mari") died, as the writer tells it ("je vous écris
    pour mon mari, il est décédé il y a trois semaines")."""
    from actions.handoff import yours

    if not concerned:
        return False
    return any((kin := death_told_of(message)) and yours(kin) == concerned for message in messages)


# Round 24 (talk-c #10, r24c-02, r24c-08): "...", "rien", "jsp" once the difficulty is known got "Merci de m'en parler",
# "J'ai ajouté ce que vous venez de dire" or three guidance messages: nothing was said, so nothing is thanked or added.
_SAYS_NOTHING = re.compile(
    r"^(?:non,? )?(?:rien(?: de plus| d'autre| a ajouter)?|jsp|j sais pas|je sais pas|je ne sais pas|chais pas|"
    r"sais pas|bof|pff+|mouais|bah|ben|euh+|hmm+|mmh+)?$"
)
STILL_HERE = "Je suis toujours là si vous voulez m'écrire autre chose, quand vous voulez."
# "tout" to "Un seul mot suffit" (r24c-08: "Je n'ai pas bien compris"): everything at once, heard.
_EVERYTHING = re.compile(
    r"^(?:(?:ben|bah|euh|bof|franchement|un peu|de) )*(?:tout|tt)(?: (?:quoi|a la fois|en meme temps|ca))?$"
)
EVERYTHING_AT_ONCE = (
    "Tout à la fois, c'est épuisant. Commençons par ce qui presse le plus : qu'est-ce qui vous inquiète en premier ?"
)


def _bare(words: str | None) -> str:
    return " ".join(re.sub(r"[^\w'+]+", " ", fold_words(words or "")).split())


def says_nothing_more(words: str | None) -> bool:
    """ "...", "rien", "jsp", "bof": no new word of the situation (punctuation, a shrug, a no)."""
    return bool(words) and not str(words).startswith("/") and bool(_SAYS_NOTHING.match(_bare(words)))


def says_everything(words: str | None) -> bool:
    """ "tout", "tout quoi", "un peu tout": everything weighs at once."""
    return bool(_EVERYTHING.match(_bare(words)))


def nothing_more_reply(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """Nothing said once the difficulty is known and no question is pending: the door left open, nothing added."""
    if tracker.active_loop_name or not tracker.get_slot("difficulty_categories"):
        return None
    if not says_nothing_more(tracker.latest_message.get("text")):
        return None
    dispatcher.utter_message(text=STILL_HERE)
    return [FollowupAction("action_listen")]


_HELLO_OR_BYE = re.compile(r"^(?:allez |bon |ok |ben |bah )?(?:salut|ciao|tchao|bye|a plus|a\+)$")


def salut_as_goodbye(tracker: Tracker) -> bool:
    """ "salut" said right after the exchange (r24c-08: after "non", it got "Bonjour, je suis toujours là"): a goodbye;
    the same word after a long silence is a greeting on coming back."""
    if not _HELLO_OR_BYE.match(_bare(tracker.latest_message.get("text"))):
        return False
    said = [event for event in tracker.events if event.get("event") == "user"]
    if len(said) < 2 or not (tracker.get_slot("difficulty_categories") or tracker.get_slot("case_reference")):
        return False
    gap = float(said[-1].get("timestamp") or 0) - float(said[-2].get("timestamp") or 0)
    return 0 <= gap < 30 * 60


def _place_said_instead(slot: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any] | None:
    """A place given at another question's turn: the place question's answer, kept for it and said noted, never this
    question's; None when the words are no place."""
    # "Morlaix" at the deadline question (round 34, make run: explained again, the town lost): an intake question's
    # answer is never a person's name, so a smaller town typed with its capital is a place too.
    place = place_in_answer(tracker, capitalised_towns=True) if slot != "departement" else None
    if not place:
        return None
    return {**answered_another_question(slot, {"departement": place["departement"]}, dispatcher, tracker), **place}


def call_refused(tracker: Tracker) -> bool:
    """Whether the callback offer or the consent was refused, and not taken up since."""
    return tracker.get_slot("wants_advisor") is False or tracker.get_slot("consent_given") is False


def offer_taken_up_again(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """A yes after a refusal ("bon ok, c'est Martine"): the offer taken up again, the consent asked, a name and a
    moment said with the yes kept for their questions."""
    slots = tracker.slots
    latest = tracker.latest_message
    name = None if slots.get("contact_name") else name_after_yes(latest.get("text"), latest.get("entities") or [])
    if name:
        dispatcher.utter_message(text=f"Merci {name}.")
    # "bon si, mais pas avant mardi aprem" (round 18, r18b-13): the moment said with it kept for its question.
    moment = moment_with_change_of_mind(slots, latest.get("text"))
    return [
        SlotSet("wants_advisor", True),
        SlotSet("consent_given", None),
        *([SlotSet("contact_name", name)] if name else []),
        *(SlotSet(slot, value) for slot, value in moment.items()),
        FollowupAction("handoff_form"),
    ]


class ActionAcknowledgeSituation(Action):
    """Says back what was understood ("Si je comprends bien, ..."), gently."""

    def name(self) -> str:
        return "action_acknowledge_situation"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        late = number_after_the_handoff(dispatcher, tracker)  # "ah si attendez, 06 33 44 55 66" after the handoff
        if late is not None:
            return late
        if call_refused(tracker) and takes_up_again(tracker.latest_message.get("text")):
            # "enfin si, mais pas avant 18h, je suis au labo" after "non je préfère pas être rappelé", read as a fact
            # (round 33, r33-f): "D'accord, c'est noté.", the intake again, the refusal kept. The change of mind is the
            # yes the classifier would have made it, the moment kept for its question.
            return offer_taken_up_again(dispatcher, tracker)
        erased = erasure_during_a_form(dispatcher, tracker)  # round 25: "effacez tout" at a question, read as a fact
        if erased is not None:
            return erased
        waited = long_wait_reply(dispatcher, tracker)  # "lundi c'est loin..." when not safe (round 15, r15b-12)
        if waited is not None:
            return waited
        held = intake_held_after_crisis(dispatcher, tracker)  # not safe, then business words (round 17, r17b-14)
        if held is not None:
            return held
        # Round 22: an apprentice's own pay, a creation or takeover project: whom to ask instead, no intake.
        outside = outside_reply(dispatcher, tracker)
        if outside is not None:
            return outside
        from actions.service_answers import secrecy_asked_first_reply, urssaf_scam_reply

        # Round 26: "un SMS de l'URSSAF avec un lien, c'est une arnaque ?": how to check it, no intake.
        scam = urssaf_scam_reply(dispatcher, tracker) or secrecy_asked_first_reply(dispatcher, tracker)
        if scam is not None:
            return scam
        nothing = nothing_more_reply(dispatcher, tracker)  # "...", "rien", "jsp" after the case (round 24)
        if nothing is not None:
            return nothing
        if not tracker.get_slot("difficulty_categories") and says_everything(tracker.latest_message.get("text")):
            dispatcher.utter_message(text=EVERYTHING_AT_ONCE)  # "tout" to "Un seul mot suffit" (round 24, r24c-08)
            return [FollowupAction("action_listen")]
        assessment = _assessment(tracker)
        urgent = "Cela paraît urgent : je vais vous proposer qu'un conseiller vous rappelle rapidement."
        declined = tracker.get_slot("wants_advisor") is False or tracker.get_slot("consent_given") is False
        announce_urgent = bool(
            assessment
            and assessment.urgency in URGENT_LEVELS
            and not assessment.distress
            and not declined  # the callback was refused: no offer follows, so none is announced
            and not already_said(tracker, urgent)
        )
        # Said in the announcement, the urgency is not also noted in the restatement ("Je note que c'est urgent.").
        concerned = business_person_concerned(user_messages(tracker.events))
        mourned = mourned_person(user_messages(tracker.events), concerned)
        said = user_messages(tracker.events)
        restatement = restated(assessment, not announce_urgent, concerned, mourned, said)
        words = tracker.latest_message.get("text") or ""
        # Round 21 (r21z-21): a daughter writing of her mother's stroke: "La santé de votre mère passe avant tout".
        comfort = said_to_the_writer(sympathy(words), None if mourned else concerned)
        # Said before with or without the urgency note: the same restatement.
        forms = {restated(assessment, urgent_said, concerned, mourned, said) for urgent_said in (True, False)}
        repeated = bool(restatement) and any(form and already_said(tracker, form) for form in forms)
        if repeated:
            # Nothing new in the difficulty: no need to say it back again.
            restatement = None
        if (
            tracker.active_loop_name is None
            and not tracker.get_slot("difficulty_categories")
            and not (assessment and assessment.distress)
            and not comfort
            and len(words.split()) <= 6
        ):
            # "fleuriste", "taxi" alone (round 6), "aide" (round 7): nothing told about a difficulty yet, so no
            # question about one ("Depuis quand cette situation dure-t-elle ?", the trade, the legal form): what was
            # said is noted, and what brings them asked.
            noted = understood(_facts_in(words, tracker))
            # Round 22 (r22a-14): "bof", "...", "rien" in a row: varied, then the ways out (actions/minimal_answers.py).
            for message in open_question_again(list(tracker.events), noted):
                dispatcher.utter_message(text=message)
            return [FollowupAction("action_listen")]
        first_words: str | None = "Merci de m'en parler, ce n'est pas toujours facile."
        if repeated or already_said(tracker, "Merci de m'en parler, ce n'est pas toujours facile."):
            first_words = "D'accord, c'est noté."
        # Round 20 (r20c-01, -04, -16, -17): "je peux vendre mon labo plutôt que fermer ?", "et pour l'assurance qui
        # bouge pas je fais quoi ?" asked while telling got "D'accord, c'est noté.": the question is answered.
        answer, answer_events = question_in_the_account(tracker, words)
        if not answer:
            from intake.service_questions import URSSAF_SCAM_CHECK, asks_if_urssaf_message_is_a_scam

            answer = URSSAF_SCAM_CHECK if asks_if_urssaf_message_is_a_scam(words) else None
        if answer and (repeated or already_said(tracker, "Merci de m'en parler, ce n'est pas toujours facile.")):
            first_words = None
        opening = restatement or (first_words if not comfort else None)
        dispatcher.utter_message(text=" ".join(part for part in (comfort, opening) if part))
        if answer:
            dispatcher.utter_message(text=answer)
        noted = understood(_facts_in(words, tracker))
        if noted and not already_said(tracker, noted):
            # The same facts said again (the opening repeated, the simulator, seed 20261232): not the same line twice.
            dispatcher.utter_message(text=noted)
        if announce_urgent:
            dispatcher.utter_message(text=urgent)
        return answer_events


def question_in_the_account(tracker: Tracker, words: str) -> tuple[str | None, list[EventType]]:
    """The answer to a question asked while telling the situation, past the first message: the service's answer, the
    first step ("et donc je fais quoi ?"), a sourced step, or an honest word; (None, []) when no advice is asked."""
    from actions.business_questions import answer_with_entry, asks_first_step, asks_what_to_do, first_step_text
    from actions.service_answers import service_question_text
    from intake.service_questions import QUESTION_FOR_THE_ADVISOR, about_the_call, asks_for_advice

    if not words or words.startswith("/"):
        return None, []
    if len(user_messages(tracker.events)) < 2:
        # The first message's own question is answered by the first steps; whether it stays secret is not (round 27,
        # r27-a-19: "j'ai 2 trimestres de retard, l'urssaf aura accès à ce que je vous écris ?").
        return (service_question_text(tracker, words) if fears_others_told(words) else None), []
    advice = (is_question(words) or "?" in words or asks_what_to_do(words)) and asks_for_advice(words)
    # "l'horaire du rappel je peux le modifier ?" (the call's own paths): no advice asked.
    if not advice or about_the_call(words):
        service = service_question_text(tracker) if is_question(words) else None
        return service, []
    service = service_question_text(tracker)
    if service:
        return service, []
    found = first_step_text(tracker) if asks_first_step(words) else None
    found = found or answer_with_entry(tracker, words)
    if found is None:
        return QUESTION_FOR_THE_ADVISOR, []
    text, entry = found
    already = list(tracker.get_slot("guidance_given") or [])
    if any(isinstance(given, dict) and given.get("id") == entry.id for given in already):
        return text, []
    return text, [SlotSet("guidance_given", [*already, {"id": entry.id, "name": entry.name, "link": entry.link}])]


# Round 29 (r29-a-06): "je vous demande si je dois fermer ma boucherie, vous répondez pas" at the question "Depuis quand ?"
# got "Très bien, on s'arrête là", and "vous répondez jamais à ce que je demande", "c'est nul votre truc" the same intake
# question again. The reproach is heard: the questions left are passed, so the first steps and the callback offer come
# now (the rule after a complete intake), never a stop.
NOT_HEARD_ACK = "Pardon, je n'ai pas répondu à votre question. Je vais à l'essentiel."


def not_heard_in_intake(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """The intake questions left passed after a reproach of not being answered, once a difficulty is told; None
    otherwise (no intake under way, a crisis, no reproach)."""
    from actions.intake import questions_to_ask

    if tracker.active_loop_name != "situation_form" or tracker.get_slot("distress"):
        return None
    if not tracker.get_slot("difficulty_categories") or not says_not_heard(tracker.latest_message.get("text")):
        return None
    dispatcher.utter_message(text=NOT_HEARD_ACK)
    left = questions_to_ask(
        tracker.get_slot("difficulty_categories") or [], tracker.get_slot("urgency"), tracker.slots, tracker.events
    )
    return [SlotSet(slot, SKIPPED) for slot in left if tracker.get_slot(slot) in (None, "")]


class ValidateSituationForm(PlaceValidation, FormValidationAction):
    def name(self) -> str:
        return "validate_situation_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        # Digits of a phone number taken for a date or a count (round 11, r11b-07): undone on every path, the early
        # ones below included (a callback asked with the number returns before the slots are validated).
        undone = phone_parts_undone(tracker)
        if erasure_asked_in_words(tracker.latest_message.get("text")) and not erasure_requested(tracker):
            # "si finalement, supprimez tout" after a no to the erasure offer, read as not understood (the model of
            # 2026-12-06): erasing asked in words gets the offer, as the FAQ action gives it, never the question again.
            offered = answer_to_offer(dispatcher, tracker, yes=True) if offer_pending(tracker) else None
            return [*undone, *(offered if offered is not None else offer_erasure(dispatcher, tracker))]
        # "en fait si" right after a clear no to the direct question is no answer to the intake question
        # the form resumed with: the no is taken back, so the crisis path (which closes the form).
        taken_back = take_back_reply(dispatcher, tracker)
        if taken_back is not None:
            return [*undone, *taken_back]
        crisis = crisis_in_form_reply(dispatcher, tracker)
        if crisis is not None:
            return [*undone, *crisis]
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if intent not in ("affirm", "deny") and (
            is_closing(tracker.latest_message.get("text")) or leaves_to_think(tracker.latest_message.get("text"))
        ):
            # "bon merci ça ira" read as no intent: leave taken, never this question's answer (it was stored as the
            # deadline, and the next question followed). Stopping is ActionStopConversation's, as for a goodbye; then
            # the bot listens (the form's end would otherwise bring the guidance and the callback offer).
            stopped = await ActionStopConversation().run(dispatcher, tracker, domain)
            return [*undone, *stopped, FollowupAction("action_listen")]
        unheard = not_heard_in_intake(dispatcher, tracker)
        if unheard is not None:
            return [*undone, *unheard]
        asked_for = callback_asked_in_intake(dispatcher, tracker)
        if asked_for is not None:
            asked = tracker.get_slot("requested_slot")
            return [*undone, *([SlotSet(asked, None)] if asked in tracker.slots_to_validate() else []), *asked_for]
        said_before_validation = len(dispatcher.messages)
        aside = place_said_aside(dispatcher, tracker)
        events = [*aside, *await super().run(dispatcher, tracker, domain)]
        # A level-3 sign said with this answer ("depuis 6 mois, et je suis épuisé, je dors plus", round 9, r9b-21): the
        # answer kept, then the kind word and the direct question instead of the next intake question.
        checked = check_in_in_form_reply(dispatcher, tracker, events, "situation_form")
        if checked is None:
            # Round 16 (r16b-11): "si je perds le garage j'aurai plus de raison d'être là" at the place question kept
            # nothing, yet the form was not rejected (the place validation undid the slot and asked again, a fact
            # noted by the triage counts as extracted): the rules' check-in never ran and the buttons came back. A
            # level-3 sign is what such a turn keeps, whatever the question: the kind word and the direct question.
            sign = SlotSet("distress_level", tracker.get_slot("distress_level"))
            checked = check_in_in_form_reply(dispatcher, tracker, [*events, sign], "situation_form")
        if checked is not None and any(event.get("event") == "followup" for event in checked):
            return checked
        # Else the question answered in the same words ("je ne veux pas me suicider, je suis juste épuisé"): go on.
        kept = checked if checked is not None else events
        said_now = [message.get("text") or "" for message in dispatcher.messages[said_before_validation:]]
        corrected = any(text.startswith("C'est corrigé") for text in said_now)
        put_right = None if corrected else _reading_put_right(tracker)
        if put_right:
            # "c'est pas la santé le problème, c'est la concurrence" (round 18, r18a-04): the reading taken back is said
            # back first, whether or not the words also answered the question (the next question came with no word).
            # A correction already said ("C'est corrigé : ...") says it.
            dispatcher.utter_message(text=put_right)
            dispatcher.messages.insert(said_before_validation, dispatcher.messages.pop())
        elif len(dispatcher.messages) == said_before_validation:
            # Round 16 (r16a-13): "la banque veut plus me prêter et j'ai un redressement fiscal de 15000 euros" at the
            # legal-form question, the whole difficulty told at last: noted in silence, the same question again.
            noted = _told_at_another_question(tracker, kept)
            if noted:
                dispatcher.utter_message(text=noted)
        return ask_next_question(dispatcher, tracker, kept)

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        return questions_to_ask(
            tracker.get_slot("difficulty_categories") or [],
            tracker.get_slot("urgency"),
            tracker.slots,
            tracker.events,
        )

    async def extract_deadline(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """ "pas de date non, elle m'a juste envoyé des messages. je suis obligée de la rembourser ?" at the deadline
        question, under an intent no mapping takes (a question: round 25, s25c-14, the question came three times): the
        answer it gives, no deadline. Nothing when a mapping filled the slot."""
        from intake.facts import NO_DEADLINE, says_no_date

        if tracker.get_slot("requested_slot") != "deadline" or "deadline" in tracker.slots_to_validate():
            return {}
        said = says_no_date(tracker.latest_message.get("text"), services.chamber_today())
        return {"deadline": NO_DEADLINE} if said else {}

    def _answer(self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any]:
        """An answer to another question ("je suis plombier" to "Depuis quand ?") goes to its own slot
        (the triage action already put it there) and the question is asked again, once."""
        discreet = discretion_at_question(slot, dispatcher, tracker)  # "il sait pas que je vous ecris" (round 27)
        if discreet is not None:
            return discreet
        latest = tracker.latest_message.get("text")
        if slot == tracker.get_slot("requested_slot") and call_refused(tracker) and takes_up_again(latest):
            # "enfin si, mais plutôt le matin" at the legal-form question, after "non je veux pas qu'on m'appelle" there
            # (round 33, make run: "D'accord, passons cette question", the refusal kept): the call wished again, its
            # moment kept; the question comes again, and the consent is asked once the questions are done.
            dispatcher.utter_message(text=CALL_WISHED_AGAIN)
            moment = moment_with_change_of_mind(tracker.slots, latest)
            return {slot: None, "wants_advisor": True, "consent_given": None, **moment}
        if (
            value == SKIPPED
            and slot == tracker.get_slot("requested_slot")
            and (excuses_only(latest) or (is_waiting(latest) and not is_skip(latest)))
        ):
            # "excusez moi je tape lentement" read as a pass (round 16, r16a-05), "un instant je regarde mes papiers"
            # (the classifier's skip_question at 0.9, simulator seed 20261245): no answer yet, the question waits.
            dispatcher.utter_message(text=TAKE_YOUR_TIME)
            return {slot: None}
        if value == SKIPPED and slot == tracker.get_slot("requested_slot") and amount_alone(latest):
            # "euh je sais plus exactement, 800 ou 900 euros je crois" read as a pass (round 34, make run): the sum said
            # is read as said (it goes to the creditors below), never lost with the pass.
            value = latest
        if (
            value == SKIPPED
            and slot == tracker.get_slot("requested_slot")
            and slot in _DATE_ASKED
            and not is_skip(latest)
        ):
            # "je sais pas trop, sans doute avant la fin du mois" at the deadline question, "je sais plus, il y a deux ans
            # peut-être" at "Depuis quand ?" (round 35, make run: skip_question 0.97, "Échéance : non précisé"): a date
            # said with a doubt is the answer, the doubt never a pass that loses it.
            dated = extract_facts(latest or "", services.chamber_today(), asked=slot).get(slot)
            if dated:
                return {slot: dated}
        if (
            slot == "since_when"
            and slot == tracker.get_slot("requested_slot")
            and tracker.get_slot("deadline") is not None
            and says_no_to("deadline", latest)
            and not re.search(r"\b(?:limite|butoir|echeance|delai)", fold_words(latest or ""))
        ):
            # "pas de date" at "Depuis quand ?" once the deadline is known (round 34, make run: stored as the deadline
            # denied): no date to say for this question, which is passed. Before the deadline is asked, it answers that.
            return {slot: SKIPPED}
        if value == SKIPPED and slot == tracker.get_slot("requested_slot") and slot not in WHAT_A_NO_SAYS:
            # "non pas de date" at the legal-form question (round 30, make run: the form passed, then the deadline was
            # asked twice). A plain no, or a no to a question already answered, still passes this one.
            kept = self._no_to_another(slot, no_to_another_question(slot, latest), dispatcher, tracker)
            if kept is not None:
                return kept
        if value in (None, SKIPPED) or not isinstance(value, str):
            return {slot: value}
        said = tracker.latest_message.get("text") or ""
        if slot != tracker.get_slot("requested_slot") and not self._kept_from_aside(slot, value, said):
            # An answer to the question asked goes to that question only (round 11, r11a-19: "3 semaines" at the
            # deadline question, tagged by the entity extractor, became "Salariés : 3 semaines"; r11b-07: "76 54 32",
            # part of a phone number, became the deadline): what was known before stays.
            return {slot: value_before_latest_message(tracker.events, slot)}
        if (
            slot == "employees"
            and slot != tracker.get_slot("requested_slot")
            and vaguer_employees(value, value_before_latest_message(tracker.events, slot))
        ):
            # "deux gars" noted, then "j'ai écrit à mes gars" (round 19, r19z-07): the count stays.
            return {slot: value_before_latest_message(tracker.events, slot)}
        if slot == "creditors" and slot != tracker.get_slot("requested_slot"):
            # "8 500 €" noted from "j'ai 8 500 euros de retard", then "c'est l'urssaf qui me relance": who, with the
            # amount already said (the question was skipped for it, round 14; the amount was lost).
            value = _with_amount_known(value, value_before_latest_message(tracker.events, "creditors"))
        if asks_if_confidential(said):
            # Round 24 (r24c-01, r24c-17): "l'urssaf va savoir que je vous ai parlé ? j'ai peur que ça se retourne contre
            # moi", "attendez, si je vous dis que j'ai des dettes, ça va remonter à l'urssaf ?" got what the question
            # means, or "Prenez votre temps": the question about the service answered first, then this one again.
            from actions.service_answers import service_question_text

            return not_answered(slot, service_question_text(tracker, said) or CONFIDENTIAL, dispatcher, tracker)
        # "électricienne je viens de le dire", "SOUS UN MOIS je vous dis": the answer, without the reproach (rounds 4
        # and 5 stored it whole); "je viens de vous dire non" is then the no it is.
        words = without_reproach(without_said_before(said))
        if value == said and not has_words(words) and not is_waiting(words):
            # "🙏", "..." at "Avez-vous une échéance ?" (round 6: "Échéance : 🙏" in the case): no answer, never a fact.
            return self._unclear(slot, dispatcher, tracker)
        value = words if value == said else value
        if value == words:
            # "ben le crédit de 40000" (round 12, r12c-07): the answer is stored without the filler that opens it.
            value = words = without_opening_filler(words)
        worry = main_worry(words) if slot != "creditors" else None
        if worry:
            # "enfin non c'est plutot la banque le vrai souci" at the deadline question (round 23, r23b-01: answered
            # with why the question is asked): the creditor that worries most, heard and added to the others (never
            # a correction of them); the question once more, unless the same words answer it.
            creditors = _with_creditor(value_before_latest_message(tracker.events, "creditors"), worry)
            heard = MAIN_WORRY_HEARD.format(_with_articles(worry))
            answer = extract_facts(words, services.chamber_today(), asked=slot).get(slot)
            if answer:
                dispatcher.utter_message(text=heard)
                return {slot: answer, "creditors": creditors}
            return {**not_answered(slot, heard, dispatcher, tracker), "creditors": creditors}
        fixed = self._corrected(slot, words, dispatcher, tracker)
        if fixed is not None:
            return fixed
        postcode = postcode_alone(words) if value == words and slot != "creditors" else None
        if postcode:
            # "14000" at "Depuis quand ?" (round 17, r17a-13): a postcode, kept for the place question; only where an
            # amount is asked is a bare number money (it became "Créanciers : 14 000 €").
            update, _ = place_update(postcode, {})
            if update.get("departement") not in (None, SKIPPED):
                if value_before_latest_message(tracker.events, "departement") != update["departement"]:
                    return {**not_answered(slot, place_noted(update), dispatcher, tracker), **update}
                return {**answered_another_question(slot, {"departement": update["departement"]}, dispatcher, tracker)}
        amount = amount_alone(words) if value == words else None
        if amount:
            # "deux mille cinq", "mille deux cents" at the deadline question (round 6: "Échéance : deux mille cinq"):
            # an amount, kept with the creditors; at the creditors question, their amount.
            creditors = with_amount(value_before_latest_message(tracker.events, "creditors"), amount)
            if slot == "creditors":
                return {slot: creditors}
            answered = answered_another_question(slot, {"creditors": creditors}, dispatcher, tracker)
            return {**answered, "creditors": creditors}
        if refuses_callback(words):
            # "non je veux pas être rappelé" at "Avez-vous une échéance ?": a wish about the call, noted (no offer
            # will follow), and no answer to this question, which is asked again.
            dispatcher.utter_message(text=NO_CALLBACK_NOTED)
            if wants_information_only(words):
                # "je voulais seulement des renseignements" (round 18, r18b-15): the first steps now, then the question.
                given = _guidance_now(dispatcher, tracker)
                return {slot: None, "wants_advisor": False, **given}
            return {slot: None, "wants_advisor": False}
        known_creditors = value_before_latest_message(tracker.events, "creditors")
        corrected = corrected_creditors(known_creditors, words)
        said_late = not corrected and puts_an_amount_right(words)
        if said_late:
            # "et c'est 5200 au final, j'ai regardé la facture" (round 16, r16a-10): the correction word after the
            # amount; read as one that opens with it (the triage action did not read it: kept here).
            corrected = corrected_creditors(known_creditors, f"en fait {words}")
        if corrected and not extract_facts(words, services.chamber_today()).get(slot):
            # "pardon c'est 6000 pas 8000" after "Dites-moi si je me trompe": the amount corrected (the triage action
            # already set it), never "aucune échéance connue" read from its "pas" as this question's answer.
            if slot == "creditors":
                # "non pas 4000, 6000" (round 24, finding 1: replaced without a word): the amount put right, said.
                said_back = amount_put_right_said(known_creditors, corrected)
                if said_back:
                    dispatcher.utter_message(text=said_back)
                return {slot: corrected}
            answered = not_answered(slot, AMOUNT_CORRECTED.format(corrected), dispatcher, tracker)
            return {**answered, "creditors": corrected} if said_late else answered
        if is_correction(words):
            # "ah non pas Lille, Roubaix" at "Avez-vous une échéance ?": a fact corrected (the triage action set it),
            # said back; never this question's answer, neither the deny's "aucune échéance connue" nor a pass.
            facts = extract_facts(words, services.chamber_today())
            if facts.get(slot):
                return {slot: facts[slot]}
            meant = creditor_names_meant(words) if "creditors" not in facts else None
            # "non c'est pas lyon c'est un fournisseur de roubaix" (round 16, r16a-10): the same creditor, its place put
            # right; the amount noted stays ("C'est corrigé : fournisseurs." dropped the 6 000 €).
            meant = _same_creditor_amount_kept(meant, known_creditors)
            if meant:
                # "non en fait c'est l'urssaf pas les impôts" at the deadline question (round 6, p14): who is owed,
                # corrected and said back; its "non" was stored as "aucune échéance connue".
                if slot == "creditors":
                    return {slot: meant}
                answered = not_answered(slot, AMOUNT_CORRECTED.format(meant), dispatcher, tracker)
                return {**answered, "creditors": meant}
            if slot in WHAT_A_NO_SAYS and says_no_to(slot, words):
                # "non pas d'échéance. et je suis pas à Caen, l'atelier est à Bayeux": both answered (round 5 replays).
                dispatcher.utter_message(text=understood(facts) or WRONG_QUESTION_ACK)
                return {slot: WHAT_A_NO_SAYS[slot]}
            return not_answered(slot, understood(facts) or WRONG_QUESTION_ACK, dispatcher, tracker)
        if _PHONE_LIKE.search(words) and slot in ("deadline", "since_when", "employees", "creditors", "legal_form"):
            # "+33 (0)5 53 08 12 44", "04 74 22 51 0" (a digit missing): "12 44" and "51 0" were stored as the deadline.
            # A number, right or wrong, waits for the handoff, which asks for consent before keeping it.
            return not_answered(slot, CONTACT_WAITS, dispatcher, tracker)
        received = (
            deadline_after_receipt(words, services.chamber_today(), user_messages(tracker.events)[:-1])
            if slot == "deadline"
            else None
        )
        if received:
            # "reçue le 2 décembre, 15 jours pour contester" (round 12, r12c-14): the receipt date was stored as the
            # deadline; it is the delay from it, or the receipt said as one when no delay is said.
            return {slot: received}
        past = (
            past_deadline(words, services.chamber_today())
            if slot == "deadline" and value != WHAT_A_NO_SAYS["deadline"]
            else None
        )
        if past:
            # "c'était le 15 novembre", "l'échéance était lundi dernier" (round 14: stored as the coming deadline, or
            # as next year's date): a payment overdue or something that happened. Said back, never stored as the
            # deadline; the question comes again for a date to come (and is passed after two such answers).
            return not_answered(slot, PAST_DATE_SAID.format(past), dispatcher, tracker)
        if asks_for_callback(words) and tracker.get_slot("wants_advisor") is True:
            # "oui je veux bien qu'on me rappelle" at the deadline question, the call already accepted: it was stored
            # as the deadline (and as the legal form) the advisor reads. An answer said with it is kept ("bah ça fait
            # 3 mois environ. vous pouvez me faire rappeler ?" lost its "3 mois" and got the question again).
            said_with_it = extract_facts(words, services.chamber_today()).get(slot)
            if said_with_it:
                dispatcher.utter_message(text=CALL_ALREADY_ASKED)
                return {slot: said_with_it}
            return not_answered(slot, CALL_ALREADY_ASKED, dispatcher, tracker)
        if value != words and value == WHAT_A_NO_SAYS.get(slot) and is_skip(words):
            # "non je préfère pas dire", "non, ça je le garde pour moi" (round 31, make run): read as a no, they were
            # stored as "aucune échéance connue", "0" salariés or "aucune dette signalée", which the advisor would take
            # for an answer. Declining is passing the question.
            return {slot: SKIPPED}
        if value != words and answer_kind(words) == NO and is_waiting(words):
            # "non attendez" mapped as a no ("aucune échéance connue"): a pause to think, the question waits.
            dispatcher.utter_message(text=TAKE_YOUR_TIME)
            return {slot: None}
        if value != words:
            # An entity the extractor tagged is checked as typed words are: a legal form it misread ("ma femme") is
            # no form (round 14).
            if slot in ("since_when", "deadline", "legal_form") and not fits(slot, str(value)):
                return self._off_script(slot, words, dispatcher, tracker)
            return {slot: value}
        number = bare_number(words) if slot in _BARE_NUMBER_ASKED else None
        if number:
            # "2" at "Depuis quand ?" (round 16, r16a-12: the second unclear answer passed the question, and the number
            # of employees it was went nowhere): what it counts is asked; the question is never passed for it alone.
            return not_answered(slot, _BARE_NUMBER_ASKED[slot].format(n=number), dispatcher, tracker)
        if is_skip(words):
            return {slot: SKIPPED}  # "j'aime autant ne pas en parler": every question may be passed
        contact = contact_answers(words)
        if contact.get("phone") or contact.get("email"):
            # "06 12 34 56 78" to "Depuis quand ?": never this question's answer; the number waits for the
            # handoff, which asks for consent before keeping it.
            return not_answered(slot, CONTACT_WAITS, dispatcher, tracker)
        # The question gives the context the words leave out: "le courrier dit sous un mois" is the deadline.
        facts = extract_facts(words, services.chamber_today(), asked=slot)
        if facts.get(slot):
            return {slot: facts[slot]}
        other_no = no_to_another_question(slot, words) if slot in WHAT_A_NO_SAYS else None
        if other_no:
            # "non pas de dettes" to "Avez-vous des salariés ?" (round 28, r28-b-14: "Salariés : 0"). At a yes/no
            # question, a no to a question already answered is no answer to this one either: asked again.
            kept = self._no_to_another(slot, other_no, dispatcher, tracker)
            return kept if kept is not None else not_answered(slot, WRONG_QUESTION_ACK, dispatcher, tracker)
        if slot == "deadline" and denies_a_deadline(words):
            # "pas d'échéance particulière sinon", "pas de date précise, mais la banque a envoyé un recommandé" (round 17,
            # r17a-06, r17b-03): the no to this question, wherever it stands; the rest went to the triage (it was
            # stored whole as the deadline, or the question asked again).
            return {slot: WHAT_A_NO_SAYS[slot]}
        if slot in WHAT_A_NO_SAYS and facts and says_no_first(words):
            # "non pas de date mais l'urssaf a envoyé une mise en demeure la semaine dernière": the no answers this
            # question (the other facts went to their slots); it was asked again, then answered with a reproach.
            return {slot: WHAT_A_NO_SAYS[slot]}
        if is_waiting(words) or excuses_only(words):
            # "attendez je réfléchis", "euh": no answer yet; the question waits, asked again softly.
            dispatcher.utter_message(text=TAKE_YOUR_TIME)
            return {slot: None}
        owed = total_owed(words) if slot != "creditors" else None
        if owed:
            # "3 mensualités de retard, 2400 en tout" at the deadline question (round 23, r23a-08: stored as the
            # deadline): a sum owed, kept with the creditors ("banque 2 400 €"); the question once more.
            creditors = value_before_latest_message(tracker.events, "creditors")
            if not (isinstance(creditors, str) and re.sub(r"\D", "", owed) in re.sub(r"\D", "", creditors)):
                creditors = with_amount(creditors, owed)
            answered = answered_another_question(slot, {**facts, "creditors": creditors}, dispatcher, tracker)
            return {**answered, "creditors": creditors}
        if slot == "creditors" and owes_no_one(words):
            # "personne, je suis seul", "je dois rien à personne" (round 23, r23a-11: stored whole): the no to it.
            return {slot: WHAT_A_NO_SAYS[slot]}
        if facts:
            return answered_another_question(slot, facts, dispatcher, tracker)
        placed = _place_said_instead(slot, dispatcher, tracker)  # "Lens" to "Avez-vous une échéance ?"
        if placed is not None:
            return placed
        if is_question(words) and slot in WHAT_A_NO_SAYS and says_no_first(words):
            # "Non. Mais est-ce que je pourrai ... ?" (round 18, r18a-13): the no answers this question (it was asked
            # again, "Je vous ai dit non"); the question after it still gets its short reply.
            dispatcher.utter_message(text=reply_to_question(words, services.chamber(), slot))
            return {slot: WHAT_A_NO_SAYS[slot]}
        if is_question(words):
            # "c grave ?" asks something; it answers nothing: a short reply, then the question again. A question about
            # the service is answered first (round 23, r23b-01: "est ce que l'urssaf va savoir que je vous ai parlé ?"
            # got "je ne sais pas répondre", read as no intent).
            from actions.service_answers import service_question_text

            reply = service_question_text(tracker) or reply_to_question(words, services.chamber(), slot)
            return not_answered(slot, reply, dispatcher, tracker)
        if says_only_a_feeling(words):
            # "c'est dur" at "Sous quelle forme ... ?": how hard it is, heard; never stored as the answer.
            return not_answered(slot, FEELING_HEARD, dispatcher, tracker)
        yes_only = says_only_yes(words)
        if (
            (yes_only or answer_kind(words) == YES)
            and skip_offered(tracker.events, slot, latest_only=True)
            and (slot in YES_ANSWERS_NOTHING or _old_skip_offer_latest(tracker) or accepts_the_offer(words))
        ):
            # "oui" right after "Si vous préférez, nous pouvons passer ma question": yes, pass it. At a yes/no question
            # asked again with "si vous préférez la passer, répondez « passer »", a yes answers the question (round 28,
            # r28-b-01: "oui" to "Avez-vous une date limite proche ? Si oui, laquelle ?" passed it): its detail is asked.
            dispatcher.utter_message(text=SKIPPED_ACK)
            return {slot: SKIPPED}
        if yes_only and slot in YES_ANSWERS_NOTHING:
            # "oui", "si finalement oui" to "Depuis quand ?": never stored as the date; the question again, the
            # second time with the offer to pass it.
            return not_answered(slot, YES_IS_NO_ANSWER, dispatcher, tracker)
        name = name_given(tracker) if slot in A_NAME_ANSWERS_NOTHING else None
        if name is None and slot == "employees":
            name = lone_name(tracker)
        if name:
            # "Martine Leroy" to "Avez-vous des salariés ?": a name, kept for the advisor's name question.
            answered = not_answered(slot, name_noted_text(name, slot), dispatcher, tracker)
            return {**answered, "contact_name": name}
        if answer_kind(words) == NO:
            # A bare "non" to "Depuis quand ... ?": no date to give, not "non" stored as the date. Where a no
            # says something ("Avez-vous des salariés ?"), it is that answer; elsewhere the question is passed.
            meaning = WHAT_A_NO_SAYS.get(slot)
            if meaning is None:
                dispatcher.utter_message(text=SKIPPED_ACK)
            return {slot: meaning or SKIPPED}
        if (
            slot in DETAIL_WANTED
            and answer_kind(words) == YES
            and not _detail_asked(tracker, slot)
            and not amount_said(words)
        ):
            dispatcher.utter_message(text=ASK_DETAIL)
            return {slot: None}
        yes_kept = answer_kind(words) == YES and slot not in YES_ANSWERS_NOTHING  # the detail was asked once
        if not yes_kept and not fits(slot, words):
            return self._off_script(slot, words, dispatcher, tracker)
        return {slot: plain_text(value)}

    @staticmethod
    def _no_to_another(
        slot: str, other_no: str | None, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any] | None:
        """A no to the question ``other_no`` names, said at this one (``no_to_another_question``): kept there when
        nothing was known for it, and this question asked again (``answered_another_question``). None when there is no
        such no, or when that question was already answered: each caller decides what the words then are."""
        if not other_no or value_before_latest_message(tracker.events, other_no) is not None:
            return None
        elsewhere = {other_no: WHAT_A_NO_SAYS[other_no]}
        return {**answered_another_question(slot, elsewhere, dispatcher, tracker), **elsewhere}

    @staticmethod
    def _corrected(slot: str, words: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any] | None:
        """A message that denies facts already noted ("c'est pas la retraite c'est la MSA", "j'ai pas d'échéance le 11
        décembre", "la banque je lui dois rien"): those facts corrected and said back, and the question pending asked
        again; never its answer (round 15, r15a-10: "Échéance : c'est pas la retraite c'est la MSA"; r15a-13: "Démarches :
        aucune démarche" from its "non"). A no to the question itself in the same words still answers it. None when
        nothing noted is denied."""
        known = {name: value_before_latest_message(tracker.events, name) for name in _CORRECTABLE}
        fixed = corrections(words, known, services.chamber_today())
        if not fixed:
            return None
        if slot != tracker.get_slot("requested_slot"):
            # Filled aside by the triage from the same words: the corrected value, whatever the order of validation.
            return {slot: fixed[slot]} if slot in fixed else None
        said = corrections_said(fixed, known)
        if slot in fixed:
            dispatcher.utter_message(text=said)
            return fixed
        if slot in WHAT_A_NO_SAYS and says_no_to(slot, words):
            # "non pas de démarche, et c'est pas l'urssaf c'est les impôts": both answered.
            dispatcher.utter_message(text=said)
            return {**fixed, slot: WHAT_A_NO_SAYS[slot]}
        return {**fixed, **not_answered(slot, said, dispatcher, tracker)}

    @staticmethod
    def _kept_from_aside(slot: str, value: str, said: str) -> bool:
        """Whether a value found for another question than the one asked (an entity, the triage) holds up: never
        digits of a phone number, and never a number of employees the words do not say (a duration, a name)."""
        if part_of_phone(value, said):
            return False
        if slot == "legal_form":
            return names_a_legal_form(value)  # "ma femme" tagged a legal form (round 14)
        if slot == "deadline":
            # "l'urssaf m'a relancé le 15 novembre": a past date, never the deadline to come (round 14).
            today = services.chamber_today()
            # "ah non on est samedi" and "2 mois" at "Depuis quand ?" (round 19, r19c-03, r19a-04): today named, and a
            # length of time said for another question, are no deadline either.
            return not (
                past_deadline(said, today) or past_deadline(value, today) or names_today(said) or bare_delay(said)
            )
        if slot == "since_when":
            # "une mise en demeure de 2100 euros à payer avant le 20 décembre" (round 16, r16a-16): the date tagged a
            # duration was the deadline, and the case read "Depuis quand : 20 decembre".
            return not _the_deadline_said(value, said)
        return slot != "employees" or names_people_at_work(said) or says_alone(said)

    def _off_script(self, slot: str, words: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any]:
        """An answer not of this question's kind (round 6: "Depuis quand : les impôts", "Créanciers : seul", a
        sentence as the legal form): it goes where it clearly belongs, else it is not kept; the message is
        answered and, after one unclear answer, the question is passed (never a loop)."""
        # "on est dans le 9-3" at the deadline question, "9-3" tagged a date (round 33, r33-g): read as a town said there.
        placed = _place_said_instead(slot, dispatcher, tracker)
        if placed is not None:
            return placed
        other = {
            name: found for name, found in other_kind(words).items() if name != slot and not tracker.get_slot(name)
        }
        if other:
            return {**answered_another_question(slot, other, dispatcher, tracker), **other}
        return self._unclear(slot, dispatcher, tracker)

    def _unclear(self, slot: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any]:
        """Nothing to keep: what the question asks, with examples, once; the second time the question is passed."""
        if unanswered_before(tracker.events, slot) >= 1:
            dispatcher.utter_message(text=SKIPPED_ACK)
            return {slot: SKIPPED}
        explained = QUESTION_EXAMPLES.get(slot) or explain(slot)
        if tells_a_difficulty(tracker.latest_message.get("text"), rules_only=True):
            # "g plus de courses medicales donc plus rien qui rentre" at "Depuis quand ?" (round 34, make run: only told
            # what the question asks, as if misread): the fact is the triage's, said noted before the explanation.
            explained = f"{FACT_NOTED} {explained}"
        dispatcher.utter_message(text=explained)
        return {slot: None}

    def validate_since_when(self, value, dispatcher, tracker, domain):  # noqa: ANN001, ANN201
        return self._answer("since_when", value, dispatcher, tracker)

    def validate_deadline(self, value, dispatcher, tracker, domain):  # noqa: ANN001, ANN201
        return self._answer("deadline", value, dispatcher, tracker)

    def validate_trade(self, value, dispatcher, tracker, domain):  # noqa: ANN001, ANN201
        known = value_before_latest_message(tracker.events, "trade")
        said = tracker.latest_message.get("text") or ""
        if town_named_like_a_trade(value, tracker.get_slot("requested_slot"), known, said):
            # "macon" at the place question, "dans le 71 a cote de Macon" (round 20, r20b-03, r20a-10: the trade
            # "menuisier", "ebeniste" became "macon"): the town Mâcon, never a trade replacing the one said.
            return {"trade": known}
        if place_read_as_trade(value, said):
            # "je suis en Loire-Atlantique" at the trade question (round 24, finding 4: "Loire-" kept as the trade): the
            # place, noted for its question; the trade asked again.
            if tracker.get_slot("requested_slot") != "trade":
                return {"trade": known}
            typed = hyphened_departement(
                said
            )  # "Loire-et-Cher" typed for Loir-et-Cher: no choice of the Cher or the Loire
            update = (
                {"departement": typed, "commune": None, "place_choices": None, "place_unread": None}
                if typed
                else place_update(said, {})[0]
            )
            noted = place_noted(update) if update.get("departement") not in (None, SKIPPED) else PLACE_NOT_TRADE
            return {**not_answered("trade", noted, dispatcher, tracker), **update}
        return self._answer("trade", value, dispatcher, tracker)

    def validate_legal_form(self, value, dispatcher, tracker, domain):  # noqa: ANN001, ANN201
        return self._answer("legal_form", value, dispatcher, tracker)

    def validate_employees(self, value, dispatcher, tracker, domain):  # noqa: ANN001, ANN201
        return self._answer("employees", value, dispatcher, tracker)

    def validate_creditors(self, value, dispatcher, tracker, domain):  # noqa: ANN001, ANN201
        return self._answer("creditors", value, dispatcher, tracker)

    def validate_steps_taken(self, value, dispatcher, tracker, domain):  # noqa: ANN001, ANN201
        return self._answer("steps_taken", value, dispatcher, tracker)


_DATE_ASKED = ("deadline", "since_when")


def amount_said(words: str) -> bool:
    """An amount in the words, in digits or in words ("oui le client me doit quatre mille deux cents euros")."""
    from intake.facts import money_in_digits

    return bool(re.search(r"\d{3}", money_in_digits(fold_words(words)).replace(" ", "")))


def other_kind(words: str) -> dict[str, str]:
    """Where an answer of another kind clearly belongs: a creditor named ("les impôts", "fournisseur et banque")
    to the creditors, "seul" to the employees, a length of time ("2 ans") to "depuis quand"."""
    from intake.facts import creditor_names

    found: dict[str, str] = {}
    names = creditor_names(words)
    if names:
        found["creditors"] = names
    if says_alone(words):
        found["employees"] = "seul"
    elif not names and names_people_at_work(words):
        # "on a un poseur salarié" at the debts question (round 17, r17a-16): who works there, never who is owed.
        found["employees"] = plain_text(words)
    folded = " ".join(fold_words(words).split())
    if only_time(folded):
        found["since_when"] = plain_text(words)
    return found


# The questions a bare yes answers nothing to ("Depuis quand ?", "Quel est votre métier ?"); at the yes/no ones
# ("Avez-vous des salariés ?") a yes says something, and its detail is asked for (ASK_DETAIL).
YES_ANSWERS_NOTHING = frozenset({"since_when", "trade", "legal_form", "creditors"})
YES_IS_NO_ANSWER = "Merci. Pour cette question, il me faudrait quelques mots plutôt qu'un « oui »."
CONTACT_WAITS = "Merci. Je vous demanderai votre accord avant de garder vos coordonnées."
CALL_ALREADY_ASKED = "C'est bien noté : un conseiller vous rappellera."
AMOUNT_CORRECTED = "C'est corrigé : {}."
# A place read as the trade at the trade question, with no département found in it (round 24, finding 4).
PLACE_NOT_TRADE = "Merci, c'est noté pour le lieu."
# A past date at "Avez-vous une échéance proche ?" (round 14): said back, then the question again.
PAST_DATE_SAID = "Le {} est déjà passé : je ne le compte donc pas comme une échéance à venir."
_ONLY_AMOUNTS = re.compile(r"\d[\d ,]*(?:\s€)?(?:(?:, | et )\d[\d ,]*(?:\s€)?)*")


def _the_deadline_said(value: str, said: str) -> bool:
    """Whether a value found for "depuis quand" is the date the same words give as the deadline (a date to come)."""
    folded = fold_words(value)
    if re.search(r"\b(?:depuis|des|il y a)\b", folded):
        return False
    deadline = extract_facts(said, services.chamber_today()).get("deadline")
    if not deadline:
        return False
    date_said = re.search(r"\b(\d{1,2})(?:er)? ([a-z]+)\b", folded)
    if date_said is None:
        return folded in fold_words(deadline)
    return f"{int(date_said.group(1))} {date_said.group(2)}" in re.sub(r"\b1er\b", "1", fold_words(deadline))


def _same_creditor_amount_kept(meant: str | None, known: Any) -> str | None:
    """Creditors named again without an amount ("un fournisseur de roubaix") when the same ones were noted with
    theirs ("fournisseurs 6000 €"): the noted value, amount included. Otherwise as meant."""
    from intake.facts import creditor_names

    if not meant or not isinstance(known, str) or re.search(r"\d", meant) or not re.search(r"\d", known):
        return meant
    return known if creditor_names(known) == creditor_names(meant) else meant


# round 23, r23b-01: the creditor said to be the main trouble, heard in so many words.
MAIN_WORRY_HEARD = "D'accord, c'est surtout {} : je le note."
_ARTICLES = {
    "URSSAF": "l'URSSAF",
    "impôts": "les impôts",
    "banque": "la banque",
    "fournisseurs": "les fournisseurs",
    "loyer": "le loyer",
    "énergie": "l'énergie",
    "MSA": "la MSA",
    "CAFAT": "la CAFAT",
    "CPS": "la CPS",
    "caisse de retraite": "la caisse de retraite",
}


def _with_articles(names: str) -> str:
    """ "banque, impôts" -> "la banque et les impôts"."""
    said = [_ARTICLES.get(name, name) for name in names.split(", ")]
    return " et ".join([", ".join(said[:-1]), said[-1]]) if len(said) > 1 else said[0]


def _with_creditor(known: Any, names: str) -> str:
    """The creditors noted, with the ones named added (never twice, never in place of the others)."""
    known = known.strip() if isinstance(known, str) else ""
    if not known or known in ("non précisé", "aucune dette signalée", SKIPPED):
        return names
    missing = [name for name in names.split(", ") if fold_words(name) not in fold_words(known)]
    return ", ".join([known, *missing])


def _with_amount_known(creditors: Any, known: Any) -> Any:
    """Who is owed, said after an amount noted alone: "URSSAF" + "8 500 €" -> "URSSAF 8 500 €"; otherwise as said."""
    from intake.facts import creditor_names

    if not isinstance(creditors, str) or not isinstance(known, str) or re.search(r"\d", creditors):
        return creditors
    if not creditor_names(creditors):
        return creditors  # "aucune dette signalée" or words of another kind: as said
    if not _ONLY_AMOUNTS.fullmatch(known.strip()):
        return creditors
    return f"{creditors} {known.strip()}"


_BARE_NUMBER_ASKED = {
    "since_when": "« {n} » : {n} mois, {n} ans ? Ou parlez-vous d'autre chose, par exemple du nombre de salariés ?",
    "deadline": "« {n} » : dans {n} jours, {n} semaines ? Ou parlez-vous d'autre chose, par exemple du nombre de salariés ?",
}

# Eight digits or more typed as a phone number is (spaces, dots, dashes, a "+33 (0)"): a number, even a wrong one.
_PHONE_LIKE = re.compile(r"(?:\+\d{2}\s*(?:\(0\))?\s*)?\d(?:[\s.\-]*\d){7,}")


def part_of_phone(value: Any, said: str) -> bool:
    """The value's digits are part of a phone number typed in the message ("76 54 32" of "0033 6 98 76 54 32",
    round 11, r11b-07: stored as "Échéance : 76 54 32")."""
    digits = re.sub(r"\D", "", str(value or ""))
    if len(digits) < 2:
        return False
    return any(digits in re.sub(r"\D", "", phone.group()) for phone in _PHONE_LIKE.finditer(said or ""))


# The intake slots an entity may fill from any message (bot/domain/intake.yml's from_entity mappings).
_ASIDE_SLOTS = ("since_when", "deadline", "trade", "legal_form", "employees", "creditors")


def phone_parts_undone(tracker: Tracker) -> list[EventType]:
    """Intake slots set this turn from digits of a phone number, back to what they held before (round 11, r11b-07:
    the callback asked with the number at an intake question left "Échéance : 76 54 32" over "fin du mois")."""
    said = tracker.latest_message.get("text") or ""
    return [
        SlotSet(name, value_before_latest_message(tracker.events, name))
        for name, value in tracker.slots_to_validate().items()
        if name in _ASIDE_SLOTS and isinstance(value, str) and part_of_phone(value, said)
    ]


# The facts a later message may deny (intake.facts.corrections).
_CORRECTABLE = ("creditors", "deadline", "legal_form", "since_when")


# The questions a person's name is no answer to: a trade or a creditor may be named after someone.
A_NAME_ANSWERS_NOTHING = frozenset({"since_when", "deadline", "legal_form", "employees", "steps_taken"})


def name_given(tracker: Tracker) -> str | None:
    """A person's name given as the whole answer ("Martine Leroy", "je m'appelle Martine"). A single capitalised
    word ("Récemment", "Beaucoup") is taken for a name only when the entity extractor saw one."""
    latest = tracker.latest_message or {}
    words = " ".join((latest.get("text") or "").split()).strip(" .!")
    entities = latest.get("entities") or []
    name = first_name_said(words, entities)
    if name is None or answer_kind(words) != OTHER:
        return None
    if name != words or " " in name or any(entity.get("entity") == "first_name" for entity in entities):
        return name
    return None


def lone_name(tracker: Tracker) -> str | None:
    """A first name alone, capitalised as names are typed ("Lucas"), at the employees question: a name, never a number
    of employees (round 11: "Salariés : Lucas"); a word that counts ("Deux", "Personne") is an answer."""
    words = " ".join((tracker.latest_message.get("text") or "").split()).strip(" .!")
    name = first_name_said(words, tracker.latest_message.get("entities") or [])
    if name is None or name != words or " " in name or is_a_count(words) or names_people_at_work(words):
        return None
    if fits("since_when", words):  # "Récemment", "Toujours": a time, no name
        return None
    return name if answer_kind(words) == OTHER else None


# What a bare "non" answers to the questions where it says something (the same values as the domain's
# deny mappings, for a no the classifier did not read as one).
WHAT_A_NO_SAYS = {
    "deadline": "aucune échéance connue",
    "employees": "0",
    "steps_taken": "aucune démarche",
    "creditors": "aucune dette signalée",
}


NO_CALLBACK_NOTED = "C'est noté : personne ne vous appellera sans votre accord."
CALL_WISHED_AGAIN = (
    "C'est noté : un conseiller pourra vous rappeler. Je vous demanderai votre accord à la fin de mes questions."
)


# "ok", "d'accord", "oui svp", "oui passons": the offer to pass the question taken up, where a bare "oui" answers a
# yes/no question ("Si oui, laquelle ?").
_ACCEPTS_THE_OFFER = re.compile(
    r"\b(?:ok|okay|oki|d'?accord|dac|svp|stp|s'?il vous plait|volontiers|merci|allez[- ]y|je veux bien|pass\w*)\b"
)


def accepts_the_offer(words: str) -> bool:
    """Whether a yes takes up the offer to pass the question rather than answering it."""
    return bool(_ACCEPTS_THE_OFFER.search(fold_words(words).replace("’", "'")))


def _old_skip_offer_latest(tracker: Tracker) -> bool:
    """Whether the bot's last words before the latest message offered the skip in the former wording, which a yes
    accepts ("Si vous préférez, nous pouvons passer ma question"); the current one asks for « passer »."""
    from actions.intake import _OFFER_SKIP_BEFORE

    events = list(tracker.events)
    users = [i for i, event in enumerate(events) if event.get("event") == "user"]
    before = events[users[-2] + 1 if len(users) > 1 else 0 : users[-1] if users else len(events)]
    return any(_OFFER_SKIP_BEFORE in (event.get("text") or "") for event in before if event.get("event") == "bot")


def _detail_asked(tracker: Tracker, slot: str) -> bool:
    """Whether the detail was already asked for this question (a second bare "oui" is then kept)."""
    asking = False
    for event in tracker.events:
        if event.get("event") == "slot" and event.get("name") == "requested_slot":
            asking = event.get("value") == slot
        elif asking and event.get("event") == "bot" and event.get("text") == ASK_DETAIL:
            return True
    return False


class ActionExplainQuestion(Action):
    def name(self) -> str:
        return "action_explain_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        erased = erasure_during_a_form(dispatcher, tracker)  # round 25: "pourquoi ? effacez tout" at a question
        if erased is not None:
            return erased
        unheard = not_heard_in_intake(dispatcher, tracker)  # round 29: "répondez d'abord à ma question"
        if unheard is not None:
            return unheard
        requested = tracker.get_slot("requested_slot")
        # "quand vous voulez ça m'est égal" read as "why do you ask?": words that only say a moment for the call
        # answer the question (they cannot hold a "pourquoi"), so the form takes them and goes on.
        moment = callback_time(tracker.latest_message.get("text")) if requested == "callback_slot" else None
        if moment:
            return [SlotSet("callback_slot", moment)]
        from actions.service_answers import service_question_text

        service = service_question_text(tracker)
        if service is not None:
            # Round 19 (r19c-04): "c'est vous l'URSSAF ?", "vous êtes l'URSSAF oui ou non ?" read as "why do you ask?" got
            # the reason for the pending question, twice: the question asked is answered.
            dispatcher.utter_message(text=service)
            return []
        if requested is not None or tracker.get_slot("guidance_given"):
            step = first_step_reply(dispatcher, tracker)  # round 20: "et donc je fais quoi ?", the first step
            if step is not None:
                return step
        if requested is None:
            wanted = callback_wanted_again(dispatcher, tracker)  # "quoi ?? non je veux toujours qu'on me rappelle"
            if wanted is not None:
                return wanted
            # "alors pour la tva je fais quoi ?", "qu'est-ce que je dois faire ?" read as "why do you ask?" with no
            # question pending got "Chaque réponse aide le conseiller...": the first steps not given yet, or a person.
            before = len(dispatcher.messages)
            events = await ActionGiveGuidance().run(dispatcher, tracker, domain)
            if len(dispatcher.messages) == before:
                text = ask_an_advisor_text(services.chamber())
                # Asked again (the simulator, seed 20261218): the long answer is said in full once.
                if said_before(tracker.events, text):
                    text = ask_an_advisor_again_text(services.chamber())
                dispatcher.utter_message(text=text)
            return events
        dispatcher.utter_message(text=explain(requested, tracker.latest_message.get("text")))
        return []


def ask_an_advisor_again_text(chamber: Any) -> str:
    return f"Un conseiller pourra vous répondre : écrivez « conseiller », ou appelez le {chamber.phone}."


def ask_an_advisor_text(chamber: Any) -> str:
    return (
        f"Pour savoir quoi faire dans votre cas, le mieux est d'en parler avec un conseiller de la {chamber.name} : "
        f"écrivez « conseiller » pour être rappelé, ou appelez le {chamber.phone} ({chamber.hours_text})."
    )


class ActionGiveGuidance(Action):
    """At most three first steps, the most urgent first; the crisis reply always comes before."""

    def name(self) -> str:
        return "action_give_guidance"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        return give_guidance(dispatcher, tracker)


def _guidance_now(dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any]:
    """The first steps said now, as slot values (for a form's validation)."""
    return {
        event["name"]: event["value"]
        for event in give_guidance(dispatcher, tracker)
        if isinstance(event, dict) and event.get("event") == "slot"
    }


# "je comprends pas tout", "j'ai rien compris", "c'est trop compliqué pour moi".
_NOT_UNDERSTOOD = re.compile(
    r"\b(?:je )?(?:ne )?(?:comprends?|capte|piges?) (?:pas|rien)\b|\b(?:pas|rien) (?:tout |bien )?compris\b|"
    r"\btrop complique|\bje parle pas bien"
)


# Never "rien ne presse" (intake/answers.py: said to artisans whose case was urgent).
THINK_IT_OVER = (
    "Prenez votre temps. Quand vous le souhaitez, écrivez « conseiller » ici, ou appelez la {name} au {phone}."
)


# A question let go once the situation is told: "Dites-moi ce qui vous amène" would ask for it again.
SKIP_AFTER_THE_SITUATION = "Pas de souci. Je reste là si vous voulez ajouter quelque chose, ou écrivez « conseiller »."


class ActionSkipOutsideQuestion(Action):
    """A skip with no question pending ("passer", "je sais pas quoi lui dire ce soir"): the domain's "Pas de souci,
    rien ne presse" only while nothing is told; in a crisis the 3114, for the person and for those close."""

    def name(self) -> str:
        return "action_skip_outside_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        if tracker.get_slot("distress"):
            dispatcher.utter_message(text=SKIP_IN_A_CRISIS)
        elif tracker.get_slot("difficulty_categories"):
            dispatcher.utter_message(text=SKIP_AFTER_THE_SITUATION)
        else:
            dispatcher.utter_message(response="utter_skip_outside_question")
        return []


class ActionStopConversation(Action):
    """Stopping or leaving ("bon je vais y aller"): never the next question. What the artisan already
    consented to is still handed to an advisor."""

    def name(self) -> str:
        return "action_stop_conversation"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        erased = erasure_during_a_form(dispatcher, tracker)  # round 25: "laissez tomber, effacez tout" at a question
        if erased is not None:
            return erased
        unheard = not_heard_in_intake(dispatcher, tracker)  # round 29: "vous répondez pas" is no stop
        if unheard is not None:
            return [*unheard, FollowupAction("situation_form")]
        chamber = services.chamber()
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        words = tracker.latest_message.get("text") or ""
        loop = tracker.active_loop_name
        asked = tracker.get_slot("requested_slot") if loop else None
        if asked in SKIPPABLE and is_skip(words):
            # "j'aime autant ne pas en parler" passes this one question; it does not end the conversation.
            dispatcher.utter_message(text=SKIPPED_ACK)
            return [SlotSet(asked, SKIPPED), *_place_cleared(asked), FollowupAction(loop)]
        if is_hesitation(words) and not (loop in (None, "situation_form") and leaves_to_think(words)):
            # "attendez je réfléchis": time to think, never a goodbye. "bon je vais réfléchir" at an intake question, read
            # as a goodbye, is one (round 23, r23b-05, r23b-18: "Je vous repose la question" came, as if it were a pause);
            # with a thanks it already was (is_closing). The question waits, asked again softly.
            if asked in ("wants_advisor", "consent_given") and thinks_it_over(words):
                # "bon je vais réfléchir" at the callback offer (round 21, r21z-02): the wish respected, the door said,
                # and no question in the same breath.
                reminder = f" {LEAVING_REMINDER}" if tracker.get_slot("distress") else ""  # the 3114 after a crisis
                dispatcher.utter_message(text=THINK_IT_OVER.format(name=chamber.name, phone=chamber.phone) + reminder)
                return [ActiveLoop(None), SlotSet("requested_slot", None)]
            if asked in TIME_TO_THINK and thinks_it_over(words):
                # "je vais réfléchir" at the number question (round 22, r22b-03): the way on said, the question not
                # asked again in the same breath; the form waits for the next answer.
                dispatcher.utter_message(text=TIME_TO_THINK[asked])
                return []
            if asked:
                dispatcher.utter_message(text=TAKE_YOUR_TIME)
                return [FollowupAction(loop)]
            dispatcher.utter_message(text=TAKE_YOUR_TIME_NO_QUESTION)
            return []
        keyword = keyword_read_as_a_stop(dispatcher, tracker)
        if keyword is not None:
            return keyword
        if loop is None and not is_closing(words):
            # "re bonjour, j'ai réfléchi, finalement oui rappelez-moi, plutôt demain en fin de journée" after "je vais
            # réfléchir", read as a goodbye (round 28, r28-a-15: "Au revoir", then the name and the moment lost): the
            # call asked for, with what was said with it.
            again = callback_wanted_again(dispatcher, tracker)
            if again is not None:
                return again
        if asked in HANDOFF_YES_NO and intent == "goodbye" and answer_kind(words) == YES and not is_closing(words):
            # "bon ok, c'est Laurent" to "Voulez-vous qu'un conseiller vous rappelle ?", read as a farewell: a yes,
            # with the name after it kept.
            return yes_read_as_farewell(dispatcher, tracker, asked)
        answered = await answer_read_as_leaving(dispatcher, tracker, domain)
        if answered is not None:
            return answered  # no leave taken while a question is pending: its answer, or the question again
        handoff = stop_with_handoff(dispatcher, tracker, explicit_only=True)
        if handoff is not None:
            return handoff  # consent taken back, or leaving the handoff form (the case is never lost)
        if (
            intent in ("goodbye", "stop_conversation")
            and not tracker.get_slot("distress")
            and loop in (None, "situation_form")
            and (says_how_one_is(words) or says_still_here(words))
            and not is_closing(words)
            and not says_stop(words)
        ):
            # Round 11, r11b-03: "jsuis mort de fatigue mais bon ca va, c surtout la trésorerie" read as a goodbye got
            # "Prenez soin de vous" and the intake closed. How one is takes no leave: heard, and the conversation goes on.
            return await not_a_goodbye(dispatcher, tracker, domain)
        if intent == "goodbye" and loop is None and tells_first_difficulty(tracker, words):
            # "je ferme le salon, j'ai dit au revoir à mes clientes": the artisan's story, the first one told,
            # with no leave taken of us. The intake starts; "Prenez soin de vous" would lose the situation.
            told = await ActionAcknowledgeSituation().run(dispatcher, tracker, domain)
            return then_the_intake(told, tracker)
        distress = bool(tracker.get_slot("distress"))
        if distress and tracker.get_slot("safe_now") == "not_safe":
            # Round 29 (r29-b-36, blocker): "laissez tomber" at the callback offer from someone who had just said they
            # were not safe got "Prenez soin de vous" and the chamber's number: let go. The stop is heard, no goodbye:
            # present, the numbers now, the door open.
            from actions.crisis_actions import person_at_risk
            from guidance.crisis import staying_when_not_safe

            person = person_at_risk(tracker)
            text = staying_when_not_safe(person, again=already_said(tracker, staying_when_not_safe(person)))
        elif distress:
            # After the crisis path, the numbers come with every leave-taking, whatever was answered before.
            text = (
                f"Prenez soin de vous. {LEAVING_REMINDER} Vous pouvez revenir ici quand vous voulez, ou appeler "
                f"la {chamber.name} au {chamber.phone}."
            )
            if already_said(tracker, text):
                text = f"Au revoir, prenez soin de vous. {LEAVING_REMINDER}"
            if already_said(tracker, text):
                text = LEAVING_REMINDER_SHORT  # a third leave-taking (the simulator, seed 20261246)
        elif _NOT_UNDERSTOOD.search(fold_words(words)) and not tracker.get_slot("case_reference"):
            # "je comprend pas tout. je reviendrai avec ma fille" (round 7, a writer of another first language): the
            # words were too hard, and a person can say them simply; never a bare goodbye.
            text = (
                "Pardon, c'était compliqué. Un conseiller peut tout vous expliquer simplement, au téléphone et "
                f"gratuitement : écrivez « conseiller » quand vous voulez, ou appelez le {chamber.phone}."
            )
        elif intent == "goodbye" or (intent == "thank" and is_closing(words)):
            text = (
                "Prenez soin de vous. Vous pouvez revenir ici quand vous voulez, ou appeler la "
                f"{chamber.name} au {chamber.phone} ({chamber.hours_text})."
            )
            if already_said(tracker, text):
                text = "Au revoir, prenez soin de vous."
        else:
            text = (
                "Très bien, on s'arrête là. Si vous le souhaitez, la "
                f"{chamber.name} reste joignable au {chamber.phone}, {chamber.hours_text}."
            )
        events: list[EventType] = [ActiveLoop(None), SlotSet("requested_slot", None)]
        slots = tracker.slots
        if case_due(slots) and not reference_said(tracker):
            # Consent and a number (or an address) were given: the callback still happens (the case is created).
            return events + finish_handoff(dispatcher, tracker)
        if (
            intent == "goodbye"
            and not distress
            and tracker.get_slot("difficulty_categories")
            and not tracker.get_slot("guidance_given")
            and not tracker.get_slot("case_reference")
        ):
            # Round 18 (r18b-15): a goodbye in the middle of the questions left with no first step at all; the steps
            # for what was told come before the farewell.
            events += give_guidance(dispatcher, tracker)
        nothing_sent = nothing_sent_text(tracker)
        if nothing_sent:
            dispatcher.utter_message(text=nothing_sent)  # the call asked for, no consent yet (round 19, r19c-03)
        dispatcher.utter_message(text=text)
        return events


def keyword_read_as_a_stop(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """« conseiller », the word the bot tells people to write, said with more and read as a stop or a farewell ("bon
    je lui ai parlé il est ok. conseiller": round 13, r13b-08, got "Très bien, on s'arrête là"): the callback request
    starts (again, after a refusal), as the word alone does. None otherwise: in a form, or once the case is stored."""
    if tracker.active_loop_name or tracker.get_slot("case_reference"):
        return None
    if not says_the_keyword(tracker.latest_message.get("text")):
        return None
    again = callback_taken_up_again(dispatcher, tracker)  # after a refusal: "Merci, je comprends ...", consent again
    if again is not None:
        return again
    if tracker.get_slot("wants_advisor") is True and tracker.get_slot("consent_given") is True:
        return None  # consented already: the handoff's own paths go on
    return [SlotSet("wants_advisor", True), FollowupAction("handoff_form")]


def callback_asked_in_intake(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """ "oui je veux bien qu'on m'appelle", "vous pouvez m'appeler lundi matin ?" at an intake question, read as a yes
    or as a question about the service (round 28, r28-a-04: the office hours, then the deadline question three times):
    the same as a request for a human in the middle of the intake (stories/handoff.yml), the handoff now; the words
    answer no intake question. A name said with it ("appelez moi lundi, c'est Nathalie") is kept, never asked again.
    None when the call is no request here or was accepted already."""
    if tracker.active_loop_name != "situation_form" or tracker.get_slot("wants_advisor") is True:
        return None
    latest = tracker.latest_message
    if not asks_for_callback(latest.get("text")) and not the_person_to_be_called(tracker):
        return None
    name = (
        None if tracker.get_slot("contact_name") else name_after_yes(latest.get("text"), latest.get("entities") or [])
    )
    if name:
        dispatcher.utter_message(text=f"Merci {name}.")
    moment = moment_with_change_of_mind(tracker.slots, latest.get("text"))  # "lundi matin", kept for its question
    return [
        SlotSet("wants_advisor", True),
        *([SlotSet("contact_name", name)] if name else []),
        *(SlotSet(slot, value) for slot, value in moment.items()),
        ActiveLoop(None),
        SlotSet("requested_slot", None),
        FollowupAction("handoff_form"),
    ]


def the_person_to_be_called(tracker: Tracker) -> bool:
    """ "vous pouvez l'appeler ?" from someone close writing (round 29, r29-b-35: asked twice, answered with the
    chamber's number and the next intake question): a request that the person concerned be called."""
    from actions.handoff import writer_notes, written_for

    words = tracker.latest_message.get("text") or ""
    return "call_person" in writer_notes([words]) and bool(written_for(user_messages(tracker.events)))


# "je veux toujours qu'on me rappelle", "je voudrais quand même être rappelée": the call still wanted.
_STILL_WANTED = re.compile(
    r"\b(?:toujours|quand meme|tout de meme|encore|vraiment)\s+(?=qu'on|que vous|qu'un|etre|un rappel|parler)"
)
CALLBACK_GOES_ON = "Bien sûr, le rappel est toujours prévu : je continue avec vous."


def callback_wanted_again(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """The callback asked for with no question pending, in words read as something else (round 14, r14a-14: "quoi ?? non
    je veux toujours qu'on me rappelle", read as "why do you ask?" after a misread stop closed the consented handoff,
    got "écrivez « conseiller »"): the handoff goes on where it was, or starts again after a refusal. None otherwise."""
    if tracker.active_loop_name or tracker.get_slot("case_reference"):
        return None
    words = tracker.latest_message.get("text") or ""
    plain = _STILL_WANTED.sub("", " ".join(fold_words(words).replace("\u2019", "'").split()))
    if not asks_for_callback(plain) or takes_back_callback(words, explicit_only=True):
        return None
    again = callback_taken_up_again(dispatcher, tracker)  # after a refusal: the consent asked again
    if again is not None:
        return again
    if consented(tracker.slots):
        dispatcher.utter_message(text=CALLBACK_GOES_ON)
        return [FollowupAction("handoff_form")]
    # "finalement oui rappelez-moi, plutôt demain en fin de journée, c'est Laetitia" (round 28, r28-a-15): the moment and
    # the name said with it are kept for their questions.
    latest = tracker.latest_message
    name = None if tracker.get_slot("contact_name") else name_after_yes(words, latest.get("entities") or [])
    if name:
        dispatcher.utter_message(text=f"Merci {name}.")
    moment = moment_with_change_of_mind(tracker.slots, words)
    return [
        SlotSet("wants_advisor", True),
        *([SlotSet("contact_name", name)] if name else []),
        *(SlotSet(slot, value) for slot, value in moment.items()),
        FollowupAction("handoff_form"),
    ]


# Stopping said in so many words ("je suis épuisé, j'arrête là"): a stop, whatever else is said.
_STOPPING = re.compile(
    r"\b(?:j'arrete|on arrete|arretons|on s'arrete|stop|laisse[rz]? tomber|ca suffit(?! (?:pas|plus|jamais|meme pas))|assez pour aujourd'hui|"
    r"plus tard|une autre fois|pas maintenant)\b"
)
# The conversation, the chat, the questions: what a stop is about ("fermez la discussion", never "je ferme le salon").
_THE_CHAT = (
    r"(?:(?:la|cette|notre|l'|cet|ce|le|les|vos|votre|tes|ces|ma|du|de la|de ce|de cette|avec (?:la|le|ce|cette|vos|les))\s?)?"
    r"(?:conversation|discussion|echange|chat|tchat|questionnaire|formulaire|dialogue|appli|application|page|fenetre|robot|"
    r"machine|bot|demarche|questions)"
)
# Where a stop word ends its clause: nothing after it but the end, a comma, "là", "ici", "tout", "svp", "maintenant".
_CLAUSE_END = (
    # "là" as a word of its own, never the article ("je ferme la boutique", "quitter la société")
    r"(?=\s*$|\s*[,.;!:]|\s+la(?=\s*$|\s*[,.;!:]|\s+(?:pour|svp|stp|merci|c|ca|je|j'|on|trop|avec|point|cette|cet|ce)\b)|"
    r"\s+(?:ici|tout|svp|stp|s'il vous plait|maintenant|immediatement|tout de suite|merci|point|"
    r"avec|pour (?:moi|ce soir|aujourd'hui)|" + _THE_CHAT + r")\b)"
)
# Round 14: stopping in the words of the stop_conversation examples of nlu/ (458; 46 % were read by _STOPPING and the
# farewells). Imperatives and the first person only: "il a arrêté de payer", "j'ai arrêté", "arrêt maladie", "je ferme
# la boutique", "fin décembre", "je quitte mon local" stop nothing.
_STOPPING_SAID = re.compile(
    r"\b(?:sto+p+|stoppe[zr]?|je stoppe|on stoppe|halte|basta|rideau|finish)\b|"
    # "arrêtez", "j'arrête là", "arrête-toi": the verb ending its clause, or about the chat
    # never "mon arrêt", "un arrêt" (a sick leave, round 31)
    r"\b(?<!')(?<!mon )(?<!son )(?<!ton )(?<!un )(?<!en )(?:arrete[zr]?|j'?arrete|je m'arrete|on (?:s')?arrete|arretons|arrete[- ]toi|arret)"
    + _CLAUSE_END
    + "|"
    r"\b(?<!')(?:arreter|finir|terminer|cesser|clore|cloturer|fermer|quitter|interrompre|couper|abandonner)"
    r"(?:\s?" + _THE_CHAT + r"\b|" + _CLAUSE_END + r")|"
    r"\b(?:arreter|arretez|arrete|cesser|cessez) de (?:discuter|parler|me parler|repondre|ecrire|poser|me poser|m'ecrire)\b|"
    r"\b(?:mettre|mettons|je mets|mettez|met) (?:fin|un terme|un point final)\b|"
    # "fermez la discussion", "j'annule tout", "oubliez ma demande", "je quitte ce chat", "j'abandonne, tant pis"
    r"\b(?<!')(?:clo[st]|cloture[zr]?|clotur\w*|fermez|ferme[rz]?|je ferme|on ferme|refermez|je referme|quitte[rz]?|je quitte|interromp\w*|j'interromp\w*|"
    r"cesse[zr]?|cessons|annule[rz]?|annulez|j'annule|on annule|oublie[zr]?|on oublie|abandonne[rz]?|j'abandonne|abandonnons|"
    r"termine[zr]?|terminons|je termine|on termine)"
    r"(?:\s?(?:" + _THE_CHAT + r"|tout(?: ca)?|ma demande|la demande|ici)\b|" + _CLAUSE_END + r")|"
    r"(?:^|[,.;!]\s?)(?:c'est |ce chat c'est )?(?:fin|fini|termine|terminee)(?: de (?:la |l')(?:conversation|discussion|echange))?"
    r"(?: pour (?:moi|ce soir|aujourd'hui))?(?=\s*$|\s*[,.;!])|"
    r"\bc'est fini (?:la conversation|pour ce soir)\b|\bfin de (?:la |l'|cet |cette |notre )?(?:conversation|discussion|echange)\b|"
    r"\b(?:conversation|discussion|echange) (?:terminee?|close|s'arrete|se termine)\b|"
    # "cette conversation, je ne veux pas la prolonger", "ce formulaire, je ne le poursuis pas" (round 31: v35's voice)
    r"\b(?:(?:(?:veux|souhaite|desire) (?:pas|plus)|prefere (?:ne )?pas) (?:la |le )?(?:prolonger|poursuivre)|"
    r"je (?:ne )?(?:la |le )?(?:prolonge|poursuis) (?:pas|plus))(?=\s*$|\s*[,.;!]|\s+"
    + _THE_CHAT
    + r"\b)|\bcontinuer ne me dit plus rien\b|\bn'en parlons plus\b|"
    r"\b(?:suspendre|je suspends|on suspend) " + _THE_CHAT + r"|\bje lache (?:l'affaire|ici|tout ca)\b|"
    r"\bassez pour ce soir\b|\bon coupe tout\b|\bsortir de la(?=\s*$|\s*[,.;!])|"
    r"(?:^|[,.;!]\s?)pause(?=\s*$|\s*[,.;!])|"
    r"\b(?:m'|nous )?arreter la(?=\s*$|\s*[,.;!]|\s+(?:pour|dans)\b)|"
    # "je ne veux plus continuer", "j'ai plus envie de discuter", "je ne souhaite pas poursuivre cet échange"
    r"\b(?:je |j')?(?:ne |n')?(?:veux|voudrais|souhaite|desire|ai) (?:plus|pas) (?:envie (?:de |d'))?"
    r"(?:continuer|poursuivre|discuter|repondre|ecrire|parler|en parler|aller plus loin)"
    r"(?=\s*$|\s*[,.;!]|\s+(?:ici|maintenant|avec (?:vous|la machine|le robot|le bot)|du tout|a vos questions|a repondre|dans |"
    + _THE_CHAT
    + r")\b)|"
    r"\bje (?:ne )?continue pas\b|\bpas continuer\b|\binutile de (?:poursuivre|continuer|m'ecrire)\b|\bn'allez pas plus loin\b|"
    r"\b(?:assez|trop|plus) de questions\b|\bj'en ai assez\b|\b(?:lachez|laissez)[- ]moi(?: tranquille| en paix)?"
    r"(?=\s*$|\s*[,.;!]| avec)|\b(?:on (?:va )?en reste(?:r)? la|restons[- ]en la|en rester la|j'en reste la)\b|"
    r"\bcouper court\b|\bje coupe court\b|\bon coupe(?=\s*$|\s*[,.;!]| la\b| ici\b)|\bsortir (?:de|du) "
    + _THE_CHAT
    + r"|"
    r"\bme retire de " + _THE_CHAT + r"|\b(?:ca |cela )?(?:ne )?m'interesse plus\b|\bno more questions\b"
)


def says_stop(words: str | None) -> bool:
    """Stopping said in so many words ("arrêtez", "fin de la discussion", "je ne veux plus continuer", "on en reste là"):
    a stop. Words read as a stop without any of these (or a farewell, ``is_closing``) take no leave."""
    folded = fold_words(words or "").replace("\u2019", "'")
    folded = " ".join(folded.split())
    return bool(folded) and bool(_STOPPING.search(folded) or _STOPPING_SAID.search(folded))


# The words of coming back or of excuse that open an answer ("me revoila dsl. cest Amandine", round 14, r14a-14: read
# as a stop, the consented handoff was dropped): no question asks for them. Not french.words.FILLERS: its "bon", "ben"
# lead into these words, and a sound stripped here would change what answer_read_as_leaving reads (it compares what is
# left with the whole message).
_BACK_FIRST = re.compile(
    r"^\s*(?:(?:me\s+revoil[aà]|me\s+revoici|me\s+voil[aà]|(?:je\s+suis|j['’]?suis|chuis)\s+(?:de\s+retour|revenue?)|"
    r"c['’]?\s?est\s+(?:encore|re)\s?moi|rebonjour|re|d[ée]sol[ée]e?|dsl|pardon|oups|excusez[- ]moi|voil[aà]|bon|ben|donc)"
    r"(?![\w'’])[\s,.;:!…]*)+",
    re.IGNORECASE,
)
WELCOME_BACK_SHORT = "Je suis toujours là."
ASKED_AGAIN_GENTLY = (
    "Je suis toujours là. Si vous préférez arrêter, dites-le-moi simplement ; sinon, je vous repose la question."
)
# The forms whose question a message read as leaving may answer.
_ANSWERING_FORMS = ("situation_form", "handoff_form")


def comes_back(words: str | None) -> bool:
    """ "me revoilà", "je suis de retour", "c'est encore moi" opening the message: the artisan is back."""
    match = _BACK_FIRST.match(words or "")
    return match is not None and says_still_here(match.group())


def _without_coming_back(tracker: Tracker) -> Tracker:
    """The tracker with the latest message stripped of the words of coming back that open it (what the validators
    read), or the tracker itself."""
    words = tracker.latest_message.get("text") or ""
    rest = _BACK_FIRST.sub("", words, count=1).strip()
    if rest == words.strip():
        return tracker
    copy = tracker.copy()
    copy.latest_message = {**tracker.latest_message, "text": rest}
    return copy


async def answer_read_as_leaving(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
) -> list[EventType] | None:
    """Words read as a goodbye or a stop that take no leave (no farewell, ``is_closing``; no stop, ``says_stop``) while a
    form question is pending are its answer. Round 14: "je viens de vous dire, fin décembre pour le fournisseur" at the
    deadline question (goodbye, 0.46) got "Prenez soin de vous" and the intake closed; "me revoila dsl. cest Amandine"
    at the name question (a stop) dropped a consented handoff. The form's own validator reads them, as it would have
    had the classifier read an answer (Rasa validates no form run as a follow-up); words that answer nothing get the
    question again, gently. None when leave is taken, or for the paths that read the words already (how one is,
    "je suis pas parti": not_a_goodbye; a consent taken back or a number given: stop_with_handoff)."""
    loop = tracker.active_loop_name
    asked = tracker.get_slot("requested_slot") if loop in _ANSWERING_FORMS else None
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    words = (tracker.latest_message.get("text") or "").strip()
    if not asked or intent not in ("goodbye", "stop_conversation") or not words or words.startswith("/"):
        return None
    if is_closing(words) or says_stop(words) or (loop == "situation_form" and leaves_to_think(words)):
        return None
    reading = _without_coming_back(tracker)
    rest = reading.latest_message.get("text") or ""
    if (
        loop == "situation_form"
        and not tracker.get_slot("distress")
        and (says_how_one_is(words) or (says_still_here(rest) and rest == words))
    ):
        return None  # not_a_goodbye: heard, and the question again (round 11)
    if loop == "handoff_form" and (
        withdraws_consent(tracker)
        or takes_back_callback(words, explicit_only=True)
        or number_at_phone_question(tracker) is not None
    ):
        return None
    events: list[EventType] = []
    answer: dict[str, Any] = {}
    heard = CollectingDispatcher()
    if rest and not says_still_here(rest):
        form = ValidateSituationForm() if loop == "situation_form" else ValidateHandoffForm()
        value: Any = rest
        # The deadline's own extraction reads only "pas de date" (round 25); a date said here is read by its validator.
        extract = getattr(form, f"extract_{asked}", None) if asked != "deadline" else None
        if extract is not None:
            # The form's own reading of words no slot mapping takes (a name, a time, a number said in a sentence): what
            # it finds, or no answer ("hein" is no first name, "ouais" no time).
            extracted = await call_potential_coroutine(extract(heard, reading, domain))
            value = (extracted or {}).get(asked)
            if value is None and asked == "contact_name" and declines_a_name(rest):
                # "je préfère rester anonyme" read as a goodbye (round 20, r20b-12: the question again, while "je
                # préfère pas donner mon nom" passed it): the name declined is the answer.
                value = rest
        validate = getattr(form, f"validate_{asked}", None)
        if validate is not None and value is not None:
            answer = dict(await call_potential_coroutine(validate(value, heard, reading, domain)) or {})
    if answer.get(asked) is None and not heard.messages:
        # Nothing this question asks for (or only "me revoilà"): the question again, and the way out said once.
        back = comes_back(words) or says_still_here(words)
        heard.utter_message(
            text=WELCOME_BACK_SHORT if back or already_said(tracker, ASKED_AGAIN_GENTLY) else ASKED_AGAIN_GENTLY
        )
    dispatcher.messages.extend(heard.messages)
    events += [SlotSet(name, value) for name, value in answer.items()]
    return [*events, FollowupAction(loop)]


HOW_YOU_ARE_HEARD = "Merci de me dire comment vous allez."
GOING_ON = "Pardon, je vous avais mal compris. Je continue avec vous."


async def not_a_goodbye(dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
    """Words read as a goodbye that take no leave (how one is, round 11, r11b-03; "je suis pas parti"): the
    question pending is asked again, a difficulty told starts the intake, else the bot listens."""
    loop = tracker.active_loop_name
    words = tracker.latest_message.get("text") or ""
    heard = WELCOME_BACK_SHORT if comes_back(words) else GOING_ON if says_still_here(words) else HOW_YOU_ARE_HEARD
    asked = tracker.get_slot("requested_slot") if loop == "situation_form" else None
    if asked in WHAT_A_NO_SAYS and (says_no_to(asked, words) or says_no_first(words)):
        # "non pas vraiment, c'est lui qui veut s'arrêter, il est fatigué mais ça va" at the deadline question (round
        # 12, r12c-07): the no opening the words answers it; the rest is no news of the writer to thank for.
        noted = understood(_facts_in(words, tracker))
        dispatcher.utter_message(text=noted or "D'accord.")
        return [SlotSet(asked, WHAT_A_NO_SAYS[asked]), FollowupAction(loop)]
    if loop:
        noted = understood(_facts_in(words, tracker))
        dispatcher.utter_message(text=" ".join(part for part in (heard, noted) if part))
        return [FollowupAction(loop)]
    if form_left_pending(tracker) == "handoff_form" and not tells_new_difficulty(tracker):
        # "me revoilà" after the handoff was closed past its consent: its question again (round 14, r14a-14).
        dispatcher.utter_message(text=heard)
        return [FollowupAction("handoff_form")]
    if tells_new_difficulty(tracker) or _intake_unfinished(tracker):
        dispatcher.utter_message(text=heard)
        if tells_new_difficulty(tracker):
            told = await ActionAcknowledgeSituation().run(dispatcher, tracker, domain)
            return then_the_intake(told, tracker)
        return [FollowupAction("situation_form")]
    dispatcher.utter_message(text=f"{heard} Je vous écoute.")
    return []


def _intake_unfinished(tracker: Tracker) -> bool:
    """A difficulty was told and intake questions remain unanswered (the intake was closed by a misread goodbye)."""
    categories = tracker.get_slot("difficulty_categories") or []
    if not categories or tracker.get_slot("case_reference") or tracker.get_slot("guidance_given"):
        return False
    wanted = questions_to_ask(categories, tracker.get_slot("urgency"), tracker.slots, tracker.events)
    return any(tracker.get_slot(slot) in (None, "") for slot in wanted)


def told_but_not_taken_up(tracker: Tracker) -> bool:
    """A difficulty was told (the triage has it) and nothing was done with it: no form runs, the intake never started,
    no guidance, no case (round 24, r24c-13: "c'est le redressement judiciaire qui le mine, audience le 15", then "je
    viens de vous le dire, le redressement", "ben faites-le alors" got "dites-moi ce qui vous amène" in a loop)."""
    if tracker.active_loop_name or not tracker.get_slot("difficulty_categories"):
        return False
    if tracker.get_slot("case_reference") or tracker.get_slot("guidance_given") or tracker.get_slot("distress"):
        return False
    if tracker.get_slot("wants_advisor") is not None or tracker.get_slot("consent_given") is not None:
        return False  # the call offered already: that path goes on
    started = any(e.get("event") == "active_loop" and e.get("name") == "situation_form" for e in tracker.events)
    if started:
        return False
    # Only when the bot asked for what was already told, or the person says it was told.
    last = next((str(e.get("text") or "") for e in reversed(tracker.events) if e.get("event") == "bot"), "")
    return bool(
        _ASKED_WHAT_WAS_TOLD.search(last) or _TOLD_ALREADY.search(fold_words(tracker.latest_message.get("text") or ""))
    )


_ASKED_WHAT_WAS_TOLD = re.compile(r"ce qui (?:vous amène|pèse)|Un seul mot suffit")
_TOLD_ALREADY = re.compile(
    r"\b(?:je (?:vous |te )?(?:viens de (?:vous |te )?)?l'?ai (?:deja )?dit|je viens de (?:vous |te )?le dire)\b"
)


async def take_up_what_was_told(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
) -> list[EventType] | None:
    """What was told, said back, and the intake started; None when nothing waits to be taken up."""
    if not told_but_not_taken_up(tracker):
        return None
    told = await ActionAcknowledgeSituation().run(dispatcher, tracker, domain)
    return then_the_intake(told, tracker)


def tells_first_difficulty(tracker: Tracker, words: str) -> bool:
    """A message read as a goodbye that is the first account of a difficulty: the triage found one in it, none
    was found before, and the words take no leave of us (is_closing)."""
    first = not value_before_latest_message(tracker.events, "difficulty_categories")
    return first and tells_new_difficulty(tracker) and not is_closing(words)


def tells_new_difficulty(tracker: Tracker) -> bool:
    """The triage found in the latest message a difficulty that was not found before it."""
    before = set(value_before_latest_message(tracker.events, "difficulty_categories") or [])
    return bool(set(tracker.get_slot("difficulty_categories") or []) - before)


def form_left_pending(tracker: Tracker) -> str | None:
    """The form whose question was left unanswered when the conversation closed (a goodbye, a stop misread): the
    intake once started with questions left, or a handoff consented to with no case yet. None when a form runs or
    nothing waits."""
    if tracker.active_loop_name or tracker.get_slot("case_reference"):
        return None
    if consented(tracker.slots):
        return "handoff_form"
    started = any(e.get("event") == "active_loop" and e.get("name") == "situation_form" for e in tracker.events)
    return "situation_form" if started and _intake_unfinished(tracker) else None


ERASED_THEN_BACK = (
    "Bonjour. J'ai effacé notre échange tout à l'heure, comme vous l'aviez demandé : je n'ai plus ce que vous m'aviez "
    "écrit."
)
CALL_AFTER_ERASURE = "Je note votre demande de rappel ; vous pourrez tout redire au conseiller."
TELL_AGAIN_AFTER_ERASURE = "Pouvez-vous me redire en deux mots ce qui vous amène ?"


def first_words_after_erasure(tracker: Tracker) -> bool:
    """The latest message is the first one since the conversation was erased (the erasure's mark is the only trace the
    tracker store keeps of it)."""
    erased, said = False, 0
    for event in tracker.events:
        if event.get("event") == "slot" and event.get("name") == ERASED_SLOT and event.get("value") is True:
            erased, said = True, 0
        elif event.get("event") == "user":
            said += 1
    return erased and said == 1


_GREETING_ONLY = re.compile(
    r"^(?:(?:re|rebonjour|rebonsoir|bonjour|bonsoir|bjr|bsr|slt|salut|coucou|hello|allo|me revoila|revoila|c'est encore "
    r"moi|c'est moi|encore moi|de nouveau|madame|monsieur|dsl|desole|pardon|excusez[- ]moi|oui|ok|ben|bon|euh)\b[\s,.!?]*)*$"
)


def returned_to_the_case(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """Coming back to a stored case with more than a greeting ("re bonjour, demain matin je peux pas en fait, plutôt
    mardi aprem" after the goodbye: round 27, r27-b-02, "je suis toujours là" and the case kept the old moment): the
    words reach the case as they did before the goodbye, through the readers every action outside the forms calls
    (a moment, a number or a name put right), else they are added to it. None when only a greeting is said, in a
    form, or with no case stored."""
    if tracker.active_loop_name or not tracker.get_slot("case_reference"):
        return None
    if _GREETING_ONLY.match(_bare(tracker.latest_message.get("text"))):
        return None
    read = number_after_the_handoff(dispatcher, tracker)
    if read is not None:
        return read
    return words_added_to_case(dispatcher, tracker)


WELCOME_BACK = "Bonjour, je suis toujours là. Reprenons où nous en étions."
WELCOME_BACK_NO_QUESTION = "Bonjour, je suis toujours là, et j'ai gardé ce que vous m'avez dit. Vous pouvez continuer, ou écrire « conseiller »."


class ActionGreet(Action):
    """A greeting: the open question; a greeting that already tells a difficulty ("bonjour, mon comptable me dit de
    déposer le bilan", read as greet at 0.81 in round 4 of off-script conversations) is heard and the intake goes on,
    never "qu'est-ce qui vous amène ?" after the artisan just said it."""

    def name(self) -> str:
        return "action_greet"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        from actions.service_answers import english_reply

        english = english_reply(dispatcher, tracker)  # round 20: "hello, can you call me back please?"
        if english is not None:
            return english
        outside = outside_reply(dispatcher, tracker)  # round 22: "bonjour, je suis apprenti et mon patron ..."
        if outside is not None:
            return outside
        if tracker.active_loop_name is None and salut_as_goodbye(tracker):
            # Round 24 (r24c-08): "salut" after "non", the case made: a goodbye, never "Bonjour, je suis toujours là".
            return await ActionStopConversation().run(dispatcher, read_as_goodbye(tracker), domain)
        if tracker.active_loop_name is None and first_words_after_erasure(tracker):
            # Round 18 (r18a-13): "Rebonjour, c'est encore Mme Chauvet, j'accepte l'appel finalement" right after "tout
            # effacer" got "qu'est-ce qui vous amène ?": the erasure is said, and a call asked for goes to the consent.
            if asks_for_callback(tracker.latest_message.get("text")):
                dispatcher.utter_message(text=f"{ERASED_THEN_BACK} {CALL_AFTER_ERASURE}")
                return [SlotSet("wants_advisor", True), FollowupAction("handoff_form")]
            if not tells_new_difficulty(tracker):
                dispatcher.utter_message(text=f"{ERASED_THEN_BACK} {TELL_AGAIN_AFTER_ERASURE}")
                return []
        if tracker.active_loop_name is None and tells_new_difficulty(tracker):
            told = await ActionAcknowledgeSituation().run(dispatcher, tracker, domain)
            return then_the_intake(told, tracker)
        returned = returned_to_the_case(dispatcher, tracker)
        if returned is not None:
            return returned
        if tracker.active_loop_name == "handoff_form":
            # "moi c'est Karim au fait" read as a greeting once the case is stored (round 26: "Bonjour, je suis toujours
            # là", the name lost): the name put on the case, as any name said then, and the handoff goes on.
            renamed = name_corrected_after_case(dispatcher, tracker)
            if renamed is not None:
                return [*renamed, FollowupAction("handoff_form")]
        news = reached_news(dispatcher, tracker)
        if news is not None:
            # "c'est bon il est rentré" read as a greeting (round 15, r15b-03): relief, never "Bonjour, je suis toujours là".
            if tracker.active_loop_name != "handoff_form":
                news.pop("wants_advisor", None)  # no offer pending: an earlier answer stands
            back = [FollowupAction(tracker.active_loop_name)] if tracker.active_loop_name else []
            return [*(SlotSet(name, value) for name, value in news.items()), *back]
        pending = form_left_pending(tracker)
        if pending:
            # "me revoilà" after a goodbye that closed the intake, or the handoff after its consent (round 14, r14b-08):
            # the question left pending comes back with the welcome.
            dispatcher.utter_message(text=WELCOME_BACK)
            return [FollowupAction(pending)]
        wanted = callback_wanted_again(dispatcher, tracker)
        if wanted is not None:
            # "re bonjour, on veut bien être rappelé" on coming back (round 20, r20c-07): "Vous pouvez continuer, ou
            # écrire « conseiller »" asked for the keyword; the request is taken as it is.
            return wanted
        if tracker.active_loop_name or tracker.get_slot("difficulty_categories"):
            # "re", "rebonjour" on coming back (round 7): "qu'est-ce qui vous amène ?" ignored all that was said, and
            # the pending question followed it: two questions. The conversation goes on where it was.
            dispatcher.utter_message(text=WELCOME_BACK if tracker.active_loop_name else WELCOME_BACK_NO_QUESTION)
            return []
        dispatcher.utter_message(text=FIRST_QUESTION)
        return []


class ActionThanksDuringIntake(Action):
    """A thanks at an intake question: "merci" and the question goes on; a thanks that takes leave ("merci
    c'est tout", "merci pour tout, je vous laisse") ends the conversation like a goodbye, never the next question."""

    def name(self) -> str:
        return "action_thanks_during_intake"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        erased = erasure_during_a_form(dispatcher, tracker)  # round 25: "merci, effacez tout" at a question
        if erased is not None:
            return erased
        if is_closing(tracker.latest_message.get("text")):
            return await ActionStopConversation().run(dispatcher, tracker, domain)
        place = place_read_as_thanks(tracker)
        if place is not None:
            # "bordeaux, enfin merignac" read as a thanks (round 20, r20b-04: "Je vous en prie." and the place question
            # again): a place named at the place question, without a word of thanks, is its answer.
            update, message = place
            if message:
                dispatcher.utter_message(text=message)
            return [SlotSet(name, value) for name, value in update.items()] + [
                FollowupAction(tracker.active_loop_name or "situation_form")
            ]
        dispatcher.utter_message(text=YOU_ARE_WELCOME)
        return [FollowupAction(tracker.active_loop_name or "situation_form")]


_THANKS_WORDS = re.compile(r"\b(?:merci|mrc|mci|remercie|remercions|sympa|gentil|super|parfait|top)\b")


def place_read_as_thanks(tracker: Tracker) -> tuple[dict[str, Any], str | None] | None:
    """The place slots when the words read as a thanks answer the place question with a place and thank nobody."""
    words = (tracker.latest_message or {}).get("text") or ""
    if tracker.get_slot("requested_slot") != "departement" or not words or _THANKS_WORDS.search(fold_words(words)):
        return None
    update, message = place_update(words, tracker.slots)
    if update.get("departement") in (None, SKIPPED) and not update.get("place_choices"):
        return None
    return update, message


def _place_cleared(slot: str) -> list[EventType]:
    """A skipped place question leaves no candidates nor unread answer behind."""
    if slot != "departement":
        return []
    return [SlotSet("place_choices", None), SlotSet("place_unread", None), SlotSet("commune", None)]


# "ça va pas trop", "pas terrible", "ça va mal": how things are, said as a no.
_NOT_GOING_WELL = re.compile(
    r"\b(?:(?:ca|sa|c) (?:ne )?va (?:pas|plus|mal)|pas (?:trop )?(?:terrible|top|fort|bien|la joie)|(?:ca|c) se passe mal)\b"
)
NOT_GOING_WELL_REPLY = (
    "Je suis désolé de le lire. Qu'est-ce qui ne va pas ? Vous pouvez l'écrire avec vos mots, même en vrac."
)


class ActionAnswerOutsideQuestion(Action):
    """A yes or a no when no question is pending. After a refusal, a yes starts the handoff again."""

    def name(self) -> str:
        return "action_answer_outside_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        taken_back = take_back_reply(dispatcher, tracker)  # "oui en fait" right after a clear no
        if taken_back is not None:
            return taken_back
        late = number_after_the_handoff(dispatcher, tracker)
        if late is not None:
            return late
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if intent in ("affirm", "deny") and offer_pending(tracker):
            # The answer to "Voulez-vous que j'efface ... ?" (actions/erasure_actions.py).
            return answer_to_offer(dispatcher, tracker, yes=intent == "affirm")
        if intent == "affirm" and call_refused(tracker):
            return offer_taken_up_again(dispatcher, tracker)
        words = tracker.latest_message.get("text") or ""
        if intent == "affirm" and is_closing(words) and not is_question(words) and not says_still_here(words):
            # Round 19 (r19c-16): "ok merci, je vais faire la mise en demeure d'abord, bonne journée" read as a yes with
            # no question pending got "Je vous écoute : dites-moi ce qui vous amène": a farewell.
            return await ActionStopConversation().run(dispatcher, read_as_goodbye(tracker), domain)
        if says_still_here(tracker.latest_message.get("text")) and (
            tells_new_difficulty(tracker) or _intake_unfinished(tracker)
        ):
            # Round 11, r11b-03: "euh non je suis pas parti, c'est le client qui paye pas" after a misread goodbye got
            # "D'accord. Je reste là ..." and the intake stayed closed: it goes on.
            return await not_a_goodbye(dispatcher, tracker, domain)
        if (
            asks_for_callback(words)
            and not tracker.get_slot("case_reference")
            and not is_withdrawal(words, explicit_only=True)
        ):
            # "attendez en fait non, j'ai besoin qu'on m'appelle quand même" right after an erasure (round 23, r23b-05),
            # read as a no: "D'accord. Je reste là ... écrivez « conseiller »". A call asked for in words starts the
            # handoff with its consent question; what was erased stays erased.
            return [SlotSet("wants_advisor", True), SlotSet("consent_given", None), FollowupAction("handoff_form")]
        if intent == "deny":
            handoff = stop_with_handoff(dispatcher, tracker, explicit_only=False)
            if handoff is not None:
                return handoff  # "non finalement je ne veux pas" after the case: consent taken back
            said_no = tracker.latest_message.get("text") or ""
            if not tracker.get_slot("difficulty_categories") and (
                _NOT_GOING_WELL.search(fold_words(said_no)) or detect_overwhelm(said_no)
            ):
                # Round 22 (r22a-19): "jsuis crevé, jbosse seul, plus de vie" read as a no got "D'accord. Je reste là",
                # which reads as a goodbye: tiredness or strain said is no no.
                # "bah ca va pas trop" to "qu'est-ce qui vous amène ?", read as a no (round 12, r12a-19): it got "D'accord.
                # Je reste là"; it asks for a gentle question.
                dispatcher.utter_message(text=NOT_GOING_WELL_REPLY)
                return []
            text = "D'accord. Je reste là si vous voulez m'écrire autre chose, ou écrivez « conseiller » pour qu'une personne vous rappelle."
            dispatcher.utter_message(text="D'accord." if already_said(tracker, text) else text)
            return []
        added = words_added_to_case(dispatcher, tracker)  # "ah au fait c'est 9200 pas 8000" after the goodbye
        if added is not None:
            return added
        taken_up = await take_up_what_was_told(dispatcher, tracker, domain)  # "ben faites-le alors" (round 24)
        if taken_up is not None:
            return taken_up
        dispatcher.utter_message(text="Je vous écoute : dites-moi ce qui vous amène, avec vos mots.")
        return []


READING_PUT_RIGHT = "Pardon, j'avais mal compris."


def _reading_put_right(tracker: Tracker) -> str | None:
    """The difficulty said back anew when the latest words took back a category read before ("c'est pas la santé, c'est
    la concurrence"): the triage dropped it, and nothing said so. None when no category was dropped."""
    before = value_before_latest_message(tracker.events, "difficulty_categories") or []
    now = tracker.get_slot("difficulty_categories") or []
    if not before or not now or not set(before) - set(now):
        return None
    concerned = business_person_concerned(user_messages(tracker.events))
    said = user_messages(tracker.events)
    restatement = restated(_assessment(tracker), False, concerned, mourned_person(said, concerned), said)
    if not restatement or already_said(tracker, restatement):
        return None
    plain = restatement.removeprefix("Si je comprends bien, ")
    return f"{READING_PUT_RIGHT[:-1]} : {plain}" if plain != restatement else f"{READING_PUT_RIGHT} {restatement}"


def _told_at_another_question(tracker: Tracker, events: list[EventType]) -> str | None:
    """What a message brought while the question asked stays unanswered (a difficulty told, facts of other questions):
    the difficulty said back when it is new, and the facts noted. None when the question was answered or nothing new
    was told."""
    asked = tracker.get_slot("requested_slot")
    if not asked or any(
        event.get("event") == "slot" and event.get("name") == asked and event.get("value") is not None
        for event in events
    ):
        return None
    if asked in tracker.slots_to_validate() and not any(
        event.get("event") == "slot" and event.get("name") == asked for event in events
    ):
        return None
    words = tracker.latest_message.get("text") or ""
    facts = {
        name: value
        for name, value in _facts_in(words, tracker).items()
        if value != value_before_latest_message(tracker.events, name)
    }
    parts = []
    categories = tracker.get_slot("difficulty_categories") or []
    if categories and categories != value_before_latest_message(tracker.events, "difficulty_categories"):
        concerned = business_person_concerned(user_messages(tracker.events))
        said = user_messages(tracker.events)
        restatement = restated(_assessment(tracker), False, concerned, mourned_person(said, concerned), said)
        if restatement and not already_said(tracker, restatement):
            parts.append(restatement)
    noted = understood(facts)
    if noted and not already_said(tracker, noted):
        parts.append(noted)
    return " ".join(parts) or None


def _facts_in(words: str, tracker: Tracker) -> dict[str, str]:
    """The facts of this message that the slots now hold (so that the bot says back what it kept)."""
    facts = extract_facts(words, services.chamber_today())
    return {name: value for name, value in facts.items() if tracker.get_slot(name) == value}


def introduction_reply(tracker: Tracker, words: str) -> list[str]:
    """An introduction with no difficulty in it, before any was told (a trade, a place, whom one writes for): what was
    noted and the open question, about the person concerned when someone close writes; [] otherwise."""
    if (
        tracker.active_loop_name is not None
        or tracker.get_slot("difficulty_categories")
        or tracker.get_slot("distress")
    ):
        return []
    concerned = business_person_concerned([words])
    noted = understood(_facts_in(words, tracker))
    if not concerned and not noted:
        return []
    question = (
        f"Qu'est-ce qui se passe pour {concerned} ? Vous pouvez l'écrire avec vos mots, même en vrac."
        if concerned
        else NO_DIFFICULTY_YET
    )
    return [f"Merci. {noted}" if noted else "Merci de m'écrire.", question]


def read_as_goodbye(tracker: Tracker) -> Tracker:
    """The tracker with its latest message read as a farewell (round 19: a farewell read as a yes or not understood)."""
    copy = tracker.copy()
    copy.latest_message = {**tracker.latest_message, "intent": {"name": "goodbye", "confidence": 1.0}}
    return copy


class ActionHandleMisunderstanding(Action):
    """Rephrase once; the second time, offer a human instead of looping."""

    def name(self) -> str:
        return "action_handle_misunderstanding"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        taken_back = take_back_reply(dispatcher, tracker)  # "si en fait" right after a clear no
        if taken_back is not None:
            return taken_back
        late = number_after_the_handoff(dispatcher, tracker)
        if late is not None:
            return late
        unheard = not_heard_in_intake(dispatcher, tracker)  # round 29: "c'est nul votre truc" during the intake
        if unheard is not None:
            return [*unheard, FollowupAction("situation_form")]
        words = tracker.latest_message.get("text") or ""
        from actions.service_answers import english_reply, service_question_text

        english = english_reply(dispatcher, tracker)  # round 20: "hello, can you call me back please?"
        if english is not None:
            return english
        from intake.service_questions import FREE, asks_if_free

        service = service_question_text(tracker) or (FREE if asks_if_free(words) else None)  # r20b-06: "c est payant ?"
        if service is not None:
            # Round 19 (r19c-10): "et si je rate l'appel ?" got "Je n'ai pas bien compris": a question about the service
            # is answered, whatever the classifier made of it; a form asks its own question again.
            dispatcher.utter_message(text=service)
            return []
        step = first_step_reply(dispatcher, tracker)  # round 20 (r20c-01): "non pas vraiment. et donc je fais quoi ?"
        if step is not None:
            return step
        if is_closing(words) and not is_question(words):
            # Round 19 (r19c-12): "mèsi, man ka alé" (Creole farewell) got "Je n'ai pas bien compris": a farewell.
            return await ActionStopConversation().run(dispatcher, read_as_goodbye(tracker), domain)
        if tracker.active_loop_name is None and tells_new_difficulty(tracker):
            # "c'est surtout le loyer qui reste à payer", unread by the classifier, but the triage found a
            # difficulty not told before: the account is heard and the intake goes on, never "pardon ?".
            told = await ActionAcknowledgeSituation().run(dispatcher, tracker, domain)
            return then_the_intake(told, tracker)
        introduced = introduction_reply(tracker, words)
        if introduced:
            # "je vous écris pour mon mari Patrick, il est carreleur vers Villefranche" (make run, round 16, read as
            # nlu_fallback): who and what were said, no difficulty yet; noted, and what brings them asked, never "pardon ?".
            for text in introduced:
                dispatcher.utter_message(text=text)
            return []
        if is_question(words) and reply_to_question(words, services.chamber()) == SERIOUS_REPLY:
            # "c grave ?" with no question pending: understood well enough to reassure, then listen.
            dispatcher.utter_message(text=f"{SERIOUS_REPLY} Dites-moi ce qui se passe, avec vos mots.")
            return []
        business_step = (
            answer_to_business_question(tracker, words) if tracker.get_slot("distress") and is_question(words) else None
        )
        if business_step:
            # After the crisis part, "je peux avoir un délai urssaf ou pas ?" (make run, 2026-12-04 20:05: "je n'ai pas
            # bien compris"): guidance waited behind the crisis reply; the question gets one sourced step now.
            dispatcher.utter_message(text=business_step)
            return []
        if says_everything(words) and not tracker.active_loop_name:
            dispatcher.utter_message(text=EVERYTHING_AT_ONCE)  # "tout" to "Un seul mot suffit" (round 24, r24c-08)
            return []
        nothing = nothing_more_reply(dispatcher, tracker)  # "...", "rien" after the case (round 24, r24c-02)
        if nothing is not None:
            return nothing
        taken_up = await take_up_what_was_told(dispatcher, tracker, domain)  # "je viens de vous le dire" (round 24)
        if taken_up is not None:
            return taken_up
        count = int(tracker.get_slot("misunderstandings") or 0) + 1
        if tracker.get_slot("distress") is True:
            # Someone at risk is never left with a bare "pardon ?" (round 4: "c'est tout ce que vous avez à dire").
            dispatcher.utter_message(text=AT_RISK_NOT_UNDERSTOOD if count == 1 else AT_RISK_NOT_UNDERSTOOD_AGAIN)
        elif count == 1:
            dispatcher.utter_message(text="Je n'ai pas bien compris, pardon. Pouvez-vous le dire autrement ?")
        else:
            chamber = services.chamber()
            text = (
                "Je ne suis pas sûr de bien vous comprendre, et je ne veux pas vous faire répéter. "
                "Si vous écrivez « conseiller », une personne de la chambre vous rappellera ; "
                f"vous pouvez aussi appeler le {chamber.phone}."
            )
            # Said in full once; then short (a long message repeated reads as a machine that did not listen).
            dispatcher.utter_message(text="Pardon, je n'ai pas compris." if already_said(tracker, text) else text)
        return [SlotSet("misunderstandings", float(count))]


# "on en était où ?" (round 19, r19c-02, r19c-13): here beside the restatement it says back (actions.service_answers
# answers the questions about the service; this module asks it).
WHERE_WE_WERE_INTRO = "Nous en étions là :"
WHERE_NOTHING_PENDING = "J'ai gardé ce que vous m'avez dit. Vous pouvez continuer avec vos mots, ou écrire « conseiller » pour être rappelé."


def where_we_were(tracker: Tracker) -> str | None:
    """ "on en était où ?", "vous pouvez me redire ce que vous avez noté ?": what was understood and noted, said back
    (the pending question comes after it, asked by its form); None when the words ask neither."""
    from actions.conversation import user_messages
    from actions.handoff import business_person_concerned
    from intake.facts import understood
    from intake.service_questions import asks_where_we_were

    words = tracker.latest_message.get("text") or ""
    if not asks_where_we_were(words):
        return None
    concerned = business_person_concerned(user_messages(tracker.events))
    said = user_messages(tracker.events)
    restatement = restated(_assessment(tracker), False, concerned, mourned_person(said, concerned), said)
    facts = {name: tracker.get_slot(name) for name in ("trade", "since_when", "deadline", "creditors", "departement")}
    noted = understood({name: value for name, value in facts.items() if isinstance(value, str) and value})
    noted = noted.removesuffix(" Dites-moi si je me trompe.") if noted else None
    parts = [part for part in (restatement, noted) if part]
    if not parts:
        return WHERE_NOTHING_PENDING if not tracker.active_loop_name else "Nous commencions tout juste."
    if not tracker.active_loop_name:
        parts.append(WHERE_NOTHING_PENDING.split(". ", 1)[1])
    return " ".join(parts)
