"""The security suite: each failure of issue 15 tried against the real processes (the session's `stack`).

The session stack leaves 127.0.0.1 out of the artisans' rate limits (the rest of the suite talks from
there all session long); these tests talk from other loopback addresses (127.0.0.N), which Linux routes
to the same servers, so the limits they meet are the product's own.
"""

from __future__ import annotations

import itertools
import uuid

import httpx
import pytest

_addresses = itertools.count(20)


def client_from_new_address(timeout: float = 60) -> httpx.Client:
    """An HTTP client whose connections come from a loopback address no other test used."""
    address = f"127.0.0.{next(_addresses)}"
    return httpx.Client(timeout=timeout, transport=httpx.HTTPTransport(local_address=address))


@pytest.fixture
def stranger():
    """A client from an address of its own: what one artisan's browser, or one script, looks like."""
    with client_from_new_address() as http:
        yield http


def say(http: httpx.Client, rasa_url: str, text: str, sender: str | None = None) -> httpx.Response:
    return http.post(
        f"{rasa_url}/webhooks/rest/webhook", json={"sender": sender or f"sec-{uuid.uuid4().hex[:12]}", "message": text}
    )


def texts(response: httpx.Response) -> str:
    return " ".join(message.get("text", "") for message in response.json())


# The inbox on SQLite and PostgreSQL, as tests/integration/inbox runs it (login tests).
from tests.integration.inbox.conftest import (  # noqa: E402, F401
    accounts,
    app,
    audit,
    client,
    inbox_database_url,
    make_user,
    new_client,
    repository,
    session_app,
)
