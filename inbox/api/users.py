"""The chamber's accounts: the list to assign a case, and a supervisor's unlock."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import JSONResponse, Response

from cases.models import User
from inbox.auth import unlock_account
from inbox.context import context_of
from inbox.deps import api_user, supervisor_user
from inbox.schemas import ERRORS, NOT_FOUND_ERRORS, UserOut, user_out

router = APIRouter()


@router.get("/users", response_model=list[UserOut], responses=ERRORS, tags=["auth"])
def users(request: Request, user: User = Depends(api_user)) -> Any:
    """The active advisors and supervisors of your chamber (to assign a case)."""
    return [user_out(u) for u in context_of(request).accounts.list_users(user.chamber_id)]


@router.post("/users/{user_id}/unlock", status_code=204, responses=NOT_FOUND_ERRORS, tags=["supervision"])
def unlock(
    request: Request,
    user_id: int = Path(ge=1, le=2**63 - 1),  # a database integer
    user: User = Depends(supervisor_user),
) -> Response:
    """Forget an account's failed logins (an advisor kept out by someone guessing): supervisors, own chamber."""
    try:
        unlock_account(context_of(request), user, user_id)
    except LookupError:
        return JSONResponse({"detail": "Compte introuvable."}, status_code=404)
    return Response(status_code=204)
