"""The live chat, the advisor's socket (issue 16): ``WebSocket /inbox/live/{reference}?after={last_id}``.

The session cookie authenticates, as on the pages; the Origin must be this site (another site's page cannot
open a socket with the advisor's cookie). The advisor holding the conversation reads and writes; any advisor
of the chamber may read it while it waits; nobody else. Client frames: ``{"type": "message", "text",
"client_id"}``, ``{"type": "handback"}``, ``{"type": "close", "text"}``; server frames as the artisan's
(widget/live.py), plus ``{"type": "error", "detail"}``.
"""

from __future__ import annotations

from typing import Any, cast
from urllib.parse import urlsplit

import anyio
from fastapi import APIRouter, Request, WebSocket

from cases.errors import CaseNotFound, InvalidInput
from cases.live import LiveClosed, LiveForbidden
from cases.reference import REFERENCE_PATTERN
from inbox.auth import current_user
from inbox.context import context_of
from ops import clock
from ops.live import Cursor, Send
from widget.live import after_of, close_quietly, receiver, run_quietly

router = APIRouter()

NOT_HOLDER = "Un autre conseiller tient cette conversation : vous ne pouvez que la lire."
INVALID = "Message vide ou trop long (2 000 caractères au plus)."
ENDED = "Cette conversation en direct est terminée."

# Close codes: the page shows why and does not reconnect.
UNAUTHENTICATED, FORBIDDEN = 4401, 4403


def same_site(websocket: WebSocket) -> bool:
    origin = websocket.headers.get("origin")
    if not origin:
        return True  # not a browser: the session cookie or nothing
    return urlsplit(origin).netloc == websocket.headers.get("host")


@router.websocket("/inbox/live/{reference}")
async def advisor_socket(websocket: WebSocket, reference: str) -> None:
    if not same_site(websocket) or not REFERENCE_PATTERN.match(reference):
        await websocket.close(code=1008)
        return
    user = current_user(cast(Request, websocket))
    if user is None:
        await websocket.close(code=UNAUTHENTICATED)
        return
    context = context_of(cast(Request, websocket))
    hub = context.hub
    try:
        state = await anyio.to_thread.run_sync(context.live.state_of_case, reference, user)
    except CaseNotFound:
        await websocket.close(code=FORBIDDEN)
        return
    if state.state == "active" and state.advisor_id != user.id:
        await websocket.close(code=FORBIDDEN)  # another advisor's conversation: theirs alone
        return
    await websocket.accept()

    async def handle(frame: dict[str, Any], send: Send, _cursor: Cursor) -> None:
        kind = frame.get("type")
        try:
            if kind == "message":
                await hub.advisor_message(reference, user, frame.get("text"), frame.get("client_id"))
            elif kind == "handback":
                await hub.hand_back(reference, user)
            elif kind == "close":
                await hub.close_chat(reference, user, frame.get("text"))
        except InvalidInput:
            await send({"type": "error", "detail": INVALID, "client_id": frame.get("client_id")})
        except LiveForbidden:
            await send({"type": "error", "detail": NOT_HOLDER, "client_id": frame.get("client_id")})
        except LiveClosed:
            await send({"type": "error", "detail": ENDED, "client_id": frame.get("client_id")})

    after = after_of(websocket.query_params.get("after"))
    presence = {"type": "presence", "artisan": "online" if state.artisan_online(clock.now()) else "offline"}
    first = [state.frame(), presence]
    socket = hub.run_socket(
        state.case_id, after, websocket.send_json, receiver(websocket), handle, first, artisan_presence=True
    )
    await run_quietly(socket)
    await close_quietly(websocket)
