"""The JSON API under /api/v1, with the same rights as the pages (OpenAPI: /api/v1/openapi.json).

Authentication: the session cookie from ``POST /api/v1/auth/login`` (then unsafe methods need the
``X-CSRF-Token`` header with the token that login returned), or ``Authorization: Bearer <token>`` with a
token from ``python -m inbox create-token`` (no CSRF token needed).
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from enum import Enum
from typing import Any, overload

from fastapi import Depends, FastAPI, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from fastapi.security import APIKeyCookie, HTTPBearer
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from cases.models import CALL_OUTCOMES, CATEGORIES, STATUSES, URGENCIES, Case, User, utcnow
from cases.reference import CROCKFORD_ALPHABET
from cases.repository import CaseNotFound, InvalidInput, InvalidTransition, QueueFilters
from inbox.auth import (
    LoginRefused,
    attempt_login,
    auth_method,
    context_of,
    csrf_ok,
    current_user,
    open_session,
    unlock_account,
)
from inbox.pages import csv_export
from inbox.views import view_of
from places import DEPARTEMENT_CODE_PATTERN, departement_code

REFERENCE_REGEX = rf"^RL-[{CROCKFORD_ALPHABET}]{{6}}$"
MAX_ID = 2**31 - 1

# Members from the models' tuples (one source), which mypy cannot enumerate.
Status = Enum("Status", {s: s for s in STATUSES}, type=str)  # type: ignore[misc]
Urgency = Enum("Urgency", {u: u for u in URGENCIES}, type=str)  # type: ignore[misc]
Category = Enum("Category", {c: c for c in CATEGORIES}, type=str)  # type: ignore[misc]
CallOutcome = Enum("CallOutcome", {c: c for c in CALL_OUTCOMES}, type=str)  # type: ignore[misc]


class ApiModel(BaseModel):
    class Config:
        @staticmethod
        def schema_extra(schema: dict[str, Any], model: type[BaseModel]) -> None:
            # Pydantic 1 leaves `null` out of Optional fields' JSON schema: say it, so the document is true.
            for field in model.__fields__.values():
                prop = schema.get("properties", {}).get(field.alias)
                if field.allow_none and prop is not None and "anyOf" not in prop:
                    schema["properties"][field.alias] = {"anyOf": [prop, {"type": "null"}], "title": prop.get("title")}


class ApiError(BaseModel):
    detail: str


class LoginIn(ApiModel):
    email: str = Field(..., max_length=320)
    password: str = Field(..., max_length=1000)


class UserOut(ApiModel):
    id: int
    email: str
    name: str
    chamber_id: str
    role: str


class LoginOut(ApiModel):
    user: UserOut
    csrf_token: str = Field(description="Send it as X-CSRF-Token with POST requests made with the session cookie.")


class AssigneeOut(ApiModel):
    id: int
    name: str
    email: str


class WaitOut(ApiModel):
    waited_minutes: int
    target: str = Field(description="The target in French, e.g. « dans la journée ».")
    due_at: datetime
    late: bool
    contacted: bool


class CaseSummaryOut(ApiModel):
    reference: str
    status: str
    urgency: str | None
    categories: list[str]
    distress: bool
    summary: str
    contact_name: str | None
    departement: str | None
    assignee: AssigneeOut | None
    created_at: datetime
    updated_at: datetime
    first_contact_at: datetime | None
    wait: WaitOut


class NoteOut(ApiModel):
    id: int
    author: str | None
    body: str
    created_at: datetime


class CallAttemptOut(ApiModel):
    id: int
    author: str | None
    outcome: str
    comment: str
    at: datetime


class ConsentOut(ApiModel):
    version: str | None
    at: datetime | None
    health: bool


class CaseOut(CaseSummaryOut):
    chamber_id: str
    reasons: dict[str, list[str]]
    situation: dict[str, Any]
    guidance: list[dict[str, Any]]
    phone: str | None
    email: str | None
    callback_slot: str | None
    consent: ConsentOut
    transcript: list[dict[str, Any]]
    notes: list[NoteOut]
    call_attempts: list[CallAttemptOut]
    closed_at: datetime | None
    erased_at: datetime | None
    next_statuses: list[str]


class CaseChangeOut(ApiModel):
    reference: str
    urgency: str | None
    status: str
    created_at: datetime
    updated_at: datetime


class ChangesOut(ApiModel):
    now: datetime
    cases: list[CaseChangeOut]


class AssignIn(ApiModel):
    assignee_id: int | None = Field(None, ge=1, le=MAX_ID, description="null to unassign")


class StatusIn(ApiModel):
    status: Status


class NoteIn(ApiModel):
    body: str = Field(..., min_length=1, max_length=10_000)


class CallAttemptIn(ApiModel):
    outcome: CallOutcome
    comment: str = Field("", max_length=2_000)


class AuditEventOut(ApiModel):
    id: int
    at: datetime
    actor: str
    action: str
    case_reference: str | None
    detail: dict[str, Any]


class StatsOut(ApiModel):
    weeks: list[str]
    cases_per_week: dict[str, dict[str, int]]
    urgency_mix: dict[str, int]
    median_hours_to_first_contact: dict[str, float | None] = Field(
        ..., description="null for an urgency without any first contact yet"
    )
    total: int

    class Config:
        @staticmethod
        def schema_extra(schema: dict[str, Any], model: type[BaseModel]) -> None:
            medians = schema["properties"]["median_hours_to_first_contact"]
            medians["additionalProperties"] = {"anyOf": [{"type": "number"}, {"type": "null"}]}


class ForbiddenError(Exception):
    pass


class Unauthenticated(Exception):
    pass


_bearer = HTTPBearer(auto_error=False, description="API token from `python -m inbox create-token`.")
_cookie = APIKeyCookie(name="relais_session", auto_error=False, description="Session from POST /auth/login.")


def api_user(request: Request, _bearer_token=Depends(_bearer), _session=Depends(_cookie)) -> User:  # noqa: ANN001
    user = current_user(request)
    if user is None:
        raise Unauthenticated()
    # A cookie is sent by the browser on its own: prove the request comes from our pages.
    if (
        request.method not in ("GET", "HEAD", "OPTIONS")
        and auth_method(request) == "session"
        and not csrf_ok(request, request.headers.get("x-csrf-token"))
    ):
        raise ForbiddenError("Jeton CSRF manquant ou invalide (en-tête X-CSRF-Token).")
    return user


def supervisor_user(user: User = Depends(api_user)) -> User:
    if not user.is_supervisor:
        raise ForbiddenError("Réservé aux superviseurs.")
    return user


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
            AssigneeOut(id=case.assignee.id, name=case.assignee.name, email=case.assignee.email) if case.assignee else None
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
        notes=[NoteOut(id=n.id, author=n.author.email if n.author else None, body=n.body, created_at=n.created_at) for n in case.notes],
        call_attempts=[
            CallAttemptOut(id=a.id, author=a.author.email if a.author else None, outcome=a.outcome, comment=a.comment, at=a.at)
            for a in case.call_attempts
        ],
        closed_at=case.closed_at,
        erased_at=case.erased_at,
        next_statuses=list(view.next_statuses),
    )


def user_out(user: User) -> UserOut:
    return UserOut(id=user.id, email=user.email, name=user.name, chamber_id=user.chamber_id, role=user.role)


ReferencePath = Path(..., pattern=REFERENCE_REGEX, description="Case reference, e.g. RL-7K3Q9M")
ERRORS: dict[int | str, dict[str, Any]] = {400: {"model": ApiError}, 401: {"model": ApiError}, 403: {"model": ApiError}}
NOT_FOUND_ERRORS: dict[int | str, dict[str, Any]] = {**ERRORS, 404: {"model": ApiError}}


def create_api() -> FastAPI:
    api = FastAPI(
        title="Relais · API des dossiers",
        version="1.0.0",
        description=__doc__,
        openapi_url="/openapi.json",
        docs_url=None,  # the interactive docs would load scripts from a CDN
        redoc_url=None,
    )

    @api.exception_handler(Unauthenticated)
    async def _unauthenticated(_request: Request, _exc: Unauthenticated) -> JSONResponse:
        return JSONResponse({"detail": "Authentification requise."}, status_code=401,
                            headers={"WWW-Authenticate": "Bearer"})

    @api.exception_handler(ForbiddenError)
    async def _forbidden(_request: Request, exc: ForbiddenError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=403)

    @api.exception_handler(CaseNotFound)
    async def _not_found(_request: Request, _exc: CaseNotFound) -> JSONResponse:
        return JSONResponse({"detail": "Dossier introuvable."}, status_code=404)

    @api.exception_handler(InvalidTransition)
    async def _conflict(_request: Request, exc: InvalidTransition) -> JSONResponse:
        return JSONResponse({"detail": f"Changement de statut impossible : {exc}."}, status_code=409)

    @api.exception_handler(InvalidInput)
    async def _invalid(_request: Request, exc: InvalidInput) -> JSONResponse:
        # The same shape as FastAPI's own validation errors: one kind of 422 for clients.
        return JSONResponse({"detail": [{"loc": ["body"], "msg": str(exc), "type": "value_error"}]}, status_code=422)

    @api.exception_handler(HTTPException)
    async def _http(_request: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=getattr(exc, "headers", None))

    # ------------------------------------------------------------------ auth

    @api.post("/auth/login", response_model=LoginOut, responses={400: {"model": ApiError}, 401: {"model": ApiError}, 429: {"model": ApiError}},
              tags=["auth"])
    def login(request: Request, credentials: LoginIn) -> Any:
        """Open a session: the answer sets the `relais_session` cookie and gives the CSRF token."""
        address = request.client.host if request.client else "unknown"
        try:
            user = attempt_login(context_of(request), credentials.email, credentials.password, address)
        except LoginRefused as refused:
            headers = {"Retry-After": str(refused.retry_after_s)} if refused.retry_after_s else None
            return JSONResponse({"detail": refused.message}, status_code=refused.status_code, headers=headers)
        token = open_session(request, user)
        return LoginOut(user=user_out(user), csrf_token=token)

    @api.post("/auth/logout", status_code=204, responses=ERRORS, tags=["auth"])
    def logout(request: Request, user: User = Depends(api_user)) -> Response:
        """End every session of this user (API tokens stay valid)."""
        context_of(request).repository.end_sessions(user.id)
        request.session.clear()
        return Response(status_code=204)

    @api.get("/me", response_model=UserOut, responses=ERRORS, tags=["auth"])
    def me(user: User = Depends(api_user)) -> Any:
        return user_out(user)

    @api.get("/users", response_model=list[UserOut], responses=ERRORS, tags=["auth"])
    def users(request: Request, user: User = Depends(api_user)) -> Any:
        """The active advisors and supervisors of your chamber (to assign a case)."""
        return [user_out(u) for u in context_of(request).repository.list_users(user.chamber_id)]

    @api.post("/users/{user_id}/unlock", status_code=204, responses=NOT_FOUND_ERRORS, tags=["supervision"])
    def unlock(request: Request, user_id: int = Path(ge=1, le=2**63 - 1),  # a database integer
               user: User = Depends(supervisor_user)) -> Response:
        """Forget an account's failed logins (an advisor kept out by someone guessing): supervisors, own chamber."""
        try:
            unlock_account(context_of(request), user, user_id)
        except LookupError:
            return JSONResponse({"detail": "Compte introuvable."}, status_code=404)
        return Response(status_code=204)

    # ------------------------------------------------------------------ cases

    @api.get("/cases", response_model=list[CaseSummaryOut], responses={**ERRORS}, tags=["cases"])
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
        filters = QueueFilters(limit=limit, offset=offset, category=category.value if category else None,
                               urgency=urgency.value if urgency else None, assignee=assignee,
                               departement=departement_code(departement), query=_clean(q))
        if status:
            filters.statuses = tuple(s.value for s in status)
        now = utcnow()
        return [summary_out(request, case, now) for case in context_of(request).repository.queue(user, filters)]

    @api.get("/cases/changes", response_model=ChangesOut, responses={**ERRORS}, tags=["cases"])
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
        return ChangesOut(now=utcnow(), cases=[
            CaseChangeOut(reference=c.reference, urgency=c.urgency, status=c.status, created_at=c.created_at,
                          updated_at=c.updated_at)
            for c in found
        ])

    @api.get("/cases/{reference}", response_model=CaseOut, responses=NOT_FOUND_ERRORS, tags=["cases"])
    def get_case(request: Request, reference: str = ReferencePath, user: User = Depends(api_user)) -> Any:
        """One case with everything; the view is written to the audit log."""
        return case_out(request, context_of(request).repository.get_case(reference, user))

    @api.post("/cases/{reference}/take", response_model=CaseOut, responses=NOT_FOUND_ERRORS, tags=["cases"])
    def take(request: Request, reference: str = ReferencePath, user: User = Depends(api_user)) -> Any:
        context_of(request).repository.take(reference, user)
        return case_out(request, context_of(request).repository.get_case(reference, user, record_view=False))

    @api.post("/cases/{reference}/assign", response_model=CaseOut, responses={**NOT_FOUND_ERRORS},
              tags=["cases"])
    def assign(request: Request, body: AssignIn, reference: str = ReferencePath, user: User = Depends(api_user)) -> Any:
        context_of(request).repository.assign(reference, user, body.assignee_id)
        return case_out(request, context_of(request).repository.get_case(reference, user, record_view=False))

    @api.post("/cases/{reference}/status", response_model=CaseOut,
              responses={**NOT_FOUND_ERRORS, 409: {"model": ApiError}}, tags=["cases"])
    def set_status(request: Request, body: StatusIn, reference: str = ReferencePath, user: User = Depends(api_user)) -> Any:
        """Move the case: nouveau → en_cours/en_attente/clos, en_cours ⇄ en_attente, → clos, clos → en_cours (reopen)."""
        context_of(request).repository.set_status(reference, user, body.status.value)
        return case_out(request, context_of(request).repository.get_case(reference, user, record_view=False))

    @api.post("/cases/{reference}/notes", response_model=NoteOut, status_code=201,
              responses={**NOT_FOUND_ERRORS}, tags=["cases"])
    def add_note(request: Request, body: NoteIn, reference: str = ReferencePath, user: User = Depends(api_user)) -> Any:
        """A private note, read by advisors only."""
        note = context_of(request).repository.add_note(reference, user, _clean(body.body))
        return NoteOut(id=note.id, author=user.email, body=note.body, created_at=note.created_at)

    @api.post("/cases/{reference}/calls", response_model=CallAttemptOut, status_code=201,
              responses={**NOT_FOUND_ERRORS}, tags=["cases"])
    def add_call(request: Request, body: CallAttemptIn, reference: str = ReferencePath, user: User = Depends(api_user)) -> Any:
        """The outcome of a call; the first « joint » sets the first contact."""
        attempt = context_of(request).repository.add_call_attempt(reference, user, body.outcome.value, _clean(body.comment))
        return CallAttemptOut(id=attempt.id, author=user.email, outcome=attempt.outcome, comment=attempt.comment, at=attempt.at)

    @api.get("/cases/{reference}/personal-data", response_model=dict[str, Any], responses=NOT_FOUND_ERRORS, tags=["supervision"])
    def export_personal_data(request: Request, reference: str = ReferencePath, user: User = Depends(supervisor_user)) -> Any:
        """Everything stored about the person of this case (right of access). Supervisors; audited."""
        return context_of(request).repository.export_personal_data(reference, user)

    @api.post("/cases/{reference}/erase", response_model=CaseOut, responses=NOT_FOUND_ERRORS, tags=["supervision"])
    def erase(request: Request, reference: str = ReferencePath, user: User = Depends(supervisor_user)) -> Any:
        """Erase the person's data and close the case (codes and dates stay for statistics). Supervisors; audited."""
        context_of(request).erase(reference, user)
        return case_out(request, context_of(request).repository.get_case(reference, user, record_view=False))

    # ------------------------------------------------------------------ supervision

    @api.get("/audit", response_model=list[AuditEventOut], responses={**ERRORS}, tags=["supervision"])
    def audit(
        request: Request,
        case_reference: str | None = Query(None, pattern=REFERENCE_REGEX),
        limit: int = Query(200, ge=1, le=1000),
        offset: int = Query(0, ge=0, le=1_000_000),
        user: User = Depends(supervisor_user),
    ) -> Any:
        """Who viewed or changed what and when, newest first. Supervisors."""
        events = context_of(request).repository.audit_log(user, case_reference, limit=limit, offset=offset)
        return [
            AuditEventOut(id=e.id, at=e.at, actor=e.actor_label, action=e.action, case_reference=e.case_reference, detail=e.detail)
            for e in events
        ]

    @api.get("/stats", response_model=StatsOut, responses={**ERRORS}, tags=["supervision"])
    def stats(request: Request, weeks: int = Query(12, ge=1, le=104), user: User = Depends(supervisor_user)) -> Any:
        """Cases per week by primary category, urgency mix, median hours to first contact. Supervisors."""
        result = context_of(request).repository.statistics(user, weeks=weeks)
        return StatsOut(weeks=result.weeks, cases_per_week=result.cases_per_week, urgency_mix=result.urgency_mix,
                        median_hours_to_first_contact=result.median_first_contact_hours(), total=result.total)

    @api.get("/stats/cases.csv", responses={**ERRORS, 200: {"content": {"text/csv": {}}}}, response_class=Response,
             tags=["supervision"])
    def stats_csv(request: Request, user: User = Depends(supervisor_user)) -> Response:
        """One row per case (codes and dates, no personal data), semicolon-separated. Supervisors; audited."""
        rows = context_of(request).repository.export_rows(user)
        return Response(csv_export(rows), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="relais-dossiers.csv"'})

    return api

