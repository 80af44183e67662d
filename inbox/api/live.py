"""The live chat, the advisor's side over HTTP (issue 16): claim a waiting conversation, read its live state
and messages, and the inbox pages' presence heartbeat. The messages themselves go over the WebSocket of
inbox/pages/live.py."""

from __future__ import annotations

from typing import Any

import anyio
from fastapi import APIRouter, Depends, Query, Request

from cases.models import User
from inbox.context import context_of
from inbox.deps import ReferencePath, api_user
from inbox.schemas import NOT_FOUND_ERRORS, ApiError
from ops import clock

router = APIRouter()


def state_out(state: Any) -> dict[str, Any]:
    return {
        "state": state.state,
        "advisor": state.advisor,
        "advisor_id": state.advisor_id if state.state == "active" else None,
        "last_id": state.last_id,
        "reference": state.reference,
    }


@router.post(
    "/cases/{reference}/live/claim",
    responses={**NOT_FOUND_ERRORS, 409: {"model": ApiError}},
    tags=["live"],
)
async def claim(request: Request, reference: str = ReferencePath, user: User = Depends(api_user)) -> Any:
    """Join the artisan's waiting conversation: one advisor only (409 when another one holds it). The bot is
    paused and the artisan reads who joined."""
    return state_out(await context_of(request).hub.claim(reference, user))


@router.get("/cases/{reference}/live", responses=NOT_FOUND_ERRORS, tags=["live"])
async def live_messages(
    request: Request,
    reference: str = ReferencePath,
    after: int = Query(0, ge=0, le=2**62),
    user: User = Depends(api_user),
) -> Any:
    """The live state and the live messages after the id ``after``."""
    repository = context_of(request).live
    state = await anyio.to_thread.run_sync(repository.state_of_case, reference, user)
    messages = await anyio.to_thread.run_sync(repository.messages_after, state.case_id, after)
    return {**state_out(state), "messages": [m.frame() for m in messages]}


@router.post("/presence", status_code=204, tags=["live"])
def presence(request: Request, user: User = Depends(api_user)) -> None:
    """An inbox page is open: the live chat is offered to artisans while an advisor of the chamber is present
    (a heartbeat within 90 s; the pages send one every 30 s)."""
    context_of(request).live.heartbeat(user, clock.now())
