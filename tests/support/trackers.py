"""Real rasa_sdk trackers built from plain events, for testing actions without a Rasa server."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.asking import ASKED_SLOT_KEY

_clock = itertools.count(1_700_000_000)


def user(text: str, intent: str = "describe_situation", entities: list | None = None) -> dict:
    return {
        "event": "user",
        "timestamp": next(_clock),
        "text": text,
        "parse_data": {"intent": {"name": intent, "confidence": 0.99}, "entities": entities or []},
    }


def bot(text: str) -> dict:
    return {"event": "bot", "timestamp": next(_clock), "text": text}


def at_the_deadline_question(first: str, words: str, place_slot: str | None = None) -> list[dict]:
    """The artisan's first message (its département set, if given), the deadline question asked, and ``words`` said to
    it: a sum put right there must not become a place (round 21, round 24)."""
    events = [user(first)]
    if place_slot:
        events.append({"event": "slot", "name": "departement", "value": place_slot})
    return [
        *events,
        {"event": "slot", "name": "requested_slot", "value": "deadline"},
        bot("Avez-vous une échéance proche, comme une audience, une saisie ou des salaires à payer ?"),
        user(words, "deny"),
    ]


def tracker(
    events: Iterable[dict] = (),
    slots: dict[str, Any] | None = None,
    active_loop: str | None = None,
    sender_id: str = "test-conversation",
) -> Tracker:
    events = list(events)
    latest = next((e for e in reversed(events) if e["event"] == "user"), {})
    return Tracker.from_dict(
        {
            "sender_id": sender_id,
            "slots": dict(slots or {}),
            "latest_message": {
                "text": latest.get("text"),
                **latest.get("parse_data", {"intent": {}, "entities": []}),
            },
            "events": events,
            "paused": False,
            "followup_action": None,
            "active_loop": {"name": active_loop} if active_loop else {},
            "latest_action_name": "action_listen",
        }
    )


def texts(dispatcher) -> list[str]:
    """What an action said, but the next form question a validation asks at its end (actions/asking.py), which
    Rasa would otherwise ask through `action_ask_<slot>`: see `asked`."""
    return [message.get("text") or "" for message in dispatcher.messages if ASKED_SLOT_KEY not in message]


def asked(dispatcher) -> str | None:
    """The slot whose question a form validation asked at the end of its reply, or None."""
    marked = [message[ASKED_SLOT_KEY] for message in dispatcher.messages if ASKED_SLOT_KEY in message]
    return marked[-1] if marked else None


def slot_events(events) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def run(action, tracker_: Tracker, domain: dict | None = None) -> tuple[CollectingDispatcher, list[dict[str, Any]]]:
    """The action run as the action server runs it, on its own event loop (pytest's may be running)."""
    dispatcher = CollectingDispatcher()
    with ThreadPoolExecutor(max_workers=1) as pool:
        events = pool.submit(asyncio.run, action.run(dispatcher, tracker_, domain or {})).result()
    return dispatcher, events


def run_extract(action, method: str, tracker_: Tracker) -> tuple[CollectingDispatcher, Any]:
    """A form validation's `extract_<slot>` or `validate_<slot>` method run like `run` runs an action."""
    dispatcher = CollectingDispatcher()
    with ThreadPoolExecutor(max_workers=1) as pool:
        result = pool.submit(asyncio.run, getattr(action, method)(dispatcher, tracker_, {})).result()
    return dispatcher, result


def consented(**extra):
    """What the slots hold once the artisan accepted the callback and the consent (a money difficulty), the first
    steps given at the intake's end (a case with none given gets them: actions/steps_with_the_case.py)."""
    slots = {
        "wants_advisor": True,
        "consent_given": True,
        "consent_at": "2026-12-01T10:00:00+00:00",
        "contact_name": "Sophie",
        "difficulty_categories": ["banque"],
        "urgency": "normale",
        "distress": False,
        "triage_reasons": {"banque": ["« découvert »"]},
        "departement": "62",
        "guidance_given": [
            {"id": "bdf_correspondant_tpe", "name": "Correspondant TPE de la Banque de France", "link": None}
        ],
    }
    slots.update(extra)
    return slots
