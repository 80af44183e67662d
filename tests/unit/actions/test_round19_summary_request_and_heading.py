"""Round 19 (c.M4, b.M8, b.M9, a.M1, a.M5, b.H2, a.M8): the summary's "Demande" held questions to the bot, a word asked
back ("liquidation?") opened the summary as a procedure, and a doubt ("ptet") was stored as the creditors. New
sentences, not the talker's."""

from __future__ import annotations

import pytest

from actions.handoff import asks_said
from intake.facts import events_said
from intake.shapes import fits


@pytest.mark.parametrize(
    "message",
    [
        "excusez-moi, le téléphone a sonné. où on en était ?",
        "attendez, c'est vous la MSA ou pas ?",
        "vous avez bien mon numéro ?",
        "vous pouvez me relire ce que vous avez noté ?",
        "le conseiller ce sera quelqu'un du coin ?",
        "et ça coûte combien tout ça ?",
        "c quoi l'heure du rappel ?",
        "mon fils ?",
        "je préfère rester anonyme. c'est possible ?",
    ],
)
def test_a_question_to_the_bot_is_no_request(message):
    assert asks_said([message], health_consent=False) == []


@pytest.mark.parametrize(
    "message, asked",
    [
        ("comment je fais pour étaler la dette de TVA ?", "« comment je fais pour étaler la dette de TVA ? »"),
        ("est-ce que je peux garder mon apprenti ?", "« est-ce que je peux garder mon apprenti ? »"),
    ],
)
def test_a_request_about_the_situation_is_still_quoted(message, asked):
    assert asks_said([message], health_consent=False) == [asked]


@pytest.mark.parametrize(
    "message, events",
    [
        ("redressement ?", []),
        ("une liquidation ??", []),
        ("et la sauvegarde ?", []),
        # near misses: a procedure said is one
        ("on est en redressement judiciaire depuis septembre", ["redressement judiciaire"]),
        ("le tribunal a prononcé la liquidation judiciaire", ["liquidation judiciaire"]),
    ],
)
def test_a_procedure_word_asked_back_is_no_procedure(message, events):
    assert events_said(message) == events


@pytest.mark.parametrize(
    "answer, kept",
    [
        ("ptet", False),
        ("peut-être bien", False),
        ("euh je crois", False),
        # near misses: a creditor named, even unusual
        ("mon expert-comptable", True),
        ("Point P", True),
    ],
)
def test_a_doubt_alone_is_no_creditor(answer, kept):
    assert fits("creditors", answer) is kept
