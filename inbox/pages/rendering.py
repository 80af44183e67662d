"""What every page shares: the templates (with the French filters), the page context, flash messages and
redirects."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from inbox.auth import csrf_token, current_user
from inbox.context import context_of
from inbox.presentation import CATEGORY_LABELS, STATUS_LABELS, URGENCY_LABELS, register_filters

templates = Jinja2Templates(directory=str(Path(__file__).resolve().parents[1] / "templates"))
register_filters(templates.env)


def render(request: Request, template: str, status_code: int = 200, **values: Any) -> HTMLResponse:
    user = values.pop("user", None) or current_user(request)
    context = context_of(request)
    values.update(
        request=request,
        user=user,
        chamber=context.chamber(user.chamber_id) if user else context.default_chamber,
        csrf_token=csrf_token(request),
        flash=request.session.pop("flash", None),
        status_labels=STATUS_LABELS,
        urgency_labels=URGENCY_LABELS,
        category_labels=CATEGORY_LABELS,
    )
    return templates.TemplateResponse(request, template, values, status_code=status_code)


def flash(request: Request, message: str, kind: str = "info") -> None:
    request.session["flash"] = {"message": message, "kind": kind}


def safe_next(target: str | None) -> str:
    # Only a path of this site: "//evil.example" or "https://..." would be an open redirect.
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/inbox"


def see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"
