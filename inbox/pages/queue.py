"""The queue of the chamber's cases, its filters, and the live refresh the page polls."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse

from cases.models import CATEGORIES, OPEN_STATUSES, STATUSES, URGENCIES, User, utcnow
from cases.repository import QueueFilters
from inbox.context import context_of
from inbox.deps import page_user
from inbox.pages.rendering import render, templates
from inbox.presentation import URGENCY_LABELS
from inbox.views import CaseView, view_of
from places import departement_code

router = APIRouter()

ALERT_URGENCIES = ("critique", "haute")


def filters_from(request: Request, user: User) -> tuple[QueueFilters, dict[str, Any]]:
    params = request.query_params
    statuses = tuple(s for s in params.getlist("statut") if s in STATUSES) or OPEN_STATUSES
    category = params.get("categorie") if params.get("categorie") in CATEGORIES else None
    urgency = params.get("urgence") if params.get("urgence") in URGENCIES else None
    assignee = params.get("assigne") or None
    if assignee and not (assignee in ("me", "none") or (assignee.isdigit() and len(assignee) < 10)):
        assignee = None
    departement = departement_code(params.get("departement"))
    query = (params.get("q") or "").replace("\x00", "").strip()[:200] or None
    chosen = {
        "statut": list(statuses),
        "categorie": category,
        "urgence": urgency,
        "assigne": assignee,
        "departement": departement,
        "q": query,
    }
    return QueueFilters(statuses, category, urgency, assignee, departement, query), chosen


def queue_rows(request: Request, user: User, filters: QueueFilters) -> list[CaseView]:
    context = context_of(request)
    now = utcnow()
    return [view_of(context, case, now) for case in context.repository.queue(user, filters)]


@router.get("/inbox", response_class=HTMLResponse, include_in_schema=False)
def queue_page(request: Request, user: User = Depends(page_user)) -> HTMLResponse:
    filters, chosen = filters_from(request, user)
    rows = queue_rows(request, user, filters)
    urgent = [r for r in rows if r.case.urgency in ALERT_URGENCIES and r.case.status == "nouveau"]
    return render(
        request,
        "queue.html",
        user=user,
        rows=rows,
        urgent=urgent,
        chosen=chosen,
        advisors=context_of(request).accounts.list_users(user.chamber_id),
        statuses=STATUSES,
        categories=CATEGORIES,
        urgencies=URGENCIES,
        now_iso=utcnow().isoformat(),
        query_string=request.url.query,
    )


@router.get("/inbox/live", include_in_schema=False)
def queue_live(request: Request, since: str = "", user: User = Depends(page_user)) -> JSONResponse:
    """Polled by the queue page: new or changed cases since the last poll, and the fresh rows."""
    now = utcnow()
    try:
        since_at = datetime.fromisoformat(since)
        if since_at.tzinfo is None:
            raise ValueError
    except ValueError:
        since_at = now - timedelta(seconds=30)
    repository = context_of(request).repository
    changed = repository.changed_since(user, since_at)
    body: dict[str, Any] = {"now": now.isoformat(), "changed": bool(changed), "alerts": []}
    if changed:
        body["alerts"] = [
            {"reference": c.reference, "urgency": c.urgency, "label": URGENCY_LABELS[c.urgency]}
            for c in changed
            if c.created_at > since_at and c.urgency in ALERT_URGENCIES and c.status == "nouveau"
        ]
        filters, _ = filters_from(request, user)
        rows = queue_rows(request, user, filters)
        body["rows_html"] = templates.get_template("_queue_rows.html").render(rows=rows, request=request)
        body["count"] = len(rows)
    return JSONResponse(body)
