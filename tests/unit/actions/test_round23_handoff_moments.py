"""Round 23 (talk-a r23a-04, talk-b r23b-05): a moment for the call that no hour of the advisors fits.

At the time question it was said with its own question and then the form's time question after it (the same question
twice in one reply); said before its question it was first confirmed as "noté", and refused only a turn later.
"""

from __future__ import annotations

import pytest

from actions.handoff import OTHER_MOMENT_LATER
from actions.handoff_actions import ValidateHandoffForm
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import asked, bot, consented, run, slot_events, texts, tracker, user


def answered(words: str, requested: str, **slots):
    stored = [{"event": "slot", "name": "phone", "value": slots["phone"]}] if "phone" in slots else []
    events = [
        user("le fournisseur de farine me réclame 3000 euros"),
        *stored,
        bot("Voulez-vous qu'un conseiller vous rappelle ?"),
        user("oui", "affirm"),
        bot("Une question"),
        user(words, "inform"),
    ]
    current = tracker(events, {**consented(), **slots, "requested_slot": requested}, "handoff_form")
    return run(ValidateHandoffForm(), current, DOMAIN)


@pytest.mark.parametrize("words", ["le soir après 19h de préférence", "après 19h c'est plus pratique", "vers 20h"])
def test_an_evening_at_the_time_question_is_asked_once(words):
    dispatcher, events = answered(
        words, "callback_slot", phone="+33612345678", email="non précisé", case_reference="RL-ABC123"
    )
    said = [message.get("text") or "" for message in dispatcher.messages]
    assert len([text for text in said if text.rstrip().endswith("?")]) == 1  # one question in the reply
    assert asked(dispatcher) == "callback_slot"
    assert slot_events(events).get("callback_slot") is None


def test_a_moment_within_the_hours_is_kept_at_the_time_question():
    dispatcher, events = answered("mardi vers 15h", "callback_slot", phone="+33612345678", email="non précisé")
    assert slot_events(events).get("callback_slot") == "mardi vers 15h"
    assert not any("ne peuvent pas" in text for text in texts(dispatcher))


@pytest.mark.parametrize(
    "words", ["Bernard, rappelez-moi le soir après 19h", "Bernard. mercredi après 18h30 si possible"]
)
def test_an_evening_said_before_its_question_is_not_said_noted(words):
    dispatcher, events = answered(words, "contact_name")
    said = " ".join(texts(dispatcher))
    assert "noté le moment" not in said
    assert "8 h" in said and OTHER_MOMENT_LATER in said  # the hours, at once
    assert slot_events(events).get("contact_name") == "Bernard"


def test_a_moment_within_the_hours_said_before_its_question_is_still_noted():
    dispatcher, events = answered("Bernard, plutôt mardi matin", "contact_name")
    assert "noté le moment de l'appel" in " ".join(texts(dispatcher))
    assert slot_events(events).get("callback_slot")


@pytest.mark.parametrize("words", ["plutôt le matin avant l'ouverture, vers 7h", "non merci, après 18h si possible"])
def test_an_hour_out_of_hours_at_the_email_question_is_not_kept_and_its_question_comes(words):
    """Round 23, r23c-01, r23c-09: "Je vous demanderai ensuite un autre moment", then the moment kept as said and never
    asked: the time question must come in its turn."""
    events = [
        user("le fournisseur de farine me réclame 3000 euros"),
        {"event": "slot", "name": "phone", "value": "+33555123456"},
        bot("Voulez-vous aussi laisser une adresse e-mail ? C'est facultatif."),
        user(words, "inform"),
        {"event": "slot", "name": "email", "value": words},  # the e-mail slot's from_text mapping
    ]
    slots = {**consented(), "phone": "+33555123456", "email": words, "requested_slot": "email"}
    dispatcher, events = run(ValidateHandoffForm(), tracker(events, slots, "handoff_form"), DOMAIN)
    said = " ".join(texts(dispatcher))
    assert OTHER_MOMENT_LATER in said and "8 h" in said
    assert slot_events(events).get("callback_slot") is None
