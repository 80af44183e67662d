"""The queue of the chamber's cases, its filters, and the live refresh the page polls."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse

from cases.limits import held_for_review
from cases.models import CATEGORIES, OPEN_STATUSES, STATUSES, URGENCIES, Case, User, utcnow
from cases.repository import QueueFilters
from inbox.context import context_of
from inbox.deps import page_user
from inbox.pages.rendering import render, templates
from inbox.presentation import CATEGORY_LABELS, URGENCY_LABELS
from inbox.views import CaseView, escalated_views, view_of
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
        escalations=escalated_views(context_of(request), user) if user.is_supervisor else [],
        chosen=chosen,
        advisors=context_of(request).accounts.list_users(user.chamber_id),
        statuses=STATUSES,
        categories=CATEGORIES,
        urgencies=URGENCIES,
        now_iso=utcnow().isoformat(),
        query_string=request.url.query,
    )


def alert_of(case: Case, kind: str) -> dict[str, Any]:
    """What the page may put in a browser notification: reference, urgency and category words, nothing
    about the person (a notification shows on a locked screen)."""
    return {
        # "new": a new critical or high case; "escalation": unassigned past its target; "live": an artisan asks
        # to write with an advisor now (the page calls RelaisInbox.notifyLiveRequest)
        "kind": kind,
        "reference": case.reference,
        "urgency": case.urgency,
        "label": URGENCY_LABELS[case.urgency],
        "categories": [CATEGORY_LABELS.get(c, c) for c in case.categories],
    }


@router.get("/inbox/live", include_in_schema=False)
def queue_live(request: Request, since: str = "", user: User = Depends(page_user)) -> JSONResponse:
    """Polled by the queue page: new or changed cases since the last poll, and the fresh rows. A case that
    escalated since then (its target time passed in between) refreshes the rows; supervisors are alerted."""
    now = utcnow()
    try:
        since_at = datetime.fromisoformat(since)
        if since_at.tzinfo is None:
            raise ValueError
    except ValueError:
        since_at = now - timedelta(seconds=30)
    context = context_of(request)
    context.live.heartbeat(user, clock.now())  # the queue's poll is the advisor's heartbeat
    changed = context.repository.changed_since(user, since_at)
    # Everyone's rows gain the flag when a case escalates; supervisors alone are alerted and get the section.
    escalations = escalated_views(context, user, now)
    newly_escalated = [v.case for v in escalations if since_at < v.wait.due_at <= now]
    body: dict[str, Any] = {"now": now.isoformat(), "changed": bool(changed or newly_escalated), "alerts": []}
    body["alerts"] = [
        alert_of(c, "new")
        for c in changed
        if c.created_at > since_at
        and c.urgency in ALERT_URGENCIES
        and c.status == "nouveau"
        and not held_for_review(c.reasons)  # a script's flood rings nobody (actions.abuse)
    ] + [alert_of(c, "escalation") for c in newly_escalated if user.is_supervisor]
    if body["changed"]:
        filters, _ = filters_from(request, user)
        rows = queue_rows(request, user, filters)
        # An artisan who just asked to write with an advisor now: announced like an urgent case.
        body["alerts"] += [
            {**alert_of(r.case, "live"), "label": LIVE_REQUEST_LABEL}
            for r in rows
            if r.live and r.live.state == "waiting" and r.live.requested_at and r.live.requested_at > since_at
        ]
        body["rows_html"] = templates.get_template("_queue_rows.html").render(rows=rows, request=request)
        body["count"] = len(rows)
        if user.is_supervisor:
            body["escalations_html"] = templates.get_template("_escalations.html").render(
                escalations=escalations, request=request
            )
            body["escalations_count"] = len(escalations)
    return JSONResponse(body)
