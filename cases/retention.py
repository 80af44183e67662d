"""Storage limitation (RGPD art. 5): closed cases are deleted once their retention period is over.

The audit trail keeps the reference and the actions (no personal data), so the deletion itself is traced.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import sessionmaker

from cases.db import make_engine, make_session_factory
from cases.models import AuditEvent, Case, utcnow


def purge(older_than_days: int, session_factory: sessionmaker | None = None, chamber_id: str | None = None) -> int:
    """Delete cases closed more than ``older_than_days`` days ago (of one chamber, or all); returns how many."""
    if older_than_days < 0:
        raise ValueError("older_than_days must be positive")
    engine = None
    if session_factory is None:
        engine = make_engine()
        session_factory = make_session_factory(engine)
    cutoff = utcnow() - timedelta(days=older_than_days)
    try:
        with session_factory() as session, session.begin():
            statement = select(Case.id, Case.reference, Case.chamber_id).where(Case.status == "clos", Case.closed_at < cutoff)
            if chamber_id is not None:
                statement = statement.where(Case.chamber_id == chamber_id)
            expired = session.execute(statement).all()
            for _id, reference, chamber_id in expired:
                session.add(
                    AuditEvent(at=utcnow(), actor_label="system", chamber_id=chamber_id, action="case.purged",
                               case_reference=reference, detail={"older_than_days": older_than_days})
                )
            if expired:
                # Notes and call attempts go with their case (ON DELETE CASCADE).
                session.execute(delete(Case).where(Case.id.in_([row.id for row in expired])).execution_options(synchronize_session=False))
            return len(expired)
    finally:
        if engine is not None:
            engine.dispose()
