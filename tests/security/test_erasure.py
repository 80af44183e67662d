"""Erasure is complete at once, and a later handoff in the same conversation gets a fresh reference (issue 15)."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from cases.accounts import AccountRepository
from cases.db import make_engine, make_session_factory, migrate
from cases.drafts import CaseDraft
from cases.models import User
from cases.outbox import CaseOutbox
from cases.repository import CaseRepository
from cases.retention import erase_everywhere
from chamber import load_chamber
from tests.e2e.test_walking_skeleton import walk_to_case
from tests.support.stack import ADVISOR_PASSWORD, create_user, new_conversation

OPENING = "l'urssaf me réclame trois trimestres de cotisations et je n'arrive plus à payer"


@pytest.fixture(scope="module")
def supervisor(stack):
    email = "superviseure-securite@cma.test"
    create_user(stack.settings, email, load_chamber().id, role="supervisor")
    return email


def _tracker_user_texts(stack, http, sender):
    tracker = http.get(
        f"{stack.settings.rasa_url}/conversations/{sender}/tracker", params={"token": stack.settings.rasa_token}
    ).json()
    return [e.get("text") for e in tracker["events"] if e["event"] == "user"]


def test_erasing_from_the_inbox_deletes_the_conversation_at_once_and_a_new_handoff_gets_a_new_reference(
    stack, http, supervisor
):
    conversation = new_conversation(http, stack.settings)
    _, slots = walk_to_case(conversation, OPENING)
    first = slots["case_reference"]
    assert OPENING in _tracker_user_texts(stack, http, conversation.sender)

    web = stack.settings.web_url
    login = http.post(f"{web}/api/v1/auth/login", json={"email": supervisor, "password": ADVISOR_PASSWORD})
    csrf = login.json()["csrf_token"]
    erased = http.post(f"{web}/api/v1/cases/{first}/erase", headers={"X-CSRF-Token": csrf})
    assert erased.status_code == 200 and erased.json()["erased_at"]
    assert _tracker_user_texts(stack, http, conversation.sender) == []  # no purge needed

    # The artisan, in the same conversation, asks for an advisor again.
    _, slots = walk_to_case(conversation, OPENING)
    second = slots["case_reference"]
    assert second != first
    case = http.get(f"{web}/api/v1/cases/{second}").json()
    assert case["contact_name"] == "Sophie" and not case["erased_at"]


@pytest.fixture
def repository(tmp_path):
    url = f"sqlite:///{tmp_path / 'cases.db'}"
    migrate(url)
    engine = make_engine(url)
    yield CaseRepository(make_session_factory(engine))
    engine.dispose()


def _draft(conversation_id: str, reference: str) -> CaseDraft:
    return CaseDraft(
        conversation_id=conversation_id,
        reference=reference,
        chamber_id="cma-generique",
        categories=["cotisations_sociales"],
        urgency="haute",
        contact_name="Sophie",
        phone="+33612345678",
        consent_version="v1",
        consent_at=datetime(2026, 11, 30, 9, tzinfo=timezone.utc),
        transcript=[{"sender": "artisan", "text": "l'urssaf me réclame", "at": "2026-11-30T09:00:00+00:00"}],
    )


def _supervisor(repository: CaseRepository) -> User:
    return AccountRepository(repository._session_factory).create_user(
        "chef@cma.test", "Chef", "cma-generique", "supervisor", "not-a-hash"
    )


def test_a_draft_reusing_an_erased_reference_gets_a_fresh_one(repository):
    chief = _supervisor(repository)
    reference = repository.save_draft(_draft("conversation-1", "RL-7K3Q9M"))
    erase_everywhere(repository, reference, chief, None, None)
    # The tracker still said case_reference=RL-7K3Q9M (erased before Rasa's conversation was deleted); the
    # artisan asked again and consented again.
    renewed = _draft("conversation-1", "RL-7K3Q9M")
    renewed.consent_at = datetime.now(timezone.utc)
    again = repository.save_draft(renewed)
    assert again != "RL-7K3Q9M"
    assert repository.get_case(again, chief, record_view=False).contact_name == "Sophie"


def test_a_draft_with_the_consent_an_erasure_took_away_is_not_stored_again(repository):
    """A draft spooled before the erasure and flushed after it (another action server's outbox): the erased
    data does not come back."""
    chief = _supervisor(repository)
    reference = repository.save_draft(_draft("conversation-4", "RL-3M4N5P"))
    erase_everywhere(repository, reference, chief, None, None)
    assert repository.save_draft(_draft("conversation-4", "RL-3M4N5P")) == reference
    assert repository.find_by_conversation("conversation-4") is None
    assert repository.get_case(reference, chief, record_view=False).phone is None


def test_erasure_removes_the_drafts_spooled_while_the_database_was_down(repository, tmp_path):
    chief = _supervisor(repository)
    reference = repository.save_draft(_draft("conversation-2", "RL-4B7C2D"))
    spool = tmp_path / "outbox" / "actions-1"
    outbox = CaseOutbox(repository, spool)
    outbox._spool(_draft("conversation-2", "RL-4B7C2D"))  # a later state, waiting for the database
    outbox._spool(_draft("conversation-3", "RL-9Z8Y7X"))  # someone else's
    erasure = erase_everywhere(repository, reference, chief, None, tmp_path / "outbox")
    assert erasure.spooled_drafts == 1
    left = [json.loads(p.read_text())["conversation_id"] for p in spool.glob("*.json")]
    assert left == ["conversation-3"]
