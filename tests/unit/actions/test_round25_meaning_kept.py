"""Round 25 (talker A): meaning reversed. s25a-04: "j'ai pas de dettes moi, ... Les autres banques me disent non" was noted
"sommes dues : banque" (the denied debt's word made the bank named a creditor); s25a-09: "c'est quoi l'info sante ? le
fait que je dors pas ?" at the health-consent question was quoted back as health information and kept in the case's
summary. A debt denied names no creditor; a question about the health question is answered, never taken as a fact.
Real trackers, several voices."""

from __future__ import annotations

import pytest

from actions.erasure_actions import which_health_text
from actions.handoff import health_quotes
from actions.triage_actions import ValidateTriageSlots
from intake.answers import without_service_questions
from intake.facts import extract_facts
from tests.support.trackers import bot, run, slot_events, tracker, user

ABBEVILLE = (
    "Bonsoir. Je suis maçon à Abbeville. Le Crédit Agricole m'a envoyé une lettre recommandée : ils clôturent mon compte "
    "pro dans 60 jours. Aucune explication."
)
NO_DEBT = [
    "j'ai pas de dettes moi, j'ai jamais été à découvert plus de 15 jours. Je veux juste un compte. Les autres banques "
    "me disent non parce que je suis fiché ou je sais pas quoi",
    "jai pas de dette, c la banque qui me ferme le compte",
    "aucune dette. la banque ferme mon compte c tout",
    "pas de dettes hein, juste les banques qui veulent pas de moi",
    "je n'ai pas de dettes virgule c'est la banque qui clôture mon compte point",
    "j ai aucune dete, les banques veulent pas m ouvrir de compte",
]


@pytest.mark.parametrize("words", NO_DEBT)
def test_a_debt_denied_names_no_creditor(words):
    assert "creditors" not in extract_facts(words)
    assert "creditors" not in extract_facts(words, asked="creditors")


@pytest.mark.parametrize(
    "words, creditors",
    [
        ("j'ai des dettes à la banque", "banque"),
        ("pas de dettes à l'urssaf mais la banque me réclame 3000", "banque 3000 €"),
        ("je dois 2000 a la banque, pas de retard ailleurs", "banque 2000 €"),
    ],
)
def test_a_debt_said_still_names_its_creditor(words, creditors):
    assert extract_facts(words).get("creditors") == creditors


@pytest.mark.parametrize("words", NO_DEBT)
def test_no_creditor_noted_from_a_debt_denied_at_the_callback_offer(words):
    current = tracker(
        [
            user(ABBEVILLE),
            {"event": "slot", "name": "departement", "value": "80"},
            {"event": "slot", "name": "requested_slot", "value": "wants_advisor"},
            bot("Voulez-vous qu'un conseiller de la chambre vous rappelle pour en parler ?"),
            user(words),
        ],
        slots={"requested_slot": "wants_advisor", "departement": "80", "difficulty_categories": ["banque"]},
        active_loop="handoff_form",
    )
    _, events = run(ValidateTriageSlots(), current)
    assert not slot_events(events).get("creditors")


HEALTH_ASKED = "Vous avez parlé de votre santé. Acceptez-vous que cette information figure dans votre dossier, pour que le conseiller en tienne compte ?"
ABOUT_THE_QUESTION = [
    "c'est quoi l'info sante ? le fait que je dors pas ?",
    "c quoi l'info santé ?",
    "quelle information de santé ?",
    "ca veut dire quoi l'information sur ma santé ?",
    "de quelle info santé vous parlez",
    "quelle info sante point d'interrogation",
]


@pytest.mark.parametrize("words", ABOUT_THE_QUESTION)
def test_a_question_about_the_health_question_is_no_health_fact(words):
    kept = without_service_questions(words)
    assert "sante" not in kept.lower().replace("é", "e")


@pytest.mark.parametrize("words", ABOUT_THE_QUESTION)
def test_a_question_about_the_health_question_is_never_quoted_as_health(words):
    said = "la cgss me réclame 11000. je suis crevé, je dors 4h par nuit, j'en peux plus"
    current = tracker(
        [
            user(said, "express_overwhelm"),
            {"event": "slot", "name": "requested_slot", "value": "health_consent"},
            bot(HEALTH_ASKED),
            user(words, "faq"),
        ],
        slots={
            "requested_slot": "health_consent",
            "departement": "974",
            "difficulty_categories": ["cotisations_sociales", "sante"],
            "triage_reasons": {"sante": ["« je dors 4h par nuit »"]},
        },
        active_loop="handoff_form",
    )
    _, events = run(ValidateTriageSlots(), current)
    slots = {**current.slots, **slot_events(events)}
    assert not any("info" in quote or "quoi" in quote or "quelle" in quote for quote in health_quotes(slots))
    assert slot_events(events).get("health_consent") is None
    assert "« je dors 4h par nuit »" in which_health_text(slots)
