"""Round 13 (r13a-01, r13a-07), over real trackers, the real form validation and a real SQLite case store: the time of
the call corrected once the case is stored replaces the case's moment and is said back with the reference; a moment no
opening hour fits is said so once, with the hours, and asked again."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff_actions import ValidateHandoffForm, number_after_the_handoff
from ops import clock
from tests.support.action_services import stored_cases
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

SENDER = "round13-moment"
REFERENCE = "RL-R13AAA"
STORED = {
    **consented(),
    "phone": "+33612345695",
    "callback_slot": "le matin mais pas avant 10h",
    "email": "-",
    "case_reference": REFERENCE,
}
HISTORY = [
    {"event": "slot", "name": "phone", "value": "+33612345695"},
    {"event": "slot", "name": "case_reference", "value": REFERENCE},
]


@pytest.mark.parametrize(
    "words, moment",
    [
        ("non j'ai dit l'apres midi", "l'apres midi"),
        ("mais non je vous ai dit le soir", "le soir"),
        ("euh non, plutôt en fin de journée", "plutôt en fin de journée"),
    ],
)
def test_a_moment_corrected_after_the_case_replaces_the_cases(words, moment):
    current = tracker([*HISTORY, bot("?"), user(words, "describe_situation")], slots=STORED, sender_id=SENDER)
    dispatcher = CollectingDispatcher()
    events = number_after_the_handoff(dispatcher, current)
    assert slot_events(events)["callback_slot"] == moment
    said = " ".join(texts(dispatcher))
    assert said.startswith("C'est corrigé : un conseiller vous rappellera") and REFERENCE in said
    assert [case.callback_slot for case in stored_cases()] == [moment]


@pytest.mark.parametrize(
    "words",
    [
        "non merci",  # no moment named
        "non j'ai dit que j'avais des dettes",  # a correction of something else
        "le matin",  # a moment alone is no correction
    ],
)
def test_other_words_after_the_case_correct_no_moment(words):
    current = tracker([*HISTORY, bot("?"), user(words, "deny")], slots=STORED, sender_id=SENDER)
    dispatcher = CollectingDispatcher()
    events = number_after_the_handoff(dispatcher, current) or []
    assert "callback_slot" not in slot_events(events)
    assert not any(text.startswith("C'est corrigé : un conseiller") for text in texts(dispatcher))


def at_time_question(words, history=()):
    slots = {
        **consented(departement="972"),
        "phone": "+596696304050",
        "case_reference": REFERENCE,
        "requested_slot": "callback_slot",
    }
    events = [
        *history,
        bot("À quel moment ?"),
        user(words, "inform"),
        {"event": "slot", "name": "callback_slot", "value": words},
    ]
    current = tracker(events, slots={**slots, "callback_slot": words}, sender_id=SENDER)
    current.active_loop = {"name": "handoff_form"}
    dispatcher, produced = run(ValidateHandoffForm(), current, DOMAIN)
    return slot_events(produced), texts(dispatcher)


def test_a_moment_no_hour_fits_is_said_once_and_asked_again(monkeypatch):
    # A Monday at 9 h in Paris: in Martinique the advisors call in the morning only, so "après 14h" fits no hour.
    monkeypatch.setenv(clock.ENV_VAR, "2026-12-07T08:00:00+00:00")
    produced, said = at_time_question("après 14h heure d'ici")
    assert produced["callback_slot"] is None
    assert (
        len(said) == 1 and said[0].startswith("Les conseillers ne peuvent pas vous appeler") and said[0].endswith("?")
    )
    # Said again: the moment is kept, the promise will give the nearest hour.
    produced, said = at_time_question("après 14h heure d'ici", history=[bot(said[0])])
    assert produced["callback_slot"] == "après 14h heure d'ici"


def test_a_moment_some_hour_fits_is_kept_without_a_word(monkeypatch):
    monkeypatch.setenv(clock.ENV_VAR, "2026-12-07T08:00:00+00:00")
    produced, said = at_time_question("le matin vers 9h")
    assert produced["callback_slot"] == "le matin vers 9h"
    assert not any(text.startswith("Les conseillers ne peuvent pas") for text in said)
