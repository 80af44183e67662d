"""Sessions through the API: log in (cookie and CSRF token), log out, who am I."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response

from cases.models import User
from inbox.auth import LoginRefused, attempt_login, open_session
from inbox.context import context_of
from inbox.deps import api_user
from inbox.schemas import ERRORS, ApiError, LoginIn, LoginOut, UserOut, user_out

router = APIRouter()


@router.post(
    "/auth/login",
    response_model=LoginOut,
    responses={400: {"model": ApiError}, 401: {"model": ApiError}, 429: {"model": ApiError}},
    tags=["auth"],
)
def login(request: Request, credentials: LoginIn) -> Any:
    """Open a session: the answer sets the `relais_session` cookie and gives the CSRF token."""
    address = request.client.host if request.client else "unknown"
    try:
        user = attempt_login(context_of(request), credentials.email, credentials.password, address)
    except LoginRefused as refused:
        headers = {"Retry-After": str(refused.retry_after_s)} if refused.retry_after_s else None
        return JSONResponse({"detail": refused.message}, status_code=refused.status_code, headers=headers)
    token = open_session(request, user)
    return LoginOut(user=user_out(user), csrf_token=token)


@router.post("/auth/logout", status_code=204, responses=ERRORS, tags=["auth"])
def logout(request: Request, user: User = Depends(api_user)) -> Response:
    """End every session of this user (API tokens stay valid)."""
    context_of(request).accounts.end_sessions(user.id)
    request.session.clear()
    return Response(status_code=204)


@router.get("/me", response_model=UserOut, responses=ERRORS, tags=["auth"])
def me(user: User = Depends(api_user)) -> Any:
    return user_out(user)
