"""Cases: the queue, changes since a moment, one case, and working it (take, assign, status, notes, calls);
a person's data exported or erased (supervisors)."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any, overload

from fastapi import APIRouter, Depends, Query, Request

from cases.errors import InvalidInput
from cases.models import Case, User, utcnow
from cases.repository import QueueFilters
from inbox.context import context_of
from inbox.deps import ReferencePath, api_user, supervisor_user
from inbox.schemas import (
    ERRORS,
    NOT_FOUND_ERRORS,
    ApiError,
    AssigneeOut,
    AssignIn,
    CallAttemptIn,
    CallAttemptOut,
    CaseChangeOut,
    CaseOut,
    CaseSummaryOut,
    Category,
    ChangesOut,
    ConsentOut,
    NoteIn,
    NoteOut,
    Status,
    StatusIn,
    Urgency,
    WaitOut,
)
from inbox.views import view_of
from places import DEPARTEMENT_CODE_PATTERN, departement_code

router = APIRouter()


@overload
def _clean(text: str) -> str: ...
@overload
def _clean(text: str | None) -> str | None: ...
def _clean(text: str | None) -> str | None:
    return text.replace("\x00", "") if text is not None else None


def summary_out(request: Request, case: Case, now: datetime) -> dict:
    view = view_of(context_of(request), case, now)
    return dict(
        reference=case.reference,
        status=case.status,
        urgency=case.urgency,
        categories=list(case.categories),
        distress=case.distress,
        summary=case.summary,
        contact_name=case.contact_name,
        departement=case.departement,
        assignee=(
            AssigneeOut(id=case.assignee.id, name=case.assignee.name, email=case.assignee.email)
            if case.assignee
            else None
        ),
        created_at=case.created_at,
        updated_at=case.updated_at,
        first_contact_at=case.first_contact_at,
        wait=WaitOut(
            waited_minutes=int(view.wait.waited.total_seconds() // 60),
            target=view.wait.label,
            due_at=view.wait.due_at,
            late=view.wait.late,
            contacted=view.wait.contacted,
            escalated=view.escalated,
        ),
    )


def case_out(request: Request, case: Case) -> CaseOut:
    view = view_of(context_of(request), case)
    return CaseOut(
        **summary_out(request, case, utcnow()),
        chamber_id=case.chamber_id,
        reasons=case.reasons,
        situation=case.situation,
        guidance=case.guidance,
        phone=case.phone,
        email=case.email,
        callback_slot=case.callback_slot,
        consent=ConsentOut(version=case.consent_version, at=case.consent_at, health=case.health_consent),
        transcript=case.transcript,
        notes=[
            NoteOut(id=n.id, author=n.author.email if n.author else None, body=n.body, created_at=n.created_at)
            for n in case.notes
        ],
        call_attempts=[
            CallAttemptOut(
                id=a.id, author=a.author.email if a.author else None, outcome=a.outcome, comment=a.comment, at=a.at
            )
            for a in case.call_attempts
        ],
        closed_at=case.closed_at,
        erased_at=case.erased_at,
        next_statuses=list(view.next_statuses),
    )


@router.get("/cases", response_model=list[CaseSummaryOut], responses={**ERRORS}, tags=["cases"])
def list_cases(
    request: Request,
    status: list[Status] | None = Query(None, description="Default: the open statuses."),
    category: Category | None = None,
    urgency: Urgency | None = None,
    assignee: str | None = Query(None, pattern=r"^(me|none|[1-9][0-9]{0,8})$"),
    departement: str | None = Query(None, pattern=DEPARTEMENT_CODE_PATTERN),
    q: str | None = Query(None, max_length=200, description="Words or a phone number, accents ignored."),
    limit: int = Query(100, ge=1, le=500),
    offset: int = Query(0, ge=0, le=1_000_000),
    user: User = Depends(api_user),
) -> Any:
    """Your chamber's cases, the most urgent first, then the oldest."""
    filters = QueueFilters(
        limit=limit,
        offset=offset,
        category=category.value if category else None,
        urgency=urgency.value if urgency else None,
        assignee=assignee,
        departement=departement_code(departement),
        query=_clean(q),
    )
    if status:
        filters.statuses = tuple(s.value for s in status)
    now = utcnow()
    return [summary_out(request, case, now) for case in context_of(request).repository.queue(user, filters)]


@router.get("/cases/changes", response_model=ChangesOut, responses={**ERRORS}, tags=["cases"])
def changes(
    request: Request,
    since: datetime = Query(..., description="ISO 8601 with an offset, e.g. 2025-03-04T09:30:00+00:00"),
    user: User = Depends(api_user),
) -> Any:
    """Cases created or changed after `since` (poll it for a live view)."""
    # Pydantic would also take a number as a Unix time: the document promises ISO 8601 only.
    if not re.match(r"^\d{4}-\d{2}-\d{2}", request.query_params.get("since", "")) or since.tzinfo is None:
        raise InvalidInput("since is an ISO 8601 date-time with its offset")
    try:
        since.astimezone(timezone.utc)  # e.g. 0001-01-01T00:00:00+01:00 has no UTC equivalent (fuzzing found it)
    except OverflowError:
        raise InvalidInput("since is out of the range of dates") from None
    found = context_of(request).repository.changed_since(user, since)
    return ChangesOut(
        now=utcnow(),
        cases=[
            CaseChangeOut(
                reference=c.reference,
                urgency=c.urgency,
                status=c.status,
                created_at=c.created_at,
                updated_at=c.updated_at,
            )
            for c in found
        ],
    )


@router.get("/cases/{reference}", response_model=CaseOut, responses=NOT_FOUND_ERRORS, tags=["cases"])
def get_case(request: Request, reference: str = ReferencePath, user: User = Depends(api_user)) -> Any:
    """One case with everything; the view is written to the audit log."""
    return case_out(request, context_of(request).repository.get_case(reference, user))


@router.post("/cases/{reference}/take", response_model=CaseOut, responses=NOT_FOUND_ERRORS, tags=["cases"])
def take(request: Request, reference: str = ReferencePath, user: User = Depends(api_user)) -> Any:
    context_of(request).repository.take(reference, user)
    return case_out(request, context_of(request).repository.get_case(reference, user, record_view=False))


@router.post("/cases/{reference}/assign", response_model=CaseOut, responses={**NOT_FOUND_ERRORS}, tags=["cases"])
def assign(request: Request, body: AssignIn, reference: str = ReferencePath, user: User = Depends(api_user)) -> Any:
    context_of(request).repository.assign(reference, user, body.assignee_id)
    return case_out(request, context_of(request).repository.get_case(reference, user, record_view=False))


@router.post(
    "/cases/{reference}/status",
    response_model=CaseOut,
    responses={**NOT_FOUND_ERRORS, 409: {"model": ApiError}},
    tags=["cases"],
)
def set_status(request: Request, body: StatusIn, reference: str = ReferencePath, user: User = Depends(api_user)) -> Any:
    """Move the case: nouveau → en_cours/en_attente/clos, en_cours ⇄ en_attente, → clos, clos → en_cours (reopen)."""
    context_of(request).repository.set_status(reference, user, body.status.value)
    return case_out(request, context_of(request).repository.get_case(reference, user, record_view=False))


@router.post(
    "/cases/{reference}/notes", response_model=NoteOut, status_code=201, responses={**NOT_FOUND_ERRORS}, tags=["cases"]
)
def add_note(request: Request, body: NoteIn, reference: str = ReferencePath, user: User = Depends(api_user)) -> Any:
    """A private note, read by advisors only."""
    note = context_of(request).repository.add_note(reference, user, _clean(body.body))
    return NoteOut(id=note.id, author=user.email, body=note.body, created_at=note.created_at)


@router.post(
    "/cases/{reference}/calls",
    response_model=CallAttemptOut,
    status_code=201,
    responses={**NOT_FOUND_ERRORS},
    tags=["cases"],
)
def add_call(
    request: Request, body: CallAttemptIn, reference: str = ReferencePath, user: User = Depends(api_user)
) -> Any:
    """The outcome of a call; the first « joint » sets the first contact."""
    attempt = context_of(request).repository.add_call_attempt(reference, user, body.outcome.value, _clean(body.comment))
    return CallAttemptOut(
        id=attempt.id, author=user.email, outcome=attempt.outcome, comment=attempt.comment, at=attempt.at
    )


@router.get(
    "/cases/{reference}/personal-data", response_model=dict[str, Any], responses=NOT_FOUND_ERRORS, tags=["supervision"]
)
def export_personal_data(
    request: Request, reference: str = ReferencePath, user: User = Depends(supervisor_user)
) -> Any:
    """Everything stored about the person of this case (right of access). Supervisors; audited."""
    return context_of(request).repository.export_personal_data(reference, user)


@router.post("/cases/{reference}/erase", response_model=CaseOut, responses=NOT_FOUND_ERRORS, tags=["supervision"])
def erase(request: Request, reference: str = ReferencePath, user: User = Depends(supervisor_user)) -> Any:
    """Erase the person's data and close the case (codes and dates stay for statistics). Supervisors; audited."""
    context_of(request).erase(reference, user)
    return case_out(request, context_of(request).repository.get_case(reference, user, record_view=False))
