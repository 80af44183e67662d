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
from ops import clock
from places import departement_code

router = APIRouter()

ALERT_URGENCIES = ("critique", "haute")
LIVE_REQUEST_LABEL = "Demande d'échange en direct"


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
    """The queue's rows; the artisans waiting for an advisor in the live chat first, the longest wait first."""
    context = context_of(request)
    now = utcnow()
    rows = [view_of(context, case, now) for case in context.repository.queue(user, filters)]
    live = context.live.states_of(user.chamber_id, [row.case.id for row in rows])
    for row in rows:
        row.live = live.get(row.case.id)
    waiting = sorted((r for r in rows if r.live and r.live.state == "waiting"), key=lambda r: r.live.requested_at)
    return waiting + [r for r in rows if not (r.live and r.live.state == "waiting")]


@router.get("/inbox", response_class=HTMLResponse, include_in_schema=False)
def queue_page(request: Request, user: User = Depends(page_user)) -> HTMLResponse:
    filters, chosen = filters_from(request, user)
    context_of(request).live.heartbeat(user, clock.now())  # present: the live chat may be offered
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
    context_of(request).live.heartbeat(user, clock.now())  # the queue's poll is the advisor's heartbeat
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
        # An artisan who just asked to write with an advisor now: announced like an urgent case.
        body["alerts"] += [
            {"reference": r.case.reference, "urgency": r.case.urgency, "label": LIVE_REQUEST_LABEL, "live": True}
            for r in rows
            if r.live and r.live.state == "waiting" and r.live.requested_at and r.live.requested_at > since_at
        ]
        body["rows_html"] = templates.get_template("_queue_rows.html").render(rows=rows, request=request)
        body["count"] = len(rows)
    return JSONResponse(body)
