"""Consent withdrawn in the conversation: the case is erased at once, and nothing the artisan took back comes
back (a draft spooled before the withdrawal, a withdrawal made while the database was down)."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import func, select

from cases.models import AuditEvent, Case, utcnow
from cases.outbox import CaseOutbox
from cases.reference import new_reference
from tests.integration.cases.test_outbox import DatabaseSwitch, count_cases


def _case(engine, reference):
    with engine.connect() as connection:
        return connection.execute(select(Case.__table__).where(Case.reference == reference)).mappings().first()


def test_a_withdrawal_erases_the_case_and_is_audited_as_the_artisans(repository, engine, draft_factory):
    draft = draft_factory()
    reference = repository.save_draft(draft)
    assert repository.withdraw(draft.conversation_id) == reference
    case = _case(engine, reference)
    assert (case["phone"], case["contact_name"], case["transcript"], case["summary"]) == (None, None, [], "")
    assert case["status"] == "clos" and case["erased_at"] is not None
    assert case["categories"] == draft.categories  # codes and dates stay for the statistics
    with engine.connect() as connection:
        actions = connection.execute(
            select(AuditEvent.action, AuditEvent.actor_label).where(AuditEvent.case_reference == reference)
        ).all()
    assert ("case.withdrawn_by_artisan", "artisan") in actions
    assert repository.withdraw(draft.conversation_id) is None  # nothing left to withdraw
    assert repository.withdraw("a-conversation-without-case") is None


def test_a_draft_older_than_the_withdrawal_never_makes_a_case_again(repository, engine, draft_factory):
    draft = draft_factory()
    reference = repository.save_draft(draft)
    repository.withdraw(draft.conversation_id)
    # Spooled by another action server before the withdrawal, stored late: nothing comes back.
    stale = draft_factory(conversation_id=draft.conversation_id, reference=reference, consent_at=draft.consent_at)
    assert repository.save_draft(stale) == reference
    assert count_cases(engine) == 1 and _case(engine, reference)["phone"] is None
    # A new consent, later than the withdrawal, in the same conversation makes a new case.
    again = draft_factory(
        conversation_id=draft.conversation_id, reference=reference, consent_at=utcnow() + timedelta(seconds=1)
    )
    second = repository.save_draft(again)
    assert second != reference and count_cases(engine) == 2
    assert repository.find_by_conversation(draft.conversation_id).phone == again.phone


def test_a_withdrawal_while_the_database_is_down_waits_on_disk_and_wins(database_url, draft_factory, tmp_path, engine):
    from cases.db import make_engine, make_session_factory
    from cases.repository import CaseRepository

    switch = DatabaseSwitch(database_url, tmp_path)
    switched = switch.attach(make_engine(switch.repository_url))
    try:
        outbox = CaseOutbox(CaseRepository(make_session_factory(switched)), tmp_path / "spool")
        draft = draft_factory()
        assert outbox.submit(draft).stored is True
        switch.kill()
        later = draft_factory(conversation_id=draft.conversation_id, reference=draft.reference)
        assert outbox.submit(later).stored is False  # an update waiting on disk
        assert outbox.withdraw(draft.conversation_id) is False
        waiting = [json.loads(path.read_text()) for path in outbox.pending()]
        assert waiting == [{"withdrawal": True, "conversation_id": draft.conversation_id}]  # the update is gone
        switch.restore()
        assert outbox.flush() == 1 and outbox.pending() == []
        check = switched if switch.sqlite else engine
        with check.connect() as connection:
            case = connection.execute(select(Case.__table__)).mappings().one()
        assert case["erased_at"] is not None and case["phone"] is None
        # The same conversation's next draft (a new consent) gets its own case; the spool holds no other.
        with check.connect() as connection:
            assert connection.execute(select(func.count()).select_from(Case)).scalar_one() == 1
    finally:
        switched.dispose()
        switch.close()


def test_a_withdrawal_before_any_case_is_stored_removes_the_waiting_draft(repository, engine, draft_factory, tmp_path):
    outbox = CaseOutbox(repository, tmp_path / "spool")
    draft = draft_factory()
    outbox.spool(draft)  # a failure the action server could not tell from an outage
    other = draft_factory(reference=new_reference())
    outbox.spool(other)
    assert outbox.withdraw(draft.conversation_id) is True
    assert outbox.pending() == [] and count_cases(engine) == 1
    assert repository.find_by_conversation(draft.conversation_id) is None
    assert repository.find_by_conversation(other.conversation_id) is not None
