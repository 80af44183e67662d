"""The first steps that fit the difficulty told (the guidance cards), said once each in a conversation.

Below the intake's and the handoff's actions, which both give them (at the end of the questions, with a goodbye, once a
case is made: actions/steps_with_the_case.py), so that neither imports the other for it."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import services
from actions.business_questions import first_steps_after_crisis
from actions.conversation import situation, user_messages
from guidance import render_guidance, select_guidance
from guidance.select import CHAMBER_ADVISORS
from triage import Assessment


def give_guidance(dispatcher: CollectingDispatcher, tracker: Tracker, case_made: bool = False) -> list[EventType]:
    """The first steps (action_give_guidance), also said before the questions end: "je voulais seulement des
    renseignements", a goodbye in the middle of the questions (round 18, r18b-15: he left with no step at all).
    ``case_made``: the case was stored this turn (the tracker's slots do not say it yet)."""
    assessment = Assessment.from_slots(tracker.slots)
    if assessment is not None and assessment.distress:
        # Round 12 (r12b-02, 03, 19): the crisis reply comes first, the first steps after its safety question; the
        # distress slot stays set for the rest of the conversation, and nobody got a step after it.
        return first_steps_after_crisis(dispatcher, tracker)
    if assessment is None:
        return []
    chamber = services.chamber()
    knowledge_base = services.knowledge_base()
    already = list(tracker.get_slot("guidance_given") or [])
    given_ids = {entry.get("id") for entry in already if isinstance(entry, dict)}
    covered = {c for entry in knowledge_base if entry.id in given_ids for c in entry.categories}
    new_categories = set(assessment.categories) - covered
    if given_ids and not new_categories:
        # Guidance was given and no new difficulty was told since: nothing to add, nothing repeated.
        return []
    # Each entry once per conversation: ask for more, keep the first three not yet given.
    entries = [
        entry
        for entry in select_guidance(
            knowledge_base,
            assessment,
            chamber,
            situation=situation(tracker.slots),
            limit=12,
            # Every message read for the causes, not only the triage's quotes (round 16, r16b-06: "menace d'aller au
            # tribunal" alone gave no mediator).
            messages=user_messages(tracker.events),
            today=services.chamber_today(),
        )
        if entry.id not in given_ids
        and (not given_ids or new_categories.intersection(entry.categories))
        # Round 34 (make run, r34-f): right after "votre demande est bien enregistrée", the chamber's card said "Appelez-les
        # au ..., ou demandez ici qu'un conseiller vous rappelle": the callback is asked already, the card says nothing.
        and not (entry.id == CHAMBER_ADVISORS and (case_made or tracker.get_slot("case_reference")))
    ][:3]
    if not entries:
        return []
    intro = "Voici quelques premières démarches qui peuvent vous aider :"
    if given_ids:
        intro = "Pour ce que vous venez de me dire, voici d'autres démarches utiles :"
    dispatcher.utter_message(text=intro)
    for message in render_guidance(entries, chamber):
        dispatcher.utter_message(text=message)
    given = already + [{"id": e.id, "name": e.name, "link": e.link} for e in entries]
    return [SlotSet("guidance_given", given)]
