"""Round 35 (make run, r35-f): a widow at "Avez-vous des salariés ?", "merci vous êtes gentille, je vais laisser ma fille
regarder tout ça", got "Je vous en prie." and the question again. Handing the matter over to someone close or to one's
adviser is leaving for now: the way back said, never the next question. A hand-over said with a question or a "mais"
goes on."""

from __future__ import annotations

import pytest

from actions.intake_actions import ActionStopConversation, ActionThanksDuringIntake
from intake.answers import is_closing, is_hesitation
from tests.support.trackers import bot, consented, run, slot_events, tracker, user

QUESTION = "Avez-vous des salariés ? Si oui, combien ?"


@pytest.mark.parametrize(
    "words",
    [
        "merci vous êtes gentille, je vais laisser ma fille regarder tout ça",
        "merci, mon fils va s'en occuper",
        "c'est gentil, mon comptable vous recontactera",
        "merci beaucoup je préfère laisser mon gendre gérer ça",
    ],
)
def test_a_thanks_that_hands_the_matter_over_takes_leave(words):
    events = [
        user("mon mari est décédé le mois dernier, il y a des factures qui arrivent", "describe_situation"),
        {"event": "slot", "name": "requested_slot", "value": "employees"},
        bot(QUESTION),
        user(words, "thank"),
    ]
    current = tracker(
        events,
        slots={"requested_slot": "employees", "difficulty_categories": ["vie_personnelle"]},
        active_loop="situation_form",
    )
    dispatcher, result = run(ActionThanksDuringIntake(), current, {})
    said = " ".join(message.get("text") or "" for message in dispatcher.messages)
    assert QUESTION not in said and said != "Je vous en prie."
    assert "01 23 45 67 89" in said or "conseiller" in said  # the way back
    assert not any(event.get("event") == "followup" and event.get("name") == "situation_form" for event in result)


@pytest.mark.parametrize(
    "words",
    [
        "ma fille va regarder mais je peux vous demander un truc ?",
        "mon comptable va regarder ça ?",
        "mon fils va reprendre l'entreprise",
        "merci",
    ],
)
def test_words_that_go_on_are_no_leave(words):
    assert not is_closing(words)


def test_a_hand_over_with_a_doubt_after_the_case_closes_with_its_reference():
    """r35-z: "merci vous êtes gentils, ma fille vous recontactera aussi peut-être" at the e-mail question, the case saved,
    got "Prenez votre temps. Je vous repose la question" (its "peut-être" read as a hesitation)."""
    words = "merci vous êtes gentils, ma fille vous recontactera aussi peut-être"
    assert not is_hesitation(words)
    slots = consented(contact_name="Léa", phone="+33645127833", requested_slot="email")
    events = [
        user("06 45 12 78 33", "inform"),
        bot("Voulez-vous aussi laisser une adresse e-mail ? C'est facultatif."),
        user(words, "goodbye"),
    ]
    dispatcher, result = run(ActionStopConversation(), tracker(events, slots=slots, active_loop="handoff_form"))
    said = " ".join(message.get("text") or "" for message in dispatcher.messages)
    assert "repose la question" not in said and "Prenez votre temps" not in said
    assert "RL-" in said
    assert slot_events(result)["requested_slot"] is None
