"""One case: its page, and working it (take, assign, status, notes, calls); a person's data exported or
erased (supervisors)."""

from __future__ import annotations

import json

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from cases.errors import CaseNotFound, InvalidInput
from cases.live import merged_transcript
from cases.models import CALL_OUTCOMES, User
from cases.reference import REFERENCE_PATTERN
from inbox.context import context_of
from inbox.deps import checked_form, page_supervisor, page_user
from inbox.pages.rendering import flash, render, see_other
from inbox.presentation import (
    CALL_OUTCOME_LABELS,
    LIVE_STATE_LABELS,
    REOPEN_ACTION,
    STATUS_ACTIONS,
    STATUS_LABELS,
    default_closing_line,
)
from inbox.views import view_of
from ops import clock

router = APIRouter()


def case_url(reference: str) -> str:
    return f"/inbox/dossiers/{reference}"


def checked_reference(reference: str) -> str:
    if not REFERENCE_PATTERN.match(reference):
        raise CaseNotFound(reference)
    return reference


@router.get("/inbox/dossiers/{reference}", response_class=HTMLResponse, include_in_schema=False)
def case_page(request: Request, reference: str, user: User = Depends(page_user)) -> HTMLResponse:
    context = context_of(request)
    case = context.repository.get_case(checked_reference(reference), user)
    live = context.live.state_of_case(case.reference, user)
    live_messages = context.live.messages_after(case.id)
    context.live.heartbeat(user, clock.now())  # an advisor reading a case is present for the live chat
    return render(
        request,
        "case.html",
        user=user,
        view=view_of(context, case),
        live=live,
        live_label=LIVE_STATE_LABELS.get(live.state),
        conversation=merged_transcript(list(case.transcript), live_messages),
        closing_line=default_closing_line(context.chamber(case.chamber_id)),
        advisors=context.accounts.list_users(user.chamber_id),
        status_actions={**STATUS_ACTIONS, "reopen": REOPEN_ACTION},
        call_outcomes=[(code, CALL_OUTCOME_LABELS[code]) for code in CALL_OUTCOMES],
    )


@router.post("/inbox/dossiers/{reference}/prendre", include_in_schema=False)
async def take_case(request: Request, reference: str, user: User = Depends(page_user)) -> Response:
    await checked_form(request)
    context_of(request).repository.take(checked_reference(reference), user)
    flash(request, "Vous avez pris ce dossier en charge.")
    return see_other(case_url(reference))


@router.post("/inbox/dossiers/{reference}/attribuer", include_in_schema=False)
async def assign_case(request: Request, reference: str, user: User = Depends(page_user)) -> Response:
    form = await checked_form(request)
    raw = form.get("assignee_id", "")
    assignee_id = int(raw) if raw.isdigit() and len(raw) < 10 else None
    if raw and assignee_id is None:
        raise InvalidInput("assignee")
    case = context_of(request).repository.assign(checked_reference(reference), user, assignee_id)
    flash(request, f"Dossier attribué à {case.assignee.name}." if case.assignee else "Le dossier n'est plus attribué.")
    return see_other(case_url(reference))


@router.post("/inbox/dossiers/{reference}/statut", include_in_schema=False)
async def change_status(request: Request, reference: str, user: User = Depends(page_user)) -> Response:
    form = await checked_form(request)
    case = context_of(request).repository.set_status(checked_reference(reference), user, form.get("status", ""))
    flash(request, f"Statut : {STATUS_LABELS[case.status]}.")
    return see_other(case_url(reference))


@router.post("/inbox/dossiers/{reference}/notes", include_in_schema=False)
async def add_note(request: Request, reference: str, user: User = Depends(page_user)) -> Response:
    form = await checked_form(request)
    context_of(request).repository.add_note(
        checked_reference(reference), user, form.get("body", "").replace("\x00", "")
    )
    flash(request, "Note ajoutée.")
    return see_other(case_url(reference) + "#notes")


@router.post("/inbox/dossiers/{reference}/appels", include_in_schema=False)
async def add_call(request: Request, reference: str, user: User = Depends(page_user)) -> Response:
    form = await checked_form(request)
    attempt = context_of(request).repository.add_call_attempt(
        checked_reference(reference), user, form.get("outcome", ""), form.get("comment", "").replace("\x00", "")
    )
    flash(request, f"Appel noté : {CALL_OUTCOME_LABELS[attempt.outcome].lower()}.")
    return see_other(case_url(reference) + "#appels")


@router.get("/inbox/dossiers/{reference}/donnees", include_in_schema=False)
def export_personal_data(request: Request, reference: str, user: User = Depends(page_supervisor)) -> Response:
    data = context_of(request).repository.export_personal_data(checked_reference(reference), user)
    return Response(
        json.dumps(data, ensure_ascii=False, indent=2),
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="{reference}-donnees.json"'},
    )


@router.post("/inbox/dossiers/{reference}/effacer", include_in_schema=False)
async def erase_personal_data(request: Request, reference: str, user: User = Depends(page_supervisor)) -> Response:
    form = await checked_form(request)
    if form.get("confirmation", "").strip().upper() != reference:
        flash(request, "Pour effacer, recopiez la référence du dossier.", "error")
        return see_other(case_url(reference))
    context_of(request).erase(checked_reference(reference), user)
    flash(request, "Les données personnelles de ce dossier et sa conversation ont été effacées.")
    return see_other(case_url(reference))
