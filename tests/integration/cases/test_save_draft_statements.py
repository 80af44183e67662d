"""Issue 18: what a case draft's save asks of the database. The action server saves the case at every answer after
the consent; most saves update the case stored at an earlier answer. Such a save reads the reference's holders once,
the case once (with its notes, which the search text reads), and writes it: no INSERT ... ON CONFLICT (SQLAlchemy 1.4
compiles it again at each execution), nor the advisor's calls and live messages nobody reads while saving.
The first save of a conversation still inserts, and what is stored is the same (test_repository.py)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import event

from cases.models import CallAttempt, Case, LiveMessage


@pytest.fixture
def statements(engine):
    seen: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        seen.append(" ".join(statement.split()))

    event.listen(engine, "before_cursor_execute", record)
    yield seen
    event.remove(engine, "before_cursor_execute", record)


def _touching(statements: list[str], verb: str, table: str) -> list[str]:
    return [s for s in statements if s.upper().startswith(verb) and re.search(rf"\b{table}\b", s)]


# What the artisan adds after the consent, answer after answer (SMS, no accents, dictation, hesitation).
LATER_ANSWERS = [
    {"contact_name": "Eloise"},
    {"callback_slot": "demain matin svp"},
    {"callback_slot": "euh... plutôt jeudi aprem"},
    {"email": "eloise.durand@example.fr", "callback_slot": "jeudi virgule entre quatorze et seize heures"},
]


@pytest.mark.parametrize("changes", LATER_ANSWERS)
def test_a_later_answer_updates_the_case_without_an_insert_nor_unread_collections(
    repository, draft_factory, statements, changes
):
    draft = draft_factory()
    reference = repository.save_draft(draft)
    statements.clear()

    assert repository.save_draft(draft_factory(conversation_id=draft.conversation_id, reference=reference, **changes))

    assert not _touching(statements, "INSERT", Case.__tablename__)
    assert not _touching(statements, "SELECT", CallAttempt.__tablename__)
    assert not _touching(statements, "SELECT", LiveMessage.__tablename__)
    assert len(_touching(statements, "UPDATE", Case.__tablename__)) == 1
    # The reference's holders once (withdrawn? taken by another conversation?), then the case itself.
    assert len(_touching(statements, "SELECT", Case.__tablename__)) == 2
    stored = repository.find_by_conversation(draft.conversation_id)
    for name, value in changes.items():
        assert getattr(stored, name) == value


def test_the_first_save_inserts_the_case_once(repository, draft_factory, statements):
    draft = draft_factory()

    reference = repository.save_draft(draft)

    assert len(_touching(statements, "INSERT", Case.__tablename__)) == 1
    assert repository.find_by_conversation(draft.conversation_id).reference == reference
