"""Round 27 (talk-b B20: r27-b-21, r27-b-30), over real trackers and the triage action that runs after every message:
"dans le 71 a Macon", said outside the intake questions (after the callback was refused, or at a handoff question),
made the trade "macon" (Mâcon read as "maçon") over "ébéniste" or "coiffeuse"; the intake's own reading of the trade
answer set it back only while its question form ran. A town after "à", "dans", "près de" is no trade wherever it is
said; a trade said as such ("je suis maçon en fait") still replaces the one kept."""

from __future__ import annotations

import pytest

from actions.place_validation import town_named_like_a_trade
from actions.triage_actions import ValidateTriageSlots
from tests.support.trackers import bot, run, slot_events, tracker, user


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


def trade_after(first, trade, words, asked=None, extracted="macon"):
    """The trade the triage leaves once ``words`` are said, the entity extractor having read ``extracted`` in them."""
    events = [
        user(first),
        slot("trade", trade),
        bot("Voulez-vous qu'un conseiller vous rappelle ?"),
        slot("requested_slot", asked),
        user(words, "inform"),
        slot("trade", extracted),
    ]
    slots = {"trade": extracted, "requested_slot": asked}
    _, produced = run(ValidateTriageSlots(), tracker(events, slots=slots))
    return slot_events(produced).get("trade", extracted)


FIRSTS = [
    ("bonjour je suis coiffeuse, j'ai 2 mois de loyer de retard", "coiffeuse"),
    ("Bonjour, je suis la conjointe collaboratrice de mon mari, ébéniste. On a un souci avec l'URSSAF.", "ébéniste"),
    ("slt jsui menuisier jai un pb avc lurssaf", "menuisier"),
]


@pytest.mark.parametrize("first, trade", FIRSTS)
@pytest.mark.parametrize(
    "words, asked",
    [
        ("dans le 71 a Macon", None),  # said with no question pending (r27-b-30)
        ("dans le 71 a Macon", "departement"),
        ("dans le 71 a Macon", "contact_name"),
        ("a Macon", "deadline"),
        ("Nous sommes installés à Mâcon.", None),
        ("ds le 71 vers macon", None),
        ("je suis a macon", None),
        ("en fait on est pres de Macon", None),
    ],
)
def test_a_town_named_like_a_trade_leaves_the_trade(first, trade, words, asked):
    assert trade_after(first, trade, words, asked) == trade


@pytest.mark.parametrize(
    "words",
    ["je suis macon en fait", "non je suis maçon", "mon metier c est macon", "en fait macon"],
)
def test_near_miss_a_trade_said_as_such_replaces_the_one_kept(words):
    assert trade_after("bonjour je suis coiffeuse, j'ai 2 mois de loyer de retard", "coiffeuse", words) in (
        "macon",
        "maçon",
    )


def test_near_miss_the_trade_question_answered_with_the_word_is_the_trade():
    assert not town_named_like_a_trade("macon", "trade", None, "macon")


def test_near_miss_no_trade_known_and_no_place_asked_keeps_the_word():
    assert not town_named_like_a_trade("macon", None, None, "je fais de la maçonnerie, macon quoi")
