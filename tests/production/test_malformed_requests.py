"""Malformed requests through nginx get a 4xx, never a 5xx, and every process keeps serving."""

from __future__ import annotations

import json

import pytest

REST = "/webhooks/rest/webhook"
LOGIN = "/api/v1/auth/login"
NOTE = "/api/v1/cases/RL-AAAAAA/notes"


def _json(data) -> bytes:
    return json.dumps(data).encode()


MALFORMED = {
    "invalid-json": b'{"sender": "x", "message": ',
    "invalid-utf8": b'{"sender": "x", "message": "caf\xe9 \xff\xfe"}',
    "over-1mb": _json({"sender": "x", "message": "a" * 1_100_000}),
    "json-array": b"[1, 2, 3]",
    "json-null": b"null",
    "json-string": b'"bonjour"',
    "empty-body": b"",
    "wrong-types": _json({"sender": {"a": 1}, "message": ["bonjour"]}),
    "nul-in-sender": _json({"sender": "x\u0000", "message": "bonjour"}),  # stopped a Rasa server on PostgreSQL
    "sender-too-long": _json({"sender": "x" * 300, "message": "bonjour"}),
}


@pytest.mark.parametrize("path", [REST, LOGIN, NOTE], ids=["rasa-rest", "inbox-login", "inbox-note"])
@pytest.mark.parametrize("body", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_bodies_get_a_4xx(system, path, body):
    headers = {"Content-Type": "application/json"}
    if path == NOTE:
        headers["Authorization"] = f"Bearer {system.api_token}"
    response = system.http.post(f"{system.public_url}{path}", content=body, headers=headers)
    assert 400 <= response.status_code < 500, (response.status_code, response.text[:200])


def test_a_chat_message_longer_than_the_widget_allows_stops_at_nginx(system):
    # A message of hundreds of kilobytes would keep a Rasa server busy for minutes.
    response = system.http.post(f"{system.public_url}{REST}", json={"sender": "x", "message": "a" * 60_000})
    assert response.status_code == 413


@pytest.mark.parametrize(
    "path, body, expected",
    [
        # Rasa's REST channel ignores fields it does not know (its protocol has optional ones, like metadata).
        (REST, {"sender": "unknown-fields", "message": "bonjour", "admin": True, "extra": [1]}, 200),
        # The inbox login refuses a request with unknown fields only through its validation of known ones.
        (LOGIN, {"email": "personne@cma.test", "password": "mauvais-mot-de-passe", "role": "supervisor"}, 401),
    ],
    ids=["rasa-rest", "inbox-login"],
)
def test_unknown_fields_are_never_a_server_error(system, path, body, expected):
    response = system.http.post(f"{system.public_url}{path}", json=body)
    assert response.status_code == expected, response.text[:200]


@pytest.mark.parametrize(
    "query",
    ["EIO=99&transport=polling", "EIO=4&transport=carrier-pigeon", "EIO=4&transport=polling&sid=not-a-session"],
)
def test_malformed_socketio_handshakes_get_a_4xx(system, query):
    response = system.http.get(f"{system.public_url}/socket.io/?{query}")
    assert 400 <= response.status_code < 500, response.status_code


def test_the_system_still_converses_after_the_malformed_requests(system):
    artisan = system.artisan()
    turn = artisan.say("bonjour")
    assert turn.status == 200 and turn.replies
    for process in system.stack.processes.values():
        assert process.is_running(), process.name
