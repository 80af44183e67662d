"""The audit trail of the chamber (supervisors)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request

from cases.models import User
from inbox.context import context_of
from inbox.deps import supervisor_user
from inbox.schemas import ERRORS, REFERENCE_REGEX, AuditEventOut

router = APIRouter()


@router.get("/audit", response_model=list[AuditEventOut], responses={**ERRORS}, tags=["supervision"])
def audit(
    request: Request,
    case_reference: str | None = Query(None, pattern=REFERENCE_REGEX),
    limit: int = Query(200, ge=1, le=1000),
    offset: int = Query(0, ge=0, le=1_000_000),
    user: User = Depends(supervisor_user),
) -> Any:
    """Who viewed or changed what and when, newest first. Supervisors."""
    events = context_of(request).audit.entries(user, case_reference, limit=limit, offset=offset)
    return [
        AuditEventOut(
            id=e.id, at=e.at, actor=e.actor_label, action=e.action, case_reference=e.case_reference, detail=e.detail
        )
        for e in events
    ]
