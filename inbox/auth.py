"""Who is asking: session cookie (pages, and the API from a browser) or API token (other tools)."""

from __future__ import annotations

import time
from datetime import timedelta

from fastapi import Request

from cases.accounts import email_key
from cases.models import User, utcnow
from inbox.context import InboxContext, context_of
from inbox.security import hash_api_token, new_csrf_token, same_token, verify_password

SESSION_MAX_AGE_S = 8 * 3600  # idle: the cookie's lifetime, renewed by each answer
SESSION_ABSOLUTE_S = 12 * 3600  # however active: a session opened in the morning ends in the evening


class LoginRefused(Exception):
    def __init__(self, status_code: int, message: str, retry_after_s: int | None = None) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.message = message
        self.retry_after_s = retry_after_s


def _minutes(span: timedelta) -> str:
    minutes = max(1, int(span.total_seconds() // 60) + (1 if span.total_seconds() % 60 else 0))
    return "1 minute" if minutes == 1 else f"{minutes} minutes"


def _too_many(span: timedelta) -> LoginRefused:
    return LoginRefused(
        429,
        f"Trop de tentatives de connexion. Par sécurité, réessayez dans {_minutes(span)}.",
        int(span.total_seconds()) + 1,
    )


def login_key(email: str) -> str:
    return email_key(email)[:320]


def attempt_login(context: InboxContext, email: str, password: str, address: str) -> User:
    """The user if the password is right and this address may try this account; else LoginRefused (401 or 429).

    Known and unknown e-mails go the same way (inbox.security.LoginThrottle): no account is ever locked,
    only an address that keeps guessing.
    """
    key = login_key(email)
    wait_s = context.throttle.blocked_for(address, key)
    if wait_s:
        raise _too_many(timedelta(seconds=wait_s))
    accounts = context.accounts
    user = accounts.find_user_by_email(key)
    # Verified even without a usable account: the answer takes as long either way.
    verified = verify_password(user.password_hash if user is not None and user.active else None, password or "")
    if user is None or not verified:
        context.throttle.record_failure(address, key)
        if user is not None:
            accounts.register_login_failure(user.id, utcnow())  # counted for the audit trail, locks nothing
        raise LoginRefused(401, "Adresse e-mail ou mot de passe incorrect.")
    context.throttle.record_success(address, key)
    return accounts.register_login_success(user.id)


def unlock_account(context: InboxContext, supervisor: User, user_id: int) -> User:
    """A supervisor clears the failed-login counts of an account of their chamber (audited)."""
    user = context.accounts.get_user(user_id)
    if user is None or user.chamber_id != supervisor.chamber_id:
        raise LookupError(user_id)
    context.throttle.unlock(login_key(user.email))
    return context.accounts.unlock_user(user.id, supervisor)


def open_session(request: Request, user: User) -> str:
    """Start a fresh session (nothing kept from before the login); returns its CSRF token."""
    request.session.clear()
    token = new_csrf_token()
    request.session.update({"uid": user.id, "epoch": user.session_epoch, "csrf": token, "since": int(time.time())})
    return token


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = new_csrf_token()
        request.session["csrf"] = token
    return token


def csrf_ok(request: Request, given: str | None) -> bool:
    return same_token(request.session.get("csrf"), given)


def current_user(request: Request) -> User | None:
    if "relais_user" in request.scope:
        return request.scope["relais_user"]
    context = context_of(request)
    user: User | None = None
    method = None
    authorization = request.headers.get("authorization", "")
    if authorization.lower().startswith("bearer "):
        token = authorization[7:].strip()
        user = context.accounts.find_user_by_token_hash(hash_api_token(token)) if token else None
        method = "token"
    else:
        uid, epoch, since = request.session.get("uid"), request.session.get("epoch"), request.session.get("since")
        fresh = isinstance(since, int) and 0 <= time.time() - since < SESSION_ABSOLUTE_S
        if isinstance(uid, int) and not fresh:
            request.session.clear()  # past its absolute lifetime (or from before it existed): log in again
        elif isinstance(uid, int):
            candidate = context.accounts.get_user(uid)
            if candidate is not None and candidate.active and candidate.session_epoch == epoch:
                user = candidate
                method = "session"
    request.scope["relais_user"] = user
    request.scope["relais_auth_method"] = method if user else None
    return user


def auth_method(request: Request) -> str | None:
    current_user(request)
    return request.scope.get("relais_auth_method")
