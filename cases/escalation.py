"""Nobody misses an urgent case: which cases escalate to the chamber's supervisors, which new cases still
have to be announced by e-mail, and the once-only record of both.

A case *escalates* when it is still open, nobody holds it, nobody reached the artisan, and its target time
(cases.targets) has passed. That is derived from the case and a clock, so the inbox shows the flag on
read (``is_escalated``) without any stored state. What must happen once only (the audit entry, the
supervisors' mail, the advisors' mail about a new case) is recorded in the audit trail itself: the
entries below are the notification job's memory, so no column or table is needed, and a mail that could
not be sent (SMTP down) is simply found again at the next run.

| audit action | written | meaning |
|---|---|---|
| ``case.escalated`` | once per case, when it first escalates | the supervisors see it in their inbox |
| ``case.escalation_mailed`` | once per case, when the supervisors' mail went out | no second mail |
| ``case.mailed_to_advisors`` | once per case, when the chamber's advisors' address got it | no second mail |

One writer is assumed (the supervisor process's notification job, ops.notify): two jobs on one database
could both record the same escalation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases.audit import Repository
from cases.limits import held_for_review
from cases.models import OPEN_STATUSES, AuditEvent, Case, User
from cases.targets import due_at
from chamber import OpeningHours

ESCALATED = "case.escalated"
ESCALATION_MAILED = "case.escalation_mailed"
NEW_CASE_MAILED = "case.mailed_to_advisors"
# A new case older than this is not announced any more (the supervisor was stopped, or the chamber's
# address was just configured): the inbox shows it, a late mail would only add noise.
NEW_CASE_MAIL_WINDOW = timedelta(hours=24)
SYSTEM_LABEL = "system"

HoursOf = Callable[[str], OpeningHours]


def is_escalated(case: Case, now: datetime, hours: OpeningHours) -> bool:
    """Open, held by nobody, the artisan never reached, and past its target time."""
    return bool(
        case.status in OPEN_STATUSES
        and case.assignee_id is None
        and case.first_contact_at is None
        and case.erased_at is None
        and now > due_at(case.urgency, case.created_at, hours)
    )


@dataclass(frozen=True)
class CaseNotice:
    """What a mail about a case may say: codes and dates, nothing about the person."""

    reference: str
    chamber_id: str
    urgency: str | None
    created_at: datetime
    due_at: datetime


def _notice(case: Case, hours: OpeningHours) -> CaseNotice:
    return CaseNotice(
        reference=case.reference,
        chamber_id=case.chamber_id,
        urgency=case.urgency,
        created_at=case.created_at,
        due_at=due_at(case.urgency, case.created_at, hours),
    )


class NotificationRepository(Repository):
    """The notification job's reads and once-only records (actor "system")."""

    def escalate(self, now: datetime, hours_of: HoursOf) -> list[CaseNotice]:
        """Records ``case.escalated`` for every case escalated at ``now`` and not recorded yet (one transaction);
        returns the newly escalated ones, the most urgent first."""
        with self._session_factory() as session, session.begin():
            escalated = [c for c in self._unassigned_open(session) if is_escalated(c, now, hours_of(c.chamber_id))]
            done = self._recorded(session, ESCALATED, [c.reference for c in escalated])
            fresh = [c for c in escalated if c.reference not in done]
            for case in fresh:
                notice = _notice(case, hours_of(case.chamber_id))
                self._audit(
                    session,
                    None,
                    ESCALATED,
                    case.chamber_id,
                    case.reference,
                    {"urgency": case.urgency, "due_at": notice.due_at.isoformat()},
                    label=SYSTEM_LABEL,
                )
            return [_notice(c, hours_of(c.chamber_id)) for c in fresh]

    def escalations_to_mail(self, now: datetime, hours_of: HoursOf) -> list[CaseNotice]:
        """Recorded escalations whose supervisors' mail has not gone out yet, still escalated at ``now``."""
        with self._session_factory() as session:
            escalated = [c for c in self._unassigned_open(session) if is_escalated(c, now, hours_of(c.chamber_id))]
            references = [c.reference for c in escalated]
            recorded = self._recorded(session, ESCALATED, references)
            mailed = self._recorded(session, ESCALATION_MAILED, references)
            return [
                _notice(c, hours_of(c.chamber_id))
                for c in escalated
                if c.reference in recorded and c.reference not in mailed
            ]

    def new_cases_to_mail(self, now: datetime, chamber_ids: Iterable[str], hours_of: HoursOf) -> list[CaseNotice]:
        """Cases of these chambers created within ``NEW_CASE_MAIL_WINDOW`` and not announced yet, oldest first."""
        chamber_ids = list(chamber_ids)
        if not chamber_ids:
            return []
        with self._session_factory() as session:
            cases = list(
                session.execute(
                    select(Case)
                    .where(
                        Case.chamber_id.in_(chamber_ids),
                        Case.created_at > now - NEW_CASE_MAIL_WINDOW,
                        Case.created_at <= now,
                        Case.erased_at.is_(None),
                    )
                    .order_by(Case.created_at, Case.id)
                    .limit(500)
                )
                .scalars()
                .unique()
            )
            mailed = self._recorded(session, NEW_CASE_MAILED, [c.reference for c in cases])
            # A case held for review (over one client's allowance, actions.abuse) rings no alert: a script's
            # cases would otherwise mail every advisor; the inbox shows it, marked to be checked.
            return [
                _notice(c, hours_of(c.chamber_id))
                for c in cases
                if c.reference not in mailed and not held_for_review(c.reasons)
            ]

    def supervisors(self, chamber_id: str) -> list[str]:
        """The addresses of the chamber's active supervisors."""
        with self._session_factory() as session:
            return list(
                session.execute(
                    select(User.email)
                    .where(User.chamber_id == chamber_id, User.role == "supervisor", User.active.is_(True))
                    .order_by(User.email)
                ).scalars()
            )

    def record_sent(self, action: str, notices: Iterable[CaseNotice], detail: dict[str, Any]) -> None:
        """One audit entry per case, once its mail went out (``ESCALATION_MAILED`` or ``NEW_CASE_MAILED``)."""
        if action not in (ESCALATION_MAILED, NEW_CASE_MAILED):
            raise ValueError(f"not a mail record: {action!r}")
        with self._session_factory() as session, session.begin():
            for notice in notices:
                self._audit(session, None, action, notice.chamber_id, notice.reference, detail, label=SYSTEM_LABEL)

    def escalated_cases(self, actor: User, now: datetime, hours: OpeningHours) -> list[Case]:
        """The actor's chamber's escalated cases, the most urgent first (the supervisors' section of the queue)."""
        with self._session_factory() as session:
            cases = self._unassigned_open(session, actor.chamber_id)
            return [c for c in cases if is_escalated(c, now, hours)]

    @staticmethod
    def _unassigned_open(session: Session, chamber_id: str | None = None) -> list[Case]:
        statement = select(Case).where(
            Case.status.in_(OPEN_STATUSES),
            Case.assignee_id.is_(None),
            Case.first_contact_at.is_(None),
            Case.erased_at.is_(None),
        )
        if chamber_id is not None:
            statement = statement.where(Case.chamber_id == chamber_id)
        statement = statement.order_by(Case.urgency_rank, Case.created_at, Case.id).limit(1000)
        return list(session.execute(statement).scalars().unique())

    @staticmethod
    def _recorded(session: Session, action: str, references: list[str]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(references), 500):  # bounded IN lists
            chunk = references[start : start + 500]
            found.update(
                session.execute(
                    select(AuditEvent.case_reference).where(
                        AuditEvent.action == action, AuditEvent.case_reference.in_(chunk)
                    )
                ).scalars()
            )
        return found
