"""The request dependencies of the pages and the API, in one place: who is asking, and may they.

Pages: ``page_user`` (else ``LoginRequired``: a redirect to the login page), ``page_supervisor`` (else
``SupervisorsOnly``), ``checked_form`` (a form without this session's CSRF token: ``CsrfRefused``).
API: ``api_user`` (a bearer token, or the session cookie with the ``X-CSRF-Token`` header on unsafe
methods; else ``Unauthenticated`` or ``ForbiddenError``), ``supervisor_user``, ``ReferencePath``.
The exceptions become French HTML (inbox.pages) or JSON (inbox.api) answers.
"""

from __future__ import annotations

from typing import Any

from fastapi import Depends, Path, Request
from fastapi.security import APIKeyCookie, HTTPBearer

from cases.models import User
from inbox.auth import auth_method, csrf_ok, current_user
from inbox.schemas import REFERENCE_REGEX

# ------------------------------------------------------------------------------------------ pages


class LoginRequired(Exception):
    pass


class CsrfRefused(Exception):
    pass


class SupervisorsOnly(Exception):
    pass


def page_user(request: Request) -> User:
    user = current_user(request)
    if user is None:
        raise LoginRequired()
    return user


def page_supervisor(request: Request) -> User:
    user = page_user(request)
    if not user.is_supervisor:
        raise SupervisorsOnly()
    return user


async def checked_form(request: Request) -> dict[str, str]:
    form = await request.form()
    token = form.get("csrf_token")
    if not csrf_ok(request, token if isinstance(token, str) else None):
        raise CsrfRefused()
    return {k: v for k, v in form.items() if isinstance(v, str)}


# ------------------------------------------------------------------------------------------ API


class ForbiddenError(Exception):
    pass


class Unauthenticated(Exception):
    pass


_bearer = HTTPBearer(auto_error=False, description="API token from `python -m inbox create-token`.")
_cookie = APIKeyCookie(name="relais_session", auto_error=False, description="Session from POST /auth/login.")


def api_user(request: Request, _bearer_token: Any = Depends(_bearer), _session: Any = Depends(_cookie)) -> User:
    user = current_user(request)
    if user is None:
        raise Unauthenticated()
    # A cookie is sent by the browser on its own: an unsafe request with one proves it comes from our pages.
    cookie_sent_change = request.method not in ("GET", "HEAD", "OPTIONS") and auth_method(request) == "session"
    if cookie_sent_change and not csrf_ok(request, request.headers.get("x-csrf-token")):
        raise ForbiddenError("Jeton CSRF manquant ou invalide (en-tête X-CSRF-Token).")
    return user


def supervisor_user(user: User = Depends(api_user)) -> User:
    if not user.is_supervisor:
        raise ForbiddenError("Réservé aux superviseurs.")
    return user


# The case reference in a URL of the API: anything else is a 422 before any query.
ReferencePath = Path(..., pattern=REFERENCE_REGEX, description="Case reference, e.g. RL-7K3Q9M")
