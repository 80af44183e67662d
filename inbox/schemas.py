"""The JSON API's request and response bodies (pydantic), and the error answers its routes document."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Any

from pydantic import BaseModel, Field

from cases.models import CALL_OUTCOMES, CATEGORIES, STATUSES, URGENCIES, User
from cases.reference import CROCKFORD_ALPHABET

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
    escalated: bool = Field(
        description="Open, held by nobody, the artisan never reached and past due_at: signalled to the supervisors."
    )


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


def user_out(user: User) -> UserOut:
    return UserOut(id=user.id, email=user.email, name=user.name, chamber_id=user.chamber_id, role=user.role)


ERRORS: dict[int | str, dict[str, Any]] = {400: {"model": ApiError}, 401: {"model": ApiError}, 403: {"model": ApiError}}
NOT_FOUND_ERRORS: dict[int | str, dict[str, Any]] = {**ERRORS, 404: {"model": ApiError}}
