"""A moment for the call said at the phone or the name question, in words no slot mapping takes.

Talking to make run (round 27, lead27-final-1): "le soir apres 18h c mieux pour moi" at the phone question (read as
express_overwhelm) was met by the phone question again, the moment lost; "bon mardi matin ça ira aussi" at the name
question got "je n'ai pas su quoi répondre". As at the e-mail question (tests/unit/actions/test_round27_moment_agreed.py),
the moment is kept for the time question and said so; the question asked stays open, and no number or name is made of
the words."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff_actions import ValidateHandoffForm
from tests.support.trackers import consented, run, slot_events, texts
from tests.unit.actions.test_handoff_answers_kept_or_not_said_noted import at_question

MOMENTS = [
    ("en fin d'apres midi vers 16h c mieux pour moi", "express_overwhelm"),
    ("bon mardi matin ça ira aussi", "affirm"),
    ("plutôt en fin de matinée", "inform"),
    ("jeudi apres midi de preference", "out_of_scope"),
]


def _extracted(extract, words, requested, slots, intent):
    current = at_question(words, requested, slots, {}, intent)
    return asyncio.run(extract(ValidateHandoffForm(), CollectingDispatcher(), current, {}))


@pytest.mark.parametrize("words, intent", MOMENTS)
def test_a_moment_at_the_phone_question_is_kept_and_the_number_still_asked(words, intent):
    slots = {k: v for k, v in consented().items() if k != "phone"}
    extracted = _extracted(ValidateHandoffForm.extract_phone, words, "phone", slots, intent)
    assert extracted == {"phone": words}
    dispatcher, events = run(ValidateHandoffForm(), at_question(words, "phone", slots, extracted, intent))
    changed = slot_events(events)
    assert changed["callback_slot"] == words
    assert changed["phone"] is None and changed["requested_slot"] == "phone"  # the number is still asked
    said = " ".join(texts(dispatcher))
    assert "noté" in said and "reconnu" not in said and "exister" not in said  # no "numéro non reconnu"


@pytest.mark.parametrize("words, intent", MOMENTS)
def test_a_moment_at_the_name_question_is_kept_and_the_name_still_asked(words, intent):
    slots = {k: v for k, v in consented().items() if k != "contact_name"}
    extracted = _extracted(ValidateHandoffForm.extract_contact_name, words, "contact_name", slots, intent)
    assert extracted == {"contact_name": words}
    dispatcher, events = run(ValidateHandoffForm(), at_question(words, "contact_name", slots, extracted, intent))
    changed = slot_events(events)
    assert changed["callback_slot"] == words
    assert changed.get("contact_name") is None  # no name made of the words
    assert "pas su" not in " ".join(texts(dispatcher))


def test_a_number_with_a_moment_stays_the_number_readers():
    slots = {k: v for k, v in consented().items() if k != "phone"}
    extracted = _extracted(
        ValidateHandoffForm.extract_phone, "06 12 34 56 78 le soir de préférence", "phone", slots, "inform"
    )
    assert extracted == {"phone": "+33612345678"}


def test_a_name_with_a_moment_keeps_both():
    slots = {k: v for k, v in consented().items() if k != "contact_name"}
    words = "Martine, plutôt le matin"
    _said, events = run(ValidateHandoffForm(), at_question(words, "contact_name", slots, {"contact_name": words}))
    changed = slot_events(events)
    assert changed["contact_name"] == "Martine" and changed["callback_slot"] == "plutôt le matin"


def test_a_partial_number_with_a_moment_is_still_a_number_problem():
    """ "06 12 34 le soir": digits that could be a number are the number reader's, who says it is incomplete."""
    slots = {k: v for k, v in consented().items() if k != "phone"}
    words = "06 12 34 le soir"
    assert _extracted(ValidateHandoffForm.extract_phone, words, "phone", slots, "express_overwhelm") == {}


@pytest.mark.parametrize("requested", ["phone", "contact_name"])
def test_a_moment_out_of_the_advisors_hours_is_answered_with_the_hours_and_never_stored(requested):
    """ "le soir apres 18h c mieux pour moi" (lead27-final-1): read as distress by the classifier only, it was stored as
    the contact name at the name question. The hours are said, no moment kept, the question asked stays open."""
    words = "le soir apres 18h c mieux pour moi"
    slots = {k: v for k, v in consented().items() if k != requested}
    extract = getattr(ValidateHandoffForm, f"extract_{requested}")
    extracted = _extracted(extract, words, requested, slots, "express_overwhelm")
    dispatcher, events = run(
        ValidateHandoffForm(), at_question(words, requested, slots, extracted, "express_overwhelm")
    )
    changed = slot_events(events)
    assert changed.get(requested) is None and not changed.get("callback_slot")
    assert any("ils appellent de" in text for text in texts(dispatcher))
