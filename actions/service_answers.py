"""Questions about the service asked in the middle of a conversation, whatever the classifier read them as (round 19,
r19c-01, r19c-04, r19c-09, r19c-10, r19c-16): "vous êtes l'URSSAF oui ou non ?" (read as "why do you ask?"), "vous
pouvez appeler ma banque pour moi ?" (read as a fear of being reported), "et si je rate l'appel ?" (not understood).
A thin adapter over intake/service_questions.py: the chamber's name, number and hours come from its configuration."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import services
from intake.answers import asks_who_reads, fears_others_told
from intake.service_questions import (
    CANNOT_UNDO_IT,
    DATA_USE,
    IN_FRENCH_CALLBACK,
    IN_FRENCH_ONLY,
    NO_LOAN,
    SOMEONE_THERE,
    URSSAF_SCAM_CHECK,
    WHAT_TO_SAY,
    WHO_READS,
    act_for_you_text,
    asks_about_a_missed_call,
    asks_callback_in_english,
    asks_for_a_loan,
    asks_if_someone_is_there,
    asks_if_urssaf_message_is_a_scam,
    asks_if_we_can_undo_it,
    asks_us_to_act,
    asks_what_is_done_with_data,
    asks_what_to_say,
    body_asked_about,
    missed_call_text,
    no_one_told_text,
    not_that_body_text,
    unpaid_answer,
    written_in_english,
)


def service_question_text(tracker: Tracker, words: str | None = None) -> str | None:
    """The answer to the latest words (or `words`) when they ask whether the service is a body, ask it to call someone
    for the artisan, ask what happens if the call is missed, whether a body is told, whether the chamber lends money,
    what the data is used for; None otherwise."""
    words = words if words is not None else tracker.latest_message.get("text") or ""
    if not words or words.startswith("/"):
        return None
    if asks_if_urssaf_message_is_a_scam(words):
        return URSSAF_SCAM_CHECK  # round 26: an URSSAF message doubted is no URSSAF debt
    unpaid = unpaid_answer(words, tracker.get_slot("difficulty_categories") or ())
    if unpaid is not None:
        return unpaid  # round 26 (r26c-02, 04, 06, 17): "je risque quoi si je paye pas l'urssaf ?", never "c'est noté"
    chamber = services.chamber()
    yourself = call_us_yourself(tracker, words)
    if yourself is not None:
        return yourself
    asked_back = _asked_back_text(tracker, words)
    if asked_back is not None:
        return asked_back
    body = body_asked_about(words)
    if body is not None:
        return not_that_body_text(chamber.name, body)
    if asks_if_we_can_undo_it(words):
        return CANNOT_UNDO_IT  # round 27 (r27-a-12): "le conseiller il peut debloquer mon compte ?", never the CIP
    whom = asks_us_to_act(words)
    if whom is not None:
        return act_for_you_text(whom)
    if asks_about_a_missed_call(words):
        return missed_call_text(chamber.name, chamber.phone, chamber.hours_text, tracker.get_slot("case_reference"))
    # Round 20 (r20c-18, r20c-08, r20b-06): "vous transmettez à l'urssaf ?" and "vous pouvez me prêter 5000 euros ?" got
    # "cela dépend de votre situation"; "vous les revendez pas ?" (the data) got "je ne sais pas répondre".
    if fears_others_told(words):
        return no_one_told_text(words)
    if asks_for_a_loan(words):
        return NO_LOAN
    if asks_what_is_done_with_data(words):
        return DATA_USE
    if asks_who_reads(words) and tracker.active_loop_name != "handoff_form":
        # Round 27 (r27-b-18): "qui a acces a mes infos exactement ?" got "je n'ai pas bien compris". Inside the handoff
        # the handoff's own answer says who calls back (actions/erasure_actions.py, round 21).
        return WHO_READS
    if asks_if_someone_is_there(words):
        return SOMEONE_THERE  # round 23, r23b-10: "ya quelqu'un ?"
    if asks_what_to_say(words) and not tracker.active_loop_name and not tracker.get_slot("difficulty_categories"):
        return WHAT_TO_SAY  # round 23, r23b-16: "vous voulez savoir quoi ?" before anything is told
    return None


def call_us_yourself(tracker: Tracker, words: str | None = None) -> str | None:
    """ "il peut vous appeler lui ?", "je peux vous appeler moi ?" (round 25): yes, with the chamber's number and hours
    from its configuration (in the artisan's own time too overseas). None when the words ask no such thing."""
    from intake.service_questions import call_us_yourself_text, who_calls_us
    from ops import clock

    caller = who_calls_us(words if words is not None else tracker.latest_message.get("text"))
    if caller is None:
        return None
    chamber = services.chamber()
    hours = chamber.hours_text_for(tracker.get_slot("departement"), clock.now())
    return call_us_yourself_text(caller, chamber.name, chamber.phone, hours)


def _asked_back_text(tracker: Tracker, words: str) -> str | None:
    """Round 24 (talker A, finding 9): whom the words reach, a name not wanted, the 3114, who calls and how soon, a
    relative's agreement; intake/asked_back.py reads them. None when none is asked."""
    from intake import asked_back

    if asked_back.asks_if_a_name_is_needed(words):
        return asked_back.NAME_NOT_NEEDED
    line = asked_back.asks_about_the_line(words)
    if line is not None:
        return asked_back.LINE_TOLD if line == "told" else asked_back.LINE_WHAT
    if asked_back.asks_who_is_told(words):
        return no_one_told_text(words)
    if asked_back.asks_if_a_relative_must_agree(words):
        return asked_back.RELATIVE_AGREEMENT
    who, soon = asked_back.asks_who_calls_and_when(words)
    if not soon and not tracker.get_slot("case_reference") and asked_back.asks_when_called_back(words):
        soon = True  # round 26 (r26c-16, r26b-05): "et le conseiller il rappelle dans combien de temps ?"
    if soon and not who and not _about_the_call(tracker):
        soon = False  # "en combien de temps ?" after a step may ask about another body's answer: not the call's
    if not (who or soon):
        return None
    chamber = services.chamber()
    said = asked_back.who_calls_text(chamber.name, asked_back.names_a_body(words)) if who else ""
    if soon:
        from ops import clock

        # The chamber's own promise (actions/handoff_actions.callback_promise without a closed day's words: importing it
        # here would close an import cycle).
        slots = tracker.slots
        promise = chamber.callback_promise(
            clock.now(), slots.get("callback_slot"), slots.get("urgency"), slots.get("departement")
        )
        when = (
            f"Un conseiller vous rappellera {promise}."
            if tracker.get_slot("case_reference")
            else (f"Une fois votre demande enregistrée, un conseiller vous rappelle {promise}.")
        )
        if not tracker.get_slot("case_reference") and False in (
            slots.get("consent_given"),
            slots.get("wants_advisor"),
        ):
            # "vous me rappelez quand exactement ?" after "non merci" to the consent (round 29, r29-a-30: "un conseiller
            # vous rappelle dès que possible", a call he then waited for): nothing was kept, said so.
            when = NOTHING_KEPT_AFTER_A_NO
        said = f"{said} {when}".strip()
    return said


NOTHING_KEPT_AFTER_A_NO = (
    "Comme vous n'avez pas donné votre accord, je n'ai rien enregistré : personne ne vous rappellera. Si vous changez "
    "d'avis, écrivez « conseiller »."
)


def _about_the_call(tracker: Tracker) -> bool:
    """The call is what the conversation is about: asked for, or named in the assistant's latest message."""
    if tracker.get_slot("case_reference") or tracker.get_slot("wants_advisor") is True:
        return True
    latest = next((e.get("text") or "" for e in reversed(tracker.events) if e.get("event") == "bot"), "")
    return "rappel" in latest or "conseiller" in latest


def english_reply(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """Words written in English (round 20, r20c M9: "hello, can you call me back please?" got "je suis toujours là"):
    said plainly, in French and in English, that the assistant answers in French; a call back asked for is taken, as
    in French (the handoff's questions follow). None when the words are not English."""
    words = tracker.latest_message.get("text") or ""
    if not written_in_english(words):
        return None
    wanted = asks_callback_in_english(words) and tracker.get_slot("wants_advisor") is not True
    if not wanted or tracker.get_slot("case_reference") or tracker.active_loop_name == "handoff_form":
        dispatcher.utter_message(text=IN_FRENCH_ONLY)
        return []
    dispatcher.utter_message(text=IN_FRENCH_CALLBACK)
    leave = [ActiveLoop(None), SlotSet("requested_slot", None)] if tracker.active_loop_name == "situation_form" else []
    return [*leave, SlotSet("wants_advisor", True), FollowupAction("handoff_form")]


ANYTHING_ELSE = "Si autre chose vous inquiète pour votre entreprise, dites-le-moi avec vos mots."


def urssaf_scam_reply(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """Round 26: "j'ai reçu un SMS de l'URSSAF qui me demande de payer par lien, c'est une arnaque ?" with no difficulty
    told: how to check the message, and the door left open; no intake about an URSSAF debt nobody said. None when the
    words ask no such thing, or once a difficulty is known (the acknowledgement answers it beside)."""
    words = tracker.latest_message.get("text") or ""
    if tracker.get_slot("difficulty_categories") or not asks_if_urssaf_message_is_a_scam(words):
        return None
    dispatcher.utter_message(text=URSSAF_SCAM_CHECK)
    dispatcher.utter_message(text=ANYTHING_ELSE)
    leave = [ActiveLoop(None), SlotSet("requested_slot", None)] if tracker.active_loop_name == "situation_form" else []
    return [*leave, FollowupAction("action_listen")]


# Round 27 (r27-a-19, D26): "bonjour c'est pour savoir si l'urssaf aura accès a ce que je vous ecris" as the first message
# got "vous vous renseignez par anticipation, concernant vos cotisations sociales" and "Quel est votre métier ?"; "ma
# banque va le savoir ?" alone got "Je vous écoute.": whether it stays secret, asked before anything is told, is answered
# first, and the door left open; no intake question about a difficulty nobody said.
TELL_WHAT_BRINGS_YOU = "Quand vous le souhaitez, dites-moi ce qui vous amène, avec vos mots."


def secrecy_asked_first_reply(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """Whether a body learns, or whether it is confidential, asked while no difficulty is known: the answer (the body
    named), then what brings them. None when the words ask no such thing, or once a difficulty is known (the
    acknowledgement answers the question beside it: actions/intake_actions.question_in_the_account)."""
    words = tracker.latest_message.get("text") or ""
    if tracker.get_slot("difficulty_categories") or not fears_others_told(words):
        return None
    dispatcher.utter_message(text=service_question_text(tracker, words) or no_one_told_text(words))
    if not any(e.get("event") == "bot" and e.get("text") == TELL_WHAT_BRINGS_YOU for e in tracker.events):
        dispatcher.utter_message(text=TELL_WHAT_BRINGS_YOU)
    leave = [ActiveLoop(None), SlotSet("requested_slot", None)] if tracker.active_loop_name == "situation_form" else []
    return [*leave, FollowupAction("action_listen")]


def reach_someone(tracker: Tracker) -> str | None:
    """ "bah alors comment je fais pour parler à quelqu'un ?" read out of scope (round 28, r28-a-13: "un conseiller de la
    chambre pourra vous le dire"): both ways to a person, the chamber's number and hours from its configuration. None
    when the words ask no such thing (a question about the service has its own answer, the hours when closed)."""
    from intake.service_questions import asks_how_to_reach_someone, reach_someone_text
    from ops import clock

    if not asks_how_to_reach_someone(tracker.latest_message.get("text")):
        return None
    chamber = services.chamber()
    hours = chamber.hours_text_for(tracker.get_slot("departement"), clock.now())
    return reach_someone_text(chamber.name, chamber.phone, hours)
