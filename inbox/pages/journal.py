"""The audit trail and the accounts of the chamber, where a supervisor unlocks an advisor (supervisors)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from cases.models import User
from cases.reference import REFERENCE_PATTERN
from inbox.auth import unlock_account
from inbox.context import context_of
from inbox.deps import checked_form, page_supervisor
from inbox.pages.rendering import flash, render, see_other

router = APIRouter()


@router.get("/inbox/journal", response_class=HTMLResponse, include_in_schema=False)
def audit_page(
    request: Request, dossier: str = "", page: int = 1, user: User = Depends(page_supervisor)
) -> HTMLResponse:
    reference = dossier.strip().upper()
    reference = reference if REFERENCE_PATTERN.match(reference) else ""
    page = max(1, min(page, 10_000))
    per_page = 100
    events = context_of(request).audit.entries(
        user, reference or None, limit=per_page + 1, offset=(page - 1) * per_page
    )
    accounts = context_of(request).accounts.list_users(user.chamber_id)
    return render(
        request,
        "audit.html",
        user=user,
        events=events[:per_page],
        reference=reference,
        page=page,
        has_more=len(events) > per_page,
        accounts=accounts,
    )


@router.post("/inbox/comptes/{user_id}/debloquer", include_in_schema=False)
async def unlock_page(request: Request, user_id: int, user: User = Depends(page_supervisor)) -> Response:
    """A supervisor clears an account's failed logins (someone guessing kept an advisor out)."""
    await checked_form(request)
    try:
        unlocked = unlock_account(context_of(request), user, user_id)
    except LookupError:
        flash(request, "Compte introuvable.", "error")
    else:
        flash(request, f"Le compte de {unlocked.name} est débloqué : il peut se connecter de nouveau.")
    return see_other("/inbox/journal#comptes")
