"""What pages and API both compute from a case: waiting time against target, allowed next statuses, and
whether it has escalated to the supervisors (cases.escalation)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cases.escalation import NotificationRepository, is_escalated
from cases.models import Case, User, utcnow
from cases.repository import STATUS_TRANSITIONS
from inbox.context import InboxContext
from inbox.targets import Wait, wait_of


@dataclass
class CaseView:
    case: Case
    wait: Wait
    next_statuses: tuple[str, ...]
    # Open, held by nobody and past its target time: shown to everyone, listed apart for supervisors.
    escalated: bool = False
    live: Any = None  # the open live chat (cases.live.LiveState), set for the queue


def view_of(context: InboxContext, case: Case, now: datetime | None = None) -> CaseView:
    now = now or utcnow()
    hours = context.chamber(case.chamber_id).opening_hours
    wait = wait_of(case.urgency, case.created_at, case.first_contact_at, now, hours)
    return CaseView(case, wait, STATUS_TRANSITIONS[case.status], is_escalated(case, now, hours))


def escalated_views(context: InboxContext, user: User, now: datetime | None = None) -> list[CaseView]:
    """The user's chamber's escalated cases, the most urgent first (the supervisors' section of the queue)."""
    now = now or utcnow()
    hours = context.chamber(user.chamber_id).opening_hours
    cases = NotificationRepository(context.session_factory).escalated_cases(user, now, hours)
    return [view_of(context, case, now) for case in cases]
