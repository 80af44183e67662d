"""The artisan's side of the live chat (issue 16, /work/live-protocol.md), public like the widget itself.

The conversation id (the widget's session id, unguessable) authorises; a browser's Origin must be one of the
pages allowed to embed the widget (``Settings.allowed_origins``, the same list Rasa's channels check).

| route | what |
|---|---|
| GET /widget/live/{conversation_id}/state | ``{"state", "advisor", "last_id"}``: on page load, whether to reopen the socket |
| WebSocket /widget/live/{conversation_id}?after={last_id} | the messages after ``last_id``, then live; the artisan's messages |
| POST /widget/live/{conversation_id}/leave | the artisan erased the conversation: an open session ends (204 always) |

The hub (ops.live.LiveHub, ``app.state.live_hub``) stores every message before it is sent anywhere.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from typing import Any
from urllib.parse import urlsplit

import anyio
from fastapi import APIRouter, Request, WebSocket, WebSocketDisconnect
from fastapi.responses import JSONResponse, Response

from cases.errors import InvalidInput
from cases.live import NO_SESSION, LiveClosed
from ops.live import Cursor, LiveHub, Send

router = APIRouter()

CLOSED_DETAIL = "La conversation avec le conseiller est terminée : votre message part vers l'assistant automatique."
INVALID_DETAIL = "Ce message n'a pas pu être envoyé : il est vide ou trop long (2 000 caractères au plus)."


def _valid_conversation_id(conversation_id: str) -> bool:
    return 0 < len(conversation_id) <= 255 and "\x00" not in conversation_id


def _origin_allowed(connection: Request | WebSocket) -> bool:
    origin = connection.headers.get("origin")
    if not origin:
        return True  # not a browser page: the conversation id is what authorises
    if urlsplit(origin).netloc == connection.headers.get("host"):
        return True  # this site's own pages (the demo chamber site)
    allowed: list[str] = getattr(connection.app.state, "live_origins", [])
    return origin in allowed


def _hub(connection: Request | WebSocket) -> LiveHub:
    hub: LiveHub = connection.app.state.live_hub
    return hub


def _cors(request: Request) -> dict[str, str]:
    origin = request.headers.get("origin")
    return {"Access-Control-Allow-Origin": origin, "Vary": "Origin"} if origin else {}


@router.get("/widget/live/{conversation_id}/state", include_in_schema=False)
async def live_state(conversation_id: str, request: Request) -> JSONResponse:
    if not _origin_allowed(request):
        return JSONResponse({"detail": "Origine non autorisée."}, status_code=403)
    state = None
    if _valid_conversation_id(conversation_id):
        state = await anyio.to_thread.run_sync(_hub(request).repository.state_of_conversation, conversation_id)
    body = state.public() if state is not None else {"state": NO_SESSION, "advisor": None, "last_id": 0}
    return JSONResponse(body, headers={**_cors(request), "Cache-Control": "no-store"})


@router.post("/widget/live/{conversation_id}/leave", include_in_schema=False)
async def leave(conversation_id: str, request: Request) -> Response:
    """ "Effacer la conversation" in the widget: the advisor must not keep talking to a screen wiped clean.
    No body (a simple cross-origin request, no preflight); 204 whether or not a session was open."""
    if not _origin_allowed(request):
        return JSONResponse({"detail": "Origine non autorisée."}, status_code=403)
    if _valid_conversation_id(conversation_id):
        await _hub(request).artisan_left(conversation_id)
    return Response(status_code=204, headers=_cors(request))


@router.websocket("/widget/live/{conversation_id}")
async def live_socket(websocket: WebSocket, conversation_id: str) -> None:
    if not _origin_allowed(websocket) or not _valid_conversation_id(conversation_id):
        await websocket.close(code=1008)
        return
    hub = _hub(websocket)
    after = after_of(websocket.query_params.get("after"))
    state = await anyio.to_thread.run_sync(hub.repository.state_of_conversation, conversation_id)
    await websocket.accept()
    if state is None or not state.open:
        # Nothing waiting or held: the widget talks to the bot. The messages it missed still come (a closing line).
        if state is not None:
            for message in await anyio.to_thread.run_sync(hub.repository.messages_after, state.case_id, after):
                await websocket.send_json(message.frame())
        await websocket.send_json({"type": "state", "state": state.state if state else NO_SESSION, "advisor": None})
        await websocket.close(code=1000)
        return

    async def handle(frame: dict[str, Any], send: Send, cursor: Cursor) -> None:
        if frame.get("type") != "message":
            return
        try:
            message = await hub.artisan_message(conversation_id, frame.get("text"), frame.get("client_id"))
        except InvalidInput:
            await send({"type": "error", "detail": INVALID_DETAIL, "client_id": frame.get("client_id")})
            return
        except LiveClosed:
            await send({"type": "error", "detail": CLOSED_DETAIL, "client_id": frame.get("client_id")})
            current = await anyio.to_thread.run_sync(hub.repository.state_of_conversation, conversation_id)
            await send({"type": "state", "state": current.state if current else NO_SESSION, "advisor": None})
            return
        if message.id <= cursor.last:  # sent again after a reconnect, already stored: its echo once more
            await send(message.frame())

    presence = asyncio.create_task(hub.artisan_here(state.case_id))  # advisors see the artisan is there
    try:
        await run_quietly(
            hub.run_socket(state.case_id, after, websocket.send_json, receiver(websocket), handle, [state.frame()])
        )
    finally:
        presence.cancel()
        with contextlib.suppress(asyncio.CancelledError), anyio.CancelScope(shield=True):
            await presence
    await close_quietly(websocket)


async def run_quietly(socket: Any) -> None:
    """A socket's life; the client leaving in the middle of a send is its normal end."""
    with contextlib.suppress(WebSocketDisconnect, RuntimeError, OSError):
        await socket


def after_of(value: str | None) -> int:
    return int(value) if value and value.isdigit() and len(value) < 19 else 0


def receiver(websocket: WebSocket) -> Any:
    async def receive() -> dict[str, Any] | None:
        while True:
            try:
                text = await websocket.receive_text()
            except (WebSocketDisconnect, RuntimeError):
                return None
            try:
                frame = json.loads(text)
            except ValueError:
                continue
            if isinstance(frame, dict):
                return frame

    return receive


async def close_quietly(websocket: WebSocket) -> None:
    with contextlib.suppress(RuntimeError):  # already closed by the client
        await websocket.close()
