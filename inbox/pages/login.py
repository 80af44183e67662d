"""Logging in and out (the login is throttled per address, inbox.auth)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from inbox.auth import LoginRefused, attempt_login, current_user, open_session
from inbox.context import context_of
from inbox.deps import checked_form
from inbox.pages.rendering import client_address, flash, render, safe_next, see_other

router = APIRouter()


@router.get("/login", response_class=HTMLResponse, include_in_schema=False)
def login_page(request: Request, suivant: str = "/inbox") -> Response:
    if current_user(request):
        return see_other(safe_next(suivant))
    return render(request, "login.html", next_url=safe_next(suivant), email="")


@router.post("/login", include_in_schema=False)
async def login(request: Request) -> Response:
    form = await checked_form(request)
    next_url = safe_next(form.get("suivant"))
    try:
        user = attempt_login(
            context_of(request), form.get("email", ""), form.get("password", ""), client_address(request)
        )
    except LoginRefused as refused:
        response = render(
            request,
            "login.html",
            status_code=refused.status_code,
            next_url=next_url,
            email=form.get("email", ""),
            error=refused.message,
        )
        if refused.retry_after_s:
            response.headers["Retry-After"] = str(refused.retry_after_s)
        return response
    open_session(request, user)
    return see_other(next_url)


@router.post("/logout", include_in_schema=False)
async def logout(request: Request) -> Response:
    await checked_form(request)
    user = current_user(request)
    if user:
        context_of(request).accounts.end_sessions(user.id)
    request.session.clear()
    flash(request, "Vous êtes déconnecté.")
    return see_other("/login")
