"""Round 19 (r19c-01…04, c.M7 and c.H1): what is given at the consent question instead of a yes is kept pending (the
time of the call, said in a sentence, was answered "je n'ai pas bien compris" and lost), never stored in a case before
the yes; and whoever leaves with the call asked for and no consent is told plainly that nothing was sent."""

from __future__ import annotations

import pytest

from actions.handoff_actions import NOTHING_SENT, ValidateHandoffForm, moment_at_consent
from actions.intake_actions import ActionStopConversation
from tests.support.action_services import stored_cases
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, run, slot_events, texts, tracker, user

STORY = [user("Boulangère à Dole, le fournisseur de farine veut être payé avant vendredi"), bot("Êtes-vous d'accord ?")]
AT_CONSENT = {
    "difficulty_categories": ["fournisseurs"],
    "urgency": "normale",
    "distress": False,
    "wants_advisor": True,
    "requested_slot": "consent_given",
}


def at_consent(words, slots=None, candidates=None, intent="inform"):
    events = [*STORY, user(words, intent)]
    events += [{"event": "slot", "name": k, "value": v} for k, v in (candidates or {}).items()]
    current = tracker(events, {**AT_CONSENT, **(slots or {}), **(candidates or {})}, "handoff_form")
    dispatcher, out = run(ValidateHandoffForm(), current, DOMAIN)
    return dispatcher, {**AT_CONSENT, **(slots or {}), **(candidates or {}), **slot_events(out)}


@pytest.mark.parametrize(
    "words, kept",
    [
        ("mardi... non mardi je livre, plutôt jeudi 9h", "mardi ; non mardi je livre, plutôt jeudi 9h"),
        ("jeudi matin ça m'irait", "jeudi matin ça m'irait"),
        ("après 16h", "après 16h"),
    ],
)
def test_the_time_given_at_the_consent_question_is_kept_and_the_consent_still_asked(words, kept):
    assert moment_at_consent(words) == kept
    # The words are the consent slot's candidate (its from_text mapping), as the form reads them.
    dispatcher, slots = at_consent(words, {"contact_name": "Odile", "phone": "+33611223344"}, {"consent_given": words})
    assert slots["callback_slot"] == kept
    assert slots.get("consent_given") is None and slots["requested_slot"] == "consent_given"
    assert "j'ai besoin de votre accord" in " ".join(texts(dispatcher))
    assert stored_cases() == []  # pending: nothing stored before the yes


@pytest.mark.parametrize("words", ["vous rappelez quand, lundi ?", "c'est quoi ces données ?", "Odile"])
def test_near_misses_keep_no_time(words):
    assert moment_at_consent(words) is None


def test_the_yes_after_the_details_makes_the_case_with_all_of_them():
    pending = {"contact_name": "Odile", "phone": "+33611223344", "callback_slot": "jeudi matin"}
    _, slots = at_consent("oui", pending, {"consent_given": True}, "affirm")
    assert slots["consent_given"] is True and slots["case_reference"]
    [case] = stored_cases()
    assert (case.contact_name, case.phone, case.callback_slot) == ("Odile", "+33611223344", "jeudi matin")


def leaving(words, slots, intent="goodbye"):
    current = tracker([*STORY, user(words, intent)], slots, "handoff_form")
    return run(ActionStopConversation(), current)


@pytest.mark.parametrize("words", ["allez je vous laisse, bonne soirée", "bon j'y vais, merci pour tout"])
def test_leaving_at_the_consent_question_is_told_nothing_was_sent(words):
    dispatcher, _ = leaving(words, {**AT_CONSENT, "contact_name": "Odile", "phone": "+33611223344"})
    assert NOTHING_SENT in texts(dispatcher)
    assert stored_cases() == []


@pytest.mark.parametrize(
    "slots",
    [
        # No call asked for: an ordinary goodbye.
        {"difficulty_categories": ["fournisseurs"], "requested_slot": None},
        # The call refused (said so at the refusal).
        {"difficulty_categories": ["fournisseurs"], "wants_advisor": False, "requested_slot": None},
    ],
)
def test_no_such_word_when_no_call_was_pending(slots):
    dispatcher, _ = leaving("allez je vous laisse, bonne soirée", slots)
    assert NOTHING_SENT not in texts(dispatcher)


def test_leaving_after_the_consent_and_the_number_still_makes_the_case():
    slots = {
        **AT_CONSENT,
        "consent_given": True,
        "consent_at": "2026-12-05T10:00:00+00:00",
        "contact_name": "Odile",
        "phone": "+33611223344",
        "requested_slot": "email",
        "departement": "39",
    }
    dispatcher, _ = leaving("allez je vous laisse, bonne soirée", slots)
    assert NOTHING_SENT not in texts(dispatcher)
    assert len(stored_cases()) == 1
