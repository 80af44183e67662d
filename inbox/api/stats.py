"""Statistics and the per-case export (supervisors)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from cases.models import User
from inbox.context import context_of
from inbox.deps import supervisor_user
from inbox.exports import csv_export
from inbox.schemas import ERRORS, StatsOut

router = APIRouter()


@router.get("/stats", response_model=StatsOut, responses={**ERRORS}, tags=["supervision"])
def stats(request: Request, weeks: int = Query(12, ge=1, le=104), user: User = Depends(supervisor_user)) -> Any:
    """Cases per week by primary category, urgency mix, median hours to first contact. Supervisors."""
    context = context_of(request)
    result = context.statistics.weekly(user, weeks=weeks, zone=context.zone_of(user))
    return StatsOut(
        weeks=result.weeks,
        cases_per_week=result.cases_per_week,
        urgency_mix=result.urgency_mix,
        median_hours_to_first_contact=result.median_first_contact_hours(),
        total=result.total,
    )


@router.get(
    "/stats/cases.csv",
    responses={**ERRORS, 200: {"content": {"text/csv": {}}}},
    response_class=Response,
    tags=["supervision"],
)
def stats_csv(request: Request, user: User = Depends(supervisor_user)) -> Response:
    """One row per case (codes and dates, no personal data), semicolon-separated. Supervisors; audited."""
    context = context_of(request)
    rows = context.statistics.export_rows(user, zone=context.zone_of(user))
    return Response(
        csv_export(rows),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="relais-dossiers.csv"'},
    )
