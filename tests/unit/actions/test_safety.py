"""No action turns into silence, and no failure writes personal data into the logs."""

from __future__ import annotations

import logging

from rasa_sdk import Action
from rasa_sdk.executor import ActionExecutor

import actions  # noqa: F401 - installs the guard, as the action server does
from actions import services
from actions.handoff import submit_case
from cases.outbox import CaseOutbox
from cases.repository import CaseRepository
from ops.settings import database_url
from tests.unit.actions.test_actions import run_coroutine

SECRET = "Nadia 06 12 34 56 78 cancer"


class Exploding(Action):
    def name(self):
        return "action_test_exploding"

    async def run(self, dispatcher, tracker, domain):
        dispatcher.utter_message(text="début")
        raise ValueError(f"bad value {SECRET}")


def call(executor: ActionExecutor, name: str) -> dict:
    tracker = {
        "sender_id": "s",
        "slots": {"contact_name": "Nadia"},
        "latest_message": {"text": SECRET},
        "events": [],
        "paused": False,
        "followup_action": None,
        "active_loop": {},
        "latest_action_name": "action_listen",
    }
    return run_coroutine(executor.run({"next_action": name, "tracker": tracker, "domain": {}}))


def test_a_failing_action_answers_kindly_with_the_chambers_number(caplog):
    executor = ActionExecutor()
    executor.register_action(Exploding)
    with caplog.at_level(logging.INFO):
        response = call(executor, "action_test_exploding")
    texts = [message["text"] for message in response["responses"]]
    assert texts[0] == "début"
    assert "problème technique" in texts[-1]
    assert services.chamber().phone in texts[-1]
    assert response["events"] == []
    assert "action_test_exploding failed: ValueError" in caplog.text
    for personal in ("Nadia", "06 12", "cancer", "bad value"):
        assert personal not in caplog.text


def test_every_action_of_the_server_is_guarded():
    executor = ActionExecutor()
    executor.register_package("actions")
    assert "action_finish_handoff" in executor.actions
    assert "action_crisis_response" in executor.actions
    unguarded = [name for name, run in executor.actions.items() if not getattr(run, "__relais_guarded__", False)]
    assert unguarded == []


class BrokenRepository(CaseRepository):
    """A real repository whose database answers with an error that is not an outage."""

    def save_draft(self, draft):
        raise RuntimeError("constraint failed for Nadia")


def consented_slots(**extra):
    return {
        "wants_advisor": True,
        "consent_given": True,
        "consent_at": "2026-12-01T10:00:00+00:00",
        "contact_name": "Nadia",
        "phone": "+33612345678",
        "difficulty_categories": ["banque"],
        "urgency": "normale",
        **extra,
    }


def submit(outbox, slots):
    return submit_case(
        outbox,
        conversation_id="conv-1",
        reference="RL-7K3Q9M",
        chamber_id="cma-generique",
        slots=slots,
        events=[],
        consent_version="v1",
    )


def test_a_case_the_store_refuses_is_salvaged_and_stored(tmp_path):
    from cases.db import make_engine, make_session_factory

    repository = CaseRepository(make_session_factory(make_engine(database_url())))
    outbox = CaseOutbox(repository, spool_dir=tmp_path / "spool")
    result = submit(outbox, consented_slots(departement="dans mon atelier", phone="+33612345678"))
    assert result.stored is True
    case = repository.find_by_conversation("conv-1")
    assert case.reference == "RL-7K3Q9M"
    assert case.phone == "+33612345678"
    assert case.departement is None
    assert case.situation["departement"] == "dans mon atelier"


def test_any_other_failure_of_the_case_path_keeps_the_case_on_disk(tmp_path, caplog):
    from cases.db import make_engine, make_session_factory

    outbox = CaseOutbox(
        BrokenRepository(make_session_factory(make_engine(database_url()))), spool_dir=tmp_path / "spool"
    )
    with caplog.at_level(logging.INFO):
        result = submit(outbox, consented_slots())
    assert result.stored is False
    assert result.reference == "RL-7K3Q9M"
    spooled = outbox.pending()
    assert len(spooled) == 1
    assert "+33612345678" in spooled[0].read_text(encoding="utf-8")
    assert "Nadia" not in caplog.text and "+336" not in caplog.text
