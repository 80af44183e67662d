"""The crisis path: numbers first, a human without conditions, the safety question in one tap; the
direct question about suicide for ambiguous distress; the 3114 for relatives bereaved by suicide.

Thin adapters: the words live in guidance/crisis.py, the reading of answers in triage/answers.py,
the levels and rule ids in triage/distress.py. Logs carry levels and rule ids, never message text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from functools import partial
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import services
from guidance import crisis_messages
from guidance.crisis import (
    ASK_AGAIN_FIRST,
    BEREAVEMENT,
    CHECK_IN_AGAIN,
    HUMAN_AFTER_THE_QUESTION,
    LEAVING_REMINDER,
    OPEN_QUESTION,
    check_in,
    clear_no_reply,
    not_safe_reply,
    safe_reply,
    safety_buttons,
    safety_question,
    suicide_question,
    unsure_reply,
)
from guidance.glossary import DEFINITION_KEY, definition_text
from intake.answers import extract_facts, is_intake_answer
from triage import Assessment
from triage.answers import (
    ASK_AGAIN,
    CLEAR_NO,
    NOT_CLEAR_NO,
    QUESTION_BACK,
    SAFE,
    UNSURE,
    answer_to_safety_question,
    answer_to_suicide_question,
    takes_back_a_clear_no,
)

logger = logging.getLogger(__name__)

RESUMABLE_FORMS = ("situation_form", "handoff_form")
# An answer this long to a yes/no question is an account of something else.
LONG_ACCOUNT_WORDS = 40
# The rule id recorded when the crisis path comes from the answer to the direct question.
DIRECT_QUESTION_RULE = "direct_question_not_a_clear_no"


def _latest_user_text(tracker: Tracker) -> str:
    return (tracker.latest_message or {}).get("text") or ""


def _latest_intent(tracker: Tracker) -> str | None:
    return ((tracker.latest_message or {}).get("intent") or {}).get("name")


def _intake_started(tracker: Tracker) -> bool:
    return any(event.get("event") == "active_loop" and event.get("name") in RESUMABLE_FORMS for event in tracker.events)


def _said_since(tracker: Tracker, action: str, texts: Collection[str]) -> bool:
    """Whether the bot said one of `texts` since `action` last ran."""
    for event in reversed(tracker.events):
        if event.get("event") == "action" and event.get("name") == action:
            return False
        if event.get("event") == "bot" and event.get("text") in texts:
            return True
    return False


def _times_said_since(tracker: Tracker, action: str, texts: Collection[str]) -> int:
    """How many times the bot said one of `texts` since `action` last ran."""
    count = 0
    for event in reversed(tracker.events):
        if event.get("event") == "action" and event.get("name") == action:
            break
        if event.get("event") == "bot" and event.get("text") in texts:
            count += 1
    return count


# A question asked back is answered, and the question asked again, while it has been asked at most this
# many times: someone who only asks questions back is then read as not having said a clear no/yes.
QUESTIONS_BACK_ANSWERED = 2


def _answer_the_question_back(tracker: Tracker, dispatcher: CollectingDispatcher) -> None:
    """The stored answer when the NLU knew the question ("vous êtes un robot ?": yes, an automatic
    assistant), else an honest word that this assistant cannot answer everything."""
    latest = tracker.latest_message or {}
    selected = ((latest.get("response_selector") or {}).get("default") or {}).get("response") or {}
    utter = selected.get("utter_action")
    definition = definition_text(latest.get(DEFINITION_KEY))
    if definition:
        dispatcher.utter_message(text=definition)  # "c'est quoi une conciliation ?" (guidance/glossary.py)
    elif _latest_intent(tracker) == "faq" and utter:
        dispatcher.utter_message(response=utter)
    else:
        dispatcher.utter_message(text=ASK_AGAIN_FIRST[QUESTION_BACK])


# A short list of the business's facts ("je suis ébéniste, SAS, dans le 62", round 6) answers the intake, not a crisis
# question: asked once more, like a single fact, before it is read as no clear answer.
FACTS_LIST_MAX_WORDS = 12


def _facts_listed(text: str) -> bool:
    return len(text.split()) <= FACTS_LIST_MAX_WORDS and len(extract_facts(text)) >= 2


def _read_answer(
    tracker: Tracker,
    dispatcher: CollectingDispatcher,
    slot: str,
    read: Callable[..., str],
    asked_by: str,
    questions: Collection[str],
) -> dict[str, Any]:
    """A form's answer read from the latest message, only when the form is asking for it.

    An answer to something else ("depuis décembre", "pourquoi vous me demandez ça ?") gets a kind word
    and the question once more (the form asks it again), only once since `asked_by` ran; a question asked
    back ("vous êtes un robot ?") gets its answer and the question again, while the question (`questions`:
    its wordings) was asked at most QUESTIONS_BACK_ANSWERED times."""
    if tracker.get_slot("requested_slot") != slot:
        return {}
    text = _latest_user_text(tracker)
    answer = read(
        text,
        _latest_intent(tracker),
        may_ask_again=not _said_since(tracker, asked_by, ASK_AGAIN_FIRST.values()),
        # A long account ("alors pour vous expliquer depuis le début…", whatever intent the NLU gives it) answers
        # the intake, not this question: asked once more before it is read as no clear no (a short other subject,
        # "l'urssaf me réclame 3 trimestres", is read at once). Warning signs in it still take the crisis path at
        # once (triage.answers._ask_again).
        answers_intake_question=is_intake_answer(text)
        or len(text.split()) >= LONG_ACCOUNT_WORDS
        or _facts_listed(text),
        may_answer_question=_times_said_since(tracker, asked_by, questions) <= QUESTIONS_BACK_ANSWERED,
    )
    logger.info("%s answered: %s", slot, answer)  # the reading, never the words
    if answer == QUESTION_BACK and _latest_intent(tracker) == "request_human":
        # "je peux avoir un vrai conseiller ?" at a crisis question: the request is noted and comes right after it
        # (the simulator, 2026-12-04: after a clear no the intake resumed and the handoff came three questions later).
        dispatcher.utter_message(text=HUMAN_AFTER_THE_QUESTION)
        return {slot: None, "paused_form": "handoff_form"} if slot == "suicide_thoughts" else {slot: None}
    if answer == QUESTION_BACK:
        _answer_the_question_back(tracker, dispatcher)
        return {slot: None}
    if answer in ASK_AGAIN:
        dispatcher.utter_message(text=ASK_AGAIN_FIRST[answer])
        return {slot: None}
    return {slot: answer}


def person_at_risk(tracker: Tracker) -> str | None:
    """Someone close writes about another person's signs ("mon mari"): the path's words are about that person."""
    return tracker.get_slot("person_at_risk") or None


def _signs(tracker: Tracker) -> list:
    return [str(sign) for sign in (tracker.get_slot("distress_signs") or [])]


def crisis_reply(dispatcher: CollectingDispatcher, tracker: Tracker, answered: bool) -> list[EventType]:
    """The crisis reply and its slots; `answered`: the path comes from the answer to the direct question."""
    # The last message, the safety question, is asked by safety_form with its one-tap answers.
    for message in crisis_messages(services.chamber(), person_at_risk(tracker))[:-1]:
        dispatcher.utter_message(text=message)
    events: list[EventType] = []
    if answered and not tracker.get_slot("distress"):
        # The case shows why: the answer to the direct question was not a clear no.
        reasons = {key: list(value) for key, value in (tracker.get_slot("triage_reasons") or {}).items()}
        quote = f"« {_latest_user_text(tracker)[:200]} »"
        reasons.setdefault("distress", []).append(f"réponse à « pensez-vous au suicide ? » : {quote}")
        reasons.setdefault("distress_signs", []).append(
            f"niveau 3 puis réponse qui n'est pas un non clair ({DIRECT_QUESTION_RULE})"
        )
        reasons["urgency"] = [f"risque pour la vie : réponse à la question directe {quote}"]
        events += [
            SlotSet("triage_reasons", reasons),
            SlotSet("distress_signs", [*_signs(tracker), DIRECT_QUESTION_RULE]),
        ]
        logger.info("crisis path: level=3 answer=not_clear_no rule=%s", DIRECT_QUESTION_RULE)
    else:
        logger.info(
            "crisis path: level=%s rules=%s",
            tracker.get_slot("distress_level"),
            ",".join(_signs(tracker)) or "none",
        )
    # Whatever form was running is closed: the crisis comes before any question.
    return [
        *events,
        SlotSet("distress", True),
        SlotSet("urgency", "critique"),
        SlotSet("safe_now", None),
        ActiveLoop(None),
        SlotSet("requested_slot", None),
    ]


def _just_after_clear_no(tracker: Tracker) -> bool:
    """Whether the latest message is the first one since the bot took a clear no to the direct question."""
    users = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            users += 1
            if users > 1:
                return False
        elif event.get("event") == "action" and event.get("name") == "action_after_clear_no":
            return users == 1
    return False


def clear_no_taken_back(tracker: Tracker, *, distress_words: bool = False) -> bool:
    """After a clear no to the direct question, the latest message takes it back ("en fait si" right
    after it, "des fois j'y pense" or "je vous ai menti" at any time). `distress_words`: the message
    carries distress words, so it is about the question whenever it comes ("en fait si, je suis à bout")."""
    if tracker.get_slot("suicide_thoughts") != CLEAR_NO or tracker.get_slot("distress"):
        return False
    about_the_question = distress_words or _just_after_clear_no(tracker)
    return takes_back_a_clear_no(_latest_user_text(tracker), about_the_question=about_the_question)


def take_back_reply(
    dispatcher: CollectingDispatcher, tracker: Tracker, *, distress_words: bool = False
) -> list[EventType] | None:
    """The crisis path when the latest message takes back a clear no, wherever the conversation was (an
    intake or handoff question, no question at all); else None. The safety question follows."""
    if not clear_no_taken_back(tracker, distress_words=distress_words):
        return None
    logger.info("clear no taken back")
    events = crisis_reply(dispatcher, tracker, answered=True)
    return [*events, SlotSet("suicide_thoughts", NOT_CLEAR_NO), FollowupAction("safety_form")]


def crisis_in_form_reply(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """The crisis path from inside an intake or handoff form when the latest message is a warning sign (the crisis
    guard's `express_distress`, the triage's distress); else None. The rules' "crisis during the intake" only runs when the form rejects
    the message, and a warning sign that also gives a fact ("je dors plus depuis des semaines. ma famille serait
    mieux sans moi": a duration, a place) filled a slot: the form went on to its next question, no 3114."""
    if (tracker.latest_message.get("intent") or {}).get("name") != "express_distress":
        return None
    if not tracker.get_slot("distress"):
        # The triage (rules and its model, this turn) must see the sign too: the intent classifier alone mid-form
        # keeps the rules' path (a rejected message), where an idiom read as distress is no reason to close a form.
        return None
    logger.info("crisis path from inside %s", tracker.active_loop.get("name"))
    return [*crisis_reply(dispatcher, tracker, answered=False), FollowupAction("safety_form")]


class ActionCrisisResponse(Action):
    def name(self) -> str:
        return "action_crisis_response"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        answered = tracker.get_slot("suicide_thoughts") == NOT_CLEAR_NO and tracker.active_loop.get("name") in (
            None,
            "direct_question_form",
        )
        return crisis_reply(dispatcher, tracker, answered)


class ActionAskSafeNow(Action):
    """ "Êtes-vous en sécurité en ce moment ?", answerable in one tap or in free words."""

    def name(self) -> str:
        return "action_ask_safe_now"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        person = person_at_risk(tracker)
        dispatcher.utter_message(text=safety_question(person), buttons=[dict(b) for b in safety_buttons(person)])
        return []


class ValidateSafetyForm(FormValidationAction):
    """Anything but a clear yes ("je sais pas", "non pas vraiment") is read as not safe; an answer to
    something else ("pourquoi vous me demandez ça ?") first gets the question once more."""

    def name(self) -> str:
        return "validate_safety_form"

    async def extract_safe_now(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        person = person_at_risk(tracker)
        read = partial(answer_to_safety_question, about_someone_else=person is not None)
        return _read_answer(tracker, dispatcher, "safe_now", read, "action_crisis_response", (safety_question(person),))


class ActionAfterSafetyAnswer(Action):
    """Safe: relief and the 3114; not safe: the emergency numbers at once. A human is offered next (rules)."""

    def name(self) -> str:
        return "action_after_safety_answer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        person = person_at_risk(tracker)
        answer = tracker.get_slot("safe_now")
        replies = {SAFE: safe_reply, UNSURE: unsure_reply}
        dispatcher.utter_message(text=replies.get(answer, not_safe_reply)(person))
        return []


class ActionCheckIn(Action):
    """Ambiguous distress (level 3): a kind word, then the direct question (asked by
    direct_question_form). Asked once per conversation: after a clear no, or on the crisis path,
    a kind word and back to where the conversation was; a clear no taken back ("en fait si, des fois
    j'y pense") is the crisis path."""

    def name(self) -> str:
        return "action_check_in"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        active = tracker.active_loop.get("name")
        paused = active if active in RESUMABLE_FORMS else None
        assessment = Assessment.from_slots(tracker.slots)
        if paused is None and assessment and assessment.categories and not _intake_started(tracker):
            paused = "situation_form"  # the facts came with the distress: the intake follows a clear no
        # "en fait si, des fois j'y pense": the clear no is taken back, so the crisis path.
        taken_back = take_back_reply(dispatcher, tracker, distress_words=True)
        if taken_back is not None:
            return taken_back
        if tracker.get_slot("suicide_thoughts") == CLEAR_NO or tracker.get_slot("distress"):
            # Despair said again by someone at risk ("à quoi bon", round 4): the numbers again with the kind word.
            at_risk = tracker.get_slot("distress") is True
            dispatcher.utter_message(text=f"{CHECK_IN_AGAIN} {LEAVING_REMINDER}" if at_risk else CHECK_IN_AGAIN)
            logger.info("check-in: level=3 question already answered")
            return [FollowupAction(paused or "action_listen")]
        dispatcher.utter_message(text=check_in(person_at_risk(tracker)))
        logger.info("check-in: level=3 rules=%s", ",".join(_signs(tracker)) or "model")
        return [SlotSet("suicide_thoughts", None), SlotSet("paused_form", paused)]


class ActionAskSuicideThoughts(Action):
    def name(self) -> str:
        return "action_ask_suicide_thoughts"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        # Asked again after an answer to something else: shorter, the kind word came just before.
        person = person_at_risk(tracker)
        again = _said_since(tracker, "action_check_in", (suicide_question(person),))
        dispatcher.utter_message(text=suicide_question(person, again=again))
        return []


class ValidateDirectQuestionForm(FormValidationAction):
    """Prevention guidelines: "oui", silence, "je sais pas", "parfois", another subject -> not a clear no.
    An answer to the intake question asked before, or "pourquoi vous me demandez ça ?", first gets the
    question once more."""

    def name(self) -> str:
        return "validate_direct_question_form"

    async def extract_suicide_thoughts(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return _read_answer(
            tracker,
            dispatcher,
            "suicide_thoughts",
            answer_to_suicide_question,
            "action_check_in",
            (suicide_question(person_at_risk(tracker)), suicide_question(person_at_risk(tracker), again=True)),
        )


class ActionAfterClearNo(Action):
    """The 3114 once, then back to the conversation: the paused form asks its question again."""

    def name(self) -> str:
        return "action_after_clear_no"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        text = clear_no_reply(person_at_risk(tracker))
        paused = tracker.get_slot("paused_form")
        if paused is None:
            text += f" {OPEN_QUESTION}"
        elif paused == "situation_form" and not _intake_started(tracker):
            assessment = Assessment.from_slots(tracker.slots)
            restatement = assessment.restatement() if assessment else None
            if restatement:
                dispatcher.utter_message(text=text)
                text = restatement
        dispatcher.utter_message(text=text)
        return []


class ActionBereavementSupport(Action):
    """Bereaved by suicide: sympathy and the 3114, which is also for relatives; not the crisis path."""

    def name(self) -> str:
        return "action_bereavement_support"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        dispatcher.utter_message(text=BEREAVEMENT)
        logger.info("bereavement by suicide: 3114 offered")
        return []
