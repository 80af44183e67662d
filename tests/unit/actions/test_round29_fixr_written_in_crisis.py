"""Round 29, talker b (fixr): someone in crisis who wants to be written to, over real trackers, the real handoff form
and the real case draft.

- r29-b-16: "pas de telephone, je prefere par mail" at the offer got "Les conseillers de la chambre rappellent par
  téléphone" and the chamber's generic address, then the offer again, the consent about "votre numéro", the phone
  question; the case opened "DÉTRESSE exprimée : rappeler immédiatement" over "ne pas appeler : contact écrit".
Sentences of our own, and near misses that must not change.
"""

from __future__ import annotations

import pytest

from actions import services
from actions.conversation import SKIPPED
from actions.handoff import build_case_draft
from actions.handoff_actions import WRITE_TO_YOU, writing_instead
from intake.written_contact import WRITTEN_ONLY
from tests.support.handoff_form import answered_at
from tests.support.trackers import texts, user

BEFORE = [user("je tiens plus, je vois pas comment continuer la boulangerie")]


@pytest.mark.parametrize(
    "words",
    [
        "pas de coup de fil, je préfère par mail",
        "plutôt par e-mail, le téléphone j'y arrive pas",
        "je préfère par écrit",
    ],
)
def test_a_written_contact_preferred_at_the_offer_asks_the_address(words):
    dispatcher, slots = answered_at("wants_advisor", words, "inform", BEFORE, ["tresorerie"], "")
    said = texts(dispatcher)
    assert said and said[0].startswith(WRITE_TO_YOU)
    assert writing_instead(services.chamber()) not in said
    assert slots.get("wants_advisor") is None


def test_the_address_given_with_the_preference_is_a_yes_without_a_number():
    _, slots = answered_at(
        "wants_advisor", "pas de téléphone, je préfère par mail : fournil.martin@laposte.net", "inform", BEFORE, [], ""
    )
    assert slots.get("wants_advisor") is True
    assert slots.get("email") == "fournil.martin@laposte.net"
    assert slots.get("phone") == SKIPPED


def test_the_case_of_someone_written_to_says_write_not_call():
    draft = build_case_draft(
        conversation_id="fixr-written",
        reference="RL-FIXR02",
        chamber_id="cma-test",
        slots={
            "difficulty_categories": ["tresorerie"],
            "urgency": "critique",
            "distress": True,
            "consent_given": True,
            "email": "fournil.martin@laposte.net",
            "callback_slot": WRITTEN_ONLY,
        },
        situation={},
        transcript=[{"sender": "artisan", "text": "je tiens plus"}],
        consent_version="v1",
    )
    assert "rappeler immédiatement" not in draft.summary
    assert "écrire immédiatement (contact écrit demandé, ne pas appeler)" in draft.summary


def test_a_call_kept_still_says_call():
    draft = build_case_draft(
        conversation_id="fixr-called",
        reference="RL-FIXR03",
        chamber_id="cma-test",
        slots={
            "difficulty_categories": ["tresorerie"],
            "urgency": "critique",
            "distress": True,
            "consent_given": True,
            "phone": "+33611223344",
            "callback_slot": "le matin",
        },
        situation={},
        transcript=[{"sender": "artisan", "text": "je tiens plus"}],
        consent_version="v1",
    )
    assert "rappeler immédiatement" in draft.summary
