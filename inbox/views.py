"""What pages and API both compute from a case: waiting time against target, allowed next statuses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cases.models import Case, utcnow
from cases.repository import STATUS_TRANSITIONS
from inbox.context import InboxContext
from inbox.targets import Wait, wait_of


@dataclass
class CaseView:
    case: Case
    wait: Wait
    next_statuses: tuple[str, ...]
    live: Any = None  # the open live chat (cases.live.LiveState), set for the queue


def view_of(context: InboxContext, case: Case, now: datetime | None = None) -> CaseView:
    hours = context.chamber(case.chamber_id).opening_hours
    wait = wait_of(case.urgency, case.created_at, case.first_contact_at, now or utcnow(), hours)
    return CaseView(case, wait, STATUS_TRANSITIONS[case.status])
