"""Rasa's calls to the action server (and its other HTTP endpoints) over kept-alive connections.

Rasa 3.6's EndpointConfig.request opens a new aiohttp ClientSession for every call, so every custom action
and form validation paid a TCP connection to the action server (and, in production, to nginx in front of
it), and the server a new Sanic connection. Here each process and event loop keeps one session, whose
connection pool reuses idle connections. Everything else is Rasa's request: the same headers, query
parameters, compression, timeout, errors and JSON answer.

An idle connection is dropped after KEEPALIVE_S, well before the action server's Sanic closes it (5 s,
Sanic's KEEP_ALIVE_TIMEOUT): a call is never sent on a connection the server is closing, which aiohttp would
report as an error (a POST is not retried, and an action may have effects).
"""

from __future__ import annotations

import asyncio
import os
import ssl
from typing import Any

import aiohttp
from aiohttp.client_exceptions import ContentTypeError
from rasa.core.constants import DEFAULT_REQUEST_TIMEOUT
from rasa.shared.exceptions import FileNotFoundException
from rasa.utils.endpoints import ClientResponseError, EndpointConfig, concat_url

from bot import speedups

KEEPALIVE_S = 2.0

# (process id, event loop) -> the session of that loop. A forked worker or a new loop makes its own: a
# session belongs to the loop it was made in, and a connection must not be shared with another process.
_sessions: dict[tuple[int, int], tuple[asyncio.AbstractEventLoop, aiohttp.ClientSession]] = {}


def shared_session() -> aiohttp.ClientSession:
    loop = asyncio.get_running_loop()
    key = (os.getpid(), id(loop))
    known = _sessions.get(key)
    if known is not None and known[0] is loop and not known[1].closed:
        return known[1]
    # Sessions of loops that ended (one per asyncio.run) or of the process this one was forked from.
    for stale in [k for k, (owner, _) in _sessions.items() if owner.is_closed() or k[0] != key[0]]:
        del _sessions[stale]
    session = aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(keepalive_timeout=KEEPALIVE_S),
        timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
        # json.dumps' text, each event of an action call written once (bot/speedups.py)
        json_serialize=speedups.json_dumps,
    )
    _sessions[key] = (loop, session)
    return session


async def close_sessions(*_: Any) -> None:
    """Closes this process's sessions of the running loop (a Sanic `after_server_stop` listener)."""
    loop = asyncio.get_running_loop()
    for key, (owner, session) in list(_sessions.items()):
        if owner is loop and key[0] == os.getpid():
            del _sessions[key]
            await session.close()


async def request(
    self: EndpointConfig,
    method: str = "post",
    subpath: str | None = None,
    content_type: str | None = "application/json",
    compress: bool = False,
    **kwargs: Any,
) -> Any:
    """EndpointConfig.request of Rasa 3.6.21 on the loop's shared session (see the module's docstring)."""
    headers = {}
    if content_type:
        headers["Content-Type"] = content_type
    if "headers" in kwargs:
        headers.update(kwargs.pop("headers"))
    if self.headers:
        headers.update(self.headers)
    url = concat_url(self.url, subpath)

    sslcontext = None
    if self.cafile:
        try:
            sslcontext = ssl.create_default_context(cafile=self.cafile)
        except FileNotFoundError as e:
            raise FileNotFoundException(
                f"Failed to find certificate file, '{os.path.abspath(self.cafile)}' does not exist."
            ) from e
    # Set per call here, since the session is shared by every endpoint (Rasa sets them on its session).
    auth = aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"]) if self.basic_auth else None

    async with shared_session().request(
        method,
        url,
        headers=headers,
        params=self.combine_parameters(kwargs),
        compress=compress,
        ssl=sslcontext,
        auth=auth,
        **kwargs,
    ) as response:
        if response.status >= 400:
            raise ClientResponseError(response.status, response.reason, await response.content.read())
        try:
            return await response.json()
        except ContentTypeError:
            return None


def install() -> None:
    EndpointConfig.request = request
