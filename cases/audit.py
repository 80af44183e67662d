"""The audit trail every repository writes: one entry in the same transaction as the change it records.

``Repository`` is what the case, account and statistics repositories share (a session factory and
``_audit``); ``AuditLog`` reads the trail of the acting user's chamber and records what happens outside a
repository method (the retention's counts).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from cases.models import AuditEvent, User, utcnow


class Repository:
    """One method, one transaction, one audit entry: subclasses open ``self._session_factory()`` with
    ``session.begin()`` and call ``_audit`` inside it."""

    def __init__(self, session_factory: sessionmaker) -> None:
        self._session_factory = session_factory

    @staticmethod
    def _audit(
        session: Session,
        actor: User | None,
        action: str,
        chamber_id: str,
        case_reference: str | None,
        detail: dict[str, Any],
        label: str | None = None,
    ) -> None:
        session.add(
            AuditEvent(
                at=utcnow(),
                actor_id=actor.id if actor else None,
                actor_label=label or (actor.email if actor else "artisan"),
                chamber_id=chamber_id,
                action=action,
                case_reference=case_reference,
                detail=detail,
            )
        )


class AuditLog(Repository):
    def record(
        self,
        actor: User | None,
        action: str,
        chamber_id: str,
        case_reference: str | None = None,
        detail: dict[str, Any] | None = None,
    ) -> None:
        with self._session_factory() as session, session.begin():
            self._audit(session, actor, action, chamber_id, case_reference, detail or {})

    def entries(
        self, actor: User, case_reference: str | None = None, limit: int = 200, offset: int = 0
    ) -> list[AuditEvent]:
        """The trail of the actor's chamber, newest first (one case's when ``case_reference`` is given)."""
        statement = select(AuditEvent).where(AuditEvent.chamber_id == actor.chamber_id)
        if case_reference:
            statement = statement.where(AuditEvent.case_reference == case_reference)
        statement = (
            statement.order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
            .limit(max(1, min(limit, 1000)))
            .offset(max(0, offset))
        )
        with self._session_factory() as session:
            return list(session.execute(statement).scalars())
