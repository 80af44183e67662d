"""Round 22 (r22c-01, r22c-11): "c'est quoi le plus urgent ?", "je commence par quoi ?" got the next intake question or
three steps with no order said; "elle peut me couper le découvert du jour au lendemain ?" got the Médiation du crédit
said again. Now: the steps in their order, the most urgent first, in one message; a question on how much notice the
other side must give (no rule of the knowledge base says it) is left to the advisor, honestly.

Real trackers and the real form validations; sentences written for these tests."""

from __future__ import annotations

import pytest

from actions.business_questions import answer_with_entry, asks_about_notice, asks_first_step
from actions.intake_actions import ActionExplainQuestion, ActionHandleMisunderstanding
from tests.support.trackers import bot, run, slot_events, texts, tracker, user

OPENING = "coiffeuse a Brest, l urssaf me reclame 3 100 euros et la banque a coupe mon decouvert"
SLOTS = {"difficulty_categories": ["cotisations_sociales", "banque"], "trade": "coiffeuse", "departement": "29"}


def _in_form(words: str, intent: str, slot: str = "deadline", **slots):
    loop = "handoff_form" if slot in ("wants_advisor", "consent_given") else "situation_form"
    events = [user(OPENING), bot("Avez-vous une échéance proche ?"), user(words, intent)]
    return tracker(events, {**SLOTS, "requested_slot": slot, **slots}, active_loop=loop)


@pytest.mark.parametrize(
    "words, intent, slot, action",
    [
        ("non pas trop. cest quoi le plus urgent ?", "nlu_fallback", "deadline", ActionHandleMisunderstanding),
        (
            "Qu'est-ce qui est le plus pressé point d'interrogation",
            "ask_why_question",
            "deadline",
            ActionExplainQuestion,
        ),
        ("mais par quoi commencer", "nlu_fallback", "wants_advisor", ActionHandleMisunderstanding),
        ("dans quel ordre je fais tout ça ?", "ask_why_question", "wants_advisor", ActionExplainQuestion),
    ],
)
def test_the_most_urgent_asked_gets_the_steps_in_order(words, intent, slot, action):
    dispatcher, events = run(action(), _in_form(words, intent, slot))
    said = " ".join(texts(dispatcher))
    assert said.startswith("Pour commencer, le plus pressé : "), said
    assert " ; ensuite " in said and "Pour cette première démarche" in said, said
    assert "ce que je ne peux pas" not in said and "pas bien compris" not in said
    assert slot_events(events).get("guidance_given")


def test_the_order_of_steps_already_given_puts_the_most_urgent_first():
    from actions import services

    by_id = {entry.id: entry for entry in services.knowledge_base()}
    given = [
        {"id": step, "name": by_id[step].name, "link": by_id[step].link}
        for step in ("urssaf_delai_paiement", "mediation_credit", "cpsti_aced")
    ]
    dispatcher, _ = run(
        ActionExplainQuestion(),
        _in_form("bon je commence par quoi ?", "ask_why_question", "wants_advisor", guidance_given=given),
    )
    said = " ".join(texts(dispatcher))
    assert said.startswith("Pour commencer, comme je vous l'indiquais, le plus pressé : Médiation du crédit ;"), said
    assert said.index("délai de paiement URSSAF") < said.index("aide aux cotisants"), said


@pytest.mark.parametrize(
    "words",
    [
        "le plus urgent pour moi c'est de dormir un peu",
        "la priorité c'est mes salariés",
        "et pour l'urssaf c'est quoi le plus urgent ?",
    ],
)
def test_look_alikes_are_no_question_on_the_order(words):
    assert not asks_first_step(words)


@pytest.mark.parametrize(
    "words",
    [
        "et pour la banque ? elle peut me couper le decouvert du jour au lendemain ?",
        "la banque a le droit de supprimer mon découvert sans prévenir ?",
        "ils doivent me prévenir combien de temps avant pour le découvert ?",
        "le banquier peut retirer la facilite de caisse d'un coup ??",
    ],
)
def test_a_question_on_notice_is_left_to_the_advisor_once_its_step_was_given(words):
    assert asks_about_notice(words)
    given = [{"id": "mediation_credit", "name": "Médiation du crédit", "link": ""}]
    assert answer_with_entry(_in_form(words, "ask_question", guidance_given=given), words) is None
    # Not yet given, the step is still what helps (the artisan may just have declined the advisor).
    answered = answer_with_entry(_in_form(words, "ask_question"), words)
    assert answered is not None and answered[1].id == "mediation_credit"


def test_what_to_do_for_the_bank_keeps_its_step():
    words = "et pour la banque je fais quoi ?"
    assert not asks_about_notice(words)
    answered = answer_with_entry(_in_form(words, "ask_question"), words)
    assert answered is not None and answered[1].id == "mediation_credit"
