"""bot.action_client: Rasa's endpoint calls (custom actions, form validations) reuse their connections, and
otherwise behave as Rasa's EndpointConfig.request: headers, query parameters, JSON answer, errors."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from rasa.utils.endpoints import ClientResponseError, EndpointConfig

from bot import action_client


@contextlib.asynccontextmanager
async def webhook_server() -> AsyncIterator[tuple[str, list[dict]]]:
    """A real HTTP server on the loopback recording, for each call, the client's port and what it sent."""
    calls: list[dict] = []

    async def webhook(request: web.Request) -> web.Response:
        calls.append(
            {
                "client_port": request.transport.get_extra_info("peername")[1],
                "headers": dict(request.headers),
                "query": dict(request.query),
                "body": await request.json(),
            }
        )
        if request.query.get("fail"):
            return web.json_response({"error": "no"}, status=400)
        return web.json_response({"events": [], "responses": [{"text": "bonjour"}]})

    app = web.Application()
    app.router.add_post("/webhook", webhook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}/webhook", calls
    finally:
        await action_client.close_sessions()
        await runner.cleanup()


def test_successive_calls_use_one_connection_and_send_what_rasa_sends():
    async def scenario() -> tuple[list[dict], list]:
        async with webhook_server() as (url, calls):
            endpoint = EndpointConfig(url, headers={"X-Relais-Token": "secret"}, token="t0k")
            answers = [
                await action_client.request(endpoint, json={"next_action": f"action_{i}"}, method="post", timeout=10)
                for i in range(5)
            ]
            return calls, answers

    calls, answers = asyncio.run(scenario())

    assert answers == [{"events": [], "responses": [{"text": "bonjour"}]}] * 5
    assert len({call["client_port"] for call in calls}) == 1  # Rasa's own request: five connections
    assert [call["body"]["next_action"] for call in calls] == [f"action_{i}" for i in range(5)]
    assert all(call["headers"]["X-Relais-Token"] == "secret" for call in calls)
    assert all(call["headers"]["Content-Type"] == "application/json" for call in calls)
    assert all(call["query"] == {"token": "t0k"} for call in calls)


def test_concurrent_calls_each_get_a_connection_and_an_error_status_raises_as_in_rasa():
    async def scenario() -> tuple[list[dict], BaseException | None]:
        async with webhook_server() as (url, calls):
            endpoint = EndpointConfig(url)
            await asyncio.gather(*(action_client.request(endpoint, json={"i": i}) for i in range(3)))
            error = None
            try:
                await action_client.request(endpoint, json={}, params={"fail": "1"})
            except ClientResponseError as raised:
                error = raised
            return calls, error

    calls, error = asyncio.run(scenario())

    assert sorted(call["body"].get("i", -1) for call in calls) == [-1, 0, 1, 2]
    assert error is not None and error.status == 400


def test_a_new_event_loop_gets_its_own_session():
    async def session_of_this_loop():
        async with webhook_server() as (url, _):
            session = action_client.shared_session()
            await action_client.request(EndpointConfig(url), json={})
            assert action_client.shared_session() is session
            return session

    first = asyncio.run(session_of_this_loop())
    second = asyncio.run(session_of_this_loop())  # the first is still referenced: its id cannot be reused
    assert second is not first and first.closed and second.closed
    assert all(not owner.is_closed() for owner, _ in action_client._sessions.values())


@pytest.fixture(autouse=True)
def _no_session_left() -> None:
    yield
    action_client._sessions.clear()
