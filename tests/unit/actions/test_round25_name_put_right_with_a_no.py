"""Round 25, defect 3: "non, Jean-Marc" once the case is stored is a name put right, not a plain "no".

The bot wrote another name than the artisan's ("le conseiller demandera Jean-Michel"); "non, Jean-Marc" was read as a
no (at the e-mail question: no address; outside the form: a no to nothing) and the case kept the wrong name. A "non"
followed by a first name, once a case is stored with another name, puts the name right on the case and says it back
with the reference (as "mon nom c'est ..." already did: name_corrected_after_case).

Real trackers, the real actions, a real SQLite case store; sentences written for these tests (SMS, no accents, typos,
dictation)."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import SKIPPED
from actions.handoff import name_after_a_plain_no
from actions.handoff_actions import ValidateHandoffForm, number_after_the_handoff
from tests.support.action_services import stored_cases
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

SENDER = "round25-name-no"
REFERENCE = "RL-R25NNA"
STORED = {
    **consented(contact_name="Jean-Michel"),
    "phone": "+33612345695",
    "email": SKIPPED,
    "case_reference": REFERENCE,
}
SAID_WRONG = "Merci Jean-Michel. Un conseiller vous rappellera au 06 12 34 56 95."


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


HISTORY = [
    user("je suis plombier, la banque a bloqué mon compte", "describe_situation"),
    slot("phone", "+33612345695"),
    slot("case_reference", REFERENCE),
    bot(SAID_WRONG),
]

PUT_RIGHT = [
    ("non, Jean-Marc", "Jean-Marc"),
    ("non Jean-Marc", "Jean-Marc"),
    ("Non ! Jean-Marc", "Jean-Marc"),
    ("nan jean-marc", "Jean-Marc"),  # SMS, lower case
    ("non non, Jean-Marc pas Jean-Michel", "Jean-Marc"),
    ("non c Jean-Marc", "Jean-Marc"),
    ("ah non, c'est Jean-Marc", "Jean-Marc"),
    ("non mon prénom c'est Jean-Marc", "Jean-Marc"),
    ("non, Jean Marc", "Jean Marc"),  # dictated, no hyphen
    ("nn jean marc", "Jean Marc"),
    ("non. Jean-Marc.", "Jean-Marc"),
    ("non, Jaen-Marc", "Jaen-Marc"),  # a typo is still the name they typed
]


@pytest.mark.parametrize("words, name", PUT_RIGHT)
def test_a_no_then_a_name_is_the_name_put_right(words, name):
    assert name_after_a_plain_no(words) == name


NOT_A_NAME = [
    "non",
    "non merci",
    "non, rien",
    "non, personne",
    "non, jamais",
    "non, demain matin",
    "non, pas besoin",
    "non, Lyon",
    "non, c'est bon",
    "non, ça ira",
    "non pas d'email",
    "non, je veux plus",
    "non, Jean-Marc ne veut plus être appelé",
]


@pytest.mark.parametrize("words", NOT_A_NAME)
def test_a_no_with_no_name_after_it_names_nobody(words):
    assert name_after_a_plain_no(words) is None


@pytest.mark.parametrize("words, name", PUT_RIGHT[:8])
def test_outside_the_form_the_case_gets_the_name_right(words, name):
    current = tracker([*HISTORY, user(words, "deny")], slots=STORED, sender_id=SENDER)
    dispatcher = CollectingDispatcher()
    events = number_after_the_handoff(dispatcher, current)
    assert events is not None
    assert slot_events(events)["contact_name"] == name
    said = " ".join(texts(dispatcher))
    assert name in said and REFERENCE in said
    assert [case.contact_name for case in stored_cases()] == [name]


@pytest.mark.parametrize("words, name", [PUT_RIGHT[0], PUT_RIGHT[3], PUT_RIGHT[5]])
@pytest.mark.parametrize(
    "requested, filled",
    [("email", SKIPPED), ("callback_slot", None), ("departement", None)],
)
def test_at_a_later_question_the_name_is_put_right_and_the_question_stays(words, name, requested, filled):
    value = filled if filled is not None else words
    slots = {**STORED, requested: value, "requested_slot": requested}
    if requested != "email":
        slots["email"] = None
    events = [*HISTORY, user(words, "deny"), slot(requested, value)]
    current = tracker(events, slots=slots, active_loop="handoff_form", sender_id=SENDER)
    dispatcher, produced = run(ValidateHandoffForm(), current, DOMAIN)
    changed = slot_events(produced)
    assert changed.get("contact_name") == name
    assert name in " ".join(texts(dispatcher))
    assert changed.get(requested) is None  # the question stays
    assert [case.contact_name for case in stored_cases()] == [name]


def test_the_same_name_again_changes_nothing():
    current = tracker([*HISTORY, user("non, Jean-Michel", "deny")], slots=STORED, sender_id=SENDER)
    assert number_after_the_handoff(CollectingDispatcher(), current) is None


def test_a_plain_no_before_any_case_is_still_a_no():
    slots = {**STORED, "case_reference": None}
    current = tracker([user("non, Jean-Marc", "deny")], slots=slots, sender_id=SENDER)
    assert number_after_the_handoff(CollectingDispatcher(), current) is None
