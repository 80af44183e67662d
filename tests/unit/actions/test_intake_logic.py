from __future__ import annotations

import pytest

from actions.conversation import SITUATION_SLOTS, SKIPPED, situation, transcript, user_messages
from actions.intake import QUESTION_REASONS, explain, intake_questions


@pytest.mark.parametrize(
    "categories, urgency, expected_first, asks_deadline",
    [
        (["cotisations_sociales"], "normale", "deadline", True),
        (["procedure_judiciaire"], "normale", "deadline", True),
        (["baisse_activite"], "normale", "since_when", False),
        # Asking ahead (round 22, r22c-07, r22c-12): no "Depuis quand ?", what the business is first.
        (["travaux"], "basse", "trade", False),
        (["sante"], "normale", "since_when", False),
        (["banque"], "haute", "departement", False),
        (["procedure_judiciaire"], "critique", "departement", False),
        # No difficulty told yet ("fleuriste" alone, round 6): nothing about a situation is asked.
        ([], None, "trade", False),
    ],
)
def test_questions_fit_the_situation(categories, urgency, expected_first, asks_deadline):
    questions = intake_questions(categories, urgency)
    assert questions[0] == expected_first
    assert ("deadline" in questions) is asks_deadline
    assert len(questions) == len(set(questions)), "a question is never asked twice"


def test_every_question_has_a_reason():
    for slot in SITUATION_SLOTS:
        assert slot in QUESTION_REASONS
    assert "passer" in explain("trade")


@pytest.mark.parametrize("slot", ["wants_advisor", "consent_given", "health_consent", "contact_name", "phone", None])
def test_the_skip_hint_only_where_the_question_can_be_skipped(slot):
    assert "passer" not in explain(slot)


def test_skipped_answers_are_not_situation_facts():
    slots = {"trade": "boulanger", "legal_form": SKIPPED, "employees": None}
    assert situation(slots) == {"trade": "boulanger"}


def test_transcript_keeps_typed_words_not_button_payloads():
    events = [
        {"event": "user", "text": "bonjour", "timestamp": 1_700_000_000},
        {"event": "bot", "text": "Bonjour !", "timestamp": 1_700_000_001},
        {"event": "user", "text": "/affirm", "timestamp": 1_700_000_002},
        {"event": "slot", "name": "x", "value": 1},
        {"event": "user", "text": "<b>urssaf</b>", "timestamp": 1_700_000_003},
    ]
    assert user_messages(events) == ["bonjour", "<b>urssaf</b>"]
    lines = transcript(events)
    assert [line["sender"] for line in lines] == ["artisan", "bot", "artisan", "artisan"]
    assert lines[2]["text"] == "Oui", "a button's answer is shown as the artisan saw it"
    assert lines[3]["text"] == "<b>urssaf</b>"
    assert lines[0]["at"].startswith("2023-11-14")


def test_health_lines_are_flagged_so_they_can_be_dropped_without_consent():
    events = [
        {"event": "user", "text": "je suis malade depuis un mois, une grosse opération", "timestamp": 1},
        {"event": "bot", "text": "Si je comprends bien, un problème de santé.", "timestamp": 2},
        {"event": "bot", "text": "Depuis quand ?", "timestamp": 3},
        {"event": "user", "text": "l'urssaf me relance", "timestamp": 4},
    ]
    flags = [line.get("health", False) for line in transcript(events)]
    assert flags == [True, True, False, False]


def test_a_relatives_illness_is_flagged_as_health_too():
    events = [
        {"event": "user", "text": "mon père est hospitalisé et je dois tenir la boulangerie seul", "timestamp": 1},
        {"event": "bot", "text": "Je comprends.", "timestamp": 2},
        {"event": "user", "text": "ma femme est partie avec les enfants", "timestamp": 3},
    ]
    assert [line.get("health", False) for line in transcript(events)] == [True, True, False]
