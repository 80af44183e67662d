"""Fake cases cannot ring every advisor's alert: beyond 3 cases an hour from one client, a case is stored held
for review and announced to nobody (issue 15); a consented callback is never refused."""

from __future__ import annotations

import asyncio
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions import abuse, services
from actions.handoff_actions import ActionFinishHandoff
from cases.db import make_engine, make_session_factory
from cases.escalation import NotificationRepository
from cases.limits import CASES_PER_CLIENT, VOLUME_REASON, Limit, SlidingWindow, held_for_review
from cases.models import Case, utcnow
from tests.support.action_services import fresh_action_services


@pytest.fixture(autouse=True)
def own_services(tmp_path, monkeypatch):
    monkeypatch.setattr(abuse, "_new_cases", SlidingWindow(CASES_PER_CLIENT))
    yield from fresh_action_services(tmp_path, monkeypatch)


def _finished_handoff(client: str | None, case_reference: str | None = None) -> Tracker:
    metadata = {"relais_client": client} if client else {}
    text = "rappelez moi svp"
    return Tracker.from_dict(
        {
            "sender_id": f"conv-{uuid.uuid4().hex[:8]}",
            "slots": {
                "wants_advisor": True,
                "consent_given": True,
                "consent_at": "2026-11-30T09:00:00+00:00",
                "contact_name": "Sophie",
                "phone": "+33612345678",
                "difficulty_categories": ["cotisations_sociales"],
                "urgency": "critique",
                "distress": False,
                "case_reference": case_reference,
            },
            "latest_message": {"text": text, "intent": {"name": "inform"}, "entities": [], "metadata": metadata},
            "events": [
                {
                    "event": "user",
                    "timestamp": 1_700_000_000,
                    "text": text,
                    "metadata": metadata,
                    "parse_data": {"intent": {"name": "inform"}, "entities": []},
                }
            ],
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": "action_listen",
        }
    )


def _run(tracker: Tracker) -> tuple[list[str], list]:
    dispatcher = CollectingDispatcher()
    with ThreadPoolExecutor(max_workers=1) as pool:
        events = pool.submit(asyncio.run, ActionFinishHandoff().run(dispatcher, tracker, {})).result()
    return [m.get("text") or "" for m in dispatcher.messages], events


def _stored(url: str) -> dict[str, dict]:
    with make_session_factory(make_engine(url))() as session:
        return {c.reference: c.reasons for c in session.execute(select(Case)).scalars()}


def test_a_fourth_case_from_one_client_within_the_hour_is_stored_held_for_review_and_mails_nobody(own_services):
    references = []
    for _ in range(4):
        said, events = _run(_finished_handoff("client-a"))
        [reference] = [e["value"] for e in events if e.get("name") == "case_reference"]
        assert said[0].startswith(f"C'est noté, votre référence est {reference}.")
        references.append(reference)
    reasons = _stored(own_services)
    assert [held_for_review(reasons[r]) for r in references] == [False, False, False, True]
    assert reasons[references[3]][VOLUME_REASON]
    # Another client, and a conversation updating its own case, are not held back.
    said, events = _run(_finished_handoff("client-b"))
    assert not held_for_review(_stored(own_services)[events[0]["value"]])
    _run(_finished_handoff("client-a", case_reference=references[0]))
    assert not held_for_review(_stored(own_services)[references[0]])
    # The new-case mail announces the first three only: a script's flood rings no advisor.
    mailed = NotificationRepository(make_session_factory(make_engine(own_services))).new_cases_to_mail(
        utcnow(), [services.chamber().id], lambda _chamber_id: services.chamber().opening_hours
    )
    assert references[3] not in {n.reference for n in mailed} and set(references[:3]) <= {n.reference for n in mailed}


def test_an_exempt_address_has_no_key_and_no_case_limit(own_services):
    for _ in range(4):
        assert _run(_finished_handoff(None))[1]


def test_the_window_slides():
    now = [0.0]
    window = SlidingWindow(Limit(2, 60), clock=lambda: now[0])
    assert window.hit("k") == 0 and window.hit("k") == 0
    assert window.hit("k") == 60
    now[0] = 30
    assert window.hit("k") == 30
    now[0] = 60.5
    assert window.hit("k") == 0


def test_a_case_with_distress_is_never_held_for_review(own_services):
    """Its alert must ring whatever the connection did before (an off-script conversation, 2026-12-03)."""
    for _ in range(3):
        _run(_finished_handoff("client-c"))
    tracker = _finished_handoff("client-c")
    tracker.slots["distress"] = True
    _, events = _run(tracker)
    [reference] = [e["value"] for e in events if e.get("name") == "case_reference"]
    assert not held_for_review(_stored(own_services)[reference])
