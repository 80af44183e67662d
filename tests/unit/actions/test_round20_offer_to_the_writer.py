"""Someone close writing takes the callback offer for one about their own trouble (make run, s20-z1, 2026-12-06):
"non c'est pas moi, moi ça va, c'est lui qui m'inquiète" was read as a refusal. The call is offered to the writer,
about the one they worry for, and the offer stays open; a writer about their own business is unchanged."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff_actions import ValidateHandoffForm
from tests.support.trackers import bot, texts, tracker, user

OFFER = "Voulez-vous qu'un conseiller de la chambre vous rappelle pour en parler ?"


def _at_offer(opening: str, answer: str):
    """The validation of the offer's answer, read as a no by the classifier (intent deny, mapped to False)."""
    events = [user(opening), bot(OFFER), user(answer, "deny")]
    slots = {"difficulty_categories": ["banque"], "requested_slot": "wants_advisor"}
    current = tracker(events, slots, active_loop="handoff_form")
    dispatcher = CollectingDispatcher()
    return dispatcher, ValidateHandoffForm().validate_wants_advisor(False, dispatcher, current, {})


@pytest.mark.parametrize(
    "opening, answer, concerned",
    [
        (
            "j'écris pour mon mari, il est boulanger, la banque lui a coupé le découvert et il dort plus",
            "non c'est pas moi, moi ça va, c'est lui qui m'inquiète",
            "votre mari",
        ),
        (
            "je vous écris pour mon père, il est menuisier, sa banque lui refuse tout",
            "c'est pas pour moi, c'est mon père qui va mal",
            "votre père",
        ),
    ],
)
def test_the_offer_is_put_to_the_writer_about_the_relative(opening, answer, concerned):
    dispatcher, slots = _at_offer(opening, answer)
    said = " ".join(texts(dispatcher))
    assert f"c'est pour {concerned} que vous vous inquiétez" in said
    assert "vous rappeler, vous" in said
    assert slots["wants_advisor"] is None  # asked again, never a refusal


def test_an_artisan_about_their_own_business_still_declines():
    opening = "je suis boulanger, la banque m'a coupé le découvert"
    dispatcher, slots = _at_offer(opening, "non merci, pas pour l'instant")
    assert "vous inquiétez" not in " ".join(texts(dispatcher))
    assert slots["wants_advisor"] is False


def test_a_relative_who_declines_plainly_is_heard():
    opening = "j'écris pour mon mari, il est boulanger, la banque lui a coupé le découvert"
    dispatcher, slots = _at_offer(opening, "non merci, on va se débrouiller")
    assert "vous inquiétez" not in " ".join(texts(dispatcher))
    assert slots["wants_advisor"] is False
