"""`action_ask_<slot>` for every form question, rendered from `actions.questions`."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import services
from actions.asking import ask
from actions.business_questions import asks_what_to_do
from actions.conversation import difficulty_first_told, said_before, user_messages
from actions.erasure_actions import consent_worry_text
from actions.handoff_actions import FACT_NOTED, FACT_NOTED_AGAIN, number_after_the_handoff
from actions.intake import QUESTION_EXAMPLES, asks_something, asks_what_is_meant
from actions.intake_actions import WHAT_A_NO_SAYS, ActionAcknowledgeSituation
from actions.outside_actions import outside_reply, then_the_intake
from actions.questions import QUESTIONS
from chamber import Chamber
from intake.answers import TAKE_YOUR_TIME, is_waiting
from intake.facts import says_no_first
from intake.service_questions import names_business_matter
from triage import names_a_difficulty


def _no_said_first(tracker: Tracker, words: str) -> list[EventType]:
    """ "Non. Mais je pourrai toucher le chômage si je ferme ?" at "Avez-vous une échéance ?" (round 18, r18a-13: the
    question was asked again, "Je vous ai dit non"): the no answers the intake question pending, besides the reply."""
    asked = tracker.get_slot("requested_slot")
    if tracker.active_loop_name != "situation_form" or asked not in WHAT_A_NO_SAYS or not says_no_first(words):
        return []
    return [SlotSet(asked, WHAT_A_NO_SAYS[asked])]


class AskQuestion(Action):
    slot: str = ""

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        if self.slot == "health_consent" and tracker.active_loop_name == "handoff_form":
            rerouted = health_consent_not_due(dispatcher, tracker)
            if rerouted is not None:
                return rerouted
        ask(self.slot, dispatcher, tracker)
        return []


def health_consent_not_due(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """The health consent asked by Rasa's own choice, the first empty slot of the domain's list, when no health was
    told (a validation that set no next question: round 22, r22b-06, r22b-09, "Vous avez parlé de la santé d'un
    proche" to people who had said nothing of it): the question that applies is asked instead, or none and the form
    ends. None when the health consent applies."""
    from actions.handoff import handoff_questions

    wanted = handoff_questions(tracker.slots, user_messages(tracker.events))
    if "health_consent" in wanted:
        return None
    following = next((slot for slot in wanted if tracker.get_slot(slot) is None), None)
    if following is None:
        return [SlotSet("requested_slot", None), ActiveLoop(None)]
    ask(following, dispatcher, tracker)
    return [SlotSet("requested_slot", following)]


# rasa_sdk registers every Action subclass it finds, so one class per question is generated here.
ASK_ACTIONS = {
    slot: type(f"Ask{''.join(part.title() for part in slot.split('_'))}", (AskQuestion,), {"slot": slot})
    for slot in QUESTIONS
}


def out_of_scope_text(chamber: Chamber) -> str:
    """Honest: what the assistant is for, and where the chamber can be reached, without promising that it
    answers everything (the name, phone and hours come from the chamber's configuration)."""
    return (
        "Je ne peux pas vous aider sur ce sujet : je suis là pour les artisans dont l'entreprise traverse une "
        f"difficulté. Pour une autre question sur votre entreprise, la {chamber.short_name} est joignable au "
        f"{chamber.phone}, {chamber.hours_text}."
    )


# Round 24 (r24a-04, r24a-17): "ça fait combien le solde insaisissable ?", "si je paye les chèques ça s'arrête ?" got "Je
# ne peux pas vous aider sur ce sujet" from an artisan who had just told his difficulty. A question on the situation told
# is never out of scope: answered from the knowledge base, else left to the advisor (the case quotes it as the request).
QUESTION_NOTED_FOR_THE_ADVISOR = (
    "Je ne peux pas vous répondre avec certitude ici : je note votre question, et un conseiller de la chambre pourra "
    "vous le dire."
)


def asks_about_the_situation(tracker: Tracker, words: str) -> bool:
    """A question asked once a difficulty was told, about it: words of the conversation, a business matter, a cause or
    a difficulty the knowledge base knows, or advice asked."""
    from actions.business_questions import content_words
    from actions.intake import is_question
    from guidance.facts import read_causes
    from intake.service_questions import asks_for_advice

    if not tracker.get_slot("difficulty_categories") or not is_question(words):
        return False
    said = " ".join(str(event.get("text") or "") for event in tracker.events if event.get("event") in ("user", "bot"))
    earlier = content_words(said.replace(words, " ")) if words else set()
    return bool(
        content_words(words) & earlier
        or names_business_matter(words)
        or names_a_difficulty(words)
        or asks_for_advice(words)
        or read_causes([words])
    )


def remark_on_the_situation(tracker: Tracker, words: str) -> bool:
    """A statement, no question, made at a question of the intake or of the handoff once a difficulty was told."""
    from actions.intake import is_question

    return (
        tracker.active_loop_name in ("situation_form", "handoff_form")
        and bool(tracker.get_slot("difficulty_categories"))
        and bool(words.strip())
        and not words.startswith("/")
        and not is_question(words)
    )


class ActionOutOfScope(Action):
    """Outside the service: where to ask instead, said in full once; said again, a short word (a long
    message repeated reads as a machine that did not listen)."""

    def name(self) -> str:
        return "action_out_of_scope"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        from actions.erasure_actions import erasure_during_a_form
        from actions.intake_actions import ActionGreet, comes_back, where_we_were

        erased = erasure_during_a_form(dispatcher, tracker)  # round 25: "effacez tout" at a question, read out of scope
        if erased is not None:
            return erased
        from actions.handoff import contact_answers

        words_said = tracker.latest_message.get("text") or ""
        if (
            tracker.active_loop_name == "handoff_form"
            and tracker.get_slot("requested_slot") in ("email", "phone")
            and (contact_answers(words_said).get(tracker.get_slot("requested_slot")) or "@" in words_said)
        ):
            # "kevin point platre at gmail point com" at the e-mail question (round 28, r28-a-19: "vous faites face à
            # ... un problème de santé"): the answer asked for, which the form reads next; nothing said here.
            return []
        from actions.crisis_actions import how_114_reply

        how = how_114_reply(dispatcher, tracker)  # round 26, r26a-11: "comment je fais pour le 114 ?"
        if how is not None:
            return [] if tracker.active_loop_name else how
        if not tracker.active_loop_name and comes_back(tracker.latest_message.get("text")):
            # "me revoila. on en était où ?" (round 14, r14b-08): a welcome back and the pending question.
            return await ActionGreet().run(dispatcher, tracker, domain)
        from actions.service_answers import english_reply, service_question_text

        english = english_reply(dispatcher, tracker)  # round 20: "can you call me back please?"
        if english is not None:
            return english
        outside = outside_reply(dispatcher, tracker)  # round 22 (r22c-08, r22c-09, r22c-18): outside the service
        if outside is not None:
            return outside
        from actions.service_answers import reach_someone

        service = reach_someone(tracker) or service_question_text(tracker) or where_we_were(tracker)
        if service is not None:
            # Round 19: a question about the service read as out of scope ("et si je loupe son appel ?", "on en était
            # où ?": what was understood said back, and a form asks its question again).
            dispatcher.utter_message(text=service)
            return []
        from actions.business_questions import first_step_reply

        # Round 27 (r27-a-17, D24): the conversation's first difficulty told with its question ("... je fais quoi ???")
        # is no question on a difficulty known already: said back below, with the intake and its first steps.
        first_told = difficulty_first_told(tracker.events) and not tracker.active_loop_name
        step = None if first_told else first_step_reply(dispatcher, tracker)  # round 20: "et donc je fais quoi ?"
        if step is not None:
            return step
        words = tracker.latest_message.get("text") or ""
        if (
            tracker.get_slot("difficulty_categories")
            and not first_told
            and "?" in words
            and tracker.active_loop_name != "handoff_form"
        ):
            from actions.business_questions import says_yes_or_no_first
            from intake.service_questions import QUESTION_FOR_THE_ADVISOR, about_the_call, asks_for_advice

            if asks_for_advice(words) and not says_yes_or_no_first(words) and not about_the_call(words):
                # Round 20 (r20b-04): "c'est grave ? il a le droit de faire ça ?" just after an eviction threat got "Je ne
                # peux pas vous aider sur ce sujet": a question on the difficulty told, answered or said to be the advisor's.
                from actions.business_questions import answer_to_business_question
                from guidance.crisis import BUSINESS_QUESTION_DOOR

                dispatcher.utter_message(text=answer_to_business_question(tracker, words) or QUESTION_FOR_THE_ADVISOR)
                if not tracker.active_loop_name and not tracker.get_slot("case_reference"):
                    dispatcher.utter_message(text=BUSINESS_QUESTION_DOOR)  # the callback offered with it
                return []
        from actions.crisis_actions import crisis_question_reply

        asked = crisis_question_reply(dispatcher, tracker)
        if asked is not None:
            # Round 19 (r19b-07, r19b-08): "le 3114 ils vont me dire quoi ?", "c'est grave ce que je vous ai dit ?" on the
            # crisis path got "Je ne peux pas vous aider sur ce sujet": the question answered; a form asks its own again.
            return [] if tracker.active_loop_name else asked
        if tracker.active_loop_name and is_waiting(tracker.latest_message.get("text")):
            # "attendez je cherche mon numéro" at a question: time to look, not a request outside the service.
            dispatcher.utter_message(text=TAKE_YOUR_TIME)
            return []
        worry = consent_worry_text(tracker) if tracker.active_loop_name else None
        if worry is not None:
            # "quelle santé ? j'ai rien dit sur ma santé" at the health question, read as out of scope (round 18,
            # r18a-11: "Je ne peux pas vous répondre avec certitude"): what was taken for health, or who reads.
            dispatcher.utter_message(text=worry)
            return []
        late = number_after_the_handoff(dispatcher, tracker)  # "bon ok 06 71 72 73 74", read as out of scope
        if late is not None:
            return late
        if not tracker.active_loop_name:
            # After the crisis reply and a goodbye, "la contrainte j'ai combien de temps pour contester ?" (round 11,
            # r11b-25: "Je ne peux pas vous aider sur ce sujet"): a step from the knowledge base, the door kept open.
            from actions.crisis_actions import business_question_after_crisis

            answered = business_question_after_crisis(dispatcher, tracker)
            if answered is not None:
                return answered
        words = tracker.latest_message.get("text") or ""
        requested = tracker.get_slot("requested_slot")
        if tracker.active_loop_name and requested in QUESTION_EXAMPLES and asks_what_is_meant(words):
            # "c'est-à-dire ?" at the deadline question, read as out of scope (round 5 replays): what the question
            # asks, with examples; the form then asks it again.
            dispatcher.utter_message(text=QUESTION_EXAMPLES[requested])
            return []
        asked_about_the_business = names_business_matter(words) and (asks_something(words) or asks_what_to_do(words))
        if asked_about_the_business and tracker.get_slot("difficulty_categories") and not first_told:
            # The difficulty known already: the question is answered, not the difficulty said back (round 17).
            from actions.business_questions import answer_here

            return [*answer_here(dispatcher, tracker, words), *_no_said_first(tracker, words)]
        if asks_about_the_situation(tracker, words):
            from actions.business_questions import answer_to_business_question

            reply = answer_to_business_question(tracker, words)
            if (reply is not None and not first_told) or not names_a_difficulty(words):
                # A new difficulty in a question no step answers is acknowledged below, as any difficulty told.
                dispatcher.utter_message(text=reply or QUESTION_NOTED_FOR_THE_ADVISOR)
                return _no_said_first(tracker, words)
        if names_a_difficulty(words):
            # "ben c'est compliqué, le loyer du local" read as out of scope: a difficulty is never turned away.
            # It is acknowledged like any described difficulty; outside a form, the intake starts.
            events = await ActionAcknowledgeSituation().run(dispatcher, tracker, domain)
            return events if tracker.active_loop_name else then_the_intake(events, tracker)
        if asked_about_the_business:
            # Round 17 (r17a-02, 13, 15): "mais pour le promoteur je fais comment ?", "c'est quoi les démarches pour
            # vendre un fonds ?", a question on an apprentice got "Je ne peux pas vous aider sur ce sujet": a question
            # about the business is the chamber's, answered from the knowledge base or honestly not known.
            from actions.business_questions import answer_here

            return answer_here(dispatcher, tracker, words)
        if remark_on_the_situation(tracker, words):
            # "c'est une location longue durée la voiture" at the legal-form question, after a car accident (round 33,
            # r33-d: "Je ne peux pas vous aider sur ce sujet"): a remark on the situation told is never turned away;
            # the advisor reads it in the conversation, and the form asks its question again.
            dispatcher.utter_message(text=FACT_NOTED_AGAIN if said_before(tracker.events, FACT_NOTED) else FACT_NOTED)
            return []
        chamber = services.chamber()
        text = out_of_scope_text(chamber)
        if said_before(tracker.events, text):
            text = "Là-dessus je ne peux pas vous aider, pardon."
        dispatcher.utter_message(text=text)
        return []
