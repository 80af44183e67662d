"""The advisor's own page: how the artisan sees them in the live chat (``GET``/``POST /inbox/profil``).

The live chat announces "Paul, conseiller de la chambre, a rejoint la conversation.": the name and the role
word are each advisor's (``User.live_name``, ``User.live_role``), blank for the defaults (the first name of the
account, the chamber's ``live_chat.advisor_role``)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from cases.errors import InvalidInput
from cases.live import first_name, joined_line, shown_name, shown_role
from cases.models import User
from inbox.context import context_of
from inbox.deps import checked_form, page_user
from inbox.pages.rendering import flash, render, see_other

router = APIRouter()
PROFILE_PATH = "/inbox/profil"


def _page(request: Request, user: User, status_code: int = 200, error: str | None = None, **typed: str) -> HTMLResponse:
    chamber_word = context_of(request).chamber(user.chamber_id).live_advisor_role
    return render(
        request,
        "profile.html",
        status_code=status_code,
        user=user,
        live_name=typed.get("live_name", user.live_name or ""),
        live_role=typed.get("live_role", user.live_role or ""),
        default_name=first_name(user.name),
        default_role=chamber_word,
        preview=joined_line(shown_name(user), shown_role(user, chamber_word)),
        error=error,
    )


@router.get(PROFILE_PATH, response_class=HTMLResponse, include_in_schema=False)
def profile(request: Request, user: User = Depends(page_user)) -> HTMLResponse:
    return _page(request, user)


@router.post(PROFILE_PATH, include_in_schema=False)
async def save_profile(request: Request, user: User = Depends(page_user)) -> Response:
    form = await checked_form(request)
    typed = {"live_name": form.get("live_name", ""), "live_role": form.get("live_role", "")}
    try:
        context_of(request).accounts.set_live_identity(user.id, typed["live_name"], typed["live_role"])
    except InvalidInput:
        message = "Le prénom et le mot de la fonction ne contiennent que des lettres, espaces, tirets ou apostrophes (40 au plus)."
        return _page(request, user, 422, message, **typed)
    flash(request, "C'est enregistré : voici comment l'artisan vous verra désormais.")
    return see_other(PROFILE_PATH)
