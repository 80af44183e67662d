"""A cancellation said with its reason is a cancellation, and its reason no new fact (round 17, r17a-08: "annulez ma
demande finalement, un des pressings vient de payer" got "on s'arrête là", the case kept, the trade set to "pressings"
and a court procedure added to the case made when she came back). Over real trackers and a real case database."""

from __future__ import annotations

import pytest

from actions.handoff_actions import ValidateHandoffForm
from actions.intake_actions import ActionStopConversation
from actions.triage_actions import ValidateTriageSlots, messages_for_triage
from intake.answers import cancels_request, is_withdrawal
from tests.support.action_services import stored_cases
from tests.support.trackers import bot, consented, run, slot_events, tracker, user

SENDER = "cancel-reason-1"
STORY = [user("Serrurier à Vesoul, trois syndics me doivent 6 800 € depuis le printemps"), bot("Depuis quand ?")]


def stored_case():
    consent = consented(difficulty_categories=["tresorerie"], trade="serrurier")
    asking = tracker(
        [
            *STORY,
            bot("À quel numéro ?"),
            user("06 52 41 30 20", "inform"),
            {"event": "slot", "name": "phone", "value": "06 52 41 30 20"},
        ],
        slots={**consent, "phone": "06 52 41 30 20", "requested_slot": "phone"},
        active_loop="handoff_form",
        sender_id=SENDER,
    )
    _d, saved = run(ValidateHandoffForm(), asking)
    return {**consent, "phone": "+33652413020", "case_reference": slot_events(saved)["case_reference"]}


@pytest.mark.parametrize(
    "words",
    [
        "j'annule ma demande en fait, le syndic a tout réglé ce matin",
        "annulez la demande du coup, ma sœur me prête l'argent",
        "on annule tout finalement car le client a payé",
    ],
)
def test_a_cancellation_with_its_reason_is_read_as_one(words):
    assert is_withdrawal(words, explicit_only=True) and cancels_request(words)


@pytest.mark.parametrize(
    "words",
    [
        "j'ai dû annuler ma demande de prêt à la banque",
        "comment annuler ma demande de délai auprès des impôts ?",
        "le client a annulé sa commande finalement",
    ],
)
def test_near_misses_cancel_nothing(words):
    assert not is_withdrawal(words, explicit_only=True) and not cancels_request(words)


def test_a_call_refused_with_facts_is_no_cancelled_request():
    # Before any case, "ne me rappelez pas, ..." refuses the call; the facts said with it are still the triage's.
    assert not cancels_request("ne me rappelez pas, l'huissier passe jeudi")


def test_the_case_is_withdrawn_when_the_cancellation_carries_its_reason():
    slots = stored_case()
    words = user("annulez ma demande finalement, un des syndics vient de payer", "stop_conversation")
    _dispatcher, events = run(ActionStopConversation(), tracker([*STORY, words], slots, sender_id=SENDER))
    assert slot_events(events)["case_reference"] is None
    assert stored_cases()[0].erased_at is not None


def test_the_cancelling_message_fills_no_trade_and_no_difficulty():
    said = "annulez ma demande finalement, un des syndics vient de payer"
    events = [
        *STORY,
        user(said, "stop_conversation", [{"entity": "trade", "value": "syndics"}]),
        {"event": "slot", "name": "trade", "value": "syndics"},
    ]
    slots = {"trade": "syndics", "difficulty_categories": ["tresorerie"]}
    _dispatcher, produced = run(ValidateTriageSlots(), tracker(events, slots))
    changed = slot_events(produced)
    assert changed.get("trade", "unchanged") is None
    assert "procedure_judiciaire" not in (changed.get("difficulty_categories") or [])
    assert said not in messages_for_triage(events)


def test_a_warning_sign_in_a_cancellation_still_reaches_the_triage():
    said = "annulez ma demande, de toute façon je veux en finir"
    assert said in messages_for_triage([user(said, "stop_conversation")])
