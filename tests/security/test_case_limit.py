"""Fake cases cannot ring every advisor's alert: one client creates at most 3 cases an hour (issue 15)."""

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
from cases.limits import CASES_PER_CLIENT, Limit, SlidingWindow
from cases.models import Case
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


def _cases(url: str) -> int:
    with make_session_factory(make_engine(url))() as session:
        return len(session.execute(select(Case.id)).all())


def test_a_fourth_case_from_one_client_within_the_hour_is_refused_with_the_chamber_number(own_services):
    for _ in range(3):
        said, events = _run(_finished_handoff("client-a"))
        assert events and "référence" in said[0]
    said, events = _run(_finished_handoff("client-a"))
    assert events == []
    chamber = services.chamber()
    assert chamber.phone in said[0] and "3114" in said[0]
    assert _cases(own_services) == 3
    # Another client, and a conversation updating its own case, are not held back.
    assert _run(_finished_handoff("client-b"))[1]
    assert _run(_finished_handoff("client-a", case_reference="RL-7K3Q9M"))[1]


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
