"""Who is asking: session cookie (pages, and the API from a browser) or API token (other tools)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from fastapi import Request
from sqlalchemy.orm import sessionmaker

from cases.models import User, utcnow
from cases.repository import CaseRepository
from chamber import Chamber
from inbox.security import AddressThrottle, hash_api_token, new_csrf_token, same_token, verify_password
from inbox.settings import InboxSettings

SESSION_MAX_AGE_S = 8 * 3600  # a working day


@dataclass
class InboxContext:
    """Everything the pages and the API share (one per application)."""

    settings: InboxSettings
    engine: object
    session_factory: sessionmaker
    repository: CaseRepository
    default_chamber: Chamber
    chambers: dict[str, Chamber]
    throttle: AddressThrottle = field(default_factory=AddressThrottle)

    def chamber(self, chamber_id: str) -> Chamber:
        return self.chambers.get(chamber_id, self.default_chamber)


def context_of(request: Request) -> InboxContext:
    return request.scope["relais_context"]


class LoginRefused(Exception):
    def __init__(self, status_code: int, message: str, retry_after_s: int | None = None):
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


def attempt_login(context: InboxContext, email: str, password: str, address: str) -> User:
    """The user if the password is right and nothing is locked; else LoginRefused (401 or 429)."""
    wait_s = context.throttle.blocked_for(address)
    if wait_s:
        raise _too_many(timedelta(seconds=wait_s))
    repository = context.repository
    user = repository.find_user_by_email(email or "")
    now: datetime = utcnow()
    if user is not None and user.locked_until is not None and user.locked_until > now:
        # Locked: the password is not even checked, so guessing on goes nowhere.
        context.throttle.record_failure(address)
        raise _too_many(user.locked_until - now)
    usable = user is not None and user.active
    if not verify_password(user.password_hash if usable else None, password or ""):
        context.throttle.record_failure(address)
        if user is not None:
            locked_until = repository.register_login_failure(user.id, now)
            if locked_until is not None and locked_until > now:
                raise _too_many(locked_until - now)
        raise LoginRefused(401, "Adresse e-mail ou mot de passe incorrect.")
    return repository.register_login_success(user.id)


def open_session(request: Request, user: User) -> str:
    """Start a fresh session (nothing kept from before the login); returns its CSRF token."""
    request.session.clear()
    token = new_csrf_token()
    request.session.update({"uid": user.id, "epoch": user.session_epoch, "csrf": token})
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
        user = context.repository.find_user_by_token_hash(hash_api_token(token)) if token else None
        method = "token"
    else:
        uid, epoch = request.session.get("uid"), request.session.get("epoch")
        if isinstance(uid, int):
            candidate = context.repository.get_user(uid)
            if candidate is not None and candidate.active and candidate.session_epoch == epoch:
                user = candidate
                method = "session"
    request.scope["relais_user"] = user
    request.scope["relais_auth_method"] = method if user else None
    return user


def auth_method(request: Request) -> str | None:
    current_user(request)
    return request.scope.get("relais_auth_method")
