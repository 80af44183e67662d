"""The privacy notice the artisan reads (GET /confidentialite), linked from the widget and the consent question.

Every figure comes from what the software does: the chamber's configuration (who, contact, data protection
officer, ``retention_days``, ``max_case_age_days``) and ``RELAIS_TRACKER_RETENTION_DAYS`` (cases.retention
applies exactly these). No session and no cookie: anyone may read it.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from cases import retention
from inbox.context import context_of
from inbox.pages.rendering import templates

router = APIRouter()
PRIVACY_PATH = "/confidentialite"


def tracker_retention_days() -> int:
    return int(retention.tracker_retention_days())


@router.get(PRIVACY_PATH, response_class=HTMLResponse, include_in_schema=False)
def privacy_notice(request: Request) -> HTMLResponse:
    context = context_of(request)
    return templates.TemplateResponse(
        request,
        "privacy.html",
        {
            "chamber": context.default_chamber,
            "tracker_days": tracker_retention_days(),
        },
    )
