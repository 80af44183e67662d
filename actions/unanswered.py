"""A question the latest message did not answer: what is said, and when the question is passed.

Shared by the intake questions (actions/intake_actions.py) and the place question (actions/place_validation.py),
which every form asks the same way: an answer to another question is noted and this one asked again; the second
such message offers to pass it, the third passes it (the advisor can ask it on the phone).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import SKIPPED, said_before, value_before_latest_message
from actions.intake import OFFER_SKIP, OFFER_SKIP_AFTER, SKIP_AFTER, SKIPPED_ACK, skip_offered, unanswered_before

WRONG_QUESTION_ACK = "Merci, c'est noté."
WRONG_QUESTION_ACK_AGAIN = "C'est noté aussi."


def not_answered(slot: str, reply: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any]:
    """The words answered something else: ``reply``, then the question again. The second such message in a
    row also offers to pass the question; the third passes it (the advisor can ask it on the phone)."""
    unanswered = unanswered_before(tracker.events, slot)
    if unanswered >= SKIP_AFTER and skip_offered(tracker.events, slot):
        dispatcher.utter_message(text=f"{reply} {SKIPPED_ACK}")
        return {slot: SKIPPED}
    if unanswered >= OFFER_SKIP_AFTER:
        reply = f"{reply} {OFFER_SKIP}"
    dispatcher.utter_message(text=reply)
    return {slot: None}


def answered_another_question(
    slot: str, facts: Mapping[str, Any], dispatcher: CollectingDispatcher, tracker: Tracker
) -> dict[str, Any]:
    """ "à Lens" to "Avez-vous une échéance ?": the town went to its own slot, never to this one.

    Something new was said: noted, and the question asked again (``not_answered``). Only what was already
    known: the artisan is not answering this question, so it is passed.
    """
    # The facts' own slots were filled from this very message: compare with what was known before it.
    new = {name: value for name, value in facts.items() if value_before_latest_message(tracker.events, name) != value}
    if new:
        said = said_before(tracker.events, WRONG_QUESTION_ACK)
        ack = WRONG_QUESTION_ACK_AGAIN if said else WRONG_QUESTION_ACK
        # Named where the offer to pass follows, so that it never reads as the answer refused; the first time,
        # the short acknowledgement earlier rounds decided stays.
        misses = unanswered_before(tracker.events, slot)
        passes = misses >= SKIP_AFTER and skip_offered(tracker.events, slot)
        named = _named(new) if misses >= OFFER_SKIP_AFTER and not passes else None
        # What was kept, named (round 23, talk-b #12: a bare "Merci, c'est noté." then the offer to pass read oddly).
        return not_answered(slot, f"{ack} J'ai retenu : {named}." if named else ack, dispatcher, tracker)
    dispatcher.utter_message(text=SKIPPED_ACK)
    return {slot: SKIPPED}


def _named(facts: Mapping[str, Any]) -> str | None:
    """ "Perpignan (66)", "SARL, banque 2 400 €": the facts as the artisan would recognise them; None for none."""
    from intake.facts import FACT_LABELS, understood

    labels = {name: value for name, value in facts.items() if isinstance(value, str) and value and value != SKIPPED}
    if not labels:
        return None
    if "creditors" in labels:
        # "sommes dues : banque 2 400 €" would put a second colon after "J'ai retenu :".
        creditors = labels.pop("creditors")
        rest = understood({k: v for k, v in labels.items() if k in FACT_LABELS})
        said = rest.removeprefix("J'ai noté : ").split(". Dites-moi")[0] if rest else ""
        return ", ".join(part for part in (said, creditors) if part) or None
    rest = understood({k: v for k, v in labels.items() if k in FACT_LABELS})
    return rest.removeprefix("J'ai noté : ").split(". Dites-moi")[0] if rest else None
